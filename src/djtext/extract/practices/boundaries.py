"""Boundaries of unquoted practice names: where a bare name starts, which leading place, level
and qualifier words it drops, where a place prefix ends and where a long name starts.

Pure helpers of the practice extractor (the left edge of a bare name at a verb,
preposition or punctuation; the object of a founding verb; canonical starts), general rules of
the genre only:

* a place prefix ends at the last place character (省, 市, 县, 区, 镇, 乡) that is not part of
  an ordinary word (社区, 园区, 城市, 市场, 乡村, 区域, 县级 …): 澜湾县基层政协委员工作站 ->
  基层政协委员工作站, but 乡村振兴实践基地 stays whole;
* a bare name that runs longer than the usual prefix without a clear left edge is not cut in
  the middle of a word: it starts right after the nearest owner word 政协 before it
  (县政协新时代协商民主实践中心 -> 新时代协商民主实践中心; 县政协甲乙丙委员履职工作室 ->
  甲乙丙委员履职工作室).
"""
from __future__ import annotations

import re

from djtext.extract.formulations import NUMERALS
from djtext.extract.practices.vocabulary import Head, PracticeVocabulary
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS

HAN = re.compile(rf"[{HAN_CLASS}]")
"""One Han character (extension A through the basic block)."""
CLAUSE_STOPS = "，。；：！？,;:!?\n（）()《》“”‘’"
"""Punctuation that ends the clause a name stands in."""
CLAUSE_STOP_SET = frozenset(CLAUSE_STOPS)
UP_TO_LAST_STOP = re.compile(rf"(?s:.*)[{re.escape(CLAUSE_STOPS)}]")  # a window up to its last stop
VERB_WINDOW = 6  # characters before a name searched for the verb that introduces it
MAX_OWNER_NAME = 4  # characters of an owner's own name (a member's or a theme's studio, a subject before a quote)
NAMED_PLACE_WORDS = ("社区", "街道")
NAME_CONJUNCTIONS = frozenset("和与及")
FUNCTION_CHARS = frozenset("在向到与和及等的把将以为对从由于是或并了让使给被即又也还各")
MAX_CLAUSE_PREFIX = 30  # characters before a head searched for its founding verb
JOINT_CLAUSE_WINDOW = 40  # characters before a list joint searched for the list's verb
LEVEL_PREFIX = re.compile(rf"[{NUMERALS}]级")

# The last place character with at least two characters after it, not inside an ordinary word.
PLACE_SUFFIX = re.compile(
    r"^.*(?:"
    r"(?<![社园景街城小片辖山库校])区(?![域级])"
    r"|(?<![城都超门])市(?![场民域级])"
    r"|县(?![域级])"
    r"|省(?![级])"
    r"|(?<![城村集乡])镇(?![街级])"
    r"|(?<![城])乡(?![村贤情愁风镇级])"
    r")(?=..)"
)
OWNER_WORD = "政协"
MAX_OWNER_REACH = 12  # how far back the owner word of a long bare name is looked for
MIN_NAME_PREFIX = 2  # characters that must remain between the owner word and the head
NATIONAL_OWNER_SIZES = (2, 3, 4)  # characters of a national practice's part before its 政协 (智慧政协)
NAMED_PLACE_BACK = range(2, 5)  # characters of a community's own name taken back before 社区/街道
LAST_CLAUSE_BREAK = re.compile(rf"(?s:.*)[^{HAN_CLASS}、]")  # up to the last break of a clause window


def place_prefix_end(prefix: str) -> int:
    """Length of the leading place part of ``prefix`` (0 when it has none)."""
    found = PLACE_SUFFIX.match(prefix)
    return found.end() if found else 0


def owner_start(text: str, cut: int, head_start: int, is_han, national=frozenset()) -> int | None:
    """Start of a long bare name cut at ``cut`` in mid-word: right after the nearest 政协 before
    ``cut`` (within reach, only Han characters between), or None when there is none; a national
    practice ending in that 政协 (智慧政协) opens the name instead (智慧政协掌上信息系统)."""
    reach = max(0, head_start - MAX_OWNER_REACH)
    at = text.rfind(OWNER_WORD, reach, cut + len(OWNER_WORD) - 1)
    if at < 0:
        return None
    for size in NATIONAL_OWNER_SIZES:
        if at - size >= 0 and text[at - size:at + len(OWNER_WORD)] in national:
            return at - size
    start = at + len(OWNER_WORD)
    if head_start - start < MIN_NAME_PREFIX or not all(is_han(c) for c in text[start:head_start]):
        return None
    return start


def clause_before(text: str, start: int, window: int) -> str:
    """The text before ``start`` back to the last punctuation, at most ``window`` characters."""
    low = max(0, start - window)
    stop = UP_TO_LAST_STOP.match(text, low, start)  # one match from the window's start, not a scan
    return text[stop.end() if stop else low:start]


LIST_CLAUSE_STOPS = "，。；：！？\n"
"""Punctuation that opens the clause a list stands in."""
MAX_LIST_CLAUSE = 60  # characters a list's clause reaches back from its end word


