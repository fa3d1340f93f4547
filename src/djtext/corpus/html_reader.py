"""The main text of an HTML page (trafilatura; lxml and a flat parse as fallbacks) and its encoding."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from djtext.corpus.encoding import BOMS, decode_bytes, detect_encoding, strip_bom

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def read_html(data: bytes) -> tuple[str, str]:
    """Main text of an HTML page as markdown-ish text (headings ``#``, bold ``**``) and its encoding."""
    encoding = _declared_html_charset(data)
    if encoding:
        try:
            html = strip_bom(data, encoding).decode(encoding)
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
    for bom, name in BOMS:
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
