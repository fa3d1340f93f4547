"""The word lists practice extraction reads from its lexicons (heads, followers, verbs, national
practices, stopwords, qualifiers), built once per lexicon, and lookups over them."""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from djtext.lexicon import Lexicon, derived
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS
from djtext.text import longest_first

CATEGORIES = ("platform", "mechanism", "activity", "project", "org_form")
MAX_ATTACH_GAP = 6


@dataclass(frozen=True)
class Head:
    """One row of practice_heads.csv."""

    head: str
    category: str
    attach: bool
    bare: str
    min_prefix: int
    requires: re.Pattern[str] | None
    requires_words: bool = False
    """True when ``requires`` is a plain alternation of words (found in a name only where it occurs)."""


@dataclass(frozen=True)
class PracticeVocabulary:
    """The word lists practice extraction reads from its lexicons."""

    heads: dict[str, Head]
    heads_by_length: tuple[str, ...]
    head_automaton: object
    followers: dict[str, str]
    follower_pattern: re.Pattern[str]
    quote_verbs: tuple[str, ...]
    found_verbs: tuple[str, ...]
    edges: frozenset[str]
    national: dict[str, str]
    national_automaton: object
    stopwords: frozenset[str]
    qualifiers: tuple[str, ...]
    clause_verbs: frozenset[str]
    clause_verb_pattern: re.Pattern[str]
    national_at_end: re.Pattern[str]
    head_at_end: re.Pattern[str]
    attach_direct: re.Pattern[str]
    attach_gapped: re.Pattern[str]
    leading_verbs: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    verbs_before_quote: tuple[str, ...] = ()
    founding_or_quote_verb: re.Pattern[str] = re.compile(r"(?!)")
    """Any of ``verbs_before_quote`` (the found and quote verbs), for a search of a clause."""
    gapped_head_starts: frozenset[str] = frozenset()
    """The first characters of the platform heads ``attach_gapped`` ends in."""
    head_ends: frozenset[str] = frozenset()
    """The last characters of the heads (a name ending in none of them ends in no head)."""
    edge_lengths: tuple[int, ...] = (4, 3, 2, 1)
    """The lengths of the ``edges`` words, longest first."""



def _yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "y", "true", "1")


def _build_vocabulary(lexicon: Lexicon) -> PracticeVocabulary:
    heads: dict[str, Head] = {}
    for row in lexicon.rows("practice_heads") + lexicon.rows("practice_group_heads"):
        head = row.get("head", "")
        if not head:
            continue
        category = row.get("category", "")
        if category not in CATEGORIES:
            raise ValueError(f"practice_heads: head {head!r} has unknown category {category!r}")
        try:
            requires = re.compile(row["requires"]) if row.get("requires") else None
            min_prefix = int(row.get("min") or 0)
        except (re.error, ValueError) as exc:
            raise ValueError(f"practice_heads: bad row for head {head!r} ({exc})") from exc
        heads[head] = Head(head, category, _yes(row.get("attach", "")), (row.get("bare") or "no").strip(),
                           min_prefix, requires, requires is not None and _plain_words(requires.pattern))
    head_automaton = _automaton(heads)
    followers = {r["word"]: r.get("category", "") for r in lexicon.rows("practice_followers") if r.get("word")}
    follower_pattern = re.compile(
        "|".join(re.escape(w) for w in sorted(followers, key=longest_first)) or r"(?!)"
    )
    verbs = lexicon.rows("practice_verbs")
    by_length = lambda words: tuple(sorted(set(words), key=longest_first))  # noqa: E731
    national = {r["name"]: r.get("category", "") for r in lexicon.rows("practices") if r.get("name")}
    return PracticeVocabulary(
        heads=heads,
        heads_by_length=by_length(heads),
        head_ends=frozenset(head[-1] for head in heads),
        gapped_head_starts=frozenset(h[0] for h, i in heads.items() if i.attach and i.category == "platform"),
        head_automaton=head_automaton,
        followers=followers,
        follower_pattern=follower_pattern,
        quote_verbs=by_length(r["word"] for r in verbs if r.get("role") == "quote"),
        found_verbs=by_length(r["word"] for r in verbs if r.get("role") == "found"),
        edges=frozenset(r["word"] for r in verbs if r.get("word")),
        edge_lengths=tuple(sorted({len(r["word"]) for r in verbs if r.get("word")}, reverse=True)),
        national=national,
        national_automaton=_automaton(national),
        generic=frozenset(r["name"] for r in lexicon.rows("practices") if r.get("name") and _yes(r.get("generic", ""))),
        stopwords=frozenset(lexicon.column("practice_stopwords")),
        qualifiers=by_length(lexicon.column("practice_qualifiers")),
        national_at_end=re.compile(f"(?:{_alternation(national)})$"),
        head_at_end=re.compile(f"(?:{_alternation(heads)})$"),
        attach_direct=re.compile(_alternation(h for h, i in heads.items() if i.attach)),
        attach_gapped=re.compile(rf"((?:(?![的在和与及等])[{HAN_CLASS}]){{1,{MAX_ATTACH_GAP}}}?)("
                                 + _alternation(h for h, i in heads.items() if i.attach and i.category == "platform") + ")"),
        clause_verbs=frozenset(r["word"] for r in verbs if r.get("role") in ("found", "quote") and r["word"] != "组织"),
        leading_verbs=frozenset(r["word"] for r in verbs if len(r.get("word", "")) == 2),
        verbs_before_quote=by_length(r["word"] for r in verbs if r.get("role") in ("found", "quote")),
        founding_or_quote_verb=re.compile(_alternation(r["word"] for r in verbs if r.get("role") in ("found", "quote"))),
        clause_verb_pattern=re.compile(_alternation(
            r["word"] for r in verbs if r.get("role") in ("found", "quote") and r["word"] != "组织")),
    )


def _plain_words(pattern: str) -> bool:
    """True when ``pattern`` is words joined by | and nothing else (no anchors, classes, groups)."""
    return not any(ch in pattern for ch in REGEX_SYNTAX)


REGEX_SYNTAX = frozenset("\\^$()[]{}.*+?")


def _alternation(words) -> str:
    words = sorted(set(words), key=longest_first)
    return "|".join(re.escape(w) for w in words) or r"(?!)"


def _automaton(words) -> object:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def practice_vocabulary(lexicon: Lexicon | None = None) -> PracticeVocabulary:
    """The practice word lists of ``lexicon`` (built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "practices", _build_vocabulary)


def ending_head(name: str, vocab: PracticeVocabulary) -> Head | None:
    """The head row ``name`` ends in (the longest), else None."""
    if (name[-1:] not in vocab.head_ends or not name.endswith(vocab.heads_by_length)) and not name.endswith("\n"):
        return None  # no head ends the name ($ also matches before a final line break)
    found = vocab.head_at_end.search(name)
    return vocab.heads[found.group()] if found else None


def practice_word_category(name: str, vocab: PracticeVocabulary) -> str | None:
    """Category of the follower word (行动, 活动, 机制 …) ``name`` ends in, else None; not 建设
    (以甲乙基地建设为抓手: the building of a platform found by its head) nor a place (…会客厅)."""
    if name[:2] in vocab.leading_verbs or name.startswith(vocab.found_verbs + vocab.quote_verbs):
        return None  # 以创新工作机制为抓手: a verb and its object, not a name
    for word, category in vocab.followers.items():
        if category in ("activity", "mechanism") and word != "建设" and name.endswith(word) and len(name) > len(word) + 1:
            return category
    return None
