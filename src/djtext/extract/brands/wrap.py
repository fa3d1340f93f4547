"""The wrap view of a text: hard wraps inside sentences removed (djtext.text.inner_wraps), with the way
back to the text's offsets and the quotes of the view; shared by the extractors of one document.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from djtext.text import inner_wraps


# a quoted span: “…”, 「…」 or 『…』 on one line, 1 to 40 characters inside (one group per style)
QUOTE = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
# QUOTE's first branch alone: the same matches in a text without 「 or 『, found much faster (a
# pattern opening with one literal is scanned for it, one opening with a class character by character)
DOUBLE_QUOTE = re.compile(r"“([^“”\n]{1,40})”")


class WrapView:
    """``text`` with hard wraps inside sentences removed, and the way back to ``text`` offsets."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []  # view offsets where text was removed
        self.shifts: list[int] = []  # characters removed before and at that offset
        pieces, last, removed = [], 0, 0
        for start, end in inner_wraps(text):
            pieces.append(text[last:start])
            removed += end - start
            self.starts.append(start - (removed - (end - start)))
            self.shifts.append(removed)
            last = end
        pieces.append(text[last:])
        self.text = "".join(pieces) if self.starts else text
        self._quotes: list[re.Match[str]] | None = None

    def quotes(self) -> list[re.Match[str]]:
        """The ``QUOTE`` matches of the view text, in order (found once, read by brands and slogans)."""
        if self._quotes is None:
            corner = "「" in self.text or "『" in self.text
            self._quotes = list((QUOTE if corner else DOUBLE_QUOTE).finditer(self.text))
        return self._quotes

    def to_text(self, pos: int, *, end: bool = False) -> int:
        """Offset in the original text of view offset ``pos`` (an end offset stays before a removed wrap)."""
        index = bisect_right(self.starts, pos - 1 if end else pos) - 1
        return pos + (self.shifts[index] if index >= 0 else 0)


_VIEWS: dict[str, WrapView] = {}


def wrap_view(text: str) -> WrapView:
    """The (read-only) WrapView of ``text``, shared by the extractors of one document."""
    view = _VIEWS.get(text)
    if view is None:
        if len(_VIEWS) >= 2:
            _VIEWS.clear()
        view = _VIEWS[text] = WrapView(text)
    return view
