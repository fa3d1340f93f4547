"""Tests of djtext.structure.lines: paragraphs and the parts of a compilation."""
from __future__ import annotations

from djtext.structure import find_lists, find_units, split_paragraphs
from structure_support import clean_of, reporting


def test_split_paragraphs_skips_blank_lines_and_strips():
    text = "  第一段。\n\n\t第二段。  \n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["第一段。", "第二段。"]


def test_part_breaks_end_sections():
    text = ("篇一：汇编\nX县政协党组坚持学习，推动工作，取得成效。\n一、学习。正文。\n二、实践。正文。\n"
            "篇二：汇编\n本文没有单位。\n一、开头。正文。\n二、结尾。正文。\n")
    units = reporting(find_units(clean_of(text)))
    assert [u.name for u in units] == ["X县政协党组"]
    assert units[0].end == text.index("篇二")
    items = find_lists(clean_of(text), find_units(clean_of(text)))
    assert [i.unit_id for i in items] == [units[0].id, units[0].id, None, None]
