"""Plots of the analysis: region × practice-cluster (or brand-family) heatmap, brand-family graph.

Needs the ``djtext[plot]`` extra: matplotlib and pylopdf-fonts-zh-cn, whose Noto Sans SC
(SIL Open Font License 1.1) is registered with matplotlib so Chinese labels render on a
machine without any system CJK font. Figures are built without pyplot (no global state).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from djtext.analysis.cluster import DEFAULT_THRESHOLD, cluster_practices
from djtext.analysis.families import brand_families
from djtext.analysis.compare import UNATTRIBUTED, check_choice, documents_per_region, local_only

PLOT_FORMATS = (".png", ".svg", ".pdf")
KINDS = ("heatmap", "families")
HEATMAP_OF = ("clusters", "families")
FONT_FILE = "NotoSansSC-Regular.otf"


class PlotError(ValueError):
    """A plot cannot be made (missing extra, bad output name, nothing to plot)."""


def _matplotlib():
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise PlotError("plots need matplotlib: pip install 'djtext[plot]'") from None
    return matplotlib, Figure


def cjk_font_path() -> Path:
    """The Noto Sans SC font file shipped by pylopdf-fonts-zh-cn (PlotError when missing)."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        raise PlotError("plots need a CJK font: pip install 'djtext[plot]' (pylopdf-fonts-zh-cn)") from None
    path = Path(pylopdf_fonts_zh_cn.__file__).parent / FONT_FILE
    if not path.is_file():
        raise PlotError(f"{path}: font file missing from pylopdf-fonts-zh-cn; reinstall 'djtext[plot]'")
    return path


def register_cjk_font() -> str:
    """Register Noto Sans SC with matplotlib and return its family name."""
    _matplotlib()
    from matplotlib import font_manager

    path = cjk_font_path()
    if str(path) not in {f.fname for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def check_output(out: Path) -> Path:
    """Return ``out`` if its suffix is a supported image format, else raise PlotError."""
    out = Path(out)
    if out.suffix.lower() not in PLOT_FORMATS:
        raise PlotError(f"{out}: the plot file must end in {', '.join(PLOT_FORMATS)}")
    if out.exists() and out.is_dir():
        raise PlotError(f"{out}: is a folder; give a file name ending in .png or .svg")
    return out


def _save(figure, out: Path) -> Path:
    from djtext.export import atomic_write_bytes
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format=out.suffix.lower().lstrip("."), dpi=150, bbox_inches="tight")
    atomic_write_bytes(out, buffer.getvalue())
    return out


def _short(text: str, size: int = 18) -> str:
    text = str(text)
    return text if len(text) <= size else text[: size - 1] + "…"


