"""Occurrences of the national practices of ``practices.csv`` (quotation marks ignored), and the
rule that drops one inside a longer name found here."""
from __future__ import annotations

from bisect import bisect_right

from djtext.extract.practices.mentions import BRAND_AFTER, MAX_QUOTED_NAME, QUOTE_MARKS, practice_mention, without_quote_marks
from djtext.extract.practices.vocabulary import PracticeVocabulary
from djtext.models import Mention
from djtext.text import occurrences


def from_lexicon(text: str, vocab: PracticeVocabulary) -> list[Mention]:
    """Occurrences of the national practices (quotation marks ignored), not inside another quoted name."""
    if vocab.national_automaton is None:
        return []
    removed = occurrences(text, tuple(QUOTE_MARKS))
    shifts = [index - rank for rank, index in enumerate(removed)]  # where each removal sits in stripped
    stripped = without_quote_marks(text) if removed else text
    found = []
    for end_index, name in vocab.national_automaton.iter_long(stripped):  # type: ignore[attr-defined]
        first = end_index - len(name) + 1
        start = first + bisect_right(shifts, first)
        end = end_index + bisect_right(shifts, end_index) + 1
        if _inside_other_quote(text, start, end):
            continue
        found.append(practice_mention(name, start, end, vocab.national[name], "lexicon"))
    return found


def _inside_other_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) sits inside a longer quoted name or a quoted brand name.

    “书山政协引领工程” is a project of its own, and “书山政协”委员读书品牌 a brand: neither is
    an occurrence of the national practice 书香政协."""
    opening = text.rfind("“", max(0, start - MAX_QUOTED_NAME), start + 1)
    if opening < 0 or "”" in text[opening + 1:start]:
        return False
    closing = text.find("”", end - 1, end + MAX_QUOTED_NAME)
    if closing < 0:
        return False
    if closing > end or opening < start - 1:
        return True
    return BRAND_AFTER.match(text, closing + 1) is not None


def drop_lexicon_inside_longer(mentions: list[Mention]) -> list[Mention]:
    """Drop national-practice matches inside a longer name found here (《某市政协…谈心谈话制度》)."""
    longer = sorted((m.start, m.end) for m in mentions if m.attrs["source"] in ("title", "head", "clause"))
    if not longer:
        return mentions
    starts = [s for s, _ in longer]
    kept = []
    for m in mentions:
        if m.attrs["source"] == "lexicon":
            right = bisect_right(starts, m.start)
            if any(m.end <= e and e - s > m.end - m.start for s, e in longer[max(0, right - 8):right]):
                continue
        kept.append(m)
    return kept
