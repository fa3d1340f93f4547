"""`djtext compare`, `djtext cluster` and `djtext plot` on fixture RESULTS folders (CliRunner)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from djtext.cli import app
from test_analysis_fixtures import write_results

runner = CliRunner()


def run(*args: str):
    """Invoke the CLI with a wide terminal and return the result."""
    return runner.invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


@pytest.fixture()
def results(tmp_path):
    return write_results(tmp_path / "R")


def test_compare_brands_shows_units_documents_families_and_keyness(results):
    result = run("compare", str(results), "--by", "province")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for text in ("Brands per province", "红心向党+凝聚共识", "丙市政协", "b.txt", "Brand families", "G²", "log2 ratio"):
        assert text in out
    families = out[out.index("Brand families"):out.index("Distinctive")]
    assert "红心向党" in families and "宁夏回族自治区 | 浙江省" in families


def test_compare_writes_comparison_brands_and_families(results, tmp_path):
    out = tmp_path / "cmp.csv"
    result = run("compare", str(results), "--out", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    comparison = pd.read_csv(out, encoding="utf-8-sig")
    assert {"region", "item", "occurrences", "documents", "g2", "chi2", "p_g2", "log_ratio"} <= set(comparison.columns)
    assert set(pd.read_csv(tmp_path / "cmp_brand_families.csv")["family"]) == {"红心向党"}
    assert len(pd.read_csv(tmp_path / "cmp_region_brands.csv")) == 5


def test_compare_formulations_by_city_in_xlsx(results, tmp_path):
    out = tmp_path / "cmp.xlsx"
    result = run("compare", str(results), "--what", "formulations", "--by", "city", "--top", "2", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "formulations per city" in result.stdout
    assert set(pd.read_excel(out, sheet_name=None)) == {"comparison"}


@pytest.mark.parametrize("args, message", [
    (("--by", "village"), "--by must be one of"),
    (("--what", "lists"), "--what must be one of"),
    (("--out", "x.xml", "--format", "xml"), "unknown output format"),
])
def test_compare_usage_errors_are_one_line(results, tmp_path, args, message):
    result = run("compare", str(results), *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_compare_refuses_to_overwrite_an_input(results):
    result = run("compare", str(results), "--out", str(results / "brands.csv"))
    assert result.exit_code == 2 and "overwrite an input" in result.stderr


def test_missing_source_and_empty_folder(tmp_path):
    assert run("compare", str(tmp_path / "nope")).exit_code == 2
    result = run("compare", str(tmp_path))
    assert result.exit_code == 2 and "neither a RESULTS folder" in result.stderr


def test_cluster_rewrites_practices_in_place(results):
    before = pd.read_csv(results / "brands.csv", encoding="utf-8-sig")
    result = run("cluster", str(results))
    assert result.exit_code == 0, result.stderr
    practices = pd.read_csv(results / "practices.csv", encoding="utf-8-sig")
    assert practices.loc[practices["name"] == "委员会客室", "cluster"].item() == "委员会客厅"
    clusters = pd.read_csv(results / "practice_clusters.csv", encoding="utf-8-sig")
    assert clusters.iloc[0]["n_documents"] == 2
    assert pd.read_csv(results / "brands.csv", encoding="utf-8-sig").equals(before)
    package = json.loads((results / "datapackage.json").read_text(encoding="utf-8"))
    assert "practice_clusters" in {r["name"] for r in package["resources"]}
    # running again gives the same files
    first = (results / "practice_clusters.csv").read_bytes()
    assert run("cluster", str(results), "-q").exit_code == 0
    assert (results / "practice_clusters.csv").read_bytes() == first


def test_cluster_to_another_folder_and_format(results, tmp_path):
    out = tmp_path / "C"
    result = run("cluster", str(results), "--out", str(out), "--format", "parquet", "--threshold", "0.5", "-q")
    assert result.exit_code == 0, result.stderr
    assert not (results / "practice_clusters.csv").exists()
    assert pd.read_parquet(out / "practices.parquet")["cluster"].notna().all()


def test_cluster_keeps_the_results_format_in_place(tmp_path):
    folder = write_results(tmp_path / "J", "jsonl")
    assert run("cluster", str(folder), "-q").exit_code == 0
    assert (folder / "practice_clusters.jsonl").exists() and not (folder / "practice_clusters.csv").exists()
    result = run("cluster", str(folder), "--format", "csv")
    assert result.exit_code == 2 and "holds jsonl tables" in result.stderr


def test_cluster_on_a_corpus_needs_out(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("政协", encoding="utf-8")
    result = run("cluster", str(corpus))
    assert result.exit_code == 2 and "--out DIR is required" in result.stderr
    result = run("cluster", str(corpus), "--out", str(corpus / "sub"))
    assert result.exit_code == 2 and "outside the corpus" in result.stderr
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]


def test_cluster_bad_threshold(results):
    result = run("cluster", str(results), "--threshold", "3")
    assert result.exit_code == 2 and "--threshold" in result.stderr


def test_plot_heatmap_and_family_graph(results, tmp_path):
    for kind, name in (("heatmap", "h.png"), ("families", "f.svg")):
        result = run("plot", str(results), "--kind", kind, "--out", str(tmp_path / name))
        assert result.exit_code == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "h.png").read_bytes().startswith(b"\x89PNG")
    result = run("plot", str(results), "--of", "families", "--out", str(tmp_path / "hf.png"))
    assert result.exit_code == 0


@pytest.mark.parametrize("args, message", [
    (("--out", "x.gif"), "must end in"),
    (("--kind", "pie", "--out", "x.png"), "--kind must be one of"),
    (("--of", "units", "--out", "x.png"), "--of must be one of"),
])
def test_plot_usage_errors(results, args, message):
    result = run("plot", str(results), *args)
    assert result.exit_code == 2 and message in result.stderr


def test_cli_threshold_defaults_follow_the_library():
    import typer.main

    from djtext.analysis.cluster import DEFAULT_THRESHOLD

    group = typer.main.get_command(app)
    for name in ("cluster", "plot"):
        params = {p.name: p for p in group.commands[name].params}
        assert params["threshold"].default == DEFAULT_THRESHOLD


def test_help_lists_the_analysis_commands():
    help_text = run("--help").stdout
    for command in ("compare", "cluster", "plot"):
        assert command in help_text


def test_a_corpus_folder_is_extracted_on_the_fly(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "甲市政协党组：打造“山海同心·履职为民”党建品牌\n"
        "一、建强阵地。依托委员会客厅、委员工作室，开展“两个维护”专题学习。\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "乙县政协：擦亮“山海同心·凝心聚力”工作品牌\n"
        "一、搭建平台。建成委员工作站和民生议事堂，落实“三会一课”制度。\n", encoding="utf-8")
    result = run("compare", str(corpus), "--by", "province", "-q", "--out", str(tmp_path / "c.csv"))
    assert result.exit_code == 0, result.stderr
    families = pd.read_csv(tmp_path / "c_brand_families.csv", encoding="utf-8-sig")
    assert families.loc[0, "family"] == "山海同心" and families.loc[0, "n_documents"] == 2
    result = run("cluster", str(corpus), "--out", str(tmp_path / "C"), "-q")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "C" / "practice_clusters.csv").exists()
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt", "b.txt"]


def test_compare_may_rewrite_its_own_output_inside_results(results):
    out = results / "cmp.csv"
    assert run("compare", str(results), "--out", str(out), "-q").exit_code == 0
    assert run("compare", str(results), "--out", str(out), "-q").exit_code == 0
    result = run("plot", str(results), "--out", str(results / "datapackage.json"))
    assert result.exit_code == 2


def test_cluster_missing_source(tmp_path):
    result = run("cluster", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_keyness_counts_print_as_integers(results):
    out = run("compare", str(results), "--what", "formulations").stdout
    assert "1/1" in out and ".0/" not in out


def test_compare_top_limits_every_screen_table_and_keyness_options(results):
    result = run("compare", str(results), "--what", "practices", "--top", "1", "--count", "occurrences", "--min-count", "1")
    assert result.exit_code == 0
    assert "on occurrences" in result.stdout and "more rows" in result.stdout
    result = run("compare", str(results), "--count", "lines")
    assert result.exit_code == 2 and "--count must be one of" in result.stderr


def test_compare_local_only_and_cluster_top(results, tmp_path):
    result = run("compare", str(results), "--what", "practices", "--local-only", "--min-count", "1", "--out", str(tmp_path / "c.csv"))
    assert result.exit_code == 0
    written = pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig")
    assert "三会一课" not in set(written["item"]) and set(written["keyness_on"]) == {"documents"}
    result = run("cluster", str(results), "--top", "1")
    assert result.exit_code == 0 and "more rows" in result.stdout
