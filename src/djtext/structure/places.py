"""Places inside unit names: the run of place characters before a level suffix, where it starts,
whether it is generic (各级, 全省), and the gazetteer place written before a body word; plus the two
tests that a unit name is part of a longer name (a practice it owns, a quoted name)."""
from __future__ import annotations

import re
from functools import lru_cache

from djtext.structure.vocabulary import (AMBIGUOUS_SUFFIXES, KEY_CACHE_SIZE, MAX_OWNED_GAP, PLACE_EXTRA, UnitVocabulary,
                                         is_place_char)
from djtext.text import HAN, HAN_RANGE

MAX_RUN_BY_REGEX = 16  # runs up to this length are read with one regex on the reversed text
# a run of place characters (Han characters and placeholders), read on the reversed text
_PLACE_RUN = re.compile(f"[{HAN_RANGE}" + "".join(sorted(PLACE_EXTRA)).replace("*", "\\*") + f"]{{0,{MAX_RUN_BY_REGEX}}}")
_REVERSED: list[tuple[str, str]] = [("", ""), ("", "")]  # the last two texts run_before read, with their reverse


def _reversed(text: str) -> str:
    """``text[::-1]``, kept for the last two texts (a whole text and the line or name read between)."""
    first, second = _REVERSED
    if first[0] is text:
        return first[1]
    if second[0] is text:
        _REVERSED[0], _REVERSED[1] = second, first
        return second[1]
    _REVERSED[0], _REVERSED[1] = (text, text[::-1]), first
    return _REVERSED[0][1]


def run_before(text: str, end: int, cap: int) -> int:
    """Number of place characters right before ``end`` (at most ``cap``), read on the reversed text."""
    if cap > MAX_RUN_BY_REGEX:
        run = 0
        while run < cap and end - run > 0 and is_place_char(text[end - run - 1]):
            run += 1
        return run
    m = _PLACE_RUN.match(_reversed(text), len(text) - end)
    return min(cap, m.end() - m.start())


def level_suffix_before(text: str, end: int, vocab: UnitVocabulary) -> str:
    """The longest level suffix (市, 自治区 …) written right before ``end``, or ""."""
    suffixes = vocab.suffixes_by_last.get(text[end - 1]) if end > 0 else None
    if not suffixes:
        return ""
    for suffix in suffixes:  # (those ending in the character before ``end``, longest first)
        if end - len(suffix) >= 0 and text.startswith(suffix, end - len(suffix)):
            return suffix
    return ""


@lru_cache(maxsize=4)
def _cut_ends(cut_set: frozenset[str]) -> frozenset[str]:
    """Last characters of the left-cut function words."""
    return frozenset(word[-1] for word in cut_set if word)


def place_before(text: str, end: int, vocab: UnitVocabulary, limit: int) -> tuple[int, bool]:
    """Start of the place part ending at ``end``, and whether its left edge is certain.

    The place is the run of name characters before ``end``, cut after the rightmost function word
    that leaves at least two characters (在和平区 -> 和平区). The edge is certain when the run
    stops at punctuation or the start of the text, or when a cut was made.
    """
    if end >= 1 and text[end - 1] not in PLACE_EXTRA and not "\u4e00" <= text[end - 1] <= "\u9fff":
        return end, True  # no place characters at all (what the lines below find too; ``is_place_char``)
    start = end - run_before(text, end, limit + 4)
    delimited = start == 0 or not is_place_char(text[start - 1])
    run = text[start:end]
    best = vocab.cuts.get(run)
    if best is None:
        if len(vocab.cuts) >= KEY_CACHE_SIZE:
            vocab.cuts.clear()
        best = vocab.cuts[run] = _cut_after(run, vocab)
    if best >= 0 and len(run) - best <= limit:
        return start + best, True
    if len(run) > limit:
        return end - limit, False
    return start, delimited


def _cut_after(run: str, vocab: UnitVocabulary) -> int:
    """Where the place part of ``run`` starts: after its rightmost function word that leaves at
    least two characters (in a three-character run, one), -1 when there is none."""
    cut_ends = _cut_ends(vocab.cut_set)
    for after in range(len(run), 0, -1):  # rightmost cut first
        if run[after - 1] not in cut_ends:
            continue  # no function word ends here
        left = len(run) - after
        for size in range(1, min(vocab.cut_max, after) + 1):
            if run[after - size:after] in vocab.cut_set and (left >= 2 or left == 0 or (size > 1 and left >= 1)):
                return after
    return -1


_SINGLES: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _single_prefixes(prefixes: tuple[str, ...]) -> frozenset[str]:
    """The one-character generic prefixes (remembered per prefix tuple)."""
    hit = _SINGLES.get(id(prefixes))
    if hit is None or hit[0] is not prefixes:
        if len(_SINGLES) > 16:
            _SINGLES.clear()
        hit = _SINGLES[id(prefixes)] = (prefixes, frozenset(p for p in prefixes if len(p) == 1))
    return hit[1]


