"""`djtext report` and `djtext show`: reviewing extracted items in their cleaned text.

``write_report`` turns a RESULTS folder (and the corpus it came from) into one static HTML file;
djtext.report.terminal prints one document with its items highlighted.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from djtext.report.texts import DocText, ReportError, corpus_root, load_text

__all__ = ["DocText", "ReportError", "load_inputs", "load_texts", "report_data", "write_report"]


def load_inputs(results: Path) -> tuple[dict[str, pd.DataFrame], pd.DataFrame | None]:
    """The schema tables of a RESULTS folder and its practice_clusters table (None when absent)."""
    from djtext.analysis.tables import ResultsError, is_results_folder, load_results, read_table_file, table_path

    results = Path(results)
    if not results.is_dir():
        raise ReportError(f"{results}: no such RESULTS folder")
    if not is_results_folder(results):
        raise ReportError(f"{results}: not a RESULTS folder (no documents.csv, brands.csv ...; run `djtext extract CORPUS --out {results}` first)")
    try:
        tables = _load_results(results)
        path = table_path(results, "practice_clusters")
        clusters = read_table_file(path) if path is not None else None
    except ResultsError as exc:
        raise ReportError(str(exc)) from None
    return tables, clusters


def _load_results(results: Path) -> dict[str, pd.DataFrame]:
    """load_results, tolerating a documents table written before it had title and date."""
    from djtext.analysis.tables import ResultsError, load_results, read_table_file, table_path
    from djtext.export import conform
    from djtext.schema import TABLES

    try:
        return load_results(results)
    except ResultsError as exc:
        path = table_path(results, "documents")
        if path is None or "documents table" not in str(exc):
            raise
        frame = read_table_file(path)
        missing = {c.name for c in TABLES["documents"]} - set(frame.columns)
        if not missing <= {"title", "date"}:
            raise
        tables = load_results(results, tuple(t for t in TABLES if t != "documents"))
        tables["documents"] = conform("documents", frame)
        return tables


def load_texts(tables: dict[str, pd.DataFrame], root: Path | None, docs: list[str] | None = None,
               t2s: bool | None = None) -> dict[str, DocText]:
    """Re-read and re-clean the documents of the tables (or just ``docs``) from the corpus ``root``."""
    documents = tables.get("documents", pd.DataFrame())
    chars = dict(zip(documents["doc"], documents["chars_raw"])) if not documents.empty else {}
    from djtext.report.model import document_list

    wanted = docs if docs is not None else document_list(tables)
    return {doc: load_text(root, doc, chars.get(doc), t2s=t2s) for doc in wanted}


def report_data(results: Path, corpus: Path | None = None, *, by: str = "province", top: int = 10,
                t2s: bool | None = None) -> dict:
    """The report's data for a RESULTS folder (texts from ``corpus`` or the corpus recorded at extraction)."""
    from djtext import __version__
    from djtext.analysis.compare import LEVELS
    from djtext.report.model import build_report, result_label

    if by not in LEVELS:
        raise ReportError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    tables, clusters = load_inputs(results)
    root = corpus_root(results, corpus)
    texts = load_texts(tables, root, t2s=t2s)
    meta = {"results": result_label(results), "corpus": str(root) if root else "", "version": __version__,
            "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    return build_report(tables, texts, by=by, top=top, clusters=clusters, meta=meta)


def write_report(results: Path, out: Path, corpus: Path | None = None, *, by: str = "province", top: int = 10,
                 t2s: bool | None = None) -> dict:
    """Write the HTML report of ``results`` to ``out`` atomically; return its data."""
    from djtext.export import atomic_write_bytes
    from djtext.report.html import render_report

    data = report_data(results, corpus, by=by, top=top, t2s=t2s)
    atomic_write_bytes(Path(out), render_report(data).encode("utf-8"))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(out, 0o666 & ~umask)  # a report is for sharing: the usual file mode, not the temporary file's 0600
    return data
