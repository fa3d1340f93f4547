"""One document's rows: ingest → the named stages (djtext.stages) → rows, never raising for a bad file.

A process builds its ``Resources`` once (``keep_resources``: the pool initializer, or the first
uncached document of a serial run) and every document of the run reuses them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from djtext.pipeline.options import Options

if TYPE_CHECKING:
    from djtext.models import Document, RawDocument
    from djtext.resources import Resources

KEPT_RESOURCES: dict = {}  # "resources" → (options, Resources) of this process (set by keep_resources)


def keep_resources(options: Options) -> "Resources":
    """Build this process's one ``Resources`` for ``options`` (segmenter included) and keep it."""
    from djtext.resources import resources_for

    resources = resources_for(options)
    resources.segmenter  # noqa: B018  (made now: an unavailable backend fails here, once)
    KEPT_RESOURCES["resources"] = (options, resources)
    return resources


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
        kept = KEPT_RESOURCES.get("resources")  # the process's own, built once by keep_resources
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


def error_rows(rel: str, raw: "RawDocument") -> dict[str, list[dict]]:
    """The rows of a file that could not be read: its documents row with the error."""
    from djtext.models import Document
    from djtext.rows import document_rows

    doc = Document(raw=raw)
    doc.error = raw.error
    rows = document_rows(doc)
    rows["documents"][0]["doc"] = rel
    return rows


def with_doc_path(rows: dict[str, list[dict]], rel: str) -> dict[str, list[dict]]:
    """``rows`` with every row's ``doc`` set to ``rel`` (in place)."""
    for items in rows.values():
        for row in items:
            row["doc"] = rel
    return rows
