"""Regression cases of the cleaner, on invented text: each one a fault once seen, cleaned right and idempotent."""
from __future__ import annotations

from djtext.clean import clean_text

BODY_A = "山前镇政协联络组围绕乡村道路养护开展协商，收集意见二十余条。"
BODY_B = "镇里据此完善了养护制度，群众对出行条件的评价明显好转。"


def _clean_twice(raw: str) -> str:
    once = clean_text(raw).text
    assert clean_text(once).text == once, "cleaning is not idempotent"
    return once


def test_ocr_spaced_page_number_line_goes_in_the_first_pass() -> None:
    raw = f"{BODY_A}\n\n\n—   1 1  — \n\n{BODY_B}\n"
    assert _clean_twice(raw) == f"{BODY_A}\n{BODY_B}"


def test_ocr_spaced_page_number_after_a_running_header_goes_with_it() -> None:
    raw = f"{BODY_A}\n\n\n溪口论坛  I 履职纵横  1 7 \n\n{BODY_B}\n"
    assert _clean_twice(raw) == f"{BODY_A}\n{BODY_B}"


def _wrap(paragraphs: list[str], width: int) -> list[str]:
    return [p[i:i + width] for p in paragraphs for i in range(0, len(p), width)]


PARAS = [
    "近年来，桐江市柳湾镇政协联络组把协商议事室建到村里，每月请委员和村民坐在一起商量公共事务，"
    "先后办成了修桥、通水、改厕等实事十多件，村民说这样的协商接地气、有实效。",
    "联络组还建立了意见建议台账，对每一条建议都明确责任人和办理时限，办理结果在村务公开栏张贴，"
    "接受群众监督，做到件件有着落、事事有回音。",
    "下一步，联络组将继续完善协商规则，扩大群众参与面，让更多的事情在协商中找到最大公约数，"
    "推动基层治理水平不断提升。",
]


def test_running_header_of_a_short_article_inside_a_sentence_goes() -> None:
    lines = _wrap(PARAS, 24)
    page = ["溪声履职  23"]  # an article's own running header: it occurs once, glued into no other line
    raw = "\n".join(lines[:5] + ["", ""] + page + [""] + lines[5:]) + "\n"
    once = _clean_twice(raw)
    assert "溪声履职" not in once and "23" not in once
    assert once.split("\n") == PARAS


def test_running_headers_counting_up_with_changing_titles_go() -> None:
    lines = _wrap(PARAS * 2, 24)
    headers = ["12  溪山论丛", "柳湾议事纪实  13", "14  溪山论丛"]
    raw = "\n".join(lines[:7] + ["", headers[0], ""] + lines[7:14] + ["", headers[1], ""] + lines[14:21]
                    + ["", "", headers[2], ""] + lines[21:]) + "\n"
    assert _clean_twice(raw).split("\n") == PARAS * 2


def test_header_above_its_article_title_goes() -> None:
    title = "柳湾议事纪实"
    raw = "柳湾议事纪实  31\n\n" + "\n".join([title] + _wrap(PARAS, 24)) + "\n"
    assert _clean_twice(raw).split("\n") == [title] + PARAS


def test_entity_cut_by_a_wrap_is_decoded() -> None:
    raw = "委员们说&ld\nquo;有事好商量&rdquo;让人心里亮堂。\n"
    assert _clean_twice(raw) == "委员们说“有事好商量”让人心里亮堂。"


def test_entity_cut_by_a_page_break_is_decoded() -> None:
    raw = ("近年来，柳湾镇政协联络组坚持每月开展&ldq\n\n\n9  溪山论丛\n\n"
           "uo;有事好商量&rdquo;协商活动，村民说这样的协商接地气。\n")
    assert _clean_twice(raw) == "近年来，柳湾镇政协联络组坚持每月开展“有事好商量”协商活动，村民说这样的协商接地气。"


def test_wrapped_numbered_heading_is_one_line() -> None:
    heading = "一、坚持把协商议事室建到村民家门口，让群众的事由群众商量着办"
    raw = "\n".join(_wrap([PARAS[0], heading, PARAS[1]], 22)) + "\n"
    assert _clean_twice(raw).split("\n") == [PARAS[0], heading, PARAS[1]]


def test_paragraph_wrapped_before_its_full_stop_stays_whole() -> None:
    lines = _wrap(PARAS, 20)  # the first paragraph's full stop is alone on its line
    assert lines[4] == "。"
    assert _clean_twice("\n".join(lines) + "\n").split("\n") == PARAS


def test_ocr_spaced_running_text_is_no_menu() -> None:
    raw = ("委员 们 说 这 让 我们 更有 信心 把 基层 医疗 服务 能力 提升 这 件事 办好。\n"
           "协 商 会 上 大家 畅所 欲言 提出 建议 十多 条 都 被 相关 部门 采纳。\n")
    assert "能力提升" in _clean_twice(raw)


def test_corpus_evidence_removes_a_header_seen_in_other_files() -> None:
    from djtext.clean import corpus_header_titles

    lines = _wrap(PARAS, 24)
    lone = "\n".join(lines[:4] + ["", "溪声履职  23", ""] + lines[4:]) + "\n"  # after a sentence end: no local evidence
    others = [f"{PARAS[1]}\n\n溪声履职  {n}\n\n{PARAS[2]}\n" for n in (7, 41)]
    titles = corpus_header_titles(others + [lone])
    assert titles == {"溪声履职"}
    assert "溪声履职" in clean_text(lone).text  # a header-shaped line alone is not enough
    assert "溪声履职" not in clean_text(lone, header_titles=titles).text
