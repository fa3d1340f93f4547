"""The region of a reporting unit: from the places its name writes (resolved with the document's
places), from an OCR-damaged place name, or from the document when the name gives a level only
(市政协, 县政协, 自治区政协 ...)."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from djtext.regions.finding import PlaceHit, find_hits
from djtext.regions.places import Places
from djtext.regions.profile import pick
from djtext.regions.region import DEPTH, EMPTY, Region, agrees, common_region, make_region

if TYPE_CHECKING:
    from djtext.regions.gazetteer import Gazetteer

# Leading party words before a unit's own name (中共政协香坊区委员会党组, 中国共产党…).
UNIT_LEADS = ("中国共产党", "中共", "政协")
MIN_SHORT_MENTIONS = 2     # short-form mentions that tell a level-only unit's county (县政协 … 桐庐)
# Organisation words a unit name is anchored on; the word right before the first one gives the
# level of a unit named without a place (市政协, 自治区政协…, 县工商联党组, 全国政协).
BODY_WORDS = ("政协", "工商联", "统战部", "人大", "政府", "党委", "党组")
LEVEL_WORDS = (("全国", "national"), ("中央", "national"), ("自治区", "province"), ("省", "province"),
               ("自治州", "city"), ("地区", "city"), ("市", "city"), ("州", "city"), ("盟", "city"),
               ("自治县", "county"), ("自治旗", "county"), ("县", "county"), ("区", "county"),
               ("旗", "county"))


def unit_region(gazetteer: Gazetteer, unit_name: str, places: Places | None = None,
                default: Region | None = None) -> Region:
    """The region of a reporting unit from its name, else that of its document's ``places`` (or ``default``)."""
    name = (unit_name or "").strip()
    if not name or gazetteer.placeholder_re.search(name):
        return EMPTY
    fallback = default if default is not None else (places.region if places else EMPTY)
    name = strip_leads(name)
    hits = find_hits(gazetteer.matcher, name, gazetteer.matcher.matches(name), places.hits if places else (),
                     head=True)
    if hits:
        return _region_of_hits(hits, places, fallback)
    near = near_region(gazetteer, name, fallback)
    if near is not None:
        return near if near.province else EMPTY
    region = generic_unit_region(name, fallback)
    word, level = unit_level_word(name)
    if level in ("county", "city") and getattr(region, level) is None and places is not None:
        place = document_place(places, region, word, level)
        if place is not None:
            return place
    return region


def document_place(places: Places, around: Region = EMPTY, word: str = "", level: str = "county") -> Region | None:
    """The one place of ``level`` a document is about, for a unit named by its level alone
    (区政协, 县政协, 州政协): the only such place inside ``around`` that it names in full (with
    the level ``word`` when given), else the only one whose short form it writes at least twice."""

    def fits(r: Region) -> bool:
        name = getattr(r, level)
        return (r.level == level and name is not None and agrees(around, r)
                and (not word or name.endswith(word)))

    hits = places.hits
    named = {c for hit in hits if hit.full for c in hit.candidates if fits(c)}
    named_hits = [hit for hit in hits if hit.full and any(fits(c) for c in hit.candidates)]
    if len(named) == 1 and all(len(hit.candidates) == 1 for hit in named_hits):
        return next(iter(named))
    if named:
        return None
    counts: dict[Region, int] = defaultdict(int)
    for _start, _end, (_surface, regions, full, weak, _rank, _top) in places.matches:
        fitting = [r for r in regions if fits(r)]
        if not full and not weak and len(fitting) == 1 and len(regions) == 1:
            counts[fitting[0]] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= MIN_SHORT_MENTIONS and (len(ranked) == 1 or ranked[1][1] < ranked[0][1] / 2):
        return ranked[0][0]
    return None


def _region_of_hits(hits: list[PlaceHit], places: Places | None, fallback: Region) -> Region:
    """The region of the deepest place a unit's name writes, inside its other places."""
    target = max(enumerate(hits), key=lambda ih: (max(DEPTH[r.level or "province"] for r in ih[1].candidates), ih[0]))[1]
    candidates = target.candidates
    for other in hits:                    # other places in the name must contain the unit's
        if other is target:
            continue
        inside = tuple(c for c in candidates if any(o.contains(c) for o in other.candidates))
        if inside:
            candidates = inside
    if len(candidates) == 1:
        return candidates[0]
    if places is not None:
        picked = pick(candidates, places.profile)
        if picked is not None and picked in candidates:
            return picked
    if not fallback.is_empty():
        agreeing = tuple(c for c in candidates if agrees(fallback, c))
        if len(agreeing) == 1:
            return agreeing[0]
        if agreeing:
            candidates = agreeing
    return common_region(candidates) or EMPTY


def near_region(gazetteer: Gazetteer, name: str, fallback: Region) -> Region | None:
    """The region of a unit whose place is an OCR-damaged known name (卢尤县政协 for 卢龙县) when
    exactly one such name lies in the document's region (its province at least); EMPTY when
    the context does not agree; None when the place is no such name."""
    cut = min((i for i in (name.find(b) for b in BODY_WORDS) if i >= 0), default=-1)
    names = gazetteer.near_names(name[:cut]) if cut >= 3 else []
    if not names:
        return None
    regions = [r for near in names for r in gazetteer.candidates(near)
               if fallback.province and r.province == fallback.province
               and (fallback.city is None or r.city in (None, fallback.city))]
    return regions[0] if len(regions) == 1 else EMPTY  # EMPTY: the context does not tell which


def strip_leads(name: str) -> str:
    """A unit name without its leading party words (中共, 中国共产党, 政协)."""
    changed = True
    while changed:
        changed = False
        for lead in UNIT_LEADS:
            if name.startswith(lead) and len(name) > len(lead):
                name, changed = name[len(lead):], True
    return name


def unit_level_word(name: str) -> tuple[str, str]:
    """The administrative word before the unit's first organisation word, and its level."""
    cuts = [i for i in (name.find(b) for b in BODY_WORDS) if i >= 0]
    prefix = name[:min(cuts)] if cuts else name
    for word, level in LEVEL_WORDS:
        if (prefix.endswith(word) if cuts else prefix.startswith(word)):
            return word, level
    return "", ""


def generic_unit_region(name: str, fallback: Region) -> Region:
    """Region of a unit named without a place (市工商联党组, 自治区政协…): the document's, cut to level."""
    word, level = unit_level_word(name)
    province = fallback.province or ""
    if level == "national":
        return EMPTY
    if word == "自治区":
        return make_region(province) if province.endswith("自治区") else EMPTY
    if word == "省":
        return make_region(province) if province.endswith("省") else EMPTY
    if level == "city":
        return make_region(fallback.province, fallback.city)
    if level == "county":
        if fallback.county:
            return fallback
        if word == "区" and province.endswith("自治区") and not fallback.city:
            return make_region(province)
        return make_region(fallback.province, fallback.city)
    return fallback
