"""Word frequencies and keyness per region from the tokens table (as quanteda's textstat_frequency
and textstat_keyness).

``term_frequency`` gives, per group (a region at the ``by`` level, or the whole corpus), every
feature's ``frequency`` (tokens), ``docfreq`` (documents using it) and ``rank`` (1 = most frequent,
ties share the lowest rank, as quanteda's ``ties_method = "min"``). ``term_keyness`` scores every
feature of each region against all other regions with G², chi², p and log ratio, with both groups'
counts, on documents by default (djtext.analysis.keyness). Stopwords come from the genre list in
data/lexicons/stopwords.txt (function words and report boilerplate); tokens of digits or of one
character are dropped unless asked for.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from djtext.analysis.compare import LEVELS, UNATTRIBUTED, CompareError
from djtext.analysis.keyness import BASES, DEFAULT_MIN_COUNT, document_keyness, keyness

FREQUENCY_COLUMNS = ("feature", "frequency", "rank", "docfreq", "group")
TERM_KEYNESS_COLUMNS = (
    "region", "feature", "target_count", "rest_count", "target_total", "rest_total",
    "g2", "chi2", "p_g2", "p_chi2", "log_ratio", "small_sample", "keyness_on",
)
ALL = "(all)"


class TermsError(ValueError):
    """The tokens table is missing or a choice is unknown."""


def genre_stopwords(lexicon=None) -> frozenset[str]:
    """The genre stopword list (data/lexicons/stopwords.txt plus user additions)."""
    from djtext.lexicon import load_lexicon

    return frozenset((lexicon or load_lexicon()).column("stopwords"))


def load_tokens(folder: Path) -> pd.DataFrame:
    """The tokens table of a RESULTS folder (TermsError naming the folder when it has none)."""
    from djtext.analysis.tables import read_table_file, table_path

    path = table_path(Path(folder), "tokens")
    if path is None:
        raise TermsError(f"{folder}: no tokens table; run `djtext extract CORPUS --out {folder} --tokens` "
                         "or give the corpus folder")
    frame = read_table_file(path)
    missing = {"doc", "token"} - set(frame.columns)
    if missing:
        raise TermsError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
    return frame


def filter_tokens(tokens: pd.DataFrame, *, stopwords: frozenset[str] = frozenset(), min_chars: int = 2,
                  keep_digits: bool = False) -> pd.DataFrame:
    """Tokens without stopwords, shorter tokens (< ``min_chars``) and, unless kept, pure numbers."""
    if tokens.empty:
        return tokens
    words = tokens["token"].astype("string").fillna("").str.strip()
    keep = (words.str.len() >= min_chars) & ~words.isin(stopwords)
    if not keep_digits:
        keep &= ~words.str.fullmatch(r"[0-9０-９.%％]+")
    return tokens.assign(token=words)[keep].reset_index(drop=True)


def _groups(tokens: pd.DataFrame, by: str | None) -> pd.Series:
    if by is None:
        return pd.Series(ALL, index=tokens.index)
    if by not in LEVELS:
        raise CompareError(f"--by must be one of {', '.join(LEVELS)}, not {by!r}")
    values = tokens[by].astype("object").where(tokens[by].notna(), "") if by in tokens else pd.Series("", index=tokens.index)
    return values.map(lambda v: str(v).strip() or UNATTRIBUTED)


def term_frequency(tokens: pd.DataFrame, by: str | None = "province", *, top: int | None = None) -> pd.DataFrame:
    """feature, frequency, rank, docfreq, group per group (textstat_frequency with ``groups``)."""
    if tokens.empty:
        return pd.DataFrame(columns=FREQUENCY_COLUMNS)
    frame = pd.DataFrame({"group": _groups(tokens, by), "feature": tokens["token"], "doc": tokens["doc"]})
    grouped = frame.groupby(["group", "feature"], sort=False)
    out = grouped.agg(frequency=("doc", "size"), docfreq=("doc", "nunique")).reset_index()
    out = out.sort_values(["group", "frequency", "docfreq", "feature"], ascending=[True, False, False, True],
                          kind="mergesort")
    out["rank"] = out.groupby("group")["frequency"].rank(method="min", ascending=False).astype(int)
    if top is not None:
        out = out.groupby("group", sort=False, group_keys=False).head(top)
    return out[list(FREQUENCY_COLUMNS)].reset_index(drop=True)


def term_keyness(tokens: pd.DataFrame, by: str = "province", *, basis: str = "documents",
                 min_count: int = DEFAULT_MIN_COUNT, yates: bool = False) -> pd.DataFrame:
    """Keyness of every feature of each region against all other regions (textstat_keyness)."""
    if basis not in BASES:
        raise TermsError(f"--count must be one of {', '.join(BASES)}, not {basis!r}")
    if tokens.empty:
        return pd.DataFrame(columns=TERM_KEYNESS_COLUMNS)
    long = pd.DataFrame({"region": _groups(tokens, by), "item": tokens["token"], "doc": tokens["doc"]})
    if basis == "documents":
        scores = document_keyness(long, yates=yates, skip_regions=(UNATTRIBUTED,), min_count=min_count)
    else:
        counts = long.groupby(["region", "item"]).size().rename("count").reset_index()
        scores = keyness(counts, yates=yates, skip_regions=(UNATTRIBUTED,), min_count=min_count)
    scores = scores.rename(columns={"item": "feature"})
    scores["keyness_on"] = basis
    return scores[list(TERM_KEYNESS_COLUMNS)]
