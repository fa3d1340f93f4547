"""A tiny invented corpus and its RESULTS folder, shared by the report tests."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from djtext.cli import app

DOCS = {
    "east/a.txt": (
        "宁波市政协：打造“甬水同心”党建品牌\n"
        "发布时间：2024-03-05\n\n"
        "宁波市政协党组坚持以党建引领履职，全力打造“甬水同心”党建品牌，严格落实“三会一课”制度。\n"
        "一、建强阵地。建设“甬上议事厅”协商平台，推动“两个维护”落到实处。\n"
        "二、服务群众。开展“委员进社区”活动，做到“有呼必应”。\n"
    ),
    "west/b.txt": (
        "银川市政协党组以“塞上同心”品牌引领委员履职\n\n"
        "银川市政协党组围绕中心工作，打造“塞上同心·协商为民”党建品牌，建立“委员联系群众”制度。\n"
        "（一）强化学习。落实“第一议题”制度，开展“书香政协”活动。\n"
        "（二）搭建平台。建设“凤城议事堂”，推动协商向基层延伸。\n"
    ),
}


def write_corpus(folder: Path) -> Path:
    """Write the invented documents under ``folder``."""
    for rel, text in DOCS.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def extract(corpus: Path, results: Path) -> Path:
    """Run `djtext extract` (no cache) on ``corpus`` into ``results``."""
    result = CliRunner().invoke(app, ["extract", str(corpus), "--out", str(results), "--no-cache", "--quiet"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return results
