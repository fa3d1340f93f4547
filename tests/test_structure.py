"""Tests for djtext.structure: reporting units, sections and numbered lists."""
from __future__ import annotations

import shared_paths as _shared
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.models import CleanText, Mark
from djtext.structure import find_lists, find_units, split_paragraphs
from djtext.structure.markers import cn_number, lead_clause
from djtext.structure import find_unit_names
from djtext.structure import parallel as structure_parallel


@pytest.fixture
def long_text_rules(monkeypatch):
    """Read the invented short texts the way long documents are read (unmarked lead sentences count)."""
    monkeypatch.setattr(structure_parallel, "SHORT_TEXT", 0)

CORPUS = _shared.CORPUS


def clean_of(text: str, marks: list[Mark] | None = None) -> CleanText:
    return CleanText(text=text, offsets=list(range(len(text))), raw=text, marks=marks or [])


def reporting(units):
    return [u for u in units if not u.cited]


# ---------------------------------------------------------------- helpers


def test_split_paragraphs_skips_blank_lines_and_strips():
    text = "  第一段。\n\n\t第二段。  \n"
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["第一段。", "第二段。"]


@pytest.mark.parametrize("numeral,value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20),
                                           ("二十三", 23), ("", 0), ("两", 0)])
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


def test_lead_clause_stops_at_full_stop_semicolon_and_space_outside_quotes():
    assert lead_clause("以“同心 向党”引领，把牢方向。其余正文", 0) == "以“同心 向党”引领，把牢方向"
    assert lead_clause("明确责任清单；二是…", 0) == "明确责任清单"
    assert lead_clause("工作成效 近年来，我们坚持", 0) == "工作成效"


# ---------------------------------------------------------------- unit names


def test_unit_names_with_levels():
    names = {n.name: n for n in find_unit_names("会上，西湖区政协、余杭区政协党组和绍兴市政协作了发言。")}
    assert names["西湖区政协"].level == "county"
    assert names["余杭区政协党组"].level == "county"
    assert names["绍兴市政协"].level == "city"
    assert not any(n.generic for n in names.values())


def test_committee_organs_are_committee_level():
    (name,) = find_unit_names("会议由自治区政协文化文史和学习委员会分党组主持。")
    assert name.name == "自治区政协文化文史和学习委员会分党组"
    assert name.level == "committee"
    (head,) = find_unit_names("中共政协余杭区委员会党组")
    assert head.name == "中共政协余杭区委员会党组" and head.level == "county"


def test_generic_references_are_flagged():
    names = find_unit_names("全省各级政协、市县政协和省政协都要加强学习。")
    assert names and all(n.generic for n in names)


def test_shared_suffix_is_expanded():
    names = [n.name for n in find_unit_names("近年来，绍兴、嘉兴等市政协建立了读书平台。") if not n.generic]
    assert names == ["绍兴市政协", "嘉兴市政协"]


def test_anonymised_units_are_kept_as_written():
    names = [n.name for n in find_unit_names("X县政协党组坚持学习。xx市政协召开会议。") if not n.generic]
    assert names == ["X县政协党组", "xx市政协"]


def test_function_words_are_not_part_of_the_place():
    names = [n.name for n in find_unit_names("如西湖区政协探索了协商议事。") if not n.generic]
    assert names == ["西湖区政协"]


# ---------------------------------------------------------------- sections


LEAD_LINES = """全市政协系统党建工作纪实
开篇导语，介绍全市情况。
西湖区政协：深耕“同心”品牌 推动履职提质
西湖区政协坚持党建引领，打造品牌。
一、以学促干，筑牢思想根基。正文内容。
二、以干践学，提升履职质效。正文内容。
余杭区政协：党建引领 协商为民
余杭区政协以党建促履职。
一、建强组织，夯实基础。正文。
二、搭建平台，服务群众。正文。
三、完善机制，形成闭环。正文。
"""


