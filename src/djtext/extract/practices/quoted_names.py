"""What one quoted name of a chain stands for: nothing, itself, itself with the head that joins
it, its counted parts, or a longer mechanism name it opens (the ``quote`` source)."""
from __future__ import annotations

import re
from typing import NamedTuple

from djtext.extract.formulations import NUMERALS, FormulationVocabulary, is_formulation
from djtext.extract.practices.boundaries import CLAUSE_STOP_SET, CLAUSE_STOPS, FUNCTION_CHARS, HAN, LEVEL_PREFIX, MAX_OWNER_NAME, has_verb
from djtext.extract.practices.mentions import INNER_QUOTES, MAX_QUOTED_NAME, practice_mention
from djtext.extract.practices.plus import PARTY_PLUS
from djtext.extract.practices.vocabulary import MAX_ATTACH_GAP, PracticeVocabulary, ending_head
from djtext.models import Mention
from djtext.text import COUNT_DIGITS
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import LazyRegex
from djtext.text import longest_first

COUNT_AFTER = re.compile(rf"^等?([{NUMERALS}\d]{{1,2}})[大项个条种]?")
CN_DIGITS = {**COUNT_DIGITS, "双": 2}  # the values of the counts before a noun (双 included)
# a numeric formulation followed by a longer mechanism name: “三会一课”全程纪实机制
MECHANISM_RUN = LazyRegex(rf"""
    (?:(?![等的])[{HAN_CLASS}]){{3,8}}?       # three to eight Han characters, no 等 or 的
    (?:机制|制度|体系|格局|规定) (?![{HAN_CLASS}])  # then a system word ending the name
    """, re.VERBOSE)
# after a quoted digit run (“1+2+N”): any compact system word, however short (“1+2+N”联系机制)
DIGIT_RUN = re.compile(r"\d+(?:[+＋]\w)+")
DIGIT_RUN_HEAD = LazyRegex(rf"""
    (?:(?![等的和与及])[{HAN_CLASS}]){{1,8}}?         # one to eight Han characters, no joint or 的
    (?:机制|制度|体系|格局|模式|工作法) (?![{HAN_CLASS}])  # then a system word ending the name
    """, re.VERBOSE)
# follower words that make a quoted numeric formulation a practice (“六个一”实践活动, “六学”平台)
FORMULATION_FOLLOWERS = ("实践活动", "活动", "平台", "工作机制", "机制", "评定", "方式", "制度", "工作法", "职责",
                         "工作办法", "履职重点", "工作格局", "流程", "工作模式", "模式")
# verbs that put a local numeric set to work right before its quote (深化“二联三促”, 做到“四有”)
LOCAL_FORMULATION_VERBS = ("深化", "做实", "做到", "落实", "践行", "实行", "强化", "推进")
MAX_FOLLOWER_GAP = 8
FOLLOWER_WINDOW = MAX_FOLLOWER_GAP + 6  # characters after a quote a follower word must end within
OWNER_GAP = re.compile(r"^(?:政协委员|政协|委员|机关)+")
# quoted words that are a style, a topic or a quality rather than a named practice
NOT_A_NAME_SUFFIX = ("品牌", "式", "化", "精神", "意识", "思想", "讲话", "单位", "集体", "称号", "周年")
NOT_A_NAME_END = ("+", "＋") + NOT_A_NAME_SUFFIX
MAX_SERIES_ITEM = 6  # items of a quoted series of activities named as one (送甲下乡、送乙入户)
NOT_IN_NAME = frozenset("，—")  # characters a quoted name never holds
# verbs after which a quoted numeric formulation is a practice the unit carries out (落实“三会一课”)
LIST_LABEL = re.compile(rf"、[^，。；：！？、“”]{{1,12}}的“?$")  # …、抓丙的“: a list labelled by the next quote
MAX_LABELLED_LIST = 16
LABEL_FOLLOWERS = ("模式",)  # 抓甲、抓乙、抓丙的“三抓”模式: a count labelling the list before it is no name
COUNTED_SET = re.compile(rf"[{NUMERALS}\d]+[个项大条种]")  # 三个甲乙年: a count of goals, not a named set
FORMULATION_VERBS = ("选树", "采取", "开展", "搭建", "推行")
# a quoted motto named as an activity: clauses joined by a comma, a space or ·
SLOGAN_JOINT = re.compile(r"[，,、\s·]+")
MAX_TITLED_ACTIVITY = 24
# a counted formulation spelled out in brackets right after it: “六有”（有甲、有乙、有丙）
SPELLED_OUT = re.compile(r"[”’]?[（(][^（）()]{2,40}?[、，；][^（）()]{1,40}[）)]")
OPEN_BRACKETS = frozenset("（(")  # one of them opens SPELLED_OUT at its first or second character
MAX_TITLE_GAP = 6
TEXT_AFTER_QUOTE = 40  # characters after a quoted name read for a spelled-out list


