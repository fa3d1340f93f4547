#!/usr/bin/env python3
"""Build the noisy sample corpus data/raw/ from the clean originals in tests/expected/.

The texts are invented for the project. Each clean original (one paragraph per line) is
corrupted with the noise classes a researcher meets in newspaper pages, PDFs, OCR scans and
scraped web copies, then written in its own format and encoding. Deterministic: every random
choice comes from a generator seeded with the document's name, so re-running gives the same bytes.

usage: python scripts/make_sample_corpus.py [--check]   (--check: verify data/raw is up to date)
"""
from __future__ import annotations

import argparse
import html
import io
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "expected"
RAW = ROOT / "data" / "raw"

HAN = re.compile(r"[\u4e00-\u9fff]")
HALF_WIDTH = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?", "！": "!"}
PINYIN = {
    "協": "xié", "發": "fā", "機": "jī", "關": "guān", "會": "huì", "黨": "dǎng", "員": "yuán",
    "導": "dǎo", "體": "tǐ", "產": "chǎn", "業": "yè", "議": "yì", "開": "kāi", "織": "zhī",
    "學": "xué", "習": "xí", "論": "lùn", "點": "diǎn", "設": "shè", "實": "shí", "與": "yǔ",
}


def rng_for(name: str) -> random.Random:
    """A random generator seeded by the document name (stable across runs and Python versions)."""
    return random.Random(zlib.crc32(name.encode("utf-8")))


