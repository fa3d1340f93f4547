"""Tests of named-practice extraction (djtext.extract.practices)."""
from __future__ import annotations

import shared_paths as _shared
import difflib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.practices import CATEGORIES, extract_practices
from djtext.lexicon import load_lexicon

SHARED = _shared.SHARED
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "dev"


def names(sentence: str) -> list[str]:
    return [m.text for m in extract_practices(sentence)]


def pairs(sentence: str) -> set[tuple[str, str]]:
    return {(m.text, m.attrs["category"]) for m in extract_practices(sentence)}


# (sentence, (name, category) pairs expected among the results)
POSITIVE = [
    ("认真落实“三会一课”、党员谈心谈话等规章制度。", {("三会一课", "mechanism"), ("党员谈心谈话", "mechanism")}),
    ("构建“党组—分党组”和“党组—机关党委”双组织体系。", {("双组织体系", "org_form")}),
    ("严格落实“第一议题”制度。", {("第一议题制度", "mechanism")}),
    ("实施“支部铸魂工程”，带动全局。", {("支部铸魂工程", "project")}),
    ("实施“暖企”工程，聚焦招商引资。", {("暖企工程", "project")}),
    ("着力打造“海天渔歌”政协委员委员会客厅。", {("海天渔歌委员会客厅", "platform")}),
    ("以政协委员“山水相随”实践基地为载体。", {("山水相随实践基地", "platform")}),
    ("通过“你荐我读”读书活动带动读书。", {("你荐我读", "activity")}),
    ("开展“走进界别”活动，深入企业。", {("走进界别", "activity")}),
    ("构建“江海同心”聚识机制。", {("江海同心", "mechanism")}),
    ("开展“微议事”，建立“乡村振兴沙龙”“生态环保沙龙”两个专题群。",
     {("微议事", "activity"), ("乡村振兴沙龙", "platform"), ("生态环保沙龙", "platform")}),
    ("以“党建+履职”定向，积极推进党建+建言资政、党建+监督载体活动。",
     {("党建+履职", "mechanism"), ("党建+建言资政", "mechanism"), ("党建+监督", "mechanism")}),
    ("实施“红色铸魂、凝心固本、融合共进”三大行动。",
     {("红色铸魂", "activity"), ("凝心固本", "activity"), ("融合共进", "activity")}),
    ("聚力“渔村你好、委员报到”山区共富行动。", {("渔村你好、委员报到", "activity")}),
    ("强化委员工作室的政治学习，强化社情民意联系点的政治宣教。",
     {("委员工作室", "platform"), ("社情民意联系点", "platform")}),
    ("依托专委会组建6个功能型党支部。", {("功能型党支部", "org_form")}),
    ("建立市政协党组成员联系参加政协的民主党派制度和党员委员联系党外委员制度。",
     {("市政协党组成员联系参加政协的民主党派制度", "mechanism"), ("党员委员联系党外委员制度", "mechanism")}),
    ("健全完善了《政协某县委员会党组议事规则》《关于做好提案工作的建议》。",
     {("政协某县委员会党组议事规则", "mechanism")}),
    ("建立“三会一课”全程纪实机制。", {("三会一课全程纪实机制", "mechanism")}),
    ("持续开展“六个一”实践活动。", {("六个一", "activity")}),
    ("举办“闽海相约 山\n海情深”推介活动。", {("闽海相约 山海情深", "activity")}),
    ("不断健全完善党员委员民意接待点。", {("党员委员民意接待点", "platform")}),
]

NEGATIVE = [
    "全力打造“有您真好·同心筑梦”政协党建品牌。",
    "打造“红色晨读”“履职能力大课堂”“云上微课”等学习品牌。",
    "荣获“江西省先进基层党组织”称号。",
    "坚决做到“两个维护”，聚焦“两个全覆盖”，突出“一个理念”。",
    "深入实施两个“头号工程”“八项重点工程”和“六大行动”。",
    "在履职中当好“知心人”“和事佬”“参谋团”，打通“最后一厘米”。",
    "探索“情景式”“互动式”和“体验式”主题形式。",
    "推动舟山绿色石化基地建设，健全督导问责机制，完善工作机制。",
    "当作“重点工程”来推进。",
    "组织开展“两会”期间委员集中学习会。",
    "学习宣传“学习宣传贯彻党的二十大精神”。",
    "健全承诺践诺、述职评议、考核问责等制度。",
    "发挥“书山政协”读书品牌作用，持续推进“书山政协”建设。",  # a brand of this text, not a practice
]


