"""Word segmentation and sentence splitting for Chinese text, with the domain lexicons.

Backends are chosen by name (``get_segmenter("jieba")``, ``get_segmenter("hanlp", model=PATH)``)
and all satisfy the :class:`Segmenter` protocol: ``cut(text)`` gives words whose concatenation
is ``text``; ``tokenize(text)`` gives ``(word, start, end)`` with offsets into ``text``.

Lexicon terms are kept whole in two ways (see docs/segmentation.md):

* terms made only of Han characters go into the segmenter's own jieba dictionary;
* terms with digits, Latin letters or punctuation (``1+3+N``, ``12345政务热线``, ``党建+``,
  ``红心·同行``), which jieba's user dictionary does not reliably keep whole (never across
  punctuation), are matched first with an Aho-Corasick automaton (leftmost-longest) and only the
  text between them is segmented.

Every segmenter owns its tokenizer (never jieba's global one), builds it lazily, caches it per
process and pickles without it, so a process pool can ship segmenters cheaply.
"""
from __future__ import annotations

import importlib.util
import inspect
import logging
import os
import re
import socket
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlparse

from djtext.lexicon import Lexicon, load_lexicon

Token = tuple[str, int, int]

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

_HAN_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_PATTERN_CHARS = re.compile(r"[\s\\\[\]{}()|^$*?]")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NUMERIC_FORMULA = re.compile(r"^[0-9]+(?:\+[0-9A-Za-z]+)+$")


class SegmenterUnavailable(RuntimeError):
    """A segmenter backend cannot be used here (missing package or model); the message says why."""


@runtime_checkable
class Segmenter(Protocol):
    """What every segmentation backend offers."""

    name: str

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order; they concatenate to ``text``."""
        ...

    def tokenize(self, text: str) -> list[Token]:
        """``(word, start, end)`` for every word of ``text``, with offsets into ``text``."""
        ...


# --------------------------------------------------------------------------------------------
# Lexicon terms


def _usable_term(term: str) -> bool:
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
        if len(_TERMS_BY_LEXICON) >= 16:
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
# jieba backend

#: jieba engines in order of preference for ``engine="auto"``.
JIEBA_ENGINES = ("jieba_fast_dat", "jieba")
_TOKENIZER_CACHE: dict[tuple[str, tuple[str, ...]], Any] = {}
_MATCHER_CACHE: dict[tuple[str, ...], TermMatcher] = {}


def _new_jieba_tokenizer(engine: str):
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


def _offsets(words: Iterable[str], text: str, base: int) -> list[Token]:
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


class _ProtectedSegmenter:
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

    def _cut_gap(self, text: str) -> list[str]:
        raise NotImplementedError

    def tokenize(self, text: str) -> list[Token]:
        """``(word, start, end)`` for every word of ``text``; protected terms are single tokens."""
        tokens: list[Token] = []
        pos = 0
        for start, end in self.matcher.spans(text):
            if start > pos:
                gap = text[pos:start]
                tokens.extend(_offsets(self._cut_gap(gap), gap, pos))
            tokens.append((text[start:end], start, end))
            pos = end
        if pos < len(text):
            gap = text[pos:]
            tokens.extend(_offsets(self._cut_gap(gap), gap, pos))
        return tokens

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order (they concatenate to ``text``); no offsets, so faster."""
        words: list[str] = []
        pos = 0
        for start, end in self.matcher.spans(text):
            if start > pos:
                words.extend(self._cut_gap(text[pos:start]))
            words.append(text[start:end])
            pos = end
        if pos < len(text):
            words.extend(self._cut_gap(text[pos:]))
        return words

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for key in list(state):
            if key.startswith("_"):
                state[key] = None  # tokenizers and automata are rebuilt lazily after unpickling
        return state


class JiebaSegmenter(_ProtectedSegmenter):
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

    def _cut_gap(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text, HMM=self.hmm)

    def __repr__(self) -> str:
        return f"JiebaSegmenter(engine={self.engine!r}, hmm={self.hmm}, terms={len(self.terms)})"


# --------------------------------------------------------------------------------------------
# HanLP backend (optional extra; hanlp is imported only when a HanLP segmenter is loaded)

#: The pretrained HanLP tokenizer used when no model is given.
DEFAULT_HANLP_MODEL = "COARSE_ELECTRA_SMALL_ZH"
HANLP_INSTALL_HINT = "pip install 'djtext[hanlp]'"
_HANLP_MODELS: dict[str, Any] = {}


def _hanlp_home() -> Path:
    return Path(os.environ.get("HANLP_HOME") or Path.home() / ".hanlp").expanduser()


def _require_hanlp() -> None:
    for module in ("hanlp", "torch"):
        if importlib.util.find_spec(module) is None:
            raise SegmenterUnavailable(f"the HanLP segmenter needs {module!r}, which is not installed: {HANLP_INSTALL_HINT}")


