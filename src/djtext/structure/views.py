"""The derived views of one clean text, built once (``text_views``) and read by every structure step:
its paragraphs, logical lines, the parts of a compilation, and the column-wrap joined view."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from djtext.models import CleanText
from djtext.structure.lines import join_at, logical_lines, part_breaks, part_spans, split_paragraphs, wrap_breaks


@dataclass(frozen=True)
class TextViews:
    """Views of ``text`` (a ``CleanText.text``): spans are [start, end) offsets into it."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]  # non-blank lines, stripped (``split_paragraphs``)
    lines: tuple[tuple[int, int], ...]  # paragraphs cut at heading and bold marks (``logical_lines``)
    breaks: tuple[int, ...]  # starts of the parts of a compilation (``part_breaks``)
    parts: tuple[tuple[int, int], ...]  # the parts themselves, short ones joined (``part_spans``)
    wraps: tuple[int, ...]  # line breaks that are column wraps, sorted (``soft_wrapped``)
    # the unit names ``bylines.names_by_line`` found, per vocabulary (see ``bylines.LineNames``)
    line_names: dict = field(default_factory=dict, compare=False, repr=False)

    def wrapped(self, newline: int) -> bool:
        """True when the line break at ``newline`` is a column wrap (``soft_wrapped``)."""
        i = bisect_left(self.wraps, newline)
        return i < len(self.wraps) and self.wraps[i] == newline

    def joined(self, start: int, end: int) -> tuple[str, list[int]]:
        """text[start:end] without its column-wrap line breaks, and the offset of each kept
        character (what ``lines.joined_view`` gives, read from the wraps found once)."""
        inside = self.wraps[bisect_left(self.wraps, start):bisect_left(self.wraps, end)]
        return join_at(self.text, start, end, inside)


def text_views(clean: CleanText) -> TextViews:
    """The views of ``clean`` (one pass each over its text)."""
    text = clean.text
    wraps = wrap_breaks(text)
    paragraphs = split_paragraphs(text)
    breaks = part_breaks(text)
    return TextViews(text, tuple(paragraphs), tuple(logical_lines(clean, paragraphs)), tuple(breaks),
                     tuple(part_spans(text, breaks)), tuple(wraps))