# held-out review patterns (synthetic sentences): mechanism names beyond the keyword list, new
# generic heads, owners kept or dropped by one rule
PATTERNS = [
    ("完善党组、专委会分党组经常性研读制度，及时跟进。", {("专委会分党组经常性研读制度", "mechanism")}),
    ("严格执行重大事项及时请示汇报制度，定期汇报工作。", {("重大事项及时请示汇报制度", "mechanism")}),
    ("2022年印发了分党组议事规则、委员履职量化管理办法。",
     {("分党组议事规则", "mechanism"), ("委员履职量化管理办法", "mechanism")}),
    ("调研了民主协商实践中心和某区分中心。", {("民主协商实践中心", "platform")}),
    ("调研了某街道“聚力”协商议事先锋联盟等。", {("聚力协商议事先锋联盟", "platform")}),
    ("开展最美支部创建活动，深入开展一支部一亮点实践活动。",
     {("最美支部创建活动", "activity"), ("一支部一亮点实践活动", "activity")}),
    ("一是开展“党建+”专题履职活动。", {("党建+专题履职活动", "activity")}),
    ("抓实委员读书、委员讲堂、专题讲座等学习载体。", {("委员讲堂", "platform")}),
    ("结合年度“大党建”考核实施办法一并进行。", {("大党建考核实施办法", "mechanism")}),
    ("调研了东城社区委员工作室、北关街道委员之家。",
     {("委员工作室", "platform"), ("委员之家", "platform")}),  # the place goes to its own column
    ("调研了西岭街道、东和社区委员工作室。", {("委员工作室", "platform")}),
    ("依托社区协商驿站开展协商。", {("协商驿站", "platform")}),  # a generic 社区 is no owner
    ("运用“双交叉”交流机制，建立健全“三纳入”学习机制。", {("双交叉", "mechanism"), ("三纳入", "mechanism")}),
    ("发挥镇街协商驿站作用。", {("协商驿站", "platform")}),
    ("制定《某市政协党外委员谈心谈话制度（试行）》。", {("某市政协党外委员谈心谈话制度", "mechanism")}),
    ("组建8个党员委员履职联合党支部。", {("党员委员履职联合党支部", "org_form")}),
    ("开展“建设清风机关”主题活动。", {("清风机关", "activity")}),
    ("结合“守初心、担使命”主题教育，深入学习。", {("守初心、担使命主题教育", "activity")}),
    ("推行“周调度”“月讲评”和“季考核”，进行考核。", {("周调度、月讲评、季考核", "activity")}),
]

PATTERN_NEGATIVE = [
    ("形成了抓学习、抓制度、抓考核的“三抓”模式。", "三抓"),
    ("开展“联学、联建、联动”“三联”活动。", "三联"),
    ("认真落实“二级书记”抓党建责任清单，落实“三真”。", "二级书记"),
    ("坚持“请进来”“走出去”相结合的办法。", "请进来"),
    ("建立承办单位现场“督办”制度。", "督办制度"),
    ("积极开展共产党员示范岗创建活动。", "共产党员示范岗创建活动"),
    ("开展党建品牌创建活动。", "党建品牌创建活动"),
    ("健全跟踪问效机制，形成纪律建设长效机制。", "纪律建设长效机制"),
    ("完善学习制度机制，坚持人民政协这一制度。", "人民政协这一制度"),
    ("持续推进“三个甲乙、四个丙丁”建设，落实“四协调、四主办”工作责任。", "三个甲乙、四个丙丁"),
    ("创建“五位一体”履职平台。", "五位一体"),
]


