"""Punctuation: half-width punctuation in Chinese context to full-width; every quote style to “ ” ‘ ’."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat

from djtext.clean.chars import CN_PUNCT, HAN, SPACE, is_han
from djtext.models import Edit
from djtext.text import HAN_RANGE

_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_WIDE_TABLE = str.maketrans(_WIDE)
_SIMPLE = re.compile(r"[,;:?!]+")
_AFTER_CHINESE = f"{HAN_RANGE}{re.escape(CN_PUNCT)}"
_SIMPLE_AFTER_CHINESE = re.compile(rf"([,;:?!](?<=[{_AFTER_CHINESE}][,;:?!])[,;:?!]*)")
"""The runs of _SIMPLE right after a Chinese character or punctuation mark (the common case). Each
starts with a plain character class, so the regex engine skips quickly to the candidates; the
lookbehind then looks at the character before the run's first mark. (The group around it all lets
``split`` list the runs with the text between them.)"""
_SIMPLE_OTHER = re.compile(rf"[,;:?!](?<![{_AFTER_CHINESE},;:?!][,;:?!])[,;:?!]*")
"""The other runs of _SIMPLE (together the two find exactly the runs _SIMPLE finds)."""
_QUOTE_CHARS = frozenset("\"'＂")
_SPACES = frozenset(SPACE)
_PAREN_PAIR = re.compile(r"\(([^()\n]{0,80})\)")
_HAN_RE = re.compile(rf"[{HAN}]")
_CN_PUNCT_CHARS = frozenset(CN_PUNCT)


def _chinese(char: str) -> bool:
    """Whether ``char`` (one character or "") is a Han character or Chinese punctuation (the class
    ``[HAN CN_PUNCT]``; a function is quicker for one character than a compiled class, and costs no compiling)."""
    return char in _CN_PUNCT_CHARS or is_han(char)
_LONE_OPEN = re.compile(r"\(")
_LONE_CLOSE = re.compile(r"\)")
_PERIOD = re.compile(rf"\.(?=[{HAN}“”]|[ \t]*$)(?!\.)", re.MULTILINE)
_DOTS = re.compile(r"\.\.\.\.{0,3}|。。。。{0,3}|……*")
"""``\\.{3,6}|。{3,6}|…+``, written so that each alternative starts with a literal (the engine skips quickly to one)."""


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest non-space characters before ``start`` and from ``end`` on the same line ("" at an edge)."""
    i = start - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    j = end
    while j < len(text) and text[j] in _SPACES:
        j += 1
    before = text[i] if i >= 0 and text[i] != "\n" else ""
    after = text[j] if j < len(text) and text[j] != "\n" else ""
    return before, after


_Change = tuple[int, int, str, str]
"""An edit as a plain tuple (start, end, replacement, note): quicker to build and sort while rounds run."""


def _apply(text: str, changes: list[_Change]) -> str:
    """``text`` with ``changes`` (sorted, not overlapping) made."""
    pieces, pos = [], 0
    for start, end, replacement, _ in changes:
        pieces.append(text[pos:start])
        pieces.append(replacement)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_BRACKET = "half-width bracket"
_PUNCTUATION = "half-width punctuation"


def _bracket_changes(text: str) -> list[_Change]:
    """Half-width brackets in Chinese context: pairs whose content or surroundings are Chinese, lone ones next to Han."""
    changes: list[_Change] = []
    taken: set[int] = set()
    for m in _PAREN_PAIR.finditer(text):
        inner = m.group(1)
        before, after = _neighbours(text, m.start(), m.end())
        if _HAN_RE.search(inner) or _chinese(before) or _chinese(after):
            changes.append((m.start(), m.start() + 1, "（", _BRACKET))
            changes.append((m.end() - 1, m.end(), "）", _BRACKET))
            taken.update((m.start(), m.end() - 1))
    for m in _LONE_OPEN.finditer(text):
        if m.start() not in taken and is_han(_neighbours(text, m.start(), m.end())[1]):
            changes.append((m.start(), m.end(), "（", _BRACKET))
    for m in _LONE_CLOSE.finditer(text):
        if m.start() not in taken and is_han(_neighbours(text, m.start(), m.end())[0]):
            changes.append((m.start(), m.end(), "）", _BRACKET))
    return changes


