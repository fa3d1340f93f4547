"""``datapackage.json``, the manifest of one run: the Frictionless resources of the tables written,
and which files of a RESULTS folder are djtext's (so a re-run removes only stale djtext tables)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from djtext.results_folder.atomic import atomic_write_bytes
from djtext.schema import TABLES, Column

FORMATS = ("csv", "jsonl", "xlsx", "parquet")
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "xlsx": ".xlsx", "parquet": ".parquet"}
WORKBOOK = "results.xlsx"
DATAPACKAGE = "datapackage.json"
_MEDIATYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
# tables djtext itself writes into a RESULTS folder (extract's schema tables, cluster's table)
DJTEXT_TABLE_NAMES = (*TABLES, "practice_clusters")


class ExportError(ValueError):
    """A table cannot be written (unknown format, missing optional dependency)."""


def check_format(fmt: str) -> str:
    """Return ``fmt`` lower-cased, or raise ExportError naming the supported formats."""
    value = (fmt or "").lower().lstrip(".")
    if value not in FORMATS:
        raise ExportError(f"unknown output format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return value



def resource(name: str, path: str, fmt: str, schema: Iterable[Column], *, sheet: str | None = None) -> dict:
    """One Frictionless tabular-data-resource entry of ``datapackage.json``."""
    entry = {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": fmt,
        "mediatype": _MEDIATYPES[fmt],
        "schema": {
            "fields": [
                {"name": c.name, "type": c.type, **({"description": c.description} if c.description else {})}
                for c in schema
            ]
        },
    }
    if fmt in ("csv", "jsonl"):
        entry["encoding"] = "utf-8"
    if fmt in ("csv", "xlsx"):
        entry["djtext:cells"] = "text cells starting with = + - @ tab CR or ' carry one extra leading '"
    if sheet is not None:
        entry["dialect"] = {"sheet": sheet}
    return entry


def datapackage(resources: list[dict], run: dict | None = None, sources: list[dict] | None = None) -> dict:
    """A Frictionless Tabular Data Package descriptor listing ``resources`` (and the run and sources, if given)."""
    from djtext import __version__

    package = {
        "profile": "tabular-data-package",
        "name": "djtext-results",
        "title": "djtext extraction and analysis tables",
        "description": "Tables written by djtext; every row carries its document, unit and region.",
        "created_by": f"djtext {__version__}",
        "resources": sorted(resources, key=lambda r: r["name"]),
    }
    if run:
        package["djtext:run"] = run
    if sources:
        package["sources"] = sources
    return package


def read_manifest(folder: Path) -> dict | None:
    """The parsed ``datapackage.json`` of ``folder``, or None when absent or unreadable."""
    path = Path(folder) / DATAPACKAGE
    if not path.is_file():
        return None
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return package if isinstance(package, dict) and isinstance(package.get("resources"), list) else None


def manifest_resources(folder: Path) -> dict[str, dict]:
    """Table name → resource of the manifest of ``folder`` (empty when there is none)."""
    package = read_manifest(folder) or {}
    return {r["name"]: r for r in package.get("resources", []) if isinstance(r, dict) and isinstance(r.get("name"), str)}


def _inside(folder: Path, name: str) -> Path | None:
    """``folder/name`` when ``name`` is a plain file name (no folders, no ..), else None."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return folder / name


def djtext_file_names() -> set[str]:
    """File names djtext writes its tables under (``brands.csv`` ... ``results.xlsx``)."""
    return {f"{name}{suffix}" for name in DJTEXT_TABLE_NAMES for suffix in SUFFIXES.values()} | {WORKBOOK}


def stale_files(folder: Path, keep: Iterable[str]) -> list[Path]:
    """djtext tables in ``folder`` not in ``keep``: those the old manifest lists or with djtext names."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    keep = set(keep)
    listed = {str(r.get("path", "")) for r in manifest_resources(folder).values()}
    names = (listed | djtext_file_names()) - keep
    found = []
    for name in sorted(names):
        path = _inside(folder, name)
        if path is not None and path.is_file() and not path.is_symlink():
            found.append(path)
    return found


def leftover_temporaries(folder: Path, keep: Iterable[Path] = ()) -> list[Path]:
    """Hidden temporary files of djtext tables a killed run left in ``folder`` (not those in ``keep``)."""
    folder = Path(folder)
    keep = {Path(p).name for p in keep}
    found = []
    for name in sorted(djtext_file_names() | {DATAPACKAGE}):
        for path in folder.glob(f".{name}.*"):
            if path.name not in keep and path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def write_manifest(folder: Path, resources: list[dict], run: dict | None = None,
                   sources: list[dict] | None = None) -> Path:
    """Write ``datapackage.json`` listing exactly ``resources`` (replacing any earlier manifest)."""
    path = Path(folder) / DATAPACKAGE
    text = json.dumps(datapackage(resources, run, sources), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


def corpus_sources(corpus: Path) -> list[dict]:
    """The Frictionless ``sources`` entry naming the corpus a run read (absolute), for report/show."""
    return [{"title": "corpus", "path": str(Path(corpus).resolve())}]
