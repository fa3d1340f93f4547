"""Sentence splitting for Chinese text: end marks, ellipses, quotes and book titles, line breaks
as hard ends."""
from __future__ import annotations

import re

from djtext.text import SENTENCE_END

ELLIPSIS = "…⋯"
CLOSERS = "”’」』）)》\"'"
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
TITLE_PAIRS = {"《": "》", "〈": "〉"}
#: Characters after an ellipsis that continue the sentence (``甲、乙……等``).
ELLIPSIS_CONTINUERS = "等"


# one line: a run of characters that are no line break (str.splitlines' breaks)
_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


def _line_sentences(text: str, start: int, end: int, semicolon: bool) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], a single line."""
    enders = SENTENCE_END + ("；;" if semicolon else "")
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in QUOTE_PAIRS or ch in TITLE_PAIRS:
            closer = QUOTE_PAIRS.get(ch) or TITLE_PAIRS[ch]
            if text.find(closer, i + 1, end) >= 0:  # an opener never closed on its line is noise
                stack.append(closer)
            i += 1
            continue
        if stack and ch == stack[-1]:
            stack.pop()
            i += 1
            continue
        is_ellipsis = ch in ELLIPSIS and i + 1 < end and text[i + 1] in ELLIPSIS
        if ch not in enders and not is_ellipsis:
            i += 1
            continue
        j = i
        while j < end and (text[j] in enders or text[j] in ELLIPSIS):
            j += 1
        if is_ellipsis and j < end and text[j] in ELLIPSIS_CONTINUERS:
            i = j
            continue
        if any(c in TITLE_PAIRS.values() for c in stack):
            i = j  # inside 《…》: never a sentence end
            continue
        depth = list(stack)
        while j < end:  # closing quotes (and further end marks) belong to the sentence
            if text[j] in enders or text[j] in ELLIPSIS:
                j += 1
            elif text[j] in CLOSERS and (not depth or text[j] == depth[-1]):
                if depth:
                    depth.pop()
                j += 1
            else:
                break
        if depth:  # the end mark sits inside quotes that go on: not a sentence end
            i = j
            continue
        stack = depth
        spans.append((begin, j))
        begin = i = j
    if begin < end:
        spans.append((begin, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding whitespace (None when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, *, semicolon: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``text`` (Chinese rules, line breaks are hard ends)."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for start, end in _line_sentences(text, line.start(), line.end(), semicolon):
            trimmed = _trim(text, start, end)
            if trimmed:
                spans.append(trimmed)
    return spans
