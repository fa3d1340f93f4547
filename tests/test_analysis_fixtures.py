"""Small schema tables (invented units and brands) shared by the analysis, export and plot tests."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from djtext.export import write_tables
from djtext.schema import TABLES, columns


def _row(doc: str, unit: str, province: str, city: str, county: str, **fields) -> dict:
    return {"doc": doc, "unit": unit, "province": province, "city": city, "county": county,
            "line": 3, "raw_start": 10, "raw_end": 18, "context": "……上下文……", **fields}


_BRAND = {"cited": False, "mentions": 1, "support": 1}


def make_tables() -> dict[str, pd.DataFrame]:
    """Three documents in three provinces with a brand family and three practice families."""
    a = ("a.txt", "甲区政协", "浙江省", "舟山市", "甲区")
    a2 = ("a.txt", "乙县政协", "浙江省", "舟山市", "乙县")
    b = ("b.txt", "丙市政协", "宁夏回族自治区", "银川市", "")
    c = ("c.txt", "丁区政协", "黑龙江省", "哈尔滨市", "丁区")
    brands = pd.DataFrame([
        _row(*a, name="红心向党·忠诚履职", kind="党建品牌", components="红心向党 | 忠诚履职", **_BRAND),
        _row(*a2, name="海岛先锋 红心向党", kind="党建品牌", components="海岛先锋 | 红心向党", **_BRAND),
        _row(*b, name="红心向党+凝聚共识", kind="工作品牌", components="红心向党 | 凝聚共识", **_BRAND),
        _row(*b, name="塞上明珠", kind="党建品牌", components="塞上明珠", **_BRAND),
        _row(*c, name="冰城同心", kind="品牌", components="冰城同心", **_BRAND),
    ])
    practices = pd.DataFrame([
        _row(*a, name="委员会客厅", category="platform", cluster=None),
        _row(*a2, name="“渔嫂”委员会客厅", category="platform"),
        _row(*b, name="委员会客室", category="platform"),
        _row(*b, name="委员工作站", category="platform"),
        _row(*c, name="委员工作室", category="platform"),
        _row(*c, name="民生议事堂", category="platform"),
        _row(*a, name="请你来协商·民生议事堂", category="platform"),
        _row(*a, name="三会一课", category="mechanism"),
    ])
    practices["place"] = ""
    practices["scope"] = ["national" if n in ("委员会客厅", "委员工作室", "三会一课") else "local" for n in practices["name"]]
    practices["generic"] = practices["name"].isin(["委员会客厅", "委员工作室"])
    formulations = pd.DataFrame([
        _row(*a, text="两个维护", number="两个", head="维护", scope="national", support=2),
        _row(*a, text="两个维护", number="两个", head="维护", scope="national", support=2),
        _row(*b, text="两个维护", number="两个", head="维护", scope="national", support=2),
        _row(*b, text="三会一课", number="三", head="会一课", scope="national", support=1),
        _row(*c, text="四个意识", number="四个", head="意识", scope="national", support=1),
    ])
    documents = pd.DataFrame([
        {"doc": d, "encoding": "utf-8", "format": "txt", "chars_raw": 100, "chars_clean": 98, "tokens": 40,
         "fixes": "spaces=2", "error": "", "duplicate_of": None, "title": "", "date": ""} for d in ("a.txt", "b.txt", "c.txt")
    ])
    tables = {name: pd.DataFrame(columns=columns(name)) for name in TABLES}
    tables.update(documents=documents, brands=brands, practices=practices, formulations=formulations)
    return tables


def write_results(folder: Path, fmt: str = "csv") -> Path:
    """Write the fixture tables as a RESULTS folder, the way `djtext extract` does."""
    write_tables(make_tables(), folder, fmt=fmt)
    return folder


def test_fixture_tables_follow_the_schema():
    for name, frame in make_tables().items():
        assert set(columns(name)) <= set(frame.columns) or frame.empty, name


def test_fixture_results_folder_has_every_table(tmp_path):
    folder = write_results(tmp_path / "R")
    assert {p.name for p in folder.iterdir()} >= {f"{name}.csv" for name in TABLES} | {"datapackage.json"}
