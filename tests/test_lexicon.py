"""Tests of user lexicons: a file must extend a built-in lexicon (or be a deliberate terms_* file)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from djtext.cli import app
from djtext.lexicon import LexiconError, builtin_files, load_lexicon


def test_a_file_named_like_a_builtin_lexicon_adds_rows(tmp_path):
    extra = tmp_path / "brand_kinds.csv"
    extra.write_text("term,gloss\n智库,think tank\n", encoding="utf-8")
    assert "智库" in load_lexicon([str(extra)]).column("brand_kinds")


def test_unknown_name_is_an_error_naming_the_file_and_the_known_lexicons(tmp_path):
    extra = tmp_path / "mywords.txt"
    extra.write_text("议事厅\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([str(extra)])
    message = str(info.value)
    assert str(extra) in message and "\n" not in message
    assert "brand_kinds" in message and "formulations" in message and "terms_mywords.txt" in message
    assert "clean_radicals" not in message  # built-in only, not offered


def test_misspelt_name_suggests_the_close_one(tmp_path):
    extra = tmp_path / "formulation.csv"
    extra.write_text("text,category,meaning\n九九归心,test,x\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"did you mean formulations\.csv"):
        load_lexicon([str(extra)])


def test_folder_with_one_unknown_file_is_an_error(tmp_path):
    (tmp_path / "brand_kinds.csv").write_text("term,gloss\n智库,think tank\n", encoding="utf-8")
    (tmp_path / "brand_kind.csv").write_text("term,gloss\n研学,study\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a lexicon", encoding="utf-8")  # other suffixes are not lexicons
    with pytest.raises(LexiconError, match="brand_kind.csv"):
        load_lexicon([str(tmp_path)])


def test_folder_without_lexicon_files_is_an_error(tmp_path):
    (tmp_path / "notes.md").write_text("not a lexicon", encoding="utf-8")
    with pytest.raises(LexiconError, match="no .csv or .txt"):
        load_lexicon([str(tmp_path)])


@pytest.mark.parametrize("name, body, match", [
    ("formulations.txt", "九九归心\n", r"is a \.csv file"),
    ("practice_heads.csv", "term,category\n议事厅,platform\n", "'head' column"),
    ("clean_radicals.csv", "radical,char,name\n⺁,厂,x\n", "built-in only"),
    ("terms_extra.csv", "word,gloss\n议事厅,x\n", "term, text or name column"),
    ("brand_kinds.docx", "x", r"\.csv or \.txt"),
])
def test_wrong_shape_is_an_error(tmp_path, name, body, match):
    extra = tmp_path / name
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=match):
        load_lexicon([str(extra)])


def test_terms_prefix_deliberately_adds_segmentation_words(tmp_path):
    from djtext.segment import lexicon_terms

    extra = tmp_path / "terms_mywords.txt"
    extra.write_text("议事新厅\n", encoding="utf-8")
    lexicon = load_lexicon([str(extra)])
    assert "terms_mywords" in lexicon.names() and "议事新厅" in lexicon_terms(lexicon)


def test_every_builtin_lexicon_is_accepted_as_a_user_file(tmp_path):
    for name, path in builtin_files().items():
        if not name.startswith("clean_"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    load_lexicon([str(tmp_path)])


@pytest.mark.parametrize("command", ["extract", "compare"])
def test_cli_turns_a_lexicon_error_into_one_line_and_exit_2(tmp_path, command):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("政协党组坚持学习。", encoding="utf-8")
    extra = tmp_path / "mywords.txt"
    extra.write_text("议事厅\n", encoding="utf-8")
    args = [command, str(corpus), "--lexicon", str(extra)]
    if command == "extract":
        args += ["--out", str(tmp_path / "out"), "--no-cache", "-q"]
    else:
        args += ["-q"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "mywords" in lines[0]
    assert not (tmp_path / "out").exists()
