"""Tests of djtext.segment.terms: lexicon terms kept as single tokens."""
from __future__ import annotations

import pytest
from djtext.lexicon import load_lexicon
from djtext.segment import JiebaSegmenter, Segmenter, TermMatcher, get_segmenter, is_protected_term, lexicon_terms


ENGINES = ["jieba_fast_dat", "jieba"]


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


def test_term_matcher_prefers_longest_match():
    matcher = TermMatcher(["1+3", "1+3+N", "党建+"])
    text = "1+3+N和党建+"
    assert [text[s:e] for s, e in matcher.spans(text)] == ["1+3+N", "党建+"]
    assert is_protected_term("1+3+N") and not is_protected_term("三会一课")
