"""A user's lexicon reaches every stage: a unit term finds units, a regions row attributes them.

All names are invented (青岚省, 雁川市, 青梧县, the body word 同心社)."""
from __future__ import annotations

import pytest

from djtext.lexicon import load_lexicon
from djtext.models import CleanText
from djtext.pipeline import Options, process_file
from djtext.structure import analyse_structure, find_unit_names, find_units, unit_vocabulary

USER_UNIT_TERMS = "term,kind,level\n同心社,body,other\n"
USER_REGIONS = ("code,level,name,short,province,city\n"
                "990000,province,青岚省,青岚,青岚省,\n"
                "990100,city,雁川市,雁川,青岚省,\n"
                "990101,county,青梧县,青梧,青岚省,雁川市\n")
BODY_TEXT = "青梧县同心社坚持党建引领，打造特色品牌，推动工作开展，取得明显成效，群众满意度不断提升。"
REPORT = ("青梧县政协机关党支部创新工作方法\n\n"
          "青梧县政协坚持党建引领，打造“同心圆”党建品牌，推动工作开展，取得明显成效。\n"
          "一、强化理论学习，筑牢思想根基。\n二、深化协商议政，提升履职质效。\n")


def _clean(text: str) -> CleanText:
    return CleanText(text=text, offsets=list(range(len(text))), raw=text)


@pytest.fixture
def lexicon(user_lexicon):
    return load_lexicon([user_lexicon({"unit_terms.csv": USER_UNIT_TERMS, "regions.csv": USER_REGIONS})])


def test_user_unit_term_finds_a_unit_the_builtin_lexicon_does_not(lexicon):
    assert find_unit_names(BODY_TEXT) == []
    assert find_units(_clean(BODY_TEXT)) == []
    names = find_unit_names(BODY_TEXT, unit_vocabulary(lexicon))
    assert [n.name for n in names] == ["青梧县同心社"]
    units, _lists = analyse_structure(_clean(BODY_TEXT), lexicon)
    assert [(u.name, u.level) for u in units] == [("青梧县同心社", "county")]


def test_user_region_row_gives_units_and_mentions_their_region(user_lexicon, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(REPORT, encoding="utf-8")
    folder = user_lexicon({"regions.csv": USER_REGIONS})
    builtin = process_file(str(corpus / "report.txt"), str(corpus), Options())
    user = process_file(str(corpus / "report.txt"), str(corpus), Options(lexicon_paths=(str(folder),)))
    assert builtin["units"] and all(row["county"] is None for row in builtin["units"])
    assert {(r["province"], r["city"], r["county"]) for r in user["units"]} == {("青岚省", "雁川市", "青梧县")}
    assert "青梧县政协" in {r["unit"] for r in user["units"]}
    assert [(r["province"], r["county"]) for r in user["brands"]] == [("青岚省", "青梧县")]


def test_user_unit_term_reaches_the_pipeline(user_lexicon, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "body.txt").write_text(BODY_TEXT + "\n", encoding="utf-8")
    folder = user_lexicon({"unit_terms.csv": USER_UNIT_TERMS, "regions.csv": USER_REGIONS})
    rows = process_file(str(corpus / "body.txt"), str(corpus), Options(lexicon_paths=(str(folder),)))
    assert [(r["unit"], r["county"]) for r in rows["units"]] == [("青梧县同心社", "青梧县")]


OUTSIDE_UNITS = ("青梧县推进基层治理的做法\n\n青岚省雁川市青梧县坚持党建引领，打造“同心圆”党建品牌，推动工作开展。"
                 "青梧县各乡镇都在推进，青梧县的经验得到推广。\n")


def test_user_region_row_reaches_rows_outside_every_unit(user_lexicon):
    from djtext.pipeline import process_text

    folder = user_lexicon({"regions.csv": USER_REGIONS})
    builtin = process_text(OUTSIDE_UNITS, "x.txt", Options())
    user = process_text(OUTSIDE_UNITS, "x.txt", Options(lexicon_paths=(str(folder),)))
    assert builtin["units"] == [] and user["units"] == []
    assert [(r["unit"], r["county"]) for r in builtin["brands"]] == [(None, None)]
    assert [(r["unit"], r["province"], r["city"], r["county"]) for r in user["brands"]] == [
        (None, "青岚省", "雁川市", "青梧县")]


def test_user_region_row_reaches_each_part_of_a_compilation(user_lexicon):
    from djtext.attribute import attribute_document
    from djtext.models import Document, RawDocument
    from djtext.resources import build_resources

    text = ("篇一：汇编\n" + OUTSIDE_UNITS + "正文内容，说明做法。" * 30 + "\n"
            "篇二：汇编\n另一篇文章，说明做法。\n" + "正文内容，说明做法。" * 30 + "\n")
    resources = build_resources(load_lexicon([user_lexicon({"regions.csv": USER_REGIONS})]))
    doc = Document(raw=RawDocument(path="x.txt", text=text))
    doc.clean = _clean(text)
    attribute_document(doc, resources.gazetteer, resources.lexicon)
    assert len(doc.parts) == 2
    assert doc.regions.at(None, 20)["county"] == "青梧县"
    assert doc.regions.at(None, text.index("篇二") + 8)["county"] is None


def test_user_region_row_reaches_the_tokens_table(user_lexicon):
    from djtext.pipeline import process_text

    folder = user_lexicon({"regions.csv": USER_REGIONS})
    rows = process_text(OUTSIDE_UNITS, "x.txt", Options(lexicon_paths=(str(folder),), tokens=True))
    assert rows["tokens"] and {r["county"] for r in rows["tokens"]} == {"青梧县"}
