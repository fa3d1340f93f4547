"""The characters of a formulation (numerals, classifiers, Han characters, quote marks) and the pieces
every finder shares: the number/head split and the mention of a span.
"""
from __future__ import annotations

import re
from functools import lru_cache

from djtext.models import Mention
from djtext.text import HAN_SPAN_RANGE

TABLE = "formulations"
SCOPES = ("national", "local")
NUMERALS = "一二两三四五六七八九十百千万双"
NUMERAL_SET = frozenset(NUMERALS)
# numerals that lead the weak "numeral + one character before a quote" pattern (一 is too common)
LEAD_NUMERALS = "二两三四五六七八九十"
LEAD_NUMERAL_SET = frozenset(LEAD_NUMERALS)
CLASSIFIERS = "个大项张种条"
CLASSIFIER_SET = frozenset(CLASSIFIERS)
# a numeral or a digit: every quoted formulation holds one (a quote without one is skipped early)
NUMBER_CHAR = re.compile(rf"[{NUMERALS}\d]")
HAN_CLASS = HAN_SPAN_RANGE  # the Han characters of a formulation
LEADING_DIGITS = re.compile(r"[\d+＋A-Za-z]+")
NUMERAL_RUN = re.compile(rf"[{NUMERALS}]+")
QUOTE_CHARS = "“”‘’\n"
_QUOTE_CHAR = re.compile("[“”‘’\n]")  # one of QUOTE_CHARS
NUMERAL_VALUES = {"两": 2, "双": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# a quoted list named as one brand: “三学、两比、一争创”组织生活党建品牌
SPLITS_REMEMBERED = 8192  # number/head splits remembered (formulations recur across documents)
BRAND_SOON = re.compile(r"[^，。；：！？\n“”]{0,10}品牌")


def strip_quotes(text: str) -> str:
    """``text`` without quotation marks and line breaks (the form a formulation is compared on)."""
    return _QUOTE_CHAR.sub("", text)


@lru_cache(maxsize=SPLITS_REMEMBERED)
def split_number(text: str) -> tuple[str, str]:
    """Split a formulation into (number with its classifier, head): 两个维护 -> (两个, 维护)."""
    digits = LEADING_DIGITS.match(text) if text and text[0].isdigit() else None
    if digits:
        return digits.group(), text[digits.end():]
    run = NUMERAL_RUN.match(text)
    if not run:
        return "", text
    end = run.end()
    if end < len(text) - 1 and text[end] in CLASSIFIERS:
        end += 1
    return text[:end], text[end:]


def preceded_by_ordinal(text: str, start: int) -> bool:
    """True when the character before ``start`` makes a numeral an ordinal or part of a bigger number (第, a numeral, a digit)."""
    return start > 0 and (text[start - 1] == "第" or text[start - 1] in NUMERAL_SET or text[start - 1].isdigit())


def make_mention(text: str, start: int, end: int, source: str) -> Mention:
    """The formulation mention of text[start:end] (quotes dropped from its text), found by ``source``."""
    name = strip_quotes(text[start:end])
    number, head = split_number(name)
    return Mention(TABLE, name, start, end, {"text": name, "number": number, "head": head, "source": source})


def numeral_value(char: str) -> int:
    """Value of one counting numeral (两 and 双 are 2), 0 for any other character."""
    return NUMERAL_VALUES.get(char, 0)
