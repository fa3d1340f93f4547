"""Columns of the tables the analysis commands write (for conform and datapackage.json)."""
from __future__ import annotations

from djtext.schema import Column

REGION = Column("region", "string", "province, city or county (per --by); '(unattributed)' when unknown")
DOCS = Column("docs", "string", "documents the rows come from, joined by ', '")

ANALYSIS_TABLES: dict[str, tuple[Column, ...]] = {
    "practice_clusters": (
        Column("cluster", "string", "cluster label: the most central practice name of the cluster"),
        Column("size", "integer", "distinct practice names in the cluster"),
        Column("names", "string", "the distinct practice names, joined by ' | '"),
        Column("occurrences", "integer", "rows of practices.csv in the cluster"),
        Column("n_documents", "integer", "distinct documents"),
        Column("n_units", "integer", "distinct reporting units"),
        Column("n_provinces", "integer", "distinct provinces"),
        Column("provinces", "string", "provinces, joined by ' | '"),
        Column("cities", "string", "cities, joined by ' | '"),
        Column("counties", "string", "counties, joined by ' | '"),
        Column("units", "string", "reporting units, joined by ' | '"),
        Column("docs", "string", "documents, joined by ' | '"),
    ),
    "region_brands": (
        REGION,
        Column("brand", "string", "brand name"),
        Column("kind", "string", "the word before 品牌 (党建品牌, 工作品牌 ...)"),
        Column("unit", "string", "reporting unit that builds the brand"),
        Column("documents", "integer", "distinct documents the brand is found in for this unit"),
        DOCS,
    ),
    "brand_families": (
        Column("family", "string", "the core component the member brands share"),
        Column("n_brands", "integer", "distinct member brands"),
        Column("n_regions", "integer", "distinct attributed regions of the members (per --by)"),
        Column("n_units", "integer", "distinct units"),
        Column("n_documents", "integer", "distinct documents"),
        Column("brands", "string", "member brands, joined by ' | '"),
        Column("regions", "string", "regions, joined by ' | '"),
        Column("units", "string", "units, joined by ' | '"),
        Column("docs", "string", "documents, joined by ' | '"),
    ),
    "region_counts": (
        REGION,
        Column("item", "string", "brand name, formulation text, practice name or slogan text"),
        Column("occurrences", "integer", "rows of the item in the region"),
        Column("documents", "integer", "distinct documents of the item in the region"),
        DOCS,
    ),
    "comparison": (
        REGION,
        Column("item", "string", "brand name, formulation text, practice name or slogan text"),
        Column("occurrences", "integer", "a: occurrences of the item in the region"),
        Column("documents", "integer", "distinct documents of the item in the region"),
        DOCS,
        Column("keyness_on", "string", "what the keyness columns count: documents (default) or occurrences"),
        Column("target_count", "integer", "keyness a: documents (or occurrences) of the region with the item"),
        Column("rest_count", "integer", "keyness b: the same in all other regions"),
        Column("target_total", "integer", "keyness a+c: documents (or item occurrences) of the region"),
        Column("rest_total", "integer", "keyness b+d: the same in all other regions"),
        Column("g2", "number", "signed log-likelihood G² (empty for unattributed rows, a single region or below --min-count)"),
        Column("chi2", "number", "signed Pearson chi²"),
        Column("p_g2", "number", "p-value of G² (chi-square, 1 degree of freedom)"),
        Column("p_chi2", "number", "p-value of chi² (chi-square, 1 degree of freedom)"),
        Column("log_ratio", "number", "effect size: log2 relative frequency ratio region/rest"),
        Column("small_sample", "boolean", "true when an expected cell is below 5: p-values are not reliable"),
    ),
    "keyness": (
        REGION,
        Column("item", "string", "brand name, formulation text, practice name or slogan text"),
        Column("target_count", "integer", "a: occurrences of the item in the region"),
        Column("rest_count", "integer", "b: occurrences of the item in all other regions"),
        Column("target_total", "integer", "a+c: occurrences of all items in the region"),
        Column("rest_total", "integer", "b+d: occurrences of all items in all other regions"),
        Column("g2", "number", "signed log-likelihood G² (negative: rarer in the region)"),
        Column("chi2", "number", "signed Pearson chi² (no continuity correction unless --yates)"),
        Column("p_g2", "number", "p-value of G² (chi-square, 1 degree of freedom)"),
        Column("p_chi2", "number", "p-value of chi² (chi-square, 1 degree of freedom)"),
        Column("log_ratio", "number", "effect size: log2 of the relative frequency ratio region/rest (+0.5 to both counts when one is 0)"),
        Column("small_sample", "boolean", "true when an expected cell is below 5: p-values are not reliable"),
    ),
}
