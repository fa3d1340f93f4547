"""The summary tables `extract` prints: per document for a small corpus, totals for a large one."""
from __future__ import annotations

import io

from rich.console import Console

from djtext.render import MENTION_TABLES, progress_bar, summary_brands_table, summary_documents_table


def _printed(table) -> str:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(table)
    return console.file.getvalue()


def _documents(n: int, failed: tuple[int, ...] = ()) -> tuple[list[dict], dict]:
    documents = [{"doc": f"d{i:03d}.txt", "encoding": "utf-8", "chars_clean": 100 + i,
                  **({"error": "UnicodeDecodeError: bad bytes"} if i in failed else {})} for i in range(n)]
    counts = {row["doc"]: {name: 1 for name in MENTION_TABLES} for row in documents if row.get("error") is None}
    return documents, counts


def test_a_small_corpus_gets_one_row_per_document_failures_first():
    documents, counts = _documents(4, failed=(2,))
    text = _printed(summary_documents_table(documents, counts, limit=15))
    lines = [line for line in text.splitlines() if ".txt" in line]
    assert [line.split()[1] for line in lines] == ["d002.txt", "d000.txt", "d001.txt", "d003.txt"]
    assert "failed" in lines[0] and "ok" in lines[1]


def test_a_large_corpus_gets_its_totals_not_a_sample_of_documents():
    documents, counts = _documents(40, failed=(5, 17))
    text = _printed(summary_documents_table(documents, counts, limit=15))
    assert ".txt" not in text.replace("documents.csv", "")
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in text.splitlines() if line.count("│") == 3}
    assert rows["documents"] == "40"
    assert rows["failed"] == "2"
    assert rows["characters (clean)"] == str(sum(100 + i for i in range(40)))
    assert all(rows[name] == "38" for name in MENTION_TABLES)


def test_the_limit_is_where_totals_begin():
    documents, counts = _documents(15)
    assert "d014.txt" in _printed(summary_documents_table(documents, counts, limit=15))
    documents, counts = _documents(16)
    assert "d015.txt" not in _printed(summary_documents_table(documents, counts, limit=15))


def test_brands_table_says_when_there_are_more():
    brands = {("同心向党", "党建品牌", "某县政协", "某省", "某市", "某县"): {"b.txt", "a.txt"}}
    text = _printed(summary_brands_table(brands, more=3))
    assert "同心向党" in text and "a.txt, b.txt" in text and "more in brands.csv" in text
    assert "more in" not in _printed(summary_brands_table(brands, more=0))


def test_no_progress_bar_is_made_off_a_terminal(monkeypatch):
    import rich.progress

    def refuse(*_args, **_kwargs):
        raise AssertionError("a progress bar was made for a console that is not a terminal")

    monkeypatch.setattr(rich.progress, "Progress", refuse)
    console = Console(file=io.StringIO(), force_terminal=False)
    with progress_bar(console, 10, "extract") as advance:
        advance("a.txt")
    assert console.file.getvalue() == ""


def test_a_progress_bar_is_drawn_on_a_terminal():
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    with progress_bar(console, 10, "extract") as advance:
        advance("a.txt")
    assert "extract" in console.file.getvalue()
