"""Cross-document analysis of the extraction tables: region comparisons, keyness, brand
families and practice clusters (pandas and scikit-learn over the schema tables)."""
from __future__ import annotations

from djtext.analysis.cluster import assign_clusters, cluster_names, cluster_practices, cluster_table
from djtext.analysis.compare import brands_by_region, region_item_counts, region_keyness, region_matrix
from djtext.analysis.families import brand_families
from djtext.analysis.keyness import contingency_stats, keyness, top_keyness
from djtext.analysis.tables import is_results_folder, load_results, tables_from_source

__all__ = [
    "assign_clusters", "brand_families", "brands_by_region", "cluster_names", "cluster_practices",
    "cluster_table", "contingency_stats", "is_results_folder", "keyness", "load_results",
    "region_item_counts", "region_keyness", "region_matrix", "tables_from_source", "top_keyness",
]
