"""Region gazetteer and region attribution (province / city / county of places and units).

The gazetteer (data/lexicons/regions.csv, built by scripts/build_regions.py) lists every
province, prefecture-level unit and county-level unit with its safe short forms. Place names are
found with one Aho-Corasick automaton (longest match); names that are also ordinary words
(regions_stoplist.txt: 和平, 东方) need evidence such as a following 政协/区委/市 (regions_cues.txt),
and ordinary words starting or ending with a place name (中山装, 孙中山) block the match.
Ambiguous names (鼓楼区, 朝阳区, 普陀区, 吉林) are resolved from the document's other place names
(parents and siblings) and otherwise stay unresolved, keeping only what all candidates share.

Municipalities (北京市 ...) are both province and city: Region(北京市, 北京市, None); their
districts are Region(北京市, 北京市, 朝阳区). County-level units administered directly by a
province (仙桃市, 石河子市) have city None.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import ahocorasick

from djtext.lexicon import Lexicon, LexiconError, load_lexicon
from djtext.text import is_han
from djtext.text import longest_first

LEVELS = ("province", "city", "county")
DEFAULT_PLACEHOLDERS = "XxＸｘ*＊×某"
# Leading party words before a unit's own name (中共政协香坊区委员会党组, 中国共产党…).
UNIT_LEADS = ("中国共产党", "中共", "政协")
# How much a context mention of the same province / city / county supports a candidate.
WEIGHT_PROVINCE, WEIGHT_CITY, WEIGHT_COUNTY = 1.0, 2.0, 1.0
RESOLVE_RATIO = 2.0          # the best candidate needs this many times the runner-up's support
DOC_PROVINCE_SHARE = 0.5     # share of place mass the document's province must carry
DOC_CITY_SHARE = 0.5         # share of the province's mass its city must carry
DOC_COUNTY_SHARE = 0.6       # share of the city's mass its county must carry
DOC_COUNTY_MIN = 3.0         # and at least this many mentions
DOC_CACHE_SIZE = 16
MIN_SHORT_MENTIONS = 2     # short-form mentions that tell a level-only unit's county (县政协 … 桐庐)
OUTSIDE, NEVER = "\x00", "\x01"   # matcher stand-ins: a character of no name; an impossible one


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, quicker to build
class Region:
    """Province, city and county of a place or unit (None where unknown)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None

    def is_empty(self) -> bool:
        """True when nothing at all is known."""
        return self.province is None and self.city is None and self.county is None

    def contains(self, other: Region) -> bool:
        """True when ``other`` lies inside (or is) this region."""
        return all(mine is None or mine == theirs for mine, theirs in
                   ((self.province, other.province), (self.city, other.city), (self.county, other.county)))


def _level_of(province: str | None, city: str | None, county: str | None) -> str | None:
    if county:
        return "county"
    if city and city != province:
        return "city"
    return "province" if province else ("city" if city else None)


def make_region(province: str | None, city: str | None = None, county: str | None = None) -> Region:
    """A Region with its level set from its deepest known part."""
    return Region(province or None, city or None, county or None, _level_of(province, city, county))


EMPTY = Region()


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, quicker to build
class PlaceHit:
    """A place name found in a text, with every region it may denote."""

    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    full: bool = True
    strong: bool = True


@dataclass
class _Profile:
    """Place mass of a document by province, city and county (ambiguous hits split evenly)."""

    province: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    city: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    county: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    by_candidates: dict[tuple[Region, ...], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, candidates: tuple[Region, ...], times: float = 1.0) -> None:
        """Add ``times`` mentions of a hit with these candidates."""
        weight = times / len(candidates)
        for r in candidates:
            if r.province:
                self.province[r.province] += weight
            if r.city:
                self.city[(r.province or "", r.city)] += weight
            if r.county:
                self.county[(r.province or "", r.city or "", r.county)] += weight

    def support(self, c: Region) -> float:
        """How much the profile supports candidate ``c`` (its province, city and county mass)."""
        score = WEIGHT_PROVINCE * self.province.get(c.province or "", 0.0)
        if c.city:
            score += WEIGHT_CITY * self.city.get((c.province or "", c.city), 0.0)
        if c.county:
            score += WEIGHT_COUNTY * self.county.get((c.province or "", c.city or "", c.county), 0.0)
        return score


