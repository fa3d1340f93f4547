"""The views of a clean text (``text_views``): built once, the same as the per-window helpers."""
from __future__ import annotations

from djtext.models import Document, Mark, RawDocument
from djtext.resources import build_resources
from djtext.stages import STRUCTURE, default_stages, run_stages
from djtext.structure import TextViews, analyse_structure, find_lists, find_units, text_views
from djtext.structure.lines import joined_view, logical_lines, part_spans, soft_wrapped, split_paragraphs

from structure_support import clean_of

# invented: a narrow column wrapping running text, a heading, a compilation of two parts
WRAPPED = ("篇一：青山县政协打造品牌\n青山县政协坚持党建引领，推动\n各项工作开展，取得成效。\n"
           + "正文内容，" * 50 + "\n篇二：绿水区政协深化协商\n绿水区政协聚焦中心，服务\n大局。\n" + "正文内容。" * 50)


def test_views_hold_the_lines_parts_and_paragraphs_of_the_text():
    clean = clean_of(WRAPPED, [Mark("heading", 0, 12, 1)])
    views = text_views(clean)
    assert isinstance(views, TextViews) and views.text is clean.text
    assert list(views.paragraphs) == split_paragraphs(WRAPPED)
    assert list(views.lines) == logical_lines(clean)
    assert list(views.parts) == part_spans(WRAPPED) and len(views.parts) == 2


def test_joined_view_of_any_window_is_the_one_made_from_the_text():
    views = text_views(clean_of(WRAPPED))
    newlines = [i for i, ch in enumerate(WRAPPED) if ch == "\n"]
    assert [views.wrapped(i) for i in newlines] == [soft_wrapped(WRAPPED, i) for i in newlines]
    assert any(views.wrapped(i) for i in newlines) and not views.wrapped(3)
    for start in range(0, len(WRAPPED), 7):
        for end in (start, start + 1, start + 30, start + 90, len(WRAPPED)):
            end = min(end, len(WRAPPED))
            assert views.joined(start, end) == joined_view(WRAPPED, start, end)


def test_units_and_lists_are_the_same_with_or_without_views():
    clean = clean_of(WRAPPED)
    views = text_views(clean)
    units = find_units(clean)
    assert find_units(clean, views=views) == units
    assert find_lists(clean, units, views=views) == find_lists(clean, units) == find_lists(clean)
    assert analyse_structure(clean) == (units, find_lists(clean, units))


def test_the_structure_stage_fills_the_views_and_the_parts_from_them():
    assert "views" in STRUCTURE.fills
    doc = run_stages(Document(raw=RawDocument(path="x.txt", text=WRAPPED)), build_resources(), default_stages()[:2])
    assert isinstance(doc.views, TextViews) and doc.views.text == doc.clean.text
    assert doc.parts == list(doc.views.parts) == part_spans(doc.clean.text)