def _runs_after_chinese(text: str) -> list[_Change]:
    """The runs of , ; : ? ! right after a Chinese character or mark, made full-width (found by one
    ``split``, their places added up from the lengths of the pieces: no Python work per match)."""
    pieces = _SIMPLE_AFTER_CHINESE.split(text)  # text, run, text, run, ..., text
    if len(pieces) == 1:
        return []
    ends = list(accumulate(map(len, pieces)))
    runs = pieces[1::2]
    wide = list(map(_WIDE.get, runs))  # (most runs are one mark)
    if None in wide:
        wide = [mark or run.translate(_WIDE_TABLE) for mark, run in zip(wide, runs)]
    return list(zip(ends[::2], ends[1::2], wide, repeat(_PUNCTUATION)))


def _width_changes(text: str) -> list[_Change]:
    """One round of same-length conversions (brackets, , ; : ? !, full stops) judged on ``text``; each
    changes every character of its span (a half-width mark becomes a full-width one)."""
    # (quick tests first: brackets need a bracket, the runs one of , ; : ? !)
    changes = _bracket_changes(text) if "(" in text or ")" in text else []
    simple = "," in text or ";" in text or ":" in text or "?" in text or "!" in text
    if simple:
        changes += _runs_after_chinese(text)
    for m in _SIMPLE_OTHER.finditer(text) if simple else ():
        run = m.group()
        start, end = m.start(), m.end()
        before, after = _neighbours(text, start, end)
        if not (_chinese(before) or _chinese(after)
                or before in _QUOTE_CHARS or after in _QUOTE_CHARS):
            continue  # (an ASCII quote next to it becomes a Chinese quote later)
        if run in (",", ":") and before.isdigit() and after.isdigit():
            continue  # 1,000 and 13:00 stay
        if run[-1] == ":" and after == "/":
            continue  # a URL scheme
        changes.append((start, end, run.translate(_WIDE_TABLE), _PUNCTUATION))
    for m in _PERIOD.finditer(text) if "." in text else ():
        if m.start() and is_han(text[m.start() - 1]):
            changes.append((m.start(), m.end(), "。", "half-width full stop"))
    return changes


def _width_edits(text: str) -> list[Edit]:
    """One round of same-length conversions (brackets, , ; : ? !, full stops) judged on ``text``."""
    return [Edit(*change) for change in _width_changes(text)]


_CONVERTIBLE = re.compile(r"[,;:?!().]")
"""A character _width_changes may convert (each of its matches starts with one)."""


def _open_lines(text: str, changes: list[_Change]) -> list[tuple[int, int]]:
    """The lines of ``text`` that hold one of ``changes`` (sorted) and still a character a next round
    could convert.

    Every judgement of _width_changes looks only within the line, so a line the last round did not
    change gives the next round nothing new: only these lines need to be judged again."""
    spans: list[tuple[int, int]] = []
    starts = [change[0] for change in changes]
    i, size = 0, len(changes)
    while i < size:
        start = starts[i]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        if line_end < 0:
            line_end = len(text)
        if _CONVERTIBLE.search(text, line_start, line_end):
            spans.append((line_start, line_end))
        i = bisect_right(starts, line_end, i + 1)  # the first change on a later line
    return spans


def _width_changes_on_lines(text: str, spans: list[tuple[int, int]]) -> list[_Change]:
    """_width_changes judged line by line over ``spans`` (the same changes it finds on those lines of ``text``)."""
    return [(change_start + start, change_end + start, replacement, note)
            for start, end in spans for change_start, change_end, replacement, note in _width_changes(text[start:end])]


