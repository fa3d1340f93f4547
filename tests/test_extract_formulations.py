"""Tests of numeric-formulation extraction (djtext.extract.formulations)."""
from __future__ import annotations

import shared_paths as _shared
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.formulations import (
    NUMERALS,
    extract_formulations,
    formulation_vocabulary,
    is_formulation,
    split_number,
    strip_quotes,
)
from djtext.lexicon import load_lexicon

SHARED = _shared.SHARED
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "dev"


def texts(sentence: str) -> list[str]:
    return [m.text for m in extract_formulations(sentence)]


# (sentence, formulations expected in it)
POSITIVE = [
    ("坚决做到“两个维护”，增强“四个意识”。", ["两个维护", "四个意识"]),
    ("坚决做到两个维护，坚定四个自信。", ["两个维护", "四个自信"]),
    ("全面落实“三会一课”制度。", ["三会一课"]),
    ("认真履行一岗双责。", ["一岗双责"]),
    ("打造“四心”品牌。", ["四心"]),
    ("立足“四字诀”推动工作。", ["四字诀"]),
    ("研究制定责任制“五张”清单。", ["五张清单"]),
    ("深入实施两个“头号工程”。", ["两个头号工程"]),
    ("打造“三学、两比、一争创”组织生活党建品牌。", ["三学、两比、一争创"]),
    ("构建“1+6”政治理论学习体系，助推“1+26+9”落实。", ["1+6", "1+26+9"]),
    ("按照“13524”总体工作思路。", ["13524"]),
    ("依托1+3+N服务体系。", ["1+3+N"]),
    ("实施“红色铸魂、凝心固本、融合共进”三大行动。", ["三大行动"]),
    ("构建“甲—乙”和“丙—丁”双组织体系。", ["双组织体系"]),
    ("以三润“聚心”引领，彰显履职温度。", ["三润"]),
    ("总结“聚力五动、凝聚合力”经验做法。", ["五动"]),
    ("打造“三微三提”党建品牌，推行三联三带工作机制。", ["三微三提", "三联三带"]),
    ("围绕“一二三四五”工作思路。", ["一二三四五"]),
    ("采取“五不两直一查”的方式。", ["五不两直一查"]),
    ("搭建“六学”平台，“六学”平台做法被转发。", ["六学", "六学"]),
    # a quoted enumeration is split into its parts unless the text names it as one brand
    ("持续推进“两个一线、五个之窗”建设。", ["两个一线", "五个之窗"]),
    ("落实“三帮扶、三督促”工作责任。", ["三帮扶", "三督促"]),
    ("打造“五读、两议、一践行”读书党建品牌。", ["五读、两议、一践行"]),
    # an unquoted 数词+个+two-character head right after a stance verb
    ("狠抓六个从紧，争当两个标杆、注重四个融合。", ["六个从紧", "两个标杆", "四个融合"]),
    # the adjective form of a formulation gives the formulation itself
    ("形成“三链条式”组织体系。", ["三链条"]),
    ("坚持”三培育”，做到”四个必须”。", ["三培育", "四个必须"]),
    ("促进“两个\n融合”。", ["两个融合"]),  # a hard wrap the cleaner left inside quotes
    # national lexicon: five-year plans, first items, numbered policy phrases
    ("贯彻“十四五”规划，谋划十五五发展。", ["十四五", "十五五"]),
    ("严格落实“第一议题”“第一课堂”制度。", ["第一议题", "第一课堂"]),
    ("打通服务群众最后一公里，践行两山理论。", ["最后一公里", "两山理论"]),
    ("坚持建言资政和凝聚共识双向发力。", ["双向发力"]),
    # a ‘X’ nested in a long quotation
    ("围绕“推进‘三江’工程建设，加强流域综合治理工作”课题协商。", ["三江"]),
    # quoted couplet with a numeral: one phrase; two formulations stay two
    ("打造“一核多点、多圈合一”阵地矩阵。", ["一核多点、多圈合一"]),
    ("实行‘一方牵头、双重考核’。", ["一方牵头、双重考核"]),
    ("提出“一组一亮点、一委一品质”的要求。", ["一组一亮点", "一委一品质"]),
    ("开展“双向联系”活动。", ["双向联系"]),
    # a numeral summary after an unquoted enumeration of as many items
    ("强化视察、提案、民主监督三个协同联动等方式。", ["三个协同联动"]),
    ("打造甲乙合作、丙丁联建和戊己共治三大样板，叫响声音。", ["三大样板"]),
    # a numeral + character explained by items that start with it; X + numeral + Y items
    ("按照五有（有组织、有队伍、有标识、有场所、有制度）标准建设。", ["五有"]),
    ("围绕“两个创新”（阵地三延伸、服务四提升）开展工作。", ["两个创新", "阵地三延伸", "服务四提升"]),
    ("建立例会、学习、研讨、交流等四种制度。", ["四种制度"]),
    # a quoted numeral + measure word + two-character head is a set phrase
    ("深化“三轮驱动”模式，聚焦“四件大事”。", ["三轮驱动", "四件大事"]),
    # unquoted numeral + 大 + head
    ("工作有三大亮点，一是强化引领。", ["三大亮点"]),
    # a run of distinct magnitudes; a national CPPCC institution
    ("打造“十百千”工程，召开双周协商座谈会。", ["十百千", "双周协商"]),
    # quoted parts of a compound of the document, explained one by one
    ("开展“双访双帮三百”活动。“双访”即走访委员；“三百”即百人百场。", ["双访双帮三百", "双访", "三百"]),
]

