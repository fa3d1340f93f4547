"""Rich output: progress bars over a corpus and the summary tables of `clean` and `extract`."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.table import Table

MENTION_TABLES = ("units", "brands", "formulations", "slogans", "lists", "practices")


@contextmanager
def progress_bar(console: Console, total: int, label: str, enabled: bool = True) -> Iterator:
    """A rich progress bar over ``total`` files; yields ``advance(name)``."""
    if not enabled or total <= 1 or not console.is_terminal:  # (nothing to draw on a pipe or a file)
        yield lambda _name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[name]}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=total, name="")

        def advance(name: str) -> None:
            progress.update(task, advance=1, name=name)

        yield advance


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def summary_documents_table(documents: list[dict], counts: dict[str, dict[str, int]], limit: int = 15) -> Table:
    """Documents rows with per-document row counts (failed documents first); more than ``limit``
    documents are summed up instead (:func:`corpus_totals_table`)."""
    if len(documents) > limit:
        return corpus_totals_table(documents, counts)
    table = Table(title="Documents", show_lines=False, header_style="bold")
    table.add_column("doc", overflow="fold")
    table.add_column("enc")
    table.add_column("chars", justify="right")
    for name in MENTION_TABLES:
        table.add_column(name, justify="right")
    table.add_column("status")
    for row in sorted(documents, key=lambda r: not r.get("error")):  # failures first
        per = counts.get(row["doc"], {})
        table.add_row(row["doc"], str(row.get("encoding") or ""), str(row.get("chars_clean") or 0),
                      *[str(per.get(name, 0)) for name in MENTION_TABLES], "[red]failed[/]" if row.get("error") else "ok")
    return table


def corpus_totals_table(documents: list[dict], counts: dict[str, dict[str, int]]) -> Table:
    """A run's totals: documents, failed ones, clean characters and the rows of every mention table."""
    table = Table(title="Corpus", header_style="bold")
    table.add_column("")
    table.add_column("total", justify="right")
    failed = sum(1 for row in documents if row.get("error"))
    table.add_row("documents", str(len(documents)))
    table.add_row("failed", f"[red]{failed}[/]" if failed else "0")
    table.add_row("characters (clean)", str(sum(row.get("chars_clean") or 0 for row in documents)))
    for name in MENTION_TABLES:
        table.add_row(name, str(sum(per.get(name, 0) for per in counts.values())))
    table.caption = "per document: documents.csv"
    return table


def summary_brands_table(brands: dict[tuple, set], more: int = 0) -> Table:
    """Brands of a streamed run (its first brand keys: name, kind, unit, regions) with the documents naming them."""
    table = Table(title="Brands", header_style="bold")
    for name in ("name", "kind", "unit", "province", "city", "county", "docs"):
        table.add_column(name, overflow="fold")
    for key, docs in brands.items():
        table.add_row(*[_text(k) for k in key], ", ".join(sorted(docs)))
    if more:
        table.caption = "more in brands.csv"
    return table
