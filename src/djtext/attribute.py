"""Attribution: each unit gets its region, each list item and mention its unit."""
from __future__ import annotations

import re
from bisect import bisect_right

from djtext.models import Document, Unit
from djtext.regions import EMPTY, Gazetteer, Region

_NEWLINE = re.compile("\n")


def attribute_units(units: list[Unit], doc_text: str, gazetteer: Gazetteer | None = None,
                    parts: list[tuple[int, int]] | None = None) -> None:
    """Fill province / city / county of every unit from its name and the places of its document
    (of its own part, when ``parts`` cut a compilation into independent articles)."""
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    starts = [start for start, _end in parts or ()]
    defaults: dict[int, Region] = {}
    for unit in units:
        context, default = doc_text, None
        if len(starts) > 1:
            i = max(0, bisect_right(starts, unit.start) - 1)
            start, end = parts[i]
            context = doc_text[start:end]
            if i not in defaults:
                defaults[i] = part_region(context, gazetteer) or EMPTY
            default = defaults[i]
        region = gazetteer.attribute_unit(unit.name, context, default)
        if region is not None:
            unit.province, unit.city, unit.county = region.province, region.city, region.county


MIN_PART_PLACES = 2  # one passing place name (…都市圈) does not tell where an article is from


def part_region(text: str, gazetteer: Gazetteer | None = None) -> Region | None:
    """The region one part of a compilation is about: its dominant region when two place names
    or more support its province, else None."""
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    region = gazetteer.document_region(text)
    if region is None or not region.province:
        return None
    support = sum(1 for hit in gazetteer.document_places(text)
                  if all(c.province == region.province for c in hit.candidates))
    return region if support >= MIN_PART_PLACES else None


def unit_at(units: list[Unit], position: int) -> Unit | None:
    """The innermost unit whose span contains ``position`` (cited units win over sections)."""
    best: Unit | None = None
    for unit in units:
        if unit.start <= position < unit.end:
            if best is None or (unit.end - unit.start) < (best.end - best.start):
                best = unit
    return best


def attribute_document(doc: Document, gazetteer: Gazetteer | None = None) -> Document:
    """Give units their regions and attach every list item and mention to its unit."""
    if doc.clean is None:
        return doc
    from djtext.structure import find_parts

    attribute_units(doc.units, doc.clean.text, gazetteer, find_parts(doc.clean))
    for item in doc.lists:
        if item.unit_id is None:
            unit = unit_at(doc.units, item.start)
            item.unit_id = unit.id if unit else None
    owners: dict[str, Unit] = {}
    for mention in doc.mentions:
        if mention.unit_id is None and mention.table == "brands":
            owner = _stated_owner(doc, mention.end, owners, gazetteer)
            if owner is not None:
                mention.unit_id = owner.id
                continue
        if mention.unit_id is None:
            unit = unit_at(doc.units, mention.start)
            if unit is not None and mention.attrs.get("cited") and not unit.cited:
                unit = None  # a brand cited as another's example is not the reporting unit's
            mention.unit_id = unit.id if unit else None
    return doc


_STATED_OWNER = re.compile(r"[”’」』\"]?[，,]?\s*(?:是|为|系)(?=[\u4e00-\u9fff])")
OWNER_WINDOW = 16


def _stated_owner(doc: Document, end: int, owners: dict[str, Unit], gazetteer: Gazetteer | None) -> Unit | None:
    """The unit a brand is stated to belong to right after its name (“X”，为省政协党建品牌): a unit
    of the document with that name, else a new cited unit (region from its name and the document)."""
    from djtext.structure_units import find_unit_names

    text = doc.clean.text
    m = _STATED_OWNER.match(text, end)
    if not m:
        return None
    window = text[m.end():m.end() + OWNER_WINDOW]
    names = find_unit_names(window)
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
    from djtext.structure import find_parts

    attribute_units([unit], text, gazetteer, find_parts(doc.clean))
    doc.units.append(unit)
    owners[name] = unit
    return unit


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of ``offset`` given the line starts."""
    return bisect_right(starts, offset)
