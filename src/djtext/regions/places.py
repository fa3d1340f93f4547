"""The places of a document (``Document.places``): its gazetteer name matches, found once over
the whole clean text, and the place hits, profile and dominant region of the text or of any
span of it (a part of a compilation, a sentence), each read as a text of its own."""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from djtext.regions.finding import PlaceHit, find_hits
from djtext.regions.matcher import Match, NameMatcher
from djtext.regions.profile import PlaceProfile, dominant_region, profile_of
from djtext.regions.region import Region


class Places:
    """Place hits of ``text[lo:hi]`` (offsets into ``text``), from matches found once per text."""

    def __init__(self, matcher: NameMatcher, text: str, matches: list[Match] | None = None,
                 lo: int = 0, hi: int | None = None, starts: list[int] | None = None) -> None:
        """``matches``: every name match of the whole ``text`` (found now when None), ``starts`` theirs."""
        self.matcher = matcher
        self.text = text
        self.all_matches = matcher.matches(text) if matches is None else matches
        self.starts = [m[0] for m in self.all_matches] if starts is None else starts
        self.lo, self.hi = lo, len(text) if hi is None else hi
        self._spans: dict[tuple[int, int], Places] = {}

    def matches_in(self, lo: int, hi: int) -> list[Match]:
        """The name matches of ``text[lo:hi]`` read alone (as ``matcher.matches(text[lo:hi])``, offsets
        into ``text``)."""
        if lo == 0 and hi == len(self.text):
            return self.all_matches
        if not (self.matcher.cuts_clean(self.text, lo) and self.matcher.cuts_clean(self.text, hi)):
            # a name may run across the cut: match the span itself
            return [(s + lo, e + lo, v) for s, e, v in self.matcher.matches(self.text[lo:hi])]
        first = bisect_left(self.starts, lo)
        last = bisect_left(self.starts, hi, first)
        while last > first and self.all_matches[last - 1][1] > hi:
            last -= 1
        return self.all_matches[first:last]

    @cached_property
    def matches(self) -> list[Match]:
        """The name matches of this span."""
        return self.matches_in(self.lo, self.hi)

    @cached_property
    def hits(self) -> list[PlaceHit]:
        """Place hits of this span (``Gazetteer.find_places`` of its text, offsets into ``text``)."""
        return find_hits(self.matcher, self.text, self.matches, lo=self.lo, hi=self.hi)

    @cached_property
    def profile(self) -> PlaceProfile:
        """The place mass of this span."""
        return profile_of(self.hits)

    @cached_property
    def region(self) -> Region:
        """The region this span is about (see ``Gazetteer.document_region``)."""
        return dominant_region(self.profile)

    def span(self, lo: int, hi: int) -> Places:
        """The places of ``text[lo:hi]`` read as a text of its own (made once per span)."""
        if (lo, hi) == (self.lo, self.hi):
            return self
        found = self._spans.get((lo, hi))
        if found is None:
            found = self._spans[(lo, hi)] = Places(self.matcher, self.text, self.all_matches, lo, hi, self.starts)
        return found

    def hits_in(self, lo: int, hi: int) -> list[PlaceHit]:
        """Place hits of ``text[lo:hi]`` read alone (not kept)."""
        return find_hits(self.matcher, self.text, self.matches_in(lo, hi), lo=lo, hi=hi)
