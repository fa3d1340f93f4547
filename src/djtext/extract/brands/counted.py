"""Announced and counted lists of brands: a count before the kind (四大…品牌) and its numbered or colon-
listed items.
"""
from __future__ import annotations

import re

from djtext.extract.brands.wrap import QUOTE
from djtext.extract.brands.vocabulary import (
    ANCHOR,
    BrandVocabulary,
    FUNCTION_CHARS,
    HAN_RUN,
    MAX_BARE_NAME,
    split_kind,
)
from djtext.text import CN_NUM, COUNT_DIGITS, SENTENCE_OR_CLAUSE_END

# a count of the brands named before or after the kind: 四大文化品牌, 等5个品牌, “五大特色工作品牌”
COUNT = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,2}|\d{1,2})(?:大|个|项|类|张)")
CN_DIGITS = COUNT_DIGITS  # values of the count's numerals (两 and 十 included)
# the markers of a counted list announced after a count of brands (一是…二是…, （一）…, 1.…)
ITEM_MARKERS = ("{cn}是", "（{cn}）", "{cn}、", "{n}.", "{n}、", "第{cn}，")
ANNOUNCED = re.compile(r"[”’」』]?\s*[：:，,。\n]\s*")
SENTENCE_END = re.compile(f"[{SENTENCE_OR_CLAUSE_END}\n]")  # where an announced list's sentence stops
COLON_LIST_SPLIT = re.compile(r"、|以及|和|及|与")
ITEM_END = re.compile(r"[，。；：！？\n,;:!?]")
MAX_ITEMS = 10  # the most items of a counted list that are looked for (一是 … 十是)
ITEM_WINDOW = 200  # how far after the previous item the next item's marker is looked for
MAX_COLON_LIST = 80  # the longest colon list of unquoted names (三个品牌：A、B和C。)


def count_in(gap: str) -> int:
    """The number of brands a count before the kind announces (四大 -> 4, 等5个 -> 5), else 0."""
    m = COUNT.search(gap)
    if m is None:
        return 0
    n = m.group("n")
    if n.isdigit():
        return int(n)
    if len(n) == 2:
        return 10 + CN_DIGITS.get(n[1], 0) if n[0] == "十" else 0
    return CN_DIGITS.get(n, 0)


def counted_items(text: str, after: int, count: int, vocab: BrandVocabulary) -> list[tuple[int, int, str]]:
    """The names of a counted list announced after a count of brands (打造“五大特色工作品牌”：一是…):
    the quoted name of each item, else its lead phrase without a verb and the kind."""
    m = ANNOUNCED.match(text, after)
    if m is None:
        return []
    items: list[tuple[int, int, str]] = []
    cursor = m.end()
    numerals = CN_NUM
    for k in range(1, min(count, MAX_ITEMS) + 1):
        cn = numerals[k - 1]
        window = text[cursor:cursor + ITEM_WINDOW]
        hits = [(window.find(f.format(cn=cn, n=k)), f.format(cn=cn, n=k)) for f in ITEM_MARKERS]
        hits = [(at, marker) for at, marker in hits if at >= 0]
        if not hits and k == 1:
            return _colon_list(text, m, count, vocab)
        if not hits:
            return items if len(items) == count else []
        at, marker = min(hits)
        if k == 1 and at > 2:
            return []
        start = cursor + at + len(marker)
        stop = ITEM_END.search(text, start)
        stop_at = stop.start() if stop else len(text)
        item = text[start:stop_at]
        quoted = QUOTE.search(item)
        if quoted:
            group = next(i for i in (1, 2, 3) if quoted.group(i) is not None)
            items.append((start + quoted.start(group), start + quoted.end(group), quoted.group(group)))
        else:
            name, offset = _strip_item(item, vocab)
            if name:
                items.append((start + offset, start + offset + len(name), name))
        cursor = stop_at
    return items if len(items) == count else []


def _colon_list(text: str, link: re.Match[str], count: int, vocab: BrandVocabulary) -> list[tuple[int, int, str]]:
    """Unquoted names listed after a count of brands and a colon (三个品牌：A、B和C。), exactly
    ``count`` of them, up to the sentence end."""
    if "：" not in link.group() and ":" not in link.group():
        return []
    start = link.end()
    stop = SENTENCE_END.search(text, start)
    body = text[start:stop.start() if stop else len(text)]
    if len(body) > MAX_COLON_LIST or "“" in body:
        return []
    items: list[tuple[int, int, str]] = []
    offset = start
    for part in COLON_LIST_SPLIT.split(body):
        at = text.find(part, offset)
        name, skip = _strip_item(part, vocab)
        if not name:
            return []
        items.append((at + skip, at + skip + len(name), name))
        offset = at + len(part)
    return items if len(items) == count else []


def _strip_item(item: str, vocab: BrandVocabulary) -> tuple[str, int]:
    """An unquoted item's name: its lead phrase without a leading verb and a trailing kind + 品牌."""
    offset = 0
    for verb in vocab.verbs:
        if item.startswith(verb):
            offset = len(verb)
            break
    name = item[offset:]
    if name.startswith(vocab.item_verbs):
        return "", 0  # 一是强化政治引领: a task, not a name
    if name.endswith(ANCHOR):
        name = name[:-len(ANCHOR)]
        _gap, kind = split_kind(name, vocab)
        name = name[:len(name) - len(kind)]
    if not 2 <= len(name) <= MAX_BARE_NAME or not HAN_RUN.fullmatch(name) or FUNCTION_CHARS.search(name):
        return "", 0
    return name, offset
