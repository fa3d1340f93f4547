"""The jieba backend (jieba-fast-dat by default): a dedicated Tokenizer per segmenter, Han-only
lexicon terms in its dictionary."""
from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable
from typing import Any

from djtext.lexicon import Lexicon
from djtext.segment.protected import ProtectedSegmenter
from djtext.segment.protocol import SegmenterUnavailable
from djtext.segment.terms import USER_TERM_FREQ, is_protected_term, lexicon_terms

#: jieba engines in order of preference for ``engine="auto"``.
JIEBA_ENGINES = ("jieba_fast_dat", "jieba")
_TOKENIZER_CACHE: dict[tuple[str, tuple[str, ...]], Any] = {}


def _new_jieba_tokenizer(engine: str):
    """A fresh, initialised Tokenizer of ``engine``."""
    if engine == "jieba_fast_dat":
        import jieba_fast_dat as module

        logging.getLogger("jieba_fast_dat").setLevel(logging.WARNING)
    elif engine == "jieba":
        import jieba as module

        module.setLogLevel(logging.WARNING)
    else:
        raise SegmenterUnavailable(f"unknown jieba engine {engine!r}; use one of {', '.join(JIEBA_ENGINES)}")
    tokenizer = module.Tokenizer()
    tokenizer.initialize()  # jieba_fast_dat's lcut does not initialise by itself
    return tokenizer


def jieba_tokenizer(engine: str, terms: tuple[str, ...]):
    """A dedicated jieba Tokenizer of ``engine`` with the Han-only ``terms`` added (cached per process)."""
    key = (engine, terms)
    tokenizer = _TOKENIZER_CACHE.get(key)
    if tokenizer is None:
        tokenizer = _new_jieba_tokenizer(engine)
        for term in terms:
            if not is_protected_term(term):
                tokenizer.add_word(term, max(USER_TERM_FREQ, tokenizer.suggest_freq(term)))
        _TOKENIZER_CACHE[key] = tokenizer
    return tokenizer


def resolve_jieba_engine(engine: str = "auto") -> str:
    """The jieba engine to use: ``engine`` itself, or the first installed one for ``"auto"``."""
    if engine != "auto":
        if engine not in JIEBA_ENGINES:
            raise SegmenterUnavailable(f"unknown jieba engine {engine!r}; use one of auto, {', '.join(JIEBA_ENGINES)}")
        if importlib.util.find_spec(engine) is None:
            raise SegmenterUnavailable(f"jieba engine {engine!r} is not installed: pip install {engine.replace('_', '-')}")
        return engine
    for candidate in JIEBA_ENGINES:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise SegmenterUnavailable("no jieba engine installed: pip install jieba-fast-dat")



class JiebaSegmenter(ProtectedSegmenter):
    """jieba-API segmenter (jieba-fast-dat by default) with the domain lexicon as user dictionary."""

    name = "jieba"

    def __init__(
        self,
        lexicon: Lexicon | Iterable[str] | None = None,
        *,
        engine: str = "auto",
        hmm: bool = True,
    ):
        super().__init__(lexicon_terms(lexicon))
        self.engine = resolve_jieba_engine(engine)
        self.hmm = hmm
        self._tokenizer = None

    @property
    def tokenizer(self):
        """This segmenter's own jieba Tokenizer, built (or taken from the process cache) on first use."""
        if self._tokenizer is None:
            self._tokenizer = jieba_tokenizer(self.engine, self.terms)
        return self._tokenizer

    def cut_gap(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text, HMM=self.hmm)

    def __repr__(self) -> str:
        return f"JiebaSegmenter(engine={self.engine!r}, hmm={self.hmm}, terms={len(self.terms)})"


