"""What a run gives back: the in-memory tables of ``run_corpus`` or the summary of a streamed extract."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas only where tables are built (run_corpus), not on import
    import pandas as pd


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

    BRAND_LIMIT = 10

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
