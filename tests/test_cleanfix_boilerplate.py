"""The boilerplate scanner's speed-ups change nothing: it finds what the scanner before them found
(kept as the oracle in _cleanfix_oracles.py), the rewritten patterns match what the old ones
matched, and a pattern's triggers are read as needed in a line only where every match holds one."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _cleanfix_oracles as old
from djtext.clean import fix_boilerplate
from djtext.lexicon import LexiconError

_PIECES = st.sampled_from([
    "首页 > 新闻中心 > 正文", "首页&gt;要闻&gt;正文", "当前位置：首页", "网站首页 | 关于我们", "欢迎访问本站",
    "新闻 | 通知 | 公告 | 政策", "新闻 通知 公告 政策 文件 会议", "-----", "| a | b |", "|  |", "｜",
    "2023年5月6日 10:30 来源：新华社", "来源：本报", "责任编辑：张三", "（编辑：李四）", "人民日报 2023年5月6日 第 3 版",
    "第 2 版：要闻", "— 1 1 —", "第 1 2 页", "- 3 -", "3 / 12", "（本报记者 张三 摄）", "摄影：李四", "图片来源：网络",
    "版权所有 某某网站", "Copyright © 2023", "ICP备12345号", "相关阅读", "上一篇：通知", "字号：大 中 小", "A+ A-",
    "A A A", "分享到：微信 微博 QQ", "【打印】", "返回顶部", "扫一扫在手机打开当前页", "http://www.example.com/a",
    "www.abc.cn", "abc-d.com", "--.com", "下载APP", "打开某某客户端", "扫码关注", "长按识别二维码", "关注公众号",
    "点击领取", "博彩 百家乐", "六合彩", "皇冠体育", "加微信", "微信号：abc", "QQ:12345678", "qQ 1 2 3 4 5 6", "Qq123456",
    "代写", "兼职日结", "某市政协召开会议，研究部署工作。", "正文继续，推动工作落实", "学习", "工 作 报 告", "一二三四五六七八九十" * 3,
    "政协委员", "123", " ", "　", "\t", "。", ">", "»", "→", "版", "A", "-", "|", "Q", "q", ".com",
])
_BREAKS = st.sampled_from(["\n", "\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c", ""])


@st.composite
def _texts(draw) -> str:
    parts = draw(st.lists(st.tuples(st.lists(_PIECES, min_size=1, max_size=4), _BREAKS), max_size=14))
    return "".join("".join(pieces) + brk for pieces, brk in parts)


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_the_scanner_finds_what_the_old_scanner_found(text: str) -> None:
    assert fix_boilerplate.fix_boilerplate(text) == old.fix_boilerplate(text)
    assert fix_boilerplate.fix_spam(text) == old.fix_spam(text)


def test_the_sample_documents_are_scanned_as_before() -> None:
    from pathlib import Path

    for path in sorted(Path("../shared/corpus").glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        assert fix_boilerplate.fix_boilerplate(text) == old.fix_boilerplate(text), path.name
        assert fix_boilerplate.fix_spam(text) == old.fix_spam(text), path.name


_REWRITTEN = {  # kind: (the pattern before, written so that the engine skips quickly to a candidate)
    "spam_app": r"(?:下载|安装|打开)[^，。,.\s]{0,8}(?:APP|App|app|客户端)|APP\s*下载|扫码(?:下载|关注|进群|领取)"
                r"|长按(?:识别)?二维码|关注(?:我们的)?(?:微信)?公众号|点击(?:下载|领取|进入)",
    "spam_contact": r"加微信|加V|微信号\s*[:：]|[Qq]{2}\s*[:：]?\s*\d{5,}|代写|代开发票|刷单|兼职日结|无抵押贷款|贷款秒批",
}
_SPAM_CHARS = st.sampled_from(list("下载安装打开APPappApp客户端扫码关注进群领取长按识别二维码我们的微信公众号点击进入加V号:：Qq12345 ，。,.代写开发票刷单兼职日结无抵押贷款秒批\n"))


@settings(max_examples=500, deadline=None)
@given(st.text(_SPAM_CHARS, max_size=30))
def test_rewritten_patterns_match_what_the_old_ones_matched(text: str) -> None:
    rows = {p.kind: p for p in fix_boilerplate.boilerplate_patterns()}
    for kind, before in _REWRITTEN.items():
        assert [m.span() for m in rows[kind].regex.finditer(text)] == [m.span() for m in re.finditer(before, text)]


def test_triggers_are_needed_where_every_match_holds_one() -> None:
    needed = fix_boilerplate._triggers_in_every_match
    assert needed(r"(?:https?://|www\.)\w+|\b\w+\.(?:com|cn)\b", ("http", "www.", ".com", ".cn"))
    assert needed(r"长按(?:识别)?二维码|点击(?:下载|领取)", ("长按", "点击"))
    assert needed(r"^\s*(?:\w{2}\s*[|｜]\s*){3,}$", ("|", "｜"))
    assert not needed(r"[Qq]{2}\d+", ("QQ", "qq", "Qq"))  # qQ holds none
    assert not needed(r"(?i)qq\d+", ("QQ",))
    assert not needed(r"a|b", ("a",))
    assert not needed(r"x?y", ("x",))
    assert not needed(r"\d+", ())


@pytest.mark.parametrize("pattern, skippable", [
    (r"版权所有|\bwww\.\w+", True), (r"^\s*首页", False), (r"a\B", False), (r"(?>ab)c", False), (r"a*+b", False),
    (r"a\+b", True),
])
def test_skippable_patterns(pattern: str, skippable: bool) -> None:
    assert fix_boilerplate._skippable(pattern) is skippable


def test_an_anchored_pattern_may_not_have_triggers_a_match_can_lack(tmp_path, monkeypatch) -> None:
    csv = tmp_path / "clean_boilerplate.csv"
    csv.write_text("kind,scope,action,max_len,triggers,pattern\nmenu,line,remove,80,|,^\\s*(?:\\w+\\s*)+$\n", encoding="utf-8")
    monkeypatch.setattr(fix_boilerplate, "BOILERPLATE_FILE", csv)
    fix_boilerplate.boilerplate_patterns.cache_clear()
    try:
        with pytest.raises(LexiconError, match="row 2"):
            fix_boilerplate.boilerplate_patterns()
    finally:
        monkeypatch.undo()
        fix_boilerplate.boilerplate_patterns.cache_clear()


def test_upcoming_says_where_the_next_match_lies() -> None:
    upcoming = fix_boilerplate._Upcoming(re.compile("版"), "甲\n第1版\n乙\n丙版")
    assert not upcoming.within(0, 1)
    assert upcoming.within(2, 5)
    assert not upcoming.within(6, 7)
    assert upcoming.within(8, 10)


def _clear_caches() -> None:
    for module in (fix_boilerplate, old):
        for name in ("boilerplate_patterns", "_anchored", "_trigger_regex", "_any_fragment_trigger"):
            if hasattr(getattr(module, name, None), "cache_clear"):
                getattr(module, name).cache_clear()


def test_patterns_that_look_beyond_the_line_are_tried_on_every_line(tmp_path, monkeypatch) -> None:
    csv = tmp_path / "clean_boilerplate.csv"
    csv.write_text("kind,scope,action,max_len,triggers,pattern\n"
                   "banner,line,remove,80,,^\\s*首页(?=\\s|$)\n"
                   "related,tail,remove,80,,^\\s*相关(?!链接)\n"
                   "disclaimer,line,remove,80,版权,版权所有\n", encoding="utf-8")
    monkeypatch.setattr(fix_boilerplate, "BOILERPLATE_FILE", csv)
    _clear_caches()
    try:
        assert fix_boilerplate._anchored("line", False).always
        for text in ("正文\n首页\n正文", "正文\n首页 \n相关\n甲\n乙。\n版权所有", "首页内容\n相关链接\n正文"):
            assert fix_boilerplate.fix_boilerplate(text) == old.fix_boilerplate(text)
    finally:
        monkeypatch.undo()
        _clear_caches()


def test_lines_are_skipped_to_where_a_pattern_may_match() -> None:
    text = "正文第一段。\n" * 50 + "首页 > 新闻 > 正文\n" + "正文。\n" * 50 + "版权所有 某网站\n"
    assert fix_boilerplate.fix_boilerplate(text) == old.fix_boilerplate(text)
    assert [e.note for e in fix_boilerplate.fix_boilerplate(text)] == ["breadcrumb", "disclaimer"]
