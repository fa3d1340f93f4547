"""Line structure: join hard-wrapped lines and words split across page breaks; split paragraphs that
a web copy ran together; keep real paragraph breaks and headings on their own lines.

Joins are decided from evidence, per line: whether the line ends a sentence, whether it is as long as
the document's wrapped lines (the wrap width is measured, not assumed), whether it is long enough to
be a paragraph fragment rather than a heading, and whether the next line opens a list item or is
indented where the document indents paragraphs.

How this differs from :func:`djtext.structure.lines.joined_view`: this fixer works on the *raw*
lines, before any paragraph exists, and decides every break from the measured wrap width, the
document's indent and blank-line habits and the line shapes, producing edits that change the clean
text. ``joined_view`` works later, on the *clean* text, and only reads across the line breaks the
cleaner kept (a line that does not end a sentence and reads as running text), as a view with an
offset map for the extractors; it never changes the clean text."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from operator import attrgetter

from djtext.clean.chars import CN_NUMERAL, HAN, LIST_MARKER, SPACE
from djtext.clean.fix_spacing import ocr_spaced
from djtext.models import Edit
from djtext.text import PARAGRAPH_END, SENTENCE_END

_LINE_CLOSERS = "”’」』）)》\"'】"
_ENDS_SENTENCE = re.compile(rf"[{PARAGRAPH_END}][{_LINE_CLOSERS}]*$|[{SENTENCE_END}][”’」』\"']?[）)]$")
_PARAGRAPH_END = frozenset(PARAGRAPH_END)
_CLOSERS = frozenset(_LINE_CLOSERS)
_CONTINUES_CHARS = "，,、（(“‘《【—-～~+＋/·"
_CONTINUES = re.compile(f"[{re.escape(_CONTINUES_CHARS)}]$")
_OPEN_END = frozenset(_CONTINUES_CHARS)
_COLON_END = re.compile(r"[：:]$")
_LIST_START = re.compile(rf"^(?:{LIST_MARKER})")
_STRONG_START = re.compile(rf"^(?:[（(][{CN_NUMERAL}]{{1,3}}[)）]|[{CN_NUMERAL}]{{1,3}}、|第[{CN_NUMERAL}\d]{{1,3}}[章节部分篇]|——)")
_NAME_SPACE = re.compile(rf"[{HAN}”》][{SPACE}]+[{HAN}“《]")
_ANY_SPACE = re.compile(f"[{SPACE}]")
_INNER_STOP = re.compile(r"[。！？；]")
_COMMAS = re.compile(r"[，、,]")
_MAY_START_MARKER = frozenset(f"（(第—①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳{CN_NUMERAL}")
"""First characters of _STRONG_START and _LIST_START matches besides digits (a quick test)."""
HEADING_MAX = 40
"""Lines up to this many characters, without sentence punctuation at the end, may be headings."""
FRAGMENT_MIN = 60
"""A line this long that does not end a sentence is a paragraph fragment, never a heading."""


def _closed_sentence_end(text: str) -> bool:
    """Whether a line that ends with a closer (） ” 》 ...) ends a sentence. With the test of a last
    paragraph end, what ``_ENDS_SENTENCE.search(text[-6:])`` says, without a regex (its second branch is
    part of the first: every sentence end is a paragraph end, ） and quotes close)."""
    rest = text[-6:].rstrip(_LINE_CLOSERS)
    return rest != "" and rest[-1] in _PARAGRAPH_END


class _Line:
    """A non-blank line: its content span and layout, and the shape of its content.

    The tests that only some decisions ask about (``titled``, ``prose``, ``inner_stop``) are made the
    first time they are asked."""

    __slots__ = ("start", "end", "text", "indent", "blanks_before", "trail", "ends", "chars", "units", "candidate",
                 "before_long", "strong", "listed", "open_end", "colon_end", "_titled", "_prose", "_inner_stop")

    def __init__(self, start: int, end: int, text: str, indent: int, blanks_before: int, trail: int = 0) -> None:
        self.start = start  # of the content (after indentation)
        self.end = end  # of the content (before trailing spaces)
        self.text = text
        self.indent = indent
        self.blanks_before = blanks_before
        self.trail = trail
        last, first = text[-1], text[0]
        # ends a sentence
        ends = self.ends = last in _PARAGRAPH_END or (last in _CLOSERS and _closed_sentence_end(text))
        # might be a hard-wrapped line: short, open at the end
        candidate = self.candidate = not ends and 6 <= len(text) <= WRAP_MAX
        if first in _MAY_START_MARKER or first.isdecimal():
            self.strong = _STRONG_START.match(text) is not None  # starts like 一、 （一） ——
            self.listed = _LIST_START.match(text) is not None  # starts with any list marker
        else:
            self.strong = self.listed = False
        self.open_end = last in _OPEN_END  # ends with ， 、 “ ...
        self.colon_end = last == ":" or last == "："
        self._titled = self._prose = self._inner_stop = None
        edge = indent + trail
        self.chars = edge + len(text)  # size in characters, indentation and trailing spaces included
        # in ideographic units (half-width: one half)
        self.units = edge + _width(text) if candidate else self.chars
        self.before_long = False  # the next line is longer than any wrapped line

    @property
    def titled(self) -> bool:
        """Has a space between Han characters (names in a title; no OCR-spaced text gets here)."""
        if self._titled is None:
            # (_NAME_SPACE needs a space: the quicker _ANY_SPACE scan spares most lines the slower one)
            self._titled = _ANY_SPACE.search(self.text) is not None and _NAME_SPACE.search(self.text) is not None
        return self._titled

    @property
    def prose(self) -> bool:
        """Not a title or byline: no space, and a comma, full stop or semicolon."""
        if self._prose is None:
            text = self.text
            self._prose = " " not in text and ("，" in text or "。" in text or "；" in text)
        return self._prose

    @property
    def inner_stop(self) -> bool:
        """A sentence ends before the last character (looked at in lines shorter than FRAGMENT_MIN only)."""
        if self._inner_stop is None:
            text = self.text
            self._inner_stop = len(text) < FRAGMENT_MIN and _INNER_STOP.search(text, 0, len(text) - 1) is not None
        return self._inner_stop

    @property
    def heading(self) -> bool:
        """Short, open, no sentence inside: may be a heading."""
        return len(self.text) <= HEADING_MAX and not self.ends and not self.open_end and not self.inner_stop


_SPACES = re.compile(f"[{SPACE}]+")


def _parse(text: str, squeeze: bool = False) -> list[_Line]:
    """Non-blank lines with their content span; ``squeeze`` drops inner spaces from ``text`` (OCR spacing)."""
    lines: list[_Line] = []
    append = lines.append
    pos = 0
    blanks = 0
    for raw in text.split("\n"):
        content = raw.strip(SPACE)
        if not content:
            blanks += 1
        elif len(content) == len(raw) and not squeeze:  # (the common case: no space at either edge)
            append(_Line(pos, pos + len(raw), raw, 0, blanks))
            blanks = 0
        else:
            lead = len(raw) - len(raw.lstrip(SPACE))
            trail = len(raw) - lead - len(content)
            indent = raw[:lead].count("\u3000") if squeeze else lead
            append(_Line(pos + lead, pos + lead + len(content), _SPACES.sub("", content) if squeeze else content,
                         indent, blanks, 0 if squeeze else trail))
            blanks = 0
        pos += len(raw) + 1
    for line, nxt in zip(lines, lines[1:]):
        line.before_long = len(nxt.text) > WRAP_MAX
    return lines


def _width(line: str) -> float:
    """Line length in ideographic units: a half-width character counts one half."""
    return len(line) - len(line.encode("ascii", "ignore")) / 2


WRAP_MAX = 80
"""Lines longer than this are never taken for hard-wrapped lines when measuring the wrap width."""
WINDOW = 8
"""Lines on each side that the local wrap width is measured over (a document may mix layouts)."""
BLOCK = 8
"""Consecutive lines that share one local wrap-width estimate."""


def _size(line: _Line, measure: str) -> float:
    """Length of a line as the wrapper saw it (indentation included), in characters or units."""
    return line.chars if measure == "chars" else line.units


def _wrap_width(lines: list[_Line]) -> tuple[float, float, str]:
    """The wrap width of ``lines``, the tolerance around it (negative when they are not regularly
    wrapped), and the measure used (``chars`` or ``units``)."""
    candidates = [ln for ln in lines if ln.candidate]
    if len(candidates) < 4 or len(candidates) < 0.5 * len(lines):
        return 0.0, -1.0, "chars"
    if sum([ln.before_long for ln in candidates]) > 0.1 * len(candidates):
        return 0.0, -1.0, "chars"  # short lines followed by long paragraphs: headings, not wrapping
    best = (0.0, -1.0, "chars")
    best_share = 0.0
    for measure in ("chars", "units"):
        values = sorted([ln.chars for ln in candidates] if measure == "chars" else [ln.units for ln in candidates])
        # a value that 60 % of the lines have is the median: only the median can pass the first test
        mode = values[len(values) // 2]
        mode_count = bisect_right(values, mode) - bisect_left(values, mode)
        near = bisect_left(values, mode) - bisect_left(values, mode - 2)  # values in [mode - 2, mode)
        if mode_count >= 0.6 * len(values) and near <= 0.1 * len(values) and mode >= 8:
            width, tol = mode, 0.0  # an exact wrapper: (nearly) every open line has the same length
        else:
            width = values[int(0.75 * (len(values) - 1))]
            body = values[bisect_left(values, 0.5 * width):]
            tol = max(1.0, width - body[int(0.1 * (len(body) - 1))])
        share = (bisect_right(values, width + tol) - bisect_left(values, width - tol)) / len(values)
        if tol <= 0.3 * width and share > best_share + 0.05:
            best_share = share
            best = (float(width), float(tol), measure)
        if measure == "chars" and best_share >= 0.75 and best[1] == 0:
            break  # characters explain the layout: a plain character-count wrapper
    if best_share < 0.6:
        return 0.0, -1.0, "chars"
    return best


def _join(prev: _Line, nxt: _Line, width: float, tol: float, measure: str, indent_signal: bool,
          blank_signal: bool, carry: float = 0.0) -> bool:
    """Whether ``prev`` continues on ``nxt``. ``carry`` is the size of a sentence end that shares
    ``prev``'s printed line (PDF layers split printed lines at sentence ends)."""
    length = len(prev.text)
    regular = tol >= 0
    size, next_size = (prev.chars, nxt.chars) if measure == "chars" else (prev.units, nxt.units)  # (see _size)
    if prev.ends:
        # a full line ending a sentence continues when the layout says so (no indent / no blank line next)
        if not regular or nxt.strong or nxt.listed:
            return False
        full = width - tol - 0.5 <= size <= width + tol + 0.5
        # with neither signal, a sentence ending exactly at the wrap width more likely runs on
        continued = not (blank_signal and nxt.blanks_before) and not (indent_signal and nxt.indent)
        return full and continued and next_size <= max(width + tol + 2, 1.3 * width)
    if nxt.strong and not prev.open_end:
        return False
    if nxt.listed and (regular is False or length < width - 2):
        return False
    if indent_signal and nxt.indent > 0 and not prev.open_end:
        if not regular or size < width - tol:
            return False
    if blank_signal and regular and nxt.blanks_before > 0 and size < width - tol - 0.5:
        return False
    if prev.colon_end:
        return not nxt.listed and length >= FRAGMENT_MIN
    if prev.open_end:
        return True
    if prev.strong and size < width - 0.5:
        return False  # a numbered heading shorter than the full width ends there
    if regular and nxt.blanks_before and abs(size + next_size - width) <= tol + 0.5 and not prev.titled:
        return True  # one printed line split by a page break: its two parts add up to the width
    low, high = width - tol - 0.5, width + tol + 0.5
    fits = not (tol > 0 and prev.titled) and (low <= size <= high or low <= size + carry <= high)
    if regular and fits and next_size <= max(width + tol + 2, 1.3 * width):
        return True
    if length >= FRAGMENT_MIN:
        return True
    # a sentence ended inside the line and another one began: a paragraph cut off, not a heading
    return length >= 20 and prev.inner_stop


