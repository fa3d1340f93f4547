"""Web-page chrome, newspaper layout residue and mirror-site spam, found by the patterns in
``clean_boilerplate.csv`` (shapes of boilerplate: separators, labels, timestamps, link lists)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from djtext.lexicon import BUILTIN_DIR, LexiconError, read_lexicon_file
from djtext.models import Edit

BOILERPLATE_FILE = BUILTIN_DIR / "clean_boilerplate.csv"
_SENTENCE = re.compile(r"[。！？!?]")
_ONLY_SEPARATORS = re.compile(r"^[\s|｜/·>»\-–—:：,，、]*$")


@dataclass(frozen=True)
class BoilerplatePattern:
    """One row of ``clean_boilerplate.csv``: a compiled pattern and what to do with a match."""

    kind: str
    scope: str
    action: str
    max_len: int
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The patterns of ``clean_boilerplate.csv``, compiled (a bad row is a one-line error)."""
    patterns = []
    for number, row in enumerate(read_lexicon_file(BOILERPLATE_FILE), start=2):
        try:
            patterns.append(BoilerplatePattern(
                row["kind"], row["scope"], row["action"], int(row["max_len"] or 0), re.compile(row["pattern"])
            ))
        except (KeyError, ValueError, re.error) as exc:
            raise LexiconError(f"{BOILERPLATE_FILE}: row {number}: bad pattern ({exc})") from exc
    return tuple(patterns)


def _combined(scope: str, spam: bool) -> tuple[re.Pattern[str] | None, list[BoilerplatePattern]]:
    rows = [p for p in boilerplate_patterns() if p.scope == scope and p.kind.startswith("spam") == spam]
    if not rows:
        return None, rows
    return re.compile("|".join(f"(?P<g{i}>{p.regex.pattern})" for i, p in enumerate(rows))), rows


@lru_cache(maxsize=4)
def _compiled(spam: bool):
    return _combined("line", spam), _combined("fragment", spam), _combined("tail", spam)


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n"), len(line)
        pos += len(line)


def _line_match(line: str, combined, rows) -> tuple[BoilerplatePattern, re.Match[str]] | None:
    if combined is None:
        return None
    m = combined.search(line)
    if m is None:
        return None
    row = rows[int(m.lastgroup[1:])]
    if len(line.strip()) <= row.max_len:
        return row, m
    for row in rows:  # the first alternative was too long a line: try the others one by one
        m = row.regex.search(line)
        if m and len(line.strip()) <= row.max_len:
            return row, m
    return None


def _scan(text: str, spam: bool) -> list[Edit]:
    (line_re, line_rows), (frag_re, frag_rows), (tail_re, tail_rows) = _compiled(spam)
    edits: list[Edit] = []
    in_tail = False
    for start, line, full in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if in_tail:
            if len(stripped) <= 40 and not _SENTENCE.search(stripped):
                edits.append(Edit(start, start + full, "", "related-links list"))
                continue
            in_tail = False
        hit = _line_match(line, tail_re, tail_rows)
        if hit:
            in_tail = True
            edits.append(Edit(start, start + full, "", hit[0].kind))
            continue
        hit = _line_match(line, line_re, line_rows)
        if hit:
            row, m = hit
            if row.action == "remove":
                edits.append(Edit(start, start + full, "", row.kind))
            else:
                edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful"))
            continue
        if spam and line_re is not None:
            m = line_re.search(line)
            if m and m.end() > m.start():  # spam-like words inside a long content line: flag only
                row = line_rows[int(m.lastgroup[1:])]
                edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful spam"))
        if frag_re is not None:
            fragments = [m for m in frag_re.finditer(line) if m.end() > m.start()]
            if fragments:
                rest = frag_re.sub("", line)
                if _ONLY_SEPARATORS.match(rest):  # nothing but chrome on this line: drop it whole
                    edits.append(Edit(start, start + full, "", frag_rows[int(fragments[0].lastgroup[1:])].kind))
                    continue
                for m in fragments:
                    edits.append(Edit(start + m.start(), start + m.end(), "", frag_rows[int(m.lastgroup[1:])].kind))
    return edits


def fix_boilerplate(text: str) -> list[Edit]:
    """Remove page chrome: breadcrumbs, banners, menus, datelines, page markers, credits, link lists."""
    return _scan(text, spam=False)


def fix_spam(text: str) -> list[Edit]:
    """Remove short lines of mirror-site spam (URLs, app download, gambling, contact ads); flag doubtful ones."""
    return _scan(text, spam=True)
