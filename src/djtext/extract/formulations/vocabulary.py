"""The formulation word lists (``formulations.csv`` and the ``formulation_*`` lexicons), built once per
lexicon.
"""
from __future__ import annotations

import ahocorasick
import re
from dataclasses import dataclass, field

from djtext.extract.formulations.characters import CLASSIFIERS, HAN_CLASS, NUMERALS, SCOPES
from djtext.lexicon import Lexicon, derived
from djtext.text import longest_first

MAX_SUMMARY_HEAD = 4


@dataclass(frozen=True)
class FormulationVocabulary:
    """The word lists formulation extraction reads from its lexicons."""

    national: tuple[str, ...]
    stopwords: frozenset[str]
    quantity_words: tuple[str, ...]
    quantity_pattern: re.Pattern[str]
    summary_heads: tuple[str, ...]
    automaton: object
    summary_pattern: re.Pattern[str] | None
    lead_cues: tuple[str, ...] = ()
    exact_stopwords: frozenset[str] = frozenset()
    count_heads: frozenset[str] = frozenset()
    scopes: dict[str, str] | None = None
    # what is_formulation said of each (text, quoted) already judged with these lists
    judged: dict[tuple[str, bool], bool] = field(default_factory=dict, compare=False, repr=False)


def _build_vocabulary(lexicon: Lexicon) -> FormulationVocabulary:
    national = tuple(sorted(set(lexicon.column("formulations", "text")), key=longest_first))
    automaton = ahocorasick.Automaton()
    for term in national:
        automaton.add_word(term, term)
    if national:
        automaton.make_automaton()
    return FormulationVocabulary(
        national=national,
        stopwords=frozenset(lexicon.column("formulation_stopwords")),
        quantity_words=tuple(sorted(set(lexicon.column("formulation_quantity_words")), key=longest_first)),
        quantity_pattern=_prefix_pattern(lexicon.column("formulation_quantity_words")),
        summary_heads=tuple(sorted(set(lexicon.column("formulation_summary_heads")), key=longest_first)),
        automaton=automaton if national else None,
        summary_pattern=_summary_pattern(lexicon.column("formulation_summary_heads")),
        lead_cues=tuple(sorted(set(lexicon.column("formulation_lead_cues")), key=longest_first)),
        exact_stopwords=frozenset(lexicon.column("formulation_exact_stopwords")),
        count_heads=frozenset(lexicon.column("formulation_count_heads")),
        scopes=_scopes(lexicon),
    )


def _scopes(lexicon: Lexicon) -> dict[str, str]:
    """Scope (national or local) of every lexicon formulation; rows without one are national."""
    scopes: dict[str, str] = {}
    for row in lexicon.rows("formulations"):
        text = row.get("text", "")
        if text:
            scope = (row.get("scope") or "national").strip().lower()
            scopes.setdefault(text, scope if scope in SCOPES else "national")
    return scopes


def _prefix_pattern(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=longest_first)))


def _summary_pattern(heads: list[str]) -> re.Pattern[str] | None:
    if not heads:
        return None
    alternation = "|".join(re.escape(h) for h in sorted(set(heads), key=longest_first))
    return re.compile(
        rf"[”’](?:等)?([{NUMERALS}]{{1,2}}[{CLASSIFIERS}]?[{HAN_CLASS}]{{0,{MAX_SUMMARY_HEAD}}}?(?:{alternation}))"
    )


def formulation_vocabulary(lexicon: Lexicon | None = None) -> FormulationVocabulary:
    """The formulation word lists of ``lexicon`` (built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "formulations", _build_vocabulary)
