"""Reporting units and their sections: lead lines (``X区政协：title``), unit headings under a
title with a byline (``西湖区政协党组书记 王明``), bodies that name their own unit first
(``近年来，余杭区政协党组…``) with titles and bylines printed elsewhere on a newspaper page, a
single-report document's own unit, and units only cited inside another unit's report.
"""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from djtext.models import CleanText, Unit
from djtext.structure_text import (joined_view, logical_lines, part_breaks, part_spans, soft_wrapped,
                                  split_paragraphs, strip_markup)
from djtext.structure_units import (UnitName, UnitVocabulary, _body_pattern, _longest_prefix, find_unit_names,
                                   unit_key, unit_vocabulary)

MAX_TITLE = 60
BODY_MIN = 40  # characters of running text after a byline that make it a body, not another title
NAME_CHARS = 3  # a speaker's name: two or three characters (名 may be padded: 张 晨)


@dataclass
class _Section:
    """A reporting unit's section while it is being assembled."""

    start: int
    unit: UnitName
    title: str | None = None
    speaker: str | None = None
    end: int | None = None  # fixed end for a byline printed away from any body


@dataclass
class Byline:
    """``[title] UNIT ROLE[、ROLE] NAME`` found in a line."""

    start: int  # start of the title (or of the unit when there is none)
    end: int  # end of the speaker's name
    title: str | None
    unit: UnitName
    speaker: str | None


def _raw_gap(clean: CleanText, i: int) -> str:
    """Raw characters the cleaner dropped between clean characters i-1 and i."""
    if not clean.offsets or i <= 0 or i >= len(clean.offsets) or not clean.raw:
        return ""
    return clean.raw[clean.offsets[i - 1] + 1:clean.offsets[i]]


def _speaker_at(clean: CleanText, pos: int, end: int) -> tuple[str | None, int]:
    """The person's name starting at ``pos`` (two or three characters) and where it ends."""
    text = clean.text
    i = pos
    while i < end and text[i] in " \t\u3000":
        i += 1
    chars: list[str] = []
    j = i
    while j < end and len(chars) < NAME_CHARS:
        ch = text[j]
        if ch in " \t\u3000":
            if len(chars) >= 2:
                break
            j += 1
            continue
        if not ("\u4e00" <= ch <= "\u9fff"):
            break
        gap = _raw_gap(clean, j) if chars else ""
        if chars and ("\n" in gap or (gap.strip(" \t\u3000") == "" and gap and len(chars) >= 2)):
            break  # the raw text had a line break (or a space after two characters) here
        chars.append(ch)
        j += 1
    if len(chars) < 2:
        return None, pos
    return "".join(chars), j


def _line_breaks_at(clean: CleanText, pos: int, end: int) -> bool:
    """True when a printed line ended at ``pos`` (end of the clean line, or a raw line break there)."""
    text = clean.text
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    return pos >= end or "\n" in _raw_gap(clean, pos)


def bylines_in(clean: CleanText, start: int, end: int, vocab: UnitVocabulary,
               names: list[UnitName] | None = None) -> list[Byline]:
    """Every ``UNIT ROLE NAME`` byline in text[start:end], with the title written before it.

    ``names`` are unit names already found in the whole text (positions in the text); when
    omitted they are searched in the segment.
    """
    text = clean.text
    segment = text[start:end]
    found: list[Byline] = []
    if vocab.roles_pattern is None or not vocab.roles_pattern.search(segment):
        return found
    if names is None:
        local, shift = find_unit_names(segment), 0
    else:  # positions in the text: read them relative to the segment
        local, shift = [n for n in names if start <= n.start and n.end <= end], start
    previous_end = 0
    for name in local:
        name_start, name_end = name.start - shift, name.end - shift
        pos = name_end
        roles = 0
        while True:
            while pos < len(segment) and segment[pos] in "、，, ":
                pos += 1
            role = _longest_prefix(segment, pos, vocab.roles)
            if not role and roles:  # 机关党组成员、机关党委副书记: an organ before the next role
                organ = _longest_prefix(segment, pos, vocab.organs_by_length)
                role = _longest_prefix(segment, pos + len(organ), vocab.roles) if organ else ""
                if role:
                    pos += len(organ)
            if not role:
                break
            pos += len(role)
            roles += 1
        if not roles or name_start < previous_end or name.key in vocab.bodies:
            continue
        speaker, speaker_end = _speaker_at(clean, start + pos, end)
        if speaker is None or not _line_breaks_at(clean, speaker_end, end):
            continue  # a byline ends its printed line: 县政协党组成员参加… is running text
        title_text = segment[previous_end:name_start].strip()
        title = strip_markup(title_text) if 2 <= len(title_text) <= MAX_TITLE and title_text[-1] not in "。；" else None
        unit = UnitName(name_start + start, name_end + start, name.name, name.level, name.key, name.generic)
        title_start = previous_end + start if title else unit.start
        found.append(Byline(title_start, speaker_end, title, unit, speaker))
        previous_end = speaker_end - start
    return found


