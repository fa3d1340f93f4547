"""Duplicate documents: exact (same normalised clean text) and near (MinHash over character shingles).

The same report often reaches a corpus twice: in two encodings, as a cleaned copy beside the
original, or re-posted on another site with other navigation around it. Counting it twice
inflates every region's figures, so each document gets a small signature (``text_signature``:
a hash of its normalised clean text and a MinHash sketch of its character 5-grams) and
``find_duplicates`` maps every duplicate to the first document (in path order) it repeats.
``without_duplicates`` drops the duplicates' rows from the mention tables before counting.

The MinHash is a bottom-k sketch (the 128 smallest of one 64-bit hash per shingle, hashed with
numpy in one vectorised pass), which estimates Jaccard similarity as well as 128 permutations do
at a hundredth of the cost: datasketch hashes every shingle in Python and applies 128
permutations, which cost more than the whole rest of the pipeline on a long text.

Normalisation (NFKC, case-folded, whitespace, punctuation, symbols and control characters
removed) makes the two encodings of a text, a cleaned and an uncleaned copy, and copies that
differ in layout or punctuation width hash alike.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from itertools import chain, repeat
from typing import TYPE_CHECKING, Iterable, Mapping

from djtext.lazy_numpy import NUMPY_CHARS, numpy_pays

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

SHINGLE = 5  # characters per shingle (Chinese: about two words)
SKETCH_SIZE = 128  # bottom-k MinHash: the Jaccard estimate's standard error is about 0.03 at 0.9
NEAR_THRESHOLD = 0.8  # estimated Jaccard similarity of shingle sets at which a document is a near duplicate
MIN_NEAR_CHARS = 200  # shorter texts are only compared exactly (few shingles make a noisy estimate)
MAX_SHINGLE_CHARS = 1_000_000  # the MinHash of a huge text looks at its first million characters
MULTIPLIER = 0x100000001B3  # FNV-64 prime: the rolling hash of a shingle's code points
MIX = 0xBF58476D1CE4E5B9  # splitmix64's finaliser multiplier: hashes spread evenly over 64 bits
_UINT64 = (1 << 64) - 1
PYTHON_HASH_CHARS = NUMPY_CHARS  # shorter texts are hashed in plain Python while numpy is not loaded (start-up)
DEDUP_TABLE = "_dedup"  # the per-document signature rows travel with the other rows (and the cache)
_NOT_WORD = re.compile(r"[\W_]+")  # punctuation, symbols, whitespace, controls (letters, digits, Han kept)
# Blocks in which no character is the second of a canonical composition (Latin to U+02FF, punctuation,
# letterlike and other symbols, CJK symbols without the tone marks, enclosed CJK, Han, compatibility
# ideographs and forms, fullwidth forms without halfwidth Hangul): in a text made only of them, NFKC
# is character by character, so ``normalise`` can map each character on its own. Anything else
# takes the whole-text path.
_OUTSIDE_STABLE = re.compile(
    "[^\x00-\u02ff\u2000-\u20cf\u2100-\u2bff\u3000-\u3029\u3030-\u303f\u3200-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff9d\uffe0-\uffef]"
)
_UNSTABLE = "\x00"  # never part of a normalised character (a control character is removed)


def normalise(text: str) -> str:
    """``text`` NFKC-normalised and case-folded, without whitespace, punctuation, symbols or control characters."""
    if _OUTSIDE_STABLE.search(text) is None:  # the usual case: character by character, one table lookup each
        if len(text) >= PYTHON_HASH_CHARS:  # numpy does the lookups of a long text (numpy hashes it next)
            codes = normalised_codes(text)
            if codes is not None:
                return codes.astype("<u4").tobytes().decode("utf-32-le")
        fast = text.translate(_CHARACTERS)
        if _UNSTABLE not in fast:
            return fast
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


class _NormalisedCharacters(dict):
    """Code point → the character's ``normalise`` (filled on first sight), ``_UNSTABLE`` when NFKC of the
    character alone might differ from its part of NFKC of a text (combining marks, conjoining jamo)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        nfkc = unicodedata.normalize("NFKC", char)
        if unicodedata.combining(char) or any(unicodedata.combining(c) or "\u1100" <= c <= "\u11ff" for c in nfkc):
            value = _UNSTABLE
        else:
            value = _NOT_WORD.sub("", nfkc.casefold())
        self[code] = value
        return value


