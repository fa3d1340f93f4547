"""Helpers of the structure tests: clean texts built straight from invented strings."""
from __future__ import annotations

from djtext.models import CleanText, Mark


def clean_of(text: str, marks: list[Mark] | None = None) -> CleanText:
    """A clean text equal to its raw text (identity offsets), with optional marks."""
    return CleanText(text=text, offsets=list(range(len(text))), raw=text, marks=marks or [])


def reporting(units):
    """The reporting (not cited) units."""
    return [u for u in units if not u.cited]


def spaced_clean(raw: str) -> CleanText:
    """A clean text without the spaces of ``raw`` (the way the cleaner drops spacing), with offsets."""
    text = raw.replace(" ", "")
    return CleanText(text=text, offsets=[i for i, ch in enumerate(raw) if ch != " "], raw=raw)


# Invented texts shared by the unit and list tests.
LEAD_LINES = """全市政协系统党建工作纪实
开篇导语，介绍全市情况。
西湖区政协：深耕“同心”品牌 推动履职提质
西湖区政协坚持党建引领，打造品牌。
一、以学促干，筑牢思想根基。正文内容。
二、以干践学，提升履职质效。正文内容。
余杭区政协：党建引领 协商为民
余杭区政协以党建促履职。
一、建强组织，夯实基础。正文。
二、搭建平台，服务群众。正文。
三、完善机制，形成闭环。正文。
"""

NEWSPAPER = """座谈会上，各市县政协作了交流发言。
近年来，绍兴市政协党组坚持党建引领，推动政协工作高质量发展，取得了明显成效。
围绕中心大局，找准服务发展的切入点。正文说明做法和成效。
围绕组织建设，找准夯实基础的发力点。正文说明做法和成效。
十二届自治区政协以来，自治区政协文化文史和学习委员会分党组坚持学习，推动工作。
组织联建，汇聚协商议政合力。正文内容。
阵地联用，夯实履职工作基础。正文内容。
标题一 绍兴市政协党组书记、主席 张三
标题二 自治区政协文化文史和学习委员会分党组书记、主任 李四
"""
