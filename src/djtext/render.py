"""Rich output: progress bars over a corpus and the summary tables of `clean` and `extract`."""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:  # pandas is imported only by the functions that take DataFrames
    import pandas as pd

MENTION_TABLES = ("units", "brands", "formulations", "slogans", "lists", "practices")


@contextmanager
def progress_bar(console: Console, total: int, label: str, enabled: bool = True) -> Iterator:
    """A rich progress bar over ``total`` files; yields ``advance(name)``."""
    if not enabled or total <= 1:
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


def _count(frame: pd.DataFrame | None, doc: str) -> int:
    if frame is None or frame.empty:
        return 0
    return int((frame["doc"] == doc).sum())


def documents_table(tables: dict[str, pd.DataFrame], limit: int = 30) -> Table:
    """Per-document counts of every extracted table, with read errors (failed documents first,
    at most ``limit`` rows; a caption gives the totals of the rest)."""
    import pandas as pd

    documents = tables.get("documents", pd.DataFrame()).to_dict("records")
    counts: dict[str, dict[str, int]] = {}
    for name in MENTION_TABLES:
        frame = tables.get(name)
        if frame is not None and not frame.empty:
            for doc, n in frame["doc"].value_counts().items():
                counts.setdefault(doc, {})[name] = int(n)
    return summary_documents_table(documents, counts, limit)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def brands_table(tables: dict[str, pd.DataFrame], limit: int = 60) -> Table:
    """Brands with their unit, region, kind and the documents they come from (deduplicated)."""
    import pandas as pd

    table = Table(title="Brands", header_style="bold")
    for name in ("name", "kind", "unit", "province", "city", "county", "docs"):
        table.add_column(name, overflow="fold")
    brands = tables.get("brands", pd.DataFrame())
    if brands.empty:
        return table
    keys = ["name", "kind", "unit", "province", "city", "county"]
    grouped = brands.fillna("").groupby(keys, sort=False)["doc"].agg(lambda d: ", ".join(sorted(set(d))))
    for key, docs in list(grouped.items())[:limit]:
        table.add_row(*[_text(k) for k in key], docs)
    if len(grouped) > limit:
        table.caption = f"{len(grouped) - limit} more in brands.csv"
    return table



def summary_documents_table(documents: list[dict], counts: dict[str, dict[str, int]], limit: int = 15) -> Table:
    """Documents rows with per-document row counts (failed documents first, at most ``limit`` rows)."""
    table = Table(title="Documents", show_lines=False, header_style="bold")
    table.add_column("doc", overflow="fold")
    table.add_column("enc")
    table.add_column("chars", justify="right")
    for name in MENTION_TABLES:
        table.add_column(name, justify="right")
    table.add_column("status")
    records = sorted(documents, key=lambda r: not r.get("error"))  # failures stay visible when capped
    for row in records[:limit]:
        per = counts.get(row["doc"], {})
        table.add_row(row["doc"], str(row.get("encoding") or ""), str(row.get("chars_clean") or 0),
                      *[str(per.get(name, 0)) for name in MENTION_TABLES], "[red]failed[/]" if row.get("error") else "ok")
    if len(records) > limit:
        totals = ", ".join(f"{name} {sum(c.get(name, 0) for c in counts.values())}" for name in MENTION_TABLES)
        table.caption = f"{len(records) - limit} more documents in documents.csv; all {len(records)}: {totals}"
    return table


def summary_brands_table(brands: dict[tuple, set], more: int = 0) -> Table:
    """``brands_table`` from a streamed run's first brand keys (name, kind, unit, regions) and their docs."""
    table = Table(title="Brands", header_style="bold")
    for name in ("name", "kind", "unit", "province", "city", "county", "docs"):
        table.add_column(name, overflow="fold")
    for key, docs in brands.items():
        table.add_row(*[_text(k) for k in key], ", ".join(sorted(docs)))
    if more:
        table.caption = "more in brands.csv"
    return table
