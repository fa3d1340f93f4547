"""Practices named by their shape or frame: level structures, series of parallel quoted names,
a single example before 等机制, and the tool of 以X为抓手.

Pure helpers of the practice extractor, general rules of the genre only:

* a level structure, N级 + a short body + 体系/平台/网络/架构, is a named practice wherever it
  stands, quoted or not (建立健全三级党组织体系, 县政协“四级协商平台” -> 四级协商平台), unless
  the levels are spelled out right before it (县、乡、村三级…体系 describes a coverage);
* a series of parallel quoted numeric names in one sentence (开展“百人百场宣讲”、推广技术
  “百人百村助农”、…) are all practices when one of them is: siblings have the same length and
  begin with a numeral and share their first two characters or their numerals in place
  (一村一品, 一企一策); three or more such siblings in one sentence are activities by themselves;
* one compact name before 等机制/等制度 after a founding verb is a named mechanism (创新实施
  甲乙主席领衔督办等机制 -> 甲乙主席领衔督办), but not a list (甲、乙等制度);
* the tool of 以X为抓手/载体/依托/牵引 is a practice when X ends in a practice word (以委员专项
  行动为抓手 -> 委员专项行动).
"""
from __future__ import annotations

import re

from djtext.text import CN_NUM
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import LazyRegex
from djtext.text import is_han_span, occurrences

LEVEL_HEADS = {"体系": "mechanism", "架构": "org_form", "平台": "platform", "网络": "platform"}
LEVEL_MARK = "级"
LEVEL_NUMERALS = "二三四五六两"
LEVEL_STRUCTURE = LazyRegex(rf"""
    (?<![\d{CN_NUM}]) [{LEVEL_NUMERALS}]{LEVEL_MARK}   # 三级, not part of a longer number (十三级)
    ( (?:(?![的和与及等])[{HAN_CLASS}]){{1,5}}? )      # group 1: a short body without joints
    ({'|'.join(LEVEL_HEADS)})                          # group 2: the structure word
    (?=建设|[^{HAN_CLASS}]|$)                          # …体系 alone or under construction (…体系建设)
    """, re.VERBOSE)
COUNTED = re.compile(r".[个项条大种]")  # 两个维护, 三项制度: a count of things, not a programme
SPELLED_LEVELS = LazyRegex(rf"、[{HAN_CLASS}]{{1,3}}$")  # 县、乡、村三级…体系: a coverage described, not named
SENTENCE_END = re.compile(r"[。；！？\n]")
MIN_SHARED = 2  # characters siblings of a series share at their start
MIN_SERIES = 3  # parallel numeric names that make a series without any other cue


