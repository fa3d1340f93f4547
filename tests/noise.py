"""A noise generator for the cleaner: clean paragraphs of the genre (written for this project) are
corrupted by the noise classes the cleaner handles, and scored with CER and paragraph-break F1.

Used by tests/test_clean_noise.py and runnable on its own: ``python tests/noise.py [N]`` prints
the per-noise-class scores over N generated documents.
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass

import numpy as np

TITLES = [
    "凝心聚力建新功 同心筑梦谱新篇",
    "党建引领聚合力 协商履职谱新篇",
    "以高质量党建引领政协工作高质量发展",
    "打造“红石榴·同心圆”党建品牌的实践与思考",
]

HEADINGS = [
    "一、坚持政治引领，筑牢思想根基",
    "二、创新平台载体，激发履职活力",
    "三、健全制度机制，提升工作质效",
    "四、加强队伍建设，展现委员担当",
    "（一）突出“党建+协商”融合发展",
    "（二）深化“1+3+N”工作体系",
    "（三）打造“委员之家”履职阵地",
    "青山县政协：建强“三个阵地” 服务基层群众",
    "河湾区政协党组书记 王立新",
]

PARAGRAPHS = [
    "近年来，青山县政协党组坚持用党的创新理论武装头脑、指导实践，把党的政治建设摆在首位，"
    "围绕“同心向党·协商为民”党建品牌，推动党建工作与履职工作深度融合，取得了明显成效。",
    "县政协机关党支部全面落实“三会一课”、主题党日等制度，每月开展一次集中学习，2023年累计组织专题学习"
    "24次，撰写心得体会300余篇，党员干部的政治判断力、政治领悟力、政治执行力不断提升。",
    "我们搭建“委员会客厅”“民生议事堂”等协商平台，推动协商向基层延伸。一年来，围绕老旧小区改造、"
    "农村饮水安全等群众关心的问题开展协商42场次，形成协商成果18项，其中12项被党委政府采纳。",
    "为提升履职实效，县政协创新实施“1+3+N”工作机制，即以1个党组为核心，3个专委会分党组为支撑，"
    "N个委员活动小组为延伸，形成上下贯通、左右协同的工作格局。",
    "围绕数字经济发展，政协委员深入企业开展调研，提出“加快建设工业互联网平台，推动制造业向4.0转型”"
    "等建议，相关意见被纳入全县“十四五”规划，服务热线12345的办理满意度提高到96.5%。",
    "河湾区政协把党的建设贯穿履职全过程，建立党组成员联系界别、党员委员联系党外委员“两个全覆盖”制度，"
    "推动党员委员在协商议政中亮身份、作表率，引导广大委员在凝聚共识中发挥作用。",
    "一是强化理论武装。坚持把学习贯彻党的二十大精神作为首要政治任务，通过读书班、专题讲座、"
    "交流研讨等形式，引导委员深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”。",
    "二是健全组织体系。在专委会设立功能型党支部6个，在界别组建党员活动小组11个，实现党的组织和"
    "党的工作对政协委员全覆盖，党员委员参加活动率达到98%以上。",
    "三是丰富活动载体。开展“请你来协商”“委员走基层”系列活动，组织委员进社区、进企业、进乡村，"
    "面对面听取群众意见，帮助解决实际困难260余件，群众满意度持续提升。",
    "实践证明，只有坚持党的领导，把党的领导落实到政协工作全过程各方面，才能确保政协事业始终沿着"
    "正确方向前进。下一步，我们将继续擦亮党建品牌，为谱写高质量发展新篇章贡献政协力量。",
    "2022年5月，市政协党组印发《关于加强新时代政协党的建设的实施意见》，明确了12项重点任务，"
    "对党组、机关党组、专委会分党组的职责分工作出规定，推动政协党建工作制度化、规范化、程序化。",
    "委员工作室是政协联系群众的重要阵地。全县共建成委员工作室23个，每个工作室由3至5名委员组成，"
    "每季度至少开展一次接待活动，及时收集社情民意信息，累计报送信息150余条。",
    "在抗击洪涝灾害中，广大党员委员冲锋在前，捐款捐物价值达80万元，彰显了新时代政协委员的责任担当。",
    "会上，县政协主席李建华指出，要深刻认识加强政协党建工作的重大意义，以党建“红色引擎”激活履职"
    "“一池春水”，努力在服务中心大局中展现新作为。",
    "他强调，各级政协党组织要对标对表中央要求，抓好学习教育、组织建设、作风建设，切实把党的政治优势"
    "和组织优势转化为履职优势，推动政协工作提质增效。",
    "据统计，活动开展以来，全市各级政协共组织协商活动1200余场，参与委员超过5000人次，"
    "形成调研报告86篇，为党委政府科学决策提供了有力参考。",
]

BOILERPLATE_TOP = [
    "欢迎访问青山新闻网！ 新闻 政务 视频 专题 图片 评论",
    "当前位置：首页 > 政协工作 > 党建园地",
    "首页 >> 地方政协 >> 正文",
    "2023-06-18 10:25:41 来源：青山日报",
    "发布时间：2022-11-02 来源：县政协办公室 作者：张敏",
    "【字体：大 中 小】 【打印】 【关闭】",
    "A- A+ 字号变大 | 字号变小",
    "第03版：要闻",
    "| ||||",
]
BOILERPLATE_BOTTOM = [
    "本报记者 赵明 摄",
    "版权所有：青山县政协办公室 未经授权禁止转载",
    "责任编辑：刘芳",
    "推荐访问：党建工作总结 政协履职",
    "上一篇：县政协召开常委会议",
]
SPAM = [
    "下载青山新闻APP，领取新人红包",
    "http://www.example-mirror.com/news/2023/0618.html",
    "澳门百家乐 注册送彩金 体育投注",
]
RADICALS = {"西": "⻄", "长": "⻓", "门": "⻔", "见": "⻅", "风": "⻛", "车": "⻋", "文": "⽂", "金": "⾦", "青": "⻘"}
HEADERS = [
    ("协商论坛", "专题研究"),
    ("政协通讯", "党建园地"),
]


@dataclass
class Sample:
    """One generated document: its clean paragraphs, its noisy text and the noise classes applied."""

    clean: list[str]
    noisy: str
    noises: tuple[str, ...]


def make_document(rng: random.Random) -> list[str]:
    """A clean document: a title, headings and paragraphs, one per item."""
    doc = [rng.choice(TITLES)]
    paras = rng.sample(PARAGRAPHS, rng.randint(5, 9))
    heads = iter(rng.sample(HEADINGS, 4))
    for i, para in enumerate(paras):
        if i % 3 == 0:
            doc.append(next(heads))
        doc.append(para)
    return doc


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


_HAN = re.compile(r"[\u4e00-\u9fff]")


def hard_wrap(paras: list[str], rng: random.Random, width: int, blank_between: bool) -> list[str]:
    """Wrap every paragraph at ``width`` characters; paragraphs separated by nothing or a blank line."""
    lines: list[str] = []
    indent = rng.random() < 0.5
    for para in paras:
        chunk = _wrap(("　　" if indent and len(para) > 40 else "") + para, width)
        lines.extend(chunk)
        if blank_between:
            lines.append("")
    return lines


def _header(style: str, a: str, b: str, page: int) -> str:
    if style == "dash":
        return f"— {page} —"
    if style == "dot":
        return f"{a} · 第{page}页"
    if style == "bare":
        return str(page)
    return f"{a} I {b} {page}" if page % 2 else f"{page} {b} I {a}"


def page_breaks(lines: list[str], rng: random.Random, every: int, glued: bool) -> list[str]:
    """Insert page breaks (blank lines) with a running header and page number every ``every`` lines."""
    a, b = rng.choice(HEADERS)
    style = rng.choice(["pair", "pair", "dash", "dot", "bare"]) if not glued else "pair"
    out: list[str] = []
    page = rng.randint(2, 30)
    for i, line in enumerate(lines):
        if i and i % every == 0:
            page += 1
            header = _header(style, a, b, page)
            if glued and line:
                out += ["", header + line]
                continue
            out += ["", header, ""]
        out.append(line)
    return out


def ocr_spacing(text: str, rng: random.Random, rate: float) -> str:
    """Insert spaces between characters and around punctuation the way OCR layers do."""
    out = []
    for char in text:
        out.append(char)
        if char != "\n" and rng.random() < rate:
            out.append(" ")
    return "".join(out)


_WIDE_TO_ASCII = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")"}


def half_width_punct(text: str, rng: random.Random) -> str:
    """Turn Chinese punctuation into ASCII, quotes into ASCII / corner / mismatched forms."""
    style = rng.choice(["ascii", "corner", "mixed"])
    out = []
    for char in text:
        if char in _WIDE_TO_ASCII and rng.random() < 0.7:
            out.append(_WIDE_TO_ASCII[char])
        elif char in "“”":
            if style == "ascii":
                out.append('"')
            elif style == "corner":
                out.append("「" if char == "“" else "」")
            else:
                out.append('"' if char == "“" and rng.random() < 0.5 else char)
        else:
            out.append(char)
    return "".join(out)


def fullwidth_digits(text: str, rng: random.Random) -> str:
    """Digits and Latin letters to full-width forms."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() and rng.random() < 0.8 else c for c in text)


