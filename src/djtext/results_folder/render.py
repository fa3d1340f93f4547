"""Rows rendered as the text a CSV or JSONL table file holds, so workers can do the formatting.

A rendered batch is {RENDERED: {table: text}, COUNTS: {table: rows}} (and, from the corpus pass,
PLAIN: {table: rows} still to write as rows); the main process only appends its text.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Mapping

from djtext.results_folder.values import (
    SEPARATOR, column_spec, formula_safe_column, has_formula_start, typed_columns,
)
from djtext.schema import OPTIONAL_TABLES, TABLES

RENDERED, COUNTS = "_rendered", "_counts"  # keys of a pre-rendered batch (see TableWriter.render)
PLAIN = "_plain"  # rows a rendered batch also asks to write as rows ({table: rows})
_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(..., ensure_ascii=False) makes per call


def _text_cells(column: list) -> tuple[list[str], bool]:
    """A text column's formula-safe values (None: empty) and whether one holds a carriage return,
    with one scan of the joined column for each."""
    if None in column:
        column = [v or "" for v in column]
    joined = SEPARATOR.join(column)
    if has_formula_start(joined):
        column = formula_safe_column(column)
    return column, "\r" in joined


def render_rows(rows: list[Mapping], spec: list[tuple[str, type, object]], fmt: str) -> str:
    """Rows as the CSV (formula-safe cells) or JSONL text a table file holds, without header."""
    columns = typed_columns(rows, spec)
    if fmt != "csv":
        names = [name for name, _native, _convert in spec]
        encode = _JSON.encode
        return "".join([encode(dict(zip(names, values))) + "\n" for values in zip(*columns)])
    carriage_return = False
    for index, (_name, native, _convert) in enumerate(spec):
        if native is str:
            columns[index], has_cr = _text_cells(columns[index])
            carriage_return = carriage_return or has_cr
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not carriage_return:  # the usual case: the csv module writes every row
        writer.writerows(zip(*columns))
        return buffer.getvalue()
    for values in zip(*columns):
        if any(type(v) is str and "\r" in v for v in values):
            # the csv module leaves a lone CR unquoted when lines end in LF: quote it ourselves
            buffer.write(",".join('"' + ("" if v is None else str(v)).replace('"', '""') + '"' for v in values) + "\n")
        else:
            writer.writerow(values)
    return buffer.getvalue()


_SPECS: dict[str, list] = {}


def render_batch(batch: Mapping[str, list[Mapping]], fmt: str) -> dict:
    """Rows of the schema tables as a rendered batch {RENDERED: {table: text}, COUNTS: {table: n}}.

    The same text ``TableWriter`` writes for ``fmt`` (csv or jsonl), so a worker process can
    render its rows and the main process only appends text.
    """
    texts, counts = {}, {}
    for name, rows in batch.items():
        schema = TABLES.get(name) or OPTIONAL_TABLES.get(name)
        if schema is None or not isinstance(rows, list):
            continue
        counts[name] = len(rows)
        if rows:
            spec = _SPECS.get(name)
            if spec is None:
                spec = _SPECS[name] = column_spec(tuple(schema))
            texts[name] = render_rows(rows, spec, fmt)
    return {RENDERED: texts, COUNTS: counts}


