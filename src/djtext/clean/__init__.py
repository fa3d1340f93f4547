"""The cleaner: named fixers composed by a runner that keeps an offset map and an explanation.

``clean_text(raw)`` returns a :class:`~djtext.models.CleanText` whose ``text`` has one paragraph per
line, whose ``offsets`` lead every clean character back to the raw text, and whose ``fixes``,
``marks`` and ``flags`` say what changed, where the structure is and what looks doubtful.
"""
from __future__ import annotations

from functools import partial
from typing import Collection, Sequence

from djtext.clean.explain import FixSummary, explain, explain_table, merge_summaries
from djtext.clean.fix_headers import fix_page_headers, header_titles as document_header_titles
from djtext.clean.registry import FIXERS, FORCED_T2S, T2S
from djtext.clean.runner import Fixer, run_fixers
from djtext.models import CleanText

__all__ = ["FIXERS", "Fixer", "FixSummary", "clean_text", "corpus_header_titles", "document_header_titles", "explain",
           "explain_table", "fixer_names", "merge_summaries"]


def fixer_names() -> list[str]:
    """Names of all registered fixers, in the order they run."""
    return [f.name for f in FIXERS]


PAGE_HEADERS = "page_headers"


def _select(t2s: bool | None, fixers: Sequence[str] | None, header_titles: frozenset[str] = frozenset()) -> list[Fixer]:
    known = fixer_names()
    if fixers is not None:
        unknown = [name for name in fixers if name not in known]
        if unknown:
            raise ValueError(f"unknown fixer(s): {', '.join(unknown)}; known: {', '.join(known)}")
    chosen = []
    for fixer in FIXERS:
        if fixers is not None and fixer.name not in fixers:
            continue
        if fixer.name == T2S:
            if t2s is False:
                continue
            if t2s is True:
                fixer = FORCED_T2S
        if fixer.name == PAGE_HEADERS and header_titles:
            fixer = Fixer(fixer.name, fixer.description, partial(fix_page_headers, known_titles=header_titles),
                          settle=fixer.settle)
        chosen.append(fixer)
    return chosen


def clean_text(raw: str, *, t2s: bool | None = None, fixers: Sequence[str] | None = None,
               header_titles: Collection[str] = ()) -> CleanText:
    """Clean ``raw`` and return the clean text with its offset map and explanation.

    ``t2s``: None converts Traditional→Simplified when the document is mostly Traditional; True/False
    force it. ``fixers``: run only these named fixers (in registry order); None runs all.
    ``header_titles``: running-header titles known from other files of the corpus (corpus evidence,
    see :func:`djtext.clean.fix_headers.header_titles`): header-shaped lines with them are removed.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean_text expects str, got {type(raw).__name__}")
    return run_fixers(raw, _select(t2s, fixers, frozenset(header_titles)))


def corpus_header_titles(texts: Sequence[str], min_files: int = 2) -> set[str]:
    """Running-header titles of a corpus: titles of header-shaped lines (page number aside) that occur
    in at least ``min_files`` of ``texts`` (corpus evidence for ``clean_text(header_titles=...)``)."""
    counts: dict[str, int] = {}
    for text in texts:
        for title in document_header_titles(text):
            counts[title] = counts.get(title, 0) + 1
    return {title for title, count in counts.items() if count >= min_files}
