"""Attribution: each unit gets its region, each list item and mention its unit, and every
position of the document its region columns (``RegionView``, read by rows.py and tokens.py).

All region work of a document happens here, with the run's gazetteer (``Resources.gazetteer``),
so a user's regions.csv reaches units, rows inside units and rows outside every unit alike."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from djtext.lexicon import Lexicon, derived
from djtext.models import Document, Unit
from djtext.regions import EMPTY, Gazetteer, Region, make_region
from djtext.text import HAN, HAN_RANGE

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


_SENTENCE = re.compile(r"[^。！？；\n]+")
MIN_LISTED = 2


def listed_units(text: str, units: list[Unit], gazetteer: Gazetteer | None = None) -> list[Unit]:
    """Cited units for places a sentence about 政协 work lists under a reporting unit
    (市委督查组到A县、B县、C区督查政协工作 → A县政协, B县政协, C区政协): two or more full place
    names of one level joined by 、, each inside the region of a reporting unit of a higher level."""
    gazetteer = gazetteer or Gazetteer.from_lexicon()
    reporting = [u for u in units if not u.cited and (u.province or u.city)]
    known = {(u.province, u.city, u.county) for u in units}
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        if "政协" not in sentence or "、" not in sentence:
            continue
        hits = [h for h in gazetteer.find_places(sentence) if h.full and h.surface[-1] in "县区市旗州盟"]
        runs: list[list] = []
        for hit in hits:
            if runs and sentence[runs[-1][-1].end:hit.start] in ("、", "和", "及"):
                runs[-1].append(hit)
            else:
                runs.append([hit])
        for run in runs:
            if len(run) < MIN_LISTED:
                continue
            for hit in run:
                owners = [u for u in reporting
                          if any(_inside(make_region(u.province, u.city, u.county), c) for c in hit.candidates)]
                if not owners:
                    continue
                parent = make_region(owners[0].province, owners[0].city, owners[0].county)
                region = next(c for c in hit.candidates if _inside(parent, c))
                key = (region.province, region.city if region.city != region.province or region.county else None,
                       region.county)
                if key in known:
                    continue
                known.add(key)
                start = m.start() + hit.start
                out.append(Unit(id=next_id, name=hit.surface + "政协", level=region.level or "other",
                                start=start, end=m.end(), evidence_start=start, evidence_end=start + len(hit.surface),
                                province=key[0], city=key[1], county=key[2], cited=True))
                next_id += 1
    return out


MAX_PLATFORM_GAP = 14  # characters between a county's name and the head of its 政协 platform
PLATFORM_HEAD_CHARS = 6  # characters of the platform head itself, read after the gap
_PLATFORM_STRETCH = re.compile(f"{HAN}{{0,{MAX_PLATFORM_GAP + PLATFORM_HEAD_CHARS}}}")  # Han text after a place


def _platform_heads(lexicon: Lexicon | None = None) -> re.Pattern[str] | None:
    """Heads of platforms (…工作室, …活动室, …会客厅: ``platform`` rows of practice_heads), once per lexicon."""
    return derived(lexicon, "platform_heads", _build_platform_heads)


def _build_platform_heads(lexicon: Lexicon) -> re.Pattern[str] | None:
    """Any platform head of ``lexicon``, longest first (None when it has none)."""
    heads = [r["head"] for r in lexicon.rows("practice_heads") if r.get("category") == "platform" and r.get("head")]
    if not heads:
        return None
    return re.compile("|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)))


def platform_units(text: str, units: list[Unit], gazetteer: Gazetteer | None = None,
                   lexicon: Lexicon | None = None) -> list[Unit]:
    """Cited units for counties whose own 政协 platform a report names (A市B镇政协委员联系群众活动室,
    C区基层委员工作室): a full county name, inside a reporting unit's region, followed in the same
    phrase by 委员 or 政协 and a platform head."""
    gazetteer = gazetteer or Gazetteer.from_lexicon(lexicon)
    heads = _platform_heads(lexicon)
    reporting = [u for u in units if not u.cited and (u.province or u.city)]
    if heads is None or not reporting:
        return []
    known = {(u.province, u.city, u.county) for u in units}
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    for hit in gazetteer.find_places(text):
        if not hit.full or not any(c.level == "county" for c in hit.candidates):
            continue
        stretch = _PLATFORM_STRETCH.match(text, hit.end).group()
        head = heads.search(stretch)
        if head is None or head.start() > MAX_PLATFORM_GAP or not ("委员" in stretch[:head.end()] or "政协" in stretch[:head.end()]):
            continue
        inside = [c for c in hit.candidates
                  if any(_inside(make_region(u.province, u.city, u.county), c) for u in reporting)]
        if len(inside) != 1:
            continue
        region = inside[0]
        key = (region.province, region.city, region.county)
        if key in known:
            continue
        known.add(key)
        out.append(Unit(id=next_id, name=hit.surface + "政协", level="county", start=hit.start,
                        end=hit.end + head.end(), evidence_start=hit.start, evidence_end=hit.end,
                        province=key[0], city=key[1], county=key[2], cited=True))
        next_id += 1
    return out


MIN_HIGHER_MENTIONS = 2  # a higher 政协 named once in passing is no unit of the report
HIGHER_WORDS = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city", "地区": "city"}


def level_named_units(text: str, units: list[Unit], lexicon: Lexicon | None = None) -> list[Unit]:
    """Cited units for the higher 政协 a county's or city's report names by its level alone as an
    actor at least twice (按照省政协党组要求…, 省政协在…; not 省政协副主席 attending): 省政协, 自治区政协;
    市政协 in a county's report; a municipality's 市政协 in a district's. Its region is the province
    or city of the document's first reporting unit."""
    from djtext.structure import find_unit_names, unit_vocabulary

    reporting = next((u for u in units if not u.cited and u.province), None)
    if reporting is None or "政协" not in text:
        return []
    known = {(u.province, u.city, u.county) for u in units}
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    municipality = reporting.city is None and reporting.county is not None or reporting.city == reporting.province
    vocab = unit_vocabulary(lexicon)
    acting: dict[str, list] = {}
    for name in find_unit_names(text, vocab):
        if not name.generic or name.shared:
            continue
        word = name.name.removeprefix("中共").split("政协", 1)[0]
        if word not in HIGHER_WORDS or not name.name.startswith(word + "政协"):
            continue
        if not text.startswith(vocab.roles, name.end):  # 省政协副主席… attends: the person acts, not the body
            acting.setdefault(word, []).append(name)
    for word, names in acting.items():
        if len(names) < MIN_HIGHER_MENTIONS:
            continue
        name, level = names[0], HIGHER_WORDS[word]
        if level == "province" or (word == "市" and municipality and reporting.county):
            place = reporting.province
            key = (place, None, None)
            if not place or not (place.endswith(word) or municipality and word == "市"):
                continue
        else:
            place = reporting.city
            key = (reporting.province, place, None)
            if not place or not reporting.county or not place.endswith(word):
                continue
        if key in known:
            continue
        known.add(key)
        level = "province" if key[1] is None and key[0] == place else level  # a municipality's own 政协
        out.append(Unit(id=next_id, name=place + name.name[len(word):], level=level, start=name.start,
                        end=name.end, evidence_start=name.start, evidence_end=name.end,
                        province=key[0], city=key[1], county=key[2], cited=True))
        next_id += 1
    return out


