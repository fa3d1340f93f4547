"""Text primitives shared by clean/, structure/, segment/ and extract/: Han character classes,
sentence ends, Chinese numerals and their values, list markers, line breaks left inside a sentence.

Regex fragments are plain strings (``HAN_RANGE`` goes inside ``[...]``, ``HAN`` is a whole class);
modules compile their own patterns from them (``inner_wraps`` compiles its one on first use). Where a module needs a different set on purpose (the
cleaner's wider Han class, a sentence end that includes ；), the variant is defined here under a
name that says what it is.
"""
from __future__ import annotations

import re

HAN_RANGE = "\u4e00-\u9fff"
"""CJK Unified Ideographs (the basic block): the Han characters the extractors and structure read."""

HAN = f"[{HAN_RANGE}]"
"""One Han character (basic block), as a regex class."""

HAN_SPAN_RANGE = "\u3400-\u9fff"
"""Extension A through the basic block as one span (the Yijing symbols between them included): the
extractors' Han class (brands, formulations, slogans)."""


def is_han_span(ch: str) -> bool:
    """True for one character of ``HAN_SPAN_RANGE`` (cheaper than a compiled class for one test)."""
    return "\u3400" <= ch <= "\u9fff"


def all_han_span(text: str) -> bool:
    """True when ``text`` is not empty and every character is in ``HAN_SPAN_RANGE``."""
    return bool(text) and all("\u3400" <= ch <= "\u9fff" for ch in text)


HAN_COMPAT_RANGE = "\uf900-\ufaff"
"""CJK compatibility ideographs (look-alikes some PDFs and OCR engines emit)."""

HAN_WIDE_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han ideographs with extension A and the compatibility ideographs (segmenter vocabulary checks)."""

HAN_WITH_RADICALS_RANGE = HAN_WIDE_RANGE + "\u2e80-\u2fdf"
"""``HAN_WIDE_RANGE`` plus the CJK radicals (the cleaner's class: OCR turns characters into radicals)."""


def is_han(ch: str) -> bool:
    """True for one Han character of the basic block (``HAN_RANGE``)."""
    return "\u4e00" <= ch <= "\u9fff"


SENTENCE_END = "。！？!?"
"""Full stops, question and exclamation marks (full and half width): the end of a sentence."""

SENTENCE_OR_CLAUSE_END = SENTENCE_END + "；;"
"""``SENTENCE_END`` plus semicolons: the end of a sentence or of a listed clause."""

PARAGRAPH_END = SENTENCE_OR_CLAUSE_END + "…"
"""Characters after which a line may end a paragraph (the cleaner's line joiner)."""

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
"""Values of the Chinese digits one to nine."""

COUNT_DIGITS = {**CN_DIGITS, "两": 2, "十": 10}
"""Values of the numerals that count things (两个维护, 十项举措): the digits, 两 and 十."""

CN_NUM = "一二三四五六七八九十"
"""The Chinese numerals of list markers (一、 （十二） 二是): the digits and 十."""

CN_NUMERAL = "一二三四五六七八九十百零〇两"
"""Every Chinese numeral character of list markers and formulations (the cleaner's class)."""


def cn_number(text: str) -> int:
    """Value of a small Chinese numeral (一 → 1, 十二 → 12, 二十三 → 23); 0 when not one."""
    if not text or any(ch not in CN_NUM for ch in text):
        return 0
    if "十" not in text:
        return CN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return 0
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)


LIST_MARKER = (
    rf"(?:[（(][{CN_NUMERAL}]{{1,3}}[)）]|[{CN_NUMERAL}]{{1,3}}[、是]|第[{CN_NUMERAL}\d]{{1,3}}[，、章节部分条]"
    rf"|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）]|[①-⑳])"
)
"""A numbered-list marker at the start of a line: 一、 （一） 一是 1. （1） ① (a regex fragment; the
structure finder's full marker grammar, with one named group per style, is structure.markers.MARKER)."""


def longest_first(word: str) -> tuple[int, str]:
    """Sort key: longer words first, ties in code-point order (so the order never depends on hash seeds)."""
    return (-len(word), word)


def occurrences(text: str, needles: str | tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every occurrence of ``needles`` (one string or several) in ``text``."""
    found = []
    for needle in (needles,) if isinstance(needles, str) else needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return sorted(found)


class LazyRegex:
    """A regex compiled on first use, for patterns only some texts need (saves start-up time)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags, self._compiled = pattern, flags, None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet; from then on the methods below are
        the compiled pattern's own, called without this wrapper)."""
        if self._compiled is None:
            self._compiled = compiled = re.compile(self.pattern, self.flags)
            self.match, self.search, self.finditer, self.fullmatch = (
                compiled.match, compiled.search, compiled.finditer, compiled.fullmatch)
        return self._compiled

    def match(self, *args) -> re.Match[str] | None:
        """``re.Pattern.match`` of the compiled pattern."""
        return self.compiled().match(*args)

    def search(self, *args) -> re.Match[str] | None:
        """``re.Pattern.search`` of the compiled pattern."""
        return self.compiled().search(*args)

    def finditer(self, *args):
        """``re.Pattern.finditer`` of the compiled pattern."""
        return self.compiled().finditer(*args)

    def fullmatch(self, *args) -> re.Match[str] | None:
        """``re.Pattern.fullmatch`` of the compiled pattern."""
        return self.compiled().fullmatch(*args)


INNER_WRAP = (
    rf"(?<=[{HAN_SPAN_RANGE}“”‘’「」、，,·])"   # after a Han character, a quote, a list comma or a middle dot
    r"[ \t\u3000]*\n\s*"                      # the line break with the spaces around it
    rf"(?=[{HAN_SPAN_RANGE}“”‘’「」])"           # before a Han character or a quote
)
"""A line break left inside a sentence (a hard wrap the cleaner did not join): between two Han
characters or quotes, never after a sentence end; the match covers the spaces and blank lines
around it. Unlike structure.lines.soft_wrapped, which judges whether a whole line reads as a
wrapped newspaper column (it holds a comma or a full stop and does not end in a colon or a
quote), this reads only the two characters around the break, so it also mends a break inside
a name (“甲乙\\n丙丁”)."""


_INNER_WRAP = LazyRegex(INNER_WRAP)


def inner_wraps(text: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the ``INNER_WRAP`` line breaks of ``text``, left to right, not overlapping.

    Only tried where a line break can start a match (much faster than a scan of the whole text):
    a match starts at the run of spaces before a line break (the look-behind character is never a
    space), so each line break gives one candidate start.
    """
    pattern = _INNER_WRAP
    found: list[tuple[int, int]] = []
    last_end = 0
    newline = text.find("\n")
    while newline != -1:
        start = newline
        while start > 0 and text[start - 1] in " \t\u3000":
            start -= 1
        if start >= last_end:
            m = pattern.match(text, start)
            if m is not None:
                found.append((m.start(), m.end()))
                last_end = m.end()
        newline = text.find("\n", max(newline + 1, last_end))
    return found
