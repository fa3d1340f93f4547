"""The gazetteer: every province, city and county of regions.csv with its names, loaded (and kept
in memory) once per lexicon, and its questions about texts (places, regions, units' regions).

The gazetteer (data/lexicons/regions.csv, built by scripts/build_regions.py) lists every
province, prefecture-level unit and county-level unit with its safe short forms. Ambiguous names
(鼓楼区, 朝阳区, 普陀区, 吉林) are resolved from the document's other place names (parents and
siblings) and otherwise stay unresolved, keeping only what all candidates share.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from djtext.lexicon import Lexicon, LexiconError, load_lexicon
from djtext.regions.finding import PlaceHit, find_hits
from djtext.regions.matcher import NEVER, NameMatcher
from djtext.regions.places import Places
from djtext.regions.profile import pick, profile_of
from djtext.regions.region import EMPTY, LEVELS, Region
from djtext.regions.units import document_place, unit_region
from djtext.text import longest_first

DEFAULT_PLACEHOLDERS = "XxＸｘ*＊×某"
DOC_CACHE_SIZE = 16


class Gazetteer:
    """Every province, city and county with its names; finds and resolves places in text."""

    _default: Gazetteer | None = None                      # cache: the built-in gazetteer
    _by_sources: dict[tuple[str, ...], Gazetteer] = {}     # cache: gazetteers of user lexicons

    def __init__(self, rows: Sequence[dict[str, str]], stoplist: Sequence[str] = (),
                 cues: Sequence[str] = (), placeholders: str = DEFAULT_PLACEHOLDERS,
                 char_order: Sequence[str] = ()) -> None:
        """Build from gazetteer rows (code, level, name, short, province, city)."""
        self.rows = [dict(r) for r in rows]
        self.char_order = tuple(char_order)
        self.stoplist = tuple(stoplist)
        self.cues = tuple(sorted(set(cues), key=longest_first))
        self.placeholders = placeholders
        self._build()

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        surfaces: dict[str, list[Region]] = defaultdict(list)
        full_names: set[str] = set()
        for number, row in enumerate(self.rows, start=1):
            level, name = row.get("level", ""), row.get("name", "")
            if level not in LEVELS or not name:
                raise LexiconError(f"regions.csv: row {number} needs a level in {LEVELS} and a name")
            if level == "province":
                city = name if name.endswith("市") else None   # municipalities are their own city
                region = Region(name, city, None, "province")
            elif level == "city":
                region = Region(row.get("province") or None, name, None, "city")
            else:
                region = Region(row.get("province") or None, row.get("city") or None, name, "county")
            for surface in [name, *filter(None, (row.get("short") or "").split("|"))]:
                if region not in surfaces[surface]:
                    surfaces[surface].append(region)
            full_names.add(name)
        self._surfaces = {s: tuple(rs) for s, rs in surfaces.items()}
        self.matcher = NameMatcher(self._surfaces, full_names, self.stoplist, self.cues, self.char_order)
        self._near: dict[str, list[str]] | None = None
        self._doc_cache: dict[int, tuple[str, Places]] = {}
        self.placeholder_re = re.compile(
            rf"[{re.escape(self.placeholders)}]+(?:自治区|自治州|自治县|地区|[省市区县州盟旗]|政协)"
            if self.placeholders else r"(?!x)x")

    def near_names(self, place: str) -> list[str]:
        """Full names one character away from ``place`` (OCR damage), with the same length and
        level suffix; names of at least three characters only (山县 and 川县 are both real)."""
        if len(place) < 3 or place in self._surfaces:
            return []
        if self._near is None:
            near: dict[str, list[str]] = defaultdict(list)
            for name in {r.get("name", "") for r in self.rows}:
                if 3 <= len(name) <= 8:
                    for i in range(len(name) - 1):
                        near[name[:i] + NEVER + name[i + 1:]].append(name)
            self._near = dict(near)
        found: list[str] = []
        for i in range(len(place) - 1):
            for name in self._near.get(place[:i] + NEVER + place[i + 1:], ()):
                if name not in found:
                    found.append(name)
        return found

    def __getstate__(self) -> dict:
        return {"rows": self.rows, "stoplist": self.stoplist, "cues": self.cues,
                "placeholders": self.placeholders, "char_order": self.char_order}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._build()

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon | None = None) -> Gazetteer:
        """The gazetteer of a lexicon (the built-in one, cached, when ``lexicon`` is None)."""
        if lexicon is None and cls._default is not None:
            return cls._default
        lex = lexicon if lexicon is not None else load_lexicon()
        if lex.sources and lex.sources in cls._by_sources:  # one gazetteer (and doc cache) per lexicon
            gaz = cls._by_sources[lex.sources]
            if lexicon is None:
                cls._default = gaz
            return gaz
        rows = lex.rows("regions")
        if not rows:
            raise LexiconError("regions.csv: gazetteer is missing or empty")
        placeholders = "".join(r.get("term", "") for r in lex.rows("unit_terms")
                               if r.get("kind") == "placeholder") or DEFAULT_PLACEHOLDERS
        gaz = cls(rows, lex.column("regions_stoplist"), lex.column("regions_cues"), placeholders,
                  lex.column("regions_chars"))
        if lexicon is None:
            cls._default = gaz
        if lex.sources:
            if len(cls._by_sources) >= 4:
                cls._by_sources.clear()
            cls._by_sources[lex.sources] = gaz
        return gaz

    # -- finding ------------------------------------------------------------------------
    def candidates(self, surface: str) -> tuple[Region, ...]:
        """Every region a name may denote (empty when it is not a known name)."""
        return self._surfaces.get(surface, ())

    def find_places(self, text: str) -> list[PlaceHit]:
        """Place names in ``text``: full names, and short forms with evidence (see ``find_hits``)."""
        return find_hits(self.matcher, text, self.matcher.matches(text))

    def places(self, doc_text: str) -> Places:
        """The ``Places`` of a document's text (its name matches found once; cached per text)."""
        key = hash(doc_text)
        cached = self._doc_cache.get(key)
        if cached is not None and cached[0] == doc_text:
            if len(self._doc_cache) > 1:  # least recently used goes first: the document outlives its parts
                self._doc_cache[key] = self._doc_cache.pop(key)
            return cached[1]
        places = Places(self.matcher, doc_text)
        if len(self._doc_cache) >= DOC_CACHE_SIZE:
            self._doc_cache.pop(next(iter(self._doc_cache)))
        self._doc_cache[key] = (doc_text, places)
        return places

    # -- resolving ----------------------------------------------------------------------
    def resolve(self, surface: str, context: Sequence[PlaceHit] | None = None) -> Region | None:
        """The region a place name denotes given the document's other places; None if unknown."""
        candidates = self._surfaces.get(surface)
        if not candidates:
            hits = self.find_places(surface)
            if len(hits) != 1:
                return None
            candidates = hits[0].candidates
        return pick(candidates, profile_of(context or ()))

    def document_places(self, doc_text: str) -> list[PlaceHit]:
        """All place hits of a document (cached per text)."""
        return list(self.places(doc_text).hits)

    def document_region(self, doc_text: str) -> Region:
        """The region a document is about: the places it mentions most, as deep as is clear."""
        return self.places(doc_text).region

    def attribute_unit(self, unit_name: str, doc_text: str | None = None,
                       default: Region | None = None, places: Places | None = None) -> Region:
        """The region of a reporting unit from its name, else the document's (or ``default``);
        ``places``: the document's ``Places`` (made from ``doc_text`` when not given)."""
        if places is None and doc_text:
            places = self.places(doc_text)
        return unit_region(self, unit_name, places, default)

    def document_county(self, doc_text: str, around: Region = EMPTY, word: str = "") -> Region | None:
        """The one county-level place a document is about (see ``document_place``)."""
        return self.document_place(doc_text, around, word, "county")

    def document_place(self, doc_text: str, around: Region = EMPTY, word: str = "",
                       level: str = "county") -> Region | None:
        """The one place of ``level`` a document is about, for a unit named by its level alone
        (区政协, 县政协, 州政协; see ``djtext.regions.units.document_place``)."""
        return document_place(self.places(doc_text), around, word, level)


def document_region(doc_text: str, gazetteer: Gazetteer | None = None) -> Region:
    """The region a document is about (see Gazetteer.document_region)."""
    return (gazetteer or Gazetteer.from_lexicon()).document_region(doc_text)
