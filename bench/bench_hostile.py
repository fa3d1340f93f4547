"""Benchmark: time and peak memory of the whole per-document pipeline on each hostile input.

Every input (made by tests/hostile.py, invented text only) is processed in a fresh Python process
(`djtext.pipeline.process_file`, no cache), so each peak memory is that input's own; a baseline
line shows the cost of a fresh process on one ordinary sentence. A limit per input (--limit,
generous) turns a runaway regex into a visible TIMEOUT instead of a hung benchmark. The kill -9
line starts `djtext extract` with a cache, kills it mid-run, then checks that every cache entry
left behind is whole and that a re-run goes through. Numbers only; no pass/fail.

usage: python bench/bench_hostile.py [--limit 300] [--only NAME ...]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import hostile  # noqa: E402  (tests/hostile.py: the makers of the inputs)

CHILD = r"""
import json, resource, sys, time
from djtext.pipeline import Options, process_file
start = time.perf_counter()
rows = process_file(sys.argv[1], sys.argv[2], Options())
doc = rows["documents"][0]
print(json.dumps({"seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "chars_clean": doc["chars_clean"], "error": doc["error"],
                  "rows": sum(len(v) for k, v in rows.items() if k not in ("documents", "_dedup"))}))
"""


def make_inputs(folder: Path) -> dict[str, Path]:
    """Every hostile input of the benchmark, at its benchmark size, by name."""
    made: dict[str, Path] = {}
    (folder / "baseline.txt").write_text(hostile.SENTENCE + "\n", encoding="utf-8")
    made["baseline (one sentence)"] = folder / "baseline.txt"
    made["zip-bomb .docx (1 GB inflated)"] = hostile.zip_bomb_docx(folder / "bomb.docx", 1024 * 2**20)
    made["ordinary .docx"] = hostile.small_docx(folder / "ok.docx")
    try:
        made["encrypted .pdf"] = hostile.encrypted_pdf(folder / "enc.pdf")
        made["owner-only encrypted .pdf"] = hostile.owner_only_pdf(folder / "owner.pdf")
        made["truncated .pdf"] = hostile.truncated_pdf(folder / "cut.pdf")
    except ImportError:
        print("reportlab missing: PDF inputs skipped")
    made["nested .html (100,000 divs)"] = hostile.nested_html(folder / "deep.html", 100_000)
    made["single-line .html (1 MB)"] = hostile.single_line_html(folder / "one_1mb.html", 2**20)
    made["single-line .html (10 MB)"] = hostile.single_line_html(folder / "one_10mb.html", 10 * 2**20)
    made["control and bidi characters"] = hostile.control_and_bidi_text(folder / "ctrl.txt")
    (folder / "specials").mkdir()
    (folder / "odd").mkdir()
    specials = hostile.special_files(folder / "specials")
    made["FIFO named .txt"] = specials["fifo"]
    made["symlink loop named .txt"] = specials["symlink_loop"]
    odd = hostile.odd_named_files(folder / "odd")
    made["non-UTF-8 file name"] = odd[-1]
    made["newline in file name"] = odd[1]
    for kind in sorted(hostile.PATHOLOGICAL_RUNS):
        for length in (200_000, 1_000_000):
            path = folder / f"run_{kind}_{length}.txt"
            path.write_text(hostile.pathological_text(kind, length), encoding="utf-8")
            made[f"run {hostile.PATHOLOGICAL_RUNS[kind]!r} × {length:,} chars"] = path
    return made


def run_one(path: Path, limit: float) -> dict:
    """Process one file in a fresh interpreter; its timing, peak memory and outcome."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(path.parent)], capture_output=True,
                              text=True, timeout=limit, env=env)
    except subprocess.TimeoutExpired:
        return {"seconds": limit, "peak_mb": float("nan"), "chars_clean": 0, "error": "TIMEOUT", "rows": 0}
    if done.returncode:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "chars_clean": 0, "rows": 0,
                "error": f"CRASH: {(done.stderr.strip().splitlines() or ['?'])[-1]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def kill9_check(folder: Path) -> str:
    """Kill `djtext extract` with -9 mid-run; report the cache entries left and whether all are whole."""
    corpus = folder / "kill_corpus"
    corpus.mkdir()
    rng = random.Random(8)
    for i in range(40):  # distinct documents (random common characters), so none is a duplicate
        text = "\n\n".join("".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(60)) + "。" + hostile.SENTENCE
                             for _ in range(150))
        (corpus / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    cache = folder / "kill_cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DJTEXT_CACHE_DIR": str(cache)}
    command = [sys.executable, "-c", "from djtext.cli import main; main()",
               "extract", str(corpus), "--out", str(folder / "kill_out"), "-q"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(cache.glob("*.json"))) < 10:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    entries = list(cache.glob("*.json"))
    whole = 0
    for entry in entries:
        try:
            rows = json.loads(entry.read_text(encoding="utf-8"))
            whole += isinstance(rows, dict) and bool(rows.get("documents"))
        except ValueError:
            pass
    leftovers = [p for p in cache.iterdir() if p.name.startswith(".")]
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    return (f"killed after {len(entries)} cache entries: {whole} whole, {len(entries) - whole} corrupt, "
            f"{len(leftovers)} temporary file(s) left; re-run exit {again.returncode}: "
            f"{again.stderr.strip().splitlines()[-1] if again.stderr.strip() else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=300.0, help="seconds allowed per input (generous)")
    parser.add_argument("--only", nargs="*", help="substrings of the input names to run")
    parser.add_argument("--no-kill", action="store_true", help="skip the kill -9 check")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="djtext_hostile_"))
    try:
        inputs = make_inputs(folder)
        print(f"{'input':44} {'bytes':>12} {'seconds':>8} {'peak MB':>8} {'clean chars':>11} {'rows':>7}  outcome")
        for name, path in inputs.items():
            if args.only and not any(part in name for part in args.only):
                continue
            size = path.lstat().st_size
            result = run_one(path, args.limit)
            outcome = result["error"] or "read"
            print(f"{name:44} {size:12,} {result['seconds']:8.2f} {result['peak_mb']:8.0f} "
                  f"{result['chars_clean']:11,} {result['rows']:7,}  {outcome[:90]}", flush=True)
        if not args.no_kill and not args.only:
            print("kill -9 during extract:", kill9_check(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
