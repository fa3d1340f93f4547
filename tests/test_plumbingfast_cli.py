"""cli.app.LazyConsole: rich loaded on first use; a plain line is written exactly as rich would print it."""
from __future__ import annotations

import io
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from djtext.cli.app import LazyConsole


def rich_line(message: str, **options) -> str:
    """What a rich Console prints for ``print(message, highlight=False, soft_wrap=True)``."""
    buffer = io.StringIO()
    Console(file=buffer, **options).print(message, highlight=False, soft_wrap=True)
    return buffer.getvalue()


def lazy_line(message: str, monkeypatch) -> str:
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    LazyConsole(stderr=True).print_line(message)
    return buffer.getvalue()


MESSAGES = [
    "120 of 120 documents extracted; 7 tables written to results",
    "3 of 4 documents extracted (1 from cache); 2 duplicates left out (see duplicate_of); 7 tables written to /tmp/结果 目录",
    "1 of 1 documents extracted; 7 tables written to out [bold]x[/]",  # markup: through rich
    "emoji :smile: here",  # emoji code: through rich
    "tab\there",  # a tab: through rich
    "5 of 5 documents extracted; 7 tables written to " + "/很长的路径/segment" * 30,  # longer than the width
]


def test_summary_lines_print_as_rich_prints_them(monkeypatch):
    for message in MESSAGES:
        assert lazy_line(message, monkeypatch) == rich_line(message, stderr=True, width=80), message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",)), st.sampled_from(" ;()/[]:结果"))))
def test_any_line_prints_as_rich_prints_it(message):
    buffer = io.StringIO()
    saved, sys.stderr = sys.stderr, buffer
    try:
        LazyConsole(stderr=True).print_line(message)
    finally:
        sys.stderr = saved
    assert buffer.getvalue() == rich_line(message, stderr=True, width=80)
    if message.isprintable() and "[" not in message and ":" not in message:
        assert buffer.getvalue() == rich_line(message, stderr=True, width=80, force_terminal=True, color_system="truecolor")


def test_console_is_made_on_first_use_only():
    lazy = LazyConsole(stderr=True)
    assert lazy._console is None
    assert lazy.stderr is True and lazy._console is not None
