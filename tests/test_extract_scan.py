"""extract.scan: a pattern tried only at candidate starts gives the matches of a full scan."""
from __future__ import annotations

import re

from djtext.extract.brands.wrap import DOUBLE_QUOTE, QUOTE
from djtext.extract.scan import matches_at, starts_before
from djtext.text import occurrences

TEXT = "“甲—乙”双组织体系，“丙—丁”两级组织架构；又有“戊”三个组织体系和（甲、乙）等系列活动等形式。"


def _spans(matches):
    return [m.span() for m in matches]


def test_matches_at_equals_finditer_when_every_match_starts_at_a_candidate():
    pattern = re.compile(r"[”’]([一二三四两双][\u4e00-\u9fff]{0,3}?(?:组织体系|组织架构))")
    starts = starts_before(TEXT, ("组织体系", "组织架构"), 2, 5)
    assert _spans(matches_at(pattern, TEXT, starts)) == _spans(pattern.finditer(TEXT))
    assert len(matches_at(pattern, TEXT, starts)) == 3


def test_matches_at_skips_starts_inside_an_earlier_match_and_out_of_range():
    pattern = re.compile(r"等[^，。]{0,4}?活动|等形式")
    starts = occurrences(TEXT, "等") + [-3, len(TEXT) + 5]
    assert _spans(matches_at(pattern, TEXT, starts)) == _spans(pattern.finditer(TEXT))


def test_starts_before_lists_the_offsets_before_each_occurrence():
    assert starts_before("甲乙（丙）", "（", 1, 2) == [1, 0]


def test_double_quote_pattern_matches_like_the_full_quote_pattern_without_corner_quotes():
    text = "开展“甲乙丙”活动，“丁戊”\n与“己”"
    assert _spans(DOUBLE_QUOTE.finditer(text)) == _spans(QUOTE.finditer(text))
    assert [m.lastindex for m in DOUBLE_QUOTE.finditer(text)] == [m.lastindex for m in QUOTE.finditer(text)]