def _blank_signal(lines: list[_Line]) -> bool:
    """Whether the document separates paragraphs by blank lines and keeps wrapped lines together."""
    after_end = [nxt.blanks_before > 0 for prev, nxt in zip(lines, lines[1:]) if prev.ends]
    after_open = [nxt.blanks_before > 0 for prev, nxt in zip(lines, lines[1:]) if not prev.ends]
    if len(after_end) < 3 or len(after_open) < 3:
        return False
    return sum(after_end) / len(after_end) >= 0.7 and sum(after_open) / len(after_open) <= 0.2


def _local_width(lines: list[_Line], block: int, candidates: list[int],
                 whole: tuple[float, float, str]) -> tuple[float, float, str]:
    """The wrap width around block ``block`` of lines (``whole``, the document's, where the window
    around it is not regularly wrapped); ``candidates[i]``: how many of ``lines[:i]`` are candidates."""
    first, last = max(0, block * BLOCK - WINDOW), min(len(lines), (block + 1) * BLOCK + WINDOW)
    if first == 0 and last == len(lines):
        return whole
    count = candidates[last] - candidates[first]
    if count < 4 or count < 0.5 * (last - first):
        return whole  # (what _wrap_width says of so few candidates: not regularly wrapped)
    estimate = _wrap_width(lines[first:last])
    return estimate if estimate[1] >= 0 else whole


