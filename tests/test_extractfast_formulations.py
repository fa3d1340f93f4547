"""Speed rewrites of the formulation finder give what the plain versions (kept here as oracles) gave."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.formulations.characters import make_mention
from djtext.extract.formulations.quoted import COMPOUND_PART, quoted_parts
from djtext.models import Mention
from djtext.text import occurrences

PIECES = st.sampled_from(["“", "”", "双进", "双联", "四百", "双", "进", "甲", "、", "\n", "“双进”", "“四百”"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _old_quoted_parts(text: str, kept: list[Mention]) -> list[Mention]:
    parts: set[str] = set()
    for mention in kept:
        pieces = COMPOUND_PART.findall(mention.text)
        if len(pieces) >= 2 and "".join(pieces) == mention.text:
            parts.update(piece for piece in pieces if len(piece) >= 2)
    if not parts:
        return []
    spans = sorted((at + 1, at + 1 + len(part)) for part in parts for at in occurrences(text, f"“{part}”"))
    return [make_mention(text, start, end, "part") for start, end in spans]


def _compound(text: str) -> list[Mention]:
    return [make_mention("双进双联双争四百", 0, 8, "compound")] if text else []


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_quoted_parts_equal_a_find_per_part(text):
    kept = _compound(text)
    assert quoted_parts(text, kept) == _old_quoted_parts(text, kept)


def test_quoted_parts_finds_each_quoted_part_in_text_order():
    text = "“四百”即…，“双进”是“双进”"
    got = quoted_parts(text, _compound(text))
    assert [(m.text, m.start) for m in got] == [("四百", 1), ("双进", 8), ("双进", 13)]
