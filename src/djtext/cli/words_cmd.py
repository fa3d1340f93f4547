"""`djtext terms`, `djtext kwic` and `djtext discover`: the commands about words.

They only parse arguments and call djtext.analysis.terms, djtext.analysis.kwic and
djtext.discover.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from djtext.cli.app import BOM_OPTION, JOBS_OPTION, LEXICON_OPTION, SEGMENTER_OPTION, app, console, err_console, refuse_out_over_inputs, usage_error

WORDS_SOURCE_HELP = ("A RESULTS folder written by `djtext extract --tokens`, or a corpus folder "
                     "(segmented on the fly).")


def _tokens_of(source: Path, jobs: int, lexicon: Optional[List[Path]], segmenter: str, quiet: bool):
    """The tokens table of SOURCE: read from a RESULTS folder, or made from a corpus folder."""
    from djtext.analysis.tables import is_results_folder
    from djtext.analysis.terms import TermsError, load_tokens
    from djtext.corpus import iter_files
    from djtext.lexicon import LexiconError
    from djtext.pipeline import run_corpus
    from djtext.render import progress_bar
    from djtext.segment import SegmenterUnavailable

    if not source.exists():
        raise usage_error(f"{source}: no such file or folder")
    try:
        if source.is_dir() and is_results_folder(source):
            return load_tokens(source), True
        total = len(iter_files(source))
        if total == 0:
            raise usage_error(f"{source}: neither a RESULTS folder with tokens nor a corpus with supported files")
        with progress_bar(err_console.console, total, "segment", enabled=not quiet) as advance:
            result = run_corpus(source, jobs=jobs, lexicon_paths=[str(p) for p in lexicon or []],
                                segmenter=segmenter, progress=advance, tokens=True)
    except (TermsError, LexiconError, SegmenterUnavailable, ValueError, OSError) as exc:
        raise usage_error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    from djtext.tokens import TOKEN_COLUMNS
    import pandas as pd

    return result.tables.get("tokens", pd.DataFrame(columns=list(TOKEN_COLUMNS))), False


def _write(frames: dict, out: Path, fmt: Optional[str], bom: bool, source: Path) -> None:
    """Write the views for --out (refusing to overwrite SOURCE or a file inside a corpus)."""
    from djtext.analysis.schema import ANALYSIS_TABLES
    from djtext.export import ExportError, write_bundle

    refuse_out_over_inputs(out, [source], inside=not (source / "documents.csv").exists(),
                           message="{out}: --out must be outside SOURCE {input}")
    if out.exists() and out.is_dir():
        raise usage_error(f"{out}: --out is a folder; give a file name such as terms.csv")
    try:
        paths = write_bundle(frames, out, fmt=fmt, bom=bom, schemas=ANALYSIS_TABLES)
    except ExportError as exc:
        raise usage_error(str(exc)) from None
    err_console.print(f"wrote {', '.join(str(p) for p in paths)}", highlight=False)


@app.command()
def terms(
    source: Path = typer.Argument(..., help=WORDS_SOURCE_HELP),
    by: str = typer.Option("province", "--by", help="Group by region level: province, city or county."),
    top: int = typer.Option(15, "--top", "-n", min=1, help="Words shown per region (frequency and keyness)."),
    count: str = typer.Option("documents", "--count", help="What keyness counts: documents (default; a document counts once) or occurrences."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Words counted fewer times in all (per --count) get no keyness."),
    min_chars: int = typer.Option(2, "--min-chars", min=1, help="Shortest word kept (characters)."),
    keep_stopwords: bool = typer.Option(False, "--keep-stopwords", help="Keep the genre stopwords (data/lexicons/stopwords.txt)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write frequencies to this file and keyness beside it as <stem>_term_keyness (.csv .jsonl .xlsx .parquet)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Format of --out: csv, jsonl, xlsx or parquet (default: from the suffix)."),
    bom: bool = BOM_OPTION,
    jobs: int = JOBS_OPTION,
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    segmenter: str = SEGMENTER_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no tables (only write --out)."),
) -> None:
    """Word frequencies (frequency, docfreq, rank) and keyness (G², chi², both groups' counts) per region.

    Example: djtext terms results --by province --top 10 --out terms.csv
    """
    from djtext.analysis import render
    from djtext.analysis.compare import LEVELS
    from djtext.analysis.keyness import small_sample_note
    from djtext.analysis.terms import TermsError, filter_tokens, genre_stopwords, term_frequency, term_keyness

    if by not in LEVELS:
        raise usage_error(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    if count not in ("documents", "occurrences"):
        raise usage_error(f"--count must be documents or occurrences, not {count!r}")
    tokens, _ = _tokens_of(source, jobs, lexicon, segmenter, quiet)
    stop = frozenset() if keep_stopwords else genre_stopwords()
    words = filter_tokens(tokens, stopwords=stop, min_chars=min_chars)
    try:
        frequency = term_frequency(words, by)
        scores = term_keyness(words, by, basis=count, min_count=min_count)
    except (TermsError, ValueError) as exc:
        raise usage_error(str(exc)) from None
    if not quiet:
        shown = frequency.groupby("group", sort=True, group_keys=False).head(top)
        console.print(render.frame_table(shown.rename(columns={"group": by}), f"Word frequencies per {by}",
                                         right=("frequency", "rank", "docfreq")))
        positive = scores[scores["g2"] > 0].groupby("region", sort=True, group_keys=False).head(top)
        console.print(render.keyness_table(positive.rename(columns={"feature": "item"}), by, "words", basis=count))
        note = small_sample_note(scores)
        if note:
            err_console.print(f"[yellow]warning:[/] {note}", highlight=False)
    if out is not None:
        _write({"term_frequency": frequency, "term_keyness": scores}, out, fmt, bom, source)


@app.command()
def kwic(
    term: str = typer.Argument(..., help="The word or phrase to find (a regular expression with --regex)."),
    source: Path = typer.Argument(..., help="A RESULTS folder written by `djtext extract --tokens`, or a corpus folder or file."),
    window: int = typer.Option(20, "--window", "-w", min=0, help="Characters of context on each side."),
    regex: bool = typer.Option(False, "--regex", help="Treat TERM as a Python regular expression."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="Lines shown on screen (--out writes all)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write every hit to this file (.csv .jsonl .xlsx .parquet)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Format of --out: csv, jsonl, xlsx or parquet (default: from the suffix)."),
    bom: bool = BOM_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no table (only write --out)."),
) -> None:
    """Keyword in context: every occurrence of TERM with its document, raw line and span.

    Example: djtext kwic 委员之家 data/raw --window 15 --out kwic.csv
    """
    from djtext.analysis import render
    from djtext.analysis.kwic import KwicError, attach_regions, corpus_docs, kwic_rows, token_docs
    from djtext.analysis.tables import is_results_folder
    from djtext.analysis.terms import TermsError, load_tokens

    if not source.exists():
        raise usage_error(f"{source}: no such file or folder")
    try:
        if source.is_dir() and is_results_folder(source):
            tokens = load_tokens(source)
            hits = attach_regions(kwic_rows(token_docs(tokens), term, window=window, regex=regex), tokens)
        else:
            hits = attach_regions(kwic_rows(corpus_docs(source), term, window=window, regex=regex), None)
    except (KwicError, TermsError, OSError) as exc:
        raise usage_error(str(exc)) from None
    if not quiet:
        console.print(render.kwic_table(hits, term, limit=limit))
    err_console.print(f"{len(hits)} hits of {term!r} in {hits['doc'].nunique() if len(hits) else 0} documents",
                      highlight=False)
    if out is not None:
        _write({"kwic": hits}, out, fmt, bom, source)


@app.command()
def discover(
    corpus: Path = typer.Argument(..., help="A corpus folder (searched recursively) or a single file."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the ranked phrases, one per line, to this file (name it terms.txt and pass it with --lexicon to add them to the terms lexicon)."),
    top: int = typer.Option(200, "--top", "-n", min=1, help="Phrases kept (ranked by score)."),
    max_len: int = typer.Option(12, "--max-len", min=2, max=40, help="Longest phrase counted from the text, in characters (quoted names may be longer)."),
    min_count: int = typer.Option(2, "--min-count", min=1, help="Fewest occurrences of an unquoted phrase."),
    new_only: bool = typer.Option(False, "--new-only", help="Leave out phrases the lexicons already hold."),
    show: int = typer.Option(40, "--show", min=0, help="Phrases shown on screen."),
    lexicon: Optional[List[Path]] = LEXICON_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no table."),
) -> None:
    """Discover new phrases (names, formulations, terms) by cohesion, boundary entropy and quotes.

    Example: djtext discover data/raw --out terms.txt && djtext extract data/raw --out results --lexicon terms.txt
    """
    from djtext.analysis import render
    from djtext.discover import corpus_texts, discover_phrases, write_terms
    from djtext.lexicon import LexiconError, load_lexicon

    if not corpus.exists():
        raise usage_error(f"{corpus}: no such file or folder")
    if out is not None:
        if out.exists() and out.is_dir():
            raise usage_error(f"{out}: --out is a folder; give a file name such as terms.txt")
        refuse_out_over_inputs(out, [corpus], inside=corpus.is_dir(), message="{out}: --out must be outside the corpus {input}")
    try:
        lex = load_lexicon([str(p) for p in lexicon or []])
        texts = corpus_texts(corpus)
    except (LexiconError, OSError) as exc:
        raise usage_error(str(exc)) from None
    if not texts:
        raise usage_error(f"{corpus}: no readable documents (.txt .md .html .htm .docx .pdf)")
    phrases = discover_phrases(texts, max_len=max_len, min_count=min_count, top=top, lexicon=lex, new_only=new_only)
    if not quiet and show:
        console.print(render.phrases_table(phrases[:show], total=len(phrases)))
    if out is not None:
        write_terms(phrases, out)
    err_console.print(f"{len(phrases)} phrases from {len(texts)} documents"
                      + (f"; wrote {out}" if out is not None else ""), highlight=False)
