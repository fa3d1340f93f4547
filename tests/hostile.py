"""Makers of hostile input files (shared by tests/test_hostile.py and bench/bench_hostile.py).

Every maker writes invented text only and returns the path it made. Sizes are parameters so the
tests use small ones and the benchmark large ones.
"""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

SENTENCE = "县政协党组坚持以党建引领委员履职，打造“同心议事”党建品牌，推进“三会一课”制度落实。"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_DOC_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_DOC_TAIL = "</w:body></w:document>"


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def zip_bomb_docx(path: Path, inflated_bytes: int = 300 * 2**20) -> Path:
    """A .docx whose document.xml inflates to ``inflated_bytes`` (mostly blanks between two paragraphs)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            part.write((_DOC_HEAD + _paragraph(SENTENCE)).encode())
            chunk = b" " * 2**20
            for _ in range(inflated_bytes // len(chunk)):
                part.write(chunk)
            part.write((_paragraph(SENTENCE) + _DOC_TAIL).encode())
    return path


def small_docx(path: Path) -> Path:
    """A normal two-paragraph .docx."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", _DOC_HEAD + _paragraph(SENTENCE) + _paragraph(SENTENCE) + _DOC_TAIL)
    return path


def _pdf_bytes(encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    pdf.setFont("STSong-Light", 12)
    for i in range(3):
        pdf.drawString(72, 760 - 20 * i, SENTENCE)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf(path: Path, password: str = "secret") -> Path:
    """A PDF that needs a user password."""
    path.write_bytes(_pdf_bytes(encrypt=password))
    return path


def owner_only_pdf(path: Path) -> Path:
    """A PDF encrypted with an empty user password (opens without one)."""
    from reportlab.lib import pdfencrypt

    path.write_bytes(_pdf_bytes(encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner")))
    return path


def truncated_pdf(path: Path) -> Path:
    """A PDF cut off in the middle."""
    data = _pdf_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def nested_html(path: Path, depth: int = 100_000) -> Path:
    """An HTML page whose text sits ``depth`` <div>s deep."""
    path.write_text("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    return path


def single_line_html(path: Path, size: int = 10 * 2**20) -> Path:
    """An HTML page of about ``size`` bytes on one line (paragraphs without a single newline)."""
    paragraph = f"<p>{SENTENCE}</p>".encode()
    count = max(1, size // len(paragraph))
    path.write_bytes(b"<html><head><meta charset='utf-8'></head><body><article>" + paragraph * count
                     + b"</article></body></html>")
    return path


def control_and_bidi_text(path: Path) -> Path:
    """Text with C0 controls, a right-to-left override, zero-width and BOM characters inside sentences."""
    text = ("县政协\u202e党组坚持\u202c学习。\n" "打造“同心\u200b议事”党建\u2066品牌\u2069。\n"
            "推进“三会\x07一课”\x08制度\ufeff落实，\u200f委员\x1b履职。\n")
    path.write_text(text, encoding="utf-8")
    return path


PATHOLOGICAL_RUNS = {
    "dun": "、",
    "quotes": "“",
    "digits": "1",
    "han_numbers": "一",
    "dun_numbers": "一、",
    "paren_numbers": "（一）",
    "plus": "1+",
    "brackets": "【",
    "spaces": "　 ",
    "dots": "…",
}


def pathological_text(kind: str, length: int = 20_000) -> str:
    """A sentence, then ``length`` characters of one pathological run, then a sentence (no newline)."""
    unit = PATHOLOGICAL_RUNS[kind]
    return SENTENCE + unit * max(1, length // len(unit)) + SENTENCE + "\n"


def special_files(folder: Path) -> dict[str, Path]:
    """A FIFO, a folder and a symlink loop named *.txt, a broken link and a looping folder link."""
    made = {}
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    made["fifo"] = fifo
    directory = folder / "folder.txt"
    directory.mkdir()
    (directory / "inner.txt").write_text(SENTENCE, encoding="utf-8")
    made["folder"] = directory
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    made["symlink_loop"] = folder / "loop_a.txt"
    (folder / "broken.txt").symlink_to(folder / "missing.txt")
    made["broken_link"] = folder / "broken.txt"
    (folder / "up").symlink_to(folder, target_is_directory=True)
    made["folder_loop"] = folder / "up"
    return made


ODD_NAMES = ("with space.txt", "new\nline.txt", "tab\tand;comma,.txt", "-leading-dash.txt", "=formula.txt")


def odd_named_files(folder: Path) -> list[Path]:
    """Files with spaces, a newline, a tab, shell/CSV-special characters and non-UTF-8 bytes in their names."""
    paths = [folder / name for name in ODD_NAMES]
    paths.append(Path(os.fsdecode(bytes(folder) + b"/gbk_\xd5\xfe\xd0\xad.txt")))  # 政协 in GBK bytes
    for path in paths:
        path.write_text(SENTENCE, encoding="utf-8")
    return paths
