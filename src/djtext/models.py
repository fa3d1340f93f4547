"""Plain dataclasses that flow through the djtext pipeline.

Coordinates: ``raw`` offsets index the decoded raw text of a file (``RawDocument.text``);
``clean`` offsets index ``CleanText.text``. ``CleanText.offsets`` maps the second to the first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, 4x quicker to build
class Edit:
    """One change a fixer proposes on the text it was given: replace [start, end) by ``replacement``."""

    start: int
    end: int
    replacement: str
    note: str = ""


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, 4x quicker to build
class FixRecord:
    """One change the cleaner made, located in the raw text."""

    fixer: str
    raw_start: int
    raw_end: int
    before: str
    after: str
    note: str = ""


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, 4x quicker to build
class Flag:
    """A doubtful span the cleaner left in place but wants a human to see (OCR garbage, possible spam)."""

    kind: str
    raw_start: int
    raw_end: int
    text: str
    note: str = ""


@dataclass(slots=True, unsafe_hash=True)  # hashable like a frozen one, 4x quicker to build
class Mark:
    """A structural mark over the clean text: ``bold`` lead sentences, ``heading`` lines (with level)."""

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass
class CleanText:
    """Cleaned text plus the way back to the raw text and the explanation of what changed."""

    text: str
    offsets: list[int]
    raw: str = ""
    fixes: list[FixRecord] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to the raw span that produced it."""
        if not self.offsets:
            return (0, 0)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        raw_start = self.offsets[start]
        raw_end = self.offsets[end - 1] + 1 if end > start else raw_start
        return (raw_start, max(raw_start, raw_end))

    def fix_counts(self) -> dict[str, int]:
        """How many places each fixer changed."""
        counts: dict[str, int] = {}
        for fix in self.fixes:
            counts[fix.fixer] = counts.get(fix.fixer, 0) + 1
        return counts


@dataclass
class RawDocument:
    """A file read from disk: its decoded text and how it was read."""

    path: str
    text: str
    encoding: str = ""
    format: str = ""
    source: str = ""
    error: str | None = None


@dataclass
class Unit:
    """A reporting unit (a 政协, its 党组, a committee ...) and the clean span of text it reports."""

    id: int
    name: str
    level: str = "other"
    speaker: str | None = None
    section_title: str | None = None
    start: int = 0
    end: int = 0
    evidence_start: int = 0
    evidence_end: int = 0
    province: str | None = None
    city: str | None = None
    county: str | None = None
    cited: bool = False


@dataclass
class ListItem:
    """One item of a numbered list or a sequence of bold / parallel lead sentences."""

    id: int
    parent_id: int | None
    level: int
    index: int
    marker: str
    style: str
    heading: str
    start: int
    end: int
    unit_id: int | None = None


@dataclass
class Mention:
    """An extracted occurrence (brand, formulation, slogan, practice) over the clean text."""

    table: str
    text: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    unit_id: int | None = None


@dataclass
class Document:
    """Everything known about one source file after the per-document stages."""

    raw: RawDocument
    clean: CleanText | None = None
    units: list[Unit] = field(default_factory=list)
    lists: list[ListItem] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)
    error: str | None = None
    parts: list[tuple[int, int]] | None = None  # independent parts of a compilation (structure stage)
    views: Any = None  # djtext.structure.TextViews of the clean text: lines, parts, column wraps (structure)
    places: Any = None  # djtext.regions.Places: gazetteer place mentions of the clean text, found once (attribute)
    regions: Any = None  # djtext.attribute.RegionView: region columns per unit and outside units (attribute)

    @property
    def path(self) -> str:
        """The file's path relative to the corpus root."""
        return self.raw.path
