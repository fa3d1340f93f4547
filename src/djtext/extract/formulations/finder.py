"""The formulation finder: every source's candidates, the longest of overlapping ones kept, their
repeats and scopes.
"""
from __future__ import annotations

from djtext.extract.formulations.generative import (
    from_big_counts,
    from_compounds,
    from_counted,
    from_digits,
    from_enumerations,
    from_explained,
    from_leads,
    from_summaries,
)
from djtext.extract.formulations.national import from_lexicon, repeats
from djtext.extract.formulations.quoted import from_quotes, quoted_parts
from djtext.extract.formulations.vocabulary import formulation_vocabulary
from djtext.lexicon import Lexicon
from djtext.models import Mention


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (earlier sources win ties)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in mentions), default=0))  # 1 where a kept mention lies
    for mention in ordered:
        if taken.find(1, mention.start, mention.end) >= 0:
            continue
        kept.append(mention)
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(kept, key=lambda m: m.start)


def extract_formulations(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a numeric formulation in the clean ``text``."""
    vocab = formulation_vocabulary(lexicon)
    candidates = (
        from_quotes(text, vocab)
        + from_lexicon(text, vocab)
        + from_summaries(text, vocab)
        + from_compounds(text, vocab)
        + from_leads(text, vocab)
        + from_counted(text, vocab)
        + from_enumerations(text, vocab)
        + from_big_counts(text, vocab)
        + from_explained(text, vocab)
        + from_digits(text)
    )
    kept = _resolve(candidates)
    kept = _resolve(kept + quoted_parts(text, kept))
    mentions = sorted(kept + repeats(text, kept), key=lambda m: m.start)
    scopes = vocab.scopes or {}
    for mention in mentions:
        mention.attrs["scope"] = scopes.get(mention.text, "local")
    return mentions
