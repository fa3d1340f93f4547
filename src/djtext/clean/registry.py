"""The ordered registry of named fixers (like ftfy's fixes): order matters, each sees the text the
previous ones left."""
from __future__ import annotations

from djtext.clean.fix_boilerplate import fix_boilerplate, fix_spam
from djtext.clean.fix_headers import fix_page_headers
from djtext.clean.fix_html import fix_html_entities, fix_html_tags, fix_mojibake
from djtext.clean.fix_lines import fix_inline_headings, fix_line_breaks, fix_run_together_paragraphs
from djtext.clean.fix_markdown import fix_markdown
from djtext.clean.fix_ocr import fix_ocr_garbage
from djtext.clean.fix_punct import fix_punctuation_width, fix_quotes
from djtext.clean.fix_script import convert_t2s, fix_fullwidth_ascii, fix_pinyin_annotations, fix_radicals, fix_t2s_auto
from djtext.clean.fix_spacing import fix_spacing
from djtext.clean.fix_whitespace import fix_layout, fix_whitespace
from djtext.clean.runner import Fixer

T2S = "t2s"
"""Name of the Traditional→Simplified fixer (automatic by default; ``clean_text(t2s=...)`` forces it)."""

FIXERS: tuple[Fixer, ...] = (
    Fixer("whitespace", "normalise line breaks and odd spaces, drop invisible and control characters", fix_whitespace),
    Fixer("html_entities", "decode HTML entities, also without & or ; (ldquo; &nbsp) and & & joiners", fix_html_entities),
    Fixer("html_tags", "remove stray HTML tags (block tags become line breaks)", fix_html_tags),
    Fixer("mojibake", "remove mojibake fragments: ?shù (a lost character's pinyin), ?/p>, U+FFFD", fix_mojibake),
    Fixer("pinyin_annotations", "strip pinyin in brackets after characters: 政協(xié) → 政協", fix_pinyin_annotations),
    Fixer(T2S, "Traditional → Simplified (OpenCC t2s) when the document is mostly Traditional", fix_t2s_auto),
    Fixer("radicals", "CJK radical and compatibility look-alikes to ordinary characters: ⻄ ⻓ ⽂ → 西 长 文", fix_radicals),
    Fixer("fullwidth_ascii", "full-width digits and letters to half-width: １２３ → 123", fix_fullwidth_ascii),
    Fixer("markdown", "markdown **bold** and # headings to plain text, kept as bold / heading marks", fix_markdown),
    Fixer("boilerplate", "remove page chrome: breadcrumbs, menus, datelines, page markers, credits, link lists", fix_boilerplate),
    Fixer("spam", "remove short spam lines (URL, app download, gambling, contact ads); flag doubtful ones", fix_spam),
    Fixer("page_headers", "remove running page headers/footers that repeat with changing page numbers", fix_page_headers,
          settle="repeat"),
    Fixer("ocr_garbage", "flag obvious OCR garbage (lone letters, stray glued digits, symbol junk)", fix_ocr_garbage),
    Fixer("run_together_paragraphs", "split paragraphs a web copy ran together into one long line", fix_run_together_paragraphs),
    Fixer("inline_headings", "put numbered headings that run into their paragraph on their own line", fix_inline_headings),
    Fixer("line_breaks", "join hard-wrapped lines and page-break splits; keep paragraph breaks and headings", fix_line_breaks,
          settle="repeat", printed=True),
    Fixer("punctuation", "half-width , ; : ? ! ( ) . in Chinese text to full-width", fix_punctuation_width, settle="follow"),
    Fixer("quotes", "every quote style (\" ' 「」 『』, mismatched) to “ ” and ‘ ’, paired by position", fix_quotes, settle="follow"),
    Fixer("spacing", "remove spaces between Han characters and around Chinese punctuation (names keep theirs)", fix_spacing, settle="follow"),
    Fixer("layout", "one paragraph per line: strip line edges, drop blank lines, collapse spaces", fix_layout, settle="follow"),
)

FORCED_T2S = Fixer(T2S, "Traditional → Simplified (OpenCC t2s), forced", convert_t2s)
