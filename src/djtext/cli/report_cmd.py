"""`djtext report` (a static HTML report of a RESULTS folder) and `djtext show` (one document in
the terminal with its items highlighted). Both re-read the corpus to show the cleaned texts."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from djtext.cli.app import app, console, err_console, refuse_out_over_inputs, usage_error

RESULTS_HELP = "A RESULTS folder written by `djtext extract` (documents.csv, brands.csv ...)."
CORPUS_HELP = ("The corpus RESULTS was extracted from, to show the cleaned texts (default: the folder "
               "`djtext extract` recorded in RESULTS/datapackage.json, if it still exists).")
BY_HELP = "Region level for the filters and tables: province, city or county."
T2S_OPTION = typer.Option(None, "--t2s/--no-t2s", help="Re-clean with Traditional→Simplified forced on or off (use what extract used; default: automatic).")


@app.command(epilog="Example: djtext report results/ --corpus corpus/ --out report.html")
def report(
    results: Path = typer.Argument(..., help=RESULTS_HELP),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write (one self-contained file; open it in any browser)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", "-c", help=CORPUS_HELP),
    by: str = typer.Option("province", "--by", help=BY_HELP),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Distinctive items per region in the keyness tables."),
    t2s: Optional[bool] = T2S_OPTION,
) -> None:
    """Write a static HTML report of RESULTS: brands, families, clusters, keyness, and each document's text with its items highlighted.

    Every row links to its document's view; filters by region and by table. The texts are re-read
    from the corpus and cleaned again (same bytes, same clean text), so each item's raw span maps
    back onto the cleaned text.
    """
    from djtext.report import ReportError, write_report

    if out.suffix.lower() not in (".html", ".htm"):
        raise usage_error(f"{out}: --out must be an .html file")
    if out.exists() and out.is_dir():
        raise usage_error(f"{out}: --out must be a file, and this is a folder")
    if corpus is not None:
        refuse_out_over_inputs(out, [corpus], message="{out}: --out must not be the corpus")
    try:
        data = write_report(results, out, corpus, by=by, top=top, t2s=t2s)
    except ReportError as exc:
        raise usage_error(str(exc)) from None
    ov = data["overview"]
    for doc in data["documents"]:
        if doc["note"] and data["meta"]["corpus"]:
            err_console.print(f"[yellow]note:[/] {doc['note']}", highlight=False, soft_wrap=True)
    where = f"texts from {data['meta']['corpus']}" if data["meta"]["corpus"] else "no corpus found: contexts only (give --corpus)"
    err_console.print(f"wrote {out}: {ov['documents']} documents ({ov['with_text']} with text; {where}), "
                      f"{len(data['items'])} items ({ov['placed']} highlighted in their text)", highlight=False, soft_wrap=True)


@app.command(epilog="Example: djtext show 03_report.txt --results results/ --corpus corpus/ --table brands --table practices")
def show(
    doc: str = typer.Argument(..., help="The document: its path as in documents.csv, its file name or stem, or a unique part of it."),
    results: Path = typer.Option(..., "--results", "-r", help=RESULTS_HELP),
    corpus: Optional[Path] = typer.Option(None, "--corpus", "-c", help=CORPUS_HELP),
    table: Optional[List[str]] = typer.Option(None, "--table", "-t", help="Highlight only these tables (repeatable): brands, formulations, slogans, practices, units, lists (default: all)."),
    items: bool = typer.Option(True, "--items/--no-items", help="Print the list of the document's items after the text."),
    t2s: Optional[bool] = T2S_OPTION,
) -> None:
    """Print one document's cleaned text with its extracted items highlighted (a colour per table) and listed."""
    from djtext.report import ReportError, load_inputs, load_texts
    from djtext.report import terminal
    from djtext.report.texts import ITEM_TABLES, corpus_root, document_rows, resolve_doc

    wanted = tuple(table) if table else ITEM_TABLES
    unknown = [t for t in wanted if t not in ITEM_TABLES]
    if unknown:
        raise usage_error(f"--table must be one of {', '.join(ITEM_TABLES)}, not {unknown[0]!r}")
    try:
        tables, _ = load_inputs(results)
        name = resolve_doc(tables["documents"], doc)
        root = corpus_root(results, corpus)
    except ReportError as exc:
        raise usage_error(str(exc)) from None
    text = load_texts(tables, root, [name], t2s=t2s)[name]
    found = terminal.placed_items(document_rows(tables, name), text, wanted)
    console.rule(name)
    console.print(terminal.legend(found, wanted))
    if text.note:
        err_console.print(f"[yellow]note:[/] {text.note}", highlight=False, soft_wrap=True)
    if text.text is not None:
        console.print(terminal.highlighted(text.text, found), highlight=False, soft_wrap=False)
    else:
        console.print(terminal.contexts_only(found), highlight=False)
    if items:
        console.print(terminal.items_table(found))
