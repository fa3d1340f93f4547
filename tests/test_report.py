"""`djtext report` and `djtext show` on an invented corpus: spans, report data, HTML and the CLI."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from djtext.cli import app
from djtext.report import report_data, write_report
from djtext.report.html import embedded_json
from djtext.report.texts import ReportError, clean_span, corpus_root, place, recorded_corpus, resolve_doc
from report_corpus import extract, write_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """(corpus, results) of the invented corpus, extracted once."""
    base = tmp_path_factory.mktemp("report")
    corpus = write_corpus(base / "corpus")
    return corpus, extract(corpus, base / "results")


def test_clean_span_inverts_the_offset_map():
    offsets = [0, 1, 2, 5, 6, 7]  # clean chars 3.. come from raw 5.. (raw 3-4 deleted)
    assert clean_span(offsets, 5, 7) == (3, 5)
    assert clean_span(offsets, 0, 2) == (0, 2)
    assert clean_span(offsets, 3, 5) == (3, 3)


def test_place_corrects_a_span_by_the_row_text():
    text = "开展“书香政协”活动。"
    offsets = list(range(len(text)))
    assert place(text, offsets, "brands", {"name": "书香政协", "raw_start": 3, "raw_end": 7}) == (3, 7)
    assert place(text, offsets, "brands", {"name": "书香政协", "raw_start": 2, "raw_end": 6}) == (3, 7)
    lead = {"marker": "一、", "heading": "建强阵地", "raw_start": 0, "raw_end": 40}
    assert place("一、建强阵地。正文很长很长。", list(range(14)), "lists", lead) == (0, 6)


def test_resolve_doc_by_path_name_stem_or_part():
    documents = pd.DataFrame({"doc": ["east/a.txt", "west/b.txt", "west/ab.txt"]})
    assert resolve_doc(documents, "east/a.txt") == "east/a.txt"
    assert resolve_doc(documents, "b.txt") == "west/b.txt"
    assert resolve_doc(documents, "east") == "east/a.txt"
    with pytest.raises(ReportError, match="ambiguous"):
        resolve_doc(documents, "west")
    with pytest.raises(ReportError, match="no such document"):
        resolve_doc(documents, "nothing")


def test_extract_records_the_corpus_and_cluster_keeps_it(extracted):
    corpus, results = extracted
    assert recorded_corpus(results) == corpus.resolve()
    assert runner.invoke(app, ["cluster", str(results), "-q"]).exit_code == 0
    assert recorded_corpus(results) == corpus.resolve()
    assert corpus_root(results, None) == corpus.resolve()


def test_every_item_is_placed_on_its_text(extracted):
    corpus, results = extracted
    data = report_data(results)
    assert data["meta"]["corpus"] == str(corpus.resolve())
    assert [d["doc"] for d in data["documents"]] == ["east/a.txt", "west/b.txt"]
    assert data["documents"][0]["date"] == "2024-03-05"
    assert data["documents"][0]["title"].startswith("宁波市政协")
    brands = [i for i in data["items"] if i["t"] == "brands"]
    assert {b["label"] for b in brands} >= {"甬水同心", "塞上同心·协商为民"}
    for item in data["items"]:
        text = data["documents"][item["d"]]["text"]
        assert item["s"] is not None and 0 <= item["s"] <= item["e"] <= len(text)
        if item["t"] == "brands":
            assert text[item["s"]:item["e"]] == item["label"]
    assert {b["region"] for b in data["brands"]} == {"浙江省", "宁夏回族自治区"}
    per_region = {r["region"]: r for r in data["overview"]["region_counts"]}
    assert per_region["浙江省"]["documents"] == 1 and per_region["浙江省"]["counts"]["brands"] >= 1
    assert next(b for b in data["brands"] if b["brand"] == "塞上同心·协商为民")["families"]
    assert data["regions"][-1] == "(unattributed)"
    assert any("塞上同心·协商为民" in {m["brand"] for m in f["members"]} for f in data["families"])


def test_without_a_corpus_the_report_shows_contexts(extracted, tmp_path):
    _corpus, results = extracted
    copy = tmp_path / "results"
    copy.mkdir()
    for path in results.iterdir():
        if path.suffix == ".csv":
            (copy / path.name).write_bytes(path.read_bytes())
    data = report_data(copy)
    assert data["meta"]["corpus"] == ""
    assert all(d["text"] is None and "--corpus" in d["note"] for d in data["documents"])
    assert all(i["s"] is None for i in data["items"])


def test_results_written_before_title_and_date_still_load(extracted, tmp_path):
    _corpus, results = extracted
    old = tmp_path / "old"
    old.mkdir()
    for path in results.glob("*.csv"):
        frame = pd.read_csv(path, encoding="utf-8-sig")
        frame.drop(columns=[c for c in ("title", "date") if path.stem == "documents"]).to_csv(old / path.name, index=False)
    data = report_data(old, _corpus)
    assert data["overview"]["documents"] == 2 and data["documents"][0]["title"] == ""


def test_a_changed_file_is_noted(extracted, tmp_path):
    corpus, results = extracted
    changed = write_corpus(tmp_path / "corpus")
    (changed / "west" / "b.txt").write_text("银川市政协。\n", encoding="utf-8")
    data = report_data(results, changed)
    assert "changed since extraction" in data["documents"][1]["note"]


def test_embedded_json_cannot_close_the_script():
    text = embedded_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_html_is_self_contained(extracted, tmp_path):
    _corpus, results = extracted
    out = tmp_path / "report.html"
    data = write_report(results, out)
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)=["']https?://""", html), "no external resources"
    assert "<script src" not in html and "<link" not in html
    embedded = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    assert json.loads(embedded)["overview"]["documents"] == data["overview"]["documents"] == 2
    assert "甬水同心" in html and "#doc=0" in html


def test_report_cli(extracted, tmp_path):
    corpus, results = extracted
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(results), "--corpus", str(corpus), "--out", str(out), "--by", "city"])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.stderr and out.is_file()
    assert runner.invoke(app, ["report", str(results), "--out", str(tmp_path / "r.txt")]).exit_code == 2
    bad = runner.invoke(app, ["report", str(results), "--out", str(out), "--by", "street"])
    assert bad.exit_code == 2 and "--by must be one of" in bad.stderr
    missing = runner.invoke(app, ["report", str(tmp_path / "nope"), "--out", str(out)])
    assert missing.exit_code == 2 and "no such RESULTS folder" in missing.stderr
    assert "Example:" in runner.invoke(app, ["report", "--help"]).stdout


def test_show_cli(extracted):
    corpus, results = extracted
    result = runner.invoke(app, ["show", "b.txt", "--results", str(results), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "塞上同心·协商为民" in result.stdout and "legend" in result.stdout and "凤城议事堂" in result.stdout
    only = runner.invoke(app, ["show", "a", "--results", str(results), "-t", "brands", "--no-items"])
    assert only.exit_code == 0 and "brands" in only.stdout and "practices" not in only.stdout
    assert runner.invoke(app, ["show", "a", "--results", str(results), "-t", "words"]).exit_code == 2
    assert runner.invoke(app, ["show", "zzz", "--results", str(results)]).exit_code == 2