def _title_before(text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, str] | None:
    """The short title line just before line ``index`` (no final 。)."""
    if index == 0:
        return None
    s, e = lines[index - 1]
    line = strip_markup(text[s:e])
    if 2 <= len(line) <= MAX_TITLE and line[-1] not in "。！？；" and not line.startswith("——"):
        return s, line
    return None


def reportable(name: UnitName, vocab: UnitVocabulary) -> bool:
    """A specific unit, or a committee organ of the document's own 政协 (自治区政协经济委员会分党组)."""
    if not name.generic:
        return True
    bare = name.key.split("政协", 1)[0]
    return name.level == "committee" and "政协" in name.key and bare in vocab.level_suffixes


def _inner_organ(name: UnitName, current: UnitName | None, vocab: UnitVocabulary) -> bool:
    """True for an organ of the reporting body itself (县政协机关党支部 inside 某县政协's report):
    its work is part of that report, not a new section."""
    if not name.generic or current is None:
        return False
    bare = name.key.split("政协", 1)[0]
    return current.level != "committee" and vocab.level_suffixes.get(bare) == current.level


def _is_subject(text: str, pos: int, vocab: UnitVocabulary) -> bool:
    """True when a predicate opens right after a unit name (绍兴市政协党组 *坚持* …)."""
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    if pos < len(text) and text[pos] in "，,":
        return True
    return not vocab.predicate_starts or text.startswith(vocab.predicate_starts, pos)


def self_named(text: str, start: int, end: int, vocab: UnitVocabulary,
               names: list[UnitName] | None = None) -> UnitName | None:
    """The unit a body paragraph names as its own subject in its first clause.

    Reads across column-wrap line breaks (自治区政协经济委 / 员会分党组在…). ``names``:
    unit names already found in the text, used when no line break interrupts the opening.
    """
    window = text[start:start + 90]
    if not vocab.bodies or not _body_pattern().search(window):  # no body word at all
        return None
    newline = window.find("\n", 0, 60)
    if names is not None and (newline == -1 or not soft_wrapped(text, start + newline)):
        comma = window.find("，")
        skip = comma + 1 if 0 < comma <= 16 and window[:comma].endswith(vocab.lead_adverbials) else 0
        first = next((n for n in names if n.start >= start + skip), None)
        if first is None or first.start != start + skip or first.shared or not reportable(first, vocab):
            return None
        if not _is_subject(text, first.end, vocab):
            return None
        return first if end - first.end > 4 else None
    head, index = joined_view(text, start, min(len(text), start + 90))
    head = head.split("\n", 1)[0]
    comma = head.find("，")
    skip = 0
    if 0 < comma <= 16 and any(head[:comma].endswith(a) for a in vocab.lead_adverbials):
        skip = comma + 1
    for name in find_unit_names(head[skip:skip + 40]):
        if (name.start == 0 and not name.shared and reportable(name, vocab) and len(head) - skip > len(name.name) + 4
                and _is_subject(head, skip + name.end, vocab)):
            a, b = index[name.start + skip], index[name.end + skip - 1] + 1
            return UnitName(a, b, name.name, name.level, name.key, False)
        break
    return None


def names_by_line(clean: CleanText) -> list[UnitName]:
    """Unit names of every logical line (a name never spans a line or a heading boundary)."""
    text = clean.text
    out: list[UnitName] = []
    for start, end in logical_lines(clean):
        for n in find_unit_names(text[start:end]):
            out.append(UnitName(n.start + start, n.end + start, n.name, n.level, n.key, n.generic, n.shared))
    return out


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
        if end_mark >= stop and "\n" in _raw_gap(clean, pos) and (not out or out[-1] != pos):
            out.append(pos)
    return out


def _names_between(names: list[UnitName], starts: list[int], start: int, end: int) -> list[UnitName]:
    i = bisect_left(starts, start)
    out = []
    while i < len(names) and names[i].start < end:
        out.append(names[i])
        i += 1
    return out


