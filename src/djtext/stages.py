"""The named per-document stages and the runner that passes one ``Document`` through them.

Like spaCy's pipeline components, each ``Stage`` has a ``name``, declares the ``Document`` fields
it ``needs`` and those it ``fills``, and its ``run(doc, resources)`` fills them in place. The
default order is clean → structure → segment → extract → attribute; ``check_stages`` refuses an
order in which a stage would run before what it needs is filled.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from djtext.models import Document
    from djtext.resources import Resources

INGESTED = ("raw",)  # what a Document holds before the first stage


@dataclass(frozen=True)
class Stage:
    """One named step over a Document: reads ``needs``, fills ``fills``."""

    name: str
    needs: tuple[str, ...]
    fills: tuple[str, ...]
    run: Callable[["Document", "Resources"], None]


def _clean(doc: "Document", resources: "Resources", t2s: bool | None = None) -> None:
    """Clean the raw text (offset map, fixes)."""
    from djtext.clean import clean_text

    doc.clean = clean_text(doc.raw.text, t2s=t2s)


def clean_stage(t2s: bool | None = None) -> Stage:
    """The clean stage (``t2s``: traditional → simplified; None decides per document)."""
    return Stage("clean", ("raw",), ("clean",), lambda doc, resources: _clean(doc, resources, t2s))


def _structure(doc: "Document", resources: "Resources") -> None:
    """The text's views (lines, parts of a compilation, column-wrap view), built once and read by
    every structure step, then reporting units and numbered lists."""
    from djtext.structure import find_lists, find_units, text_views

    doc.views = text_views(doc.clean)
    doc.parts = list(doc.views.parts)
    doc.units = find_units(doc.clean, resources.lexicon, doc.views)
    doc.lists = find_lists(doc.clean, doc.units, resources.lexicon, doc.views)


def _segment(doc: "Document", resources: "Resources") -> None:
    """Words of the clean text, with the run's lexicon as user dictionary."""
    doc.tokens = resources.segmenter.cut(doc.clean.text)


def _extract(doc: "Document", resources: "Resources") -> None:
    """Mentions of every registered extractor (djtext.extract.EXTRACTORS)."""
    from djtext.extract import extract_all

    doc.mentions = extract_all(doc.clean, lexicon=resources.lexicon)


def _attribute(doc: "Document", resources: "Resources") -> None:
    """Regions of units, the unit of every list item and mention, the rows' region view."""
    from djtext.attribute import attribute_document

    attribute_document(doc, resources.gazetteer, resources.lexicon)


STRUCTURE = Stage("structure", ("clean",), ("views", "units", "lists", "parts"), _structure)
SEGMENT = Stage("segment", ("clean",), ("tokens",), _segment)
EXTRACT = Stage("extract", ("clean",), ("mentions",), _extract)
ATTRIBUTE = Stage("attribute", ("clean", "units", "lists", "mentions", "parts"), ("units", "places", "regions"), _attribute)


def default_stages(t2s: bool | None = None) -> tuple[Stage, ...]:
    """clean → structure → segment → extract → attribute."""
    return (clean_stage(t2s), STRUCTURE, SEGMENT, EXTRACT, ATTRIBUTE)


def check_stages(stages: tuple[Stage, ...]) -> None:
    """Raise ValueError when a stage needs a field no earlier stage fills."""
    filled = set(INGESTED)
    for stage in stages:
        missing = [need for need in stage.needs if need not in filled]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {', '.join(missing)}, filled by no earlier stage")
        filled.update(stage.fills)


def run_stages(doc: "Document", resources: "Resources", stages: tuple[Stage, ...]) -> "Document":
    """Pass ``doc`` through ``stages`` in order (in place) and return it."""
    for stage in stages:
        stage.run(doc, resources)
    return doc
