"""Units at every level with their regions: invented sentences (place names are national
gazetteer knowledge)."""
from __future__ import annotations

from djtext.attribute import (attribute_document, attribute_units, level_named_units, listed_units,
                              official_unit_name, platform_units)
from djtext.models import CleanText, Document, RawDocument, Unit
from djtext.regions import Gazetteer, make_region
from djtext.structure import find_units
from djtext.structure import find_unit_names

FILLER = "围绕中心工作开展协商议政，推动各项工作落地见效。" * 6


def clean_of(text: str) -> CleanText:
    return CleanText(text=text, offsets=list(range(len(text))), raw=text, marks=[])


def units_of(text: str) -> list[Unit]:
    doc = Document(raw=RawDocument(path="x.txt", text=text))
    doc.clean = clean_of(text)
    doc.units = find_units(doc.clean)
    attribute_document(doc)
    return doc.units


def regions(units: list[Unit], cited: bool | None = None) -> list[tuple]:
    return [(u.name, u.province, u.city, u.county) for u in units if cited is None or u.cited == cited]


def test_session_name_with_ordinal_is_the_place_s_cppcc():
    names = find_unit_names("政协第十二届吉林省委员会第三次会议开幕")
    assert [(n.name, n.level, n.generic) for n in names] == [("吉林省政协", "province", False)]
    names = find_unit_names("中国人民政治协商会议湖州市德清县第十届委员会常务委员会工作报告")
    assert [(n.name, n.level) for n in names] == [("湖州市德清县政协", "county")]


def test_censored_body_is_read_as_cppcc():
    names = find_unit_names("今年岳阳市*协将聚焦中心工作")
    assert [n.name for n in names] == ["岳阳市政协"]


def test_autonomous_prefecture_short_form_with_level_word():
    gaz = Gazetteer.from_lexicon()
    assert gaz.attribute_unit("湘西州政协") == make_region("湖南省", "湘西土家族苗族自治州")
    assert gaz.attribute_unit("长阳县政协").county == "长阳土家族自治县"


def test_long_official_name_after_its_province():
    text = "湖北恩施土家族苗族自治州政协深化协商议政\n" + FILLER
    assert regions(units_of(text), cited=False) == [("恩施土家族苗族自治州政协", "湖北省", "恩施土家族苗族自治州", None)]


def test_official_full_names():
    gaz = Gazetteer.from_lexicon()
    county = make_region("湖南省", "岳阳市", "平江县")
    assert official_unit_name("岳阳政协", make_region("湖南省", "岳阳市"), gaz) == "岳阳市政协"
    assert official_unit_name("县政协", county, gaz) == "平江县政协"
    assert official_unit_name("岳阳市平江县政协党组", county, gaz) == "平江县政协党组"
    assert official_unit_name("平江地区政协", county, gaz) == "平江县政协"
    assert official_unit_name("各县市政协", make_region("湖南省", "岳阳市"), gaz) == "各县市政协"
    assert official_unit_name("中共政协平江县委员会党组", county, gaz) == "中共政协平江县委员会党组"


def test_municipal_body_has_no_city_and_its_district_has_the_municipality():
    units = [Unit(id=1, name="重庆市政协"), Unit(id=2, name="重庆市渝中区政协", start=5, end=6)]
    attribute_units(units, "重庆市政协召开会议。重庆市渝中区政协参加。")
    assert [(u.name, u.province, u.city, u.county) for u in units] == [
        ("重庆市政协", "重庆市", None, None), ("渝中区政协", "重庆市", "重庆市", "渝中区")]


def test_level_only_unit_gets_its_county_from_the_document_s_short_forms():
    text = ("县政协委员履职活动周启动\n昨日，县政协在平江举办委员履职活动周。县政协主席出席。"
            "活动面向爱平江、知平江的各界人士征集议题。" + FILLER)
    assert regions(units_of(text), cited=False) == [("平江县政协", "湖南省", "岳阳市", "平江县")]


