"""Generated benchmark corpora: unique documents made from the shared corpus, and huge files.

Every generated document is unique (so no cache entry or duplicate check can shortcut it):
document i takes the paragraphs of seed file i mod n, rotated by i, under a numbered title.
Nothing of the corpus is stored in the project: the seed files are read at run time by path.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus"


def seed_texts(seed: Path = SEED) -> list[str]:
    """The texts of the seed corpus files (sorted by name)."""
    files = sorted(p for p in Path(seed).iterdir() if p.is_file() and p.suffix == ".txt")
    if not files:
        raise SystemExit(f"{seed}: no .txt files to build a benchmark corpus from")
    return [p.read_text(encoding="utf-8") for p in files]


def unique_document(texts: list[str], i: int) -> str:
    """Document ``i``: the paragraphs of seed ``i mod n`` rotated by ``i``, with a numbered title."""
    paragraphs = [p for p in texts[i % len(texts)].split("\n\n") if p.strip()]
    shift = (i // len(texts)) % max(1, len(paragraphs))
    body = paragraphs[shift:] + paragraphs[:shift]
    return f"第{i + 1}号材料\n\n" + "\n\n".join(body) + "\n"


def write_corpus(target: Path, n_docs: int, seed: Path = SEED) -> int:
    """Write ``n_docs`` unique documents into ``target``; return the bytes written."""
    texts = seed_texts(seed)
    target.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(n_docs):
        data = unique_document(texts, i).encode("utf-8")
        (target / f"doc{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def write_huge(path: Path, megabytes: float, seed: Path = SEED) -> int:
    """One .txt of about ``megabytes`` MB: unique documents one after another, page breaks between."""
    texts = seed_texts(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    size, i = 0, 0
    with open(path, "wb") as handle:
        while size < megabytes * 1_000_000:
            data = (unique_document(texts, i) + "\f\n").encode("utf-8")
            handle.write(data)
            size += len(data)
            i += 1
    return size
