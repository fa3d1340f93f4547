"""The place-name matcher: one Aho-Corasick automaton over every name and blocking word of a
gazetteer, giving non-overlapping longest matches, and the cue test (政协, 区委, 市 ... after a name)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick

from djtext.lazy_numpy import numpy_pays
from djtext.regions.region import DEPTH, Region

OUTSIDE, NEVER = "\x00", "\x01"   # matcher stand-ins: a character of no name; an impossible one

# A match: (start, end, (surface, regions, full, weak, rank, top level)); blockers have no regions.
Match = tuple[int, int, tuple]


class OutsideMapper:
    """Turns every character of a text that is not in an alphabet into OUTSIDE."""

    def __init__(self, alphabet: Iterable[str]):
        self._codes = sorted(map(ord, alphabet))
        self._outside = re.compile("[^" + "".join(re.escape(chr(c)) for c in self._codes) + "]") if self._codes else None
        self._table = None

    def __call__(self, text: str) -> str:
        """``text`` with its characters outside the alphabet replaced by OUTSIDE."""
        return self.by_table(text) if numpy_pays(len(text)) else self.by_regex(text)

    def by_regex(self, text: str) -> str:
        """The mapping by a substitution of the negated alphabet class."""
        return OUTSIDE * len(text) if self._outside is None else self._outside.sub(OUTSIDE, text)

    def by_table(self, text: str) -> str:
        """The mapping by one numpy code point lookup table over the text's UTF-32 code units
        (several times cheaper than the regex on a long text): alphabet characters map to
        themselves, every other one to OUTSIDE; code points past the table clip to its last slot."""
        import numpy as np  # lazy: a one-file run of short texts never loads it

        if self._table is None:
            codes = np.array(self._codes, dtype=np.intp)
            table = np.full((self._codes[-1] if self._codes else 0) + 2, ord(OUTSIDE), dtype=np.uint32)
            table[codes] = codes
            self._table = table
        units = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        return self._table.take(units, mode="clip").tobytes().decode("utf-32-le", "surrogatepass")


def _longest_first(group: list[Match]) -> list[Match]:
    """The place matches chosen in one group of overlapping hits (by start): longest first; on
    ties the higher rank, then the leftmost; a hit overlapping one chosen before is dropped."""
    # (length, rank, start) is unique per hit: the index never decides
    order = sorted((start - end, -value[4], start, index) for index, (start, end, value) in enumerate(group))
    lo = min(start for start, _, _ in group)
    taken = bytearray(group[-1][1] - lo)   # the last hit ends last
    chosen = []
    for neg_len, _rank, start, index in order:
        if taken.find(1, start - lo, start - lo - neg_len) >= 0:
            continue
        taken[start - lo:start - lo - neg_len] = b"\x01" * -neg_len
        if group[index][2][1]:
            chosen.append(group[index])
    chosen.sort()
    return chosen


class NameMatcher:
    """Finds gazetteer names (and the ordinary words that block them) in a text."""

    def __init__(self, surfaces: Mapping[str, tuple[Region, ...]], full_names: set[str],
                 stoplist: Sequence[str], cues: Sequence[str], char_order: Iterable[str] = ()) -> None:
        """Build the automaton (``cues``: longest first; ``char_order``: frequent characters first)."""
        weak = set(stoplist) & set(surfaces)
        blockers = [*stoplist, *(c for c in cues if len(c) > 1)]
        alphabet = {c for word in [*surfaces, *blockers] for c in word}
        self.alphabet = frozenset(alphabet)
        automaton = ahocorasick.Automaton()
        # pyahocorasick looks transitions up in insertion order: seed the root with every
        # character, frequent ones first, and with OUTSIDE for characters of no name (the text
        # is mapped so), through words that never match (NEVER does not occur in mapped text).
        never = (OUTSIDE, (), False, False, 1, None)
        seen = set()
        for char in [OUTSIDE, *char_order, *sorted(alphabet)]:
            if (char in alphabet or char == OUTSIDE) and char not in seen:
                seen.add(char)
                automaton.add_word(char + NEVER, never)
        self._mapped = OutsideMapper(alphabet)
        for word in blockers:
            if word not in surfaces:          # ordinary words and cue words block places inside them
                automaton.add_word(word, (word, (), False, False, 1, None))
        for surface, regions in surfaces.items():
            full = surface in full_names
            top = (regions[0].level or "county" if len(regions) == 1
                   else min((r.level or "county" for r in regions), key=DEPTH.__getitem__))
            automaton.add_word(surface, (surface, regions, full, surface in weak, 2 if full else 0, top))
        automaton.make_automaton()
        self._automaton = automaton
        # spaces, then any cue (one compiled alternation instead of a loop)
        alternation = "|".join(re.escape(c) for c in cues) or r"(?!x)x"
        self._cue_re = re.compile(f"[ \t\r\n\u3000]*+(?:{alternation})")

    def cue_after(self, text: str, end: int, limit: int | None = None) -> bool:
        """True when a cue follows ``end`` (after spaces), within ``text[:limit]``."""
        return self._cue_re.match(text, end, len(text) if limit is None else limit) is not None

    def matches(self, text: str) -> list[Match]:
        """Non-overlapping matches: longest first; on ties full names, then cue words, then shorts."""
        # The automaton reports hits by end. Hits that overlap, directly or through others, form a
        # group: a run of consecutive hits (a hit reaching back over earlier groups merges them).
        # Groups share no character, so the longest-first choice is made in each group alone, and
        # a hit overlapping nothing (most are: blockers) is taken as it is.
        hits: list[Match] = []
        firsts, ends = [], []   # per group: the index of its first hit, its end
        group_end = -1
        for end_index, value in self._automaton.iter(self._mapped(text)):
            end = end_index + 1
            start = end - len(value[0])
            if start < group_end:
                while len(ends) > 1 and start < ends[-2]:
                    ends.pop()
                    firsts.pop()
                ends[-1] = end
            else:
                firsts.append(len(hits))
                ends.append(end)
            group_end = end
            hits.append((start, end, value))
        chosen = []
        firsts.append(len(hits))
        for first, after in zip(firsts, firsts[1:]):
            if after - first == 1:
                if hits[first][2][1]:   # a place name, not a blocker
                    chosen.append(hits[first])
            else:
                chosen += _longest_first(hits[first:after])
        return chosen

    def cuts_clean(self, text: str, position: int) -> bool:
        """True when no name can run across ``position`` (a character of no name on one side)."""
        return (position <= 0 or position >= len(text) or text[position - 1] not in self.alphabet
                or text[position] not in self.alphabet)
