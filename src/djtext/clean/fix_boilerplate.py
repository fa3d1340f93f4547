"""Web-page chrome, newspaper layout residue and mirror-site spam, found by the patterns in
``clean_boilerplate.csv`` (shapes of boilerplate: separators, labels, timestamps, link lists)."""
from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _parser
from dataclasses import dataclass
from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Sequence

from djtext.clean.fix_spacing import ocr_spaced
from djtext.lexicon import BUILTIN_DIR, LexiconError, read_lexicon_file
from djtext.models import Edit
from djtext.text import SENTENCE_END, longest_first

BOILERPLATE_FILE = BUILTIN_DIR / "clean_boilerplate.csv"
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

    @cached_property
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
        return (self.anchored and not self.triggers) or any(t in text for t in self.triggers)

    def triggered_in(self, line: str) -> bool:
        """Whether ``line`` holds one of the pattern's triggers (always true for one without triggers)."""
        return not self.triggers or any(t in line for t in self.triggers)


_CONTEXT = re.compile(r"\\[AZ]|[$^]|\(\?<?[=!]")


@lru_cache(maxsize=128)
def _context_free(pattern: str) -> bool:
    plain = pattern.replace("\\\\", "").replace("\\^", "").replace("\\$", "").replace("[^", "[")
    return _CONTEXT.search(plain) is None


_COMMITTING = re.compile(r"\\B|\(\?>|[*+?}]\+")


@lru_cache(maxsize=128)
def _skippable(pattern: str) -> bool:
    """Whether a match of ``pattern`` in a line is also found by a search of the whole text from the
    line's start, at the same place or before it: context-free, and no ``\\B`` (a line's edge and the
    next line's first character differ for it) nor atomic group or possessive repeat (which could
    commit to a path running past the line's end)."""
    return _context_free(pattern) and _COMMITTING.search(pattern.replace("\\\\", "")) is None


def _may_match(pattern: BoilerplatePattern, text: str) -> bool:
    """False when ``pattern`` matches no line of ``text``: it is context-free and matches nowhere in it."""
    return not pattern.context_free or pattern.regex.search(text) is not None


