"""Tests of djtext.extract.brands: synthetic cases per pattern, properties, and the real corpus."""
from __future__ import annotations

import shared_paths as _shared
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.brands import brand_vocabulary, extract_brands, is_generic_name, split_components

CASES = json.loads((Path(__file__).parent / "cases" / "extract" / "brands_cases.json").read_text(encoding="utf-8"))
CORPUS = _shared.CORPUS
GOLD = _shared.GOLD_DEV


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("case", CASES["positive"], ids=[c["pattern"] for c in CASES["positive"]])
def test_positive_case(case):
    mentions = extract_brands(case["text"])
    assert [m.text for m in mentions] == case["names"]
    for m in mentions:
        assert m.table == "brands"
        assert m.attrs["name"] == m.text
        assert m.attrs["kind"] == case["kind"]
        assert _squeeze(case["text"][m.start:m.end]) == _squeeze(m.text)
    if "components" in case:
        assert [m.attrs["components"] for m in mentions] == case["components"]


@pytest.mark.parametrize("case", CASES["negative"], ids=[c["pattern"] for c in CASES["negative"]])
def test_negative_case(case):
    assert extract_brands(case["text"]) == []


def test_one_mention_per_occurrence():
    text = "打造“清风徐来”党建品牌。“清风徐来”党建品牌深入人心。"
    mentions = extract_brands(text)
    assert [m.text for m in mentions] == ["清风徐来", "清风徐来"]
    assert mentions[0].start < mentions[1].start


@pytest.mark.parametrize("name, parts", [
    ("有家有爱·同心同行", ["有家有爱", "同心同行"]),
    ("红石榴 同心圆", ["红石榴", "同心圆"]),
    ("党建+协商", ["党建", "协商"]),
    ("三学、两讲、一促进", ["三学", "两讲", "一促进"]),
    ("江风，海韵", ["江风", "海韵"]),
    ("晨读时光", ["晨读时光"]),
])
def test_split_components(name, parts):
    assert split_components(name) == parts


@pytest.mark.parametrize("name", ["党建品牌", "一支部一品牌", "一委一品", "一党小组一品牌", "四大特色品牌", "x", "12"])
def test_generic_names(name):
    assert is_generic_name(name, brand_vocabulary())


def test_vocabulary_comes_from_the_brand_lexicons():
    vocab = brand_vocabulary()
    assert {"党建", "工作", "学习", "党小组"} <= set(vocab.kinds)
    assert "打造" in vocab.verbs and "政协" in vocab.units


def test_user_lexicon_adds_a_kind_word(tmp_path):
    from djtext.lexicon import load_lexicon

    (tmp_path / "brand_kinds.csv").write_text("term,gloss\n智库,think tank\n", encoding="utf-8")
    text = "打造“江海智汇”智库品牌。"
    assert extract_brands(text)[0].attrs["kind"] == "品牌"
    assert extract_brands(text, lexicon=load_lexicon([str(tmp_path)]))[0].attrs["kind"] == "智库品牌"


HAN = "党建品牌政协同心向打造创委员学习“”、，。 \n·为以等"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(HAN) + ["品牌", "党建品牌", "“同心", "”党建品牌", "打造“"]), max_size=40).map("".join))
def test_property_spans_are_inside_and_hold_the_name(text):
    for m in extract_brands(text):
        assert 0 <= m.start < m.end <= len(text)
        assert _squeeze(text[m.start:m.end]) == _squeeze(m.text)
        assert m.attrs["kind"].endswith("品牌")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("党建品政协同心向打造创委员学习“”、，。 \n·为以等X")), max_size=80))
def test_property_no_brand_without_the_word_pinpai(text):
    assert "牌" not in text
    assert extract_brands(text) == []


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    return re.sub(r"[\s·•・‧.．、，,“”\"'‘’「」『』《》]+", "", name)


@pytest.mark.parametrize("stem", ["000_2ce4701a36c633b8", "001_36ecd302ae565e2a"])
def test_real_corpus_dev_gold_brands_are_found(stem):
    source, gold = CORPUS / f"{stem}.txt", GOLD / f"{stem}.json"
    if not source.exists() or not gold.exists():
        pytest.skip(f"real corpus or dev gold not available ({source}, {gold})")
    from djtext.clean import clean_text

    text = clean_text(source.read_text(encoding="utf-8")).text
    found = {_norm(m.text) for m in extract_brands(text)}
    wanted = {_norm(b["name"]) for b in json.loads(gold.read_text(encoding="utf-8"))["brands"] if not b.get("optional")}
    assert wanted - found == set()
    assert found - wanted == set()


def test_bad_stop_pattern_gives_a_clear_error(tmp_path):
    from djtext.lexicon import load_lexicon

    (tmp_path / "brand_stop_patterns.txt").write_text("一(品\n", encoding="utf-8")
    with pytest.raises(ValueError, match="brand_stop_patterns"):
        extract_brands("打造“清风徐来”党建品牌", lexicon=load_lexicon([str(tmp_path)]))


def test_wrapped_spans_map_back_to_the_input():
    text = "打造“晨读\n时光”“委员\n\n云课堂”等学\n习品牌。"
    mentions = extract_brands(text)
    assert [m.text for m in mentions] == ["晨读时光", "委员云课堂"]
    for m in mentions:
        assert _squeeze(text[m.start:m.end]) == m.text
        assert text[m.start - 1] == "“" and text[m.end] == "”"


@pytest.mark.parametrize("text, cited", [
    ("有的地方提出打造“青春先锋员”“产业指导员”等党建品牌，但缺乏内涵。", [True, True]),
    ("如某县政协打造了“清风徐来”党建品牌。", [True]),
    ("市政协打造“清风徐来”党建品牌，如何擦亮品牌值得思考。", [False]),
    ("县政协如期打造“清风徐来”党建品牌。", [False]),
    ("比如，某县打造“清风徐来”党建品牌。", [True]),
])
def test_cited_examples_are_flagged(text, cited):
    assert [m.attrs["cited"] for m in extract_brands(text)] == cited


def test_brand_rows_merge_per_unit_and_name():
    from djtext.rows import merge_brand_rows

    base = {"doc": "a.txt", "unit": "某县政协", "province": "某省", "city": None, "county": "某县"}
    rows = [
        {**base, "name": "清风徐来", "kind": "品牌", "cited": False, "line": 1},
        {**base, "name": "清风徐来", "kind": "工作品牌", "cited": False, "line": 3},
        {**base, "name": "清风徐来", "kind": "党建品牌", "cited": True, "line": 5},
        {**base, "unit": "另一政协", "name": "清风徐来", "kind": "党建品牌", "cited": True, "line": 7},
    ]
    merged = merge_brand_rows(rows)
    assert [(r["unit"], r["kind"], r["mentions"], r["cited"], r["line"]) for r in merged] == [
        ("某县政协", "工作品牌 | 党建品牌", 3, False, 1),
        ("另一政协", "党建品牌", 1, True, 7),
    ]


def test_a_brand_is_not_repeated_as_a_practice():
    from djtext.clean import clean_text
    from djtext.extract import extract_all

    clean = clean_text("县政协先后形成“石桥夜话”协商议事平台、“青松”工作室等一批特色协商品牌。\n")
    mentions = extract_all(clean)
    brands = {m.text for m in mentions if m.table == "brands"}
    practices = {m.text for m in mentions if m.table == "practices"}
    assert brands == {"石桥夜话", "青松"}
    assert not any(name in practice for practice in practices for name in brands)
