"""Reading files and folders into RawDocuments: formats (.txt .md .html .docx .pdf) and encodings.

``read_document`` never raises for a bad file: it returns a RawDocument whose ``error`` is a
one-line reason (empty file, binary file, corrupt .docx, PDF without a text layer ...).
Encodings of text files are found by ``detect_encoding``: a BOM first, then strict UTF-8, then a
plausibility score over the candidate decodings (UTF-16 without BOM, GB18030, Big5) that counts
common Chinese characters and punctuation, and charset-normalizer as the last resort.
"""
from __future__ import annotations

import errno
import io
import logging
import os
import re
import stat
import warnings
import zipfile
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from djtext.models import RawDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
_SKIPPED_DIRS = {"__pycache__", "node_modules", "site-packages"}
_RESULTS_MARKER = "datapackage.json"  # written by `djtext extract --out`
_NOT_DOCUMENTS = {"README", "LICENSE", "LICENCE", "CHANGELOG"}  # a corpus folder's own notes
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
MAX_DOCX_INFLATED = 256 * 2**20  # a .docx whose parts inflate to more is refused (zip bomb)
MAX_DOCX_RATIO = 200  # ... and so is one inflating more than 200-fold (text XML compresses ~5-20×)
MIN_RATIO_CHECK = 32 * 2**20  # the ratio is only checked past this inflated size
_SAMPLE_BYTES = 64 * 1024
_SAMPLE_CHARS = 20_000
_MIN_PLAUSIBLE = 0.6
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CODEC_NAMES = {
    "utf_8": "utf-8", "utf8": "utf-8", "utf-8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030",
    "gb18030": "gb18030", "cp936": "gb18030", "big5": "big5", "cp950": "big5", "big5hkscs": "big5hkscs",
    "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
    "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be",
}


class NotTextError(ValueError):
    """The bytes are not text in any encoding djtext can recognise."""


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


def read_document(path: Path, root: Path | None = None) -> RawDocument:
    """Read one file; never raises for a bad file but returns a RawDocument whose ``error`` names the problem."""
    path = Path(path)
    rel = _relative_name(path, root)
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
            text, encoding = _read_docx(data), "utf-8"
        elif fmt == "pdf":
            text, encoding = _read_pdf(data), ""
        elif fmt == "html":
            text, encoding = _read_html(data)
        else:
            encoding = detect_encoding(data)
            text = decode_bytes(data, encoding)
    except NotTextError as exc:
        doc.error = str(exc)
        return doc
    except Exception as exc:  # noqa: BLE001 - a bad file must never stop the corpus
        doc.error = _one_line(f"unreadable .{fmt} file: {type(exc).__name__}: {exc}")
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


def detect_encoding(data: bytes) -> str:
    """The normalised name of the encoding of ``data`` (utf-8, utf-8-sig, utf-16-le, gb18030, big5 ...).

    Raises ``NotTextError`` when the bytes look binary.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = _sample(data)
    if b"\x00" in sample:
        return _detect_wide(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text[:_SAMPLE_CHARS]) > 0.05:
            raise NotTextError("binary file (not text)")
        return "utf-8"
    best, best_score = _best_decoding(data, ("gb18030", "big5", "big5hkscs", "cp950", "utf-16-le", "utf-16-be"))
    if best and best_score >= _MIN_PLAUSIBLE:
        return best
    if _control_ratio(sample.decode("latin-1")) > 0.05:
        raise NotTextError("binary file (not text)")
    guessed = _charset_normalizer_guess(data)
    if guessed:
        return guessed
    if best:
        return best
    raise NotTextError("binary file (not text)")


def decode_bytes(data: bytes, encoding: str) -> str:
    """Decode ``data`` with ``encoding`` (a name from ``detect_encoding``), replacing undecodable bytes."""
    data = _strip_bom(data, encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace")


def _strip_bom(data: bytes, encoding: str) -> bytes:
    """``data`` without the byte-order mark of a UTF-16/32 ``encoding`` (utf-8-sig strips its own)."""
    if encoding in ("utf-16-le", "utf-16-be") and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data[2:]
    if encoding in ("utf-32-le", "utf-32-be") and data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return data[4:]
    return data


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common Chinese characters or punctuation."""
    common = _common_chars()
    total = hits = 0
    for ch in text:
        if ch < "\x80":
            continue
        total += 1
        if ch in common or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or "\u2010" <= ch <= "\u2027":
            hits += 1
    return hits / total if total else 0.0


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Common Han characters: GB2312 level 1 (simplified), their Traditional forms and Big5's most frequent."""
    simplified = []
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                simplified.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    chars = set(simplified)
    try:
        import opencc

        chars.update(opencc.OpenCC("s2t").convert("".join(simplified)))
        chars.update(opencc.OpenCC("s2tw").convert("".join(simplified)))
    except Exception:  # noqa: BLE001 - the simplified set alone still separates GB from Big5
        pass
    return frozenset(chars)