def _self_support(c: Region, candidates: tuple[Region, ...]) -> float:
    """Support one mention of a hit with ``candidates`` gives to ``c`` (to discount it)."""
    weight = 1.0 / len(candidates)
    score = 0.0
    for r in candidates:
        if r.province and r.province == c.province:
            score += WEIGHT_PROVINCE * weight
            if c.city and r.city == c.city:
                score += WEIGHT_CITY * weight
                if c.county and r.county == c.county:
                    score += WEIGHT_COUNTY * weight
    return score


def _profile(hits: Sequence[PlaceHit]) -> _Profile:
    profile = _Profile()
    for hit in hits:
        profile.add(hit.candidates)
        profile.by_candidates[hit.candidates] += 1
    return profile


def common_region(candidates: Sequence[Region]) -> Region | None:
    """What all candidates share (province, then city, then county), or None."""
    if not candidates:
        return None
    first = candidates[0]
    province = first.province if all(c.province == first.province for c in candidates) else None
    if province is None:
        return None
    city = first.city if all(c.city == first.city for c in candidates) else None
    county = first.county if city and all(c.county == first.county for c in candidates) else None
    return make_region(province, city, county)


def _pick(candidates: tuple[Region, ...], profile: _Profile) -> Region | None:
    """The candidate the profile clearly supports, else the common parts, else None."""
    if len(candidates) == 1:
        return candidates[0]
    own = profile.by_candidates.get(candidates, 0)
    scores = sorted(((profile.support(c) - own * _self_support(c, candidates), i)
                     for i, c in enumerate(candidates)), reverse=True)
    best, second = scores[0][0], scores[1][0]
    if best > 1e-9 and best >= RESOLVE_RATIO * max(second, 0.0) + 1e-9:
        return candidates[scores[0][1]]
    return common_region(candidates)


