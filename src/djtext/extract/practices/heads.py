"""Unquoted compact noun phrases ending in a head (委员工作室, 功能型党支部, 建立…制度): the
``head`` and ``clause`` sources."""
from __future__ import annotations

import re

from djtext.extract.formulations import NUMERALS, FormulationVocabulary, is_formulation
from djtext.extract.practices.boundaries import (
    HAN, MAX_OWNER_NAME, MAX_OWNER_REACH, NAMED_PLACE_BACK, NATIONAL_OWNER_SIZES, VERB_WINDOW, bare_start, canonical_start, clause_before, clause_start,
    named_place_start, owner_start,
)
from djtext.extract.practices.vocabulary import Head, PracticeVocabulary
from djtext.extract.practices.mentions import practice_mention
from djtext.models import Mention
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import LazyRegex

# an administrative place name before a bare name (not the 区 of a named 社区: 东城社区委员工作室)
# a named community or street that owns a platform (东城社区委员工作室): part of its name
NAMED_OWNER = LazyRegex(rf"[{HAN_CLASS}]{{2,6}}(?:社区|街道)")
ORG_OWNER = re.compile(r"(?:专门委员会|专委会|分党组|机关|政协)+")
# a compact mechanism name without a keyword: no list joints, no 的
LOOSE_MECHANISM_BLOCK = re.compile(r"[的等和与、这各]|及(?!时)")
MIN_LOOSE_PREFIX = 6
MAX_LOOSE_NAME = 20
MAX_ORG_PREFIX = 4
MAX_LONG_ORG_PREFIX = 9
# a duty descriptor that makes a longer organisational-form name (党员委员履职联合党支部)
ORG_DESCRIPTORS = ("履职", "调研", "学习", "服务", "联络")
# single characters that end a clause before a quote (现场“督办”制度 has none: a longer phrase)
MAX_BARE_PREFIX = 6
MAX_LONG_PREFIX = 8
# how far before its head a bare name can start: an owner's 政协 (MAX_OWNER_REACH) with the
# national practice before it, a community's name taken back, a platform's own name before 政协
MAX_NAME_REACH = MAX_OWNER_REACH + max(NATIONAL_OWNER_SIZES) + max(NAMED_PLACE_BACK) + len("政协") + MAX_OWNER_NAME
DESCRIBED_WAY = re.compile(r"的(?:途径|方法|路径|方式|措施|长效|有效|工作)+(?:办法|机制|制度|体系)$")
DEGREE_WORDS = ("较为", "更加", "比较", "相对", "十分", "非常", "进一步", "日益", "更为", "最为")
NUMERAL_CLASSIFIER = re.compile(rf"[{NUMERALS}\d][个项条种张]")
HONOUR_AFTER = re.compile(r"(?:荣誉)?称号|荣誉")
# the own name of a platform after its 政协 (甲乙丙委员工作室: a member's or a theme's studio)
OWNER_NAME = LazyRegex(rf"(?:政协)?((?![{NUMERALS}])[{HAN_CLASS}]{{2,4}})")


def _loose_mechanism(name: str, head: str, following: str, vocab: PracticeVocabulary) -> bool:
    """A compact mechanism name without a keyword: 专委会分党组经常性研读制度 (not 督导问责机制).

    Not a generic phrase (…长效机制, …工作制度), not 制度机制 or a name running on (…制度体系)."""
    prefix = name[:-len(head)]
    return (len(prefix) >= MIN_LOOSE_PREFIX and len(name) <= MAX_LOOSE_NAME
            and not LOOSE_MECHANISM_BLOCK.search(name)
            and not any(name.endswith(word) for word in vocab.stopwords)
            and not vocab.head_at_end.search(prefix)
            and not (following and HAN.match(following) and following not in "和及与等并"))


def from_heads(text: str, quoted: bytearray, vocab: PracticeVocabulary,
                fvocab: FormulationVocabulary | None = None) -> list[Mention]:
    """Bare names ending in a head that the text does not quote."""
    found: list[Mention] = []
    if vocab.head_automaton is None:
        return found
    for end_index, head in vocab.head_automaton.iter_long(text):  # type: ignore[attr-defined]
        info = vocab.heads[head]
        head_start, end = end_index - len(head) + 1, end_index + 1
        if info.bare == "no" or quoted[head_start] or quoted[end_index]:
            continue
        if info.requires_words and info.bare != "clause" and not info.requires.search(
                text, max(0, head_start - MAX_NAME_REACH), end):
            continue  # no required word near the head: the name's own check would fail
        decided = _head_name(text, head_start, end, info, vocab, fvocab)
        if decided:
            name, start, source = decided
            found.append(practice_mention(name, start, end, info.category, source))
    return found


