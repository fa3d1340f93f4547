"""Numbered, bold and parallel list items of a cleaned document as a tree (``find_lists``).

List styles: cn_dun 一、, cn_paren （一）/(一), arabic_dot 1. / 1．, arabic_dun 1、, arabic_paren （1）,
circled ①, shi 一是/一要, di 第一，, bold_heading (bold lead sentences), parallel (unmarked lead
sentences sharing a template).
"""
from __future__ import annotations

from bisect import bisect_left

from djtext.lexicon import Lexicon
from djtext.models import CleanText, ListItem, Unit
from djtext.structure.lines import cut_short
from djtext.structure.markers import bold_candidates, marker_candidates
from djtext.structure.parallel import inline_lead_candidates, parallel_candidates
from djtext.structure.tree import build_tree, section_zones
from djtext.structure.units import find_units
from djtext.structure.views import TextViews, text_views

HEADING_SEARCH = 8  # characters after a marker in which its heading is looked for


def find_lists(clean: CleanText, units: list[Unit] | None = None, lexicon: Lexicon | None = None,
               views: TextViews | None = None) -> list[ListItem]:
    """Numbered, bold and parallel list items of ``clean`` as a tree, nesting reset per unit section.

    ``views``: the document's ``text_views(clean)`` when already made (the structure stage's)."""
    views = views if views is not None else text_views(clean)
    if units is None:
        units = find_units(clean, lexicon, views)
    text = clean.text
    zones = section_zones(units, len(text), views.breaks)
    marked = marker_candidates(text, clean) + bold_candidates(clean, views)
    cut = cut_short(text)
    items = build_tree(marked, zones, cut)
    starts = [item.start for item in items]
    free = [(z_start, z_end) for z_start, z_end, _unit in zones
            if bisect_left(starts, z_start) == bisect_left(starts, z_end)]  # zones without items
    extra = parallel_candidates(text, free, views)  # only in zones without items: leaves below stay as they are
    inline = inline_lead_candidates(text, _leaf_bodies(text, items))
    if not extra and not inline:
        return items
    return build_tree(marked + extra + inline, zones, cut)


def _leaf_bodies(text: str, items: list[ListItem]) -> list[tuple[int, int, int]]:
    """(body_start, body_end, parent key) of top-level numbered items without sub-items: the text
    after the item's heading up to the item's end."""
    parents = {item.parent_id for item in items}
    out: list[tuple[int, int, int]] = []
    run = 0
    for item in items:
        if item.level != 1:
            continue
        if item.index == 1:
            run = item.id  # siblings: the items of one top-level run
        if item.id in parents or item.style in ("parallel", "bold_heading"):
            continue
        marker_end = item.start + len(item.marker)
        at = text.find(item.heading, marker_end, marker_end + HEADING_SEARCH + len(item.heading)) if item.heading else -1
        body_start = at + len(item.heading) if at >= 0 else marker_end
        out.append((body_start, item.end, run))
    return out
