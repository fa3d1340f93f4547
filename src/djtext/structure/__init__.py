"""Structure of a cleaned document: reporting units with their sections, and list items as a tree.

One entry point, ``analyse_structure(clean, lexicon=None)`` → (units, list items). The stages, each
in a module named after what it finds:

- ``lines``: paragraphs, logical lines, column-wrap joining, parts of a compilation (篇一：…);
  ``views``: all of them for one text, built once (``text_views(clean)`` → ``TextViews``);
- ``vocabulary`` → ``places`` → ``unit_names``: unit names (X区政协 …) from the lexicon's
  unit_terms and regions (a user's files included);
- ``bylines`` → ``sections`` → ``units``: reporting units and the sections they report on;
- ``markers`` (numbered and bold items), ``parallel`` (unmarked parallel leads) → ``tree`` →
  ``lists``: list items nested per unit section.

``find_units``, ``find_lists``, ``find_parts``, ``split_paragraphs`` and ``text_views`` are importable from here.
"""
from __future__ import annotations

from djtext.lexicon import Lexicon
from djtext.models import CleanText, ListItem, Unit
from djtext.structure.bylines import document_unit_names
from djtext.structure.lines import part_spans, split_paragraphs
from djtext.structure.lists import find_lists
from djtext.structure.unit_names import find_unit_names, unit_key
from djtext.structure.units import find_units
from djtext.structure.views import TextViews, text_views
from djtext.structure.vocabulary import UnitName, UnitVocabulary, unit_vocabulary

__all__ = ["analyse_structure", "find_units", "find_lists", "find_parts", "split_paragraphs", "find_unit_names",
           "document_unit_names",
           "unit_key", "unit_vocabulary", "UnitName", "UnitVocabulary", "TextViews", "text_views"]


def analyse_structure(clean: CleanText, lexicon: Lexicon | None = None) -> tuple[list[Unit], list[ListItem]]:
    """Reporting units and list items of ``clean``, unit names read with ``lexicon`` (built-in when None)."""
    views = text_views(clean)
    units = find_units(clean, lexicon, views)
    return units, find_lists(clean, units, lexicon, views)


def find_parts(clean: CleanText) -> list[tuple[int, int]]:
    """Spans [start, end) of the independent parts of a compilation (one span for a single text)."""
    return part_spans(clean.text)