def test_lead_line_layout_gives_units_with_titles_and_lists():
    clean = clean_of(LEAD_LINES)
    units = reporting(find_units(clean))
    assert [u.name for u in units] == ["西湖区政协", "余杭区政协"]
    assert units[0].section_title == "深耕“同心”品牌 推动履职提质"
    assert units[0].end == units[1].start
    assert LEAD_LINES[units[0].evidence_start:units[0].evidence_end] == "西湖区政协"
    items = find_lists(clean, find_units(clean))
    assert [(i.style, i.index, i.unit_id) for i in items] == [
        ("cn_dun", 1, units[0].id), ("cn_dun", 2, units[0].id),
        ("cn_dun", 1, units[1].id), ("cn_dun", 2, units[1].id), ("cn_dun", 3, units[1].id)]
    assert items[0].heading == "以学促干，筑牢思想根基"


def _heading_layout() -> CleanText:
    parts = [
        ("以党建促履职 谱写新篇章", "heading"),
        ("中共政协余杭区委员会党组", "heading"),
        ("余杭区政协党组书记 王明", "line"),
        ("中共政协余杭区委员会党组坚持党的领导。", "line"),
        ("强化政治引领，筑牢思想根基。", "bold+"),
        ("搭建履职平台，服务发展大局。", "bold+"),
        ("聚力作风建设，锻造过硬队伍。", "bold+"),
        ("党建统领 同心同行", "heading"),
        ("中共政协西湖区委员会党组", "heading"),
        ("西湖区政协党组书记 李华", "line"),
        ("坚持理论武装，提升政治能力。", "bold+"),
        ("坚持守正创新，擦亮党建品牌。", "bold+"),
    ]
    text = ""
    marks: list[Mark] = []
    for line, kind in parts:
        start = len(text)
        if kind == "bold+":
            marks.append(Mark("bold", start, start + len(line)))
            line = line + "正文展开说明具体做法。"
        elif kind == "heading":
            marks.append(Mark("heading", start, start + len(line), 2))
        text += line + "\n"
    return clean_of(text, marks)


def test_heading_layout_with_byline_gives_speaker_and_bold_items():
    clean = _heading_layout()
    units = reporting(find_units(clean))
    assert [u.name for u in units] == ["中共政协余杭区委员会党组", "中共政协西湖区委员会党组"]
    assert [u.speaker for u in units] == ["王明", "李华"]
    assert units[0].section_title == "以党建促履职 谱写新篇章"
    assert units[0].level == "county"
    items = find_lists(clean, find_units(clean))
    assert [(i.style, i.index, i.level) for i in items] == [("bold_heading", 1, 1), ("bold_heading", 2, 1),
                                                           ("bold_heading", 3, 1), ("bold_heading", 1, 1),
                                                           ("bold_heading", 2, 1)]
    assert items[0].heading == "强化政治引领，筑牢思想根基"
    assert items[3].unit_id == units[1].id


def test_markdown_bold_is_read_when_the_cleaner_left_it():
    text = ("余杭区政协：标题\n**强化政治引领，筑牢思想根基。**正文。\n**搭建履职平台，服务发展大局。**正文。\n")
    items = find_lists(clean_of(text))
    assert [i.heading for i in items] == ["强化政治引领，筑牢思想根基", "搭建履职平台，服务发展大局"]


NEWSPAPER = """座谈会上，各市县政协作了交流发言。
近年来，绍兴市政协党组坚持党建引领，推动政协工作高质量发展，取得了明显成效。
围绕中心大局，找准服务发展的切入点。正文说明做法和成效。
围绕组织建设，找准夯实基础的发力点。正文说明做法和成效。
十二届自治区政协以来，自治区政协文化文史和学习委员会分党组坚持学习，推动工作。
组织联建，汇聚协商议政合力。正文内容。
阵地联用，夯实履职工作基础。正文内容。
标题一 绍兴市政协党组书记、主席 张三
标题二 自治区政协文化文史和学习委员会分党组书记、主任 李四
"""


def test_newspaper_layout_bodies_name_their_units_and_bylines_attach(long_text_rules):
    clean = clean_of(NEWSPAPER)
    units = reporting(find_units(clean))
    assert [u.name for u in units][:2] == ["绍兴市政协党组", "自治区政协文化文史和学习委员会分党组"]
    assert units[0].speaker == "张三" and units[0].section_title == "标题一"
    assert units[1].level == "committee" and units[1].speaker == "李四"
    items = find_lists(clean, find_units(clean))
    assert [(i.style, i.unit_id) for i in items] == [("parallel", units[0].id)] * 2 + [("parallel", units[1].id)] * 2
    assert items[0].heading == "围绕中心大局，找准服务发展的切入点"


