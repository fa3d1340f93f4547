"""Structure of the real corpus documents (skipped when the corpus is absent)."""
from __future__ import annotations

import shared_paths as _shared
import pytest
from djtext.models import CleanText
from djtext.structure import find_lists, find_units
from structure_support import reporting


CORPUS = _shared.CORPUS


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"real corpus not available at {CORPUS}")


def _corpus_doc(prefix: str) -> CleanText:
    from djtext.clean import clean_text

    (path,) = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    return clean_text(path.read_text(encoding="utf-8"))


@needs_corpus
def test_corpus_000_four_county_units_each_with_a_cn_dun_list():
    clean = _corpus_doc("000")
    units = reporting(find_units(clean))
    assert len(units) == 4
    assert all(u.level == "county" and u.name.endswith("政协") and u.section_title for u in units)
    items = find_lists(clean, units)
    for unit in units:
        own = [i for i in items if i.unit_id == unit.id]
        assert len(own) >= 3 and {i.style for i in own} == {"cn_dun"}
        assert [i.index for i in own] == list(range(1, len(own) + 1))


@needs_corpus
def test_corpus_001_bold_heads_are_items_under_their_units():
    clean = _corpus_doc("001")
    units = reporting(find_units(clean))
    assert len(units) == 7
    assert all(u.speaker for u in units)
    items = find_lists(clean, units)
    assert len(items) >= 20 and {i.style for i in items} == {"bold_heading"}
    assert {i.unit_id for i in items} == {u.id for u in units}


@needs_corpus
def test_corpus_003_parallel_lead_sentences_per_unit():
    clean = _corpus_doc("003")
    units = reporting(find_units(clean))
    assert len(units) >= 7
    items = find_lists(clean, units)
    parallel = [i for i in items if i.style == "parallel"]
    assert len(parallel) >= 20
    assert len({i.unit_id for i in parallel}) >= 6


@needs_corpus
def test_corpus_004_one_report_with_nested_inline_lists():
    clean = _corpus_doc("004")
    units = find_units(clean)
    main = reporting(units)
    assert len(main) == 1 and main[0].start == 0 and main[0].end == len(clean.text)
    assert any(u.cited for u in units)
    items = find_lists(clean, units)
    assert max(i.level for i in items) >= 3
    assert {"cn_dun", "cn_paren", "arabic_dot", "shi"} <= {i.style for i in items}


@needs_corpus
def test_corpus_002_cited_units_from_shared_suffixes():
    clean = _corpus_doc("002")
    cited = [u for u in find_units(clean) if u.cited]
    assert sum(u.level == "city" for u in cited) >= 10  # many cities cited in 'A、B等市政协' phrases
    assert not any("等" in u.name or "、" in u.name for u in cited)
