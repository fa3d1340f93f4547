"""The named stages, their runner and the extractor registry."""
from __future__ import annotations

import pytest

from djtext.extract import EXTRACTORS, Extractor, extract_all, register_extractor
from djtext.models import CleanText, Document, Mention, RawDocument
from djtext.resources import build_resources
from djtext.stages import ATTRIBUTE, STRUCTURE, Stage, check_stages, default_stages, run_stages

TEXT = "青山县政协机关党支部创新工作\n\n青山县政协打造“同心圆”党建品牌，推动工作开展。\n一、强化理论学习。\n二、深化协商议政。\n"


def test_default_stages_fill_what_the_next_ones_need():
    stages = default_stages()
    assert [s.name for s in stages] == ["clean", "structure", "segment", "extract", "attribute"]
    check_stages(stages)


def test_a_stage_before_what_it_needs_is_refused():
    with pytest.raises(ValueError, match="attribute.*units"):
        check_stages((default_stages()[0], ATTRIBUTE, STRUCTURE))


def test_runner_passes_one_document_through_every_stage():
    doc = run_stages(Document(raw=RawDocument(path="x.txt", text=TEXT)), build_resources(), default_stages())
    assert doc.clean is not None and doc.parts and doc.tokens and doc.units and doc.lists
    assert doc.regions is not None and [m.text for m in doc.mentions if m.table == "brands"] == ["同心圆"]


def test_a_custom_stage_runs_in_order():
    seen = []
    mark = Stage("mark", ("clean",), (), lambda doc, resources: seen.append(len(doc.clean.text)))
    run_stages(Document(raw=RawDocument(path="x.txt", text=TEXT)), build_resources(), (default_stages()[0], mark))
    assert seen and seen[0] > 0


def test_registry_runs_extractors_in_order_and_extract_all_keeps_working():
    assert [e.name for e in EXTRACTORS] == ["brands", "formulations", "practices", "slogans"]
    clean = CleanText(text=TEXT, offsets=list(range(len(TEXT))))
    assert extract_all(clean) == extract_all(clean, extractors=list(EXTRACTORS))
    marker = Extractor("marker", ("brands",), lambda text, lexicon, found: [
        Mention("marks", "x", b.start, b.end) for b in found["brands"]])
    mentions = extract_all(clean, extractors=[EXTRACTORS[0], marker])
    assert [m.table for m in mentions] == ["brands", "marks"]


def test_an_extractor_needing_an_unknown_one_is_refused():
    with pytest.raises(ValueError, match="nowhere"):
        register_extractor(Extractor("late", ("nowhere",), lambda text, lexicon, found: []))
