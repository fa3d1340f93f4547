"""Plots: CJK font registered, Chinese labels drawn without missing glyphs, clear errors."""
from __future__ import annotations

import builtins
import warnings

import pytest

pytest.importorskip("matplotlib", reason="the djtext[plot] extra is not installed")

from djtext.plot import (  # noqa: E402
    PlotError, cjk_font_path, heatmap_matrix, make_plot, plot_family_graph, register_cjk_font,
)
from test_analysis_fixtures import make_tables  # noqa: E402


def test_font_is_registered_and_covers_the_labels():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = register_cjk_font()
    assert family == "Noto Sans SC"
    assert any(f.fname == str(cjk_font_path()) for f in font_manager.fontManager.ttflist)
    charmap = FT2Font(str(cjk_font_path())).get_charmap()
    labels = "".join(make_tables()["brands"]["name"]) + "宁夏回族自治区浙江省黑龙江省委员会客厅民生议事堂"
    assert all(ord(ch) in charmap for ch in labels if not ch.isspace())


def test_heatmap_matrix_counts_documents_per_region_and_cluster():
    matrix = heatmap_matrix(make_tables(), of="clusters", by="province")
    assert matrix.loc["浙江省", "委员会客厅"] == 1 and matrix.loc["宁夏回族自治区", "委员会客厅"] == 1
    assert matrix.loc["黑龙江省", "委员会客厅"] == 0
    assert list(matrix.columns[:3]) == ["民生议事堂", "委员会客厅", "委员工作室"] or matrix.shape[1] == 4
    families = heatmap_matrix(make_tables(), of="families", by="province")
    assert list(families.columns) == ["红心向党"] and families.loc["浙江省", "红心向党"] == 1


@pytest.mark.parametrize("kind, name", [("heatmap", "h.png"), ("families", "f.png"), ("heatmap", "h.svg")])
def test_plots_render_chinese_without_missing_glyphs(tmp_path, kind, name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = make_plot(make_tables(), tmp_path / name, kind=kind)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") if name.endswith(".png") else b"<svg" in data[:500]


def test_nothing_to_plot_is_a_clear_error(tmp_path):
    tables = make_tables()
    tables["brands"] = tables["brands"][tables["brands"]["name"] == "冰城同心"]
    with pytest.raises(PlotError, match="no brand family"):
        plot_family_graph(tables, tmp_path / "f.png")
    tables["practices"] = tables["practices"].iloc[0:0]
    with pytest.raises(PlotError, match="nothing to plot"):
        make_plot(tables, tmp_path / "h.png")


def test_missing_extra_names_it(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_matplotlib(name, *args, **kwargs):
        if name.startswith("matplotlib") or name == "pylopdf_fonts_zh_cn":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    with pytest.raises(PlotError, match=r"djtext\[plot\]"):
        make_plot(make_tables(), tmp_path / "h.png")
    with pytest.raises(PlotError, match=r"djtext\[plot\]"):
        cjk_font_path()


def test_heatmap_shares_divide_by_each_regions_documents():
    import pandas as pd
    from djtext.plot import heatmap_shares

    matrix = pd.DataFrame({"x": [1, 2], "y": [0, 1]}, index=["甲省", "乙省"])
    shares = heatmap_shares(matrix, pd.Series({"甲省": 2, "乙省": 4}))
    assert shares.loc["甲省", "x"] == 0.5 and shares.loc["乙省", "x"] == 0.5 and shares.loc["乙省", "y"] == 0.25


def test_local_only_heatmap_leaves_national_practices_out(tmp_path):
    tables = make_tables()
    assert "三会一课" in set(heatmap_matrix(tables, of="clusters").columns)
    from djtext.analysis.compare import local_only

    assert "三会一课" not in set(heatmap_matrix(local_only(tables), of="clusters").columns)
    assert make_plot(tables, tmp_path / "h.png", local=True).is_file()
