"""Sections of reporting units: lead lines (``X区政协：title``), unit headings under a title, bylines
matched to the bodies they sign (titles and bylines printed away from their bodies on a newspaper
page), committee paragraphs of the reporting 政协, and the parts of a compilation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from djtext.models import CleanText
from djtext.structure.bylines import (BODY_MIN, MAX_TITLE, Byline, bylines_in, inner_organ, is_subject, raw_gap,
                                      reportable, self_named, title_before)
from djtext.structure.lines import joined_view, part_breaks, strip_markup
from djtext.structure.unit_names import find_unit_names, unit_key
from djtext.structure.views import TextViews, text_views
from djtext.structure.vocabulary import UnitName, UnitVocabulary
from djtext.text import HAN, HAN_RANGE

BYLINE_REACH = 200  # characters after a section start within which a generic byline signs it
UNIT_LINE_EXTRA = 20  # characters a lead line or unit heading may run beyond a title's length
FOLLOWING_BODY_WINDOW = 160  # characters read after a byline to tell running text from a title


@dataclass
class Section:
    """A reporting unit's section while it is being assembled."""

    start: int
    unit: UnitName
    title: str | None = None
    speaker: str | None = None
    end: int | None = None  # fixed end for a byline printed away from any body




GLUED_OPENING = 24  # characters of a glued paragraph's opening in which it may name its unit


def _glued_paragraph_starts(clean: CleanText, start: int, end: int, names: list[UnitName]) -> list[int]:
    """Starts of paragraphs the cleaner glued into the line text[start:end]: after a sentence end
    where the raw text broke the line, with a unit name in the next few characters."""
    if not names or not clean.raw or not clean.offsets:
        return []
    text = clean.text
    out: list[int] = []
    for name in names:
        if name.start <= start + 1:
            continue
        stop = max(start + 1, name.start - GLUED_OPENING)
        end_mark = max(text.rfind("。", stop, name.start), text.rfind("！", stop, name.start),
                       text.rfind("？", stop, name.start))
        pos = end_mark + 1
        if end_mark >= stop and "\n" in raw_gap(clean, pos) and (not out or out[-1] != pos):
            out.append(pos)
    return out


def _names_between(names: list[UnitName], starts: list[int], start: int, end: int) -> list[UnitName]:
    """The names (sorted, with their ``starts``) that start in [start, end)."""
    i = bisect_left(starts, start)
    out = []
    while i < len(names) and names[i].start < end:
        out.append(names[i])
        i += 1
    return out


def find_sections(clean: CleanText, names_all: list[UnitName], vocab: UnitVocabulary,
                  views: TextViews | None = None) -> tuple[list[Section], list[Byline]]:
    """Sections announced by lead lines, unit headings, bylines and self-naming bodies, with the bylines."""
    text = clean.text
    views = views if views is not None else text_views(clean)
    lines = list(views.lines)
    starts = [n.start for n in names_all]
    sections: list[Section] = []
    bylines: list[Byline] = []
    for i, (s, e) in enumerate(lines):
        raw_line = text[s:e]
        shift = s + (len(raw_line) - len(raw_line.lstrip("#* \t")))
        names = _names_between(names_all, starts, s, e)
        if names and names[0].start == shift and not names[0].generic and e - s <= MAX_TITLE + UNIT_LINE_EXTRA:
            unit = names[0]
            rest = strip_markup(text[unit.end:e])
            # 1. `X区政协：title` lead lines
            if rest[:1] in "：:" and len(rest) > 2 and rest.rstrip()[-1:] not in "。；":
                sections.append(Section(s, unit, title=rest[1:].strip()))
                continue
            # 2. a line that is exactly a unit name (a heading under a title, above a byline)
            if not rest.strip():
                title = title_before(text, lines, i)
                start = title[0] if title else s
                sections.append(Section(start, unit, title=title[1] if title else None))
                continue
        # 3. bylines, possibly glued to titles, to other bylines or to the body that follows
        found = bylines_in(clean, s, e, vocab, names)
        if found:
            first = found[0]
            if first.title is None and first.start == s:
                before = title_before(text, lines, i)
                if before and not find_unit_names(before[1], vocab):
                    first.title, first.start = before[1], before[0]
            bylines.extend(found)
            rest_start = found[-1].end
            if e - rest_start >= BODY_MIN:
                own = self_named(text, rest_start, e, vocab, names, views)
                if own is not None:
                    sections.append(Section(rest_start, own))
            continue
        own = self_named(text, s, e, vocab, names, views)
        glued = _glued_paragraph_starts(clean, s, e, names)
        if own is None and not glued:
            continue
        latest = max(sections, key=lambda sec: sec.start).unit if sections else None
        if bylines and (latest is None or bylines[-1].start > max(sec.start for sec in sections)):
            latest = bylines[-1].unit
        if own is not None and not inner_organ(own, latest, vocab):
            sections.append(Section(s, own))
        for p in glued:
            inner = self_named(text, p, e, vocab, names, views)
            if inner is not None and not inner_organ(inner, own or latest, vocab):
                sections.append(Section(p, inner))
    sections = _merge_repeats(sections)
    _attach_bylines(sections, bylines, text, vocab, views)
    sections.sort(key=lambda sec: sec.start)
    return sections, bylines


