"""Tests of djtext.segment.registry and the protocol; hanlp stays an optional import."""
from __future__ import annotations

import pytest
from djtext.segment import JiebaSegmenter, Segmenter, SegmenterUnavailable, available_segmenters, get_segmenter


def test_registry_and_protocol():
    assert {"jieba", "hanlp"} <= set(available_segmenters())
    seg = get_segmenter()
    assert isinstance(seg, Segmenter) and seg.name == "jieba"
    assert get_segmenter() is seg  # cached: no start-up per document
    assert get_segmenter(lexicon=["甲乙丙"]) is not seg
    with pytest.raises(SegmenterUnavailable, match="unknown segmenter"):
        get_segmenter("nltk")
    assert get_segmenter("jieba", model=None) is seg  # None options count as not given
    with pytest.raises(SegmenterUnavailable, match="does not take the option"):
        get_segmenter("jieba", model="some/folder")
    with pytest.raises(SegmenterUnavailable, match="unknown jieba engine"):
        JiebaSegmenter(engine="pkuseg")


def test_hanlp_missing_gives_install_hint(monkeypatch):
    from djtext import segment

    monkeypatch.setattr(segment.hanlp_backend.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SegmenterUnavailable, match=r"djtext\[hanlp\]"):
        segment.HanLPSegmenter("/nonexistent")


def test_core_import_does_not_import_hanlp_or_torch():
    import subprocess
    import sys

    code = "import sys, djtext.segment; print('hanlp' in sys.modules or 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
