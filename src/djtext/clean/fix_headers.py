"""Running page headers and footers: short strings that repeat across a document with a changing page
number, as whole lines (``政协理论 · 12``) or glued into the text (``理论研讨 I 体丙论城 9民政协``)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import partial

from djtext.clean.chars import HAN
from djtext.models import Edit

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_HAN_RE = re.compile(f"[{HAN}]")
_SEPARATOR = "I|丨｜/·•"
"""Characters that separate the two titles of a running header (``理论研讨 I 人民论坛``)."""
_GLUED_SEPARATOR = re.compile(rf"[I|丨｜][ \t]*(?=[{HAN}])")
_ANY_SEPARATOR = re.compile(r"[I|丨｜]")
_LEFT_TITLE = re.compile(rf"(?<![{HAN}])([{HAN}]{{2,10}})$")
MIN_REPEATS = 3
"""A candidate header must repeat at least this often in a document."""


_NOT_A_HEADER = re.compile("[。！？；，,;!?“”\"《》「」]")
"""Sentence punctuation and quotes: running headers carry neither (a quoted brand line is content)."""
_KEY_CHARS = re.compile(r"[\dI|丨｜/·•]")
_SEP_CLASS = re.compile(rf"[ \t]*[{re.escape(_SEPARATOR)}][ \t]*")
_EDGE_NUMBER = re.compile(
    r"^\d{1,3}$|^\d{1,3}[ \t]+\S|\S[ \t]+\d{1,3}$|第[ \t]*\d{1,4}[ \t]*[页版]$|^[-—–－]+[ \t]*\d{1,4}[ \t]*[-—–－]+$"
    r"|^\d{1,3}[ \t]*/[ \t]*\d{1,3}$"
)
"""A page number standing apart at an edge of a line (``12``, ``理论研讨 12``, ``— 12 —``, ``第 12 页``)."""
_EDGE_NUMBER_FIRST = frozenset("-—–－")
_EDGE_NUMBER_LAST = frozenset("页版")
"""Besides digits, the first and last characters a line matching _EDGE_NUMBER can have (a quick test)."""


def _may_have_edge_number(stripped: str) -> bool:
    """A quick test passed by every line that _EDGE_NUMBER matches (it starts or ends with a digit,
    starts with a dash or ends with 页 / 版)."""
    first, last = stripped[0], stripped[-1]
    return first.isdigit() or last.isdigit() or first in _EDGE_NUMBER_FIRST or last in _EDGE_NUMBER_LAST


def _line_key(line: str) -> str:
    """A line with digits as ``#``, spaces dropped and separator-joined parts in a fixed order."""
    squeezed = "".join(line.split())
    if not _KEY_CHARS.search(squeezed):
        return squeezed
    parts = [p for p in _SEP_CLASS.split(_DIGITS.sub("", squeezed)) if p]
    if len(parts) > 1:
        return "|".join(sorted(parts))
    return _DIGITS.sub("#", squeezed)


def _standalone_headers(lines: list[str]) -> tuple[set[str], list[tuple[str, str]]]:
    """Keys of short lines that are running headers/footers, and the title pairs among them.

    A line is a header when it repeats (with differing page numbers), or when it has the shape of
    one: short, no sentence punctuation, a page number at an edge, and a separator between two
    titles or blank lines around it."""
    counts: Counter[str] = Counter()
    numbers: dict[str, set[str]] = defaultdict(set)
    shaped: set[str] = set()
    short = [(i, stripped) for i, stripped in enumerate(map(str.strip, lines)) if 0 < len(stripped) <= 30]
    for i, stripped in short:
        if _NOT_A_HEADER.search(stripped):
            continue
        key = _line_key(stripped)
        counts[key] += 1
        if "#" in key or "|" in key:  # (the only keys whose numbers are asked for below)
            numbers[key].add("".join(_DIGITS.findall(stripped)))
        if _may_have_edge_number(stripped) and _EDGE_NUMBER.search(stripped):
            titled = "|" in key and all(len(_HAN_RE.findall(p)) >= 2 for p in key.split("|"))
            isolated = (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())
            bare = len(_HAN_RE.findall(_DIGITS.sub("", stripped))) <= 3  # 12, — 12 —, 第 12 页, 共 3 页
            if titled or (isolated and bare):
                shaped.add(key)
    headers = set(shaped)
    for key, count in counts.items():
        if count < 2:
            continue
        if "#" in key or "|" in key:
            if len(numbers[key]) >= 2 or ("#" not in key and count >= MIN_REPEATS):
                headers.add(key)
        elif count >= MIN_REPEATS and len(_HAN_RE.findall(key)) >= 4:
            headers.add(key)
    pairs = [tuple(k.split("|")) for k in headers if k.count("|") == 1]
    return headers, pairs  # type: ignore[return-value]