class ChainContext(NamedTuple):
    """What surrounds a chain of quoted names: the text before and after it and their cues."""

    before: str
    after: str
    after_start: int
    follower: tuple[str, int, str] | None
    quote_verb: bool


def _to_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if len(token) == 1:
        return CN_DIGITS.get(token)
    if len(token) == 2 and token[0] == "十":
        return 10 + CN_DIGITS.get(token[1], 0)
    return None


def follower_after(after: str, vocab: PracticeVocabulary) -> tuple[str, int, str] | None:
    """The first follower word in the short gap after a quote: (category or "no", offset, word)."""
    found = _near_follower(vocab).match(after, 0, FOLLOWER_WINDOW)
    if not found:
        return None
    return vocab.followers[found.group(1)], found.start(1), found.group(1)


NEAR_FOLLOWERS: dict[str, re.Pattern[str]] = {}  # follower alternation -> its NEAR_FOLLOWER pattern


def _near_follower(vocab: PracticeVocabulary) -> re.Pattern[str]:
    """The first follower word at most MAX_FOLLOWER_GAP characters into a text, no clause stop
    before it (group 1); words holding a stop are left out: they never fit before one. The words
    are tried only where one of their first characters stands (a look-ahead of one class)."""
    pattern = NEAR_FOLLOWERS.get(vocab.follower_pattern.pattern)
    if pattern is None:
        words = [w for w in sorted(vocab.followers, key=longest_first) if CLAUSE_STOP_SET.isdisjoint(w)]
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        alternation = f"(?=[{firsts}])({'|'.join(map(re.escape, words))})" if words else "((?!))"
        pattern = NEAR_FOLLOWERS[vocab.follower_pattern.pattern] = re.compile(  # (the order of follower_pattern)
            rf"[^{re.escape(CLAUSE_STOPS)}]{{0,{MAX_FOLLOWER_GAP}}}?{alternation}")
    return pattern


def _attached_head(after: str, vocab: PracticeVocabulary) -> tuple[str, int] | None:
    """The head joined to a quoted name: (what is appended to the name, characters consumed).

    Only a platform head may sit after a short gap; the gap is kept (“X”实践基地 -> X实践基地)
    unless it is an owner word (“X”政协委员委员会客厅 -> X委员会客厅)."""
    direct = vocab.attach_direct.match(after)
    if direct:
        return direct.group(), direct.end()
    if vocab.gapped_head_starts.isdisjoint(after[1:1 + MAX_ATTACH_GAP]):
        return None  # no platform head can open 1 to MAX_ATTACH_GAP characters in
    gapped = vocab.attach_gapped.match(after)
    if gapped:
        return OWNER_GAP.sub("", gapped.group(1)) + gapped.group(2), gapped.end()
    return None


