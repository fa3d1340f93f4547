"""Tests of djtext.segment.jieba_backend: offsets, isolation, pickling, process pools."""
from __future__ import annotations

import shared_paths as _shared
import pickle
from concurrent.futures import ProcessPoolExecutor
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from djtext.segment import JiebaSegmenter, Segmenter, get_segmenter, split_sentences


CORPUS = _shared.CORPUS


HARD_TERMS = ["1+3+N", "12345政务热线", "三会一课", "两个维护", "第一议题制度", "党建+", "1+4", "红心·同行", "E政协"]


def test_tokens_cover_the_corpus_exactly():
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS}")
    seg = get_segmenter()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        tokens = seg.tokenize(text)
        assert "".join(w for w, _, _ in tokens) == text
        assert all(text[s:e] == w for w, s, e in tokens)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政协党建三会一课1+3N12345 \n。，“”《》……！？abc\t的两个维护")), max_size=80))
def test_tokenize_offsets_property(text):
    seg = get_segmenter(lexicon=HARD_TERMS)
    tokens = seg.tokenize(text)
    assert "".join(w for w, _, _ in tokens) == text
    position = 0
    for word, start, end in tokens:
        assert start == position and end > start and text[start:end] == word
        position = end


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_tokenize_covers_arbitrary_unicode(text):
    tokens = get_segmenter(lexicon=HARD_TERMS).tokenize(text)
    assert "".join(w for w, _, _ in tokens) == text


def test_segmenters_with_different_lexicons_do_not_interfere():
    import jieba_fast_dat

    plain = JiebaSegmenter([], engine="jieba_fast_dat")
    custom = JiebaSegmenter(["葵未辰党建"], engine="jieba_fast_dat")
    text = "打造葵未辰党建品牌"
    assert "葵未辰党建" in custom.cut(text)
    assert "葵未辰党建" not in plain.cut(text)
    assert "葵未辰党建" not in jieba_fast_dat.lcut(text)  # the global tokenizer is untouched
    assert custom.tokenizer is not plain.tokenizer


def test_jieba_classic_isolated_from_global_tokenizer():
    import jieba

    custom = JiebaSegmenter(["葵未辰党建"], engine="jieba")
    assert "葵未辰党建" in custom.cut("打造葵未辰党建品牌")
    assert "葵未辰党建" not in jieba.lcut("打造葵未辰党建品牌")


def test_pickle_drops_the_tokenizer_and_rebuilds_it():
    seg = JiebaSegmenter(HARD_TERMS)
    before = seg.cut("推行1+3+N工作法，落实三会一课")
    data = pickle.dumps(seg)
    assert len(data) < 10_000  # the dictionary is not shipped
    clone = pickle.loads(data)
    assert clone._tokenizer is None
    assert clone.cut("推行1+3+N工作法，落实三会一课") == before


def _cut_in_worker(segmenter: Segmenter, text: str) -> list[str]:
    return segmenter.cut(text)


def test_segmenter_works_in_a_process_pool():
    seg = get_segmenter(lexicon=HARD_TERMS)
    text = "推行1+3+N工作法，开通12345政务热线"
    with ProcessPoolExecutor(max_workers=1) as pool:
        assert pool.submit(_cut_in_worker, seg, text).result(timeout=60) == seg.cut(text)


def _sentences(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, **kw)]


def test_no_split_inside_quotes_or_titles():
    text = "他说：“第一。第二！”随后印发《关于加强建设。的意见》并落实。"
    assert _sentences(text) == ["他说：“第一。第二！”", "随后印发《关于加强建设。的意见》并落实。"]


def test_repeated_end_marks_stay_together():
    assert _sentences("什么？！怎么会这样。。好") == ["什么？！", "怎么会这样。。", "好"]
    assert _sentences("“好！”。下一句") == ["“好！”。", "下一句"]


def test_line_breaks_are_hard_boundaries_and_unclosed_quotes_do_not_swallow_lines():
    text = "第一行没有句号\n“第二行引号没关。后面还有\n第三行。"
    assert _sentences(text) == ["第一行没有句号", "“第二行引号没关。", "后面还有", "第三行。"]


def test_semicolon_is_optional():
    text = "一是加强学习；二是改进作风；三是狠抓落实。"
    assert len(_sentences(text)) == 1
    assert _sentences(text, semicolon=True) == ["一是加强学习；", "二是改进作风；", "三是狠抓落实。"]