def expected_lines(stem: str) -> list[str]:
    """The clean original of ``stem``: one paragraph or heading per line."""
    return (EXPECTED / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


# --- noise makers (pure functions of text and a random generator) ------------------------


def space_between_han(text: str, rng: random.Random, rate: float) -> str:
    """OCR spacing: a space between some pairs of Han characters and around Chinese punctuation."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt and (HAN.match(ch) or ch in "，。、；") and (HAN.match(nxt) or nxt in "，。、；") and rng.random() < rate:
            out.append(" ")
    return "".join(out)


def half_width_punct(text: str, rng: random.Random, rate: float) -> str:
    """Replace some full-width punctuation by its ASCII form."""
    return "".join(HALF_WIDTH[ch] if ch in HALF_WIDTH and rng.random() < rate else ch for ch in text)


def ascii_quotes(text: str, rng: random.Random) -> str:
    """Curly quotes become ASCII or mismatched pairs ("X", "X”, “X")."""
    def swap(m: re.Match) -> str:
        style = rng.choice(["ascii", "left", "right", "keep"])
        inner = m.group(1)
        return {"ascii": f'"{inner}"', "left": f'"{inner}”', "right": f'“{inner}"', "keep": m.group(0)}[style]
    return re.sub(r"“([^“”]{1,20})”", swap, text)


def letter_spaced(text: str) -> str:
    """A title printed with a space between its characters."""
    return " ".join(text)


NO_LINE_START = set("，。、；：？！”’）》")


def hard_wrap(text: str, width: int) -> list[str]:
    """Cut a paragraph into lines of ``width`` characters (the last one shorter); as a typesetter
    does, closing punctuation never starts a line but stays at the end of the previous one."""
    lines: list[str] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + width)
        while j < len(text) and text[j] in NO_LINE_START:
            j += 1
        lines.append(text[i:j])
        i = j
    return lines or [""]


def add_pinyin(text: str, rng: random.Random, rate: float) -> str:
    """Mirror-site annotations: pinyin in brackets after some Traditional characters."""
    return "".join(f"{ch}({PINYIN[ch]})" if ch in PINYIN and rng.random() < rate else ch for ch in text)


def to_traditional(text: str) -> str:
    """Simplified → Traditional (Taiwan characters) that converts back to ``text`` exactly."""
    import opencc

    trad = opencc.OpenCC("s2tw").convert(text)
    back = opencc.OpenCC("t2s").convert(trad)
    if back != text:
        bad = next(i for i, (a, b) in enumerate(zip(text, back)) if a != b)
        raise SystemExit(f"t2s(s2tw(x)) != x near {text[max(0, bad - 5):bad + 5]!r}: reword the original")
    return trad


def corner_quotes(text: str, rng: random.Random) -> str:
    """Some “X” become 「X」 or “ X ” (spaces inside quotes); a nested ‘Y’ inside becomes 『Y』."""
    def swap(m: re.Match) -> str:
        inner = m.group(1)
        style = rng.choice(["corner", "corner", "spaced", "keep"])
        if "‘" in inner:
            style = "corner"
        if style == "corner":
            return "「" + inner.replace("‘", "『").replace("’", "』") + "」"
        return f"“ {inner} ”" if style == "spaced" else m.group(0)
    return re.sub(r"“([^“”]{1,20})”", swap, text)


def full_width_digits(text: str) -> str:
    """ASCII digits as full-width digits (１２３)."""
    return text.translate({ord(d): ord(d) - 0x30 + 0xFF10 for d in "0123456789"})


# --- the documents ------------------------------------------------------------------------


def doc_gulou(stem: str) -> bytes:
    """Newspaper OCR (GB18030): letter-spaced title, lines wrapped every 20 characters, spaces between
    Han characters, running page header with a changing page number, a word split by a page break,
    an OCR garbage letter."""
    rng = rng_for(stem)
    lines = expected_lines(stem)
    out = [letter_spaced(lines[0]), lines[1]]
    for i, para in enumerate(lines[2:]):
        if i in (4, 5, 6):
            para = space_between_han(para, rng, 0.25)
        if i == 2:
            para = para.replace("党员委员增强", "党员 l 委员增强")
        out.extend(hard_wrap(para, 20) if len(para) > 20 else [para])
    # page 2 starts with a blank line and its running header; page 3 starts inside the word 责任
    # (a blank line cuts it); the header of page 3 is printed further down the column
    cut = next(i for i, line in enumerate(out) if "责任分工" in line)
    at = out[cut].index("责任分工") + 1
    out[cut:cut + 1] = [out[cut][:at] + "\n", out[cut][at:]]
    out[24:24] = ["", "政协党建 丨 鼓楼视窗 6"]
    out[58:58] = ["政协党建 丨 鼓楼视窗 7"]
    out += ["", "政协党建 丨 鼓楼视窗 8"]
    return ("\n".join(out) + "\n").encode("gb18030")


def doc_yinan(stem: str) -> bytes:
    """A scraped web page (UTF-8 HTML): site chrome, breadcrumb, dateline and font-size controls
    inside the article, bold lead sentences, HTML entities with and without &, a table-rule line,
    an app-download spam line, a photo credit, a reprint disclaimer and a mojibake fragment."""
    lines = expected_lines(stem)
    title, body = lines[0], lines[1:]
    paras = []
    for i, para in enumerate(body):
        esc = html.escape(para, quote=False)
        if i == 0:
            esc = esc.replace("“沂蒙红·同心圆”", "&amp;amp;ldquo;沂蒙红·同心圆&amp;amp;rdquo;") + "?/p>"
        if i == 1:
            esc = esc.replace("“沂蒙讲堂”", "ldquo;沂蒙讲堂rdquo;")
        if i == 3:
            esc = esc.replace("推动解决群众急难愁盼问题90余个。", "推动解决群众急难愁盼问题90余个。&amp; &amp;")
        m = re.match(r"^(突出..。)(.*)$", esc)
        if m:
            esc = f"<strong>{m.group(1)}</strong>{m.group(2)}"
        if i == 2:
            esc = esc.replace("全面推行", "全面推行&amp;amp;nbsp;")
        paras.append(f"<p>{esc}</p>")
        if i == 2:
            paras.append("<p>（沂南县政协办公室供图）</p>")
            paras.append("<p>下载“沂蒙新闻”APP，看更多精彩资讯 http://app.example.cn/download?from=zx</p>")
        if i == 4:
            paras.append("<p>| ||||</p>")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_地方政协_政协在线</title>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
<style>.nav{{color:#c00}}</style></head>
<body>
<div class="top">欢迎访问政协在线 | 设为首页 | 加入收藏 | 手机版</div>
<nav class="nav"><a href="/">首页</a> <a href="/zx/">政协要闻</a> <a href="/df/">地方政协</a> <a href="/wy/">委员风采</a></nav>
<div class="main"><article>
<div class="crumb">首页 &gt; 地方政协 &gt; 山东</div>
<h1>{html.escape(title, quote=False)}</h1>
<div class="info">2023-06-12 10:21:05 来源：沂南县政协办公室 字号：A- A+ 分享到：</div>
{chr(10).join(paras)}
<p>声明：本文转载自沂南县政协办公室，转载请注明出处，如涉及版权问题请联系删除。</p>
</article></div>
<div class="related"><h3>猜你喜欢</h3><ul><li><a href="/a/1.html">某市政协召开党组会议</a></li><li><a href="/a/2.html">委员读书活动启动</a></li></ul></div>
<footer>版权所有：政协在线 鲁ICP备00000000号 技术支持：某某网络</footer>
</body></html>
"""
    return page.encode("utf-8")


def doc_liling(stem: str) -> bytes:
    """Markdown export (UTF-16-LE with BOM): # headings, **bold** lead sentences, half-width
    punctuation and ASCII or mismatched quotes."""
    rng = rng_for(stem)
    lines = expected_lines(stem)
    out = [f"# {half_width_punct(lines[0], rng, 1.0)}", ""]
    for line in lines[1:]:
        if re.match(r"^[一二三四五六七八九十]、", line):
            out += [f"## {line}", ""]
            continue
        line = re.sub(r"([一二三四]是[^。]{2,20}。)", r"**\1**", line)
        line = ascii_quotes(half_width_punct(line, rng, 0.5), rng)
        out += [line, ""]
    return b"\xff\xfe" + "\n".join(out).encode("utf-16-le")


def doc_jiangle(stem: str) -> bytes:
    """A Traditional-script mirror copy (UTF-8): pinyin in brackets after characters, page chrome,
    a gambling spam line, a URL and mojibake fragments."""
    rng = rng_for(stem)
    lines = [to_traditional(line) for line in expected_lines(stem)]
    out = [
        "首頁 > 地方政協 > 福建",
        add_pinyin(lines[0], rng, 0.6),
        "2022-08-16 15:30:12 來源：人民政協網 【字號 大 中 小】 A- A+",
    ]
    for i, para in enumerate(lines[1:]):
        para = add_pinyin(para, rng, 0.35)
        if i == 1:
            para += " ?shù"
        out.append(para)
        if i == 2:
            out.append("澳門百家樂 線上娛樂城 註冊即送888 www.bet-88game.com")
    out.append("（責任編輯：陳某）")
    out.append("本站部分文章來自互聯網，版權歸原作者所有，如有侵權請聯繫刪除。")
    return ("\n".join(out) + "\n").encode("utf-8")


def doc_yangshuo(stem: str) -> bytes:
    """A Traditional repost (Big5): 「」『』 and spaced quotes, full-width digits, indented paragraphs."""
    rng = rng_for(stem)
    lines = [to_traditional(line) for line in expected_lines(stem)]
    out = [corner_quotes(lines[0], rng)]
    for para in lines[1:]:
        out.append("\u3000\u3000" + full_width_digits(corner_quotes(para, rng)))
    return ("\r\n".join(out) + "\r\n").encode("big5")


def doc_meitan(stem: str) -> bytes:
    """A PDF page layout (text layer): lines of 24 characters, a running header and a page-number
    footer on every page, CJK radical look-alikes (⻄ ⻓ ⽂) instead of 西 长 文."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    lines = expected_lines(stem)
    radicals = str.maketrans({"西": "\u2ec4", "长": "\u2ed3", "文": "\u2f42"})
    layout: list[str] = []
    for line in lines:
        layout.extend(hard_wrap(line.translate(radicals), 24) if len(line) > 24 else [line.translate(radicals)])
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A5, invariant=1)
    per_page = 18
    for page_no, start in enumerate(range(0, len(layout), per_page), start=1):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(40, A5[1] - 30, "湄潭政协 · 茶乡党建")
        pdf.setFont("STSong-Light", 12)
        y = A5[1] - 60
        for text in layout[start:start + per_page]:
            pdf.drawString(40, y, text)
            y -= 26
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(A5[0] / 2 - 10, 25, f"- {page_no} -")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def doc_xxian(stem: str) -> bytes:
    """A Word report (.docx) of an anonymised unit: Heading styles, bold item heads, a table,
    half-width punctuation and spaces between Han characters in some paragraphs."""
    import docx

    rng = rng_for(stem)
    lines = expected_lines(stem)
    document = docx.Document()
    document.core_properties.author = "djtext"
    table_at = next(i for i, line in enumerate(lines) if line.endswith("活动安排"))
    document.add_heading(lines[0], level=1)
    for i, line in enumerate(lines[1:table_at + 1], start=1):
        if re.match(r"^[一二三四五六七八九十]、", line):
            document.add_heading(line, level=2)
        elif re.match(r"^（[一二三四五六七八九十]）", line):
            document.add_paragraph().add_run(line).bold = True
        else:
            if line.startswith(("党组坚持", "在全县乡镇")):
                line = half_width_punct(line, rng, 0.7)
            if line.startswith("按照"):
                line = space_between_han(line, rng, 0.2)
            document.add_paragraph(line)
    cells = lines[table_at + 1:]
    table = document.add_table(rows=2, cols=2)
    for k, text in enumerate(cells):
        table.cell(k // 2, k % 2).text = text
    buf = io.BytesIO()
    document.save(buf)
    return _stable_zip(buf.getvalue())


def doc_fengxiang(stem: str) -> bytes:
    """A text export (UTF-16-BE without BOM): full-width digits, every quote style, HTML entities
    in plain text, an app-download spam line with a URL."""
    rng = rng_for(stem)
    lines = expected_lines(stem)
    out = []
    for i, line in enumerate(lines):
        line = line.replace("“金点子”", '"金点子"').replace("“回头看”", '"回头看”')
        line = line.replace("“提案+调研”", "&quot;提案+调研&quot;")
        if i >= 2:
            line = corner_quotes(line, rng)
        if re.match(r"^\d\.", line):
            line = full_width_digits(line[:1]) + line[1:]
        if i == 2:
            line = "&nbsp;&nbsp;" + line
        out.append(line)
        if i == 4:
            out.append("扫码下载“秦川头条”APP，新用户领取红包 https://t.example.cn/a8Kx2")
    return ("\n".join(out) + "\n").encode("utf-16-be")


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the .docx bytes are the same on every run."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            body = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


DOCUMENTS = {
    "01_gulou_nanjing.txt": doc_gulou,
    "02_yinan_linyi.html": doc_yinan,
    "03_liling_zhuzhou.md": doc_liling,
    "04_jiangle_sanming.txt": doc_jiangle,
    "05_yangshuo_guilin.txt": doc_yangshuo,
    "06_meitan_zunyi.pdf": doc_meitan,
    "07_xxian_anon.docx": doc_xxian,
    "08_fengxiang_baoji.txt": doc_fengxiang,
}


def build() -> dict[str, bytes]:
    """The bytes of every sample file, by file name."""
    return {name: make(Path(name).stem) for name, make in DOCUMENTS.items()}


def main(argv: list[str] | None = None) -> int:
    """Write data/raw/ (or, with --check, report files that differ from a fresh build)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify that data/raw is up to date")
    args = parser.parse_args(argv)
    files = build()
    if args.check:
        stale = [n for n, b in files.items() if not (RAW / n).exists() or (RAW / n).read_bytes() != b]
        for name in stale:
            print(f"stale: data/raw/{name}")
        return 1 if stale else 0
    RAW.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (RAW / name).write_bytes(data)
        print(f"data/raw/{name}: {len(data)} bytes")
    print(f"total {sum(map(len, files.values()))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