def _key_regex(key: str) -> re.Pattern[str]:
    """A regex finding the header ``key`` glued to the start of a line (group 1 is the header)."""
    parts = [r"\d{1,4}" if char == "#" else re.escape(char) for char in key]
    return re.compile(r"(?m)^[ \t]*(" + r"[ \t]*".join(parts) + ")")


def _glued_pairs(text: str) -> list[tuple[str, str]]:
    """Header pairs ``A sep B`` (two short titles around a separator) that repeat in the document."""
    lefts: dict[str, list[str]] = defaultdict(list)
    for m in _GLUED_SEPARATOR.finditer(text):
        start = m.start()
        while start and text[start - 1] in " \t":
            start -= 1
        left = _LEFT_TITLE.search(text, max(0, start - 11), start)
        if left:
            lefts[left.group(1)].append(text[m.end():m.end() + 12])
    words = set(lefts)
    pairs: Counter[tuple[str, str]] = Counter()
    for left, rights in lefts.items():
        for right in rights:
            partner = max((w for w in words if w != left and right.startswith(w)), key=len, default="")
            if partner:
                pairs[tuple(sorted((left, partner)))] += 1  # type: ignore[arg-type]
        if len(rights) >= 2:
            prefix = _common_prefix([_HAN_PREFIX.match(r).group() for r in rights])
            if len(prefix) >= 2:
                pairs[tuple(sorted((left, prefix)))] += len(rights)  # type: ignore[arg-type]
    return [pair for pair, count in pairs.items() if count >= 2]


_HAN_PREFIX = re.compile(f"[{HAN}]*")


def _common_prefix(strings: list[str]) -> str:
    if not strings:
        return ""
    first, last = min(strings), max(strings)
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[:i]


_SEP_CHARS = "I|丨｜"
_SHAPED_NUMBER_AFTER = re.compile(
    rf"(?m)^[ \t]*([{HAN}]{{2,8}})[ \t]*[{_SEP_CHARS}][ \t]*([{HAN}]{{2,8}}?)[ \t]*\d(?:[ \t]?\d){{0,2}}(?![\d年月日.．%％])"
)
_SHAPED_NUMBER_BEFORE = re.compile(rf"(?m)^[ \t]*(\d(?:[ \t]?\d){{0,2}}[ \t]*)([{HAN}]{{2,8}})[ \t]*[{_SEP_CHARS}][ \t]*(?=[{HAN}])")


