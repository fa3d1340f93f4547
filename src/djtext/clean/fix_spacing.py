"""Spaces between Chinese characters, around Chinese punctuation and between digits and Han.

A space between two multi-character Han runs is kept when the document is not OCR-spaced and the
space sits inside quotes/《》 or in a short title line (``“钱潮头雁 同心向党”``): there it separates
the parts of a name. Everywhere else in Chinese text a space is noise (``学习党的 创新理论 ;``,
``工 作 报 告``)."""
from __future__ import annotations

import re
from functools import lru_cache

from djtext.clean.chars import CN_PUNCT, HAN, SPACE, is_han
from djtext.models import Edit

_GAP = re.compile(f"[{SPACE}](?<=[^\n{SPACE}][{SPACE}])[{SPACE}]*(?=[^\n{SPACE}])")
"""A whole run of spaces inside a line, with a character on either side (the runs _noise_gap can
judge noise). Its first character is a plain class, so the engine skips quickly to the spaces."""
_CN_PUNCT = frozenset(CN_PUNCT)
_ASCII_PUNCT = frozenset(",;:!?()\"'")
_WIDE_ASCII_PUNCT = frozenset(",;:!?")
_DIGITS = frozenset("0123456789")
_BLANK = frozenset(SPACE + "\n")


def _noise_gap(text: str, start: int, end: int, ocr: bool) -> bool:
    """Whether the spaces in [start, end) are noise in Chinese text (both neighbours decide)."""
    left, right = text[start - 1], text[end]
    if left == "\n" or right == "\n":
        return False
    if ocr:  # OCR spacing: only spaces between two Latin letters are real
        return not (left.isascii() and left.isalpha() and right.isascii() and right.isalpha())
    if left in _CN_PUNCT or right in _CN_PUNCT:
        return True
    if left == ")" and start >= 2 and is_han(text[start - 2]):
        return True  # "(二) 1" — the bracket becomes full-width, the space goes
    if right == "(" and end + 1 < len(text) and is_han(text[end + 1]):
        return True
    if left in _WIDE_ASCII_PUNCT and start >= 2 and (is_han(text[start - 2]) or text[start - 2] in _CN_PUNCT
                                                      or text[start - 2] == ")"):
        return True  # "如下: 1." — the colon becomes full-width punctuation, the space goes
    left_han, right_han = is_han(left), is_han(right)
    if (left_han and (right_han or right in _ASCII_PUNCT)) or (right_han and left in _ASCII_PUNCT):
        return True
    if (left_han and right in _DIGITS) or (left in _DIGITS and right_han):
        return True
    if left_han and right in _WIDE_ASCII_PUNCT:
        after = text[end + 1] if end + 1 < len(text) else "\n"
        return after in _BLANK or is_han(after)
    return False


_HAN_GAP = re.compile(f"[{SPACE}](?<=[{HAN}][{SPACE}])[{SPACE}]*(?=[{HAN}])")
"""A run of spaces between two Han characters (it starts with a plain class: a quick scan to the spaces)."""
_HAN = re.compile(rf"[{HAN}]")
_HAN_RUN = re.compile(rf"[{HAN}][{HAN}]*")  # (x x* rather than x+: a quick scan to the x)
_LETTER_GAP = re.compile(rf"(?<=[^{SPACE}])[{SPACE}](?=[^{SPACE}])")
_HAN_RUN_LEFT = re.compile(rf"[{HAN}]{{2}}$")
_HAN_RUN_RIGHT = re.compile(rf"^[{HAN}]{{2}}")
_HAN_RUN3_LEFT = re.compile(rf"[{HAN}]{{3}}$")
_HAN_RUN3_RIGHT = re.compile(rf"[{HAN}]{{3}}")
_SENTENCE_PUNCT = re.compile("[，。；！？,;!?]")
OCR_SPACED_MIN = 5
"""A document needs at least this many spaces between Han characters to count as OCR-spaced."""
OCR_SPACED_DENSITY = 0.025
"""Spaces between Han characters per Han character above which a document counts as OCR-spaced."""


def _han_gaps(text: str) -> int:
    """How many times ``[HAN][SPACE]+[HAN]`` matches in ``text`` (matches do not overlap: a Han character
    that closed one gap opens no other)."""
    count, taken = 0, -1
    for m in _HAN_GAP.finditer(text):
        if m.start() - 1 != taken:
            count += 1
            taken = m.end()
    return count