def list_clause_start(text: str, end: int, reach: int = MAX_LIST_CLAUSE) -> int:
    """Start of the clause ending at ``end``: after the last LIST_CLAUSE_STOPS character within
    ``reach`` characters before it, else ``reach`` characters back (or the text's start)."""
    low = max(0, end - reach)
    stop = max(text.rfind(ch, low, end) for ch in LIST_CLAUSE_STOPS)
    return stop + 1 if stop >= 0 else low


def has_verb(before: str, verbs: tuple[str, ...]) -> bool:
    """True when one of ``verbs`` occurs in ``before``."""
    for verb in verbs:
        if verb in before:
            return True
    return False


EDGE_LENGTHS = (4, 3, 2, 1)  # the lengths of edge words looked for (PracticeVocabulary.edge_lengths)


def ends_with_edge(text: str, position: int, edges: frozenset[str], lengths: tuple[int, ...] = EDGE_LENGTHS) -> bool:
    """True when an edge word (a verb, preposition, counter …) ends right before ``position``
    (``lengths``: the lengths of the words in ``edges``)."""
    for k in lengths:
        if position - k >= 0 and text[position - k:position] in edges:
            return True
    return False


def bare_start(text: str, head_start: int, limit: int, edges: frozenset[str],
               lengths: tuple[int, ...] = EDGE_LENGTHS) -> tuple[int, bool]:
    """Left edge of a bare name before ``head_start`` and whether an edge (not the limit) stopped it."""
    position = head_start
    while position > 0:
        if not "\u3400" <= text[position - 1] <= "\u9fff" or ends_with_edge(text, position, edges, lengths):
            return position, True  # (not in HAN_SPAN_RANGE: djtext.text.is_han_span inline)
        if head_start - position >= limit:
            return position, False
        position -= 1
    return position, True


def clause_start(text: str, head_start: int, vocab: PracticeVocabulary) -> int | None:
    """Left edge of the object of a founding verb ending at ``head_start``, or None.

    The object starts after the nearest founding verb; a list joint (和, 及, 、) between the verb
    and the head starts it instead (建立A制度和B制度 -> B制度), and the clause must hold a verb."""
    window_start = max(0, head_start - MAX_CLAUSE_PREFIX)
    window = text[window_start:head_start]
    breaks = LAST_CLAUSE_BREAK.match(window)
    if breaks:
        window_start += breaks.end()
        window = text[window_start:head_start]
    verb_end = -1
    for verb in vocab.clause_verb_pattern.finditer(window):
        verb_end = verb.end()  # the last verb of the window
    joint = max(window.rfind("和"), window.rfind("及"), window.rfind("、"))
    if joint >= 0 and window.startswith("及时", joint):
        joint = max(window.rfind("和"), window.rfind("、"))  # 及时 is an adverb, not a list joint
    if joint > verb_end and joint >= 0:
        clause = clause_before(text, window_start + joint, JOINT_CLAUSE_WINDOW)
        return window_start + joint + 1 if vocab.founding_or_quote_verb.search(clause) else None
    if verb_end < 0 or (not breaks and head_start - MAX_CLAUSE_PREFIX > 0 and verb_end < 0):
        return None
    return window_start + verb_end + (window[verb_end:verb_end + 1] == "了")  # 印发了…规则


def canonical_start(text: str, start: int, head_start: int, info: Head, vocab: PracticeVocabulary) -> int:
    """Drop leading level, place and qualifier words from a bare name (keeping two characters)."""
    keep = max(2, info.min_prefix)
    if LEVEL_PREFIX.match(text, start) and head_start - start - 2 >= keep:
        start += 2  # 三级政协委员联络小组 -> 政协委员联络小组
    start = strip_qualifier(text, start, head_start, keep, vocab)
    place = place_prefix_end(text[start:head_start])
    if place and head_start - (start + place) >= keep:
        start += place  # 澜湾县基层政协委员工作站 -> 基层政协委员工作站 (not 乡村振兴…)
    return strip_qualifier(text, start, head_start, keep, vocab)


def named_place_start(text: str, start: int, vocab: PracticeVocabulary) -> int:
    """Move ``start`` back over a community's or street's own name that a one-character edge cut.

    A bare name may stop at a conjunction character inside the community's name (、东和社区 ->
    东和|社区): a bare name that begins with 社区/街道 after such a character had its owner's name
    just before it, so take it back (at most three characters, to a non-Han character or a
    two-character edge; otherwise nothing changes)."""
    if not text.startswith(NAMED_PLACE_WORDS, start) or start < 2 or text[start - 1] not in NAME_CONJUNCTIONS:
        return start
    if text[start - 2:start] in vocab.edges:
        return start
    for back in NAMED_PLACE_BACK:
        edge = start - back
        if edge < 1:
            return start
        if not HAN.match(text[edge - 1]) or text[edge - 1] in FUNCTION_CHARS or text[edge - 2:edge] in vocab.edges:
            return edge
    return start


def strip_qualifier(text: str, start: int, head_start: int, keep: int, vocab: PracticeVocabulary) -> int:
    """Move ``start`` past a leading generic qualifier (基层, 镇街 …) when ``keep`` characters remain."""
    if not text.startswith(vocab.qualifiers, start):
        return start
    for qualifier in vocab.qualifiers:
        if text.startswith(qualifier, start) and head_start - start - len(qualifier) >= keep:
            return start + len(qualifier)
    return start
