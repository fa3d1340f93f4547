"""Tests of djtext.structure.units: reporting units, their sections, bylines and parts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from djtext.models import CleanText, Mark
from djtext.structure import find_lists, find_units
from structure_support import LEAD_LINES, NEWSPAPER, clean_of, reporting




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


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="政协市县区党组分委员会一二、是第X等西湖绍兴，。\n *书记主席张", max_size=120))
def test_units_never_crash_and_spans_are_valid(text):
    clean = clean_of(text)
    for unit in find_units(clean):
        assert 0 <= unit.start <= unit.end <= len(text)
        assert 0 <= unit.evidence_start <= unit.evidence_end <= len(text)
        assert unit.level in {"province", "city", "county", "committee", "other"}


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

    text = ("篇一：汇编\n杭州市政协组织学习，杭州各区县都在推进。\n" + "正文内容，说明做法。" * 30 + "\n"
            "篇二：汇编\n本文介绍南通市的做法，江苏省南通市各地都在推进。\n" + "正文内容，说明做法。" * 30 + "\n")
    doc = Document(raw=RawDocument(path="x.txt", text=text))
    doc.clean = clean_of(text)
    doc.units = find_units(doc.clean)
    attribute_document(doc)
    fallback = doc.regions.outside
    assert fallback(text.index("篇二") + 30)["province"] == "江苏省"
    assert fallback(10)["province"] == "浙江省"


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