def test_cited_units_inside_a_report():
    text = ("西湖区政协：标题\n西湖区政协组织委员学习。绍兴、嘉兴等市政协建立了平台；余杭区政协开展协商。\n")
    units = find_units(clean_of(text))
    cited = sorted(u.name for u in units if u.cited)
    assert cited == ["余杭区政协", "嘉兴市政协", "绍兴市政协"]
    assert all(u.start >= units[0].start for u in units if u.cited)


def test_single_report_document_has_one_unit_covering_the_text():
    text = "绍兴市政协“同心”党建品牌创建的实践\n" + "正文内容，说明做法。" * 30 + "\n如余杭区政协开展了协商。\n"
    units = find_units(clean_of(text))
    main = reporting(units)
    assert [u.name for u in main] == ["绍兴市政协"]
    assert (main[0].start, main[0].end) == (0, len(text))
    assert [u.name for u in units if u.cited] == ["余杭区政协"]


def test_part_breaks_end_sections():
    text = ("篇一：汇编\nX县政协党组坚持学习，推动工作，取得成效。\n一、学习。正文。\n二、实践。正文。\n"
            "篇二：汇编\n本文没有单位。\n一、开头。正文。\n二、结尾。正文。\n")
    units = reporting(find_units(clean_of(text)))
    assert [u.name for u in units] == ["X县政协党组"]
    assert units[0].end == text.index("篇二")
    items = find_lists(clean_of(text), find_units(clean_of(text)))
    assert [i.unit_id for i in items] == [units[0].id, units[0].id, None, None]


# ---------------------------------------------------------------- list styles


@pytest.mark.parametrize("first,second,style", [
    ("一、", "二、", "cn_dun"), ("（一）", "（二）", "cn_paren"), ("(一)", "(二)", "cn_paren"),
    ("1.", "2.", "arabic_dot"), ("1．", "2．", "arabic_dot"), ("1、", "2、", "arabic_dun"),
    ("一是", "二是", "shi"), ("第一，", "第二，", "di"), ("（1）", "（2）", "arabic_paren"),
    ("①", "②", "circled")])
def test_each_marker_style(first, second, style):
    text = f"导语。\n{first}深化学习，增强本领。正文。\n{second}锚定目标，奋发有为。正文。\n"
    items = find_lists(clean_of(text), [])
    assert [(i.style, i.index) for i in items] == [(style, 1), (style, 2)]
    assert items[0].heading == "深化学习，增强本领"
    assert items[0].marker == first.rstrip("，")


def test_inline_markers_in_one_long_line():
    text = "主要做法如下。一是明确责任清单，压实到岗；二是细化年度计划，按月推进；三是健全考评办法，奖优罚劣。"
    items = find_lists(clean_of(text), [])
    assert [i.heading for i in items] == ["明确责任清单，压实到岗", "细化年度计划，按月推进", "健全考评办法，奖优罚劣"]


def test_marker_after_a_run_in_title_and_spaces():
    text = "二、工作的成效 (一)主要的做法 详见下文。(二)改进的方向 另见下文。\n"
    items = find_lists(clean_of(text), [])
    assert [(i.style, i.heading) for i in items] == [("cn_paren", "主要的做法"), ("cn_paren", "改进的方向")]


def test_nesting_follows_order_of_appearance():
    text = ("一、总体成效\n（一）强化了引领\n1.学习制度。正文。\n2.督导机制。正文。\n（二）完善了体系\n"
            "一是建立机制。二是健全制度。\n二、存在问题\n（一）认识不足\n（二）方法不多\n")
    items = find_lists(clean_of(text), [])
    by_heading = {i.heading: i for i in items}
    assert by_heading["总体成效"].level == 1
    assert by_heading["强化了引领"].level == 2 and by_heading["强化了引领"].parent_id == by_heading["总体成效"].id
    assert by_heading["学习制度"].level == 3 and by_heading["学习制度"].parent_id == by_heading["强化了引领"].id
    assert by_heading["建立机制"].parent_id == by_heading["完善了体系"].id
    assert by_heading["认识不足"].parent_id == by_heading["存在问题"].id
    assert by_heading["存在问题"].index == 2 and by_heading["存在问题"].level == 1


