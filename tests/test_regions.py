"""Tests of the region gazetteer (regions.csv) and region attribution (djtext.regions)."""
from __future__ import annotations

import shared_paths as _shared
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.lexicon import LexiconError, load_lexicon
from djtext.regions import Gazetteer, PlaceHit, Region, common_region, document_region, make_region

CORPUS = _shared.CORPUS
GOLD_DEV = _shared.GOLD_DEV
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus folder {CORPUS} is absent")
needs_gold = pytest.mark.skipif(not GOLD_DEV.is_dir(), reason=f"gold folder {GOLD_DEV} is absent")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_lexicon()


def parts(region: Region | None) -> tuple | None:
    return None if region is None else (region.province, region.city, region.county)


def corpus_text(prefix: str) -> str:
    return next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# -- the data file ---------------------------------------------------------------------------

def test_gazetteer_rows_cover_all_levels_with_safe_shorts():
    rows = load_lexicon().rows("regions")
    counts = {lv: sum(r["level"] == lv for r in rows) for lv in ("province", "city", "county")}
    assert counts["province"] == 34 and counts["city"] >= 330 and counts["county"] >= 2800
    shorts = [s for r in rows for s in r["short"].split("|") if s]
    assert shorts and all(len(s) >= 2 for s in shorts)
    assert not {"城区", "新区", "郊区", "矿区", "市中", "经开区"} & set(shorts)
    names = {(r["level"], r["name"]) for r in rows}
    for r in rows:                             # every parent is itself a row
        if r["level"] != "province":
            assert ("province", r["province"]) in names
        if r["level"] == "county" and r["city"] and r["city"] != r["province"]:
            assert ("city", r["city"]) in names


def test_bad_row_gives_clear_error():
    with pytest.raises(LexiconError, match="regions.csv: row 1"):
        Gazetteer([{"code": "1", "level": "town", "name": "某镇", "short": "", "province": "", "city": ""}])


# -- short forms, full names, levels ---------------------------------------------------------

@pytest.mark.parametrize("surface, expected", [
    ("宁夏", ("宁夏回族自治区", None, None)),
    ("宁夏回族自治区", ("宁夏回族自治区", None, None)),
    ("杭州", ("浙江省", "杭州市", None)),
    ("杭州市", ("浙江省", "杭州市", None)),
    ("定海", ("浙江省", "舟山市", "定海区")),
    ("定海区", ("浙江省", "舟山市", "定海区")),
    ("道外区", ("黑龙江省", "哈尔滨市", "道外区")),
    ("石嘴山市", ("宁夏回族自治区", "石嘴山市", None)),
])
def test_short_and_full_names_resolve(gaz, surface, expected):
    assert parts(gaz.resolve(surface)) == expected


@pytest.mark.parametrize("surface, expected, level", [
    ("延边朝鲜族自治州", ("吉林省", "延边朝鲜族自治州", None), "city"),
    ("延边", ("吉林省", "延边朝鲜族自治州", None), "city"),
    ("锡林郭勒盟", ("内蒙古自治区", "锡林郭勒盟", None), "city"),
    ("阿克苏地区", ("新疆维吾尔自治区", "阿克苏地区", None), "city"),
    ("广西壮族自治区", ("广西壮族自治区", None, None), "province"),
    ("木垒哈萨克自治县", ("新疆维吾尔自治区", "昌吉回族自治州", "木垒哈萨克自治县"), "county"),
    ("仙桃市", ("湖北省", None, "仙桃市"), "county"),          # directly under the province
])
def test_autonomous_and_special_levels(gaz, surface, expected, level):
    region = gaz.resolve(surface)
    assert parts(region) == expected and region.level == level


def test_municipalities_are_province_and_city(gaz):
    beijing = gaz.resolve("北京市")
    assert parts(beijing) == ("北京市", "北京市", None) and beijing.level == "province"
    assert parts(gaz.resolve("北京")) == ("北京市", "北京市", None)
    haidian = gaz.resolve("海淀区")
    assert parts(haidian) == ("北京市", "北京市", "海淀区") and haidian.level == "county"
    assert parts(gaz.attribute_unit("重庆市政协")) == ("重庆市", "重庆市", None)


# -- ambiguity: resolved from context, unresolved without ------------------------------------

