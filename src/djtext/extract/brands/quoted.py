"""Quoted brand names: the quotes of a text, chains of quoted names listed together (“A”“B”,
“A”、“B”和“C”), names listed before 等 and the kind, one quote listing several names.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from djtext.extract.brands.vocabulary import BrandVocabulary, is_name_char
from djtext.text import HAN_SPAN_RANGE

# between two quoted names of one list: nothing, a list comma or a conjunction, or
# 、 plus a short label naming the item's owner (甲组“A”、乙组“B”)
LIST_JOIN = re.compile(rf"""
    \s*(?:
        [、，,]?\s*(?:和|及|以及|与|或)?           # nothing, a list comma and/or a conjunction
      | 、(?P<label>[{HAN_SPAN_RANGE}]{{1,8}})     # or 、 and the next item's owner label
    )\s*
""", re.VERBOSE)
# 等 closing a list of names before the kind, with what may stand between (等一批影响力大的特色协商品牌)
LISTED_BEFORE = re.compile(r"等(?P<between>[^“”‘’「」，,：:。；！？\n]{0,30})$")
# a short type noun after a listed quoted name (“A”协商议事平台、“B”工作室等 … 品牌)
SUFFIX_JOIN = re.compile(rf"""
    \s*(?P<suffix>[{HAN_SPAN_RANGE}]{{0,8}}?)\s*          # the type noun (协商议事平台)
    (?:[、，,]\s*(?:和|及|以及|与)?|和|及|以及|与)?\s*     # a list comma or a conjunction
    (?P<label>[{HAN_SPAN_RANGE}]{{0,8}})\s*              # the next item's owner label
""", re.VERBOSE)
# before a kind + 品牌 + “X” with no verb: a causative makes “X” a predicate (让党建品牌“亮起来”)
CAUSATIVES = "让使把将令要"
COMPLEMENTS = ("起来", "出来", "下去", "上来", "开来", "更响", "更亮")
MAX_JOIN = 10  # the longest text between two quoted names of one list
MAX_LISTED_HEAD = 40  # how far back from the kind a 等-list of quoted names is looked for
MAX_SUFFIX = 8  # the longest type noun after a listed quoted name (协商议事平台)


class QuoteIndex:
    """The quoted spans of a text (its ``QUOTE`` matches), findable by where they close and where they open."""

    def __init__(self, matches: list[re.Match[str]]) -> None:
        # (open quote index, close quote index + 1), in text order; the spans never overlap, so
        # their starts and their ends are both sorted (looked up by bisection)
        self.spans: list[tuple[int, int]] = [m.span() for m in matches]
        self.starts = [start for start, _end in self.spans]
        self.ends = [end for _start, end in self.spans]

    def ending_at(self, pos: int) -> int | None:
        """Index of the quote closing right before ``pos``, else None."""
        index = bisect_left(self.ends, pos)
        return index if index < len(self.ends) and self.ends[index] == pos else None

    def starting_at(self, pos: int) -> int | None:
        """Index of the quote opening at ``pos``, else None."""
        index = bisect_left(self.starts, pos)
        return index if index < len(self.starts) and self.starts[index] == pos else None


def _joins_list(between: str, vocab: BrandVocabulary) -> bool:
    """True when ``between`` (the text between two quotes) joins them as items of one list."""
    if len(between) > MAX_JOIN:
        return False
    m = LIST_JOIN.fullmatch(between)
    if m is None:
        return False
    label = m.group("label") or ""
    return not (vocab.verb_pattern.search(label) or vocab.gap_stop_pattern.search(label))


def chain_back(text: str, quotes: QuoteIndex, index: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of the quoted names listed before quote ``index`` (itself included), in text order."""
    chain = [index]
    while chain[-1] > 0:
        prev = chain[-1] - 1
        if not _joins_list(text[quotes.spans[prev][1]:quotes.spans[chain[-1]][0]], vocab):
            break
        chain.append(prev)
    return list(reversed(chain))


def chain_forward(text: str, quotes: QuoteIndex, index: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of quote ``index`` and the quoted names listed right after it."""
    chain = [index]
    while chain[-1] + 1 < len(quotes.spans):
        nxt = chain[-1] + 1
        if not _joins_list(text[quotes.spans[chain[-1]][1]:quotes.spans[nxt][0]], vocab):
            break
        chain.append(nxt)
    return chain


def names_after(text: str, run_start: int, quotes: QuoteIndex, first: int) -> bool:
    """True when a kind + 品牌 with no verb is followed by its name (县政协党建品牌“X”，…), not by
    what is done to it (让党建品牌“亮起来”)."""
    if run_start > 0 and text[run_start - 1] in CAUSATIVES:
        return False
    start, end = quotes.spans[first]
    return not text[start + 1:end - 1].endswith(COMPLEMENTS)


def listed_parts(name: str, count: int) -> bool:
    """True when one quoted span lists several brand names (“A、B、C、D”四大文化品牌): split when
    a count says how many, or when three names or more are listed none of which leads with a
    numeral (“三学、两讲、一促进” names one brand made of numbered parts)."""
    if "、" not in name:
        return False
    parts = [p for p in name.split("、") if p.strip()]
    if len(parts) < 2 or any(len(p.strip()) < 2 for p in parts):
        return False
    if count and count == len(parts):
        return True
    return len(parts) >= 3 and not any(p.strip()[0] in "一二两三四五六七八九十双" for p in parts)


def listed_before(text: str, quotes: QuoteIndex, run_start: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of quoted names listed before 等 ahead of the kind words starting at ``run_start``
    (“A”平台、“B”工作室等一批…品牌), each name possibly followed by a short type noun; empty when
    the text is not such a list."""
    head = text[max(0, run_start - MAX_LISTED_HEAD):run_start]
    m = LISTED_BEFORE.search(head)
    if m is None or vocab.verb_pattern.search(m.group("between")) or vocab.gap_stop_pattern.search(m.group("between")):
        return []  # 等活动打造…品牌, 等为载体的党建品牌: the names are not the brands
    end = max(0, run_start - MAX_LISTED_HEAD) + m.start()
    last = None
    for back in range(0, MAX_SUFFIX + 1):
        at = quotes.ending_at(end - back)
        if at is not None:
            last = at
            suffix = text[end - back:end]
            break
    if last is None or not _plain_suffix(suffix, vocab):
        return []
    chain = [last]
    while chain[-1] > 0:
        prev = chain[-1] - 1
        between = text[quotes.spans[prev][1]:quotes.spans[chain[-1]][0]]
        join = SUFFIX_JOIN.fullmatch(between)
        if join is None or not _plain_suffix(join.group("suffix"), vocab) or not _plain_suffix(join.group("label"), vocab):
            break
        chain.append(prev)
    return list(reversed(chain))


def _plain_suffix(suffix: str, vocab: BrandVocabulary) -> bool:
    """True for a type noun after a listed name (工作室, 协商议事平台), not a clause with a verb."""
    return len(suffix) <= MAX_SUFFIX and all(map(is_name_char, suffix)) and not vocab.verb_pattern.search(suffix)


def quote_name(text: str, span: tuple[int, int]) -> tuple[int, int, str]:
    """(start, end, text) of the name inside the quoted ``span`` (the quote marks left out)."""
    start, end = span[0] + 1, span[1] - 1
    return start, end, text[start:end]
