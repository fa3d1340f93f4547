"""Regions: the province / city / county triple of a place or unit, and how two of them relate.

Municipalities (北京市 ...) are both province and city: Region(北京市, 北京市, None); their
districts are Region(北京市, 北京市, 朝阳区). County-level units administered directly by a
province (仙桃市, 石河子市) have city None.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = ("province", "city", "county")
DEPTH = {"province": 0, "city": 1, "county": 2}


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, quicker to build
class Region:
    """Province, city and county of a place or unit (None where unknown)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None

    def is_empty(self) -> bool:
        """True when nothing at all is known."""
        return self.province is None and self.city is None and self.county is None

    def contains(self, other: Region) -> bool:
        """True when ``other`` lies inside (or is) this region."""
        return all(mine is None or mine == theirs for mine, theirs in
                   ((self.province, other.province), (self.city, other.city), (self.county, other.county)))


def level_of(province: str | None, city: str | None, county: str | None) -> str | None:
    """The level of the deepest known part (a municipality alone is a province)."""
    if county:
        return "county"
    if city and city != province:
        return "city"
    return "province" if province else ("city" if city else None)


def make_region(province: str | None, city: str | None = None, county: str | None = None) -> Region:
    """A Region with its level set from its deepest known part."""
    return Region(province or None, city or None, county or None, level_of(province, city, county))


EMPTY = Region()


def common_region(candidates: Sequence[Region]) -> Region | None:
    """What all candidates share (province, then city, then county), or None."""
    if not candidates:
        return None
    first = candidates[0]
    province = first.province if all(c.province == first.province for c in candidates) else None
    if province is None:
        return None
    city = first.city if all(c.city == first.city for c in candidates) else None
    county = first.county if city and all(c.county == first.county for c in candidates) else None
    return make_region(province, city, county)


def agrees(doc: Region, c: Region) -> bool:
    """True when candidate ``c`` is consistent with the document region ``doc``."""
    return all(d is None or x is None or d == x for d, x in
               ((doc.province, c.province), (doc.city, c.city), (doc.county, c.county)))
