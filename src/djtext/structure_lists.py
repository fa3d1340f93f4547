"""Numbered lists as trees: 一、 （一） 1. 1、 (1) 一是 第一， and bold lead sentences, nested by order
of appearance, reset per reporting unit's section, kept only when they form sequences (1 then 2 …).

Parallel lead sentences without markers (紧扣…，找准…。 紧扣…，找准…。) are found by
``djtext.structure_parallel`` and merged here.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from djtext.models import CleanText, ListItem, Unit
from djtext.structure_text import bold_spans, logical_lines

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十"

MARKER = re.compile(
    rf"(?=[（(第\d{CN_NUM}①-⑳])"  # fail fast: every marker starts with one of these characters
    rf"(?:(?P<cn_paren>[（(](?P<n1>[{CN_NUM}]{{1,3}})[）)])"
    r"|(?P<arabic_paren>[（(](?P<n2>\d{1,2})[）)])"
    rf"|(?P<cn_dun>(?P<n3>[{CN_NUM}]{{1,3}})[、])"
    rf"|(?P<shi>(?P<n4>[{CN_NUM}]{{1,2}})(?:是|要)(?![{CN_NUM}]))"
    rf"|(?P<di>第(?P<n5>[{CN_NUM}]{{1,2}})(?=[，,、：:]))"
    r"|(?P<arabic_dot>(?<![\d.．])(?P<n6>\d{1,2})[.．](?![\d.．]))"
    r"|(?P<arabic_dun>(?<![\d])(?P<n7>\d{1,2})、(?!\d))"
    r"|(?P<circled>(?P<n8>[①-⑳])))"
)
STYLE_GROUPS = (("cn_paren", "n1"), ("arabic_paren", "n2"), ("cn_dun", "n3"), ("shi", "n4"),
                ("di", "n5"), ("arabic_dot", "n6"), ("arabic_dun", "n7"), ("circled", "n8"))
NUMBER_GROUP = dict(STYLE_GROUPS)
# outline rank: a new run pops open runs of the same or a lower-ranked (deeper) style
RANK = {"cn_dun": 1, "bold_heading": 2, "parallel": 2, "cn_paren": 3, "arabic_dot": 4, "arabic_dun": 4,
        "arabic_paren": 5, "circled": 5, "shi": 6, "di": 6}
OUTLINE_CHILD_STYLES = ("cn_paren", "arabic_dot", "arabic_paren")  # sub-items that make a lone 一、 a heading
BREAK_BEFORE = set("。；;！？!?：:\n")
SOFT_BREAK_BEFORE = set("，,")  # 一是/第一 may follow a comma: 在日常工作中，一是…
INLINE_STYLES = {"shi", "di"}
HEADING_STOP = set("。；;！？!?\n")
MAX_HEADING = 80
_HEADING_STOP_RE = re.compile("[" + re.escape("".join(sorted(HEADING_STOP))) + "]")
_CLAUSE_EVENT = re.compile("[" + re.escape("“‘《「『(（”’》」』)） \t\u3000") + "]")  # quotes and spaces
LEAD_START = re.compile(r"[\u4e00-\u9fff“‘《「]")
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


def marker_number(text: str) -> int:
    """The number a marker writes: 12, 十二, ⑫ → 12 (0 when it is not one)."""
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text.isdigit():
        return int(text)
    return cn_number(text)


@dataclass
class Candidate:
    """A possible list item before sequence checking."""

    start: int
    end: int  # end of the marker
    style: str
    index: int
    marker: str
    heading: str


def _context_ok(text: str, start: int, style: str, spaced_in_raw: bool = False) -> bool:
    """Markers count at a paragraph start, after a sentence end, or after spacing in run-in layouts
    (``spaced_in_raw``: the cleaner removed a space the raw text had right before the marker)."""
    i = start - 1
    spaced = spaced_in_raw
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
        return True  # run-in layouts: "…的成效 (一)主要做法" / "…工作机制 一是建立…"
    return False


def clean_heading(text: str) -> str:
    """A lead clause without markup, spacing or trailing punctuation."""
    return text.replace("**", "").strip(" \t\u3000，,：:。；;")


def lead_clause(text: str, pos: int, clean: CleanText | None = None) -> str:
    """The item's lead clause from ``pos``: up to 。/；/line end, or a space outside quotes
    (also a space the cleaner removed, when ``clean`` is given)."""
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
    # raw_space_before(clean, i) can only hold where the cleaner dropped raw characters
    offsets = clean.offsets if clean is not None and clean.raw and clean.offsets else None
    n_offsets = len(offsets) if offsets else 0
    # fast path: up to the first stop character there is no quote, no space and no dropped raw
    # text, so nothing can end the clause earlier (otherwise the loop below reads it char by char)
    found = _HEADING_STOP_RE.search(text, pos, stop)
    clause_end = found.start() if found else stop
    if not _CLAUSE_EVENT.search(text, pos, clause_end):
        lo, hi = max(start + 4, 1), min(clause_end, n_offsets)
        if offsets is None or lo >= hi or offsets[lo - 1:hi] == list(range(offsets[lo - 1], offsets[lo - 1] + hi - lo + 1)):
            return clean_heading(text[start:clause_end])
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
        elif (depth == 0 and i - start >= 4 and offsets is not None and 0 < i < n_offsets
              and offsets[i] > offsets[i - 1] + 1 and raw_space_before(clean, i)):
            break
        i += 1
    return clean_heading(text[start:i])


def _spaced_ocr(text: str, i: int) -> bool:
    """True inside OCR text that puts a space between characters (a space here is not a break)."""
    window = text[max(0, i - 12):i + 12]
    return window.count(" ") >= 4


def raw_space_before(clean: CleanText | None, i: int) -> bool:
    """True when the raw text had spacing right before clean character ``i`` that the cleaner
    removed, outside OCR text that spaces out every character."""
    if clean is None or not clean.raw or not clean.offsets or not 0 < i < len(clean.offsets):
        return False
    a, b = clean.offsets[i - 1] + 1, clean.offsets[i]
    if b <= a or not clean.raw[a:b].strip(" \t\u3000") == "":
        return False
    window = clean.raw[max(0, a - 12):b + 12]
    return window.count(" ") - (b - a) <= 2


_INNER_MARKER = re.compile(rf"[（(](?:[{CN_NUM}]{{1,3}}|\d{{1,2}})[）)]|[①-⑳]|(?<![\d.．])\d{{1,2}}[.．](?=[\u4e00-\u9fff“])")
MAX_UNPUNCTUATED_HEADING = 40
_HEADING_PUNCT = re.compile(r"[，,、：:“”‘’《》（）()]")


def cut_heading(heading: str) -> str:
    """A heading cut where the next list marker runs into it (…的提出（一）当前… -> …的提出), and at
    most MAX_UNPUNCTUATED_HEADING characters when it has no punctuation at all (OCR text that runs
    a head into its body)."""
    m = _INNER_MARKER.search(heading, 2)
    if m:
        heading = clean_heading(heading[:m.start()])
    if len(heading) > MAX_UNPUNCTUATED_HEADING and not _HEADING_PUNCT.search(heading):
        heading = heading[:MAX_UNPUNCTUATED_HEADING]
    return heading


def marker_candidates(text: str, clean: CleanText | None = None) -> list[Candidate]:
    """Every marker in a list-item position, with its number and lead clause."""
    out: list[Candidate] = []
    for m in MARKER.finditer(text):
        style = m.lastgroup or ""
        number_text = m.group(NUMBER_GROUP[style])
        index = marker_number(number_text)
        if index <= 0:
            continue
        if not _context_ok(text, m.start(), style, raw_space_before(clean, m.start())):
            parent = _glued_parent(text, m.start(), style, out)
            if parent is None:
                continue
            out[parent] = Candidate(out[parent].start, out[parent].end, out[parent].style, out[parent].index,
                                    out[parent].marker, clean_heading(text[out[parent].end:m.start()]))
        heading = cut_heading(lead_clause(text, m.end(), clean))
        if len(heading) < 2:
            continue
        out.append(Candidate(m.start(), m.end(), style, index, m.group(), heading))
    return out


GLUED_PARENT_STYLES = ("cn_dun", "cn_paren", "arabic_dot", "arabic_dun")
MAX_GLUED_HEADING = 30


def _glued_parent(text: str, start: int, style: str, found: list[Candidate]) -> int | None:
    """Index in ``found`` of the outline item whose heading runs straight into this 一是 marker
    without punctuation (一、聚焦甲乙，以丙强丁一是…), or None."""
    if style != "shi" or not found:
        return None
    last = found[-1]
    if last.style not in GLUED_PARENT_STYLES or not 4 <= start - last.end <= MAX_GLUED_HEADING:
        return None
    between = text[last.end:start]
    if any(ch in HEADING_STOP for ch in between):
        return None
    return len(found) - 1


def bold_candidates(clean: CleanText) -> list[Candidate]:
    """Bold lead sentences: a bold span ending a sentence, at a paragraph or sentence start."""
    text = clean.text
    out: list[Candidate] = []
    line_starts = {start for start, _end in logical_lines(clean)}
    for outer_start, outer_end, inner_start, inner_end in bold_spans(clean):
        inner = text[inner_start:inner_end].strip()
        if len(inner) < 4 or MARKER.match(inner) or not LEAD_START.match(inner):
            continue  # anonymised *** read as bold markup starts with punctuation
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
    nested: bool = False  # inside an item of a run of the same style


def build_tree(candidates: list[Candidate], zones: list[tuple[int, int, int | None]],
               cut_short: bool = False) -> list[ListItem]:
    """Sequence-check and nest candidates; ``zones`` are (start, end, unit_id) sections that reset nesting.

    ``cut_short``: the text stops inside a sentence (an excerpt cut as served), so first items
    still open where it stops are kept without a second item (their siblings were cut off)."""
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
            # a new run closes open runs of deeper styles; a 一是 run inside an open 二是 item of
            # the same inline style nests under it (一是…二是…[一是…二是…]三是…)
            while stack and RANK[stack[-1].style] >= RANK[cand.style]:
                top = stack[-1]
                if top.style == cand.style and cand.style in INLINE_STYLES and not top.nested:
                    break
                stack.pop()
            parent = stack[-1].members[-1] if stack else None
            run = _Run(cand.style, 0, parent, nested=bool(stack) and stack[-1].style == cand.style)
            runs.append(run)
            stack.append(run)
        else:
            continue
        run.last = index
        run.members.append(len(items))
        items.append((cand, run.parent, index, run))
        last_start = cand.start
    return _finish(items, zones, cut_short)


MIN_CUT_OUTLINE = 3  # 一、 > （一） > 一是: three nested first items of a text cut short


def _keep_cut_outline(items, keep: list[bool]) -> None:
    """Keep a chain of lone first items of distinct styles, each nested in the one before
    (一、… （一）… 一是…), at least MIN_CUT_OUTLINE deep: the opening of an outline whose text was
    cut before any second item; a single lone 一、 or 一是 stays dropped."""
    child_of: dict[int, list[int]] = {}
    for pos, (_cand, parent, _index, _run) in enumerate(items):
        if parent is not None:
            child_of.setdefault(parent, []).append(pos)

    def lone_first(pos: int) -> bool:
        _cand, _parent, index, run = items[pos]
        return index == 1 and len(run.members) == 1

    for pos in range(len(items)):
        if keep[pos] or not lone_first(pos) or (items[pos][1] is not None and lone_first(items[pos][1])):
            continue
        chain = [pos]
        while True:
            styles = {items[p][0].style for p in chain}
            kids = [k for k in child_of.get(chain[-1], []) if items[k][0].style not in styles]
            if not kids or not (lone_first(kids[0]) or keep[kids[0]]):
                break
            chain.append(kids[0])
            if keep[kids[0]]:
                break
        if len(chain) >= MIN_CUT_OUTLINE:
            for p in chain:
                keep[p] = True


def _keep_open_at_cut(items, keep: list[bool]) -> None:
    """Keep lone first items that are still open where a cut-short text stops: no later item of
    the same or a higher outline rank follows them (一、… （一）… and the text ends)."""
    lowest_after = 99  # the highest outline rank (lowest RANK value) of the items after pos
    for pos in range(len(items) - 1, -1, -1):
        cand, _parent, index, run = items[pos]
        rank = RANK[cand.style]
        if not keep[pos] and index == 1 and len(run.members) == 1 and rank < lowest_after:
            keep[pos] = True
        lowest_after = min(lowest_after, rank)


def _zone_finder(zones: list[tuple[int, int, int | None]]):
    """A function giving the index of the zone that contains a position (None outside all zones)."""
    starts = [start for start, _end, _unit in zones]

    def find(pos: int):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and zones[i][0] <= pos < zones[i][1]:
            return i
        return None
    return find


def _finish(items, zones, cut_short: bool = False) -> list[ListItem]:
    """Drop runs without a second item, re-parent their children, number levels and spans."""
    keep = [len(run.members) >= 2 for _c, _p, _i, run in items]
    # a lone first item (一、 of a text cut short) heading a kept run of its own sub-items stays
    for pos in range(len(items) - 1, -1, -1):
        cand, parent, index, run = items[pos]
        if keep[pos] and parent is not None and not keep[parent]:
            p_cand, _pp, p_index, p_run = items[parent]
            if (p_index == 1 and p_cand.style == "cn_dun" and cand.style in OUTLINE_CHILD_STYLES
                    and len(p_run.members) == 1):
                keep[parent] = True
    _keep_cut_outline(items, keep)
    if cut_short:
        _keep_open_at_cut(items, keep)

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
    open_items: list[tuple[ListItem, int | None]] = []

    def close(item: ListItem, zone: int | None, end: int | None) -> None:
        limit = zones[zone][1] if zone is not None else item.end
        item.end = max(item.end, end if end is not None else limit)

    for item in items:
        zone = zone_of(item.start)
        while open_items:
            top, top_zone = open_items[-1]
            if top_zone != zone:
                close(top, top_zone, None)
            elif top.level >= item.level:
                close(top, top_zone, item.start)
            else:
                break
            open_items.pop()
        open_items.append((item, zone))
    for item, zone in open_items:
        close(item, zone, None)


def section_zones(units: list[Unit] | None, length: int, breaks: list[int] = ()) -> list[tuple[int, int, int | None]]:
    """Non-overlapping (start, end, unit_id) zones covering the text: the reporting units'
    sections, the stretches between them, all cut at part ``breaks`` (篇一： …)."""
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
    out: list[tuple[int, int, int | None]] = []
    for start, end, unit_id in zones:
        cuts = [b for b in breaks if start < b < end]
        for a, b in zip([start, *cuts], [*cuts, end]):
            out.append((a, b, unit_id))
    return out
