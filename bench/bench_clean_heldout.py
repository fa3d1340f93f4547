"""The cleaner on held-out noise (bench/heldout_noise.py, made independently of tests/noise.py):
character error rate (whitespace ignored), paragraph-break F1 and idempotence, per seed.

Usage: python bench/bench_clean_heldout.py [--seeds 4] [--docs 10]
Seed s scores documents s*1000 … s*1000+docs-1. Targets: CER <= 0.3 %, paragraph F1 >= 0.95, idempotent.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

from heldout_noise import generate  # noqa: E402
from noise import break_f1, levenshtein  # noqa: E402

from djtext.clean import clean_text  # noqa: E402


def score_seed(seed: int, docs: int) -> tuple[float, float, int]:
    """Micro CER, mean paragraph-break F1 and the number of documents not idempotent, for one seed."""
    errors = chars = not_idempotent = 0
    f1s = []
    for n in range(docs):
        held = generate(seed * 1000 + n)
        got = clean_text(held.noisy).text
        expected = "".join("".join(p.split()) for p in held.clean)
        errors += levenshtein(expected, "".join(got.split()))
        chars += len(expected)
        f1s.append(break_f1(held.clean, got.split("\n")))
        not_idempotent += clean_text(got).text != got
    return errors / max(1, chars), sum(f1s) / max(1, len(f1s)), not_idempotent


def main() -> int:
    """Print the scores per seed and the worst of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--docs", type=int, default=10, help="documents per seed")
    args = parser.parse_args()
    rows = [score_seed(seed, args.docs) for seed in range(args.seeds)]
    for seed, (c, f, bad) in enumerate(rows):
        print(f"seed {seed}: CER {c:.3%}  paragraph F1 {f:.3f}  not idempotent {bad}/{args.docs}")
    print(f"worst:  CER {max(r[0] for r in rows):.3%}  paragraph F1 {min(r[1] for r in rows):.3f}  "
          f"not idempotent {sum(r[2] for r in rows)}  (targets: <= 0.300 %, >= 0.950, 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
