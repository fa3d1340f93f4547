"""Tests of djtext.structure.lists / markers / tree: numbered list items as a tree."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from djtext.models import CleanText
from djtext.structure import find_lists, find_units
from djtext.structure.markers import cn_number, lead_clause
from structure_support import LEAD_LINES, NEWSPAPER, clean_of


@pytest.mark.parametrize("numeral,value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20),
                                           ("二十三", 23), ("", 0), ("两", 0)])
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


def test_lead_clause_stops_at_full_stop_semicolon_and_space_outside_quotes():
    assert lead_clause("以“同心 向党”引领，把牢方向。其余正文", 0) == "以“同心 向党”引领，把牢方向"
    assert lead_clause("明确责任清单；二是…", 0) == "明确责任清单"
    assert lead_clause("工作成效 近年来，我们坚持", 0) == "工作成效"






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


def test_long_document_gives_the_same_lists_as_its_parts():
    """A long document (speed is measured in bench/bench_stages.py, never timed here)."""
    text = (LEAD_LINES + NEWSPAPER) * 240
    clean = clean_of(text)
    assert len(text) > 100_000
    items = find_lists(clean, find_units(clean))
    one = clean_of(LEAD_LINES + NEWSPAPER)
    assert len(items) >= len(find_lists(one, find_units(one)))


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
