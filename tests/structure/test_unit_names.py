"""Tests of djtext.structure.unit_names: unit names, their levels, generic and owned names."""
from __future__ import annotations

from djtext.structure import find_unit_names


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


def test_committee_organ_with_a_short_modifier_is_a_committee_unit():
    names = find_unit_names("中共政协某某市委员会文史委学习党总支书记 张三")
    assert [(n.name, n.level) for n in names] == [("中共政协某某市委员会文史委学习党总支", "committee")]
    organ = find_unit_names("西湖区政协机关第一党支部坚持学习")
    assert [(n.name, n.level) for n in organ] == [("西湖区政协机关第一党支部", "committee")]
    # a committee word followed by a verb phrase is no organ: 探索专委会党支部 stays outside the name
    assert [n.name for n in find_unit_names("如西湖区政协探索专委会党支部开展活动")] == ["西湖区政协"]


def test_placeholder_unit_glued_to_a_title_keeps_only_the_placeholder():
    assert [n.name for n in find_unit_names("推动工作高质量发展X 县政协党组坚持")] == ["X县政协党组"]
    assert [n.name for n in find_unit_names("推动党建工作xx 市政协党组坚持")] == ["xx市政协党组"]
    assert [n.name for n in find_unit_names("一、基本情况市政协机关党支部于")] == ["市政协机关党支部"]


def test_practice_owner_prefix_is_no_unit():
    assert find_unit_names("创建“xx 政协大讲堂”“xx 政协智慧平台”") == []
    assert find_unit_names("开设西湖区政协书房。") == []
    assert [n.name for n in find_unit_names("西湖区政协坚持学习")] == ["西湖区政协"]