def _sections(clean: CleanText, names_all: list[UnitName]) -> tuple[list[_Section], list[Byline]]:
    text = clean.text
    vocab = unit_vocabulary()
    lines = logical_lines(clean)
    starts = [n.start for n in names_all]
    sections: list[_Section] = []
    bylines: list[Byline] = []
    for i, (s, e) in enumerate(lines):
        raw_line = text[s:e]
        shift = s + (len(raw_line) - len(raw_line.lstrip("#* \t")))
        names = _names_between(names_all, starts, s, e)
        if names and names[0].start == shift and not names[0].generic and e - s <= MAX_TITLE + 20:
            unit = names[0]
            rest = strip_markup(text[unit.end:e])
            # 1. `X区政协：title` lead lines
            if rest[:1] in "：:" and len(rest) > 2 and rest.rstrip()[-1:] not in "。；":
                sections.append(_Section(s, unit, title=rest[1:].strip()))
                continue
            # 2. a line that is exactly a unit name (a heading under a title, above a byline)
            if not rest.strip():
                title = _title_before(text, lines, i)
                start = title[0] if title else s
                sections.append(_Section(start, unit, title=title[1] if title else None))
                continue
        # 3. bylines, possibly glued to titles, to other bylines or to the body that follows
        found = bylines_in(clean, s, e, vocab, names)
        if found:
            first = found[0]
            if first.title is None and first.start == s:
                before = _title_before(text, lines, i)
                if before and not find_unit_names(before[1]):
                    first.title, first.start = before[1], before[0]
            bylines.extend(found)
            rest_start = found[-1].end
            if e - rest_start >= BODY_MIN:
                own = self_named(text, rest_start, e, vocab, names)
                if own is not None:
                    sections.append(_Section(rest_start, own))
            continue
        own = self_named(text, s, e, vocab, names)
        latest = max(sections, key=lambda sec: sec.start).unit if sections else None
        if bylines and (latest is None or bylines[-1].start > max(sec.start for sec in sections)):
            latest = bylines[-1].unit
        if own is not None and not _inner_organ(own, latest, vocab):
            sections.append(_Section(s, own))
        for p in _glued_paragraph_starts(clean, s, e, names):
            inner = self_named(text, p, e, vocab, names)
            if inner is not None and not _inner_organ(inner, own or latest, vocab):
                sections.append(_Section(p, inner))
    sections = _merge_repeats(sections)
    _attach_bylines(sections, bylines, text)
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


def _merge_repeats(sections: list[_Section]) -> list[_Section]:
    """Drop a section start that names a unit already reporting (its body naming itself again)."""
    out: list[_Section] = []
    index = KeyIndex()
    for sec in sorted(sections, key=lambda x: x.start):
        if out and same_unit(out[-1].unit, sec.unit):
            continue
        if sec.title is None and index.matches(sec.unit.key):
            continue
        out.append(sec)
        index.add(sec.unit.key, sec)
    return out


def _followed_by_body(text: str, pos: int) -> bool:
    """True when running text (not another title or byline) follows position ``pos``."""
    while pos < len(text) and text[pos] in " \t\u3000\n":
        pos += 1
    joined, _index = joined_view(text, pos, min(len(text), pos + 160))
    chunk = joined.split("\n", 1)[0]
    return len(chunk) >= BODY_MIN and ("。" in chunk or "，" in chunk)


def _attach_bylines(sections: list[_Section], bylines: list[Byline], text: str) -> None:
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
            if i >= 0 and byline.start - ordered[i].start < 200:
                target = ordered[i]
        if target is None:
            if unit.generic and not reportable(unit, unit_vocabulary()):
                continue
            body = _followed_by_body(text, byline.end)
            new = _Section(byline.start, unit, title=byline.title, speaker=byline.speaker,
                           end=None if body else byline.end)
            sections.append(new)
            index.add(unit.key, new)
            continue
        target.speaker = target.speaker or byline.speaker
        if byline.title and not target.title:
            target.title = byline.title


