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
