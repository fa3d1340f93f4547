"""Parallel lead sentences: unmarked list items written as a series of short lead sentences that
share a template (围绕中心大局，找准…的切入点。 / 围绕组织建设，找准…的发力点。), the way newspaper
pages print what were bold or numbered heads. Style ``parallel``.

A lead sentence is the first sentence of a paragraph: short (6–40 characters), at least two
clauses, ending in 。. Two lead sentences are parallel when they share a template: the same
opening (two characters or more), first clauses of the same length with a common character at the
same place (“学”字当先 / “用”字落地; 组织联建 / 阵地联用), or a common phrase of four or more
characters (…协商议政… / …凝心聚力的…). A series needs at least two paragraph-initial members;
sentences inside a paragraph (where column breaks glued a head to the previous body) join a series
only when they share its opening.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from djtext.structure_lists import Candidate, clean_heading
from djtext.structure_text import joined_view, split_paragraphs

MIN_LEAD, MAX_LEAD = 6, 40
QUOTE_CHARS = re.compile(r"[“”‘’\"'《》「」『』\s]")
SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]")
MIN_COMMON_PHRASE = 4
PUNCT = set("，,、；;：:。！？!?")
SPEECH = ("强调", "指出", "表示", "认为", "所说", "讲话")  # 习近平总书记强调，“…”: a quotation


@dataclass(frozen=True)
class Lead:
    """A lead sentence: where it starts, its text, and whether it opens a paragraph."""

    start: int
    end: int
    text: str
    initial: bool
    line_start: bool = False  # starts a physical line that a column wrap glued to the one before

    @property
    def key(self) -> str:
        """The sentence without quotes or spaces (what templates are compared on)."""
        return QUOTE_CHARS.sub("", self.text)

    @property
    def clauses(self) -> list[str]:
        """The sentence's comma-separated clauses."""
        return [c for c in re.split(r"[，,]", self.key.rstrip("。！？!?")) if c]


def _is_lead_shape(sentence: str) -> bool:
    body = QUOTE_CHARS.sub("", sentence).rstrip("。！？!?")
    if not (MIN_LEAD <= len(body) <= MAX_LEAD):
        return False
    if "，" not in body and "," not in body:
        return False
    first = re.split(r"[，,]", body, maxsplit=1)[0]
    if first.endswith(SPEECH):
        return False
    return not body[:1].isdigit()


def lead_sentences(text: str, start: int, end: int) -> list[Lead]:
    """Paragraph-initial and in-paragraph lead-shaped sentences of text[start:end].

    Works on the text with column-wrap line breaks removed, so a lead sentence wrapped over two
    narrow lines is still one sentence; offsets refer to ``text``.
    """
    joined, index = joined_view(text, start, end)
    leads: list[Lead] = []
    for p_start, p_end in split_paragraphs(joined):
        first = True
        for m in SENTENCE.finditer(joined, p_start, p_end):
            sentence = m.group().strip()
            if sentence and _is_lead_shape(sentence):
                offset = m.start() + (len(m.group()) - len(m.group().lstrip()))
                at = index[offset]
                line_start = at > 0 and text[at - 1] == "\n"
                leads.append(Lead(at, index[m.end() - 1] + 1, sentence, first, line_start))
            first = False
    return leads


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y or x in PUNCT:
            break
        n += 1
    return n


def _has_common_phrase(a: str, b: str, size: int) -> bool:
    grams = {a[i:i + size] for i in range(len(a) - size + 1)}
    return any(b[i:i + size] in grams and not (set(b[i:i + size]) & PUNCT) for i in range(len(b) - size + 1))


def parallel(a: Lead, b: Lead) -> bool:
    """True when two lead sentences share a template."""
    ka, kb = a.key, b.key
    if _common_prefix(ka, kb) >= 2:
        return True
    ca, cb = a.clauses, b.clauses
    if ca and cb and len(ca[0]) == len(cb[0]) >= 3:
        if any(x == y for x, y in list(zip(ca[0], cb[0]))[1:]):
            return True
    return _has_common_phrase(ka, kb, MIN_COMMON_PHRASE)


def _joins(weak: Lead, member: Lead) -> bool:
    """An in-paragraph sentence joins a series when it shares the series' opening."""
    prefix = _common_prefix(weak.key, member.key)
    if prefix >= 3:
        return True
    wc, mc = weak.clauses, member.clauses
    return prefix >= 2 and len(wc) > 1 and len(mc) > 1 and wc[1][:1] == mc[1][:1]


def parallel_series(leads: list[Lead]) -> list[list[Lead]]:
    """Series of parallel lead sentences (components with ≥ 2 paragraph-initial members)."""
    initial = [lead for lead in leads if lead.initial]
    parent = list(range(len(initial)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(initial)):
        for j in range(i + 1, len(initial)):
            if parallel(initial[i], initial[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[Lead]] = {}
    for i, lead in enumerate(initial):
        groups.setdefault(root(i), []).append(lead)
    series = [g for g in groups.values() if len(g) >= 2]
    for group in series:
        span = (group[0].start, group[-1].end)
        members = {id(lead) for lead in group}
        for weak in leads:
            if weak.initial or id(weak) in members:
                continue
            fits = parallel if weak.line_start else _joins
            if any(fits(weak, member) for member in group) and span[0] - 2000 < weak.start < span[1] + 2000:
                group.append(weak)
        group.sort(key=lambda lead: lead.start)
    return series


def parallel_candidates(text: str, zones: list[tuple[int, int]]) -> list[Candidate]:
    """List-item candidates (style ``parallel``) from the series found in each zone."""
    out: list[Candidate] = []
    for start, end in zones:
        for group in parallel_series(lead_sentences(text, start, end)):
            for lead in group:
                heading = clean_heading(lead.text)
                out.append(Candidate(lead.start, lead.start, "parallel", 0, "", heading))
    return out
