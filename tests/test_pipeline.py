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


def test_suite_cache_is_temporary_not_the_users():
    from djtext.pipeline import default_cache_dir

    cache = default_cache_dir().resolve()
    assert Path.home().resolve() / ".cache" not in (cache, *cache.parents)


def test_default_cache_dir_honours_djtext_cache_dir(tmp_path, monkeypatch):
    from djtext.pipeline import default_cache_dir

    monkeypatch.setenv("DJTEXT_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("DJTEXT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x" / "djtext"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "wrong_shape", "empty"])
def test_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path, serial, damage):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("政协党组坚持“三会一课”制度。", encoding="utf-8")
    cache = tmp_path / "cache"
    first = run_corpus(corpus, cache=cache)
    (entry,) = cache.glob("*.json")
    good = entry.read_bytes()
    broken = {"truncated": good[: len(good) // 2], "garbage": b"\xff\xfe\x00junk", "wrong_shape": b'{"documents": 3}',
              "empty": b""}[damage]
    entry.write_bytes(broken)
    (cache / f".{entry.name}.tmp123").write_bytes(good[:10])  # a write a kill -9 interrupted
    second = run_corpus(corpus, cache=cache)
    assert second.cached == 0 and not second.errors
    _frames_equal(first.tables, second.tables)
    assert entry.read_bytes() == good  # rewritten whole
    assert run_corpus(corpus, cache=cache).cached == 1


def test_rendered_cache_entry_round_trips_and_a_damaged_one_is_a_miss():
    from djtext.pipeline.cache import packed_rendered, unpacked_rendered

    batch = {"doc": "a.txt", "documents": [{"doc": "a.txt", "chars_raw": 3}], "brands": [],
             "_rendered": {"documents": "a.txt,3\n", "lists": '"多行\n文本",“引号”\n'}, "_counts": {"documents": 1, "lists": 1},
             "_pending": {"brands": "a.txt,山海同心,-918273645\n"}, "_pending_keys": {"brands": ["山海同心"]}}
    data = packed_rendered(batch)
    as_bytes = {table: text.encode("utf-8") for table, text in batch["_rendered"].items()}
    pending = {"brands": batch["_pending"]["brands"].encode("utf-8")}
    # the texts (rendered and pending) come back as their UTF-8 bytes
    assert unpacked_rendered(data) == {**batch, "_rendered": as_bytes, "_pending": pending}
    without_pending = {k: v for k, v in batch.items() if not k.startswith("_pending")}
    assert unpacked_rendered(packed_rendered(without_pending)) == {**without_pending, "_rendered": as_bytes}
    flipped = data[:-2] + bytes([data[-2] ^ 0x01]) + data[-1:]  # same length, one bit of a text changed
    for damaged in (data[:-3], data + b"x", data[:10], b"", b'{"documents": 3}\n', b"\xff\xfe\x00junk", flipped):
        assert unpacked_rendered(damaged) is None
