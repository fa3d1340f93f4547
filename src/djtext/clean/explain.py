"""The explanation: per fixer, how many places changed and one example with a little context."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from djtext.models import CleanText

CONTEXT = 8
"""Characters of raw context shown on each side of an example."""


@dataclass(frozen=True)
class FixSummary:
    """What one fixer did to a document (or a corpus): places changed, flags raised, one example."""

    fixer: str
    description: str
    changes: int
    flags: int
    example_before: str
    example_after: str


def _visible(text: str) -> str:
    return text.replace("\n", "⏎").replace(" ", "␣") if text.strip() == "" else text.replace("\n", "⏎")


def _example(raw: str, start: int, end: int, before: str, after: str) -> tuple[str, str]:
    left = raw[max(0, start - CONTEXT):start].replace("\n", "⏎")
    right = raw[end:end + CONTEXT].replace("\n", "⏎")
    return f"{left}[{_visible(before)}]{right}", f"{left}[{_visible(after)}]{right}"


def explain(clean: CleanText) -> list[FixSummary]:
    """Per fixer (registry order), how many places it changed or flagged, with one example."""
    from djtext.clean.registry import FIXERS

    descriptions = {f.name: f.description for f in FIXERS}
    order = {name: i for i, name in enumerate(descriptions)}
    counts: dict[str, list] = {}
    for fix in clean.fixes:
        entry = counts.setdefault(fix.fixer, [0, 0, None])
        entry[0] += 1
        if entry[2] is None or (not entry[2].before.strip() and fix.before.strip()):
            entry[2] = fix
    flags_by_kind: dict[str, list] = {}
    for flag in clean.flags:
        entry = flags_by_kind.setdefault(flag.kind, [0, flag])
        entry[0] += 1
    summaries = []
    for name, (count, _, fix) in counts.items():
        before, after = _example(clean.raw, fix.raw_start, fix.raw_end, fix.before, fix.after)
        summaries.append(FixSummary(name, descriptions.get(name, ""), count, 0, before, after))
    for kind, (count, flag) in flags_by_kind.items():
        before, _ = _example(clean.raw, flag.raw_start, flag.raw_end, flag.text, flag.text)
        summaries.append(FixSummary(f"flag:{kind}", flag.note, 0, count, before, "(left in place)"))
    summaries.sort(key=lambda s: (order.get(s.fixer, len(order)), s.fixer))
    return summaries


def merge_summaries(per_document: Iterable[list[FixSummary]]) -> list[FixSummary]:
    """Totals over many documents: counts added, the first example kept."""
    totals: dict[str, FixSummary] = {}
    for summaries in per_document:
        for s in summaries:
            old = totals.get(s.fixer)
            totals[s.fixer] = s if old is None else FixSummary(
                s.fixer, old.description, old.changes + s.changes, old.flags + s.flags, old.example_before, old.example_after
            )
    return list(totals.values())


def explain_table(summaries: list[FixSummary], title: str = "What cleaning changed"):
    """A rich Table of the summaries: fixer, places changed, flags, one example before → after."""
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    table.add_column("fixer")
    table.add_column("changes", justify="right")
    table.add_column("flags", justify="right")
    table.add_column("example (before → after)", overflow="fold")
    for s in summaries:
        table.add_row(s.fixer, str(s.changes), str(s.flags), f"{s.example_before} → {s.example_after}")
    return table
