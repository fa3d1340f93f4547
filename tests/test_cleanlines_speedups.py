"""The speed-ups of the line fixers and of the runner change nothing: each quick path is compared with
the plain version it replaced, kept here as the oracle."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.clean import fix_headers, fix_lines, runner
from djtext.models import Edit

_PROSE = re.compile(r"[，。；]")


def _plain_shape(text: str) -> dict[str, object]:
    """What the line-shape tests were, each one a plain regex or string test."""
    ends = fix_lines._ENDS_SENTENCE.search(text[-6:]) is not None
    open_end = text[-1] in fix_lines._OPEN_END
    inner_stop = len(text) < fix_lines.FRAGMENT_MIN and fix_lines._INNER_STOP.search(text, 0, len(text) - 1) is not None
    return {
        "ends": ends,
        "candidate": not ends and 6 <= len(text) <= fix_lines.WRAP_MAX,
        "strong": fix_lines._STRONG_START.match(text) is not None,
        "listed": fix_lines._LIST_START.match(text) is not None,
        "open_end": open_end,
        "colon_end": text[-1] in ":：",
        "prose": " " not in text and _PROSE.search(text) is not None,
        "titled": fix_lines._NAME_SPACE.search(text) is not None,
        "inner_stop": inner_stop,
        "heading": len(text) <= fix_lines.HEADING_MAX and not ends and not open_end and not inner_stop,
    }


_LINE_CHARS = st.sampled_from(list("政协一二第章（）()1２、是.，,。！？!?；;…”’」』》】\"' ：:—-～+/·①“《a\u3000"))


@settings(max_examples=500, deadline=None)
@given(st.text(_LINE_CHARS, min_size=1, max_size=70).filter(lambda t: t.strip(fix_lines.SPACE) == t))
def test_line_shape_is_the_plain_shape(text: str) -> None:
    line = fix_lines._Line(0, len(text), text, 0, 0)
    assert {name: getattr(line, name) for name in _plain_shape(text)} == _plain_shape(text)


def _plain_wrap_width(lines: list[fix_lines._Line]) -> tuple[float, float, str]:
    """The wrap width as it was measured, with the mode counted over every value."""
    candidates = [ln for ln in lines if ln.candidate]
    if len(candidates) < 4 or len(candidates) < 0.5 * len(lines):
        return 0.0, -1.0, "chars"
    if sum(1 for ln in candidates if ln.before_long) > 0.1 * len(candidates):
        return 0.0, -1.0, "chars"
    best = (0.0, -1.0, "chars")
    best_share = 0.0
    for measure in ("chars", "units"):
        values = sorted([ln.chars for ln in candidates] if measure == "chars" else [ln.units for ln in candidates])
        counts = Counter(values)
        mode, mode_count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        near = bisect_left(values, mode) - bisect_left(values, mode - 2)
        if mode_count >= 0.6 * len(values) and near <= 0.1 * len(values) and mode >= 8:
            width, tol = mode, 0.0
        else:
            width = values[int(0.75 * (len(values) - 1))]
            body = values[bisect_left(values, 0.5 * width):]
            tol = max(1.0, width - body[int(0.1 * (len(body) - 1))])
        share = (bisect_right(values, width + tol) - bisect_left(values, width - tol)) / len(values)
        if tol <= 0.3 * width and share > best_share + 0.05:
            best_share = share
            best = (float(width), float(tol), measure)
        if measure == "chars" and best_share >= 0.75 and best[1] == 0:
            break
    if best_share < 0.6:
        return 0.0, -1.0, "chars"
    return best


_WRAPPED_LINE = st.tuples(st.sampled_from([3, 8, 9, 10, 10, 10, 10, 11, 12, 30, 90]), st.sampled_from(["", "a", "ab", "。", "，"]),
                          st.sampled_from(["", "", " ", "\n"]))


def _document(parts: list[tuple[int, str, str]]) -> str:
    return "\n".join(sep + "政" * size + tail for size, tail, sep in parts)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WRAPPED_LINE, min_size=1, max_size=30))
def test_wrap_width_is_the_plain_measure(parts: list[tuple[int, str, str]]) -> None:
    lines = fix_lines._parse(_document(parts))
    assert fix_lines._wrap_width(lines) == _plain_wrap_width(lines)


def _plain_merge(lines: list[fix_lines._Line], joins: list[bool]) -> list[fix_lines._Line]:
    """Lines merged group by group, every next-line length set again."""
    merged: list[fix_lines._Line] = []
    group: list[fix_lines._Line] = []
    for line, join in zip(lines, joins):
        group.append(line)
        if join:
            continue
        first, last = group[0], group[-1]
        if len(group) == 1:
            merged.append(first)
        else:
            text = first.text
            for a, b in zip(group, group[1:]):
                text += fix_lines._glue(a, b) + b.text
            merged.append(fix_lines._Line(first.start, last.end, text, first.indent, first.blanks_before, last.trail))
        group = []
    for line, nxt in zip(merged, merged[1:]):
        line.before_long = len(nxt.text) > fix_lines.WRAP_MAX
    return merged


def _layout(line: fix_lines._Line) -> tuple[object, ...]:
    return line.start, line.end, line.text, line.indent, line.blanks_before, line.trail, line.chars, line.before_long


@settings(max_examples=400, deadline=None)
@given(st.lists(_WRAPPED_LINE, min_size=1, max_size=20), st.lists(st.booleans(), min_size=20, max_size=20))
def test_merge_is_the_plain_merge(parts: list[tuple[int, str, str]], joins: list[bool]) -> None:
    text = _document(parts)
    lines = fix_lines._parse(text)
    joins = joins[:len(lines) - 1] + [False]
    expected = [_layout(ln) for ln in _plain_merge(fix_lines._parse(text), joins)]
    assert [_layout(ln) for ln in fix_lines._merge(lines, joins)] == expected


_EDIT = st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "x", "“", "\n", "ab", "甲乙丙"]),
                  st.sampled_from(["n", "flag:k:why", "mark:heading:1"]))


def _state(raw: str, first: list[Edit]) -> runner._State:
    state = runner._State(raw, list(range(len(raw))), raw, [], [], [])
    runner.apply_fixer(state, "first", first)  # (offsets that are no longer the identity)
    return state


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("政协ab \n，。")), max_size=30), st.lists(_EDIT, max_size=6),
       st.lists(_EDIT, max_size=12))
def test_edits_applied_in_place_are_the_edits_applied_to_a_copy(raw: str, first: list, edits: list) -> None:
    def to_edits(specs: list, text: str) -> list[Edit]:
        return [Edit(min(s, len(text)), min(s + n, len(text)), r, note) for s, n, r, note in specs]

    results = []
    for limit in (0, 10**6):
        old_limit = runner.IN_PLACE_MAX
        runner.IN_PLACE_MAX = limit
        try:
            state = _state(raw, to_edits(first, raw))
            runner.apply_fixer(state, "second", to_edits(edits, state.text))
        finally:
            runner.IN_PLACE_MAX = old_limit
        results.append((state.text, state.offsets, state.fixes, state.flags, state.raw_marks))
    assert results[0] == results[1]


_HEADER_CHARS = st.sampled_from(list("政协理论研讨12 3\t—-－第页版/·I|丨｜年\n。，"))


@settings(max_examples=500, deadline=None)
@given(st.text(_HEADER_CHARS, min_size=1, max_size=20).filter(lambda t: t.strip() == t and t))
def test_edge_number_quick_test_lets_every_match_through(line: str) -> None:
    if fix_headers._EDGE_NUMBER.search(line):
        assert fix_headers._may_have_edge_number(line)


@settings(max_examples=500, deadline=None)
@given(st.text(_HEADER_CHARS, max_size=60))
def test_shaped_headers_match_at_the_starts_of_separator_lines(text: str) -> None:
    assert fix_headers._has_separator(text) == (fix_headers._ANY_SEPARATOR.search(text) is not None)
    starts = fix_headers._separator_line_starts(text)
    for regex in (fix_headers._SHAPED_NUMBER_AFTER, fix_headers._SHAPED_NUMBER_BEFORE):
        at_starts = [m.span() for m in map(lambda s: regex.match(text, s), starts) if m]
        assert at_starts == [m.span() for m in regex.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("（(第①1一政\n 、。")), max_size=40))
def test_marker_line_starts_are_the_regex_line_starts(text: str) -> None:
    assert fix_lines._marker_line_starts(text) == [m.start() for m in fix_lines._MARKER_LINE_START.finditer(text)]