def quoted_practices(match: re.Match[str], is_last: bool, context: ChainContext,
                      vocab: PracticeVocabulary, fvocab: FormulationVocabulary) -> list[Mention]:
    """The practices one quoted name of a chain stands for (none, itself, itself + head, or its parts)."""
    content = match.group(1).strip().replace("\n", "")
    start, end = match.start(1), match.end(1)
    after, follower = context.after, context.follower
    bare = INNER_QUOTES.sub("", content) if "党" in content else ""  # (only a 党建… name is read bare)
    if bare.startswith("党建") and PARTY_PLUS.match(bare.replace("＋", "+")):
        return [practice_mention(bare, start, end, "mechanism", "quote")]
    if is_last and content.endswith(("+", "＋")):
        joined = vocab.attach_direct.match(after)  # “党建+”专题履职活动 -> 党建+专题履职活动
        if joined and len(content) >= 3:
            category = vocab.heads[ending_head(joined.group(), vocab).head].category
            return [practice_mention(content + joined.group(), start, context.after_start + joined.end(), category, "quote")]
        return []
    if len(content) >= 6 and content[:2] in vocab.leading_verbs and HAN.match(content[2]):
        content, start = content[2:], start + 2  # “建设清风机关” -> 清风机关
    kind = vocab.attach_direct.match(after) if is_last and content in vocab.national else None
    if kind and vocab.heads[kind.group()].category == "platform" and content + kind.group() not in vocab.national:
        return []  # “智慧政协”履职平台: the national practice is found by the lexicon; the platform is its kind
    if follower and _titled_activity(content, follower):
        return [practice_mention(content, start, end, follower[0], "quote")]
    if len(content) < 2 or not NOT_IN_NAME.isdisjoint(content) or content.endswith(NOT_A_NAME_END) and not (
            content.endswith(("品牌", "化")) and content[0] in NUMERALS
            and is_formulation(content, fvocab)):  # 一支部一品牌, 一体三化: a numeric set, not a brand or a trait
        return []
    if (not HAN.search(content) and not DIGIT_RUN.fullmatch(content)) or content in vocab.stopwords:
        return []
    numeric = content[0] in NUMERALS or content[0].isdigit()
    labelled = numeric and LIST_LABEL.search(match.string, max(0, start - MAX_LABELLED_LIST), start - 1)
    formulation = numeric and not LEVEL_PREFIX.match(content) and (is_formulation(content, fvocab, quoted=True) or (  # “三个甲乙、四个丙丁”: a set of them
        "、" in content and all(is_formulation(part, fvocab) for part in content.split("、"))))
    attached = _attached_head(after, vocab) if is_last and not formulation else None  # (read only then)
    if numeric and not formulation and len(content) <= 4 and not ending_head(content, vocab) and not attached:
        run = MECHANISM_RUN.match(after) if is_last else None
        if run:  # “八小时外”监督管理规定: the word opens a rule's name
            return [practice_mention(content + run.group(), start, context.after_start + run.end(), "mechanism", "quote")]
        return []  # “十四五”, “一流机关”: a period or a numeral-led word, not a practice
    if is_last and "、" in content and "\n" not in match.group(1):
        parts = _counted_parts(content, start, after)
        if parts:
            return parts
    if (is_last and "、" in content and not numeric and follower and follower[2].endswith(("活动", "行动"))
            and follower[1] <= 2 and "的" not in after[:follower[1]]
            and all(2 <= len(part) <= MAX_SERIES_ITEM for part in content.split("、"))):
        return [practice_mention(content, start, end, "activity", "quote")]  # “送甲下乡、送乙入户、送丙进村”活动: one series
    if len(content) > MAX_QUOTED_NAME:
        return []
    head = ending_head(content, vocab)
    if (head and formulation and context.quote_verb and head.category in ("project", "platform")
            and len(content) > len(head.head)):
        return [practice_mention(content, start, end, head.category, "quote")]  # 实施“三甲工程”
    if head and len(content) > len(head.head) and not formulation:
        return [practice_mention(content, start, end, head.category, "quote")]
    if attached and not formulation and not (
            follower and follower[1] + len(follower[2]) <= attached[1] - len(attached[0])):
        category = vocab.heads[ending_head(attached[0], vocab).head].category
        return [practice_mention(content + attached[0], start, context.after_start + attached[1], category, "quote")]
    if formulation and _spelled_out(text_after_quote(match, context)):
        return [practice_mention(content, start, end, "mechanism", "quote")]  # “六有”（有甲、有乙…）
    if formulation:
        run_pattern = DIGIT_RUN_HEAD if DIGIT_RUN.fullmatch(content) else MECHANISM_RUN
        run = run_pattern.match(after) if is_last else None
        if run:
            owner = _owner_before_quote(context.before, vocab) if len(context.before) else ""
            return [practice_mention(owner + content + run.group(), start - len(owner) - 1 if owner else start,
                             context.after_start + run.end(), "mechanism", "quote")]
        if "、" in content:
            return []  # “三个甲乙、四个丙丁”建设: a set of several counts, not one practice
        if follower and follower[2] in FORMULATION_FOLLOWERS and not (labelled and follower[2] in LABEL_FOLLOWERS) and (
                follower[1] <= 1 or follower[1] <= 2 and follower[0] == "mechanism"):  # “双交叉”交流机制
            return [practice_mention(content, start, end, follower[0], "quote")]
        if has_verb(context.before, FORMULATION_VERBS):
            return [practice_mention(content, start, end, "mechanism", "quote")]
        if (context.before.rstrip().endswith(LOCAL_FORMULATION_VERBS) and not COUNTED_SET.match(content) and not labelled
                and (fvocab.scopes or {}).get(content, "local") == "local"):
            return [practice_mention(content, start, end, "mechanism", "quote")]  # 深化“二联三促”: a local set put to work
        return []
    if follower and ("的" not in after[:follower[1]]
                     or context.before.endswith("以") and follower[2] in ("形式", "方式", "模式") and follower[1] == 1):
        return [practice_mention(content, start, end, follower[0], "quote")]
    if context.quote_verb and len(content) >= 3:
        return [practice_mention(content, start, end, "activity", "quote")]
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


