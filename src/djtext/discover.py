"""New-phrase discovery: ranked candidate names and terms of a corpus, without a dictionary.

Signals, all general (nothing is learned from a particular corpus):

* **cohesion**: the weakest pointwise mutual information over the binary splits of a
  character string, ``min_k log(c(w)·N / (c(w[:k])·c(w[k:])))`` (Matrix67's new-word method);
* **boundary freedom**: the smaller of the left and right neighbour entropies; a chunk edge
  (punctuation, a line end) counts as a neighbour seen once, so a string that is always cut
  there is free at that side;
* **quotes**: how often the string is the whole content of a quotation (“…”), the way the genre
  writes brand, formulation and practice names; quoted names are candidates even when seen once,
  and a quotation framed as a name (a verb from brand_verbs / practice_verbs right before it,
  a head from practice_followers / practice_heads / brand kinds + 品牌 right after) counts twice,
  and a mechanism or project head glued after the quote makes one name (“X”制度 → X制度);
* **genre shape**: a name ending in a genre head (practice heads, brand kinds, such as …制度,
  …工作室) or opening with a numeral (numeric formulations, 三会一课) gets a bonus.

Counting is linear in the corpus: character n-grams up to ``max_len`` are counted level by level
in hash tables (Apriori pruning: an (n+1)-gram is counted only when its n-gram prefix or suffix is
frequent), so every level costs one pass over the text. ``·`` and ``+`` stay inside chunks, so
names such as ``党建+X`` and ``X·Y`` are found whole.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from djtext.lexicon import Lexicon, load_lexicon
from djtext.text import HAN_SPAN_RANGE

DEFAULT_MAX_LEN = 12
QUOTE_MAX_LEN = 24
DEFAULT_MIN_COUNT = 2
CHUNK = re.compile(f"[0-9A-Za-z{HAN_SPAN_RANGE}·+＋]+")
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,%d})[”\"」』]" % QUOTE_MAX_LEN)
NUMERAL = re.compile(r"^[0-9一二两三四五六七八九十百千万]")
NAME_CHARS = re.compile(f"^[0-9A-Za-z{HAN_SPAN_RANGE}·+＋]+$")
QUOTE_WEIGHT = 10.0
MIN_FREEDOM = 0.3
GLUED_CATEGORIES = ("mechanism", "project")  # “X”制度, “X”工程, “X”清单 are one name
FRAME_WEIGHT = 1.0  # a quotation framed as a name (打造“…”, “…”品牌) counts twice
PHRASE_COLUMNS = ("phrase", "score", "count", "quoted", "cohesion", "left_entropy", "right_entropy", "known")


@dataclass(frozen=True)
class Phrase:
    """One discovered phrase with the signals that ranked it."""

    phrase: str
    score: float
    count: int
    quoted: int
    cohesion: float
    left_entropy: float
    right_entropy: float
    known: bool


def text_chunks(text: str) -> list[str]:
    """Runs of Han characters, digits, Latin letters, ``·`` and ``+`` (everything else cuts)."""
    return CHUNK.findall(text.replace("＋", "+"))


def quoted_names(text: str, frames: tuple[tuple[str, ...], ...] = ((), (), ())) -> Counter:
    """Counts of quotation contents that look like names (no inner punctuation but ``·`` and ``+``).

    With ``frames`` = (verbs, heads, glued heads), the count of a quotation framed as a name (a
    verb such as 打造 right before it, or a head such as 品牌/工作法/制度 right after it) is added
    under the key ``(name, "framed")``; a practice head written right after the closing quote
    makes one name with the quotation (“第一议题”制度 → 第一议题制度), counted as framed too.
    """
    out: Counter = Counter()
    verbs, heads, glued = (tuple(frames) + ((), (), ()))[:3]
    text = text.replace("＋", "+")
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip()
        if NAME_CHARS.match(inner):
            out[inner] += 1
            before = text[max(0, match.start() - 4):match.start()]
            after = text[match.end():match.end() + 8]
            if (verbs and before.endswith(verbs)) or (heads and after.startswith(heads)):
                out[(inner, "framed")] += 1
            head = next((h for h in glued if after.startswith(h)), None) if glued else None
            if head:
                out[inner + head] += 1
                out[(inner + head, "framed")] += 1
    return out


def name_frames(lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(verbs before a name, heads after a name, practice heads that join a quoted name) from
    the brand and practice lexicons."""
    verbs = set(lexicon.column("brand_verbs")) | set(lexicon.column("practice_verbs", "word"))
    heads = set(lexicon.column("practice_followers", "word")) | set(lexicon.column("practice_heads", "head"))
    heads |= {t + "品牌" for t in lexicon.column("brand_kinds")} | {"品牌"}
    by_length = lambda words: tuple(sorted((w for w in words if w), key=len, reverse=True))
    glued = [row.get("head", "") for row in lexicon.rows("practice_heads") if row.get("category") in GLUED_CATEGORIES]
    return by_length(verbs), by_length(heads), by_length(glued)


