"""Character classes shared by the fixers, as regex fragments (compiled regexes do the work)."""
from __future__ import annotations

from djtext.text import CN_NUMERAL, LIST_MARKER, PARAGRAPH_END
from djtext.text import HAN_WITH_RADICALS_RANGE as HAN

__all__ = ["HAN", "is_han", "CN_PUNCT", "SENTENCE_END", "CLOSERS", "CN_NUMERAL", "SPACE", "BIDI_CONTROLS", "ZERO_WIDTH",
           "LIST_MARKER"]



def is_han(char: str) -> bool:
    """Whether one character is in the cleaner's Han class ``HAN`` (cheaper than a compiled class for one test)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\u2e80" <= char <= "\u2fdf" \
        or "\uf900" <= char <= "\ufaff"


CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·﹏"
"""Full-width Chinese punctuation (the canonical forms and the brackets the genre uses)."""

SENTENCE_END = PARAGRAPH_END
"""Characters that end a sentence (a line ending in one of these may end a paragraph)."""

CLOSERS = "”’」』）)》】〕\"'"
"""Closing quotes and brackets that may follow a sentence end."""


SPACE = " \t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000"
"""Horizontal whitespace, including the full-width ideographic space."""

BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # reorder display (Trojan Source)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS
"""Invisible characters scraped pages leave behind."""