def test_level_only_unit_gets_the_one_district_the_document_names():
    text = ("提案委员会注重发挥本委优势，围绕区政协年度工作要点，组织委员开展调研。"
            "委员们还赴鼓楼区学习考察。" + FILLER + "围绕渝中区经济建设提出建议。区政协常委会听取汇报。")
    found = [u for u in units_of(text) if not u.cited]
    assert [(u.name, u.county) for u in found] == [("渝中区政协", "渝中区")]


def test_visiting_unit_is_not_the_document_s_unit():
    text = ("岳阳市政协一行到汨罗调研考察\n岳阳市政协副主席带队到汨罗市调研协商平台建设。"
            "汨罗市政协主席陪同。汨罗市政协创建了“屋场协商”品牌。" + FILLER)
    found = [u for u in units_of(text) if not u.cited]
    assert [(u.name, u.county) for u in found] == [("汨罗市政协", "汨罗市")]


def test_source_of_the_news_is_not_the_document_s_unit():
    text = "据湖南省政协官网消息，平江县政协召开常委会议。" + FILLER
    found = [u for u in units_of(text) if not u.cited]
    assert [u.name for u in found] == ["平江县政协"]


def test_places_listed_under_a_reporting_unit_are_cited_units():
    text = "岳阳市政协召开会议。市委督查组先后到平江县、汨罗市、岳阳楼区督查政协工作落实情况。"
    reporting = [Unit(id=1, name="岳阳市政协", start=0, end=len(text), province="湖南省", city="岳阳市")]
    found = listed_units(text, reporting)
    assert [(u.name, u.city, u.county, u.cited) for u in found] == [
        ("平江县政协", "岳阳市", "平江县", True), ("汨罗市政协", "岳阳市", "汨罗市", True),
        ("岳阳楼区政协", "岳阳市", "岳阳楼区", True)]
    assert listed_units("市委督查组到平江县、汨罗市督查工作。", reporting) == []  # no 政协 in the sentence
    assert listed_units("到长沙县、浏阳市督查政协工作。", reporting) == []  # not under the reporting unit


def test_united_front_report_of_a_county_without_any_unit():
    text = "岳阳平江县打造三大样板推进统战工作\n去年以来，平江县大力实施统战工程，叫响统战声音。" + FILLER
    found = [u for u in units_of(text) if not u.cited]
    assert [(u.name, u.level, u.county) for u in found] == [("平江县统一战线", "other", "平江县")]


def test_level_only_prefecture_unit_gets_the_prefecture_the_document_names_by_short_form():
    text = ("州政协深化协商议政\n2025年，州政协充分发挥专门协商机构作用。"
            "推动湘西经济社会高质量发展，讲好湘西故事。" + FILLER)
    assert regions(units_of(text), cited=False) == [
        ("湘西土家族苗族自治州政协", "湖南省", "湘西土家族苗族自治州", None)]


def test_city_system_counts_for_the_city_s_cppcc():
    text = ("在全市政协系统协商议事室建设推进会上的讲话\n按照省政协党组要求，全市政协系统率先启动建设。"
            "今天我们召开全市政协系统推进会，听取对市政协工作的意见，体现岳阳担当，作出岳阳贡献，为省政协增光。" + FILLER)
    found = units_of(text)
    assert ("岳阳市政协", "湖南省", "岳阳市", None) in regions(found, cited=False)
    assert ("湖南省政协党组", "湖南省", None, None) in regions(found, cited=True)


def test_a_visiting_higher_unit_leaves_the_report_to_the_level_only_host():
    text = ("湖南省政协副主席率队来岳调研。市政协主席陪同。调研组对市政协加强政治建设给予肯定。"
            "岳阳市委书记出席座谈会。" + FILLER)
    found = units_of(text)
    assert regions(found, cited=False) == [("岳阳市政协", "湖南省", "岳阳市", None)]
    assert ("湖南省政协", "湖南省", None, None) in regions(found, cited=True)


def test_a_county_s_own_platform_makes_it_a_cited_unit():
    reporting = [Unit(id=1, name="岳阳市政协", end=80, province="湖南省", city="岳阳市")]
    text = "调研组走访平江县某某镇政协委员联系群众活动室和汨罗市基层委员工作室。平江县委书记出席。"
    found = platform_units(text, reporting)
    assert [(u.name, u.county, u.cited) for u in found] == [("平江县政协", "平江县", True), ("汨罗市政协", "汨罗市", True)]


