"""The speed-ups of the html, markdown, OCR and script fixers change nothing: each proposes what it
proposed before them (the old forms of what changed are kept as oracles in tests/_cleanfix_oracles.py)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import _cleanfix_oracles as old
from djtext.clean import fix_html, fix_markdown, fix_ocr, fix_script

_HTML = st.lists(st.sampled_from([
    "&", "&amp;", "&ldquo;", "ldquo;", "rdquo;", "&nbsp", "&nbsp;", "nbsp;", "quot;", "aquot;", "&quot;", "amp;", "lt;", "gt;",
    "Nrdquo;", "&#8220;", "&#x201c;", "&#12", "2;", "&ld", "quo;", "&amp;amp;lt;", "deg;", "times;", "& &", "&  &", "x", "中",
    "政协", " ", "\n", "\n\n", "a", "Z", ";", "#", "1", "bull;", "raquo;", "hellip;", "&mdash", "mdash;", "\u3000", "?shù",
    "?/p>", "\ufffd", "？", "<p>", "</div>",
]), max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(_HTML)
def test_html_entities_as_before(text: str) -> None:
    assert fix_html.fix_html_entities(text) == old.fix_html_entities(text)
    assert [m.span(1) for m in fix_html._CUT_LEFT.finditer(text)] == [m.span(1) for m in old._CUT_LEFT.finditer(text)]
    assert [m.span() for m in fix_html._ENTITY.finditer(text)] == [m.span() for m in old._ENTITY.finditer(text)]


_MARKDOWN = st.lists(st.sampled_from([
    "**", "__", "*", "***", "---", "- - -", "___", "_", "-", "#", "## ", "# 标题", "标题 ##", "20**年", "党员**名", "加粗",
    " ", "\t", "\n", "\n\n", "文", "a", "——", "* * *", "**重点**", "__注__",
]), max_size=30).map("".join)


@settings(max_examples=800, deadline=None)
@given(_MARKDOWN)
def test_markdown_as_before(text: str) -> None:
    assert fix_markdown.fix_markdown(text) == old.fix_markdown(text)
    assert [m.span() for m in fix_markdown._rules(text)] == [m.span() for m in fix_markdown._EMPHASIS_RULE.finditer(text)]


def test_spans_cover_and_overlap_as_a_scan_says() -> None:
    spans = [(5, 9), (0, 2), (6, 7), (12, 20), (13, 14)]
    found = fix_markdown._Spans(spans)
    for pos in range(-1, 22):
        assert found.cover(pos) == any(s <= pos < e for s, e in spans), pos
        for end in range(pos, 23):
            assert found.overlap(pos, end) == any(s < end and pos < e for s, e in spans), (pos, end)
    assert not fix_markdown._Spans([]).cover(3) and not fix_markdown._Spans([]).overlap(0, 9)


_OCR = st.lists(st.sampled_from([
    "中", "文", "6", "年", "怖丙沦盘", " i ", " X ", "\t", " ", "□□□", "■", "◆◆", "※", "@#$", "&*", "。", "，", "%", "1.5",
    "a", "Z", "_", "\n", "é", "①", "٣", "ǎ",
]), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(_OCR)
def test_ocr_garbage_as_before(text: str) -> None:
    assert fix_ocr.fix_ocr_garbage(text) == old.fix_ocr_garbage(text)


def test_the_han_block_is_all_word_characters() -> None:
    # what lets _JUNK list the block among its exclusions without changing what it matches
    assert all(chr(code).isalnum() for code in range(0x4E00, 0xA000))


_SCRIPT = st.lists(st.sampled_from([
    "１２３", "ＡＢ", "ａ", "．", "％", "＋", "1", "a", "中", "國", "這", "個", "说", "文", "\n", " ", "⻄", "⽂", "政協(xié)", "（ǎ）",
]), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SCRIPT)
def test_script_fixers_as_before(text: str) -> None:
    assert fix_script.fix_fullwidth_ascii(text) == old.fix_fullwidth_ascii(text)
    assert fix_script.fix_t2s_auto(text) == old.fix_t2s_auto(text)


def test_a_long_mostly_traditional_text_is_still_converted() -> None:
    text = "這個國家的經濟發展" * 1000 + "简体" * 10
    assert fix_script.fix_t2s_auto(text) == old.fix_t2s_auto(text) != []
    mixed = "这个国家的经济发展" * 600 + "這個國家的經濟發展" * 400  # the share rises late in the text
    assert fix_script.fix_t2s_auto(mixed) == old.fix_t2s_auto(mixed)


def test_the_sample_documents_as_before() -> None:
    for path in sorted(Path("../shared/corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for new, former in ((fix_html.fix_html_entities, old.fix_html_entities), (fix_markdown.fix_markdown, old.fix_markdown),
                            (fix_ocr.fix_ocr_garbage, old.fix_ocr_garbage), (fix_script.fix_t2s_auto, old.fix_t2s_auto),
                            (fix_script.fix_fullwidth_ascii, old.fix_fullwidth_ascii)):
            assert new(text) == former(text), (path.name, new.__name__)


_LAYOUT = st.lists(st.sampled_from(["文", "a", " ", "  ", "\t", "\u3000", "\n", "\n\n", " \n", "\n ", "\u00a0", "。"]),
                   max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LAYOUT)
def test_layout_as_before(text: str) -> None:
    from djtext.clean import fix_whitespace

    assert fix_whitespace.fix_layout(text) == old.fix_layout(text)
