"""Named practices: platforms, mechanisms, activities, projects and organisational forms.

Works on the clean text (full-width punctuation, “ ” quotes, one paragraph per line) and finds
one :class:`~djtext.models.Mention` per occurrence, with ``name`` (short canonical name) and
``category`` (platform, mechanism, activity, project, org_form), from these sources:

* ``lexicon``: national practices of ``practices.csv`` (三会一课, 主题党日, 第一议题制度 ...),
  matched with quotation marks ignored (“第一议题”制度 -> 第一议题制度);
* ``quote``: quoted names, alone or in a chain (“A”“B”、“C”), that the text presents as a
  practice: the name ends in a head (“民生议事堂”), a head follows and joins it (“暖企”工程 ->
  暖企工程), a follower word says what it is (“晨读”系列活动, “澜湾同心”聚识机制), or a practice
  verb introduces it (开展“微协商”). A quoted enumeration summed up by its count is split
  (“A、B、C、D、E”五大行动 -> five activities). Brand names (…品牌), titles (…称号) and
  numeric formulations without a practice cue are left alone;
* ``title``: book-title-marked rules and systems (《…议事规则》, 《…制度》, 《…责任清单》), not
  national documents (《中共中央…》) nor proposals (《关于…》);
* ``system_list``: items of a list of systems after a founding verb that holds a known practice
  (严格落实“三会一课”、党员谈心谈话等规章制度 -> 党员谈心谈话);
* ``org_summary``: a numeral summary of quoted organisation chains (…”双组织体系);
* ``party_plus``: unquoted 党建+X (党建+建言资政、党建+监督载体活动 -> 党建+建言资政, 党建+监督);
* ``head``: unquoted compact noun phrases ending in a head (委员工作室, 社情民意联系点,
  功能型党支部), whose left edge is a verb, preposition, counter or punctuation; …工程,
  …创建活动, …实践活动 only after a practice verb (开展最强支部创建活动; not 先锋岗创建活动,
  whose practice is the inner 先锋岗); …制度/…机制/…办法/…规则/…规程/…清单 only as the
  object of a founding verb (建立党员委员联系党外委员制度): with a keyword of the head's
  ``requires`` column, or as any compact noun phrase of at least six characters before the head
  and at most 20 in all, without 的/等/和/及/与 (完善专委会分党组经常性学习制度).

Names are canonical: quotes dropped, leading generic place and level words stripped
(镇街活动组工作室 -> 活动组工作室, 社区协商驿站 -> 协商驿站, 澜湾县基层… -> 基层…) but named
communities and streets kept (东城社区委员工作室, 南山街道委员之家: the owner is part of the
name), owner words (专委会, 机关, 政协) dropped before an organisational form while its
descriptor stays (专委会党员委员履职联合党支部 -> 党员委员履职联合党支部), leading verbs dropped
from a quoted name (“建设清风机关” -> 清风机关), owner words between a quoted name and its
head dropped; a mechanism keeps its full name (a title's (试行) note dropped), and a national
practice inside a longer name found here is not listed again. Quoted numeric formulations are
practices only with a practice cue (a head or follower such as 工作机制, 平台, 实践活动, or
选树/采取/开展/推行 before them), not when they label a list just given (抓甲、抓乙的“二抓”模式;
“联甲、联乙”“二联”活动). A chain of short parallel quoted items (“月甲”“季乙”“年丙”) is one
practice, joined by 、, like an unquoted set (周甲、月乙、季丙). A hard wrap the cleaner
left inside quotes is tolerated. The vocabularies are data files: ``practices.csv``,
``practice_heads.csv`` (with ``practice_group_heads.csv``), ``practice_followers.csv``, ``practice_verbs.csv``,
``practice_stopwords.txt``, ``practice_qualifiers.txt``. Name boundaries live in
:mod:`djtext.extract.practice_names`; names found by their shape or frame (level structures,
series of parallel quoted names, 等机制, 以X为抓手) in :mod:`djtext.extract.practice_series`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import ahocorasick

from djtext.extract.practice_names import FUNCTION_CHARS, HAN, HAN_CLASS, LEVEL_PREFIX, owner_start
from djtext.extract.practice_names import bare_start as _bare_start
from djtext.extract.practice_names import canonical_start as _canonical_start
from djtext.extract.practice_names import clause_before as _clause_before
from djtext.extract.practice_names import clause_start as _clause_start
from djtext.extract.practice_names import has_verb as _has_verb
from djtext.extract.practice_names import named_place_start as _named_place_start
from djtext.extract.practice_series import framed_tools, level_structures, series_siblings, single_examples
from djtext.extract.formulations import NUMERALS, FormulationVocabulary, formulation_vocabulary, is_formulation
from djtext.lexicon import Lexicon, derived
from djtext.models import Mention
from djtext.text import longest_first

TABLE = "practices"
CATEGORIES = ("platform", "mechanism", "activity", "project", "org_form")
QUOTED = re.compile(r"[“”]([^“”\n]{0,29}\n?[^“”\n]{1,30})”")
CHAIN_JOIN = re.compile(r"(?:[、]|和|与|及|以及)?")
TITLE = re.compile(r"《([^《》\n]{4,40})》")
# titles issued by national bodies are documents a unit implements, not its own practice
NATIONAL_ISSUERS = ("中共中央", "中央", "国务院", "中国共产党", "全国政协", "中国人民政治协商会议")
TITLE_HEADS = ("制度", "规则", "清单", "办法", "规程", "细则", "机制", "公约", "守则", "规定", "协议")
PLAN_TITLE_HEADS = ("意见", "实施意见", "规划", "实施方案", "工作方案", "方案")  # 《…党组关于…的意见》
NOT_OWN_TITLES = ("提案", "建议", "报告", "讲话")
BUILDING_PLAN = re.compile(r"建设的(?:实施)?(?:意见|方案)")  # 《关于推进甲乙建设的实施意见》
OTHER_ISSUER = re.compile(r"^中共|[省市县区州]委$|人民政府$|办公厅$")
PLAN_NOTE = re.compile(r"规划[（(][\d—\-－至]+[）)]$")  # 《…工作规划（2024—2027）》
TITLE_ACTIVITY_HEADS = ("图片展", "展览", "大赛", "征文")  # 《…图片展》: an activity the unit holds
PARTY_PLUS = re.compile(rf"党建[+＋]([{HAN_CLASS}]{{2,8}})")
# X+Y as a whole clause: after a break or a list marker, before a break
PLUS_CLAUSE = re.compile(rf"(?:^|(?<=[。；：，\n])|(?<=[一二三四五六七八九十][是要、]))"
                         rf"((?![{NUMERALS}][是要、])[{HAN_CLASS}]{{2,4}}[+＋][{HAN_CLASS}]{{2,6}})(?=[。；，\n])", re.MULTILINE)
PARTY_PLUS_TRIM = re.compile(r"(?:载体活动|载体|活动|工作|模式|等)+$")
PUNCT_STOP = re.compile(r"[，。；：！？,;:!?\n（）()《》“”‘’]")
COUNT_AFTER = re.compile(rf"^等?([{NUMERALS}\d]{{1,2}})[大项个条种]?")
CN_DIGITS = {"一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# an administrative place name before a bare name (not the 区 of a named 社区: 东城社区委员工作室)
# a named community or street that owns a platform (东城社区委员工作室): part of its name
NAMED_OWNER = re.compile(rf"[{HAN_CLASS}]{{2,6}}(?:社区|街道)")
ORG_OWNER = re.compile(r"(?:专门委员会|专委会|分党组|机关|政协)+")
# a compact mechanism name without a keyword: no list joints, no 的
LOOSE_MECHANISM_BLOCK = re.compile(r"[的等和与、这各]|及(?!时)")
MIN_LOOSE_PREFIX = 6
MAX_LOOSE_NAME = 20
# a note after a title's name: 《…制度(试行)》
TITLE_NOTE = re.compile(r"\s*[（(](?:试行|暂行|修订|修订稿|草案|征求意见稿)[）)]$")
MAX_PARALLEL_ITEM = 3
# a numeric formulation followed by a longer mechanism name: “三会一课”全程纪实机制
MECHANISM_RUN = re.compile(rf"(?:(?![等的])[{HAN_CLASS}]){{3,8}}?(?:机制|制度|体系|格局|规定)(?![{HAN_CLASS}])")
# after a quoted digit run (“1+2+N”): any compact system word, however short (“1+2+N”联系机制)
DIGIT_RUN = re.compile(r"\d+(?:[+＋]\w)+")
DIGIT_RUN_HEAD = re.compile(rf"(?:(?![等的和与及])[{HAN_CLASS}]){{1,8}}?(?:机制|制度|体系|格局|模式|工作法)(?![{HAN_CLASS}])")
# follower words that make a quoted numeric formulation a practice (“六个一”实践活动, “六学”平台)
FORMULATION_FOLLOWERS = ("实践活动", "活动", "平台", "工作机制", "机制", "评定", "方式", "制度", "工作法", "职责",
                         "工作办法", "履职重点", "工作格局", "流程", "工作模式", "模式")
# verbs that put a local numeric set to work right before its quote (深化“二联三促”, 做到“四有”)
LOCAL_FORMULATION_VERBS = ("深化", "做实", "做到", "落实", "践行", "实行", "强化", "推进")
MAX_ORG_PREFIX = 4
MAX_LONG_ORG_PREFIX = 9
# a duty descriptor that makes a longer organisational-form name (党员委员履职联合党支部)
ORG_DESCRIPTORS = ("履职", "调研", "学习", "服务", "联络")
# single characters that end a clause before a quote (现场“督办”制度 has none: a longer phrase)
MAX_BARE_PREFIX = 6
MAX_LONG_PREFIX = 8
MAX_FOLLOWER_GAP = 8
MAX_ATTACH_GAP = 6
VERB_WINDOW = 6
QUOTE_MARK = re.compile(r"[“”‘’]")
BRAND_AFTER = re.compile(rf"等?[{HAN_CLASS}]{{0,16}}品牌")
COUNTED_BEFORE = re.compile(rf"[{NUMERALS}\d][个项大张]$")
INNER_QUOTES = re.compile(r"[‘’'\"\n]")
OWNER_GAP = re.compile(r"^(?:政协委员|政协|委员|机关)+")
# quoted words that are a style, a topic or a quality rather than a named practice
NOT_A_NAME_SUFFIX = ("品牌", "式", "化", "精神", "意识", "思想", "讲话", "单位", "集体", "称号", "周年")
_NOT_A_NAME_END = ("+", "＋") + NOT_A_NAME_SUFFIX
MAX_QUOTED_NAME = 16
MAX_SERIES_ITEM = 6  # items of a quoted series of activities named as one (送甲下乡、送乙入户)
ORG_SUMMARY = re.compile(rf"[”’]([{NUMERALS}][{HAN_CLASS}]{{0,3}}?(?:组织体系|组织架构))")
LIST_ITEM = re.compile(r"[^、和]+")
SYSTEM_LIST_END = re.compile(r"等(?:规章|党建|工作|各项|基本|组织生活|学习|管理)?制度")
NOT_IN_NAME = re.compile(r"[，—]")
# verbs after which a quoted numeric formulation is a practice the unit carries out (落实“三会一课”)
LIST_LABEL = re.compile(rf"、[^，。；：！？、“”]{{1,12}}的“?$")  # …、抓丙的“: a list labelled by the next quote
MAX_LABELLED_LIST = 16
LABEL_FOLLOWERS = ("模式",)  # 抓甲、抓乙、抓丙的“三抓”模式: a count labelling the list before it is no name
COUNTED_SET = re.compile(rf"[{NUMERALS}\d]+[个项大条种]")  # 三个甲乙年: a count of goals, not a named set
DESCRIBED_WAY = re.compile(r"的(?:途径|方法|路径|方式|措施|长效|有效|工作)+(?:办法|机制|制度|体系)$")
DEGREE_WORDS = ("较为", "更加", "比较", "相对", "十分", "非常", "进一步", "日益", "更为", "最为")
SUPPORT_VERBS = ("助推", "助力", "服务于", "为推进", "围绕建设")  # 为“甲乙”建设注入动能: a goal served
NAMING_VERBS = ("名为", "称为", "成为", "作为", "评为", "列为", "定为", "认定为", "确定为")  # 命名为“甲”: a name given
FORMULATION_VERBS = ("选树", "采取", "开展", "搭建", "推行")
NUMERAL_CLASSIFIER = re.compile(rf"[{NUMERALS}\d][个项条种张]")
HONOUR_AFTER = re.compile(r"(?:荣誉)?称号|荣誉")
# the own name of a platform after its 政协 (甲乙丙委员工作室: a member's or a theme's studio)
OWNER_NAME = re.compile(rf"(?:政协)?((?![{NUMERALS}])[{HAN_CLASS}]{{2,4}})")
MAX_OWNER_NAME = 4
# owner words that leave a bare type when a name is only them plus a head (委员之家, 协商驿站: generic)
GENERIC_OWNER = re.compile(r"^(?:政协|委员|党员|协商|界别)+")
# a named street, community, town or village that owns a platform: goes to the ``place`` column
PLACE_PREFIX = re.compile(rf"((?!政协|委员)[{HAN_CLASS}]{{2,6}}?(?:街道|社区|镇|乡|村))(?!委员会)")  # not 政协街道工作组
# a quoted motto named as an activity: clauses joined by a comma, a space or ·
SLOGAN_JOINT = re.compile(r"[，,、\s·]+")
MAX_TITLED_ACTIVITY = 24
# a counted formulation spelled out in brackets right after it: “六有”（有甲、有乙、有丙）
SPELLED_OUT = re.compile(r"[”’]?[（(][^（）()]{2,40}?[、，；][^（）()]{1,40}[）)]")
MIN_NAMED_CHAIN = 3
LEADING_USE = re.compile(r"(?:综合|充分|灵活)?(?:运用|采取|采用|通过)?")
# an item that is a clause of doing, not a name: 听取汇报, 实地参观, 坚持党的领导
VERB_PHRASE = re.compile(r"听取|汇报|参观|通过|的|坚持|强化|健全|拓宽|丰富|明确|组织机构")
MAX_TITLE_GAP = 6
# the end of a list of activities or forms: 等(系列/实践/主题)活动, 等形式 (group 1: a kind word)
ACTIVITY_LIST_END = re.compile(r"等?(?:系列|实践|主题|志愿服务)活动|等[^，。；、：\n]{0,12}?活动|等(形式|方式)")
ACTIVITY_VERBS = re.compile(r"开展|组织|举办|举行|实施")


@dataclass(frozen=True)
class Head:
    """One row of practice_heads.csv."""

    head: str
    category: str
    attach: bool
    bare: str
    min_prefix: int
    requires: re.Pattern[str] | None


@dataclass(frozen=True)
class PracticeVocabulary:
    """The word lists practice extraction reads from its lexicons."""

    heads: dict[str, Head]
    heads_by_length: tuple[str, ...]
    head_automaton: object
    followers: dict[str, str]
    follower_pattern: re.Pattern[str]
    quote_verbs: tuple[str, ...]
    found_verbs: tuple[str, ...]
    edges: frozenset[str]
    national: dict[str, str]
    national_automaton: object
    stopwords: frozenset[str]
    qualifiers: tuple[str, ...]
    clause_verbs: frozenset[str]
    clause_verb_pattern: re.Pattern[str]
    national_at_end: re.Pattern[str]
    head_at_end: re.Pattern[str]
    attach_direct: re.Pattern[str]
    attach_gapped: re.Pattern[str]
    leading_verbs: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    verbs_before_quote: tuple[str, ...] = ()


def _yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "y", "true", "1")


def _build_vocabulary(lexicon: Lexicon) -> PracticeVocabulary:
    heads: dict[str, Head] = {}
    for row in lexicon.rows("practice_heads") + lexicon.rows("practice_group_heads"):
        head = row.get("head", "")
        if not head:
            continue
        category = row.get("category", "")
        if category not in CATEGORIES:
            raise ValueError(f"practice_heads: head {head!r} has unknown category {category!r}")
        try:
            requires = re.compile(row["requires"]) if row.get("requires") else None
            min_prefix = int(row.get("min") or 0)
        except (re.error, ValueError) as exc:
            raise ValueError(f"practice_heads: bad row for head {head!r} ({exc})") from exc
        heads[head] = Head(head, category, _yes(row.get("attach", "")), (row.get("bare") or "no").strip(),
                           min_prefix, requires)
    head_automaton = _automaton(heads)
    followers = {r["word"]: r.get("category", "") for r in lexicon.rows("practice_followers") if r.get("word")}
    follower_pattern = re.compile(
        "|".join(re.escape(w) for w in sorted(followers, key=longest_first)) or r"(?!)"
    )
    verbs = lexicon.rows("practice_verbs")
    by_length = lambda words: tuple(sorted(set(words), key=longest_first))  # noqa: E731
    national = {r["name"]: r.get("category", "") for r in lexicon.rows("practices") if r.get("name")}
    return PracticeVocabulary(
        heads=heads,
        heads_by_length=by_length(heads),
        head_automaton=head_automaton,
        followers=followers,
        follower_pattern=follower_pattern,
        quote_verbs=by_length(r["word"] for r in verbs if r.get("role") == "quote"),
        found_verbs=by_length(r["word"] for r in verbs if r.get("role") == "found"),
        edges=frozenset(r["word"] for r in verbs if r.get("word")),
        national=national,
        national_automaton=_automaton(national),
        generic=frozenset(r["name"] for r in lexicon.rows("practices") if r.get("name") and _yes(r.get("generic", ""))),
        stopwords=frozenset(lexicon.column("practice_stopwords")),
        qualifiers=by_length(lexicon.column("practice_qualifiers")),
        national_at_end=re.compile(f"(?:{_alternation(national)})$"),
        head_at_end=re.compile(f"(?:{_alternation(heads)})$"),
        attach_direct=re.compile(_alternation(h for h, i in heads.items() if i.attach)),
        attach_gapped=re.compile(rf"((?:(?![的在和与及等])[{HAN_CLASS}]){{1,{MAX_ATTACH_GAP}}}?)("
                                 + _alternation(h for h, i in heads.items() if i.attach and i.category == "platform") + ")"),
        clause_verbs=frozenset(r["word"] for r in verbs if r.get("role") in ("found", "quote") and r["word"] != "组织"),
        leading_verbs=frozenset(r["word"] for r in verbs if len(r.get("word", "")) == 2),
        verbs_before_quote=by_length(r["word"] for r in verbs if r.get("role") in ("found", "quote")),
        clause_verb_pattern=re.compile(_alternation(
            r["word"] for r in verbs if r.get("role") in ("found", "quote") and r["word"] != "组织")),
    )


def _alternation(words) -> str:
    words = sorted(set(words), key=longest_first)
    return "|".join(re.escape(w) for w in words) or r"(?!)"


def _automaton(words) -> object:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def practice_vocabulary(lexicon: Lexicon | None = None) -> PracticeVocabulary:
    """The practice word lists of ``lexicon`` (built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "practices", _build_vocabulary)


