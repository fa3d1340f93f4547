"""A marker's context reads the raw spacing before it only when that decides, and a cited unit's
context ends by one search: the same answers as before (the former code kept here as the oracle)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.models import CleanText
from djtext.structure.markers import (BREAK_BEFORE, INLINE_STYLES, SOFT_BREAK_BEFORE, _context_ok,
                                      marker_candidates, raw_space_before)

STYLES = ["cn_paren", "arabic_paren", "cn_dun", "shi", "di", "arabic_dot", "arabic_dun", "circled", "bold_heading"]


def _old_context_ok(text: str, start: int, style: str, spaced_in_raw: bool = False) -> bool:
    i = start - 1
    spaced = spaced_in_raw
    while i >= 0 and text[i] in " \t\u3000*":
        spaced = True
        i -= 1
    if i < 0:
        return True
    prev = text[i]
    if prev in BREAK_BEFORE:
        return True
    if style in INLINE_STYLES and prev in SOFT_BREAK_BEFORE:
        return True
    if spaced and not prev.isdigit() and style not in ("arabic_dun",):
        return True
    return False


@st.composite
def cleaned(draw):
    """A clean text with a raw text that had spaces (or other characters) the cleaner dropped."""
    chars = draw(st.lists(st.sampled_from(list("一二（）1.、是，。：\n *\t工作推进X")), min_size=1, max_size=30))
    raw, offsets = [], []
    for ch in chars:
        raw.append(draw(st.sampled_from(["", "", " ", "  ", "x", " \n"])))
        offsets.append(len("".join(raw)))
        raw.append(ch)
    return CleanText(text="".join(chars), offsets=offsets, raw="".join(raw))


@settings(max_examples=500, deadline=None)
@given(cleaned(), st.integers(0, 40), st.sampled_from(STYLES))
def test_context_reads_the_raw_spacing_as_before(clean, at, style):
    start = min(at, len(clean.text) - 1)
    assert _context_ok(clean.text, start, style, clean) == _old_context_ok(
        clean.text, start, style, raw_space_before(clean, start))
    assert _context_ok(clean.text, start, style) == _old_context_ok(clean.text, start, style)


@settings(max_examples=200, deadline=None)
@given(cleaned())
def test_marker_candidates_start_at_their_marker(clean):
    for cand in marker_candidates(clean.text, clean):
        assert clean.text.startswith(cand.marker, cand.start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="政协。；;！？\n县区市工作", max_size=300), st.integers(0, 300))
def test_a_cited_units_context_ends_where_the_character_loop_ended(text, at):
    from djtext.structure.units import CITED_CONTEXT, cited_context_end

    start = min(at, len(text))
    end = start
    while end < len(text) and text[end] not in "。；;！？\n" and end - start < CITED_CONTEXT:
        end += 1
    assert cited_context_end(text, start) == end
