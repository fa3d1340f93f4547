"""The start-up regex memo compiles every pattern to exactly the code CPython's compiler gives."""
from __future__ import annotations

from re import _compiler, _parser

from djtext.cli.startup import share_charsets

PATTERNS = [
    (r"[㐀-鿿]{2}[二三四][㐀-鿿]", 0),
    (r"(?<![㐀-鿿a-z])[，,；;]+(?=[㐀-鿿])", 0),
    (r"[^㐀-鿿\s]+", 0),
    (r"[a-zé]+", 2),  # IGNORECASE: not memoised, still the same code
    (r"[\d,.]+", 0),
]


def _code(pattern: str, flags: int, optimize) -> list[int]:
    saved = _compiler._optimize_charset
    _compiler._optimize_charset = optimize
    try:
        parsed = _parser.parse(pattern, flags)
        return _compiler._code(parsed, flags | parsed.state.flags)
    finally:
        _compiler._optimize_charset = saved


def test_memo_gives_the_same_code_twice():
    assert share_charsets() and share_charsets()  # installed, and idempotent
    memo = _compiler._optimize_charset
    original = memo.original
    for pattern, flags in PATTERNS:
        expected = _code(pattern, flags, original)
        assert _code(pattern, flags, memo) == expected
        assert _code(pattern, flags, memo) == expected  # from the memo