@dataclass
class _DocState:
    hits: list[PlaceHit]
    profile: _Profile
    region: Region


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
        weak = set(self.stoplist) & set(surfaces)
        self._surfaces = {s: tuple(rs) for s, rs in surfaces.items()}
        depth = {"province": 0, "city": 1, "county": 2}
        blockers = [*self.stoplist, *(c for c in self.cues if len(c) > 1)]
        alphabet = {c for word in [*surfaces, *blockers] for c in word}
        automaton = ahocorasick.Automaton()
        # pyahocorasick looks transitions up in insertion order: seed the root with every
        # character, frequent ones first, and with OUTSIDE for characters of no name (the text
        # is mapped so), through words that never match (NEVER does not occur in mapped text).
        never = (OUTSIDE, (), False, False, 1, None)
        seen = set()
        for char in [OUTSIDE, *self.char_order, *sorted(alphabet)]:
            if (char in alphabet or char == OUTSIDE) and char not in seen:
                seen.add(char)
                automaton.add_word(char + NEVER, never)
        self._outside = re.compile("[^" + "".join(re.escape(c) for c in sorted(alphabet)) + "]")
        for word in blockers:
            if word not in surfaces:          # ordinary words and cue words block places inside them
                automaton.add_word(word, (word, (), False, False, 1, None))
        for surface, regions in self._surfaces.items():
            full = surface in full_names
            top = min((r.level or "county" for r in regions), key=depth.__getitem__)
            automaton.add_word(surface, (surface, regions, full, surface in weak, 2 if full else 0, top))
        automaton.make_automaton()
        self._automaton = automaton
        self._near: dict[str, list[str]] | None = None
        self._doc_cache: dict[int, tuple[str, _DocState]] = {}
        self._placeholder_re = re.compile(
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

    def _near_region(self, name: str, fallback: Region) -> Region | None:
        """The region of a unit whose place is an OCR-damaged known name (卢尤县政协 for 卢龙县) when
        exactly one such name lies in the document's region (its province at least); EMPTY when
        the context does not agree; None when the place is no such name."""
        cut = min((i for i in (name.find(b) for b in BODY_WORDS) if i >= 0), default=-1)
        names = self.near_names(name[:cut]) if cut >= 3 else []
        if not names:
            return None
        regions = [r for near in names for r in self._surfaces.get(near, ())
                   if fallback.province and r.province == fallback.province
                   and (fallback.city is None or r.city in (None, fallback.city))]
        return regions[0] if len(regions) == 1 else EMPTY  # EMPTY: the context does not tell which

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

    def _cue_after(self, text: str, end: int) -> bool:
        cue_re = self.__dict__.get("_cue_re")
        if cue_re is None:  # spaces, then any cue (one compiled alternation instead of a loop)
            alternation = "|".join(re.escape(c) for c in self.cues) or r"(?!x)x"
            cue_re = self._cue_re = re.compile(f"[ \t\r\n\u3000]*+(?:{alternation})")
        return cue_re.match(text, end) is not None

    def _matches(self, text: str) -> list[tuple[int, int, tuple]]:
        """Non-overlapping matches: longest first; on ties full names, then cue words, then shorts."""
        found = []
        append = found.append
        values = []
        for end_index, value in self._automaton.iter(self._outside.sub(OUTSIDE, text)):
            length = len(value[0])
            append((-length, -value[4], end_index - length + 1, len(values)))
            values.append(value)
        found.sort()  # (length, rank, start) is unique per match: the index never decides
        taken = bytearray(len(text))
        chosen = []
        for neg_len, _rank, start, index in found:
            end = start - neg_len
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            value = values[index]
            if value[1]:
                chosen.append((start, end, value))
        chosen.sort()
        return chosen

    def find_places(self, text: str) -> list[PlaceHit]:
        """Place names in ``text``: full names, and short forms with evidence (see _find)."""
        return self._find(text, ())

    def _find(self, text: str, known: Sequence[PlaceHit], head: bool = False) -> list[PlaceHit]:
        """Place hits of ``text``; ``known`` are hits elsewhere in the document that confirm.

        With ``head`` (``text`` is a unit name), a name that starts the text and is followed by a
        cue counts (和县政协, 中山政协) even when it is short or a common word.

        A short form counts when a cue (政协, 区委, 市 ...) follows it or its parent place comes
        right before it; otherwise a county's short form needs the document to name its city or
        itself in full, and a city's short form needs a word boundary before it or the document
        to name its province. Names that are also ordinary words (the stop-list) count only with
        a cue and the document's confirmation, or right after their parent place.
        """
        accepted: list[PlaceHit | None] = []
        pending: list[tuple[int, PlaceHit, bool]] = []
        prev: PlaceHit | None = None
        for start, end, (surface, regions, full, weak, _rank, top) in self._matches(text):
            adjacent = prev is not None and prev.end == start
            if adjacent:                      # 舟山普陀, 上海市普陀区: keep the parent's children
                inside = tuple(r for r in regions if any(p.contains(r) and p != r for p in prev.candidates))
                if inside:
                    regions = inside
                else:
                    adjacent = False
            cue = self._cue_after(text, end)
            if head and start == 0 and cue:
                direct = True
            elif full and not weak and len(surface) > 2:
                direct = True
            elif adjacent:
                direct = True
            elif weak or full:                # common words and two-character names (和县, 城区)
                direct = None if cue else False
            elif top == "province":
                direct = True
            elif top == "city":
                direct = True if cue or start == 0 or _is_boundary(text[start - 1]) else None
            else:
                direct = True if cue else None
            if direct is False:
                continue
            hit = PlaceHit(start, end, surface, regions, full, bool(direct))
            if direct:
                accepted.append(hit)
                prev = hit
            else:
                pending.append((len(accepted), hit, top == "city"))
                accepted.append(None)
        if pending:
            provinces, cities, counties = set(), set(), set()
            for hit in [*accepted, *known]:
                if hit is not None:
                    for r in hit.candidates:
                        provinces.add(r.province)
                        if r.city:
                            cities.add((r.province, r.city))
                        if r.county:
                            counties.add((r.province, r.city, r.county))
            for slot, hit, city_level in pending:
                confirmed = tuple(
                    r for r in hit.candidates
                    if (r.province, r.city, r.county) in counties
                    or (r.city and (r.province, r.city) in cities)
                    or ((city_level or hit.full) and r.province in provinces))
                if confirmed:
                    accepted[slot] = PlaceHit(hit.start, hit.end, hit.surface, confirmed, hit.full, False)
        return [hit for hit in accepted if hit is not None]

    # -- resolving ----------------------------------------------------------------------
    def resolve(self, surface: str, context: Sequence[PlaceHit] | None = None) -> Region | None:
        """The region a place name denotes given the document's other places; None if unknown."""
        candidates = self._surfaces.get(surface)
        if not candidates:
            hits = self.find_places(surface)
            if len(hits) != 1:
                return None
            candidates = hits[0].candidates
        return _pick(candidates, _profile(context or ()))

    def _state(self, doc_text: str) -> _DocState:
        key = hash(doc_text)
        cached = self._doc_cache.get(key)
        if cached is not None and cached[0] == doc_text:
            if len(self._doc_cache) > 1:  # least recently used goes first: the document outlives its parts
                self._doc_cache[key] = self._doc_cache.pop(key)
            return cached[1]
        hits = self.find_places(doc_text)
        profile = _profile(hits)
        state = _DocState(hits, profile, _dominant_region(profile))
        if len(self._doc_cache) >= DOC_CACHE_SIZE:
            self._doc_cache.pop(next(iter(self._doc_cache)))
        self._doc_cache[key] = (doc_text, state)
        return state

    def document_places(self, doc_text: str) -> list[PlaceHit]:
        """All place hits of a document (cached per text)."""
        return list(self._state(doc_text).hits)

    def document_region(self, doc_text: str) -> Region:
        """The region a document is about: the places it mentions most, as deep as is clear."""
        return self._state(doc_text).region

    def attribute_unit(self, unit_name: str, doc_text: str | None = None,
                       default: Region | None = None) -> Region:
        """The region of a reporting unit from its name, else the document's (or ``default``)."""
        name = (unit_name or "").strip()
        if not name or self._placeholder_re.search(name):
            return EMPTY
        state = self._state(doc_text) if doc_text else None
        fallback = default if default is not None else (state.region if state else EMPTY)
        name = _strip_leads(name)
        hits = self._find(name, state.hits if state else (), head=True)
        if hits:
            return self._unit_region(hits, state, fallback)
        near = self._near_region(name, fallback)
        if near is not None:
            return near if near.province else EMPTY
        region = _generic_unit_region(name, fallback)
        word, level = _unit_level_word(name)
        if level in ("county", "city") and getattr(region, level) is None and doc_text:
            place = self.document_place(doc_text, region, word, level)
            if place is not None:
                return place
        return region

    def document_county(self, doc_text: str, around: Region = EMPTY, word: str = "") -> Region | None:
        """The one county-level place a document is about (see ``document_place``)."""
        return self.document_place(doc_text, around, word, "county")

    def document_place(self, doc_text: str, around: Region = EMPTY, word: str = "",
                       level: str = "county") -> Region | None:
        """The one place of ``level`` a document is about, for a unit named by its level alone
        (区政协, 县政协, 州政协): the only such place inside ``around`` that it names in full (with
        the level ``word`` when given), else the only one whose short form it writes at least twice."""
        state = self._state(doc_text)

        def fits(r: Region) -> bool:
            name = getattr(r, level)
            return (r.level == level and name is not None and _agrees(around, r)
                    and (not word or name.endswith(word)))

        named = {c for hit in state.hits if hit.full for c in hit.candidates if fits(c)}
        named_hits = [hit for hit in state.hits if hit.full and any(fits(c) for c in hit.candidates)]
        if len(named) == 1 and all(len(hit.candidates) == 1 for hit in named_hits):
            return next(iter(named))
        if named:
            return None
        counts: dict[Region, int] = defaultdict(int)
        for _start, _end, (_surface, regions, full, weak, _rank, _top) in self._matches(doc_text):
            fitting = [r for r in regions if fits(r)]
            if not full and not weak and len(fitting) == 1 and len(regions) == 1:
                counts[fitting[0]] += 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= MIN_SHORT_MENTIONS and (len(ranked) == 1 or ranked[1][1] < ranked[0][1] / 2):
            return ranked[0][0]
        return None

    def _unit_region(self, hits: list[PlaceHit], state: _DocState | None, fallback: Region) -> Region:
        depth = {"province": 0, "city": 1, "county": 2}
        target = max(enumerate(hits), key=lambda ih: (max(depth[r.level or "province"] for r in ih[1].candidates), ih[0]))[1]
        candidates = target.candidates
        for other in hits:                    # other places in the name must contain the unit's
            if other is target:
                continue
            inside = tuple(c for c in candidates if any(o.contains(c) for o in other.candidates))
            if inside:
                candidates = inside
        if len(candidates) == 1:
            return candidates[0]
        if state is not None:
            picked = _pick(candidates, state.profile)
            if picked is not None and picked in candidates:
                return picked
        if not fallback.is_empty():
            agreeing = tuple(c for c in candidates if _agrees(fallback, c))
            if len(agreeing) == 1:
                return agreeing[0]
            if agreeing:
                candidates = agreeing
        return common_region(candidates) or EMPTY


BOUNDARY_WORDS = frozenset("在赴到于与及和从对向是为")


def _is_boundary(char: str) -> bool:
    """True for a character before which a name starts a word (punctuation, space, 在/赴 ...)."""
    return not is_han(char) or char in BOUNDARY_WORDS


def _agrees(doc: Region, c: Region) -> bool:
    """True when candidate ``c`` is consistent with the document region ``doc``."""
    return all(d is None or x is None or d == x for d, x in
               ((doc.province, c.province), (doc.city, c.city), (doc.county, c.county)))


def _strip_leads(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for lead in UNIT_LEADS:
            if name.startswith(lead) and len(name) > len(lead):
                name, changed = name[len(lead):], True
    return name


# Organisation words a unit name is anchored on; the word right before the first one gives the
# level of a unit named without a place (市政协, 自治区政协…, 县工商联党组, 全国政协).
BODY_WORDS = ("政协", "工商联", "统战部", "人大", "政府", "党委", "党组")
LEVEL_WORDS = (("全国", "national"), ("中央", "national"), ("自治区", "province"), ("省", "province"),
               ("自治州", "city"), ("地区", "city"), ("市", "city"), ("州", "city"), ("盟", "city"),
               ("自治县", "county"), ("自治旗", "county"), ("县", "county"), ("区", "county"),
               ("旗", "county"))


def _unit_level_word(name: str) -> tuple[str, str]:
    """The administrative word before the unit's first organisation word, and its level."""
    cuts = [i for i in (name.find(b) for b in BODY_WORDS) if i >= 0]
    prefix = name[:min(cuts)] if cuts else name
    for word, level in LEVEL_WORDS:
        if (prefix.endswith(word) if cuts else prefix.startswith(word)):
            return word, level
    return "", ""


def _generic_unit_region(name: str, fallback: Region) -> Region:
    """Region of a unit named without a place (市工商联党组, 自治区政协…): the document's, cut to level."""
    word, level = _unit_level_word(name)
    province = fallback.province or ""
    if level == "national":
        return EMPTY
    if word == "自治区":
        return make_region(province) if province.endswith("自治区") else EMPTY
    if word == "省":
        return make_region(province) if province.endswith("省") else EMPTY
    if level == "city":
        return make_region(fallback.province, fallback.city)
    if level == "county":
        if fallback.county:
            return fallback
        if word == "区" and province.endswith("自治区") and not fallback.city:
            return make_region(province)
        return make_region(fallback.province, fallback.city)
    return fallback


def _dominant_region(profile: _Profile) -> Region:
    """The province, city and county a document's place mass clearly centres on."""
    total = sum(profile.province.values())
    if total <= 0:
        return EMPTY
    ranked = sorted(profile.province.items(), key=lambda kv: -kv[1])
    province, mass = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if mass < DOC_PROVINCE_SHARE * total or mass < RESOLVE_RATIO * runner:
        return EMPTY
    cities = sorted(((m, c) for (p, c), m in profile.city.items() if p == province), reverse=True)
    if not cities:
        return make_region(province)
    city_mass, city = cities[0]
    runner = cities[1][0] if len(cities) > 1 else 0.0
    if city_mass < DOC_CITY_SHARE * mass or city_mass < RESOLVE_RATIO * runner:
        return make_region(province)
    counties = sorted(((m, k) for (p, c, k), m in profile.county.items() if p == province and c == city),
                      reverse=True)
    if counties:
        county_mass, county = counties[0]
        runner = counties[1][0] if len(counties) > 1 else 0.0
        if (county_mass >= DOC_COUNTY_MIN and county_mass >= DOC_COUNTY_SHARE * city_mass
                and county_mass >= RESOLVE_RATIO * runner):
            return make_region(province, city, county)
    return make_region(province, city)


def document_region(doc_text: str, gazetteer: Gazetteer | None = None) -> Region:
    """The region a document is about (see Gazetteer.document_region)."""
    return (gazetteer or Gazetteer.from_lexicon()).document_region(doc_text)
