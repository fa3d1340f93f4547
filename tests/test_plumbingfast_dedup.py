"""dedup.normalise: a long text's character table lookups done by numpy give the string translation's result."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext import dedup
from djtext.dedup import PYTHON_HASH_CHARS, normalise, normalised_codes


def old_normalise(text: str) -> str:
    """normalise as it was (string translation only): the oracle."""
    if dedup._OUTSIDE_STABLE.search(text) is None:
        fast = text.translate(dedup._CHARACTERS)
        if dedup._UNSTABLE not in fast:
            return fast
    return dedup._NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


# Han, ASCII, fullwidth forms, CJK punctuation, letterlike symbols, squared units (several characters),
# parenthesised Hangul (unstable: NFKC holds conjoining jamo), compatibility ideographs
PIECES = ["政协委员积极建言献策", "GDP ", "ａｂｃＡＢＣ１２３", "，。、《》“”", "℃№™", "㎡㎏", "㈀", "豈", "\n\t ", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.integers(1, 400))
def test_long_texts_normalise_as_by_string_translation(pieces, repeat):
    text = "".join(pieces) * repeat
    assert normalise(text) == old_normalise(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xffff, exclude_categories=("Cs",)), min_size=1, max_size=300))
def test_any_bmp_text_made_long_normalises_alike(text):
    text = (text * (PYTHON_HASH_CHARS // len(text) + 1))
    assert normalise(text) == old_normalise(text)


def test_normalised_codes_marks_several_characters_and_unstable_ones():
    assert normalised_codes("政协㎡") is None  # ㎡ → m2
    assert normalised_codes("政协㈀") is None  # unstable
    codes = normalised_codes("政协，ＡＢ c")
    assert "".join(map(chr, codes.tolist())) == "政协abc"
