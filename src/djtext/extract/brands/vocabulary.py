"""The brand word lists (``brand_*`` lexicons) and the characters of a name: what is a generic name, a
name's parts, the kind words before 品牌.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from djtext.lexicon import Lexicon, derived
from djtext.text import HAN_COMPAT_RANGE, HAN_SPAN_RANGE, longest_first

ANCHOR = "品牌"
NAME_HAN = f"{HAN_SPAN_RANGE}{HAN_COMPAT_RANGE}〇"  # Han characters of a name (〇 counts as one)
DIGIT_NAME = re.compile(r"[0-9A-Za-z]{1,3}(?:[+＋][0-9A-Za-z]{1,3})+")
HAN_RUN = re.compile(f"[{NAME_HAN}·]+")  # a run of name characters (with the middle dot of 红心·同行)
COMPONENT_SEPARATORS = re.compile(r"[·•・‧.．、，,;；/／+＋|｜\s]+")
# function characters that cannot sit in the distinctive part of an unquoted name
FUNCTION_CHARS = re.compile(r"[的下和与及等各了把将被]")
NOTHING = re.compile(r"(?!)")  # matches nowhere: the word pattern of an empty list
MAX_BARE_NAME = 12


@dataclass(frozen=True)
class BrandVocabulary:
    """The word lists brand extraction reads from the ``brand_*`` lexicons."""

    kinds: tuple[str, ...]
    stopwords: frozenset[str]
    stop_patterns: tuple[re.Pattern[str], ...]
    verbs: tuple[str, ...]
    gap_stopwords: tuple[str, ...]
    units: tuple[str, ...]
    generic_modifiers: tuple[str, ...]
    item_verbs: tuple[str, ...] = ()
    verb_pattern: re.Pattern[str] = NOTHING  # any of ``verbs`` (one search instead of a loop)
    gap_stop_pattern: re.Pattern[str] = NOTHING  # any of ``gap_stopwords``
    unit_pattern: re.Pattern[str] = NOTHING  # any of ``units``
    kind_set: frozenset[str] = frozenset()  # ``kinds`` as a set
    kind_sizes: tuple[int, ...] = ()  # the lengths of the kind words, longest first


def _compile_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in lexicon.column("brand_stop_patterns"):
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ValueError(f"brand_stop_patterns: bad regular expression {pattern!r} ({exc})") from exc
    return tuple(compiled)


def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` (``NOTHING`` for no words)."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else NOTHING


def _vocabulary_for(lexicon: Lexicon) -> BrandVocabulary:
    by_length = lambda words: tuple(sorted(set(words), key=longest_first))  # noqa: E731
    verbs = by_length(lexicon.column("brand_verbs"))
    gap_stopwords = by_length(lexicon.column("brand_gap_stopwords"))
    units = by_length(lexicon.column("brand_units"))
    kinds = by_length(lexicon.column("brand_kinds"))
    return BrandVocabulary(
        kinds=kinds,
        kind_set=frozenset(kinds),
        kind_sizes=tuple(sorted({len(k) for k in kinds if k}, reverse=True)),
        stopwords=frozenset(_normalise(w) for w in lexicon.column("brand_stopwords")),
        stop_patterns=_compile_patterns(lexicon),
        verbs=verbs,
        gap_stopwords=gap_stopwords,
        units=units,
        generic_modifiers=by_length(lexicon.column("brand_generic_modifiers")),
        item_verbs=by_length(lexicon.column("brand_item_verbs")),
        verb_pattern=words_pattern(verbs),
        gap_stop_pattern=words_pattern(gap_stopwords),
        unit_pattern=words_pattern(units),
    )


def brand_vocabulary(lexicon: Lexicon | None = None) -> BrandVocabulary:
    """The brand word lists of ``lexicon`` (the built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "brands", _vocabulary_for)


def _normalise(name: str) -> str:
    return re.sub(r"[\s“”「」『』\"'‘’]+", "", name)


def is_name_char(ch: str) -> bool:
    """True for one Han character of a name (``NAME_HAN``: extension A to the basic block, the
    compatibility ideographs, 〇)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch == "〇"


def split_components(name: str) -> list[str]:
    """Split a brand name into its parts at ·, spaces, +, 、, commas and slashes."""
    return [part for part in COMPONENT_SEPARATORS.split(name.strip()) if part]


def is_generic_name(name: str, vocab: BrandVocabulary) -> bool:
    """True when ``name`` is a generic phrase (党建品牌, 一支部一品牌 ...) rather than a brand name."""
    key = _normalise(name)
    if len(key) < 2 or key in vocab.stopwords:
        return True
    if not any(map(is_name_char, key)):
        return DIGIT_NAME.fullmatch(key) is None  # “1+3+N”党建品牌 is a name
    return any(p.fullmatch(key) for p in vocab.stop_patterns)


def split_kind(pre: str, vocab: BrandVocabulary) -> tuple[str, str]:
    """Split the Han run before 品牌 into (gap, kind words) by stripping kind words from the right
    (the longest kind word that ends the rest, each time)."""
    end = len(pre)
    while end > 0:
        for size in vocab.kind_sizes:
            if size <= end and pre[end - size:end] in vocab.kind_set:
                end -= size
                break
        else:
            break
    return pre[:end], pre[end:]
