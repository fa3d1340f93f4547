"""Generated benchmark corpora: unique documents made from the shared corpus, and huge files.

Every generated document is unique (so no cache entry or duplicate check can shortcut it), and
no two are near duplicates by djtext's MinHash: document i, under a numbered title, is as long
as seed file i mod n and is made of runs of consecutive paragraphs (so lists and sections keep
their shape) taken from all the seed files at positions drawn by a generator seeded with i, no
paragraph twice (two documents then share about as much text as chance gives, far below the
near-duplicate threshold).
Nothing of the corpus is stored in the project: the seed files are read at run time by path.
"""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus"


def seed_texts(seed: Path = SEED) -> list[str]:
    """The texts of the seed corpus files (sorted by name)."""
    files = sorted(p for p in Path(seed).iterdir() if p.is_file() and p.suffix == ".txt")
    if not files:
        raise SystemExit(f"{seed}: no .txt files to build a benchmark corpus from")
    return [p.read_text(encoding="utf-8") for p in files]


RUN_PARAGRAPHS = (3, 12)  # paragraphs per run taken from one seed file
RUN_CHARS = 3_000  # ... and at most about this many characters (no document is mostly one seed)
LONG_PARAGRAPH = 2_000  # a longer paragraph (a file without blank lines) is split at its line ends


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a seed text: blank-line separated; a very long one is cut at line ends, then
    a very long line after a full stop (a file written as a few huge lines)."""
    found = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        for line in block.split("\n") if len(block) > LONG_PARAGRAPH else [block]:
            if line.strip():
                found.extend(_sentence_chunks(line) if len(line) > LONG_PARAGRAPH else [line])
    return found


def _sentence_chunks(line: str) -> list[str]:
    """``line`` in pieces of about ``LONG_PARAGRAPH`` characters, each ending after a full stop where one is."""
    chunks, start = [], 0
    while len(line) - start > LONG_PARAGRAPH:
        cut = line.rfind("。", start, start + LONG_PARAGRAPH)
        cut = cut + 1 if cut > start else start + LONG_PARAGRAPH
        chunks.append(line[start:cut])
        start = cut
    chunks.append(line[start:])
    return [chunk for chunk in chunks if chunk.strip()]


def unique_document(texts: list[str], i: int) -> str:
    """Document ``i``: runs of consecutive paragraphs of the seeds, none used twice, about as long as seed ``i mod n``."""
    pool = [paragraph for text in texts for paragraph in paragraphs(text)]
    target = len(texts[i % len(texts)])
    rng = random.Random(i)
    used: set[int] = set()
    body: list[str] = []
    size = 0
    for _attempt in range(10 * len(pool)):
        if size >= target or len(used) == len(pool):
            break
        start, run = rng.randrange(len(pool)), 0
        for index in range(start, min(len(pool), start + rng.randint(*RUN_PARAGRAPHS))):
            paragraph = pool[index]
            if index in used or run >= RUN_CHARS or (body and size + len(paragraph) > target + LONG_PARAGRAPH):
                break
            run += len(paragraph)
            used.add(index)
            body.append(paragraph)
            size += len(paragraph) + 2
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
