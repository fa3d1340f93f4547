"""Ingestion: formats, encodings, bad files, folders, the sample corpus and the real corpus."""
from __future__ import annotations

import shared_paths as _shared
import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from djtext.corpus import (
    SUPPORTED_SUFFIXES,
    NotTextError,
    decode_bytes,
    detect_encoding,
    iter_files,
    read_document,
)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
EXPECTED = ROOT / "tests" / "expected"
GOLD_RAW = ROOT / "tests" / "gold_raw"
SHARED_CORPUS = _shared.CORPUS

SIMPLIFIED = (
    "近年来，某县政协党组坚持把党的政治建设摆在首位，全力打造“同心·履职”党建品牌，"
    "推动党建工作与履职工作深度融合。一是强化理论武装，落实“第一议题”制度；"
    "二是建强组织体系，实行“1+3+N”联系机制，实现“两个全覆盖”。\n"
)
TRADITIONAL = (
    "近年來，某縣政協黨組堅持把黨的政治建設擺在首位，全力打造「同心履職」黨建品牌，"
    "推動黨建工作與履職工作深度融合。一是強化理論武裝，落實「第一議題」制度；"
    "二是建強組織體系，實行「1+3+N」聯繫機制，實現「兩個全覆蓋」。\n"
)

# file name, expected encoding, expected format (the sample corpus; see data/raw/README.md)
SAMPLE_FILES = {
    "01_gulou_nanjing.txt": ("gb18030", "txt"),
    "02_yinan_linyi.html": ("utf-8", "html"),
    "03_liling_zhuzhou.md": ("utf-16-le", "md"),
    "04_jiangle_sanming.txt": ("utf-8", "txt"),
    "05_yangshuo_guilin.txt": ("big5", "txt"),
    "06_meitan_zunyi.pdf": ("", "pdf"),
    "07_xxian_anon.docx": ("utf-8", "docx"),
    "08_fengxiang_baoji.txt": ("utf-16-be", "txt"),
}


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED.replace("·", ""), "gb2312", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),  # no BOM
        (TRADITIONAL, "utf-16-le", "utf-16-le"),
        (SIMPLIFIED, "utf-32", "utf-32-le"),
    ],
)
def test_text_file_encodings_are_detected_and_decoded(tmp_path, text, codec, expected):
    path = write(tmp_path / "doc.txt", text.encode(codec))
    doc = read_document(path)
    assert doc.error is None
    assert doc.encoding == expected
    assert doc.text == text
    assert doc.format == "txt"


@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-16-le", "utf-16-be"])
def test_short_texts_are_detected(codec):
    text = (TRADITIONAL if codec == "big5" else SIMPLIFIED)[:40]
    assert decode_bytes(text.encode(codec), detect_encoding(text.encode(codec))) == text


def test_utf16_bom_is_stripped_from_the_text():
    data = "\ufeff政协党组".encode("utf-16-be")
    assert detect_encoding(data) == "utf-16-be"
    assert decode_bytes(data, "utf-16-be") == "政协党组"


def test_big5_is_not_mistaken_for_gb18030_although_both_decode():
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # FACTS.md: every Big5 file also decodes as GB18030
    assert detect_encoding(data) == "big5"


def test_gbk_traditional_text_stays_gb18030():
    assert detect_encoding(TRADITIONAL.replace("「", "“").replace("」", "”").encode("gb18030")) == "gb18030"


def test_detect_encoding_rejects_binary():
    with pytest.raises(NotTextError):
        detect_encoding(random.Random(1).randbytes(4000))


