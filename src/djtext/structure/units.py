"""Reporting units of a cleaned document: the sections announced in the text, the parts of a
compilation, a single-report document's own unit, and units only cited inside another unit's report.

``find_units(clean, lexicon=None)`` is the entry point; the lexicon's unit_terms and regions (a
user's files included) decide which names are units.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from djtext.lexicon import Lexicon
from djtext.models import CleanText, Unit
from djtext.structure.bylines import names_by_line
from djtext.structure.lines import strip_markup
from djtext.structure.sections import (KeyIndex, Section, add_part_units, committee_sections, complete_bare_names,
                                       extend_to_part_starts, find_sections)
from djtext.structure.unit_names import find_unit_names, unit_key
from djtext.structure.views import TextViews, text_views
from djtext.structure.vocabulary import UnitName, UnitVocabulary, unit_vocabulary
from djtext.text import HAN

WHOLE_TEXT_START = 400  # a lone body starting this early reports the whole text (from 0)
DOCUMENT_HEAD = 600  # characters of a single report's opening in which it names its own unit
FIRST_LINE_TITLE = 80  # characters of the first line kept as the section title
CITED_CONTEXT = 120  # characters of context kept after a cited unit's name (to the clause end)
MIN_REPORT_SPAN = 200  # characters of a reporting unit's span for it to own the units cited in it


def find_units(clean: CleanText, lexicon: Lexicon | None = None, views: TextViews | None = None) -> list[Unit]:
    """Reporting units with their sections, plus units only cited inside a report (``cited=True``).

    ``views``: the document's ``text_views(clean)`` when already made (the structure stage's)."""
    vocab = unit_vocabulary(lexicon)
    views = views if views is not None else text_views(clean)
    text = clean.text
    names_all = names_by_line(clean, vocab, views)
    sections, _bylines = find_sections(clean, names_all, vocab, views)
    parts = list(views.parts)
    if len(parts) > 1:
        add_part_units(text, sections, parts, names_all, vocab, views.breaks)
    units: list[Unit] = []
    if not any(sec.end is None for sec in sections):
        main = _document_unit(text, vocab)
        if main is None and not sections:
            main = _front_unit(text, vocab)
        if main is not None:
            sections.append(Section(0, main, title=_first_line(text, views)))
            sections.sort(key=lambda sec: sec.start)
    sections.extend(committee_sections(clean, sections, vocab, views))
    sections.sort(key=lambda sec: sec.start)
    breaks = list(views.breaks)
    extend_to_part_starts(sections, breaks)
    complete_bare_names(sections, vocab, parts)
    bodies = [sec for sec in sections if sec.end is None]
    body_index = {id(sec): i for i, sec in enumerate(bodies)}
    for sec in sections:
        if sec.end is not None:
            start, end = sec.start, sec.end
        else:
            i = body_index[id(sec)]
            end = bodies[i + 1].start if i + 1 < len(bodies) else len(text)
            end = next((b for b in breaks if sec.start < b < end), end)
            start = 0 if len(bodies) == 1 and sec.start < WHOLE_TEXT_START else sec.start
        units.append(Unit(id=len(units) + 1, name=sec.unit.name, level=sec.unit.level, speaker=sec.speaker,
                          section_title=sec.title, start=start, end=end,
                          evidence_start=sec.unit.start, evidence_end=sec.unit.end))
    units.extend(_cited_units(text, units, names_all, len(units) + 1, vocab))
    return units



def _first_line(text: str, views: TextViews) -> str | None:
    """The first non-blank line without markup (the document's title), or None."""
    for s, e in views.paragraphs[:1]:
        line = strip_markup(text[s:e])
        return line[:FIRST_LINE_TITLE] or None
    return None


# after a unit's name: [… 带队 / 一行] [a few characters] 到 / 赴 / 来到 … + the first two
# characters of the place visited (X政协一行到Y…, X政协副主席Z带队赴Y…)
_VISITOR_SOURCE = rf"""
    (?:[^。！？\n]{{0,24}}?(?:带队|率队|率领|带领|一行))?   # who leads the visit
    (?:[^。！？\n]{{0,4}}?)
    (?:到|赴|来到|莅临|走进|对|来)                          # the verb of travel
    ({HAN}{{1,2}})                                          # the place visited
"""
# words that make the clause a visit: a delegation (一行) or an inspection team
_VISITOR_MARK_SOURCE = r"一行|(?:调研|考察|视察|督查|督导|检查)组"


@cache
def _visitor() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The visit clause and the words that make it one (compiled on first use: only documents
    without sections read their opening for a visit)."""
    return re.compile(_VISITOR_SOURCE, re.VERBOSE), re.compile(_VISITOR_MARK_SOURCE)


def _visit_destination(text: str, end: int) -> str | None:
    """For a unit name ending at ``end`` that travels (X政协一行到Y…, X政协副主席Z带队到Y…): the
    first two characters of the place it visits, else None."""
    clause = text[end:end + 40]
    visitor, visitor_mark = _visitor()
    m = visitor.match(clause)
    if not m or not (visitor_mark.search(clause, 0, m.start(1)) or "带队" in clause[:m.start(1)]
                     or "率队" in clause[:m.start(1)]):
        return None
    return m.group(1)


_SOURCE_AFTER = ("官网", "网站", "消息", "公众号", "微信", "门户")


def _is_source(text: str, name: UnitName) -> bool:
    """True for a unit named as the source of the news (据X政协官网消息), not as its subject."""
    return text[name.end:name.end + 3].startswith(_SOURCE_AFTER) or text[max(0, name.start - 1):name.start] == "据"


def _document_unit(text: str, vocab: UnitVocabulary) -> UnitName | None:
    """The unit a single-report document is about: the first specific unit named in its opening
    that is not visiting another one (X政协一行到Y调研: Y's 政协 when it is named); else a unit
    named by its level alone that reports (县政协, 区政协: its place comes from the document)."""
    names = find_unit_names(text[:DOCUMENT_HEAD], vocab)
    specific = [n for n in names if not n.generic and not n.shared and not _is_source(text, n)]
    destination = None
    hosts = []
    for name in specific:
        visited = _visit_destination(text, name.end)
        if visited is None:
            if destination is None:
                return name
            hosts.append(name)
        else:
            destination = destination or visited
    if hosts:
        return next((n for n in hosts if destination in n.name), None) or next(
            (n for n in hosts if "陪同" in text[n.end:n.end + 30].split("。")[0]), None) or hosts[0]
    bare = _level_only_host(names, vocab)
    if specific and (bare is None or destination is None):
        return specific[0]
    return bare


# 全市政协系统 (the city's 政协 and those under it, led by the 市政协), 我县政协, 本市政协
_SELF_LEADS = ("全", "我", "本")


def _level_only_host(names: list[UnitName], vocab: UnitVocabulary) -> UnitName | None:
    """The unit named by its level alone (县政协, 区政协; 全市政协系统, 我市政协 count for 市政协) that a
    document names most often, as ``<level>政协`` (None when two levels tie)."""
    bare: list[tuple[str, UnitName]] = []
    for n in names:
        if not n.generic or n.shared or "政协" not in n.name:
            continue
        place = n.name.removeprefix("中共").split("政协", 1)[0]
        lead = max(place.rfind(word) for word in _SELF_LEADS)
        if lead >= 0 and place[lead + 1:] in vocab.level_suffixes and all(ch in vocab.cut_set for ch in place[:lead]):
            place = place[lead + 1:]  # 全市政协系统, 在全市政协系统, 我县政协, 本市政协
        elif not (place in vocab.level_suffixes and n.name.startswith(place)):
            continue
        bare.append((place, n))
    counts = Counter(place for place, _n in bare).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] <= counts[1][1]):
        return None
    place, first = next((p, n) for p, n in bare if p == counts[0][0])
    if first.name.startswith(place):
        return first
    name = place + "政协"
    at = first.end - len(name) if first.name.endswith(name) else first.start
    return UnitName(at, first.end, name, first.level, unit_key(name, vocab), True)


FRONT_HEAD = 300  # characters of a document's opening in which it names a place's united-front work


def _front_unit(text: str, vocab: UnitVocabulary) -> UnitName | None:
    """A document naming no unit that reports a place's united-front work (X县打造…推进统战工作,
    X县统一战线…): the unit ``<place>统一战线`` (level other), from the place named right before
    the first ``front_word`` of the unit_terms lexicon in the opening."""
    from djtext.regions import Gazetteer

    words = vocab.front_words
    head = text[:FRONT_HEAD]
    found = [(i, w) for w in words for i in [head.find(w)] if i >= 0]
    if not found:
        return None
    at = min(found)[0]
    line_start = head.rfind("\n", 0, at) + 1
    places = [h for h in Gazetteer.from_lexicon(vocab.lexicon).find_places(head[line_start:at]) if h.full]
    if not places:
        return None
    place = places[-1]
    start = line_start + place.start
    name = place.surface + "统一战线"
    return UnitName(start, line_start + place.end, name, "other", name, False)


_CLAUSE_END = re.compile("[。；;！？\n]")  # where a cited unit's context ends


def cited_context_end(text: str, end: int) -> int:
    """End of the context kept after a cited unit's name ending at ``end``: the clause end, at
    most CITED_CONTEXT characters on."""
    stop = _CLAUSE_END.search(text, end, end + CITED_CONTEXT)
    return stop.start() if stop else min(len(text), end + CITED_CONTEXT)


def _cited_units(text: str, reporting: list[Unit], names_all: list[UnitName], first_id: int,
                 vocab: UnitVocabulary) -> list[Unit]:
    """Specific units named inside a section that are not a reporting unit (one per name and section)."""
    out: list[Unit] = []
    seen: set[tuple[int, str]] = set()
    index = KeyIndex()
    for unit in reporting:
        index.add(unit_key(unit.name, vocab), unit)
    bodies = sorted((u for u in reporting if u.end - u.start > MIN_REPORT_SPAN), key=lambda u: u.start)
    starts = [u.start for u in bodies]
    for name in names_all:
        if name.generic or index.matches(name.key):
            continue
        i = bisect_right(starts, name.start) - 1
        owner = bodies[i] if i >= 0 and name.start < bodies[i].end else None
        marker = (owner.id if owner else 0, name.key)
        if marker in seen:
            continue
        seen.add(marker)
        end = cited_context_end(text, name.end)
        out.append(Unit(id=first_id + len(out), name=name.name, level=name.level, start=name.start, end=end,
                        evidence_start=name.start, evidence_end=name.end, cited=True))
    return out
