"""Brand extraction: names a text presents as a unit's brand (“X”党建品牌, 打造“A”“B”等学习品牌 ...).

Works on the clean text (full-width punctuation, “ ” quotes, one paragraph per line). Every
occurrence of 品牌 is an anchor; what the text writes around it decides whether a name is there:

* ``quote``: a quoted name, then a short owner gap, then the kind: “X”党建品牌, “X”政协党建品牌,
  “X”委员读书品牌, “X”的党建品牌, 以“X”为党建品牌, “X”，为省政协党建品牌;
* ``list``: quoted names chained before such an anchor: “A”“B”“C”等学习品牌, “A”、“B”和“C”…品牌,
  甲组“A”、乙组“B”等党小组品牌 (each is a brand with the shared kind);
* ``after``: 品牌 followed by quoted names, introduced by a creation verb earlier in the clause
  (打造市政协党建品牌“X”的思路) or linked by a colon or 为 (党建品牌：“A”“B”, 品牌名称为“X”);
  the last name must end the phrase (a quote followed by a noun, 品牌“五型”机关, modifies it);
* ``bare``: no quotes, a creation verb, an owner (…政协) and a distinctive part before the kind
  (打响澜湾政协清风党建品牌 -> 澜湾政协清风);
* ``recurring``: no quotes and no owner (打造清溪党建品牌), accepted only when the document names
  the same words again, quoted (“清溪”) or before 品牌: the recurrence is the evidence of a name;
* ``list`` also: quoted names each followed by a short type noun (and preceded by an owner
  label), closed by 等 before the kind: “A”协商议事平台、“B”工作室和“C”调解室等一批…特色协商品牌;
* one quoted span listing several names (“A、B、C、D”四大文化品牌) gives one brand per name when
  a count before the kind says how many, or when three names or more are listed none of which
  starts with a numeral (“三学、两讲、一促进” stays one brand);
* ``counted``: a count of brands announced before a colon and its numbered items
  (打造“三大特色工作品牌”：一是“A”，二是“B”，三是“C”; 四大履职品牌：一是打造X品牌…): the quoted
  name of each item, else its phrase without the verb and the kind; all items must be there.

Every mention says whether it is ``cited``: its sentence cites examples (有的地方…, 如…, 比如…);
attribution then gives it to a cited unit named there, never to the reporting unit.

Names that are generic (党建品牌, 一支部一品牌, anything containing 品牌) are dropped, and 品牌化
(“X”品牌化建设) is never an anchor. Hard wraps inside a sentence (a line break between two Han
characters) are read through, and spans are given in the coordinates of the text passed in. The
vocabularies (kind words, verbs, stop words, owner words) are data files named ``brand_*`` in
data/lexicons/, loaded through :mod:`djtext.lexicon`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from djtext.lexicon import Lexicon, derived
from djtext.models import Mention
from djtext.text import CN_NUM, COUNT_DIGITS, HAN_COMPAT_RANGE, HAN_SPAN_RANGE, SENTENCE_OR_CLAUSE_END
from djtext.text import longest_first

ANCHOR = "品牌"
_NAME_HAN = f"{HAN_SPAN_RANGE}{HAN_COMPAT_RANGE}〇"  # Han characters of a name (〇 counts as one)
HAN = re.compile(f"[{_NAME_HAN}]")  # one character of a name
DIGIT_NAME = re.compile(r"[0-9A-Za-z]{1,3}(?:[+＋][0-9A-Za-z]{1,3})+")
HAN_RUN = re.compile(f"[{_NAME_HAN}·]+")  # a run of name characters (with the middle dot of 红心·同行)
# characters of the run read backwards from 品牌: Han characters and digits (“A”“B”等10余个党建品牌)
RUN_CHAR = re.compile(f"[{_NAME_HAN}0-9０-９]")
QUOTE = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』")
CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?\n（）()《》]")
COMPONENT_SEPARATORS = re.compile(r"[·•・‧.．、，,;；/／+＋|｜\s]+")
# between two quoted names of one list: nothing, a list comma or a conjunction, or
# 、 plus a short label naming the item's owner (甲组“A”、乙组“B”)
LIST_JOIN = re.compile(rf"\s*(?:[、，,]?\s*(?:和|及|以及|与|或)?|、(?P<label>[{HAN_SPAN_RANGE}]{{1,8}}))\s*")
CONNECTOR = re.compile(r"^(?:为|是|作为|成为|即)")
LINKED = re.compile(r"为|是")
# what may stand between 品牌 and a quoted name after it: 品牌名称为“X”, 品牌：“X”, 品牌——“X”
AFTER_LINK = re.compile(r"(?:名称|名字|称号|命名)?(?:为|是|叫|：|:|——|—)?")
# what follows the last name of 品牌“X”: a clause end, 的, 等, 为 (打造党建品牌“X”的思路); a
# quote followed by a noun modifies that noun instead (打造党建品牌“六型”机关创建中)
AFTER_END = re.compile(r"[，。；：！？、,;:!?\s）)]|的|等|为|作为|$")
# 品牌化 (making something brand-like) never names a brand
NOT_A_BRAND_AFTER = "化"
# function characters that cannot sit in the distinctive part of an unquoted name
FUNCTION_CHARS = re.compile(r"[的下和与及等各了把将被]")
# a line break left inside a sentence (hard wrap the cleaner did not join): between two Han
# characters or quotes, not after a sentence end
WRAP = re.compile(rf"(?<=[{HAN_SPAN_RANGE}“”‘’「」、，,·])[ \t\u3000]*\n\s*(?=[{HAN_SPAN_RANGE}“”‘’「」])")
# a count of the brands named before or after the kind: 四大文化品牌, 等5个品牌, “五大特色工作品牌”
COUNT = re.compile(r"(?P<n>[一二两三四五六七八九十]{1,2}|\d{1,2})(?:大|个|项|类|张)")
CN_DIGITS = COUNT_DIGITS  # values of the count's numerals (两 and 十 included)
# 等 closing a list of names before the kind, with what may stand between (等一批影响力大的特色协商品牌)
LISTED_BEFORE = re.compile(r"等(?P<between>[^“”‘’「」，,：:。；！？\n]{0,30})$")
# a short type noun after a listed quoted name (“A”协商议事平台、“B”工作室等 … 品牌)
SUFFIX_JOIN = re.compile(rf"""
    \s*(?P<suffix>[{HAN_SPAN_RANGE}]{{0,8}}?)\s*          # the type noun (协商议事平台)
    (?:[、，,]\s*(?:和|及|以及|与)?|和|及|以及|与)?\s*     # a list comma or a conjunction
    (?P<label>[{HAN_SPAN_RANGE}]{{0,8}})\s*              # the next item's owner label