def _width_edits_on_lines(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    """_width_edits judged line by line over ``spans`` (the same edits it finds on those lines of ``text``)."""
    return [Edit(*change) for change in _width_changes_on_lines(text, spans)]


def _changed_runs(text: str, probe: str, rounds: list[list[_Change]]) -> list[Edit]:
    """One edit per run of consecutive characters the rounds changed (all keep the length: one coordinate system)."""
    edits = []
    run_start = run_end = -1
    for start, end, _, _ in sorted(change for changes in rounds for change in changes):
        if start <= run_end:
            run_end = max(run_end, end)
            continue
        if run_end >= 0:
            edits.append(Edit(run_start, run_end, probe[run_start:run_end], _BRACKET if text[run_start] in "()" else _PUNCTUATION))
        run_start, run_end = start, end
    if run_end >= 0:
        edits.append(Edit(run_start, run_end, probe[run_start:run_end], _BRACKET if text[run_start] in "()" else _PUNCTUATION))
    return edits


def fix_punctuation_width(text: str) -> list[Edit]:
    """Half-width ``, ; : ? ! ( ) .`` and ``...`` in Chinese context to ``，；：？！（）。……``."""
    if not _CONVERTIBLE.search(text) and "。。。" not in text and "…" not in text:
        return []  # no mark to convert (the usual case when the settle loop runs it again)
    probe = text
    rounds: list[list[_Change]] = []
    changes: list[_Change] = []
    for round_no in range(4):  # a converted mark makes its neighbours Chinese context: iterate to a fixed point
        # (every change changes its span, half-width to full-width: none leaves the text as it is)
        found = _width_changes(probe) if round_no == 0 else _width_changes_on_lines(probe, _open_lines(probe, changes))
        if not found:
            break
        rounds.append(found)
        changes = sorted(found)
        probe = _apply(probe, changes)
    if len(rounds) == 1:
        edits = [Edit(*change) for change in rounds[0]]  # (in the order they were found)
    else:
        edits = _changed_runs(text, probe, rounds)
    size = len(text)
    if not ("..." in probe or "。。。" in probe or "…" in probe):
        return edits  # nothing _DOTS could match (a quick test before the slower regex scan)
    for m in _DOTS.finditer(probe):
        if m.group()[0] == "…" and len(m.group()) > 1:
            continue  # …… (or a longer run) is already Chinese
        before = probe[m.start() - 1] if m.start() else ""
        after = probe[m.end()] if m.end() < size else ""
        if m.group()[0] in "…。" or _chinese(before) or _chinese(after):
            edits.append(Edit(m.start(), m.end(), "……", "ellipsis"))
    return edits


_DOUBLE = re.compile('["“”＂〝〞「」]')
_SINGLE = re.compile("['‘’『』]")
_HAS_HAN = re.compile(rf"[{HAN}]")
_NON_CANONICAL_QUOTE = re.compile("[\"＂〝〞「」'『』]")


def _pair_quotes(line: str, offset: int, regex: re.Pattern[str], open_q: str, close_q: str,
                 openers: str, closers: str) -> list[Edit]:
    edits = []
    is_open = False
    for m in regex.finditer(line):
        char = m.group()
        before = line[m.start() - 1] if m.start() else ""
        after = line[m.end()] if m.end() < len(line) else ""
        if char in openers:
            new, is_open = open_q, True
        elif char in closers:
            new, is_open = close_q, False
        else:  # ambiguous ASCII quote: by position, unless it sits inside a Latin word (it's, 5'6")
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue
            if not (_chinese(before) or _chinese(after) or char == '"'):
                continue
            new = close_q if is_open else open_q
            is_open = not is_open
        if new != char:
            edits.append(Edit(offset + m.start(), offset + m.end(), new, "quote"))
    return edits


def fix_quotes(text: str) -> list[Edit]:
    """Normalise every quote style (\"\" '' 「」 『』 mismatched) to “ ” and ‘ ’, pairing by position per paragraph."""
    if not _NON_CANONICAL_QUOTE.search(text):
        return []
    edits: list[Edit] = []
    lines = text.splitlines(keepends=True)
    starts = list(accumulate(map(len, lines), initial=0))
    # only the lines that hold a non-canonical quote are paired: one search of the text finds the next one
    m = _NON_CANONICAL_QUOTE.search(text)
    while m:
        i = bisect_right(starts, m.start()) - 1
        line, pos = lines[i], starts[i]
        if _HAS_HAN.search(line):
            if _DOUBLE.search(line):
                edits.extend(_pair_quotes(line, pos, _DOUBLE, "“", "”", "“「〝", "”」〞"))
            if _SINGLE.search(line):
                edits.extend(_pair_quotes(line, pos, _SINGLE, "‘", "’", "‘『", "’』"))
        m = _NON_CANONICAL_QUOTE.search(text, starts[i + 1])
    return edits
