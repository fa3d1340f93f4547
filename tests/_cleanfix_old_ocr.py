# fix_ocr as it was before the cleanfix speed pass: the oracle of tests/test_cleanfix_fixers.py.
"""OCR garbage: spans that are almost certainly misread characters are flagged (left in place) so a
human sees them in the explanation; nothing here guesses a correction."""
from __future__ import annotations

import re

from djtext.clean.chars import HAN
from djtext.models import Edit

_UNITS = (
    "年月日号个次项件名家条位人万千百亿元角分岁届期批类支所座处多余种章节部篇版页点时秒米吨亩户村镇区县市省级"
    "大中小方面步环道套台辆栋间场轮组队团家届份本封张册天周季度倍成股笔门幅首句字"
)
_LONE_LETTER = re.compile(rf"[ \t][ \t]*[A-Za-z][ \t]+(?=[{HAN}])")
_GLUED_DIGIT = re.compile(rf"\d(?![\d.％%])(?=[{HAN}])(?![{_UNITS}])[{HAN}]{{2,5}}")
_JUNK = r"[^\s\w，。、；：？！“”‘’（）《》【】…—·%％.,:;()\-+/]"
_SYMBOL_JUNK = re.compile(_JUNK * 3 + _JUNK + "*")  # three or more
# (patterns here start with one plain class rather than a repeat: the regex engine then skips quickly to it)
_HAN_CHAR = re.compile(f"[{HAN}]")


def fix_ocr_garbage(text: str) -> list[Edit]:
    """Flag obvious OCR garbage: stray digits glued to Han outside any number context (``6怖丙沦盘``),
    runs of symbol junk, lone capital letters between Han; remove lone lowercase ones (``全山 i 领导``)."""
    edits = []
    for m in _LONE_LETTER.finditer(text):
        if m.start() and _HAN_CHAR.match(text[m.start() - 1]):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.end() - (len(m.group()) - len(m.group().rstrip()))
            if text[start].islower():  # l, i: misread strokes (丨 |), never Chinese text: removed
                edits.append(Edit(m.start(), m.end(), " ", "lone lowercase letter between Chinese characters"))
            else:  # X 县, N 名 may be meant: only flagged
                edits.append(Edit(start, end, text[start:end], "flag:ocr_garbage:lone Latin letter between Chinese characters"))
    for m in _GLUED_DIGIT.finditer(text):
        before = text[m.start() - 2:m.start()] if m.start() >= 2 else text[:m.start()]
        if before and _HAN_CHAR.match(before[-1] if before[-1] not in " \t" else (before[0] if len(before) > 1 else "x")):
            edits.append(Edit(m.start(), m.end(), m.group(), "flag:ocr_garbage:digit glued to characters outside a number context"))
    for m in _SYMBOL_JUNK.finditer(text):
        edits.append(Edit(m.start(), m.end(), m.group(), "flag:ocr_garbage:run of stray symbols"))
    return edits
