"""Unquoted items of lists: activities after a practice verb (组织甲、乙等系列活动), systems after
a founding verb that hold a known practice (落实“三会一课”、甲乙等制度), and numeral summaries of
quoted organisation chains (…”双组织体系)."""
from __future__ import annotations

import re

from djtext.extract.formulations import NUMERALS
from djtext.extract.practices.boundaries import HAN, list_clause_start
from djtext.extract.practices.mentions import MAX_PARALLEL_ITEM, QUOTE_MARK, practice_mention
from djtext.extract.practices.vocabulary import PracticeVocabulary
from djtext.extract.scan import matches_at, starts_before
from djtext.models import Mention
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import LazyRegex, occurrences

LIST_ITEM = re.compile(r"[^、和]+")
SYSTEM_LIST_END = re.compile(r"等(?:规章|党建|工作|各项|基本|组织生活|学习|管理)?制度")
ORG_SUMMARY_WORDS = ("组织体系", "组织架构")
ORG_SUMMARY = LazyRegex(rf"[”’]([{NUMERALS}][{HAN_CLASS}]{{0,3}}?(?:{'|'.join(ORG_SUMMARY_WORDS)}))")
LEADING_USE = re.compile(r"(?:综合|充分|灵活)?(?:运用|采取|采用|通过)?")
# an item that is a clause of doing, not a name: 听取汇报, 实地参观, 坚持党的领导
VERB_PHRASE = re.compile(r"听取|汇报|参观|通过|的|坚持|强化|健全|拓宽|丰富|明确|组织机构")
# the end of a list of activities or forms (group 1: a kind word); every branch opens with one of
# ACTIVITY_LIST_OPENINGS, so it is tried only where one of them stands
ACTIVITY_LIST_END = re.compile(r"""
      等(?:系列|实践|主题|志愿服务)活动 | 系列活动 | 实践活动 | 主题活动 | 志愿服务活动  # (等)系列活动
    | 等[^，。；、：\n]{0,12}?活动                                                 # 等…活动
    | 等(形式|方式)                                                               # 等形式
    """, re.VERBOSE)
ACTIVITY_LIST_OPENINGS = ("等", "系列活动", "实践活动", "主题活动", "志愿服务活动")  # where a branch opens
ACTIVITY_VERBS = re.compile(r"开展|组织|举办|举行|实施")


def from_activity_lists(text: str, quoted: bytearray, vocab: PracticeVocabulary) -> list[Mention]:
    """Unquoted items of a list of activities after a practice verb (组织甲乙下乡、丙丁下乡等系列活动;
    综合运用甲协商、乙协商等形式): one activity per item, or one name for a set of short parallel
    items (送甲、送乙、送丙系列活动 -> 送甲、送乙、送丙)."""
    found: list[Mention] = []
    for anchor in matches_at(ACTIVITY_LIST_END, text, occurrences(text, ACTIVITY_LIST_OPENINGS)):
        clause_start = list_clause_start(text, anchor.start())
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
            found.append(practice_mention(text[first.start():last.end()], first.start(), last.end(), "activity", "activity_list"))
            continue
        if anchor.group(1) and not _common_ending(items):
            continue  # 等形式: only a set of forms of one kind (甲协商、乙协商、丙协商)
        for m in plain:
            lead = LEADING_USE.match(m.group())
            name, start = m.group()[lead.end():], m.start() + lead.end()
            if (4 <= len(name) <= 12 and HAN.match(name[0]) and name[0] not in NUMERALS and name[0] != "各"
                    and name[:2] not in vocab.leading_verbs and not VERB_PHRASE.search(name)
                    and name not in vocab.stopwords):
                found.append(practice_mention(name, start, m.end(), "activity", "activity_list"))
    return found


def _common_ending(items: list[re.Match[str]]) -> bool:
    """True when most items of a list end in the same two characters (甲协商、乙协商、丙协商)."""
    endings = [m.group()[-2:] for m in items]
    return max(endings.count(e) for e in endings) * 2 > len(endings)


def from_system_lists(text: str, vocab: PracticeVocabulary) -> list[Mention]:
    """Items of a list of systems (严格落实“三会一课”、党员谈心谈话等规章制度) that holds a known practice.

    The list follows a founding verb and ends in 等制度; it counts only when one of its items is a
    national practice or is quoted, so that lists of generic duties (健全承诺、践诺…等制度) stay out."""
    found: list[Mention] = []
    for anchor in SYSTEM_LIST_END.finditer(text):
        clause_start = list_clause_start(text, anchor.start())
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
                found.append(practice_mention(name, match.start(), match.end(), "mechanism", "system_list"))
    return found


def from_org_summaries(text: str) -> list[Mention]:
    """A numeral summary of quoted organisation chains: “党组—支部”和“党组—党委”双组织体系."""
    starts = starts_before(text, ORG_SUMMARY_WORDS, 2, 5)  # ”, a numeral, up to three characters, the word
    return [practice_mention(m.group(1), m.start(1), m.end(1), "org_form", "org_summary")
            for m in matches_at(ORG_SUMMARY.compiled(), text, starts)]
