"""The unit_terms and regions lexicons arranged for finding unit names (one ``UnitVocabulary``
per lexicon, built once), the ``UnitName`` they yield, and longest-prefix matching over term lists.

Vocabulary comes from the ``unit_terms`` lexicon (data/lexicons/unit_terms.csv, plus a user's
file of the same name), places from the ``regions`` lexicon, practice heads from ``practice_heads``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from djtext.lexicon import Lexicon, derived
from djtext.text import HAN, is_han

PLACE_EXTRA = frozenset("XxＸｘ*＊×")  # characters that stand in a place name besides Han ones (X县, **市)
LATIN_PLACEHOLDERS = PLACE_EXTRA  # placeholders that are not Chinese characters (某 is one)


def is_place_char(ch: str) -> bool:
    """True for a character that may be part of a place name (a Han character or a placeholder)."""
    return is_han(ch) or ch in PLACE_EXTRA


MAX_PLACE = 4  # characters of a place name before its level suffix (自治州 names are longer)
MAX_AUTONOMOUS_PLACE = 12  # characters of an autonomous region's, prefecture's or county's place part
LEVEL_OF_ORGAN_COMMITTEE = "committee"
AMBIGUOUS_SUFFIXES = frozenset({"州"})  # ends many city names (温州) as well as 自治州 short forms
MAX_OWNED_GAP = 2  # characters between an owner's name and a practice head (xx政协 *大* 讲堂)
MAX_COMMITTEE_NAME = 10  # characters of a committee's name before 委员会 / 委
KEY_CACHE_SIZE = 4096  # unit keys remembered per vocabulary (the old lru_cache size)


@dataclass(frozen=True)
class UnitVocabulary:
    """The unit_terms lexicon arranged for matching."""

    bodies: dict[str, str]
    level_suffixes: dict[str, str]
    organs: dict[str, str]
    committee_heads: tuple[str, ...]
    roles: tuple[str, ...]
    generic_prefixes: tuple[str, ...]
    left_cuts: tuple[str, ...]
    placeholders: frozenset[str]
    lead_adverbials: tuple[str, ...]
    organs_by_length: tuple[str, ...] = ()
    suffixes_by_length: tuple[str, ...] = ()
    cut_set: frozenset[str] = frozenset()
    cut_max: int = 1
    suffix_last_chars: frozenset[str] = frozenset()
    committee_pattern: re.Pattern[str] | None = None
    roles_pattern: re.Pattern[str] | None = None
    predicate_starts: tuple[str, ...] = ()
    modified_organ_pattern: re.Pattern[str] | None = None
    body_pattern: re.Pattern[str] | None = None  # every body word, longest first
    places_full: dict[str, str] = field(default_factory=dict)  # full region names -> level
    places_short: dict[str, str] = field(default_factory=dict)  # short forms -> highest level
    place_tables: tuple = ({}, frozenset(), frozenset(), frozenset())  # see ``_place_tables``
    committee_stops: tuple[str, ...] = ()  # committees that are no 专委会 (常务委员会 …)
    front_words: tuple[str, ...] = ()  # words of a place's united-front work (统战工作 …)
    practice_after: re.Pattern[str] | None = None  # a practice head closing a short name
    practice_last_chars: frozenset[str] = frozenset()
    practice_first_chars: frozenset[str] = frozenset()
    suffixes_by_last: dict[str, tuple[str, ...]] = field(default_factory=dict)  # level suffixes by last char, longest first
    organ_pattern: re.Pattern[str] | None = None  # every organ, longest first (``prefix_pattern(organs_by_length)``)
    organ_first_chars: frozenset[str] = frozenset()  # first characters of the organs
    cut_last_chars: frozenset[str] = frozenset()  # last characters of the left-cut words
    # no term a unit name is read with holds spacing or a line break, so no name reaches past the
    # spacing around a line (see ``bylines.document_unit_names``)
    unspaced: bool = False
    lexicon: Lexicon | None = field(default=None, compare=False, repr=False)  # for the gazetteer
    keys: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # unit_key cache
    cuts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # places._cut_after cache


def unit_vocabulary(lexicon: Lexicon | None = None) -> UnitVocabulary:
    """The unit vocabulary of ``lexicon`` (the built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "unit_vocabulary", build_unit_vocabulary)


