"""The cleaner's speed-ups change nothing: a fixer is not re-run on a state it already left unchanged
(its marks and flags are added again as a re-run would add them), and the fast regexes find exactly
what the plain ones find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.clean import fix_punct
from djtext.clean import runner
from djtext.clean.runner import Fixer, run_fixers
from djtext.models import Edit

_CHARS = st.sampled_from(list("政协ab1 ,;:?!，。（）“”\n.()"))


def _annotating(text: str) -> list[Edit]:
    """A fixer that never changes the text: a heading mark on the first line and a flag on the second."""
    first = text.split("\n")[0]
    edits = [Edit(0, len(first), first, "mark:heading:0")]
    if "\n" in text:
        start = len(first) + 1
        edits.append(Edit(start, start + 1, text[start], "flag:test:doubtful"))
    return edits


def _joining(text: str) -> list[Edit]:
    """A fixer that joins the first two lines once (so the settle loop runs a second round)."""
    pos = text.find("\n")
    return [Edit(pos, pos + 1, "", "join")] if pos >= 0 and text.count("\n") > 1 else []


def _compare_with_and_without_skipping(raw: str, fixers: list[Fixer], monkeypatch) -> None:
    skipped = run_fixers(raw, fixers)
    monkeypatch.setattr(runner, "_run", lambda state, fixer, unchanged: runner.apply_fixer(state, fixer.name, fixer(state.text)))
    rerun = run_fixers(raw, fixers)
    assert (skipped.text, skipped.offsets, skipped.fixes, skipped.marks, skipped.flags) == \
        (rerun.text, rerun.offsets, rerun.fixes, rerun.marks, rerun.flags)


def test_a_skipped_rerun_gives_what_a_rerun_gives(monkeypatch) -> None:
    calls: list[str] = []

    def counted(text: str) -> list[Edit]:
        calls.append(text)
        return _annotating(text)

    fixers = [Fixer("join", "", _joining, settle="repeat"), Fixer("note", "", counted, settle="repeat")]
    result = run_fixers("甲\n乙\n丙\n丁", fixers)
    assert result.text == "甲乙丙\n丁"
    assert calls.count("甲乙丙\n丁") == 1  # the second settle round skipped it
    # main pass (on 甲乙\n丙\n丁), settle round 1, and round 2: skipped, its flag added again
    assert [f.text for f in result.flags] == ["丙", "丁", "丁"]
    _compare_with_and_without_skipping("甲\n乙\n丙\n丁", fixers, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_split_punctuation_regexes_find_the_runs_of_the_plain_one(text: str) -> None:
    plain = [m.span() for m in fix_punct._SIMPLE.finditer(text)]
    split = sorted([m.span() for m in fix_punct._SIMPLE_AFTER_CHINESE.finditer(text)]
                   + [m.span() for m in fix_punct._SIMPLE_OTHER.finditer(text)])
    assert split == plain
    after = [m.span() for m in fix_punct._SIMPLE_AFTER_CHINESE.finditer(text)]
    assert all(start and re.match(rf"[\u4e00-\u9fff{re.escape(fix_punct.CN_PUNCT)}]", text[start - 1])
               for start, _ in after)


def _key(edit: Edit) -> tuple[int, int, str, str]:
    return edit.start, edit.end, edit.replacement, edit.note


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=60))
def test_width_edits_judge_each_line_on_its_own(text: str) -> None:
    # what lets later rounds of fix_punctuation_width re-judge only the lines the last round changed
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    by_line = fix_punct._width_edits_on_lines(text, spans)
    assert sorted(map(_key, by_line)) == sorted(map(_key, fix_punct._width_edits(text)))


_LINE_CHARS = st.sampled_from(list("政协一二十第章（）()1２３、是.，,。！？!?；;…”’」』》】\"' ：:—-～+/·①⑳"))


@settings(max_examples=400, deadline=None)
@given(st.text(_LINE_CHARS, min_size=1, max_size=12).filter(lambda t: t.strip(" ")))
def test_quick_line_tests_agree_with_the_line_regexes(text: str) -> None:
    from djtext.clean import fix_lines

    line = fix_lines._Line(0, len(text), text, 0, 0)
    assert line.ends == bool(fix_lines._ENDS_SENTENCE.search(text[-6:]))
    assert line.strong == bool(fix_lines._STRONG_START.match(text))
    assert line.listed == bool(fix_lines._LIST_START.match(text))
    assert line.open_end == bool(fix_lines._CONTINUES.search(text))


def test_only_patterns_without_line_context_are_tried_on_the_whole_text() -> None:
    from djtext.clean.fix_boilerplate import _context_free

    assert _context_free(r"版权所有|[^，。\s]{2}下载|\bwww\.\w+")
    assert _context_free(r"a\^b\$c")
    for pattern in (r"^\s*首页", r"来源\s*$", r"A(?=\s)", r"(?<!\d)页", r"(?!x)y", r"\A首页", r"尾\Z"):
        assert not _context_free(pattern), pattern


def test_boilerplate_prefilter_changes_no_result(monkeypatch) -> None:
    from djtext.clean import fix_boilerplate

    text = ("某市政协召开会议，研究部署工作。\n版权所有 某某网站\n联系 QQ 1 2 3 4 5 6\n字号：大 中 小\n"
            "分享到：微信 微博\n（本报记者 张三 摄）\n正文继续，推动工作落实。\n")
    fast = fix_boilerplate.fix_boilerplate(text), fix_boilerplate.fix_spam(text)
    monkeypatch.setattr(fix_boilerplate, "_may_match", lambda pattern, text: True)
    assert (fix_boilerplate.fix_boilerplate(text), fix_boilerplate.fix_spam(text)) == fast
