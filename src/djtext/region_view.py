"""The region columns of a document's rows (``RegionView``, filled by the attribute stage and read
by rows.py and tokens.py): per unit, and outside every unit per part of a compilation."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from djtext.models import Document, Unit
from djtext.regions import Gazetteer, Places, Region

_NEWLINE = re.compile("\n")
MIN_PART_PLACES = 2  # one passing place name (…都市圈) does not tell where an article is from


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of ``offset`` given the line starts."""
    return bisect_right(starts, offset)


def parts_of(doc: Document) -> list[tuple[int, int]]:
    """The parts of a compilation the structure stage found (found now for a document that skipped it)."""
    if doc.parts is not None:
        return doc.parts
    from djtext.structure import find_parts

    return find_parts(doc.clean)


def part_region(text: str, gazetteer: Gazetteer | None = None, places: Places | None = None) -> Region | None:
    """The region one part of a compilation is about: its dominant region when two place names
    or more support its province, else None (``places``: the part's, made from ``text`` when not given)."""
    if places is None:
        places = (gazetteer or Gazetteer.from_lexicon()).places(text)
    region = places.region
    if region is None or not region.province:
        return None
    support = sum(1 for hit in places.hits if all(c.province == region.province for c in hit.candidates))
    return region if support >= MIN_PART_PLACES else None


def unit_columns(unit: Unit) -> dict:
    """The region columns (unit, province, city, county) of a row inside ``unit``."""
    return {"unit": unit.name, "province": unit.province, "city": unit.city, "county": unit.county}


def region_columns(region: Region | None) -> dict:
    """The region columns of a row outside every unit: ``region``'s places, no unit."""
    return {
        "unit": None,
        "province": getattr(region, "province", None),
        "city": getattr(region, "city", None),
        "county": getattr(region, "county", None),
    }


class RegionsOutsideUnits:
    """Region columns for positions outside every unit, per part of a compilation (篇一： … 篇十：):
    each part's own region (a whole document's region would give one article's place to all of
    them); the document's region when it is one text. Each is resolved once, when first asked."""

    def __init__(self, text: str, parts: list[tuple[int, int]], gazetteer: Gazetteer, places: Places | None = None):
        self.text = text
        self.parts = parts
        self.starts = [start for start, _end in parts]
        self.gazetteer = gazetteer
        self.places = places if places is not None else gazetteer.places(text)
        self.cache: dict[int, dict] = {}
        self.single = len(parts) <= 1

    def __call__(self, position: int) -> dict:
        """The region columns of ``position`` of the clean text (outside every unit)."""
        i = -1 if self.single else max(0, bisect_right(self.starts, position) - 1)
        hit = self.cache.get(i)
        if hit is None:
            if i < 0:
                hit = region_columns(self.places.region)
            else:
                start, end = self.parts[i]
                hit = region_columns(part_region(self.text[start:end], places=self.places.span(start, end)))
            self.cache[i] = hit
        return hit


@dataclass
class RegionView:
    """The region columns of a document's rows: per unit id, and outside every unit by position."""

    by_unit: dict[int, dict] = field(default_factory=dict)
    outside: RegionsOutsideUnits | None = None

    def at(self, unit_id: int | None, position: int) -> dict:
        """The region columns of a row of unit ``unit_id`` (None: none) starting at ``position``."""
        columns = self.by_unit.get(unit_id) if unit_id is not None else None
        if columns is not None:
            return columns
        return self.outside(position) if self.outside is not None else region_columns(None)


def region_view(doc: Document, gazetteer: Gazetteer | None = None) -> RegionView:
    """The ``RegionView`` of an attributed document (its units as they stand now)."""
    if doc.clean is None:
        return RegionView()
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    places = doc.places if doc.places is not None else gazetteer.places(doc.clean.text)
    return RegionView({unit.id: unit_columns(unit) for unit in doc.units},
                      RegionsOutsideUnits(doc.clean.text, parts_of(doc), gazetteer, places))