def _shaped_span(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a header glued to the start of a line, recognised by its shape alone: two short
    titles around a separator with a page number (``协商论坛 I 专题研究 17``, ``22 党建园地 I 政协通讯``);
    when the number comes first the second title is taken to be as long as the first."""
    if m.re is _SHAPED_NUMBER_AFTER:
        return m.start(1), m.end()
    end = m.end() + len(m.group(2))
    if end < len(text) and "\n" not in text[m.end():end] and _HAN_RE.match(text[end - 1]):
        return m.start(1), end
    return None


_EDGE_PAGE = re.compile(
    r"^(\d(?:[ \t]?\d){0,2})[ \t\u3000]+(?=\S)|(?<=\S)[ \t\u3000]+(\d(?:[ \t]?\d){0,2})$"
)
"""A page number at an edge of a line, apart from its text (``12  溪山政协``, ``擦亮品牌  13``)."""
_NO_HEADER = re.compile(r"[。！？；，,;!?：:、]")
CHAIN_MIN = 3
"""Lines with page numbers counting up one by one (n, n+1, n+2 …) make a chain of running headers."""


def page_number(line: str) -> int | None:
    """The page number of a line shaped like a running header (short, no sentence punctuation, a number
    apart at an edge), else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or _NO_HEADER.search(stripped):
        return None
    m = _EDGE_PAGE.search(stripped)
    if m is None:
        return None
    rest = stripped[:m.start()] + stripped[m.end():]
    if not 2 <= len(_HAN_RE.findall(rest)) <= 24 or len("".join(rest.split())) > 30:
        return None
    return int("".join((m.group(1) or m.group(2)).split()))


def _page_numbers(lines: list[str]) -> dict[int, int]:
    """Index → page number of the header-shaped lines (see :func:`page_number`)."""
    numbers = {}
    edged = [(i, stripped) for i, stripped in enumerate(map(str.strip, lines))
             if stripped and (stripped[0].isdigit() or stripped[-1].isdigit())]  # (a quick test first)
    for i, stripped in edged:
        number = page_number(stripped)
        if number is not None:
            numbers[i] = number
    return numbers


def page_number_chains(lines: list[str], minimum: int = CHAIN_MIN) -> list[int]:
    """Indexes of lines that are running headers by the page numbers they carry: header-shaped lines
    whose numbers count up by one from line to line (the headers of one- or two-page articles, which
    occur too rarely to repeat, are found so, between the journal's own headers), two such lines set
    apart by blank lines, a header line just above the title it repeats, and a header line after a
    page break that interrupts a sentence."""
    numbers = _page_numbers(lines)
    if not numbers:
        return []
    chains: list[list[int]] = []
    ending: dict[int, int] = {}  # page number -> index of the chain whose last number it is
    for i, number in numbers.items():
        chain = ending.pop(number - 1, None)
        if chain is None:
            chain = len(chains)
            chains.append([])
        chains[chain].append(i)
        ending[number] = chain
    found = {i for chain in chains if len(chain) >= minimum for i in chain}
    for chain in chains:  # a shorter chain of lines set apart by blank lines (or the document's edge)
        if len(chain) < minimum and len(chain) >= 2 and all(_set_apart(lines, i) for i in chain):
            found.update(chain)
    rest = [i for i in numbers if i not in found]
    found.update(i for i in rest if _set_apart(lines, i) and _echoes_title(lines, i))
    found.update(i for i in rest if i not in found and _interrupts(lines, i, numbers))
    return sorted(found)


_OPEN_END = re.compile(r"[^。！？；!?;…”’」』）)\s]\s*$")


def _interrupts(lines: list[str], i: int, numbers: dict[int, int]) -> bool:
    """Whether header-shaped line ``i`` comes after a page break (a blank line) and interrupts a
    sentence: the text above it does not end a sentence and goes on below it."""
    if i == 0 or lines[i - 1].strip():
        return False
    above = next((lines[j] for j in range(i - 2, max(-1, i - 6), -1) if lines[j].strip()), "")
    below = next((j for j in range(i + 1, min(len(lines), i + 5)) if lines[j].strip()), None)
    return bool(above) and below is not None and _OPEN_END.search(above) is not None and below not in numbers


def _set_apart(lines: list[str], i: int) -> bool:
    """Whether line ``i`` has a blank line (or the document's edge) before or after it."""
    return i == 0 or not lines[i - 1].strip() or i + 1 >= len(lines) or not lines[i + 1].strip()


ECHO_DISTANCE = 3
"""A header-shaped line that repeats the start of a title at most this many lines below is its running header."""


def _echoes_title(lines: list[str], i: int) -> bool:
    """Whether header-shaped line ``i``, page number aside, opens the next non-blank line: the running
    header of an article printed above the article's own title (``擦亮品牌  15`` over ``擦亮品牌的实践``)."""
    stripped = lines[i].strip()
    m = _EDGE_PAGE.search(stripped)
    if m is None:
        return False
    title = "".join((stripped[:m.start()] + stripped[m.end():]).split())
    below = next((j for j in range(i + 1, min(len(lines), i + 1 + ECHO_DISTANCE)) if lines[j].strip()), None)
    return len(title) >= 4 and below is not None and "".join(lines[below].split()).startswith(title)


def _header_title(line: str) -> str:
    """A header-shaped line without its page number and spaces (``擦亮品牌  13`` → ``擦亮品牌``)."""
    stripped = line.strip()
    m = _EDGE_PAGE.search(stripped)
    return "".join((stripped[:m.start()] + stripped[m.end():]).split()) if m else ""


def header_titles(text: str) -> set[str]:
    """The titles of the header-shaped lines of ``text`` (a page number apart at an edge, short, no
    sentence punctuation), page numbers left out: counted over a corpus, titles found in several
    files are running headers (pass them to ``clean_text(header_titles=...)``)."""
    lines = text.split("\n")
    return {_header_title(lines[i]) for i in _page_numbers(lines)} - {""}


def fix_page_headers(text: str, known_titles: frozenset[str] = frozenset()) -> list[Edit]:
    """Remove running headers/footers found as strings repeating across the document with page numbers.

    ``known_titles``: header titles known from elsewhere (other files of the corpus, see
    :func:`header_titles`); a header-shaped line with one of them is a running header too."""
    lines = text.split("\n")
    edits: list[Edit] = []
    headers, pairs = _standalone_headers(lines)
    regexes = []
    separated = _has_separator(text)
    for a, b in (set(_glued_pairs(text)) if separated else set()) | set(pairs):
        sep = rf"[ \t]*[{re.escape(_SEPARATOR)}][ \t]*"
        first = re.escape(a[:1] + b[:1])  # every match starts with a digit, a space or one of the titles:
        regexes.append(re.compile(  # the lookahead lets the regex engine skip to those positions
            rf"(?=[\d \t{first}])(?:\d(?:[ \t]?\d){{0,2}})?[ \t]*(?:{re.escape(a)}{sep}{re.escape(b)}|{re.escape(b)}{sep}{re.escape(a)})(?:[ \t]*\d(?:[ \t]?\d){{0,2}}(?![\d年月日]))?"
        ))
    glued = [_key_regex(k) for k in headers if "|" not in k and len(_HAN_RE.findall(k)) >= 4]
    chained = set(page_number_chains(lines))
    if known_titles:
        chained.update(i for i in _page_numbers(lines) if _header_title(lines[i]) in known_titles)
    pos = 0
    for i, line in enumerate(lines) if headers or chained else ():  # (no header found: no line can be one)
        stripped = line.strip()
        if stripped and len(stripped) <= 30 and _line_key(stripped) in headers:
            edits.append(Edit(pos, pos + len(line), "", "running header"))
        elif i in chained:
            edits.append(Edit(pos, pos + len(line), "", "running header (page numbers count up)"))
        pos += len(line) + 1
    whole = len(edits)
    for regex in regexes:
        edits.extend(Edit(m.start(), m.end(), "", "running header (glued)") for m in regex.finditer(text))
    for regex in glued:
        edits.extend(Edit(m.start(1), m.end(1), "", "running header (glued)") for m in regex.finditer(text))
    starts = _separator_line_starts(text) if separated else []
    for regex in (_SHAPED_NUMBER_AFTER, _SHAPED_NUMBER_BEFORE) if starts else ():
        # (a match starts a line and holds a separator: only the starts of such lines can match)
        for m in filter(None, map(partial(regex.match, text), starts)):
            span = _shaped_span(text, m)
            if span:
                edits.append(Edit(span[0], span[1], "", "running header (glued, by shape)"))
    if whole and len(edits) > whole:  # a glued match inside a header line removed whole: the line wins
        lines_removed = edits[:whole]
        edits = lines_removed + [e for e in edits[whole:] if not _inside(e, lines_removed)]
    return edits


def _has_separator(text: str) -> bool:
    """Whether ``text`` holds a character of _ANY_SEPARATOR (``in`` tests are quicker than the regex)."""
    return "I" in text or "|" in text or "丨" in text or "｜" in text


def _separator_line_starts(text: str) -> list[int]:
    """The start of every line that holds a character of _ANY_SEPARATOR, in order."""
    starts: list[int] = []
    for m in _ANY_SEPARATOR.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if not starts or starts[-1] != start:
            starts.append(start)
    return starts


def _inside(edit: Edit, spans: list[Edit]) -> bool:
    """Whether ``edit`` lies within one of ``spans`` (sorted by start)."""
    i = bisect_right([s.start for s in spans], edit.start) - 1
    return i >= 0 and spans[i].start <= edit.start and edit.end <= spans[i].end
