"""The punctuation fixer's speed-ups change nothing: it proposes what it proposed before them (the
old version is kept as the oracle in _cleanfix_oracles.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import _cleanfix_oracles as old
from djtext.clean import fix_punct

_CHARS = st.sampled_from(list("政协ab1 ,;:?!，。（）“”\"'\n.()…。:/") + ["...", "。。。", "……", "(一)", "1,000", "http://"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_punctuation_width_proposes_what_it_proposed_before(text: str) -> None:
    assert fix_punct.fix_punctuation_width(text) == old.fix_punctuation_width(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_quotes_propose_what_they_proposed_before(text: str) -> None:
    assert fix_punct.fix_quotes(text) == old.fix_quotes(text)


_QUOTE_CHARS = st.sampled_from(list("政协a1 ，。“”‘’\"'＂〝〞「」『』\n\r\x0c\x1e\u2028") + ["\r\n", "it's"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_QUOTE_CHARS, max_size=40).map("".join))
def test_quotes_pair_the_lines_every_line_break_makes(text: str) -> None:
    assert fix_punct.fix_quotes(text) == old.fix_quotes(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(".。…a中")), max_size=20))
def test_dots_find_what_the_lookahead_form_found(text: str) -> None:
    before = re.compile(r"(?=[.。…])(?:\.{3,6}|。{3,6}|…+)")
    assert [m.span() for m in fix_punct._DOTS.finditer(text)] == [m.span() for m in before.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_runs_after_chinese_are_the_regex_runs(text: str) -> None:
    expected = [(m.start(), m.end(), m.group().translate(fix_punct._WIDE_TABLE), "half-width punctuation")
                for m in fix_punct._SIMPLE_AFTER_CHINESE.finditer(text)]
    assert fix_punct._runs_after_chinese(text) == expected


def test_the_sample_documents_get_the_same_punctuation_edits() -> None:
    from pathlib import Path

    for path in sorted(Path("../shared/corpus").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        assert fix_punct.fix_punctuation_width(text) == old.fix_punctuation_width(text), path.name
        assert fix_punct.fix_quotes(text) == old.fix_quotes(text), path.name
