"""Extractors over the clean text: brands, formulations, slogans, practices (one module each).

Each is registered as an ``Extractor`` with the names of the extractors whose mentions it reads
(``needs``); ``extract_all`` runs the registry in order and returns every mention in text order.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import Callable

from djtext.lexicon import Lexicon
from djtext.models import CleanText, Mention

Found = dict[str, list[Mention]]  # the mentions of the extractors run so far, by name


@dataclass(frozen=True)
class Extractor:
    """One named extractor: ``run(text, lexicon, found)`` gives its mentions, reading ``found[need]``."""

    name: str
    needs: tuple[str, ...]
    run: Callable[[str, Lexicon | None, Found], list[Mention]]


EXTRACTORS: list[Extractor] = []  # run in this order


def register_extractor(extractor: Extractor) -> Extractor:
    """Append ``extractor`` to the registry (it must come after every extractor it needs)."""
    known = {e.name for e in EXTRACTORS}
    missing = [need for need in extractor.needs if need not in known]
    if extractor.name in known or missing:
        raise ValueError(f"extractor {extractor.name!r}: already registered or needs unregistered {missing}")
    EXTRACTORS.append(extractor)
    return extractor


def _brands(text: str, lexicon: Lexicon | None, found: Found) -> list[Mention]:
    from djtext.extract.brands import extract_brands

    return extract_brands(text, lexicon=lexicon)


def _formulations(text: str, lexicon: Lexicon | None, found: Found) -> list[Mention]:
    from djtext.extract.formulations import extract_formulations

    return extract_formulations(text, lexicon=lexicon)


def _practices(text: str, lexicon: Lexicon | None, found: Found) -> list[Mention]:
    from djtext.extract.practices import extract_practices

    return not_brands(extract_practices(text, lexicon=lexicon), found["brands"])


def _slogans(text: str, lexicon: Lexicon | None, found: Found) -> list[Mention]:
    from djtext.extract.slogans import extract_slogans

    taken = [(m.start, m.end) for m in found["brands"] + found["formulations"]]
    return extract_slogans(text, lexicon=lexicon, exclude_spans=taken, brands=found["brands"])


register_extractor(Extractor("brands", (), _brands))
register_extractor(Extractor("formulations", (), _formulations))
register_extractor(Extractor("practices", ("brands",), _practices))
register_extractor(Extractor("slogans", ("brands", "formulations"), _slogans))


def extract_all(clean: CleanText, *, lexicon: Lexicon | None = None,
                extractors: list[Extractor] | None = None) -> list[Mention]:
    """Run every registered extractor (or ``extractors``) over ``clean``; their mentions in text order."""
    text = clean.text
    found: Found = {}
    for extractor in EXTRACTORS if extractors is None else extractors:
        found[extractor.name] = extractor.run(text, lexicon, found)
    mentions = [m for name in found for m in found[name]]
    return sorted(mentions, key=lambda m: (m.start, m.end, m.table))


def not_brands(practices: list[Mention], brands: list[Mention]) -> list[Mention]:
    """``practices`` without those that name a brand found at the same place (a brand of a unit is
    not repeated as its practice: “X”议事平台…等特色协商品牌 gives the brand X, not a practice X)."""
    if not brands:
        return practices
    spans = sorted((b.start, b.end) for b in brands)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end of the brands so far
    kept = []
    for p in practices:  # a brand overlaps p when one starting before p.end ends after p.start
        before = bisect_left(starts, p.end)
        if not (before and reach[before - 1] > p.start):
            kept.append(p)
    return kept
