"""Brand families found from the data."""
from __future__ import annotations


from djtext.analysis.families import brand_families, brand_parts, family_cores
from test_analysis_fixtures import make_tables


def test_parts_split_at_brand_separators():
    assert brand_parts("“红心向党·忠诚履职”") == {"红心向党", "忠诚履职"}
    assert brand_parts("海岛先锋 红心向党") == {"海岛先锋", "红心向党"}
    assert brand_parts("党建+协商", "党建 | 协商") == {"党建", "协商"}


def test_shared_core_groups_brands_across_regions():
    families, members = brand_families(make_tables(), "province")
    top = families.iloc[0]
    assert top["family"] == "红心向党"
    assert top["n_brands"] == 3 and top["n_regions"] == 2
    assert top["regions"] == "宁夏回族自治区 | 浙江省"
    assert set(members.loc[members["family"] == "红心向党", "unit"]) == {"甲区政协", "乙县政协", "丙市政协"}
    # brands sharing nothing form no family
    assert "冰城同心" not in " ".join(families["brands"])


def test_long_shared_runs_without_separators_form_a_family():
    cores = family_cores({"先锋港湾驿站": set(), "渔村先锋港湾": set(), "其他品牌": set()})
    assert cores == {"先锋港湾": frozenset({"先锋港湾驿站", "渔村先锋港湾"})}


def test_cores_with_the_same_members_keep_the_longest():
    parts = {name: brand_parts(name) for name in ("同舟共济·甲", "乙·同舟共济", "同舟共济行")}
    cores = family_cores(parts)
    assert "同舟共济" in cores and "同舟共" not in cores and "舟共济" not in cores


def test_no_brands_give_empty_frames():
    tables = make_tables()
    tables["brands"] = tables["brands"].iloc[0:0]
    families, members = brand_families(tables)
    assert families.empty and members.empty and "family" in families.columns


def test_a_short_core_at_different_positions_forms_a_family():
    # invented brands sharing a two-character core before and after a place word, with and without ·
    names = ("同心·海韵", "山城同心", "河畔同心", "古渡同心·协商为民", "晨光书院")
    cores = family_cores({name: brand_parts(name) for name in names})
    assert cores["同心"] == frozenset({"同心·海韵", "山城同心", "河畔同心", "古渡同心·协商为民"})
    assert not any("晨光书院" in members for members in cores.values())


def test_generic_words_are_never_short_cores():
    cores = family_cores({"特色渔村": set(), "特色山乡": set()})
    assert "特色" not in cores


def test_members_carry_unit_and_city():
    _, members = brand_families(make_tables(), "province")
    row = members[members["brand"] == "红心向党+凝聚共识"].iloc[0]
    assert (row["unit"], row["city"]) == ("丙市政协", "银川市")