def build_unit_vocabulary(lexicon: Lexicon) -> UnitVocabulary:
    """Arrange the unit_terms, regions and practice_heads lexicons of ``lexicon`` for matching."""
    rows = lexicon.rows("unit_terms")
    if not rows:
        raise ValueError("unit_terms lexicon: missing or empty (data/lexicons/unit_terms.csv)")

    def of(kind: str) -> list[dict[str, str]]:
        return [r for r in rows if r.get("kind") == kind and r.get("term")]

    by_length = lambda items: sorted(items, key=len, reverse=True)  # noqa: E731
    full, short = _region_names(lexicon)
    heads = [h for h in lexicon.column("practice_heads", "head") if h]
    organs_by_length = tuple(by_length(r["term"] for r in of("organ")))
    suffixes_by_length = tuple(by_length(r["term"] for r in of("level_suffix")))
    name_terms = [*(r["term"] for kind in NAME_TERM_KINDS for r in of(kind)), *heads]
    return UnitVocabulary(
        bodies={r["term"]: r.get("level") or "other" for r in of("body")},
        level_suffixes={r["term"]: r["level"] for r in of("level_suffix")},
        organs={r["term"]: r["level"] for r in of("organ")},
        committee_heads=tuple(by_length(r["term"] for r in of("committee_head"))),
        roles=tuple(by_length(r["term"] for r in of("role"))),
        generic_prefixes=tuple(by_length(r["term"] for r in of("generic_prefix"))),
        left_cuts=tuple(by_length(r["term"] for r in of("left_cut"))),
        placeholders=frozenset(r["term"] for r in of("placeholder")),
        lead_adverbials=tuple(by_length(r["term"] for r in of("lead_adverbial"))),
        organs_by_length=organs_by_length,
        suffixes_by_length=suffixes_by_length,
        cut_set=frozenset(r["term"] for r in of("left_cut")),
        cut_max=max((len(r["term"]) for r in of("left_cut")), default=1),
        suffix_last_chars=frozenset(r["term"][-1] for r in of("level_suffix")),
        predicate_starts=tuple(by_length(r["term"] for r in of("predicate_start"))),
        roles_pattern=re.compile("|".join(re.escape(r["term"]) for r in of("role"))),
        committee_pattern=_committee_pattern([r["term"] for r in of("committee_head")],
                                             [r["term"] for r in of("organ")],
                                             [r["term"] for r in of("modified_organ")]),
        modified_organ_pattern=_modified_organ_pattern([r["term"] for r in of("modified_organ")]),
        body_pattern=re.compile("|".join(re.escape(b) for b in sorted(
            {r["term"]: None for r in of("body")}, key=len, reverse=True))),
        places_full=full, places_short=short, place_tables=_place_tables(full, short),
        committee_stops=tuple(r["term"] for r in of("committee_stop")),
        front_words=tuple(r["term"] for r in of("front_word")),
        practice_after=_practice_after(heads),
        practice_last_chars=frozenset(h[-1] for h in heads),
        practice_first_chars=frozenset(h[0] for h in heads),
        suffixes_by_last=_by_last_char(suffixes_by_length),
        organ_pattern=prefix_pattern(organs_by_length) if organs_by_length else None,
        organ_first_chars=frozenset(o[0] for o in organs_by_length),
        cut_last_chars=frozenset(r["term"][-1] for r in of("left_cut")),
        unspaced=not any(ch in term for term in name_terms for ch in LINE_SPACING),
        lexicon=lexicon,
    )


LINE_SPACING = " \t\r\n\u3000"  # what ends a line or pads it (``lines.split_paragraphs`` strips it)
# the unit_terms kinds that a unit name is read with (besides the practice heads)
NAME_TERM_KINDS = ("body", "level_suffix", "organ", "committee_head", "modified_organ", "placeholder")


