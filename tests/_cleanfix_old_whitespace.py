# fix_whitespace as it was before the cleanfix speed pass: the oracle of tests/test_cleanfix_fixers.py.
"""Whitespace: line-break conventions and invisible characters first, the final layout last."""
from __future__ import annotations

import re

from djtext.clean.chars import SPACE, ZERO_WIDTH
from djtext.models import Edit

_ODD_CHARS = f"\u2028\u2029\x0b\x85\x0c{ZERO_WIDTH}\x00-\x08\x0e-\x1f\x7f\t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f"
_ODD = re.compile(f"[\r{_ODD_CHARS}](?:(?<=\r)\n?|(?<!\r)[{_ODD_CHARS}]*)")
"""``\r\n?`` or a run of odd characters. (Written to start with one plain class, so the regex engine
skips quickly to the candidates; it finds what ``\r\n?|[odd]+`` finds.)"""
_INVISIBLE = frozenset(ZERO_WIDTH + "".join(map(chr, [*range(0, 9), *range(0x0E, 0x20), 0x7F])))
_BREAK_CHARS = frozenset("\r\n\u2028\u2029\x0b\x85")
"""The ideographic space U+3000 is left alone here (it measures indentation); other odd spaces become ASCII spaces."""


def _normalise(run: str) -> str:
    out = []
    i = 0
    while i < len(run):
        char = run[i]
        if char == "\r" and i + 1 < len(run) and run[i + 1] == "\n":
            out.append("\n")
            i += 2
            continue
        if char == "\x0c":
            out.append("\n\n")
        elif char in _BREAK_CHARS:
            out.append("\n")
        elif char not in _INVISIBLE:
            out.append(" ")
        i += 1
    return "".join(out)


def fix_whitespace(text: str) -> list[Edit]:
    """Normalise line breaks (CRLF, form feed = page break) and odd spaces; drop invisible and control characters."""
    edits = []
    for m in _ODD.finditer(text):
        new = _normalise(m.group())
        if new != m.group():
            edits.append(Edit(m.start(), m.end(), new, "whitespace and invisible characters"))
    return edits


_TRAILING = re.compile(rf"[{SPACE}][{SPACE}]*(?=\n)")  # (x x* rather than x+: a quick scan to the x)
_NEWLINES = re.compile(r"\n\s+")  # a line break with blank lines or line-edge spaces after it
_SPACE_RUN = re.compile(rf"[{SPACE}][{SPACE}]+")  # two or more


def fix_layout(text: str) -> list[Edit]:
    """One paragraph per line: strip line edges, collapse runs of spaces, drop blank lines."""
    lead_end = len(text) - len(text.lstrip())  # (str.strip's whitespace is the regex \s)
    trail_start = max(len(text.rstrip()), lead_end)
    edits = []
    if lead_end:
        edits.append(Edit(0, lead_end, "", "document edge"))
    if trail_start < len(text):
        edits.append(Edit(trail_start, len(text), "", "document edge"))
    for m in _TRAILING.finditer(text, lead_end, trail_start):
        if m.start() and text[m.start() - 1] != "\n":  # spaces on a blank line go with the blank line
            edits.append(Edit(m.start(), m.end(), "", "line edges"))
    for m in _NEWLINES.finditer(text, lead_end, trail_start):
        edits.append(Edit(m.start() + 1, m.end(), "", "blank lines and line edges"))
    for m in _SPACE_RUN.finditer(text, lead_end, trail_start):
        start, end = m.start(), m.end()
        if text[start - 1] != "\n" and end < trail_start and text[end] != "\n":
            edits.append(Edit(start, end, " ", "repeated spaces"))
    return edits
