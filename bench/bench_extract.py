"""Benchmark: `extract` end to end vs bare segmentation of the same cleaned text.

Replicates ../shared/corpus (beside the project) to at least --mb megabytes of files, runs the
whole per-document pipeline on one core (no cache), then segments the same cleaned text with
djtext's default segmenter and with bare jieba 0.42 (a researcher's usual first step), and prints
chars/s for each, the ratios and peak memory. Numbers only; no pass/fail.

usage: python bench/bench_extract.py [--mb 20] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def replicate(corpus: Path, target: Path, megabytes: float) -> int:
    """Copy the corpus files into ``target`` until they hold ``megabytes`` MB; return bytes."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    if not files:
        raise SystemExit(f"{corpus}: no files to benchmark on")
    size, copy = 0, 0
    while size < megabytes * 1_000_000:
        for path in files:
            dest = target / f"{copy:04d}_{path.name}"
            shutil.copyfile(path, dest)
            size += dest.stat().st_size
        copy += 1
    return size


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)

    from djtext.clean import clean_text
    from djtext.corpus import iter_files, read_document
    from djtext.lexicon import load_lexicon
    from djtext.pipeline import run_corpus
    from djtext.segment import get_segmenter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = replicate(args.corpus, folder, args.mb)
        files = iter_files(folder)
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB (from {args.corpus})")

        # warm-up: load lexicons, gazetteer and segmenter once, as a long run would
        run_corpus(args.corpus)
        start = time.perf_counter()
        result = run_corpus(folder, jobs=1)
        extract_s = time.perf_counter() - start
        chars = int(result.tables["documents"]["chars_clean"].sum())
        raw_chars = int(result.tables["documents"]["chars_raw"].sum())
        print(f"extract end to end: {extract_s:.1f} s, {raw_chars / extract_s / 1e3:,.0f} K raw chars/s, "
              f"{chars / extract_s / 1e3:,.0f} K clean chars/s; peak RSS {peak_rss_mb():,.0f} MB")

        # the same cleaned text the pipeline saw: every copy of every file, segmented in full
        cleaned = {p.name[5:]: clean_text(read_document(p, folder).text).text for p in files[:len({q.name[5:] for q in files})]}
        texts = [cleaned[p.name[5:]] for p in files]
        segmenter = get_segmenter("jieba", lexicon=load_lexicon())
        segmenter.cut("预热")
        start = time.perf_counter()
        for text in texts:
            segmenter.cut(text)
        seg_s = time.perf_counter() - start
        print(f"djtext segmenter ({segmenter.name}) alone: {chars / seg_s / 1e3:,.0f} K chars/s")

        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        start = time.perf_counter()
        for text in texts:
            list(jieba.cut(text))
        jieba_s = time.perf_counter() - start
        print(f"bare jieba {jieba.__version__} alone: {chars / jieba_s / 1e3:,.0f} K chars/s")
        print(f"ratio extract / djtext segmenter: {seg_s / extract_s:.2f}")
        print(f"ratio extract / bare jieba 0.42 (target >= 2.0): {jieba_s / extract_s:.2f}")
        print(f"peak RSS {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
