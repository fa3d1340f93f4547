"""The cleaner over every file of the real corpus (../shared/corpus, read by path, never copied)."""
from __future__ import annotations

import shared_paths as _shared
import re
from pathlib import Path

import pytest

from djtext.clean import clean_text

CORPUS = _shared.CORPUS
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"real corpus not found at {CORPUS}")

HAN = "\u4e00-\u9fff"
HAN_SPACE_HAN = re.compile(f"[{HAN}] +[{HAN}]")
SENTENCE_END = re.compile(r"[。！？；…][”’）)》」]*$")
_cache: dict[Path, tuple[str, object]] = {}


def _clean(path: Path):
    if path not in _cache:
        raw = path.read_text(encoding="utf-8")
        _cache[path] = (raw, clean_text(raw))
    return _cache[path]


def _doc(prefix: str) -> Path:
    found = [p for p in FILES if p.name.startswith(prefix)]
    if not found:
        pytest.skip(f"corpus file {prefix}_* not present")
    return found[0]


@pytest.mark.parametrize("path", FILES, ids=[p.name[:3] for p in FILES])
def test_each_file_cleans_to_one_paragraph_per_line(path: Path) -> None:
    raw, clean = _clean(path)
    assert clean.text and len(clean.offsets) == len(clean.text)
    assert "\n\n" not in clean.text
    assert all(line == line.strip() for line in clean.text.split("\n"))
    assert clean_text(clean.text).text == clean.text  # idempotent on real documents too


@pytest.mark.parametrize("path", FILES, ids=[p.name[:3] for p in FILES])
def test_each_file_keeps_protected_tokens(path: Path) -> None:
    raw, clean = _clean(path)
    for token in ("1+3+N", "12324", "（一）", "·", "4.0"):
        if token in raw:
            assert token in clean.text, token
    assert raw.count("“") <= clean.text.count("“") + 3  # quotes around brand names survive


def test_ocr_spaced_document_has_no_space_between_han() -> None:
    raw, clean = _clean(_doc("002"))
    start, end = clean.text.find("篇一"), clean.text.find("篇二")
    assert 0 <= start < end
    ocr_part = clean.text[start:end]  # the OCR-spaced article ("学习党的创新理论 ; 鹤壁 、 驻马店")
    assert len(HAN_SPACE_HAN.findall(raw)) > 20
    assert not HAN_SPACE_HAN.search(ocr_part)
    assert " , " not in clean.text and " 。" not in clean.text


def test_running_headers_are_removed_and_garbage_flagged() -> None:
    raw, clean = _clean(_doc("002"))
    assert raw.count("体丙论城") >= 2
    assert clean.text.count("体丙论城") == 0
    assert any(flag.kind == "ocr_garbage" for flag in clean.flags)


def test_hard_wrapped_document_has_no_break_inside_sentences() -> None:
    raw, clean = _clean(_doc("003"))
    lines = clean.text.split("\n")
    assert len(lines) < raw.count("\n") / 5
    open_lines = [ln for ln in lines if not SENTENCE_END.search(ln)]
    assert all(len(ln) <= 45 for ln in open_lines), [ln[:30] for ln in open_lines if len(ln) > 45]


def test_page_break_split_words_are_joined() -> None:
    raw, clean = _clean(_doc("000"))
    assert "工\n\n作" in raw
    assert "中心工作推进到哪里" in clean.text


def test_web_copy_loses_chrome_and_keeps_the_name_space() -> None:
    raw, clean = _clean(_doc("004"))
    assert "首页" not in clean.text.split("\n")[0]
    assert "||||" not in clean.text
    assert "“钱潮头雁 同心向党”" in clean.text
    assert "\n（一）" in clean.text  # numbered headings on their own lines
    assert "," not in clean.text.replace("1,", "")


def test_markdown_bold_and_headings_become_marks() -> None:
    raw, clean = _clean(_doc("001"))
    assert "**" not in clean.text and "\n#" not in clean.text
    bold = [clean.text[m.start:m.end] for m in clean.marks if m.kind == "bold"]
    headings = [m for m in clean.marks if m.kind == "heading" and m.level >= 1]
    assert len(bold) >= 10 and all(b.endswith("。") for b in bold)
    assert headings and clean.text[headings[0].start:headings[0].end].startswith("党建引领")
    assert "市工商联党组书记 曹宏峰" in clean.text  # a byline is content, not a photo credit
