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
