"""Benchmark: speed and scale of `djtext extract`, every figure of issue 11 measured in one run.

On a generated corpus of unique documents (bench/corpus_gen.py, built from ../shared/corpus),
each measurement a whole `djtext` process (start-up included), as a user runs it:

* ratio to bare jieba 0.42: `extract --jobs 1 --no-cache` vs a process that reads the same
  files and segments them with jieba 0.42 (target ≥ 2.0);
* start-up: `djtext --help` and `extract` of one small file (target ≤ 0.5 s);
* jobs 2 speed-up: `--jobs 2` vs `--jobs 1`, both without cache (target ≥ 1.7 on 2 cores);
* cache speed-up: a second run on the unchanged corpus vs the first, best of 3 and of 2 (target ≥ 20), and how
  many files a one-file change re-does (target 1);
* Dask: `--scheduler` of a real LocalCluster with 2 workers writes identical tables (and its time);
* memory: peak RSS of `extract --jobs 1` on 1× and 20× the corpus (target: flat).

usage: python bench/bench_scale.py [--docs 120] [--base 5] [--skip-dask] [--speed-only]
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

from corpus_gen import write_corpus  # noqa: E402

DJTEXT = [sys.executable, "-c", "import sys; from djtext.cli import main; sys.argv[0] = 'djtext'; main()"]
JIEBA = """
import pathlib, sys
import jieba
jieba.setLogLevel(60)
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    list(jieba.cut(path.read_text(encoding="utf-8")))
"""


def run(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stderr) of one command (RSS of that child alone, via wait4)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, **(env or {})})
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {text[-500:]}")
    return seconds, usage.ru_maxrss / 1024, text


def cpu_of(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds, CPU seconds) of one command (user + system time of that child: steadier on a busy machine)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    _pid, _status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def rss_of(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one command."""
    seconds, rss, _ = run(args, env)
    return seconds, rss


def extract(corpus: Path, out: Path, *extra: str) -> list[str]:
    """The djtext command line extracting ``corpus`` into ``out``."""
    return [*DJTEXT, "extract", str(corpus), "--out", str(out), "--quiet", *extra]


def same_tables(a: Path, b: Path) -> bool:
    """True when two RESULTS folders hold byte-identical files."""
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def best(func, repeat: int = 2):
    """The fastest of ``repeat`` runs of ``func`` (a function returning (seconds, ...))."""
    return min((func() for _ in range(repeat)), key=lambda r: r[0])


