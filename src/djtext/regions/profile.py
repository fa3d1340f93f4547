"""A document's place mass by province, city and county, and the choices made from it: which
candidate an ambiguous name denotes (``pick``) and which region a document centres on."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from djtext.regions.region import EMPTY, Region, common_region, make_region

if TYPE_CHECKING:
    from djtext.regions.finding import PlaceHit

# How much a context mention of the same province / city / county supports a candidate.
WEIGHT_PROVINCE, WEIGHT_CITY, WEIGHT_COUNTY = 1.0, 2.0, 1.0
RESOLVE_RATIO = 2.0          # the best candidate needs this many times the runner-up's support
DOC_PROVINCE_SHARE = 0.5     # share of place mass the document's province must carry
DOC_CITY_SHARE = 0.5         # share of the province's mass its city must carry
DOC_COUNTY_SHARE = 0.6       # share of the city's mass its county must carry
DOC_COUNTY_MIN = 3.0         # and at least this many mentions


@dataclass
class PlaceProfile:
    """Place mass of a document by province, city and county (ambiguous hits split evenly)."""

    province: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    city: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    county: dict[tuple[str, str, str], float] = field(default_factory=lambda: defaultdict(float))
    by_candidates: dict[tuple[Region, ...], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, candidates: tuple[Region, ...], times: float = 1.0) -> None:
        """Add ``times`` mentions of a hit with these candidates."""
        weight = times / len(candidates)
        for r in candidates:
            if r.province:
                self.province[r.province] += weight
            if r.city:
                self.city[(r.province or "", r.city)] += weight
            if r.county:
                self.county[(r.province or "", r.city or "", r.county)] += weight

    def support(self, c: Region) -> float:
        """How much the profile supports candidate ``c`` (its province, city and county mass)."""
        score = WEIGHT_PROVINCE * self.province.get(c.province or "", 0.0)
        if c.city:
            score += WEIGHT_CITY * self.city.get((c.province or "", c.city), 0.0)
        if c.county:
            score += WEIGHT_COUNTY * self.county.get((c.province or "", c.city or "", c.county), 0.0)
        return score


def self_support(c: Region, candidates: tuple[Region, ...]) -> float:
    """Support one mention of a hit with ``candidates`` gives to ``c`` (to discount it)."""
    weight = 1.0 / len(candidates)
    score = 0.0
    for r in candidates:
        if r.province and r.province == c.province:
            score += WEIGHT_PROVINCE * weight
            if c.city and r.city == c.city:
                score += WEIGHT_CITY * weight
                if c.county and r.county == c.county:
                    score += WEIGHT_COUNTY * weight
    return score


def profile_of(hits: Sequence[PlaceHit]) -> PlaceProfile:
    """The place profile of some hits."""
    profile = PlaceProfile()
    for hit in hits:
        profile.add(hit.candidates)
        profile.by_candidates[hit.candidates] += 1
    return profile


def pick(candidates: tuple[Region, ...], profile: PlaceProfile) -> Region | None:
    """The candidate the profile clearly supports, else the common parts, else None."""
    if len(candidates) == 1:
        return candidates[0]
    own = profile.by_candidates.get(candidates, 0)
    scores = sorted(((profile.support(c) - own * self_support(c, candidates), i)
                     for i, c in enumerate(candidates)), reverse=True)
    best, second = scores[0][0], scores[1][0]
    if best > 1e-9 and best >= RESOLVE_RATIO * max(second, 0.0) + 1e-9:
        return candidates[scores[0][1]]
    return common_region(candidates)


def dominant_region(profile: PlaceProfile) -> Region:
    """The province, city and county a document's place mass clearly centres on."""
    total = sum(profile.province.values())
    if total <= 0:
        return EMPTY
    ranked = sorted(profile.province.items(), key=lambda kv: -kv[1])
    province, mass = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if mass < DOC_PROVINCE_SHARE * total or mass < RESOLVE_RATIO * runner:
        return EMPTY
    cities = sorted(((m, c) for (p, c), m in profile.city.items() if p == province), reverse=True)
    if not cities:
        return make_region(province)
    city_mass, city = cities[0]
    runner = cities[1][0] if len(cities) > 1 else 0.0
    if city_mass < DOC_CITY_SHARE * mass or city_mass < RESOLVE_RATIO * runner:
        return make_region(province)
    counties = sorted(((m, k) for (p, c, k), m in profile.county.items() if p == province and c == city),
                      reverse=True)
    if counties:
        county_mass, county = counties[0]
        runner = counties[1][0] if len(counties) > 1 else 0.0
        if (county_mass >= DOC_COUNTY_MIN and county_mass >= DOC_COUNTY_SHARE * city_mass
                and county_mass >= RESOLVE_RATIO * runner):
            return make_region(province, city, county)
    return make_region(province, city)
