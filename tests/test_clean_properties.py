"""Property tests of the cleaner (hypothesis): idempotence, the offset map, and no silent Han loss."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from djtext.clean import clean_text
from noise import PRINT_NOISES, WEB_NOISES, generate

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

FRAGMENTS = [
    "政协", "党建品牌", "“同心向党·协商为民”", "1+3+N", "12345", "（一）", "(二)", "4.0", "2023年5月",
    "，", "。", "、", "；", ",", ";", ":", "?", "!", "(", ")", "\"", "'", "「", "」", "『", "』",
    " ", "  ", "\u3000", "\n", "\n\n", "\t", "&nbsp;", "&ldquo;", "rdquo;", "& &", "<p>", "</p>", "?/p>",
    "**", "# ", "## ", "---", "| ||||", "首页 > 新闻 > 正文", "来源：政协报", "A- A+", "第3版：要闻",
    "⻄", "⻓", "⽂", "１２３", "ＡＢ", "App", "www.example.com", "下载APP领红包", "協商", "政協(xié)",
    "理论研讨 I 人民论坛 12", "— 7 —", "工 作 报 告", "钱潮头雁 同心向党", "?shù", "全山 i 领导", "6怖丙沦盘",
]
soup = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=40).map("".join)
"""Any mix of the genre's content and its noise: for the offset map and the no-silent-loss properties."""
TEXT_FRAGMENTS = [
    "政协", "党建品牌", "“同心向党·协商为民”", "1+3+N", "12345", "（一）", "(二)", "4.0", "2023年5月", "App",
    "，", "。", "、", "；", ",", ";", ":", "?", "!", "(", ")", "\"", "「", "」", " ", "\u3000", "\n", "\n\n",
    "&nbsp;", "&ldquo;", "rdquo;", "⻄", "⻓", "⽂", "１２３", "ＡＢ", "協商", "工 作 报 告", "钱潮头雁 同心向党",
]
text_soup = st.lists(st.sampled_from(TEXT_FRAGMENTS), min_size=0, max_size=40).map("".join)
"""Running text with inline noise (spaces, punctuation, entities, look-alikes): for idempotence."""
noise_classes = st.one_of(
    st.lists(st.sampled_from(PRINT_NOISES), min_size=1, max_size=4, unique=True),
    st.lists(st.sampled_from(WEB_NOISES), min_size=1, max_size=4, unique=True),
).map(tuple)
"""Noise classes of one kind of source (printed/OCR or scraped web), as real documents mix them."""


def _check_offsets(raw: str, clean) -> None:
    text, offsets = clean.text, clean.offsets
    assert len(offsets) == len(text)
    assert all(0 <= o < max(1, len(raw)) for o in offsets)
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    replaced = [False] * len(raw)
    for fix in clean.fixes:
        for i in range(fix.raw_start, min(fix.raw_end, len(raw))):
            replaced[i] = True
    for i, char in enumerate(text):
        if not replaced[offsets[i]]:
            assert raw[offsets[i]] == char, (i, char, raw[offsets[i]])


def _check_han_kept(raw: str, clean) -> None:
    covered = [False] * (len(raw) + 1)
    for fix in clean.fixes:
        for i in range(fix.raw_start, fix.raw_end):
            covered[i] = True
    kept = set(clean.offsets)
    for m in HAN.finditer(raw):
        i = m.start()
        assert covered[i] or i in kept, f"Han {raw[i]!r} at {i} dropped without a fix record"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup)
def test_offsets_and_han_on_fragment_soup(raw: str) -> None:
    clean = clean_text(raw)
    _check_offsets(raw, clean)
    _check_han_kept(raw, clean)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), noise_classes)
def test_offsets_and_han_on_noisy_documents(seed: int, noises: tuple[str, ...]) -> None:
    raw = generate(seed, noises).noisy
    clean = clean_text(raw)
    _check_offsets(raw, clean)
    _check_han_kept(raw, clean)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), noise_classes)
def test_idempotent_on_noisy_documents(seed: int, noises: tuple[str, ...]) -> None:
    once = clean_text(generate(seed, noises).noisy).text
    assert clean_text(once).text == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_soup)
def test_idempotent_on_text_soup(raw: str) -> None:
    once = clean_text(raw).text
    assert clean_text(once).text == once


@settings(max_examples=100, deadline=None)
@given(soup)
def test_marks_lie_inside_the_text(raw: str) -> None:
    clean = clean_text(raw)
    for mark in clean.marks:
        assert 0 <= mark.start < mark.end <= len(clean.text)
