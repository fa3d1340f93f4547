"""What every segmentation backend offers (the ``Segmenter`` protocol), its token type and error."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

Token = tuple[str, int, int]
"""``(word, start, end)``: a word with its offsets into the segmented text."""


class SegmenterUnavailable(RuntimeError):
    """A segmenter backend cannot be used here (missing package or model); the message says why."""


@runtime_checkable
class Segmenter(Protocol):
    """What every segmentation backend offers."""

    name: str

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order; they concatenate to ``text``."""
        ...

    def tokenize(self, text: str) -> list[Token]:
        """``(word, start, end)`` for every word of ``text``, with offsets into ``text``."""
        ...

