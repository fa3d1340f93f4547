"""Segmenters by name: ``register_segmenter`` and ``get_segmenter`` (one instance per arguments)."""
from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from djtext.lexicon import Lexicon
from djtext.segment.hanlp_backend import HanLPSegmenter
from djtext.segment.jieba_backend import JiebaSegmenter
from djtext.segment.protocol import Segmenter, SegmenterUnavailable
from djtext.segment.terms import lexicon_terms

_REGISTRY: dict[str, Callable[..., Segmenter]] = {}
_INSTANCES: dict[tuple, Segmenter] = {}


def register_segmenter(name: str, factory: Callable[..., Segmenter]) -> None:
    """Make ``factory(lexicon=..., **options)`` available as ``get_segmenter(name)``."""
    _REGISTRY[name] = factory


def available_segmenters() -> list[str]:
    """Names accepted by :func:`get_segmenter`."""
    return sorted(_REGISTRY)


def _freeze(value: Any) -> Any:
    """A hashable copy of an option value (for the instance cache key)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, Path):
        return str(value)
    return value


def get_segmenter(name: str = "jieba", *, lexicon: Lexicon | Iterable[str] | None = None, **options: Any) -> Segmenter:
    """The segmenter registered as ``name`` with ``lexicon`` as user dictionary (cached per arguments).

    Options whose value is None count as not given (``model=None`` is fine for jieba).
    """
    factory = _REGISTRY.get(name)
    if factory is None:
        raise SegmenterUnavailable(f"unknown segmenter {name!r}; choose one of {', '.join(available_segmenters())}")
    options = {key: value for key, value in options.items() if value is not None}  # None = not given
    accepted = inspect.signature(factory).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        unknown = sorted(set(options) - set(accepted))
        if unknown:
            raise SegmenterUnavailable(f"segmenter {name!r} does not take the option(s) {', '.join(unknown)}")
    terms = lexicon_terms(lexicon)
    key = (name, terms, _freeze(options))
    segmenter = _INSTANCES.get(key)
    if segmenter is None:
        segmenter = factory(lexicon=terms, **options)
        _INSTANCES[key] = segmenter
    return segmenter


register_segmenter("jieba", JiebaSegmenter)
register_segmenter("hanlp", HanLPSegmenter)

