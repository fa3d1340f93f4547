"""Structure of a cleaned document: reporting units with their sections, and numbered lists as trees.

Public API:
- ``find_units(clean)``: reporting units and their sections (``structure_sections``, on unit names
  found by ``structure_units`` with the ``unit_terms`` and ``regions`` lexicons);
- ``find_lists(clean, units=None)``: list items as a tree (markers and bold heads:
  ``structure_lists``; unmarked parallel lead sentences: ``structure_parallel``);
- ``split_paragraphs(text)``: spans of the non-blank lines (``structure_text``, with the other
  text helpers: logical lines cut at heading/bold marks, column-wrap joining, part breaks).

List styles: cn_dun 一、, cn_paren （一）/(一), arabic_dot 1. / 1．, arabic_dun 1、, arabic_paren （1）,
circled ①, shi 一是/一要, di 第一，, bold_heading (bold lead sentences), parallel (unmarked lead
sentences sharing a template).
"""
from __future__ import annotations

from bisect import bisect_left

from djtext.models import CleanText, ListItem, Unit
from djtext.structure_lists import bold_candidates, build_tree, marker_candidates, section_zones
from djtext.structure_parallel import parallel_candidates
from djtext.structure_sections import find_units
from djtext.structure_text import part_breaks, split_paragraphs

__all__ = ["find_units", "find_lists", "split_paragraphs"]


def find_lists(clean: CleanText, units: list[Unit] | None = None) -> list[ListItem]:
    """Numbered, bold and parallel list items of ``clean`` as a tree, nesting reset per unit section."""
    if units is None:
        units = find_units(clean)
    text = clean.text
    zones = section_zones(units, len(text), part_breaks(text))
    marked = marker_candidates(text, clean) + bold_candidates(clean)
    items = build_tree(marked, zones)
    starts = [item.start for item in items]
    free = [(z_start, z_end) for z_start, z_end, _unit in zones
            if bisect_left(starts, z_start) == bisect_left(starts, z_end)]  # zones without items
    extra = parallel_candidates(text, free)
    if not extra:
        return items
    return build_tree(marked + extra, zones)
