"""Streamed extraction: jobs 1, jobs 2, a Dask LocalCluster and huge files in pieces give the same tables."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from djtext import pipeline
from djtext.pipeline import extract_corpus, run_corpus, split_pieces

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(RAW.iterdir()):
        if path.suffix in (".txt", ".md", ".html"):
            (corpus / path.name).write_bytes(path.read_bytes())
    return corpus


@pytest.fixture(scope="module")
def serial_folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    extract_corpus(RAW, out)
    return out


def test_streamed_folder_matches_the_in_memory_tables(serial_folder):
    from djtext.analysis.tables import load_results

    tables = run_corpus(RAW).tables
    loaded = load_results(serial_folder)
    for name, frame in tables.items():
        assert len(loaded[name]) == len(frame), name
        assert loaded[name]["doc"].tolist() == frame["doc"].astype(str).tolist()


def test_jobs_two_writes_identical_tables(tmp_path, serial_folder):
    extract_corpus(RAW, tmp_path / "two", jobs=2)
    assert _snapshot(tmp_path / "two") == _snapshot(serial_folder)


def test_dask_local_cluster_writes_identical_tables(tmp_path, serial_folder):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        summary = extract_corpus(RAW, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert summary.n_documents == len(list(serial_folder.glob("*"))) or summary.n_documents > 0
    assert _snapshot(tmp_path / "dask") == _snapshot(serial_folder)


def test_scheduler_from_the_environment_and_a_bad_address(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setenv(pipeline.SCHEDULER_ENV, "tcp://127.0.0.1:9")
    monkeypatch.setattr(pipeline.engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ValueError, match="Dask scheduler"):
        extract_corpus(RAW, tmp_path / "x", engine="dask")
    assert not (tmp_path / "x" / "documents.csv").exists()


def test_split_pieces_covers_the_text_and_cuts_at_page_breaks():
    text = ("甲" * 70 + "\n") * 40 + "\f" + ("乙" * 70 + "\n") * 40
    spans = split_pieces(text, 2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(end - start <= 3000 for start, end in spans)
    assert all(text[end - 1] in "\n\f" for _, end in spans[:-1])
    assert split_pieces("短文本", 2000) == [(0, 3)]
    assert split_pieces("无换行" * 2000, 1000)[0] == (0, 1000)  # no line break at all: a hard cut


def _text(name: str) -> str:
    from djtext.corpus import read_document

    return read_document(RAW / name).text


def _rows(folder: Path, table: str) -> list[dict]:
    with open(folder / f"{table}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_huge_file_in_pieces_keeps_whole_file_coordinates(tmp_path):
    part = _text("01_gulou_nanjing.txt").rstrip("\n") + "\n\f\n"
    single, huge = tmp_path / "single", tmp_path / "huge"
    single.mkdir()
    huge.mkdir()
    (single / "a.txt").write_text(part, encoding="utf-8")
    (huge / "a.txt").write_text(part * 3, encoding="utf-8")
    extract_corpus(single, tmp_path / "out1", huge_bytes=10**9)
    extract_corpus(huge, tmp_path / "out3", huge_bytes=0, piece_chars=len(part) + 5)
    n_lines, n_chars = part.count("\n"), len(part)
    for table in ("brands", "formulations", "slogans", "practices", "units"):
        one, three = _rows(tmp_path / "out1", table), _rows(tmp_path / "out3", table)
        assert len(three) == 3 * len(one), table
        for k in range(3):
            for a, b in zip(one, three[k * len(one):(k + 1) * len(one)]):
                assert int(b["raw_start"]) == int(a["raw_start"]) + k * n_chars
                assert int(b["line"]) == int(a["line"]) + k * n_lines
                assert {c: v for c, v in b.items() if c not in ("raw_start", "raw_end", "line")} == \
                       {c: v for c, v in a.items() if c not in ("raw_start", "raw_end", "line")}
    ids = [int(r["id"]) for r in _rows(tmp_path / "out3", "lists")]
    assert len(ids) == len(set(ids)) == 3 * len(_rows(tmp_path / "out1", "lists"))
    (doc,) = _rows(tmp_path / "out3", "documents")
    (doc1,) = _rows(tmp_path / "out1", "documents")
    assert int(doc["chars_raw"]) == 3 * n_chars and not doc["error"]
    assert int(doc["tokens"]) == 3 * int(doc1["tokens"])


def test_pieces_in_a_pool_match_pieces_in_one_process(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "".join(_text(name) + "\f\n"
                   for name in ("01_gulou_nanjing.txt", "04_jiangle_sanming.txt", "05_yangshuo_guilin.txt"))
    (corpus / "big.txt").write_text(text, encoding="utf-8")
    extract_corpus(corpus, tmp_path / "o1", huge_bytes=0, piece_chars=3000)
    extract_corpus(corpus, tmp_path / "o2", huge_bytes=0, piece_chars=3000, jobs=2)
    assert _snapshot(tmp_path / "o1") == _snapshot(tmp_path / "o2")


def test_cache_redoes_only_the_changed_file(tmp_path):
    corpus = _small_corpus(tmp_path)
    cache = tmp_path / "cache"
    first = extract_corpus(corpus, tmp_path / "o1", cache=cache)
    assert first.cached == 0
    second = extract_corpus(corpus, tmp_path / "o2", cache=cache)
    assert second.cached == first.n_documents
    assert _snapshot(tmp_path / "o1") == _snapshot(tmp_path / "o2")
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text("政协党组坚持“三会一课”制度。", encoding="utf-8")
    third = extract_corpus(corpus, tmp_path / "o3", cache=cache)
    assert third.cached == first.n_documents - 1


def test_an_interrupted_run_leaves_the_old_tables_and_no_temporary_files(tmp_path, monkeypatch):
    corpus = _small_corpus(tmp_path)
    out = tmp_path / "out"
    extract_corpus(corpus, out)
    before = _snapshot(out)
    calls = {"n": 0}
    real = pipeline.worker.process_file

    def dies(*args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(pipeline.worker, "process_file", dies)
    with pytest.raises(KeyboardInterrupt):
        extract_corpus(corpus, out)
    assert _snapshot(out) == before


def test_extract_and_clean_of_text_files_import_no_heavy_library(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("政协党组坚持“三会一课”制度。", encoding="utf-8")
    code = (
        "import sys\n"
        "from djtext.cli import main\n"
        f"for argv in (['extract', {str(corpus)!r}, '--out', {str(tmp_path / 'o')!r}, '-q', '--no-cache'],\n"
        f"             ['clean', {str(corpus)!r}, '--out', {str(tmp_path / 'c2')!r}, '-q']):\n"
        "    sys.argv = ['djtext', *argv]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "heavy = [m for m in ('pandas', 'sklearn', 'trafilatura', 'jieba', 'pyarrow', 'openpyxl') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