def _mention(name: str, start: int, end: int, category: str, source: str) -> Mention:
    name = INNER_QUOTES.sub("", name)
    return Mention(TABLE, name, start, end, {"name": name, "category": category, "source": source})


def _practice_word_category(name: str, vocab: PracticeVocabulary) -> str | None:
    """Category of the follower word (行动, 活动, 机制 …) ``name`` ends in, else None; not 建设
    (以甲乙基地建设为抓手: the building of a platform found by its head) nor a place (…会客厅)."""
    if name[:2] in vocab.leading_verbs or name.startswith(vocab.found_verbs + vocab.quote_verbs):
        return None  # 以创新工作机制为抓手: a verb and its object, not a name
    for word, category in vocab.followers.items():
        if category in ("activity", "mechanism") and word != "建设" and name.endswith(word) and len(name) > len(word) + 1:
            return category
    return None


def _ending_head(name: str, vocab: PracticeVocabulary) -> Head | None:
    if not name.endswith(vocab.heads_by_length) and not name.endswith("\n"):
        return None  # no head ends the name ($ also matches before a final line break)
    found = vocab.head_at_end.search(name)
    return vocab.heads[found.group()] if found else None


def _to_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return CN_DIGITS.get(token)
    if len(token) == 2 and token[0] == "十":
        return 10 + CN_DIGITS.get(token[1], 0)
    return None


