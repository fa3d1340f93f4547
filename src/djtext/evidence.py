"""Corpus-level evidence: how many documents of a run name the same brand or formulation.

A name that recurs across documents is more likely a name than a one-off phrase; a local
formulation that several reports use is a shared local formulation. ``add_support`` fills the
``support`` column of the brands and formulations tables (distinct documents of the run with
the same item, compared without quotes, spaces and separators) and leaves the rows otherwise as
they are.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas only where tables are built; the streamed run imports item_key alone
    import pandas as pd

SUPPORT_COLUMNS = {"brands": "name", "formulations": "text"}
_SEPARATORS = re.compile(r"[\s“”‘’「」『』\"'·•・‧.．、，,]+")


def item_key(text: object) -> str:
    """The form two items are compared on across documents (quotes, spaces and separators dropped)."""
    return _SEPARATORS.sub("", str(text)) if isinstance(text, str) else ""


def support_counts(table: "pd.DataFrame", column: str) -> "pd.Series":
    """For each row of ``table``, the number of distinct documents with the same item in ``column``."""
    import pandas as pd

    if table.empty:
        return pd.Series([], dtype="int64", index=table.index)
    keys = table[column].map(item_key)
    docs = table.groupby(keys)["doc"].transform("nunique")
    return docs.astype("int64")


def add_support(tables: dict[str, "pd.DataFrame"]) -> dict[str, "pd.DataFrame"]:
    """Fill the ``support`` column of brands and formulations in place (and return ``tables``)."""
    for table, column in SUPPORT_COLUMNS.items():
        frame = tables.get(table)
        if frame is not None and "support" in frame.columns and column in frame.columns:
            frame["support"] = support_counts(frame, column)
    return tables