def _is_model_folder(path: Path) -> bool:
    return path.is_dir() and any((path / name).is_file() for name in ("config.json", "meta.json"))


def _looks_like_path(model: str) -> bool:
    return "://" not in model and (model.startswith((".", "~")) or "/" in model or os.sep in model)


def hanlp_expected_folder(url: str, home: Path | None = None) -> Path:
    """The folder HanLP unpacks the model at ``url`` into, under ``home`` (default: HANLP_HOME)."""
    from hanlp.utils.io_util import path_from_url, split_if_compressed

    home = home or _hanlp_home()
    local, _ = split_if_compressed(path_from_url(url.split("#", 1)[0], str(home)))
    return Path(local)


def _reachable(url: str, timeout: float) -> bool:
    """Whether a TCP connection to the host of ``url`` opens within ``timeout`` (DNS included)."""
    import threading

    parsed = urlparse(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    result: list[bool] = []

    def attempt() -> None:
        try:
            with socket.create_connection((parsed.hostname, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    worker = threading.Thread(target=attempt, daemon=True)  # getaddrinfo ignores socket timeouts
    worker.start()
    worker.join(timeout)
    return bool(result and result[0])


def resolve_hanlp_model(model: str | Path | None = None, *, allow_download: bool = False, timeout: float = 1.0) -> str:
    """The local folder (or, when allowed and reachable, the URL) to give ``hanlp.load``; fails fast."""
    _require_hanlp()
    model = str(model or os.environ.get("DJTEXT_HANLP_MODEL") or DEFAULT_HANLP_MODEL)
    path = Path(model).expanduser()
    if path.exists() or _looks_like_path(model):
        if _is_model_folder(path):
            return str(path)
        if not path.exists():
            problem = "does not exist"
        elif path.is_file():
            problem = "is a file, not a folder (unzip a downloaded model first)"
        else:
            problem = "has no config.json or meta.json"
        raise SegmenterUnavailable(
            f"HanLP model folder {path} {problem}: pass --hanlp-model with the folder of an unpacked "
            f"HanLP tokenizer (e.g. one trained with djtext.hanlp_train.train_tiny_tokenizer)"
        )
    import hanlp.pretrained

    url = hanlp.pretrained.ALL.get(model, model)
    if not url.startswith(("http://", "https://")):
        raise SegmenterUnavailable(
            f"HanLP model {model!r} is neither a folder nor a known pretrained identifier "
            f"(e.g. {DEFAULT_HANLP_MODEL}, see hanlp.pretrained.tok): pass --hanlp-model PATH"
        )
    folder = hanlp_expected_folder(url)
    if _is_model_folder(folder):
        return str(folder)
    how = (
        f"download {url.split('#', 1)[0]} on a machine with a network and unzip it into {folder.parent} "
        f"(it unpacks to {folder.name}), or unzip it anywhere and pass --hanlp-model FOLDER"
    )
    if not allow_download:
        raise SegmenterUnavailable(f"HanLP model {model!r} is not installed and downloads are off: {how}")
    if not _reachable(url, timeout):
        raise SegmenterUnavailable(f"HanLP model {model!r} is not installed and {urlparse(url).hostname} is unreachable: {how}")
    return url


def _load_hanlp(location: str):
    model = _HANLP_MODELS.get(location)
    if model is None:
        import hanlp

        try:
            model = hanlp.load(location, verbose=False)
        except Exception as exc:  # hanlp raises many kinds; the user needs one line
            raise SegmenterUnavailable(f"HanLP could not load {location}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc
        inner = getattr(model, "model", None)
        if inner is not None:
            from djtext.hanlp_train import fix_crf_batch_first

            fix_crf_batch_first(inner)
        _HANLP_MODELS[location] = model
    return model


class HanLPSegmenter(_ProtectedSegmenter):
    """Segmenter backed by a HanLP tokenizer from a folder, HANLP_HOME or a pretrained identifier."""

    name = "hanlp"

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        lexicon: Lexicon | Iterable[str] | None = None,
        allow_download: bool = False,
        timeout: float = 1.0,
        batch_size: int = 32,
    ):
        super().__init__(lexicon_terms(lexicon))
        self.model = str(model) if model is not None else None
        self.location = resolve_hanlp_model(model, allow_download=allow_download, timeout=timeout)
        self.batch_size = batch_size
        self._component = None
        _ = self.component  # load now, so a broken model fails at construction

    @property
    def component(self):
        """The loaded HanLP tokenizer component (cached per process)."""
        if self._component is None:
            self._component = _load_hanlp(self.location)
            self._apply_dictionary(self._component)
        return self._component

    def _apply_dictionary(self, component) -> None:
        han_terms = {t for t in self.terms if not is_protected_term(t)}
        if han_terms and hasattr(component, "dict_combine"):
            try:
                component.dict_combine = han_terms
            except Exception:  # components without dictionary support keep the protected terms only
                pass

    def _cut_gap(self, text: str) -> list[str]:
        pieces: list[str] = []  # whitespace runs stay tokens; the rest goes to HanLP sentence by sentence
        for piece in re.split(r"(\s+)", text):
            if not piece or piece.isspace():
                pieces.append(piece)
            else:
                pieces.extend(piece[s:e] for s, e in split_sentences(piece, semicolon=True))
        chunks = [p for p in pieces if p and not p.isspace()]
        if not chunks:
            return [text]
        outputs = iter(self.component(list(chunks), batch_size=self.batch_size))
        words: list[str] = []
        for piece in pieces:
            if piece.isspace():
                words.append(piece)
            elif piece:
                words.extend(str(w) for w in next(outputs))
        return words

    def __repr__(self) -> str:
        return f"HanLPSegmenter(model={self.location!r}, terms={len(self.terms)})"


# --------------------------------------------------------------------------------------------
# Registry

_REGISTRY: dict[str, Callable[..., Segmenter]] = {}
_INSTANCES: dict[tuple, Segmenter] = {}


def register_segmenter(name: str, factory: Callable[..., Segmenter]) -> None:
    """Make ``factory(lexicon=..., **options)`` available as ``get_segmenter(name)``."""
    _REGISTRY[name] = factory


def available_segmenters() -> list[str]:
    """Names accepted by :func:`get_segmenter`."""
    return sorted(_REGISTRY)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, Path):
        return str(value)
    return value


def get_segmenter(name: str = "jieba", *, lexicon: Lexicon | Iterable[str] | None = None, **options: Any) -> Segmenter:
    """The segmenter registered as ``name`` with ``lexicon`` as user dictionary (cached per arguments).

    Options whose value is None count as not given (``model=None`` is fine for jieba).
    """
    factory = _REGISTRY.get(name)
    if factory is None:
        raise SegmenterUnavailable(f"unknown segmenter {name!r}; choose one of {', '.join(available_segmenters())}")
    options = {key: value for key, value in options.items() if value is not None}  # None = not given
    accepted = inspect.signature(factory).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        unknown = sorted(set(options) - set(accepted))
        if unknown:
            raise SegmenterUnavailable(f"segmenter {name!r} does not take the option(s) {', '.join(unknown)}")
    terms = lexicon_terms(lexicon)
    key = (name, terms, _freeze(options))
    segmenter = _INSTANCES.get(key)
    if segmenter is None:
        segmenter = factory(lexicon=terms, **options)
        _INSTANCES[key] = segmenter
    return segmenter


register_segmenter("jieba", JiebaSegmenter)
register_segmenter("hanlp", HanLPSegmenter)


# --------------------------------------------------------------------------------------------
# Sentences

SENTENCE_END = "。！？!?"
ELLIPSIS = "…⋯"
CLOSERS = "”’」』）)》\"'"
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
TITLE_PAIRS = {"《": "》", "〈": "〉"}
#: Characters after an ellipsis that continue the sentence (``甲、乙……等``).
ELLIPSIS_CONTINUERS = "等"


def _line_sentences(text: str, start: int, end: int, semicolon: bool) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], a single line."""
    enders = SENTENCE_END + ("；;" if semicolon else "")
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = start
    i = start
    while i < end:
        ch = text[i]
        if ch in QUOTE_PAIRS or ch in TITLE_PAIRS:
            closer = QUOTE_PAIRS.get(ch) or TITLE_PAIRS[ch]
            if text.find(closer, i + 1, end) >= 0:  # an opener never closed on its line is noise
                stack.append(closer)
            i += 1
            continue
        if stack and ch == stack[-1]:
            stack.pop()
            i += 1
            continue
        is_ellipsis = ch in ELLIPSIS and i + 1 < end and text[i + 1] in ELLIPSIS
        if ch not in enders and not is_ellipsis:
            i += 1
            continue
        j = i
        while j < end and (text[j] in enders or text[j] in ELLIPSIS):
            j += 1
        if is_ellipsis and j < end and text[j] in ELLIPSIS_CONTINUERS:
            i = j
            continue
        if any(c in TITLE_PAIRS.values() for c in stack):
            i = j  # inside 《…》: never a sentence end
            continue
        depth = list(stack)
        while j < end:  # closing quotes (and further end marks) belong to the sentence
            if text[j] in enders or text[j] in ELLIPSIS:
                j += 1
            elif text[j] in CLOSERS and (not depth or text[j] == depth[-1]):
                if depth:
                    depth.pop()
                j += 1
            else:
                break
        if depth:  # the end mark sits inside quotes that go on: not a sentence end
            i = j
            continue
        stack = depth
        spans.append((begin, j))
        begin = i = j
    if begin < end:
        spans.append((begin, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, *, semicolon: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences of ``text`` (Chinese rules, line breaks are hard ends)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+", text):
        for start, end in _line_sentences(text, line.start(), line.end(), semicolon):
            trimmed = _trim(text, start, end)
            if trimmed:
                spans.append(trimmed)
    return spans
