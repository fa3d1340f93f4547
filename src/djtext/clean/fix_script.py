"""Script-level fixers: pinyin annotations, radical look-alikes, full-width ASCII, Traditional→Simplified."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from djtext.clean.chars import HAN
from djtext.lexicon import BUILTIN_DIR, read_lexicon_file
from djtext.models import Edit

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"[a-zü{_TONE}]{{1,6}}"
# the bracket is matched first and the Han character before it checked by a lookbehind: same matches, faster scan
_ANNOTATION = re.compile(rf"[(（](?<=[{HAN}][(（])\s*({_SYLLABLE}(?:[ '’]{_SYLLABLE}){{0,3}})\s*[)）]")
_TONED = re.compile(rf"[{_TONE}]")


def fix_pinyin_annotations(text: str) -> list[Edit]:
    """Strip pinyin that mirror sites put in brackets after characters: ``政協(xié)`` → ``政協``."""
    if "(" not in text and "（" not in text:
        return []
    found = list(_ANNOTATION.finditer(text))
    toned = sum(1 for m in found if _TONED.search(m.group(1)))
    if not toned:
        return []
    # toneless syllables (neutral tone: de, men) only count once a document shows the habit
    return [
        Edit(m.start(), m.end(), "", "pinyin annotation")
        for m in found
        if _TONED.search(m.group(1)) or (toned >= 3 and len(m.group(1)) <= 4)
    ]


@lru_cache(maxsize=1)
def radical_table() -> dict[str, str]:
    """Radical look-alike → ordinary character, from ``clean_radicals.csv`` plus NFKC for Kangxi radicals."""
    table = {row["radical"]: row["char"] for row in read_lexicon_file(BUILTIN_DIR / "clean_radicals.csv")}
    for code in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFADA)):
        char = chr(code)
        norm = unicodedata.normalize("NFKC", char)
        if norm != char and len(norm) == 1:
            table.setdefault(char, norm)
    return table


_RADICAL = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")


def fix_radicals(text: str) -> list[Edit]:
    """Replace CJK radical and compatibility look-alikes (⻄ ⻓ ⽂) by the ordinary characters (西 长 文)."""
    table = radical_table()
    edits = []
    for m in _RADICAL.finditer(text):
        char = table.get(m.group())
        if char and char != m.group():
            edits.append(Edit(m.start(), m.end(), char, "radical look-alike"))
    return edits


_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a][\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*")
"""Runs of full-width digits and letters (x x* rather than x+: the engine skips quickly to the x)."""
_FULLWIDTH_SYMBOL_IN_ASCII = re.compile(r"(?<=[0-9A-Za-z])[\uff0e\uff05\uff0b](?=[0-9A-Za-z%])|(?<=[0-9])[\uff05]")


def fix_fullwidth_ascii(text: str) -> list[Edit]:
    """Full-width digits and letters (１２３ ＡＢ) to half-width; ``．`` ``＋`` ``％`` between them too."""
    edits = [
        Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()), "full-width alphanumeric")
        for m in _FULLWIDTH_ALNUM.finditer(text)
    ]
    if not edits or not ("．" in text or "＋" in text or "％" in text):
        return edits
    probe = _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if len(probe) == len(text):
        for m in _FULLWIDTH_SYMBOL_IN_ASCII.finditer(probe):
            edits.append(Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()), "full-width symbol"))
    return edits


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


_HAN_RUN = re.compile(rf"[{HAN}]+")
TRADITIONAL_SHARE = 0.08
"""A document whose Han characters change under t2s at this rate or more is treated as Traditional."""


@lru_cache(maxsize=1)
def _traditional_chars() -> re.Pattern[str]:
    """A character class of the Han characters that OpenCC t2s changes on their own."""
    han = "".join(chr(c) for c in range(0x4E00, 0xA000))
    converted = _converter().convert(han)
    if len(converted) != len(han):  # cannot align: fall back to converting per character
        changed = [c for c in han if _converter().convert(c) != c]
    else:
        changed = [a for a, b in zip(han, converted) if a != b]
    return re.compile("[" + "".join(changed) + "]")


def traditional_share(text: str) -> float:
    """Share of Han characters that only Traditional script uses (≈0.35–0.45 for Traditional text, ≈0 for Simplified)."""
    han = sum(map(len, _HAN_RUN.findall(text)))
    if not han:
        return 0.0
    return len(_traditional_chars().findall(text)) / han


def _diff_edits(old: str, new: str, offset: int) -> list[Edit]:
    edits = []
    i, n = 0, len(old)
    while i < n:
        if old[i] != new[i]:
            j = i + 1
            while j < n and old[j] != new[j]:
                j += 1
            edits.append(Edit(offset + i, offset + j, new[i:j], "t2s"))
            i = j
        else:
            i += 1
    return edits


def convert_t2s(text: str) -> list[Edit]:
    """Edits converting ``text`` from Traditional to Simplified characters (OpenCC t2s)."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return _diff_edits(text, converted, 0)
    edits: list[Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        new = converter.convert(line)
        if len(new) == len(line):
            edits.extend(_diff_edits(line, new, pos))
        elif new != line:
            edits.append(Edit(pos, pos + len(line), new, "t2s"))
        pos += len(line)
    return edits


HAN_CHUNK = 4096
"""Characters whose Han characters are counted at a time while the Traditional share may still reach the bar."""


def _below_traditional_share(text: str) -> bool:
    """Whether ``traditional_share(text) < TRADITIONAL_SHARE``, decided once the Han characters counted
    so far are enough: the share over all of them can only be lower."""
    traditional = len(_traditional_chars().findall(text))
    han = 0
    for start in range(0, len(text), HAN_CHUNK):
        han += sum(map(len, _HAN_RUN.findall(text, start, start + HAN_CHUNK)))
        if han and traditional / han < TRADITIONAL_SHARE:
            return True
    return traditional_share(text) < TRADITIONAL_SHARE


def fix_t2s_auto(text: str) -> list[Edit]:
    """Convert Traditional to Simplified when the document is mostly Traditional."""
    if _traditional_chars().search(text) is None:
        return []  # no Traditional-only character at all (the usual case): the share is 0
    if _below_traditional_share(text):
        return []
    return convert_t2s(text)
