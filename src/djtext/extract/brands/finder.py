"""The brand finder: every 品牌 anchor of the wrap view, read through the quoted, counted and unquoted
patterns, one Mention per name.
"""
from __future__ import annotations

import re

from djtext.extract.brands.counted import count_in, counted_items
from djtext.extract.brands.quoted import (
    QuoteIndex,
    chain_back,
    chain_forward,
    listed_before,
    listed_parts,
    names_after,
    quote_name,
)
from djtext.extract.brands.unquoted import bare_name, recurring_name
from djtext.extract.brands.vocabulary import (
    ANCHOR,
    BrandVocabulary,
    is_name_char,
    brand_vocabulary,
    is_generic_name,
    split_components,
    split_kind,
)
from djtext.extract.brands.wrap import WrapView, wrap_view
from djtext.lexicon import Lexicon
from djtext.models import Mention

# characters of the run read backwards from 品牌: Han characters and digits (“A”“B”等10余个党建品牌)
RUN_DIGITS = "0123456789０１２３４５６７８９"  # digits that may sit in that run
CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?\n（）()《》]")
CONNECTOR = re.compile(r"^(?:为|是|作为|成为|即)")
LINKED = re.compile(r"为|是")
# what may stand between 品牌 and a quoted name after it: 品牌名称为“X”, 品牌：“X”, 品牌——“X”
AFTER_LINK = re.compile(r"(?:名称|名字|称号|命名)?(?:为|是|叫|：|:|——|—)?")
# what follows the last name of 品牌“X”: a clause end, 的, 等, 为 (打造党建品牌“X”的思路); a
# quote followed by a noun modifies that noun instead (打造党建品牌“六型”机关创建中)
AFTER_END = re.compile(r"[，。；：！？、,;:!?\s）)]|的|等|为|作为|$")
# 品牌化 (making something brand-like) never names a brand
NOT_A_BRAND_AFTER = "化"
# cues that the brands of a sentence are cited as examples of others, not the reporter's own
CITED_CUES = re.compile(r"""
    (?:^|[，。；：！？\n])\s*                          # at a clause start
    (?:有的地方|有的|有些地方|有些|一些地方             # some (places) ...
      |比如|例如|诸如|譬如                             # for example
      |如(?![期实何此今果同约愿数意])                   # 如, not in 如期, 如实, 如何 ...
      |像(?![样])                                     # 像, not in 像样
    )""", re.VERBOSE)
MAX_GAP = 12  # the longest owner gap between a quoted name and the kind (“X”政协党建品牌)
MAX_LINKED_GAP = 20  # the same when 为 or 是 links them (以“X”为党建品牌)
MAX_CITED_WINDOW = 200  # how far back a citing cue (有的地方…, 如…) is looked for
MAX_PRE_RUN = 30  # the longest run of Han characters read back from 品牌
MAX_CLAUSE = 40  # how far back the clause before a kind is read (for a creation verb)


def _han_run_before(text: str, pos: int) -> int:
    """Start of the run of Han characters ending at ``pos`` (at most MAX_PRE_RUN long)."""
    start = pos
    limit = max(0, pos - MAX_PRE_RUN)
    while start > limit and (is_name_char(text[start - 1]) or text[start - 1] in RUN_DIGITS):
        start -= 1
    return start


def _clause_before(text: str, pos: int, limit: int = MAX_CLAUSE) -> str:
    """The text of the clause that ends at ``pos`` (back to the last clause break)."""
    start = max(0, pos - limit)
    breaks = list(CLAUSE_BREAK.finditer(text, start, pos))
    return text[breaks[-1].end() if breaks else start:pos]


def _gap_allows_quote(gap: str, vocab: BrandVocabulary) -> bool:
    """True when the Han text between a closing quote and the kind words still ties them together."""
    limit = MAX_LINKED_GAP if LINKED.search(gap) else MAX_GAP
    return len(gap) <= limit and not vocab.gap_stop_pattern.search(CONNECTOR.sub("", gap))


def _is_cited(text: str, start: int) -> bool:
    """True when the sentence before ``start`` cites examples (有的地方…, 如“X”): not the reporter's own."""
    window = text[max(0, start - MAX_CITED_WINDOW):start]
    sentence_start = max(window.rfind(c) for c in "。；！？\n")
    return CITED_CUES.search(window, max(sentence_start, 0)) is not None


