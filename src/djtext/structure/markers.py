"""List item candidates: numbered markers (一、 （一） 1. 1、 (1) ① 一是 第一，) in a list-item position
with their number and lead clause, and bold lead sentences; ``structure.tree`` nests them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from djtext.models import CleanText
from djtext.structure.lines import bold_spans, logical_lines
from djtext.structure.views import TextViews
from djtext.text import CN_DIGITS, CN_NUM, HAN_RANGE, SENTENCE_OR_CLAUSE_END, cn_number, is_han

__all__ = ["CN_DIGITS", "CN_NUM", "MARKER", "Candidate", "bold_candidates", "clean_heading", "cn_number",
           "cut_heading", "lead_clause", "marker_candidates", "marker_number", "raw_space_before"]

# every list marker, one named group per style and one number group per style (n1 … n8)
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
BREAK_BEFORE = set(SENTENCE_OR_CLAUSE_END + "：:\n")  # a marker opens an item after one of these
SOFT_BREAK_BEFORE = set("，,")  # 一是/第一 may follow a comma: 在日常工作中，一是…
INLINE_STYLES = {"shi", "di"}
HEADING_STOP = set(SENTENCE_OR_CLAUSE_END + "\n")  # a heading ends at one of these
SPACING_WINDOW = 12  # characters each side read to tell OCR letter-spacing from a real space
MAX_HEADING = 80  # characters of a lead clause kept as an item's heading
# the first sentence or clause end of a heading
_HEADING_STOP_RE = re.compile("[" + re.escape("".join(sorted(HEADING_STOP))) + "]")
_CLAUSE_EVENT = re.compile("[" + re.escape("“‘《「『(（”’》」』)） \t\u3000") + "]")  # quotes and spaces
LEAD_OPENERS = "“‘《「"  # besides a Han character, a lead clause may open on these quotes
OPEN_QUOTES, CLOSE_QUOTES = "“‘《「『(（", "”’》」』)）"


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


def _context_ok(text: str, start: int, style: str, clean: CleanText | None = None) -> bool:
    """Markers count at a paragraph start, after a sentence end, or after spacing in run-in layouts
    (also spacing the cleaner removed from the raw text right before the marker, when ``clean``
    is given: ``raw_space_before``, read only when it decides)."""
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
    if prev.isdigit() or style == "arabic_dun":
        return False
    return spaced or raw_space_before(clean, start)  # run-in layouts: "…的成效 (一)主要做法" / "…工作机制 一是建立…"


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
    window = text[max(0, i - SPACING_WINDOW):i + SPACING_WINDOW]
    return window.count(" ") >= 4


def raw_space_before(clean: CleanText | None, i: int) -> bool:
    """True when the raw text had spacing right before clean character ``i`` that the cleaner
    removed, outside OCR text that spaces out every character."""
    if clean is None or not clean.raw or not clean.offsets or not 0 < i < len(clean.offsets):
        return False
    a, b = clean.offsets[i - 1] + 1, clean.offsets[i]
    if b <= a or not clean.raw[a:b].strip(" \t\u3000") == "":
        return False
    window = clean.raw[max(0, a - SPACING_WINDOW):b + SPACING_WINDOW]
    return window.count(" ") - (b - a) <= 2


# a list marker inside a heading, where the next item runs into it: （一） (1) ① 1.
_INNER_MARKER = re.compile(rf"""
    [（(](?:[{CN_NUM}]{{1,3}}|\d{{1,2}})[）)]          # （一） / (1)
    |[①-⑳]                                          # circled numbers
    |(?<![\d.．])\d{{1,2}}[.．](?=[{HAN_RANGE}“])      # 1. before a Han character or a quote
""", re.VERBOSE)
MAX_UNPUNCTUATED_HEADING = 40  # characters kept of a heading without any punctuation
# punctuation inside a heading (a heading that has none runs into its body)
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
        if not _context_ok(text, m.start(), style, clean):
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
MAX_GLUED_HEADING = 30  # characters between a glued parent marker and its first sub-item


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


def bold_candidates(clean: CleanText, views: TextViews | None = None) -> list[Candidate]:
    """Bold lead sentences: a bold span ending a sentence, at a paragraph or sentence start
    (``views``: the text's ``views.TextViews``, for its logical lines)."""
    text = clean.text
    out: list[Candidate] = []
    line_starts = {start for start, _end in (views.lines if views is not None else logical_lines(clean))}
    for outer_start, outer_end, inner_start, inner_end in bold_spans(clean):
        inner = text[inner_start:inner_end].strip()
        if len(inner) < 4 or MARKER.match(inner) or not (is_han(inner[0]) or inner[0] in LEAD_OPENERS):
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


