"""The cleaner's quicker forms find exactly what the plain ones find (hypothesis, deterministic).

A regex whose first item is a repeat (``x+``, ``x{2,}``) or a lookaround gets no quick scan from
CPython's engine; the fixers write such patterns to start with one plain class (``x x*``) and check
the context with a lookbehind after it. Each test compares a quick form with its plain form."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.clean import fix_boilerplate, fix_html, fix_lines, fix_markdown, fix_ocr, fix_spacing, fix_whitespace
from djtext.clean.chars import HAN, SPACE, ZERO_WIDTH, is_han

_TEXT = st.lists(st.sampled_from(list("政协ab1 2\t\u3000\u00a0\n\r,，。*#_-名?？\ufffd&;ùshp/>") + ["shù", "?/p>"]),
                 max_size=50).map("".join)


def _spans(regex: re.Pattern[str], text: str, *args: int) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(regex.groups + 1)) for m in regex.finditer(text, *args)]


def _same(plain: str, quick: re.Pattern[str], text: str, flags: int = 0) -> None:
    assert _spans(re.compile(plain, flags), text) == _spans(quick, text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_quick_forms_find_what_the_plain_forms_find(text: str) -> None:
    odd = f"\u2028\u2029\x0b\x85\x0c{ZERO_WIDTH}\x00-\x08\x0e-\x1f\x7f\t\u00a0\u2002\u2003\u2009\u200a\u202f\u205f"
    _same(f"\r\n?|[{odd}]+", fix_whitespace._ODD, text)
    _same(rf"[{SPACE}]+(?=\n)", fix_whitespace._TRAILING, text)
    _same(rf"[{SPACE}]{{2,}}", fix_whitespace._SPACE_RUN, text)
    _same(r"(?<=\d)[ \t\u3000]+(?=\d)", fix_boilerplate._SPACED_DIGITS, text)
    _same(rf"[ \t]+[A-Za-z][ \t]+(?=[{HAN}])", fix_ocr._LONE_LETTER, text)
    _same(r"[^\s\w，。、；：？！“”‘’（）《》【】…—·%％.,:;()\-+/]{3,}", fix_ocr._SYMBOL_JUNK, text)
    _same(rf"[{HAN}]+", fix_spacing._HAN_RUN, text)
    _same(r"(?=\*)(?<!\*)\*{2,3}(?!\*)", fix_markdown._STRAY_STARS, text)
    _same(r"(?=\*)(?:(?<=\d)\*{2,}|\*{2,}(?=[名年月日个次项人家位届期号条件万元])|\*{3,})", fix_markdown._PLACEHOLDER, text)
    tone = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
    _same(rf"(?=[?？�\uFFFD])(?:[?？�](?=[a-zü{tone}]*[{tone}])[a-zü{tone}]{{1,6}}(?![A-Za-z])"
          r"|[?？�]/?(?:p|br|div|span|strong|td|tr|li)\s*/?>|\uFFFD+)", fix_html._MOJIBAKE, text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_space_runs_inside_lines_and_han_gaps(text: str) -> None:
    runs = [m.span() for m in re.finditer(f"[{SPACE}]+", text)
            if m.start() and m.end() < len(text) and "\n" not in (text[m.start() - 1], text[m.end()])]
    assert [m.span() for m in fix_spacing._GAP.finditer(text)] == runs
    assert fix_spacing._han_gaps(text) == len(re.findall(f"[{HAN}][{SPACE}]+[{HAN}]", text))
    assert fix_spacing.ocr_spaced(text) == (fix_spacing.spacing_density(text) > fix_spacing.OCR_SPACED_DENSITY)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["工 作 报 告", "政协", " ", "委员", "\n", "协 商", "，", "ab"]), max_size=400).map("".join))
def test_ocr_spacing_decided_early_as_the_density_says(text: str) -> None:
    assert fix_spacing.ocr_spaced(text) == (fix_spacing.spacing_density(text) > fix_spacing.OCR_SPACED_DENSITY)


def test_is_han_is_the_han_class() -> None:
    han = re.compile(f"[{HAN}]")
    assert all(is_han(chr(c)) == bool(han.match(chr(c))) for c in range(0x2000, 0x10000))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_markdown_hash_lines_hold_every_heading(text: str) -> None:
    spans = fix_markdown._line_spans(text, "#")
    for regex in (fix_markdown._HEADING, fix_markdown._TRAILING_HASHES):
        assert [m.span() for start, end in spans for m in regex.finditer(text, start, end)] == \
            [m.span() for m in regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_layout_edges_are_the_regex_edges(text: str) -> None:
    lead = re.match(r"\A\s+", text)
    assert len(text) - len(text.lstrip()) == (lead.end() if lead else 0)
    trail = re.search(r"\s+\Z", text)
    assert len(text.rstrip()) == (trail.start() if trail else len(text))


_LINE_CHARS = st.sampled_from(list("政协一（）1、。！？；，”—:：a "))


@settings(max_examples=400, deadline=None)
@given(st.text(_LINE_CHARS, min_size=1, max_size=70).filter(lambda t: t.strip(SPACE) == t and t))
def test_line_heading_shape_is_the_heading_test(text: str) -> None:
    line = fix_lines._Line(0, len(text), text, 0, 0)
    heading = len(text) <= fix_lines.HEADING_MAX and not line.ends and not fix_lines._CONTINUES.search(text) \
        and not fix_lines._INNER_STOP.search(text[:-1])
    assert line.heading == heading
    if len(text) < fix_lines.FRAGMENT_MIN:
        assert line.inner_stop == (fix_lines._INNER_STOP.search(text, 0, len(text) - 1) is not None)
