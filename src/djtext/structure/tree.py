"""Numbered list candidates nested into a tree: sequence checks, nesting by outline rank, reset
per reporting unit's section, ends set to the next sibling."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from djtext.models import ListItem, Unit
from djtext.structure.markers import INLINE_STYLES, OUTLINE_CHILD_STYLES, RANK, Candidate


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
