"""Running the per-document stages over a corpus: parallelism, streaming, pieces, cache, errors.

Per-document work (ingest → clean → structure → segment → extract → attribute) is a pure
function of a file's bytes and the options (`process_file`, `process_text`), returns plain rows,
and is cached by content hash. `iter_corpus_rows` maps it over a folder, in file order, in a
process pool (`jobs`) or on a Dask cluster, and streams each document's rows back as they come:
nothing holds the rows of the whole corpus. `extract_corpus` writes those rows straight into a
RESULTS folder (`djtext.results_folder.TableWriter`); `run_corpus` collects them into pandas
tables for the library and the analysis commands.

Huge files (more than ``HUGE_BYTES``) are split into bounded pieces (``PIECE_CHARS``, cut at a
page break, a blank line or a line end) that are analysed one after another (or in parallel) as
if they were documents; their rows get the whole file's raw offsets, lines and list ids, so
memory stays flat whatever a file's size. Cross-piece context (a reporting unit that starts in
one piece and goes on in the next) is not carried over.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from djtext import __version__
from djtext.schema import TABLES, columns

if TYPE_CHECKING:  # pandas only where tables are built (run_corpus), not on import
    import pandas as pd

    from djtext.models import Document
    from djtext.resources import Resources

RESULT_TABLES = tuple(TABLES)
HUGE_BYTES = 2_000_000  # files larger than this are read in the main process and split into pieces
PIECE_CHARS = 100_000  # target characters per piece (larger pieces run slower: some stages are superlinear)
BATCH_BYTES = 1_000_000  # small files are sent to a worker in groups of about this many bytes
BATCH_FILES = 4
SCHEDULER_ENV = "DJTEXT_DASK_SCHEDULER"
CONNECT_TIMEOUT = "20s"  # how long to wait for a Dask scheduler


@dataclass(frozen=True)
class Options:
    """Everything besides a file's bytes that changes the per-document result."""

    lexicon_paths: tuple[str, ...] = ()
    segmenter: str = "jieba"
    hanlp_model: str | None = None
    t2s: bool | None = None
    hanlp_download: bool = False
    tokens: bool = False  # also emit the tokens table (djtext.tokens)

    def segmenter_options(self) -> dict:
        """Backend options for ``get_segmenter`` (only the HanLP backend takes a model)."""
        if self.segmenter != "hanlp":
            return {}
        return {"model": self.hanlp_model, "allow_download": self.hanlp_download}

    def fingerprint(self) -> str:
        """A short hash of the options, the lexicon files and the djtext version (cache key part).

        The built-in lexicons are part of ``code_fingerprint``; only user lexicons are read here.
        """
        digest = hashlib.sha256(json.dumps([asdict(self), __version__, code_fingerprint()], sort_keys=True).encode())
        if not self.lexicon_paths:
            return digest.hexdigest()[:16]
        from djtext.lexicon import load_lexicon

        for source in load_lexicon(self.lexicon_paths).sources:
            try:
                digest.update(Path(source).read_bytes())
            except OSError:
                digest.update(source.encode())
        return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of djtext's own code and data files, so a changed djtext never reuses stale cache."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".txt", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class CorpusResult:
    """The combined tables of a corpus run and the failures met on the way."""

    tables: dict[str, "pd.DataFrame"]
    errors: list[tuple[str, str]] = field(default_factory=list)
    cached: int = 0

    @property
    def n_documents(self) -> int:
        """Number of files seen (including failed ones)."""
        return len(self.tables.get("documents", ()))


