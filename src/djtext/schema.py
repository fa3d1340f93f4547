"""The output schema: every table, its columns, their types and meaning (one source of truth).

export.py writes tables in this column order, datapackage.json is generated from it, and the
README's schema section documents the same columns.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of an output table: name, Frictionless type and a description."""

    name: str
    type: str
    description: str


COMMON = (
    Column("doc", "string", "file path relative to the corpus root"),
    Column("unit", "string", "reporting unit the row belongs to (as written in the text)"),
    Column("province", "string", "province-level region of the unit (full official name)"),
    Column("city", "string", "prefecture-level city of the unit (full official name)"),
    Column("county", "string", "county-level unit of the unit (full official name)"),
)
PROVENANCE = (
    Column("line", "integer", "1-based line in the raw file where the item starts"),
    Column("raw_start", "integer", "start offset (characters) in the decoded raw text"),
    Column("raw_end", "integer", "end offset (characters, exclusive) in the decoded raw text"),
    Column("context", "string", "short cleaned snippet around the item"),
)

_SPECIFIC: dict[str, tuple[Column, ...]] = {
    "documents": (
        Column("encoding", "string", "encoding the file was decoded with"),
        Column("format", "string", "file format (txt, md, html, docx, pdf)"),
        Column("chars_raw", "integer", "characters in the decoded raw text"),
        Column("chars_clean", "integer", "characters in the cleaned text"),
        Column("tokens", "integer", "tokens the segmenter produced from the cleaned text"),
        Column("fixes", "string", "what cleaning changed: fixer=count pairs separated by '; '"),
        Column("error", "string", "why the file could not be processed (empty when it was)"),
        Column("duplicate_of", "string", "the document this one repeats (same or nearly the same clean text; empty when none)"),
        Column("title", "string", "the document's title line (first heading), where the text gives one"),
        Column("date", "string", "the document's date (dateline) as YYYY-MM-DD or YYYY-MM, where the text gives one"),
    ),
    "units": (
        Column("level", "string", "province, city, county, committee or other"),
        Column("speaker", "string", "person speaking or signing for the unit, if named"),
        Column("section_title", "string", "title of the section the unit reports in"),
        Column("cited", "boolean", "true when the unit is only cited inside another unit's report"),
    ),
    "brands": (
        Column("name", "string", "brand name without quotes, inner separators kept"),
        Column("kind", "string", "the word the text uses before 品牌 (党建品牌, 工作品牌 ...)"),
        Column("components", "string", "the brand split into its parts, joined by ' | '"),
        Column("cited", "boolean", "true when the text cites the brand as another's example (有的地方…, 如…)"),
        Column("mentions", "integer", "how many times the text names the brand for this unit"),
        Column("support", "integer", "documents of the run that name the same brand (corpus-level evidence)"),
    ),
    "formulations": (
        Column("text", "string", "the numeric formulation (两个维护, 1+4 ...)"),
        Column("number", "string", "its number part (两个, 1+4 ...)"),
        Column("head", "string", "the part after the number"),
        Column("scope", "string", "national (a standard formulation of the national lexicon) or local"),
        Column("support", "integer", "documents of the run that use the same formulation (corpus-level evidence)"),
    ),
    "slogans": (
        Column("text", "string", "quoted set phrase without quotes"),
        Column("kind", "string", "activity, motto, campaign, other"),
    ),
    "lists": (
        Column("id", "integer", "item id, unique within the document"),
        Column("parent_id", "integer", "id of the enclosing item (empty at level 1)"),
        Column("level", "integer", "nesting depth, 1 = top level within the unit's section"),
        Column("index", "integer", "the item's number, 1-based"),
        Column("marker", "string", "the marker as written (一、 （一） 1. 一是 ** ...)"),
        Column("style", "string", "cn_dun, cn_paren, arabic_dot, arabic_dun, arabic_paren, circled, shi, di, bold_heading, parallel"),
        Column("heading", "string", "the item's lead clause"),
    ),
    "practices": (
        Column("name", "string", "short canonical name of the practice"),
        Column("category", "string", "platform, mechanism, activity, project or org_form"),
        Column("place", "string", "named street, community, town or village before the name (南山街道)"),
        Column("scope", "string", "national (a practice of practices.csv) or local"),
        Column("generic", "boolean", "a general type every unit has (主题教育, 委员工作室), not a local innovation"),
        Column("cluster", "string", "practice family label (filled by `djtext cluster`)"),
    ),
}

TABLES: dict[str, tuple[Column, ...]] = {
    name: (COMMON[0],) + specific if name == "documents" else COMMON + specific + PROVENANCE
    for name, specific in _SPECIFIC.items()
}
TABLES["documents"] = (COMMON[0],) + _SPECIFIC["documents"]


# Optional tables: written only when asked for (extract --tokens), not part of every RESULTS folder.
TOKEN_SCHEMA: tuple[Column, ...] = COMMON + (
    Column("index", "integer", "position of the token among the document's kept tokens, from 0"),
    Column("token", "string", "the word as segmented from the cleaned text"),
    Column("pos", "string", "part-of-speech tag when the segmenter gives one (empty otherwise)"),
    Column("start", "integer", "start offset of the token in the cleaned text"),
    Column("line", "integer", "1-based line in the raw file where the token starts"),
    Column("raw_start", "integer", "start offset (characters) in the decoded raw text"),
    Column("raw_end", "integer", "end offset (characters, exclusive) in the decoded raw text"),
)
OPTIONAL_TABLES: dict[str, tuple[Column, ...]] = {"tokens": TOKEN_SCHEMA}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in output order."""
    return [c.name for c in TABLES[table]]
