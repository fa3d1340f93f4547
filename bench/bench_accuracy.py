"""Benchmark: extraction accuracy on every gold set, with in-sample and out-of-sample figures.

Extracts each corpus once with the ``djtext`` command beside this Python, scores it with the
shared tolerant scorer (``../shared/gold/score.py``) and prints, per gold set and per field,
precision / recall / F1 (units: recall, as the scorer defines it; brands also region accuracy).

Gold sets:
- ``corpus/dev``: ../shared/corpus against ../shared/gold/dev (the two documents djtext grew on);
- ``webdev``: ../shared/webdev/texts against ../shared/webdev/gold, in all and per province half
  (``bench/webdev_split.py``): the half a round of development looked at is in-sample, the other
  half out-of-sample; both are printed with the gap between them;
- ``data/raw``: the project's own sample corpus against tests/gold_raw.

With ``--errors`` it lists every miss and false alarm, grouped by kind of error:
``boundary`` (a prediction and a gold item overlap: one contains the other, or they are similar),
``absent`` (nothing close predicted), ``spurious`` (a prediction with no gold item near it), and
for brands ``region`` (found, but a province/city/county differs).

usage: python bench/bench_accuracy.py [--errors] [--set NAME ...] [--half A|B] [--json]
"""
from __future__ import annotations

import difflib
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER_PATH = SHARED / "gold" / "score.py"
WEBDEV = SHARED / "webdev"
FIELDS = ("brands", "formulations", "lists", "units", "practices")
SIMILAR = 0.6  # below this ratio two names are unrelated (used only to classify errors)

sys.path.insert(0, str(ROOT / "bench"))
from webdev_split import split  # noqa: E402