def _spelled_out(after_quote: str) -> bool:
    """True when a bracketed list spelling out a counted formulation follows its quote."""
    return not OPEN_BRACKETS.isdisjoint(after_quote[:2]) and SPELLED_OUT.match(after_quote) is not None


def text_after_quote(match: re.Match[str], context: ChainContext) -> str:
    """The text right after one quoted name of a chain (the chain's own text when it is the last)."""
    return match.string[match.end():match.end() + TEXT_AFTER_QUOTE]


def _titled_activity(content: str, follower: tuple[str, int, str] | None) -> bool:
    """A quoted motto of two or three clauses named as an activity (“传承甲乙，淬炼丙丁”主题党日活动):
    the whole motto is the activity's name."""
    if not follower or follower[1] > MAX_TITLE_GAP or not (
            follower[0] == "activity" and follower[2].endswith("活动") or follower[0] == "platform" and follower[2] == "平台"):
        return False  # …活动, or a platform named by its motto (“甲乙好商量，丙丁为人民”协商平台)
    clauses = [c for c in SLOGAN_JOINT.split(content) if c]
    return (2 <= len(clauses) <= 3 and len(content) <= MAX_TITLED_ACTIVITY and "—" not in content
            and all(len(c) >= 3 and HAN.match(c[0]) for c in clauses))


def _counted_parts(content: str, start: int, after: str) -> list[Mention]:
    """“A、B、C”三大行动: the parts of a quoted enumeration its count sums up, else nothing."""
    count = COUNT_AFTER.match(after)
    parts = content.split("、")
    if not count or _to_number(count.group(1)) != len(parts):
        return []
    found, offset = [], start
    for part in parts:
        if len(part) >= 2:
            found.append(practice_mention(part, offset, offset + len(part), "activity", "quote"))
        offset += len(part) + 1
    return found
