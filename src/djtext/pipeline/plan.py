"""The plan of a run: the corpus's files in order, their cache keys, and the tasks to send.

Small files go to a worker in groups (``BATCH_FILES``, ``BATCH_BYTES``); a cached file is a
finished ("ready") task; a huge file is read here and sent as pieces (djtext.pipeline.huge).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from djtext.pipeline.cache import cache_key, read_entry, read_rendered
from djtext.pipeline.document import error_rows
from djtext.pipeline.huge import HugeFile, split_pieces

BATCH_BYTES = 1_000_000  # small files are sent to a worker in groups of about this many bytes
BATCH_FILES = 2  # small groups: less idle time at the end of a run while one worker finishes its last group


@dataclass
class Entry:
    """One file of the corpus: its path, its name in the tables, its cache key, whether it is huge."""

    path: Path
    rel: str
    key: str | None
    huge: bool


def relative_name(path: Path, root: Path) -> str:
    """The name of ``path`` in the tables: relative to the corpus folder, printable."""
    from djtext.corpus import safe_name

    return safe_name(path.name if root.is_file() else path.relative_to(root).as_posix())


def plan_entries(root: Path, cache_dir: Path | None, fingerprint: str, huge_bytes: int) -> list[Entry]:
    """The corpus's files sorted by name, with their cache keys (when caching) and size class."""
    from djtext.corpus import iter_files

    entries = []
    for path in iter_files(root):
        rel = relative_name(path, root)
        key = None
        if cache_dir:
            try:
                key = cache_key(path, fingerprint)
            except OSError:
                key = None
        try:
            huge = path.stat().st_size > huge_bytes
        except OSError:
            huge = False
        entries.append(Entry(path, rel, key, huge))
    return sorted(entries, key=lambda e: e.rel)


def plan_tasks(entries: list[Entry], root: Path, cache_dir: Path | None, piece_chars: int,
               kind: str = "") -> Iterator[tuple]:
    """(tag, task) pairs: groups of small files, cached rows ("ready") and the pieces of huge files."""
    group: list[Entry] = []
    size = 0

    def flush():
        nonlocal group, size
        if group:
            items = list(group)
            group, size = [], 0
            return ("files", items), ("files", str(root), [(str(e.path), e.rel, e.key) for e in items])
        return None

    for entry in entries:
        rows = None
        if cache_dir and entry.key:
            rows = read_rendered(cache_dir, entry.key, kind, entry.rel) if kind else None
            if rows is None:
                rows = read_entry(cache_dir, entry.key)
        if rows is not None:
            done = flush()
            if done:
                yield done
            yield ("cached", entry), ("ready", [rows])
            continue
        if not entry.huge:
            group.append(entry)
            try:
                size += entry.path.stat().st_size
            except OSError:
                pass
            if len(group) >= BATCH_FILES or size >= BATCH_BYTES:
                yield flush()
            continue
        done = flush()
        if done:
            yield done
        from djtext.corpus import read_document

        raw = read_document(entry.path, root)
        if raw.error:
            yield ("files", [entry]), ("ready", [error_rows(entry.rel, raw)])
            continue
        spans = split_pieces(raw.text, piece_chars)
        state = HugeFile(entry.rel, raw, spans)
        for index, (start, end) in enumerate(spans):
            yield ("piece", state, index), ("piece", entry.rel, raw.text[start:end])
        yield ("huge_end", state, entry), ("ready", [])
        del raw, state
    done = flush()
    if done:
        yield done