def find_units(clean: CleanText) -> list[Unit]:
    """Reporting units with their sections, plus units only cited inside a report (``cited=True``)."""
    text = clean.text
    names_all = names_by_line(clean)
    sections, _bylines = _sections(clean, names_all)
    parts = part_spans(text)
    if len(parts) > 1:
        _add_part_units(text, sections, parts, names_all)
    units: list[Unit] = []
    if not any(sec.end is None for sec in sections):
        main = _document_unit(text)
        if main is None and not sections:
            main = _front_unit(text)
        if main is not None:
            sections.append(_Section(0, main, title=_first_line(text)))
            sections.sort(key=lambda sec: sec.start)
    sections.extend(_committee_sections(clean, sections))
    sections.sort(key=lambda sec: sec.start)
    breaks = part_breaks(text)
    _extend_to_part_starts(sections, breaks)
    _complete_bare_names(sections, parts)
    bodies = [sec for sec in sections if sec.end is None]
    body_index = {id(sec): i for i, sec in enumerate(bodies)}
    for sec in sections:
        if sec.end is not None:
            start, end = sec.start, sec.end
        else:
            i = body_index[id(sec)]
            end = bodies[i + 1].start if i + 1 < len(bodies) else len(text)
            end = next((b for b in breaks if sec.start < b < end), end)
            start = 0 if len(bodies) == 1 and sec.start < 400 else sec.start
        units.append(Unit(id=len(units) + 1, name=sec.unit.name, level=sec.unit.level, speaker=sec.speaker,
                          section_title=sec.title, start=start, end=end,
                          evidence_start=sec.unit.start, evidence_end=sec.unit.end))
    units.extend(_cited_units(text, units, names_all, first_id=len(units) + 1))
    return units


_COMMITTEE_OPENING = re.compile(r"[#*\s]*((?:(?![的了在对把将从向为是和及等])[\u4e00-\u9fff]){2,12}?(?:委员会|界别))"
                                r"(?=[\u4e00-\u9fff，])")


def _committee_sections(clean: CleanText, sections: list[_Section]) -> list[_Section]:
    """Paragraphs that open with a committee or a sector (界别) of the reporting 政协 as their
    subject (提案委员会注重…, 经济委员会与…, 农业界别积极…): sections of ``<parent>政协<committee>`` (level committee), the parent
    being the 政协 reporting just before. Committees that are no 专委会 (常务委员会, 纪律检查委员会,
    居民委员会 …: ``committee_stop`` of unit_terms) are left out."""
    text = clean.text
    vocab = unit_vocabulary()
    stops = tuple(r["term"] for r in _lexicon_rows() if r.get("kind") == "committee_stop" and r.get("term"))
    parents = sorted((sec for sec in sections if sec.end is None and "政协" in sec.unit.name
                      and sec.unit.level != "committee"), key=lambda sec: sec.start)
    if not parents:
        return []
    out: list[_Section] = []
    for s, e in logical_lines(clean):
        m = _COMMITTEE_OPENING.match(text, s, e)
        if not m or any(sec.start == s for sec in sections):
            continue
        committee = m.group(1)
        if committee.startswith(stops) or committee[:-3].endswith(("居民", "村民", "业主")) or _body_pattern().search(committee) \
                or committee.endswith("界别") and len(committee) > 8:
            continue
        after = m.end()
        if not (_is_subject(text, after, vocab) or text.startswith("与", after)) or e - after < BODY_MIN:
            continue
        parent = next((sec for sec in reversed(parents) if sec.start <= s), None)
        if parent is None:
            continue
        place = parent.unit.name.split("政协", 1)[0]
        name = place + "政协" + committee
        unit = UnitName(s + m.start(1) - s, m.end(1), name, "committee", unit_key(name), parent.unit.generic)
        out.append(_Section(s, unit))
    return out


def _lexicon_rows() -> list[dict[str, str]]:
    from djtext.lexicon import load_lexicon

    return load_lexicon().rows("unit_terms")


PART_HEAD = 300  # characters at the start of a part in which it names its own unit


def _add_part_units(text: str, sections: list[_Section], parts: list[tuple[int, int]],
                    names: list[UnitName]) -> None:
    """Each part of a compilation that no found section reports on gets the unit its title or first
    sentences name (X县政协党组牢固树立…, 市政协机关党支部于…): the first one named as a subject,
    else the first one named at all; a part that names none stays without a unit."""
    vocab = unit_vocabulary()
    starts = [n.start for n in names]
    breaks = part_breaks(text)
    for part_start, part_end in parts:
        if any(sec.end is None and part_start <= sec.start < part_end for sec in sections):
            continue
        window = [n for n in _names_between(names, starts, part_start, min(part_end, part_start + PART_HEAD))
                  if not n.shared and (reportable(n, vocab) or not n.generic)]
        if not window:
            continue
        subject = next((n for n in window if _is_subject(text, n.end, vocab)), None)
        chosen = subject or window[0]
        head = bisect_right(breaks, chosen.start) - 1  # a page header joined to the part is not reported on
        sections.append(_Section(max(part_start, breaks[head]) if head >= 0 else part_start, chosen))
    sections.sort(key=lambda sec: sec.start)


def _complete_bare_names(sections: list[_Section], parts: list[tuple[int, int]] | None = None) -> None:
    """``区政协机关党委`` reporting beside ``凤翔区政协`` is 凤翔区政协机关党委: take the place of the
    one specific reporting unit of the same level in the same part (left alone when there is none
    or several)."""
    vocab = unit_vocabulary()
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
            sec.unit = UnitName(name.start, name.end, full, name.level, unit_key(full), False, name.shared)


