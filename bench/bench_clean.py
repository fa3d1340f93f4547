"""Cleaning throughput (MB/s of UTF-8 input, one core) on a generated corpus of unique documents.

Usage: python bench/bench_clean.py [--docs 120] [--passes 3]
The corpus is made in memory as bench/bench_scale.py makes its speed corpus (bench/corpus_gen.py:
unique documents from ../shared/corpus; 120 documents are about 5.3 MB). Documents are cleaned one
by one, as the pipeline does. Prints MB/s of CPU time (time.process_time, best of ``--passes``
passes over the corpus; wall times are noisy on a shared machine) against the target of issue 11,
and peak memory (tracemalloc peak during one pass, and the process's max RSS).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gen import seed_texts, unique_document  # noqa: E402

from djtext.clean import clean_text  # noqa: E402

TARGET_MB_S = 5.0
"""Issue 11: the cleaner at this many MB/s of CPU time on the 120-document corpus."""


def main() -> int:
    """Run the benchmark and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120, help="unique documents to clean")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the corpus (best is reported)")
    args = parser.parse_args()
    seeds = seed_texts()
    texts = [unique_document(seeds, i) for i in range(args.docs)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    chars = sum(map(len, texts))

    for text in texts[:len(seeds)]:  # warm-up: imports, compiled regexes, OpenCC
        clean_text(text)

    tracemalloc.start()
    for text in texts:
        clean_text(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    pass_times: list[float] = []
    for _ in range(max(1, args.passes)):
        start = time.process_time()
        for text in texts:
            clean_text(text)
        pass_times.append(time.process_time() - start)
    best = min(pass_times)
    rate = size / 1e6 / best
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "met" if rate >= TARGET_MB_S else "not met"
    print(f"input           {size / 1e6:.2f} MB ({chars:,} chars, {len(texts)} unique documents)")
    print(f"throughput      {rate:.2f} MB/s of CPU time, best of {len(pass_times)} passes ({best:.3f} s; "
          f"{chars / best / 1e3:,.0f} K chars/s)")
    print(f"target          {TARGET_MB_S:.1f} MB/s: {verdict}")
    print(f"peak memory     {peak / 1e6:.1f} MB traced while cleaning the corpus once; max RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
