"""What a file that cannot be read gives: a ``NotTextError`` with a one-line reason."""
from __future__ import annotations


class NotTextError(ValueError):
    """The bytes are not text in any encoding djtext can recognise."""


def one_line(message: str, limit: int = 200) -> str:
    """``message`` collapsed to one line of at most ``limit`` characters."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