def test_inline_list_nests_inside_an_item_of_the_same_style():
    text = ("一是思想上对标。正文。\n二是组织上建强。\n一是配强班子。\n二是完善制度。\n三是规范活动。\n"
            "三是工作上高标准。正文。\n")
    items = find_lists(clean_of(text), [])
    assert [(i.heading, i.level, i.index) for i in items] == [
        ("思想上对标", 1, 1), ("组织上建强", 1, 2), ("配强班子", 2, 1), ("完善制度", 2, 2),
        ("规范活动", 2, 3), ("工作上高标准", 1, 3)]
    assert items[2].parent_id == items[1].id


def test_marker_after_a_space_the_cleaner_removed():
    raw = "1.完善工作机制，形成闭环 一是建立联系制度。二是建立走访制度。"
    text = raw.replace(" ", "")
    offsets = [i for i, ch in enumerate(raw) if ch != " "]
    clean = CleanText(text=text, offsets=offsets, raw=raw)
    items = find_lists(clean, [])
    assert [i.heading for i in items] == ["建立联系制度", "建立走访制度"]


def test_find_lists_without_units_and_on_empty_text():
    assert find_lists(clean_of("")) == []
    assert find_units(clean_of("")) == []
    assert [i.unit_id is not None for i in find_lists(clean_of(LEAD_LINES))] == [True] * 5


def test_nesting_resets_per_unit_section():
    items = find_lists(clean_of(LEAD_LINES))
    assert all(i.level == 1 and i.parent_id is None for i in items)


# ---------------------------------------------------------------- negatives


@pytest.mark.parametrize("text", [
    "导语。\n一、唯一的一条，没有第二条。正文。\n",
    "全年2023年1、2月完成任务，5、6月开展调研。\n",
    "他担任第一书记，落实第一议题制度，冲在第一线，发展是第一要务。\n",
    "坚持统一是根本，一是一，二是二，实事求是。\n",
    "工业4.0培训和3.5亿元投资。\n",
    "一、标题\n三、跳过了第二条。正文。\n",
])
def test_no_false_lists(text):
    assert find_lists(clean_of(text), []) == []


def test_short_leads_without_commas_form_a_series_of_three(long_text_rules):
    text = ("导语。\n在学习教育上下功夫。正文说明。\n在队伍建设上下功夫。正文说明。\n在制度执行上下功夫。正文说明。\n")
    items = find_lists(clean_of(text), [])
    assert [i.heading for i in items] == ["在学习教育上下功夫", "在队伍建设上下功夫", "在制度执行上下功夫"]
    two = "导语。\n在学习教育上下功夫。正文说明。\n在队伍建设上下功夫。正文说明。\n"
    assert find_lists(clean_of(two), []) == []


def test_leads_with_clauses_of_equal_length_are_parallel(long_text_rules):
    text = ("导语。\n夯实理论根基，提升政治能力。正文。\n健全工作机制，扩大组织覆盖。正文。\n"
            "丰富活动载体，服务发展大局。正文。\n")
    items = find_lists(clean_of(text), [])
    assert [(i.style, i.index) for i in items] == [("parallel", 1), ("parallel", 2), ("parallel", 3)]


def test_heads_glued_to_their_bodies_without_punctuation(long_text_rules):
    body = "把学习贯彻作为首要任务，组织委员集中学习，开展专题研讨，推动工作落实见效。"
    text = "导语。\n" + "".join(f"突出{w}建设夯实工作基础{body}\n" for w in ("思想", "组织", "作风"))
    items = find_lists(clean_of(text), [])
    assert [i.heading for i in items] == ["突出思想建设夯实工作基础", "突出组织建设夯实工作基础", "突出作风建设夯实工作基础"]
    assert find_lists(clean_of("导语。\n" + "".join(f"突出{w}建设夯实工作基础{body}\n" for w in ("思想", "组织"))), []) == []


def test_short_web_text_gives_no_items_for_unmarked_lead_sentences():
    text = ("导语。\n夯实理论根基，提升政治能力。正文。\n健全工作机制，扩大组织覆盖。正文。\n"
            "丰富活动载体，服务发展大局。正文。\n")
    assert find_lists(clean_of(text), []) == []
    filler = "，".join(["这是一段很长的补充说明文字"] * 250) + "。\n"
    items = find_lists(clean_of(text + filler), [])
    assert [i.style for i in items] == ["parallel"] * 3


