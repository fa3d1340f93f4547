"""Tests of djtext.evidence: corpus-level support counts on invented rows."""
from __future__ import annotations

import pandas as pd

from djtext.evidence import add_support, item_key, support_counts


def test_item_key_drops_quotes_and_separators():
    assert item_key("“清风·徐来”") == item_key("清风 徐来") == "清风徐来"
    assert item_key(None) == ""


def test_support_counts_distinct_documents():
    table = pd.DataFrame({"doc": ["a.txt", "a.txt", "b.txt", "c.txt"],
                          "text": ["三个甲乙", "三个甲乙", "三个甲乙", "四丙"]})
    assert support_counts(table, "text").tolist() == [2, 2, 2, 1]


def test_add_support_fills_brands_and_formulations():
    tables = {
        "brands": pd.DataFrame({"doc": ["a.txt", "b.txt"], "name": ["清风·徐来", "清风徐来"], "support": [None, None]}),
        "formulations": pd.DataFrame(columns=["doc", "text", "support"]),
        "units": pd.DataFrame({"doc": ["a.txt"], "unit": ["某县政协"]}),
    }
    add_support(tables)
    assert tables["brands"]["support"].tolist() == [2, 2]
    assert tables["formulations"].empty and "support" not in tables["units"]
