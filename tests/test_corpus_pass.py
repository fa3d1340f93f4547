"""The corpus pass of a streamed extract: duplicates decided on the fly, support over documents."""
from __future__ import annotations

import pandas as pd
import pytest

from djtext.pipeline import extract_corpus

REPORT_A = "山城县政协：打造“山海同心”党建品牌，委员走进社区倾听民声，推动协商成果落地见效。\n" * 3
REPORT_B = "河湾区政协：深化“山海同心”党建品牌，组织委员开展调研视察，形成一批高质量建议。\n" * 3


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (corpus / "b.txt").write_text(REPORT_B, encoding="utf-8")
    (corpus / "c_copy.txt").write_text(REPORT_A, encoding="gb18030")  # the same report in another encoding
    return corpus


def _read(folder, name):
    return pd.read_csv(folder / f"{name}.csv", encoding="utf-8-sig")


def test_duplicates_flagged_and_left_out_support_counts_documents(tmp_path):
    out = tmp_path / "R"
    summary = extract_corpus(_corpus(tmp_path), out)
    documents = _read(out, "documents").set_index("doc")
    assert documents.loc["c_copy.txt", "duplicate_of"] == "a.txt"
    assert pd.isna(documents.loc["b.txt", "duplicate_of"])
    assert summary.duplicates == {"c_copy.txt": "a.txt"}
    brands = _read(out, "brands")
    assert set(brands["doc"]) == {"a.txt", "b.txt"}  # the copy's rows are left out
    assert set(brands.loc[brands["name"] == "山海同心", "support"]) == {2}


def test_keep_duplicates_writes_their_rows_and_counts_them(tmp_path):
    out = tmp_path / "R"
    extract_corpus(_corpus(tmp_path), out, keep_duplicates=True)
    brands = _read(out, "brands")
    assert set(brands["doc"]) == {"a.txt", "b.txt", "c_copy.txt"}
    assert set(brands.loc[brands["name"] == "山海同心", "support"]) == {3}
    assert _read(out, "documents").set_index("doc").loc["c_copy.txt", "duplicate_of"] == "a.txt"


def test_cached_rerun_gives_the_same_tables(tmp_path):
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    extract_corpus(corpus, tmp_path / "R1", cache=cache)
    second = extract_corpus(corpus, tmp_path / "R2", cache=cache)
    assert second.cached == 3
    for name in ("documents", "brands", "formulations"):
        assert (tmp_path / "R1" / f"{name}.csv").read_bytes() == (tmp_path / "R2" / f"{name}.csv").read_bytes()


