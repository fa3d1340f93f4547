"""A document's title and date, read from its cleaned text (pure functions over a string).

- **title**: the first heading-like line near the top: a markdown heading (``# …``) if there is
  one among the first lines, else the first short line that is not a sentence, a breadcrumb
  (``首页 > …``), a dateline or a by-line; a following subtitle line (``——…``) is appended.
- **date**: a dateline near the top (a short line, or one with a cue such as 时间 / 日期 / 发布 /
  来源) or alone on one of the last lines (a signature date), written as ``2021年9月28日``,
  ``二〇二一年九月``, ``2023-07-06``, ``2023/7/6`` or ``2023.07.06``; given as ISO ``YYYY-MM-DD``
  or ``YYYY-MM`` when the day is missing. Dates inside running text (``2021年以来``, ``9月23日``)
  are not the document's date and are ignored.
"""
from __future__ import annotations

import re

from djtext.text import CN_DIGITS, HAN

HEAD_LINES = 8
"""How many non-empty lines at the top are searched for the title and the dateline."""
TAIL_LINES = 3
"""How many non-empty lines at the end are searched for a signature date."""
MAX_TITLE = 60
MAX_DATELINE = 80
MAX_TAIL_DATELINE = 40

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, **CN_DIGITS}  # the digits with the zeros dates use
_CN_NUM = "〇零○Ｏ一二三四五六七八九十"
_DATE_PATTERNS = (
    re.compile(rf"(?P<y>(?:19|20)\d\d|[{_CN_NUM}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_NUM}]{{1,2}})\s*月"
               rf"(?:\s*(?P<d>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*日)?"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
)
_DATE_CUES = re.compile(r"时间|日期|发布|来源|发表|更新|编辑|作者|稿")
_SENTENCE_END = tuple("。！？；，：…!?;,:")
_BREADCRUMB = re.compile(r"[>|｜»/]|首页|当前位置|您的位置|字号|返回")
_BYLINE = re.compile(r"^(?:本报|记者|通讯员|作者|来源|编辑|责任编辑|发布|时间|日期)|摄$")
_MARKUP_HEAD = re.compile(r"\s*(?:#{1,6}\s*)?(?:\*\*)?")  # leading blanks, heading marks, opening bold
_SUBTITLE = re.compile(r"^[—─-]{1,2}")
_HAN = re.compile(HAN)


LINES_CHUNK = 4096  # characters read at either end of a text for its first and last lines


def _lines(text: str) -> list[str]:
    return _non_empty(text.splitlines())


def _non_empty(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def first_lines(text: str, count: int = HEAD_LINES) -> list[str]:
    """The first ``count`` non-empty lines, stripped (``_lines(text)[:count]``, read from the top only)."""
    if len(text) > LINES_CHUNK:
        whole = _non_empty(text[:LINES_CHUNK].splitlines()[:-1])  # the last line may be cut
        if len(whole) >= count:
            return whole[:count]
    return _lines(text)[:count]


def last_lines(text: str, count: int = TAIL_LINES) -> list[str]:
    """The last ``count`` non-empty lines, stripped (``_lines(text)[-count:]``, read from the end only)."""
    if len(text) > LINES_CHUNK:
        whole = _non_empty(text[-LINES_CHUNK:].splitlines()[1:])  # the first line may be cut
        if len(whole) >= count:
            return whole[-count:]
    return _lines(text)[-count:]


def _plain(line: str) -> str:
    """A line without markdown heading marks and surrounding bold markers (one closing ``**``
    before the trailing blanks), read at the two ends only."""
    rest = line[_MARKUP_HEAD.match(line).end():].rstrip()
    return (rest[:-2] if rest.endswith("**") else rest).strip()


def _number(value: str) -> int | None:
    """An Arabic or Chinese numeral (一 … 三十一, 二〇二一) as an int, or None."""
    if value.isdigit():
        return int(value)
    if "十" in value:
        tens, _, ones = value.partition("十")
        high = _CN_DIGITS.get(tens, 0) if tens else 1
        low = _CN_DIGITS.get(ones, 0) if ones else 0
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        return high * 10 + low
    if all(ch in _CN_DIGITS for ch in value):
        return int("".join(str(_CN_DIGITS[ch]) for ch in value))
    return None


def parse_date(text: str) -> str | None:
    """The first valid full date in ``text`` as ``YYYY-MM-DD`` (or ``YYYY-MM`` without a day), else None."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month = _number(match.group("y")), _number(match.group("m"))
            day = _number(match.group("d")) if match.group("d") else None
            if year is None or month is None or not 1949 <= year <= 2100 or not 1 <= month <= 12:
                continue
            if day is not None and not 1 <= day <= 31:
                continue
            return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return None


def document_date(text: str) -> str | None:
    """The document's date: a dateline among the first lines or a signature date at the end."""
    for line in first_lines(text):
        plain = _plain(line)
        if len(plain) <= MAX_DATELINE and (len(plain) <= MAX_TITLE or _DATE_CUES.search(plain)):
            if plain.endswith("。") and not _DATE_CUES.search(plain):
                continue  # a sentence, not a dateline
            found = parse_date(plain)
            if found:
                return found
    for line in last_lines(text):
        plain = _plain(line)
        if len(plain) <= MAX_TAIL_DATELINE and not plain.endswith("。"):
            found = parse_date(plain)
            if found:
                return found
    return None


def _title_like(line: str) -> bool:
    plain = _plain(line)
    return (
        2 <= len(plain) <= MAX_TITLE
        and len(_HAN.findall(plain)) >= 4
        and not plain.endswith(_SENTENCE_END)
        and not _BREADCRUMB.search(plain)
        and not _BYLINE.search(plain)
        and parse_date(plain) is None
    )


def document_title(text: str) -> str | None:
    """The document's title: its first heading-like line (plus a ``——`` subtitle line), else None."""
    lines = first_lines(text)
    headed = [i for i, line in enumerate(lines) if line.startswith("#") and _title_like(line)]
    candidates = headed or [i for i, line in enumerate(lines) if _title_like(line)]
    if not candidates:
        return None
    i = candidates[0]
    title = _plain(lines[i])
    if _SUBTITLE.match(title):
        return title.lstrip("—─- ") or None
    if i + 1 < len(lines):
        subtitle = _plain(lines[i + 1])
        if _SUBTITLE.match(subtitle) and len(subtitle) <= MAX_TITLE:
            title = f"{title}{subtitle}"
    return title


def document_metadata(text: str, raw: str = "") -> dict[str, str | None]:
    """``{"title": …, "date": …}`` of a cleaned text (None where the text gives none); the date is
    also looked for in the ``raw`` text, since cleaning drops web datelines with the page furniture."""
    return {"title": document_title(text), "date": document_date(text) or (document_date(raw) if raw else None)}
