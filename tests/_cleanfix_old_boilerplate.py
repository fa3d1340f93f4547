"""The boilerplate scanner as it was before the cleanfix speed pass: the oracle of
tests/test_cleanfix_boilerplate.py (it reads the current patterns, its own way)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from djtext.clean.fix_spacing import ocr_spaced
from djtext.clean import fix_boilerplate as current
from djtext.models import Edit
from djtext.text import SENTENCE_END, longest_first

_SENTENCE = re.compile(f"[{SENTENCE_END}]")
_ONLY_SEPARATORS = re.compile(r"^[\s|｜/·>»\-–—:：,，、【】\[\]（()）]*$")
_BAR = re.compile("[|｜]")
_SPACED_DIGITS = re.compile(r"[ \t\u3000](?<=\d[ \t\u3000])[ \t\u3000]*(?=\d)")
"""Spaces between digits, as OCR layers put them into page numbers (``— 1 1 —``). (The first character
is a plain class, so the engine skips quickly to the spaces; the lookbehind checks the digit before.)"""


@dataclass(frozen=True)
class BoilerplatePattern:
    """One row of ``clean_boilerplate.csv``: a compiled pattern and what to do with a match."""

    kind: str
    scope: str
    action: str
    max_len: int
    triggers: tuple[str, ...]
    regex: re.Pattern[str]

    @property
    def anchored(self) -> bool:
        """Whether the pattern only matches at the start of a line."""
        return self.regex.pattern.startswith("^")

    @property
    def context_free(self) -> bool:
        """Whether the pattern matches alike in a line and in the whole text: no ``^ $ \\A \\Z``, no
        lookaround (``\\b`` sees a line break as a non-word character, just like a line's edge)."""
        return _context_free(self.regex.pattern)

    def active(self, text: str) -> bool:
        """Whether the pattern can match anywhere in ``text`` (one of its triggers occurs)."""
        return self.anchored or any(t in text for t in self.triggers)


_CONTEXT = re.compile(r"\\[AZ]|[$^]|\(\?<?[=!]")


@lru_cache(maxsize=128)
def _context_free(pattern: str) -> bool:
    plain = pattern.replace("\\\\", "").replace("\\^", "").replace("\\$", "").replace("[^", "[")
    return _CONTEXT.search(plain) is None


def _may_match(pattern: BoilerplatePattern, text: str) -> bool:
    """False when ``pattern`` matches no line of ``text``: it is context-free and matches nowhere in it."""
    return not pattern.context_free or pattern.regex.search(text) is not None


_SCOPES = ("line", "fragment", "tail")
_ACTIONS = ("remove", "flag")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The current patterns, the triggers of those starting with ^ left out (this scanner had none)."""
    return tuple(BoilerplatePattern(p.kind, p.scope, p.action, p.max_len, () if p.anchored else p.triggers, p.regex)
                 for p in current.boilerplate_patterns())


@lru_cache(maxsize=8)
def _anchored(scope: str, spam: bool) -> tuple[re.Pattern[str] | None, tuple[BoilerplatePattern, ...]]:
    rows = tuple(p for p in boilerplate_patterns()
                 if p.scope == scope and p.anchored and p.kind.startswith("spam") == spam)
    if not rows:
        return None, rows
    return re.compile("|".join(f"(?P<g{i}>{p.regex.pattern})" for i, p in enumerate(rows))), rows


def _line_hit(line: str, size: int, combined, rows, unanchored) -> tuple[BoilerplatePattern, re.Match[str]] | None:
    """The first line-scope pattern that matches ``line`` (and allows a line this long)."""
    if combined is not None:
        m = combined.match(line)
        if m is not None:
            row = rows[int(m.lastgroup[1:])]
            if size <= row.max_len:
                return row, m
            for row in rows:
                m = row.regex.match(line)
                if m and size <= row.max_len:
                    return row, m
    for row in unanchored:
        m = row.regex.search(line)
        if m and size <= row.max_len:
            return row, m
    return None


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    triggers = sorted({t for p in boilerplate_patterns() for t in p.triggers}, key=longest_first)
    return re.compile("|".join(map(re.escape, triggers)))


@lru_cache(maxsize=64)
def _trigger_of(pattern: BoilerplatePattern) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, pattern.triggers)) or "^")


@lru_cache(maxsize=64)
def _any_trigger(patterns: tuple[BoilerplatePattern, ...]) -> re.Pattern[str]:
    """One regex finding a trigger of any of ``patterns``."""
    return re.compile("|".join(_trigger_of(p).pattern for p in patterns))


def _scan(text: str, spam: bool) -> list[Edit]:
    present = set(_trigger_regex().findall(text))
    mine = [p for p in boilerplate_patterns()
            if p.kind.startswith("spam") == spam and (p.anchored or present.intersection(p.triggers))]
    line_re, line_rows = _anchored("line", spam)
    tail_re, tail_rows = _anchored("tail", spam)
    unspaced_free = [p for p in mine if p.scope == "line" and not p.anchored]  # for lines with digits unspaced
    line_free = [p for p in unspaced_free if _may_match(p, text)]
    # (no whole-text test for fragment patterns: they are tried only on the few lines with a trigger)
    fragments = [(p, _trigger_of(p)) for p in mine if p.scope == "fragment"]
    # one trigger of any fragment pattern: a line without one holds no fragment
    any_fragment = _any_trigger(tuple(p for p, _ in fragments)) if fragments else None
    longest = max((p.max_len for p in mine if p.scope != "fragment"), default=0)
    if not mine:
        return []
    edits: list[Edit] = []
    spaced = _SPACED_DIGITS.search(text) is not None  # (its matches lie within a line: a quick test for all lines)
    in_tail = False
    next_start = 0
    for whole in text.splitlines(keepends=True):
        start = next_start
        full = len(whole)
        next_start += full
        stripped = whole.strip()
        if not stripped:
            continue
        line = whole.rstrip("\r\n")
        size = len(stripped)
        if in_tail:
            if size <= 40 and not _SENTENCE.search(stripped):
                edits.append(Edit(start, start + full, "", "related-links list"))
                continue
            in_tail = False
        if size <= longest:
            hit = _line_hit(line, size, tail_re, tail_rows, ()) if tail_re is not None else None
            if hit:
                in_tail = True
                edits.append(Edit(start, start + full, "", hit[0].kind))
                continue
            hit = _line_hit(line, size, line_re, line_rows, line_free)
            if hit and hit[0].kind == "menu" and not _BAR.search(line) and ocr_spaced(text):
                hit = None  # words between spaces in an OCR-spaced document are its running text, not a menu
            if hit:
                row, m = hit
                if row.action == "remove" and not (spam and "。" in stripped):  # a sentence: only flag
                    edits.append(Edit(start, start + full, "", row.kind))
                else:
                    edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful"))
                continue
            if spaced and _SPACED_DIGITS.search(line):  # an OCR-spaced page number (— 1 1 —) is the same line unspaced
                squeezed = _SPACED_DIGITS.sub("", line)
                hit = _line_hit(squeezed, len(squeezed.strip()), line_re, line_rows, unspaced_free)
                if hit and hit[0].action == "remove" and not (spam and "。" in stripped):
                    edits.append(Edit(start, start + full, "", hit[0].kind))
                    continue
        elif spam:
            for row in line_free:  # spam-like words inside a long content line: flag only
                m = row.regex.search(line)
                if m and m.end() > m.start():
                    edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful spam"))
                    break
        if any_fragment is not None and any_fragment.search(line):
            found = [(row, m) for row, trigger in fragments if trigger.search(line)
                     for m in row.regex.finditer(line) if m.end() > m.start()]
            if found:
                rest = line
                for row, m in sorted(found, key=lambda rm: -rm[1].start()):
                    rest = rest[:m.start()] + rest[m.end():]
                if _ONLY_SEPARATORS.match(rest):  # nothing but chrome on this line: drop it whole
                    edits.append(Edit(start, start + full, "", found[0][0].kind))
                    continue
                for row, m in found:
                    edits.append(Edit(start + m.start(), start + m.end(), "", row.kind))
    return edits


def fix_boilerplate(text: str) -> list[Edit]:
    """Remove page chrome: breadcrumbs, banners, menus, datelines, page markers, credits, link lists."""
    return _scan(text, spam=False)


def fix_spam(text: str) -> list[Edit]:
    """Remove short lines of mirror-site spam (URLs, app download, gambling, contact ads); flag doubtful ones."""
    return _scan(text, spam=True)