def count_ngrams(chunks: list[str], max_len: int, min_count: int) -> dict[str, int]:
    """Counts of all character n-grams (1 ≤ n ≤ max_len + 1) whose prefix or suffix is frequent."""
    counts: dict[str, int] = Counter(ch for chunk in chunks for ch in chunk)
    frequent = {g for g, c in counts.items() if c >= min_count}
    for n in range(2, max_len + 2):
        level: dict[str, int] = defaultdict(int)
        for chunk in chunks:
            for i in range(len(chunk) - n + 1):
                gram = chunk[i:i + n]
                if gram[:-1] in frequent or gram[1:] in frequent:
                    level[gram] += 1
        counts.update(level)
        frequent = {g for g, c in level.items() if c >= min_count}
        if not frequent:
            break
    return counts


def _entropy(extensions: list[int], total: int) -> float:
    seen = sum(extensions)
    singles = max(total - seen, 0)  # chunk edges and unseen neighbours: each one seen once
    h = -sum(c / total * math.log(c / total) for c in extensions if c)
    if singles:
        h += singles * (1 / total) * math.log(total)
    return h


def neighbour_entropies(counts: dict[str, int], candidates: set[str]) -> dict[str, tuple[float, float]]:
    """(left, right) neighbour entropy of every candidate, from the (n+1)-gram counts."""
    left: dict[str, list[int]] = defaultdict(list)
    right: dict[str, list[int]] = defaultdict(list)
    for gram, c in counts.items():
        if len(gram) < 2:
            continue
        if gram[:-1] in candidates:
            right[gram[:-1]].append(c)
        if gram[1:] in candidates:
            left[gram[1:]].append(c)
    return {w: (_entropy(left.get(w, []), counts.get(w, 1)), _entropy(right.get(w, []), counts.get(w, 1)))
            for w in candidates}


def cohesion(word: str, counts: dict[str, int], total: int) -> float:
    """The weakest PMI over the binary splits of ``word`` (natural log)."""
    c = counts.get(word, 0)
    if len(word) < 2 or c == 0:
        return 0.0
    return min(math.log(c * total / (counts.get(word[:k], 1) * counts.get(word[k:], 1)))
               for k in range(1, len(word)))


def genre_heads(lexicon: Lexicon) -> tuple[str, ...]:
    """Generic name heads of the genre from the lexicons (practice heads, brand kinds)."""
    heads = set(lexicon.column("practice_heads", "head")) | {t + "品牌" for t in lexicon.column("brand_kinds", "term")}
    return tuple(sorted((h for h in heads if len(h) >= 2), key=len, reverse=True))


def stopwords(lexicon: Lexicon) -> frozenset[str]:
    """The genre stopword list (function words and boilerplate of the genre)."""
    return frozenset(lexicon.column("stopwords"))


def edge_chars(lexicon: Lexicon) -> frozenset[str]:
    """Characters that never start or end a name (function characters)."""
    return frozenset(lexicon.column("discover_stop_edges"))


