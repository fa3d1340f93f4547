"""Place hits: which name matches in a text count as places, from the evidence around them.

Names that are also ordinary words (regions_stoplist.txt: 和平, 东方) need evidence such as a
following 政协/区委/市 (regions_cues.txt), and ordinary words starting or ending with a place name
(中山装, 孙中山) block the match (see ``NameMatcher``)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from djtext.regions.matcher import Match, NameMatcher
from djtext.regions.region import Region
from djtext.text import is_han


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, quicker to build
class PlaceHit:
    """A place name found in a text, with every region it may denote."""

    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    full: bool = True
    strong: bool = True


BOUNDARY_WORDS = frozenset("在赴到于与及和从对向是为")


def is_boundary(char: str) -> bool:
    """True for a character before which a name starts a word (punctuation, space, 在/赴 ...)."""
    return not is_han(char) or char in BOUNDARY_WORDS


def find_hits(matcher: NameMatcher, text: str, matches: Sequence[Match], known: Sequence[PlaceHit] = (),
              head: bool = False, lo: int = 0, hi: int | None = None) -> list[PlaceHit]:
    """Place hits of ``text[lo:hi]`` read as a text of its own, from its name ``matches``;
    ``known`` are hits elsewhere in the document that confirm (offsets stay those of ``text``).

    With ``head`` (the text is a unit name), a name that starts the text and is followed by a
    cue counts (和县政协, 中山政协) even when it is short or a common word.

    A short form counts when a cue (政协, 区委, 市 ...) follows it or its parent place comes
    right before it; otherwise a county's short form needs the document to name its city or
    itself in full, and a city's short form needs a word boundary before it or the document
    to name its province. Names that are also ordinary words (the stop-list) count only with
    a cue and the document's confirmation, or right after their parent place.
    """
    hi = len(text) if hi is None else hi
    accepted: list[PlaceHit | None] = []
    pending: list[tuple[int, PlaceHit, bool]] = []
    prev: PlaceHit | None = None
    for start, end, (surface, regions, full, weak, _rank, top) in matches:
        adjacent = prev is not None and prev.end == start
        if adjacent:                      # 舟山普陀, 上海市普陀区: keep the parent's children
            inside = tuple(r for r in regions if any(p.contains(r) and p != r for p in prev.candidates))
            if inside:
                regions = inside
            else:
                adjacent = False
        cue = matcher.cue_after(text, end, hi)
        if head and start == lo and cue:
            direct = True
        elif full and not weak and len(surface) > 2:
            direct = True
        elif adjacent:
            direct = True
        elif weak or full:                # common words and two-character names (和县, 城区)
            direct = None if cue else False
        elif top == "province":
            direct = True
        elif top == "city":
            direct = True if cue or start == lo or is_boundary(text[start - 1]) else None
        else:
            direct = True if cue else None
        if direct is False:
            continue
        hit = PlaceHit(start, end, surface, regions, full, bool(direct))
        if direct:
            accepted.append(hit)
            prev = hit
        else:
            pending.append((len(accepted), hit, top == "city"))
            accepted.append(None)
    if pending:
        provinces, cities, counties = set(), set(), set()
        for hit in [*accepted, *known]:
            if hit is not None:
                for r in hit.candidates:
                    provinces.add(r.province)
                    if r.city:
                        cities.add((r.province, r.city))
                    if r.county:
                        counties.add((r.province, r.city, r.county))
        for slot, hit, city_level in pending:
            confirmed = tuple(
                r for r in hit.candidates
                if (r.province, r.city, r.county) in counties
                or (r.city and (r.province, r.city) in cities)
                or ((city_level or hit.full) and r.province in provinces))
            if confirmed:
                accepted[slot] = PlaceHit(hit.start, hit.end, hit.surface, confirmed, hit.full, False)
    return [hit for hit in accepted if hit is not None]