def html_residue(text: str, rng: random.Random) -> str:
    """Quotes as entities (some without &), &nbsp; runs, stray tags."""
    text = text.replace("“", rng.choice(["&ldquo;", "ldquo;"])).replace("”", rng.choice(["&rdquo;", "rdquo;"]))
    text = text.replace("——", "&mdash;&mdash;")
    lines = text.split("\n")
    for i in range(len(lines)):
        if lines[i] and rng.random() < 0.3:
            lines[i] = rng.choice(["<p>", "&nbsp;&nbsp;", "<span style=\"font-size:16px\">"]) + lines[i] + rng.choice(["</p>", "", "</span>"])
    return "\n".join(lines)


def radicals(text: str, rng: random.Random) -> str:
    """Replace some characters by their radical look-alikes."""
    return "".join(RADICALS[c] if c in RADICALS and rng.random() < 0.6 else c for c in text)


def boilerplate(lines: list[str], rng: random.Random) -> list[str]:
    """Add page chrome above and below the text, and a spam line."""
    top = rng.sample(BOILERPLATE_TOP, 4)
    bottom = rng.sample(BOILERPLATE_BOTTOM, 3)
    body = list(lines)
    body.insert(rng.randint(2, max(2, len(body) - 1)), rng.choice(SPAM))
    return top + [""] + body + [""] + bottom + ["猜你喜欢", "县政协召开党建工作推进会", "市政协调研委员工作室建设"]