def test_higher_cppcc_named_by_its_level_alone_is_a_cited_unit():
    county = [Unit(id=1, name="平江县政协", end=80, province="湖南省", city="岳阳市", county="平江县")]
    assert level_named_units("省政协副主席出席。省政协委员参加。市政协部署。", county) == []  # attending, or once
    found = level_named_units("县政协落实省政协部署，按照省政协要求，配合市政协调研，向市政协报告。", county)
    assert [(u.name, u.province, u.city, u.level) for u in found] == [
        ("湖南省政协", "湖南省", None, "province"), ("岳阳市政协", "湖南省", "岳阳市", "city")]
    district = [Unit(id=1, name="渝中区政协", end=80, province="重庆市", city="重庆市", county="渝中区")]
    found = level_named_units("区政协按照市政协要求开展工作，向市政协报告。", district)
    assert [(u.name, u.province, u.city, u.level) for u in found] == [("重庆市政协", "重庆市", None, "province")]


def test_ocr_damaged_place_is_matched_when_the_context_agrees():
    tail = "坚持协商于民，推动工作落实。" + FILLER
    found = units_of("秦皇岛市召开政协工作会议。\n卢尤县政协" + tail + "秦皇岛市委书记出席。")
    assert regions(found, cited=False) == [("卢龙县政协", "河北省", "秦皇岛市", "卢龙县")]
    found = units_of("岳阳市召开政协工作会议。\n卢尤县政协" + tail)
    assert [(u.name, u.province) for u in found if not u.cited] == [("卢尤县政协", None)]


def test_renamed_and_new_units_of_recent_years():
    gaz = Gazetteer.from_lexicon()
    assert gaz.attribute_unit("湟中区政协") == make_region("青海省", "西宁市", "湟中区")
    assert gaz.attribute_unit("湟中县政协") == make_region("青海省", "西宁市", "湟中区")  # former name
    assert gaz.attribute_unit("长泰区政协").county == "长泰区"
    assert gaz.attribute_unit("白杨市政协") == make_region("新疆维吾尔自治区", None, "白杨市")


def test_committee_paragraphs_report_as_committees_of_the_reporting_cppcc():
    text = ("平江县政协工作综述\n平江县政协坚持围绕中心、服务大局，" + FILLER + "\n"
            "提案委员会注重提高提案质量，组织委员围绕乡村振兴开展专题调研，形成调研报告并报送县委县政府参考。\n"
            "常务委员会听取了工作报告，认为各项工作扎实有效，要求各专委会进一步加强自身建设。\n")
    found = [(u.name, u.level, u.county) for u in units_of(text) if not u.cited]
    assert found == [("平江县政协", "county", "平江县"), ("平江县政协提案委员会", "committee", "平江县")]


def test_town_cppcc_bodies_are_committee_units():
    names = find_unit_names("近年来，平江县三市镇政协工委坚持协商议事。城关街道政协工作联络组召开会议。")
    assert [(n.name, n.level, n.generic) for n in names] == [
        ("平江县三市镇政协工委", "committee", False), ("城关街道政协工作联络组", "committee", False)]
    assert find_unit_names("各镇政协工委要加强自身建设，推动镇政协工委建设。") == []


def test_sector_paragraph_reports_as_a_committee_unit():
    text = ("平江县政协工作综述\n平江县政协坚持围绕中心、服务大局，" + FILLER + "\n"
            "农业界别积极开展界别协商，组织委员深入田间地头调研，形成高质量建议并报送县委县政府参考采纳。\n")
    found = [(u.name, u.level, u.county) for u in units_of(text) if not u.cited]
    assert found == [("平江县政协", "county", "平江县"), ("平江县政协农业界别", "committee", "平江县")]


def test_self_reference_counts_for_the_level_only_unit():
    text = "我县政协深化协商议政\n今年以来，我县政协在平江开展委员履职活动，县政协主席出席。爱平江、建平江成为共识。" + FILLER
    assert regions(units_of(text), cited=False) == [("平江县政协", "湖南省", "岳阳市", "平江县")]
