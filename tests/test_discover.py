"""`djtext discover`: cohesion, boundary entropy, quotes; a lexicon file out; linear counting."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from djtext.cli import app
from djtext.discover import count_ngrams, discover_phrases, quoted_names, text_chunks
from shared_paths import CORPUS

runner = CliRunner()

TEXTS = [
    "甲县政协打造“山海同心·协商为民”品牌，推行“三问三访”工作法。委员走进青石议事坊，青石议事坊里听民声。",
    "乙县委员来到青石议事坊，学习“三问三访”工作法，用好党建+履职平台。青石议事坊成为委员之家。",
    "丙区政协推广“三问三访”，开展党建+履职活动，建设青石议事坊。",
]


def test_chunks_keep_middle_dot_and_plus():
    assert text_chunks("用好党建+履职平台，“山海·同心”") == ["用好党建+履职平台", "山海·同心"]


def test_quoted_names_skip_sentences():
    assert quoted_names("“山海同心·协商为民”和“我们要，做好”") == {"山海同心·协商为民": 1}


def test_counting_is_exact_for_frequent_grams():
    counts = count_ngrams(["abcab", "abc"], max_len=3, min_count=2)
    assert counts["ab"] == 3 and counts["abc"] == 2 and counts["bca"] == 1


def test_discovery_ranks_quoted_and_free_phrases():
    phrases = {p.phrase: p for p in discover_phrases(TEXTS, top=None)}
    assert "三问三访" in phrases and phrases["三问三访"].quoted == 3
    assert "青石议事坊" in phrases and "山海同心·协商为民" in phrases
    assert "党建+履职" in phrases
    assert "石议事" not in phrases  # bound on both sides: never free
    ranked = [p.phrase for p in discover_phrases(TEXTS, top=5)]
    assert "三问三访" in ranked[:3]


def test_discover_writes_a_lexicon_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(TEXTS):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "terms.txt"
    result = runner.invoke(app, ["discover", str(corpus), "--out", str(out), "--top", "20"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert "三问三访" in lines and len(lines) <= 20
    from djtext.lexicon import load_lexicon

    assert "三问三访" in load_lexicon([str(out)]).column("terms")
    bad = runner.invoke(app, ["discover", str(corpus), "--out", str(corpus / "x.txt")])
    assert bad.exit_code == 2


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the project")
def test_real_corpus_gives_ranked_phrases():
    from djtext.discover import corpus_texts

    phrases = discover_phrases(corpus_texts(CORPUS), top=200)
    assert len(phrases) == 200
    assert all(len(p.phrase) >= 2 for p in phrases)


def test_a_practice_head_after_the_quote_joins_the_name():
    from djtext.discover import name_frames
    from djtext.lexicon import load_lexicon

    found = quoted_names("推行“三问三访”制度，打造“山海”品牌", name_frames(load_lexicon()))
    assert found["三问三访制度"] == 1 and found[("三问三访制度", "framed")] == 1
    assert found[("山海", "framed")] == 1 and "山海品牌" not in found
