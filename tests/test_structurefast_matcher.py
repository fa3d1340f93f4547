"""The place matcher maps a long text for its automaton with numpy: the same text as the regex gives."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.regions import Gazetteer
from djtext.regions.matcher import NUMPY_MIN_CHARS, OUTSIDE

MATCHER = Gazetteer.from_lexicon().matcher
SAMPLE = sorted(MATCHER.alphabet)[:200]
chars = st.one_of(st.sampled_from(SAMPLE), st.characters(), st.sampled_from(["\x00", "\ud800", "\U0001f600", "\uffff"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(chars, min_size=NUMPY_MIN_CHARS, max_size=NUMPY_MIN_CHARS * 3).map("".join))
def test_a_long_text_is_mapped_as_the_regex_maps_it(text):
    assert MATCHER.mapped(text) == MATCHER._outside.sub(OUTSIDE, text)


def test_matches_of_a_long_text_are_those_of_its_pieces_read_alike():
    text = "浙江省杭州市西湖区政协。" * 60
    assert len(text) >= NUMPY_MIN_CHARS
    assert MATCHER.matches(text)[:3] == MATCHER.matches(text[:12])[:3]
