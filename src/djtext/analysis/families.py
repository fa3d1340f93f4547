"""Brand families: brands that share a core component, grouped across units and regions.

Found from the data, not from a list. A brand is split into parts at the separators brands
are written with (· • ・ space + ＋ | / 、 - — : ), and a *core* is either

- a part of two or more characters that two or more distinct brands share (as a part, or,
  for cores of three or more characters, inside the other brand's name), or
- a run of ``min_substring`` (default 4) or more characters, without separators, that
  occurs in two or more distinct brand names (catches brands written without separators), or
- a two-character *edge*: the first or last two characters of a part, shared by two or more
  distinct brands at an edge or as a whole part. Chinese brand names are mostly built as
  place or modifier + core (X同心, 同心·Y), so a short core shows at an edge of its part
  (同心·鼓韵, 瓷都同心, 秦风同心·协商为民 share 同心). Edges that are genre stopwords, generic
  brand words or unit vocabulary (stopwords, brand_generic_modifiers, brand_kinds, unit_terms
  lexicons: 委员, 政协 …) are not cores.

Cores with exactly the same member brands are merged into the longest one, so
``同心向`` never stands beside ``同心向党``. A brand may belong to several families.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from djtext.analysis.compare import UNATTRIBUTED, check_choice

SEPARATORS = re.compile(r"[·•・‧∙•\s+＋|｜/／、\-—–_:：,，;；]+")
QUOTES = "“”\"'‘’「」『』《》〈〉【】"
FAMILY_COLUMNS = ("family", "n_brands", "n_regions", "n_units", "n_documents", "brands", "regions", "units", "docs")
MEMBER_COLUMNS = ("family", "brand", "region", "unit", "doc", "city")


def normalise_brand(name: str) -> str:
    """A brand name without surrounding quotes or whitespace."""
    return str(name).strip().strip(QUOTES).strip()


def brand_parts(name: str, components: str = "") -> set[str]:
    """The parts of a brand (split at separators, plus its ``components`` column), two chars or more."""
    parts = {p.strip(QUOTES) for p in SEPARATORS.split(normalise_brand(name))}
    if components and isinstance(components, str):
        parts |= {p.strip().strip(QUOTES) for p in components.split("|")}
    return {p for p in parts if len(p) >= 2}


def _runs(name: str, low: int, high: int) -> set[str]:
    runs = set()
    for chunk in SEPARATORS.split(normalise_brand(name)):
        chunk = chunk.strip(QUOTES)
        for size in range(low, min(high, len(chunk)) + 1):
            runs.update(chunk[i:i + size] for i in range(len(chunk) - size + 1))
    return runs


def edges(name: str, size: int = 2) -> set[str]:
    """The first and last ``size`` characters of every part of ``name`` longer than ``size``."""
    out = set()
    for chunk in SEPARATORS.split(normalise_brand(name)):
        chunk = chunk.strip(QUOTES)
        if len(chunk) > size:
            out |= {chunk[:size], chunk[-size:]}
    return out


def generic_words() -> frozenset[str]:
    """Words never taken as a family core (genre stopwords, generic brand modifiers and kinds)."""
    from djtext.lexicon import load_lexicon

    lexicon = load_lexicon()
    words = set(lexicon.column("stopwords")) | set(lexicon.column("brand_generic_modifiers"))
    words |= set(lexicon.column("brand_kinds")) | set(lexicon.column("unit_terms")) | {"品牌", "党建", "政协"}
    return frozenset(words)


def family_cores(brands: dict[str, set[str]], *, min_substring: int = 4, max_substring: int = 16,
                 generic: frozenset[str] | None = None) -> dict[str, frozenset[str]]:
    """Map each family core to its member brands, from ``{brand: parts}`` (see module docstring)."""
    generic = generic_words() if generic is None else generic
    members: dict[str, set[str]] = defaultdict(set)
    all_parts: set[str] = set()
    edge_cores: set[str] = set()
    for name, parts in brands.items():
        for part in parts:
            members[part].add(name)
        all_parts |= parts
        for run in _runs(name, 3, max_substring):  # a part of 3+ chars may sit inside another name
            members[run].add(name)
        for edge in edges(name) - generic:
            members[edge].add(name)
            edge_cores.add(edge)
    shared = {
        core: frozenset(names) for core, names in members.items()
        if len(names) >= 2 and core not in generic
        and (core in all_parts or len(core) >= min_substring or core in edge_cores)
    }
    best: dict[frozenset[str], str] = {}
    for core in sorted(shared, key=lambda c: (-len(c), c)):
        best.setdefault(shared[core], core)
    return {core: names for names, core in best.items()}


def _joined(values) -> str:
    return " | ".join(sorted({v for v in values if v}))


def brand_families(tables: dict[str, pd.DataFrame], by: str = "province", *, min_substring: int = 4) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(families, members): one row per family with its brands, regions, units and documents,
    and one row per family × brand occurrence. Families are sorted by regions, then brands."""
    check_choice(by, "brands")
    brands = tables.get("brands", pd.DataFrame())
    if brands is None or brands.empty:
        return pd.DataFrame(columns=FAMILY_COLUMNS), pd.DataFrame(columns=MEMBER_COLUMNS)
    rows = brands.astype("object").where(brands.notna(), "")
    rows = rows.assign(brand=rows["name"].map(normalise_brand))
    rows = rows[rows["brand"] != ""]
    parts: dict[str, set[str]] = defaultdict(set)
    for brand, comps in zip(rows["brand"], rows.get("components", pd.Series([""] * len(rows), index=rows.index))):
        parts[brand] |= brand_parts(brand, comps)
    cores = family_cores(dict(parts), min_substring=min_substring)
    member_rows = []
    for core, names in cores.items():
        subset = rows[rows["brand"].isin(names)]
        for record in subset.to_dict("records"):
            member_rows.append({
                "family": core, "brand": record["brand"],
                "region": str(record.get(by) or "") or UNATTRIBUTED,
                "unit": str(record.get("unit") or ""), "doc": str(record.get("doc") or ""),
                "city": str(record.get("city") or ""),
            })
    members = pd.DataFrame(member_rows, columns=MEMBER_COLUMNS)
    if members.empty:
        return pd.DataFrame(columns=FAMILY_COLUMNS), members
    family_rows = []
    for core, group in members.groupby("family", sort=True):
        regions = {r for r in group["region"] if r != UNATTRIBUTED}
        family_rows.append({
            "family": core, "n_brands": group["brand"].nunique(), "n_regions": len(regions),
            "n_units": group["unit"].replace("", pd.NA).nunique(), "n_documents": group["doc"].nunique(),
            "brands": _joined(group["brand"]), "regions": _joined(regions),
            "units": _joined(group["unit"]), "docs": _joined(group["doc"]),
        })
    families = pd.DataFrame(family_rows, columns=FAMILY_COLUMNS)
    families = families.sort_values(["n_regions", "n_brands", "n_documents", "family"],
                                    ascending=[False, False, False, True], kind="mergesort")
    members = members.sort_values(["family", "brand", "region", "unit", "doc"], kind="mergesort")
    return families.reset_index(drop=True), members.reset_index(drop=True)