def test_outline_cut_after_its_first_items_is_kept():
    text = "工作报告\n一、过去一年的工作\n一年来，我们做了很多工作。\n（一）加强理论武装，夯实思想基础。正文。一是坚持学习。正文"
    items = find_lists(clean_of(text), [])
    assert [(i.marker, i.level) for i in items] == [("一、", 1), ("（一）", 2), ("一是", 3)]
    assert find_lists(clean_of("导语。\n一是坚持学习。正文。\n"), []) == []
    assert find_lists(clean_of("导语。\n一、过去一年的工作\n正文。一是坚持学习。正文。\n"), []) == []


def test_first_items_open_where_a_cut_short_text_stops_are_kept():
    cut = "工作报告\n一、过去一年的工作\n一年来成效明显。\n（一）加强理论武装，夯实思想基础。正文说明了"
    items = find_lists(clean_of(cut), [])
    assert [(i.marker, i.level) for i in items] == [("一、", 1), ("（一）", 2)]
    assert find_lists(clean_of("讲三点要求：\n一是坚持学习，提高能力。要把学习放在首位"), [])[0].marker == "一是"
    whole = "工作报告\n一、过去一年的工作\n一年来成效明显。\n（一）加强理论武装。正文。\n"
    assert find_lists(clean_of(whole), []) == []  # a text that ends a sentence was not cut


def test_shi_items_glued_to_their_parent_heading():
    text = ("说明两点：一、抓好学习教育，夯实思想根基一是组织集中研读。正文。二是开展交流评比。正文。"
            "二、抓好队伍建设，提升履职本领一是举办专题轮训。正文。二是结对帮带。正文。\n")
    items = find_lists(clean_of(text), [])
    assert [(i.marker, i.level, i.heading) for i in items][:3] == [
        ("一、", 1, "抓好学习教育，夯实思想根基"), ("一是", 2, "组织集中研读"), ("二是", 2, "开展交流评比")]
    assert len(items) == 6


def test_lone_lead_sentences_are_not_parallel_lists():
    text = "思想是行动的先导，学习是履职的基础。正文很长的说明。\n西湖区政协认真贯彻落实部署，推动工作。\n"
    assert find_lists(clean_of(text), []) == []


# ---------------------------------------------------------------- properties

MARKERS = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2.", "一是", "二是", "第一，", "第二，", "**"]
PIECES = st.lists(st.one_of(st.sampled_from(MARKERS), st.sampled_from(["深化学习，增强本领。", "正文内容", "。", "\n",
                                                                        "；", " ", "西湖区政协：标题\n", "2023年1、2月"])),
                  max_size=40)


@settings(max_examples=150, deadline=None)
@given(PIECES)
def test_list_tree_properties(pieces):
    text = "".join(pieces)
    clean = clean_of(text)
    units = find_units(clean)
    items = find_lists(clean, units)
    seen: dict[int, int] = {}
    previous_start = -1
    for item in items:
        assert item.start >= previous_start  # ordered
        previous_start = item.start
        assert 0 <= item.start <= item.end <= len(text)  # spans inside the text
        # the heading is a substring of the clean text (column-wrap line breaks removed)
        assert item.heading and item.heading in text.replace("\n", "").replace("*", "")
        assert item.index >= 1 and item.level >= 1
        if item.parent_id is None:
            assert item.level == 1
        else:
            assert item.parent_id in seen and seen[item.parent_id] < item.level  # earlier, shallower
        seen[item.id] = item.level


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="政协市县区党组分委员会一二、是第X等西湖绍兴，。\n *书记主席张", max_size=120))
def test_units_never_crash_and_spans_are_valid(text):
    clean = clean_of(text)
    for unit in find_units(clean):
        assert 0 <= unit.start <= unit.end <= len(text)
        assert 0 <= unit.evidence_start <= unit.evidence_end <= len(text)
        assert unit.level in {"province", "city", "county", "committee", "other"}


