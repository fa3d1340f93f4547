"""Slogan extraction: quoted set phrases that are neither brands nor numeric formulations.

A slogan is the content of a “ ” (or 「」/『』) quote in the clean text, such as an activity name
(“我为群众办实事”), a motto (“有事好商量”) or a campaign (“规范提升年”). The rule, in order:

1. the quote must not overlap ``exclude_spans`` (spans the pipeline already gave to brands or
   formulations) and its text must not be a brand name, or a part of one, found anywhere in the
   same text (“澜湾先锋” after “澜湾先锋 同心筑梦”党建品牌);
2. quotes inside a title 《…》 are part of the title, not slogans;
3. emphasis is not a slogan: a quote of at most 2 characters (spaces not counted), or one with
   no Han character (“1+4”, “ok”), is skipped;
4. a short number-led phrase (at most 6 characters starting with a numeral: “两个维护”, “四心”)
   is a numeric formulation and belongs to the formulations table;
5. a quote longer than 24 characters, or one ending a sentence (。！？), is a citation;
6. phrases containing 品牌 are brand talk (“一支部一品牌”), not slogans.

``kind`` comes from the cues in data/lexicons/slogan_kinds.csv (the phrase's suffix, the words
after the quote, the phrase's prefix or a word inside it, in that order); a phrase of two or more parallel parts
(“干在实处、走在前列”) is a ``motto``; anything else is ``other``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from djtext.extract.brands import extract_brands, split_components, wrap_view
from djtext.lexicon import Lexicon, load_lexicon
from djtext.models import Mention
from djtext.text import SENTENCE_END, is_han_span

TITLE = re.compile(r"《[^《》\n]{0,80}》")
_SPACES = re.compile(r"\s+")
NUMBER_LED = re.compile(r"[一二三四五六七八九十两百千万〇零\d０-９]")
MAX_EMPHASIS = 2
MAX_FORMULATION = 6
MAX_SLOGAN = 24
KINDS = ("activity", "motto", "campaign", "other")
POSITIONS = ("after", "suffix", "prefix", "contains")


@dataclass(frozen=True)
class SloganCues:
    """Kind cues by position, each a tuple of (cue, kind), longest cue first."""

    by_position: dict[str, tuple[tuple[str, str], ...]]


_CUES: dict[int, tuple[Lexicon, SloganCues]] = {}


def slogan_cues(lexicon: Lexicon | None = None) -> SloganCues:
    """The kind cues of ``lexicon`` (built-in lexicons when None); a bad row raises ValueError."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    cached = _CUES.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    by_position: dict[str, list[tuple[str, str]]] = {p: [] for p in POSITIONS}
    for number, row in enumerate(lexicon.rows("slogan_kinds"), start=1):
        cue, position, kind = row.get("cue", ""), row.get("position", ""), row.get("kind", "")
        if not cue or position not in POSITIONS or kind not in KINDS:
            raise ValueError(f"slogan_kinds: row {number} ({cue!r}, {position!r}, {kind!r}) needs a cue, "
                             f"a position in {POSITIONS} and a kind in {KINDS}")
        by_position[position].append((cue, kind))
    cues = SloganCues({p: tuple(sorted(v, key=lambda c: len(c[0]), reverse=True)) for p, v in by_position.items()})
    if len(_CUES) > 16:
        _CUES.clear()
    _CUES[id(lexicon)] = (lexicon, cues)
    return cues


MAX_REMEMBERED = 50_000  # phrases remembered (kinds per cue set, slogan tests, brand keys)


@dataclass
class _CueWords:
    """The suffix, after and prefix cue words of one ``SloganCues`` as tuples (one str test rejects
    them all), and the kinds already judged from a phrase alone."""

    cues: SloganCues
    suffixes: tuple[str, ...]
    afters: tuple[str, ...]
    prefixes: tuple[str, ...]
    by_phrase: dict[str, tuple[str | None, str]]


_CUE_WORDS: dict[int, _CueWords] = {}


def _cue_words(cues: SloganCues) -> _CueWords:
    """The cue words of ``cues``, built once per cue set."""
    hit = _CUE_WORDS.get(id(cues))
    if hit is None or hit.cues is not cues:
        if len(_CUE_WORDS) > 16:
            _CUE_WORDS.clear()
        words = (tuple(cue for cue, _kind in cues.by_position[p]) for p in ("suffix", "after", "prefix"))
        hit = _CUE_WORDS[id(cues)] = _CueWords(cues, *words, by_phrase={})
    return hit