""", re.VERBOSE)
# the markers of a counted list announced after a count of brands (一是…二是…, （一）…, 1.…)
ITEM_MARKERS = ("{cn}是", "（{cn}）", "{cn}、", "{n}.", "{n}、", "第{cn}，")
ANNOUNCED = re.compile(r"[”’」』]?\s*[：:，,。\n]\s*")
SENTENCE_END = re.compile(f"[{SENTENCE_OR_CLAUSE_END}\n]")  # where an announced list's sentence stops
COLON_LIST_SPLIT = re.compile(r"、|以及|和|及|与")
ITEM_END = re.compile(r"[，。；：！？\n,;:!?]")
# cues that the brands of a sentence are cited as examples of others, not the reporter's own
CITED_CUES = re.compile(
    r"(?:^|[，。；：！？\n])\s*(?:有的地方|有的|有些地方|有些|一些地方|比如|例如|诸如|譬如|"
    r"如(?![期实何此今果同约愿数意])|像(?![样]))")
# before a kind + 品牌 + “X” with no verb: a causative makes “X” a predicate (让党建品牌“亮起来”)
CAUSATIVES = "让使把将令要"
COMPLEMENTS = ("起来", "出来", "下去", "上来", "开来", "更响", "更亮")
NOTHING = re.compile(r"(?!)")  # matches nowhere: the word pattern of an empty list
MAX_GAP = 12
MAX_CITED_WINDOW = 200
MAX_LINKED_GAP = 20
MAX_BARE_NAME = 12
MAX_PRE_RUN = 30


@dataclass(frozen=True)
class BrandVocabulary:
    """The word lists brand extraction reads from the ``brand_*`` lexicons."""

    kinds: tuple[str, ...]
    stopwords: frozenset[str]
    stop_patterns: tuple[re.Pattern[str], ...]
    verbs: tuple[str, ...]
    gap_stopwords: tuple[str, ...]
    units: tuple[str, ...]
    generic_modifiers: tuple[str, ...]
    item_verbs: tuple[str, ...] = ()
    verb_pattern: re.Pattern[str] = NOTHING  # any of ``verbs`` (one search instead of a loop)
    gap_stop_pattern: re.Pattern[str] = NOTHING  # any of ``gap_stopwords``
    unit_pattern: re.Pattern[str] = NOTHING  # any of ``units``
    kind_set: frozenset[str] = frozenset()  # ``kinds`` as a set
    kind_sizes: tuple[int, ...] = ()  # the lengths of the kind words, longest first


def _compile_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in lexicon.column("brand_stop_patterns"):
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ValueError(f"brand_stop_patterns: bad regular expression {pattern!r} ({exc})") from exc
    return tuple(compiled)


def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` (``NOTHING`` for no words)."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else NOTHING


def _vocabulary_for(lexicon: Lexicon) -> BrandVocabulary:
    by_length = lambda words: tuple(sorted(set(words), key=longest_first))  # noqa: E731
    verbs = by_length(lexicon.column("brand_verbs"))
    gap_stopwords = by_length(lexicon.column("brand_gap_stopwords"))
    units = by_length(lexicon.column("brand_units"))
    kinds = by_length(lexicon.column("brand_kinds"))
    return BrandVocabulary(
        kinds=kinds,
        kind_set=frozenset(kinds),
        kind_sizes=tuple(sorted({len(k) for k in kinds if k}, reverse=True)),
        stopwords=frozenset(_normalise(w) for w in lexicon.column("brand_stopwords")),
        stop_patterns=_compile_patterns(lexicon),
        verbs=verbs,
        gap_stopwords=gap_stopwords,
        units=units,
        generic_modifiers=by_length(lexicon.column("brand_generic_modifiers")),
        item_verbs=by_length(lexicon.column("brand_item_verbs")),
        verb_pattern=words_pattern(verbs),
        gap_stop_pattern=words_pattern(gap_stopwords),
        unit_pattern=words_pattern(units),
    )


def brand_vocabulary(lexicon: Lexicon | None = None) -> BrandVocabulary:
    """The brand word lists of ``lexicon`` (the built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "brands", _vocabulary_for)