HAN_POOL = [bytes((a, b)).decode("gb2312", "ignore") for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFF)]
HAN_POOL = [c for c in HAN_POOL if len(c) == 1]  # GB2312 level 1: the 3755 commonest Simplified characters
PUNCT_POOL = list("，。、；：“”（）《》！？") + list("0123456789abc \n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chars=st.lists(st.sampled_from(HAN_POOL + PUNCT_POOL), min_size=30, max_size=300),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]),
)
def test_detect_encoding_round_trips_random_chinese(chars, codec):
    text = "".join(chars)
    han = [c for c in text if c in HAN_POOL]
    # short, mostly-ASCII or repetitive texts carry too little evidence to tell encodings apart
    assume(len(han) >= 20 and len(set(han)) >= 10)
    if codec == "big5":
        import opencc

        text = opencc.OpenCC("s2tw").convert(text)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        assume(False)  # a character the codec cannot hold (Big5 lacks some)
    encoding = detect_encoding(data)
    assert decode_bytes(data, encoding) == text


# --- formats --------------------------------------------------------------------------------


def test_markdown_is_read_as_is(tmp_path):
    text = "# 标题\n\n**一是强化政治引领。**推动“两个维护”。\n"
    doc = read_document(write(tmp_path / "a.md", text.encode("utf-8")))
    assert (doc.text, doc.format, doc.encoding) == (text, "md", "utf-8")


HTML_PAGE = """<html><head><meta charset="{charset}"><title>某政协网</title>
<script>var secret_script_text = 1;</script><style>.a{{color:red}}</style></head><body>
<nav><a href="/">首页</a> | <a href="/a">政协要闻</a> | <a href="/b">委员风采</a></nav>
<div class="top">欢迎访问某政协网 设为首页 加入收藏</div>
<article><h1>某县政协：打造“同心”党建品牌</h1>
<p>近年来，某县政协党组坚持以党建引领履职，<b>一是强化政治引领。</b>深入学习贯彻党的创新理论，
推动“两个维护”落到实处，把党的领导贯穿政协工作全过程各方面，不断提高履职能力和水平。</p>
<h2>二、搭建履职平台</h2>
<p><strong>二是搭建平台。</strong>建立“委员会客厅”，开展协商议事活动三十余次，收集意见建议一百多条，
推动解决了一批群众急难愁盼问题，得到了群众的广泛好评和充分肯定。</p></article>
<footer>版权所有 某县政协 备案号 00000000</footer></body></html>"""


@pytest.mark.parametrize(("charset", "codec", "expected"), [("utf-8", "utf-8", "utf-8"), ("gbk", "gbk", "gb18030")])
def test_html_main_text_keeps_headings_and_bold(tmp_path, charset, codec, expected):
    doc = read_document(write(tmp_path / "page.htm", HTML_PAGE.format(charset=charset).encode(codec)))
    assert doc.error is None
    assert (doc.format, doc.encoding) == ("html", expected)
    assert "# 某县政协：打造“同心”党建品牌" in doc.text
    assert "**一是强化政治引领。**" in doc.text
    assert "## 二、搭建履职平台" in doc.text
    assert "secret_script_text" not in doc.text
    assert "政协要闻" not in doc.text and "版权所有" not in doc.text


def test_html_without_charset_declaration_is_detected(tmp_path):
    page = HTML_PAGE.replace('<meta charset="{charset}">', "")
    doc = read_document(write(tmp_path / "page.html", page.encode("gb18030")))
    assert doc.encoding == "gb18030"
    assert "委员会客厅" in doc.text


def test_html_with_a_wrong_charset_declaration_is_detected(tmp_path):
    doc = read_document(write(tmp_path / "page.html", HTML_PAGE.format(charset="utf-8").encode("gbk")))
    assert doc.encoding == "gb18030"
    assert "委员会客厅" in doc.text


def test_html_in_utf16_with_bom(tmp_path):
    doc = read_document(write(tmp_path / "page.html", HTML_PAGE.format(charset="utf-16").encode("utf-16")))
    assert doc.encoding == "utf-16-le"
    assert "委员会客厅" in doc.text and "\ufeff" not in doc.text


def test_html_with_no_main_text_falls_back_to_visible_text(tmp_path):
    page = "<html><head><script>var x = 1;</script></head><body><div>政协党组</div></body></html>"
    doc = read_document(write(tmp_path / "tiny.html", page.encode("utf-8")))
    assert doc.error is None
    assert "政协党组" in doc.text and "var x" not in doc.text