def level_structures(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, category) of every level structure in ``text`` (三级党组织体系)."""
    return [(m.group(), m.start(), m.end(), LEVEL_HEADS[m.group(2)]) for m in _level_matches(text)
            if not SPELLED_LEVELS.search(text, max(0, m.start() - 8), m.start())]


def _level_matches(text: str) -> list[re.Match[str]]:
    """The matches of LEVEL_STRUCTURE, in order: tried only at the numeral before each 级."""
    found: list[re.Match[str]] = []
    for at in occurrences(text, LEVEL_MARK):
        start = at - 1
        if start < 0 or text[start] not in LEVEL_NUMERALS or found and start < found[-1].end():
            continue
        match = LEVEL_STRUCTURE.match(text, start)
        if match:
            found.append(match)
    return found


def _sentence_of(text: str, positions: list[int]):
    """A function giving a number for the sentence each of ``positions`` is in (equal numbers: the
    same sentence), searching for sentence ends only between consecutive positions."""
    numbers: dict[int, int] = {}
    number, previous = 0, None
    for position in sorted(set(positions)):
        if previous is not None and SENTENCE_END.search(text, previous + 1, position + 1):
            number += 1
        numbers[position], previous = number, position
    return numbers.__getitem__


def _skeleton(name: str, numerals: str) -> str | None:
    """The numerals of ``name`` in place, others blanked (一村一品 -> 一_一_), None with fewer than two."""
    shape = "".join(c if c in numerals else "_" for c in name)
    return shape if len(shape) - shape.count("_") >= MIN_SHARED else None


def _siblings(a: str, b: str, numerals: str) -> bool:
    """Two parallel numeric names: same length, first two characters or numerals in place shared."""
    if len(a) != len(b) or a == b or a[:1] not in numerals or b[:1] not in numerals:
        return False
    shape = _skeleton(a, numerals)
    return a[:MIN_SHARED] == b[:MIN_SHARED] or shape is not None and shape == _skeleton(b, numerals)


def _by_sentence(items: list, sentence_of) -> dict[int, list]:
    """Items (name, start, …) grouped by the sentence their start is in."""
    groups: dict[int, list] = {}
    for item in items:
        groups.setdefault(sentence_of(item[1]), []).append(item)
    return groups


def _rejected_series(rejected: list[tuple[str, int]], sentence_of, numerals: str) -> list[tuple[str, int, str]]:
    """At least three parallel numeric names in one sentence are a series of activities by
    themselves (甲“百人百场宣讲”、乙“百人百村助农”、丙“百人百家关爱”)."""
    found = []
    for group in _by_sentence(rejected, sentence_of).values():
        for content, start in group:
            siblings = sum(1 for other, _ in group if _siblings(content, other, numerals))
            if siblings + 1 >= MIN_SERIES and not COUNTED.match(content):
                found.append((content, start, "activity"))
    return found


def series_siblings(text: str, accepted: list[tuple[str, int, str]], rejected: list[tuple[str, int]],
                    numerals: str) -> list[tuple[str, int, str]]:
    """Rejected quoted names (content, start) that are siblings of an accepted one
    (content, start, category) in the same sentence: (content, start, category) each."""
    rejected = [(c, s) for c, s in rejected if len(c) >= 3 and c[:1] in numerals]  # only numeric names pair
    if not rejected:
        return []
    sentence_of = _sentence_of(text, [item[1] for item in rejected + accepted])
    found = _rejected_series(rejected, sentence_of, numerals)
    taken = {start for _, start, _ in found}
    accepted_in = _by_sentence(accepted, sentence_of)
    for content, start in rejected:
        if start in taken:
            continue
        for name, _, category in accepted_in.get(sentence_of(start), ()):
            if _siblings(content, name, numerals):
                found.append((content, start, category))
                break
    return found


SINGLE_BEFORE_ETC = LazyRegex(rf"""
    (?:实施|建立|创新|健全|完善|推行|实行)+           # one or more founding verbs
    ( (?:(?![的和与及、])[{HAN_CLASS}]){{4,14}}? )  # group 1: one compact name, no list joint
    等(机制|制度) (?![{HAN_CLASS}])                  # …等机制 ending the phrase
    """, re.VERBOSE)
FRAMED_WORDS = ("为抓手", "为载体", "为依托", "为牵引")
FRAMED_TOOL = LazyRegex(rf"以“?((?:(?![的和与及、以])[{HAN_CLASS}]){{3,12}}?)”?为(?:{'|'.join(w[1:] for w in FRAMED_WORDS)})")


SINGLE_END_WORDS = ("等机制", "等制度")


def single_examples(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, "mechanism") of one compact name before 等机制/等制度 after a founding verb.

    A match is Han characters only, so it is looked for only in the runs of Han characters that
    hold 等机制 or 等制度 (the same matches a scan of the whole text finds)."""
    found = []
    run_end = -1
    for at in occurrences(text, SINGLE_END_WORDS):
        if at < run_end:
            continue  # this run was scanned already
        run_start, run_end = at, at + len(SINGLE_END_WORDS[0])
        while run_start > 0 and is_han_span(text[run_start - 1]):
            run_start -= 1
        while run_end < len(text) and is_han_span(text[run_end]):
            run_end += 1
        found.extend((m.group(1), m.start(1), m.end(1), "mechanism")
                     for m in SINGLE_BEFORE_ETC.finditer(text, run_start, run_end))
    return found


def framed_tools(text: str, practice_end) -> list[tuple[str, int, int, str]]:
    """(name, start, end, category) of the tool X of 以X为抓手 when ``practice_end(X)`` gives the
    category of the practice word X ends in (None: X is no practice)."""
    found: list[tuple[str, int, int, str]] = []
    if not any(word in text for word in FRAMED_WORDS):
        return found
    for m in FRAMED_TOOL.finditer(text):
        category = practice_end(m.group(1))
        if category:
            found.append((m.group(1), m.start(1), m.end(1), category))
    return found
