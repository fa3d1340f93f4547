"""Boundaries of unquoted practice names: where a place prefix ends and where a long name starts.

Pure helpers for :mod:`djtext.extract.practices`, general rules of the genre only:

* a place prefix ends at the last place character (省, 市, 县, 区, 镇, 乡) that is not part of
  an ordinary word (社区, 园区, 城市, 市场, 乡村, 区域, 县级 …): 澜湾县基层政协委员工作站 ->
  基层政协委员工作站, but 乡村振兴实践基地 stays whole;
* a bare name that runs longer than the usual prefix without a clear left edge is not cut in
  the middle of a word: it starts right after the nearest owner word 政协 before it
  (县政协新时代协商民主实践中心 -> 新时代协商民主实践中心; 县政协甲乙丙委员履职工作室 ->
  甲乙丙委员履职工作室).
"""
from __future__ import annotations

import re

# The last place character with at least two characters after it, not inside an ordinary word.
PLACE_SUFFIX = re.compile(
    r"^.*(?:"
    r"(?<![社园景街城小片辖山库校])区(?![域级])"
    r"|(?<![城都超门])市(?![场民域级])"
    r"|县(?![域级])"
    r"|省(?![级])"
    r"|(?<![城村集乡])镇(?![街级])"
    r"|(?<![城])乡(?![村贤情愁风镇级])"
    r")(?=..)"
)
OWNER_WORD = "政协"
MAX_OWNER_REACH = 12  # how far back the owner word of a long bare name is looked for
MIN_NAME_PREFIX = 2  # characters that must remain between the owner word and the head


def place_prefix_end(prefix: str) -> int:
    """Length of the leading place part of ``prefix`` (0 when it has none)."""
    found = PLACE_SUFFIX.match(prefix)
    return found.end() if found else 0


def owner_start(text: str, cut: int, head_start: int, is_han) -> int | None:
    """Start of a long bare name cut at ``cut`` in mid-word: right after the nearest 政协 before
    ``cut`` (within reach, only Han characters between), or None when there is none."""
    reach = max(0, head_start - MAX_OWNER_REACH)
    at = text.rfind(OWNER_WORD, reach, cut + len(OWNER_WORD) - 1)
    if at < 0:
        return None
    start = at + len(OWNER_WORD)
    if head_start - start < MIN_NAME_PREFIX or not all(is_han(c) for c in text[start:head_start]):
        return None
    return start