def is_generic(place: str, vocab: UnitVocabulary) -> bool:
    """True for places that name no specific region (各级, 全省, 市县, 为全 …)."""
    if not place:
        return True
    if place.startswith(vocab.generic_prefixes):
        return True
    if all(ch in vocab.level_suffixes or ch in "、" for ch in place):
        return True  # 市县政协, 省市政协
    single = _single_prefixes(vocab.generic_prefixes)
    return place[-1] in single or (place[-1] in vocab.level_suffixes and place[-1] not in AMBIGUOUS_SUFFIXES)



def near_known(place: str, vocab: UnitVocabulary) -> bool:
    """True when ``place`` is one character away from a known full name of the same level."""
    from djtext.regions import Gazetteer

    return bool(Gazetteer.from_lexicon(vocab.lexicon).near_names(place))


MAX_KNOWN_PLACE = 16  # the longest official names (…自治州, …自治县) run to 15 characters


def _place_run(text: str, end: int) -> int:
    """Length of the run of place characters ending at ``end`` (at most MAX_KNOWN_PLACE)."""
    return run_before(text, end, MAX_KNOWN_PLACE)


def known_place_before(text: str, end: int, suffix: str, vocab: UnitVocabulary) -> tuple[int, str] | None:
    """Start and level of a gazetteer place written right before ``end`` (with its level ``suffix``).

    ``绍兴越城区`` keeps the city written before the county; None when no known place fits.
    """
    full, short = vocab.places_full, vocab.places_short
    if not full:
        return None
    plain, full_tails, plain_tails, any_tails = vocab.place_tables
    with_suffix = bool(suffix) and suffix not in AMBIGUOUS_SUFFIXES
    # every candidate that can match has at least two characters, and ends where the text does
    if end < 2 or text[end - 2:end] not in (full_tails if with_suffix else plain_tails):
        return None
    best = None
    run = _place_run(text, end)
    if run < 2:
        return None
    run_delimited = run == end or not is_place_char(text[end - run - 1])
    if with_suffix:
        size = len(suffix)
        for k in range(run, size, -1):
            cand = text[end - k:end]
            if cand in full and cand.endswith(suffix):
                delimited = run_delimited if k == run else False
                if k - size >= 2 or delimited:  # a two-character county name inside 新时代X县政协 is no place
                    best = (end - k, full[cand])
                    break
    else:
        for k in range(run, 1, -1):
            cand = text[end - k:end]
            level = plain.get(cand)
            if level is not None:
                delimited = run_delimited if k == run else False
                if level != "county" or delimited:
                    # 温州政协; a county's short form only when set off (it may also be a common word)
                    best = (end - k, level)
                    break
    if best is None:
        return None
    start = best[0]
    if text[start - 2:start] not in any_tails or start < 2:
        return best
    run = _place_run(text, start)
    for k in range(run, 1, -1):
        cand = text[start - k:start]
        if cand in full or cand in short:
            return start - k, best[1]
    return best


def owns_practice(text: str, end: int, vocab: UnitVocabulary) -> bool:
    """True when a unit name ending at ``end`` is the owner prefix of a practice name
    (“xx 政协大讲堂”, 政协书房): it names the practice, not a reporting unit."""
    last = vocab.practice_last_chars
    # a head ends within MAX_OWNED_GAP + 5 characters, right before a character that is no Chinese one
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
        return False  # no Chinese character follows (the run below would be empty)
    if vocab.practice_first_chars.isdisjoint(text[end:end + MAX_OWNED_GAP + 1]):
        return False  # no practice head starts within the gap (``practice_after`` would not match)
    limit = min(len(text), end + MAX_OWNED_GAP + 6)
    stop = _HAN_RUN.match(text, end, max(end, limit)).end()
    if stop == end or stop == limit and limit < len(text) or text[stop - 1] not in last:
        return False
    pattern = vocab.practice_after
    return pattern is not None and pattern.match(text, end) is not None


_HAN_RUN = re.compile(f"{HAN}*")  # a run of Han characters (``is_han``)


@lru_cache(maxsize=1)
def _quoted_tail() -> re.Pattern[str]:
    """A short name closed by a quote mark (compiled on first use: unit names rarely open a quote)."""
    return re.compile(rf"{HAN}{{1,8}}[”」》』]")



def inside_quoted_name(text: str, start: int, end: int) -> bool:
    """True for a unit name opening a quoted name that goes on after it (“xx政协智慧平台”)."""
    return start > 0 and text[start - 1] in "“「《『" and _quoted_tail().match(text, end) is not None
