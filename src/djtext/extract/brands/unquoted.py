"""Unquoted brand names: a creation verb, an owner (…政协) and a distinctive part before the kind, or a
name the document repeats.
"""
from __future__ import annotations

from djtext.extract.brands.vocabulary import (
    ANCHOR,
    BrandVocabulary,
    FUNCTION_CHARS,
    is_name_char,
    HAN_RUN,
    MAX_BARE_NAME,
    is_generic_name,
)


def last_end(text: str, words) -> int:
    """The end offset of the right-most occurrence of any of ``words`` in ``text`` (-1 when none)."""
    end = -1
    for word in words:
        at = text.rfind(word)
        if at >= 0 and at + len(word) > end:
            end = at + len(word)
    return end


def bare_name(pre_gap: str, vocab: BrandVocabulary) -> tuple[int, str] | None:
    """(offset in ``pre_gap``, name) of an unquoted brand: verb + owner + distinctive part."""
    verb_end = last_end(pre_gap, vocab.verbs)
    if verb_end < 0:
        return None
    candidate = pre_gap[verb_end:]
    owner_end = last_end(candidate, vocab.units)
    if owner_end <= 0:
        return None
    modifier = candidate[owner_end:]
    for word in vocab.generic_modifiers:
        modifier = modifier.replace(word, "")
    if len(modifier) < 2 or vocab.unit_pattern.search(modifier) or FUNCTION_CHARS.search(candidate):
        return None
    if len(candidate) > MAX_BARE_NAME or not is_name_char(candidate[0]):
        return None
    return verb_end, candidate


def recurring_name(text: str, pre_gap: str, gap_start: int, vocab: BrandVocabulary) -> tuple[int, str] | None:
    """(offset in ``pre_gap``, name) of an unquoted brand with no owner (打造清溪党建品牌) that the
    document names again elsewhere, quoted (“清溪”) or before 品牌: the recurrence is the evidence
    that it is a name, not an adjective (打造过硬党建品牌)."""
    verb_end = last_end(pre_gap, vocab.verbs)
    if verb_end < 0:
        return None
    candidate = pre_gap[verb_end:]
    core = candidate
    for word in vocab.generic_modifiers:
        core = core.replace(word, "")
    if not 2 <= len(candidate) <= MAX_BARE_NAME or len(core) < 2 or FUNCTION_CHARS.search(candidate):
        return None
    if vocab.unit_pattern.search(candidate) or not HAN_RUN.fullmatch(candidate) or is_generic_name(candidate, vocab):
        return None
    here = gap_start + verb_end
    at = text.find(candidate)
    while at >= 0:  # every occurrence, left to right, not overlapping
        end = at + len(candidate)
        if at != here:
            quoted = text[at - 1:at] in "“「『" and text[end:end + 1] in "”」』"
            if quoted or text.startswith(ANCHOR, end):
                return verb_end, candidate
        at = text.find(candidate, end)
    return None
