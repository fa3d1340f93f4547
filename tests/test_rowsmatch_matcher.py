"""NameMatcher.matches (numpy character mapping, longest-first choice per overlap group) against
the former form (regex substitution, one longest-first pass over every hit)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.regions.gazetteer import Gazetteer
from djtext.regions.matcher import OUTSIDE, NameMatcher, OutsideMapper
from djtext.regions.region import Region


def old_matches(matcher: NameMatcher, text: str):
    """The former NameMatcher.matches (the oracle)."""
    outside = re.compile("[^" + "".join(re.escape(c) for c in sorted(matcher.alphabet)) + "]")
    found = []
    append = found.append
    values = []
    for end_index, value in matcher._automaton.iter(outside.sub(OUTSIDE, text)):
        length = len(value[0])
        append((-length, -value[4], end_index - length + 1, len(values)))
        values.append(value)
    found.sort()
    taken = bytearray(len(text))
    chosen = []
    for neg_len, _rank, start, index in found:
        end = start - neg_len
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        value = values[index]
        if value[1]:
            chosen.append((start, end, value))
    chosen.sort()
    return chosen


# overlapping names, blockers and cues over a small alphabet, so that random texts hit them often
_SURFACES = {
    "江苏": (Region("江苏省", None, None, "province"),),
    "江苏省": (Region("江苏省", None, None, "province"),),
    "苏州": (Region("江苏省", "苏州市", None, "city"),),
    "苏州市": (Region("江苏省", "苏州市", None, "city"),),
    "州市": (Region("浙江省", "州市", None, "city"),),
    "南京": (Region("江苏省", "南京市", None, "city"),),
    "京市": (Region("北京市", "北京市", None, "province"), Region("江苏省", "南京市", None, "city")),
    "市南": (Region("山东省", "青岛市", "市南区", "county"),),
    "南": (Region("x", None, None, None),),
}
_FULL = {"江苏省", "苏州市"}
_STOPLIST = ["江苏", "州市场", "南京路", "市场"]
_CUES = ["政协", "市委", "区"]
_CHARS = sorted({c for w in [*_SURFACES, *_STOPLIST, *_CUES] for c in w}) + [
    "的", "a", " ", "\n", OUTSIDE, "\x01", "\U0001F600", "\ud800", "\uffff"]

_MATCHER = NameMatcher(_SURFACES, _FULL, _STOPLIST, sorted(_CUES, key=len, reverse=True), "市江")


@settings(derandomize=True, deadline=None, max_examples=600)
@given(st.lists(st.sampled_from(_CHARS), max_size=60).map("".join))
def test_matches_equal_the_former_form(text):
    assert _MATCHER.matches(text) == old_matches(_MATCHER, text)


@settings(derandomize=True, deadline=None, max_examples=200)
@given(st.lists(st.sampled_from(["江苏省苏州市", "南京市", "苏州市场", "市南区", "政协", "南京路", "，", "😀"]),
                max_size=20).map("".join))
def test_matches_equal_the_former_form_on_names(text):
    assert _MATCHER.matches(text) == old_matches(_MATCHER, text)


def test_built_in_gazetteer_matches_equal_the_former_form():
    matcher = Gazetteer.from_lexicon().matcher
    text = ("江苏省苏州市政协召开会议，南京市委、北京市朝阳区政协和上海市浦东新区的委员出席。\n"
            "市场监管局在江苏南京路调研😀\x00\x01 abc 广东省深圳市南山区")
    assert matcher.matches(text) == old_matches(matcher, text)
    assert matcher.matches("") == [] == old_matches(matcher, "")


@settings(derandomize=True, deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_CHARS), max_size=60).map("".join))
def test_table_and_regex_mappings_agree(text):
    mapper = _MATCHER._mapped
    assert mapper.by_table(text) == mapper.by_regex(text)
    assert len(mapper.by_table(text)) == len(text)


def test_mapping_of_an_empty_alphabet_is_all_outside():
    mapper = OutsideMapper([])
    assert mapper.by_table("ab😀") == mapper.by_regex("ab😀") == OUTSIDE * 3