def _normalise(name: str) -> str:
    return re.sub(r"[\s“”「」『』\"'‘’]+", "", name)


def split_components(name: str) -> list[str]:
    """Split a brand name into its parts at ·, spaces, +, 、, commas and slashes."""
    return [part for part in COMPONENT_SEPARATORS.split(name.strip()) if part]


def is_generic_name(name: str, vocab: BrandVocabulary) -> bool:
    """True when ``name`` is a generic phrase (党建品牌, 一支部一品牌 ...) rather than a brand name."""
    key = _normalise(name)
    if len(key) < 2 or key in vocab.stopwords:
        return True
    if not HAN.search(key):
        return DIGIT_NAME.fullmatch(key) is None  # “1+3+N”党建品牌 is a name
    return any(p.fullmatch(key) for p in vocab.stop_patterns)


def _split_kind(pre: str, vocab: BrandVocabulary) -> tuple[str, str]:
    """Split the Han run before 品牌 into (gap, kind words) by stripping kind words from the right
    (the longest kind word that ends the rest, each time)."""
    end = len(pre)
    while end > 0:
        for size in vocab.kind_sizes:
            if size <= end and pre[end - size:end] in vocab.kind_set:
                end -= size
                break
        else:
            break
    return pre[:end], pre[end:]


def _han_run_before(text: str, pos: int) -> int:
    """Start of the run of Han characters ending at ``pos`` (at most MAX_PRE_RUN long)."""
    start = pos
    limit = max(0, pos - MAX_PRE_RUN)
    while start > limit and RUN_CHAR.match(text, start - 1):
        start -= 1
    return start