def _quote_chains(text: str, quotes: list[re.Match[str]] | None = None) -> list[list[re.Match[str]]]:
    chains: list[list[re.Match[str]]] = []
    for match in QUOTED.finditer(text) if quotes is None else quotes:
        if chains:
            last = chains[-1][-1]
            if CHAIN_JOIN.fullmatch(text, last.end(), match.start()):  # the gap joins the two names
                chains[-1].append(match)
                continue
        chains.append([match])
    return chains


def _follower(after: str, vocab: PracticeVocabulary) -> tuple[str, int, str] | None:
    """The first follower word in the short gap after a quote: (category or "no", offset, word)."""
    stop = PUNCT_STOP.search(after)
    window = after[: min(MAX_FOLLOWER_GAP + 6, stop.start() if stop else len(after))]
    found = vocab.follower_pattern.search(window)
    if not found or found.start() > MAX_FOLLOWER_GAP:
        return None
    return vocab.followers[found.group()], found.start(), found.group()


def _attached_head(after: str, vocab: PracticeVocabulary) -> tuple[str, int] | None:
    """The head joined to a quoted name: (what is appended to the name, characters consumed).

    Only a platform head may sit after a short gap; the gap is kept (“X”实践基地 -> X实践基地)
    unless it is an owner word (“X”政协委员委员会客厅 -> X委员会客厅)."""
    direct = vocab.attach_direct.match(after)
    if direct:
        return direct.group(), direct.end()
    gapped = vocab.attach_gapped.match(after)
    if gapped:
        return OWNER_GAP.sub("", gapped.group(1)) + gapped.group(2), gapped.end()
    return None


