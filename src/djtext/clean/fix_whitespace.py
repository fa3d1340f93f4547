"""Whitespace: line-break conventions and invisible characters first, the final layout last."""
from __future__ import annotations

import re

from djtext.clean.chars import SPACE, ZERO_WIDTH
from djtext.models import Edit

_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x85]|\x0c")
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}]+")
_ODD_SPACE = re.compile("[\t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")


def fix_whitespace(text: str) -> list[Edit]:
    """Normalise line breaks (CRLF, form feed = page break) and odd spaces; drop invisible characters."""
    edits = []
    for m in _BREAKS.finditer(text):
        edits.append(Edit(m.start(), m.end(), "\n\n" if m.group() == "\x0c" else "\n", "line break"))
    for m in _INVISIBLE.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "invisible character"))
    for m in _CONTROL.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "control character"))
    for m in _ODD_SPACE.finditer(text):
        edits.append(Edit(m.start(), m.end(), " ", "odd space"))
    return edits


_LINE_GAP = re.compile(rf"[{SPACE}]*\n\s*")
_INNER_SPACES = re.compile(rf"(?<=\S)[{SPACE}]{{2,}}(?=\S)")
_LEAD = re.compile(r"\A\s+")
_TRAIL = re.compile(r"\s+\Z")


def fix_layout(text: str) -> list[Edit]:
    """One paragraph per line: strip line edges, collapse runs of spaces, drop blank lines."""
    lead = _LEAD.match(text)
    lead_end = lead.end() if lead else 0
    trail = _TRAIL.search(text, lead_end)
    trail_start = trail.start() if trail else len(text)
    edits = []
    if lead_end:
        edits.append(Edit(0, lead_end, "", "document edge"))
    if trail and trail_start >= lead_end and trail.end() > trail_start:
        edits.append(Edit(trail_start, len(text), "", "document edge"))
    for m in _LINE_GAP.finditer(text, lead_end, trail_start):
        if m.group() != "\n":
            edits.append(Edit(m.start(), m.end(), "\n", "blank lines and line edges"))
    for m in _INNER_SPACES.finditer(text, lead_end, trail_start):
        edits.append(Edit(m.start(), m.end(), " ", "repeated spaces"))
    return edits
