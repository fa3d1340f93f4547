"""Cleaning throughput (MB/s of UTF-8 input) and peak memory on ../shared/corpus replicated to >= 20 MB.

Usage: python bench/bench_clean.py [--mb 20] [--corpus PATH]
Documents are cleaned one by one, as the pipeline does; the five corpus files are cycled until the
input reaches the requested size. Prints MB/s, chars/s, documents, and peak memory (tracemalloc peak
during one pass over the corpus, and the process's max RSS).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from djtext.clean import clean_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="input size to clean, in MB of UTF-8")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt files")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"{args.corpus}: no .txt files to benchmark on", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    sizes = [len(t.encode("utf-8")) for t in texts]
    target = int(args.mb * 1_000_000)

    for text in texts:  # warm-up: imports, compiled regexes, OpenCC
        clean_text(text)

    tracemalloc.start()
    for text in texts:
        clean_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    done_bytes = done_chars = docs = 0
    corpus_bytes = sum(sizes)
    pass_times: list[float] = []
    start = time.perf_counter()
    cpu_start = time.process_time()
    while done_bytes < target:  # whole passes over the corpus until the target size is reached
        pass_start = time.perf_counter()
        for text, size in zip(texts, sizes):
            clean_text(text)
            done_bytes += size
            done_chars += len(text)
            docs += 1
        pass_times.append(time.perf_counter() - pass_start)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    best = corpus_bytes / 1e6 / min(pass_times)
    median = corpus_bytes / 1e6 / sorted(pass_times)[len(pass_times) // 2]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"input           {done_bytes / 1e6:.1f} MB ({done_chars:,} chars, {docs} documents)")
    print(f"time            {elapsed:.2f} s")
    print(f"throughput      {done_bytes / 1e6 / elapsed:.2f} MB/s wall ({done_chars / elapsed / 1e3:,.0f} K chars/s), "
          f"{done_bytes / 1e6 / cpu:.2f} MB/s of CPU time (one core)")
    print(f"per corpus pass {median:.2f} MB/s median, {best:.2f} MB/s best of {len(pass_times)} passes "
          f"({min(pass_times):.4f} s best, {sorted(pass_times)[len(pass_times) // 2]:.4f} s median for {len(texts)} files)")
    print(f"peak memory     {peak / 1e6:.1f} MB traced while cleaning the corpus once; max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
