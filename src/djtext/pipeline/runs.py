"""The two ways to run a corpus: ``extract_corpus`` streams into a RESULTS folder, ``run_corpus``
collects pandas tables in memory (for the library and the analysis commands)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from djtext.pipeline.huge import HUGE_BYTES, PIECE_CHARS
from djtext.pipeline.options import Options
from djtext.pipeline.stream import iter_corpus_rows
from djtext.pipeline.summary import CorpusResult, RunSummary
from djtext.schema import TABLES, columns

if TYPE_CHECKING:
    import pandas as pd

RESULT_TABLES = tuple(TABLES)


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