def test_long_document_gives_the_same_lists_as_its_parts():
    """A long document (speed is measured in bench/bench_stages.py, never timed here)."""
    text = (LEAD_LINES + NEWSPAPER) * 240
    clean = clean_of(text)
    assert len(text) > 100_000
    items = find_lists(clean, find_units(clean))
    one = clean_of(LEAD_LINES + NEWSPAPER)
    assert len(items) >= len(find_lists(one, find_units(one)))


# ---------------------------------------------------------------- real corpus

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not available at {CORPUS}")


def _corpus_doc(prefix: str) -> CleanText:
    from djtext.clean import clean_text

    (path,) = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    return clean_text(path.read_text(encoding="utf-8"))


@needs_corpus
def test_corpus_000_four_county_units_each_with_a_cn_dun_list():
    clean = _corpus_doc("000")
    units = reporting(find_units(clean))
    assert len(units) == 4
    assert all(u.level == "county" and u.name.endswith("政协") and u.section_title for u in units)
    items = find_lists(clean, units)
    for unit in units:
        own = [i for i in items if i.unit_id == unit.id]
        assert len(own) >= 3 and {i.style for i in own} == {"cn_dun"}
        assert [i.index for i in own] == list(range(1, len(own) + 1))


@needs_corpus
def test_corpus_001_bold_heads_are_items_under_their_units():
    clean = _corpus_doc("001")
    units = reporting(find_units(clean))
    assert len(units) == 7
    assert all(u.speaker for u in units)
    items = find_lists(clean, units)
    assert len(items) >= 20 and {i.style for i in items} == {"bold_heading"}
    assert {i.unit_id for i in items} == {u.id for u in units}


@needs_corpus
def test_corpus_003_parallel_lead_sentences_per_unit():
    clean = _corpus_doc("003")
    units = reporting(find_units(clean))
    assert len(units) >= 7
    items = find_lists(clean, units)
    parallel = [i for i in items if i.style == "parallel"]
    assert len(parallel) >= 20
    assert len({i.unit_id for i in parallel}) >= 6


@needs_corpus
def test_corpus_004_one_report_with_nested_inline_lists():
    clean = _corpus_doc("004")
    units = find_units(clean)
    main = reporting(units)
    assert len(main) == 1 and main[0].start == 0 and main[0].end == len(clean.text)
    assert any(u.cited for u in units)
    items = find_lists(clean, units)
    assert max(i.level for i in items) >= 3
    assert {"cn_dun", "cn_paren", "arabic_dot", "shi"} <= {i.style for i in items}


@needs_corpus
def test_corpus_002_cited_units_from_shared_suffixes():
    clean = _corpus_doc("002")
    cited = [u for u in find_units(clean) if u.cited]
    assert sum(u.level == "city" for u in cited) >= 10  # many cities cited in 'A、B等市政协' phrases
    assert not any("等" in u.name or "、" in u.name for u in cited)


# ---------------------------------------------------------------- issue patterns (synthetic text)


def test_committee_organ_with_a_short_modifier_is_a_committee_unit():
    names = find_unit_names("中共政协某某市委员会文史委学习党总支书记 张三")
    assert [(n.name, n.level) for n in names] == [("中共政协某某市委员会文史委学习党总支", "committee")]
    organ = find_unit_names("西湖区政协机关第一党支部坚持学习")
    assert [(n.name, n.level) for n in organ] == [("西湖区政协机关第一党支部", "committee")]
    # a committee word followed by a verb phrase is no organ: 探索专委会党支部 stays outside the name
    assert [n.name for n in find_unit_names("如西湖区政协探索专委会党支部开展活动")] == ["西湖区政协"]


def test_heading_layout_finds_a_committee_organ_with_a_modifier():
    text = ("### 标题一\n### 中共政协绍兴市委员会经济委调研党总支\n党总支书记 王五\n"
            "**加强学习，提高站位。**正文内容。\n**锚定发展，担当作为。**正文内容。\n")
    units = reporting(find_units(clean_of(text)))
    assert [(u.name, u.level) for u in units] == [("中共政协绍兴市委员会经济委调研党总支", "committee")]


