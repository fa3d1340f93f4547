"""Character classes shared by the fixers, as regex fragments (compiled regexes do the work)."""
from __future__ import annotations

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2e80-\u2fdf"
"""Han ideographs (incl. extension A, compatibility ideographs and radicals)."""

CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·﹏"
"""Full-width Chinese punctuation (the canonical forms and the brackets the genre uses)."""

SENTENCE_END = "。！？!?；;…"
"""Characters that end a sentence (a line ending in one of these may end a paragraph)."""

CLOSERS = "”’」』）)》】〕\"'"
"""Closing quotes and brackets that may follow a sentence end."""

CN_NUMERAL = "一二三四五六七八九十百零〇两"
"""Chinese numerals used in list markers and formulations."""

SPACE = " \t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000"
"""Horizontal whitespace, including the full-width ideographic space."""

BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # reorder display (Trojan Source)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad" + BIDI_CONTROLS
"""Invisible characters scraped pages leave behind."""

LIST_MARKER = (
    rf"(?:[（(][{CN_NUMERAL}]{{1,3}}[)）]|[{CN_NUMERAL}]{{1,3}}[、是]|第[{CN_NUMERAL}\d]{{1,3}}[，、章节部分条]"
    rf"|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）]|[①-⑳])"
)
"""A numbered-list marker at the start of a line: 一、 （一） 一是 1. （1） ①."""
