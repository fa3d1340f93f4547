"""Formulations written in quotes: a quoted numeral-led phrase, list, couplet or first item, a
classifier before or a noun after the quote, and quoted parts of a compound found elsewhere.
"""
from __future__ import annotations

import re

from djtext.extract.formulations.characters import (
    BRAND_SOON,
    CLASSIFIERS,
    CLASSIFIER_SET,
    LEAD_NUMERALS,
    LEAD_NUMERAL_SET,
    NUMBER_CHAR,
    NUMERALS,
    NUMERAL_RUN,
    NUMERAL_SET,
    make_mention,
    split_number,
)
from djtext.extract.formulations.shape import is_formulation, is_quantity
from djtext.extract.formulations.vocabulary import FormulationVocabulary
from djtext.models import Mention
from djtext.text import all_han_span, is_han_span

# a quoted span (at most one line break inside: a hard wrap the cleaner left); an opening quote
# written as ” (a common OCR / typing slip) is accepted too
QUOTED = re.compile(r"[“”]([^“”\n]{0,15}\n?[^“”\n]{1,16})”")
# single quotes are scanned on their own, so a ‘X’ nested inside a long “…” is seen too
SINGLE_QUOTED = re.compile(r"‘([^‘’\n]{1,16})’")
# a quoted “第一X” names a fixed first item (“第一议题”“第一课程”制度), not an ordinal count
FIRST_ITEM = "第一"  # a quoted 第一 + two or three Han characters
# what follows such a name (a rule, or the next quoted first item): not “第一书记”, “第一粒扣子”
FIRST_ITEM_AFTER = re.compile(r"“第一|制度|机制|学习|工作法")
LEAD_CLASSIFIER = re.compile(rf"(?<![第{NUMERALS}])([{NUMERALS}]{{1,2}}[{CLASSIFIERS}])$")
# the parts of a compound formulation: a numeral run and the head after it (双进|双联|双争|四百)
COMPOUND_PART = re.compile(rf"[{NUMERALS}]+[^{NUMERALS}\W\d]*")
LIST_PART = re.compile(r"[^、]+")
MAX_QUOTED = 16  # the longest quoted text read as a formulation (line breaks not counted)
MAX_LIST_HEAD = 3  # the longest head of each part of a quoted list (“三个甲乙、四个丙丁”)
MIN_LED_HEAD, MAX_LED_HEAD = 2, 5  # the length of a quoted head after a numeral + classifier (两个“头号工程”)


def _is_list_formulation(text: str, vocab: FormulationVocabulary) -> bool:
    parts = text.split("、")
    if len(parts) < 2:
        return False
    for part in parts:
        number, head = split_number(part)
        if not number or not head or len(head) > MAX_LIST_HEAD or not is_formulation(part, vocab):
            return False
    return True


def _is_couplet(text: str) -> bool:
    """True for a two-part parallel phrase with a numeral at the head of one part
    (一核多点、多圈合一; 一方隶属、双重管理): one formulation, not two."""
    parts = text.split("、")
    if len(parts) != 2 or len(parts[0]) != len(parts[1]) or not 3 <= len(parts[0]) <= 5:
        return False
    if not all(all_han_span(part) for part in parts):
        return False
    return any(part[0] in NUMERAL_SET for part in parts) and all(NUMERAL_RUN.search(part) for part in parts)


def _counts_things(text: str, start: int, number: str) -> bool:
    """True when a numeral + classifier before a quote counts things: 一张“X” (an article), 等七个“X”."""
    return number[0] == "一" or (start > 0 and text[start - 1] == "等")