COMPILATION = (
    "汇编十篇\n"
    "篇一：汇编\n发展经验交流X 县政协党组牢固树立抓党建的理念，推动工作。下面汇报如下：\n"
    "一、学习引领。正文。\n二、组织建设。正文。\n"
    + "正文内容，说明做法。" * 20 + "\n"
    "篇二：汇编\n示范党支部建设材料\n一、基本情况市政协机关党支部于 XX 年完成换届，积极创建“xx 政协大讲堂”。\n"
    + "正文内容，说明做法。" * 20 + "\n"
    "篇三：汇编\n本文介绍南通市的做法，江苏省南通市各地都在推进。\n"
    + "正文内容，说明做法。" * 20 + "\n"
    "篇四：汇编\n党建工作要点\n省政协机关 XX 年党建工作总体要求是：坚持学习。\n"
    + "正文内容，说明做法。" * 20 + "\n"
)


def test_compilation_parts_get_their_own_units():
    from djtext.structure import find_parts

    clean = clean_of(COMPILATION)
    parts = find_parts(clean)
    assert len(parts) == 4 and parts[0][0] == 0 and parts[-1][1] == len(COMPILATION)
    units = find_units(clean)
    main = reporting(units)
    assert [u.name for u in main] == ["X县政协党组", "市政协机关党支部", "省政协机关"]
    assert main[0].start == COMPILATION.index("篇一") and main[0].end == parts[0][1]
    assert (main[1].start, main[1].end) == parts[1]
    assert not any("xx" in u.name for u in units)  # “xx 政协大讲堂”: the owner of a practice, no unit


def test_rows_outside_units_fall_back_to_their_part_region():
    from djtext.attribute import attribute_document
    from djtext.models import Document, RawDocument
    from djtext.rows import _PartFallback

    text = ("篇一：汇编\n杭州市政协组织学习，杭州各区县都在推进。\n" + "正文内容，说明做法。" * 30 + "\n"
            "篇二：汇编\n本文介绍南通市的做法，江苏省南通市各地都在推进。\n" + "正文内容，说明做法。" * 30 + "\n")
    doc = Document(raw=RawDocument(path="x.txt", text=text))
    doc.clean = clean_of(text)
    doc.units = find_units(doc.clean)
    attribute_document(doc)
    fallback = _PartFallback(doc)
    assert fallback(text.index("篇二") + 30)["province"] == "江苏省"
    assert fallback(10)["province"] == "浙江省"


def test_placeholder_unit_glued_to_a_title_keeps_only_the_placeholder():
    assert [n.name for n in find_unit_names("推动工作高质量发展X 县政协党组坚持")] == ["X县政协党组"]
    assert [n.name for n in find_unit_names("推动党建工作xx 市政协党组坚持")] == ["xx市政协党组"]
    assert [n.name for n in find_unit_names("一、基本情况市政协机关党支部于")] == ["市政协机关党支部"]


def test_practice_owner_prefix_is_no_unit():
    assert find_unit_names("创建“xx 政协大讲堂”“xx 政协智慧平台”") == []
    assert find_unit_names("开设西湖区政协书房。") == []
    assert [n.name for n in find_unit_names("西湖区政协坚持学习")] == ["西湖区政协"]


def test_body_glued_to_the_previous_paragraph_by_the_cleaner_still_names_its_unit(long_text_rules):
    raw = ("绍兴市政协党组书记、主席 张三\n绍兴市政协党组坚持学习，推动工作，取得成效。\n"
           "紧扣中心大局，找准服务发展的切入点。正文。\n紧扣组织建设，找准凝聚力量的着力点。正文。\n\n"
           "今年以来，自治区政协经济委员会分\n党组深入学习，推动工作，取得成效。\n"
           "强化理论武装，把准工作正确方向。正文。\n强化组织建设，找准工作发力重点。正文。\n")
    # the cleaner joined the paragraph to the previous one and the column-wrapped name
    text = raw.replace("成效。\n\n今年", "成效。今年").replace("分\n党组", "分党组")
    offsets, j = [], 0
    for i, ch in enumerate(raw):
        if j < len(text) and text[j] == ch:
            offsets.append(i)
            j += 1
    assert len(offsets) == len(text)
    clean = CleanText(text=text, offsets=offsets, raw=raw)
    units = reporting(find_units(clean))
    assert [u.name for u in units] == ["绍兴市政协党组", "自治区政协经济委员会分党组"]
    items = find_lists(clean, find_units(clean))
    assert [(i.index, i.unit_id) for i in items] == [(1, units[0].id), (2, units[0].id),
                                                      (1, units[1].id), (2, units[1].id)]


