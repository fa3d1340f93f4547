"""Numbered lists as trees: 一、 （一） 1. 1、 (1) 一是 第一， and bold lead sentences, nested by order
of appearance, reset per reporting unit's section, kept only when they form sequences (1 then 2 …).

Parallel lead sentences without markers (紧扣…，找准…。 紧扣…，找准…。) are found by
``djtext.structure_parallel`` and merged here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from djtext.models import CleanText, ListItem, Unit
from djtext.structure_text import bold_spans, logical_lines

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"

MARKER = re.compile(
    rf"(?P<cn_paren>[（(](?P<n1>[{CN_NUM}]{{1,3}})[）)])"
    r"|(?P<arabic_paren>[（(](?P<n2>\d{1,2})[）)])"
    rf"|(?P<cn_dun>(?P<n3>[{CN_NUM}]{{1,3}})[、])"
    rf"|(?P<shi>(?P<n4>[{CN_NUM}]{{1,2}})(?:是|要)(?![{CN_NUM}是要]))"
    rf"|(?P<di>第(?P<n5>[{CN_NUM}]{{1,2}})(?=[，,、：:]))"
    r"|(?P<arabic_dot>(?<![\d.．])(?P<n6>\d{1,2})[.．](?![\d.．]))"
    r"|(?P<arabic_dun>(?<![\d])(?P<n7>\d{1,2})、(?!\d))"
)
STYLE_GROUPS = (("cn_paren", "n1"), ("arabic_paren", "n2"), ("cn_dun", "n3"), ("shi", "n4"),
                ("di", "n5"), ("arabic_dot", "n6"), ("arabic_dun", "n7"))
# outline rank: a new run pops open runs of the same or a lower-ranked (deeper) style
RANK = {"cn_dun": 1, "bold_heading": 2, "parallel": 2, "cn_paren": 3, "arabic_dot": 4, "arabic_dun": 4,
        "arabic_paren": 5, "shi": 6, "di": 6}
BREAK_BEFORE = set("。；;！？!?：:\n")
SOFT_BREAK_BEFORE = set("，,")  # 一是/第一 may follow a comma: 在具体学习过程中，一是…
INLINE_STYLES = {"shi", "di"}
HEADING_STOP = set("。；;！？!?\n")
MAX_HEADING = 80
OPEN_QUOTES, CLOSE_QUOTES = "“‘《「『(（", "”’》」』)）"


def cn_number(text: str) -> int:
    """Value of a small Chinese numeral (一 → 1, 十二 → 12, 二十三 → 23); 0 when not one."""
    if not text or any(ch not in CN_NUM for ch in text):
        return 0
    if "十" not in text:
        return CN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return 0
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)


@dataclass
class Candidate:
    """A possible list item before sequence checking."""

    start: int
    end: int  # end of the marker
    style: str
    index: int
    marker: str
    heading: str


def _context_ok(text: str, start: int, style: str) -> bool:
    """Markers count at a paragraph start, after a sentence end, or after spacing in run-in layouts."""
    i = start - 1
    spaced = False
    while i >= 0 and text[i] in " \t\u3000*":
        spaced = True
        i -= 1
    if i < 0:
        return True
    prev = text[i]
    if prev in BREAK_BEFORE:
        return True
    if style in INLINE_STYLES and prev in SOFT_BREAK_BEFORE:
        return True
    if spaced and not prev.isdigit() and style not in ("arabic_dun",):
        return True  # run-in layouts: "…的提出 (一)当前" / "…带动体系 一是建立…"
    return False


def clean_heading(text: str) -> str:
    """A lead clause without markup, spacing or trailing punctuation."""
    text = text.replace("**", "").strip()
    text = re.sub(r"(?<=[\u4e00-\u9fff“”，、])[ \t\u3000]+(?=[\u4e00-\u9fff“”，、])", "", text)
    return text.strip(" \t\u3000，,：:。；;")


def lead_clause(text: str, pos: int) -> str:
    """The item's lead clause from ``pos``: up to 。/；/line end, or a space outside quotes."""
    n = len(text)
    while pos < n and text[pos] in " \t\u3000*":
        pos += 1
    if pos < n and text[pos] == "\n":  # marker alone on its line: the heading is the next line
        while pos < n and text[pos] in "\n \t\u3000*":
            pos += 1
    depth = 0
    start = pos
    stop = min(n, pos + MAX_HEADING)
    i = pos
    while i < stop:
        ch = text[i]
        if ch in HEADING_STOP:
            break
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch in " \t\u3000" and depth == 0 and i - start >= 4:
            nxt = text[i + 1:i + 2]
            if nxt and nxt not in " \t\u3000" and not _spaced_ocr(text, i):
                break
        i += 1
    return clean_heading(text[start:i])


def _spaced_ocr(text: str, i: int) -> bool:
    """True inside OCR text that puts a space between characters (a space here is not a break)."""
    window = text[max(0, i - 12):i + 12]
    return window.count(" ") >= 4


def marker_candidates(text: str) -> list[Candidate]:
    """Every marker in a list-item position, with its number and lead clause."""
    out: list[Candidate] = []
    for m in MARKER.finditer(text):
        style = next(s for s, g in STYLE_GROUPS if m.group(s))
        number_text = next(m.group(g) for s, g in STYLE_GROUPS if m.group(s))
        index = int(number_text) if number_text.isdigit() else cn_number(number_text)
        if index <= 0 or not _context_ok(text, m.start(), style):
            continue
        heading = lead_clause(text, m.end())
        if len(heading) < 2:
            continue
        out.append(Candidate(m.start(), m.end(), style, index, m.group(), heading))
    return out


