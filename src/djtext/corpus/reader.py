"""``read_document``: one file into a RawDocument, never raising for a bad file.

A bad file gives a RawDocument whose ``error`` is a one-line reason (empty file, binary file,
corrupt .docx, PDF without a text layer ...).
"""
from __future__ import annotations

import errno
import stat
from pathlib import Path

from djtext.corpus.discovery import relative_name
from djtext.corpus.docx_reader import read_docx
from djtext.corpus.encoding import decode_text
from djtext.corpus.errors import NotTextError, one_line
from djtext.corpus.pdf_reader import read_pdf
from djtext.models import RawDocument

_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def read_document(path: Path, root: Path | None = None) -> RawDocument:
    """Read one file; never raises for a bad file but returns a RawDocument whose ``error`` names the problem."""
    path = Path(path)
    rel = relative_name(path, root)
    fmt = _FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".") or "txt")
    doc = RawDocument(path=rel, text="", format=fmt, source=str(path))
    try:
        kind = _not_regular(path)
        if kind:
            doc.error = f"not a regular file ({kind})"
            return doc
        data = path.read_bytes()
    except OSError as exc:
        link = " (a broken symbolic link)" if path.is_symlink() and exc.errno == errno.ENOENT else ""
        doc.error = f"cannot read file: {exc.strerror or exc}{link}"
        return doc
    try:
        if not data.strip():
            raise NotTextError("empty file")
        if fmt == "docx":
            text, encoding = read_docx(data), "utf-8"
        elif fmt == "pdf":
            text, encoding = read_pdf(data), ""
        elif fmt == "html":
            from djtext.corpus.html_reader import read_html  # html.parser, lxml: only for web pages

            text, encoding = read_html(data)
        else:
            encoding, text = decode_text(data)
    except NotTextError as exc:
        doc.error = str(exc)
        return doc
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop the corpus
        doc.error = one_line(f"unreadable .{fmt} file: {type(exc).__name__}: {exc}")
        return doc
    if not text.strip():
        doc.error = "empty file (no text)"
        return doc
    doc.text, doc.encoding = text, encoding
    return doc


def _not_regular(path: Path) -> str:
    """What ``path`` is when it is no regular file (a FIFO would block a read forever), else ""."""
    mode = path.stat().st_mode  # follows symlinks; a loop or a broken link raises OSError
    if stat.S_ISREG(mode):
        return ""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"
