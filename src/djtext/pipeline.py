"""Running the per-document stages over a corpus: parallelism, cache and error collection.

Per-document work (ingest → clean → structure → segment → extract → attribute) is a pure
function of a file's bytes and the options (`process_file`), returns plain rows, and is cached
by content hash; `run_corpus` maps it over a folder (optionally in a process pool) and combines
the rows into the schema's pandas tables.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from djtext import __version__
from djtext.attribute import attribute_document
from djtext.clean import clean_text
from djtext.corpus import iter_files, read_document, safe_name
from djtext.dedup import flag_duplicates
from djtext.evidence import add_support
from djtext.extract import extract_all
from djtext.lexicon import load_lexicon
from djtext.models import Document
from djtext.rows import document_rows
from djtext.schema import TABLES, columns
from djtext.segment import get_segmenter
from djtext.structure import find_lists, find_units

RESULT_TABLES = tuple(TABLES)


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
        """A short hash of the options, the lexicon files and the djtext version (cache key part)."""
        lexicon = load_lexicon(self.lexicon_paths)
        digest = hashlib.sha256(json.dumps([asdict(self), __version__, code_fingerprint()], sort_keys=True).encode())
        for source in lexicon.sources:
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

    tables: dict[str, pd.DataFrame]
    errors: list[tuple[str, str]] = field(default_factory=list)
    cached: int = 0

    @property
    def n_documents(self) -> int:
        """Number of files seen (including failed ones)."""
        return len(self.tables.get("documents", ()))


def analyse_document(doc: Document, options: Options) -> Document:
    """Run clean → structure → segment → extract → attribute on an ingested document, in place."""
    if doc.raw.error:
        doc.error = doc.raw.error
        return doc
    lexicon = load_lexicon(options.lexicon_paths)
    doc.clean = clean_text(doc.raw.text, t2s=options.t2s)
    doc.units = find_units(doc.clean, lexicon)
    doc.lists = find_lists(doc.clean, doc.units)
    segmenter = get_segmenter(options.segmenter, lexicon=lexicon, **options.segmenter_options())
    doc.tokens = segmenter.cut(doc.clean.text)
    doc.mentions = extract_all(doc.clean, lexicon=lexicon)
    attribute_document(doc, lexicon=lexicon)
    return doc


def process_file(path: str, root: str, options: Options) -> dict[str, list[dict]]:
    """All output rows of one file (never raises for a bad file: the error lands in documents)."""
    raw = read_document(Path(path), Path(root))
    doc = Document(raw=raw)
    try:
        analyse_document(doc, options)
    except Exception as exc:  # one bad document must not stop the corpus
        doc.error = f"{type(exc).__name__}: {exc}"
    rows = document_rows(doc)
    if options.tokens and not doc.error:
        from djtext.tokens import token_rows

        rows["tokens"] = token_rows(doc)
    return rows


def _cache_dir(cache: str | os.PathLike | None) -> Path | None:
    if cache is None:
        return None
    return Path(cache).expanduser()


def default_cache_dir() -> Path:
    """The per-user cache folder ($DJTEXT_CACHE_DIR, else $XDG_CACHE_HOME/djtext or ~/.cache/djtext)."""
    if os.environ.get("DJTEXT_CACHE_DIR"):
        return Path(os.environ["DJTEXT_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "djtext"


def _cache_key(path: Path, fingerprint: str) -> str:
    if not path.is_file():  # a FIFO would block the read; read_document reports what it is
        raise OSError(f"{path}: not a regular file")
    digest = hashlib.sha256(path.read_bytes())
    digest.update(fingerprint.encode())
    digest.update(path.suffix.lower().encode())
    return digest.hexdigest()


def _read_cache_entry(path: Path) -> dict[str, list[dict]] | None:
    """The rows cached at ``path``, or None when missing, truncated or corrupt (then recomputed and rewritten)."""
    try:
        rows = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(rows, dict) and isinstance(rows.get("documents"), list) and rows["documents"]
            and all(isinstance(v, list) and all(isinstance(r, dict) for r in v) for v in rows.values())):
        return None
    return rows


def _relative(path: Path, root: Path) -> str:
    return safe_name(path.name if root.is_file() else path.relative_to(root).as_posix())


def _with_doc_path(rows: dict[str, list[dict]], rel: str) -> dict[str, list[dict]]:
    return {table: [{**row, "doc": rel} for row in items] for table, items in rows.items()}


def _work(args: tuple[str, str, Options]) -> dict[str, list[dict]]:
    return process_file(*args)


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
    tokens: bool = False,
) -> CorpusResult:
    """Process every supported file under ``root`` and return the combined schema tables."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or folder")
    options = Options(tuple(str(p) for p in lexicon_paths), segmenter, hanlp_model, t2s, hanlp_download, tokens)
    # fail fast (unknown backend, a missing HanLP model) before touching the corpus
    get_segmenter(segmenter, lexicon=load_lexicon(options.lexicon_paths), **options.segmenter_options())
    files = iter_files(root)
    cache_dir = _cache_dir(cache)
    fingerprint = options.fingerprint() if cache_dir else ""
    results: dict[str, dict[str, list[dict]]] = {}
    todo: list[tuple[Path, str | None]] = []
    cached = 0
    tick = progress if callable(progress) else (lambda _name: None)
    for path in files:
        rel = _relative(path, root)
        key = None
        if cache_dir:
            try:
                key = _cache_key(path, fingerprint)
                entry = _read_cache_entry(cache_dir / f"{key}.json")
                if entry is not None:
                    results[rel] = _with_doc_path(entry, rel)
                    cached += 1
                    tick(rel)
                    continue
            except OSError:
                key = None
        todo.append((path, key))
    args = [(str(path), str(root), options) for path, _ in todo]
    if engine == "dask":
        for (path, key), rows in zip(todo, _run_dask(args, jobs)):
            _store(results, rows, path, root, key, cache_dir)
            tick(_relative(path, root))
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    elif jobs > 1 and len(args) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outputs = pool.map(_work, args, chunksize=1)
            for (path, key), rows in zip(todo, outputs):
                _store(results, rows, path, root, key, cache_dir)
                tick(_relative(path, root))
    else:
        for (path, key), arg in zip(todo, args):
            _store(results, _work(arg), path, root, key, cache_dir)
            tick(_relative(path, root))
    return combine(results, cached)