@dataclass(frozen=True)
class _ChainContext:
    """What surrounds a chain of quoted names: the text before and after it and their cues."""

    before: str
    after: str
    after_start: int
    follower: tuple[str, int, str] | None
    quote_verb: bool


def _from_quotes(text: str, vocab: PracticeVocabulary, fvocab: FormulationVocabulary,
                 quotes: list[re.Match[str]] | None = None) -> list[Mention]:
    found: list[Mention] = []
    rejected: list[tuple[str, int]] = []
    for chain in _quote_chains(text, quotes):
        first, last = chain[0], chain[-1]
        after = text[last.end():last.end() + 24]
        before = _clause_before(text, first.start(), VERB_WINDOW)
        if COUNTED_BEFORE.search(before):
            continue  # 两个“头号工程”: a numeric formulation, not a practice
        if before.rstrip().endswith(SUPPORT_VERBS) or (
                before.rstrip().endswith("为") and not before.rstrip().endswith(NAMING_VERBS)):
            continue  # 助推“书香社区”建设: another body's campaign the unit supports, not its practice
        follower = _follower(after, vocab)
        if follower and follower[0] == "no":
            continue
        if BRAND_AFTER.match(after):
            continue  # “A”“B”等功能型党支部履职品牌: brand names
        quote_verb = before.endswith(vocab.quote_verbs) or (  # 统筹推进“甲”“乙”“丙”工作: a chain of names
            len(chain) >= MIN_NAMED_CHAIN and before.endswith(vocab.found_verbs))
        context = _ChainContext(before, after, last.end(), follower, quote_verb)
        embedded = bool(before) and before[-1] not in FUNCTION_CHARS and _embedded(before, after, vocab)
        chain_found: list[Mention] = []
        for index, match in enumerate(chain):
            word = match.group(1).strip()
            if index == 0 and embedded and len(word) <= 2 and word[:1] not in NUMERALS:
                continue  # 现场“督办”制度: a quoted word inside a longer mechanism phrase, not a name
            if index and "、" in chain[index - 1].group(1) and _is_numeric(match.group(1), fvocab):
                continue  # “联甲、联乙”“二联”活动: the count labels the list just given
            got = _quoted_practices(match, index == len(chain) - 1, context, vocab, fvocab)
            if not got:
                rejected.append((match.group(1).strip(), match.start(1)))
            chain_found.extend(got)
        found.extend(_merge_parallel(chain, chain_found, vocab) if len(chain) > 1 else chain_found)
    accepted = [(m.text, m.start, m.attrs["category"]) for m in found]
    for content, start, category in series_siblings(text, accepted, rejected, NUMERALS):
        found.append(_mention(content, start, start + len(content), category, "quote"))  # 百人百甲、百人百乙
    return found


def _embedded(before: str, after: str, vocab: PracticeVocabulary) -> bool:
    """True when a quote sits inside a longer mechanism phrase: 现场“督办”制度 (no verb or particle before)."""
    if not before or before[-1] in FUNCTION_CHARS or not HAN.match(before[-1]):
        return False
    head_after = vocab.attach_direct.match(after)
    if head_after is None or vocab.heads[head_after.group()].category != "mechanism":
        return False
    return not before.endswith(vocab.verbs_before_quote)


def _is_numeric(content: str, fvocab: FormulationVocabulary) -> bool:
    content = content.strip()
    return bool(content) and content[0] in NUMERALS and is_formulation(content, fvocab)


def _merge_parallel(chain: list[re.Match[str]], mentions: list[Mention], vocab: PracticeVocabulary) -> list[Mention]:
    """One practice for a chain of short parallel quoted items (“月甲”“季乙”“年丙” -> 月甲、季乙、年丙)."""
    if len(chain) < 2 or len(mentions) != len(chain):
        return mentions
    contents = [m.group(1).strip() for m in chain]
    lengths = {len(c) for c in contents}
    if len(lengths) != 1 or not 2 <= lengths.pop() <= MAX_PARALLEL_ITEM:
        return mentions
    if any(_ending_head(c, vocab) or "、" in c for c in contents) or len({m.attrs["category"] for m in mentions}) != 1:
        return mentions
    if [m.text for m in mentions] != contents:
        return mentions
    first, last = mentions[0], mentions[-1]
    return [_mention("、".join(contents), first.start, last.end, first.attrs["category"], "quote")]