@lru_cache(maxsize=1)
def general_words() -> frozenset[str]:
    """The words of jieba's general dictionary (a word found there is not a new phrase), from
    jieba-fast-dat (a core dependency) or jieba; empty when neither ships its dict.txt."""
    import importlib.util

    for name in ("jieba_fast_dat", "jieba"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            continue
        path = Path(spec.origin).resolve().parent / "dict.txt"
        try:
            with path.open(encoding="utf-8") as handle:
                return frozenset(line.split(" ", 1)[0] for line in handle)
        except OSError:
            continue
    return frozenset()


def known_terms(lexicon: Lexicon) -> frozenset[str]:
    """Terms the built-in (and user) lexicons already hold."""
    out: set[str] = set(lexicon.column("terms"))
    for name in ("formulations", "practices"):
        out |= set(lexicon.column(name, "text" if name == "formulations" else "name"))
    return frozenset(out)


def _acceptable(word: str, edges: frozenset[str], stops: frozenset[str]) -> bool:
    if len(word) < 2 or word in stops or word[0] in edges or word[-1] in edges:
        return False
    if word[0] in "·+" or word[-1] in "·" or word.isdigit() and len(word) < 3:
        return False
    return not word.isascii() or any(ch.isdigit() for ch in word)


def discover_phrases(texts: Iterable[str], *, max_len: int = DEFAULT_MAX_LEN, min_count: int = DEFAULT_MIN_COUNT,
                     top: int | None = 200, lexicon: Lexicon | None = None, new_only: bool = False) -> list[Phrase]:
    """Rank candidate phrases of ``texts`` (cleaned documents) by cohesion, freedom, quotes and shape."""
    lexicon = lexicon or load_lexicon()
    chunks: list[str] = []
    found: Counter = Counter()
    frames = name_frames(lexicon)
    for text in texts:
        chunks.extend(text_chunks(text))
        found.update(quoted_names(text, frames))
    quoted = Counter({k: v for k, v in found.items() if isinstance(k, str)})
    framed = {k[0]: v for k, v in found.items() if not isinstance(k, str)}
    counts = count_ngrams(chunks, max_len, min_count)
    total = sum(len(c) for c in chunks) or 1
    edges, stops, heads, known = edge_chars(lexicon), stopwords(lexicon), genre_heads(lexicon), known_terms(lexicon)
    frequent = {w for w, c in counts.items() if 2 <= len(w) <= max_len and c >= min_count}
    common = general_words()
    candidates = {w for w in frequent if w not in common and _acceptable(w, edges, stops)}
    candidates |= {w for w in quoted if _acceptable(w, edges, stops)}  # quoted: even a general word
    if new_only:
        candidates -= known
    missing = [w for w in candidates if w not in counts]
    if missing:  # long or rare quoted names: count them directly
        _count_directly(missing, "\n".join(chunks), counts)
    entropy = neighbour_entropies(counts, candidates)
    phrases = []
    for word in candidates:
        count = max(counts.get(word, 0), quoted.get(word, 0))
        quote_share = quoted.get(word, 0) / count if count else 0.0
        if quote_share < 0.5 and (word in common or min(entropy[word]) < MIN_FREEDOM):
            continue  # bound on one side and not a quoted name
        phrases.append(_score(word, counts, total, quoted.get(word, 0), entropy[word], heads, word in known,
                              framed.get(word, 0)))
    phrases.sort(key=lambda p: (-p.score, -p.count, p.phrase))
    return phrases if top is None else phrases[:top]


def _count_directly(words: list[str], joined: str, counts: dict[str, int]) -> None:
    """Add the counts of ``words`` (long or rare quoted names) found in the joined chunks."""
    for word in words:
        counts[word] = max(joined.count(word), 1)


def _score(word: str, counts: dict[str, int], total: int, quoted: int, entropy: tuple[float, float],
           heads: tuple[str, ...], known: bool, framed: int = 0) -> Phrase:
    count = max(counts.get(word, 0), quoted)
    pmi = cohesion(word, counts, total)
    free = min(entropy)
    quote_share = min(quoted / count, 1.0) if count else 0.0
    shape = 1.0 if word.endswith(heads) or (NUMERAL.match(word) and len(word) >= 3) else 0.0
    statistics = math.log1p(count) * (max(pmi, 0.0) / 4 + free)
    quotes = QUOTE_WEIGHT * quote_share * (1 + math.log1p(quoted)) * (1 + FRAME_WEIGHT * framed / max(quoted, 1))
    score = (statistics + quotes) * (1 + shape / 2)
    return Phrase(word, round(score, 4), count, quoted, round(pmi, 3), round(entropy[0], 3), round(entropy[1], 3), known)


def corpus_texts(root: Path) -> list[str]:
    """The cleaned texts of every readable document under ``root`` (unreadable files skipped)."""
    from djtext.clean import clean_text
    from djtext.corpus import iter_files, read_document

    root = Path(root)
    texts = []
    for path in iter_files(root):
        raw = read_document(path, root)
        if not raw.error and raw.text:
            texts.append(clean_text(raw.text).text)
    return texts


def write_terms(phrases: list[Phrase], path: Path) -> Path:
    """Write the phrases one per line (a lexicon file for ``--lexicon``), atomically."""
    from djtext.export import atomic_write_bytes

    header = ("# Discovered by `djtext discover` (ranked: cohesion, boundary entropy, quotes, genre shape).\n"
              "# Review before use; pass this file with --lexicon to keep these phrases whole.\n")
    body = "".join(f"{p.phrase}\n" for p in phrases)
    atomic_write_bytes(Path(path), (header + body).encode("utf-8"))
    return Path(path)
