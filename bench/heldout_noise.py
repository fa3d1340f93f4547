"""A held-out noise generator for the cleaner, made independently of tests/noise.py.

It composes a printed compilation of short articles (one or two pages each) from an invented phrase
grammar (its own places, names and brands, none from any real corpus), lays it out as a PDF text
layer would come out (hard-wrapped at 18–34 characters, page breaks with blank lines, alternating
running headers with page numbers: the journal's name on even pages, the article's short title on odd
pages) and corrupts it with OCR spacing, half-width punctuation, HTML entities (also cut by a wrap),
full-width digits and radical look-alikes.

``generate(seed)`` returns a :class:`Held` with the clean paragraphs and the noisy text; the bench
``bench/bench_clean_heldout.py`` scores the cleaner on it.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

PLACES = ["松溪县", "云岭镇", "白沙区", "桐江市", "梅岗乡", "石门街道", "青禾县", "柳湾镇"]
BODIES = ["政协", "政协党组", "政协机关党支部", "政协委员联络组", "政协文史委", "政协提案委", "政协农业农村委"]
PEOPLE = ["林小禾", "周远帆", "沈向晴", "何立川", "苏望舒", "陆青岚", "韩子墨", "宋知远"]
BRANDS = ["暖心议事厅", "田埂协商会", "红枫驿站", "同心石榴籽", "有事好商量", "委员连心桥", "山海同心", "乡音恳谈室"]
TOPICS = ["农村人居环境整治", "老旧小区加装电梯", "山区学校午餐改善", "古村落保护利用", "茶产业提质增效",
          "城乡公交一体化", "独居老人关爱服务", "河道生态修复", "夜间经济发展", "基层医疗服务能力提升"]
VERBS = ["聚焦", "围绕", "紧扣", "着眼"]
ACTIONS = ["深入田间地头开展调研", "召开专题协商会", "组织委员走访群众", "邀请相关部门面对面交流",
           "形成调研报告并报送党委政府", "建立问题清单和责任清单", "推动意见建议落地见效", "开展民主监督"]
RESULTS = ["群众的获得感明显增强", "一批难题得到有效解决", "相关建议被有关部门采纳", "协商成果转化率不断提高",
           "基层治理效能持续提升", "委员履职积极性进一步激发"]
NUMS = ["{n}场次", "{n}条意见建议", "{n}个议题", "{n}名委员", "{n}户群众", "{n}万元", "{n}%"]
JOURNALS = ["溪山政协", "同心论坛", "协商之窗", "履职纵横"]
COLUMNS = ["委员风采", "基层协商", "履职故事", "调研视窗", "党建园地"]
HEADINGS = [
    "坚持党建引领，把协商民主融入基层治理全过程",
    "搭建议事平台，让群众的事由群众商量着办",
    "健全工作机制，推动协商成果转化落地",
    "加强自身建设，提升委员履职能力和水平",
    "创新方式方法，拓展委员联系群众的渠道",
]
NUMERALS = "一二三四五"
RADICALS = {"长": "⻓", "门": "⻔", "见": "⻅", "风": "⻛", "车": "⻋", "言": "⾔", "金": "⾦", "马": "⻢",
            "龙": "⻰", "鱼": "⻥", "青": "⻘", "食": "⻝"}
ASCII_PUNCT = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"}


@dataclass
class Held:
    """One held-out document: its clean paragraphs (one per item) and its noisy text."""

    clean: list[str]
    noisy: str


def _number(rng: random.Random) -> str:
    shape = rng.choice(NUMS)
    return shape.format(n=rng.choice([rng.randint(3, 98), rng.randint(100, 2400), f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"]))


def _sentence(rng: random.Random) -> str:
    place, body = rng.choice(PLACES), rng.choice(BODIES)
    kind = rng.randrange(5)
    if kind == 0:
        return (f"{place}{body}{rng.choice(VERBS)}{rng.choice(TOPICS)}，{rng.choice(ACTIONS)}，"
                f"{rng.choice(ACTIONS)}，{rng.choice(RESULTS)}。")
    if kind == 1:
        return (f"{rng.randint(2019, 2025)}年以来，{body}依托“{rng.choice(BRANDS)}”平台，累计开展协商{_number(rng)}，"
                f"收集{_number(rng)}，{rng.choice(RESULTS)}。")
    if kind == 2:
        a, b, c = rng.sample(ACTIONS, 3)
        return f"在{rng.choice(TOPICS)}工作中，委员们{a}、{b}，并{c}。"
    if kind == 3:
        return (f"{rng.choice(PEOPLE)}委员说：“{rng.choice(RESULTS)}，这让我们更有信心把"
                f"{rng.choice(TOPICS)}这件事办好。”")
    return f"据统计，全年共{rng.choice(ACTIONS)}{_number(rng)}，涉及{_number(rng)}，编印《{rng.choice(TOPICS)}协商成果汇编》。"


def _paragraph(rng: random.Random, lead: str = "") -> str:
    return lead + "".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def make_article(rng: random.Random) -> tuple[str, list[str]]:
    """An article: its short title (for the running header) and its items (title, byline, headings, paragraphs)."""
    brand = rng.choice(BRANDS)
    short = f"擦亮“{brand}”品牌" if rng.random() < 0.5 else f"{rng.choice(PLACES)}{rng.choice(TOPICS)}"
    title = short + rng.choice(["的实践与思考", "工作纪实", "——基层协商民主的生动实践", ""])
    items = [title, f"{rng.choice(PLACES)}政协 {rng.choice(PEOPLE)}"]
    sections = rng.sample(HEADINGS, rng.randint(1, 3))
    for n, heading in enumerate(sections):
        if len(sections) > 1:
            items.append(f"{NUMERALS[n]}、{heading}")
        for k in range(rng.randint(1, 3)):
            lead = f"{NUMERALS[k]}是{rng.choice(ACTIONS)}。" if rng.random() < 0.3 else ""
            items.append(_paragraph(rng, lead))
    return short, items


def _entities(text: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.5:
        return text
    text = text.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("——", "&mdash;&mdash;")
    return text.replace("、", "&#12289;") if style > 0.9 else text


def _half_width(text: str, rng: random.Random, rate: float) -> str:
    return "".join(ASCII_PUNCT[c] if c in ASCII_PUNCT and rng.random() < rate else c for c in text)


def _full_width(text: str, rng: random.Random, rate: float) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() and c.isascii() and rng.random() < rate else c for c in text)


def _look_alikes(text: str, rng: random.Random, rate: float) -> str:
    return "".join(RADICALS[c] if c in RADICALS and rng.random() < rate else c for c in text)


_KEEP_TOGETHER = re.compile(r"&#?[A-Za-z0-9]+;?|^[A-Za-z0-9]*;|[A-Za-z]+")
"""Entities (also the halves a wrap cut) and Latin words: an OCR layer does not space them out."""


def _ocr_spaces(line: str, rng: random.Random, rate: float) -> str:
    """Spaces after characters, as an OCR layer puts them (not inside a Latin word or an entity)."""
    if not rate:
        return line
    inside = set()
    for m in _KEEP_TOGETHER.finditer(line):
        inside.update(range(m.start(), m.end() - 1))
    out = []
    for i, char in enumerate(line):
        out.append(char)
        if i not in inside and rng.random() < rate:
            out.append(" ")
    return "".join(out).rstrip(" ")


def _wrap(item: str, width: int) -> list[str]:
    return [item[i:i + width] for i in range(0, len(item), width)]


def generate(seed: int) -> Held:
    """A held-out noisy compilation of two to four short articles, and its clean paragraphs."""
    rng = random.Random(f"heldout-{seed}")
    width = rng.randint(18, 34)
    page_lines = rng.randint(16, 30)
    journal = rng.choice(JOURNALS)
    spacing = rng.choice([0.0, 0.0, 0.05, 0.15, 0.4])
    punct, digits, radicals = rng.choice([0.0, 0.5, 0.9]), rng.choice([0.0, 0.6]), rng.choice([0.0, 0.5])
    column = rng.choice(COLUMNS)
    clean: list[str] = []
    body: list[tuple[str, str]] = []  # (printed line, running title of its article)
    for _ in range(rng.randint(2, 4)):
        short, items = make_article(rng)
        clean.extend(items)
        for item in items:
            printed = _entities(_look_alikes(_full_width(_half_width(item, rng, punct), rng, digits), rng, radicals), rng)
            body.extend((line, short) for line in _wrap(printed, width))
    page = rng.randint(3, 60)
    lines: list[str] = []
    for start in range(0, len(body), page_lines):
        chunk = body[start:start + page_lines]
        if start:
            lines.extend([""] * rng.randint(1, 3))
        if page % 2 == 0:
            header = f"{page}  {journal}" if rng.random() < 0.5 else f"{page}  {journal} · {column}"
        else:
            header = f"{chunk[0][1]}  {page}"
        lines.append(header)
        lines.extend([""] * rng.randint(0, 2))
        lines.extend(line for line, _ in chunk)
        page += 1
    noisy = "\n".join(_ocr_spaces(line, rng, spacing) for line in lines) + "\n"
    return Held(clean, noisy)


if __name__ == "__main__":
    import sys

    print(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0).noisy)
