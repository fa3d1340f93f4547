"""The punctuation fixers as they were before the cleanfix speed pass (the oracle of
tests/test_cleanfix_punct.py). Punctuation: half-width punctuation in Chinese context to full-width; every quote style to “ ” ‘ ’."""
from __future__ import annotations

import re
from operator import attrgetter

from djtext.clean.chars import CN_PUNCT, HAN, SPACE
from djtext.models import Edit
from djtext.text import HAN_RANGE

_CJK = f"{HAN}{re.escape(CN_PUNCT)}"
_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_WIDE_TABLE = str.maketrans(_WIDE)
_SIMPLE = re.compile(r"[,;:?!]+")
_AFTER_CHINESE = f"{HAN_RANGE}{re.escape(CN_PUNCT)}"
_SIMPLE_AFTER_CHINESE = re.compile(rf"[,;:?!](?<=[{_AFTER_CHINESE}][,;:?!])[,;:?!]*")
"""The runs of _SIMPLE right after a Chinese character or punctuation mark (the common case). Each
starts with a plain character class, so the regex engine skips quickly to the candidates; the
lookbehind then looks at the character before the run's first mark."""
_SIMPLE_OTHER = re.compile(rf"[,;:?!](?<![{_AFTER_CHINESE},;:?!][,;:?!])[,;:?!]*")
"""The other runs of _SIMPLE (together the two find exactly the runs _SIMPLE finds)."""
_QUOTE_CHARS = frozenset("\"'＂")
_SPACES = frozenset(SPACE)
_PAREN_PAIR = re.compile(r"\(([^()\n]{0,80})\)")
_HAN_RE = re.compile(rf"[{HAN}]")
_CJK_RE = re.compile(rf"[{_CJK}]")
_LONE_OPEN = re.compile(r"\(")
_LONE_CLOSE = re.compile(r"\)")
_PERIOD = re.compile(rf"\.(?=[{HAN}“”]|[ \t]*$)(?!\.)", re.MULTILINE)
_DOTS = re.compile(r"(?=[.。…])(?:\.{3,6}|。{3,6}|…+)")  # the lookahead only speeds up the scan


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


_START = attrgetter("start")


def _apply(text: str, edits: list[Edit]) -> str:
    pieces, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        pieces += [text[pos:e.start], e.replacement]
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _bracket_edits(text: str) -> list[Edit]:
    """Half-width brackets in Chinese context: pairs whose content or surroundings are Chinese, lone ones next to Han."""
    edits: list[Edit] = []
    taken: set[int] = set()
    for m in _PAREN_PAIR.finditer(text):
        inner = m.group(1)
        before, after = _neighbours(text, m.start(), m.end())
        if _HAN_RE.search(inner) or _CJK_RE.match(before or " ") or _CJK_RE.match(after or " "):
            edits.append(Edit(m.start(), m.start() + 1, "（", "half-width bracket"))
            edits.append(Edit(m.end() - 1, m.end(), "）", "half-width bracket"))
            taken.update((m.start(), m.end() - 1))
    for m in _LONE_OPEN.finditer(text):
        if m.start() not in taken and _HAN_RE.match(_neighbours(text, m.start(), m.end())[1] or " "):
            edits.append(Edit(m.start(), m.end(), "（", "half-width bracket"))
    for m in _LONE_CLOSE.finditer(text):
        if m.start() not in taken and _HAN_RE.match(_neighbours(text, m.start(), m.end())[0] or " "):
            edits.append(Edit(m.start(), m.end(), "）", "half-width bracket"))
    return edits


