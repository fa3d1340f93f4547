"""Unquoted X+Y names: 党建+X (党建+建言资政) and an X+Y mode standing as a clause of its own."""
from __future__ import annotations

import re

from djtext.extract.practices.mentions import practice_mention
from djtext.models import Mention
from djtext.text import CN_NUM
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.extract.formulations import NUMERALS

PARTY_PLUS = re.compile(rf"党建[+＋]([{HAN_CLASS}]{{2,8}})")
# X+Y as a whole clause: after a break or a list marker, before a break
PLUS_CLAUSE = re.compile(rf"(?:^|(?<=[。；：，\n])|(?<=[{CN_NUM}][是要、]))"
                         rf"((?![{NUMERALS}][是要、])[{HAN_CLASS}]{{2,4}}[+＋][{HAN_CLASS}]{{2,6}})(?=[。；，\n])", re.MULTILINE)
PARTY_PLUS_TRIM = re.compile(r"(?:载体活动|载体|活动|工作|模式|等)+$")


def from_plus_heads(text: str, quoted: bytearray) -> list[Mention]:
    """An unquoted X+Y mode standing as a clause of its own (一是甲乙+丙丁。, ，甲乙+丙丁，): a mechanism."""
    found = []
    for match in PLUS_CLAUSE.finditer(text):
        if quoted[match.start(1)] or match.group(1).startswith("党建"):
            continue
        found.append(practice_mention(match.group(1), match.start(1), match.end(1), "mechanism", "plus"))
    return found


def from_party_plus(text: str, quoted: bytearray) -> list[Mention]:
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