def _by_last_char(terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``terms`` grouped by their last character, each group in the order of ``terms``."""
    groups: dict[str, list[str]] = {}
    for term in terms:
        if term:
            groups.setdefault(term[-1], []).append(term)
    return {last: tuple(group) for last, group in groups.items()}


MAX_ORGAN_MODIFIER = 4  # characters of a modifier before a party organ (履职党总支)
_MODIFIER_CHAR = rf"(?:(?![的和与及在等中为是了把对从向将被会员]){HAN})"  # a Han character that is no function word


def _modifier_organ(organs: list[str]) -> str:
    """Regex source: a short modifier and a party organ (履职党总支, 第一党支部)."""
    alternatives = "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True))
    return rf"{_MODIFIER_CHAR}{{1,{MAX_ORGAN_MODIFIER}}}?(?:{alternatives})" if alternatives else ""


def _modified_organ_pattern(organs: list[str]) -> re.Pattern[str] | None:
    """``[机关]modifier+organ`` right after a committee or a body (履职党总支, 机关第一党支部)."""
    source = _modifier_organ(organs)
    return re.compile(rf"(?:机关)?{source}") if source else None


def _committee_pattern(heads: list[str], organs: list[str], modified: list[str] = ()) -> re.Pattern[str]:
    """``[name]{委员会|委 …}`` right before a party organ (经济委员会分党组, 教科卫体委履职党总支)."""
    named = [h for h in heads if not h.startswith("专")]  # 经济委员会, 教科卫体委
    bare = [h for h in heads if h.startswith("专")]  # 专委会 stands alone (推动专委会党支部… is a sentence)
    alternatives = "|".join(re.escape(h) for h in sorted(named, key=len, reverse=True))
    bare_alternatives = "|".join(re.escape(h) for h in sorted(bare, key=len, reverse=True))
    organ_alternatives = "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True))
    modified_source = _modifier_organ(list(modified))
    after = f"{organ_alternatives}|{modified_source}" if modified_source else organ_alternatives
    return re.compile(rf"(?:{HAN}{{1,{MAX_COMMITTEE_NAME}}}?(?:{alternatives})|{bare_alternatives})"
                      rf"(?=(?:{after}))")


def _region_names(lexicon: Lexicon) -> tuple[dict[str, str], dict[str, str]]:
    """Full names and short forms of China's regions (the ``regions`` lexicon) with their level."""
    rank = {"province": 0, "city": 1, "county": 2}
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    for row in lexicon.rows("regions"):
        level = row.get("level", "")
        if level not in rank:
            continue
        name = row.get("name", "")
        if name:
            full.setdefault(name, level)
        for form in (row.get("short") or "").split("|"):
            form = form.strip()
            if len(form) >= 2 and (form not in short or rank[level] < rank[short[form]]):
                short[form] = level
    return full, short


def _place_tables(full: dict[str, str], short: dict[str, str]
                  ) -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Look-up tables over the region names for ``known_place_before`` (same answers, fewer probes).

    ``plain``: the level of a place written without its level suffix (a short form, else a full
    name of three characters or more); the ``*_tails`` sets hold the last two characters of every
    full name, plain name and either, so that most positions are rejected with one set look-up.
    """
    plain = {name: level for name, level in full.items() if len(name) >= 3}
    plain.update(short)
    full_tails = frozenset(name[-2:] for name in full if len(name) >= 2)
    plain_tails = frozenset(name[-2:] for name in plain)
    any_tails = frozenset(name[-2:] for name in (*full, *short) if len(name) >= 2)
    return plain, full_tails, plain_tails, any_tails


def _practice_after(heads: list[str]) -> re.Pattern[str] | None:
    """A practice head (…讲堂, …之家, …工作室: the ``practice_heads`` lexicon) closing a short name."""
    if not heads:
        return None
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"{HAN}{{0,{MAX_OWNED_GAP}}}?(?:{alternatives})(?!{HAN})")


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, quicker to build
class UnitName:
    """A unit name found in the text: where, what, at which level, and whether it is specific."""

    start: int
    end: int
    name: str
    level: str
    key: str  # the name without 中共 and party-organ suffixes, in 'place+level+body' order
    generic: bool  # no specific place (市政协, 各级政协): a reference, not a citable unit
    shared: bool = False  # expanded from a shared suffix (绍兴、嘉兴等市政协)


_PREFIX_PATTERNS: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def prefix_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex trying ``terms`` in their order at a position (the first that fits wins)."""
    hit = _PREFIX_PATTERNS.get(id(terms))
    if hit is not None and hit[0] is terms:
        return hit[1]
    pattern = re.compile("|".join(re.escape(term) for term in terms))
    if len(_PREFIX_PATTERNS) > 64:
        _PREFIX_PATTERNS.clear()
    _PREFIX_PATTERNS[id(terms)] = (terms, pattern)
    return pattern


def longest_prefix(text: str, pos: int, terms) -> str:
    """The first of ``terms`` (longest first) written at ``pos``, or ""."""
    if not isinstance(terms, tuple):
        terms = tuple(terms)
    m = prefix_pattern(terms).match(text, pos)
    return m.group() if m else ""

