"""corpus.encoding's fast paths: the control-character ratio by regex, UTF-8 decoded once by decode_text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.corpus.encoding import _control_ratio, decode_bytes, decode_text, detect_encoding
from djtext.corpus.errors import NotTextError

ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def slow_control_ratio(text: str) -> float:
    """The ratio as it was computed before (one generator step per character): the oracle."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in ALLOWED_CONTROLS)
    return bad / len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(max_codepoint=0x80), st.sampled_from("中文，。\u3000\x85"))))
def test_control_ratio_matches_the_character_loop(text):
    assert _control_ratio(text) == slow_control_ratio(text)


def test_control_ratio_counts_every_control_character():
    for code in range(0x100):
        char = chr(code)
        assert _control_ratio(char * 3 + "ab") == slow_control_ratio(char * 3 + "ab"), hex(code)


def _old_pair(data: bytes):
    """(encoding, text) by detect_encoding then decode_bytes, or the error's type and message."""
    try:
        encoding = detect_encoding(data)
    except NotTextError as exc:
        return "error", str(exc)
    return encoding, decode_bytes(data, encoding)


def _new_pair(data: bytes):
    try:
        return decode_text(data)
    except NotTextError as exc:
        return "error", str(exc)


SAMPLES = [
    "政协委员积极建言献策，推动“党建+”品牌建设。\n".encode("utf-8"),
    "\ufeff带BOM的文本".encode("utf-8"),
    "政协委员积极建言献策，推动党建品牌建设。".encode("gb18030"),
    "政協委員積極建言獻策，推動黨建品牌建設。".encode("big5"),
    "政协委员".encode("utf-16"),
    "政协委员积极建言献策".encode("utf-16-le"),
    b"\x00\x01\x02\x03binary\x00\xff" * 20,
    b"abc\x01\x02\x03\x04\x05\x06\x07\x08" * 10,
    b"plain ascii text\r\n",
]


@pytest.mark.parametrize("data", SAMPLES)
def test_decode_text_is_detect_then_decode(data):
    assert _new_pair(data) == _old_pair(data)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))))
def test_decode_text_is_detect_then_decode_on_any_bytes(data):
    assert _new_pair(data) == _old_pair(data)
