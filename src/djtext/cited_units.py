"""Units a report cites besides its reporting units: places a sentence lists under a reporting
unit (listed_units), counties whose 政协 platform it names (platform_units) and the higher 政协 it
names by level alone as an actor (level_named_units). Part of the attribute stage."""
from __future__ import annotations

import re

from djtext.lexicon import Lexicon, derived
from djtext.models import Unit
from djtext.regions import Gazetteer, Places, Region, make_region
from djtext.text import HAN

SENTENCE_ENDS = "。！？；\n"
_SENTENCE_SOURCE = f"[^{SENTENCE_ENDS}]+"  # a sentence (compiled when a place name holds a sentence end)
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
MIN_LISTED = 2
LISTED_SUFFIXES = "县区市旗州盟"  # the level characters that end a listed full place name


def listed_units(text: str, units: list[Unit], gazetteer: Gazetteer | None = None,
                 places: Places | None = None) -> list[Unit]:
    """Cited units for places a sentence about 政协 work lists under a reporting unit
    (市委督查组到A县、B县、C区督查政协工作 → A县政协, B县政协, C区政协): two or more full place
    names of one level joined by 、, each inside the region of a reporting unit of a higher level.
    ``places``: the places of ``text`` (made from it when not given)."""
    reporting = [u for u in units if not u.cited and (u.province or u.city)]
    known = {(u.province, u.city, u.county) for u in units}
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    if "政协" not in text or "、" not in text:
        return out
    places = places if places is not None else (gazetteer or Gazetteer.from_lexicon()).places(text)
    for lo, hi in _listing_sentences(text, places):
        listed = [match for match in places.matches_in(lo, hi) if match[2][2] and match[2][0][-1] in LISTED_SUFFIXES]
        if len(listed) < MIN_LISTED:
            continue  # no run of two full names (the hits are among these matches)
        hits = [h for h in places.hits_in(lo, hi) if h.full and h.surface[-1] in LISTED_SUFFIXES]
        runs: list[list] = []
        for hit in hits:
            if runs and text[runs[-1][-1].end:hit.start] in ("、", "和", "及"):
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
                out.append(Unit(id=next_id, name=hit.surface + "政协", level=region.level or "other",
                                start=hit.start, end=hi, evidence_start=hit.start, evidence_end=hit.end,
                                province=key[0], city=key[1], county=key[2], cited=True))
                next_id += 1
    return out


def _listing_sentences(text: str, places: Places):
    """Spans of the sentences (runs without 。！？； or a line end) of ``text`` that may list places:
    with 政协, 、 and two full names of a listed level at least, in order."""
    if any(ch in places.matcher.alphabet for ch in SENTENCE_ENDS):  # a name may cross a sentence end
        for m in re.finditer(_SENTENCE_SOURCE, text):
            if "政协" in m.group() and "、" in m.group():
                yield m.span()
        return
    listed = [m for m in places.all_matches if m[2][2] and m[2][0][-1] in LISTED_SUFFIXES]
    hi = 0
    for (a_start, a_end, _a), (b_start, _b_end, _b) in zip(listed, listed[1:]):
        if a_start < hi or _SENTENCE_END.search(text, a_end, b_start):
            continue  # in a sentence already read, or not in one sentence
        lo = max(text.rfind(ch, hi, a_start) for ch in SENTENCE_ENDS) + 1 or hi
        end = _SENTENCE_END.search(text, b_start)
        hi = end.start() if end else len(text)
        if "政协" in text[lo:hi] and "、" in text[lo:hi]:
            yield lo, hi


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
                   lexicon: Lexicon | None = None, places: Places | None = None) -> list[Unit]:
    """Cited units for counties whose own 政协 platform a report names (A市B镇政协委员联系群众活动室,
    C区基层委员工作室): a full county name, inside a reporting unit's region, followed in the same
    phrase by 委员 or 政协 and a platform head. ``places``: the places of ``text``."""
    heads = _platform_heads(lexicon)
    reporting = [u for u in units if not u.cited and (u.province or u.city)]
    if heads is None or not reporting:
        return []
    if places is None:
        places = (gazetteer or Gazetteer.from_lexicon(lexicon)).places(text)
    known = {(u.province, u.city, u.county) for u in units}
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    for hit in places.hits:
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


def _higher_unit(word: str, reporting: Unit, municipality: bool) -> tuple[str, tuple] | None:
    """The place and region key of the higher 政协 ``word`` (省, 市 ...) names in a report of
    ``reporting``, or None when the report's places give it none."""
    if HIGHER_WORDS[word] == "province" or (word == "市" and municipality and reporting.county):
        place = reporting.province
        if not place or not (place.endswith(word) or municipality and word == "市"):
            return None
        return place, (place, None, None)
    place = reporting.city
    if not place or not reporting.county or not place.endswith(word):
        return None
    return place, (reporting.province, place, None)


def level_named_units(text: str, units: list[Unit], lexicon: Lexicon | None = None, views=None) -> list[Unit]:
    """Cited units for the higher 政协 a county's or city's report names by its level alone as an
    actor at least twice (按照省政协党组要求…, 省政协在…; not 省政协副主席 attending): 省政协, 自治区政协;
    市政协 in a county's report; a municipality's 市政协 in a district's. Its region is the province
    or city of the document's first reporting unit. ``views``: the text's ``TextViews`` (the unit
    names the structure stage found in its lines are read from them)."""
    from djtext.structure import document_unit_names, unit_vocabulary

    reporting = next((u for u in units if not u.cited and u.province), None)
    if reporting is None or "政协" not in text:
        return []
    known = {(u.province, u.city, u.county) for u in units}
    municipality = reporting.city is None and reporting.county is not None or reporting.city == reporting.province
    wanted = {word: found for word in HIGHER_WORDS
              for found in [_higher_unit(word, reporting, municipality)] if found and found[1] not in known}
    if not wanted:
        return []  # no higher 政协 this report could name (the units are found only when one can)
    out: list[Unit] = []
    next_id = max((u.id for u in units), default=0) + 1
    vocab = unit_vocabulary(lexicon)
    acting: dict[str, list] = {}
    for name in document_unit_names(text, vocab, views):
        if not name.generic or name.shared:
            continue
        word = name.name.removeprefix("中共").split("政协", 1)[0]
        if word not in wanted or not name.name.startswith(word + "政协"):
            continue
        if not text.startswith(vocab.roles, name.end):  # 省政协副主席… attends: the person acts, not the body
            acting.setdefault(word, []).append(name)
    for word, names in acting.items():
        if len(names) < MIN_HIGHER_MENTIONS:
            continue
        name, level = names[0], HIGHER_WORDS[word]
        place, key = wanted[word]
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