def extract_brands(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a brand name in clean ``text``; one Mention per occurrence."""
    if ANCHOR not in text and "品" not in text:
        return []
    view = wrap_view(text)
    mentions = _extract_brands(view, lexicon)
    if view.starts:
        for m in mentions:
            m.start, m.end = view.to_text(m.start), view.to_text(m.end, end=True)
    return mentions


def _extract_brands(view: WrapView, lexicon: Lexicon | None) -> list[Mention]:
    text = view.text
    if ANCHOR not in text:
        return []
    vocab = brand_vocabulary(lexicon)
    quotes = QuoteIndex(view.quotes())
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, name: str, kind: str, pattern: str, count: int = 0) -> None:
        """Record the brand ``name`` at [start, end) (one per name when one quote lists several)."""
        start += len(name) - len(name.lstrip())
        end -= len(name) - len(name.rstrip())
        name = name.strip()
        parts = listed_parts(name, count)
        if parts:
            offset = start
            for part in name.split("、"):
                if part.strip():
                    add(offset, offset + len(part), part, kind, pattern)
                offset += len(part) + 1
            return
        if (start, end) in found or is_generic_name(name, vocab):
            return
        found[(start, end)] = Mention(
            table="brands", text=name, start=start, end=end,
            attrs={"name": name, "kind": kind, "components": split_components(name), "pattern": pattern,
                   "cited": _is_cited(text, start)},
        )

    pos = text.find(ANCHOR)
    while pos >= 0:
        if text.startswith(NOT_A_BRAND_AFTER, pos + len(ANCHOR)):
            pos = text.find(ANCHOR, pos + len(ANCHOR))
            continue
        run_start = _han_run_before(text, pos)
        gap, kind_words = split_kind(text[run_start:pos], vocab)
        kind = kind_words + ANCHOR
        before = text[run_start - 1] if run_start > 0 else ""
        anchor_quote = None
        if before and quotes.ending_at(run_start) is not None:
            anchor_quote = quotes.ending_at(run_start)
        elif before in "，," and CONNECTOR.match(gap) and quotes.ending_at(run_start - 1) is not None:
            anchor_quote = quotes.ending_at(run_start - 1)
        count = count_in(gap)
        quoted = anchor_quote is not None and _gap_allows_quote(gap, vocab)
        chain = chain_back(text, quotes, anchor_quote, vocab) if quoted else []
        listed = listed_before(text, quotes, pos - len(kind_words), vocab) if not quoted or "等" in gap else []
        if quoted and len(listed) > len(chain):
            for index in listed:  # “A”平台、“B”工作室等…品牌: the 等-list is longer than the quote chain
                start, end, name = quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "list")
        elif quoted:
            for index in chain:
                start, end, name = quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "quote" if index == anchor_quote else "list", count)
        elif listed:
            for index in listed:
                start, end, name = quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "list")
        elif anchor_quote is None and kind_words:
            bare = bare_name(gap, vocab)
            if bare is not None:
                offset, name = bare
                add(run_start + offset, run_start + offset + len(name), name, kind, "bare")
            elif (recurring := recurring_name(text, gap, run_start, vocab)) is not None:
                offset, name = recurring
                add(run_start + offset, run_start + offset + len(name), name, kind, "recurring")
        if count:
            for start, end, name in counted_items(text, pos + len(ANCHOR), count, vocab):
                add(start, end, name, kind, "counted")
        after = pos + len(ANCHOR)
        link = AFTER_LINK.match(text, after).group()
        first = quotes.starting_at(after + len(link))
        verbed = bool(vocab.verb_pattern.search(_clause_before(text, run_start)) or vocab.verb_pattern.search(gap))
        if first is not None and (link or verbed or (kind_words and names_after(text, run_start, quotes, first))):
            chain = chain_forward(text, quotes, first, vocab)
            if AFTER_END.match(text, quotes.spans[chain[-1]][1]):
                for index in chain:
                    start, end, name = quote_name(text, quotes.spans[index])
                    add(start, end, name, kind, "after")
        pos = text.find(ANCHOR, after)
    return sorted(found.values(), key=lambda m: (m.start, m.end))
