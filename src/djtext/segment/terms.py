"""Lexicon terms as user-dictionary words, and the Aho-Corasick matcher that keeps the terms with
digits, Latin letters or punctuation whole (``1+3+N``, ``党建+``)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from djtext.lexicon import Lexicon, load_lexicon
from djtext.text import HAN_WIDE_RANGE

#: Lexicon columns whose values are used as user-dictionary terms.
TERM_COLUMNS = ("term", "text", "name")
#: Lexicons never used as user dictionaries: the gazetteer and its helpers (short place names
#: would over-protect), cleaning tables, and stop lists, regex patterns and cue lists (not words).
NON_DICTIONARY_LEXICONS = re.compile(r"^(?:regions|clean_)|stop|pattern|cue")
#: The lexicon read first; its terms win over other lexicons' rows.
TERMS_LEXICON = "terms"
#: Frequency floor for Han-only user terms in jieba's dictionary.
USER_TERM_FREQ = 2000
MAX_TERM_LENGTH = 40


# regexes on one term: Han characters only; characters of a regex; ASCII letters or digits; any Han
# character; a numeric formula (1+3+N)
_HAN_ONLY = re.compile(rf"^[{HAN_WIDE_RANGE}]+$")
_PATTERN_CHARS = re.compile(r"[\s\\\[\]{}()|^$*?]")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
_HAN = re.compile(rf"[{HAN_WIDE_RANGE}]")
_NUMERIC_FORMULA = re.compile(r"^[0-9]+(?:\+[0-9A-Za-z]+)+$")
TERM_CACHE_SIZE = 16  # lexicons whose terms are remembered


def _usable_term(term: str) -> bool:
    """A term of usable length that is no regex."""
    return 2 <= len(term) <= MAX_TERM_LENGTH and not _PATTERN_CHARS.search(term)


_TERMS_BY_LEXICON: dict[int, tuple[Lexicon, tuple[str, ...]]] = {}


def _word_like(term: str) -> bool:
    """Whether a value of a non-``terms`` lexicon reads as a word (Han text, or ``1+3+N``-like)."""
    return bool(_HAN.search(term) or _NUMERIC_FORMULA.match(term))


def dictionary_lexicons(lexicon: Lexicon) -> list[str]:
    """Names of the lexicons that feed the user dictionary, ``terms`` first."""
    others = [n for n in lexicon.names() if n != TERMS_LEXICON and not NON_DICTIONARY_LEXICONS.search(n)]
    return [TERMS_LEXICON, *others]


def lexicon_terms(lexicon: Lexicon | Iterable[str] | None = None) -> tuple[str, ...]:
    """User-dictionary terms: ``terms`` first, then the term/text/name columns of other lexicons."""
    if lexicon is None:
        lexicon = load_lexicon()
    if isinstance(lexicon, Lexicon):
        cached = _TERMS_BY_LEXICON.get(id(lexicon))
        if cached is not None and cached[0] is lexicon:
            return cached[1]
        raw = []
        for name in dictionary_lexicons(lexicon):
            for row in lexicon.rows(name):
                for column in TERM_COLUMNS:
                    value = (row.get(column) or "").strip()
                    if value and (name == TERMS_LEXICON or _word_like(value)):
                        raw.append(value)
    elif isinstance(lexicon, str):
        raise TypeError("lexicon must be a Lexicon or an iterable of terms, not a single string")
    else:
        raw = list(lexicon)
    seen: dict[str, None] = {}
    for term in raw:
        term = (term or "").strip()
        if _usable_term(term):
            seen.setdefault(term, None)
    terms = tuple(seen)
    if isinstance(lexicon, Lexicon):  # Lexicon objects are immutable (and load_lexicon caches them)
        if len(_TERMS_BY_LEXICON) >= TERM_CACHE_SIZE:
            _TERMS_BY_LEXICON.clear()
        _TERMS_BY_LEXICON[id(lexicon)] = (lexicon, terms)
    return terms


def is_protected_term(term: str) -> bool:
    """Whether ``term`` needs Aho-Corasick protection (anything but Han characters only)."""
    return not _HAN_ONLY.match(term)


class TermMatcher:
    """Leftmost-longest, non-overlapping matches of fixed terms (pyahocorasick)."""

    def __init__(self, terms: Iterable[str]):
        import ahocorasick

        self.terms = tuple(dict.fromkeys(terms))
        self._automaton = None
        if self.terms:
            automaton = ahocorasick.Automaton()
            for term in self.terms:
                automaton.add_word(term, len(term))
            automaton.make_automaton()
            self._automaton = automaton

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of the terms found in ``text``, not splitting runs of ASCII letters/digits."""
        if self._automaton is None:
            return []
        found = []
        for last, length in self._automaton.iter_long(text):
            start, end = last + 1 - length, last + 1
            if _ASCII_ALNUM.match(text[start]) and start > 0 and _ASCII_ALNUM.match(text[start - 1]):
                continue
            if _ASCII_ALNUM.match(text[end - 1]) and end < len(text) and _ASCII_ALNUM.match(text[end]):
                continue
            found.append((start, end))
        return found


# --------------------------------------------------------------------------------------------
