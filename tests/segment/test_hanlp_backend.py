"""The HanLP backend on a real (tiny) model that the test session trains with HanLP's own trainer.

Needs the ``djtext[hanlp]`` extra (hanlp and torch); skipped with a reason without it.
"""
from __future__ import annotations

import pickle
import random
import shutil
import time

import pytest

pytestmark = pytest.mark.hanlp

pytest.importorskip("torch", reason="the HanLP backend needs torch: pip install 'djtext[hanlp]'")
pytest.importorskip("hanlp", reason="the HanLP backend needs hanlp: pip install 'djtext[hanlp]'")

from djtext.segment import (  # noqa: E402
    HanLPSegmenter,
    SegmenterUnavailable,
    get_segmenter,
    hanlp_expected_folder,
)

# A small generator of report-like sentences (our own text, not the corpus).
SUBJECTS = ["市政协", "县政协党组", "机关党委", "各专委会", "政协委员", "党员干部", "区政协机关", "委员工作室", "界别小组"]
VERBS = ["深入开展", "认真落实", "持续推进", "积极探索", "全面加强", "不断完善", "扎实推进", "组织开展", "精心打造", "广泛开展"]
OBJECTS = [
    "主题教育", "党建品牌", "理论学习", "协商议政", "民主监督", "基层治理", "调研视察", "提案办理",
    "社情民意信息工作", "委员履职能力建设", "思想政治引领", "为民办实事活动", "读书活动", "联系群众工作",
]
TAILS = ["，取得明显成效。", "，推动工作高质量发展。", "，凝聚广泛共识。", "，服务群众。", "。", "，形成工作合力。"]


def generated_sentences(n: int, seed: int = 7) -> list[str]:
    """``n`` report-like sentences built from the word lists above."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        middle = rng.choice(OBJECTS)
        if rng.random() < 0.4:
            middle += "和" + rng.choice(OBJECTS)
        out.append(rng.choice(SUBJECTS) + rng.choice(VERBS) + middle + rng.choice(TAILS))
    return out


def spans(words: list[str]) -> set[tuple[int, int]]:
    """Word spans of a segmentation."""
    out, pos = set(), 0
    for word in words:
        out.add((pos, pos + len(word)))
        pos += len(word)
    return out


def f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Word-span F1 of ``pred`` against ``gold``."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    precision, recall = tp / n_pred, tp / n_gold
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """One torch thread: the tiny model gains nothing from more, and a busy machine loses a lot."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.fixture(scope="session")
def jieba_segmenter():
    return get_segmenter("jieba")


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, jieba_segmenter):
    """Folder of a HanLP RNNTokenizer trained here on 400 jieba-segmented sentences."""
    from djtext.hanlp_train import train_tiny_tokenizer

    sentences = [jieba_segmenter.cut(s) for s in generated_sentences(400)]
    folder = tmp_path_factory.mktemp("hanlp") / "tiny_tok"
    train_tiny_tokenizer(sentences, folder, epochs=4)
    return folder


def test_tiny_model_loads_from_folder_and_segments_sensibly(tiny_model, jieba_segmenter):
    seg = HanLPSegmenter(tiny_model)
    assert seg.component.model.crf.batch_first is True  # the hanlp 2.1.x CRF workaround is in place
    held_out = generated_sentences(60, seed=99)
    predicted = [seg.cut(s) for s in held_out]
    for sentence, words in zip(held_out, predicted):
        assert "".join(words) == sentence
    score = f1([jieba_segmenter.cut(s) for s in held_out], predicted)
    print(f"tiny HanLP model: word F1 {score:.3f} against jieba on held-out sentences")
    assert score > 0.8, score
    import hanlp

    plain = hanlp.load(str(tiny_model))  # the saved folder is a normal HanLP component too
    assert plain("政协委员扎实推进调研视察。") == seg.cut("政协委员扎实推进调研视察。")
    tokens = seg.tokenize("市政协深入开展主题教育。\n  党员干部认真落实")
    assert "".join(w for w, _, _ in tokens) == "市政协深入开展主题教育。\n  党员干部认真落实"
    assert ("\n  ", 12, 15) in tokens


def test_hanlp_segmenter_through_registry_keeps_protected_terms(tiny_model):
    seg = get_segmenter("hanlp", lexicon=["1+3+N", "红心·同行"], model=str(tiny_model))
    assert seg.name == "hanlp"
    words = seg.cut("市政协推行1+3+N工作法，打造红心·同行品牌。")
    assert "1+3+N" in words and "红心·同行" in words
    assert "".join(words) == "市政协推行1+3+N工作法，打造红心·同行品牌。"
    clone = pickle.loads(pickle.dumps(seg))
    assert clone._component is None and clone.cut("市政协推行1+3+N工作法") == seg.cut("市政协推行1+3+N工作法")


def test_identifier_found_under_hanlp_home(tiny_model, tmp_path, monkeypatch):
    import hanlp.pretrained

    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    folder = hanlp_expected_folder(hanlp.pretrained.tok.COARSE_ELECTRA_SMALL_ZH)
    assert folder.is_relative_to(tmp_path) and folder.name == "coarse_electra_small_20220616_012050"
    shutil.copytree(tiny_model, folder)
    seg = HanLPSegmenter("COARSE_ELECTRA_SMALL_ZH")
    assert seg.location == str(folder)
    assert "".join(seg.cut("政协委员扎实推进调研视察。")) == "政协委员扎实推进调研视察。"


def _fails_fast(bound: float = 10.0, match: str = "", **kwargs) -> str:
    started = time.monotonic()
    with pytest.raises(SegmenterUnavailable, match=match) as info:
        HanLPSegmenter(**kwargs)
    assert time.monotonic() - started < bound
    message = str(info.value)
    assert "\n" not in message
    return message


def test_missing_model_folder_fails_fast(tmp_path):
    message = _fails_fast(model=tmp_path / "no_such_model", match="does not exist")
    assert "--hanlp-model" in message


def test_folder_without_model_files_fails_fast(tmp_path):
    _fails_fast(model=tmp_path, match="no config.json")


def test_zip_file_instead_of_folder_fails_fast(tmp_path):
    archive = tmp_path / "model.zip"
    archive.write_bytes(b"PK")
    _fails_fast(model=archive, match="unzip")


def test_unknown_identifier_fails_fast():
    _fails_fast(model="NO_SUCH_HANLP_MODEL", match="neither a folder nor a known pretrained identifier")


def test_pretrained_identifier_not_installed_fails_fast_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    message = _fails_fast(model="COARSE_ELECTRA_SMALL_ZH", match="not installed")
    assert "https://" in message and str(tmp_path) in message  # says what to download and where


def test_download_allowed_but_host_unreachable_fails_fast(tmp_path, monkeypatch):
    from djtext import segment

    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    monkeypatch.setattr(segment.hanlp_backend, "host_reachable", lambda url, timeout: False)
    _fails_fast(model="COARSE_ELECTRA_SMALL_ZH", allow_download=True, match="unreachable")


def test_reachability_check_is_bounded():
    from djtext.segment import host_reachable as _reachable

    started = time.monotonic()
    _reachable("https://198.51.100.1/model.zip", timeout=0.5)  # TEST-NET-2: never answers
    assert time.monotonic() - started < 10.0  # far below HanLP's own ~25 s of retries
