# fix_markdown as it was before the cleanfix speed pass: the oracle of tests/test_cleanfix_fixers.py.
"""Markdown residue: ``**bold**`` and ``# heading`` become plain text plus bold / heading marks."""
from __future__ import annotations

import re

from djtext.models import Edit

_HEADING = re.compile(r"^[ \t\u3000]*(#{1,6})(?:[ \t\u3000]+|(?=[^\s#])|$)(.*?)[ \t#]*$", re.MULTILINE)
_TRAILING_HASHES = re.compile(r"(?=[ \t#])(?<=\S)[ \t]*#{1,6}[ \t]*$", re.MULTILINE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_STRAY_STARS = re.compile(r"\*(?<!\*\*)\*{1,2}(?!\*)")  # 2 or 3 stars, none before or after
_PLACEHOLDER = re.compile(r"\*(?:(?<=\d\*)\*+|\*+(?=[名年月日个次项人家位届期号条件万元])|\*\*+)")
"""Stars a template site put for a blanked-out number or name (``20**年``, ``党员**名``, ``***理论``): content."""
# (the two patterns above start with a literal star, so the regex engine skips quickly to the stars;
# lookbehinds after the first star look before it: (?<=\d\*) is a digit before the run)
_EMPHASIS_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def _line_spans(text: str, char: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that contain ``char`` (line breaks excluded), in order."""
    spans = []
    pos = text.find(char)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end < 0:
            spans.append((start, len(text)))
            break
        spans.append((start, end))
        pos = text.find(char, end)
    return spans


def fix_markdown(text: str) -> list[Edit]:
    """Remove markdown markup, keeping headings (``mark:heading``) and bold spans (``mark:bold``)."""
    if "#" not in text and "*" not in text and "_" not in text and "-" not in text:
        return []
    edits: list[Edit] = []
    # a heading or trailing-hash match lies within one line that has a #: only those lines are scanned
    hash_lines = _line_spans(text, "#")
    for m in (m for start, end in hash_lines for m in _HEADING.finditer(text, start, end)):
        hashes = m.group(1)
        if not m.group(2):
            edits.append(Edit(m.start(), m.end(), "", "markdown heading (empty)"))
            continue
        edits.append(Edit(m.start(), m.start(2), "", "markdown heading"))
        end = m.end(2)
        if m.end() > end:
            edits.append(Edit(end, m.end(), "", "markdown heading"))
        edits.append(Edit(m.start(2), end, m.group(2), f"mark:heading:{len(hashes)}"))
    for m in (m for start, end in hash_lines for m in _TRAILING_HASHES.finditer(text, start, end)):
        if not any(e.start <= m.start() < e.end for e in edits if not e.note.startswith("mark:")):
            edits.append(Edit(m.start(), m.end(), "", "markdown stray #"))
    used = [(e.start, e.end) for e in edits if not e.note.startswith("mark:")]
    used += [(m.start(), m.end()) for m in (_PLACEHOLDER.finditer(text) if "**" in text else ())]
    for m in (_BOLD.finditer(text) if "**" in text or "__" in text else ()):
        if "\n\n" in m.group(2) or len(m.group(2)) > 400:
            continue
        if any(s < m.end() and m.start() < e for s, e in used):
            continue
        edits.append(Edit(m.start(1), m.end(1), "", "markdown bold"))
        edits.append(Edit(m.start(2), m.end(2), m.group(2), "mark:bold:0"))
        edits.append(Edit(m.end(2), m.end(), "", "markdown bold"))
    taken = [(e.start, e.end) for e in edits if not e.note.startswith("mark:")]
    taken += [span for span in used if span not in taken]
    for m in (_STRAY_STARS.finditer(text) if "**" in text else ()):
        if not any(s <= m.start() < e for s, e in taken):
            edits.append(Edit(m.start(), m.end(), "", "markdown stray **"))
    rules = "---" in text or "***" in text or "___" in text
    for m in (_EMPHASIS_RULE.finditer(text) if rules else ()):
        if not any(s <= m.start() < e for s, e in taken):
            edits.append(Edit(m.start(), m.end(), "", "markdown rule"))
    return edits
