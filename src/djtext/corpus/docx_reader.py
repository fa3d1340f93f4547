"""The paragraphs and tables of a .docx, bold runs as ``**`` and headings as ``#``; zip bombs refused."""
from __future__ import annotations

import io
import re
import zipfile

from djtext.corpus.errors import NotTextError, one_line

MAX_DOCX_INFLATED = 256 * 2**20  # a .docx whose parts inflate to more is refused (zip bomb)
MAX_DOCX_RATIO = 200  # ... and so is one inflating more than 200-fold (text XML compresses ~5-20×)
MIN_RATIO_CHECK = 32 * 2**20  # the ratio is only checked past this inflated size


def read_docx(data: bytes) -> str:
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
        raise NotTextError(one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
    except Exception as exc:  # noqa: BLE001 - lxml errors and the like
        raise NotTextError(one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
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
        raise NotTextError(one_line(f"corrupt .docx: {type(exc).__name__}: {exc}")) from exc
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