def spaced_clean(raw: str) -> CleanText:
    """A clean text without the spaces of ``raw`` (the way the cleaner drops spacing), with offsets."""
    text = raw.replace(" ", "")
    return CleanText(text=text, offsets=[i for i, ch in enumerate(raw) if ch != " "], raw=raw)


def test_heading_is_cut_at_the_next_inline_marker_and_capped_without_punctuation():
    from djtext.structure.markers import cut_heading

    raw = "一、品牌的提出 （一）当前的不足。正文。 （二）品牌的内涵。正文。 二、品牌的建设。正文。\n"
    items = find_lists(clean_of(raw.replace(" ", "")), [])
    assert items[0].heading == "品牌的提出"  # the run-in （一） is cut off even when it is not an item here
    assert cut_heading("主要做法及成效（一）深化政治引领，筑牢堡垒") == "主要做法及成效"
    assert cut_heading("做法1.加强学习") == "做法"
    assert cut_heading("2021年工作打算") == "2021年工作打算"
    assert len(cut_heading("政" * 60)) == 40
    assert cut_heading("加强学习，" + "政" * 60) == "加强学习，" + "政" * 60


def test_lone_first_item_with_its_own_sub_items_is_kept():
    text = "我讲三点意见：\n一、深刻认识重要意义\n（一）第一层意思。正文。\n（二）第二层意思。正文。\n"
    items = find_lists(clean_of(text), [])
    assert [(i.heading, i.level) for i in items] == [("深刻认识重要意义", 1), ("第一层意思", 2), ("第二层意思", 2)]


def test_second_level_leads_glued_into_item_bodies(long_text_rules):
    # the raw text set the heads off by a space the cleaner removed (OCR-spaced scraped pages)
    raw = ("一、加强党的领导，把牢政治方向 牢记“初心使命”，提升政治能力。围绕中心开展学习，研究落实举措。"
           "加强理论武装，筑牢思想之魂。组织学习研讨活动。\n"
           "二、建强组织体系，筑牢发展阵地 完善组织设置，夯实战斗堡垒。报请批准成立机关党组。"
           "优化运行机制，厚植组织基础。落实双重组织生活制度。\n"
           "三、注重特色，画好同心圆 探索建立工作机制，落实党建要求。\n")
    items = find_lists(spaced_clean(raw), [])
    leads = [(i.heading, i.level, i.index) for i in items if i.style == "parallel"]
    assert leads == [("牢记“初心使命”，提升政治能力", 2, 1), ("加强理论武装，筑牢思想之魂", 2, 2),
                     ("完善组织设置，夯实战斗堡垒", 2, 1), ("优化运行机制，厚植组织基础", 2, 2)]
    # one item holding such sentences is no template
    single = find_lists(spaced_clean(raw.split("二、")[0] + "\n二、其他。正文。\n"), [])
    assert not [i for i in single if i.style == "parallel"]


def test_brand_stated_to_be_the_province_s_belongs_to_the_province_unit():
    from djtext.attribute import attribute_document
    from djtext.models import Document, Mention, RawDocument

    text = ("杭州市政协“钱塘同心”党建品牌的实践\n杭州市政协坚持学习。“同心向党”，为省政协党建品牌，体现了浙江省的特色。"
            + "正文内容，说明做法。" * 30 + "\n")
    doc = Document(raw=RawDocument(path="x.txt", text=text))
    doc.clean = clean_of(text)
    doc.units = find_units(doc.clean)
    at = text.index("同心向党")
    doc.mentions = [Mention("brands", "同心向党", at, at + 4), Mention("brands", "钱塘同心", 6, 10)]
    attribute_document(doc)
    owner = next(u for u in doc.units if u.id == doc.mentions[0].unit_id)
    assert (owner.name, owner.province, owner.city, owner.cited) == ("浙江省政协", "浙江省", None, True)  # its place from the document
    main = next(u for u in doc.units if u.id == doc.mentions[1].unit_id)
    assert (main.name, main.city) == ("杭州市政协", "杭州市")
