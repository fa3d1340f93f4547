"""Start-up speed of the command line: compiled regexes share the work on repeated character classes.

djtext compiles some hundreds of regexes at import, most with the same large Han classes
(``[㐀-鿿]``); CPython's ``re`` compiler re-derives the bitmap of such a class for every occurrence
in a pure-Python loop over its 27,000 characters (about 1 ms each, over a quarter of ``extract``'s
start-up). :func:`share_charsets` memoises that pure step (``re._compiler._optimize_charset``
without case folding: its result depends on the class alone), so every pattern compiles to exactly
the same code, only sooner. It does nothing on a Python whose compiler differs.
"""
from __future__ import annotations

import inspect

MEMO_LIMIT = 4096
"""Character classes remembered at most (a command compiles a few hundred distinct ones)."""


def share_charsets() -> bool:
    """Memoise the ``re`` compiler's character-class step; True when installed (idempotent)."""
    try:
        from re import _compiler
    except ImportError:  # pragma: no cover - Python < 3.11
        return False
    original = getattr(_compiler, "_optimize_charset", None)
    if original is None or getattr(original, "djtext_memo", False):
        return original is not None
    try:
        params = list(inspect.signature(original).parameters)
    except (TypeError, ValueError):  # pragma: no cover
        return False
    if params != ["charset", "iscased", "fixup", "fixes"]:
        return False  # pragma: no cover - another compiler: leave it alone
    memo: dict[tuple, tuple[list, bool]] = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        if fixup is not None:  # case folding: depends on more than the class, not memoised
            return original(charset, iscased, fixup, fixes)
        try:
            key = tuple((op, tuple(av) if isinstance(av, list) else av) for op, av in charset)
            hit = memo.get(key)
        except TypeError:  # pragma: no cover - an unhashable item
            return original(charset, iscased, fixup, fixes)
        if hit is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            hit = memo[key] = original(charset, iscased, fixup, fixes)
        return list(hit[0]), hit[1]

    optimize_charset.djtext_memo = True  # type: ignore[attr-defined]
    optimize_charset.original = original  # type: ignore[attr-defined]
    _compiler._optimize_charset = optimize_charset
    return True