def _quoted_practices(match: re.Match[str], is_last: bool, context: _ChainContext,
                      vocab: PracticeVocabulary, fvocab: FormulationVocabulary) -> list[Mention]:
    """The practices one quoted name of a chain stands for (none, itself, itself + head, or its parts)."""
    content = match.group(1).strip().replace("\n", "")
    start, end = match.start(1), match.end(1)
    after, follower = context.after, context.follower
    bare = INNER_QUOTES.sub("", content)
    if bare.startswith("党建") and PARTY_PLUS.match(bare.replace("＋", "+")):
        return [_mention(bare, start, end, "mechanism", "quote")]
    if is_last and content.endswith(("+", "＋")):
        joined = vocab.attach_direct.match(after)  # “党建+”专题履职活动 -> 党建+专题履职活动
        if joined and len(content) >= 3:
            category = vocab.heads[_ending_head(joined.group(), vocab).head].category
            return [_mention(content + joined.group(), start, context.after_start + joined.end(), category, "quote")]
        return []
    if len(content) >= 6 and content[:2] in vocab.leading_verbs and HAN.match(content[2]):
        content, start = content[2:], start + 2  # “建设清风机关” -> 清风机关
    kind = vocab.attach_direct.match(after) if is_last and content in vocab.national else None
    if kind and vocab.heads[kind.group()].category == "platform" and content + kind.group() not in vocab.national:
        return []  # “智慧政协”履职平台: the national practice is found by the lexicon; the platform is its kind
    if _titled_activity(content, follower):
        return [_mention(content, start, end, follower[0], "quote")]
    if len(content) < 2 or NOT_IN_NAME.search(content) or content.endswith(_NOT_A_NAME_END) and not (
            content.endswith(("品牌", "化")) and content[0] in NUMERALS
            and is_formulation(content, fvocab)):  # 一支部一品牌, 一体三化: a numeric set, not a brand or a trait
        return []
    if (not HAN.search(content) and not DIGIT_RUN.fullmatch(content)) or content in vocab.stopwords:
        return []
    numeric = content[0] in NUMERALS or content[0].isdigit()
    labelled = numeric and LIST_LABEL.search(match.string, max(0, start - MAX_LABELLED_LIST), start - 1)
    formulation = numeric and not LEVEL_PREFIX.match(content) and (is_formulation(content, fvocab, quoted=True) or (  # “三个甲乙、四个丙丁”: a set of them
        "、" in content and all(is_formulation(part, fvocab) for part in content.split("、"))))
    attached = _attached_head(after, vocab) if is_last else None
    if numeric and not formulation and len(content) <= 4 and not _ending_head(content, vocab) and not attached:
        run = MECHANISM_RUN.match(after) if is_last else None
        if run:  # “八小时外”监督管理规定: the word opens a rule's name
            return [_mention(content + run.group(), start, context.after_start + run.end(), "mechanism", "quote")]
        return []  # “十四五”, “一流机关”: a period or a numeral-led word, not a practice
    if is_last and "、" in content and "\n" not in match.group(1):
        parts = _counted_parts(content, start, after)
        if parts:
            return parts
    if (is_last and "、" in content and not numeric and follower and follower[2].endswith(("活动", "行动"))
            and follower[1] <= 2 and "的" not in after[:follower[1]]
            and all(2 <= len(part) <= MAX_SERIES_ITEM for part in content.split("、"))):
        return [_mention(content, start, end, "activity", "quote")]  # “送甲下乡、送乙入户、送丙进村”活动: one series
    if len(content) > MAX_QUOTED_NAME:
        return []
    head = _ending_head(content, vocab)
    if (head and formulation and context.quote_verb and head.category in ("project", "platform")
            and len(content) > len(head.head)):
        return [_mention(content, start, end, head.category, "quote")]  # 实施“三甲工程”
    if head and len(content) > len(head.head) and not formulation:
        return [_mention(content, start, end, head.category, "quote")]
    if attached and not formulation and not (
            follower and follower[1] + len(follower[2]) <= attached[1] - len(attached[0])):
        category = vocab.heads[_ending_head(attached[0], vocab).head].category
        return [_mention(content + attached[0], start, context.after_start + attached[1], category, "quote")]
    if formulation and SPELLED_OUT.match(text_after_quote(match, context)):
        return [_mention(content, start, end, "mechanism", "quote")]  # “六有”（有甲、有乙…）
    if formulation:
        run_pattern = DIGIT_RUN_HEAD if DIGIT_RUN.fullmatch(content) else MECHANISM_RUN
        run = run_pattern.match(after) if is_last else None
        if run:
            owner = _owner_before_quote(context.before, vocab) if len(context.before) else ""
            return [_mention(owner + content + run.group(), start - len(owner) - 1 if owner else start,
                             context.after_start + run.end(), "mechanism", "quote")]
        if "、" in content:
            return []  # “三个甲乙、四个丙丁”建设: a set of several counts, not one practice
        if follower and follower[2] in FORMULATION_FOLLOWERS and not (labelled and follower[2] in LABEL_FOLLOWERS) and (
                follower[1] <= 1 or follower[1] <= 2 and follower[0] == "mechanism"):  # “双交叉”交流机制
            return [_mention(content, start, end, follower[0], "quote")]
        if _has_verb(context.before, FORMULATION_VERBS):
            return [_mention(content, start, end, "mechanism", "quote")]
        if (context.before.rstrip().endswith(LOCAL_FORMULATION_VERBS) and not COUNTED_SET.match(content) and not labelled
                and (fvocab.scopes or {}).get(content, "local") == "local"):
            return [_mention(content, start, end, "mechanism", "quote")]  # 深化“二联三促”: a local set put to work
        return []
    if follower and ("的" not in after[:follower[1]]
                     or context.before.endswith("以") and follower[2] in ("形式", "方式", "模式") and follower[1] == 1):
        return [_mention(content, start, end, follower[0], "quote")]
    if context.quote_verb and len(content) >= 3:
        return [_mention(content, start, end, "activity", "quote")]
    return []


def _owner_before_quote(before: str, vocab: PracticeVocabulary) -> str:
    """A short subject between a founding verb and the quote that opens a mechanism's name
    (建立党员委员“一对一”联系…制度 -> 党员委员), else ""."""
    for verb in sorted(vocab.found_verbs + vocab.quote_verbs, key=longest_first):
        at = before.rfind(verb)
        if at < 0:
            continue
        tail = before[at + len(verb):]
        tail = tail[1:] if tail.startswith("了") else tail
        if 2 <= len(tail) <= MAX_OWNER_NAME and all(HAN.match(c) and c not in FUNCTION_CHARS for c in tail):
            return tail
        return ""
    return ""


def text_after_quote(match: re.Match[str], context: _ChainContext) -> str:
    """The text right after one quoted name of a chain (the chain's own text when it is the last)."""
    return match.string[match.end():match.end() + 40]


