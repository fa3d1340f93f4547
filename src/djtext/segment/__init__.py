"""Word segmentation and sentence splitting for Chinese text, with the domain lexicons.

Backends are chosen by name (``get_segmenter("jieba")``, ``get_segmenter("hanlp", model=PATH)``)
and all satisfy the :class:`Segmenter` protocol: ``cut(text)`` gives words whose concatenation
is ``text``; ``tokenize(text)`` gives ``(word, start, end)`` with offsets into ``text``.

Lexicon terms are kept whole in two ways (see docs/segmentation.md):

* terms made only of Han characters go into the segmenter's own jieba dictionary;
* terms with digits, Latin letters or punctuation (``1+3+N``, ``12345政务热线``, ``党建+``,
  ``红心·同行``), which jieba's user dictionary does not reliably keep whole (never across
  punctuation), are matched first with an Aho-Corasick automaton (leftmost-longest) and only the
  text between them is segmented.

Every segmenter owns its tokenizer (never jieba's global one), builds it lazily, caches it per
process and pickles without it, so a process pool can ship segmenters cheaply.

Modules: ``protocol`` (the Segmenter protocol), ``terms`` (lexicon terms, the term matcher),
``protected`` (shared backend logic), ``jieba_backend``, ``hanlp_backend``, ``registry``
(``get_segmenter``), ``sentences`` (``split_sentences``).
"""
from __future__ import annotations

from djtext.segment.hanlp_backend import (DEFAULT_HANLP_MODEL, HANLP_INSTALL_HINT, HanLPSegmenter,
                                          hanlp_expected_folder, host_reachable, resolve_hanlp_model)
from djtext.segment.jieba_backend import JIEBA_ENGINES, JiebaSegmenter, jieba_tokenizer, resolve_jieba_engine
from djtext.segment.protocol import Segmenter, SegmenterUnavailable, Token
from djtext.segment.registry import available_segmenters, get_segmenter, register_segmenter
from djtext.segment.sentences import split_sentences
from djtext.segment.terms import (MAX_TERM_LENGTH, NON_DICTIONARY_LEXICONS, TERM_COLUMNS, TERMS_LEXICON,
                                  USER_TERM_FREQ, TermMatcher, dictionary_lexicons, is_protected_term,
                                  lexicon_terms)

__all__ = ["DEFAULT_HANLP_MODEL", "HANLP_INSTALL_HINT", "HanLPSegmenter", "hanlp_expected_folder", "host_reachable",
           "resolve_hanlp_model", "JIEBA_ENGINES", "JiebaSegmenter", "jieba_tokenizer", "resolve_jieba_engine",
           "Segmenter", "SegmenterUnavailable", "Token", "available_segmenters", "get_segmenter",
           "register_segmenter", "split_sentences", "MAX_TERM_LENGTH", "NON_DICTIONARY_LEXICONS", "TERM_COLUMNS",
           "TERMS_LEXICON", "USER_TERM_FREQ", "TermMatcher", "dictionary_lexicons", "is_protected_term",
           "lexicon_terms"]
