"""HTML residue: entities (with or without ``&``), stray tags, ``& &`` joiners, mojibake fragments."""
from __future__ import annotations

import html
import re
from html.entities import html5

from djtext.clean.chars import HAN
from djtext.models import Edit

_DISTINCT_BARE = ("ldquo", "rdquo", "lsquo", "rsquo", "nbsp", "mdash", "ndash", "hellip", "middot", "emsp", "ensp", "thinsp")
"""Entity names no word contains: recognised without ``&`` even right after a letter (``Nrdquo;``)."""
_SHORT_BARE = ("quot", "amp", "lt", "gt", "bull", "laquo", "raquo", "times", "deg")
"""Entity names recognised without ``&`` only when no letter precedes them."""
_ENTITY = re.compile(  # (every alternative starts with a literal, so the engine skips quickly to a candidate)
    r"&(?:amp;)+(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:nbsp|amp|quot|lt|gt)(?![A-Za-z0-9;])"
    + "".join(f"|{name};" for name in _DISTINCT_BARE)
    + "".join(f"|{name[0]}(?<![A-Za-z&]{name[0]}){name[1:]};" for name in _SHORT_BARE)  # no letter or & before it
)
_BARE_HINT = re.compile(r"[a-z];")
_SPACE_ENTITIES = {"nbsp", "emsp", "ensp", "thinsp"}
_TAG = re.compile(
    r"</?(?:p|br|div|span|font|strong|b|i|em|u|a|img|table|tr|td|th|tbody|thead|ul|ol|li|h[1-6]|section"
    r"|article|center|blockquote|sup|sub|hr|iframe|script|style|o:p)(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|tr|li|h[1-6]|section|article|table|hr|blockquote)\b", re.IGNORECASE)
_JOINER = re.compile(r"&(?:[ \t\u00a0]*&)+")
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_MOJIBAKE = re.compile(  # (one plain class first, so the engine skips quickly to the candidates)
    rf"[?？\uFFFD](?:"
    rf"(?=[a-zü{_TONE}]*[{_TONE}])[a-zü{_TONE}]{{1,6}}(?![A-Za-z])"  # ?shù: a char lost, its pinyin kept
    rf"|/?(?:p|br|div|span|strong|td|tr|li)\s*/?>"  # ?/p>: a tag whose < became ?
    r"|(?<=\uFFFD)\uFFFD*)"  # a run of U+FFFD
)


def _entity_value(match: str) -> str:
    value = _one_entity(match)
    for _ in range(3):  # double-escaped (&amp;ldquo;): decode until it is plain text
        inner = _ENTITY.fullmatch(value)
        if not inner:
            break
        value = _one_entity(value)
    return value


def _one_entity(match: str) -> str:
    while match.startswith("&amp;") and len(match) > 6:
        match = "&" + match[5:]
    name = match.strip("&;")
    if name in _SPACE_ENTITIES:
        return " "
    if name.startswith("#"):
        return html.unescape("&" + name + ";")
    value = html5.get(name + ";") or html5.get(name)
    return value if value is not None else match


_CUT_LEFT = re.compile(  # (one plain class first, so the engine skips quickly to a candidate)
    r"(?m)([&A-Za-z](?:(?<=&)#?[A-Za-z0-9]{0,8}|(?<=[A-Za-z])(?<![A-Za-z&][A-Za-z])[A-Za-z0-9]{0,7}))[ \t\u3000]*$")
"""The first half of an entity a hard wrap cut (``&ld``, ``&#122``, ``&``, ``rdq``), at a line end."""
_CUT_RIGHT = re.compile(r"[ \t\u3000]*([A-Za-z0-9]{0,9};)")
"""The second half (``quo;``, ``89;``, ``;``), at the start of a later line."""
CUT_LOOKAHEAD = 8
"""Lines looked at for the second half: a page break (blank lines, a running header) may come between."""
CUT_BETWEEN = 40
"""Lines between the halves are at most this long (blank lines and a running header)."""


def _second_half(text: str, pos: int) -> re.Match[str] | None:
    """The second half of a cut entity at the start of one of the lines from ``pos`` on, with only
    short lines (a page break) and at least one blank line between."""
    blank = False
    for step in range(CUT_LOOKAHEAD):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _CUT_RIGHT.match(text, pos, end)
        if m and m.group(1) and (step == 0 or blank):
            return m
        if end - pos > CUT_BETWEEN or end >= len(text):
            return None
        blank = blank or not text[pos:end].strip()
        pos = end + 1
    return None


def _cut_entities(text: str) -> list[Edit]:
    """Decode entities cut by a line break (or a page break); the decoded character ends the first line."""
    edits = []
    for m in _CUT_LEFT.finditer(text):
        left = m.group(1)
        if not left or m.end() >= len(text):
            continue
        right_m = _second_half(text, m.end() + 1)
        if right_m is None:
            continue
        whole = left + right_m.group(1)
        if _ENTITY.fullmatch(whole) is None or _ENTITY.fullmatch(left) is not None:
            continue
        value = _entity_value(whole)
        if value == whole:
            continue
        value = " " if value == "\xa0" else value
        if right_m.start() == m.end() + 1:  # on the next line
            alone = right_m.end() == len(text) or text[right_m.end()] == "\n"  # the second half was all of its line
            edits.append(Edit(m.start(1), right_m.end(), value + ("" if alone else "\n"), "entity cut by a line break"))
        else:
            edits.append(Edit(m.start(1), m.end(1), value, "entity cut by a page break"))
            edits.append(Edit(right_m.start(1), right_m.end(1), "", "entity cut by a page break"))
    return edits


def fix_html_entities(text: str) -> list[Edit]:
    """Decode HTML entities, also those that lost their ``&`` (``ldquo;``) or ``;`` (``&nbsp``)."""
    if "&" not in text and not _BARE_HINT.search(text):
        return []
    edits = _cut_entities(text) if "\n" in text else []
    cut = [(e.start, e.end) for e in edits]
    for m in _ENTITY.finditer(text):
        if cut and any(start < m.end() and m.start() < end for start, end in cut):
            continue
        value = _entity_value(m.group())
        if value != m.group():
            if value == "\xa0":
                value = " "
            edits.append(Edit(m.start(), m.end(), value, "entity"))
    for m in _JOINER.finditer(text):
        edits.append(Edit(m.start(), m.end(), " ", "& & joiner"))
    return edits


def fix_html_tags(text: str) -> list[Edit]:
    """Remove stray HTML tags; block tags (``<p>``, ``<br>``) become line breaks."""
    if "<" not in text:
        return []
    return [
        Edit(m.start(), m.end(), "\n" if _BLOCK_TAG.match(m.group()) else "", "tag")
        for m in _TAG.finditer(text)
    ]


def fix_mojibake(text: str) -> list[Edit]:
    """Remove mojibake fragments: ``?`` plus orphaned pinyin (``?shù``), ``?/p>``, U+FFFD runs."""
    edits = []
    for m in _MOJIBAKE.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if m.group()[0] in "?？" and before and not re.match(rf"[{HAN}\s，。、]", before) and "/" not in m.group():
            continue
        edits.append(Edit(m.start(), m.end(), "", "mojibake"))
    return edits
