"""`djtext extract`: run the pipeline over a corpus and write the result tables."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from djtext.cli.app import (
    BOM_OPTION, EXIT_OK, EXIT_SOME_FAILED, JOBS_OPTION, KEEP_DUPLICATES_OPTION, LEXICON_OPTION, SEGMENTER_OPTION, app, console, err_console, progress,
    refuse_out_over_inputs, usage_error,
)


def check_output_dir(out: Path, inputs: list[Path]) -> None:
    """Refuse an output folder that is a file or one of the inputs (usage error, exit 2)."""
    out_resolved = out.resolve()
    if out_resolved.exists() and not out_resolved.is_dir():
        raise usage_error(f"{out}: --out must be a folder, and this is a file")
    refuse_out_over_inputs(out, inputs)


@app.command()
def extract(
    corpus: Path = typer.Argument(..., help="A corpus folder (searched recursively) or a single file."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the result tables (created if missing)."),
    fmt: str = typer.Option("csv", "--format", "-f", help="Output format: csv, jsonl, xlsx or parquet."),
    bom: bool = BOM_OPTION,
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    segmenter: str = SEGMENTER_OPTION,
    hanlp_model: Optional[str] = typer.Option(None, "--hanlp-model", help="Local HanLP tokenizer folder (or a pretrained id)."),
    hanlp_download: bool = typer.Option(False, "--hanlp-download", help="Allow HanLP to download a pretrained model (needs a network)."),
    t2s: Optional[bool] = typer.Option(None, "--t2s/--no-t2s", help="Force Traditional→Simplified on or off (default: automatic)."),
    jobs: int = JOBS_OPTION,
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or dask (dask.distributed: --scheduler, a running Client, or a local cluster of --jobs workers)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", envvar="DJTEXT_DASK_SCHEDULER", help="Address of a dask.distributed scheduler (tcp://host:8786); implies --engine dask."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Reuse per-document results cached by content hash."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Keep the rows of documents flagged as duplicates (documents.duplicate_of); by default only their documents row is written."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary tables."),
    tokens: bool = typer.Option(False, "--tokens", help="Also write the tokens table (one row per word, for `djtext terms` and `djtext kwic`)."),
) -> None:
    """Extract brands, formulations, slogans, lists, practices and units from CORPUS into --out.

    Example: djtext extract data/raw --out results --tokens
    """
    from djtext.pipeline import default_cache_dir, extract_corpus
    from djtext.results_folder import ExportError
    from djtext.corpus import iter_files
    from djtext.lexicon import LexiconError
    from djtext.segment import SegmenterUnavailable

    if not corpus.exists():
        raise usage_error(f"{corpus}: no such file or folder")
    check_output_dir(out, [corpus])
    total = len(iter_files(corpus))
    if total == 0:
        raise usage_error(f"{corpus}: no supported files (.txt .md .html .htm .docx .pdf)")
    try:
        with progress(total, "extract", enabled=not quiet) as advance:
            result = extract_corpus(
                corpus, out, fmt=fmt, bom=bom, jobs=jobs, lexicon_paths=[str(p) for p in lexicon or []], segmenter=segmenter,
                hanlp_model=hanlp_model, hanlp_download=hanlp_download, t2s=t2s, cache=default_cache_dir() if cache else None,
                progress=advance, engine="dask" if scheduler else engine, scheduler=scheduler,
                tokens=tokens, keep_duplicates=keep_duplicates,
            )
    except (LexiconError, SegmenterUnavailable, ExportError, ValueError) as exc:
        raise usage_error(str(exc)) from None
    paths = result.paths
    if not quiet:
        from djtext.render import summary_brands_table, summary_documents_table

        console.print(summary_documents_table(result.documents, result.counts))  # totals for a large corpus
        console.print(summary_brands_table(result.brands, result.more_brands))
    if result.removed:
        err_console.print(f"removed stale files of an earlier run: {', '.join(p.name for p in result.removed)}", highlight=False)
    for rel, error in result.errors:
        err_console.print(f"[red]failed:[/] {rel}: {error}", highlight=False, soft_wrap=True)
    ok = result.n_documents - len(result.errors)
    n_duplicates = len(result.duplicates)
    err_console.print_line(
        f"{ok} of {result.n_documents} documents extracted"
        + (f" ({result.cached} from cache)" if result.cached else "")
        + (f"; {n_duplicates} duplicate{'s' * (n_duplicates != 1)} {'kept' if keep_duplicates else 'left out'} (see duplicate_of)" if n_duplicates else "")
        + f"; {len(paths)} tables written to {out}",
    )
    raise typer.Exit(EXIT_SOME_FAILED if result.errors else EXIT_OK)
