"""A practice :class:`~djtext.models.Mention` and the quote marks a name is read without."""
from __future__ import annotations

import re

from djtext.models import Mention
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS

TABLE = "practices"
INNER_QUOTE_CHARS = "‘’'\"\n"
INNER_QUOTES = re.compile(f"[{INNER_QUOTE_CHARS}]")
INNER_QUOTE_SET = frozenset(INNER_QUOTE_CHARS)
QUOTE_MARKS = "“”‘’"
QUOTE_MARK = re.compile(f"[{QUOTE_MARKS}]")
BRAND_AFTER = re.compile(rf"等?[{HAN_CLASS}]{{0,16}}品牌")
MAX_BRAND_AFTER = 1 + 16 + len("品牌")  # the longest BRAND_AFTER match
MAX_QUOTED_NAME = 16
MAX_PARALLEL_ITEM = 3


def practice_mention(name: str, start: int, end: int, category: str, source: str) -> Mention:
    """A practices Mention of ``name`` (inner quotes dropped) at [start, end) with its category and source."""
    if not INNER_QUOTE_SET.isdisjoint(name):
        name = INNER_QUOTES.sub("", name)
    return Mention(TABLE, name, start, end, {"name": name, "category": category, "source": source})


def without_quote_marks(text: str) -> str:
    """``text`` with its quotation marks (QUOTE_MARKS) removed."""
    for mark in QUOTE_MARKS:
        text = text.replace(mark, "")
    return text