def main(argv: list[str]) -> int:
    """Run every measurement and print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120, help="documents in the speed corpus (>= 100)")
    parser.add_argument("--base", type=int, default=5, help="documents of the 1x memory corpus (20x is 20 times this)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--speed-only", action="store_true",
                        help="only start-up and the ratio to jieba (skip jobs, cache, Dask and memory)")
    args = parser.parse_args(argv)
    results: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="djtext-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        size = write_corpus(corpus, args.docs)
        print(f"corpus: {args.docs} unique documents, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"machine: two CPU-bound processes in parallel run {parallel_capacity():.2f}x as fast as one "
              "(2.0 on two free cores; less while other work shares them)")
        one = tmp / "one"
        write_corpus(one, 1)

        help_s = best(lambda: rss_of([*DJTEXT, "--help"]), 3)[0]
        one_s = best(lambda: rss_of(extract(one, tmp / "o_one", "--no-cache")), 3)[0]
        # as installed (pip compiles the bytecode): cached in a folder of this run, whatever PYTHONDONTWRITEBYTECODE says
        bytecode = {"PYTHONPYCACHEPREFIX": str(tmp / "pycache"), "PYTHONDONTWRITEBYTECODE": ""}
        cpu_of(extract(one, tmp / "o_one", "--no-cache"), bytecode)  # writes the bytecode
        one_cached = best(lambda: cpu_of(extract(one, tmp / "o_one", "--no-cache"), bytecode), 3)
        results.append(("start-up: djtext --help", f"{help_s:.2f} s", "<= 0.5 s"))
        results.append(("start-up: extract 1 small file", f"{one_s:.2f} s", "<= 0.5 s"))
        results.append(("  the same, bytecode cached (wall / CPU)", f"{one_cached[0]:.2f} / {one_cached[1]:.2f} s", "<= 0.5 s"))

        j1 = best(lambda: rss_of(extract(corpus, tmp / "o1", "--no-cache", "--jobs", "1")))
        jieba_s = best(lambda: rss_of([sys.executable, "-c", JIEBA, str(corpus)]))[0]
        print(f"extract --jobs 1: {j1[0]:.1f} s ({size / 1e6 / j1[0]:.2f} MB/s), peak RSS {j1[1]:.0f} MB; "
              f"bare jieba process: {jieba_s:.1f} s")
        results.append(("ratio extract / bare jieba 0.42", f"{jieba_s / j1[0]:.2f}", ">= 2.0"))
        if args.speed_only:
            _print_results(results)
            return 0

        j2 = best(lambda: rss_of(extract(corpus, tmp / "o2", "--no-cache", "--jobs", "2")))
        print(f"extract --jobs 2: {j2[0]:.1f} s; identical tables: {same_tables(tmp / 'o1', tmp / 'o2')}")
        results.append(("jobs 2 speed-up", f"{j1[0] / j2[0]:.2f}", ">= 1.7"))

        firsts = []
        for attempt in range(2):  # each first run fills a cache of its own
            cache_env = {"XDG_CACHE_HOME": str(tmp / f"cache{attempt}")}
            firsts.append(run(extract(corpus, tmp / "oc1"), cache_env)[0])
        first = min(firsts)
        second = min(run(extract(corpus, tmp / "oc2"), cache_env)[0] for _ in range(3))
        first_file = sorted(corpus.iterdir())[0]
        first_file.write_text(first_file.read_text(encoding="utf-8") + "\n政协委员开展调研。\n", encoding="utf-8")
        _, _, err3 = run(extract(corpus, tmp / "oc3"), cache_env)
        redone = args.docs - int(err3.split(" from cache")[0].rsplit("(", 1)[1]) if "from cache" in err3 else args.docs
        print(f"cache: first run {first:.1f} s, unchanged re-run {second:.2f} s; identical tables: "
              f"{same_tables(tmp / 'oc1', tmp / 'oc2')}; a one-file change re-did {redone} file(s)")
        results.append(("cache speed-up (unchanged re-run)", f"{first / second:.1f}", ">= 20"))
        results.append(("files re-done after a one-file change", str(redone), "1"))

        if not args.skip_dask:
            results.append(("Dask LocalCluster (2 workers) identical", *dask_check(corpus, tmp, j1[0])))

        small, big = tmp / "m1", tmp / "m20"
        write_corpus(small, args.base)
        write_corpus(big, 20 * args.base)
        m1 = rss_of(extract(small, tmp / "om1", "--no-cache"))[1]
        m20 = rss_of(extract(big, tmp / "om20", "--no-cache"))[1]
        results.append((f"peak RSS 1x ({args.base} docs) / 20x ({20 * args.base} docs)", f"{m1:.0f} / {m20:.0f} MB",
                        "flat"))
        results.append(("memory ratio 20x / 1x", f"{m20 / m1:.2f}", "~1.0"))
    _print_results(results)
    return 0


def _print_results(results: list[tuple[str, str, str]]) -> None:
    """The table of measures, values and targets."""
    print()
    print(f"{'measure':48} {'value':>14}  target")
    for name, value, target in results:
        print(f"{name:48} {value:>14}  {target}")


def _burn(_=None) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10**7):
        total += i * i
    return time.perf_counter() - start


def parallel_capacity() -> float:
    """How many times faster two CPU-bound processes finish than one after the other (≤ 2)."""
    import multiprocessing

    one = _burn()
    with multiprocessing.Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [0, 1])
        two = time.perf_counter() - start
    return 2 * one / two


def dask_check(corpus: Path, tmp: Path, serial_s: float) -> tuple[str, str]:
    """Extract through a LocalCluster of 2 worker processes; (identical?, target) with its time."""
    try:
        from distributed import LocalCluster
    except ImportError:
        return "skipped (no distributed)", "True"
    # the reference: the corpus as it is now (after the one-file change) with --jobs 1
    run(extract(corpus, tmp / "od1", "--no-cache"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        seconds, _, _ = run(extract(corpus, tmp / "od2", "--no-cache", "--scheduler", cluster.scheduler_address))
    same = same_tables(tmp / "od1", tmp / "od2")
    print(f"dask --scheduler LocalCluster(2 workers): {seconds:.1f} s; identical tables: {same}")
    return f"{same} ({seconds:.1f} s)", "True"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