class _QuoteIndex:
    """All quoted spans of a text, findable by where they close and where they open."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []  # (open quote index, close quote index + 1)
        self.by_end: dict[int, int] = {}
        self.by_start: dict[int, int] = {}
        for m in QUOTE.finditer(text):
            self.by_end[m.end()] = len(self.spans)
            self.by_start[m.start()] = len(self.spans)
            self.spans.append((m.start(), m.end()))

    def ending_at(self, pos: int) -> int | None:
        return self.by_end.get(pos)

    def starting_at(self, pos: int) -> int | None:
        return self.by_start.get(pos)


def _joins_list(between: str, vocab: BrandVocabulary) -> bool:
    """True when ``between`` (the text between two quotes) joins them as items of one list."""
    if len(between) > 10:
        return False
    m = LIST_JOIN.fullmatch(between)
    if m is None:
        return False
    label = m.group("label") or ""
    return not (vocab.verb_pattern.search(label) or vocab.gap_stop_pattern.search(label))


def _chain_back(text: str, quotes: _QuoteIndex, index: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of the quoted names listed before quote ``index`` (itself included), in text order."""
    chain = [index]
    while chain[-1] > 0:
        prev = chain[-1] - 1
        if not _joins_list(text[quotes.spans[prev][1]:quotes.spans[chain[-1]][0]], vocab):
            break
        chain.append(prev)
    return list(reversed(chain))