def _decide(lines: list[_Line], indent_signal: bool, blank_signal: bool) -> list[bool]:
    """For each line, whether it continues on the next one."""
    whole = _wrap_width(lines)
    candidates = list(accumulate(map(_CANDIDATE, lines), initial=0))
    wrapped = candidates[-1] >= 4
    joins = []
    width, tol, measure = whole
    previous = None
    for i, (line, nxt) in enumerate(zip(lines, lines[1:])):
        if wrapped and i % BLOCK == 0:
            width, tol, measure = _local_width(lines, i // BLOCK, candidates, whole)
        carry = 0.0
        if tol > 0 and not line.strong:  # (a numbered heading: its shortness is no lost indent)
            size = _size(line, measure)
            if i and previous.ends and size < width - tol:
                carry = _size(previous, measure)
                if not width - tol - 0.5 <= carry + size <= width + tol + 0.5:
                    # a paragraph's first line, its two-character indent lost by the text layer
                    carry = 2.0 if not line.indent and line.prose else 0.0
            elif not line.indent and (i == 0 or line.blanks_before or previous.ends) and line.prose:
                carry = 2.0  # prose (not a title or byline) starting a paragraph: its indent was lost
        joins.append(_join(line, nxt, width, tol, measure, indent_signal, blank_signal, carry))
        previous = line
    joins.append(False)
    return joins


_CANDIDATE = attrgetter("candidate")
_INDENT = attrgetter("indent")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _glue(line: _Line, nxt: _Line) -> str:
    """A space between two joined lines that end and start with an ASCII letter (a Latin word), else nothing."""
    return " " if line.text[-1:] in _ASCII_LETTERS and nxt.text[:1] in _ASCII_LETTERS else ""


def _joined(group: list[_Line]) -> _Line:
    """One line made of ``group``, lines that continue one on the next."""
    first, last = group[0], group[-1]
    text = first.text
    for a, b in zip(group, group[1:]):
        text += _glue(a, b) + b.text
    # (a glue space sits between Latin letters: the joined text is titled where a part was)
    return _Line(first.start, last.end, text, first.indent, first.blanks_before, last.trail)


def _merge(lines: list[_Line], joins: list[bool]) -> list[_Line]:
    """``lines`` with every run of lines joined by ``joins`` made one line (the other lines kept as they are)."""
    merged: list[_Line] = []
    joined: list[int] = []  # where in ``merged`` the new lines are
    continuing = list(compress(range(len(joins)), joins))  # the lines that continue on the next one
    kept = 0  # lines[kept:] are not in ``merged`` yet
    k = 0
    while k < len(continuing):
        first = last = continuing[k]
        k += 1
        while k < len(continuing) and continuing[k] == last + 1:
            last += 1
            k += 1
        merged.extend(lines[kept:first])
        joined.append(len(merged))
        merged.append(_joined(lines[first:last + 2]))
        kept = last + 2
    merged.extend(lines[kept:])
    for j in joined:  # (kept lines next to kept lines keep their before_long)
        if j:
            merged[j - 1].before_long = len(merged[j].text) > WRAP_MAX
        if j + 1 < len(merged):
            merged[j].before_long = len(merged[j + 1].text) > WRAP_MAX
    return merged


JOIN_ROUNDS = 3
"""Rounds of joining: a join can make the next one evident (the measured wrap width gets clearer)."""


def _add_growth(lines: list[_Line], growth: dict[int, int]) -> None:
    """Widen lines by what decoded entities took from their printed width (see runner.printed_growth)."""
    positions = sorted(growth)
    starts = [ln.start for ln in lines]
    for pos in positions:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < lines[i].end:
            line = lines[i]
            line.chars += growth[pos]
            line.units += growth[pos] / 2 if line.candidate else growth[pos]


def fix_line_breaks(text: str, growth: dict[int, int] | None = None) -> list[Edit]:
    """Join hard-wrapped lines and page-break splits; keep paragraph breaks; mark heading lines.

    ``growth``: per position, how much wider the line was as printed (decoded entities), for the
    wrap-width measure."""
    lines = _parse(text, squeeze=ocr_spaced(text))
    if not lines:
        return []
    if growth:
        _add_growth(lines, growth)
    indented = sum(map(bool, map(_INDENT, lines)))
    indent_signal = 0.03 < indented / len(lines) < 0.6
    blank_signal = _blank_signal(lines)
    edits: list[Edit] = []
    for _ in range(JOIN_ROUNDS):
        joins = _decide(lines, indent_signal, blank_signal)
        if not any(joins):
            break
        for i in compress(range(len(joins)), joins):
            line, nxt = lines[i], lines[i + 1]
            note = "joined wrapped line" if nxt.blanks_before == 0 else "joined across page break"
            edits.append(Edit(line.end, nxt.start, _glue(line, nxt), note))
        lines = _merge(lines, joins)
    for i, line in enumerate(lines[:-1]):
        if line.heading:
            edits.append(Edit(line.start, line.end, text[line.start:line.end], "mark:heading:0"))
    return edits


_INLINE_BREAK = re.compile(rf"(?<=[。！？])[”’]?[{SPACE}]+(?=\S)")
_INLINE_HEADING = re.compile(
    rf"(?:{LIST_MARKER})(?:[^，。；！？,;!?\n{SPACE}“”]|“[^”\n]{{1,20}}”){{2,30}}?([{SPACE}]+)(?=[{HAN}“][^\n]{{29}})"
)
_MARKER_FIRST = frozenset("（(第①②③④⑤⑥⑦⑧⑨⑩0123456789" + CN_NUMERAL)
_MARKER_LINE_START = re.compile("^(?=[" + "".join(map(re.escape, sorted(_MARKER_FIRST))) + "])", re.MULTILINE)
"""Line starts whose first character may begin a list marker (one of _MARKER_FIRST)."""
_MARKER_AFTER_BREAK = re.compile("\n(?=[" + "".join(map(re.escape, sorted(_MARKER_FIRST))) + "])")
"""A line break before such a line: what _MARKER_LINE_START finds after the first line, found quicker
(the regex engine skips to each line break instead of trying every position)."""


def _marker_line_starts(text: str) -> list[int]:
    """The starts of the lines whose first character may begin a list marker (as _MARKER_LINE_START finds them)."""
    starts = [0] if text[:1] in _MARKER_FIRST else []
    starts.extend(m.end() for m in _MARKER_AFTER_BREAK.finditer(text))
    return starts
_HAS_STOP = re.compile(r"[。！？]")
RUN_TOGETHER_LINE = 400
"""Lines averaging this many characters hold several paragraphs run together (a scraped page)."""


def _run_together(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return bool(lines) and sum(map(len, lines)) / len(lines) >= RUN_TOGETHER_LINE \
        and not ocr_spaced(text)


def fix_run_together_paragraphs(text: str) -> list[Edit]:
    """Split paragraphs a web copy ran into one long line (``。`` + space + next paragraph)."""
    if not _run_together(text):
        return []
    edits = []
    for m in _INLINE_BREAK.finditer(text):
        quote = m.group()[0] if m.group()[0] in "”’" else ""
        edits.append(Edit(m.start(), m.end(), quote + "\n", "paragraph break restored"))
    return edits


def fix_inline_headings(text: str) -> list[Edit]:
    """Put a numbered heading that runs into its paragraph (``（一）强化政治引领 政协……``) on its own line."""
    if ocr_spaced(text):
        return []
    edits = []
    for pos in _marker_line_starts(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        while True:
            m = _INLINE_HEADING.match(text, pos, end)
            if not m or not _HAS_STOP.search(text, m.end(), end):
                break
            edits.append(Edit(m.start(1), m.end(1), "\n", "inline heading split"))
            pos = m.end()
    return edits