@pytest.mark.parametrize("sentence,expected", PATTERNS)
def test_review_patterns(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


@pytest.mark.parametrize("sentence,absent", PATTERN_NEGATIVE)
def test_review_false_alarms(sentence: str, absent: str) -> None:
    assert absent not in names(sentence), names(sentence)


def test_owner_words_dropped_before_an_organisational_form() -> None:
    found = names("专委会党员委员履职联合党支部开展活动。")
    assert "党员委员履职联合党支部" in found and "专委会党员委员履职联合党支部" not in found


@pytest.mark.parametrize("sentence,expected", POSITIVE)
def test_finds_practices(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_ignores_brands_honours_formulations_and_generic_phrases(sentence: str) -> None:
    assert names(sentence) == []


def test_names_are_short_and_categories_known() -> None:
    sentence = "在5个镇街活动组工作室和4家界别活动组工作室的基础上，召开某县基层政协委员工作站建设现场推进会。"
    found = extract_practices(sentence)
    assert {m.text for m in found} == {"活动组工作室", "政协委员工作站"}
    assert all(m.attrs["category"] in CATEGORIES and m.table == "practices" for m in found)
    assert all(m.attrs["name"] == m.text for m in found)


def test_user_lexicon_adds_a_national_practice(tmp_path: Path) -> None:
    extra = tmp_path / "practices.csv"
    extra.write_text("# test lexicon\nname,category,note\n百姓说事会,platform,made up\n", encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    assert ("百姓说事会", "platform") in {
        (m.text, m.attrs["category"]) for m in extract_practices("依靠百姓说事会解决问题。", lexicon=lexicon)}
    assert "百姓说事会" not in names("依靠百姓说事会解决问题。")


def _normalised(text: str) -> str:
    return re.sub(r"[“”‘’'\"]", "", text)


ALPHABET = st.sampled_from(
    list("“”‘’、，。和的在建立开展实施落实等+第一三个")
    + ["委员", "会客厅", "工作室", "议事堂", "制度", "机制", "工程", "活动", "党建", "联系", "品牌", "《", "》", "功能型党支部"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_properties_on_random_text(text: str) -> None:
    for mention in extract_practices(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.attrs["category"] in CATEGORIES
        assert mention.text and "“" not in mention.text and "”" not in mention.text
        span = _normalised(text[mention.start:mention.end])
        assert span.endswith(_normalised(mention.text)[-1])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_fails_on_any_text(text: str) -> None:
    for mention in extract_practices(text):
        assert 0 <= mention.start < mention.end <= len(text)


# --- real corpus (by path; never copied into the project) -------------------------------

def _clean(path: Path) -> str:
    from djtext.clean import clean_text

    return clean_text(path.read_text(encoding="utf-8")).text


def _key(text: str) -> str:
    return re.sub(r"[\s·•・‧.．、，,“”\"'‘’「」『』《》]+", "", text)


@pytest.mark.skipif(not GOLD.is_dir() or not CORPUS.is_dir(), reason="shared corpus and gold not present")
@pytest.mark.parametrize("stem", ["000_2ce4701a36c633b8", "001_36ecd302ae565e2a"])
def test_real_corpus_dev_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    wanted = list(dict.fromkeys(_key(p["name"]) for p in gold["practices"]))
    predicted = list(dict.fromkeys(_key(m.text) for m in extract_practices(_clean(CORPUS / f"{stem}.txt"))))
    left, matched = list(predicted), 0
    for name in wanted:
        hit = next((p for p in left if difflib.SequenceMatcher(None, p, name).ratio() >= 0.8), None)
        if hit is not None:
            left.remove(hit)
            matched += 1
    precision, recall = matched / len(predicted), matched / len(wanted)
    assert precision >= 0.8 and recall >= 0.8, (precision, recall, left)


@pytest.mark.parametrize(
    "text, expected, unexpected",
    [
        ("在12个街道联络组工作室开展学习。", "联络组工作室", None),
        ("组织开展“两会”前夕委员集中学习会。", None, "两会"),
        ("落实“三会一课”、党员谈心谈话等组织生活制度。", "党员谈心谈话", None),
    ],
)
def test_generalised_from_invented_cases(text, expected, unexpected) -> None:
    names = [m.text for m in extract_practices(text)]
    if expected:
        assert expected in names
    if unexpected:
        assert unexpected not in names


# ---------------------------------------------------------------- issue 7: web-page patterns

WEB_PATTERNS = [
    ("开展“守护青山，共建家园”主题党日活动。", {("守护青山，共建家园", "activity")}),
    ("组织书画下乡、义诊下乡、兴林助林等系列活动。",
     {("书画下乡", "activity"), ("义诊下乡", "activity"), ("兴林助林", "activity")}),
    ("组织委员开展送图书、送戏曲、送农技系列活动。", {("送图书、送戏曲、送农技", "activity")}),
    ("综合运用全体会议协商、专题座谈协商、界别小组协商等形式。",
     {("全体会议协商", "activity"), ("专题座谈协商", "activity"), ("界别小组协商", "activity")}),
    ("统筹推进“清风同行”“山城议事”“指尖政协”工作。",
     {("清风同行", "activity"), ("山城议事", "activity"), ("指尖政协", "activity")}),
    ("主席会议成员带头践行片区工作法。", {("片区工作法", "mechanism")}),
    ("建立党外委员轮训协商机制，定期开展。", {("党外委员轮训协商机制", "mechanism")}),
    ("调研了区政协林木森委员工作室和区政协绿水长流委员工作室。",
     {("林木森委员工作室", "platform"), ("绿水长流委员工作室", "platform")}),
]


@pytest.mark.parametrize("sentence,expected", WEB_PATTERNS)
def test_web_page_patterns(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


def test_activity_lists_skip_clauses_of_doing():
    assert not {"听取工作汇报", "实地参观展览"} & set(names("考察组通过实地参观展览、听取工作汇报等活动了解情况。"))


def test_place_goes_to_its_own_column():
    found = {m.text: m.attrs for m in extract_practices("走访了南坪街道委员之家和青石村政协联络室。")}
    assert found["委员之家"]["place"] == "南坪街道"
    assert found["政协联络室"]["place"] == "青石村"


def test_scope_and_generic_flags():
    found = {m.text: m.attrs for m in extract_practices("严格落实“三会一课”制度，开展主题教育，创设“山水议事厅”。")}
    assert found["三会一课"]["scope"] == "national" and not found["三会一课"]["generic"]
    assert found["主题教育"]["scope"] == "national" and found["主题教育"]["generic"]
    assert found["山水议事厅"]["scope"] == "local" and not found["山水议事厅"]["generic"]
    types = {m.text: m.attrs for m in extract_practices("建成委员之家，设立协商驿站。")}
    assert types["委员之家"]["generic"] and types["协商驿站"]["generic"]


def test_unquoted_mode_as_a_clause_of_its_own():
    assert "乡亲+议事" in names("二是乡亲+议事。组织乡亲参与议事。")
    assert "乡亲+议事" not in names("推动乡亲+议事的做法走深走实。")


def test_named_groups_of_members():
    found = pairs("成立联络组党支部，组建专题调研组，设立界别活动室。")
    assert {("联络组党支部", "org_form"), ("专题调研组", "org_form"), ("界别活动室", "platform")} <= found


def test_generic_kind_after_a_named_activity_is_not_a_second_practice():
    found = names("开展“红色足迹”主题党日活动。")
    assert "红色足迹" in found and "主题党日" not in found
    assert "主题党日" in names("开展主题党日活动。")


def test_counted_duties_and_rules_are_practices():
    found = names("明确委员“五个带头”职责，制定“两联系”工作办法。")
    assert {"五个带头", "两联系"} <= set(found)


ROUND_ONE_MORE = [
    ("全面实施“三联工程”，带动全域。", {("三联工程", "project")}),
    ("举办了《不朽的足迹——老区建设成就图片展》。", {("不朽的足迹——老区建设成就图片展", "activity")}),
    ("两县政协签订《联动履职框架协议》。", {("联动履职框架协议", "mechanism")}),
    ("全年组织书画下乡、义诊下乡等委员履职“暖心”活动。", {("书画下乡", "activity"), ("义诊下乡", "activity")}),
    ("走访了河东区政协青松岭委员工作室。", {("青松岭委员工作室", "platform")}),
    ("举办青年委员履职服务周活动。", {("青年委员履职服务周", "activity")}),
    ("升级智慧政协履职系统。", {("智慧政协履职系统", "platform")}),
]


@pytest.mark.parametrize("sentence,expected", ROUND_ONE_MORE)
def test_more_web_page_patterns(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


def test_a_national_construction_inside_a_longer_name_is_not_listed_again():
    assert "智慧政协" not in names("升级智慧政协履职系统。")


ROUND_TWO = [
    ("对照“四有”（有场所、有队伍、有台账）标准建设小组。", {("四有", "mechanism")}),
    ("组织开展“小组聚人心、委员当先锋”等活动。", {("小组聚人心、委员当先锋", "activity")}),
    ("学习了《关于推进青山县政协委员之家建设的实施意见》。",
     {("关于推进青山县政协委员之家建设的实施意见", "mechanism")}),
    ("印发《县政协党组关于加强机关作风建设的意见》。", {("县政协党组关于加强机关作风建设的意见", "mechanism")}),
    ("落实《县政协机关党建工作规划（2025—2029）》。", {("县政协机关党建工作规划（2025—2029）", "mechanism")}),
    ("全年围绕民生议题组织双月协商，探索协商式监督。", {("双月协商", "activity"), ("协商式监督", "activity")}),
    ("召开“聚委员智慧、谋乡村新篇”界别座谈会。", {("聚委员智慧、谋乡村新篇", "activity")}),
]


@pytest.mark.parametrize("sentence,expected", ROUND_TWO)
def test_round_two_patterns(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


ROUND_TWO_NEGATIVE = [
    ("学习《关于加强和改进新时代市县政协工作的意见》。", "关于加强和改进新时代市县政协工作的意见"),
    ("学习《中共某市委关于加强政协工作的实施意见》。", "中共某市委关于加强政协工作的实施意见"),
    ("开展庆祝“建县70周年”系列活动。", "建县70周年"),
    ("通过集中学习、专题报告等活动推动落实。", "专题报告"),
    ("抓好协商议事室建设。", "抓好协商议事室"),
]


@pytest.mark.parametrize("sentence,absent", ROUND_TWO_NEGATIVE)
def test_round_two_false_alarms(sentence: str, absent: str) -> None:
    assert absent not in names(sentence), names(sentence)


# round three (invented sentences): word-safe boundaries, digit runs with their system word,
# level structures, series of parallel quoted names
ROUND_THREE = [
    ("以县政协新时代协商民主实践中心为依托。", {("新时代协商民主实践中心", "platform")}),
    ("青河县政协李明远委员履职工作室获评优秀。", {("李明远委员履职工作室", "platform")}),
    ("被授予同心协作乡村振兴实践基地。", {("乡村振兴实践基地", "platform")}),
    ("建立“1+3+5”协商体系，即每年召开1次全会。", {("1+3+5协商体系", "mechanism")}),
    ("实行“2+2+N”联系机制，即2名常委联系2名委员。", {("2+2+N联系机制", "mechanism")}),
    ("完善“1+2+N”协商工作格局，聚焦发展。", {("1+2+N协商工作格局", "mechanism")}),
    ("建立健全了三级党组织体系，实现全覆盖。", {("三级党组织体系", "mechanism")}),
    ("县政协“四级协商平台”又添新阵地。", {("四级协商平台", "platform")}),
    ("开展“百人百场宣讲”、推广技术“百人百村助农”、关爱群体“百人百家关爱”。",
     {("百人百场宣讲", "mechanism"), ("百人百村助农", "mechanism"), ("百人百家关爱", "mechanism")}),
    ("开展“一村一品”、帮扶企业“一企一策”。", {("一村一品", "mechanism"), ("一企一策", "mechanism")}),
    ("委员宣传理论“千人千场宣讲”、推广技术“千人千户助农”、关注老人“千人千家关爱”。",
     {("千人千场宣讲", "activity"), ("千人千户助农", "activity"), ("千人千家关爱", "activity")}),
    ("县政协以“两会合一”模式召开委员会议。", {("两会合一", "mechanism")}),
    ("不断深化“双轮驱动”工作模式。", {("双轮驱动", "mechanism")}),
    ("深入推进“一委员一品牌”建设。", {("一委员一品牌", "mechanism")}),
    ("建立“一体两化”党建模式。", {("一体两化", "mechanism")}),
    ("小组做到“五有”“三上墙”。", {("五有", "mechanism"), ("三上墙", "mechanism")}),
    ("推深做实“两联衔接”，让协商更有效。", {("两联衔接", "mechanism")}),
    ("在委员中组建3个功能型党小组。", {("功能型党小组", "org_form")}),
    ("建立党员委员“二对一”联系党外委员制度。", {("党员委员二对一联系党外委员制度", "mechanism")}),
    ("参观了青河高新园区政协委员工作站。", {("政协委员工作站", "platform")}),
    ("察看“智慧政协”履职平台运行情况。", {("智慧政协", "project")}),
    ("创新实施重点议题主席领办等机制，推动落实。", {("重点议题主席领办", "mechanism")}),
    ("以委员助企行动为抓手，笃行实干。", {("委员助企行动", "activity")}),
    ("该站被命名为“青河议事堂”。", {("青河议事堂", "platform")}),
    ("走访社区，成立了政协街道工作组。", {("政协街道工作组", "org_form")}),
    ("与区住建局联合组成专题调研组，深入调研。", {("专题调研组", "org_form")}),
    ("市政协创建“青河好商量，议事为群众”协商平台。", {("青河好商量，议事为群众", "platform")}),
    ("制定机关党员干部“八小时外”监督管理规定。", {("八小时外监督管理规定", "mechanism")}),
    ("市政协优化重点议题遴选生成机制，提升质量。", {("重点议题遴选生成机制", "mechanism")}),
    ("了解了“多商量”平台、“书香政协·青河书吧”等特色做法。", {("书香政协·青河书吧", "mechanism")}),
    ("以“轻骑兵”的形式深入基层。", {("轻骑兵", "activity")}),
    ("做优“委员讲堂”、做实“村口协商”，凝聚共识。", {("委员讲堂", "platform"), ("村口协商", "activity")}),
    ("深入开展“送书下乡、送医入户、送戏进村”活动。", {("送书下乡、送医入户、送戏进村", "activity")}),
    ("县政协建成了智慧政协移动履职信息系统。", {("智慧政协移动履职信息系统", "platform")}),
    ("推进政协三级联络体系建设等工作。", {("三级联络体系", "mechanism")}),
]


@pytest.mark.parametrize("sentence,expected", ROUND_THREE)
def test_round_three_patterns(sentence: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(sentence)
    assert expected <= found, found


ROUND_THREE_NEGATIVE = [
    ("被授予同心协作乡村振兴实践基地。", "村振兴实践基地"),
    ("以县政协新时代协商民主实践中心为依托。", "时代协商民主实践中心"),
    ("开展“红色之旅”，切实做到“两个维护”。", "两个维护"),  # not a sibling: no shared numerals
    ("开展“百人百场宣讲”。会上提出“百人百问答疑”。", "百人百问答疑"),  # another sentence
    ("坚持“1+3”，推动落实。", "1+3"),
    ("做到“两个维护”“两个确立”“两个务必”。", "两个确立"),  # counts of things, and national
    ("形成了抓学习、抓制度、抓考核的“三抓”模式。", "三抓"),  # the count labels the list before it
    ("认真落实“二级书记”抓党建责任清单。", "二级书记"),  # a rank, not a set
    ("以“书香政协”助推“书香社区”“书香校园”建设。", "书香社区"),  # another body's campaign
    ("积极组织开展各项调研、协商、监督等履职活动。", "各项调研"),
    ("持续深化“两个攻坚年”和“三个提质年”行动。", "两个攻坚年"),  # counted goals
    ("今年是“五个新青河”建设决胜之年。", "五个新青河"),
    ("建好驿站等县、乡、村三级政协工作体系。", "三级政协工作体系"),  # a coverage spelled out
    ("各县政协高度重视委员工作室建设。", "高度重视委员工作室"),
    ("察看“智慧政协”履职平台运行情况。", "智慧政协履职平台"),  # the platform is the kind of a national practice
    ("建立例会、学习、研讨等制度。", "研讨"),  # a list before 等制度, not one example
    ("以城乡更新和产业升级为抓手。", "城乡更新和产业升级"),
    ("以青河议事基地建设为抓手。", "青河议事基地建设"),
    ("为“幸福青河”建设注入政协动能。", "幸福青河"),  # a goal the unit serves
    ("围绕建设“平安青河”开展座谈。", "平安青河"),
    ("制定了较为规范的协商工作制度和工作流程。", "较为规范的协商工作制度"),
    ("以创新工作机制为抓手，推进工作。", "创新工作机制"),
    ("争做“守纪律、讲规矩、重品行”的行动表率。", "守纪律、讲规矩、重品行"),
    ("积极探索委员联系界别群众的途径办法。", "委员联系界别群众的途径办法"),
]


@pytest.mark.parametrize("sentence,absent", ROUND_THREE_NEGATIVE)
def test_round_three_false_alarms(sentence: str, absent: str) -> None:
    assert absent not in names(sentence), names(sentence)
