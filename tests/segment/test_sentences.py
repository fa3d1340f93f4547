"""Tests of djtext.segment.sentences: split_sentences."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from djtext.segment import split_sentences


def _sentences(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, **kw)]


def test_sentence_ends_and_closing_quotes():
    text = "会议召开了。他说：“要努力！”大家鼓掌。真的吗？是的……然后散会"
    assert _sentences(text) == ["会议召开了。", "他说：“要努力！”", "大家鼓掌。", "真的吗？", "是的……", "然后散会"]


def test_ellipsis_before_deng_continues():
    assert _sentences("学习、调研……等活动。好") == ["学习、调研……等活动。", "好"]


SENTENCE_ALPHABET = list("政协党建工作。！？；…“”‘’《》（）,， \n\r\tab12") + ["……"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_ALPHABET), max_size=60).map("".join), st.booleans())
def test_sentence_spans_property(text, semicolon):
    spans = split_sentences(text, semicolon=semicolon)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""  # only whitespace between sentences
        sentence = text[start:end]
        assert sentence.strip() == sentence != ""
        assert "\n" not in sentence and "\r" not in sentence
        position = end
    assert text[position:].strip() == ""


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_sentence_spans_on_arbitrary_text(text):
    position = 0
    for start, end in split_sentences(text):
        assert text[position:start].strip() == ""
        assert text[start:end].strip() == text[start:end] != ""
        position = end
    assert text[position:].strip() == ""