def make_docx(path: Path) -> Path:
    """A small .docx with a heading, a bold lead, a table and a plain paragraph."""
    import docx

    document = docx.Document()
    document.add_heading("某县政协党组工作报告", level=1)
    para = document.add_paragraph()
    para.add_run("一是强化政治引领。").bold = True
    para.add_run("落实“第一议题”制度。")
    document.add_heading("二、主要做法", level=2)
    table = document.add_table(rows=2, cols=2)
    for k, text in enumerate(["每月一次集中学习", "每季度一次主题党日", "每半年一次委员述职", "每年一次履职评议"]):
        table.cell(k // 2, k % 2).text = text
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "合并单元格"
    document.add_paragraph("最后一段。")
    document.save(path)
    return path


def test_docx_paragraphs_headings_bold_and_tables_in_order(tmp_path):
    doc = read_document(make_docx(tmp_path / "report.docx"))
    assert doc.error is None and doc.format == "docx"
    assert doc.text.splitlines() == [
        "# 某县政协党组工作报告",
        "**一是强化政治引领。**落实“第一议题”制度。",
        "## 二、主要做法",
        "每月一次集中学习",
        "每季度一次主题党日",
        "每半年一次委员述职",
        "每年一次履职评议",
        "合并单元格",
        "最后一段。",
    ]


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF; ``lines`` drawn with the built-in CID font (empty list: a drawing only)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 200, 200)
    pdf.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        pdf.drawString(50, 800 - 20 * i, line)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_layer_is_read(tmp_path):
    doc = read_document(make_pdf(tmp_path / "a.pdf", ["湄潭县政协“茶乡红·协商兴”党建品牌", "⻄部⻓效⽂化 1+3+N"]))
    assert doc.error is None and doc.format == "pdf"
    assert doc.text.splitlines() == ["湄潭县政协“茶乡红·协商兴”党建品牌", "⻄部⻓效⽂化 1+3+N"]


# --- bad inputs -----------------------------------------------------------------------------