def _width_edits(text: str) -> list[Edit]:
    """One round of same-length conversions (brackets, , ; : ? !, full stops) judged on ``text``."""
    # (quick tests first: brackets need a bracket, the runs one of , ; : ? !)
    edits = _bracket_edits(text) if "(" in text or ")" in text else []
    simple = "," in text or ";" in text or ":" in text or "?" in text or "!" in text
    note = "half-width punctuation"
    if simple:
        edits += [Edit(m.start(), m.end(), m.group().translate(_WIDE_TABLE), note)
                  for m in _SIMPLE_AFTER_CHINESE.finditer(text)]
    for m in _SIMPLE_OTHER.finditer(text) if simple else ():
        run = m.group()
        start, end = m.start(), m.end()
        before, after = _neighbours(text, start, end)
        if not (_CJK_RE.match(before or " ") or _CJK_RE.match(after or " ")
                or before in _QUOTE_CHARS or after in _QUOTE_CHARS):
            continue  # (an ASCII quote next to it becomes a Chinese quote later)
        if run in (",", ":") and before.isdigit() and after.isdigit():
            continue  # 1,000 and 13:00 stay
        if run[-1] == ":" and after == "/":
            continue  # a URL scheme
        edits.append(Edit(start, end, run.translate(_WIDE_TABLE), "half-width punctuation"))
    for m in _PERIOD.finditer(text):
        if m.start() and _HAN_RE.match(text[m.start() - 1]):
            edits.append(Edit(m.start(), m.end(), "。", "half-width full stop"))
    return edits


_CONVERTIBLE = re.compile(r"[,;:?!().]")
"""A character _width_edits may convert (each of its matches starts with one)."""


def _open_lines(text: str, edits: list[Edit]) -> list[tuple[int, int]]:
    """The lines of ``text`` that hold one of ``edits`` and still a character a next round could convert.

    Every judgement of _width_edits looks only within the line, so a line the last round did not
    change gives the next round nothing new: only these lines need to be judged again."""
    spans: list[tuple[int, int]] = []
    line_end = -1
    for edit in sorted(edits, key=_START):
        if edit.start <= line_end:
            continue  # on the line just taken
        line_start = text.rfind("\n", 0, edit.start) + 1
        line_end = text.find("\n", edit.start)
        if line_end < 0:
            line_end = len(text)
        if _CONVERTIBLE.search(text, line_start, line_end):
            spans.append((line_start, line_end))
    return spans


def _width_edits_on_lines(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    """_width_edits judged line by line over ``spans`` (the same edits it finds on those lines of ``text``)."""
    return [Edit(e.start + start, e.end + start, e.replacement, e.note)
            for start, end in spans for e in _width_edits(text[start:end])]


def fix_punctuation_width(text: str) -> list[Edit]:
    """Half-width ``, ; : ? ! ( ) .`` and ``...`` in Chinese context to ``，；：？！（）。……``."""
    probe = text
    rounds: list[list[Edit]] = []
    round_edits = []
    for round_no in range(4):  # a converted mark makes its neighbours Chinese context: iterate to a fixed point
        proposed = _width_edits(probe) if round_no == 0 else _width_edits_on_lines(probe, _open_lines(probe, round_edits))
        round_edits = [e for e in proposed if e.replacement != probe[e.start:e.end]]
        if not round_edits:
            break
        rounds.append(round_edits)
        probe = _apply(probe, round_edits)
    if len(rounds) == 1:
        edits = rounds[0]
    else:  # one edit per run of consecutive changed characters (all edits keep the length: one coordinate system)
        edits = []
        runs: list[list[int]] = []
        for start, end in sorted((e.start, e.end) for round_edits in rounds for e in round_edits):
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        for i, end in runs:
            note = "half-width bracket" if text[i] in "()" else "half-width punctuation"
            edits.append(Edit(i, end, probe[i:end], note))
    size = len(text)
    if not ("..." in probe or "。。。" in probe or "…" in probe):
        return edits  # nothing _DOTS could match (a quick test before the slower regex scan)
    for m in _DOTS.finditer(probe):
        if m.group()[0] == "…" and len(m.group()) > 1:
            continue  # …… (or a longer run) is already Chinese
        before = probe[m.start() - 1] if m.start() else ""
        after = probe[m.end()] if m.end() < size else ""
        if m.group()[0] in "…。" or _CJK_RE.match(before or " ") or _CJK_RE.match(after or " "):
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
            if not (_CJK_RE.match(before or "x") or _CJK_RE.match(after or "x") or char == '"'):
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
    pos = 0
    for line in text.splitlines(keepends=True):
        if _NON_CANONICAL_QUOTE.search(line) and _HAS_HAN.search(line):
            if _DOUBLE.search(line):
                edits.extend(_pair_quotes(line, pos, _DOUBLE, "“", "”", "“「〝", "”」〞"))
            if _SINGLE.search(line):
                edits.extend(_pair_quotes(line, pos, _SINGLE, "‘", "’", "‘『", "’』"))
        pos += len(line)
    return edits
