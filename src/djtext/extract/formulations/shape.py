"""The shape of a numeric formulation: what a numeral-led phrase must look like, and the exclusions
(dates, periods, quantities, congress names, stop words, counts of brands).
"""
from __future__ import annotations

import re

from djtext.extract.formulations.characters import CLASSIFIERS, NUMERALS, NUMERAL_RUN
from djtext.extract.formulations.vocabulary import FormulationVocabulary
from djtext.text import CN_NUM, all_han_span, is_han_span

DIGIT_CHAIN = re.compile(r"\d{1,3}(?:[+＋](?:\d{1,3}|[A-Za-z]))+(?![\d.+＋A-Za-z])")
DIGITS_ONLY = re.compile(r"\d{3,6}")
YEAR = re.compile(r"(?:19|20)\d\d")
PERIOD = re.compile(r"十[一二三四五六七八九]五")
# 一人一策, 一人一委: two numeral-head pairs of one character each (not 一年一度: time words),
# and a numeral repeated before a second head (一支部一品牌, 万人助万企): a fixed formulation shape
SYMMETRIC = re.compile(rf"""
    [{NUMERALS}][^{NUMERALS}年月日天周\W\d][{NUMERALS}][^{NUMERALS}年月日天周\W\d]   # 一人一策
  | ([{NUMERALS}])(?![年月日天周])[^{NUMERALS}\W\d]{{1,3}}                      # 一支部 ...
    \1[^{NUMERALS}\W\d]{{1,3}}(?:\1[^{NUMERALS}\W\d]{{1,3}})?                   # ... 一品牌 (一…)
""", re.VERBOSE)
# time words after a numeral: a quoted “三年行动” or “八小时以外” is a period, not a set phrase
TIME_WORDS = re.compile(r"年|月|日|天|周|小时|分钟|秒|岁|季度|星期|个月")
# the head of a formulation: Han characters, list commas and middle dots only
HEAD_MARKS = "、·"  # the characters of a head besides Han characters
MAX_TEXT = 12  # the longest formulation (quotes removed)
MAX_JUDGED = 100_000  # texts whose judgement is remembered per vocabulary before it starts afresh
# a count of brands or the like, not a formulation: 四大特色品牌
COUNTED_NOUNS = ("品牌",)


def _is_pure_sequence(text: str) -> bool:
    return len(text) >= 3 and CN_NUM.startswith(text)


def _is_magnitude_set(text: str) -> bool:
    """True for three or more distinct magnitudes in a row (十百千, 百千万): a set phrase (十百千工程)."""
    return len(text) >= 3 and len(set(text)) == len(text) and set(text) <= set("十百千万")


def stopped(text: str, vocab: FormulationVocabulary) -> bool:
    """True when ``text`` is a stop word, or starts with one and has no numeral after it."""
    if text in vocab.stopwords or text in vocab.exact_stopwords:
        return True
    for size in range(len(text) - 1, 1, -1):
        if text[:size] in vocab.stopwords and not NUMERAL_RUN.search(text[size:]):
            return True
    return False


def is_quantity(rest: str, vocab: FormulationVocabulary) -> bool:
    """True when ``rest`` (what follows a numeral) starts with a quantity word (年, 个月, 余人 ...)."""
    return vocab.quantity_pattern.match(rest) is not None


def is_formulation(text: str, vocab: FormulationVocabulary, *, quoted: bool = False) -> bool:
    """True when ``text`` (quotes removed) has the shape of a numeric formulation; ``quoted``: the
    text wrote it in quotes, where a measure word with a two-character head is one too (“四件大事”).
    Judged once per text and vocabulary (the same phrases come back in every document)."""
    key = (text, quoted)
    known = vocab.judged.get(key)
    if known is None:
        if len(vocab.judged) >= MAX_JUDGED:
            vocab.judged.clear()
        known = vocab.judged[key] = _has_formulation_shape(text, vocab, quoted)
    return known


def _has_formulation_shape(text: str, vocab: FormulationVocabulary, quoted: bool) -> bool:
    if not text or len(text) > MAX_TEXT or "、" in text:
        return False
    if text[0].isdigit():
        if DIGIT_CHAIN.fullmatch(text):
            return True
        return bool(DIGITS_ONLY.fullmatch(text)) and not YEAR.fullmatch(text)
    run = NUMERAL_RUN.match(text)
    if not run:
        return False
    numeral, rest = run.group(), text[run.end():]
    if not rest:
        return _is_pure_sequence(numeral) or _is_magnitude_set(numeral)
    if PERIOD.match(text) or stopped(text, vocab):
        return False
    if len(numeral) > 1 and "十" in numeral and rest[0] in "大届次":
        return False  # 二十大, 十九届
    if len(numeral) > 2:
        return False
    if numeral in ("百", "千", "万") and not NUMERAL_RUN.search(rest):
        return False  # 万里…, 千方百计: a big round numeral alone leads no formulation
    if is_quantity(rest, vocab) and not SYMMETRIC.fullmatch(text) and not (quoted and _quoted_measure(numeral, rest, vocab)):
        return False
    if not all(is_han_span(ch) or ch in HEAD_MARKS for ch in rest):  # rest is not empty here
        return False
    if rest[0] in CLASSIFIERS and len(rest) == 1:
        return False  # 两个, 五张: a classifier with no head
    if rest[0] in CLASSIFIERS and rest.endswith(COUNTED_NOUNS):
        return False  # 四大特色品牌: a count of brands
    return True


def _quoted_measure(numeral: str, rest: str, vocab: FormulationVocabulary) -> bool:
    """True for a quoted numeral + measure word + two Han characters (“三轮驱动”, “四件大事”):
    a set phrase, where an unquoted one would be a count (三轮会议)."""
    if len(numeral) != 1 or numeral in "百千万":
        return False
    m = vocab.quantity_pattern.match(rest)
    tail = rest[m.end():] if m else ""
    if len(tail) != 2 or NUMERAL_RUN.search(tail) or not all_han_span(tail):
        return False  # “八步沙六老汉”: a longer name
    return not TIME_WORDS.match(rest)