def _head_name(text: str, head_start: int, end: int, info: Head, vocab: PracticeVocabulary,
               fvocab: FormulationVocabulary | None) -> tuple[str, int, str] | None:
    """(name, start, source) of the practice the head at ``head_start`` ends, or None."""
    head = info.head
    if info.bare == "clause":
        start = clause_start(text, head_start, vocab)
        if start is None:
            return None
    else:
        limit = MAX_ORG_PREFIX if info.category == "org_form" else MAX_BARE_PREFIX
        start, natural = bare_start(text, head_start, limit, vocab.edges, vocab.edge_lengths)
        if not natural and info.category != "org_form":
            longer, natural = bare_start(text, head_start, MAX_LONG_PREFIX, vocab.edges, vocab.edge_lengths)
            start = longer if natural else start  # 同心桥民主协商基地: a longer name with a clear edge
            if not natural:  # no clear edge: not cut mid-word, but after the owner's 政协
                owner_at = owner_start(text, start, head_start, HAN.match, vocab.national)
                start, natural = (owner_at, True) if owner_at is not None else (start, False)
        elif not natural:
            longer, natural = bare_start(text, head_start, MAX_LONG_ORG_PREFIX, vocab.edges, vocab.edge_lengths)
            natural = natural and text[longer:head_start].endswith(ORG_DESCRIPTORS) and head_start - longer >= 4
            start = longer if natural else start  # 党员委员履职联合党支部: a described form
        if start > 0 and text[start - 1] in "”’":
            return None  # “X”…head: the quoted name owns the head (see from_quotes)
        if info.category == "org_form" and not natural:
            return None  # a long owner before an organisational form: a unit's name, not a practice
        if info.bare == "verb":
            before = clause_before(text, start, VERB_WINDOW)
            if not vocab.founding_or_quote_verb.search(before[-4:]):
                return None
    if info.bare != "clause":
        start = named_place_start(text, start, vocab)
        start = canonical_start(text, start, head_start, info, vocab)
    if info.category == "org_form":
        owner = ORG_OWNER.match(text, start, head_start)
        if owner and not (info.requires and info.requires.search(text[start:end])
                          and not info.requires.search(text[owner.end():end])):
            start = owner.end()  # 专委会党员委员履职联合党支部 -> 党员委员履职联合党支部
            # (but 政协街道工作组 keeps the 政协 its head requires)
    name = text[start:end]
    if head_start - start < info.min_prefix or len(name) < 3 and info.min_prefix:
        return None
    if name in vocab.stopwords or NUMERAL_CLASSIFIER.search(name[:-len(head)] or " "):
        return None
    if DESCRIBED_WAY.search(name):
        return None  # 探索委员联系群众的途径办法: ways of doing something, not a named rule
    if name.startswith(DEGREE_WORDS):
        return None  # 较为规范的协商工作制度: a description of the rules, not their name
    if info.bare == "clause" and "等" in name:
        return None  # 谈心谈话和…通报会等制度: a list of things, not one named system
    if HONOUR_AFTER.match(text, end):
        return None
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
        return None  # 专委会功能型党支部: the national name is found by the lexicon
    if info.requires and not info.requires.search(name):
        if info.bare != "clause" or not _loose_mechanism(name, head, text[end:end + 1], vocab):
            return None
    if info.bare == "verb" and info.category == "activity" and (
            vocab.head_at_end.search(name[:-len(head)]) or name[:-len(head)].endswith("品牌")):
        return None  # 先锋岗创建活动: the practice is the inner 先锋岗; 品牌创建活动: a brand's making
    if name[0] in NUMERALS and info.bare != "clause":
        if not (info.category == "activity" and fvocab is not None and is_formulation(name[:-len(head)], fvocab)):
            return None  # 一支部一亮点实践活动: a numeric set named as an activity is kept
    return name, start, "clause" if info.bare == "clause" else "head"
    return found
