"""Tests of djtext.extract.slogans: synthetic cases, the exclusion rules and properties."""
from __future__ import annotations

import shared_paths as _shared
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.slogans import extract_slogans, is_slogan_text

CASES = json.loads((Path(__file__).parent / "cases" / "extract" / "slogans_cases.json").read_text(encoding="utf-8"))
CORPUS = _shared.CORPUS


@pytest.mark.parametrize("case", CASES["positive"], ids=[c["slogan"] for c in CASES["positive"]])
def test_positive_case(case):
    mentions = extract_slogans(case["text"])
    assert [(m.text, m.attrs["kind"]) for m in mentions] == [(case["slogan"], case["kind"])]
    m = mentions[0]
    assert m.table == "slogans" and m.attrs["text"] == m.text
    assert case["text"][m.start:m.end] == m.text


@pytest.mark.parametrize("case", CASES["negative"], ids=[c["why"] for c in CASES["negative"]])
def test_negative_case(case):
    texts = {m.text for m in extract_slogans(case["text"])}
    assert texts.isdisjoint(case["quoted"])


def test_exclude_spans_removes_quotes_taken_by_other_extractors():
    text = "开展“我为委员办实事”活动，坚持“有事多商量”。"
    start = text.index("有事多商量")
    assert [m.text for m in extract_slogans(text)] == ["我为委员办实事", "有事多商量"]
    kept = extract_slogans(text, exclude_spans=[(start, start + 5)])
    assert [m.text for m in kept] == ["我为委员办实事"]


def test_wrapped_quote_is_one_slogan():
    text = "开展“我为委员\n办实事”活动。"
    (m,) = extract_slogans(text)
    assert m.text == "我为委员办实事"
    assert re.sub(r"\s", "", text[m.start:m.end]) == m.text


def test_no_quotes_no_slogans():
    assert extract_slogans("坚持党的领导，加强政协党的建设。") == []


@pytest.mark.parametrize("phrase, ok", [
    ("同心", False), ("根", False), ("1+4", False), ("两个维护", False), ("三会一课", False),
    ("一张蓝图绘到底", True), ("有事好商量", True), ("学习强会", True),
    ("这是一句很长很长的引文它一直说下去没有停下来的意思了吧", False),
])
def test_is_slogan_text(phrase, ok):
    assert is_slogan_text(phrase) is ok


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("同心向党协商议事我为群众办实事“”《》、，。 \n品牌12")), max_size=80),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=3))
def test_property_slogans_lie_inside_and_avoid_excluded_spans(text, raw_spans):
    spans = [(s, s + n) for s, n in raw_spans]
    for m in extract_slogans(text, exclude_spans=spans):
        assert 0 <= m.start < m.end <= len(text)
        assert re.sub(r"\s", "", text[m.start:m.end]) == re.sub(r"\s", "", m.text)
        assert len(re.sub(r"\s", "", m.text)) > 2
        assert not any(s < m.end and m.start < e for s, e in spans)
        assert m.attrs["kind"] in {"activity", "motto", "campaign", "other"}


def test_real_corpus_slogans_exclude_brands():
    source = CORPUS / "001_36ecd302ae565e2a.txt"
    if not source.exists():
        pytest.skip(f"real corpus not available ({source})")
    from djtext.clean import clean_text
    from djtext.extract.brands import extract_brands

    text = clean_text(source.read_text(encoding="utf-8")).text
    brands = {m.text for m in extract_brands(text)}
    slogans = extract_slogans(text)
    assert slogans, "a real report has quoted set phrases"
    assert brands.isdisjoint(m.text for m in slogans)


def test_bad_kind_row_gives_a_clear_error(tmp_path):
    from djtext.lexicon import load_lexicon

    (tmp_path / "slogan_kinds.csv").write_text("cue,position,kind\n行动,middle,activity\n", encoding="utf-8")
    with pytest.raises(ValueError, match="slogan_kinds"):
        extract_slogans("开展“清风行动”。", lexicon=load_lexicon([str(tmp_path)]))


def test_brands_passed_in_are_used_instead_of_a_second_brand_search():
    from djtext.extract.brands import extract_brands

    text = "打造“红心向党”党建品牌，开展“红心向党”主题活动和“我为委员办实事”活动。"
    brands = extract_brands(text)
    assert [m.text for m in brands] == ["红心向党"]
    found = [m.text for m in extract_slogans(text)]
    assert found == [m.text for m in extract_slogans(text, brands=brands)] == ["我为委员办实事"]
    # with no brands given, the brand name is no longer excluded: the parameter is really read
    assert [m.text for m in extract_slogans(text, brands=[])] == ["红心向党", "红心向党", "我为委员办实事"]


def test_extract_all_gives_slogans_the_brands_it_found(monkeypatch):
    import djtext.extract.brands as brands_module
    from djtext.extract import extract_all
    from djtext.models import CleanText

    calls = []
    original = brands_module.extract_brands

    def counting(text, **kwargs):
        calls.append(text)
        return original(text, **kwargs)

    monkeypatch.setattr(brands_module, "extract_brands", counting)
    monkeypatch.setattr("djtext.extract.slogans.extract_brands", counting)
    text = "打造“红心向党”党建品牌，开展“我为委员办实事”活动。"
    mentions = extract_all(CleanText(text=text, offsets=list(range(len(text)))))
    assert len(calls) == 1
    assert {(m.table, m.text) for m in mentions} >= {("brands", "红心向党"), ("slogans", "我为委员办实事")}