@dataclass
class RunSummary:
    """What a streamed run saw: per-document rows counts, failures, cache hits, the brands seen."""

    documents: list[dict] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # doc → table → rows
    errors: list[tuple[str, str]] = field(default_factory=list)
    cached: int = 0
    brands: dict[tuple, set] = field(default_factory=dict)  # first BRAND_LIMIT brand keys → docs
    more_brands: int = 0
    paths: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)  # duplicate doc → the doc it repeats

    BRAND_LIMIT = 60

    @property
    def n_documents(self) -> int:
        """Number of files seen (including failed ones)."""
        return len(self.documents)

    def add(self, rel: str, batch: dict[str, list[dict]]) -> None:
        """Count one batch of rows of document ``rel``."""
        counts = self.counts.setdefault(rel, {})
        sizes = batch.get("_counts") or {t: len(rows) for t, rows in batch.items() if isinstance(rows, list)}
        for table, n in sizes.items():
            counts[table] = counts.get(table, 0) + n
        for row in batch.get("documents", ()):
            self.documents.append(row)
            if row.get("error"):
                self.errors.append((rel, row["error"]))
        for row in batch.get("brands", ()):
            key = tuple(row.get(k) or "" for k in ("name", "kind", "unit", "province", "city", "county"))
            docs = self.brands.get(key)
            if docs is not None:
                docs.add(row.get("doc") or rel)
            elif len(self.brands) < self.BRAND_LIMIT:
                self.brands[key] = {row.get("doc") or rel}
            else:
                self.more_brands += 1


def analyse_document(doc: "Document", options: Options, resources: "Resources | None" = None) -> "Document":
    """Pass an ingested document through the named stages (djtext.stages), in place.

    ``resources``: the run's lexicon, gazetteer, vocabulary and segmenter (built once per process
    from ``options`` when not given)."""
    from djtext.resources import resources_for
    from djtext.stages import run_stages

    if doc.raw.error:
        doc.error = doc.raw.error
        return doc
    if resources is None:
        kept = _WORKER.get("resources")  # the worker's own, built once by _warm
        resources = kept[1] if kept and kept[0] == options else resources_for(options)
    return run_stages(doc, resources, _stages(options.t2s))


@lru_cache(maxsize=3)
def _stages(t2s: bool | None) -> tuple:
    from djtext.stages import check_stages, default_stages

    stages = default_stages(t2s)
    check_stages(stages)
    return stages


def _rows_of(doc: "Document", options: Options) -> dict[str, list[dict]]:
    from djtext.rows import document_rows

    try:
        analyse_document(doc, options)
    except Exception as exc:  # one bad document must not stop the corpus
        doc.error = f"{type(exc).__name__}: {exc}"
    rows = document_rows(doc)
    if options.tokens and not doc.error:
        from djtext.tokens import token_rows

        rows["tokens"] = token_rows(doc)
    return rows


def process_file(path: str, root: str, options: Options) -> dict[str, list[dict]]:
    """All output rows of one file (never raises for a bad file: the error lands in documents)."""
    from djtext.corpus import read_document
    from djtext.models import Document

    return _rows_of(Document(raw=read_document(Path(path), Path(root))), options)


def process_text(text: str, rel: str, options: Options) -> dict[str, list[dict]]:
    """All output rows of one decoded text (a piece of a huge file) as document ``rel``."""
    from djtext.models import Document, RawDocument

    return _rows_of(Document(raw=RawDocument(path=rel, text=text, encoding="", format="txt")), options)


# ---- the cache (its location is decided in default_cache_dir alone) ----

