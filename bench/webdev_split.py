"""Split ../shared/webdev into two halves by province (no province in both halves).

Provinces that share a document (``重庆市;四川省``) stay together; groups are assigned greedily,
largest first, to the half with fewer documents so far (ties to A), names breaking ties, so the
split is deterministic and balanced.

usage: python bench/webdev_split.py [SOURCES.tsv]   # prints "A: ids" and "B: ids"
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "webdev" / "SOURCES.tsv"


def read_sources(path: Path = SOURCES) -> dict[str, list[str]]:
    """Map each webdev id to its list of provinces (``unknown`` where none)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {row["id"]: [p for p in row["province"].split(";") if p] or ["unknown"]
                for row in csv.DictReader(f, delimiter="\t")}


def province_groups(sources: dict[str, list[str]]) -> list[tuple[set[str], list[str]]]:
    """Connected groups of provinces that co-occur in a document, with their document ids."""
    parent: dict[str, str] = {}

    def find(p: str) -> str:
        while parent.setdefault(p, p) != p:
            p = parent[p]
        return p

    for provinces in sources.values():
        for other in provinces[1:]:
            parent[find(other)] = find(provinces[0])
    groups: dict[str, tuple[set[str], list[str]]] = {}
    for doc, provinces in sources.items():
        root = find(provinces[0])
        members, docs = groups.setdefault(root, (set(), []))
        members.update(provinces)
        docs.append(doc)
    return sorted(groups.values(), key=lambda g: (-len(g[1]), sorted(g[0])))


def split(sources: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The two halves, ``{"A": [ids], "B": [ids]}``, each sorted."""
    halves: dict[str, list[str]] = {"A": [], "B": []}
    for _, docs in province_groups(sources or read_sources()):
        side = "A" if len(halves["A"]) <= len(halves["B"]) else "B"
        halves[side].extend(docs)
    return {side: sorted(docs) for side, docs in halves.items()}


def provinces_of(half: list[str], sources: dict[str, list[str]] | None = None) -> list[str]:
    """The provinces whose documents make up ``half``."""
    sources = sources or read_sources()
    return sorted({p for doc in half for p in sources[doc]})


if __name__ == "__main__":
    src = read_sources(Path(sys.argv[1])) if len(sys.argv) > 1 else read_sources()
    for side, docs in split(src).items():
        print(f"{side} ({len(docs)} docs; {', '.join(provinces_of(docs, src))}): {' '.join(docs)}")
