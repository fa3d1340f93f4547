"""Title and date of a document, read from invented texts."""
from __future__ import annotations

import pytest

from djtext.metadata import document_date, document_metadata, document_title, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年9月28日", "2021-09-28"),
        ("二〇二一年九月", "2021-09"),
        ("二〇二三年十二月三十一日", "2023-12-31"),
        ("发布时间：2023-07-06 10:21", "2023-07-06"),
        ("2023/7/6", "2023-07-06"),
        ("2023.07.06", "2023-07-06"),
        ("2021年13月", None),
        ("1850年3月", None),
        ("9月23日", None),
        ("2021年以来", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_title_with_subtitle_and_dateline_at_the_top():
    text = "青山县政协：以“红枫同心”品牌引领履职\n——青山县政协党组工作纪实\n\n时间：2024-03-05 09:00 来源：某某网\n近年来，青山县政协党组坚持……。\n"
    assert document_metadata(text) == {
        "title": "青山县政协：以“红枫同心”品牌引领履职——青山县政协党组工作纪实",
        "date": "2024-03-05",
    }


def test_markdown_heading_is_preferred_over_a_breadcrumb():
    text = "首页 > 地方政协 > 某省\n# 白水县政协打造“清泉议事”协商平台\n正文第一段，讲述做法。\n"
    assert document_title(text) == "白水县政协打造“清泉议事”协商平台"


def test_signature_date_at_the_end():
    text = "关于机关党建工作的报告\n一、主要做法。我们坚持……。\n二、下一步打算。继续……。\n某县政协党组\n二〇二二年十一月八日\n"
    assert document_date(text) == "2022-11-08"
    assert document_title(text) == "关于机关党建工作的报告"


def test_dates_in_running_text_are_not_the_documents_date():
    text = "2021年9月以来，某县政协持续推进“一委一品”建设，取得明显成效，得到了各方面的肯定和好评，形成了一批可复制的经验做法。\n正文。\n"
    assert document_date(text) is None
    assert document_title(text) is None


def test_date_from_the_raw_text_when_cleaning_dropped_the_dateline():
    clean = "某市政协推进委员履职\n正文一段。\n"
    raw = "首页 | 新闻\n某市政协推进委员履职\n2020-05-04 08:00 来源：本站\n正文一段。\n"
    assert document_metadata(clean, raw) == {"title": "某市政协推进委员履职", "date": "2020-05-04"}


def test_empty_text():
    assert document_metadata("") == {"title": None, "date": None}