def default_cache_dir() -> Path:
    """The per-user cache folder ($DJTEXT_CACHE_DIR, else $XDG_CACHE_HOME/djtext or ~/.cache/djtext)."""
    if os.environ.get("DJTEXT_CACHE_DIR"):
        return Path(os.environ["DJTEXT_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "djtext"


def _cache_dir(cache: str | os.PathLike | None) -> Path | None:
    if cache is None:
        return None
    return Path(cache).expanduser()


def _cache_key(path: Path, fingerprint: str) -> str:
    if not path.is_file():  # a FIFO would block the read; read_document reports what it is
        raise OSError(f"{path}: not a regular file")
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    digest.update(fingerprint.encode())
    digest.update(path.suffix.lower().encode())
    return digest.hexdigest()


def _cache_read(cache_dir: Path, key: str) -> dict[str, list[dict]] | None:
    hit = cache_dir / f"{key}.json"
    try:
        entry = json.loads(hit.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):  # a corrupt entry is a miss (and is overwritten)
        return None
    return entry if _valid_cache_entry(entry) else None


def _valid_cache_entry(entry: object) -> bool:
    """True for a whole cache entry: a documents row, lists of row dicts (or a rendered batch)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("documents"), list) or not entry["documents"]:
        return False
    return all(isinstance(v, (list, dict, str)) for v in entry.values())


def _cache_write(cache_dir: Path, key: str, rows: dict, kind: str = "") -> None:
    """Store the rows (or, with ``kind``, the rendered batch) of one document under ``key``."""
    if any(row.get("error") for row in rows.get("documents", [])):
        return
    from djtext.results_folder import atomic_write_bytes

    name = f"{key}.{kind}.json" if kind else f"{key}.json"
    try:
        atomic_write_bytes(cache_dir / name, json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written only costs time


def _cache_read_rendered(cache_dir: Path, key: str, kind: str, rel: str) -> dict | None:
    """A document's rendered batch in format ``kind`` when cached for the same relative path."""
    hit = _cache_read(cache_dir, f"{key}.{kind}")
    return hit if isinstance(hit, dict) and hit.get("doc") == rel else None


def _rendered(rows: dict[str, list[dict]], rel: str, render: Callable) -> dict:
    """A rendered batch that also keeps the rows a run summary and the corpus pass need."""
    from djtext.corpus_pass import KEPT_ROWS

    return {"doc": rel, **{table: rows.get(table, []) for table in KEPT_ROWS}, **render(rows)}


# ---- pieces of huge files ----

def split_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text`` in pieces of about ``size`` characters.

    Each cut is placed after a page break, else after a blank line, else after a line end, in
    the last quarter of the piece; only a text without any of them is cut mid-line.
    """
    spans, start, n = [], 0, len(text)
    while n - start > size + size // 2:
        target, low = start + size, start + size - size // 4
        cut = -1
        for mark in ("\f", "\n\n", "\n"):
            found = text.rfind(mark, low, target)
            if found != -1:
                cut = found + len(mark)
                break
        if cut <= start:
            cut = target
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _shift_rows(rows: dict[str, list[dict]], raw_offset: int, line_offset: int, id_offset: int, rel: str) -> int:
    """Move a piece's rows to the whole file's coordinates in place; return the largest list id."""
    top = id_offset
    for table, items in rows.items():
        if table == "documents":
            continue
        for row in items:
            row["doc"] = rel
            if row.get("raw_start") is not None:
                row["raw_start"] += raw_offset
            if row.get("raw_end") is not None:
                row["raw_end"] += raw_offset
            if row.get("line") is not None:
                row["line"] += line_offset
            if table == "lists":
                if row.get("id") is not None:
                    row["id"] += id_offset
                    top = max(top, row["id"])
                if row.get("parent_id") is not None:
                    row["parent_id"] += id_offset
    return top


def _merge_fixes(summaries: Iterable[str]) -> str:
    from djtext.rows import fixes_summary

    total: dict[str, int] = {}
    for summary in summaries:
        for part in filter(None, (summary or "").split("; ")):
            name, _, count = part.rpartition("=")
            if name and count.isdigit():
                total[name] = total.get(name, 0) + int(count)
    return fixes_summary(total)


class _Huge:
    """The state of one huge file being processed piece by piece."""

    def __init__(self, rel: str, raw, spans: list[tuple[int, int]]):
        self.rel, self.raw, self.spans = rel, raw, spans
        self.chars_clean = self.tokens = 0
        self.fixes: list[str] = []
        self.error = ""
        self.id_offset = 0
        self.line_offset = 0
        self.last_start = 0
        self.metadata: dict = {}

    def piece_rows(self, index: int, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
        """A piece's rows in file coordinates (its documents row folded into the file's)."""
        start, _end = self.spans[index]
        self.line_offset += self.raw.text.count("\n", self.last_start, start)
        self.last_start = start
        for row in rows.pop("documents", []):
            if index == 0:
                self.metadata = {k: row.get(k) for k in ("title", "date")}
            self.chars_clean += row.get("chars_clean") or 0
            self.tokens += row.get("tokens") or 0
            self.fixes.append(row.get("fixes") or "")
            if row.get("error") and not self.error:
                self.error = f"piece at character {start}: {row['error']}"
        self.id_offset = _shift_rows(rows, start, self.line_offset, self.id_offset, self.rel)
        return rows

    def document_row(self) -> dict:
        """The file's one row of the documents table."""
        return {
            "doc": self.rel, "encoding": self.raw.encoding, "format": self.raw.format,
            "chars_raw": len(self.raw.text), "chars_clean": self.chars_clean, "tokens": self.tokens,
            "fixes": _merge_fixes(self.fixes), "error": self.error, **self.metadata,
        }


# ---- workers ----

_WORKER: dict = {}  # a pool worker's options, cache folder, render format and (options, Resources) (set once)


def _init_worker(options: Options, cache_dir: str | None = None, kind: str = "") -> None:
    """Pool initializer: keep the context and load lexicon, segmenter and gazetteer once."""
    _WORKER.update(options=options, cache_dir=cache_dir, kind=kind)
    _warm(options)


def _warm(options: Options) -> None:
    """Build this process's one ``Resources`` for ``options`` (segmenter included) and keep it."""
    from djtext.resources import resources_for

    resources = resources_for(options)
    resources.segmenter  # noqa: B018  (made now: an unavailable backend fails here, once)
    _WORKER["resources"] = (options, resources)


def _run_task(task: tuple, options: Options | None = None, cache_dir: str | None = None,
              kind: str = "") -> list[dict]:
    """Run one task: ("files", root, [(path, rel, key)]) or ("piece", rel, text).

    Whole files come back with their ``doc`` set, cached in ``cache_dir`` (when given) and, with
    ``kind`` (csv, jsonl), as rendered batches: the worker does the formatting, not the main process.
    """
    options = options or _WORKER.get("options") or Options()
    if task[0] == "piece":
        _, rel, text = task
        return [process_text(text, rel, options)]
    from djtext.results_folder import render_batch

    _, root, files = task
    folder = Path(cache_dir) if cache_dir else None
    out = []
    for path, rel, key in files:
        rows = _with_doc_path(process_file(path, root, options), rel)
        if kind:  # the run needs (and caches) the rendered text only
            rows = _rendered(rows, rel, lambda batch: render_batch(batch, kind))
        if folder and key:
            _cache_write(folder, key, rows, kind)
        out.append(rows)
    return out


class _Ready:
    """A finished value with the interface of a future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _ordered(engine: "_executor", tasks: Iterator[tuple]) -> Iterator[tuple]:
    """(tag, result) for each (tag, task) of ``tasks`` in order, at most ``engine.window`` in flight."""
    pending: deque = deque()
    for tag, task in tasks:
        pending.append((tag, _Ready(task[1]) if task[0] == "ready" else engine.submit(task)))
        while len(pending) >= engine.window:
            tag0, future = pending.popleft()
            yield tag0, future.result()
    while pending:
        tag0, future = pending.popleft()
        yield tag0, future.result()


@dataclass
class _Entry:
    path: Path
    rel: str
    key: str | None
    huge: bool


def _plan(root: Path, cache_dir: Path | None, fingerprint: str, huge_bytes: int) -> list[_Entry]:
    from djtext.corpus import iter_files

    entries = []
    for path in iter_files(root):
        rel = _relative(path, root)
        key = None
        if cache_dir:
            try:
                key = _cache_key(path, fingerprint)
            except OSError:
                key = None
        try:
            huge = path.stat().st_size > huge_bytes
        except OSError:
            huge = False
        entries.append(_Entry(path, rel, key, huge))
    return sorted(entries, key=lambda e: e.rel)


def _tasks(entries: list[_Entry], root: Path, cache_dir: Path | None, piece_chars: int,
           kind: str = "") -> Iterator[tuple]:
    """(tag, task) pairs: groups of small files, cached rows ("ready") and the pieces of huge files."""
    group: list[_Entry] = []
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
            rows = _cache_read_rendered(cache_dir, entry.key, kind, entry.rel) if kind else None
            if rows is None:
                rows = _cache_read(cache_dir, entry.key)
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
            yield ("files", [entry]), ("ready", [_error_rows(entry.rel, raw)])
            continue
        spans = split_pieces(raw.text, piece_chars)
        state = _Huge(entry.rel, raw, spans)
        for index, (start, end) in enumerate(spans):
            yield ("piece", state, index), ("piece", entry.rel, raw.text[start:end])
        yield ("huge_end", state, entry), ("ready", [])
        del raw, state
    done = flush()
    if done:
        yield done


def _error_rows(rel: str, raw) -> dict[str, list[dict]]:
    from djtext.models import Document
    from djtext.rows import document_rows

    doc = Document(raw=raw)
    doc.error = raw.error
    rows = document_rows(doc)
    rows["documents"][0]["doc"] = rel
    return rows


def _relative(path: Path, root: Path) -> str:
    from djtext.corpus import safe_name

    return safe_name(path.name if root.is_file() else path.relative_to(root).as_posix())


def _with_doc_path(rows: dict[str, list[dict]], rel: str) -> dict[str, list[dict]]:
    for items in rows.values():
        for row in items:
            row["doc"] = rel
    return rows


def _work(args: tuple[str, str, Options]) -> dict[str, list[dict]]:
    return process_file(*args)


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
    cache_dir = _cache_dir(cache)
    fingerprint = options.fingerprint() if cache_dir else ""
    entries = _plan(root, cache_dir, fingerprint, huge_bytes)
    kind = render_kind if render else ""
    tasks = _tasks(entries, root, cache_dir, piece_chars, kind)
    with _executor(engine, jobs, options, scheduler, cache_dir, kind) as runner:
        for tag, results in _ordered(runner, tasks):
            what = tag[0]
            if what == "cached":
                entry = tag[1]
                if on_cached:
                    on_cached(entry.rel)
                rows = results[0]
                if kind and "doc" not in rows:  # rows cached by an in-memory run: render (and keep) them
                    rows = _rendered(_with_doc_path(rows, entry.rel), entry.rel, render)
                    _cache_write(cache_dir, entry.key, rows, kind)
                elif not kind:
                    rows = _with_doc_path(rows, entry.rel)
                yield entry.rel, rows, True
            elif what == "files":
                for entry, rows in zip(tag[1], results):
                    if cache_dir and entry.key and not runner.caches:
                        _cache_write(cache_dir, entry.key, rows, kind if "doc" in rows else "")
                    yield entry.rel, rows, True
            elif what == "piece":
                state, index = tag[1], tag[2]
                yield state.rel, state.piece_rows(index, results[0]), False
            else:  # huge_end
                state = tag[1]
                yield state.rel, {"documents": [state.document_row()]}, True


class _executor:
    """Context manager for the chosen engine, started only when the first uncached task comes.

    ``submit(task)`` gives a future; ``window`` is how many tasks may be in flight. A run whose
    every file comes from the cache never loads a segmenter nor starts a pool or a cluster.
    """

    def __init__(self, engine: str, jobs: int, options: Options, scheduler: str | None,
                 cache_dir: Path | None = None, kind: str = ""):
        self.engine, self.jobs, self.options, self.scheduler = engine, max(1, jobs), options, scheduler
        # local workers write the cache themselves; a cluster's workers may not see this folder
        self.cache_dir = str(cache_dir) if cache_dir and engine == "local" else None
        self.kind = kind
        self.caches = self.cache_dir is not None
        self._close: list[Callable[[], None]] = []
        self._submit: Callable | None = None
        self.window = 1

    def __enter__(self):
        return self

    def submit(self, task: tuple):
        """Run ``task`` on the engine (starting it on the first call); a future-like result."""
        if self._submit is None:
            self._submit, self.window = self._start()
        return self._submit(task)

    def _start(self) -> tuple[Callable, int]:
        if self.engine == "dask":
            return self._dask()
        _warm(self.options)  # loaded once here (errors surface here); forked workers inherit it
        if self.jobs == 1:
            return (lambda task: _Ready(_run_task(task, self.options, self.cache_dir, self.kind))), 1
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker,
                                   initargs=(self.options, self.cache_dir, self.kind))
        self._close.append(lambda: pool.shutdown(wait=True, cancel_futures=True))
        return (lambda task: pool.submit(_run_task_in_worker, task)), 3 * self.jobs

    def _dask(self) -> tuple[Callable, int]:
        try:
            from distributed import Client, default_client
        except ImportError:
            return self._dask_bag()
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise ValueError(f"cannot connect to the Dask scheduler {self.scheduler}: {exc}") from None
            self._close.append(client.close)
        else:
            try:
                client = default_client()
            except ValueError:
                if self.jobs == 1:
                    return self._dask_bag()
                from distributed import LocalCluster

                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, dashboard_address=None)
                client = Client(cluster)
                self._close.extend([cluster.close, client.close])
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        options, kind = self.options, self.kind
        return (lambda task: client.submit(_run_task, task, options, None, kind, pure=False)), 3 * max(workers, self.jobs)

    def _dask_bag(self) -> tuple[Callable, int]:
        try:
            import dask
        except ImportError:
            raise ValueError("the dask engine needs the dask extra: pip install 'djtext[dask]'") from None
        scheduler = "processes" if self.jobs > 1 else "sync"
        options, kind = self.options, self.kind

        def submit(task):
            value = dask.delayed(_run_task)(task, options, None, kind)
            return _Ready(value.compute(scheduler=scheduler, num_workers=self.jobs))

        return submit, 1

    def __exit__(self, *exc):
        for close in reversed(self._close):
            close()
        return False


def _run_task_in_worker(task: tuple) -> list[dict]:
    return _run_task(task, None, _WORKER.get("cache_dir"), _WORKER.get("kind", ""))


def _check_options(root: Path, options: Options) -> None:
    """Fail fast (missing corpus, bad lexicon, unknown segmenter) before touching the corpus.

    The segmenter itself is loaded with the first uncached document (a missing HanLP model
    then stops the run before any table is written).
    """
    from djtext.lexicon import load_lexicon
    from djtext.segment import SegmenterUnavailable, available_segmenters

    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or folder")
    if options.lexicon_paths:  # the built-in lexicons are loaded with the first uncached document
        load_lexicon(options.lexicon_paths)
    if options.segmenter not in available_segmenters():
        raise SegmenterUnavailable(f"unknown segmenter {options.segmenter!r}; choose one of {', '.join(available_segmenters())}")


def _checked_options(root: Path, lexicon_paths: Iterable[str], segmenter: str, hanlp_model: str | None,
                     t2s: bool | None, hanlp_download: bool, tokens: bool) -> Options:
    """The run's Options from the keyword arguments of run_corpus / extract_corpus, checked."""
    options = Options(tuple(str(p) for p in lexicon_paths), segmenter, hanlp_model, t2s, hanlp_download, tokens)
    _check_options(root, options)
    return options


def _tick(progress) -> Callable[[str], None]:
    return progress if callable(progress) else (lambda _name: None)


def run_corpus(
    root: Path,
    *,
    jobs: int = 1,
    lexicon_paths: Iterable[str] = (),
    segmenter: str = "jieba",
    hanlp_model: str | None = None,
    hanlp_download: bool = False,
    t2s: bool | None = None,
    cache: str | os.PathLike | None = None,
    progress: bool | Callable[[str], None] = False,
    engine: str = "local",
    scheduler: str | None = None,
    huge_bytes: int = HUGE_BYTES,
    piece_chars: int = PIECE_CHARS,
    tokens: bool = False,
) -> CorpusResult:
    """Process every supported file under ``root`` and return the combined schema tables (in memory).

    ``documents.duplicate_of`` flags duplicates (their rows are kept: ``djtext.dedup.without_duplicates``
    drops them); brands and formulations get their corpus-level ``support``.
    """
    root = Path(root)
    options = _checked_options(root, lexicon_paths, segmenter, hanlp_model, t2s, hanlp_download, tokens)
    tick = _tick(progress)
    results: dict[str, dict[str, list[dict]]] = {}
    cached = 0

    def count(_rel):
        nonlocal cached
        cached += 1

    for rel, rows, last in iter_corpus_rows(root, jobs=jobs, options=options, cache=cache, engine=engine,
                                            scheduler=scheduler, huge_bytes=huge_bytes, piece_chars=piece_chars,
                                            on_cached=count):
        into = results.setdefault(rel, {})
        for table, items in rows.items():
            into.setdefault(table, []).extend(items)
        if last:
            tick(rel)
    return combine(results, cached)


def extract_corpus(
    root: Path,
    out: Path,
    *,
    fmt: str = "csv",
    bom: bool = True,
    jobs: int = 1,
    lexicon_paths: Iterable[str] = (),
    segmenter: str = "jieba",
    hanlp_model: str | None = None,
    hanlp_download: bool = False,
    t2s: bool | None = None,
    cache: str | os.PathLike | None = None,
    progress: bool | Callable[[str], None] = False,
    engine: str = "local",
    scheduler: str | None = None,
    huge_bytes: int = HUGE_BYTES,
    piece_chars: int = PIECE_CHARS,
    tokens: bool = False,
    keep_duplicates: bool = False,
) -> RunSummary:
    """Process the corpus under ``root`` and stream its rows into the RESULTS folder ``out``.

    Tables appear only when the whole run succeeded (temporary files, then renames); stale
    djtext tables of an earlier run in ``out`` are removed and ``datapackage.json`` lists
    exactly what this run wrote. The corpus pass (``djtext.corpus_pass``) flags duplicate
    documents as they come (their other rows are left out unless ``keep_duplicates``) and fills
    the corpus-level ``support`` of brands and formulations before the tables are committed.
    """
    from djtext.corpus_pass import CorpusPass
    from djtext.results_folder import TableWriter

    root = Path(root)
    options = _checked_options(root, lexicon_paths, segmenter, hanlp_model, t2s, hanlp_download, tokens)
    tick = _tick(progress)
    summary = RunSummary()

    def count(_rel):
        summary.cached += 1

    schemas = dict(TABLES)
    if tokens:
        from djtext.schema import OPTIONAL_TABLES

        schemas["tokens"] = OPTIONAL_TABLES["tokens"]
    writer = TableWriter(out, fmt, bom=bom, schemas=schemas)
    corpus_pass = CorpusPass(keep_duplicates=keep_duplicates)
    try:
        for rel, rows, last in iter_corpus_rows(root, jobs=jobs, options=options, cache=cache, engine=engine,
                                                scheduler=scheduler, huge_bytes=huge_bytes,
                                                piece_chars=piece_chars, on_cached=count,
                                                render=writer.render if writer.renders else None,
                                                render_kind=writer.fmt):
            written = corpus_pass.feed(rel, rows, last)
            writer.write(written)
            summary.add(rel, written if rel in corpus_pass.duplicate_of else rows)
            if last:
                tick(rel)
        corpus_pass.finish(writer)
    except BaseException:
        writer.abort()
        raise
    finally:
        corpus_pass.close()
    summary.duplicates = corpus_pass.duplicate_of
    run = {"command": "extract", "documents": summary.n_documents, "failed": len(summary.errors), "format": writer.fmt}
    from djtext.results_folder import corpus_sources  # so `djtext report` and `djtext show` find the texts

    summary.paths, summary.removed = writer.commit(run, corpus_sources(root))
    return summary


def combine(results: dict[str, dict[str, list[dict]]], cached: int = 0) -> CorpusResult:
    """Concatenate per-document rows (in file order) into one DataFrame per schema table."""
    import pandas as pd

    tables: dict[str, pd.DataFrame] = {}
    errors: list[tuple[str, str]] = []
    for name in RESULT_TABLES:
        rows = [row for rel in sorted(results) for row in results[rel].get(name, [])]
        tables[name] = pd.DataFrame(rows, columns=columns(name)) if rows else pd.DataFrame(columns=columns(name))
    from djtext.dedup import flag_duplicates
    from djtext.evidence import add_support

    flag_duplicates(tables, results)  # documents.duplicate_of from the _dedup rows
    if any("tokens" in rows for rows in results.values()):  # extract --tokens
        from djtext.tokens import TOKEN_COLUMNS

        tables["tokens"] = pd.DataFrame([row for rel in sorted(results) for row in results[rel].get("tokens", [])],
                                        columns=list(TOKEN_COLUMNS))
    add_support(tables)
    for rel in sorted(results):
        for row in results[rel].get("documents", []):
            if row.get("error"):
                errors.append((rel, row["error"]))
    return CorpusResult(tables=tables, errors=errors, cached=cached)
