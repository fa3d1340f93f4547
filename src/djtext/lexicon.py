"""Loading the domain lexicons in data/lexicons/ (and user overrides) as plain rows.

Every lexicon is a UTF-8 file named ``NAME.csv`` (with a header row) or ``NAME.txt`` (one entry
per line). Lines starting with ``#`` are comments. A user passes ``--lexicon PATH`` (a file named
like a built-in lexicon, or a folder of such files): its rows are added to the built-in rows of
the lexicon with the same name. A user file must match a built-in lexicon's name, suffix and key
column, so a misspelt name is an error instead of a silently unused file. The one deliberate way
to add a new lexicon is a name starting with ``terms_`` (e.g. ``terms_mywords.txt``): extra words
for the segmenter's user dictionary. The cleaning tables (``clean_*``) are built-in only.
"""
from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

BUILTIN_DIR = Path(__file__).resolve().parent / "data" / "lexicons"
SUFFIXES = (".csv", ".txt")
NEW_LEXICON_PREFIX = "terms_"  # the deliberate way to add a new lexicon: extra segmentation words
BUILTIN_ONLY_PREFIX = "clean_"  # read straight from BUILTIN_DIR by the cleaner: not extendable


class LexiconError(ValueError):
    """A lexicon file that cannot be read or has the wrong shape."""


def _content_lines(text: str) -> list[str]:
    """The lines of ``text`` that are neither blank nor comments (``#`` after leading blanks)."""
    return [line for line in text.splitlines() if (rest := line.lstrip()) and rest[0] != "#"]


def _strip_comments(text: str) -> str:
    return "\n".join(_content_lines(text))


def read_lexicon_file(path: Path) -> list[dict[str, str]]:
    """Read one lexicon file into rows (``.txt`` rows have the single column ``term``)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from exc
    if path.suffix == ".txt":
        return [{"term": line.strip()} for line in _content_lines(text)]
    body = _strip_comments(text)
    if path.suffix != ".csv":
        raise LexiconError(f"{path}: lexicon files must end in .csv or .txt")
    reader = csv.reader(io.StringIO(body))
    header = [name.strip() for name in next(reader, [])]
    if not header:
        raise LexiconError(f"{path}: lexicon CSV has no header row")
    width, rows = len(header), []
    for number, values in enumerate(filter(None, reader), start=2):  # blank rows skipped, as csv.DictReader does
        if len(values) > width:
            raise LexiconError(f"{path}: row {number} has more fields than the header")
        if len(values) < width:  # missing trailing fields are empty
            values += [""] * (width - len(values))
        rows.append(dict(zip(header, [value.strip() for value in values])))
    return rows


def _files_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith("."))
    if path.is_file():
        return [path]
    raise LexiconError(f"{path}: no such lexicon file or folder")


def _user_files_in(path: Path) -> list[Path]:
    """The lexicon files a user gave (a file or a folder), each checked against the built-in lexicons."""
    files = _files_in(path)
    if path.is_dir() and not files:
        raise LexiconError(f"{path}: lexicon folder holds no .csv or .txt file")
    for file in files:
        check_user_lexicon(file)
    return files


@lru_cache(maxsize=1)
def builtin_files() -> dict[str, Path]:
    """The built-in lexicon files by name (file stem)."""
    return {p.stem: p for p in _files_in(BUILTIN_DIR)} if BUILTIN_DIR.is_dir() else {}


def _header(path: Path) -> list[str]:
    """The column names of a lexicon CSV (empty for .txt or a headerless file)."""
    if path.suffix != ".csv":
        return []
    try:
        body = _strip_comments(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from exc
    first = body.splitlines()[0] if body else ""
    return [c.strip() for c in next(csv.reader([first]), [])]


def check_user_lexicon(path: Path) -> None:
    """Raise LexiconError unless ``path`` extends a built-in lexicon (same name, suffix, key column) or is a ``terms_*`` file."""
    builtins = builtin_files()
    name = path.stem
    if path.suffix not in SUFFIXES:
        raise LexiconError(f"{path}: lexicon files must end in .csv or .txt")
    if name.startswith(NEW_LEXICON_PREFIX) and name not in builtins:
        if path.suffix == ".csv" and not set(_header(path)) & {"term", "text", "name"}:
            raise LexiconError(f"{path}: a {NEW_LEXICON_PREFIX}*.csv lexicon needs a term, text or name column")
        return
    known = sorted(n for n in builtins if not n.startswith(BUILTIN_ONLY_PREFIX))
    if name.startswith(BUILTIN_ONLY_PREFIX):
        raise LexiconError(f"{path}: the {name} table is built-in only and cannot be extended with --lexicon")
    if name not in builtins:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}{builtins[close[0]].suffix}? " if close else ""
        raise LexiconError(
            f"{path}: no built-in lexicon is named {name!r}; {hint}name the file after the lexicon it extends "
            f"({', '.join(known)}), or {NEW_LEXICON_PREFIX}{name}{path.suffix} to add segmentation words"
        )
    expected = builtins[name]
    if path.suffix != expected.suffix:
        raise LexiconError(f"{path}: the built-in {name} lexicon is a {expected.suffix} file; name yours {name}{expected.suffix}")
    if expected.suffix == ".csv":
        wanted = _header(expected)
        if wanted and wanted[0] not in _header(path):
            raise LexiconError(f"{path}: needs a header row with the {wanted[0]!r} column (the {name} lexicon's columns: {', '.join(wanted)})")


@dataclass(frozen=True)
class Lexicon:
    """All lexicons by name (file stem), built-in rows first, then user rows."""

    tables: dict[str, tuple[dict[str, str], ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def rows(self, name: str) -> list[dict[str, str]]:
        """The rows of lexicon ``name`` (empty when there is none)."""
        return list(self.tables.get(name, ()))

    def column(self, name: str, column: str = "term") -> list[str]:
        """The non-empty values of one column of lexicon ``name``, first occurrence order."""
        seen: dict[str, None] = {}
        for row in self.tables.get(name, ()):
            value = row.get(column, "")
            if value:
                seen.setdefault(value, None)
        return list(seen)

    def names(self) -> list[str]:
        """Names of all loaded lexicons."""
        return sorted(self.tables)


def load_lexicon(extra: tuple[str, ...] | list[str] = ()) -> Lexicon:
    """Load the built-in lexicons plus user files or folders given in ``extra``."""
    return _load(tuple(str(Path(p).expanduser().resolve()) for p in extra))


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Lexicon:
    tables: dict[str, list[dict[str, str]]] = {}
    files = list(builtin_files().values())
    for item in extra:
        files.extend(_user_files_in(Path(item)))
    for path in files:
        tables.setdefault(path.stem, []).extend(read_lexicon_file(path))
    return Lexicon({k: tuple(v) for k, v in tables.items()}, tuple(str(p) for p in files))


_DERIVED: dict[tuple[int, str], tuple[Lexicon, object]] = {}


def derived(lexicon: Lexicon | None, name: str, build: Callable[[Lexicon], T]) -> T:
    """``build(lexicon)`` computed once per (lexicon, name) and reused (built-in lexicons when None)."""
    lexicon = lexicon if lexicon is not None else load_lexicon()
    key = (id(lexicon), name)
    cached = _DERIVED.get(key)
    if cached is None or cached[0] is not lexicon:
        if len(_DERIVED) > 64:
            _DERIVED.clear()
        cached = (lexicon, build(lexicon))
        _DERIVED[key] = cached
    return cached[1]  # type: ignore[return-value]
