"""Attribution: each unit gets its region, each list item and mention its unit."""
from __future__ import annotations

import re
from bisect import bisect_right

from djtext.models import Document, Unit
from djtext.regions import Gazetteer

_NEWLINE = re.compile("\n")


def attribute_units(units: list[Unit], doc_text: str, gazetteer: Gazetteer | None = None) -> None:
    """Fill province / city / county of every unit from its name and the document's places."""
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    for unit in units:
        region = gazetteer.attribute_unit(unit.name, doc_text)
        if region is not None:
            unit.province, unit.city, unit.county = region.province, region.city, region.county


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
    attribute_units(doc.units, doc.clean.text, gazetteer)
    for item in doc.lists:
        if item.unit_id is None:
            unit = unit_at(doc.units, item.start)
            item.unit_id = unit.id if unit else None
    for mention in doc.mentions:
        if mention.unit_id is None:
            unit = unit_at(doc.units, mention.start)
            mention.unit_id = unit.id if unit else None
    return doc


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of ``offset`` given the line starts."""
    return bisect_right(starts, offset)
