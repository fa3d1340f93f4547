"""The encoding of a text file's bytes, found without guessing blindly.

``detect_encoding``: a BOM first, then strict UTF-8, then a plausibility score over the candidate
decodings (UTF-16 without BOM, GB18030, Big5) that counts common Chinese characters and
punctuation, and charset-normalizer as the last resort.
"""
from __future__ import annotations

import re
from functools import lru_cache

from djtext.corpus.errors import NotTextError

BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BAD_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # C0 controls and DEL but tab, newlines, \f, \v, escape
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_CHARS = 20_000
_MIN_PLAUSIBLE = 0.6
_CODEC_NAMES = {
    "utf_8": "utf-8", "utf8": "utf-8", "utf-8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030",
    "gb18030": "gb18030", "cp936": "gb18030", "big5": "big5", "cp950": "big5", "big5hkscs": "big5hkscs",
    "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
    "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be",
}


def detect_encoding(data: bytes) -> str:
    """The normalised name of the encoding of ``data`` (utf-8, utf-8-sig, utf-16-le, gb18030, big5 ...).

    Raises ``NotTextError`` when the bytes look binary.
    """
    return _detect(data)[0]


def decode_text(data: bytes) -> tuple[str, str]:
    """(encoding, text) of a text file's bytes: ``detect_encoding`` then ``decode_bytes``, UTF-8 decoded once."""
    encoding, text = _detect(data)
    return encoding, text if text is not None else decode_bytes(data, encoding)


def _detect(data: bytes) -> tuple[str, str | None]:
    """The encoding of ``data`` and, when finding it decoded the whole of ``data`` strictly, the text."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, None
    sample = _sample(data)
    if b"\x00" in sample:
        return _detect_wide(data), None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text[:_SAMPLE_CHARS]) > 0.05:
            raise NotTextError("binary file (not text)")
        return "utf-8", text
    return _detect_legacy(data, sample), None


def _detect_legacy(data: bytes, sample: bytes) -> str:
    """The encoding of bytes that are no UTF-8: the most plausible Chinese decoding, else charset-normalizer's."""
    best, best_score = _best_decoding(data, ("gb18030", "big5", "big5hkscs", "cp950", "utf-16-le", "utf-16-be"))
    if best and best_score >= _MIN_PLAUSIBLE:
        return best
    if _control_ratio(sample.decode("latin-1")) > 0.05:
        raise NotTextError("binary file (not text)")
    guessed = _charset_normalizer_guess(data)
    if guessed:
        return guessed
    if best:
        return best
    raise NotTextError("binary file (not text)")


def decode_bytes(data: bytes, encoding: str) -> str:
    """Decode ``data`` with ``encoding`` (a name from ``detect_encoding``), replacing undecodable bytes."""
    data = strip_bom(data, encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace")


def strip_bom(data: bytes, encoding: str) -> bytes:
    """``data`` without the byte-order mark of a UTF-16/32 ``encoding`` (utf-8-sig strips its own)."""
    if encoding in ("utf-16-le", "utf-16-be") and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data[2:]
    if encoding in ("utf-32-le", "utf-32-be") and data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return data[4:]
    return data


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common Chinese characters or punctuation."""
    common = _common_chars()
    total = hits = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if ch in common or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or "\u2010" <= ch <= "\u2027":
            hits += 1
    return hits / total if total else 0.0


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Common Han characters: GB2312 level 1 (simplified), their Traditional forms and Big5's most frequent."""
    simplified = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                simplified.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    chars = set(simplified)
    try:
        import opencc

        chars.update(opencc.OpenCC("s2t").convert("".join(simplified)))
        chars.update(opencc.OpenCC("s2tw").convert("".join(simplified)))
    except Exception:  # noqa: BLE001 - the simplified set alone still separates GB from Big5
        pass
    return frozenset(chars)


def _sample(data: bytes) -> bytes:
    """The first bytes of ``data``, enough to judge an encoding."""
    return data[:_SAMPLE_BYTES]


def _control_ratio(text: str) -> float:
    """Share of C0 control characters (other than tab, newlines, form feed, escape) in ``text``."""
    if not text or _BAD_CONTROL.search(text) is None:  # the usual case: one scan in C
        return 0.0
    bad = sum(1 for _ in _BAD_CONTROL.finditer(text))
    return bad / len(text)


def _detect_wide(data: bytes) -> str:
    """UTF-16 / UTF-32 without a BOM, told apart from binary data by where the NUL bytes fall."""
    sample = _sample(data)
    best, best_score = _best_decoding(data, ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"))
    if best is None or best_score < _MIN_PLAUSIBLE:
        raise NotTextError("binary file (not text)" if sample.count(b"\x00") else "undecodable text")
    return best


def _wide_score(text: str) -> float:
    """Plausibility of a UTF-16/32 decoding: printable ASCII counts as plausible too."""
    if not text:
        return 0.0
    ascii_ok = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\t\n\r")
    non_ascii = sum(1 for ch in text if ch >= "\x80")
    return (ascii_ok + plausibility(text) * non_ascii) / len(text)


def _best_decoding(data: bytes, codecs: tuple[str, ...]) -> tuple[str | None, float]:
    """The codec among ``codecs`` whose strict decoding looks most like Chinese text, with its score."""
    best, best_score = None, -1.0
    for name in codecs:
        if name.startswith("utf-") and len(data) % (4 if "32" in name else 2):
            continue
        try:
            text = data.decode(name)[:_SAMPLE_CHARS]
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.02:
            continue
        score = _wide_score(text) if name.startswith("utf-") else plausibility(text)
        if score > best_score + 1e-9:
            best, best_score = name, score
    return best, best_score


def _charset_normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, as a normalised codec name, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a core dependency
        return None
    match = from_bytes(data).best()
    if match is None:
        return None
    return _CODEC_NAMES.get(match.encoding.lower(), match.encoding.lower().replace("_", "-"))