def _extend_to_part_starts(sections: list[_Section], breaks: list[int]) -> None:
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


def _first_line(text: str) -> str | None:
    for s, e in split_paragraphs(text):
        line = strip_markup(text[s:e])
        return line[:80] or None
    return None


_VISITOR = re.compile(r"(?:[^。！？\n]{0,24}?(?:带队|率队|率领|带领|一行))?(?:[^。！？\n]{0,4}?)(?:到|赴|来到|莅临|走进|对|来)"
                      r"([\u4e00-\u9fff]{1,2})")
_VISITOR_MARK = re.compile(r"一行|(?:调研|考察|视察|督查|督导|检查)组")


def _visit_destination(text: str, end: int) -> str | None:
    """For a unit name ending at ``end`` that travels (X政协一行到Y…, X政协副主席Z带队到Y…): the
    first two characters of the place it visits, else None."""
    clause = text[end:end + 40]
    m = _VISITOR.match(clause)
    if not m or not (_VISITOR_MARK.search(clause, 0, m.start(1)) or "带队" in clause[:m.start(1)]
                     or "率队" in clause[:m.start(1)]):
        return None
    return m.group(1)


_SOURCE_AFTER = ("官网", "网站", "消息", "公众号", "微信", "门户")


def _is_source(text: str, name: UnitName) -> bool:
    """True for a unit named as the source of the news (据X政协官网消息), not as its subject."""
    return text[name.end:name.end + 3].startswith(_SOURCE_AFTER) or text[max(0, name.start - 1):name.start] == "据"


def _document_unit(text: str) -> UnitName | None:
    """The unit a single-report document is about: the first specific unit named in its opening
    that is not visiting another one (X政协一行到Y调研: Y's 政协 when it is named); else a unit
    named by its level alone that reports (县政协, 区政协: its place comes from the document)."""
    names = find_unit_names(text[:600])
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
    bare = _level_only_host(names)
    if specific and (bare is None or destination is None):
        return specific[0]
    return bare


# 全市政协系统 (the city's 政协 and those under it, led by the 市政协), 我县政协, 本市政协
_SELF_LEADS = ("全", "我", "本")


def _level_only_host(names: list[UnitName]) -> UnitName | None:
    """The unit named by its level alone (县政协, 区政协; 全市政协系统, 我市政协 count for 市政协) that a
    document names most often, as ``<level>政协`` (None when two levels tie)."""
    vocab = unit_vocabulary()
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
    return UnitName(at, first.end, name, first.level, unit_key(name), True)


FRONT_HEAD = 300  # characters of a document's opening in which it names a place's united-front work


def _front_unit(text: str) -> UnitName | None:
    """A document naming no unit that reports a place's united-front work (X县打造…推进统战工作,
    X县统一战线…): the unit ``<place>统一战线`` (level other), from the place named right before
    the first ``front_word`` of the unit_terms lexicon in the opening."""
    from djtext.lexicon import load_lexicon
    from djtext.regions import Gazetteer

    words = [r["term"] for r in load_lexicon().rows("unit_terms") if r.get("kind") == "front_word" and r.get("term")]
    head = text[:FRONT_HEAD]
    found = [(i, w) for w in words for i in [head.find(w)] if i >= 0]
    if not found:
        return None
    at = min(found)[0]
    line_start = head.rfind("\n", 0, at) + 1
    places = [h for h in Gazetteer.from_lexicon().find_places(head[line_start:at]) if h.full]
    if not places:
        return None
    place = places[-1]
    start = line_start + place.start
    name = place.surface + "统一战线"
    return UnitName(start, line_start + place.end, name, "other", name, False)


def _cited_units(text: str, reporting: list[Unit], names_all: list[UnitName], first_id: int) -> list[Unit]:
    """Specific units named inside a section that are not a reporting unit (one per name and section)."""
    out: list[Unit] = []
    seen: set[tuple[int, str]] = set()
    index = KeyIndex()
    for unit in reporting:
        index.add(unit_key(unit.name), unit)
    bodies = sorted((u for u in reporting if u.end - u.start > 200), key=lambda u: u.start)
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
        end = name.end
        while end < len(text) and text[end] not in "。；;！？\n" and end - name.end < 120:
            end += 1
        out.append(Unit(id=first_id + len(out), name=name.name, level=name.level, start=name.start, end=end,
                        evidence_start=name.start, evidence_end=name.end, cited=True))
    return out
