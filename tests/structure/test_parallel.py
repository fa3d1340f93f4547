"""Tests of djtext.structure.parallel: unmarked parallel lead sentences."""
from __future__ import annotations

from djtext.structure import find_lists
from structure_support import clean_of, spaced_clean


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


def test_lone_lead_sentences_are_not_parallel_lists():
    text = "思想是行动的先导，学习是履职的基础。正文很长的说明。\n西湖区政协认真贯彻落实部署，推动工作。\n"
    assert find_lists(clean_of(text), []) == []


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