def _inside(parent: Region, child: Region) -> bool:
    """True when ``child`` is a place of a lower level inside ``parent``."""
    depth = {"province": 0, "city": 1, "county": 2}
    return (parent.province is not None and parent.contains(child) and child.level is not None
            and depth[child.level] > depth.get(parent.level or "province", 0))


def unit_at(units: list[Unit], position: int) -> Unit | None:
    """The innermost unit whose span contains ``position`` (cited units win over sections)."""
    best: Unit | None = None
    for unit in units:
        if unit.start <= position < unit.end:
            if best is None or (unit.end - unit.start) < (best.end - best.start):
                best = unit
    return best


def attribute_document(doc: Document, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> Document:
    """Give units their regions and attach every list item and mention to its unit.

    ``lexicon``: the run's lexicon (a user's regions.csv, unit_terms.csv and practice_heads.csv
    take effect); the gazetteer is built from it when none is given."""
    if doc.clean is None:
        return doc
    from djtext.structure import find_parts

    gazetteer = gazetteer or Gazetteer.from_lexicon(lexicon)
    if doc.parts is None:
        doc.parts = find_parts(doc.clean)
    attribute_units(doc.units, doc.clean.text, gazetteer, doc.parts)
    doc.units = [u for u in doc.units if not _unconfirmed_near_place(u, gazetteer)]
    doc.units.extend(listed_units(doc.clean.text, doc.units, gazetteer))
    doc.units.extend(platform_units(doc.clean.text, doc.units, gazetteer, lexicon))
    doc.units.extend(level_named_units(doc.clean.text, doc.units, lexicon))
    for item in doc.lists:
        if item.unit_id is None:
            unit = unit_at(doc.units, item.start)
            item.unit_id = unit.id if unit else None
    owners: dict[str, Unit] = {}
    for mention in doc.mentions:
        if mention.unit_id is None and mention.table == "brands":
            owner = _stated_owner(doc, mention.end, owners, gazetteer, lexicon)
            if owner is not None:
                mention.unit_id = owner.id
                continue
        if mention.unit_id is None:
            unit = unit_at(doc.units, mention.start)
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
    from djtext.structure import find_parts

    attribute_units([unit], text, gazetteer, doc.parts if doc.parts is not None else find_parts(doc.clean))
    doc.units.append(unit)
    owners[name] = unit
    return unit


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def line_of(starts: list[int], offset: int) -> int:
    """1-based line number of ``offset`` given the line starts."""
    return bisect_right(starts, offset)


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

    def __init__(self, text: str, parts: list[tuple[int, int]], gazetteer: Gazetteer):
        self.text = text
        self.parts = parts
        self.starts = [start for start, _end in parts]
        self.gazetteer = gazetteer
        self.cache: dict[int, dict] = {}

    def __call__(self, position: int) -> dict:
        """The region columns of ``position`` of the clean text (outside every unit)."""
        i = -1 if len(self.parts) <= 1 else max(0, bisect_right(self.starts, position) - 1)
        hit = self.cache.get(i)
        if hit is None:
            if i < 0:
                hit = region_columns(self.gazetteer.document_region(self.text))
            else:
                start, end = self.parts[i]
                hit = region_columns(part_region(self.text[start:end], self.gazetteer))
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
    from djtext.structure import find_parts

    gazetteer = gazetteer or Gazetteer.from_lexicon()
    parts = doc.parts if doc.parts is not None else find_parts(doc.clean)
    return RegionView({unit.id: unit_columns(unit) for unit in doc.units},
                      RegionsOutsideUnits(doc.clean.text, parts, gazetteer))
