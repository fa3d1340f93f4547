"""Spreadsheet-safe text cells: a value that Excel or LibreOffice would run as a formula is defused.

A CSV or XLSX cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (also after leading blanks), or with
a tab or line break, is read as a formula by spreadsheet programs, so a file name such as
``=HYPERLINK(...).txt`` or a brand quoted from a hostile page could run when a user opens the
results (CSV injection). ``safe_cell`` prefixes such text with an apostrophe, the OWASP
recommendation; ``unsafe_cell`` undoes it exactly, so djtext's own loaders read back the original.
A value that itself starts with an apostrophe gets one more, which keeps the mapping reversible.
"""
from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
QUOTE = "'"


def needs_quote(value: str) -> bool:
    """True when a spreadsheet would read ``value`` as a formula (or it already starts with the quote)."""
    return value.startswith(QUOTE) or value.lstrip(" \t\r\n").startswith(FORMULA_STARTS[:4]) or value.startswith(FORMULA_STARTS)


def safe_cell(value):
    """``value`` with an apostrophe in front when it is text a spreadsheet would run; anything else as is."""
    if isinstance(value, str) and needs_quote(value):
        return QUOTE + value
    return value


def unsafe_cell(value):
    """The original of a ``safe_cell`` value (one leading apostrophe removed from text)."""
    if isinstance(value, str) and value.startswith(QUOTE):
        return value[1:]
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns went through ``safe_cell`` (numbers, booleans untouched)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(safe_cell, na_action="ignore")
    return out


def unsafe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns went through ``unsafe_cell`` (the inverse of ``safe_frame``)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(unsafe_cell, na_action="ignore")
    return out