def markdown(paras: list[str], rng: random.Random) -> list[str]:
    """Headings as ``#`` lines and bold lead sentences as ``**…**``."""
    out = []
    for i, para in enumerate(paras):
        if i == 0 or para in HEADINGS:
            out.append("#" * (1 if i == 0 else 2) + " " + para)
        elif "。" in para[:-1] and rng.random() < 0.5:
            lead, rest = para.split("。", 1)
            out.append(f"**{lead}。**{rest}")
        else:
            out.append(para)
    return out


def letter_spaced_title(paras: list[str]) -> list[str]:
    """The title letter-spaced: ``工 作 报 告``."""
    return [" ".join(paras[0])] + paras[1:]


NOISES = ("wrap", "page_break", "header", "spacing", "punct", "fullwidth", "html", "radicals",
          "boilerplate", "markdown", "letter_spaced")


PRINT_NOISES = ("wrap", "page_break", "header", "spacing", "punct", "fullwidth", "radicals", "letter_spaced")
"""Noise of printed sources (PDF text layers, OCR): mixed together in one document."""
WEB_NOISES = ("html", "boilerplate", "punct", "fullwidth", "radicals", "markdown")
"""Noise of scraped web copies: mixed together in one document."""


def corrupt(paras: list[str], rng: random.Random, noises: tuple[str, ...]) -> str:
    """Apply the named noise classes to a clean document and return the noisy text."""
    items = list(paras)
    if "markdown" in noises:
        items = markdown(items, rng)
    if "letter_spaced" in noises and "markdown" not in noises:
        items = letter_spaced_title(items)
    if "wrap" in noises:
        lines = hard_wrap(items, rng, rng.randint(16, 42), rng.random() < 0.5)
    else:
        lines = []
        for item in items:
            lines += [item, ""] if rng.random() < 0.5 else [item]
    if "page_break" in noises or "header" in noises:
        lines = page_breaks(lines, rng, rng.randint(9, 25), glued="header" in noises and rng.random() < 0.5)
    if "boilerplate" in noises:
        lines = boilerplate(lines, rng)
    text = "\n".join(lines)
    if "punct" in noises:
        text = half_width_punct(text, rng)
    if "fullwidth" in noises:
        text = fullwidth_digits(text, rng)
    if "html" in noises:
        text = html_residue(text, rng)
    if "radicals" in noises:
        text = radicals(text, rng)
    if "spacing" in noises:
        text = ocr_spacing(text, rng, rng.choice([0.05, 0.3, 0.9]))
    return text