def _chain_forward(text: str, quotes: _QuoteIndex, index: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of quote ``index`` and the quoted names listed right after it."""
    chain = [index]
    while chain[-1] + 1 < len(quotes.spans):
        nxt = chain[-1] + 1
        if not _joins_list(text[quotes.spans[chain[-1]][1]:quotes.spans[nxt][0]], vocab):
            break
        chain.append(nxt)
    return chain


def _clause_before(text: str, pos: int, limit: int = 40) -> str:
    """The text of the clause that ends at ``pos`` (back to the last clause break)."""
    start = max(0, pos - limit)
    breaks = list(CLAUSE_BREAK.finditer(text, start, pos))
    return text[breaks[-1].end() if breaks else start:pos]


def _gap_allows_quote(gap: str, vocab: BrandVocabulary) -> bool:
    """True when the Han text between a closing quote and the kind words still ties them together."""
    limit = MAX_LINKED_GAP if LINKED.search(gap) else MAX_GAP
    return len(gap) <= limit and not vocab.gap_stop_pattern.search(CONNECTOR.sub("", gap))


def _bare_name(pre_gap: str, vocab: BrandVocabulary) -> tuple[int, str] | None:
    """(offset in ``pre_gap``, name) of an unquoted brand: verb + owner + distinctive part."""
    verb_end = -1
    for verb in vocab.verbs:
        at = pre_gap.rfind(verb)
        if at >= 0 and at + len(verb) > verb_end:
            verb_end = at + len(verb)
    if verb_end < 0:
        return None
    candidate = pre_gap[verb_end:]
    owner_end = -1
    for unit in vocab.units:
        at = candidate.rfind(unit)
        if at >= 0 and at + len(unit) > owner_end:
            owner_end = at + len(unit)
    if owner_end <= 0:
        return None
    modifier = candidate[owner_end:]
    for word in vocab.generic_modifiers:
        modifier = modifier.replace(word, "")
    if len(modifier) < 2 or vocab.unit_pattern.search(modifier) or FUNCTION_CHARS.search(candidate):
        return None
    if len(candidate) > MAX_BARE_NAME or not HAN.fullmatch(candidate[0]):
        return None
    return verb_end, candidate


def _recurring_name(text: str, pre_gap: str, gap_start: int, vocab: BrandVocabulary) -> tuple[int, str] | None:
    """(offset in ``pre_gap``, name) of an unquoted brand with no owner (打造清溪党建品牌) that the
    document names again elsewhere, quoted (“清溪”) or before 品牌: the recurrence is the evidence
    that it is a name, not an adjective (打造过硬党建品牌)."""
    verb_end = -1
    for verb in vocab.verbs:
        at = pre_gap.rfind(verb)
        if at >= 0 and at + len(verb) > verb_end:
            verb_end = at + len(verb)
    if verb_end < 0:
        return None
    candidate = pre_gap[verb_end:]
    core = candidate
    for word in vocab.generic_modifiers:
        core = core.replace(word, "")
    if not 2 <= len(candidate) <= MAX_BARE_NAME or len(core) < 2 or FUNCTION_CHARS.search(candidate):
        return None
    if vocab.unit_pattern.search(candidate) or not HAN_RUN.fullmatch(candidate) or is_generic_name(candidate, vocab):
        return None
    here = gap_start + verb_end
    for m in re.finditer(re.escape(candidate), text):
        if m.start() == here:
            continue
        quoted = text[m.start() - 1:m.start()] in "“「『" and text[m.end():m.end() + 1] in "”」』"
        if quoted or text.startswith(ANCHOR, m.end()):
            return verb_end, candidate
    return None


def _names_after(text: str, run_start: int, quotes: _QuoteIndex, first: int) -> bool:
    """True when a kind + 品牌 with no verb is followed by its name (县政协党建品牌“X”，…), not by
    what is done to it (让党建品牌“亮起来”)."""
    if run_start > 0 and text[run_start - 1] in CAUSATIVES:
        return False
    start, end = quotes.spans[first]
    return not text[start + 1:end - 1].endswith(COMPLEMENTS)


def _count_in(gap: str) -> int:
    """The number of brands a count before the kind announces (四大 -> 4, 等5个 -> 5), else 0."""
    m = COUNT.search(gap)
    if m is None:
        return 0
    n = m.group("n")
    if n.isdigit():
        return int(n)
    if len(n) == 2:
        return 10 + CN_DIGITS.get(n[1], 0) if n[0] == "十" else 0
    return CN_DIGITS.get(n, 0)


def _listed_parts(name: str, count: int) -> bool:
    """True when one quoted span lists several brand names (“A、B、C、D”四大文化品牌): split when
    a count says how many, or when three names or more are listed none of which leads with a
    numeral (“三学、两讲、一促进” names one brand made of numbered parts)."""
    if "、" not in name:
        return False
    parts = [p for p in name.split("、") if p.strip()]
    if len(parts) < 2 or any(len(p.strip()) < 2 for p in parts):
        return False
    if count and count == len(parts):
        return True
    return len(parts) >= 3 and not any(p.strip()[0] in "一二两三四五六七八九十双" for p in parts)


def _is_cited(text: str, start: int) -> bool:
    """True when the sentence before ``start`` cites examples (有的地方…, 如“X”): not the reporter's own."""
    window = text[max(0, start - MAX_CITED_WINDOW):start]
    sentence_start = max(window.rfind(c) for c in "。；！？\n")
    return CITED_CUES.search(window, max(sentence_start, 0)) is not None


def _listed_before(text: str, quotes: _QuoteIndex, run_start: int, vocab: BrandVocabulary) -> list[int]:
    """Indexes of quoted names listed before 等 ahead of the kind words starting at ``run_start``
    (“A”平台、“B”工作室等一批…品牌), each name possibly followed by a short type noun; empty when
    the text is not such a list."""
    head = text[max(0, run_start - 40):run_start]
    m = LISTED_BEFORE.search(head)
    if m is None or vocab.verb_pattern.search(m.group("between")) or vocab.gap_stop_pattern.search(m.group("between")):
        return []  # 等活动打造…品牌, 等为载体的党建品牌: the names are not the brands
    end = max(0, run_start - 40) + m.start()
    last = None
    for back in range(0, 9):
        at = quotes.ending_at(end - back)
        if at is not None:
            last = at
            suffix = text[end - back:end]
            break
    if last is None or not _plain_suffix(suffix, vocab):
        return []
    chain = [last]
    while chain[-1] > 0:
        prev = chain[-1] - 1
        between = text[quotes.spans[prev][1]:quotes.spans[chain[-1]][0]]
        join = SUFFIX_JOIN.fullmatch(between)
        if join is None or not _plain_suffix(join.group("suffix"), vocab) or not _plain_suffix(join.group("label"), vocab):
            break
        chain.append(prev)
    return list(reversed(chain))


def _plain_suffix(suffix: str, vocab: BrandVocabulary) -> bool:
    """True for a type noun after a listed name (工作室, 协商议事平台), not a clause with a verb."""
    return len(suffix) <= 8 and all(HAN.match(c) for c in suffix) and not vocab.verb_pattern.search(suffix)


def _counted_items(text: str, after: int, count: int, vocab: BrandVocabulary) -> list[tuple[int, int, str]]:
    """The names of a counted list announced after a count of brands (打造“五大特色工作品牌”：一是…):
    the quoted name of each item, else its lead phrase without a verb and the kind."""
    m = ANNOUNCED.match(text, after)
    if m is None:
        return []
    items: list[tuple[int, int, str]] = []
    cursor = m.end()
    numerals = CN_NUM
    for k in range(1, min(count, 10) + 1):
        cn = numerals[k - 1]
        window = text[cursor:cursor + 200]
        hits = [(window.find(f.format(cn=cn, n=k)), f.format(cn=cn, n=k)) for f in ITEM_MARKERS]
        hits = [(at, marker) for at, marker in hits if at >= 0]
        if not hits and k == 1:
            return _colon_list(text, m, count, vocab)
        if not hits:
            return items if len(items) == count else []
        at, marker = min(hits)
        if k == 1 and at > 2:
            return []
        start = cursor + at + len(marker)
        stop = ITEM_END.search(text, start)
        stop_at = stop.start() if stop else len(text)
        item = text[start:stop_at]
        quoted = QUOTE.search(item)
        if quoted:
            group = next(i for i in (1, 2, 3) if quoted.group(i) is not None)
            items.append((start + quoted.start(group), start + quoted.end(group), quoted.group(group)))
        else:
            name, offset = _strip_item(item, vocab)
            if name:
                items.append((start + offset, start + offset + len(name), name))
        cursor = stop_at
    return items if len(items) == count else []


def _colon_list(text: str, link: re.Match[str], count: int, vocab: BrandVocabulary) -> list[tuple[int, int, str]]:
    """Unquoted names listed after a count of brands and a colon (三个品牌：A、B和C。), exactly
    ``count`` of them, up to the sentence end."""
    if "：" not in link.group() and ":" not in link.group():
        return []
    start = link.end()
    stop = SENTENCE_END.search(text, start)
    body = text[start:stop.start() if stop else len(text)]
    if len(body) > 80 or "“" in body:
        return []
    items: list[tuple[int, int, str]] = []
    offset = start
    for part in COLON_LIST_SPLIT.split(body):
        at = text.find(part, offset)
        name, skip = _strip_item(part, vocab)
        if not name:
            return []
        items.append((at + skip, at + skip + len(name), name))
        offset = at + len(part)
    return items if len(items) == count else []


def _strip_item(item: str, vocab: BrandVocabulary) -> tuple[str, int]:
    """An unquoted item's name: its lead phrase without a leading verb and a trailing kind + 品牌."""
    offset = 0
    for verb in vocab.verbs:
        if item.startswith(verb):
            offset = len(verb)
            break
    name = item[offset:]
    if name.startswith(vocab.item_verbs):
        return "", 0  # 一是强化政治引领: a task, not a name
    if name.endswith(ANCHOR):
        name = name[:-len(ANCHOR)]
        _gap, kind = _split_kind(name, vocab)
        name = name[:len(name) - len(kind)]
    if not 2 <= len(name) <= MAX_BARE_NAME or not HAN_RUN.fullmatch(name) or FUNCTION_CHARS.search(name):
        return "", 0
    return name, offset


def _quote_name(text: str, span: tuple[int, int]) -> tuple[int, int, str]:
    start, end = span[0] + 1, span[1] - 1
    return start, end, text[start:end]


def _wrap_matches(text: str) -> list[re.Match[str]]:
    """``WRAP.finditer(text)``, tried only where a line break can start a match (much faster).

    A match starts at the run of spaces before a line break (the look-behind character is never a
    space), so each line break gives one candidate start, tried left to right without overlaps.
    """
    found: list[re.Match[str]] = []
    last_end = 0
    newline = text.find("\n")
    while newline != -1:
        start = newline
        while start > 0 and text[start - 1] in " \t\u3000":
            start -= 1
        if start >= last_end:
            m = WRAP.match(text, start)
            if m is not None:
                found.append(m)
                last_end = m.end()
        newline = text.find("\n", max(newline + 1, last_end))
    return found


class WrapView:
    """``text`` with hard wraps inside sentences removed, and the way back to ``text`` offsets."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []  # view offsets where text was removed
        self.shifts: list[int] = []  # characters removed before and at that offset
        pieces, last, removed = [], 0, 0
        for m in _wrap_matches(text):
            pieces.append(text[last:m.start()])
            removed += m.end() - m.start()
            self.starts.append(m.start() - (removed - (m.end() - m.start())))
            self.shifts.append(removed)
            last = m.end()
        pieces.append(text[last:])
        self.text = "".join(pieces) if self.starts else text

    def to_text(self, pos: int, *, end: bool = False) -> int:
        """Offset in the original text of view offset ``pos`` (an end offset stays before a removed wrap)."""
        index = bisect_right(self.starts, pos - 1 if end else pos) - 1
        return pos + (self.shifts[index] if index >= 0 else 0)


_VIEWS: dict[str, WrapView] = {}


def wrap_view(text: str) -> WrapView:
    """The (read-only) WrapView of ``text``, shared by the extractors of one document."""
    view = _VIEWS.get(text)
    if view is None:
        if len(_VIEWS) >= 2:
            _VIEWS.clear()
        view = _VIEWS[text] = WrapView(text)
    return view


def extract_brands(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a brand name in clean ``text``; one Mention per occurrence."""
    if ANCHOR not in text and "品" not in text:
        return []
    view = wrap_view(text)
    mentions = _extract_brands(view.text, lexicon)
    if view.starts:
        for m in mentions:
            m.start, m.end = view.to_text(m.start), view.to_text(m.end, end=True)
    return mentions


def _extract_brands(text: str, lexicon: Lexicon | None) -> list[Mention]:
    if ANCHOR not in text:
        return []
    vocab = brand_vocabulary(lexicon)
    quotes = _QuoteIndex(text)
    found: dict[tuple[int, int], Mention] = {}

    def add(start: int, end: int, name: str, kind: str, pattern: str, count: int = 0) -> None:
        start += len(name) - len(name.lstrip())
        end -= len(name) - len(name.rstrip())
        name = name.strip()
        parts = _listed_parts(name, count)
        if parts:
            offset = start
            for part in name.split("、"):
                if part.strip():
                    add(offset, offset + len(part), part, kind, pattern)
                offset += len(part) + 1
            return
        if (start, end) in found or is_generic_name(name, vocab):
            return
        found[(start, end)] = Mention(
            table="brands", text=name, start=start, end=end,
            attrs={"name": name, "kind": kind, "components": split_components(name), "pattern": pattern,
                   "cited": _is_cited(text, start)},
        )

    pos = text.find(ANCHOR)
    while pos >= 0:
        if text.startswith(NOT_A_BRAND_AFTER, pos + len(ANCHOR)):
            pos = text.find(ANCHOR, pos + len(ANCHOR))
            continue
        run_start = _han_run_before(text, pos)
        gap, kind_words = _split_kind(text[run_start:pos], vocab)
        kind = kind_words + ANCHOR
        before = text[run_start - 1] if run_start > 0 else ""
        anchor_quote = None
        if before and quotes.ending_at(run_start) is not None:
            anchor_quote = quotes.ending_at(run_start)
        elif before in "，," and CONNECTOR.match(gap) and quotes.ending_at(run_start - 1) is not None:
            anchor_quote = quotes.ending_at(run_start - 1)
        count = _count_in(gap)
        quoted = anchor_quote is not None and _gap_allows_quote(gap, vocab)
        chain = _chain_back(text, quotes, anchor_quote, vocab) if quoted else []
        listed = _listed_before(text, quotes, pos - len(kind_words), vocab) if not quoted or "等" in gap else []
        if quoted and len(listed) > len(chain):
            for index in listed:  # “A”平台、“B”工作室等…品牌: the 等-list is longer than the quote chain
                start, end, name = _quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "list")
        elif quoted:
            for index in chain:
                start, end, name = _quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "quote" if index == anchor_quote else "list", count)
        elif listed:
            for index in listed:
                start, end, name = _quote_name(text, quotes.spans[index])
                add(start, end, name, kind, "list")
        elif anchor_quote is None and kind_words:
            bare = _bare_name(gap, vocab)
            if bare is not None:
                offset, name = bare
                add(run_start + offset, run_start + offset + len(name), name, kind, "bare")
            elif (recurring := _recurring_name(text, gap, run_start, vocab)) is not None:
                offset, name = recurring
                add(run_start + offset, run_start + offset + len(name), name, kind, "recurring")
        if count:
            for start, end, name in _counted_items(text, pos + len(ANCHOR), count, vocab):
                add(start, end, name, kind, "counted")
        after = pos + len(ANCHOR)
        link = AFTER_LINK.match(text, after).group()
        first = quotes.starting_at(after + len(link))
        verbed = bool(vocab.verb_pattern.search(_clause_before(text, run_start)) or vocab.verb_pattern.search(gap))
        if first is not None and (link or verbed or (kind_words and _names_after(text, run_start, quotes, first))):
            chain = _chain_forward(text, quotes, first, vocab)
            if AFTER_END.match(text, quotes.spans[chain[-1]][1]):
                for index in chain:
                    start, end, name = _quote_name(text, quotes.spans[index])
                    add(start, end, name, kind, "after")
        pos = text.find(ANCHOR, after)
    return sorted(found.values(), key=lambda m: (m.start, m.end))
