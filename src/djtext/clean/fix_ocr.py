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
_LONE_LETTER = re.compile(rf"(?<=[{HAN}])[ \t]+[A-Za-z][ \t]+(?=[{HAN}])")
_GLUED_DIGIT = re.compile(rf"(?:(?<=[{HAN}][ \t])|(?<=[{HAN}]))\d(?![\d.％%])(?=[{HAN}])(?![{_UNITS}])[{HAN}]{{2,5}}")
_SYMBOL_JUNK = re.compile(r"[^\s\w，。、；：？！“”‘’（）《》【】…—·%％.,:;()\-+/]{3,}")


def fix_ocr_garbage(text: str) -> list[Edit]:
    """Flag obvious OCR garbage: lone Latin letters between Han (``全山 i 领导``), stray digits glued to
    Han outside any number context (``6怖丙沦盘``), runs of symbol junk."""
    edits = []
    for regex, why in ((_LONE_LETTER, "lone Latin letter between Chinese characters"),
                       (_GLUED_DIGIT, "digit glued to characters outside a number context"),
                       (_SYMBOL_JUNK, "run of stray symbols")):
        for m in regex.finditer(text):
            span = m.group()
            start = m.start() + (len(span) - len(span.lstrip()))
            end = m.end() - (len(span) - len(span.rstrip()))
            edits.append(Edit(start, end, text[start:end], f"flag:ocr_garbage:{why}"))
    return edits
