"""Tests of djtext.segment: jieba backend, lexicon terms as single tokens, isolation, sentences."""
from __future__ import annotations

import shared_paths as _shared
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.lexicon import load_lexicon
from djtext.segment import (
    JiebaSegmenter,
    Segmenter,
    SegmenterUnavailable,
    TermMatcher,
    available_segmenters,
    get_segmenter,
    is_protected_term,
    lexicon_terms,
    split_sentences,
)

CORPUS = _shared.CORPUS
ENGINES = ["jieba_fast_dat", "jieba"]

# Terms of the kinds jieba's user dictionary is known to break: digits, "+", long Han terms.
HARD_TERMS = ["1+3+N", "12345政务热线", "三会一课", "两个维护", "第一议题制度", "党建+", "1+4", "红心·同行", "E政协"]
CARRIERS = [
    "{}",
    "我们认真落实{}的要求。",
    "推行“{}”工作法",
    "关于{}的第3号通知",
    "各级党组织把{}作为重点",
]


def _token_at(segmenter: Segmenter, text: str, term: str, start: int) -> bool:
    return (term, start, start + len(term)) in segmenter.tokenize(text)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("hmm", [True, False])
def test_hard_lexicon_terms_are_single_tokens(engine, hmm):
    seg = JiebaSegmenter(HARD_TERMS, engine=engine, hmm=hmm)
    for term in HARD_TERMS:
        for carrier in CARRIERS:
            text = carrier.format(term)
            assert _token_at(seg, text, term, carrier.index("{}")), (term, seg.cut(text))


def test_digit_terms_are_not_cut_out_of_longer_numbers():
    seg = JiebaSegmenter(["1+3+N", "12345政务热线"])
    assert "1+3+N" not in seg.cut("推行11+3+N模式")
    assert "12345政务热线" not in seg.cut("拨打912345政务热线")
    assert "1+3+N" in seg.cut("推行1+3+N模式")


@pytest.mark.parametrize("engine", ENGINES)
def test_without_protection_jieba_breaks_terms_with_punctuation(engine):
    """The failure the protection exists for: jieba's user dictionary cannot join across '·'."""
    import importlib

    tokenizer = importlib.import_module(engine).Tokenizer()
    tokenizer.initialize()
    tokenizer.add_word("红心·同行", 100000)
    assert "红心·同行" not in tokenizer.lcut("打造红心·同行品牌")
    assert "红心·同行" in JiebaSegmenter(["红心·同行"], engine=engine).cut("打造红心·同行品牌")


@pytest.mark.parametrize("engine", ENGINES)
def test_every_builtin_term_is_a_single_token(engine):
    """terms.txt entries stay whole in context; every dictionary term stays whole on its own."""
    seg = JiebaSegmenter(engine=engine)
    lexicon = load_lexicon()
    own = lexicon_terms(lexicon.column("terms"))
    assert "三会一课" in own and "政协党组" in own and len(own) > 150
    for term in own:
        for carrier in CARRIERS[:3]:
            text = carrier.format(term)
            assert _token_at(seg, text, term, carrier.index("{}")), (term, seg.cut(text))
    for term in seg.terms:
        assert seg.cut(term) == [term]


def test_lexicon_terms_reads_other_lexicons_and_skips_regions_and_patterns(tmp_path):
    (tmp_path / "formulations.csv").write_text("# test\ntext,number\n四下基层,4\n两个全覆盖,2\n", encoding="utf-8")
    (tmp_path / "terms_places.csv").write_text("term,category\n议事厅,platform\n", encoding="utf-8")
    (tmp_path / "regions.csv").write_text("name,code\n城区,1\n", encoding="utf-8")
    (tmp_path / "brand_stop_patterns.txt").write_text("[一二三]个.+\n", encoding="utf-8")
    (tmp_path / "terms_units_x.csv").write_text("name,kind\n[一二三]个.+,x\nCLIFF,y\n1+3+N,z\n", encoding="utf-8")
    (tmp_path / "brand_stopwords.txt").write_text("品牌意识化\n", encoding="utf-8")
    terms = lexicon_terms(load_lexicon([str(tmp_path)]))
    assert terms[0] == lexicon_terms(load_lexicon())[0]  # built-in terms.txt first
    assert {"四下基层", "两个全覆盖", "议事厅", "1+3+N"} <= set(terms)
    for excluded in ("城区", "[一二三]个.+", "CLIFF", "品牌意识化"):
        assert excluded not in terms
    seg = get_segmenter("jieba", lexicon=load_lexicon([str(tmp_path)]))
    assert "四下基层" in seg.cut("深入开展四下基层活动")


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


def test_registry_and_protocol():
    assert {"jieba", "hanlp"} <= set(available_segmenters())
    seg = get_segmenter()
    assert isinstance(seg, Segmenter) and seg.name == "jieba"
    assert get_segmenter() is seg  # cached: no start-up per document
    assert get_segmenter(lexicon=["甲乙丙"]) is not seg
    with pytest.raises(SegmenterUnavailable, match="unknown segmenter"):
        get_segmenter("nltk")
    assert get_segmenter("jieba", model=None) is seg  # None options count as not given
    with pytest.raises(SegmenterUnavailable, match="does not take the option"):
        get_segmenter("jieba", model="some/folder")
    with pytest.raises(SegmenterUnavailable, match="unknown jieba engine"):
        JiebaSegmenter(engine="pkuseg")


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


def test_term_matcher_prefers_longest_match():
    matcher = TermMatcher(["1+3", "1+3+N", "党建+"])
    text = "1+3+N和党建+"
    assert [text[s:e] for s, e in matcher.spans(text)] == ["1+3+N", "党建+"]
    assert is_protected_term("1+3+N") and not is_protected_term("三会一课")


# ---------------------------------------------------------------------------------------------
# sentences


def _sentences(text: str, **kw) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, **kw)]


def test_sentence_ends_and_closing_quotes():
    text = "会议召开了。他说：“要努力！”大家鼓掌。真的吗？是的……然后散会"
    assert _sentences(text) == ["会议召开了。", "他说：“要努力！”", "大家鼓掌。", "真的吗？", "是的……", "然后散会"]


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


def test_ellipsis_before_deng_continues():
    assert _sentences("学习、调研……等活动。好") == ["学习、调研……等活动。", "好"]


SENTENCE_ALPHABET = list("政协党建工作。！？；…“”‘’《》（）,， \n\r\tab12") + ["……"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_ALPHABET), max_size=60).map("".join), st.booleans())
def test_sentence_spans_property(text, semicolon):
    spans = split_sentences(text, semicolon=semicolon)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""  # only whitespace between sentences
        sentence = text[start:end]
        assert sentence.strip() == sentence != ""
        assert "\n" not in sentence and "\r" not in sentence
        position = end
    assert text[position:].strip() == ""


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_sentence_spans_on_arbitrary_text(text):
    position = 0
    for start, end in split_sentences(text):
        assert text[position:start].strip() == ""
        assert text[start:end].strip() == text[start:end] != ""
        position = end
    assert text[position:].strip() == ""


def test_hanlp_missing_gives_install_hint(monkeypatch):
    from djtext import segment

    monkeypatch.setattr(segment.hanlp_backend.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SegmenterUnavailable, match=r"djtext\[hanlp\]"):
        segment.HanLPSegmenter("/nonexistent")


def test_core_import_does_not_import_hanlp_or_torch():
    import subprocess
    import sys

    code = "import sys, djtext.segment; print('hanlp' in sys.modules or 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
