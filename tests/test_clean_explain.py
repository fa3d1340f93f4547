"""The cleaner's public API: registry, explanation, marks, flags, t2s switch and errors."""
from __future__ import annotations

import pytest
from rich.console import Console

from djtext.clean import FIXERS, clean_text, explain, explain_table, fixer_names, merge_summaries


def test_registry_has_named_described_fixers_in_order() -> None:
    names = fixer_names()
    assert len(names) == len(set(names)) >= 15
    assert all(f.description and f.name for f in FIXERS)
    assert names.index("boilerplate") < names.index("line_breaks") < names.index("layout")


def test_each_fixer_is_a_pure_function_returning_edits() -> None:
    text = "## 标题\n政协工作 , 党建&nbsp;工作\n\n理论研讨 I 人民论坛 3"
    for fixer in FIXERS:
        first, second = fixer(text), fixer(text)
        assert first == second
        assert all(0 <= e.start <= e.end <= len(text) for e in first)


def test_explain_counts_places_and_gives_an_example() -> None:
    clean = clean_text("学习党的创新理论 ; 鹤壁 、 驻马店\n打造\"同心向党\"品牌,成效明显。")
    summaries = {s.fixer: s for s in explain(clean)}
    assert summaries["spacing"].changes >= 3
    assert summaries["quotes"].changes == 2
    assert "[" in summaries["quotes"].example_before and "“" in summaries["quotes"].example_after
    total = merge_summaries([explain(clean), explain(clean)])
    assert {s.fixer: s.changes for s in total}["quotes"] == 4
    console = Console(record=True, width=120)
    console.print(explain_table(explain(clean)))
    assert "spacing" in console.export_text()


def test_fix_records_point_into_the_raw_text() -> None:
    raw = "政协&ldquo;同心&rdquo;品牌"
    clean = clean_text(raw)
    assert clean.text == "政协“同心”品牌"
    for fix in clean.fixes:
        assert raw[fix.raw_start:fix.raw_end] == fix.before


def test_bold_and_heading_marks_cover_the_clean_spans() -> None:
    clean = clean_text("# 总标题\n**强化政治引领。**坚持学习。\n一、加强组织建设\n近年来，我们坚持把政治建设摆在首位，取得成效。")
    spans = {(m.kind, clean.text[m.start:m.end], m.level) for m in clean.marks}
    assert ("heading", "总标题", 1) in spans
    assert ("bold", "强化政治引领。", 0) in spans
    assert ("heading", "一、加强组织建设", 0) in spans


def test_ocr_garbage_and_doubtful_spam_are_flagged_not_removed() -> None:
    raw = "坚持党建引领，全山 i 领导班子带头学习，特色 6怖丙沦盘理论研讨，全体 X 县政协委员。"
    clean = clean_text(raw)
    kinds = [f.kind for f in clean.flags]
    assert kinds.count("ocr_garbage") == 2  # 6怖丙沦盘 and the capital X: flagged, left in place
    assert "怖丙沦盘" in clean.text and "X" in clean.text
    assert "全山领导" in clean.text  # a lone lowercase letter between Han is a misread stroke: removed
    assert any(f.fixer == "ocr_garbage" and f.before.strip() == "i" for f in clean.fixes)
    long_line = "委员们围绕彩票公益金使用、体育场馆开放、全民健身设施建设等问题开展专题调研，提出意见建议二十余条。"
    flagged = clean_text(long_line)
    assert flagged.text == long_line and [f.kind for f in flagged.flags] == ["spam_gambling"]


def test_t2s_is_automatic_and_can_be_forced() -> None:
    traditional = "政協(xié)機關(guān)深入開展調研，推動發展。"
    assert clean_text(traditional).text == "政协机关深入开展调研，推动发展。"
    assert clean_text(traditional, t2s=False).text == "政協機關深入開展調研，推動發展。"
    mostly_simplified = "政协開展专题协商，推动党建工作与履职工作深度融合，取得明显成效。"
    assert clean_text(mostly_simplified).text == mostly_simplified  # one Traditional character: left alone
    assert clean_text(mostly_simplified, t2s=True).text == mostly_simplified.replace("開", "开")


def test_fixer_selection_and_errors() -> None:
    assert clean_text("政协 工作", fixers=["layout"]).text == "政协 工作"
    with pytest.raises(ValueError, match="unknown fixer"):
        clean_text("x", fixers=["no_such_fixer"])
    with pytest.raises(TypeError):
        clean_text(b"bytes")  # type: ignore[arg-type]
    empty = clean_text("")
    assert empty.text == "" and empty.offsets == []
