"""Bylines (``[title] 西湖区政协党组书记 王明``) and the unit a body paragraph names as its own
subject first (``近年来，余杭区政协党组…``): the two ways a section announces its reporting unit.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from djtext.models import CleanText
from djtext.structure.lines import joined_view, soft_wrapped, strip_markup
from djtext.structure.unit_names import find_unit_names, names_in, uncensored
from djtext.structure.views import TextViews, text_views
from djtext.structure.vocabulary import UnitName, UnitVocabulary, longest_prefix
from djtext.text import is_han

MAX_TITLE = 60  # characters of a title line printed above a unit heading or a byline
OPENING_WINDOW = 90  # characters of a paragraph's opening read for the unit it names as its subject
OPENING_LINE = 60  # a line break this early in the opening may be a column wrap inside the name
LEAD_ADVERBIAL_MAX = 16  # characters of a lead adverbial before its comma (近年来，…)
NAME_WINDOW = 40  # characters after the adverbial in which the subject's name is read
MIN_BODY_AFTER_NAME = 4  # characters of body text a self-naming paragraph has after the name
BODY_MIN = 40  # characters of running text after a byline that make it a body, not another title
NAME_CHARS = 3  # a speaker's name: two or three characters (名 may be padded: 张 晨)


@dataclass
class Byline:
    """``[title] UNIT ROLE[、ROLE] NAME`` found in a line."""

    start: int  # start of the title (or of the unit when there is none)
    end: int  # end of the speaker's name
    title: str | None
    unit: UnitName
    speaker: str | None


def raw_gap(clean: CleanText, i: int) -> str:
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
        if not is_han(ch):
            break
        gap = raw_gap(clean, j) if chars else ""
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
    return pos >= end or "\n" in raw_gap(clean, pos)


def bylines_in(clean: CleanText, start: int, end: int, vocab: UnitVocabulary,
               names: list[UnitName] | None = None) -> list[Byline]:
    """Every ``UNIT ROLE NAME`` byline in text[start:end], with the title written before it.

    ``names`` are unit names already found in the whole text (positions in the text); when
    omitted they are searched in the segment.
    """
    text = clean.text
    found: list[Byline] = []
    if names is not None:  # positions in the text: read them relative to the segment
        local, shift = [n for n in names if start <= n.start and n.end <= end], start
        if not local:
            return found
    segment = text[start:end]
    if vocab.roles_pattern is None or not vocab.roles_pattern.search(segment):
        return found
    if names is None:
        local, shift = find_unit_names(segment, vocab), 0
    previous_end = 0
    for name in local:
        name_start, name_end = name.start - shift, name.end - shift
        pos = name_end
        roles = 0
        while True:
            while pos < len(segment) and segment[pos] in "、，, ":
                pos += 1
            role = longest_prefix(segment, pos, vocab.roles)
            if not role and roles:  # 机关党组成员、机关党委副书记: an organ before the next role
                organ = longest_prefix(segment, pos, vocab.organs_by_length)
                role = longest_prefix(segment, pos + len(organ), vocab.roles) if organ else ""
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


def title_before(text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, str] | None:
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


def inner_organ(name: UnitName, current: UnitName | None, vocab: UnitVocabulary) -> bool:
    """True for an organ of the reporting body itself (县政协机关党支部 inside 某县政协's report):
    its work is part of that report, not a new section."""
    if not name.generic or current is None:
        return False
    bare = name.key.split("政协", 1)[0]
    return current.level != "committee" and vocab.level_suffixes.get(bare) == current.level


def is_subject(text: str, pos: int, vocab: UnitVocabulary) -> bool:
    """True when a predicate opens right after a unit name (绍兴市政协党组 *坚持* …)."""
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    if pos < len(text) and text[pos] in "，,":
        return True
    return not vocab.predicate_starts or text.startswith(vocab.predicate_starts, pos)


def self_named(text: str, start: int, end: int, vocab: UnitVocabulary,
               names: list[UnitName] | None = None, views: TextViews | None = None) -> UnitName | None:
    """The unit a body paragraph names as its own subject in its first clause.

    Reads across column-wrap line breaks (自治区政协经济委 / 员会分党组在…). ``names``:
    unit names already found in the text, used when no line break interrupts the opening;
    ``views``: the text's views (its column wraps found once).
    """
    window = text[start:start + OPENING_WINDOW]
    if not vocab.bodies or not vocab.body_pattern.search(window):  # no body word at all
        return None
    newline = window.find("\n", 0, OPENING_LINE)
    wrapped = views.wrapped if views is not None else (lambda at: soft_wrapped(text, at))
    if names is not None and (newline == -1 or not wrapped(start + newline)):
        comma = window.find("，")
        skip = comma + 1 if 0 < comma <= LEAD_ADVERBIAL_MAX and window[:comma].endswith(vocab.lead_adverbials) else 0
        first = next((n for n in names if n.start >= start + skip), None)
        if first is None or first.start != start + skip or first.shared or not reportable(first, vocab):
            return None
        if not is_subject(text, first.end, vocab):
            return None
        return first if end - first.end > MIN_BODY_AFTER_NAME else None
    stop = min(len(text), start + OPENING_WINDOW)
    head, index = views.joined(start, stop) if views is not None else joined_view(text, start, stop)
    head = head.split("\n", 1)[0]
    comma = head.find("，")
    skip = 0
    if 0 < comma <= LEAD_ADVERBIAL_MAX and any(head[:comma].endswith(a) for a in vocab.lead_adverbials):
        skip = comma + 1
    for name in find_unit_names(head[skip:skip + NAME_WINDOW], vocab):
        if (name.start == 0 and not name.shared and reportable(name, vocab) and len(head) - skip > len(name.name) + MIN_BODY_AFTER_NAME
                and is_subject(head, skip + name.end, vocab)):
            a, b = index[name.start + skip], index[name.end + skip - 1] + 1
            return UnitName(a, b, name.name, name.level, name.key, False)
        break
    return None


@dataclass
class LineNames:
    """The unit names ``names_by_line`` found in the lines of a text with one vocabulary."""

    vocab: UnitVocabulary
    by_line: dict[tuple[int, int], list[UnitName]]  # per line span read (offsets into the text)
    every_line: bool  # every line was read (else a line not read holds no body word)


def names_by_line(clean: CleanText, vocab: UnitVocabulary, views: TextViews | None = None) -> list[UnitName]:
    """Unit names of every logical line (a name never spans a line or a heading boundary); they
    are kept in ``views.line_names`` for ``document_unit_names``."""
    text = clean.text
    out: list[UnitName] = []
    views = views if views is not None else text_views(clean)
    lines = views.lines
    by_line: dict[tuple[int, int], list[UnitName]] = {}
    # a body word inside a line overlaps a match of one scan of the whole text: lines that overlap
    # none hold no name (unless censored bodies, *协, are read as 政协 in them)
    scan = bool(vocab.bodies) and not ("协" in text and ("*" in text or "＊" in text))
    hits = [(m.start(), m.end()) for m in vocab.body_pattern.finditer(text)] if scan else []
    hit_ends = [hit_end for _start, hit_end in hits]
    for start, end in lines:
        if scan:
            i = bisect_right(hit_ends, start)
            if i == len(hits) or hits[i][0] >= end:
                continue
        names = by_line[(start, end)] = [UnitName(n.start + start, n.end + start, n.name, n.level, n.key,
                                                   n.generic, n.shared)
                                          for n in find_unit_names(text[start:end], vocab)]
        out.extend(names)
    views.line_names[id(vocab)] = LineNames(vocab, by_line, not scan)
    return out


def document_unit_names(text: str, vocab: UnitVocabulary, views: TextViews | None = None) -> list[UnitName]:
    """``find_unit_names(text, vocab)`` of a whole text, taking the names ``names_by_line`` found
    in ``views`` for every paragraph that is one line of its own.

    Those are the same: no term a name is read with holds spacing (``vocab.unspaced``), so a
    name's reading stops at the spacing around its paragraph as it stops at the ends of the
    line's own text, and no name runs from one paragraph into the next. A line opening on a
    body word is read again (at a text's first character a body word's look-behind differs)."""
    found = views.line_names.get(id(vocab)) if views is not None and views.text is text else None
    if found is None or found.vocab is not vocab or not vocab.unspaced or not vocab.bodies:
        return find_unit_names(text, vocab)
    text = uncensored(text)
    lines = set(views.lines)
    out: list[UnitName] = []
    for start, end in views.paragraphs:
        if (start, end) not in lines or vocab.body_pattern.match(text, start):
            out.extend(names_in(text, vocab, start, end))  # several lines, or one opening on a body word
        elif (start, end) in found.by_line:
            out.extend(found.by_line[(start, end)])
        elif found.every_line:
            out.extend(names_in(text, vocab, start, end))
        # (else the line was not read: it holds no body word)
    return out

