"""Speed rewrites of the practice extractor give what the plain versions (kept here as oracles) gave."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.extract.practices import practice_vocabulary
from djtext.extract.practices.boundaries import CLAUSE_STOP_SET, CLAUSE_STOPS, clause_before
from djtext.extract.practices.quoted_names import MAX_FOLLOWER_GAP, _near_follower, follower_after
from djtext.text import longest_first

CLAUSE_TAIL = re.compile(rf"[^{re.escape(CLAUSE_STOPS)}]*\Z")  # the former clause_before: a scan of the window
PIECES = st.sampled_from(["甲", "乙", "，", "。", "\n", "“", "”", "（", "开展", "系列活动", "机制", "平台", "的", "a"])
TEXTS = st.lists(PIECES, max_size=20).map("".join)


def _old_clause_before(text: str, start: int, window: int) -> str:
    return text[CLAUSE_TAIL.search(text, max(0, start - window), start).start():start]


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.integers(0, 40), st.sampled_from([0, 1, 6, 40]))
def test_clause_before_equals_a_scan_of_the_window(text, start, window):
    start = min(start, len(text))
    assert clause_before(text, start, window) == _old_clause_before(text, start, window)


def _old_near_follower(vocab) -> re.Pattern[str]:
    words = [re.escape(w) for w in sorted(vocab.followers, key=longest_first) if CLAUSE_STOP_SET.isdisjoint(w)]
    return re.compile(rf"[^{re.escape(CLAUSE_STOPS)}]{{0,{MAX_FOLLOWER_GAP}}}?({'|'.join(words) or '(?!)'})")


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_near_follower_with_its_look_ahead_matches_like_the_plain_pattern(after):
    vocab = practice_vocabulary()
    new, old = _near_follower(vocab).match(after, 0, 14), _old_near_follower(vocab).match(after, 0, 14)
    assert (new and new.span(1)) == (old and old.span(1))


def test_follower_after_reads_the_first_follower_word():
    assert follower_after("系列活动", practice_vocabulary())[1:] == (0, "系列活动")
