"""lexicon: comment and blank lines dropped in one pass, .txt lexicons read without a join and re-split."""
from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from djtext.lexicon import BUILTIN_DIR, _strip_comments, read_lexicon_file


def old_strip_comments(text: str) -> str:
    """The comment stripping as it was (the oracle)."""
    return "\n".join(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def old_read_lexicon_file(path) -> list[dict[str, str]]:
    """read_lexicon_file as it was, for the files it accepts (the oracle)."""
    body = old_strip_comments(path.read_text(encoding="utf-8-sig"))
    if path.suffix == ".txt":
        return [{"term": line.strip()} for line in body.splitlines() if line.strip()]
    reader = csv.reader(io.StringIO(body))
    header = [name.strip() for name in next(reader, [])]
    width, rows = len(header), []
    for values in filter(None, reader):
        values += [""] * (width - len(values))
        rows.append(dict(zip(header, [value.strip() for value in values])))
    return rows


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t#a中\n\r\x0b\x1c\u2028\u3000,"), max_size=60))
def test_strip_comments_matches_the_old_generator(text):
    assert _strip_comments(text) == old_strip_comments(text)


def test_every_builtin_lexicon_reads_as_before():
    files = sorted(p for p in BUILTIN_DIR.iterdir() if p.suffix in (".csv", ".txt"))
    assert files
    for path in files:
        assert read_lexicon_file(path) == old_read_lexicon_file(path), path.name


def test_txt_lexicon_with_comments_and_blanks(tmp_path):
    path = tmp_path / "terms_x.txt"
    path.write_text("\ufeff# comment\n  词一  \n\n   # indented comment\n词二\r\n\t\n", encoding="utf-8")
    assert read_lexicon_file(path) == old_read_lexicon_file(path) == [{"term": "词一"}, {"term": "词二"}]
