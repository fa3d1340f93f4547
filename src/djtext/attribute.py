"""Attribution: each unit gets its region, each list item and mention its unit, and every
position of the document its region columns (``RegionView``, read by rows.py and tokens.py).

All region work of a document happens here, with the run's gazetteer (``Resources.gazetteer``),
so a user's regions.csv reaches units, rows inside units and rows outside every unit alike."""
from __future__ import annotations

import re
from bisect import bisect_right

from djtext.cited_units import level_named_units, listed_units, platform_units
from djtext.lexicon import Lexicon
from djtext.models import Document, Unit
from djtext.region_view import (RegionsOutsideUnits, RegionView, line_of, line_starts, part_region,  # noqa: F401
                                parts_of, region_columns, region_view, unit_columns)
from djtext.regions import EMPTY, Gazetteer, Places, Region
from djtext.text import HAN_RANGE

__all__ = ["attribute_document", "attribute_units", "official_unit_name", "unit_at", "listed_units",
           "platform_units", "level_named_units", "part_region", "region_view", "RegionView",
           "RegionsOutsideUnits", "line_starts", "line_of", "unit_columns", "region_columns"]


def attribute_units(units: list[Unit], doc_text: str, gazetteer: Gazetteer | None = None,
                    parts: list[tuple[int, int]] | None = None, places: Places | None = None) -> None:
    """Fill province / city / county of every unit from its name and the places of its document
    (of its own part, when ``parts`` cut a compilation into independent articles); ``places``:
    the document's places (``Document.places``; made from ``doc_text`` when not given)."""
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    if places is None and doc_text:
        places = gazetteer.places(doc_text)
    starts = [start for start, _end in parts or ()]
    defaults: dict[int, Region] = {}
    for unit in units:
        context, default = places, None
        if len(starts) > 1:
            i = max(0, bisect_right(starts, unit.start) - 1)
            start, end = parts[i]
            context = places.span(start, end) if end > start else None
            if i not in defaults:
                defaults[i] = (part_region("", places=context) if context else None) or EMPTY
            default = defaults[i]
        region = gazetteer.attribute_unit(unit.name, default=default, places=context)
        if region is not None:
            unit.province, unit.city, unit.county = region.province, region.city, region.county
            if unit.county is None and unit.city is not None and unit.city == unit.province:
                unit.city = None  # a municipality's own body: the municipality is its province only
            name = official_unit_name(unit.name, region, gazetteer)
            if name != unit.name and unit.level in LEVEL_WORDS and region.level in LEVEL_WORDS:
                unit.level = region.level  # the place's own level (海淀地区政协 is a district's)
            unit.name = name


def _unconfirmed_near_place(unit: Unit, gazetteer: Gazetteer | None) -> bool:
    """True for a cited unit whose place is only one character away from a known name and whose
    document does not confirm which (希望区政协 in running text): no unit, a word."""
    if not unit.cited or unit.province or unit.city or unit.county:
        return False
    cut = min((i for i in (unit.name.find(b) for b in UNIT_BODIES) if i >= 0), default=-1)
    return cut >= 3 and bool((gazetteer or Gazetteer.from_lexicon()).near_names(unit.name[:cut]))


UNIT_BODIES = ("政协", "工商联", "统战部", "统一战线")
LEVEL_WORDS = {"county": ("县", "区", "市", "旗", "自治县", "自治旗"), "city": ("市", "州", "盟", "地区", "自治州"),
               "province": ("省", "自治区", "市")}


LEVEL_CHARS = frozenset("省市区县州盟旗地")


def official_unit_name(name: str, region: Region, gazetteer: Gazetteer) -> str:
    """The unit's name with its place written as the full official name of its region (岳阳政协 →
    岳阳市政协, 阿坝州政协 → 阿坝藏族羌族自治州政协, 区政协 → 南开区政协, 齐齐哈尔市建华区政协 →
    建华区政协); unchanged when the place part does not name that region."""
    lead = "中共" if name.startswith("中共") else ""
    rest = name[len(lead):]
    cut = min((i for i in (rest.find(b) for b in UNIT_BODIES) if i >= 0), default=-1)
    if cut < 0:
        return name
    place, tail = rest[:cut], rest[cut:]
    for level, full in (("county", region.county), ("city", region.city), ("province", region.province)):
        if not full:
            continue
        if place == full:
            return name
        if len(place) == len(full) >= 3 and place[-1] == full[-1] and sum(a != b for a, b in zip(place, full)) == 1:
            return lead + full + tail  # a character damaged by OCR (its region agreed with the document)
        if place.endswith(full) and gazetteer.candidates(place[: -len(full)]):
            return lead + full + tail  # a parent written before the place (新疆X自治州政协)
        if place in LEVEL_WORDS[level] and full.endswith(place[-1:]):
            return lead + full + tail  # 区政协 whose district the document names
        base = place
        while len(base) > 2 and base[-1] in LEVEL_CHARS:
            base = base[:-1]  # 海淀地区政协, 黄陵区 (from 黄陵、耀州等县区政协): the short form with a level word
        if any(c.level == level and getattr(c, level) == full
               for form in {place, base} for c in gazetteer.candidates(form)):
            return lead + full + tail  # a short form (岳阳政协, 阿坝州政协)
        parent = next((p for p in (region.city, region.province) if p and place.startswith(p)), "")
        if parent and place != parent and any(getattr(c, level) == full
                                              for c in gazetteer.candidates(place[len(parent):])):
            return lead + full + tail  # 齐齐哈尔市建华区政协, 遂宁蓬溪县…
    return name


