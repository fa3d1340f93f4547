"""When numpy is worth loading: for a long text, or for any text once something has loaded it
(a run over short texts never pays numpy's import at start-up)."""
from __future__ import annotations

import sys

NUMPY_CHARS = 10_000  # texts this long are handled by numpy even when it is not loaded yet


def numpy_pays(length: int) -> bool:
    """Whether a text of ``length`` characters is handled by numpy rather than plain Python."""
    return length >= NUMPY_CHARS or "numpy" in sys.modules
