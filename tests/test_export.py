"""Every export format written atomically and read back with pandas, plus datapackage.json."""
from __future__ import annotations

import builtins
import json

import pandas as pd
import pytest

from djtext import export
from djtext.export import ExportError, atomic_write_bytes, write_bundle, write_table, write_tables
from djtext.schema import TABLES, columns
from test_analysis_fixtures import make_tables


def _read(path, fmt, sheet=None):
    if fmt == "csv":
        return pd.read_csv(path, encoding="utf-8-sig")
    if fmt == "jsonl":
        return pd.read_json(path, lines=True)
    if fmt == "parquet":
        return pd.read_parquet(path)
    return pd.read_excel(path, sheet_name=sheet)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_each_format_reads_back_with_the_documented_columns(tmp_path, fmt):
    tables = make_tables()
    paths = write_tables(tables, tmp_path, fmt=fmt)
    for name in ("brands", "practices", "documents", "formulations"):
        path = tmp_path / ("results.xlsx" if fmt == "xlsx" else f"{name}.{fmt}")
        assert path in paths
        frame = _read(path, fmt, sheet=name)
        assert list(frame.columns) == columns(name) or (fmt == "jsonl" and frame.empty)
        assert len(frame) == len(tables[name])
    brands = _read(paths[0] if fmt == "xlsx" else tmp_path / f"brands.{fmt}", fmt, sheet="brands")
    assert brands["name"].tolist() == tables["brands"]["name"].tolist()
    assert brands["line"].tolist() == [3] * 5


def test_csv_has_a_bom_unless_asked_not_to(tmp_path):
    write_tables({"brands": make_tables()["brands"]}, tmp_path / "bom")
    write_tables({"brands": make_tables()["brands"]}, tmp_path / "plain", bom=False)
    assert (tmp_path / "bom" / "brands.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc,")
    assert (tmp_path / "plain" / "brands.csv").read_bytes().startswith(b"doc,")


def test_types_follow_the_schema(tmp_path):
    units = pd.DataFrame([{"doc": "a", "unit": "甲", "level": "county", "cited": "true", "line": "7"},
                          {"doc": "b", "unit": "乙", "level": "city", "cited": False, "line": None}])
    write_tables({"units": units}, tmp_path, fmt="parquet")
    back = pd.read_parquet(tmp_path / "units.parquet")
    assert back["cited"].tolist() == [True, False]
    assert back["line"].tolist()[0] == 7 and pd.isna(back["line"].tolist()[1])


def test_datapackage_lists_every_column_of_every_table(tmp_path):
    write_tables(make_tables(), tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(TABLES)
    for name, resource in resources.items():
        assert resource["path"] == f"{name}.csv" and resource["format"] == "csv"
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == columns(name)
        assert all(f["type"] in {"string", "integer", "boolean", "number"} and f["description"] for f in fields)


def test_datapackage_is_updated_not_replaced(tmp_path):
    write_tables(make_tables(), tmp_path)
    clusters = pd.DataFrame({"cluster": ["甲"], "size": [2]})
    write_tables({"practice_clusters": clusters}, tmp_path)
    names = {r["name"] for r in json.loads((tmp_path / "datapackage.json").read_text())["resources"]}
    assert names == set(TABLES) | {"practice_clusters"}


def test_xlsx_workbook_keeps_other_sheets_when_one_is_rewritten(tmp_path):
    write_tables(make_tables(), tmp_path, fmt="xlsx")
    write_tables({"practice_clusters": pd.DataFrame({"cluster": ["甲"]})}, tmp_path, fmt="xlsx")
    sheets = pd.read_excel(tmp_path / "results.xlsx", sheet_name=None)
    assert set(sheets) == set(TABLES) | {"practice_clusters"}


def test_xlsx_drops_characters_excel_refuses(tmp_path):
    brands = make_tables()["brands"]
    brands.loc[0, "context"] = "控制\x01字符"
    write_tables({"brands": brands}, tmp_path, fmt="xlsx")
    assert pd.read_excel(tmp_path / "results.xlsx", sheet_name="brands")["context"][0] == "控制字符"


def test_unknown_format_and_missing_extras_are_one_line_errors(tmp_path, monkeypatch):
    with pytest.raises(ExportError, match="unknown output format 'xml'"):
        write_tables(make_tables(), tmp_path, fmt="xml")
    real_import = builtins.__import__

    def no_extras(name, *args, **kwargs):
        if name in ("openpyxl", "pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extras)
    with pytest.raises(ExportError, match=r"djtext\[excel\]"):
        write_tables(make_tables(), tmp_path, fmt="xlsx")
    with pytest.raises(ExportError, match=r"djtext\[parquet\]"):
        write_tables(make_tables(), tmp_path, fmt="parquet")


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_single_tables_and_bundles(tmp_path):
    frame = pd.DataFrame({"region": ["浙江省"], "item": ["甲"], "occurrences": [2]})
    write_table("view", frame, tmp_path / "v.jsonl")
    assert pd.read_json(tmp_path / "v.jsonl", lines=True).to_dict("records") == [{"region": "浙江省", "item": "甲", "occurrences": 2}]
    paths = write_bundle({"comparison": frame, "families": frame}, tmp_path / "c.csv")
    assert [p.name for p in paths] == ["c.csv", "c_families.csv"]
    paths = write_bundle({"comparison": frame, "families": frame}, tmp_path / "c.xlsx")
    assert set(pd.read_excel(paths[0], sheet_name=None)) == {"comparison", "families"}