def test_putuo_needs_context(gaz):
    assert gaz.resolve("普陀区") is None
    assert parts(gaz.resolve("普陀区", gaz.find_places("定海区、岱山县和嵊泗县"))) == ("浙江省", "舟山市", "普陀区")
    assert parts(gaz.resolve("普陀区", gaz.find_places("舟山市政协"))) == ("浙江省", "舟山市", "普陀区")
    assert parts(gaz.resolve("普陀区", gaz.find_places("上海市政协、静安区政协"))) == ("上海市", "上海市", "普陀区")


def test_gulou_in_four_cities(gaz):
    assert len(gaz.candidates("鼓楼区")) == 4
    assert gaz.resolve("鼓楼区") is None
    assert parts(gaz.resolve("鼓楼区", gaz.find_places("福州市台江区"))) == ("福建省", "福州市", "鼓楼区")
    assert parts(gaz.resolve("鼓楼区", gaz.find_places("南京市政协"))) == ("江苏省", "南京市", "鼓楼区")
    assert parts(gaz.resolve("鼓楼区", gaz.find_places("开封市龙亭区"))) == ("河南省", "开封市", "鼓楼区")


def test_chaoyang_and_jilin(gaz):
    assert gaz.resolve("朝阳区") is None
    assert parts(gaz.resolve("朝阳区", gaz.find_places("长春市委"))) == ("吉林省", "长春市", "朝阳区")
    assert parts(gaz.resolve("朝阳区", gaz.find_places("海淀区、丰台区"))) == ("北京市", "北京市", "朝阳区")
    # 吉林 is the province or the city in it: without context only the province is known
    assert parts(gaz.resolve("吉林")) == ("吉林省", None, None)
    assert parts(gaz.resolve("吉林", gaz.find_places("船营区和丰满区"))) == ("吉林省", "吉林市", None)


def test_ambiguous_context_does_not_decide_alone(gaz):
    # 普陀 mentioned again (same ambiguity) is no evidence for either city
    assert gaz.resolve("普陀区", gaz.find_places("普陀区政协、普陀")) is None
    # an even split between the candidates' cities stays unresolved
    assert gaz.resolve("普陀区", gaz.find_places("舟山市和上海市")) is None


def test_common_region_keeps_shared_parts():
    a = make_region("浙江省", "舟山市", "普陀区")
    b = make_region("浙江省", "舟山市", "定海区")
    c = make_region("浙江省", "杭州市", "上城区")
    assert parts(common_region([a, b])) == ("浙江省", "舟山市", None)
    assert parts(common_region([a, c])) == ("浙江省", None, None)
    assert common_region([a, make_region("上海市", "上海市", "普陀区")]) is None


# -- finding places and avoiding false hits --------------------------------------------------

@pytest.mark.parametrize("text", [
    "他穿着中山装走在长安街上。",
    "坚持走和平发展道路，扩大对外开放。",
    "东方红，太阳升；永安无事。",
    "新城建设和城区改造。",
    "画出最大同心圆，同心同德。",
    "落实党的政治纪律和政治规矩，党委会同政府。",
    "加强和改进新时代县政协工作。",
    "纪念孙中山先生。",
])
def test_no_false_hits_in_ordinary_words(gaz, text):
    assert gaz.find_places(text) == []


@pytest.mark.parametrize("text, surface", [
    ("和平区委召开会议", "和平区"),
    ("东方市委统战部", "东方市"),
    ("中山市政协", "中山市"),
    ("定海政协组织委员", "定海"),
    ("濮阳、商丘等市政协", "濮阳"),
    ("天津和平召开", "和平"),                 # common word right after its parent place
    ("推广南宁市政协做法", "南宁市"),          # the longer full name beats a short form before it
])
def test_hits_with_evidence(gaz, text, surface):
    assert surface in [h.surface for h in gaz.find_places(text)]


def test_county_short_needs_document_confirmation(gaz):
    assert [h.surface for h in gaz.find_places("建德的经验")] == []
    hits = gaz.find_places("杭州市桐庐县与建德的经验")
    assert [h.surface for h in hits] == ["杭州市", "桐庐县", "建德"]
    assert parts(hits[-1].candidates[0]) == ("浙江省", "杭州市", "建德市")


