"""`djtext show`: one document's cleaned text in the terminal with every extracted item highlighted
(rich styles, one colour per table), a legend by table and the list of the document's items."""
from __future__ import annotations

import pandas as pd
from rich.table import Table
from rich.text import Text

from djtext.report.texts import ITEM_TABLES, LABEL_COLUMNS, DocText, place

STYLES = {
    "brands": "bold black on #f6c344", "practices": "black on #f28bb8", "formulations": "black on #7fb3f5",
    "slogans": "black on #7ed6a5", "units": "underline #8a63e6", "lists": "underline bold",
}


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def placed_items(rows: dict[str, pd.DataFrame], text: DocText, tables=ITEM_TABLES) -> list[dict]:
    """The document's items of ``tables`` with their clean spans (None where there is no text), in text order."""
    items = []
    for table in tables:
        frame = rows.get(table)
        if frame is None or frame.empty:
            continue
        for row in frame.to_dict("records"):
            span = place(text.text, text.offsets, table, row) if text.text is not None else None
            items.append({"table": table, "label": _cell(row.get(LABEL_COLUMNS[table])) or _cell(row.get("marker")),
                          "unit": _cell(row.get("unit")), "province": _cell(row.get("province")),
                          "city": _cell(row.get("city")), "county": _cell(row.get("county")),
                          "line": _cell(row.get("line")), "context": _cell(row.get("context")), "span": span})
    items.sort(key=lambda i: (i["span"] or (10**12, 0))[0])
    return items


def highlighted(text: str, items: list[dict]) -> Text:
    """``text`` as rich Text with each item's span styled by its table (longer spans first, so nested ones show)."""
    out = Text(text)
    for item in sorted((i for i in items if i["span"]), key=lambda i: i["span"][0] - i["span"][1]):
        start, end = item["span"]
        out.stylize(STYLES[item["table"]], start, end)
    return out


def legend(items: list[dict], tables=ITEM_TABLES) -> Text:
    """One line naming each table in its style with the document's count of its items."""
    counts = {t: sum(1 for i in items if i["table"] == t) for t in tables}
    line = Text("legend: ")
    for table in tables:
        line.append(f" {table} ", style=STYLES[table])
        line.append(f" {counts[table]}   ")
    return line


def items_table(items: list[dict]) -> Table:
    """The document's items: table, item, unit, region, line."""
    table = Table(title="items", show_lines=False, header_style="bold")
    for name in ("table", "item", "unit", "region", "line"):
        table.add_column(name, overflow="fold")
    for item in items:
        region = " ".join(v for v in (item["province"], item["city"], item["county"]) if v)
        table.add_row(Text(item["table"], style=STYLES[item["table"]]), item["label"], item["unit"], region, item["line"])
    return table


def contexts_only(items: list[dict]) -> Text:
    """Without the document text: each item's context line with the item highlighted in it."""
    out = Text()
    for item in items:
        line = Text(f"{item['line'] or '?':>5}  ")
        context = Text(item["context"] or item["label"])
        at = context.plain.find(item["label"]) if item["label"] else -1
        if at >= 0:
            context.stylize(STYLES[item["table"]], at, at + len(item["label"]))
        out.append(line)
        out.append(context)
        out.append("\n")
    return out
