"""Tests of spreadsheet-safe cells (CSV injection): formulas are defused, the original comes back."""
from __future__ import annotations

import pandas as pd
import pytest

from djtext.cells import safe_cell, safe_frame, unsafe_cell, unsafe_frame

HOSTILE = ["=1+1", "+1", "-1+2", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"点我\").txt", "\t=1", "\r=1", "  =1", "\n@x"]
HARMLESS = ["三会一课", "1+3+N", "两个维护", "a=b", "", "中-间", "＝全角"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_text_gets_a_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", HARMLESS)
def test_ordinary_text_is_untouched(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", HOSTILE + HARMLESS + ["'quoted", "''=x", "'"])
def test_unsafe_cell_inverts_safe_cell(value):
    assert unsafe_cell(safe_cell(value)) == value


def test_non_text_values_pass_through():
    for value in (3, -1, 2.5, None, True):
        assert safe_cell(value) == value


def test_safe_frame_touches_text_columns_only():
    frame = pd.DataFrame({"doc": ["=x.txt", "b.txt"], "line": [-1, 2], "name": pd.array(["@a", None], dtype="string")})
    safe = safe_frame(frame)
    assert safe["doc"].tolist() == ["'=x.txt", "b.txt"] and safe["line"].tolist() == [-1, 2]
    assert safe["name"].iloc[0] == "'@a" and pd.isna(safe["name"].iloc[1])
    pd.testing.assert_frame_equal(unsafe_frame(safe), frame)
    assert frame["doc"].iloc[0] == "=x.txt"  # the input is not changed