def corrupt_docx_bytes() -> bytes:
    """A zip that is not a Word document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word file")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("binary.txt", lambda p: write(p, random.Random(7).randbytes(5000)), "binary file"),
        ("nul.txt", lambda p: write(p, b"\x00\x01\x02\x03" * 300), "binary file"),
        ("png.md", lambda p: write(p, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "binary file"),
        ("empty.txt", lambda p: write(p, b""), "empty file"),
        ("blank.md", lambda p: write(p, b" \n\r\n\t "), "empty file"),
        ("renamed.docx", lambda p: write(p, "这不是Word文件".encode("utf-8") * 50), "corrupt .docx"),
        ("notword.docx", lambda p: write(p, corrupt_docx_bytes()), "corrupt .docx"),
        ("truncated.docx", lambda p: write(p, make_docx(p.with_name("ok.docx")).read_bytes()[:900]), "corrupt .docx"),
        ("scan.pdf", lambda p: make_pdf(p, []), "PDF has no text layer"),
        ("broken.pdf", lambda p: write(p, b"%PDF-1.4\n garbage garbage \n%%EOF"), ".pdf"),
        ("empty.html", lambda p: write(p, b""), "empty file"),
    ],
)
def test_bad_files_give_a_one_line_error(tmp_path, name, make, reason):
    path = make(tmp_path / name)
    doc = read_document(path)
    assert doc.error, f"{name} should fail"
    assert reason in doc.error
    assert "\n" not in doc.error and len(doc.error) <= 200
    assert doc.text == ""
    assert doc.path == name


def test_missing_file_gives_an_error(tmp_path):
    doc = read_document(tmp_path / "nope.txt")
    assert doc.error and "cannot read" in doc.error


def test_a_bad_file_does_not_stop_a_folder(tmp_path):
    write(tmp_path / "a.txt", SIMPLIFIED.encode("gbk"))
    write(tmp_path / "b.docx", b"garbage")
    write(tmp_path / "c.txt", b"")
    write(tmp_path / "d.txt", TRADITIONAL.encode("big5"))
    docs = [read_document(p, tmp_path) for p in iter_files(tmp_path)]
    assert [(d.path, d.error is None) for d in docs] == [("a.txt", True), ("b.docx", False), ("c.txt", False), ("d.txt", True)]


# --- folders --------------------------------------------------------------------------------


def test_iter_files_walks_a_folder_sorted_and_skips_hidden_and_unsupported(tmp_path):
    for rel in ["b/2.txt", "b/1.md", "a.html", "c/d/e.pdf", "x.docx", "notes.csv", "image.png",
                ".hidden.txt", ".git/config.txt", "b/.cache/z.txt", "~$lock.docx", "README.md", "__pycache__/m.txt",
                "results/datapackage.json", "results/notes.txt"]:
        write(tmp_path / rel, b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert found == ["a.html", "b/1.md", "b/2.txt", "c/d/e.pdf", "x.docx"]
    assert all(p.suffix in SUPPORTED_SUFFIXES for p in iter_files(tmp_path))


def test_iter_files_on_a_file_and_a_missing_path(tmp_path):
    f = write(tmp_path / "only.txt", b"x")
    assert iter_files(f) == [f]
    assert iter_files(tmp_path / "missing") == []


def test_read_document_paths_are_relative_to_the_root(tmp_path):
    f = write(tmp_path / "sub" / "doc.txt", SIMPLIFIED.encode("utf-8"))
    assert read_document(f, tmp_path).path == "sub/doc.txt"
    assert read_document(f).path == "doc.txt"
    assert read_document(f, f).path == "doc.txt"
    assert read_document(f, tmp_path).source == str(f)


# --- the sample corpus ----------------------------------------------------------------------


def test_sample_corpus_has_the_documented_files():
    assert [p.name for p in iter_files(RAW)] == sorted(SAMPLE_FILES)
    assert sum(p.stat().st_size for p in RAW.iterdir()) < 200_000


@pytest.mark.parametrize("name", sorted(SAMPLE_FILES))
def test_sample_file_reads_with_expected_encoding_and_format(name):
    doc = read_document(RAW / name, RAW)
    assert doc.error is None
    assert (doc.encoding, doc.format) == SAMPLE_FILES[name]
    han = sum(1 for c in doc.text if "\u4e00" <= c <= "\u9fff")
    assert han >= 600
    assert (EXPECTED / f"{Path(name).stem}.txt").exists()


@pytest.mark.parametrize("name", sorted(SAMPLE_FILES))
def test_sample_gold_evidence_is_in_the_raw_text(name):
    gold = json.loads((GOLD_RAW / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    assert gold["doc"] == name
    raw = read_document(RAW / name).text
    for section in ("units", "brands", "lists", "practices"):
        for item in gold[section]:
            assert item["evidence"] in raw, (section, item)
            assert 8 <= len(item["evidence"]) <= 60
    expected = (EXPECTED / f"{Path(name).stem}.txt").read_text(encoding="utf-8")
    for f in gold["formulations"]:
        assert expected.count(f["text"]) == f["count"]


def test_sample_corpus_covers_five_provinces_and_three_encodings():
    provinces = set()
    for path in GOLD_RAW.glob("*.json"):
        provinces.update(u["province"] for u in json.loads(path.read_text(encoding="utf-8"))["units"] if u["province"])
    assert len(provinces) >= 5
    assert len({enc for enc, _ in SAMPLE_FILES.values() if enc}) >= 3
    assert {"html", "docx", "pdf"} <= {fmt for _, fmt in SAMPLE_FILES.values()}


def test_sample_corpus_is_up_to_date_with_its_generator():
    script = ROOT / "scripts" / "make_sample_corpus.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the real corpus ------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not present on this machine")
def test_every_real_corpus_file_reads():
    files = iter_files(SHARED_CORPUS)
    assert files
    for path in files:
        doc = read_document(path, SHARED_CORPUS)
        assert doc.error is None, (path, doc.error)
        assert doc.encoding == "utf-8"
        assert len(doc.text) > 1000
        assert doc.text == path.read_bytes().decode("utf-8")
