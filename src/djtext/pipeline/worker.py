"""What a worker runs: a task of whole files (rows cached, rendered when asked) or a piece of a huge file.

A pool worker gets its context once (``init_worker``: options, cache folder, render format) and
builds its resources once; tasks then carry only paths, keys and piece texts.
"""
from __future__ import annotations

from pathlib import Path

from djtext.pipeline.cache import rendered_batch, write_entry
from djtext.pipeline.document import keep_resources, process_file, process_text, with_doc_path
from djtext.pipeline.options import Options

WORKER: dict = {}  # a pool worker's options, cache folder and render format (set once by init_worker)


def init_worker(options: Options, cache_dir: str | None = None, kind: str = "") -> None:
    """Pool initializer: keep the context and load lexicon, segmenter and gazetteer once."""
    WORKER.update(options=options, cache_dir=cache_dir, kind=kind)
    keep_resources(options)


def run_task(task: tuple, options: Options | None = None, cache_dir: str | None = None,
             kind: str = "") -> list[dict]:
    """Run one task: ("files", root, [(path, rel, key)]) or ("piece", rel, text).

    Whole files come back with their ``doc`` set, cached in ``cache_dir`` (when given) and, with
    ``kind`` (csv, jsonl), as rendered batches: the worker does the formatting, not the main process.
    """
    options = options or WORKER.get("options") or Options()
    if task[0] == "piece":
        _, rel, text = task
        return [process_text(text, rel, options)]
    from djtext.results_folder import render_batch

    _, root, files = task
    folder = Path(cache_dir) if cache_dir else None
    out = []
    for path, rel, key in files:
        rows = with_doc_path(process_file(path, root, options), rel)
        if kind:  # the run needs (and caches) the rendered text only
            rows = rendered_batch(rows, rel, lambda batch: render_batch(batch, kind))
        if folder and key:
            write_entry(folder, key, rows, kind)
        out.append(rows)
    return out


def run_task_in_worker(task: tuple) -> list[dict]:
    """``run_task`` with the context ``init_worker`` kept (what the pool submits)."""
    return run_task(task, None, WORKER.get("cache_dir"), WORKER.get("kind", ""))
