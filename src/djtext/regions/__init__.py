"""Region gazetteer and region attribution (province / city / county of places and units).

- ``region``: the Region triple (municipalities are province and city: Region(北京市, 北京市, None));
- ``matcher``: one Aho-Corasick automaton over every name and blocking word (longest match);
- ``finding``: which matches count as places, from the evidence around them (cues, parents);
- ``profile``: a document's place mass, resolving ambiguous names and the document's region;
- ``places``: a document's places, found once per text (``Document.places``), read by span;
- ``units``: the region of a reporting unit from its name and its document;
- ``gazetteer``: regions.csv loaded once per lexicon, and the questions asked of it.
"""
from djtext.regions.finding import PlaceHit, is_boundary
from djtext.regions.gazetteer import DEFAULT_PLACEHOLDERS, Gazetteer, document_region
from djtext.regions.places import Places
from djtext.regions.region import EMPTY, LEVELS, Region, agrees, common_region, make_region
from djtext.regions.units import BODY_WORDS, LEVEL_WORDS, UNIT_LEADS

__all__ = ["BODY_WORDS", "DEFAULT_PLACEHOLDERS", "EMPTY", "Gazetteer", "LEVELS", "LEVEL_WORDS", "PlaceHit",
           "Places", "Region", "UNIT_LEADS", "agrees", "common_region", "document_region", "is_boundary",
           "make_region"]
