"""The cleaner's fixers as they were before the cleanfix speed pass: the oracles of
tests/test_cleanfix_{boilerplate,fixers,punct}.py. Only what the pass changed is kept here: the former
version of each pattern and function it changed (a fixer whose code changed, whole). A fixer whose code
is unchanged but which used a changed pattern or function is its current code run with the former one
(``_with_former``); everything else is imported from djtext.clean."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter
from types import FunctionType, ModuleType

from djtext.clean import fix_boilerplate as current_boilerplate
from djtext.clean import fix_html, fix_ocr, fix_punct, fix_script
from djtext.clean.chars import CN_PUNCT, HAN
from djtext.clean.fix_boilerplate import (_BAR, _ONLY_SEPARATORS, _SENTENCE, _SPACED_DIGITS, BoilerplatePattern, _may_match,
                                          _trigger_of)
from djtext.clean.fix_markdown import _BOLD, _EMPHASIS_RULE, _HEADING, _PLACEHOLDER, _STRAY_STARS, _TRAILING_HASHES, _line_spans
from djtext.clean.fix_punct import (_AFTER_CHINESE, _CONVERTIBLE, _HAN_RE, _LONE_CLOSE, _LONE_OPEN, _PAREN_PAIR, _PERIOD,
                                    _QUOTE_CHARS, _SIMPLE_OTHER, _WIDE_TABLE, _neighbours)
from djtext.clean.fix_script import TRADITIONAL_SHARE, _traditional_chars, convert_t2s, traditional_share
from djtext.clean.fix_spacing import ocr_spaced
from djtext.clean.fix_whitespace import _NEWLINES, _SPACE_RUN, _TRAILING
from djtext.models import Edit
from djtext.text import longest_first


def _with_former(module: ModuleType, **former) -> dict[str, object]:
    """The names of ``module``, its functions rebound to run their current code with the globals in
    ``former`` at their former values (for a fixer whose code is unchanged but whose patterns changed)."""
    namespace = {**vars(module), **former}
    for name, value in vars(module).items():
        if isinstance(value, FunctionType) and value.__module__ == module.__name__ and name not in former:
            namespace[name] = FunctionType(value.__code__, namespace, name, value.__defaults__, value.__closure__)
    return namespace


# fix_html: the entity patterns started with a lookahead (the rest of the module is unchanged)
_ENTITY = re.compile(  # the leading lookahead only speeds up the scan (every alternative starts with & or a-z)
    r"(?=[&a-z])(?:"
    r"&(?:amp;)+(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:nbsp|amp|quot|lt|gt)(?![A-Za-z0-9;])"
    r"|(?:" + "|".join(fix_html._DISTINCT_BARE) + r");"
    r"|(?<![A-Za-z&])(?:" + "|".join(fix_html._SHORT_BARE) + r");)"
)
_CUT_LEFT = re.compile(  # the leading lookahead only speeds up the scan
    r"(?m)(?=[&A-Za-z])(&#?[A-Za-z0-9]{0,8}|(?<![A-Za-z&])[A-Za-z][A-Za-z0-9]{0,7})[ \t\u3000]*$")
fix_html_entities = _with_former(fix_html, _ENTITY=_ENTITY, _CUT_LEFT=_CUT_LEFT)["fix_html_entities"]


# fix_markdown: spans were tested by a linear scan, rules searched for in the whole text
def fix_markdown(text: str) -> list[Edit]:
    """Remove markdown markup, keeping headings (``mark:heading``) and bold spans (``mark:bold``)."""
    if "#" not in text and "*" not in text and "_" not in text and "-" not in text:
        return []
    edits: list[Edit] = []
    # a heading or trailing-hash match lies within one line that has a #: only those lines are scanned
    hash_lines = _line_spans(text, "#")
    for m in (m for start, end in hash_lines for m in _HEADING.finditer(text, start, end)):
        hashes = m.group(1)
        if not m.group(2):
            edits.append(Edit(m.start(), m.end(), "", "markdown heading (empty)"))
            continue
        edits.append(Edit(m.start(), m.start(2), "", "markdown heading"))
        end = m.end(2)
        if m.end() > end:
            edits.append(Edit(end, m.end(), "", "markdown heading"))
        edits.append(Edit(m.start(2), end, m.group(2), f"mark:heading:{len(hashes)}"))
    for m in (m for start, end in hash_lines for m in _TRAILING_HASHES.finditer(text, start, end)):
        if not any(e.start <= m.start() < e.end for e in edits if not e.note.startswith("mark:")):
            edits.append(Edit(m.start(), m.end(), "", "markdown stray #"))
    used = [(e.start, e.end) for e in edits if not e.note.startswith("mark:")]
    used += [(m.start(), m.end()) for m in (_PLACEHOLDER.finditer(text) if "**" in text else ())]
    for m in (_BOLD.finditer(text) if "**" in text or "__" in text else ()):
        if "\n\n" in m.group(2) or len(m.group(2)) > 400:
            continue
        if any(s < m.end() and m.start() < e for s, e in used):
            continue
        edits.append(Edit(m.start(1), m.end(1), "", "markdown bold"))
        edits.append(Edit(m.start(2), m.end(2), m.group(2), "mark:bold:0"))
        edits.append(Edit(m.end(2), m.end(), "", "markdown bold"))
    taken = [(e.start, e.end) for e in edits if not e.note.startswith("mark:")]
    taken += [span for span in used if span not in taken]
    for m in (_STRAY_STARS.finditer(text) if "**" in text else ()):
        if not any(s <= m.start() < e for s, e in taken):
            edits.append(Edit(m.start(), m.end(), "", "markdown stray **"))
    rules = "---" in text or "***" in text or "___" in text
    for m in (_EMPHASIS_RULE.finditer(text) if rules else ()):
        if not any(s <= m.start() < e for s, e in taken):
            edits.append(Edit(m.start(), m.end(), "", "markdown rule"))
    return edits


# fix_ocr: the junk class did not list the Han block and ASCII alphanumerics, the run was x x x x*
_JUNK = r"[^\s\w，。、；：？！“”‘’（）《》【】…—·%％.,:;()\-+/]"
_SYMBOL_JUNK = re.compile(_JUNK * 3 + _JUNK + "*")  # three or more
fix_ocr_garbage = _with_former(fix_ocr, _SYMBOL_JUNK=_SYMBOL_JUNK)["fix_ocr_garbage"]


# fix_script: full-width runs were x+, the Traditional share was always counted over the whole text
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
fix_fullwidth_ascii = _with_former(fix_script, _FULLWIDTH_ALNUM=_FULLWIDTH_ALNUM)["fix_fullwidth_ascii"]


def fix_t2s_auto(text: str) -> list[Edit]:
    """Convert Traditional to Simplified when the document is mostly Traditional."""
    if _traditional_chars().search(text) is None:
        return []  # no Traditional-only character at all (the usual case): the share is 0
    if traditional_share(text) < TRADITIONAL_SHARE:
        return []
    return convert_t2s(text)


# fix_whitespace: the layout had no quick return when nothing inside the text is to be laid out
def fix_layout(text: str) -> list[Edit]:
    """One paragraph per line: strip line edges, collapse runs of spaces, drop blank lines."""
    lead_end = len(text) - len(text.lstrip())  # (str.strip's whitespace is the regex \s)
    trail_start = max(len(text.rstrip()), lead_end)
    edits = []
    if lead_end:
        edits.append(Edit(0, lead_end, "", "document edge"))
    if trail_start < len(text):
        edits.append(Edit(trail_start, len(text), "", "document edge"))
    for m in _TRAILING.finditer(text, lead_end, trail_start):
        if m.start() and text[m.start() - 1] != "\n":  # spaces on a blank line go with the blank line
            edits.append(Edit(m.start(), m.end(), "", "line edges"))
    for m in _NEWLINES.finditer(text, lead_end, trail_start):
        edits.append(Edit(m.start() + 1, m.end(), "", "blank lines and line edges"))
    for m in _SPACE_RUN.finditer(text, lead_end, trail_start):
        start, end = m.start(), m.end()
        if text[start - 1] != "\n" and end < trail_start and text[end] != "\n":
            edits.append(Edit(start, end, " ", "repeated spaces"))
    return edits


# fix_punct: Chinese context was the class _CJK_RE, rounds worked on Edit objects, _DOTS began with a lookahead
_CJK = f"{HAN}{re.escape(CN_PUNCT)}"
_SIMPLE_AFTER_CHINESE = re.compile(rf"[,;:?!](?<=[{_AFTER_CHINESE}][,;:?!])[,;:?!]*")  # (no group around it)
_CJK_RE = re.compile(rf"[{_CJK}]")
_DOTS = re.compile(r"(?=[.。…])(?:\.{3,6}|。{3,6}|…+)")  # the lookahead only speeds up the scan
_START = attrgetter("start")


def _apply(text: str, edits: list[Edit]) -> str:
    pieces, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        pieces += [text[pos:e.start], e.replacement]
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _bracket_edits(text: str) -> list[Edit]:
    """Half-width brackets in Chinese context: pairs whose content or surroundings are Chinese, lone ones next to Han."""
    edits: list[Edit] = []
    taken: set[int] = set()
    for m in _PAREN_PAIR.finditer(text):
        inner = m.group(1)
        before, after = _neighbours(text, m.start(), m.end())
        if _HAN_RE.search(inner) or _CJK_RE.match(before or " ") or _CJK_RE.match(after or " "):
            edits.append(Edit(m.start(), m.start() + 1, "（", "half-width bracket"))
            edits.append(Edit(m.end() - 1, m.end(), "）", "half-width bracket"))
            taken.update((m.start(), m.end() - 1))
    for m in _LONE_OPEN.finditer(text):
        if m.start() not in taken and _HAN_RE.match(_neighbours(text, m.start(), m.end())[1] or " "):
            edits.append(Edit(m.start(), m.end(), "（", "half-width bracket"))
    for m in _LONE_CLOSE.finditer(text):
        if m.start() not in taken and _HAN_RE.match(_neighbours(text, m.start(), m.end())[0] or " "):
            edits.append(Edit(m.start(), m.end(), "）", "half-width bracket"))
    return edits


def _width_edits(text: str) -> list[Edit]:
    """One round of same-length conversions (brackets, , ; : ? !, full stops) judged on ``text``."""
    # (quick tests first: brackets need a bracket, the runs one of , ; : ? !)
    edits = _bracket_edits(text) if "(" in text or ")" in text else []
    simple = "," in text or ";" in text or ":" in text or "?" in text or "!" in text
    note = "half-width punctuation"
    if simple:
        edits += [Edit(m.start(), m.end(), m.group().translate(_WIDE_TABLE), note)
                  for m in _SIMPLE_AFTER_CHINESE.finditer(text)]
    for m in _SIMPLE_OTHER.finditer(text) if simple else ():
        run = m.group()
        start, end = m.start(), m.end()
        before, after = _neighbours(text, start, end)
        if not (_CJK_RE.match(before or " ") or _CJK_RE.match(after or " ")
                or before in _QUOTE_CHARS or after in _QUOTE_CHARS):
            continue  # (an ASCII quote next to it becomes a Chinese quote later)
        if run in (",", ":") and before.isdigit() and after.isdigit():
            continue  # 1,000 and 13:00 stay
        if run[-1] == ":" and after == "/":
            continue  # a URL scheme
        edits.append(Edit(start, end, run.translate(_WIDE_TABLE), "half-width punctuation"))
    for m in _PERIOD.finditer(text):
        if m.start() and _HAN_RE.match(text[m.start() - 1]):
            edits.append(Edit(m.start(), m.end(), "。", "half-width full stop"))
    return edits


def _open_lines(text: str, edits: list[Edit]) -> list[tuple[int, int]]:
    """The lines of ``text`` that hold one of ``edits`` and still a character a next round could convert.

    Every judgement of _width_edits looks only within the line, so a line the last round did not
    change gives the next round nothing new: only these lines need to be judged again."""
    spans: list[tuple[int, int]] = []
    line_end = -1
    for edit in sorted(edits, key=_START):
        if edit.start <= line_end:
            continue  # on the line just taken
        line_start = text.rfind("\n", 0, edit.start) + 1
        line_end = text.find("\n", edit.start)
        if line_end < 0:
            line_end = len(text)
        if _CONVERTIBLE.search(text, line_start, line_end):
            spans.append((line_start, line_end))
    return spans


def _width_edits_on_lines(text: str, spans: list[tuple[int, int]]) -> list[Edit]:
    """_width_edits judged line by line over ``spans`` (the same edits it finds on those lines of ``text``)."""
    return [Edit(e.start + start, e.end + start, e.replacement, e.note)
            for start, end in spans for e in _width_edits(text[start:end])]


def fix_punctuation_width(text: str) -> list[Edit]:
    """Half-width ``, ; : ? ! ( ) .`` and ``...`` in Chinese context to ``，；：？！（）。……``."""
    probe = text
    rounds: list[list[Edit]] = []
    round_edits = []
    for round_no in range(4):  # a converted mark makes its neighbours Chinese context: iterate to a fixed point
        proposed = _width_edits(probe) if round_no == 0 else _width_edits_on_lines(probe, _open_lines(probe, round_edits))
        round_edits = [e for e in proposed if e.replacement != probe[e.start:e.end]]
        if not round_edits:
            break
        rounds.append(round_edits)
        probe = _apply(probe, round_edits)
    if len(rounds) == 1:
        edits = rounds[0]
    else:  # one edit per run of consecutive changed characters (all edits keep the length: one coordinate system)
        edits = []
        runs: list[list[int]] = []
        for start, end in sorted((e.start, e.end) for round_edits in rounds for e in round_edits):
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        for i, end in runs:
            note = "half-width bracket" if text[i] in "()" else "half-width punctuation"
            edits.append(Edit(i, end, probe[i:end], note))
    size = len(text)
    if not ("..." in probe or "。。。" in probe or "…" in probe):
        return edits  # nothing _DOTS could match (a quick test before the slower regex scan)
    for m in _DOTS.finditer(probe):
        if m.group()[0] == "…" and len(m.group()) > 1:
            continue  # …… (or a longer run) is already Chinese
        before = probe[m.start() - 1] if m.start() else ""
        after = probe[m.end()] if m.end() < size else ""
        if m.group()[0] in "…。" or _CJK_RE.match(before or " ") or _CJK_RE.match(after or " "):
            edits.append(Edit(m.start(), m.end(), "……", "ellipsis"))
    return edits


def _pair_quotes(line: str, offset: int, regex: re.Pattern[str], open_q: str, close_q: str,
                 openers: str, closers: str) -> list[Edit]:
    edits = []
    is_open = False
    for m in regex.finditer(line):
        char = m.group()
        before = line[m.start() - 1] if m.start() else ""
        after = line[m.end()] if m.end() < len(line) else ""
        if char in openers:
            new, is_open = open_q, True
        elif char in closers:
            new, is_open = close_q, False
        else:  # ambiguous ASCII quote: by position, unless it sits inside a Latin word (it's, 5'6")
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue
            if not (_CJK_RE.match(before or "x") or _CJK_RE.match(after or "x") or char == '"'):
                continue
            new = close_q if is_open else open_q
            is_open = not is_open
        if new != char:
            edits.append(Edit(offset + m.start(), offset + m.end(), new, "quote"))
    return edits


def _fix_quotes_line_by_line(text: str) -> list[Edit]:
    """fix_quotes as it was before it searched the text for the lines to pair (it searched every line)."""
    if not fix_punct._NON_CANONICAL_QUOTE.search(text):
        return []
    edits: list[Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if fix_punct._NON_CANONICAL_QUOTE.search(line) and fix_punct._HAS_HAN.search(line):
            if fix_punct._DOUBLE.search(line):
                edits.extend(_pair_quotes(line, pos, fix_punct._DOUBLE, "“", "”", "“「〝", "”」〞"))
            if fix_punct._SINGLE.search(line):
                edits.extend(_pair_quotes(line, pos, fix_punct._SINGLE, "‘", "’", "‘『", "’』"))
        pos += len(line)
    return edits


fix_quotes = _fix_quotes_line_by_line


# fix_boilerplate: the scanner before the line skipping (it reads the current patterns, its own way;
# fix_boilerplate and fix_spam, unchanged, call its _scan)
@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    """The current patterns, the triggers of those starting with ^ left out (this scanner had none)."""
    return tuple(replace(p, triggers=()) if p.anchored else p for p in current_boilerplate.boilerplate_patterns())


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


_scanners = _with_former(current_boilerplate, _scan=_scan)
fix_boilerplate, fix_spam = _scanners["fix_boilerplate"], _scanners["fix_spam"]