@pytest.mark.parametrize("fmt,bom", [("csv", True), ("csv", False), ("jsonl", False)])
def test_cached_rerun_writes_every_table_byte_for_byte(tmp_path, fmt, bom):
    """Cached batches go to the table files as bytes: the same files as the first run's, BOM included."""
    corpus, cache = _corpus(tmp_path), tmp_path / "cache"
    extract_corpus(corpus, tmp_path / "R1", cache=cache, fmt=fmt, bom=bom)
    second = extract_corpus(corpus, tmp_path / "R2", cache=cache, fmt=fmt, bom=bom)
    assert second.cached == 3
    tables = sorted(p.name for p in (tmp_path / "R1").iterdir() if p.suffix in (".csv", ".jsonl"))
    assert tables and tables == sorted(p.name for p in (tmp_path / "R2").iterdir() if p.suffix in (".csv", ".jsonl"))
    for name in tables:
        assert (tmp_path / "R1" / name).read_bytes() == (tmp_path / "R2" / name).read_bytes(), name
    if fmt == "csv":
        assert (tmp_path / "R2" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf" if bom else b"doc")


# --- support tables rendered by the worker, with a placeholder for support (pending texts) ---

from djtext.corpus_pass import PENDING, PENDING_KEYS, SUPPORT_PENDING, CorpusPass, pending_support  # noqa: E402
from djtext.results_folder import COUNTS, RENDERED, TableWriter  # noqa: E402


def _brand(doc: str, name: str, context: str = "") -> dict:
    return {"doc": doc, "unit": "山城县政协", "name": name, "kind": "党建品牌", "mentions": 1, "context": context}


def test_pending_support_renders_a_placeholder_per_row_and_keeps_the_keys(tmp_path):
    writer = TableWriter(tmp_path / "R")
    rows = {"brands": [_brand("a.txt", "山海·同心"), _brand("a.txt", "红色驿站")], "formulations": []}
    batch = pending_support(rows, writer.render)
    assert batch[PENDING_KEYS] == {"brands": ["山海同心", "红色驿站"]}
    assert batch[PENDING]["brands"].count(str(SUPPORT_PENDING)) == 2
    assert "brands" not in batch  # (sent as text, not as rows)
    assert "support" not in rows["brands"][0]  # the worker's rows are left as they were
    writer.abort()


def test_a_value_holding_the_placeholder_digits_sends_its_table_as_rows(tmp_path):
    writer = TableWriter(tmp_path / "R")
    rows = {"brands": [_brand("a.txt", "山海同心", context=f"编号{SUPPORT_PENDING}号")]}
    batch = pending_support(rows, writer.render)
    assert batch[PENDING] == {} and batch["brands"] == rows["brands"]
    writer.abort()


class _Recorder:
    """A writer that keeps what it is given, rendered text and rows alike, in order."""

    def __init__(self, real: TableWriter):
        self.real, self.got = real, []

    def write(self, batch):
        if RENDERED in batch:
            for table, text in batch[RENDERED].items():
                self.got.append((table, text.decode() if isinstance(text, bytes) else text))
        else:
            for table, rows in batch.items():
                self.got.append((table, self.real.render({table: rows})[RENDERED][table]))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_pending_texts_and_held_rows_come_out_in_order_with_their_support(tmp_path, fmt, as_bytes):
    """Documents sent as text (a worker's, or a cached one's bytes) and as rows (a piece of a huge
    file) mix in one run: the support table keeps their order, and every row gets the count a
    rendering of the finished rows gives."""
    writer = TableWriter(tmp_path / "R", fmt)
    docs = {"a.txt": [_brand("a.txt", "山海同心"), _brand("a.txt", "红色驿站")],
            "b.txt": [_brand("b.txt", "山海·同心")],
            "c.txt": [_brand("c.txt", "红色驿站"), _brand("c.txt", "山海同心")]}
    corpus_pass = CorpusPass()
    for rel, brands in docs.items():
        batch = {"documents": [{"doc": rel}], RENDERED: {}, COUNTS: {}}
        if rel == "b.txt":
            batch["brands"] = [dict(row) for row in brands]  # held as rows
            del batch[RENDERED]
        else:
            pending = pending_support({"brands": brands}, writer.render)
            if as_bytes:
                pending[PENDING] = {t: text.encode() for t, text in pending[PENDING].items()}
            batch.update(pending)
        corpus_pass.feed(rel, batch)
    recorder = _Recorder(writer)
    corpus_pass.finish(recorder)
    corpus_pass.close()
    support = {"山海同心": 3, "红色驿站": 2}
    expected = [writer.render({"brands": [dict(row, support=support[row["name"].replace("·", "")]) for row in rows]})
                [RENDERED]["brands"] for rows in docs.values()]
    assert [text for _table, text in recorder.got] == expected
    writer.abort()


def test_cached_rerun_with_the_placeholder_digits_in_a_text_gives_the_same_tables(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"山城县政协：打造“山海同心”党建品牌，编号{SUPPORT_PENDING}。\n" * 2, encoding="utf-8")
    (corpus / "b.txt").write_text(REPORT_B, encoding="utf-8")
    extract_corpus(corpus, tmp_path / "R0")
    extract_corpus(corpus, tmp_path / "R1", cache=cache)
    assert extract_corpus(corpus, tmp_path / "R2", cache=cache).cached == 2
    for name in ("brands", "formulations"):
        first = (tmp_path / "R0" / f"{name}.csv").read_bytes()
        assert first == (tmp_path / "R1" / f"{name}.csv").read_bytes() == (tmp_path / "R2" / f"{name}.csv").read_bytes()
    brands = _read(tmp_path / "R2", "brands")
    assert set(brands.loc[brands["name"] == "山海同心", "support"]) == {2}
    assert brands["context"].str.contains(str(SUPPORT_PENDING)).any()  # (a.txt's brands went as rows)
