"""The one --out guard every command uses (djtext.cli.app.refuse_out_over_inputs)."""
from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from djtext.cli import app
from djtext.cli.app import refuse_out_over_inputs

runner = CliRunner()


def test_out_equal_to_an_input_is_refused(tmp_path):
    with pytest.raises(typer.Exit):
        refuse_out_over_inputs(tmp_path / "a" / ".." / "a", [tmp_path / "a"])
    refuse_out_over_inputs(tmp_path / "b", [tmp_path / "a"])


def test_out_inside_an_input_folder_is_refused_only_when_asked(tmp_path):
    (tmp_path / "corpus").mkdir()
    refuse_out_over_inputs(tmp_path / "corpus" / "out", [tmp_path / "corpus"])
    with pytest.raises(typer.Exit):
        refuse_out_over_inputs(tmp_path / "corpus" / "out", [tmp_path / "corpus"], inside=True)


@pytest.mark.parametrize("args, message", [
    (["extract", "{corpus}", "--out", "{corpus}", "--no-cache"], "--out must not be an input path"),
    (["clean", "{corpus}", "--out", "{corpus}/cleaned"], "--out is inside the input folder"),
    (["discover", "{corpus}", "--out", "{corpus}/terms.txt"], "--out must be outside the corpus"),
])
def test_commands_refuse_out_over_their_inputs(tmp_path, args, message):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("某县政协坚持学习，推动工作。\n", encoding="utf-8")
    result = runner.invoke(app, [a.format(corpus=corpus) for a in args])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