def _phrase_kinds(phrase: str, words: _CueWords) -> tuple[str | None, str]:
    """(kind given by the phrase's suffix or None, kind given by its prefix, a word in it or its
    shape): what ``slogan_kind`` reads from the phrase alone, before and after the following words."""
    known = words.by_phrase.get(phrase)
    if known is not None:
        return known
    suffix_kind = None
    if phrase.endswith(words.suffixes):
        suffix_kind = next(kind for cue, kind in words.cues.by_position["suffix"] if phrase.endswith(cue))
    if len(words.by_phrase) >= MAX_REMEMBERED:
        words.by_phrase.clear()
    known = words.by_phrase[phrase] = (suffix_kind, _inner_kind(phrase, words))
    return known


def _inner_kind(phrase: str, words: _CueWords) -> str:
    if phrase.startswith(words.prefixes):
        for cue, kind in words.cues.by_position["prefix"]:
            if phrase.startswith(cue):
                return kind
    for cue, kind in words.cues.by_position["contains"]:
        if cue in phrase:
            return kind
    parts = split_components(phrase)
    if len(parts) >= 2 and all(sum(map(is_han_span, p)) >= 2 for p in parts):
        return "motto"
    return "other"


def slogan_kind(phrase: str, following: str, cues: SloganCues) -> str:
    """Kind of a quoted ``phrase`` given the text ``following`` its closing quote."""
    words = _cue_words(cues)
    suffix_kind, inner_kind = _phrase_kinds(phrase, words)
    if suffix_kind is not None:
        return suffix_kind
    if following.startswith(words.afters):
        for cue, kind in cues.by_position["after"]:
            if following.startswith(cue):
                return kind
    return inner_kind


@lru_cache(maxsize=MAX_REMEMBERED)
def is_slogan_text(phrase: str) -> bool:
    """True when a quoted ``phrase`` can be a slogan (rules 3 to 6 of the module docstring)."""
    compact = _SPACES.sub("", phrase)
    if len(compact) <= MAX_EMPHASIS or not any(map(is_han_span, compact)):
        return False
    if len(compact) <= MAX_FORMULATION and NUMBER_LED.match(compact):
        return False
    if compact[-1] in SENTENCE_END:
        return False
    return len(compact) <= MAX_SLOGAN and "品牌" not in compact


class _SpanSet:
    """Spans sorted by start, for fast overlap tests (spans may nest or overlap)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted((int(s), int(e)) for s, e in spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []  # running maximum of the ends, so earlier long spans count
        running = -1
        for _, e in self.spans:
            running = max(running, e)
            self.max_end.append(running)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with one of the spans."""
        index = bisect_left(self.starts, end) - 1  # last span starting before ``end``
        return index >= 0 and self.max_end[index] > start


_BRAND_KEY_DROP = re.compile(r"[\s·•・‧.．、，,‘’“”]+")


@lru_cache(maxsize=MAX_REMEMBERED)
def _brand_key(name: str) -> str:
    return _BRAND_KEY_DROP.sub("", name)


def extract_slogans(text: str, *, lexicon: Lexicon | None = None,
                    exclude_spans: Iterable[tuple[int, int]] = (),
                    brands: Iterable[Mention] | None = None) -> list[Mention]:
    """Find quoted set phrases in clean ``text`` that are not brands or formulations; one Mention each.

    ``brands``: the brand mentions of this same ``text`` when the caller already has them
    (``extract_brands(text, lexicon=lexicon)``); found here when None.
    """
    if not any(q in text for q in "“「『"):
        return []
    cues = slogan_cues(lexicon)
    excluded = _SpanSet(exclude_spans)
    brand_names: set[str] = set()
    if brands is None:
        brands = extract_brands(text, lexicon=lexicon)
    for brand in brands:
        brand_names.add(_brand_key(brand.text))
        brand_names.update(_brand_key(part) for part in brand.attrs.get("components", ()) if len(part) > MAX_EMPHASIS)
    view = wrap_view(text)
    vtext = view.text
    titles = _SpanSet((m.start(), m.end()) for m in TITLE.finditer(vtext)) if "《" in vtext else None
    to_text = view.to_text if view.starts else None
    candidates: dict[str, bool] = {}  # whether each phrase can be a slogan here, judged once per document
    mentions: list[Mention] = []
    for m in view.quotes():
        group = m.lastindex  # the one group of the alternative that matched
        content = m.group(group)
        phrase = content.strip()
        candidate = candidates.get(phrase)
        if candidate is None:
            candidate = candidates[phrase] = is_slogan_text(phrase) and not (brand_names and _brand_key(phrase) in brand_names)
        if not candidate:
            continue
        v_start = m.start(group) + len(content) - len(content.lstrip())
        v_end = v_start + len(phrase)
        start, end = (to_text(v_start), to_text(v_end, end=True)) if to_text else (v_start, v_end)
        if (titles is not None and titles.overlaps(v_start, v_end)) or excluded.overlaps(start, end):
            continue
        kind = slogan_kind(phrase, vtext[m.end():m.end() + 6], cues)
        mentions.append(Mention(table="slogans", text=phrase, start=start, end=end,
                                attrs={"text": phrase, "kind": kind}))
    return mentions
