"""Parallel lead sentences: unmarked list items written as a series of short lead sentences that
share a template (围绕中心大局，找准…的切入点。 / 围绕组织建设，找准…的发力点。), the way newspaper
pages and scraped pages print what were bold or numbered heads. Style ``parallel``.

A lead sentence is the first sentence of a paragraph: short (6–40 characters), ending in 。, with
two clauses or more, or without a comma when it is very short (≤ 16) and the paragraph goes on after
it. Two lead sentences are parallel when they share a template: the same opening (two characters or
more); first clauses of the same length with a common character at the same place (“学”字当先 /
“用”字落地; 组织联建 / 阵地联用); clauses of the same lengths (对仗: 六字，六字); or a common phrase of
four or more characters (…协商议政… / …凝心聚力的…). Leads without a comma pair only with each other,
by opening or a common phrase of three characters (在…上下功夫), and need a series of three. A series
needs at least two paragraph-initial members; sentences inside a paragraph (where column breaks glued a
head to the previous body) join a series only when they share its opening. Heads glued to their
bodies without any punctuation (突出X引领Y…) count when three nearby paragraphs open on one template
(same two first characters and two more in place among the first six); their heading is the text up
to the first punctuation, at most twelve characters.

Only long documents (reports, newspaper pages, compilations: ``SHORT_TEXT`` characters or more) are
searched: there such leads are heads whose bold type was lost in extraction. A short web text prints
its heads with explicit markers when it has any, and its unmarked lead sentences are plain sentences
(the convention of real web pages), so it yields no parallel items.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from djtext.structure.lines import joined_view, split_paragraphs
from djtext.structure.markers import Candidate, clean_heading
from djtext.structure.views import TextViews
from djtext.text import SENTENCE_END

MIN_LEAD, MAX_LEAD = 6, 40  # characters of a lead sentence
MAX_PLAIN = 16  # a lead without a comma (突出思想铸魂。 在组织建设上下功夫。) is short
MIN_PLAIN_SERIES = 3  # leads without a comma make a series only three at a time
SERIES_WINDOW = 12  # a lead is compared with the next dozen paragraph-initial leads only
GLUED_HEAD = 6  # characters compared when a head is glued to its body without punctuation
GLUED_HEADING_MAX = 12  # characters of a glued head's heading
QUOTE_CHARS = re.compile(r"[“”‘’\"'《》「」『』\s]")  # quote marks and spaces, ignored when comparing leads
SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]*[{SENTENCE_END}]")  # one sentence, up to its end mark
MIN_COMMON_PHRASE = 4  # characters of a phrase two parallel leads share
SERIES_REACH = 2000  # characters around a series within which a weak lead may join it
SHORT_TEXT = 3000  # characters of clean text below which a document is a short web text
PUNCT = set("，,、；;：:" + SENTENCE_END)
_CLAUSE_SPLIT = re.compile(r"[，,]")  # clauses of a lead sentence
SPEECH = ("强调", "指出", "表示", "认为", "所说", "讲话")  # 习近平总书记强调，“…”: a quotation


@dataclass(frozen=True)
class Lead:
    """A lead sentence: where it starts, its text, and whether it opens a paragraph."""

    start: int
    end: int
    text: str
    initial: bool
    line_start: bool = False  # starts a physical line that a column wrap glued to the one before
    followed: bool = True  # the paragraph goes on after the sentence

    @property
    def plain(self) -> bool:
        """A lead without a comma."""
        return "，" not in self.text and "," not in self.text

    @cached_property
    def key(self) -> str:
        """The sentence without quotes or spaces (what templates are compared on)."""
        return QUOTE_CHARS.sub("", self.text)

    @cached_property
    def clauses(self) -> list[str]:
        """The sentence's comma-separated clauses."""
        return [c for c in _CLAUSE_SPLIT.split(self.key.rstrip(SENTENCE_END)) if c]


JoinedView = tuple[str, list[int], list[tuple[int, int]]]  # joined text, offset of each character, its paragraphs


def joined_zone(text: str, start: int, end: int, views: TextViews | None = None) -> JoinedView:
    """text[start:end] with column-wrap line breaks removed (``views.TextViews.joined`` when
    ``views`` is given), the offset of each kept character, and the paragraphs of that text."""
    joined, index = views.joined(start, end) if views is not None else joined_view(text, start, end)
    return joined, index, split_paragraphs(joined)