def test_parent_right_before_narrows_candidates(gaz):
    hits = gaz.find_places("上海市普陀区政协")
    assert [parts(r) for r in hits[1].candidates] == [("上海市", "上海市", "普陀区")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["杭州", "市", "和平", "区委", "中山装", "普陀", "、", "政协", "的", "舟山",
                                 "吉林", "开放", "x", " ", "鼓楼区", "同心同德"]), max_size=30))
def test_hits_are_ordered_disjoint_substrings(gaz, pieces):
    text = "".join(pieces)
    hits = gaz.find_places(text)
    for hit in hits:
        assert text[hit.start:hit.end] == hit.surface and hit.candidates
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))


# -- unit attribution ------------------------------------------------------------------------

def test_attribute_units_from_their_names(gaz):
    assert parts(gaz.attribute_unit("定海区政协")) == ("浙江省", "舟山市", "定海区")
    assert parts(gaz.attribute_unit("石嘴山市政协党组")) == ("宁夏回族自治区", "石嘴山市", None)
    assert parts(gaz.attribute_unit("中共政协香坊区委员会党组", "哈尔滨市政协系统")) == (
        "黑龙江省", "哈尔滨市", "香坊区")
    assert parts(gaz.attribute_unit("舟山市普陀区政协")) == ("浙江省", "舟山市", "普陀区")
    assert parts(gaz.attribute_unit("和县政协")) == ("安徽省", "马鞍山市", "和县")   # 2-char name
    assert parts(gaz.attribute_unit("中共政协盂县委员会党组")) == ("山西省", "阳泉市", "盂县")
    assert parts(gaz.attribute_unit("宁夏政协")) == ("宁夏回族自治区", None, None)


def test_document_region_goes_as_deep_as_is_clear(gaz):
    county_doc = "舟山市定海区政协党组召开会议。定海区政协委员……定海区政协机关……定海政协"
    assert parts(gaz.document_region(county_doc)) == ("浙江省", "舟山市", "定海区")
    city_doc = "杭州市政协：上城区、拱墅区、西湖区、滨江区、萧山区政协交流"
    assert parts(gaz.document_region(city_doc)) == ("浙江省", "杭州市", None)
    beijing = "北京市西城区政协：西城区政协党组……西城区"
    assert parts(gaz.document_region(beijing)) == ("北京市", "北京市", "西城区")
    assert parts(gaz.document_region("没有地名的文本。")) == (None, None, None)
    assert parts(gaz.document_region("浙江省政协和江苏省政协")) == (None, None, None)


def test_attribute_units_from_the_document(gaz):
    ningxia = "宁夏各市县政协：银川市、石嘴山市、吴忠市、固原市、中卫市政协党组书记参加。宁夏回族自治区政协"
    assert parts(gaz.attribute_unit("自治区政协社会和法制委员会分党组", ningxia)) == ("宁夏回族自治区", None, None)
    assert parts(gaz.attribute_unit("自治区政协社会和法制委员会分党组", "浙江省杭州市")) == (None, None, None)
    harbin = "哈尔滨市政协召开会议，道外区、道里区、通河县政协交流。哈尔滨市"
    assert parts(gaz.attribute_unit("市工商联党组", harbin)) == ("黑龙江省", "哈尔滨市", None)
    assert parts(gaz.attribute_unit("普陀区政协", "舟山市定海区、岱山县")) == ("浙江省", "舟山市", "普陀区")
    assert parts(gaz.attribute_unit("普陀区政协")) == (None, None, None)
    assert parts(gaz.attribute_unit("鼓楼区政协", "福州市仓山区、台江区")) == ("福建省", "福州市", "鼓楼区")
    fallback = make_region("浙江省", "杭州市")
    assert parts(gaz.attribute_unit("市政协机关党委", default=fallback)) == ("浙江省", "杭州市", None)
    assert parts(gaz.attribute_unit("政协党组", default=fallback)) == ("浙江省", "杭州市", None)
    assert parts(gaz.attribute_unit("省政协", default=fallback)) == ("浙江省", None, None)
    assert parts(gaz.attribute_unit("全国政协", default=fallback)) == (None, None, None)
    assert parts(gaz.attribute_unit("县政协", default=fallback)) == ("浙江省", "杭州市", None)


@pytest.mark.parametrize("name", ["X县政协", "xx市政协党组", "*政协", "某县政协"])
def test_anonymised_units_have_no_region(gaz, name):
    assert parts(gaz.attribute_unit(name, "舟山市定海区政协")) == (None, None, None)


