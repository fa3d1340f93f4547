"""Region × item counts, brands per region, the comparison table and loading RESULTS folders."""
from __future__ import annotations

import pytest

from djtext.analysis.compare import (
    CompareError, UNATTRIBUTED, brands_by_region, comparison_table, region_item_counts, region_matrix,
)
from djtext.analysis.tables import ResultsError, is_results_folder, load_results, results_format
from test_analysis_fixtures import make_tables, write_results


def test_counts_occurrences_and_documents_per_region():
    counts = region_item_counts(make_tables(), "province", "formulations")
    zhejiang = counts[(counts["region"] == "浙江省") & (counts["item"] == "两个维护")].iloc[0]
    assert (zhejiang["occurrences"], zhejiang["documents"], zhejiang["docs"]) == (2, 1, "a.txt")
    matrix = region_matrix(counts)
    assert matrix.loc["宁夏回族自治区", "两个维护"] == 1 and matrix.loc["黑龙江省", "两个维护"] == 0


def test_counts_by_county_mark_missing_regions():
    counts = region_item_counts(make_tables(), "county", "brands")
    assert UNATTRIBUTED in set(counts["region"])  # the Ningxia unit has no county


def test_brands_by_region_keep_unit_kind_and_documents():
    view = brands_by_region(make_tables(), "province")
    row = view[view["brand"] == "红心向党+凝聚共识"].iloc[0]
    assert (row["region"], row["kind"], row["unit"], row["docs"]) == ("宁夏回族自治区", "工作品牌", "丙市政协", "b.txt")
    assert len(view) == 5


def test_comparison_joins_counts_and_keyness():
    table = comparison_table(make_tables(), "province", "brands", basis="occurrences", min_count=1)
    row = table[table["item"] == "冰城同心"].iloc[0]
    # 黑龙江省 has 1 of 5 brand rows: a=1, b=0, c=0, d=4 → chi² = 5 (see test_analysis_keyness)
    assert (row["occurrences"], row["rest_count"], row["target_total"], row["rest_total"]) == (1, 0, 1, 4)
    assert row["chi2"] == pytest.approx(5.0)


def test_bad_choices_are_rejected():
    with pytest.raises(CompareError, match="--by"):
        region_item_counts(make_tables(), "village", "brands")
    with pytest.raises(CompareError, match="--what"):
        region_item_counts(make_tables(), "province", "lists")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_results_folders_load_back_in_every_format(tmp_path, fmt):
    folder = write_results(tmp_path / "R", fmt)
    assert is_results_folder(folder) and results_format(folder) == fmt
    tables = load_results(folder)
    assert list(tables["brands"]["name"]) == list(make_tables()["brands"]["name"])
    assert tables["brands"]["line"].tolist() == [3] * 5
    assert tables["units"].empty and "level" in tables["units"].columns


def test_missing_columns_are_named(tmp_path):
    folder = write_results(tmp_path / "R")
    (folder / "brands.csv").write_text("doc,name\na.txt,x\n", encoding="utf-8")
    with pytest.raises(ResultsError, match=r"brands\.csv: missing column\(s\) unit"):
        load_results(folder)


def test_a_corpus_folder_is_not_a_results_folder(tmp_path):
    (tmp_path / "doc.txt").write_text("政协", encoding="utf-8")
    assert not is_results_folder(tmp_path)
    assert not is_results_folder(tmp_path / "doc.txt")


def test_scope_column_wins_over_the_national_lexicon():
    from djtext.analysis.compare import item_scope, local_only

    tables = make_tables()
    assert item_scope(tables["practices"], "practices").tolist().count("national") == 3  # lexicon: 委员会客厅, 委员工作室, 三会一课
    tables["practices"]["scope"] = ["national"] * 2 + ["local"] * 6
    kept = local_only(tables)["practices"]["name"].tolist()
    assert "委员会客厅" not in kept and "三会一课" in kept


def test_documents_per_region_come_from_every_table():
    from djtext.analysis.compare import documents_per_region

    counts = documents_per_region(make_tables(), "province")
    assert counts.to_dict() == {"宁夏回族自治区": 1, "浙江省": 1, "黑龙江省": 1}