def generate(seed: int, noises: tuple[str, ...] | None = None) -> Sample:
    """One sample: a clean document and its corruption by ``noises`` (random classes when None)."""
    rng = random.Random(seed)
    paras = make_document(rng)
    if noises is None:
        family = PRINT_NOISES if rng.random() < 0.5 else WEB_NOISES
        noises = tuple(n for n in family if rng.random() < 0.6) or family[:1]
    return Sample(paras, corrupt(paras, rng, noises), noises)


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings (numpy row recurrence with a cumulative-minimum trick)."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    bv = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1)
    prev = idx.copy()
    for i, char in enumerate(a, start=1):
        cost = (bv != ord(char)).astype(np.int64)
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        cur = np.minimum.accumulate(cur - idx) + idx
        prev = cur
    return int(prev[-1])


_WS = re.compile(r"\s+")


def cer(expected: str, got: str) -> float:
    """Character error rate with whitespace ignored."""
    e, g = _WS.sub("", expected), _WS.sub("", got)
    return levenshtein(e, g) / max(1, len(e))


def _breaks(paragraphs: list[str]) -> list[int]:
    positions, total = [], 0
    for para in paragraphs[:-1]:
        total += len(_WS.sub("", para))
        positions.append(total)
    return positions


def break_f1(expected: list[str], got: list[str], tolerance: int = 3) -> float:
    """F1 of paragraph breaks, located by the count of non-space characters before them."""
    exp, pred = _breaks([p for p in expected if p.strip()]), _breaks([p for p in got if p.strip()])
    if not exp and not pred:
        return 1.0
    used: set[int] = set()
    hits = 0
    for p in pred:
        for j, e in enumerate(exp):
            if j not in used and abs(p - e) <= tolerance:
                used.add(j)
                hits += 1
                break
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(exp) if exp else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(samples: list[Sample]) -> tuple[float, float]:
    """Micro CER and mean paragraph-break F1 of the cleaner over ``samples``."""
    from djtext.clean import clean_text

    errors = chars = 0
    f1s = []
    for sample in samples:
        expected = "\n".join(sample.clean)
        got = clean_text(sample.noisy).text
        e = _WS.sub("", expected)
        errors += levenshtein(e, _WS.sub("", got))
        chars += len(e)
        f1s.append(break_f1(sample.clean, got.split("\n")))
    return errors / max(1, chars), sum(f1s) / max(1, len(f1s))


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    for noise in NOISES:
        c, f = score([generate(seed, (noise,)) for seed in range(n)])
        print(f"{noise:14s} CER {c:.4%}  break-F1 {f:.3f}")
    c, f = score([generate(1000 + seed) for seed in range(n)])
    print(f"{'mixed':14s} CER {c:.4%}  break-F1 {f:.3f}")
