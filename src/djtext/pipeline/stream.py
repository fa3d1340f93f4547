"""The stream of a run: every batch of rows of a corpus, in file order, from the cache or the engine."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from djtext.pipeline.cache import cache_folder, rendered_batch, write_entry
from djtext.pipeline.document import with_doc_path
from djtext.pipeline.engine import SCHEDULER_ENV, Executor, ordered
from djtext.pipeline.huge import HUGE_BYTES, PIECE_CHARS
from djtext.pipeline.options import Options
from djtext.pipeline.plan import plan_entries, plan_tasks


def iter_corpus_rows(
    root: Path,
    *,
    jobs: int = 1,
    options: Options | None = None,
    cache: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    huge_bytes: int = HUGE_BYTES,
    piece_chars: int = PIECE_CHARS,
    on_cached: Callable[[str], None] | None = None,
    render: Callable[[dict], dict] | None = None,
    render_kind: str = "",
) -> Iterator[tuple[str, dict[str, list[dict]], bool]]:
    """(doc, rows, last) for every batch of rows of the corpus under ``root``, in file order.

    ``last`` is true on a document's final batch (a huge file gives one batch per piece, its
    documents row in the last). Nothing is kept once yielded. With ``render`` (TableWriter.render)
    whole documents come as rendered batches, cached as such under ``render_kind`` (csv, jsonl):
    an unchanged document is then copied as text, never parsed back into rows.
    """
    root = Path(root)
    options = options or Options()
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    scheduler = scheduler or (os.environ.get(SCHEDULER_ENV) or None if engine == "dask" else None)
    cache_dir = cache_folder(cache)
    fingerprint = options.fingerprint() if cache_dir else ""
    entries = plan_entries(root, cache_dir, fingerprint, huge_bytes)
    kind = render_kind if render else ""
    tasks = plan_tasks(entries, root, cache_dir, piece_chars, kind)
    with Executor(engine, jobs, options, scheduler, cache_dir, kind) as runner:
        for tag, results in ordered(runner, tasks):
            what = tag[0]
            if what == "cached":
                entry = tag[1]
                if on_cached:
                    on_cached(entry.rel)
                rows = results[0]
                if kind and "doc" not in rows:  # rows cached by an in-memory run: render (and keep) them
                    rows = rendered_batch(with_doc_path(rows, entry.rel), entry.rel, render)
                    write_entry(cache_dir, entry.key, rows, kind)
                elif not kind:
                    rows = with_doc_path(rows, entry.rel)
                yield entry.rel, rows, True
            elif what == "files":
                for entry, rows in zip(tag[1], results):
                    if cache_dir and entry.key and not runner.caches:
                        write_entry(cache_dir, entry.key, rows, kind if "doc" in rows else "")
                    yield entry.rel, rows, True
            elif what == "piece":
                state, index = tag[1], tag[2]
                yield state.rel, state.piece_rows(index, results[0]), False
            else:  # huge_end
                state = tag[1]
                yield state.rel, {"documents": [state.document_row()]}, True