# -- the real corpus -------------------------------------------------------------------------

@needs_corpus
@pytest.mark.parametrize("prefix, expected", [
    ("000", ("浙江省", "舟山市")),
    ("001", ("黑龙江省", "哈尔滨市")),
    ("003", ("宁夏回族自治区", None)),
    ("004", ("浙江省", "杭州市")),
])
def test_document_region_of_corpus(gaz, prefix, expected):
    region = document_region(corpus_text(prefix), gaz)
    assert (region.province, region.city) == expected


@needs_corpus
def test_compilation_document_does_not_crash(gaz):
    region = gaz.document_region(corpus_text("002"))
    assert isinstance(region, Region) and region.county is None
    assert all(isinstance(h, PlaceHit) for h in gaz.document_places(corpus_text("002")))


@needs_corpus
@needs_gold
def test_gold_dev_units_get_their_regions(gaz):
    checked = 0
    for path in sorted(GOLD_DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / gold["doc"]).read_text(encoding="utf-8")
        for unit in gold["units"]:
            if not any(unit.get(k) for k in ("province", "city", "county")):
                continue
            got = gaz.attribute_unit(unit["unit"], text)
            assert parts(got) == (unit["province"], unit["city"], unit["county"]), unit["unit"]
            checked += 1
    assert checked >= 10


def test_pickle_round_trip(gaz):
    clone = pickle.loads(pickle.dumps(gaz))
    assert parts(clone.resolve("定海")) == ("浙江省", "舟山市", "定海区")
    assert [h.surface for h in clone.find_places("杭州市政协")] == ["杭州市"]


def test_default_gazetteer_is_cached():
    assert Gazetteer.from_lexicon() is Gazetteer.from_lexicon()


def test_user_lexicon_adds_places(tmp_path):
    extra = tmp_path / "regions.csv"
    extra.write_text("# a user's extra place\ncode,level,name,short,province,city\n"
                     "999999,county,测试新区,测新,浙江省,舟山市\n", encoding="utf-8")
    gaz = Gazetteer.from_lexicon(load_lexicon([str(extra)]))
    assert parts(gaz.attribute_unit("测试新区政协")) == ("浙江省", "舟山市", "测试新区")
    assert gaz is Gazetteer.from_lexicon(load_lexicon([str(extra)]))


# -- the build script ------------------------------------------------------------------------

def _build_script():
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_regions.py"
    spec = importlib.util.spec_from_file_location("build_regions", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_regions", module)   # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_build_script_parses_the_source_layout():
    source = "\n".join([
        "北京市\t110000\t北京", "\t北京市\t110000\t北京", "\t\t朝阳区\t110105\t朝阳", "\t\t\t某街道",
        "湖北省\t420000\t湖北", "\t武汉市\t420100\t武汉", "\t\t江岸区\t420102\t江岸",
        "\t\t武汉经济技术开发区\t420171\t经开区",
        "\t省直辖行政区划\t429000\t省直辖", "\t\t仙桃市\t429004\t仙桃",
        "山西省\t140000\t山西", "\t阳泉市\t140300\t阳泉", "\t\t城区\t140302\t城区", "\t\t盂县\t140322\t盂县",
        "吉林省\t220000\t吉林", "\t吉林市\t220200\t吉林市",
        "台湾省\t710000\t台湾", "\t台北市\t710100\t台北",
    ])
    rows = {(r.level, r.name): r for r in _build_script().parse_rows(source)}
    assert set(rows) == {("province", "北京市"), ("county", "朝阳区"), ("province", "湖北省"), ("city", "武汉市"),
                         ("county", "江岸区"), ("county", "仙桃市"), ("province", "山西省"), ("city", "阳泉市"),
                         ("county", "城区"), ("county", "盂县"), ("province", "吉林省"), ("city", "吉林市"),
                         ("province", "台湾省")}
    assert (rows["county", "朝阳区"].province, rows["county", "朝阳区"].city) == ("北京市", "北京市")
    assert (rows["county", "仙桃市"].province, rows["county", "仙桃市"].city) == ("湖北省", "")
    assert rows["county", "城区"].shorts == [] and rows["county", "盂县"].shorts == []
    assert rows["city", "吉林市"].shorts == ["吉林"] and rows["county", "江岸区"].shorts == ["江岸"]
