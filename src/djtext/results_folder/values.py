"""Cell values: spreadsheet-safe text and plain-Python typing of row values to a table's schema.

``safe_cell`` defuses spreadsheet formulas (CSV injection): a text cell that starts with
``= + - @``, a tab, a carriage return or an apostrophe gets one leading apostrophe in CSV and
XLSX, so Excel and LibreOffice show it as text and never run it. ``unsafe_cell`` is the exact
inverse (djtext's own loaders apply it; pandas users: ``s.str.replace(r"^'", "", regex=True)``).
JSONL and Parquet hold the text verbatim. ``typed_rows`` gives the values pandas' conform gives.
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Iterable, Mapping

from djtext.schema import Column

EXCEL_MAX_CELL = 32767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NONE = type(None)
SEPARATOR = "\x1f"  # joins a text column for one search (a value holding it only costs a slower path)
_CELL_STARTS = frozenset((*FORMULA_STARTS, "'"))  # first characters csv_cells defuses with an apostrophe
_FORMULA_AFTER_SEPARATOR = re.compile("\x1f[=+\\-@\t\r']")  # a later value of a joined column


def safe_cell(value):
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula (text only)."""
    if isinstance(value, str) and value and (value[0] in FORMULA_STARTS or value[0] == "'"
                                             or value.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")):
        return "'" + value  # also after leading blanks, which spreadsheets skip before a formula
    return value


def unsafe_cell(value):
    """The inverse of ``safe_cell``: drop the one leading apostrophe djtext added."""
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def excel_text(value: str) -> str:
    """Text as an XLSX cell accepts it: illegal control characters dropped, cut to Excel's limit."""
    return safe_cell(_EXCEL_ILLEGAL.sub("", value))[:EXCEL_MAX_CELL]


# ---- plain-Python typing of row values (the same values pandas' conform gives) ----

def _as_int(value):
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number or number in (float("inf"), float("-inf")) else int(round(number))


def _as_float(value):
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def parse_bool(value):
    """True/False from a boolean or its usual text forms; None when missing or unreadable."""
    if value is None:
        return None
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "1", "yes", "t", "y"):
            return True
        if low in ("false", "0", "no", "f", "n"):
            return False
        return None
    if isinstance(value, float) and value != value:
        return None
    return bool(value)


def _as_str(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


_CONVERT = {"integer": _as_int, "number": _as_float, "boolean": parse_bool}
_NATIVE = {"integer": int, "number": float, "boolean": bool}


def column_spec(schema: tuple[Column, ...]) -> list[tuple[str, type, object]]:
    """(name, native type, converter) per column: values already of the native type pass as they are."""
    return [(c.name, _NATIVE.get(c.type, str), _CONVERT.get(c.type, _as_str)) for c in schema]


def typed_row(row: Mapping, schema: tuple[Column, ...]) -> list:
    """The values of ``row`` in the schema's column order, typed like the schema says."""
    return typed_rows([row], column_spec(schema))[0]


def _column(rows: list[Mapping], name: str) -> list:
    """The values of column ``name`` of every row (a missing key gives None)."""
    try:
        return list(map(itemgetter(name), rows))  # every row has the column (the usual case)
    except KeyError:
        return [row.get(name) for row in rows]


def typed_columns(rows: Iterable[Mapping], spec: list[tuple[str, type, object]]) -> list[list]:
    """The typed values of many rows, column by column (a column already of its native type is kept as is)."""
    rows = rows if isinstance(rows, list) else list(rows)
    columns = []
    for name, native, convert in spec:
        column = _column(rows, name)
        if not set(map(type, column)) <= {native, _NONE}:  # every converter keeps None as None
            column = [value if type(value) is native else convert(value) for value in column]
        columns.append(column)
    return columns


def has_formula_start(joined: str) -> bool:
    """True when a text column joined by SEPARATOR may hold a value needing ``csv_cells``' apostrophe."""
    return joined[:1] in _CELL_STARTS or _FORMULA_AFTER_SEPARATOR.search(joined) is not None


def formula_safe_column(column: list) -> list:
    """A text column with the one leading apostrophe of ``csv_cells`` where a value needs it."""
    if not has_formula_start(SEPARATOR.join(filter(None, column))):
        return column
    return ["'" + value if value and (value[0] in FORMULA_STARTS or value[0] == "'") else value for value in column]


def typed_rows(rows: Iterable[Mapping], spec: list[tuple[str, type, object]], *, csv_cells: bool = False) -> list[list]:
    """Typed values of many rows; with ``csv_cells`` None becomes "" and text is formula-safe."""
    columns = typed_columns(rows, spec)
    if csv_cells:
        columns = [formula_safe_column(column) if native is str else column
                   for (_name, native, _convert), column in zip(spec, columns)]
        return [["" if value is None else value for value in values] for values in zip(*columns)]
    return [list(values) for values in zip(*columns)]