def _titled_activity(content: str, follower: tuple[str, int, str] | None) -> bool:
    """A quoted motto of two or three clauses named as an activity (“传承甲乙，淬炼丙丁”主题党日活动):
    the whole motto is the activity's name."""
    if not follower or follower[1] > MAX_TITLE_GAP or not (
            follower[0] == "activity" and follower[2].endswith("活动") or follower[0] == "platform" and follower[2] == "平台"):
        return False  # …活动, or a platform named by its motto (“甲乙好商量，丙丁为人民”协商平台)
    clauses = [c for c in SLOGAN_JOINT.split(content) if c]
    return (2 <= len(clauses) <= 3 and len(content) <= MAX_TITLED_ACTIVITY and "—" not in content
            and all(len(c) >= 3 and HAN.match(c[0]) for c in clauses))


def _from_activity_lists(text: str, quoted: bytearray, vocab: PracticeVocabulary) -> list[Mention]:
    """Unquoted items of a list of activities after a practice verb (组织甲乙下乡、丙丁下乡等系列活动;
    综合运用甲协商、乙协商等形式): one activity per item, or one name for a set of short parallel
    items (送甲、送乙、送丙系列活动 -> 送甲、送乙、送丙)."""
    found: list[Mention] = []
    for anchor in ACTIVITY_LIST_END.finditer(text):
        clause_start = anchor.start()
        while clause_start > 0 and text[clause_start - 1] not in "，。；：！？\n" and anchor.start() - clause_start < 60:
            clause_start -= 1
        first_joint = text.find("、", clause_start, anchor.start())
        if first_joint < 0:
            continue
        verbs = list(ACTIVITY_VERBS.finditer(text, clause_start, first_joint))
        if not verbs and not anchor.group(1):
            continue  # 等活动 needs a verb before the list (等形式 names its items' kind itself)
        offset = verbs[-1].end() if verbs else clause_start
        offset += text[offset:offset + 1] == "了"
        items = [m for m in LIST_ITEM.finditer(text, offset, anchor.start())]
        plain = [m for m in items if not quoted[m.start()] and "“" not in m.group() and "”" not in m.group()]
        if len(items) < 2 or not plain:
            continue
        if len(plain) == len(items) and all(2 <= len(m.group()) <= MAX_PARALLEL_ITEM for m in items):
            first, last = items[0], items[-1]
            found.append(_mention(text[first.start():last.end()], first.start(), last.end(), "activity", "activity_list"))
            continue
        if anchor.group(1) and not _common_ending(items):
            continue  # 等形式: only a set of forms of one kind (甲协商、乙协商、丙协商)
        for m in plain:
            lead = LEADING_USE.match(m.group())
            name, start = m.group()[lead.end():], m.start() + lead.end()
            if (4 <= len(name) <= 12 and HAN.match(name[0]) and name[0] not in NUMERALS and name[0] != "各"
                    and name[:2] not in vocab.leading_verbs and not VERB_PHRASE.search(name)
                    and name not in vocab.stopwords):
                found.append(_mention(name, start, m.end(), "activity", "activity_list"))
    return found


def _common_ending(items: list[re.Match[str]]) -> bool:
    """True when most items of a list end in the same two characters (甲协商、乙协商、丙协商)."""
    endings = [m.group()[-2:] for m in items]
    return max(endings.count(e) for e in endings) * 2 > len(endings)


def _counted_parts(content: str, start: int, after: str) -> list[Mention]:
    """“A、B、C”三大行动: the parts of a quoted enumeration its count sums up, else nothing."""
    count = COUNT_AFTER.match(after)
    parts = content.split("、")
    if not count or _to_number(count.group(1)) != len(parts):
        return []
    found, offset = [], start
    for part in parts:
        if len(part) >= 2:
            found.append(_mention(part, offset, offset + len(part), "activity", "quote"))
        offset += len(part) + 1
    return found


def _from_system_lists(text: str, vocab: PracticeVocabulary) -> list[Mention]:
    """Items of a list of systems (严格落实“三会一课”、党员谈心谈话等规章制度) that holds a known practice.

    The list follows a founding verb and ends in 等制度; it counts only when one of its items is a
    national practice or is quoted, so that lists of generic duties (健全承诺、践诺…等制度) stay out."""
    found: list[Mention] = []
    for anchor in SYSTEM_LIST_END.finditer(text):
        clause_start = anchor.start()
        while clause_start > 0 and text[clause_start - 1] not in "，。；：！？\n" and anchor.start() - clause_start < 60:
            clause_start -= 1
        first_joint = text.find("、", clause_start, anchor.start())
        if first_joint < 0:
            continue
        verbs = list(vocab.clause_verb_pattern.finditer(text, clause_start, first_joint))
        if not verbs:
            continue
        offset = verbs[-1].end() + (text[verbs[-1].end()] == "了")
        items = [(m, QUOTE_MARK.sub("", m.group()).strip()) for m in LIST_ITEM.finditer(text, offset, anchor.start())]
        if not any(name in vocab.national or "“" in m.group() for m, name in items):
            continue
        for match, name in items:
            if 4 <= len(name) <= 12 and HAN.match(name[0]) and name[0] not in NUMERALS and "“" not in match.group():
                found.append(_mention(name, match.start(), match.end(), "mechanism", "system_list"))
    return found


def _from_org_summaries(text: str) -> list[Mention]:
    """A numeral summary of quoted organisation chains: “党组—支部”和“党组—党委”双组织体系."""
    return [_mention(m.group(1), m.start(1), m.end(1), "org_form", "org_summary") for m in ORG_SUMMARY.finditer(text)]


def _from_titles(text: str) -> list[Mention]:
    found = []
    for match in TITLE.finditer(text):
        title = TITLE_NOTE.sub("", match.group(1).strip())  # 《…制度(试行)》 -> …制度
        if title.startswith(NATIONAL_ISSUERS) or title.endswith(NOT_OWN_TITLES):
            continue
        if "关于" in title and not (title.endswith(PLAN_TITLE_HEADS) and (
                "政协" in title.split("关于")[0] or BUILDING_PLAN.search(title))):
            continue  # 《关于…的提案》, 《关于加强…工作的意见》: a proposal or a higher body's document
        if OTHER_ISSUER.search(title.split("关于")[0]):
            continue  # 《中共某市委关于…的意见》: a party committee's document, not the unit's rule
        category = "mechanism" if title.endswith(TITLE_HEADS + PLAN_TITLE_HEADS) or PLAN_NOTE.search(title) else "activity" if title.endswith(TITLE_ACTIVITY_HEADS) else ""
        if category:
            found.append(_mention(title, match.start(1), match.start(1) + len(title), category, "title"))
    return found


