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
