"""Benchmark of `djtext discover`: gold names in the top 200, and time on a 16× corpus.

    python bench/bench_discover.py [CORPUS] [GOLD_DIR] [--top 200] [--scale 16]

Prints how many distinct gold brand, formulation and practice names (from GOLD_DIR/*.json) are
among the top ``--top`` phrases discovered on CORPUS, and the time of discovery on the corpus and
on the corpus replicated ``--scale`` times (each copy a separate document), with their ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from djtext.discover import corpus_texts, discover_phrases  # noqa: E402

SHARED = ROOT.parent / "shared"


def gold_names(gold_dir: Path) -> set[str]:
    """Distinct brand, formulation and practice names of the gold files."""
    names: set[str] = set()
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for table, key in (("brands", "name"), ("formulations", "text"), ("practices", "name")):
            names |= {item[key] for item in data.get(table, []) if item.get(key)}
    return names


def timed(texts: list[str], top: int):
    """(phrases, seconds) of one discovery run."""
    start = time.perf_counter()
    phrases = discover_phrases(texts, top=top)
    return phrases, time.perf_counter() - start


def main() -> None:
    """Print the gold hits in the top N and the 1× / 16× timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus")
    parser.add_argument("gold", nargs="?", type=Path, default=SHARED / "gold" / "dev")
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--scale", type=int, default=16)
    parser.add_argument("--show", action="store_true", help="print the ranked phrases, gold ones marked")
    args = parser.parse_args()
    texts = corpus_texts(args.corpus)
    gold = gold_names(args.gold)
    discover_phrases(["预热：加载词典与词表。"], top=1)  # warm-up: the dictionary and lexicons load once, untimed
    phrases, one = timed(texts, args.top)
    hits = [p.phrase for p in phrases if p.phrase in gold]
    if args.show:
        for rank, p in enumerate(phrases, 1):
            print(f"{rank:4d} {'*' if p.phrase in gold else ' '} {p.phrase} {p.score} c={p.count} q={p.quoted} "
                  f"pmi={p.cohesion} le={p.left_entropy} re={p.right_entropy}")
    print(f"gold names in the top {args.top}: {len(hits)} of {len(gold)} distinct gold names")
    _, many = timed(texts * args.scale, args.top)
    print(f"time: {one:.2f}s on the corpus ({sum(map(len, texts))} chars), {many:.2f}s on {args.scale}x "
          f"= {many / one:.1f}x the time (linear would be {args.scale}x)")


if __name__ == "__main__":
    main()
