"""The per-document cache: entries keyed by a file's content hash and the run's fingerprint.

An entry holds one document's rows (JSON), or (``kind`` csv/jsonl) its rendered batch, so an
unchanged document is copied as bytes: one JSON line (the kept rows, the row counts, the byte
length of each table's text and a CRC-32 of the texts) followed by the tables' UTF-8 texts
themselves, which go to the table files as they are (neither parsed as JSON strings nor decoded
and encoded again; the CRC tells a damaged entry). Its location is decided in
``default_cache_dir`` alone.
"""
from __future__ import annotations

import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Callable

TEXT_BYTES = "_text_bytes"  # a rendered entry's [table, bytes] list, in the order of its texts
TEXT_CRC = "_text_crc"  # a rendered entry's CRC-32 of its texts (a damaged entry is a miss)
TEXT_PARTS = "_text_parts"  # the parts of texts ({table: text}) a rendered entry has


def default_cache_dir() -> Path:
    """The per-user cache folder ($DJTEXT_CACHE_DIR, else $XDG_CACHE_HOME/djtext or ~/.cache/djtext)."""
    if os.environ.get("DJTEXT_CACHE_DIR"):
        return Path(os.environ["DJTEXT_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "djtext"


def cache_folder(cache: str | os.PathLike | None) -> Path | None:
    """The cache folder a run was given (None: no cache)."""
    if cache is None:
        return None
    return Path(cache).expanduser()


def cache_key(path: Path, fingerprint: str) -> str:
    """The key of a file's entry: a hash of its bytes, the run's fingerprint and its suffix."""
    if not path.is_file():  # a FIFO would block the read; read_document reports what it is
        raise OSError(f"{path}: not a regular file")
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    digest.update(fingerprint.encode())
    digest.update(path.suffix.lower().encode())
    return digest.hexdigest()


def read_entry(cache_dir: Path, key: str) -> dict[str, list[dict]] | None:
    """The cached entry under ``key``, or None (missing or corrupt: a miss)."""
    hit = cache_dir / f"{key}.json"
    try:
        entry = json.loads(hit.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # a corrupt entry is a miss (and is overwritten)
        return None
    return entry if valid_entry(entry) else None


def valid_entry(entry: object) -> bool:
    """True for a whole cache entry: a documents row, lists of row dicts (or a rendered batch)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("documents"), list) or not entry["documents"]:
        return False
    return all(isinstance(v, (list, dict, str)) for v in entry.values())


def write_entry(cache_dir: Path, key: str, rows: dict, kind: str = "") -> None:
    """Store the rows (or, with ``kind``, the rendered batch) of one document under ``key``."""
    if any(row.get("error") for row in rows.get("documents", [])):
        return
    from djtext.results_folder import atomic_write_bytes

    name = f"{key}.{kind}.json" if kind else f"{key}.json"
    data = packed_rendered(rows) if kind else json.dumps(rows, ensure_ascii=False).encode("utf-8")
    try:
        atomic_write_bytes(cache_dir / name, data)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _text_parts() -> tuple[str, ...]:
    """The parts of a rendered batch that hold texts ({table: text}): stored as bytes after the JSON line."""
    from djtext.corpus_pass import PENDING
    from djtext.results_folder import RENDERED

    return RENDERED, PENDING


def packed_rendered(batch: dict) -> bytes:
    """A rendered batch as a cache entry: a JSON line without the texts, then the texts (UTF-8)."""
    parts = _text_parts()
    blobs = [(part, table, text.encode("utf-8")) for part in parts for table, text in batch.get(part, {}).items()]
    head = {name: value for name, value in batch.items() if name not in parts}
    head[TEXT_BYTES] = [[part, table, len(blob)] for part, table, blob in blobs]
    head[TEXT_PARTS] = [part for part in parts if part in batch]
    body = b"".join(blob for _part, _table, blob in blobs)
    head[TEXT_CRC] = zlib.crc32(body)
    return json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" + body


def unpacked_rendered(data: bytes) -> dict | None:
    """The rendered batch of ``packed_rendered``'s bytes, its texts as UTF-8 bytes, or None (truncated or corrupt)."""
    parts = _text_parts()
    head, _newline, body = data.partition(b"\n")
    try:
        entry = json.loads(head.decode("utf-8"))
        if entry.pop(TEXT_CRC) != zlib.crc32(body):
            return None
        texts: dict[str, dict[str, bytes]] = {part: {} for part in entry.pop(TEXT_PARTS) if part in parts}
        pos = 0
        for part, table, size in entry.pop(TEXT_BYTES):
            texts[part][table] = body[pos:pos + size]
            pos += size
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if pos != len(body):
        return None
    entry.update(texts)
    return entry if valid_entry(entry) else None


def read_rendered(cache_dir: Path, key: str, kind: str, rel: str) -> dict | None:
    """A document's rendered batch in format ``kind`` when cached for the same relative path."""
    try:
        hit = unpacked_rendered((cache_dir / f"{key}.{kind}.json").read_bytes())
    except OSError:
        return None
    return hit if hit is not None and hit.get("doc") == rel else None


def rendered_batch(rows: dict[str, list[dict]], rel: str, render: Callable) -> dict:
    """A rendered batch that also keeps the rows a run summary and the corpus pass need.

    The support tables (brands, formulations) get their corpus-level ``support`` only at the end
    of a run: they are rendered with a placeholder there and their rows' item keys kept
    (:func:`djtext.corpus_pass.pending_support`), so the corpus pass only puts the counts in."""
    from djtext.corpus_pass import KEPT_ROWS, SUPPORT_TABLES, pending_support
    from djtext.results_folder import COUNTS

    batch = render({table: items for table, items in rows.items() if table not in SUPPORT_TABLES})
    batch[COUNTS].update({table: len(rows[table]) for table in SUPPORT_TABLES if table in rows})
    return {"doc": rel, **{table: rows.get(table, []) for table in KEPT_ROWS}, **pending_support(rows, render), **batch}