def bold_candidates(clean: CleanText) -> list[Candidate]:
    """Bold lead sentences: a bold span ending a sentence, at a paragraph or sentence start."""
    text = clean.text
    out: list[Candidate] = []
    line_starts = {start for start, _end in logical_lines(clean)}
    for outer_start, outer_end, inner_start, inner_end in bold_spans(clean):
        inner = text[inner_start:inner_end].strip()
        if len(inner) < 4 or MARKER.match(inner):
            continue
        after = text[outer_end:outer_end + 1]
        ends_sentence = inner[-1] in "。；;！？!?" or after in ("。", "；")
        rest_of_line = text[outer_end:text.find("\n", outer_end) if "\n" in text[outer_end:] else len(text)]
        if not ends_sentence and not rest_of_line.strip():
            continue  # a bold line without punctuation is a title, not an item
        if outer_start not in line_starts and not _context_ok(text, outer_start, "bold_heading"):
            continue
        heading = clean_heading(re.split(r"[。；;！？!?]", inner)[0])
        if len(heading) >= 2:
            out.append(Candidate(outer_start, outer_end, "bold_heading", 0, "**", heading))
    return out


@dataclass
class _Run:
    style: str
    last: int
    parent: int | None  # index into items of the enclosing item
    members: list[int] = field(default_factory=list)


def build_tree(candidates: list[Candidate], zones: list[tuple[int, int, int | None]]) -> list[ListItem]:
    """Sequence-check and nest candidates; ``zones`` are (start, end, unit_id) sections that reset nesting."""
    candidates = sorted(candidates, key=lambda c: (c.start, -c.end))
    items: list[tuple[Candidate, int | None, int, _Run]] = []  # candidate, parent pos, index, run
    runs: list[_Run] = []
    stack: list[_Run] = []
    zone_of = _zone_finder(zones)
    current_zone = object()
    last_start = -1
    for cand in candidates:
        if cand.start == last_start:
            continue
        zone = zone_of(cand.start)
        if zone != current_zone:
            stack = []
            current_zone = zone
        index = cand.index
        run = None
        if cand.style in ("bold_heading", "parallel"):
            run = next((r for r in reversed(stack) if r.style == cand.style), None)
            index = run.last + 1 if run else 1
        else:
            run = next((r for r in reversed(stack) if r.style == cand.style and r.last == index - 1), None)
        if run is not None:
            while stack and stack[-1] is not run:
                stack.pop()
        elif index == 1:
            while stack and (stack[-1].style == cand.style or RANK[stack[-1].style] >= RANK[cand.style]):
                stack.pop()
            parent = stack[-1].members[-1] if stack else None
            run = _Run(cand.style, 0, parent)
            runs.append(run)
            stack.append(run)
        else:
            continue
        run.last = index
        run.members.append(len(items))
        items.append((cand, run.parent, index, run))
        last_start = cand.start
    return _finish(items, zones)


def _zone_finder(zones: list[tuple[int, int, int | None]]):
    def find(pos: int):
        for i, (start, end, _unit) in enumerate(zones):
            if start <= pos < end:
                return i
        return None
    return find


def _finish(items, zones) -> list[ListItem]:
    """Drop runs without a second item, re-parent their children, number levels and spans."""
    keep = [len(run.members) >= 2 for _c, _p, _i, run in items]

    def kept_parent(pos: int | None) -> int | None:
        while pos is not None and not keep[pos]:
            pos = items[pos][1]
        return pos

    new_id: dict[int, int] = {}
    out: list[ListItem] = []
    level_of: dict[int, int] = {}
    zone_of = _zone_finder(zones)
    for pos, (cand, parent, index, _run) in enumerate(items):
        if not keep[pos]:
            continue
        parent_pos = kept_parent(parent)
        level = level_of[parent_pos] + 1 if parent_pos is not None else 1
        level_of[pos] = level
        zone = zone_of(cand.start)
        unit_id = zones[zone][2] if zone is not None else None
        item = ListItem(id=len(out) + 1, parent_id=new_id.get(parent_pos) if parent_pos is not None else None,
                        level=level, index=index, marker=cand.marker, style=cand.style, heading=cand.heading,
                        start=cand.start, end=cand.end, unit_id=unit_id)
        new_id[pos] = item.id
        out.append(item)
    _set_ends(out, zones)
    return out


def _set_ends(items: list[ListItem], zones) -> None:
    """An item runs until the next item of the same or a higher level in its zone, or the zone end."""
    zone_of = _zone_finder(zones)
    for i, item in enumerate(items):
        zone = zone_of(item.start)
        limit = zones[zone][1] if zone is not None else None
        end = None
        for nxt in items[i + 1:]:
            if zone_of(nxt.start) != zone:
                break
            if nxt.level <= item.level:
                end = nxt.start
                break
        if end is None:
            end = limit if limit is not None else (items[-1].end if items else item.end)
            end = max(end, item.end)
        item.end = max(end, item.end)


def section_zones(units: list[Unit] | None, length: int) -> list[tuple[int, int, int | None]]:
    """Non-overlapping (start, end, unit_id) zones from the reporting units' sections."""
    sections = sorted((u for u in units or [] if not u.cited), key=lambda u: u.start)
    zones: list[tuple[int, int, int | None]] = []
    pos = 0
    for unit in sections:
        start = max(unit.start, pos)
        if start > pos:
            zones.append((pos, start, None))
        end = max(start, unit.end)
        if end > start:
            zones.append((start, end, unit.id))
        pos = max(pos, end)
    if pos < length:
        zones.append((pos, length, None))
    return zones