def _sample(data: bytes) -> bytes:
    """The first bytes of ``data``, enough to judge an encoding."""
    return data[:_SAMPLE_BYTES]


def _control_ratio(text: str) -> float:
    """Share of C0 control characters (other than tab, newlines, form feed, escape) in ``text``."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    return bad / len(text)


def _detect_wide(data: bytes) -> str:
    """UTF-16 / UTF-32 without a BOM, told apart from binary data by where the NUL bytes fall."""
    sample = _sample(data)
    best, best_score = _best_decoding(data, ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"))
    if best is None or best_score < _MIN_PLAUSIBLE:
        raise NotTextError("binary file (not text)" if sample.count(b"\x00") else "undecodable text")
    return best


def _wide_score(text: str) -> float:
    """Plausibility of a UTF-16/32 decoding: printable ASCII counts as plausible too."""
    if not text:
        return 0.0
    ascii_ok = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\t\n\r")
    non_ascii = sum(1 for ch in text if ch >= "\x80")
    return (ascii_ok + plausibility(text) * non_ascii) / len(text)


def _best_decoding(data: bytes, codecs: tuple[str, ...]) -> tuple[str | None, float]:
    """The codec among ``codecs`` whose strict decoding looks most like Chinese text, with its score."""
    best, best_score = None, -1.0
    for name in codecs:
        if name.startswith("utf-") and len(data) % (4 if "32" in name else 2):
            continue
        try:
            text = data.decode(name)[:_SAMPLE_CHARS]
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.02:
            continue
        score = _wide_score(text) if name.startswith("utf-") else plausibility(text)
        if score > best_score + 1e-9:
            best, best_score = name, score
    return best, best_score


def _charset_normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, as a normalised codec name, or None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a core dependency
        return None
    match = from_bytes(data).best()
    if match is None:
        return None
    return _CODEC_NAMES.get(match.encoding.lower(), match.encoding.lower().replace("_", "-"))


def _relative_name(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` (posix style), or its file name."""
    if root is None or Path(root).is_file():
        return safe_name(path.name)
    try:
        return safe_name(path.relative_to(root).as_posix())
    except ValueError:
        return safe_name(path.name)