@lru_cache(maxsize=4)
def spacing_density(text: str) -> float:
    """Spaces between two Han characters per Han character in ``text``; a few letter-spaced lines
    (titles like ``工 作 报 告``) do not make a document OCR-spaced."""
    spaces = text.count(" ") + text.count("\u3000")
    if spaces < OCR_SPACED_MIN or spaces < OCR_SPACED_DENSITY * len(text) / 3:
        return 0.0  # fewer spaces than the density needs in a text at least a third Han: skip the scan
    gaps = _han_gaps(text)
    if gaps < OCR_SPACED_MIN:
        return 0.0
    han = sum(map(len, _HAN_RUN.findall(text)))
    if gaps <= OCR_SPACED_DENSITY * han:
        return gaps / han
    lines = [ln for ln in text.split("\n") if ln.strip()]
    spaced = [ln for ln in lines if len(ln) <= 80 and _letter_spaced(ln)]
    if spaced and len(spaced) <= 0.2 * len(lines):
        for line in spaced:
            han -= len(_HAN.findall(line))
            gaps -= _han_gaps(line)
    return gaps / han if han > 0 else 0.0


HAN_CHUNK = 2048
"""Characters counted at a time when :func:`ocr_spaced` only needs to know that there are enough Han characters."""


def _han_reaches(text: str, need: int) -> bool:
    """Whether ``text`` holds at least ``need`` Han characters (counted a chunk at a time until it does)."""
    han = 0
    for start in range(0, len(text), HAN_CHUNK):
        han += sum(map(len, _HAN_RUN.findall(text, start, start + HAN_CHUNK)))
        if han >= need:
            return True
    return False


@lru_cache(maxsize=4)
def ocr_spaced(text: str) -> bool:
    """Whether ``text`` is OCR-spaced: ``spacing_density(text) > OCR_SPACED_DENSITY``, decided without
    counting every Han character when the gaps are far too few for it (the usual case)."""
    spaces = text.count(" ") + text.count("\u3000")
    if spaces < OCR_SPACED_MIN or spaces < OCR_SPACED_DENSITY * len(text) / 3:
        return False
    gaps = _han_gaps(text)
    if gaps < OCR_SPACED_MIN or _han_reaches(text, 41 * gaps):  # a density of at most 1/41 < OCR_SPACED_DENSITY
        return False
    return spacing_density(text) > OCR_SPACED_DENSITY


def _letter_spaced(line: str) -> bool:
    han = len(_HAN.findall(line))
    return han >= 3 and len(_LETTER_GAP.findall(line)) >= 0.6 * han


_QUOTE_MARK = re.compile('[“「『《〈‘”」』》〉’"]')


def _inside_quotes(line: str, pos: int) -> bool:
    depth = 0
    for m in _QUOTE_MARK.finditer(line, 0, pos):
        char = m.group()
        if char in "“「『《〈‘":
            depth += 1
        elif char in "”」』》〉’":
            depth = max(0, depth - 1)
        else:  # '"'
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
        return True  # a title or byline: 市工商联党组书记 李明远
    # inside quotes only two parts of three or more characters make a name: “钱潮头雁 同心向党”
    return _HAN_RUN3_LEFT.search(text, max(line_start, start - 3), start) is not None \
        and _HAN_RUN3_RIGHT.match(text, end) is not None and _inside_quotes(line, start - line_start)


def fix_spacing(text: str) -> list[Edit]:
    """Remove spaces between Han characters and around Chinese punctuation (names keep theirs)."""
    may_keep = not ocr_spaced(text)
    edits = []
    size = len(text)
    for m in _GAP.finditer(text):
        start, end = m.span()
        if not _noise_gap(text, start, end, not may_keep):
            continue
        # (a name's space is one space between two Han characters: the quick test first)
        if may_keep and end - start == 1 and is_han(text[start - 1]) and is_han(text[end]):
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if line_end < 0:
                line_end = size
            if _keeps_name_space(text, start, end, line_start, line_end):
                if m.group() != " ":
                    edits.append(Edit(start, end, " ", "space in a name"))
                continue
        edits.append(Edit(start, end, "", "space in Chinese text"))
    return edits