def _is_lead_shape(sentence: str) -> bool:
    body = QUOTE_CHARS.sub("", sentence).rstrip(SENTENCE_END)
    if not (MIN_LEAD <= len(body) <= MAX_LEAD):
        return False
    if "，" not in body and "," not in body:
        return len(body) <= MAX_PLAIN and not body[:1].isdigit()
    first = re.split(r"[，,]", body, maxsplit=1)[0]
    if first.endswith(SPEECH):
        return False
    return not body[:1].isdigit()


def lead_sentences(text: str, start: int, end: int, view: JoinedView | None = None) -> list[Lead]:
    """Paragraph-initial and in-paragraph lead-shaped sentences of text[start:end].

    Works on the text with column-wrap line breaks removed, so a lead sentence wrapped over two
    narrow lines is still one sentence; offsets refer to ``text``. ``view``: that joined text of
    text[start:end] when already made (``joined_zone``).
    """
    joined, index, paragraphs = view if view is not None else joined_zone(text, start, end)
    leads: list[Lead] = []
    for p_start, p_end in paragraphs:
        first = True
        for m in SENTENCE.finditer(joined, p_start, p_end):
            sentence = m.group().strip()
            if sentence and _is_lead_shape(sentence):
                offset = m.start() + (len(m.group()) - len(m.group().lstrip()))
                at = index[offset]
                line_start = at > 0 and text[at - 1] == "\n"
                followed = bool(joined[m.end():p_end].strip())
                leads.append(Lead(at, index[m.end() - 1] + 1, sentence, first, line_start, followed))
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
    if a.plain or b.plain:  # short leads without a comma: same opening or same closing phrase
        return a.plain and b.plain and (_common_prefix(ka, kb) >= 2 or _has_common_phrase(ka, kb, 3))
    if _common_prefix(ka, kb) >= 2:
        return True
    ca, cb = a.clauses, b.clauses
    if len(ca) >= 2 and [len(c) for c in ca] == [len(c) for c in cb] and min(len(c) for c in ca) >= 3:
        return True  # 对仗: clauses of the same lengths (强化理论武装，凝聚思想共识 / 健全组织体系，扩大党的覆盖)
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
    initial = [lead for lead in leads if lead.initial and (lead.followed or not lead.plain)]
    parent = list(range(len(initial)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(initial)):
        for j in range(i + 1, min(len(initial), i + 1 + SERIES_WINDOW)):  # members sit near each other
            if parallel(initial[i], initial[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[Lead]] = {}
    for i, lead in enumerate(initial):
        groups.setdefault(root(i), []).append(lead)
    series = [g for g in groups.values() if len(g) >= (MIN_PLAIN_SERIES if g[0].plain else 2)]
    for group in series:
        span = (group[0].start, group[-1].end)
        members = {id(lead) for lead in group}
        by_opening: dict[str, list[Lead]] = {}  # _joins needs the first two characters in common
        for member in group:
            by_opening.setdefault(member.key[:2], []).append(member)
        for weak in leads:
            if weak.initial or id(weak) in members or weak.plain != group[0].plain:
                continue
            if not span[0] - SERIES_REACH < weak.start < span[1] + SERIES_REACH:
                continue
            if weak.line_start:
                fits = any(parallel(weak, member) for member in group)
            else:
                fits = any(_joins(weak, member) for member in by_opening.get(weak.key[:2], ()))
            if fits:
                group.append(weak)
                by_opening.setdefault(weak.key[:2], []).append(weak)
        group.sort(key=lambda lead: lead.start)
    return series


def _same_template(a: str, b: str) -> bool:
    """Openings like 突出政治引领 / 突出思想引领: same first two characters and two more in place."""
    return a[:2] == b[:2] and sum(x == y for x, y in zip(a[2:], b[2:])) >= 2


def glued_heads(text: str, start: int, end: int, view: JoinedView | None = None) -> list[tuple[int, str]]:
    """Heads printed without punctuation before their body (突出政治引领坚定政治方向把…), found as
    three or more nearby paragraphs opening on one template; (offset, heading) pairs. ``view``:
    the joined text of text[start:end] when already made (``joined_zone``)."""
    joined, index, paragraphs = view if view is not None else joined_zone(text, start, end)
    openings: list[tuple[int, str, str]] = []
    for p_start, p_end in paragraphs:
        head = QUOTE_CHARS.sub("", joined[p_start:p_start + 2 * GLUED_HEADING_MAX])
        if len(head) < 2 * GLUED_HEAD or any(ch in PUNCT for ch in head[:GLUED_HEAD + 2]):
            continue
        if p_end - p_start < 3 * GLUED_HEADING_MAX:
            continue  # a head alone on its line is a title, not a glued head
        stop = next((i for i, ch in enumerate(head) if ch in PUNCT), len(head))
        openings.append((index[p_start], head[:GLUED_HEAD], head[:min(stop, GLUED_HEADING_MAX)]))
    out: list[tuple[int, str]] = []
    used: set[int] = set()
    for i, (offset, opening, heading) in enumerate(openings):
        if i in used:
            continue
        group = [i] + [j for j in range(i + 1, min(len(openings), i + 1 + SERIES_WINDOW))
                       if j not in used and _same_template(opening, openings[j][1])]
        if len(group) >= MIN_PLAIN_SERIES:
            used.update(group)
            out.extend((openings[j][0], openings[j][2]) for j in group)
    return sorted(out)


def is_short_text(text: str) -> bool:
    """True for a short web text, whose unmarked lead sentences are not list items."""
    return len(text) < SHORT_TEXT


def parallel_candidates(text: str, zones: list[tuple[int, int]], views: TextViews | None = None) -> list[Candidate]:
    """List-item candidates (style ``parallel``) from the series found in each zone (none in a short
    text); ``views``: the text's ``views.TextViews`` (its column wraps found once)."""
    out: list[Candidate] = []
    if is_short_text(text):
        return out
    for start, end in zones:
        view = joined_zone(text, start, end, views)
        for group in parallel_series(lead_sentences(text, start, end, view)):
            for lead in group:
                heading = clean_heading(lead.text)
                out.append(Candidate(lead.start, lead.start, "parallel", 0, "", heading))
        taken = {c.start for c in out}
        for offset, heading in glued_heads(text, start, end, view):
            if offset not in taken:
                out.append(Candidate(offset, offset, "parallel", 0, "", heading))
    return out


INLINE_CLAUSE_MIN, INLINE_CLAUSE_MAX = 4, 8
MIN_INLINE_PER_ITEM = 2  # lead sentences inside one item body that make it a list
MIN_INLINE_ITEMS = 2  # item bodies holding such leads
# one sentence inside an item body (a semicolon breaks it), up to its end mark
_INLINE_SENTENCE = re.compile(rf"[^{SENTENCE_END}；;\n]+[{SENTENCE_END}]")


def _inline_lead_shape(sentence: str) -> bool:
    """Two comma-separated clauses of the same length (4–8 characters each, quotes not counted):
    完善组织设置，夯实战斗堡垒。 / 牢记“国之大者”，提升政治能力。"""
    clauses = _CLAUSE_SPLIT.split(QUOTE_CHARS.sub("", sentence).rstrip(SENTENCE_END))
    return (len(clauses) == 2 and len(clauses[0]) == len(clauses[1])
            and INLINE_CLAUSE_MIN <= len(clauses[0]) <= INLINE_CLAUSE_MAX
            and not (set(clauses[0]) | set(clauses[1])) & PUNCT)


def inline_lead_candidates(text: str, bodies: list[tuple[int, int, int]]) -> list[Candidate]:
    """Second-level lead sentences run into the bodies of list items (一、…“方向盘”牢记“国之大者”，
    提升政治能力。紧紧围绕…。加强理论武装，筑牢思想之魂。…), style ``parallel``.

    ``bodies``: (body_start, body_end, parent_key) of sibling items without sub-items. A lead is a
    sentence of two clauses of equal length (对仗, 4–8 characters each) that the body goes on after;
    kept only when at least two siblings hold two leads or more each (a template, not a chance).
    """
    per_parent: dict[int, list[list[Candidate]]] = {}
    if is_short_text(text):
        return []
    for body_start, body_end, parent_key in bodies:
        found: list[Candidate] = []
        for m in _INLINE_SENTENCE.finditer(text, body_start, body_end):
            sentence = m.group().strip(" \t\u3000")
            if m.end() < body_end and _inline_lead_shape(sentence):
                start = m.start() + (len(m.group()) - len(m.group().lstrip(" \t\u3000")))
                found.append(Candidate(start, start, "parallel", 0, "", clean_heading(sentence)))
        if len(found) >= MIN_INLINE_PER_ITEM:
            per_parent.setdefault(parent_key, []).append(found)
    out: list[Candidate] = []
    for groups in per_parent.values():
        if len(groups) >= MIN_INLINE_ITEMS:
            for group in groups:
                out.extend(group)
    return out
