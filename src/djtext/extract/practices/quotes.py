"""Quoted names, alone or in a chain (“A”“B”、“C”), that the text presents as practices; the
quoted-span mask and the quoted names the document presents as brands."""
from __future__ import annotations

import re

from djtext.extract.formulations import NUMERALS, FormulationVocabulary, is_formulation
from djtext.extract.practices.boundaries import FUNCTION_CHARS, HAN, VERB_WINDOW, clause_before
from djtext.extract.practices.mentions import BRAND_AFTER, INNER_QUOTES, MAX_BRAND_AFTER, MAX_PARALLEL_ITEM, practice_mention
from djtext.extract.practices.quoted_names import (
    ChainContext, follower_after, quoted_practices,
)
from djtext.extract.practices.series import series_siblings
from djtext.extract.practices.titles import TITLE
from djtext.extract.practices.vocabulary import PracticeVocabulary, ending_head
from djtext.models import Mention

QUOTED = re.compile(r"[“”]([^“”\n]{0,29}\n?[^“”\n]{1,30})”")
CHAIN_JOIN = re.compile(r"(?:[、]|和|与|及|以及)?")
MAX_CHAIN_JOIN = len("以及")  # the longest gap CHAIN_JOIN accepts
COUNTED_BEFORE = re.compile(rf"[{NUMERALS}\d][个项大张]$")
COUNTERS = frozenset("个项大张")  # the last character of a COUNTED_BEFORE match (a clause holds no line break)
SUPPORT_VERBS = ("助推", "助力", "服务于", "为推进", "围绕建设")  # 为“甲乙”建设注入动能: a goal served
NAMING_VERBS = ("名为", "称为", "成为", "作为", "评为", "列为", "定为", "认定为", "确定为")  # 命名为“甲”: a name given
MIN_NAMED_CHAIN = 3
AFTER_CHAIN = 24  # characters after a chain read for its follower, head or brand word


def _quote_chains(text: str, quotes: list[re.Match[str]] | None = None) -> list[list[re.Match[str]]]:
    chains: list[list[re.Match[str]]] = []
    for match in QUOTED.finditer(text) if quotes is None else quotes:
        if chains:
            last = chains[-1][-1]
            gap = match.start() - last.end()
            if gap <= MAX_CHAIN_JOIN and CHAIN_JOIN.fullmatch(text, last.end(), match.start()):  # the gap joins them
                chains[-1].append(match)
                continue
        chains.append([match])
    return chains


def from_quotes(text: str, vocab: PracticeVocabulary, fvocab: FormulationVocabulary,
                quotes: list[re.Match[str]] | None = None) -> list[Mention]:
    """Practices named by quoted names, chain by chain, with their numbered siblings."""
    found: list[Mention] = []
    rejected: list[tuple[str, int]] = []
    for chain in _quote_chains(text, quotes):
        got, lost = _chain_practices(text, chain, vocab, fvocab)
        found.extend(got)
        rejected.extend(lost)
    accepted = [(m.text, m.start, m.attrs["category"]) for m in found]
    for content, start, category in series_siblings(text, accepted, rejected, NUMERALS):
        found.append(practice_mention(content, start, start + len(content), category, "quote"))  # 百人百甲、百人百乙
    return found


def _chain_practices(text: str, chain: list[re.Match[str]], vocab: PracticeVocabulary,
                     fvocab: FormulationVocabulary) -> tuple[list[Mention], list[tuple[str, int]]]:
    """The practices of one chain of quoted names and its rejected names (content, start)."""
    rejected: list[tuple[str, int]] = []
    first, last = chain[0], chain[-1]
    after = text[last.end():last.end() + AFTER_CHAIN]
    before = clause_before(text, first.start(), VERB_WINDOW)
    if before[-1:] in COUNTERS and COUNTED_BEFORE.search(before):
        return [], []  # 两个“头号工程”: a numeric formulation, not a practice
    trimmed = before.rstrip()
    if trimmed.endswith(SUPPORT_VERBS) or (trimmed.endswith("为") and not trimmed.endswith(NAMING_VERBS)):
        return [], []  # 助推“书香社区”建设: another body's campaign the unit supports, not its practice
    follower = follower_after(after, vocab)
    if follower and follower[0] == "no":
        return [], []
    if "品牌" in after and BRAND_AFTER.match(after):
        return [], []  # “A”“B”等功能型党支部履职品牌: brand names
    quote_verb = before.endswith(vocab.quote_verbs) or (  # 统筹推进“甲”“乙”“丙”工作: a chain of names
        len(chain) >= MIN_NAMED_CHAIN and before.endswith(vocab.found_verbs))
    context = ChainContext(before, after, last.end(), follower, quote_verb)
    chain_found: list[Mention] = []
    for index, match in enumerate(chain):
        word = match.group(1).strip()
        if index == 0 and len(word) <= 2 and word[:1] not in NUMERALS and _embedded(before, after, vocab):
            continue  # 现场“督办”制度: a quoted word inside a longer mechanism phrase, not a name
        if index and "、" in chain[index - 1].group(1) and _is_numeric(match.group(1), fvocab):
            continue  # “联甲、联乙”“二联”活动: the count labels the list just given
        got = quoted_practices(match, index == len(chain) - 1, context, vocab, fvocab)
        if not got:
            rejected.append((match.group(1).strip(), match.start(1)))
        chain_found.extend(got)
    return (_merge_parallel(chain, chain_found, vocab) if len(chain) > 1 else chain_found), rejected


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
    if any(ending_head(c, vocab) or "、" in c for c in contents) or len({m.attrs["category"] for m in mentions}) != 1:
        return mentions
    if [m.text for m in mentions] != contents:
        return mentions
    first, last = mentions[0], mentions[-1]
    return [practice_mention("、".join(contents), first.start, last.end, first.attrs["category"], "quote")]


def brand_names(text: str, quotes: list[re.Match[str]] | None = None) -> set[str]:
    """Quoted names the document presents as brands somewhere (“X”党建品牌): not practices there."""
    names: set[str] = set()
    if "品牌" not in text:
        return names
    for match in QUOTED.finditer(text) if quotes is None else quotes:
        if text.find("品牌", match.end(), match.end() + MAX_BRAND_AFTER) >= 0 and BRAND_AFTER.match(text, match.end()):
            names.add(INNER_QUOTES.sub("", match.group(1).strip()))
    return names


def quoted_mask(text: str, quotes: list[re.Match[str]] | None = None) -> bytearray:
    """One byte per character of ``text``: 1 inside a quoted name or a book title, else 0."""
    mask = bytearray(len(text) + 1)
    for matches in (QUOTED.finditer(text) if quotes is None else quotes, TITLE.finditer(text)):
        for match in matches:
            mask[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return mask
