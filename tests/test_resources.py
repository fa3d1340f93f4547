"""Resources: built once per options, from the run's lexicon, kept by the pool initializer."""
from __future__ import annotations

from djtext.lexicon import load_lexicon
from djtext.pipeline import Options
from djtext.pipeline.document import keep_resources
from djtext.resources import build_resources, resources_for


def test_resources_are_built_once_per_options():
    assert resources_for(Options()) is resources_for(Options())


def test_resources_come_from_one_lexicon(user_lexicon):
    folder = user_lexicon({"regions.csv": "code,level,name,short,province,city\n990000,province,青岚省,青岚,青岚省,\n"})
    resources = build_resources(load_lexicon([folder]))
    assert resources.gazetteer.candidates("青岚省")
    assert not build_resources().gazetteer.candidates("青岚省")


def test_segmenter_is_made_on_first_use_and_kept():
    resources = build_resources()
    assert resources._segmenter is None
    assert resources.segmenter is resources.segmenter
    assert "".join(resources.segmenter.cut("一段测试文字。")) == "一段测试文字。"


def test_warm_keeps_the_worker_s_resources(monkeypatch):
    from djtext.pipeline import document

    monkeypatch.setattr(document, "KEPT_RESOURCES", {})
    resources = keep_resources(Options())
    options, kept = document.KEPT_RESOURCES["resources"]
    assert options == Options() and kept is resources is resources_for(Options())
