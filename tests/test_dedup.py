"""Tests of duplicate documents: exact and near duplicates are flagged and left out of counts."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from djtext.cli import app
from djtext.dedup import (
    MIN_NEAR_CHARS, find_duplicates, normalise, text_signature, without_duplicates,
)
from djtext.pipeline import run_corpus

PARAGRAPHS = [
    "县政协党组坚持以党建引领委员履职，打造“同心议事”党建品牌，推进“三会一课”制度落实。",
    "一、强化政治引领。组织委员深入学习，开展专题协商活动，形成一批高质量建议。",
    "二、搭建履职平台。在乡镇设立委员工作站，推动协商向基层延伸，群众反映的问题及时办理。",
    "三、完善工作机制。建立委员联系群众制度，落实履职档案管理，年度考评结果向社会公开。",
    "四、加强自身建设。举办委员培训班，邀请专家讲授政策理论，提升委员调查研究能力。",
    "五、注重成果转化。围绕乡村振兴开展民主监督，推动一批民生实事落地见效，得到各方肯定。",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
OTHER = "\n\n".join(p.replace("县政协", "市政协").replace("乡镇", "社区")[::-1] for p in PARAGRAPHS) + "\n"


def test_normalise_ignores_layout_width_and_punctuation():
    assert normalise("政协 党组，坚持\n学习！ＡＢ１") == normalise("政协党组,坚持学习!ab1")


def test_signature_of_a_short_text_has_no_minhash():
    assert text_signature("政协党组坚持学习。")["minhash"] == []
    assert len(normalise(TEXT)) >= MIN_NEAR_CHARS and text_signature(TEXT)["minhash"]


def test_exact_near_and_distinct_documents():
    near = TEXT.replace("年度考评结果向社会公开", "年度考评结果公开") + "\n来源：本站编辑部 责任编辑：某某\n"
    signatures = {
        "a.txt": text_signature(TEXT),
        "b.txt": text_signature(TEXT.replace("，", ", ").replace("\n\n", "\n")),  # same text, other layout
        "c.html": text_signature(near),
        "d.txt": text_signature(OTHER),
        "e.txt": text_signature("政协党组坚持学习。"),
        "f.txt": text_signature("政协党组坚持学习。"),
    }
    assert find_duplicates(signatures) == {"b.txt": "a.txt", "c.html": "a.txt", "f.txt": "e.txt"}


def test_without_duplicates_keeps_the_documents_table_whole():
    tables = {
        "documents": pd.DataFrame({"doc": ["a", "b"], "duplicate_of": [None, "a"]}),
        "brands": pd.DataFrame({"doc": ["a", "b", "b"], "name": ["x", "x", "y"]}),
    }
    out = without_duplicates(tables)
    assert len(out["documents"]) == 2 and out["brands"]["doc"].tolist() == ["a"]


def _duplicated_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "cleaned").mkdir(parents=True)
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b_gbk.txt").write_bytes(TEXT.encode("gb18030"))  # the same text in another encoding
    (corpus / "cleaned" / "a.txt").write_text(TEXT.replace("\n\n", "\n"), encoding="utf-8")  # a cleaned copy
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (corpus / "c.html").write_text(  # a re-posted page, with its site's navigation around the text
        f"<html><head><meta charset='utf-8'><title>政协新闻</title></head><body><nav>首页 | 新闻 | 联系我们</nav>"
        f"<article><h1>县政协党建工作情况</h1>{body}</article><footer>版权所有 网站地图</footer></body></html>",
        encoding="utf-8")
    (corpus / "d.txt").write_text(OTHER, encoding="utf-8")
    return corpus


def test_pipeline_flags_duplicates_in_documents(tmp_path):
    result = run_corpus(_duplicated_corpus(tmp_path))
    documents = result.tables["documents"].set_index("doc")["duplicate_of"]
    assert documents.to_dict() == {
        "a.txt": None, "b_gbk.txt": "a.txt", "c.html": "a.txt", "cleaned/a.txt": "a.txt", "d.txt": None,
    } or documents.fillna("").to_dict() == {
        "a.txt": "", "b_gbk.txt": "a.txt", "c.html": "a.txt", "cleaned/a.txt": "a.txt", "d.txt": "",
    }


@pytest.mark.parametrize("keep", [False, True])
def test_extract_and_compare_leave_duplicates_out_unless_kept(tmp_path, keep):
    corpus = _duplicated_corpus(tmp_path)
    out = tmp_path / "out"
    flag = ["--keep-duplicates"] if keep else []
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(out), "--no-cache", "-q", *flag],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert f"3 duplicates {'kept' if keep else 'left out'}" in result.stderr
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert documents["duplicate_of"].notna().sum() == 3 and len(documents) == 5
    brands = pd.read_csv(out / "brands.csv", encoding="utf-8-sig")
    assert set(brands["doc"]) == ({"a.txt", "b_gbk.txt", "c.html", "cleaned/a.txt"} if keep else {"a.txt"})
    compared = tmp_path / "cmp.csv"
    result = CliRunner().invoke(app, ["compare", str(corpus), "--what", "formulations", "-q", "--out", str(compared), *flag],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(compared, encoding="utf-8-sig")
    row = table[table["item"] == "三会一课"].iloc[0]
    assert row["documents"] == (4 if keep else 1)


def test_results_folder_from_before_duplicate_of_still_loads(tmp_path):
    from djtext.analysis.tables import load_results

    (tmp_path / "documents.csv").write_text(
        "doc,encoding,format,chars_raw,chars_clean,tokens,fixes,error\na.txt,utf-8,txt,3,3,1,,\n", encoding="utf-8")
    documents = load_results(tmp_path, ("documents",))["documents"]
    assert "duplicate_of" in documents.columns and documents["duplicate_of"].isna().all()
