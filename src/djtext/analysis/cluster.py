"""Practice clusters: character n-gram TF-IDF of practice names + agglomerative clustering.

Each distinct practice name (quotes and separators stripped for the features only) becomes a
TF-IDF vector (sublinear tf, smoothed idf over the distinct names) of its character 2–3-grams
plus the 2–3-grams of its head part, the part after the last separator (Chinese compound names
put the institution last: “请你来协商·民生议事堂” is a 民生议事堂; for a name without separators
the head is the whole name, which leaves its vector unchanged after normalisation).
Names are clustered by average-linkage agglomerative clustering on cosine distance, cut at
``threshold`` (0.75 by default; docs/analysis.md says how it was measured). The
names are sorted before clustering, so the result does not depend on input order, and the
label of a cluster is its most central name (highest mean cosine similarity to the other
members; ties: the shorter, then the lexicographically first name).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from djtext.analysis.compare import UNATTRIBUTED

DEFAULT_THRESHOLD = 0.75
NGRAMS = (2, 3)
QUOTES = "“”\"'‘’「」『』《》〈〉【】"
PARTS = re.compile(r"[·•・+＋|｜/／、,，:：—\s”’」』》】]+")
STRIP = re.compile(r"[“”\"'‘’「」『』《》〈〉【】（）()\s·•・+＋|｜/／、,，:：\-—]+")
CLUSTER_COLUMNS = (
    "cluster", "size", "names", "occurrences", "n_documents", "n_units", "n_provinces",
    "provinces", "cities", "counties", "units", "docs",
)


class ClusterError(ValueError):
    """Practice clustering cannot run (bad threshold)."""


def feature_text(name: str) -> str:
    """The practice name as used for the features: quotes, brackets and separators removed."""
    return STRIP.sub("", str(name)) or str(name)


def head_part(name: str) -> str:
    """The last part of a compound name (after its last separator): the head in Chinese naming."""
    parts = [p for p in PARTS.split(str(name)) if feature_text(p) and p.strip(QUOTES)]
    return feature_text(parts[-1]) if parts else feature_text(name)


def char_grams(text: str, sizes: tuple[int, int] = NGRAMS) -> list[str]:
    """Character n-grams of ``text`` for every n in ``sizes`` (the text itself when shorter)."""
    grams = [text[i:i + n] for n in range(sizes[0], sizes[1] + 1) for i in range(len(text) - n + 1)]
    return grams or [text]


def name_features(name: str) -> list[str]:
    """Features of a practice name: char 2–3-grams of the name plus those of its head part."""
    return char_grams(feature_text(name)) + char_grams(head_part(name))


def name_vectors(names: list[str]):
    """The L2-normalised TF-IDF matrix (sublinear tf) of the features of ``names``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=name_features, sublinear_tf=True, norm="l2").fit_transform(names).tocsr()


def cluster_names(names, threshold: float = DEFAULT_THRESHOLD) -> dict[str, str]:
    """Map every distinct name in ``names`` to its cluster label (deterministic, order-free)."""
    if not 0 < threshold <= 2:
        raise ClusterError(f"--threshold must be in (0, 2], not {threshold}")
    unique = sorted({str(n) for n in names if isinstance(n, str) and n.strip()})
    if not unique:
        return {}
    if len(unique) == 1:
        return {unique[0]: unique[0]}
    from sklearn.cluster import AgglomerativeClustering

    vectors = name_vectors(unique)
    similarity = np.clip((vectors @ vectors.T).toarray(), 0.0, 1.0)
    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    ids = model.fit_predict(distance)
    labels: dict[str, str] = {}
    for cid in sorted(set(ids)):
        index = np.flatnonzero(ids == cid)
        label = central_name([unique[i] for i in index], similarity[np.ix_(index, index)])
        labels.update({unique[i]: label for i in index})
    return labels


def central_name(members: list[str], similarity: np.ndarray) -> str:
    """The member with the highest mean similarity to the others (shorter, then first, on ties)."""
    if len(members) == 1:
        return members[0]
    n = len(members)
    mean = (similarity.sum(axis=1) - np.diag(similarity)) / (n - 1)
    order = sorted(range(n), key=lambda i: (-round(float(mean[i]), 9), len(members[i]), members[i]))
    return members[order[0]]


def assign_clusters(practices: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """A copy of the practices table with its ``cluster`` column filled."""
    out = practices.copy()
    if out.empty:
        if "cluster" not in out:
            out["cluster"] = pd.Series(dtype="string")
        return out
    labels = cluster_names(out["name"].tolist(), threshold)
    out["cluster"] = out["name"].map(lambda n: labels.get(str(n), pd.NA) if isinstance(n, str) else pd.NA)
    return out


def _joined(values) -> str:
    return " | ".join(sorted({str(v) for v in values if isinstance(v, str) and v and v != UNATTRIBUTED}))


def cluster_table(practices: pd.DataFrame) -> pd.DataFrame:
    """Cluster × names × regions × units × documents, from a practices table with ``cluster`` filled."""
    if practices.empty or "cluster" not in practices:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    frame = practices[practices["cluster"].notna()].astype("object")
    frame = frame.where(frame.notna(), "")
    rows = []
    for label, group in frame.groupby("cluster", sort=True):
        provinces = {p for p in group["province"] if p}
        rows.append({
            "cluster": label, "size": group["name"].nunique(), "names": _joined(group["name"]),
            "occurrences": len(group), "n_documents": group["doc"].nunique(),
            "n_units": len({u for u in group["unit"] if u}), "n_provinces": len(provinces),
            "provinces": _joined(provinces), "cities": _joined(group["city"]), "counties": _joined(group["county"]),
            "units": _joined(group["unit"]), "docs": _joined(group["doc"]),
        })
    table = pd.DataFrame(rows, columns=CLUSTER_COLUMNS)
    table = table.sort_values(["n_documents", "size", "occurrences", "cluster"],
                              ascending=[False, False, False, True], kind="mergesort")
    return table.reset_index(drop=True)


def cluster_practices(tables: dict[str, pd.DataFrame], threshold: float = DEFAULT_THRESHOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(practices with ``cluster`` filled, practice_clusters table) from the extraction tables."""
    practices = tables.get("practices", pd.DataFrame())
    filled = assign_clusters(practices if practices is not None else pd.DataFrame(), threshold)
    return filled, cluster_table(filled)
