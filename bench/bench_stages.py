"""Benchmark: time of each per-document stage on 100 K-character documents.

Builds 100 K-character texts by repeating each file of ../shared/corpus (beside the project) and
prints the best-of-N milliseconds of every stage (clean, units, lists, segment, each extractor,
region attribution). Numbers only; no pass/fail.

usage: python bench/bench_stages.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SIZE = 100_000


def best_ms(func, repeat: int) -> float:
    """Best wall time of ``repeat`` calls of ``func``, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str]) -> int:
    """Print per-stage timings for every corpus file blown up to 100 K characters."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from djtext.clean import clean_text
    from djtext.extract.brands import extract_brands
    from djtext.extract.formulations import extract_formulations
    from djtext.extract.practices import extract_practices
    from djtext.extract.slogans import extract_slogans
    from djtext.lexicon import load_lexicon
    from djtext.regions import Gazetteer
    from djtext.segment import get_segmenter
    from djtext.structure import find_lists, find_units

    lexicon = load_lexicon()
    segmenter = get_segmenter("jieba", lexicon=lexicon)
    gazetteer = Gazetteer.from_lexicon(lexicon)
    print(f"{'file':28} {'stage':14} {'ms / 100K chars':>16}")
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        raw = (raw * (1 + SIZE // len(raw)))[:SIZE]
        clean = clean_text(raw)
        units = find_units(clean)
        stages = {
            "clean": lambda: clean_text(raw),
            "units": lambda: find_units(clean),
            "lists": lambda: find_lists(clean, units),
            "segment": lambda: segmenter.cut(clean.text),
            "brands": lambda: extract_brands(clean.text, lexicon=lexicon),
            "formulations": lambda: extract_formulations(clean.text, lexicon=lexicon),
            "practices": lambda: extract_practices(clean.text, lexicon=lexicon),
            "slogans": lambda: extract_slogans(clean.text, lexicon=lexicon),
            "regions": lambda: [gazetteer.attribute_unit(u.name, clean.text) for u in units],
        }
        for name, func in stages.items():
            print(f"{path.name[:28]:28} {name:14} {best_ms(func, args.repeat):16.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
