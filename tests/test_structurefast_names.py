"""The unit-name speed-ups give what the plain readings give: a whole text's names taken from the
names found per line (``document_unit_names``), and the helpers with cheap pre-tests, each compared
with the former version kept here as the oracle."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from djtext.models import CleanText
from djtext.structure import document_unit_names, find_unit_names, text_views, unit_vocabulary
from djtext.structure.bylines import names_by_line
from djtext.structure.places import level_suffix_before, owns_practice
from djtext.structure.unit_names import names_in, organ_after, uncensored
from djtext.structure.vocabulary import (LEVEL_OF_ORGAN_COMMITTEE, UnitVocabulary, longest_prefix,
                                         prefix_pattern)

VOCAB = unit_vocabulary()

# pieces of unit names, of their surroundings and of the layout around lines
FRAGMENTS = ["政协", "市", "县", "区", "省", "州", "自治区", "自治州", "地区", "中共", "党组", "机关", "委员会", "委",
             "街道", "镇", "乡", "工委", "工作联络组", "等地", "等", "、", "温州", "湖州", "绍兴", "越城", "和平", "凤翔",
             "青海", "第十三届", "中国人民政治协商会议", "工商联", "统战部", "分党组", "经济", "履职党总支", "第一党支部",
             "副主席", "书记", "大讲堂", "书房", "智慧平台", "“", "”", "《", "》", "在", "的", "是", "全", "我", "各级",
             "。", "，", "X", "x", "某", "*", "＊", "*协", "**", "# ", "\n", "\n\n", " ", "\u3000", "\t", "\r", "王明"]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def _views_with_line_names(text: str):
    clean = CleanText(text=text, offsets=list(range(len(text))))
    views = text_views(clean)
    names_by_line(clean, VOCAB, views)
    return views


@settings(max_examples=600, deadline=None)
@given(texts)
@example("。\n政协党组等地")  # a line's own text read alone: 等地 before its first body word wraps round
@example("市政协\n政协工作组和平镇")
def test_document_unit_names_are_the_whole_text_names(text):
    views = _views_with_line_names(text)
    assert document_unit_names(text, VOCAB, views) == find_unit_names(text, VOCAB)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_names_in_spans_between_line_breaks_join_to_the_whole_text_names(pieces):
    text = "\n".join(pieces)
    censored = uncensored(text)
    joined, start = [], 0
    for piece in pieces:
        joined.extend(names_in(censored, VOCAB, start, start + len(piece)))
        start += len(piece) + 1
    assert joined == find_unit_names(text, VOCAB)


def test_document_unit_names_reads_again_without_the_line_names():
    text = "温州市政协党组\n区政协机关"
    assert document_unit_names(text, VOCAB, None) == find_unit_names(text, VOCAB)
    views = _views_with_line_names(text)
    assert document_unit_names(text + "。", VOCAB, views) == find_unit_names(text + "。", VOCAB)  # another text
    assert [n.name for n in document_unit_names(text, VOCAB, views)] == ["温州市政协党组", "区政协机关"]


def test_the_built_in_vocabulary_is_unspaced():
    assert VOCAB.unspaced


# -- the former helpers (oracles) --------------------------------------------------------------

def _old_level_suffix_before(text: str, end: int, vocab: UnitVocabulary) -> str:
    if end <= 0 or text[end - 1] not in vocab.suffix_last_chars:
        return ""
    for suffix in vocab.suffixes_by_length:
        if end - len(suffix) >= 0 and text.startswith(suffix, end - len(suffix)):
            return suffix
    return ""


def _old_organ_after(text: str, pos: int, vocab: UnitVocabulary) -> tuple[int, str]:
    found = prefix_pattern(vocab.organs_by_length).match(text, pos)
    organ = found.group() if found else ""
    if (organ in ("", "机关") and text.startswith("机关", pos)
            and vocab.modified_organ_pattern is not None):
        found = vocab.modified_organ_pattern.match(text, pos)
        if found:
            return found.end(), LEVEL_OF_ORGAN_COMMITTEE
    if organ:
        return pos + len(organ), vocab.organs[organ]
    if "委" not in text[pos:pos + 11] or vocab.committee_pattern is None:
        return pos, "keep"
    m = vocab.committee_pattern.match(text, pos)
    if m:
        organ = longest_prefix(text, m.end(), vocab.organs_by_length)
        if not organ and vocab.modified_organ_pattern is not None:
            modified = vocab.modified_organ_pattern.match(text, m.end())
            organ = modified.group() if modified else ""
        return m.end() + len(organ), LEVEL_OF_ORGAN_COMMITTEE
    return pos, "keep"


def _old_owns_practice(text: str, end: int, vocab: UnitVocabulary) -> bool:
    import re

    last = vocab.practice_last_chars
    limit = min(len(text), end + 2 + 6)
    stop = re.compile("[\u4e00-\u9fff]*").match(text, end, max(end, limit)).end()
    if stop == end or stop == limit and limit < len(text) or text[stop - 1] not in last:
        return False
    pattern = vocab.practice_after
    return pattern is not None and pattern.match(text, end) is not None


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 200))
def test_helpers_with_pre_tests_answer_as_before(text, at):
    pos = min(at, len(text))
    assert level_suffix_before(text, pos, VOCAB) == _old_level_suffix_before(text, pos, VOCAB)
    assert organ_after(text, pos, VOCAB) == _old_organ_after(text, pos, VOCAB)
    assert owns_practice(text, pos, VOCAB) == _old_owns_practice(text, pos, VOCAB)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("推动政协工作")
@example("在政协")
@example("某政协")
def test_the_quick_no_place_test_finds_what_the_full_reading_finds(text):
    import djtext.structure.unit_names as unit_names

    quick = find_unit_names(text, VOCAB)
    original = unit_names._unknown_place_end
    unit_names._unknown_place_end = lambda char, vocab: False  # the full reading at every body word
    try:
        assert find_unit_names(text, VOCAB) == quick
    finally:
        unit_names._unknown_place_end = original


def _old_names_by_line(text: str, views) -> list:
    """The former names_by_line: every line with a body word read in its own text."""
    from djtext.structure.vocabulary import UnitName

    out = []
    for start, end in views.lines:
        for n in find_unit_names(text[start:end], VOCAB):
            out.append(UnitName(n.start + start, n.end + start, n.name, n.level, n.key, n.generic, n.shared))
    return out


@settings(max_examples=600, deadline=None)
@given(texts)
@example("。\n政协党组等地")
@example("**市政协党组**县政协\n区政协")
def test_names_by_line_reads_lines_as_before(text):
    clean = CleanText(text=text, offsets=list(range(len(text))))
    views = text_views(clean)
    assert names_by_line(clean, VOCAB, views) == _old_names_by_line(text, views)