_CHARACTERS = _NormalisedCharacters()
_CODE_TABLE: list = []  # [numpy array]: BMP code point → its normalised code point, or one of the marks below
_UNKNOWN, _REMOVED, _SEVERAL = -1, -2, -3  # not looked up yet; normalised to nothing; to several characters (or unstable)


def normalised_codes(text: str) -> "np.ndarray | None":
    """The code points of ``text.translate(_CHARACTERS)`` for a text of stable BMP characters, by numpy
    table lookups (None when a character normalises to several characters or is unstable)."""
    import numpy as np

    if not _CODE_TABLE:
        _CODE_TABLE.append(np.full(0x10000, _UNKNOWN, dtype=np.int32))
    table = _CODE_TABLE[0]
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    mapped = table[codes]
    unknown = codes[mapped == _UNKNOWN]
    if len(unknown):
        for code in np.unique(unknown).tolist():
            value = _CHARACTERS[code]
            table[code] = _REMOVED if not value else ord(value) if len(value) == 1 and value != _UNSTABLE else _SEVERAL
        mapped = table[codes]
    if (mapped == _SEVERAL).any():
        return None
    return mapped[mapped != _REMOVED]


def shingle_hashes(normalised: str, size: int = SHINGLE) -> "np.ndarray":
    """The 64-bit hash of every ``size``-character substring of ``normalised``, repeats included."""
    import numpy as np

    codes = np.frombuffer(normalised.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) == 0:
        return np.zeros(0, dtype=np.uint64)
    if len(codes) < size:
        codes = np.concatenate([codes, np.zeros(size - len(codes), dtype=np.uint64)])
    n = len(codes) - size + 1
    with np.errstate(over="ignore"):  # uint64 arithmetic wraps around, deterministically
        h = codes[:n].copy()
        for k in range(1, size):
            h = h * np.uint64(MULTIPLIER) + codes[k:n + k]
        h ^= h >> np.uint64(31)
        h *= np.uint64(MIX)
        h ^= h >> np.uint64(29)
    return h


def python_shingle_hashes(normalised: str, size: int = SHINGLE) -> set[int]:
    """The distinct hashes of ``shingle_hashes`` computed in plain Python (the same values)."""
    codes = [ord(char) for char in normalised]
    if not codes:
        return set()
    codes += [0] * (size - len(codes))  # a text shorter than a shingle is padded, as in numpy
    hashes = set()
    for start in range(len(codes) - size + 1):
        h = codes[start]
        for code in codes[start + 1:start + size]:
            h = (h * MULTIPLIER + code) & _UINT64
        h ^= h >> 31
        h = (h * MIX) & _UINT64
        hashes.add(h ^ (h >> 29))
    return hashes


def bottom_k(hashes: "np.ndarray", k: int = SKETCH_SIZE) -> list[int]:
    """The ``k`` smallest distinct values of ``hashes``, sorted, without sorting them all (a bottom-k MinHash sketch)."""
    import numpy as np

    head = 2 * k
    if len(hashes) > head:
        smallest = np.unique(np.partition(hashes, head - 1)[:head])  # the 2k smallest, repeats included
        if len(smallest) >= k:  # then they hold the k smallest distinct values
            return smallest[:k].tolist()
    return np.unique(hashes)[:k].tolist()


def minhash_sketch(normalised: str, k: int = SKETCH_SIZE) -> list[int]:
    """The bottom-k MinHash sketch of a normalised text (numpy, or plain Python for a short text before numpy is loaded)."""
    if not numpy_pays(len(normalised)):
        return sorted(python_shingle_hashes(normalised))[:k]
    return bottom_k(shingle_hashes(normalised), k)


def text_signature(text: str) -> dict:
    """A JSON-ready signature of a clean text: ``sha`` of the normalised text, its length and a MinHash sketch."""
    norm = normalise(text or "")
    signature = {"sha": hashlib.sha1(norm.encode("utf-8")).hexdigest() if norm else "", "chars": len(norm), "minhash": []}
    if len(norm) >= MIN_NEAR_CHARS:
        signature["minhash"] = minhash_sketch(norm[:MAX_SHINGLE_CHARS])
    return signature