_SCOPES = ("line", "fragment", "tail")
_ACTIONS = ("remove", "flag")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The patterns of ``clean_boilerplate.csv``, compiled (a bad row is a one-line error)."""
    patterns = []
    for number, row in enumerate(read_lexicon_file(BOILERPLATE_FILE), start=2):
        try:
            pattern = BoilerplatePattern(
                row["kind"], row["scope"], row["action"], int(row["max_len"] or 0),
                tuple(row["triggers"].split()), re.compile(row["pattern"]),
            )
        except (KeyError, ValueError, re.error) as exc:
            raise LexiconError(f"{BOILERPLATE_FILE}: row {number}: bad pattern ({exc})") from exc
        if pattern.scope not in _SCOPES or pattern.action not in _ACTIONS:
            raise LexiconError(f"{BOILERPLATE_FILE}: row {number}: scope must be one of {_SCOPES}, action one of {_ACTIONS}")
        if not pattern.anchored and not pattern.triggers:
            raise LexiconError(f"{BOILERPLATE_FILE}: row {number}: a pattern not starting with ^ needs triggers")
        if pattern.anchored and pattern.triggers and not _triggers_in_every_match(pattern.regex.pattern, pattern.triggers):
            raise LexiconError(f"{BOILERPLATE_FILE}: row {number}: a pattern starting with ^ may only have triggers"
                               " one of which every match holds")
        patterns.append(pattern)
    return tuple(patterns)


_LINE_START = r"^\s*"


class _Upcoming:
    """Where a regex next matches in a text, asked about line after line in text order."""

    def __init__(self, regex: re.Pattern[str], text: str) -> None:
        self.regex, self.text, self.at = regex, text, -1

    def next_from(self, start: int) -> int:
        """Where the first match at or after ``start`` begins (past the text's end: none)."""
        if self.at < start:
            m = self.regex.search(self.text, start)
            self.at = m.start() if m else len(self.text) + 1
        return self.at

    def within(self, start: int, end: int) -> bool:
        """Whether the first match at or after ``start`` begins at or before ``end``."""
        return self.next_from(start) <= end


@dataclass(frozen=True)
class _AnchoredRows:
    """The patterns of one scope that start with ``^``, in file order, and quick tests for a line.

    ``after_break`` matches a line break and the line after it whenever one of the patterns without
    triggers matches that line, if not blank (it is their alternation after ``\\n`` with the common ``^\\s*`` taken
    out, so the engine skips quickly to each line break, and between alternatives that start with a
    literal; their ``^ $`` are multi-line). In a text whose lines all end in ``\\n`` a search for it says
    which lines need trying: the patterns look at nothing around the line (no lookaround, ``\\A`` or
    ``\\Z``; ``\\b`` sees a line break as a line's edge). ``triggers`` finds a trigger of the other
    patterns, as only a line that holds one can match one of them."""

    rows: tuple[BoilerplatePattern, ...]
    after_break: re.Pattern[str] | None
    triggers: re.Pattern[str] | None
    always: bool = False
    """Whether every line is tried (a pattern without triggers looks beyond the line: no quick test)."""

    def hit(self, line: str, size: int, start: int = 0, breaks: _Upcoming | None = None,
            upcoming: _Upcoming | None = None) -> tuple[BoilerplatePattern, re.Match[str]] | None:
        """The first pattern (in file order) that matches ``line`` and allows a line of ``size``.

        ``breaks`` (of ``after_break``) and ``upcoming`` (of ``triggers``) look ahead in the text
        ``line`` starts at ``start`` of (None: try ``line`` on its own)."""
        if not self.always and (self.after_break is None or not (
                breaks.within(start - 1, start - 1) if breaks is not None and start
                else self.after_break.match("\n" + line) is not None)):
            if self.triggers is None:
                return None
            if upcoming is not None and not upcoming.within(start, start + len(line)):
                return None
            if upcoming is None and self.triggers.search(line) is None:
                return None
        for row in self.rows:
            if row.triggered_in(line):
                m = row.regex.match(line)
                if m and size <= row.max_len:
                    return row, m
        return None

    def upcoming(self, text: str) -> _Upcoming | None:
        """Where the triggers of the patterns that have some next occur in ``text``."""
        return _Upcoming(self.triggers, text) if self.triggers is not None else None

    def breaks(self, text: str) -> _Upcoming | None:
        """Where ``after_break`` next matches in ``text``, when its lines all end in ``\\n`` (else None)."""
        if self.after_break is None or self.always or _OTHER_BREAK.search(text) is not None:
            return None
        return _Upcoming(self.after_break, text)


_OTHER_BREAK = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""A line break other than ``\\n`` (``str.splitlines`` breaks lines at all of them)."""
_LINE_CONTEXT = re.compile(r"\\[AZ]|\(\?<?[=!]")
"""What makes a pattern look beyond a line's edges: ``\\A \\Z`` or a lookaround."""


def _alternation(strings) -> re.Pattern[str] | None:
    """A regex finding any of ``strings`` (longest first), or None for none."""
    ordered = sorted(set(strings), key=longest_first)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


@lru_cache(maxsize=8)
def _anchored(scope: str, spam: bool) -> _AnchoredRows:
    rows = tuple(p for p in boilerplate_patterns()
                 if p.scope == scope and p.anchored and p.kind.startswith("spam") == spam)
    triggers = _alternation(t for p in rows for t in p.triggers)
    untriggered = [p.regex.pattern for p in rows if not p.triggers]
    if not untriggered:
        return _AnchoredRows(rows, None, triggers)
    if any(_LINE_CONTEXT.search(p.replace("\\\\", "")) for p in untriggered):
        return _AnchoredRows(rows, None, triggers, always=True)  # no quick test: every line is tried
    # (a superset of what the alternation matches: ^\s*(?:a|b) lets b, too, follow leading spaces)
    after_spaces = [p[len(_LINE_START):] for p in untriggered if p.startswith(_LINE_START)]
    others = [p for p in untriggered if not p.startswith(_LINE_START)]
    alternatives = [rf"\s*(?:{'|'.join(f'(?:{p})' for p in after_spaces)})"] if after_spaces else []
    quick = "|".join(alternatives + [f"(?:{p})" for p in others])
    # (only a line that is not blank is tried: the lookahead keeps blank lines out)
    return _AnchoredRows(rows, re.compile(f"\\n(?=[^\\S\\n]*\\S)(?:{quick})", re.MULTILINE), triggers)


def _line_hit(line: str, size: int, anchored: _AnchoredRows | None,
              unanchored: Sequence[BoilerplatePattern], skips: _Skips | None = None, start: int = 0,
              upcoming: _Upcoming | None = None,
              breaks: _Upcoming | None = None) -> tuple[BoilerplatePattern, re.Match[str]] | None:
    """The first line-scope pattern that matches ``line`` (and allows a line this long): the
    patterns starting with ``^`` first, then ``unanchored``. ``start``: where ``line`` starts in the
    text that ``skips``, ``upcoming`` and ``breaks`` look ahead in (None: not a line of it)."""
    if anchored is not None:
        hit = anchored.hit(line, size, start, breaks, upcoming)
        if hit is not None:
            return hit
    end = start + len(line)
    if skips is not None and skips.none_in(start, end):
        return None
    for row in unanchored:
        if skips is not None and not skips.may_match(row, start, end):
            continue
        m = row.regex.search(line)
        if m and size <= row.max_len:
            return row, m
    return None


_FINITE_MAX = 64
"""At most this many strings are listed for a part of a pattern that matches a finite set of them."""


def _element_strings(op, av) -> set[str] | None:
    """The strings one parsed regex element matches, when they are few (None otherwise)."""
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
        return {chr(code) for _, code in av}
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
        return _sequence_strings(av[3])
    if op is _sre.BRANCH:
        alternatives = [_sequence_strings(items) for items in av[1]]
        if any(strings is None for strings in alternatives):
            return None
        union = set().union(*alternatives)
        return union if len(union) <= _FINITE_MAX else None
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] <= 2:
        body = _sequence_strings(av[2])
        if body is None:
            return None
        strings, power = ({""} if av[0] == 0 else set()), {""}
        for count in range(1, av[1] + 1):
            power = {a + b for a in power for b in body}
            if count >= av[0]:
                strings |= power
        return strings if len(strings) <= _FINITE_MAX else None
    return None