def _from_plus_heads(text: str, quoted: bytearray) -> list[Mention]:
    """An unquoted X+Y mode standing as a clause of its own (一是甲乙+丙丁。, ，甲乙+丙丁，): a mechanism."""
    found = []
    for match in PLUS_CLAUSE.finditer(text):
        if quoted[match.start(1)] or match.group(1).startswith("党建"):
            continue
        found.append(_mention(match.group(1), match.start(1), match.end(1), "mechanism", "plus"))
    return found


def _from_party_plus(text: str, quoted: bytearray) -> list[Mention]:
    found = []
    for match in PARTY_PLUS.finditer(text):
        if quoted[match.start()]:
            continue
        tail = re.split(r"[、，。；]", match.group(1))[0]
        tail = PARTY_PLUS_TRIM.sub("", tail)
        if len(tail) < 2:
            continue
        end = match.start(1) + len(tail)
        name = text[match.start():end]
        found.append(_mention(name, match.start(), end, "mechanism", "party_plus"))
    return found


def _loose_mechanism(name: str, head: str, following: str, vocab: PracticeVocabulary) -> bool:
    """A compact mechanism name without a keyword: 专委会分党组经常性研读制度 (not 督导问责机制).

    Not a generic phrase (…长效机制, …工作制度), not 制度机制 or a name running on (…制度体系)."""
    prefix = name[:-len(head)]
    return (len(prefix) >= MIN_LOOSE_PREFIX and len(name) <= MAX_LOOSE_NAME
            and not LOOSE_MECHANISM_BLOCK.search(name)
            and not any(name.endswith(word) for word in vocab.stopwords)
            and not vocab.head_at_end.search(prefix)
            and not (following and HAN.match(following) and following not in "和及与等并"))


def _from_heads(text: str, quoted: bytearray, vocab: PracticeVocabulary,
                fvocab: FormulationVocabulary | None = None) -> list[Mention]:
    found: list[Mention] = []
    if vocab.head_automaton is None:
        return found
    for end_index, head in vocab.head_automaton.iter_long(text):  # type: ignore[attr-defined]
        info = vocab.heads[head]
        head_start, end = end_index - len(head) + 1, end_index + 1
        if info.bare == "no" or quoted[head_start] or quoted[end_index]:
            continue
        if info.bare == "clause":
            start = _clause_start(text, head_start, vocab)
            if start is None:
                continue
        else:
            limit = MAX_ORG_PREFIX if info.category == "org_form" else MAX_BARE_PREFIX
            start, natural = _bare_start(text, head_start, limit, vocab.edges)
            if not natural and info.category != "org_form":
                longer, natural = _bare_start(text, head_start, MAX_LONG_PREFIX, vocab.edges)
                start = longer if natural else start  # 同心桥民主协商基地: a longer name with a clear edge
                if not natural:  # no clear edge: not cut mid-word, but after the owner's 政协
                    owner_at = owner_start(text, start, head_start, HAN.match, vocab.national)
                    start, natural = (owner_at, True) if owner_at is not None else (start, False)
            elif not natural:
                longer, natural = _bare_start(text, head_start, MAX_LONG_ORG_PREFIX, vocab.edges)
                natural = natural and text[longer:head_start].endswith(ORG_DESCRIPTORS) and head_start - longer >= 4
                start = longer if natural else start  # 党员委员履职联合党支部: a described form
            if start > 0 and text[start - 1] in "”’":
                continue  # “X”…head: the quoted name owns the head (see _from_quotes)
            if info.category == "org_form" and not natural:
                continue  # a long owner before an organisational form: a unit's name, not a practice
            if info.bare == "verb":
                before = _clause_before(text, start, VERB_WINDOW)
                if not _has_verb(before[-4:], vocab.quote_verbs + vocab.found_verbs):
                    continue
        if info.bare != "clause":
            start = _named_place_start(text, start, vocab)
            start = _canonical_start(text, start, head_start, info, vocab)
        if info.category == "org_form":
            owner = ORG_OWNER.match(text, start, head_start)
            if owner and not (info.requires and info.requires.search(text[start:end])
                              and not info.requires.search(text[owner.end():end])):
                start = owner.end()  # 专委会党员委员履职联合党支部 -> 党员委员履职联合党支部
                # (but 政协街道工作组 keeps the 政协 its head requires)
        name = text[start:end]
        if head_start - start < info.min_prefix or len(name) < 3 and info.min_prefix:
            continue
        if name in vocab.stopwords or NUMERAL_CLASSIFIER.search(name[:-len(head)] or " "):
            continue
        if DESCRIBED_WAY.search(name):
            continue  # 探索委员联系群众的途径办法: ways of doing something, not a named rule
        if name.startswith(DEGREE_WORDS):
            continue  # 较为规范的协商工作制度: a description of the rules, not their name
        if info.bare == "clause" and "等" in name:
            continue  # 谈心谈话和…通报会等制度: a list of things, not one named system
        if HONOUR_AFTER.match(text, end):
            continue
        national = vocab.national_at_end.search(name)
        if info.bare != "clause" and national and national.start() > 0 and info.category == "platform":
            national_at = start + national.start()
            after_body = text.rfind("政协", max(0, national_at - 2 - MAX_OWNER_NAME), national_at - 1)
            if after_body >= 0:  # 区政协甲乙丙委员工作室: the name between 政协 and the platform
                start, name = after_body, text[after_body:end]
                national = vocab.national_at_end.search(name)
            owner = OWNER_NAME.fullmatch(name[:national.start()])
            at = start + owner.start(1) if owner else start
            if (owner and not name.startswith(vocab.qualifiers) and owner.group(1)[:2] not in vocab.leading_verbs
                    and (text[at - 2:at] == "政协" or at == 0 or text[at - 1] in "和、，。；：\n")):  # 区政协甲乙丙委员工作室
                start += owner.start(1)
                name = text[start:end]
                national = None
        if (info.bare != "clause" and national and national.start() > 0
                and not NAMED_OWNER.fullmatch(name[:national.start()])
                and not (info.category == "org_form" and national.start() >= 4
                         and name[:national.start()].endswith(ORG_DESCRIPTORS))):
            continue  # 专委会功能型党支部: the national name is found by the lexicon
        if info.requires and not info.requires.search(name):
            if info.bare != "clause" or not _loose_mechanism(name, head, text[end:end + 1], vocab):
                continue
        if info.bare == "verb" and info.category == "activity" and (
                vocab.head_at_end.search(name[:-len(head)]) or name[:-len(head)].endswith("品牌")):
            continue  # 先锋岗创建活动: the practice is the inner 先锋岗; 品牌创建活动: a brand's making
        if name[0] in NUMERALS and info.bare != "clause":
            if not (info.category == "activity" and fvocab is not None and is_formulation(name[:-len(head)], fvocab)):
                continue  # 一支部一亮点实践活动: a numeric set named as an activity is kept
        found.append(_mention(name, start, end, info.category, "clause" if info.bare == "clause" else "head"))
    return found


