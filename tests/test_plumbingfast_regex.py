"""djtext.regex_compile: the faster ``_optimize_charset`` compiles every pattern exactly as CPython's does."""
from __future__ import annotations

import importlib
import pkgutil
import re
from re import _compiler, _parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import djtext
from djtext import regex_compile

pytestmark = pytest.mark.skipif(not regex_compile.install(), reason="CPython version not copied")


def _code(pattern: str, flags: int, optimize) -> list:
    """The compiled code of ``pattern`` with ``optimize`` as the charset optimiser."""
    saved = _compiler._optimize_charset
    _compiler._optimize_charset = optimize
    try:
        parsed = _parser.parse(pattern, flags)
        return _compiler._code(parsed, flags | parsed.state.flags)
    finally:
        _compiler._optimize_charset = saved


def _same(pattern: str, flags: int = 0) -> None:
    expected = _code(pattern, flags, regex_compile.ORIGINAL)
    assert _code(pattern, flags, regex_compile.optimize_charset) == expected
    assert _code(pattern, flags, regex_compile.remembered_optimize_charset) == expected  # computed
    assert _code(pattern, flags, regex_compile.remembered_optimize_charset) == expected  # remembered


@pytest.mark.parametrize("pattern", [
    "[\u4e00-\u9fff]", "[^\u4e00-\u9fff]", "[a-z]", "[a-zA-Z0-9_]", "[\u3000-\u303f\uff00-\uffef]",
    "[\x00-\u02ff\u2000-\u20cf\u2100-\u2bff]", "[\U00020000-\U0002a6df\u4e00-\u9fff]", "[\u00ff-\u0101]",
    "[\\d\u4e00-\u9fff]", "[\\w\\s\u3400-\u4dbf]", "[a]", "[ab]", "[\u4e00]",
])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.ASCII])
def test_known_character_classes_compile_alike(pattern, flags):
    _same(pattern, flags)


_CODE_POINTS = st.one_of(st.integers(0, 0x3ff), st.integers(0x3000, 0xa000), st.integers(0xfe00, 0x10ffff))


@st.composite
def character_classes(draw) -> str:
    """A random character class of ranges and literals across the ASCII, BMP and astral planes."""
    items = []
    for _ in range(draw(st.integers(1, 5))):
        low = draw(_CODE_POINTS)
        high = draw(st.one_of(st.just(low), st.integers(low, min(low + 30000, 0x10ffff))))
        items.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
    negate = "^" if draw(st.booleans()) else ""
    return f"[{negate}{''.join(items)}]"


@settings(max_examples=200, deadline=None)
@given(character_classes(), st.sampled_from([0, re.IGNORECASE, re.ASCII]))
def test_random_character_classes_compile_alike(pattern, flags):
    if flags & re.ASCII and not pattern.isascii():
        flags = 0
    _same(pattern, flags)


def _djtext_patterns() -> list[re.Pattern]:
    """Every compiled pattern found in the globals of djtext's modules."""
    found = {}
    for info in pkgutil.walk_packages(djtext.__path__, "djtext."):
        try:
            module = importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - optional extras (hanlp, plotting) may be missing
            continue
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


def test_every_djtext_module_pattern_compiles_alike():
    patterns = _djtext_patterns()
    assert len(patterns) > 100
    for pattern in patterns:
        _same(pattern.pattern, pattern.flags)


def test_install_is_idempotent():
    assert regex_compile.install() and regex_compile.install()
    assert _compiler._optimize_charset is regex_compile.remembered_optimize_charset


def test_lazy_regex_methods_after_the_first_use_are_the_compiled_patterns_own():
    from djtext.text import LazyRegex

    lazy = LazyRegex(r"政协\d+")
    assert lazy.search("县政协12号").group() == "政协12"
    assert lazy.match("政协3").group() == "政协3" and lazy.fullmatch("政协3x") is None
    assert [m.group() for m in lazy.finditer("政协1 政协22")] == ["政协1", "政协22"]
    assert lazy.search == lazy.compiled().search


def test_install_leaves_an_unknown_stdlib_function_alone(monkeypatch):
    """A stdlib _optimize_charset this copy was not checked against (another patch release) stays in use."""
    from re import _compiler

    monkeypatch.setattr(_compiler, "_optimize_charset", regex_compile.ORIGINAL)
    monkeypatch.setattr(regex_compile, "KNOWN_ORIGINALS", frozenset())
    assert regex_compile.install() is False
    assert _compiler._optimize_charset is regex_compile.ORIGINAL


def test_fingerprint_is_stable_and_tells_functions_apart():
    """The fingerprint depends only on the code, and differs between two functions."""
    from re import _compiler

    code = regex_compile.ORIGINAL.__code__
    assert regex_compile.fingerprint(code) == regex_compile.fingerprint(code)
    assert regex_compile.fingerprint(code) != regex_compile.fingerprint(_compiler._mk_bitmap.__code__)