def unit_at(units: list[Unit], position: int) -> Unit | None:
    """The innermost unit whose span contains ``position`` (cited units win over sections)."""
    best: Unit | None = None
    for unit in units:
        if unit.start <= position < unit.end:
            if best is None or (unit.end - unit.start) < (best.end - best.start):
                best = unit
    return best


class UnitLocator:
    """``unit_at`` over a list of units, by bisect over the offsets where the innermost unit can
    change (made again when units are added to the list)."""

    def __init__(self, units: list[Unit]):
        self.units = units
        self.size = -1
        self.cuts: list[int] = []
        self.owners: list[Unit | None] = []

    def __call__(self, position: int) -> Unit | None:
        """The innermost unit whose span contains ``position`` (as ``unit_at``)."""
        if len(self.units) != self.size:
            self.size = len(self.units)
            self.cuts = sorted({u.start for u in self.units} | {u.end for u in self.units})
            self.owners = [unit_at(self.units, cut) for cut in self.cuts]
        i = bisect_right(self.cuts, position) - 1
        return self.owners[i] if i >= 0 else None


def attribute_document(doc: Document, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> Document:
    """Give units their regions and attach every list item and mention to its unit.

    ``lexicon``: the run's lexicon (a user's regions.csv, unit_terms.csv and practice_heads.csv
    take effect); the gazetteer is built from it when none is given."""
    if doc.clean is None:
        return doc
    gazetteer = gazetteer or Gazetteer.from_lexicon(lexicon)
    doc.parts = parts_of(doc)
    doc.places = places = gazetteer.places(doc.clean.text)
    attribute_units(doc.units, doc.clean.text, gazetteer, doc.parts, places)
    doc.units = [u for u in doc.units if not _unconfirmed_near_place(u, gazetteer)]
    doc.units.extend(listed_units(doc.clean.text, doc.units, gazetteer, places))
    doc.units.extend(platform_units(doc.clean.text, doc.units, gazetteer, lexicon, places))
    doc.units.extend(level_named_units(doc.clean.text, doc.units, lexicon, doc.views))
    unit_of = UnitLocator(doc.units)  # doc.units grows when a brand names its owner
    for item in doc.lists:
        if item.unit_id is None:
            unit = unit_of(item.start)
            item.unit_id = unit.id if unit else None
    owners: dict[str, Unit] = {}
    for mention in doc.mentions:
        if mention.unit_id is None and mention.table == "brands":
            owner = _stated_owner(doc, mention.end, owners, gazetteer, lexicon)
            if owner is not None:
                mention.unit_id = owner.id
                continue
        if mention.unit_id is None:
            unit = unit_of(mention.start)
            if unit is not None and mention.attrs.get("cited") and not unit.cited:
                unit = None  # a brand cited as another's example is not the reporting unit's
            mention.unit_id = unit.id if unit else None
    doc.regions = region_view(doc, gazetteer)
    return doc


# after a brand's name: [closing quote][comma] 是 / 为 / 系 + Han text (“X”，为省政协党建品牌)
_STATED_OWNER = re.compile(rf"[”’」』\"]?[，,]?\s*(?:是|为|系)(?=[{HAN_RANGE}])")
OWNER_WINDOW = 16  # characters read after 是 / 为 for the owner's name


def _stated_owner(doc: Document, end: int, owners: dict[str, Unit], gazetteer: Gazetteer | None,
                  lexicon: Lexicon | None = None) -> Unit | None:
    """The unit a brand is stated to belong to right after its name (“X”，为省政协党建品牌): a unit
    of the document with that name, else a new cited unit (region from its name and the document)."""
    from djtext.structure import find_unit_names, unit_vocabulary

    text = doc.clean.text
    m = _STATED_OWNER.match(text, end)
    if not m:
        return None
    window = text[m.end():m.end() + OWNER_WINDOW]
    names = find_unit_names(window, unit_vocabulary(lexicon))
    if not names or names[0].start != 0 or "品牌" not in window[names[0].end:names[0].end + 6]:
        return None
    name = names[0].name
    known = next((u for u in doc.units if u.name == name), None) or owners.get(name)
    if known is not None:
        return known
    start = m.end()
    unit = Unit(id=max((u.id for u in doc.units), default=0) + 1, name=name, level=names[0].level,
                start=start, end=start + names[0].end, evidence_start=start, evidence_end=start + names[0].end,
                cited=True)
    attribute_units([unit], text, gazetteer, parts_of(doc), doc.places)
    doc.units.append(unit)
    owners[name] = unit
    return unit
