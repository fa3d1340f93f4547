"""Known formulations matched verbatim: the national lexicon's, and later occurrences of those a
document's other finders found once.
"""
from __future__ import annotations

import ahocorasick

from djtext.extract.formulations.characters import make_mention, preceded_by_ordinal
from djtext.extract.formulations.vocabulary import FormulationVocabulary
from djtext.models import Mention


def from_lexicon(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Occurrences of the national lexicon formulations (longest match, not after an ordinal)."""
    if vocab.automaton is None:
        return []
    found = []
    for end_index, term in vocab.automaton.iter_long(text):  # type: ignore[attr-defined]
        start = end_index - len(term) + 1
        if preceded_by_ordinal(text, start):
            continue
        found.append(make_mention(text, start, end_index + 1, "lexicon"))
    return found


def repeats(text: str, kept: list[Mention]) -> list[Mention]:
    """Later occurrences of the formulations ``kept`` found once, where no kept mention lies."""
    names = {m.text for m in kept if len(m.text) >= 3 or m.attrs.get("source") != "lead"}
    if not names:
        return []
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    taken = bytearray(len(text))  # 1 where a kept or repeated mention lies
    for m in kept:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for end_index, name in automaton.iter_long(text):
        start, end = end_index - len(name) + 1, end_index + 1
        if taken.find(1, start, end) >= 0 or preceded_by_ordinal(text, start):
            continue
        if name[0].isdigit() and (end < len(text) and (text[end].isdigit() or text[end] in "+＋.")):
            continue
        extra.append(make_mention(text, start, end, "repeat"))
        taken[start:end] = b"\x01" * (end - start)
    return extra
