"""Practice clustering: families of names, central labels, determinism and order-independence."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from djtext.analysis.cluster import ClusterError, assign_clusters, central_name, cluster_names, cluster_practices
from test_analysis_fixtures import make_tables

NAMES = [
    "委员会客厅", "“渔嫂”委员会客厅", "委员会客室", "委员工作站", "委员工作室", "政协委员工作站",
    "民生议事堂", "请你来协商·民生议事堂", "三会一课", "书香政协", "主题党日", "同心驿站",
]


def _groups(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for name, label in labels.items():
        groups.setdefault(label, set()).add(name)
    return {frozenset(g) for g in groups.values()}


def test_practice_families_share_clusters():
    labels = cluster_names(NAMES)
    assert labels["委员会客厅"] == labels["委员会客室"] == labels["“渔嫂”委员会客厅"]
    assert labels["委员工作室"] == labels["委员工作站"] == labels["政协委员工作站"]
    assert labels["民生议事堂"] == labels["请你来协商·民生议事堂"]
    assert len({labels["委员会客厅"], labels["委员工作室"], labels["民生议事堂"], labels["三会一课"]}) == 4


def test_label_is_the_most_central_member():
    labels = cluster_names(NAMES)
    assert labels["委员会客室"] == "委员会客厅"
    assert labels["请你来协商·民生议事堂"] in {"民生议事堂", "请你来协商·民生议事堂"}
    assert labels[labels["委员工作站"]] == labels["委员工作站"]  # a label is a member of its cluster


def test_central_name_breaks_ties_by_length_then_text():
    import numpy as np

    assert central_name(["乙乙", "甲"], np.ones((2, 2))) == "甲"


def test_same_input_twice_and_shuffled_input_give_the_same_clusters():
    first = cluster_names(NAMES)
    assert cluster_names(NAMES) == first
    for seed in range(5):
        shuffled = NAMES[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_names(shuffled + shuffled[:3]) == first


def test_threshold_controls_granularity():
    tight = _groups(cluster_names(NAMES, threshold=0.05))
    loose = _groups(cluster_names(NAMES, threshold=1.5))
    assert len(tight) == len(NAMES)
    assert len(loose) < len(_groups(cluster_names(NAMES)))
    with pytest.raises(ClusterError):
        cluster_names(NAMES, threshold=0)


def test_cluster_practices_fills_the_column_and_builds_the_table():
    practices, clusters = cluster_practices(make_tables())
    assert practices["cluster"].notna().all()
    room = clusters[clusters["cluster"] == "委员会客厅"].iloc[0]
    assert room["size"] == 3 and room["n_documents"] == 2
    assert room["provinces"] == "宁夏回族自治区 | 浙江省"
    assert room["docs"] == "a.txt | b.txt"
    shuffled = make_tables()
    shuffled["practices"] = shuffled["practices"].sample(frac=1, random_state=1)
    assert cluster_practices(shuffled)[1].equals(clusters)


def test_empty_practices():
    assert assign_clusters(pd.DataFrame(columns=["name"])).empty
    assert cluster_names([]) == {} and cluster_names(["单独"]) == {"单独": "单独"}


def test_head_part_is_the_last_part_of_a_compound_name():
    from djtext.analysis.cluster import head_part

    assert head_part("请你来协商·民生议事堂") == "民生议事堂"
    assert head_part("“渔嫂”委员会客厅") == "委员会客厅"
    assert head_part("“书香政协”") == "书香政协"
    assert head_part("委员工作室") == "委员工作室"
