"""Extractors over the clean text: brands, formulations, slogans, practices (one module each)."""
from __future__ import annotations

from djtext.lexicon import Lexicon
from djtext.models import CleanText, Mention


def extract_all(clean: CleanText, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Run every extractor over ``clean`` and return their mentions in text order."""
    from djtext.extract.brands import extract_brands
    from djtext.extract.formulations import extract_formulations
    from djtext.extract.practices import extract_practices
    from djtext.extract.slogans import extract_slogans

    text = clean.text
    brands = extract_brands(text, lexicon=lexicon)
    formulations = extract_formulations(text, lexicon=lexicon)
    practices = not_brands(extract_practices(text, lexicon=lexicon), brands)
    taken = [(m.start, m.end) for m in brands + formulations]
    slogans = extract_slogans(text, lexicon=lexicon, exclude_spans=taken, brands=brands)
    return sorted(brands + formulations + practices + slogans, key=lambda m: (m.start, m.end, m.table))


def not_brands(practices: list[Mention], brands: list[Mention]) -> list[Mention]:
    """``practices`` without those that name a brand found at the same place (a brand of a unit is
    not repeated as its practice: “X”议事平台…等特色协商品牌 gives the brand X, not a practice X)."""
    if not brands:
        return practices
    spans = [(b.start, b.end) for b in brands]
    return [p for p in practices if not any(p.start < end and start < p.end for start, end in spans)]
