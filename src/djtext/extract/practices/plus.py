"""Unquoted X+Y names: 党建+X (党建+建言资政) and an X+Y mode standing as a clause of its own."""
from __future__ import annotations

import re

from djtext.extract.formulations import NUMERALS
from djtext.extract.practices.mentions import practice_mention
from djtext.models import Mention
from djtext.text import CN_NUM
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import LazyRegex
from djtext.text import occurrences

PLUS_SIGNS = ("+", "＋")
PARTY_PLUS = re.compile(rf"党建[+＋]([{HAN_CLASS}]{{2,8}})")
MIN_PLUS_LEFT, MAX_PLUS_LEFT = 2, 4  # Han characters before the plus of an X+Y clause
PLUS_CLAUSE = LazyRegex(rf"""
    (?: ^ | (?<=[。；：，\n]) | (?<=[{CN_NUM}][是要、]) )  # after a break or a list marker (一是)
    (  (?![{NUMERALS}][是要、])                          # not the list marker itself
       [{HAN_CLASS}]{{{MIN_PLUS_LEFT},{MAX_PLUS_LEFT}}} [+＋] [{HAN_CLASS}]{{2,6}}  )
    (?=[。；，\n])                                       # before a break: the clause is X+Y alone
    """, re.MULTILINE | re.VERBOSE)
PARTY_PLUS_TRIM = re.compile(r"(?:载体活动|载体|活动|工作|模式|等)+$")


def from_plus_heads(text: str, quoted: bytearray) -> list[Mention]:
    """An unquoted X+Y mode standing as a clause of its own (一是甲乙+丙丁。, ，甲乙+丙丁，): a mechanism."""
    found = []
    for match in _plus_clauses(text):
        if quoted[match.start(1)] or match.group(1).startswith("党建"):
            continue
        found.append(practice_mention(match.group(1), match.start(1), match.end(1), "mechanism", "plus"))
    return found


def _plus_clauses(text: str) -> list[re.Match[str]]:
    """The matches of PLUS_CLAUSE, in order: tried only at the few starts left of each plus sign.

    A clause holds one plus, with only Han characters before it, and ends before a break, so
    clauses never overlap and the leftmost start that matches is the one a full scan finds."""
    found = []
    for plus in occurrences(text, PLUS_SIGNS):
        for start in range(max(0, plus - MAX_PLUS_LEFT), plus - MIN_PLUS_LEFT + 1):
            match = PLUS_CLAUSE.match(text, start)
            if match and match.start(1) < plus < match.end(1):
                found.append(match)
                break
    return found


def from_party_plus(text: str, quoted: bytearray) -> list[Mention]:
    """Unquoted 党建+X (党建+建言资政、党建+监督载体活动 -> 党建+建言资政, 党建+监督): a mechanism."""
    found = []
    for match in PARTY_PLUS.finditer(text):
        if quoted[match.start()]:
            continue
        tail = re.split(r"[、，。；]", match.group(1))[0]
        tail = PARTY_PLUS_TRIM.sub("", tail)
        if len(tail) < 2:
            continue
        end = match.start(1) + len(tail)
        name = text[match.start():end]
        found.append(practice_mention(name, match.start(), end, "mechanism", "party_plus"))
    return found
