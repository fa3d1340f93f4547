"""The tokens table, `djtext terms` (frequencies, keyness) and `djtext kwic` on invented text."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from djtext.analysis.kwic import CleanedDoc, KwicError, attach_regions, kwic_rows, token_docs
from djtext.analysis.terms import TermsError, filter_tokens, genre_stopwords, load_tokens, term_frequency, term_keyness
from djtext.cli import app
from djtext.tokens import token_spans

runner = CliRunner()


def run(*args: str):
    """Invoke the CLI with a wide terminal."""
    return runner.invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


def _tokens(rows):
    """A tokens table from (doc, province, token) triples (offsets made up in order)."""
    out, position = [], {}
    for doc, province, token in rows:
        start = position.get(doc, 0)
        out.append({"doc": doc, "unit": None, "province": province, "city": None, "county": None,
                    "index": len([r for r in out if r["doc"] == doc]), "token": token, "pos": None,
                    "start": start, "line": 1, "raw_start": start, "raw_end": start + len(token)})
        position[doc] = start + len(token)
    return pd.DataFrame(out)


TOKENS = _tokens(
    [("a.txt", "甲省", w) for w in ["山海", "驿站", "山海", "驿站", "山海", "加强", "的"]]
    + [("b.txt", "甲省", w) for w in ["山海", "书院"]]
    + [("c.txt", "乙省", w) for w in ["书院", "驿站", "书院"]]
    + [("d.txt", "乙省", w) for w in ["书院", "茶园"]]
)


def test_token_spans_are_offsets_into_the_text():
    assert token_spans(["红色", "，", "引擎"]) == [("红色", 0, 2), ("，", 2, 3), ("引擎", 3, 5)]


def test_stopwords_come_from_the_genre_list():
    stop = genre_stopwords()
    assert {"的", "加强", "进一步"} <= stop
    kept = filter_tokens(TOKENS, stopwords=stop)
    assert "加强" not in set(kept["token"]) and "的" not in set(kept["token"])


def test_frequency_has_docfreq_rank_and_group():
    table = term_frequency(filter_tokens(TOKENS, stopwords=genre_stopwords()), "province")
    row = table[(table["group"] == "甲省") & (table["feature"] == "山海")].iloc[0]
    assert (row["frequency"], row["docfreq"], row["rank"]) == (4, 2, 1)
    ties = table[(table["group"] == "乙省")].set_index("feature")
    assert ties.loc["书院", "rank"] == 1 and ties.loc["驿站", "rank"] == ties.loc["茶园", "rank"] == 2
    assert set(term_frequency(TOKENS, None)["group"]) == {"(all)"}


def test_keyness_on_documents_gives_both_groups_counts():
    scores = term_keyness(filter_tokens(TOKENS), "province")
    row = scores[(scores["region"] == "甲省") & (scores["feature"] == "山海")].iloc[0]
    # 山海: both 甲省 documents (a, b), none of the 2 乙省 documents
    assert (row["target_count"], row["rest_count"], row["target_total"], row["rest_total"]) == (2, 0, 2, 2)
    assert row["g2"] > 0 and row["small_sample"] and row["keyness_on"] == "documents"
    occurrences = term_keyness(filter_tokens(TOKENS), "province", basis="occurrences")
    assert occurrences[(occurrences["region"] == "甲省") & (occurrences["feature"] == "山海")].iloc[0]["target_count"] == 4
    with pytest.raises(TermsError, match="--count"):
        term_keyness(TOKENS, basis="lines")


def test_kwic_on_cleaned_text_gives_doc_line_span_and_context():
    doc = CleanedDoc("x.txt", "第一行\n打造“山海同心”品牌，山海同心\n", "第一行\n打造“山海同心”品牌，山海同心\n",
                     list(range(19)))
    rows = kwic_rows([doc], "山海同心", window=3)
    assert [(r["line"], r["raw_start"], r["raw_end"]) for r in rows] == [(2, 7, 11), (2, 15, 19)]
    assert rows[0]["pre"] == "打造“" and rows[0]["post"] == "”品牌"
    assert len(kwic_rows([doc], "山海.同", regex=True)) == 0
    with pytest.raises(KwicError):
        kwic_rows([doc], "  ")
    with pytest.raises(KwicError, match="regular expression"):
        kwic_rows([doc], "(", regex=True)


def test_kwic_on_tokens_never_matches_across_left_out_punctuation():
    tokens = _tokens([("a.txt", "甲省", w) for w in ["山海", "驿站"]])
    tokens.loc[1, "start"] = 3  # a comma between the two tokens was left out
    docs = token_docs(tokens)
    assert kwic_rows(docs, "山海驿站") == []
    hits = attach_regions(kwic_rows(docs, "驿站"), tokens)
    assert list(hits["province"]) == ["甲省"] and list(hits["raw_start"]) == [2]


def test_terms_and_kwic_commands_on_a_results_folder(tmp_path):
    folder = tmp_path / "R"
    folder.mkdir()
    (folder / "documents.csv").write_text("doc\na.txt\n", encoding="utf-8")
    TOKENS.to_csv(folder / "tokens.csv", index=False)
    assert len(load_tokens(folder)) == len(TOKENS)
    result = run("terms", str(folder), "--top", "3", "--out", str(tmp_path / "t.csv"))
    assert result.exit_code == 0, result.output
    assert "山海" in result.stdout and "docfreq" in result.stdout
    assert (tmp_path / "t.csv").is_file() and (tmp_path / "t_term_keyness.csv").is_file()
    result = run("kwic", "书院", str(folder), "--out", str(tmp_path / "k.csv"))
    assert result.exit_code == 0 and "书院" in result.stdout
    assert len(pd.read_csv(tmp_path / "k.csv", encoding="utf-8-sig")) == 4


def test_terms_without_tokens_is_a_one_line_error(tmp_path):
    folder = tmp_path / "R"
    folder.mkdir()
    (folder / "documents.csv").write_text("doc\na.txt\n", encoding="utf-8")
    result = run("terms", str(folder))
    assert result.exit_code == 2 and "--tokens" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_extract_tokens_writes_the_tokens_table(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("山城县政协：打造“山海同心”党建品牌。\n委员进社区，山海同心聚合力。\n", encoding="utf-8")
    result = run("extract", str(corpus), "--out", str(tmp_path / "R"), "--tokens", "--no-cache", "--quiet")
    assert result.exit_code == 0, result.output
    tokens = pd.read_csv(tmp_path / "R" / "tokens.csv", encoding="utf-8-sig")
    assert {"doc", "unit", "province", "token", "pos", "line", "raw_start", "raw_end"} <= set(tokens.columns)
    assert "，" not in set(tokens["token"]) and set(tokens["line"]) == {1, 2}
    raw = (corpus / "a.txt").read_text(encoding="utf-8")
    assert all(raw[s:e] == t for s, e, t in tokens[["raw_start", "raw_end", "token"]].itertuples(index=False))
    result = run("kwic", "山海同心", str(corpus))
    assert result.exit_code == 0 and "2 hits" in result.stderr