def signature_rows(doc: str, text: str) -> list[dict]:
    """The rows of the ``_dedup`` table for one document (one row, or none for a text-less document)."""
    return [{"doc": doc, **text_signature(text)}] if text and text.strip() else []


def similarity(a: list[int], b: list[int]) -> float:
    """Bottom-k estimate of the Jaccard similarity of two texts' shingle sets, from their sketches.

    Among the k smallest hashes of the union (k: the smaller sketch), the share found in both.
    """
    k = min(len(a), len(b))
    if not k:
        return 0.0
    in_a, in_b = set(a), set(b)
    union = sorted(in_a | in_b)[:k]
    return sum(1 for v in union if v in in_a and v in in_b) / len(union)


class DuplicateFinder:
    """Documents fed in path order; ``check`` tells which earlier document each one repeats.

    Exact duplicates share the normalised-text hash; near duplicates share at least half their
    sketch with a kept document (an inverted index finds those) and their estimated similarity
    is at least ``threshold``. Memory: one sketch per kept document.
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD):
        self.threshold = threshold
        self._by_sha: dict[str, str] = {}
        self._by_value: dict[int, list[str]] = {}
        self._kept: dict[str, list[int]] = {}

    def check(self, doc: str, signature: Mapping | None) -> str | None:
        """The first document ``doc`` repeats, or None (then ``doc`` is kept for later checks)."""
        signature = signature or {}
        sha, values = signature.get("sha", ""), [int(v) for v in signature.get("minhash") or []]
        if not sha:
            return None
        if sha in self._by_sha:
            return self._by_sha[sha]
        self._by_sha[sha] = doc
        if not values:
            return None
        shared = Counter(chain.from_iterable(map(self._by_value.get, values, repeat(()))))  # kept docs per shared value
        scored = [(similarity(values, self._kept[c]), c) for c, n in shared.items() if n >= len(values) // 2]
        scored = [(score, c) for score, c in scored if score >= self.threshold]
        if scored:
            return min(scored, key=lambda item: (-item[0], item[1]))[1]
        self._kept[doc] = values
        for v in values:
            self._by_value.setdefault(v, []).append(doc)
        return None


def find_duplicates(signatures: Mapping[str, dict], threshold: float = NEAR_THRESHOLD) -> dict[str, str]:
    """``{duplicate doc: the first doc it repeats}``, docs taken in sorted path order (first one kept)."""
    finder = DuplicateFinder(threshold)
    found = {doc: finder.check(doc, signatures[doc]) for doc in sorted(signatures)}
    return {doc: original for doc, original in found.items() if original}


def flag_duplicates(tables: dict[str, "pd.DataFrame"], results: Mapping[str, Mapping[str, list[dict]]]) -> None:
    """Fill the documents table's ``duplicate_of`` column from the ``_dedup`` rows of per-document ``results``."""
    signatures = {row["doc"]: row for rows in results.values() for row in rows.get(DEDUP_TABLE, [])}
    documents = tables.get("documents")
    if documents is None or documents.empty:
        return
    duplicate_of = find_duplicates(signatures)
    documents["duplicate_of"] = documents["doc"].map(lambda doc: duplicate_of.get(doc))


def duplicate_docs(documents: "pd.DataFrame | None") -> set[str]:
    """The docs a documents table marks as duplicates (a non-empty ``duplicate_of``)."""
    if documents is None or documents.empty or "duplicate_of" not in documents.columns:
        return set()
    flagged = documents["duplicate_of"].fillna("").astype(str).str.strip() != ""
    return set(documents.loc[flagged, "doc"].astype(str))


def without_duplicates(tables: Mapping[str, "pd.DataFrame"], keep: Iterable[str] = ("documents",)) -> dict[str, "pd.DataFrame"]:
    """The tables without the rows of duplicate documents (tables in ``keep`` are left whole)."""
    dropped = duplicate_docs(tables.get("documents"))
    if not dropped:
        return dict(tables)
    keep = set(keep)
    return {
        name: frame if name in keep or "doc" not in frame.columns else frame[~frame["doc"].astype(str).isin(dropped)].reset_index(drop=True)
        for name, frame in tables.items()
    }
