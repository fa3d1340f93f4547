"""Local formulations found by their shape in running text: repeated-numeral compounds, summaries after
a quoted enumeration, leads before a quote, counted and 大 sets, numeral summaries of an enumeration,
bracketed explanations, digit chains.
"""
from __future__ import annotations

import re

from djtext.extract.formulations.characters import (
    BRAND_SOON,
    CLASSIFIERS,
    HAN_CLASS,
    LEAD_NUMERALS,
    LEAD_NUMERAL_SET,
    NUMERALS,
    NUMERAL_SET,
    make_mention,
    numeral_value,
    preceded_by_ordinal,
    strip_quotes,
)
from djtext.extract.formulations.shape import DIGIT_CHAIN, is_formulation, is_quantity, stopped
from djtext.extract.formulations.vocabulary import FormulationVocabulary
from djtext.extract.scan import matches_at, starts_before
from djtext.models import Mention
from djtext.text import all_han_span, is_han_span, occurrences

PLUS_SIGNS = "+＋"  # a digit chain is found from its plus signs
CHAIN_EDGE = frozenset("0123456789.+＋ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# a numeral, one word character that is not a numeral, again (Han is checked afterwards)
# written with a leading character class (same matches as (?:N{1,2}H){2,4}) so the regex
# engine can skip ahead to the next numeral
COMPOUND = re.compile(rf"[{NUMERALS}][{NUMERALS}]?[^{NUMERALS}\W\d](?:[{NUMERALS}]{{1,2}}[^{NUMERALS}\W\d]){{1,3}}")
COMPOUND_PIECE = re.compile(rf"([{NUMERALS}]{{1,2}})([^{NUMERALS}\W\d])")
LEAD = re.compile(rf"([{LEAD_NUMERALS}][^{NUMERALS}\W\d])“")
# an unquoted numeral + 个 + two Han characters closed by punctuation (after a stance verb: counted)
COUNTED = re.compile(rf"[两三四五六七八九十]个[{HAN_CLASS}]{{2}}(?=[，。、；：！？）)”\s]|$)")
# 十大 is left out: it mostly ranks a selection (十大好提案评选), not a set phrase
BIG_NUMERALS = frozenset("两三四五六七八九")
BIG_COUNT = re.compile(rf"[两三四五六七八九]大([{HAN_CLASS}]{{2}})")
# a numeral summary that may close an unquoted enumeration: 三个协同联动, 三大样板 (the head ends
# at punctuation, 等 or 的)
ENUM_SUMMARY = re.compile(
    rf"([两三四五六七八九十])(?:[个大项种])?[{HAN_CLASS}]{{1,4}}?(?=[，。；：！？）)”\s]|等|的|$)")
ENUM_BREAK = re.compile(r"[，。；：！？（）()\n]")
ENUM_LAST_JOIN = re.compile(r"以及|和|及|与")
ENUM_JOINS = "、和及与"  # every enumeration holds one of these (以及 holds 及)
MAX_ENUM_CLAUSE = 60  # how far back an enumeration before a numeral summary is read
MAX_SUMMARY = 8  # the longest numeral summary after a quoted enumeration
MIN_ENUM_ITEM, MAX_ENUM_ITEM = 2, 10  # the Han characters of one item of an enumeration
# a numeral + head explained in brackets: 五有（有A、有B…）, “三个创新”（A、B、C）
EXPLAINED = re.compile(
    rf"(?P<num>[两三四五六七八九十])(?P<cls>[个大项])?(?P<head>[{HAN_CLASS}]{{1,4}})”?（(?P<items>[^（）\n]{{4,160}})）")
EXPLAINED_SPLIT = re.compile(r"[、；，]")
# an item shaped X + numeral + Y (场所三延伸, 功能四保障)
INNER_NUMERALS = "二两三四五六七八九十"  # the numeral of an item shaped X + numeral + Y


def from_compounds(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Unquoted repeated-numeral compounds with one-character heads (四微四提, 一岗双责)."""
    found = []
    for match in COMPOUND.finditer(text):
        candidate = match.group()
        if preceded_by_ordinal(text, match.start()):
            continue
        pieces = COMPOUND_PIECE.findall(candidate)
        if not all(is_han_span(head) for _, head in pieces):
            continue
        if any(is_quantity(head, vocab) or head in CLASSIFIERS for _, head in pieces):
            continue
        if any(len(num) > 1 for num, _ in pieces):
            continue  # 十二届三次: multi-character numbers are counts, not formulation parts
        if stopped(candidate, vocab) or not is_formulation(candidate, vocab):
            continue
        if any(stopped(num + head, vocab) for num, head in pieces[:1]):
            continue
        found.append(make_mention(text, match.start(), match.end(), "compound"))
    return found


def from_summaries(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral summary right after a quoted enumeration (“A、B、C”五大行动)."""
    found: list[Mention] = []
    if vocab.summary_pattern is None:
        return found
    closings = [at for at in occurrences(text, ("”", "’")) if text[at + 1:at + 2] in NUMERAL_SET or text[at + 1:at + 2] == "等"]
    for match in matches_at(vocab.summary_pattern, text, closings):  # ” then 等 or a numeral
        candidate = match.group(1)
        if is_formulation(candidate, vocab) and len(candidate) <= MAX_SUMMARY:
            found.append(make_mention(text, match.start(1), match.end(1), "summary"))
    return found


def from_leads(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral and one character directly before a quote (以三润“聚心”引领 -> 三润)."""
    found = []
    quote = text.find("“", 2)  # a quote with a numeral and a character before it
    while quote >= 0:
        match = LEAD.match(text, quote - 2) if text[quote - 2] in LEAD_NUMERAL_SET else None
        quote = text.find("“", quote + 1)
        if not match or preceded_by_ordinal(text, match.start()):
            continue
        candidate = match.group(1)
        if not is_han_span(candidate[1]):
            continue
        if candidate[1] in CLASSIFIERS or candidate[1] in NUMERAL_SET:
            continue
        if is_formulation(candidate, vocab):
            found.append(make_mention(text, match.start(1), match.end(1), "lead"))
    return found


def from_counted(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Unquoted 数词+个+two-character head right after a stance verb: 狠抓四个到位, 争当两个标兵."""
    found: list[Mention] = []
    if not vocab.lead_cues:
        return found
    position = text.find("个", 1)
    while position >= 0:  # find 个 first: far cheaper than a regex scan of the whole text
        start = position - 1
        match = COUNTED.match(text, start) if text[start] in NUMERAL_SET else None
        if match and text.endswith(vocab.lead_cues, max(0, start - 4), start):
            candidate = match.group()
            quantity = is_quantity(candidate[1:], vocab) or stopped(candidate, vocab)
            if not quantity and is_formulation(candidate, vocab):
                found.append(make_mention(text, start, match.end(), "counted"))
        position = text.find("个", position + 1)
    return found


def from_big_counts(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Unquoted numeral + 大 + two-character head (三大样板, 两大主题, 五大亮点): the genre's
    numbered set phrase; not a count of brands (四大文化品牌) nor a modifier (四大国际枢纽)."""
    found: list[Mention] = []
    position = text.find("大", 1)
    while position >= 0:
        start = position - 1
        if text[start] in BIG_NUMERALS and not preceded_by_ordinal(text, start):
            match = BIG_COUNT.match(text, start)
            if match and match.group(1) not in vocab.count_heads and not BRAND_SOON.match(text, start):
                candidate = match.group()
                if not stopped(candidate, vocab) and is_formulation(candidate, vocab):
                    found.append(make_mention(text, start, match.end(), "counted"))
        position = text.find("大", position + 1)
    return found


def _enumeration_size(clause: str) -> int:
    """Number of items of the enumeration ``clause`` ends with (A、B和C -> 3), 0 when it is none."""
    parts = strip_quotes(clause).split("、")
    last = ENUM_LAST_JOIN.split(parts[-1], maxsplit=1)
    parts = parts[:-1] + last
    if len(parts) < 2 or not all(_is_enum_item(part) for part in parts[1:]):
        return 0
    return len(parts) if len(parts[0]) >= 2 else 0


def from_enumerations(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral summary right after an unquoted enumeration of exactly that many items
    (调研、提案、民主监督三个协同联动 -> 三个协同联动; A、B、C三大样板 -> 三大样板)."""
    found: list[Mention] = []
    for match in ENUM_SUMMARY.finditer(text):
        start = match.start()
        if start == 0 or not is_han_span(text[start - 1]) and text[start - 1] not in "”’":
            continue
        if text[start - 1] in NUMERAL_SET or text[start - 1] == "第":
            continue
        clause_start = max(0, start - MAX_ENUM_CLAUSE)
        if not any(join in text[clause_start:start] for join in ENUM_JOINS):
            continue  # no 、 and no conjunction before it: no enumeration to sum up
        breaks = list(ENUM_BREAK.finditer(text, clause_start, start))
        clause = text[breaks[-1].end() if breaks else clause_start:start]
        if clause.endswith("等"):
            clause = clause[:-1]  # 例会、学习、研讨等三种制度
        if _enumeration_size(clause) != numeral_value(match.group(1)):
            continue
        candidate = match.group()
        head = candidate[2:] if candidate[1] in "个大项种" else candidate[1:]
        if len(head) < 2 or head[0] in "种类" or is_quantity(candidate[1:], vocab) or is_quantity(head, vocab):
            continue  # 两市, 三种类型: counts of places and kinds
        if head in vocab.count_heads or stopped(candidate, vocab) or not is_formulation(candidate, vocab):
            continue
        found.append(make_mention(text, start, match.end(), "enumeration"))
    return found


def _is_enum_item(part: str) -> bool:
    """True for an item of an enumeration: 2 to 10 Han characters."""
    return MIN_ENUM_ITEM <= len(part) <= MAX_ENUM_ITEM and all_han_span(part)


def _is_inner_numbered(item: str) -> bool:
    """True for an item shaped X + numeral + Y: two Han characters, a numeral, two or three more
    (场所三延伸, 功能四保障)."""
    return len(item) in (5, 6) and item[2] in INNER_NUMERALS and all_han_span(item[:2]) and all_han_span(item[3:])


def from_explained(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral + one character explained by as many items in brackets that all start with it
    (五有（有A、有B、…）-> 五有), and items shaped X + numeral + Y inside the brackets that explain
    a counted formulation (“三个创新”（场所三延伸、功能四保障、…）-> 场所三延伸, 功能四保障)."""
    found: list[Mention] = []
    for match in matches_at(EXPLAINED, text, starts_before(text, "（", 2, 7)):  # 2 to 7 characters before （
        start = match.start()
        if start > 0 and (text[start - 1] in NUMERAL_SET or text[start - 1] == "第"):
            continue
        number, head, listed = match.group("num"), match.group("head"), match.group("items")
        items = EXPLAINED_SPLIT.split(listed)
        if len(items) != numeral_value(number):
            continue
        if len(head) == 1 and not match.group("cls") and all(item.startswith(head) for item in items):
            candidate = number + head
            if not stopped(candidate, vocab) and not is_quantity(head, vocab):
                found.append(make_mention(text, start, start + 2, "explained"))
            continue
        offset = match.start("items")
        for item in listed.split("、"):
            core = item.strip()
            if _is_inner_numbered(core):
                at = offset + item.index(core)
                found.append(make_mention(text, at, at + len(core), "explained"))
            offset += len(item) + 1
    return found


def _plus_signs(text: str) -> list[int]:
    """Offsets of the plus signs (+ and full-width ＋) of ``text``, in order."""
    found: list[int] = []
    for sign in PLUS_SIGNS:
        at = text.find(sign)
        while at >= 0:
            found.append(at)
            at = text.find(sign, at + 1)
    return sorted(found)


def from_digits(text: str) -> list[Mention]:
    """Digit chains joined by + (1+4, 1+3+N), quoted or not."""
    found: list[Mention] = []
    last_end = -1
    for plus in _plus_signs(text):
        start = plus
        while start > 0 and text[start - 1].isdigit() and plus - start < 3:
            start -= 1
        if start >= plus or start <= last_end or (start > 0 and text[start - 1] in CHAIN_EDGE):
            continue
        match = DIGIT_CHAIN.match(text, start)
        if match:
            found.append(make_mention(text, match.start(), match.end(), "digits"))
            last_end = match.end()
    return found
