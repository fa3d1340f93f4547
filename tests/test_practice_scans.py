"""Tests of the practice extractor's anchored scans and the text primitives they use.

Each anchored scan (tried only where a cheap search says a match may start) must give exactly the
matches of a scan of the whole text with the same pattern."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.practices import extract_practices
from djtext.extract.practices.plus import PLUS_CLAUSE, _plus_clauses
from djtext.extract.practices.series import LEVEL_STRUCTURE, SINGLE_BEFORE_ETC, _level_matches, single_examples
from djtext.text import LazyRegex, is_han_span, occurrences

# characters the patterns care about, a few ordinary Han characters and breaks
PIECES = st.sampled_from(["甲", "乙", "丙", "丁", "二", "三", "是", "级", "体系", "平台", "+", "＋", "，", "。", "\n",
                          "建立", "实施", "等机制", "等制度", "的", "、", "a", "1"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_plus_clauses_equal_a_full_scan(text):
    assert _spans(_plus_clauses(text)) == _spans(PLUS_CLAUSE.finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_level_matches_equal_a_full_scan(text):
    assert _spans(_level_matches(text)) == _spans(LEVEL_STRUCTURE.finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_single_examples_equal_a_full_scan(text):
    full = [(m.group(1), m.start(1), m.end(1), "mechanism") for m in SINGLE_BEFORE_ETC.finditer(text)]
    assert single_examples(text) == full


def test_a_sentence_after_a_preface_gives_the_same_practices_shifted():
    sentence = "开展“微协商”活动，建成委员之家。"
    once = [(m.text, m.start, m.end, m.attrs) for m in extract_practices(sentence)]
    twice = [(m.text, m.start, m.end, m.attrs) for m in extract_practices("前言。" + sentence)]
    assert once and [(t, s + 3, e + 3, a) for t, s, e, a in once] == twice


def test_occurrences_of_one_or_several_needles():
    assert occurrences("甲乙甲丙乙", "甲") == [0, 2]
    assert occurrences("甲乙甲丙乙", ("乙", "丙")) == [1, 3, 4]
    assert occurrences("甲甲甲", "甲甲") == [0, 1]
    assert occurrences("", ("甲",)) == []


def test_is_han_span_matches_the_span_class():
    span = re.compile("[\u3400-\u9fff]")
    for ch in ("甲", "\u3400", "\u9fff", "\u33ff", "\ua000", "a", "，"):
        assert is_han_span(ch) == bool(span.match(ch))


def test_lazy_regex_compiles_on_first_use():
    lazy = LazyRegex(r"甲(乙+)")
    assert lazy._compiled is None
    assert lazy.search("丙甲乙乙").group(1) == "乙乙"
    assert lazy.match("甲乙").span() == (0, 2) and lazy.fullmatch("甲乙丙") is None
    assert [m.start() for m in lazy.finditer("甲乙甲乙")] == [0, 2]
