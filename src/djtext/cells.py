"""Spreadsheet-safe text cells: a value that Excel or LibreOffice would run as a formula is defused.

A CSV or XLSX cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (also after leading blanks), or with
a tab or line break, is read as a formula by spreadsheet programs, so a file name such as
``=HYPERLINK(...).txt`` or a brand quoted from a hostile page could run when a user opens the
results (CSV injection). ``safe_cell`` prefixes such text with an apostrophe, the OWASP
recommendation; ``unsafe_cell`` undoes it exactly, so djtext's own loaders read back the original.
A value that itself starts with an apostrophe gets one more, which keeps the mapping reversible.
The cell functions live in ``djtext.results_folder`` (the streamed writers use them); this module
adds their pandas forms for whole frames.
"""
from __future__ import annotations

import pandas as pd

from djtext.results_folder import safe_cell, unsafe_cell  # noqa: F401  (one implementation, used by the writers)


def map_text_columns(frame: pd.DataFrame, convert) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns went through ``convert`` (numbers, booleans untouched)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            out[column] = series.map(convert, na_action="ignore")
    return out


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns went through ``safe_cell``."""
    return map_text_columns(frame, safe_cell)


def unsafe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns went through ``unsafe_cell`` (the inverse of ``safe_frame``)."""
    return map_text_columns(frame, unsafe_cell)