# sentences that hold a numeral but no formulation
NEGATIVE = [
    "注重两个小时的学习，做到三个方面，坚持五个部门联动。",
    "聚焦全县“五大特色品牌”，确定协商计划。",
    "2023年9月23日召开会议。",
    "近三年累计对接洽谈项目200余个，成功落地项目9个。",
    "针对查摆出的7个方面16个问题逐一整改。",
    "精准遴选36件重点提案，指导21家直属商会，召开3次专家座谈。",
    "派出机关干部担任第一书记，开展第二批主题教育。",
    "紧扣二十大目标任务，十二届自治区政协以来成效明显。",
    "学习“七一”重要讲话精神，开展第二批主题教育。",
    "走访马鞍山、芜湖两市，涵盖区域、界别、个人三种类型的工作室。",  # counts of places and kinds
    "成立了教育界、医药卫生界等七个“委员之家”，打造一张“金名片”。",  # 等 + count, 一张: articles
    "在“双向奔赴”中升华，参观“六尺巷”。",  # an idiom; 六尺 is a length
    "担任支部“第一书记”，扣好履职的“第一粒扣子”。",  # a title and an idiom, not a rule
    "学习“七棵树五兄弟”等先进典型。",  # a measure word before a longer name
    "建成四大国际交通枢纽，开展十大好提案评选，打造四大文化品牌。",  # modifier, ranking, brands
    "参与率达87%，占三分之一，德国工业4.0培训。",
    "树立“一盘棋”思想，牢固树立“一线”的思维，打造“一流机关”。",
    "全区五镇两街道增加一名党委副书记，三年来参加志愿服务。",
    "这两个“有史以来的首次”，彰显新气象。",
    "连续两届荣获称号，获得一等奖和三等奖。",
    "只会“千里莺啼绿映红”。",
    "读“九棵松”等书目，把机关党员干部“八小时”以外的生活引导好。",
]