def _one_line(message: str, limit: int = 200) -> str:
    """``message`` collapsed to one line of at most ``limit`` characters."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


# --- HTML -----------------------------------------------------------------------------------


def _read_html(data: bytes) -> tuple[str, str]:
    """Main text of an HTML page as markdown-ish text (headings ``#``, bold ``**``) and its encoding."""
    encoding = _declared_html_charset(data)
    if encoding:
        try:
            html = _strip_bom(data, encoding).decode(encoding)
        except (UnicodeDecodeError, LookupError):
            encoding = None  # a wrong declaration (common: "utf-8" on a GBK page): detect instead
    if not encoding:
        encoding = detect_encoding(data)
        html = decode_bytes(data, encoding)
    text = _trafilatura_text(html)
    if not text or not text.strip():
        text = _fallback_html_text(html)
    if not text or not text.strip():  # lxml gives up on very deep nesting: a flat, depth-free parse
        text = _flat_html_text(html)
    return text, encoding


def _declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a BOM or ``<meta charset>``, normalised, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    m = _HTML_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower().replace("_", "-")
    return {"gb2312": "gb18030", "gbk": "gb18030", "utf8": "utf-8", "x-gbk": "gb18030"}.get(name, name)


def _trafilatura_text(html: str) -> str | None:
    """trafilatura's main-text extraction with headings and bold kept as markdown."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )


_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
_DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "head")


def _fallback_html_text(html: str) -> str:
    """Visible text of the page without scripts, styles and navigation, one block per line."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - malformed markup: strip tags by hand as a last resort
        return re.sub(r"<[^>]+>", "", html)
    for tag in _DROP_TAGS:
        for el in tree.iter(tag):
            el.drop_tree()
    lines: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _BLOCK_TAGS:
            lines.append("\n")
        if el.text:
            prefix = "#" * int(tag[1]) + " " if re.fullmatch(r"h[1-6]", tag) else ""
            bold = tag in ("b", "strong")
            lines.append(prefix + (f"**{el.text}**" if bold else el.text))
        if el.tail:
            lines.append(el.tail)
    text = "".join(lines)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class _FlatText(HTMLParser):
    """Visible text of a page from a stream of tags (no tree, so nesting depth costs nothing)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):  # noqa: D102 - HTMLParser hook
        if tag in _DROP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # noqa: D102 - HTMLParser hook
        if tag in _DROP_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: D102 - HTMLParser hook
        if not self.skipping:
            self.parts.append(data)


def _flat_html_text(html: str) -> str:
    """Visible text of the page, one block per line, read without building a tree."""
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


# --- DOCX -----------------------------------------------------------------------------------


def _read_docx(data: bytes) -> str:
    """Paragraphs and table cells of a .docx in document order; bold runs as ``**``, headings as ``#``."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise NotTextError(f"cannot read .docx: {exc}") from exc
    check_zip_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise NotTextError(_one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
    except Exception as exc:  # noqa: BLE001 - lxml errors and the like
        raise NotTextError(_one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_docx_paragraph(Paragraph(child, document)))
        elif tag == "tbl":
            lines.extend(_docx_table(Table(child, document), Paragraph))
    return "\n".join(lines).strip("\n") + "\n"


def check_zip_size(data: bytes, limit: int = MAX_DOCX_INFLATED, ratio: int = MAX_DOCX_RATIO) -> None:
    """Raise NotTextError for a zip (.docx) that would inflate past ``limit`` bytes or ``ratio`` × its size.

    The declared sizes can be trusted as a bound: zipfile stops reading a member at its declared
    size and then fails its CRC check.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise NotTextError(_one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
    if inflated > limit or (inflated > MIN_RATIO_CHECK and inflated > ratio * max(1, len(data))):
        raise NotTextError(
            f"refused .docx: it would inflate to {inflated / 2**20:.0f} MB from {len(data) / 2**20:.1f} MB "
            f"(a zip bomb? the limit is {limit // 2**20} MB, {ratio}-fold)"
        )


def _docx_table(table, paragraph_cls) -> list[str]:
    """Lines of a table, row by row, each merged cell once."""
    lines: list[str] = []
    seen: list = []  # the cell elements themselves: merged cells repeat the same element
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            for para in cell.paragraphs:
                line = _docx_paragraph(para)
                if line.strip():
                    lines.append(line)
    return lines


def _docx_heading_level(paragraph) -> int:
    """1-6 for a Heading / 标题 / Title style, else 0."""
    try:
        name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except Exception:  # noqa: BLE001 - broken style references
        return 0
    if name.lower() == "title":
        return 1
    m = re.match(r"(?i)(?:heading|标题)\s*(\d)", name)
    return min(6, int(m.group(1))) if m else 0


def _docx_paragraph(paragraph) -> str:
    """One paragraph's text; bold runs wrapped in ``**``; a heading prefixed with ``#``."""
    level = _docx_heading_level(paragraph)
    pieces: list[tuple[bool, str]] = []
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        bold = bool(run.bold) and not level
        if pieces and (pieces[-1][0] == bold or not text.strip()):
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + text)
        else:
            pieces.append((bold, text))
    if not pieces:
        text = paragraph.text
    else:
        text = "".join(f"**{t}**" if bold and t.strip() else t for bold, t in pieces)
    if level and text.strip():
        return "#" * level + " " + text.strip()
    return text


# --- PDF ------------------------------------------------------------------------------------


def _read_pdf(data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise NotTextError("encrypted PDF (needs a password)")
            pages = [page.extract_text() or "" for page in reader.pages]
        except NotTextError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            raise NotTextError(_one_line(f"corrupt .pdf: {type(exc).__name__}: {exc}")) from exc
    pages = [p.strip("\n") for p in pages]
    if not any(p.strip() for p in pages):
        raise NotTextError("PDF has no text layer (a scan? run OCR first)")
    return "\n\n".join(pages) + "\n"