def from_quotes(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Formulations written in quotes (see the package docstring, source ``quote``)."""
    found: list[Mention] = []
    matches = list(QUOTED.finditer(text))
    if "‘" in text:
        matches += SINGLE_QUOTED.finditer(text)
    for match in matches:
        raw_content, start, end = match.group(1), match.start(1), match.end(1)
        content = raw_content.replace("\n", "")
        if len(content) > MAX_QUOTED:
            continue
        if start >= 2 and text[start - 2] == "第":
            continue
        if NUMBER_CHAR.search(content) is None:
            # no numeral and no digit: only a numeral + classifier before the quote can lead one
            if text[match.start() - 1:match.start()] in CLASSIFIER_SET:
                _lead_classified(text, match, content, found)
            continue
        if content.startswith(FIRST_ITEM) and len(content) in (4, 5) and all_han_span(content[2:]):
            if FIRST_ITEM_AFTER.match(text, match.end()) or text.endswith("”", 0, match.start()):
                found.append(make_mention(text, start, end, "quote"))  # “第一课程”制度: a named first item
            continue
        if content.endswith("式") and "\n" not in raw_content and is_formulation(content[:-1], vocab):
            if len(split_number(content[:-1])[1]) >= 2:
                found.append(make_mention(text, start, end - 1, "quote"))  # “双链条式” -> 双链条
            continue
        if is_formulation(content, vocab, quoted=True):
            found.append(make_mention(text, start, end, "quote"))
            continue
        if _is_list_formulation(content, vocab):
            if "\n" in raw_content or BRAND_SOON.match(text, match.end()):
                found.append(make_mention(text, start, end, "quote"))  # one brand's name: one set
            else:
                offset = start
                for part in raw_content.split("、"):
                    found.append(make_mention(text, offset, offset + len(part), "quote"))
                    offset += len(part) + 1
            continue
        if _is_couplet(content) and "\n" not in raw_content:
            if all(is_formulation(part, vocab) for part in content.split("、")):
                cut = start + content.index("、")
                found.append(make_mention(text, start, cut, "quote"))  # “一组一甲、一委一乙”: two
                found.append(make_mention(text, cut + 1, end, "quote"))
            else:
                found.append(make_mention(text, start, end, "quote"))  # “一核多点、多圈合一”: one phrase
            continue
        run = NUMERAL_RUN.fullmatch(content[:-1]) if len(content) >= 2 else None
        if run and content[-1] in CLASSIFIERS:
            tail = text[match.end():match.end() + 2]  # the noun after the quote (“五张”清单)
            if len(tail) == 2 and all_han_span(tail) and not is_quantity(tail, vocab):
                found.append(make_mention(text, start, match.end() + 2, "quote"))
            continue
        if _lead_classified(text, match, content, found):
            continue
        if LEAD_NUMERAL_SET.isdisjoint(content):
            continue  # no numeral that could end a list part (cheap check before the loop)
        for part_match in LIST_PART.finditer(raw_content if "\n" not in raw_content else ""):
            part = part_match.group()
            if len(part) < 3 or part[-2] not in LEAD_NUMERALS:
                continue  # the tail is a numeral and one Han character, after a Han character
            if is_han_span(part[-3]) and is_han_span(part[-1]) and is_formulation(part[-2:], vocab):
                p_end = start + part_match.end()
                found.append(make_mention(text, p_end - 2, p_end, "quote"))
    return found


def _lead_classified(text: str, match: re.Match[str], content: str, found: list[Mention]) -> bool:
    """Add a numeral + classifier before a quoted head (两个“头号工程” -> 两个头号工程); True when added."""
    before = text[max(0, match.start() - 3):match.start()]
    lead = LEAD_CLASSIFIER.search(before)
    if lead and _counts_things(text, match.start() - len(lead.group(1)), lead.group(1)):
        return False
    if lead and MIN_LED_HEAD <= len(content) <= MAX_LED_HEAD and "的" not in content and all_han_span(content):
        found.append(make_mention(text, match.start() - len(lead.group(1)), match.end(1), "quote"))
        return True
    return False


def quoted_parts(text: str, kept: list[Mention]) -> list[Mention]:
    """Quoted parts of a compound formulation of the document, standing alone (“双进”即…, “四百”即…
    after “双进双联双争四百”): formulations too, even where their shape alone would not be one."""
    parts: set[str] = set()
    for mention in kept:
        pieces = COMPOUND_PART.findall(mention.text)
        if len(pieces) >= 2 and "".join(pieces) == mention.text:
            parts.update(piece for piece in pieces if len(piece) >= 2)
    if not parts:
        return []
    # every “X” of the text whose X is a part, in text order: a part holds no quote mark, so “X”
    # is an opening quote whose first closing quote comes right after X
    longest = max(map(len, parts))
    found = []
    opening = text.find("“")
    while opening >= 0:
        closing = text.find("”", opening + 1, opening + 2 + longest)
        if closing >= 0 and text[opening + 1:closing] in parts:
            found.append(make_mention(text, opening + 1, closing, "part"))
        opening = text.find("“", opening + 1)
    return found