def _run_dask(args: list[tuple[str, str, Options]], jobs: int) -> list[dict[str, list[dict]]]:
    """Map ``process_file`` over the files with a Dask bag (a distributed Client is used if active)."""
    try:
        import dask
        import dask.bag as db
    except ImportError:
        raise ValueError("the dask engine needs the dask extra: pip install 'djtext[dask]'") from None
    if not args:
        return []
    bag = db.from_sequence(args, npartitions=max(1, min(len(args), 4 * jobs)))
    try:  # a running dask.distributed Client becomes the default scheduler
        from distributed import default_client

        default_client()
        scheduler = None
    except (ImportError, ValueError):
        scheduler = "processes" if jobs > 1 else "sync"
    with dask.config.set(num_workers=jobs):
        return bag.map(_work).compute(scheduler=scheduler)


def _store(results, rows, path: Path, root: Path, key: str | None, cache_dir: Path | None) -> None:
    rel = _relative(path, root)
    results[rel] = rows
    failed = any(row.get("error") for row in rows.get("documents", []))
    if cache_dir and key and not failed:
        from djtext.export import atomic_write_bytes

        try:
            atomic_write_bytes(cache_dir / f"{key}.json", json.dumps(rows, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs time


def combine(results: dict[str, dict[str, list[dict]]], cached: int = 0) -> CorpusResult:
    """Concatenate per-document rows (in file order) into one DataFrame per schema table."""
    tables: dict[str, pd.DataFrame] = {}
    errors: list[tuple[str, str]] = []
    for name in RESULT_TABLES:
        rows = [row for rel in sorted(results) for row in results[rel].get(name, [])]
        tables[name] = pd.DataFrame(rows, columns=columns(name)) if rows else pd.DataFrame(columns=columns(name))
    flag_duplicates(tables, results)  # djtext.dedup: fills documents.duplicate_of from the _dedup rows
    if any("tokens" in rows for rows in results.values()):  # extract --tokens
        from djtext.tokens import TOKEN_COLUMNS

        tables["tokens"] = pd.DataFrame([row for rel in sorted(results) for row in results[rel].get("tokens", [])],
                                        columns=list(TOKEN_COLUMNS))
    for rel in sorted(results):
        for row in results[rel].get("documents", []):
            if row.get("error"):
                errors.append((rel, row["error"]))
    add_support(tables)
    return CorpusResult(tables=tables, errors=errors, cached=cached)
