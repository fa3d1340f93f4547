"""End-to-end tests of the `clean` and `extract` commands (typer's CliRunner)."""
from __future__ import annotations

import shared_paths as _shared
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from djtext import __version__
from djtext.cli import app
from djtext.schema import columns

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED_CORPUS = _shared.CORPUS
needs_shared = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the project")

runner = CliRunner()


def run(*args: str):
    """Invoke the CLI and return the result (stdout and stderr kept apart)."""
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_version_and_help():
    assert __version__ in run("--version").stdout
    help_text = run("--help").stdout
    for command in ("clean", "extract"):
        assert command in help_text


def test_clean_single_file_to_stdout(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("政协 党组 坚持 “ 三会一课 ” 制度 , 打造 品牌 。\n", encoding="utf-8")
    result = run("clean", str(source), "-q")
    assert result.exit_code == 0
    assert "政协党组坚持“三会一课”制度，打造品牌。" in result.stdout
    assert source.read_text(encoding="utf-8").startswith("政协 党组")  # input untouched


def test_clean_folder_writes_same_relative_paths(tmp_path):
    corpus = tmp_path / "in"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "b.txt").write_text("第一段 , 内容 。\n", encoding="utf-8")
    (corpus / "c.txt").write_text("第二段。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("clean", str(corpus), "--out", str(out), "--explain")
    assert result.exit_code == 0
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8").strip() == "第一段，内容。"
    assert (out / "c.txt").exists()
    assert "ALL" in result.stderr  # the explanation has a total


def test_clean_several_files_without_out_is_a_usage_error(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("内容。", encoding="utf-8")
    result = run("clean", str(tmp_path))
    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_clean_missing_path_is_a_usage_error(tmp_path):
    result = run("clean", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr


def test_clean_bad_file_is_named_and_the_rest_goes_through(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("政协党组坚持学习。", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = run("clean", str(corpus), "--out", str(out), "-q")
    assert result.exit_code == 1
    assert (out / "good.txt").exists()
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2
    assert any("empty.txt" in line for line in failed) and any("binary.txt" in line for line in failed)


def test_clean_json_records(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("政协 党组 。", encoding="utf-8")
    result = run("clean", str(source), "--json")
    record = json.loads(result.stdout.strip().splitlines()[0])
    assert record["text"] == "政协党组。"
    assert record["encoding"]


def _read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{table}.csv", encoding="utf-8-sig")


def test_extract_sample_corpus(tmp_path):
    out = tmp_path / "results"
    result = run("extract", str(RAW), "--out", str(out), "--no-cache")
    assert result.exit_code == 0, result.stderr
    for table in ("documents", "units", "brands", "formulations", "slogans", "lists", "practices"):
        raw_bytes = (out / f"{table}.csv").read_bytes()
        assert raw_bytes.startswith(b"\xef\xbb\xbf"), table  # Excel-friendly BOM
        frame = _read(out, table)
        assert list(frame.columns) == columns(table)
    documents = _read(out, "documents")
    from djtext.corpus import iter_files

    assert len(documents) == len(iter_files(RAW)) >= 6
    assert documents["error"].isna().all()
    brands = _read(out, "brands")
    assert len(brands) > 0
    assert brands["province"].notna().mean() > 0.8


def test_extract_provenance_points_into_the_raw_file(tmp_path):
    out = tmp_path / "results"
    run("extract", str(RAW), "--out", str(out), "--no-cache", "-q")
    brands = _read(out, "brands")
    from djtext.corpus import read_document

    for row in brands.head(20).to_dict("records"):
        raw = read_document(RAW / row["doc"], RAW).text
        span = raw[int(row["raw_start"]):int(row["raw_end"])]
        assert raw.count("\n", 0, int(row["raw_start"])) + 1 == int(row["line"])
        name_chars = {c for c in str(row["name"]) if "\u4e00" <= c <= "\u9fff"}
        # OCR spacing, wraps and script conversion may sit in between, but most characters survive
        assert name_chars and len(name_chars & set(span)) >= 0.5 * len(name_chars) or "(" in span


def test_extract_never_overwrites_input(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("政协党组。", encoding="utf-8")
    result = run("extract", str(source), "--out", str(source))
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == "政协党组。"


@needs_shared
def test_extract_shared_corpus(tmp_path):
    out = tmp_path / "results"
    result = run("extract", str(SHARED_CORPUS), "--out", str(out), "--no-cache", "-q")
    assert result.exit_code == 0, result.stderr
    brands = _read(out, "brands")
    assert set(brands["doc"]) >= {p.name for p in SHARED_CORPUS.iterdir() if p.name.startswith(("000", "001", "004"))}
    units = _read(out, "units")
    assert units["province"].notna().mean() > 0.8


@pytest.mark.parametrize("inside", [False, True])
def test_clean_out_in_the_input_folder_is_refused_up_front(tmp_path, inside):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text("政协 党组 。", encoding="utf-8")
    out = corpus / "cleaned" if inside else corpus
    result = run("clean", str(corpus), "--out", str(out), "-q")
    assert result.exit_code == 2
    assert "input folder" in result.stderr and "cleaned into" not in result.stderr
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "政协 党组 。"
    assert not (corpus / "cleaned").exists()


def test_clean_refused_files_are_not_counted_as_cleaned(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("政协 党组 。", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>政协 党组 。</p></body></html>", encoding="utf-8")
    result = run("clean", str(source), str(tmp_path / "b.html"), "--out", str(tmp_path), "-q")
    assert result.exit_code == 1
    assert "1 of 2 files cleaned" in result.stderr
    assert "a.txt" in result.stderr and "never overwritten" in result.stderr
    assert source.read_text(encoding="utf-8") == "政协 党组 。"
