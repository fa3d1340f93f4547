"""The shared backend logic: protected terms first, the backend on the gaps, offsets for everything."""
from __future__ import annotations

from collections.abc import Iterable

from djtext.segment.protocol import Token
from djtext.segment.terms import TermMatcher, is_protected_term

_MATCHER_CACHE: dict[tuple[str, ...], TermMatcher] = {}


def attach_offsets(words: Iterable[str], text: str, base: int) -> list[Token]:
    """Attach offsets to words that concatenate to ``text`` (which starts at ``base``)."""
    tokens, pos = [], 0
    for word in words:
        if not word:
            continue
        if text.startswith(word, pos):
            tokens.append((word, base + pos, base + pos + len(word)))
            pos += len(word)
        else:  # a backend that dropped or changed characters: re-align on the text itself
            found = text.find(word, pos)
            if found < 0:
                continue
            if found > pos:
                tokens.append((text[pos:found], base + pos, base + found))
            tokens.append((word, base + found, base + found + len(word)))
            pos = found + len(word)
    if pos < len(text):
        tokens.append((text[pos:], base + pos, base + len(text)))
    return tokens


class ProtectedSegmenter:
    """Shared logic: protected terms first, the backend on the gaps, offsets for everything."""

    name = "base"

    def __init__(self, terms: tuple[str, ...]):
        self.terms = terms
        self._matcher: TermMatcher | None = None

    @property
    def matcher(self) -> TermMatcher:
        """The Aho-Corasick matcher of the protected (non-Han-only) terms, built on first use."""
        if self._matcher is None:
            protected = tuple(t for t in self.terms if is_protected_term(t))
            if protected not in _MATCHER_CACHE:
                _MATCHER_CACHE[protected] = TermMatcher(protected)
            self._matcher = _MATCHER_CACHE[protected]
        return self._matcher

    def cut_gap(self, text: str) -> list[str]:
        """Words of a stretch of text without protected terms (the backend's own segmentation)."""
        raise NotImplementedError

    def tokenize(self, text: str) -> list[Token]:
        """``(word, start, end)`` for every word of ``text``; protected terms are single tokens."""
        tokens: list[Token] = []
        pos = 0
        for start, end in self.matcher.spans(text):
            if start > pos:
                gap = text[pos:start]
                tokens.extend(attach_offsets(self.cut_gap(gap), gap, pos))
            tokens.append((text[start:end], start, end))
            pos = end
        if pos < len(text):
            gap = text[pos:]
            tokens.extend(attach_offsets(self.cut_gap(gap), gap, pos))
        return tokens

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order (they concatenate to ``text``); no offsets, so faster."""
        words: list[str] = []
        pos = 0
        for start, end in self.matcher.spans(text):
            if start > pos:
                words.extend(self.cut_gap(text[pos:start]))
            words.append(text[start:end])
            pos = end
        if pos < len(text):
            words.extend(self.cut_gap(text[pos:]))
        return words

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for key in list(state):
            if key.startswith("_"):
                state[key] = None  # tokenizers and automata are rebuilt lazily after unpickling
        return state
