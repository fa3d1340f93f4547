"""extract_practices: every source of practices over one clean text, merged and deduplicated."""
from __future__ import annotations

from djtext.extract.formulations import formulation_vocabulary
from djtext.extract.practices.heads import from_heads
from djtext.extract.practices.lists import from_activity_lists, from_org_summaries, from_system_lists
from djtext.extract.practices.mentions import practice_mention
from djtext.extract.practices.national import drop_lexicon_inside_longer, from_lexicon
from djtext.extract.practices.plus import from_party_plus, from_plus_heads
from djtext.extract.practices.quotes import QUOTED, brand_names, from_quotes, quoted_mask
from djtext.extract.practices.scope import with_place, with_scope
from djtext.extract.practices.series import framed_tools, level_structures, single_examples
from djtext.extract.practices.titles import from_titles
from djtext.extract.practices.vocabulary import practice_vocabulary, practice_word_category
from djtext.lexicon import Lexicon
from djtext.models import Mention


def extract_practices(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a named practice in the clean ``text``."""
    vocab = practice_vocabulary(lexicon)
    fvocab = formulation_vocabulary(lexicon)
    quotes = list(QUOTED.finditer(text))  # one scan shared by the quote chains, the mask and the brands
    quoted = quoted_mask(text, quotes)
    mentions = (
        from_lexicon(text, vocab)
        + from_quotes(text, vocab, fvocab, quotes)
        + from_titles(text)
        + from_system_lists(text, vocab)
        + from_org_summaries(text)
        + from_party_plus(text, quoted)
        + from_activity_lists(text, quoted, vocab)
        + from_plus_heads(text, quoted)
        + from_heads(text, quoted, vocab, fvocab)
        + [practice_mention(name, start, end, category, "level") for name, start, end, category in level_structures(text)]
        + [practice_mention(name, start, end, category, "clause") for name, start, end, category in single_examples(text)]
        + [practice_mention(name, start, end, category, "frame")
           for name, start, end, category in framed_tools(text, lambda x: practice_word_category(x, vocab))]
    )
    clause_starts: dict[int, int] = {}
    for m in mentions:
        if m.attrs["source"] == "clause":
            clause_starts[m.end] = min(m.start, clause_starts.get(m.end, m.start))
    mentions = drop_lexicon_inside_longer(mentions)
    brands = brand_names(text, quotes)
    mentions = [m for m in mentions if m.text not in brands or m.attrs["source"] not in ("quote", "lexicon")]
    mentions = [with_scope(with_place(m, vocab), vocab) for m in mentions]
    named_ends = {m.end + 1 for m in mentions if m.attrs["source"] == "quote"}  # “甲乙”主题党日活动: the
    mentions = [m for m in mentions  # generic word after a named activity is its kind, not a second practice
                if not (m.attrs["generic"] and m.attrs["source"] == "lexicon" and m.start in named_ends)]
    seen: set[tuple[str, int]] = set()
    unique = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        key = (mention.text, mention.start)
        if mention.attrs["source"] == "lexicon" and clause_starts.get(mention.end, mention.start) < mention.start:
            continue  # 定期谈心谈话制度 holds the national 谈心谈话制度: keep the longer name
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique
