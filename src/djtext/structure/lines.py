"""Lines of a cleaned document: paragraphs (non-blank lines), logical lines cut at heading and bold
marks, column-wrap joining (a sentence broken across printed lines), and the parts of a compilation."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from djtext.models import CleanText, Mark
from djtext.text import CN_NUM, HAN_RANGE, SENTENCE_OR_CLAUSE_END

# **bold lead sentence**: a pair of double asterisks (not three) around 2-201 characters that open
# with a Han character, a quote or a bracket and hold no asterisk or line break
_BOLD_MARKUP = re.compile(rf"""
    (?<!\*)\*\*(?!\*)                       # opening **
    ([{HAN_RANGE}“‘《（(][^*\n]{{1,200}}?)    # the bold text
    (?<!\*)\*\*(?!\*)                       # closing **
""", re.VERBOSE)


@cache
def _heading_markup() -> re.Pattern[str]:
    """A Markdown heading line: 1-6 hashes, then its text (compiled on first use: the cleaner
    marks headings, so few texts still hold the markup)."""
    return re.compile(r"^(#{1,6})[ \t]*(\S.*)$", re.MULTILINE)


SENTENCE_END = SENTENCE_OR_CLAUSE_END  # a line ending in one of these is not wrapped

CUT_ENDINGS = SENTENCE_OR_CLAUSE_END + "”’）)…"  # the last characters of a text that was not cut short


def cut_short(text: str) -> bool:
    """True when a text stops inside a sentence (an excerpt cut as served): its last character is
    no sentence end, closing quote or bracket."""
    tail = text.rstrip()
    return bool(tail) and tail[-1] not in CUT_ENDINGS


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the non-blank lines of ``text`` (one paragraph per line), stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos <= length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        start = pos
        while start < end and text[start] in " \t\r\u3000":
            start += 1
        stop = end
        while stop > start and text[stop - 1] in " \t\r\u3000":
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        if nl == -1:
            break
        pos = nl + 1
    return spans


def bold_spans(clean: CleanText) -> list[tuple[int, int, int, int]]:
    """Bold spans as (outer_start, outer_end, inner_start, inner_end) over the clean text.

    Uses the cleaner's ``bold`` marks; when there are none, falls back to ``**…**`` markup
    still present in the text (outer includes the asterisks, inner is the bold words).
    """
    marks = [m for m in clean.marks if m.kind == "bold"]
    if marks:
        return [(m.start, m.end, m.start, m.end) for m in sorted(marks, key=lambda m: m.start)]
    if "**" not in clean.text:
        return []  # (every bold markup holds a pair of asterisks)
    return [(m.start(), m.end(), m.start(1), m.end(1)) for m in _BOLD_MARKUP.finditer(clean.text)]


def heading_spans(clean: CleanText) -> list[Mark]:
    """Heading marks over the clean text; falls back to markdown ``#`` lines still in the text."""
    marks = [m for m in clean.marks if m.kind == "heading"]
    if marks:
        return sorted(marks, key=lambda m: m.start)
    if "#" not in clean.text:
        return []
    return [Mark("heading", m.start(2), m.end(2), len(m.group(1))) for m in _heading_markup().finditer(clean.text)]


def strip_markup(line: str) -> str:
    """A line without leading ``#`` heading markup and ``**`` bold markup."""
    return line.lstrip("#").replace("**", "").strip()


def logical_lines(clean: CleanText, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Paragraph spans further cut at heading marks and at the start of bold spans.

    Robust to a cleaner that glued a title, a byline and a bold lead sentence into one line:
    the marks still tell where each part starts. ``paragraphs``: ``split_paragraphs`` of the
    text when already made (``views.TextViews`` holds the lines of a document, made once).
    """
    text = clean.text
    cuts: set[int] = set()
    for mark in heading_spans(clean):
        cuts.add(mark.start)
        cuts.add(mark.end)
    for outer_start, _outer_end, _s, _e in bold_spans(clean):
        cuts.add(outer_start)
    spans: list[tuple[int, int]] = []
    ordered = sorted(cuts)
    for start, end in split_paragraphs(text) if paragraphs is None else paragraphs:
        points = [start]
        i = bisect_right(ordered, start)
        while i < len(ordered) and ordered[i] < end:
            points.append(ordered[i])
            i += 1
        points.append(end)
        for a, b in zip(points, points[1:]):
            while a < b and text[a] in " \t\u3000":
                a += 1
            while b > a and text[b - 1] in " \t\u3000":
                b -= 1
            if b > a:
                spans.append((a, b))
    return spans


def soft_wrapped(text: str, newline: int) -> bool:
    """True when the line ending at ``newline`` was wrapped by a narrow column, not ended."""
    i = newline - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    if i < 0 or text[i] in SENTENCE_END or text[i] in "”’\"：:" or text[i] == "\n":
        return False
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i + 1]
    return "，" in line or "。" in line


def wrap_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of the line breaks of text[start:end] that are column wraps (``soft_wrapped``), in order."""
    end = len(text) if end is None else end
    breaks: list[int] = []
    newline = text.find("\n", start, end)
    while newline != -1:
        if soft_wrapped(text, newline):
            breaks.append(newline)
        newline = text.find("\n", newline + 1, end)
    return breaks


def join_at(text: str, start: int, end: int, breaks) -> tuple[str, list[int]]:
    """text[start:end] without the line breaks at ``breaks`` (sorted, inside the span), and the
    offset of each kept character."""
    pieces: list[str] = []
    index: list[int] = []
    pos = start
    for newline in breaks:
        pieces.append(text[pos:newline])
        index.extend(range(pos, newline))
        pos = newline + 1
    pieces.append(text[pos:end])
    index.extend(range(pos, end))
    return "".join(pieces), index


def joined_view(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """text[start:end] with column-wrap line breaks removed, and the offset of each kept character.

    A line break is a column wrap when the line before it does not end a sentence and reads as
    running text (it holds a comma or a full stop), the way newspaper columns were extracted.
    """
    return join_at(text, start, end, wrap_breaks(text, start, end))


# the head of a part of a compilation: 篇一： or 第二篇, at a line start or after a sentence end
_PART_HEAD = re.compile(rf"""
    (?:^[ \t\u3000\#*]*|(?<=[。！？…”]))       # line start (after markup) or a sentence end
    (?:篇[{CN_NUM}]+[：:]|第[{CN_NUM}]+篇)       # 篇一： / 第二篇
""", re.MULTILINE | re.VERBOSE)


def part_breaks(text: str) -> list[int]:
    """Starts of the parts of a compilation (``篇一：…``, ``第二篇``): sections never cross them."""
    out: list[int] = []
    hit = text.find("篇")  # every part head holds 篇, and no head spans two lines
    while hit != -1:
        line_start = text.rfind("\n", 0, hit) + 1
        line_end = text.find("\n", hit)
        line_end = len(text) if line_end == -1 else line_end
        out.extend(m.start() for m in _PART_HEAD.finditer(text, line_start, line_end))
        hit = text.find("篇", line_end)
    return out


MIN_PART = 200  # a stretch shorter than this (a page header, a lone part title) joins the next part


def part_spans(text: str, breaks: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans [start, end) of the independent parts of a compilation (cut at ``篇N：`` heads);
    one span covering the text when it has no part heads. Very short parts join the next one.
    ``breaks``: ``part_breaks(text)`` when already made."""
    cuts = [b for b in (part_breaks(text) if breaks is None else breaks) if 0 < b < len(text)]
    if not cuts:
        return [(0, len(text))] if text else []
    bounds = [0, *cuts, len(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    for end in bounds[1:]:
        if end - start < MIN_PART and end != len(text):
            continue  # too short to stand alone: it opens the next part
        spans.append((start, end))
        start = end
    if start < len(text):  # a short tail joins the last part
        if spans:
            spans[-1] = (spans[-1][0], len(text))
        else:
            spans.append((start, len(text)))
    return spans
