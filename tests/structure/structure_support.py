"""Helpers of the structure tests: clean texts built straight from invented strings."""
from __future__ import annotations

from djtext.models import CleanText, Mark


def clean_of(text: str, marks: list[Mark] | None = None) -> CleanText:
    """A clean text equal to its raw text (identity offsets), with optional marks."""
    return CleanText(text=text, offsets=list(range(len(text))), raw=text, marks=marks or [])


def reporting(units):
    """The reporting (not cited) units."""
    return [u for u in units if not u.cited]


def spaced_clean(raw: str) -> CleanText:
    """A clean text without the spaces of ``raw`` (the way the cleaner drops spacing), with offsets."""
    text = raw.replace(" ", "")
    return CleanText(text=text, offsets=[i for i, ch in enumerate(raw) if ch != " "], raw=raw)
