"""Which files of a folder are documents, and the printable names they get in the tables."""
from __future__ import annotations

import os
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_SKIPPED_DIRS = {"__pycache__", "node_modules", "site-packages"}
_RESULTS_MARKER = "datapackage.json"  # written by `djtext extract --out`
_NOT_DOCUMENTS = {"README", "LICENSE", "LICENCE", "CHANGELOG"}  # a corpus folder's own notes


def iter_files(root: Path) -> list[Path]:
    """All supported files under ``root`` (or ``root`` itself when it is a file), sorted.

    Special files with a supported suffix (a FIFO, a broken symlink, a symlink loop) are listed so
    that ``read_document`` reports them; symlinked folders are not followed (no loops).
    Skipped in folders: hidden files and folders, Office lock files (``~$…``), cache folders,
    djtext results folders (holding a ``datapackage.json``) and a folder's own notes (README,
    LICENSE, CHANGELOG).
    """
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not _skipped_dir(Path(folder) / d)]
        for name in files:
            path = Path(folder) / name
            if name.startswith((".", "~$")) or path.stem.upper() in _NOT_DOCUMENTS:
                continue
            if path.suffix.lower() in SUPPORTED_SUFFIXES and not path.is_dir():
                found.append(path)  # FIFOs, broken links and link loops too: read_document names the problem
    return sorted(found)


def _skipped_dir(path: Path) -> bool:
    """Hidden and cache folders, and results folders djtext wrote (they hold a ``datapackage.json``)."""
    return path.name.startswith(".") or path.name in _SKIPPED_DIRS or (path / _RESULTS_MARKER).is_file()

def safe_name(name: str) -> str:
    """``name`` printable on one line: undecodable file-name bytes as ``\\xNN``, control characters as ``\\n`` etc."""
    if name.isprintable():
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)

def relative_name(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (posix style), or its file name."""
    if root is None or Path(root).is_file():
        return safe_name(path.name)
    try:
        return safe_name(path.relative_to(root).as_posix())
    except ValueError:
        return safe_name(path.name)