@pytest.mark.parametrize("sentence,expected", POSITIVE)
def test_finds_formulations(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_ignores_dates_quantities_ordinals_and_words(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    "text,number,head",
    [
        ("两个维护", "两个", "维护"),
        ("三会一课", "三", "会一课"),
        ("五不两直一查", "五", "不两直一查"),
        ("三学、两比、一争创", "三", "学、两比、一争创"),
        ("八项重点工程", "八项", "重点工程"),
        ("1+6", "1+6", ""),
        ("13524", "13524", ""),
        ("五型", "五", "型"),
    ],
)
def test_split_number(text: str, number: str, head: str) -> None:
    assert split_number(text) == (number, head)


def test_mention_attributes_and_spans() -> None:
    sentence = "坚持“两个维护”，落实三个“一号工程”。"
    mentions = extract_formulations(sentence)
    assert [m.table for m in mentions] == ["formulations", "formulations"]
    first, second = mentions
    assert first.attrs == {"text": "两个维护", "number": "两个", "head": "维护", "source": "quote", "scope": "national"}
    assert sentence[first.start:first.end] == "两个维护"
    assert strip_quotes(sentence[second.start:second.end]) == "三个一号工程"
    assert second.attrs["number"] == "三个"
    assert second.attrs["scope"] == "local"


def test_user_lexicon_may_mark_a_formulation_local(tmp_path: Path) -> None:
    extra = tmp_path / "formulations.csv"
    extra.write_text("text,category,scope,meaning\n九九归心,test,local,made up\n", encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    [mention] = extract_formulations("全面推进九九归心工作。", lexicon=lexicon)
    assert mention.attrs["scope"] == "local"


def test_national_lexicon_rows_have_a_scope() -> None:
    rows = load_lexicon().rows("formulations")
    assert len(rows) >= 100
    assert {row["scope"] for row in rows} == {"national"}


@pytest.mark.parametrize(
    "candidate,expected",
    [("四个意识", True), ("五好委员", True), ("二十大", False), ("十四五", False), ("七一", False),
     ("36件", False), ("2023", False), ("1+X", True), ("一盘棋", False), ("三个", False), ("一二三四", True)],
)
def test_is_formulation(candidate: str, expected: bool) -> None:
    assert is_formulation(candidate, formulation_vocabulary()) is expected


def test_user_lexicon_adds_a_national_formulation(tmp_path: Path) -> None:
    extra = tmp_path / "formulations.csv"
    extra.write_text("# test lexicon\ntext,category,meaning\n九九归心,test,a made-up formulation\n", encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    assert [m.text for m in extract_formulations("全面推进九九归心工作。", lexicon=lexicon)] == ["九九归心"]
    assert texts("全面推进九九归心工作。") == []


ALPHABET = st.sampled_from(list(NUMERALS + "0123456789+、“”‘’第个项年件的会课维护意识之体大，。 \nA") + ["党建", "工作"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_properties_on_random_text(text: str) -> None:
    for mention in extract_formulations(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert strip_quotes(text[mention.start:mention.end]) == mention.text
        assert any(ch in NUMERALS or ch.isdigit() for ch in mention.text)
        assert mention.attrs["number"] and mention.text.startswith(mention.attrs["number"])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_fails_on_any_text(text: str) -> None:
    for mention in extract_formulations(text):
        assert 0 <= mention.start < mention.end <= len(text)


# --- real corpus (by path; never copied into the project) -------------------------------

def _clean(path: Path) -> str:
    from djtext.clean import clean_text

    return clean_text(path.read_text(encoding="utf-8")).text


NOT_FORMULATIONS = {"第二批", "二十大", "第一书记", "2021年", "12条", "20余项", "7个", "300余个", "21家",
                    "9月23日", "近五年", "两届", "一名", "三年", "四镇三街道", "一个立", "一线", "一等奖"}


@pytest.mark.skipif(not GOLD.is_dir() or not CORPUS.is_dir(), reason="shared corpus and gold not present")
@pytest.mark.parametrize("stem", ["000_2ce4701a36c633b8", "001_36ecd302ae565e2a"])
def test_real_corpus_dev_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    wanted = {f["text"] for f in gold["formulations"] if not f.get("optional")}
    found = {m.text.replace("、", "") for m in extract_formulations(_clean(CORPUS / f"{stem}.txt"))}
    wanted_keys = {w.replace("、", "") for w in wanted}
    assert len(found & wanted_keys) >= 0.9 * len(wanted_keys), sorted(wanted_keys - found)
    assert not (found & NOT_FORMULATIONS)
    assert len(found - wanted_keys) <= 0.1 * len(found), sorted(found - wanted_keys)


def test_counted_objects_in_quotes_are_not_formulations() -> None:
    assert [m.text for m in extract_formulations("组织委员共读“九根竹”等书目。")] == []