def _sequence_strings(items) -> set[str] | None:
    """The strings a parsed regex sequence matches, when they are few (None otherwise)."""
    strings = {""}
    for op, av in items:
        one = _element_strings(op, av)
        if one is None:
            return None
        strings = {a + b for a in strings for b in one}
        if len(strings) > _FINITE_MAX:
            return None
    return strings


def _holds_one(items, triggers: tuple[str, ...]) -> bool:
    """Whether every match of a parsed regex sequence contains one of ``triggers``: a run of elements
    matching few strings (``.(?:com|net)``) all of which hold one, or a part that must match and does."""
    block = {""}
    for op, av in [*items, (None, None)]:
        one = _element_strings(op, av) if op is not None else None
        if one is not None:
            joined = {a + b for a in block for b in one}
            if len(joined) <= _FINITE_MAX:
                block = joined
                continue
        if block != {""} and all(any(t in string for t in triggers) for string in block):
            return True
        block = one if one is not None else {""}
        if op is _sre.SUBPATTERN and not av[1] and _holds_one(av[3], triggers):
            return True
        if op is _sre.BRANCH and all(_holds_one(alternative, triggers) for alternative in av[1]):
            return True
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1 and _holds_one(av[2], triggers):
            return True
    return False


@lru_cache(maxsize=128)
def _triggers_in_every_match(pattern: str, triggers: tuple[str, ...]) -> bool:
    """Whether every match of ``pattern`` contains one of ``triggers`` (read off the parsed pattern;
    false when that is not evident), so that a line without a trigger need not be searched."""
    if not triggers:
        return False
    try:  # re._parser is CPython's private parser (3.11+): if a later version reads differently, search every line
        parsed = _parser.parse(pattern)
        return not parsed.state.flags & re.IGNORECASE and _holds_one(parsed, triggers)
    except Exception:  # noqa: BLE001  (a safe "not evident": the line is searched, the output is the same)
        return False


