"""RESULTS folders never mislead: the manifest lists one run, stale tables go, modes, safe cells."""
from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest

from djtext.analysis.tables import is_results_folder, load_results, results_format
from djtext.export import write_tables
from djtext.pipeline import extract_corpus
from djtext.results_folder import (
    DATAPACKAGE, TableWriter, atomic_write_bytes, safe_cell, unsafe_cell,
)

SENTENCE = "政协党组坚持“三会一课”制度，打造“同心圆”党建品牌。"
HOSTILE = ["=HYPERLINK(\"http://example.invalid\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "普通"]


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "b.txt").write_text("市政协委员开展“委员进社区”活动。", encoding="utf-8")
    return folder


def _manifest(folder: Path) -> dict:
    return json.loads((folder / DATAPACKAGE).read_text(encoding="utf-8"))


def test_rerun_in_another_format_removes_stale_tables_and_keeps_user_files(tmp_path, corpus):
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    extract_corpus(corpus, out)
    (out / "practice_clusters.csv").write_text("cluster\nx\n", encoding="utf-8")  # an old cluster run
    (out / "notes.csv").write_text("mine\n", encoding="utf-8")
    (out / "my_brands.csv").write_text("mine\n", encoding="utf-8")
    summary = extract_corpus(corpus, out, fmt="parquet")
    names = sorted(p.name for p in out.iterdir())
    assert "brands.csv" not in names and "practice_clusters.csv" not in names
    assert {"notes.csv", "my_brands.csv", "brands.parquet", DATAPACKAGE} <= set(names)
    assert {p.name for p in summary.removed} >= {"brands.csv", "practice_clusters.csv"}
    resources = _manifest(out)["resources"]
    assert {r["path"] for r in resources} == {p.name for p in summary.paths}
    assert all(r["format"] == "parquet" for r in resources)
    assert results_format(out) == "parquet"
    assert load_results(out)["formulations"]["text"].tolist() == ["三会一课"]


def test_files_an_old_manifest_lists_are_removed_even_under_other_names(tmp_path, corpus):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old_view.csv").write_text("x\n1\n", encoding="utf-8")
    (out / DATAPACKAGE).write_text(json.dumps({"resources": [{"name": "old_view", "path": "old_view.csv"},
                                                             {"name": "evil", "path": "../outside.csv"}]}))
    (tmp_path / "outside.csv").write_text("keep\n", encoding="utf-8")
    extract_corpus(corpus, out)
    assert not (out / "old_view.csv").exists()
    assert (tmp_path / "outside.csv").exists()


def test_loaders_read_only_what_the_manifest_lists(tmp_path, corpus):
    out = tmp_path / "out"
    extract_corpus(corpus, out, fmt="jsonl")
    (out / "brands.csv").write_text("doc,name\nother.txt,别的品牌\n", encoding="utf-8")  # a stray table
    assert is_results_folder(out)
    brands = load_results(out)["brands"]
    assert "别的品牌" not in brands["name"].tolist()
    assert results_format(out) == "jsonl"


def test_cluster_adds_its_table_to_the_extract_manifest(tmp_path, corpus):
    import pandas as pd

    out = tmp_path / "out"
    extract_corpus(corpus, out)
    write_tables({"practice_clusters": pd.DataFrame({"cluster": ["甲"], "size": [1]})}, out)
    names = {r["name"] for r in _manifest(out)["resources"]}
    assert "practice_clusters" in names and "brands" in names


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_honour_the_umask(tmp_path, corpus, mask, mode):
    old = os.umask(mask)
    try:
        atomic_write_bytes(tmp_path / "one.txt", b"x")
        extract_corpus(corpus, tmp_path / "out")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "one.txt").stat().st_mode) == mode
    for path in (tmp_path / "out").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name


def test_safe_cell_is_exactly_undone():
    for value in HOSTILE + ["", "''", "a=b"]:
        assert unsafe_cell(safe_cell(value)) == value
    assert [safe_cell(v)[0] for v in HOSTILE[:-1]] == ["'"] * 7
    assert safe_cell("普通") == "普通" and safe_cell(3) == 3


def _hostile_rows() -> list[dict]:
    return [{"doc": "a.txt", "name": value, "kind": "品牌", "components": value, "line": i + 1,
             "raw_start": i, "raw_end": i + 1, "context": value} for i, value in enumerate(HOSTILE)]


def test_csv_cells_cannot_start_a_formula_and_read_back_unchanged(tmp_path):
    writer = TableWriter(tmp_path, "csv")
    writer.write({"brands": _hostile_rows()})
    writer.commit()
    with open(tmp_path / "brands.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [row["name"] for row in csv.DictReader(handle)]
    assert all(not cell or cell[0] not in "=+-@\t\r" for cell in cells)
    assert load_results(tmp_path)["brands"]["name"].tolist() == HOSTILE


def test_xlsx_cells_are_text_with_a_frozen_header_and_a_filter(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    writer = TableWriter(tmp_path, "xlsx")
    writer.write({"brands": _hostile_rows()})
    writer.commit()
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx")["brands"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    names = [cell.value for cell in next(sheet.iter_cols(min_col=6, max_col=6, min_row=2))]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert all(not str(v)[0] in "=+-@" for v in names)
    assert load_results(tmp_path)["brands"]["name"].tolist() == HOSTILE


def test_frame_writers_are_formula_safe_too(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"item": HOSTILE})
    write_tables({"view": frame}, tmp_path)
    text = (tmp_path / "view.csv").read_text(encoding="utf-8-sig")
    assert "\n=" not in text and "\n+" not in text and "\n@" not in text
    openpyxl = pytest.importorskip("openpyxl")
    write_tables({"view": frame}, tmp_path / "x", fmt="xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x" / "results.xlsx")["view"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_cli_reports_removed_stale_tables_and_bad_scheduler(tmp_path, corpus, monkeypatch):
    from typer.testing import CliRunner

    from djtext import pipeline

    monkeypatch.setattr(pipeline.engine, "CONNECT_TIMEOUT", "1s")
    from djtext.cli import app

    runner = CliRunner()
    out = tmp_path / "out"
    first = runner.invoke(app, ["extract", str(corpus), "--out", str(out), "--no-cache", "--quiet"])
    assert first.exit_code == 0, first.output
    (out / "practice_clusters.csv").write_text("cluster\nx\n", encoding="utf-8")
    second = runner.invoke(app, ["extract", str(corpus), "--out", str(out), "--no-cache", "--quiet", "--format", "jsonl"])
    assert second.exit_code == 0
    assert "practice_clusters.csv" in second.output and "brands.csv" in second.output
    assert not list(out.glob("*.csv"))
    pytest.importorskip("distributed")
    bad = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "o2"), "--no-cache", "--quiet",
                              "--scheduler", "tcp://127.0.0.1:9"])
    assert bad.exit_code == 2 and "Dask scheduler" in bad.output


def test_temporaries_of_a_killed_run_are_removed_by_the_next(tmp_path, corpus):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".brands.csv.ab12cd34").write_text("half", encoding="utf-8")  # left by kill -9
    (out / ".my_own_hidden").write_text("mine", encoding="utf-8")
    extract_corpus(corpus, out)
    assert not (out / ".brands.csv.ab12cd34").exists()
    assert (out / ".my_own_hidden").exists()
