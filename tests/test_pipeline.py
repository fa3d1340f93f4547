"""Tests of the corpus runner: parallel and Dask engines agree, cache reuse, error collection."""
from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest

from djtext.pipeline import Options, process_file, run_corpus

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _frames_equal(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert set(a) == set(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name].reset_index(drop=True), b[name].reset_index(drop=True), check_dtype=False)


@pytest.fixture(scope="module")
def serial():
    return run_corpus(RAW)


def test_process_pool_gives_the_same_tables(serial):
    _frames_equal(serial.tables, run_corpus(RAW, jobs=2).tables)


def test_dask_engine_gives_the_same_tables(serial):
    pytest.importorskip("dask.bag")
    _frames_equal(serial.tables, run_corpus(RAW, engine="dask").tables)


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ValueError, match="engine"):
        run_corpus(RAW, engine="spark")


def test_process_file_is_picklable_work():
    options = pickle.loads(pickle.dumps(Options()))
    path = sorted(RAW.glob("*.txt"))[0]
    rows = process_file(str(path), str(RAW), options)
    assert rows["documents"][0]["doc"] == path.name
    assert not rows["documents"][0]["error"]


def test_cache_is_reused_and_refreshed(tmp_path, serial):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = sorted(RAW.glob("*.txt"))[0]
    (corpus / source.name).write_bytes(source.read_bytes())
    cache = tmp_path / "cache"
    first = run_corpus(corpus, cache=cache)
    assert first.cached == 0 and list(cache.glob("*.json"))
    second = run_corpus(corpus, cache=cache)
    assert second.cached == 1
    _frames_equal(first.tables, second.tables)
    (corpus / source.name).write_text("政协党组坚持“三会一课”制度。", encoding="utf-8")
    third = run_corpus(corpus, cache=cache)
    assert third.cached == 0
    assert third.tables["formulations"]["text"].tolist() == ["三会一课"]


def test_bad_files_are_collected_and_the_rest_goes_through(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "good.txt").write_text("政协党组坚持学习。", encoding="utf-8")
    result = run_corpus(corpus)
    assert [rel for rel, _ in result.errors] == ["empty.txt"]
    assert result.n_documents == 2


def test_missing_corpus_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        run_corpus(tmp_path / "nope")
