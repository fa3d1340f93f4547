"""Faster compilation of regexes with large character ranges (such as ``[\\u4e00-\\u9fff]``).

CPython's ``re._compiler._optimize_charset`` marks a range such as the 20,992 Han characters of
``[\\u4e00-\\u9fff]`` one code point at a time in a Python loop, about a millisecond per range;
djtext's ~400 patterns spend about 0.15 s of every process in that loop (a third of the
start-up of a one-file extract). ``install`` replaces the function by ``optimize_charset``, the
same function (CPython 3.11-3.13, identical in the three) whose case-sensitive ranges are marked
by one slice assignment, remembered per distinct character set (the compiler only reads the
result). Compiled patterns are identical: the tests compare both functions' results on every
pattern djtext compiles and on random character sets.
"""
from __future__ import annotations

import hashlib
import sys
from re import _compiler
from re._constants import BIGCHARSET, CHARSET, LITERAL, NEGATE, RANGE, RANGE_UNI_IGNORE

ORIGINAL = _compiler._optimize_charset
SUPPORTED = ((3, 11), (3, 12), (3, 13))  # versions whose _optimize_charset this module copies
KNOWN_ORIGINALS = frozenset({
    "f38f94ed98b24c97",  # CPython 3.11.7's re._compiler._optimize_charset
})
"""Fingerprints (:func:`fingerprint`) of the stdlib functions this copy was checked against: on any
other (a patch release that changed it), ``install`` leaves ``re`` as it is."""


def fingerprint(code) -> str:
    """A short digest of a code object's bytecode, names and constants (nested code objects by their own)."""
    consts = [fingerprint(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts]
    data = code.co_code + repr(code.co_names).encode() + repr(consts).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def _mark_range(charmap: bytearray, low: int, high: int) -> None:
    """``charmap[i] = 1`` for ``low <= i <= high``, raising IndexError past its end like the item loop."""
    end = min(high + 1, len(charmap))
    if low < end:
        charmap[low:end] = b"\x01" * (end - low)
    if high >= len(charmap):
        raise IndexError(high)


def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """``re._compiler._optimize_charset`` with case-sensitive ranges marked by slices (same result)."""
    out = []
    tail = []
    charmap = bytearray(256)
    hascased = False
    for op, av in charset:
        while True:
            try:
                if op is LITERAL:
                    if fixup:
                        lo = fixup(av)
                        charmap[lo] = 1
                        if fixes and lo in fixes:
                            for k in fixes[lo]:
                                charmap[k] = 1
                        if not hascased and iscased(av):
                            hascased = True
                    else:
                        charmap[av] = 1
                elif op is RANGE:
                    r = range(av[0], av[1] + 1)
                    if fixup:
                        if fixes:
                            for i in map(fixup, r):
                                charmap[i] = 1
                                if i in fixes:
                                    for k in fixes[i]:
                                        charmap[k] = 1
                        else:
                            for i in map(fixup, r):
                                charmap[i] = 1
                        if not hascased:
                            hascased = any(map(iscased, r))
                    else:
                        _mark_range(charmap, av[0], av[1])  # the one change: a slice, not a loop
                elif op is NEGATE:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:  # non-UCS1 character codes
                    charmap += b"\0" * 0xff00
                    continue
                if fixup:  # non-BMP character codes (their BMP part is marked already)
                    hascased = True
                    if op is RANGE:
                        op = RANGE_UNI_IGNORE
                tail.append((op, av))
            break
    return _compress(charset, charmap, out, tail, hascased)


def _compress(charset, charmap: bytearray, out: list, tail: list, hascased: bool):
    """The rest of ``_optimize_charset``: literals and ranges, a bitmap or a big charset."""
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased
    if len(charmap) == 256:
        data = _compiler._mk_bitmap(charmap)
        out.append((CHARSET, data))
        out += tail
        return out, hascased
    charmap = bytes(charmap)
    chunks = [charmap[i: i + 256] for i in range(0, 65536, 256)]
    blocks = {chunk: number for number, chunk in enumerate(dict.fromkeys(chunks))}  # first-seen order
    mapping = bytearray(map(blocks.__getitem__, chunks))
    block = len(blocks)
    data = bytearray(b"".join(blocks))
    data = _compiler._mk_bitmap(data)
    data[0:0] = [block] + _compiler._bytes_to_codes(mapping)
    out.append((BIGCHARSET, data))
    out += tail
    return out, hascased


_RESULTS: dict = {}  # character set and case functions → optimize_charset's result (the compiler only reads it)


def remembered_optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """``optimize_charset`` computed once per distinct character set (``[\u4e00-\u9fff]`` recurs in dozens of patterns)."""
    try:
        key = (tuple(charset), iscased, fixup, id(fixes) if fixes else 0)
        result = _RESULTS.get(key)
    except TypeError:  # an unhashable item: not remembered
        return optimize_charset(charset, iscased, fixup, fixes)
    if result is None:
        result = _RESULTS[key] = optimize_charset(charset, iscased, fixup, fixes)
    return result


def install() -> bool:
    """Use ``remembered_optimize_charset`` in ``re`` from now on (on the CPython versions it copies); True when installed."""
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in SUPPORTED:
        return False
    if fingerprint(ORIGINAL.__code__) not in KNOWN_ORIGINALS:
        return False  # not the function this module copies: compile with the stock one
    if _compiler._optimize_charset is ORIGINAL:
        _compiler._optimize_charset = remembered_optimize_charset
    return _compiler._optimize_charset is remembered_optimize_charset
