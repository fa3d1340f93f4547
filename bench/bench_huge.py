"""Benchmark: one huge .txt file (10, 50, 200 MB) through `djtext extract`: time and peak memory.

Each file is generated (bench/corpus_gen.py: unique documents from ../shared/corpus one after
another, page breaks between) and extracted by a whole `djtext extract --jobs 1 --no-cache`
process; peak RSS is that process's (wait4). The normal speed of the corpus is measured the
same way on a folder of ordinary-sized documents of the same total text (the first size).
Target: memory flat (under 1 GB at 200 MB) and MB/s close to the corpus's normal speed.

usage: python bench/bench_huge.py [--sizes 10 50 200] [--jobs 1]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_gen import write_corpus, write_huge  # noqa: E402

DJTEXT = [sys.executable, "-c", "import sys; from djtext.cli import main; sys.argv[0] = 'djtext'; main()"]


def measure(corpus: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """(seconds, peak RSS MB, CPU seconds) of one `djtext extract` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([*DJTEXT, "extract", str(corpus), "--out", str(out), "--no-cache", "--quiet",
                             "--jobs", str(jobs)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"extract of {corpus} failed: {proc.stderr.read().decode()[-400:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> int:
    """Generate, extract and report every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 200])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; --jobs {args.jobs}")
    print(f"{'input':28} {'MB':>7} {'seconds':>8} {'MB/s':>6} {'CPU s':>7} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory(prefix="djtext-huge-") as tmp:
        tmp = Path(tmp)
        folder = tmp / "normal"
        n_docs = max(1, int(args.sizes[0] * 1e6 / 44_000))
        size = write_corpus(folder, n_docs)
        seconds, rss, cpu = measure(folder, tmp / "out_normal", args.jobs)
        normal = size / 1e6 / seconds
        print(f"{f'{n_docs} ordinary documents':28} {size / 1e6:7.1f} {seconds:8.1f} {normal:6.2f} {cpu:7.1f} {rss:12.0f}")
        for megabytes in args.sizes:
            huge = tmp / f"huge{megabytes:g}" / "big.txt"
            size = write_huge(huge, megabytes)
            seconds, rss, cpu = measure(huge.parent, tmp / f"out{megabytes:g}", args.jobs)
            print(f"{f'one {megabytes:g} MB .txt':28} {size / 1e6:7.1f} {seconds:8.1f} {size / 1e6 / seconds:6.2f} "
                  f"{cpu:7.1f} {rss:12.0f}   ({size / 1e6 / seconds / normal:.2f}x the corpus speed)")
            huge.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