class _Skips:
    """Where the patterns next match in a text, so that a line before that is not searched.

    For a pattern every match of which holds one of its triggers, where a trigger next occurs; for
    another context-free one, where a search of the text from the line's start first matches: a match
    in a line is a match in the text at the same place (:func:`_skippable`), so that lies at or before it."""

    def __init__(self, text: str, patterns: Sequence[BoilerplatePattern]) -> None:
        finders = {id(p): _finder(p) for p in patterns}
        self.upcoming = {key: _Upcoming(finder, text) for key, finder in finders.items() if finder is not None}
        self.all_skippable = len(self.upcoming) == len(patterns)
        self.soonest = -1
        self.past_end = len(text) + 1

    def soonest_from(self, start: int) -> int:
        """Where the first of the patterns may next match from ``start`` on (all of them skippable)."""
        if self.soonest < start:
            self.soonest = min((upcoming.next_from(start) for upcoming in self.upcoming.values()),
                               default=self.past_end)
        return self.soonest

    def none_in(self, start: int, end: int) -> bool:
        """True when no pattern matches in the line ``text[start:end]`` (lines come in text order)."""
        return self.all_skippable and self.soonest_from(start) > end

    def may_match(self, pattern: BoilerplatePattern, start: int, end: int) -> bool:
        """False when ``pattern`` matches nowhere in the line ``text[start:end]``."""
        upcoming = self.upcoming.get(id(pattern))
        return upcoming is None or upcoming.within(start, end)


def _finder(pattern: BoilerplatePattern) -> re.Pattern[str] | None:
    """What :class:`_Skips` searches the text for to skip lines for ``pattern`` (None: no line is skipped)."""
    if _triggers_in_every_match(pattern.regex.pattern, pattern.triggers):
        return _trigger_of(pattern)
    return pattern.regex if _skippable(pattern.regex.pattern) else None


def _may_match_somewhere(pattern: BoilerplatePattern, text: str) -> bool:
    """False when ``pattern`` matches no line of ``text`` (:func:`_may_match`); a pattern whose triggers
    pick the lines to search is not searched for in the whole text first (a line search finds as much)."""
    if _skippable(pattern.regex.pattern) and _triggers_in_every_match(pattern.regex.pattern, pattern.triggers):
        return True
    return _may_match(pattern, text)


@lru_cache(maxsize=1)
def _trigger_regex() -> re.Pattern[str]:
    triggers = sorted({t for p in boilerplate_patterns() if not p.anchored for t in p.triggers}, key=longest_first)
    return re.compile("|".join(map(re.escape, triggers)))


@lru_cache(maxsize=64)
def _trigger_of(pattern: BoilerplatePattern) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, pattern.triggers)) or "^")


@lru_cache(maxsize=4)
def _any_fragment_trigger(spam: bool) -> re.Pattern[str] | None:
    """One regex finding a trigger of any fragment pattern of the kind (a line without one holds no fragment)."""
    return _alternation(t for p in boilerplate_patterns() if p.scope == "fragment" and p.kind.startswith("spam") == spam
                        for t in p.triggers)


def _next_hints(skips: _Skips, spaced_digits: _Upcoming, fragments: _Upcoming | None, *anchored) -> list | None:
    """Functions of a line's start telling where a pattern may next match (from that line on), one for
    each source of an edit; None when one source has none, so that every line must be looked at.

    ``anchored``: per scope, its patterns starting with ``^`` and their ``upcoming`` and ``breaks``."""
    if not skips.all_skippable:
        return None
    hints = [skips.soonest_from, spaced_digits.next_from]
    if fragments is not None:
        hints.append(fragments.next_from)
    for rows, upcoming, breaks in anchored:
        if rows is None:
            continue
        if rows.always or (rows.after_break is not None and breaks is None):
            return None
        if upcoming is not None:
            hints.append(upcoming.next_from)
        if breaks is not None:
            hints.append(lambda start, breaks=breaks: breaks.next_from(start - 1) + 1)  # the line after the break
    return hints