def _from_lexicon(text: str, vocab: PracticeVocabulary) -> list[Mention]:
    if vocab.national_automaton is None:
        return []
    removed = [m.start() for m in QUOTE_MARK.finditer(text)]
    shifts = [index - rank for rank, index in enumerate(removed)]  # where each removal sits in stripped
    stripped = QUOTE_MARK.sub("", text) if removed else text
    found = []
    for end_index, name in vocab.national_automaton.iter_long(stripped):  # type: ignore[attr-defined]
        first = end_index - len(name) + 1
        start = first + bisect_right(shifts, first)
        end = end_index + bisect_right(shifts, end_index) + 1
        if _inside_other_quote(text, start, end):
            continue
        found.append(_mention(name, start, end, vocab.national[name], "lexicon"))
    return found


def _inside_other_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) sits inside a longer quoted name or a quoted brand name.

    “书山政协引领工程” is a project of its own, and “书山政协”委员读书品牌 a brand: neither is
    an occurrence of the national practice 书香政协."""
    opening = text.rfind("“", max(0, start - MAX_QUOTED_NAME), start + 1)
    if opening < 0 or "”" in text[opening + 1:start]:
        return False
    closing = text.find("”", end - 1, end + MAX_QUOTED_NAME)
    if closing < 0:
        return False
    if closing > end or opening < start - 1:
        return True
    return BRAND_AFTER.match(text, closing + 1) is not None


def _brand_names(text: str, quotes: list[re.Match[str]] | None = None) -> set[str]:
    """Quoted names the document presents as brands somewhere (“X”党建品牌): not practices there."""
    names = set()
    for match in QUOTED.finditer(text) if quotes is None else quotes:
        if BRAND_AFTER.match(text, match.end()):
            names.add(INNER_QUOTES.sub("", match.group(1).strip()))
    return names


def _quoted_mask(text: str, quotes: list[re.Match[str]] | None = None) -> bytearray:
    mask = bytearray(len(text) + 1)
    for matches in (QUOTED.finditer(text) if quotes is None else quotes, TITLE.finditer(text)):
        for match in matches:
            mask[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return mask


def _drop_lexicon_inside_longer(mentions: list[Mention]) -> list[Mention]:
    """Drop national-practice matches inside a longer name found here (《某市政协…谈心谈话制度》)."""
    longer = sorted((m.start, m.end) for m in mentions if m.attrs["source"] in ("title", "head", "clause"))
    if not longer:
        return mentions
    starts = [s for s, _ in longer]
    kept = []
    for m in mentions:
        if m.attrs["source"] == "lexicon":
            right = bisect_right(starts, m.start)
            if any(m.end <= e and e - s > m.end - m.start for s, e in longer[max(0, right - 8):right]):
                continue
        kept.append(m)
    return kept


def _with_place(mention: Mention, vocab: PracticeVocabulary) -> Mention:
    """Move a named place before a platform or form into ``place`` (南山街道委员之家 -> 委员之家,
    place 南山街道); the rest must still end in a head or be a national practice."""
    name = mention.text
    found = PLACE_PREFIX.match(name)
    if not found or mention.attrs.get("source") not in ("head", "lexicon", "quote"):
        return mention
    rest = name[found.end():]
    if len(rest) < 3 or not (_ending_head(rest, vocab) or rest in vocab.national):
        return mention
    start = mention.start + found.end() if mention.start + len(name) == mention.end else mention.start
    return Mention(TABLE, rest, start, mention.end, {**mention.attrs, "name": rest, "place": found.group(1)})


def _with_scope(mention: Mention, vocab: PracticeVocabulary) -> Mention:
    """Mark a practice ``scope`` national (a practice of practices.csv) or local, and ``generic``
    when it is a general type every unit has (主题教育, 委员工作室), not a local innovation."""
    name = mention.text
    national = name in vocab.national
    bare = GENERIC_OWNER.sub("", name)
    generic = name in vocab.generic or (not national and (name in vocab.heads or (bare != name and bare in vocab.heads)))
    mention.attrs.setdefault("place", "")
    mention.attrs["scope"] = "national" if national else "local"
    mention.attrs["generic"] = generic
    return mention


def extract_practices(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a named practice in the clean ``text``."""
    vocab = practice_vocabulary(lexicon)
    fvocab = formulation_vocabulary(lexicon)
    quotes = list(QUOTED.finditer(text))  # one scan shared by the quote chains, the mask and the brands
    quoted = _quoted_mask(text, quotes)
    mentions = (
        _from_lexicon(text, vocab)
        + _from_quotes(text, vocab, fvocab, quotes)
        + _from_titles(text)
        + _from_system_lists(text, vocab)
        + _from_org_summaries(text)
        + _from_party_plus(text, quoted)
        + _from_activity_lists(text, quoted, vocab)
        + _from_plus_heads(text, quoted)
        + _from_heads(text, quoted, vocab, fvocab)
        + [_mention(name, start, end, category, "level") for name, start, end, category in level_structures(text)]
        + [_mention(name, start, end, category, "clause") for name, start, end, category in single_examples(text)]
        + [_mention(name, start, end, category, "frame")
           for name, start, end, category in framed_tools(text, lambda x: _practice_word_category(x, vocab))]
    )
    clause_starts: dict[int, int] = {}
    for m in mentions:
        if m.attrs["source"] == "clause":
            clause_starts[m.end] = min(m.start, clause_starts.get(m.end, m.start))
    mentions = _drop_lexicon_inside_longer(mentions)
    brand_names = _brand_names(text, quotes)
    mentions = [m for m in mentions if m.text not in brand_names or m.attrs["source"] not in ("quote", "lexicon")]
    mentions = [_with_scope(_with_place(m, vocab), vocab) for m in mentions]
    named_ends = {m.end + 1 for m in mentions if m.attrs["source"] == "quote"}  # “甲乙”主题党日活动: the
    mentions = [m for m in mentions  # generic word after a named activity is its kind, not a second practice
                if not (m.attrs["generic"] and m.attrs["source"] == "lexicon" and m.start in named_ends)]
    seen: set[tuple[str, int]] = set()
    unique = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        key = (mention.text, mention.start)
        if mention.attrs["source"] == "lexicon" and clause_starts.get(mention.end, mention.start) < mention.start:
            continue  # 定期谈心谈话制度 holds the national 谈心谈话制度: keep the longer name
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique
