"""`djtext compare`, `djtext cluster` and `djtext plot`: the cross-document analysis commands.

SOURCE is a RESULTS folder written by `djtext extract` (read as is) or a corpus folder
(extracted on the fly). The commands only parse arguments and call djtext.analysis.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from djtext.cli.app import (
    BOM_OPTION, JOBS_OPTION, KEEP_DUPLICATES_OPTION, LEXICON_OPTION, SEGMENTER_OPTION, app, console, err_console,
    refuse_out_over_inputs, usage_error,
)

SOURCE_HELP = "A RESULTS folder written by `djtext extract`, or a corpus folder (extracted on the fly)."


def _load(source: Path, jobs: int, lexicon: Optional[List[Path]], segmenter: str, quiet: bool, keep_duplicates: bool = False):
    """Tables of SOURCE and whether SOURCE is a RESULTS folder (usage error when unreadable)."""
    from djtext.analysis.tables import tables_from_source
    from djtext.render import progress_bar
    from djtext.segment import SegmenterUnavailable

    if not source.exists():
        raise usage_error(f"{source}: no such file or folder")
    try:
        from djtext.analysis.tables import is_results_folder

        if is_results_folder(source):
            return tables_from_source(source, keep_duplicates=keep_duplicates)
        from djtext.corpus import iter_files

        total = len(iter_files(source))
        if total == 0:
            raise usage_error(f"{source}: neither a RESULTS folder (documents.csv, brands.csv ...) nor a corpus with supported files")
        with progress_bar(err_console.console, total, "extract", enabled=not quiet) as advance:
            return tables_from_source(source, jobs=jobs, lexicon_paths=[str(p) for p in lexicon or []],
                                      segmenter=segmenter, progress=advance, keep_duplicates=keep_duplicates)
    except (ValueError, OSError, SegmenterUnavailable) as exc:
        raise usage_error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def _inputs_of(source: Path, from_results: bool) -> set[Path]:
    """Files the user gave as input: every file of a corpus, the tables djtext wrote into a RESULTS folder."""
    if source.is_file():
        return {source.resolve()}
    if not from_results:
        return {p.resolve() for p in source.rglob("*") if p.is_file()}
    from djtext.analysis.tables import READERS
    from djtext.export import DATAPACKAGE, WORKBOOK
    from djtext.schema import TABLES

    names = {f"{table}{suffix}" for table in (*TABLES, "practice_clusters") for suffix in READERS}
    return {p.resolve() for p in source.iterdir() if p.is_file() and p.name in names | {WORKBOOK, DATAPACKAGE}}


def _refuse_input(out: Path, source: Path, from_results: bool) -> None:
    """Usage error when writing ``out`` would overwrite one of the inputs."""
    refuse_out_over_inputs(out, [source], message="{out}: --out must not be the SOURCE itself")
    if out.exists():
        refuse_out_over_inputs(out, _inputs_of(source, from_results),
                               message="{out}: --out would overwrite an input file; choose another name")


@app.command()
def compare(
    source: Path = typer.Argument(..., help=SOURCE_HELP),
    by: str = typer.Option("province", "--by", help="Region level: province, city or county."),
    what: str = typer.Option("brands", "--what", help="Items to compare: brands, formulations, practices or slogans."),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Rows shown per region in every screen table (brands, counts, keyness) and families shown."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the comparison table(s) to this file (.csv .jsonl .xlsx .parquet)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Format of --out: csv, jsonl, xlsx or parquet (default: from the suffix)."),
    bom: bool = BOM_OPTION,
    yates: bool = typer.Option(False, "--yates", help="Apply Yates' continuity correction to chi²."),
    count: str = typer.Option("documents", "--count", help="What keyness counts: documents (default; a document repeating a name counts once) or occurrences."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Items counted fewer times in all (per --count) get no keyness (1 = score everything)."),
    local: bool = typer.Option(False, "--local-only", help="Leave out national practices and formulations (the table's scope column, else the national lexicons)."),
    jobs: int = JOBS_OPTION,
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    segmenter: str = SEGMENTER_OPTION,
    keep_duplicates: bool = KEEP_DUPLICATES_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no tables (only write --out)."),
) -> None:
    """Compare brands (default), formulations, practices or slogans across regions, with keyness.

    --out FILE writes the comparison (count columns occurrences/documents/docs, then keyness
    columns named by keyness_on) and, for brands, <stem>_region_brands and <stem>_brand_families.

    Example: djtext compare results --what practices --by city --top 5 --local-only --out cmp.csv
    """
    from djtext.analysis import compare as cmp
    from djtext.analysis import render
    from djtext.analysis.families import brand_families
    from djtext.analysis.keyness import top_keyness
    from djtext.analysis.schema import ANALYSIS_TABLES
    from djtext.export import ExportError, write_bundle

    from djtext.analysis.keyness import small_sample_note

    from djtext.export import check_format

    try:
        cmp.check_choice(by, what)
        cmp.check_basis(count)
        if out is not None:
            check_format(fmt or out.suffix)
    except (cmp.CompareError, ExportError) as exc:
        raise usage_error(str(exc)) from None
    tables, from_results = _load(source, jobs, lexicon, segmenter, quiet, keep_duplicates)
    if out is not None:
        _refuse_input(out, source, from_results)
    if local:
        tables = cmp.local_only(tables)
    comparison = cmp.comparison_table(tables, by, what, yates=yates, basis=count, min_count=min_count)
    views = {"comparison": comparison}
    if what == "brands":
        views["region_brands"] = cmp.brands_by_region(tables, by)
        views["brand_families"] = brand_families(tables, by)[0]
    if not quiet:
        if what == "brands":
            shown = views["region_brands"].groupby("region", sort=False, group_keys=False).head(top)
            console.print(render.region_brands_table(shown, by, total=len(views["region_brands"])))
            console.print(render.families_table(views["brand_families"], limit=top))
        else:
            per_region = comparison.groupby("region", sort=True, group_keys=False).head(top)
            table = render.counts_table(per_region[["region", "item", "occurrences", "documents", "docs"]], by, what)
            if len(comparison) > len(per_region):
                table.caption = f"{len(comparison) - len(per_region)} more rows (--top {top} per {by}; use --out)"
            console.print(table)
        scores = comparison.dropna(subset=["g2"])
        scores = scores.sort_values(["region", "g2", "occurrences", "item"], ascending=[True, False, False, True], kind="mergesort")
        best = top_keyness(scores, top)
        console.print(render.keyness_table(best, by, what, basis=count))
        if best.empty and not comparison.empty:
            err_console.print(f"no keyness: no {what} item is counted {min_count}+ times (per --count {count}) "
                              "with a region; --min-count 1 scores items of a single document", highlight=False)
        note = small_sample_note(scores)
        if note:
            err_console.print(f"[yellow]warning:[/] {note}", highlight=False)
    if out is not None:
        try:
            paths = write_bundle(views, out, fmt=fmt, bom=bom, schemas=ANALYSIS_TABLES)
        except ExportError as exc:
            raise usage_error(str(exc)) from None
        err_console.print(f"wrote {', '.join(str(p) for p in paths)}", highlight=False)


@app.command()
def cluster(
    source: Path = typer.Argument(..., help=SOURCE_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for practices and practice_clusters (default: the RESULTS folder itself; required for a corpus)."),
    threshold: float = typer.Option(0.75, "--threshold", "-t", help="Cosine distance at which clusters stop merging (0–2; lower = tighter clusters)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Output format: csv, jsonl, xlsx or parquet (default: the RESULTS folder's, else csv)."),
    bom: bool = BOM_OPTION,
    jobs: int = JOBS_OPTION,
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    segmenter: str = SEGMENTER_OPTION,
    keep_duplicates: bool = KEEP_DUPLICATES_OPTION,
    top: int = typer.Option(40, "--top", "-n", min=1, help="Clusters shown on screen (all are written)."),
    local: bool = typer.Option(False, "--local-only", help="Show only clusters of local practices (national ones, per scope or lexicon, are still written)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no table."),
) -> None:
    """Cluster the named practices across documents; write practice_clusters and fill practices' cluster column.

    Example: djtext cluster results --threshold 0.6 --top 20
    """
    from djtext.analysis import render
    from djtext.analysis.cluster import ClusterError, cluster_practices
    from djtext.analysis.schema import ANALYSIS_TABLES
    from djtext.analysis.tables import is_results_folder, results_format
    from djtext.export import ExportError, check_format, write_tables

    if not 0 < threshold <= 2:
        raise usage_error(f"--threshold must be in (0, 2], not {threshold}")
    if not source.exists():
        raise usage_error(f"{source}: no such file or folder")
    results_source = source.is_dir() and is_results_folder(source)
    if not results_source and out is None:
        raise usage_error(f"{source}: is not a RESULTS folder, so --out DIR is required (a corpus is never written into)")
    target = out if out is not None else source
    if target.exists() and not target.is_dir():
        raise usage_error(f"{target}: --out must be a folder, and this is a file")
    in_place = results_source and target.resolve() == source.resolve()
    if not results_source and source.exists() and source.is_dir():
        refuse_out_over_inputs(target, [source], inside=True, message="{out}: --out must be outside the corpus folder {input}")
    try:
        fmt_out = check_format(fmt) if fmt else (results_format(target) if is_results_folder(target) else "csv")
    except ExportError as exc:
        raise usage_error(str(exc)) from None
    if in_place and fmt and fmt_out != results_format(source):
        raise usage_error(f"{source}: holds {results_format(source)} tables; use --out DIR to write {fmt_out}")
    tables, _ = _load(source, jobs, lexicon, segmenter, quiet, keep_duplicates)
    try:
        practices, clusters = cluster_practices(tables, threshold)
        paths = write_tables({"practices": practices, "practice_clusters": clusters}, target, fmt=fmt_out,
                             bom=bom, schemas=ANALYSIS_TABLES)
    except (ClusterError, ExportError) as exc:
        raise usage_error(str(exc)) from None
    if not quiet:
        shown = clusters
        if local and not clusters.empty:
            from djtext.analysis.compare import item_scope

            local_labels = set(practices.loc[item_scope(practices, "practices") == "local", "cluster"].dropna())
            shown = clusters[clusters["cluster"].isin(local_labels)].reset_index(drop=True)
        console.print(render.clusters_table(shown, limit=top))
    multi = int((clusters["size"] > 1).sum()) if not clusters.empty else 0
    shared = int((clusters["n_documents"] > 1).sum()) if not clusters.empty else 0
    err_console.print(
        f"{practices['name'].nunique() if not practices.empty else 0} practice names in {len(clusters)} clusters "
        f"({multi} with several names, {shared} spanning several documents); wrote "
        + ", ".join(str(p) for p in paths), highlight=False,
    )


@app.command()
def plot(
    source: Path = typer.Argument(..., help=SOURCE_HELP),
    kind: str = typer.Option("heatmap", "--kind", "-k", help="heatmap (region × practice cluster or brand family) or families (brand-family graph)."),
    out: Path = typer.Option(..., "--out", "-o", help="Image file: .png, .svg or .pdf."),
    of: str = typer.Option("clusters", "--of", help="What the heatmap's columns are: clusters (practice clusters) or families (brand families)."),
    by: str = typer.Option("province", "--by", help="Region level: province, city or county."),
    top: int = typer.Option(25, "--top", "-n", min=1, help="Most widespread clusters/families shown."),
    threshold: float = typer.Option(0.75, "--threshold", "-t", help="Clustering threshold when practices are not clustered yet."),
    local: bool = typer.Option(False, "--local-only", help="Leave out national practices and formulations (generic ones fill a heatmap)."),
    jobs: int = JOBS_OPTION,
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    segmenter: str = SEGMENTER_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Draw a region heatmap of practice clusters / brand families, or the brand-family graph.

    The heatmap colours each cell by the share of the region's documents (n= in the labels),
    with the unattributed row apart at the bottom.

    Example: djtext plot results --kind heatmap --of clusters --local-only --out heatmap.png
    """
    from djtext.analysis.compare import CompareError, check_choice
    from djtext.plot import KINDS, HEATMAP_OF, PlotError, check_output, make_plot

    try:
        check_choice(by, "practices")
        if kind not in KINDS:
            raise PlotError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if of not in HEATMAP_OF:
            raise PlotError(f"--of must be one of {', '.join(HEATMAP_OF)}, not {of!r}")
        check_output(out)
    except (CompareError, PlotError) as exc:
        raise usage_error(str(exc)) from None
    tables, from_results = _load(source, jobs, lexicon, segmenter, quiet)
    _refuse_input(out, source, from_results)
    try:
        path = make_plot(tables, out, kind=kind, of=of, by=by, top=top, threshold=threshold, local=local)
    except PlotError as exc:
        raise usage_error(str(exc)) from None
    err_console.print(f"wrote {path}", highlight=False)