def heatmap_matrix(tables: dict[str, pd.DataFrame], *, of: str = "clusters", by: str = "province",
                   top: int = 25, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Region × practice cluster (or brand family) matrix of distinct documents, top columns by spread."""
    check_choice(by, "practices")
    if of not in HEATMAP_OF:
        raise PlotError(f"heatmap of {of!r}: choose one of {', '.join(HEATMAP_OF)}")
    if of == "clusters":
        practices = tables.get("practices", pd.DataFrame())
        if practices is not None and not practices.empty and practices["cluster"].isna().all():
            practices, _ = cluster_practices(tables, threshold)
        long = pd.DataFrame({"column": practices["cluster"], "region": practices[by], "doc": practices["doc"]}) \
            if practices is not None and not practices.empty else pd.DataFrame(columns=["column", "region", "doc"])
    else:
        _, members = brand_families(tables, by)
        long = members.rename(columns={"family": "column"})[["column", "region", "doc"]]
    long = long.astype("object").where(long.notna(), "")
    long["region"] = long["region"].replace("", UNATTRIBUTED)
    long = long[long["column"] != ""]
    if long.empty:
        return pd.DataFrame()
    matrix = long.groupby(["region", "column"])["doc"].nunique().unstack(fill_value=0)
    spread = (matrix > 0).sum(axis=0)
    total = matrix.sum(axis=0)
    order = sorted(matrix.columns, key=lambda c: (-spread[c], -total[c], str(c)))[:top]
    matrix = matrix[order]
    matrix = matrix[matrix.sum(axis=1) > 0]
    rows = sorted(matrix.index, key=lambda r: (r == UNATTRIBUTED, str(r)))
    return matrix.loc[rows]


def heatmap_shares(matrix: pd.DataFrame, documents: pd.Series) -> pd.DataFrame:
    """The matrix divided by each region's number of documents (0–1; a region's own total)."""
    if matrix.empty:
        return matrix
    totals = documents.reindex(matrix.index).fillna(0)
    totals = totals.where(totals >= matrix.max(axis=1), matrix.max(axis=1)).replace(0, 1)
    return matrix.div(totals, axis=0)


def plot_heatmap(matrix: pd.DataFrame, out: Path, *, title: str = "", documents: pd.Series | None = None) -> Path:
    """Draw a region × column heatmap into ``out`` (.png/.svg/.pdf): colour = share of the region's
    documents (when ``documents`` per region is given, shown as n= in the labels), cells = counts;
    the unattributed row is drawn apart below a line."""
    out = check_output(out)
    if matrix.empty:
        raise PlotError("nothing to plot: no practices or brands with a region in these tables")
    _, Figure = _matplotlib()
    family = register_cjk_font()
    rows, cols = matrix.shape
    shares = heatmap_shares(matrix, documents) if documents is not None else matrix
    figure = Figure(figsize=(max(6.0, 0.55 * cols + 2.5), max(3.0, 0.5 * rows + 2.2)))
    ax = figure.add_subplot()
    image = ax.imshow(shares.values.astype(float), cmap="Blues", aspect="auto", vmin=0,
                      vmax=1 if documents is not None else None)
    ax.set_xticks(range(cols), [_short(c) for c in matrix.columns], rotation=55, ha="right", fontfamily=family, fontsize=9)
    labels = [f"{r} (n={int(documents.get(r, 0))})" if documents is not None else str(r) for r in matrix.index]
    ax.set_yticks(range(rows), labels, fontfamily=family, fontsize=10)
    peak = float(shares.values.max()) or 1.0
    for i in range(rows):
        for j in range(cols):
            value = int(matrix.values[i, j])
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=8,
                        color="white" if float(shares.values[i, j]) > peak / 2 else "black")
    if UNATTRIBUTED in matrix.index and rows > 1:  # unattributed apart, below a line
        ax.axhline(list(matrix.index).index(UNATTRIBUTED) - 0.5, color="#333333", lw=2)
    if documents is not None:
        figure.colorbar(image, ax=ax, label="share of the region's documents (cells: documents)", shrink=0.8)
    else:
        from matplotlib.ticker import MaxNLocator

        bar = figure.colorbar(image, ax=ax, label="documents", shrink=0.8)
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
    ax.set_title(title, fontfamily=family)
    return _save(figure, out)


def plot_family_graph(tables: dict[str, pd.DataFrame], out: Path, *, by: str = "province", top: int = 12) -> Path:
    """Draw brand families as a two-column graph: family cores ← member brands coloured by region."""
    out = check_output(out)
    families, members = brand_families(tables, by)
    if families.empty:
        raise PlotError("nothing to plot: no brand family (no two brands share a core component)")
    _, Figure = _matplotlib()
    from matplotlib.lines import Line2D

    family = register_cjk_font()
    cores = families["family"].head(top).tolist()
    members = members[members["family"].isin(cores)]
    brand_region = members.groupby("brand")["region"].agg(lambda r: " / ".join(sorted(set(r))))
    brand_label = {brand: _member_label(brand, group) for brand, group in members.groupby("brand")}
    brands: list[str] = []
    for core in cores:
        for brand in sorted(set(members.loc[members["family"] == core, "brand"])):
            if brand not in brands:
                brands.append(brand)
    regions = sorted(set(brand_region))
    palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    ]
    colour = {r: palette[i % len(palette)] for i, r in enumerate(regions)}
    height = max(len(brands), len(cores))
    figure = Figure(figsize=(10, max(3.5, 0.42 * height + 1.5)))
    ax = figure.add_subplot()
    core_y = {c: (height - 1) * (1 - i / max(len(cores) - 1, 1)) if len(cores) > 1 else (height - 1) / 2 for i, c in enumerate(cores)}
    brand_y = {b: (height - 1) * (1 - i / max(len(brands) - 1, 1)) if len(brands) > 1 else (height - 1) / 2 for i, b in enumerate(brands)}
    for core, brand in members[["family", "brand"]].drop_duplicates().itertuples(index=False):
        ax.plot([0.0, 1.0], [core_y[core], brand_y[brand]], color=colour[brand_region[brand]], alpha=0.55, lw=1.2)
    for core in cores:
        ax.scatter([0.0], [core_y[core]], s=160, color="#444444", zorder=3)
        ax.text(-0.04, core_y[core], core, ha="right", va="center", fontfamily=family, fontsize=11)
    for brand in brands:
        ax.scatter([1.0], [brand_y[brand]], s=70, color=colour[brand_region[brand]], zorder=3)
        ax.text(1.04, brand_y[brand], brand_label[brand], ha="left", va="center", fontfamily=family, fontsize=10)
    ax.set_xlim(-0.9, 1.9)
    ax.set_ylim(-1, height)
    ax.axis("off")
    handles = [Line2D([0], [0], marker="o", color="w", markerfacecolor=colour[r], markersize=9, label=r) for r in regions]
    ax.legend(handles=handles, title=by, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(4, len(regions)),
              prop={"family": family}, frameon=False)
    ax.set_title("Brand families: shared core (left) and member brands (right)", fontfamily=family)
    return _save(figure, out)


def _member_label(brand: str, group: pd.DataFrame) -> str:
    """A member brand labelled with its unit(s) and city: ``brand — unit, city``."""
    where = sorted({", ".join(p for p in (u, c) if p) for u, c in zip(group["unit"], group.get("city", [""] * len(group)))} - {""})
    return f"{brand} — {'; '.join(where[:2])}{' …' if len(where) > 2 else ''}" if where else brand


def make_plot(tables: dict[str, pd.DataFrame], out: Path, *, kind: str = "heatmap", of: str = "clusters",
              by: str = "province", top: int = 25, threshold: float = DEFAULT_THRESHOLD, local: bool = False) -> Path:
    """Draw the ``kind`` plot (heatmap of clusters/families, or the family graph) into ``out``;
    ``local`` leaves national practices and formulations out."""
    if kind not in KINDS:
        raise PlotError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    check_output(out)
    documents = documents_per_region(tables, by)  # before --local-only: a region's documents stay its own
    if local:
        tables = local_only(tables)
    if kind == "families":
        return plot_family_graph(tables, out, by=by, top=top)
    matrix = heatmap_matrix(tables, of=of, by=by, top=top, threshold=threshold)
    what = ("local " if local else "") + ("practice clusters" if of == "clusters" else "brand families")
    return plot_heatmap(matrix, out, title=f"Share of each {by}'s documents with {what}", documents=documents)