def same_unit(a: UnitName, b: UnitName) -> bool:
    """Two names of the same unit (a byline's 绍兴市政协党组 and a body's 绍兴市政协 …)."""
    return a.key == b.key or a.key.endswith(b.key) or b.key.endswith(a.key)


class KeyIndex:
    """Unit keys for ``same_unit`` look-ups in constant time per key (suffix sets both ways)."""

    def __init__(self) -> None:
        self.keys: dict[str, list] = {}
        self.suffixes: dict[str, list] = {}

    def add(self, key: str, value) -> None:
        """Index ``value`` under ``key``."""
        self.keys.setdefault(key, []).append(value)
        for i in range(len(key)):
            self.suffixes.setdefault(key[i:], []).append(value)

    def matches(self, key: str) -> list:
        """Values whose key equals ``key``, ends with it, or is a suffix of it."""
        found = list(self.suffixes.get(key, []))
        for i in range(1, len(key)):
            found.extend(self.keys.get(key[i:], []))
        return found


def _merge_repeats(sections: list[Section]) -> list[Section]:
    """Drop a section start that names a unit already reporting (its body naming itself again)."""
    out: list[Section] = []
    index = KeyIndex()
    for sec in sorted(sections, key=lambda x: x.start):
        if out and same_unit(out[-1].unit, sec.unit):
            continue
        if sec.title is None and index.matches(sec.unit.key):
            continue
        out.append(sec)
        index.add(sec.unit.key, sec)
    return out


def _followed_by_body(text: str, pos: int, views: TextViews | None = None) -> bool:
    """True when running text (not another title or byline) follows position ``pos``."""
    while pos < len(text) and text[pos] in " \t\u3000\n":
        pos += 1
    stop = min(len(text), pos + FOLLOWING_BODY_WINDOW)
    joined, _index = views.joined(pos, stop) if views is not None else joined_view(text, pos, stop)
    chunk = joined.split("\n", 1)[0]
    return len(chunk) >= BODY_MIN and ("。" in chunk or "，" in chunk)


def _attach_bylines(sections: list[Section], bylines: list[Byline], text: str, vocab: UnitVocabulary,
                    views: TextViews | None = None) -> None:
    """Give sections the title/speaker of their byline; other bylines become units of their own."""
    index = KeyIndex()
    for sec in sections:
        index.add(sec.unit.key, sec)
    ordered = sorted(sections, key=lambda sec: sec.start)
    starts = [sec.start for sec in ordered]
    for byline in bylines:
        unit = byline.unit
        matching = index.matches(unit.key)
        target = min(matching, key=lambda sec: abs(sec.start - byline.start)) if matching else None
        if target is None and unit.generic:
            i = bisect_right(starts, byline.start) - 1
            if i >= 0 and byline.start - ordered[i].start < BYLINE_REACH:
                target = ordered[i]
        if target is None:
            if unit.generic and not reportable(unit, vocab):
                continue
            body = _followed_by_body(text, byline.end, views)
            new = Section(byline.start, unit, title=byline.title, speaker=byline.speaker,
                           end=None if body else byline.end)
            sections.append(new)
            index.add(unit.key, new)
            continue
        target.speaker = target.speaker or byline.speaker
        if byline.title and not target.title:
            target.title = byline.title



# a line opening on a committee or a sector as its subject (提案委员会注重…, 农业界别积极…):
# markup, then 2-12 Han characters that are no function word, then 委员会 / 界别, then text
_COMMITTEE_OPENING = re.compile(rf"""
    [#*\s]*                                              # heading or bold markup, spaces
    ((?:(?![的了在对把将从向为是和及等]){HAN}){{2,12}}?   # the committee's name
     (?:委员会|界别))
    (?=[{HAN_RANGE}，])                                  # running text follows
""", re.VERBOSE)


