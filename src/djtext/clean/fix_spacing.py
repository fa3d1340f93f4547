"""Spaces between Chinese characters, around Chinese punctuation and between digits and Han.

A space between two multi-character Han runs is kept when the document is not OCR-spaced and the
space sits inside quotes/《》 or in a short title line (``“钱潮头雁 同心向党”``): there it separates
the parts of a name. Everywhere else in Chinese text a space is noise (``学习党的 创新理论 ;``,
``工 作 报 告``)."""
from __future__ import annotations

import re

from djtext.clean.chars import CN_PUNCT, HAN, SPACE
from djtext.models import Edit

_CJK = f"{HAN}{CN_PUNCT}"
_ASCII_PUNCT = ",;:!?()\"'"
_GAP = re.compile(
    rf"(?<=[{_CJK}{re.escape(_ASCII_PUNCT)}])[{SPACE}]+(?=[{_CJK}{re.escape(_ASCII_PUNCT)}])"
    rf"|(?<=[{re.escape(CN_PUNCT)}])[{SPACE}]+(?=\S)|(?<=\S)[{SPACE}]+(?=[{re.escape(CN_PUNCT)}])"
    rf"|(?<=[{HAN}])[{SPACE}]+(?=[0-9])|(?<=[0-9])[{SPACE}]+(?=[{HAN}])"
    rf"|(?<=[{HAN}])[{SPACE}]+(?=[,;:!?](?:[{SPACE}]|[{HAN}]|$))"
)
_OCR_GAP = re.compile(rf"(?<=[^{SPACE}A-Za-z\n])[{SPACE}]+(?=[^{SPACE}\n])|(?<=[^{SPACE}\n])[{SPACE}]+(?=[^{SPACE}A-Za-z\n])")
_HAN_SPACE_HAN = re.compile(rf"[{HAN}][{SPACE}]+[{HAN}]")
_HAN = re.compile(rf"[{HAN}]")
_HAN_RUN_LEFT = re.compile(rf"[{HAN}]{{2}}$")
_HAN_RUN_RIGHT = re.compile(rf"^[{HAN}]{{2}}")
_SENTENCE_PUNCT = re.compile("[，。；！？,;!?]")
OCR_SPACED_DENSITY = 0.01
"""Spaces between Han characters per Han character above which a document counts as OCR-spaced."""


def spacing_density(text: str) -> float:
    """Spaces between two Han characters per Han character in ``text``."""
    han = len(_HAN.findall(text))
    return len(_HAN_SPACE_HAN.findall(text)) / han if han else 0.0


def _inside_quotes(line: str, pos: int) -> bool:
    before = line[:pos]
    depth = 0
    for char in before:
        if char in "“「『《〈‘":
            depth += 1
        elif char in "”」』》〉’":
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
    return depth > 0


def _keeps_name_space(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    if start == 0 or end >= len(text):
        return False
    if not (_HAN.match(text[start - 1]) and _HAN.match(text[end])):
        return False
    if end - start != 1:
        return False
    if not (_HAN_RUN_LEFT.search(text, max(line_start, start - 2), start) and _HAN_RUN_RIGHT.match(text[end:end + 2])):
        return False
    line = text[line_start:line_end]
    if len(line.strip()) <= 40 and not _SENTENCE_PUNCT.search(line):
        return True
    return _inside_quotes(line, start - line_start)


def fix_spacing(text: str) -> list[Edit]:
    """Remove spaces between Han characters and around Chinese punctuation (names keep theirs)."""
    may_keep = spacing_density(text) <= OCR_SPACED_DENSITY
    gaps = list((_GAP if may_keep else _OCR_GAP).finditer(text))
    if not gaps:
        return []
    edits = []
    for m in gaps:
        if may_keep:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if line_end < 0:
                line_end = len(text)
            if _keeps_name_space(text, m.start(), m.end(), line_start, line_end):
                if m.group() != " ":
                    edits.append(Edit(m.start(), m.end(), " ", "space in a name"))
                continue
        edits.append(Edit(m.start(), m.end(), "", "space in Chinese text"))
    return edits