def _scan(text: str, spam: bool) -> list[Edit]:
    present = set(_trigger_regex().findall(text))
    mine = [p for p in boilerplate_patterns()
            if p.kind.startswith("spam") == spam and (p.anchored or present.intersection(p.triggers))]
    if not mine:
        return []
    line_rows, tail_rows = _anchored("line", spam), _anchored("tail", spam)
    unspaced_free = [p for p in mine if p.scope == "line" and not p.anchored]  # for lines with digits unspaced
    line_free = [p for p in unspaced_free if _may_match_somewhere(p, text)]
    # (no whole-text test for fragment patterns: they are tried only on the few lines with a trigger)
    fragments = [(p, _trigger_of(p)) for p in mine if p.scope == "fragment"]
    # one trigger of any fragment pattern: a line without one holds no fragment
    any_fragment = _any_fragment_trigger(spam) if fragments else None
    upcoming_fragment = _Upcoming(any_fragment, text) if any_fragment is not None else None
    longest = max((p.max_len for p in mine if p.scope != "fragment"), default=0)
    tail = tail_rows if tail_rows.rows else None
    lines = line_rows if line_rows.rows else None
    skips = _Skips(text, line_free)
    upcoming_tail = tail.upcoming(text) if tail is not None else None
    upcoming_line = lines.upcoming(text) if lines is not None else None
    breaks_tail = tail.breaks(text) if tail is not None else None
    breaks_line = lines.breaks(text) if lines is not None else None
    edits: list[Edit] = []
    # (a match in a line is one in the text at the same place: where the next one lies says which lines have none)
    spaced_digits = _Upcoming(_SPACED_DIGITS, text)
    hints = _next_hints(skips, spaced_digits, upcoming_fragment, (tail, upcoming_tail, breaks_tail),
                        (lines, upcoming_line, breaks_line))
    in_tail = False
    wholes = text.splitlines(keepends=True)
    starts = list(accumulate(map(len, wholes), initial=0))
    i, count = 0, len(wholes)
    while i < count:
        if hints is not None and i and not in_tail:  # skip to the line of the next place a pattern may match
            soonest = min(hint(starts[i]) for hint in hints)
            if soonest >= starts[i + 1]:
                i = bisect_right(starts, soonest, i + 1) - 1
                if i >= count:
                    break
        whole, start = wholes[i], starts[i]
        i += 1
        full = len(whole)
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
            hit = _line_hit(line, size, tail, (), None, start, upcoming_tail, breaks_tail) if tail is not None else None
            if hit:
                in_tail = True
                edits.append(Edit(start, start + full, "", hit[0].kind))
                continue
            hit = _line_hit(line, size, lines, line_free, skips, start, upcoming_line, breaks_line)
            if hit and hit[0].kind == "menu" and not _BAR.search(line) and ocr_spaced(text):
                hit = None  # words between spaces in an OCR-spaced document are its running text, not a menu
            if hit:
                row, m = hit
                if row.action == "remove" and not (spam and "。" in stripped):  # a sentence: only flag
                    edits.append(Edit(start, start + full, "", row.kind))
                else:
                    edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful"))
                continue
            if spaced_digits.within(start, start + len(line)) and _SPACED_DIGITS.search(line):  # an OCR-spaced page number (— 1 1 —) is the same line unspaced
                squeezed = _SPACED_DIGITS.sub("", line)
                hit = _line_hit(squeezed, len(squeezed.strip()), lines, unspaced_free)
                if hit and hit[0].action == "remove" and not (spam and "。" in stripped):
                    edits.append(Edit(start, start + full, "", hit[0].kind))
                    continue
        elif spam and not skips.none_in(start, start + len(line)):
            for row in line_free:  # spam-like words inside a long content line: flag only
                if not skips.may_match(row, start, start + len(line)):
                    continue
                m = row.regex.search(line)
                if m and m.end() > m.start():
                    edits.append(Edit(start + m.start(), start + m.end(), m.group(), f"flag:{row.kind}:doubtful spam"))
                    break
        if upcoming_fragment is not None and upcoming_fragment.within(start, start + len(line)) \
                and any_fragment.search(line):
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
