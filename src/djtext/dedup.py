"""Duplicate documents: exact (same normalised clean text) and near (MinHash over character shingles).

The same report often reaches a corpus twice: in two encodings, as a cleaned copy beside the
original, or re-posted on another site with other navigation around it. Counting it twice
inflates every region's figures, so each document gets a small signature (``text_signature``:
a hash of its normalised clean text and a MinHash of its character 5-grams) and
``find_duplicates`` maps every duplicate to the first document (in path order) it repeats.
``without_duplicates`` drops the duplicates' rows from the mention tables before counting.

Normalisation (NFKC, case-folded, whitespace, punctuation, symbols and control characters
removed) makes the two encodings of a text, a cleaned and an uncleaned copy, and copies that
differ in layout or punctuation width hash alike.
"""
from __future__ import annotations

import hashlib
import unicodedata
from typing import Iterable, Mapping

import pandas as pd

SHINGLE = 5  # characters per shingle (Chinese: about two words)
NUM_PERM = 128  # MinHash permutations: the Jaccard estimate's standard error is about 0.03 at 0.9
NEAR_THRESHOLD = 0.85  # estimated Jaccard similarity of shingle sets at which a document is a near duplicate
MIN_NEAR_CHARS = 200  # shorter texts are only compared exactly (few shingles make a noisy estimate)
MAX_SHINGLE_CHARS = 1_000_000  # the MinHash of a huge text looks at its first million characters
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme, fixed so cached signatures stay comparable
DEDUP_TABLE = "_dedup"  # the per-document signature rows travel with the other rows (and the cache)
_DROPPED_CATEGORIES = ("P", "S", "Z", "C")


def normalise(text: str) -> str:
    """``text`` NFKC-normalised and case-folded, without whitespace, punctuation, symbols or control characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(_DROPPED_CATEGORIES))


def shingles(normalised: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-character substrings of ``normalised`` (the whole text when shorter)."""
    if len(normalised) <= size:
        return {normalised} if normalised else set()
    return {normalised[i:i + size] for i in range(len(normalised) - size + 1)}


def text_signature(text: str) -> dict:
    """A JSON-ready signature of a clean text: ``sha`` of the normalised text, its length and a MinHash."""
    norm = normalise(text or "")
    signature = {"sha": hashlib.sha1(norm.encode("utf-8")).hexdigest() if norm else "", "chars": len(norm), "minhash": []}
    if len(norm) >= MIN_NEAR_CHARS:
        from datasketch import MinHash

        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in shingles(norm[:MAX_SHINGLE_CHARS])])
        signature["minhash"] = [int(v) for v in minhash.hashvalues]
    return signature


def signature_rows(doc: str, text: str) -> list[dict]:
    """The rows of the ``_dedup`` table for one document (one row, or none for a text-less document)."""
    return [{"doc": doc, **text_signature(text)}] if text and text.strip() else []


def _similarity(a: list[int], b: list[int]) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures' shingle sets."""
    return sum(x == y for x, y in zip(a, b)) / len(a) if a and len(a) == len(b) else 0.0


def find_duplicates(signatures: Mapping[str, dict], threshold: float = NEAR_THRESHOLD) -> dict[str, str]:
    """``{duplicate doc: the first doc it repeats}``, docs taken in sorted path order (first one kept)."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    by_sha: dict[str, str] = {}
    kept: dict[str, list[int]] = {}
    duplicate_of: dict[str, str] = {}
    for doc in sorted(signatures):
        signature = signatures[doc] or {}
        sha, values = signature.get("sha", ""), list(signature.get("minhash") or [])
        if not sha:
            continue
        if sha in by_sha:
            duplicate_of[doc] = by_sha[sha]
            continue
        by_sha[sha] = doc
        if len(values) != NUM_PERM:
            continue
        minhash = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        candidates = [c for c in lsh.query(minhash) if _similarity(values, kept[c]) >= threshold]
        if candidates:
            duplicate_of[doc] = min(candidates, key=lambda c: (-_similarity(values, kept[c]), c))
            continue
        lsh.insert(doc, minhash)
        kept[doc] = values
    return duplicate_of


def flag_duplicates(tables: dict[str, pd.DataFrame], results: Mapping[str, Mapping[str, list[dict]]]) -> None:
    """Fill the documents table's ``duplicate_of`` column from the ``_dedup`` rows of per-document ``results``."""
    signatures = {row["doc"]: row for rows in results.values() for row in rows.get(DEDUP_TABLE, [])}
    documents = tables.get("documents")
    if documents is None or documents.empty:
        return
    duplicate_of = find_duplicates(signatures)
    documents["duplicate_of"] = documents["doc"].map(lambda doc: duplicate_of.get(doc))


def duplicate_docs(documents: pd.DataFrame | None) -> set[str]:
    """The docs a documents table marks as duplicates (a non-empty ``duplicate_of``)."""
    if documents is None or documents.empty or "duplicate_of" not in documents.columns:
        return set()
    flagged = documents["duplicate_of"].fillna("").astype(str).str.strip() != ""
    return set(documents.loc[flagged, "doc"].astype(str))


def without_duplicates(tables: Mapping[str, pd.DataFrame], keep: Iterable[str] = ("documents",)) -> dict[str, pd.DataFrame]:
    """The tables without the rows of duplicate documents (tables in ``keep`` are left whole)."""
    dropped = duplicate_docs(tables.get("documents"))
    if not dropped:
        return dict(tables)
    keep = set(keep)
    return {
        name: frame if name in keep or "doc" not in frame.columns else frame[~frame["doc"].astype(str).isin(dropped)].reset_index(drop=True)
        for name, frame in tables.items()
    }
