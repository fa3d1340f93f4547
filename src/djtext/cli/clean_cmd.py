"""`djtext clean`: clean files or folders, write or print the text, explain what changed."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from djtext.cli.app import EXIT_OK, EXIT_SOME_FAILED, app, console, err_console, progress, refuse_out_over_inputs, usage_error


def output_path(out: Path, rel: str, taken: set[Path]) -> Path:
    """Where the cleaned text of input ``rel`` goes under ``out`` (``.txt``; unique within a run)."""
    rel_path = Path(rel)
    target = out / rel_path.with_suffix(".txt")
    if target in taken and rel_path.suffix.lower() != ".txt":
        target = out / rel_path.with_name(rel_path.name + ".txt")
    return target


def _inputs(paths: list[Path]) -> list[tuple[Path, Path, str]]:
    """(file, root, relative name) for every supported file under the given paths."""
    from djtext.corpus import iter_files, safe_name

    found = []
    several = len(paths) > 1
    for root in paths:
        for path in iter_files(root):
            rel = safe_name(path.name if root.is_file() else path.relative_to(root).as_posix())
            if several and root.is_dir():
                rel = f"{root.name}/{rel}"
            found.append((path, root, rel))
    return found


def refuse_out_inside_inputs(out: Path, paths: list[Path]) -> None:
    """Usage error (exit 2) when --out is an input folder or inside one: cleaned copies would mix with the originals."""
    refuse_out_over_inputs(out, [path for path in paths if path.is_dir()], inside=True,
                           message="{out}: --out is {where} {input}; choose a folder outside it (inputs are never overwritten)")


@app.command()
def clean(
    paths: List[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for one cleaned .txt per input."),
    explain: bool = typer.Option(False, "--explain", help="Show which fixes changed how many places, with examples."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON record per document (text, fixes, flags)."),
    t2s: Optional[bool] = typer.Option(None, "--t2s/--no-t2s", help="Force Traditional→Simplified on or off (default: automatic)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Clean OCR, layout and web noise from PATHS; print the text (one file) or write it to --out.

    Example: djtext clean data/raw --out cleaned --explain
    """
    from djtext.clean import clean_text, explain as explain_fixes, explain_table, merge_summaries
    from djtext.corpus import read_document

    for path in paths:
        if not path.exists():
            raise usage_error(f"{path}: no such file or folder")
    inputs = _inputs(paths)
    if not inputs:
        raise usage_error("no supported files (.txt .md .html .htm .docx .pdf) in the given paths")
    if out is None and len(inputs) > 1 and not as_json:
        raise usage_error("several input files: give --out DIR (or --json to print them all)")
    if out is not None:
        if out.exists() and not out.is_dir():
            raise usage_error(f"{out}: --out must be a folder, and this is a file")
        refuse_out_inside_inputs(out, paths)
    input_files = {path.resolve() for path, _, _ in inputs}
    failures: list[tuple[str, str]] = []
    explained: list[tuple[str, object]] = []
    taken: set[Path] = set()
    written = 0
    with progress(len(inputs), "clean", enabled=not quiet and out is not None) as advance:
        for path, root, rel in inputs:
            raw = read_document(path, root)
            if raw.error:
                failures.append((rel, raw.error))
                advance(rel)
                continue
            try:
                cleaned = clean_text(raw.text, t2s=t2s)
            except Exception as exc:  # one bad document must not stop the corpus
                failures.append((rel, f"cleaning failed: {type(exc).__name__}: {exc}"))
                advance(rel)
                continue
            if out is not None:
                target = output_path(out, rel, taken)
                if target.resolve() in input_files:
                    failures.append((rel, f"not written: {target} is an input file, and inputs are never overwritten"))
                    advance(rel)
                    continue
                taken.add(target)
                from djtext.results_folder import atomic_write_bytes

                try:
                    atomic_write_bytes(target, (cleaned.text + "\n").encode("utf-8"))
                except OSError as exc:
                    failures.append((rel, f"cannot write {target}: {exc.strerror or exc}"))
                    advance(rel)
                    continue
                written += 1
            explained.append((rel, cleaned))
            if as_json:
                record = {
                    "doc": rel, "encoding": raw.encoding, "format": raw.format, "text": cleaned.text,
                    "fixes": cleaned.fix_counts(),
                    "flags": [{"kind": f.kind, "raw_start": f.raw_start, "raw_end": f.raw_end, "text": f.text, "note": f.note} for f in cleaned.flags],
                }
                typer.echo(json.dumps(record, ensure_ascii=False))
            elif out is None:
                typer.echo(cleaned.text)
            advance(rel)
    if explain:
        per_document = [explain_fixes(cleaned) for _, cleaned in explained]
        for (rel, _), summaries in zip(explained, per_document):
            err_console.print(explain_table(summaries, title=f"What cleaning changed in {rel}"))
        if len(explained) > 1:
            err_console.print(explain_table(merge_summaries(per_document), title="What cleaning changed in total (ALL)"))
    for rel, error in failures:
        err_console.print(f"[red]failed:[/] {rel}: {error}", highlight=False, soft_wrap=True)
    if out is not None:
        err_console.print(f"{written} of {len(inputs)} files cleaned into {out}", highlight=False)
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)
