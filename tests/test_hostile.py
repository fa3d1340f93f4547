"""Hostile inputs: each is read correctly or gives a one-line error, and the rest of the corpus goes through."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import hostile
from djtext.corpus import docx_reader as corpus_module
from djtext.clean import clean_text
from djtext.cli import app
from djtext.corpus import iter_files, read_document, safe_name
from djtext.pipeline import run_corpus

SENTENCE = hostile.SENTENCE


def _one_line_error(doc) -> str:
    assert doc.error and "\n" not in doc.error
    return doc.error


def test_zip_bomb_docx_is_refused_before_inflating(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "MAX_DOCX_INFLATED", 4 * 2**20)
    monkeypatch.setattr(corpus_module, "MIN_RATIO_CHECK", 2**20)
    path = hostile.zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=6 * 2**20)
    assert "zip bomb" in _one_line_error(read_document(path))


def test_ratio_alone_refuses_a_bomb_under_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "MIN_RATIO_CHECK", 2**20)
    path = hostile.zip_bomb_docx(tmp_path / "bomb.docx", inflated_bytes=3 * 2**20)  # blanks: ~1000-fold
    assert "zip bomb" in _one_line_error(read_document(path))


def test_ordinary_docx_still_reads(tmp_path):
    doc = read_document(hostile.small_docx(tmp_path / "ok.docx"))
    assert not doc.error and doc.text.count(SENTENCE) == 2


def test_encrypted_and_truncated_pdfs_are_one_line_errors(tmp_path):
    pytest.importorskip("reportlab")
    assert "password" in _one_line_error(read_document(hostile.encrypted_pdf(tmp_path / "enc.pdf")))
    assert "pdf" in _one_line_error(read_document(hostile.truncated_pdf(tmp_path / "cut.pdf"))).lower()
    owner_only = read_document(hostile.owner_only_pdf(tmp_path / "owner.pdf"))
    assert not owner_only.error and "党建品牌" in owner_only.text


def test_deeply_nested_html_is_read(tmp_path):
    doc = read_document(hostile.nested_html(tmp_path / "deep.html", depth=20_000))
    assert not doc.error and SENTENCE in doc.text


def test_single_line_html_is_read_whole(tmp_path):
    doc = read_document(hostile.single_line_html(tmp_path / "one.html", size=200_000))
    assert not doc.error and doc.text.count(SENTENCE) > 1000


def test_special_files_are_named_errors_and_never_block(tmp_path):
    made = hostile.special_files(tmp_path)
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    listed = {p.name for p in iter_files(tmp_path)}
    assert {"pipe.txt", "loop_a.txt", "broken.txt", "inner.txt", "good.txt"} <= listed
    assert "folder.txt" not in listed  # a folder named *.txt is walked into, not read
    assert "FIFO" in _one_line_error(read_document(made["fifo"]))
    assert "symbolic links" in _one_line_error(read_document(made["symlink_loop"]))
    assert "broken symbolic link" in _one_line_error(read_document(made["broken_link"]))
    assert "folder" in _one_line_error(read_document(made["folder"]))
    result = run_corpus(tmp_path, cache=tmp_path.parent / "cache")
    failed = {rel for rel, _ in result.errors}
    assert failed == {"pipe.txt", "loop_a.txt", "loop_b.txt", "broken.txt"}
    documents = result.tables["documents"].set_index("doc")
    assert documents.loc["good.txt", "chars_clean"] > 0 and documents.loc["folder.txt/inner.txt", "chars_clean"] > 0


def test_odd_file_names_come_out_printable(tmp_path):
    paths = hostile.odd_named_files(tmp_path)
    result = run_corpus(tmp_path)
    assert not result.errors
    names = result.tables["documents"]["doc"].tolist()
    assert len(names) == len(paths)
    assert all(name.isprintable() for name in names)
    assert "new\\nline.txt" in names and "with space.txt" in names and "gbk_\\xd5\\xfe\\xd0\\xad.txt" not in names
    assert any(name.startswith("gbk_\\xd5\\xfe") for name in names)
    out = tmp_path.parent / "out"
    cli = CliRunner().invoke(app, ["extract", str(tmp_path), "--out", str(out), "--no-cache", "-q"], catch_exceptions=False)
    assert cli.exit_code == 0, cli.stderr
    assert len(pd.read_csv(out / "documents.csv", encoding="utf-8-sig")) == len(paths)


def test_safe_name():
    assert safe_name("a b.txt") == "a b.txt"
    assert safe_name("a\nb\t.txt") == "a\\nb\\t.txt"
    assert safe_name(os.fsdecode(b"\xff.txt")) == "\\xff.txt"
    assert safe_name("x\u202eevil.txt") == "x\\u202eevil.txt"


def test_control_and_bidi_characters_are_removed_with_a_record(tmp_path):
    doc = read_document(hostile.control_and_bidi_text(tmp_path / "ctrl.txt"))
    cleaned = clean_text(doc.text)
    for ch in "\u202e\u202c\u2066\u2069\u200f\u200b\x07\x08\x1b\ufeff":
        assert ch not in cleaned.text
    assert "党建品牌" in cleaned.text and "“三会一课”" in cleaned.text
    removed = {fix.before for fix in cleaned.fixes}
    assert {"\u202e", "\u2066", "\x07"} <= {ch for before in removed for ch in before}


@pytest.mark.parametrize("kind", sorted(hostile.PATHOLOGICAL_RUNS))
def test_pathological_runs_give_a_correct_read(tmp_path, kind):
    (tmp_path / "run.txt").write_text(hostile.pathological_text(kind, 3_000), encoding="utf-8")
    result = run_corpus(tmp_path)
    assert not result.errors
    brands = result.tables["brands"]
    found = brands[brands["name"] == "同心议事"]
    assert len(found) == 1  # one row per (unit, name) ...
    assert int(found["mentions"].iloc[0]) == 2  # ... and both sentences around the run are still read