def committee_sections(clean: CleanText, sections: list[Section], vocab: UnitVocabulary,
                       views: TextViews | None = None) -> list[Section]:
    """Paragraphs that open with a committee or a sector (界别) of the reporting 政协 as their
    subject (提案委员会注重…, 经济委员会与…, 农业界别积极…): sections of ``<parent>政协<committee>`` (level committee), the parent
    being the 政协 reporting just before. Committees that are no 专委会 (常务委员会, 纪律检查委员会,
    居民委员会 …: ``committee_stop`` of unit_terms) are left out."""
    text = clean.text
    stops = vocab.committee_stops
    parents = sorted((sec for sec in sections if sec.end is None and "政协" in sec.unit.name
                      and sec.unit.level != "committee"), key=lambda sec: sec.start)
    if not parents:
        return []
    out: list[Section] = []
    for s, e in (views if views is not None else text_views(clean)).lines:
        m = _COMMITTEE_OPENING.match(text, s, e)
        if not m or any(sec.start == s for sec in sections):
            continue
        committee = m.group(1)
        if committee.startswith(stops) or committee[:-3].endswith(("居民", "村民", "业主")) or vocab.body_pattern.search(committee) \
                or committee.endswith("界别") and len(committee) > 8:
            continue
        after = m.end()
        if not (is_subject(text, after, vocab) or text.startswith("与", after)) or e - after < BODY_MIN:
            continue
        parent = next((sec for sec in reversed(parents) if sec.start <= s), None)
        if parent is None:
            continue
        place = parent.unit.name.split("政协", 1)[0]
        name = place + "政协" + committee
        unit = UnitName(s + m.start(1) - s, m.end(1), name, "committee", unit_key(name, vocab), parent.unit.generic)
        out.append(Section(s, unit))
    return out


PART_HEAD = 300  # characters at the start of a part in which it names its own unit


def add_part_units(text: str, sections: list[Section], parts: list[tuple[int, int]],
                   names: list[UnitName], vocab: UnitVocabulary, breaks: tuple[int, ...] | None = None) -> None:
    """Each part of a compilation that no found section reports on gets the unit its title or first
    sentences name (X县政协党组牢固树立…, 市政协机关党支部于…): the first one named as a subject,
    else the first one named at all; a part that names none stays without a unit."""
    starts = [n.start for n in names]
    breaks = list(part_breaks(text) if breaks is None else breaks)
    for part_start, part_end in parts:
        if any(sec.end is None and part_start <= sec.start < part_end for sec in sections):
            continue
        window = [n for n in _names_between(names, starts, part_start, min(part_end, part_start + PART_HEAD))
                  if not n.shared and (reportable(n, vocab) or not n.generic)]
        if not window:
            continue
        subject = next((n for n in window if is_subject(text, n.end, vocab)), None)
        chosen = subject or window[0]
        head = bisect_right(breaks, chosen.start) - 1  # a page header joined to the part is not reported on
        sections.append(Section(max(part_start, breaks[head]) if head >= 0 else part_start, chosen))
    sections.sort(key=lambda sec: sec.start)


def complete_bare_names(sections: list[Section], vocab: UnitVocabulary,
                        parts: list[tuple[int, int]] | None = None) -> None:
    """``区政协机关党委`` reporting beside ``凤翔区政协`` is 凤翔区政协机关党委: take the place of the
    one specific reporting unit of the same level in the same part (left alone when there is none
    or several)."""
    part_starts = [start for start, _end in parts or [(0, 0)]]

    def part_of(pos: int) -> int:
        return bisect_right(part_starts, pos)

    for sec in sections:
        name = sec.unit
        if not name.generic or not name.name.startswith(tuple(vocab.level_suffixes)):
            continue
        bare = name.name.split("政协", 1)[0]
        if bare not in vocab.level_suffixes or "政协" not in name.name:
            continue
        places = {other.unit.name.split("政协", 1)[0] for other in sections
                  if not other.unit.generic and "政协" in other.unit.name
                  and part_of(other.start) == part_of(sec.start)
                  and other.unit.name.split("政协", 1)[0].endswith(bare)
                  and not other.unit.name.startswith("中共")}
        if len(places) == 1:
            full = places.pop() + name.name[len(bare):]
            sec.unit = UnitName(name.start, name.end, full, name.level, unit_key(full, vocab), False, name.shared)


def extend_to_part_starts(sections: list[Section], breaks: list[int]) -> None:
    """A body that names its unit somewhere in a part (篇七： …) reports the part from its start."""
    if not breaks:
        return
    for i, sec in enumerate(sections):
        if sec.end is not None:
            continue
        j = bisect_right(breaks, sec.start) - 1
        if j < 0:
            continue
        floor = max((other.start for other in sections[:i]), default=-1)
        if floor < breaks[j]:
            sec.start = breaks[j]