def load_scorer():
    """Import the shared scorer as a module (it is a standalone script)."""
    spec = importlib.util.spec_from_file_location("djtext_gold_score", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def gold_sets() -> list[tuple[str, Path, Path]]:
    """(name, corpus folder, gold folder) of every gold set present on this machine."""
    candidates = [
        ("corpus/dev", SHARED / "corpus", SHARED / "gold" / "dev"),
        ("webdev", WEBDEV / "texts", WEBDEV / "gold"),
        ("data/raw", ROOT / "data" / "raw", ROOT / "tests" / "gold_raw"),
    ]
    return [c for c in candidates if c[1].is_dir() and c[2].is_dir()]


def extract(corpus: Path, out: Path) -> None:
    """Run ``djtext extract`` on ``corpus`` into ``out`` (no cache, quiet)."""
    djtext = Path(sys.executable).with_name("djtext")
    command = [str(djtext)] if djtext.exists() else [sys.executable, "-c", "from djtext.cli import main; main()"]
    subprocess.run(command + ["extract", str(corpus), "--out", str(out), "--no-cache", "--quiet"],
                   check=False, capture_output=True, text=True)


def figures(scorer, results: Path, gold_dir: Path, docs: set[str] | None) -> dict:
    """The scorer's per-field figures for ``docs`` (all documents when None)."""
    gold = scorer.load_gold(gold_dir, docs)
    keys = sorted(gold)
    return {
        "docs": len(keys),
        "brands": scorer.score_brands(scorer.read_table(results, "brands"), gold, keys),
        "formulations": scorer.score_formulations(scorer.read_table(results, "formulations"), gold, keys),
        "lists": scorer.score_lists(scorer.read_table(results, "lists"), gold, keys),
        "units": scorer.score_units(scorer.read_table(results, "units"), gold, keys),
        "practices": scorer.score_practices(scorer.read_table(results, "practices"), gold, keys),
    }


def headline(report: dict, field: str) -> float:
    """The one figure that summarises a field: F1, or recall for units."""
    entry = report[field]
    return entry["recall"] if field == "units" else entry["f1"]


def _near(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR)


def classify(predicted: list[str], gold: list[str], optional: set[str]) -> dict[str, list[str]]:
    """Misses and false alarms of one document's names, grouped by kind of error."""
    pred_set, gold_set = set(predicted) - optional, set(gold)
    kinds: dict[str, list[str]] = {"boundary": [], "absent": [], "spurious": []}
    for name in sorted(gold_set - pred_set):
        near = [p for p in pred_set - gold_set if _near(p, name)]
        if near:
            kinds["boundary"].append(f"{name} ≈ {near[0]}")
        else:
            kinds["absent"].append(name)
    for name in sorted(pred_set - gold_set):
        if not any(_near(name, g) for g in gold_set - pred_set):
            kinds["spurious"].append(name)
    return kinds


NAME_COLUMN = {"brands": ("name", "name"), "formulations": ("text", "text"),
               "practices": ("name", "name"), "lists": ("heading", "heading")}


def errors(scorer, results: Path, gold_dir: Path, docs: set[str] | None) -> dict[str, dict[str, list[str]]]:
    """Every miss and false alarm per field and kind, as ``doc: item`` strings."""
    gold = scorer.load_gold(gold_dir, docs)
    out: dict[str, dict[str, list[str]]] = {}
    for field, (pred_col, gold_col) in NAME_COLUMN.items():
        rows = scorer.read_table(results, field)
        grouped: dict[str, list[str]] = {}
        for key in sorted(gold):
            pred = [scorer.norm(r.get(pred_col)) for r in rows if scorer.doc_key(r.get("doc", "")) == key]
            items = gold[key][field]
            want = [scorer.norm(g[gold_col]) for g in items if not g.get("optional")]
            optional = {scorer.norm(g[gold_col]) for g in items if g.get("optional")}
            if field == "lists":
                pred, want, optional = ([x[:12] for x in pred], [x[:12] for x in want], {x[:12] for x in optional})
            for kind, names in classify([p for p in pred if p], [w for w in want if w], optional).items():
                grouped.setdefault(kind, []).extend(f"{key}: {n}" for n in names)
        out[field] = grouped
    region = []
    brand_rows = scorer.read_table(results, "brands")
    for key in sorted(gold):
        for b in gold[key]["brands"]:
            for r in brand_rows:
                if scorer.doc_key(r.get("doc", "")) == key and scorer.norm(r.get("name")) == scorer.norm(b["name"]):
                    got = tuple(scorer.norm(r.get(f)) for f in ("province", "city", "county"))
                    want = tuple(scorer.norm(b.get(f)) for f in ("province", "city", "county"))
                    if any(w and w != g for w, g in zip(want, got)):
                        region.append(f"{key}: {b['name']} {'/'.join(got)} ≠ {'/'.join(want)}")
    out["brands"]["region"] = list(dict.fromkeys(region))
    out["units"] = {"absent": [f"{m}" for m in figures(scorer, results, gold_dir, docs)["units"]["missed"]]}
    return out


def format_row(label: str, report: dict) -> str:
    """One line of the summary table."""
    cells = []
    for field in FIELDS:
        entry = report[field]
        if field == "units":
            cells.append(f"{entry['recall']:.3f} (n={entry['gold']})")
        else:
            cell = f"{entry['f1']:.3f} P{entry['precision']:.2f} R{entry['recall']:.2f}"
            if field == "brands" and entry.get("region_accuracy") is not None:
                cell += f" reg{entry['region_accuracy']:.2f}"
            cells.append(cell)
    return f"{label:<22} {report['docs']:>4}  " + "  ".join(f"{c:<26}" for c in cells)


def main(argv: list[str]) -> int:
    """Extract every gold set's corpus, score it, print the table (and errors with --errors)."""
    if not SCORER_PATH.exists():
        print(f"scorer not found at {SCORER_PATH}: nothing to measure")
        return 0
    scorer = load_scorer()
    wanted = set(argv[argv.index("--set") + 1:argv.index("--set") + 2]) if "--set" in argv else None
    dev_half = argv[argv.index("--half") + 1] if "--half" in argv else "A"
    show_errors, as_json = "--errors" in argv, "--json" in argv
    halves = split() if (WEBDEV / "SOURCES.tsv").exists() else {}
    table: dict[str, dict] = {}
    error_lists: dict[str, dict] = {}
    print(f"{'gold set':<22} {'docs':>4}  " + "  ".join(f"{f + (' recall' if f == 'units' else ' F1'):<26}" for f in FIELDS))
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus, gold_dir in gold_sets():
            if wanted and name not in wanted:
                continue
            out = Path(tmp) / name.replace("/", "_")
            extract(corpus, out)
            parts = [(name, None)]
            if name == "webdev" and halves:
                other = "B" if dev_half == "A" else "A"
                parts += [(f"webdev {dev_half} (dev half)", set(halves[dev_half])),
                          (f"webdev {other} (check half)", set(halves[other]))]
            for label, docs in parts:
                table[label] = figures(scorer, out, gold_dir, docs)
                print(format_row(label, table[label]))
                whole_webdev = label == "webdev" and len(parts) > 1  # would show the held-out half
                if show_errors and not label.endswith("(check half)") and not whole_webdev:
                    error_lists[label] = errors(scorer, out, gold_dir, docs)
    ins = [k for k in table if k.endswith("(dev half)")]
    outs = [k for k in table if k.endswith("(check half)")]
    if ins and outs:
        gaps = "  ".join(f"{f} {headline(table[outs[0]], f) - headline(table[ins[0]], f):+.3f}" for f in FIELDS)
        print(f"check half minus dev half: {gaps}")
        print("(both halves have been read by now: docs/accuracy.md has each round's out-of-sample figures)")
    if show_errors:
        for label, fields in error_lists.items():
            print(f"\n== errors: {label}")
            for field, kinds in fields.items():
                for kind, items in kinds.items():
                    if items:
                        print(f"-- {field} / {kind} ({len(items)})")
                        for item in items:
                            print(f"   {item}")
    if as_json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
