"""Unit names: finding names of reporting units in text (X区政协, 中共政协X县委员会党组,
自治区政协X委员会分党组, 温州市工商联党组, X县政协 …) with their level.

Vocabulary comes from the ``unit_terms`` lexicon (data/lexicons/unit_terms.csv). Names are found by
anchoring on body words (政协, 工商联 …) and reading a bounded window left and right, so the scan
is linear in the text length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from djtext.lexicon import load_lexicon

_PLACE_EXTRA = frozenset("XxＸｘ*＊×")
_LATIN_PLACEHOLDERS = _PLACE_EXTRA  # placeholders that are not Chinese characters (某 is one)


def _is_place_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in _PLACE_EXTRA
MAX_PLACE = 4  # characters of a place name before its level suffix (自治州 names are longer)
MAX_AUTONOMOUS_PLACE = 12
LEVEL_OF_ORGAN_COMMITTEE = "committee"
AMBIGUOUS_SUFFIXES = frozenset({"州"})  # ends many city names (温州) as well as 自治州 short forms


@dataclass(frozen=True)
class UnitVocabulary:
    """The unit_terms lexicon arranged for matching."""

    bodies: dict[str, str]
    level_suffixes: dict[str, str]
    organs: dict[str, str]
    committee_heads: tuple[str, ...]
    roles: tuple[str, ...]
    generic_prefixes: tuple[str, ...]
    left_cuts: tuple[str, ...]
    placeholders: frozenset[str]
    lead_adverbials: tuple[str, ...]
    organs_by_length: tuple[str, ...] = ()
    suffixes_by_length: tuple[str, ...] = ()
    cut_set: frozenset[str] = frozenset()
    cut_max: int = 1
    suffix_last_chars: frozenset[str] = frozenset()
    committee_pattern: re.Pattern[str] | None = None
    roles_pattern: re.Pattern[str] | None = None
    predicate_starts: tuple[str, ...] = ()
    modified_organ_pattern: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def unit_vocabulary() -> UnitVocabulary:
    """Load and arrange the unit_terms lexicon (cached)."""
    rows = load_lexicon().rows("unit_terms")
    if not rows:
        raise ValueError("unit_terms lexicon: missing or empty (data/lexicons/unit_terms.csv)")

    def of(kind: str) -> list[dict[str, str]]:
        return [r for r in rows if r.get("kind") == kind and r.get("term")]

    by_length = lambda items: sorted(items, key=len, reverse=True)  # noqa: E731
    return UnitVocabulary(
        bodies={r["term"]: r.get("level") or "other" for r in of("body")},
        level_suffixes={r["term"]: r["level"] for r in of("level_suffix")},
        organs={r["term"]: r["level"] for r in of("organ")},
        committee_heads=tuple(by_length(r["term"] for r in of("committee_head"))),
        roles=tuple(by_length(r["term"] for r in of("role"))),
        generic_prefixes=tuple(by_length(r["term"] for r in of("generic_prefix"))),
        left_cuts=tuple(by_length(r["term"] for r in of("left_cut"))),
        placeholders=frozenset(r["term"] for r in of("placeholder")),
        lead_adverbials=tuple(by_length(r["term"] for r in of("lead_adverbial"))),
        organs_by_length=tuple(by_length(r["term"] for r in of("organ"))),
        suffixes_by_length=tuple(by_length(r["term"] for r in of("level_suffix"))),
        cut_set=frozenset(r["term"] for r in of("left_cut")),
        cut_max=max((len(r["term"]) for r in of("left_cut")), default=1),
        suffix_last_chars=frozenset(r["term"][-1] for r in of("level_suffix")),
        predicate_starts=tuple(by_length(r["term"] for r in of("predicate_start"))),
        roles_pattern=re.compile("|".join(re.escape(r["term"]) for r in of("role"))),
        committee_pattern=_committee_pattern([r["term"] for r in of("committee_head")],
                                             [r["term"] for r in of("organ")],
                                             [r["term"] for r in of("modified_organ")]),
        modified_organ_pattern=_modified_organ_pattern([r["term"] for r in of("modified_organ")]),
    )


MAX_ORGAN_MODIFIER = 4
_MODIFIER_CHAR = r"(?:(?![的和与及在等中为是了把对从向将被会员])[\u4e00-\u9fff])"


def _modifier_organ(organs: list[str]) -> str:
    """Regex source: a short modifier and a party organ (履职党总支, 第一党支部)."""
    alternatives = "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True))
    return rf"{_MODIFIER_CHAR}{{1,{MAX_ORGAN_MODIFIER}}}?(?:{alternatives})" if alternatives else ""


def _modified_organ_pattern(organs: list[str]) -> re.Pattern[str] | None:
    """``[机关]modifier+organ`` right after a committee or a body (履职党总支, 机关第一党支部)."""
    source = _modifier_organ(organs)
    return re.compile(rf"(?:机关)?{source}") if source else None


def _committee_pattern(heads: list[str], organs: list[str], modified: list[str] = ()) -> re.Pattern[str]:
    """``[name]{委员会|委 …}`` right before a party organ (经济委员会分党组, 教科卫体委履职党总支)."""
    named = [h for h in heads if not h.startswith("专")]  # 经济委员会, 教科卫体委
    bare = [h for h in heads if h.startswith("专")]  # 专委会 stands alone (推动专委会党支部… is a sentence)
    alternatives = "|".join(re.escape(h) for h in sorted(named, key=len, reverse=True))
    bare_alternatives = "|".join(re.escape(h) for h in sorted(bare, key=len, reverse=True))
    organ_alternatives = "|".join(re.escape(o) for o in sorted(organs, key=len, reverse=True))
    modified_source = _modifier_organ(list(modified))
    after = f"{organ_alternatives}|{modified_source}" if modified_source else organ_alternatives
    return re.compile(rf"(?:[\u4e00-\u9fff]{{1,10}}?(?:{alternatives})|{bare_alternatives})"
                      rf"(?=(?:{after}))")


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern[str]:
    vocab = unit_vocabulary()
    return re.compile("|".join(re.escape(b) for b in sorted(vocab.bodies, key=len, reverse=True)))


@dataclass(frozen=True)
class UnitName:
    """A unit name found in the text: where, what, at which level, and whether it is specific."""

    start: int
    end: int
    name: str
    level: str
    key: str  # the name without 中共 and party-organ suffixes, in 'place+level+body' order
    generic: bool  # no specific place (市政协, 各级政协): a reference, not a citable unit
    shared: bool = False  # expanded from a shared suffix (绍兴、嘉兴等市政协)


_PREFIX_PATTERNS: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def _prefix_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex trying ``terms`` in their order at a position (the first that fits wins)."""
    hit = _PREFIX_PATTERNS.get(id(terms))
    if hit is not None and hit[0] is terms:
        return hit[1]
    pattern = re.compile("|".join(re.escape(term) for term in terms))
    if len(_PREFIX_PATTERNS) > 64:
        _PREFIX_PATTERNS.clear()
    _PREFIX_PATTERNS[id(terms)] = (terms, pattern)
    return pattern


def _longest_prefix(text: str, pos: int, terms) -> str:
    """The first of ``terms`` (longest first) written at ``pos``, or ""."""
    if not isinstance(terms, tuple):
        terms = tuple(terms)
    m = _prefix_pattern(terms).match(text, pos)
    return m.group() if m else ""


_PLACE_RUN = re.compile("[\u4e00-\u9fff" + "".join(sorted(_PLACE_EXTRA)).replace("*", "\\*") + "]{0,16}")
_REVERSED: list[str] = ["", ""]  # the last text seen by _run_before and its reverse


def _run_before(text: str, end: int, cap: int) -> int:
    """Number of place characters right before ``end`` (at most ``cap``), read on the reversed text."""
    if cap > 16:
        run = 0
        while run < cap and end - run > 0 and _is_place_char(text[end - run - 1]):
            run += 1
        return run
    if _REVERSED[0] is not text:
        _REVERSED[0], _REVERSED[1] = text, text[::-1]
    m = _PLACE_RUN.match(_REVERSED[1], len(text) - end)
    return min(cap, m.end() - m.start())


def _level_suffix_before(text: str, end: int, vocab: UnitVocabulary) -> str:
    if end <= 0 or text[end - 1] not in vocab.suffix_last_chars:
        return ""
    for suffix in vocab.suffixes_by_length:
        if end - len(suffix) >= 0 and text.startswith(suffix, end - len(suffix)):
            return suffix
    return ""


@lru_cache(maxsize=4)
def _cut_ends(cut_set: frozenset[str]) -> frozenset[str]:
    """Last characters of the left-cut function words."""
    return frozenset(word[-1] for word in cut_set if word)


def _place_before(text: str, end: int, vocab: UnitVocabulary, limit: int) -> tuple[int, bool]:
    """Start of the place part ending at ``end``, and whether its left edge is certain.

    The place is the run of name characters before ``end``, cut after the rightmost function word
    that leaves at least two characters (在和平区 -> 和平区). The edge is certain when the run
    stops at punctuation or the start of the text, or when a cut was made.
    """
    start = end - _run_before(text, end, limit + 4)
    delimited = start == 0 or not _is_place_char(text[start - 1])
    run = text[start:end]
    best = -1
    cut_ends = _cut_ends(vocab.cut_set)
    for after in range(len(run), 0, -1):  # rightmost cut first
        if run[after - 1] not in cut_ends:
            continue  # no function word ends here
        left = len(run) - after
        for size in range(1, min(vocab.cut_max, after) + 1):
            if run[after - size:after] in vocab.cut_set and (left >= 2 or left == 0 or (size > 1 and left >= 1)):
                best = after
                break
        if best >= 0:
            break
    if best >= 0 and len(run) - best <= limit:
        return start + best, True
    if len(run) > limit:
        return end - limit, False
    return start, delimited


def _organ_after(text: str, pos: int, vocab: UnitVocabulary) -> tuple[int, str]:
    """End and level of an organ / committee suffix written after a body word at ``pos``."""
    found = _prefix_pattern(vocab.organs_by_length).match(text, pos)  # _longest_prefix, inlined
    organ = found.group() if found else ""
    if (organ in ("", "机关") and text.startswith("机关", pos)
            and vocab.modified_organ_pattern is not None):
        found = vocab.modified_organ_pattern.match(text, pos)  # 政协机关第一党支部
        if found:
            return found.end(), LEVEL_OF_ORGAN_COMMITTEE
    if organ:
        return pos + len(organ), vocab.organs[organ]
    # a committee inside the body: [name]{委员会|委} followed by an organ (分党组, 履职党总支 …)
    if "委" not in text[pos:pos + 11] or vocab.committee_pattern is None:
        return pos, "keep"
    m = vocab.committee_pattern.match(text, pos)
    if m:
        organ = _longest_prefix(text, m.end(), vocab.organs_by_length)
        if not organ and vocab.modified_organ_pattern is not None:
            modified = vocab.modified_organ_pattern.match(text, m.end())  # 城建环资委 + 履职党总支
            organ = modified.group() if modified else ""
        return m.end() + len(organ), LEVEL_OF_ORGAN_COMMITTEE
    return pos, "keep"
    for length in range(1, 11):
        head_end = pos + length
        if head_end > len(text) or not _is_place_char(text[head_end - 1]):
            break
        if any(text.startswith(h, head_end - len(h)) and head_end - len(h) >= pos + 1 or
               (h in ("专委会", "专门委员会") and text.startswith(h, pos))
               for h in vocab.committee_heads):
            organ = _longest_prefix(text, head_end, vocab.organs_by_length)
            if organ:
                return head_end + len(organ), LEVEL_OF_ORGAN_COMMITTEE
    return pos, "keep"


_SINGLES: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _single_prefixes(prefixes: tuple[str, ...]) -> frozenset[str]:
    """The one-character generic prefixes (remembered per prefix tuple)."""
    hit = _SINGLES.get(id(prefixes))
    if hit is None or hit[0] is not prefixes:
        if len(_SINGLES) > 16:
            _SINGLES.clear()
        hit = _SINGLES[id(prefixes)] = (prefixes, frozenset(p for p in prefixes if len(p) == 1))
    return hit[1]


def _is_generic(place: str, vocab: UnitVocabulary) -> bool:
    """True for places that name no specific region (各级, 全省, 市县, 为全 …)."""
    if not place:
        return True
    if place.startswith(vocab.generic_prefixes):
        return True
    if all(ch in vocab.level_suffixes or ch in "、" for ch in place):
        return True  # 市县政协, 省市政协
    single = _single_prefixes(vocab.generic_prefixes)
    return place[-1] in single or (place[-1] in vocab.level_suffixes and place[-1] not in AMBIGUOUS_SUFFIXES)


@lru_cache(maxsize=4096)
def unit_key(name: str) -> str:
    """A name reduced for matching a byline or a body to its section (no 中共, no party organ)."""
    vocab = unit_vocabulary()
    key = name[2:] if name.startswith("中共") else name
    m = re.match(r"^政协(.+?)(委员会|委)(.*)$", key)
    if m and _level_suffix_before(m.group(1), len(m.group(1)), vocab):
        key = m.group(1) + "政协" + m.group(3)
    changed = True
    while changed:
        changed = False
        organ = next((o for o in vocab.organs_by_length if key.endswith(o) and len(key) > len(o) + 1), "")
        if organ and vocab.organs[organ] == "keep":
            key = key[: -len(organ)]
            changed = True
    m = re.match(r"^(.{2,})[市县区](政协.*)$", key)
    if m and not m.group(1).endswith("自治"):
        key = m.group(1) + m.group(2)  # 温州市政协 and 温州政协 are one unit
    return key


def _level_for(suffix: str, organ_level: str, body: str, vocab: UnitVocabulary) -> str:
    if organ_level == LEVEL_OF_ORGAN_COMMITTEE:
        return "committee"
    if suffix:
        return vocab.level_suffixes[suffix]
    return vocab.bodies.get(body, "other")


_SPACES = re.compile(r"\s+")
_INNER_PLACE = re.compile(r"([\u4e00-\u9fffXx*＊]{1,%d}?)(委员会|委)" % MAX_PLACE)


def _name_at(text: str, b_start: int, body: str, vocab: UnitVocabulary) -> UnitName | None:
    """The unit name around the body word at ``b_start`` (None when it is not a unit)."""
    b_end = b_start + len(body)
    if body in SESSION_BODIES:
        session = _session_name(text, b_start, b_end, vocab)
        if session is not None or body != "政协":
            return session
    # 中共政协X县委员会党组 / 政协X市委机关委员会: the place follows the body word
    m = _INNER_PLACE.match(text, b_end) if body == "政协" else None
    if m:
        place = m.group(1)
        suffix = _level_suffix_before(place, len(place), vocab)
        if suffix and len(place) > len(suffix) and not _is_generic(place[: -len(suffix)], vocab):
            organ_end, organ_level = _organ_after(text, m.end(), vocab)
            if organ_end == m.end() and m.group(2) == "委":
                organ_end, organ_level = _organ_after(text, m.end(), vocab)
                if organ_end == m.end():
                    return None
            start = b_start - 2 if text[max(0, b_start - 2):b_start] == "中共" else b_start
            name = text[start:organ_end]
            return UnitName(start, organ_end, name, _level_for(suffix, organ_level, body, vocab),
                            unit_key(name), False)
    town = _town_name(text, b_start, b_end, body, vocab)
    if town is not None:
        return town
    suffix = _level_suffix_before(text, b_start, vocab)
    organ_end, organ_level = _organ_after(text, b_end, vocab)
    known = known_place_before(text, b_start, suffix)
    if known is not None:
        place_start, gazetteer_level = known
        if not suffix and body != "政协":
            return None
        start = place_start - 2 if text[max(0, place_start - 2):place_start] == "中共" else place_start
        name = text[start:organ_end]
        level = "committee" if organ_level == LEVEL_OF_ORGAN_COMMITTEE else gazetteer_level
        return UnitName(start, organ_end, name, level, unit_key(name), False)
    place_end = b_start - len(suffix)
    if suffix in AMBIGUOUS_SUFFIXES:
        place_end = b_start  # 温州 is a name, not 温 + 州: keep the character inside the place
    if place_end >= 2 and text[place_end - 1] in " \t" and text[place_end - 2] in vocab.placeholders:
        place_end -= 1  # "X 县政协": an anonymised place set off by a space
    limit = MAX_AUTONOMOUS_PLACE if suffix.startswith("自治") else MAX_PLACE
    if place_end >= 1 and text[place_end - 1] in _LATIN_PLACEHOLDERS and text[place_end - 1] in vocab.placeholders:
        place_start = place_end  # X县 / xx市 glued to a title before it: the place is the placeholder run
        while place_start > 0 and text[place_start - 1] in vocab.placeholders and place_end - place_start < limit:
            place_start -= 1
        certain = True
    else:
        place_start, certain = _place_before(text, place_end, vocab, limit)
    place = text[place_start:place_end]
    if not suffix and body != "政协":
        return None  # 工商联 / 统战部 need a level (温州市工商联)
    if place_end < b_start - len(suffix) and not all(ch in vocab.placeholders for ch in place):
        return None
    placeholder = bool(place) and all(ch in vocab.placeholders for ch in place)
    if not suffix and not placeholder and place:
        return None  # unknown short forms: no level to report
    start = place_start - len("中共") if text[max(0, place_start - 2):place_start] == "中共" else place_start
    generic = (_is_generic(place, vocab) or not certain or not 2 <= len(place) <= 3) and not placeholder
    full, short = _gazetteer()
    if full and not placeholder and place not in short:
        # the gazetteer does not know this place (a renamed 凤翔区 is still known as 凤翔), unless
        # it is a known name with one character damaged by OCR (its region then needs the context)
        if generic or suffix in AMBIGUOUS_SUFFIXES or not _near_known(place + suffix):
            generic = True
    if suffix == "自治区" and not place:
        generic = True
    if not placeholder and (not certain or (generic and len(place) > MAX_PLACE - 1 and not suffix.startswith("自治"))):
        start = place_end  # 基本情况市政协机关党支部: words before a level suffix that are not a place
    name = _SPACES.sub("", text[start:organ_end])
    return UnitName(start, organ_end, name, _level_for(suffix, organ_level, body, vocab), unit_key(name), generic)


TOWN_SUFFIXES = ("街道", "镇", "乡")
_TOWN_ORGAN = re.compile(r"(?:工作委员会|工委|工作联络组|联络组|工作组)")
MAX_TOWN_PLACE = 8  # a town's name, a county's written before it included (X县Y镇)


def _town_name(text: str, b_start: int, b_end: int, body: str, vocab: UnitVocabulary) -> UnitName | None:
    """``X镇政协工委``, ``X街道政协工作联络组``: a 政协 body of a town inside its county (level
    committee; the town itself is not in the gazetteer, so its place is read up to a cut word)."""
    if body != "政协":
        return None
    town = next((t for t in TOWN_SUFFIXES if text.startswith(t, b_start - len(t))), "")
    organ = _TOWN_ORGAN.match(text, b_end) if town else None
    if organ is None:
        return None
    place_end = b_start - len(town)
    place_start, certain = _place_before(text, place_end, vocab, MAX_TOWN_PLACE)
    place = text[place_start:place_end]
    if not certain or not 2 <= len(place) <= MAX_TOWN_PLACE or place.startswith(vocab.generic_prefixes):
        return None  # (a town's name may end in a level character: 三市镇)
    name = text[place_start:organ.end()]
    return UnitName(place_start, organ.end(), name, LEVEL_OF_ORGAN_COMMITTEE, name, False)


SESSION_BODIES = ("政协", "中国人民政治协商会议")
_ORDINAL = r"(?:第[〇零一二三四五六七八九十百\d]{1,4}届)"
_SESSION = re.compile(rf"{_ORDINAL}?([\u4e00-\u9fff]{{2,16}}?){_ORDINAL}?委员会")


def _session_name(text: str, b_start: int, b_end: int, vocab: UnitVocabulary) -> UnitName | None:
    """``政协第十三届青海省委员会``, ``中国人民政治协商会议X市X区第N届委员会`` → 青海省政协, X区政协
    (the place must be a known one; the name is written in the usual place + 政协 form)."""
    m = _SESSION.match(text, b_end)
    if not m:
        return None
    place = m.group(1)
    if "届" not in m.group() and len(place) <= MAX_PLACE:
        return None  # 政协X县委员会: read by the inner-place rule (中共政协X县委员会党组)
    suffix = _level_suffix_before(place, len(place), vocab)
    known = known_place_before(place, len(place), suffix) if suffix else None
    if known is None or known[0] != 0:
        return None
    organ_end, organ_level = _organ_after(text, m.end(), vocab)
    start = b_start - 2 if text[max(0, b_start - 2):b_start] == "中共" else b_start
    name = place + "政协" + text[m.end():organ_end]
    level = "committee" if organ_level == LEVEL_OF_ORGAN_COMMITTEE else known[1]
    return UnitName(start, organ_end, name, level, unit_key(name), False)


def _near_known(place: str) -> bool:
    """True when ``place`` is one character away from a known full name of the same level."""
    from djtext.regions import Gazetteer

    return bool(Gazetteer.from_lexicon().near_names(place))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """Full names and short forms of China's regions (the ``regions`` lexicon) with their level."""
    rank = {"province": 0, "city": 1, "county": 2}
    full: dict[str, str] = {}
    short: dict[str, str] = {}
    for row in load_lexicon().rows("regions"):
        level = row.get("level", "")
        if level not in rank:
            continue
        name = row.get("name", "")
        if name:
            full.setdefault(name, level)
        for form in (row.get("short") or "").split("|"):
            form = form.strip()
            if len(form) >= 2 and (form not in short or rank[level] < rank[short[form]]):
                short[form] = level
    return full, short


MAX_KNOWN_PLACE = 16  # the longest official names (…自治州, …自治县) run to 15 characters


@lru_cache(maxsize=1)
def _place_tables() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """Look-up tables over ``_gazetteer()`` for ``known_place_before`` (same answers, fewer probes).

    ``plain``: the level of a place written without its level suffix (a short form, else a full
    name of three characters or more); the ``*_tails`` sets hold the last two characters of every
    full name, plain name and either, so that most positions are rejected with one set look-up.
    """
    full, short = _gazetteer()
    plain = {name: level for name, level in full.items() if len(name) >= 3}
    plain.update(short)
    full_tails = frozenset(name[-2:] for name in full if len(name) >= 2)
    plain_tails = frozenset(name[-2:] for name in plain)
    any_tails = frozenset(name[-2:] for name in (*full, *short) if len(name) >= 2)
    return plain, full_tails, plain_tails, any_tails


def _place_run(text: str, end: int) -> int:
    """Length of the run of place characters ending at ``end`` (at most MAX_KNOWN_PLACE)."""
    return _run_before(text, end, MAX_KNOWN_PLACE)


def known_place_before(text: str, end: int, suffix: str) -> tuple[int, str] | None:
    """Start and level of a gazetteer place written right before ``end`` (with its level ``suffix``).

    ``绍兴越城区`` keeps the city written before the county; None when no known place fits.
    """
    full, short = _gazetteer()
    if not full:
        return None
    plain, full_tails, plain_tails, any_tails = _place_tables()
    with_suffix = bool(suffix) and suffix not in AMBIGUOUS_SUFFIXES
    # every candidate that can match has at least two characters, and ends where the text does
    if end < 2 or text[end - 2:end] not in (full_tails if with_suffix else plain_tails):
        return None
    best = None
    run = _place_run(text, end)
    if run < 2:
        return None
    run_delimited = run == end or not _is_place_char(text[end - run - 1])
    if with_suffix:
        size = len(suffix)
        for k in range(run, size, -1):
            cand = text[end - k:end]
            if cand in full and cand.endswith(suffix):
                delimited = run_delimited if k == run else False
                if k - size >= 2 or delimited:  # a two-character county name inside 新时代X县政协 is no place
                    best = (end - k, full[cand])
                    break
    else:
        for k in range(run, 1, -1):
            cand = text[end - k:end]
            level = plain.get(cand)
            if level is not None:
                delimited = run_delimited if k == run else False
                if level != "county" or delimited:
                    # 温州政协; a county's short form only when set off (it may also be a common word)
                    best = (end - k, level)
                    break
    if best is None:
        return None
    start = best[0]
    if text[start - 2:start] not in any_tails or start < 2:
        return best
    run = _place_run(text, start)
    for k in range(run, 1, -1):
        cand = text[start - k:start]
        if cand in full or cand in short:
            return start - k, best[1]
    return best


MAX_OWNED_GAP = 2  # characters between an owner's name and a practice head (xx政协 *大* 讲堂)


@lru_cache(maxsize=1)
def _practice_after() -> re.Pattern[str] | None:
    """A practice head (…讲堂, …之家, …工作室: the ``practice_heads`` lexicon) closing a short name."""
    heads = [h for h in load_lexicon().column("practice_heads", "head") if h]
    if not heads:
        return None
    alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"[\u4e00-\u9fff]{{0,{MAX_OWNED_GAP}}}?(?:{alternatives})(?![\u4e00-\u9fff])")


@lru_cache(maxsize=1)
def _practice_last_chars() -> frozenset[str]:
    return frozenset(h[-1] for h in load_lexicon().column("practice_heads", "head") if h)


def owns_practice(text: str, end: int) -> bool:
    """True when a unit name ending at ``end`` is the owner prefix of a practice name
    (“xx 政协大讲堂”, 政协书房): it names the practice, not a reporting unit."""
    last = _practice_last_chars()
    # a head ends within MAX_OWNED_GAP + 5 characters, right before a character that is no Chinese one
    stop = end
    limit = min(len(text), end + MAX_OWNED_GAP + 6)
    while stop < limit and "\u4e00" <= text[stop] <= "\u9fff":
        stop += 1
    if stop == end or stop == limit and limit < len(text) or text[stop - 1] not in last:
        return False
    pattern = _practice_after()
    return pattern is not None and pattern.match(text, end) is not None


_QUOTED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}[”」》』]")


def _inside_quoted_name(text: str, start: int, end: int) -> bool:
    """True for a unit name opening a quoted name that goes on after it (“xx政协智慧平台”)."""
    return start > 0 and text[start - 1] in "“「《『" and _QUOTED_TAIL.match(text, end) is not None


_CENSORED_BODY = re.compile(r"[*＊]协")


def find_unit_names(text: str) -> list[UnitName]:
    """Every unit name written in ``text``, left to right (generic references included, flagged).

    ``*协`` (政协 with 政 censored by a mirror site) is read as 政协."""
    vocab = unit_vocabulary()
    if "协" in text and ("*" in text or "＊" in text):
        text = _CENSORED_BODY.sub("政协", text)  # same length: positions stay those of the text
    names: list[UnitName] = []
    last_end = -1
    for m in _body_pattern().finditer(text):
        if m.start() < last_end:
            continue
        if text.startswith("等地", m.start() - 2):
            names.extend(_expand_places_list(text, m.start() - 2, m.group(), vocab))
            continue
        found = _name_at(text, m.start(), m.group(), vocab)
        if found is None:
            continue
        if owns_practice(text, found.end) or _inside_quoted_name(text, found.start, found.end):
            last_end = found.end
            continue
        names.extend(_expand_shared_suffix(text, found, vocab))
        last_end = found.end
    return names


def _expand_places_list(text: str, end: int, body: str, vocab: UnitVocabulary) -> list[UnitName]:
    """``温州、湖州等地政协`` → 温州市政协, 湖州市政协 (each place's level read from the gazetteer)."""
    full, short = _gazetteer()
    m = _SHARED.search(text, max(0, end - 40), end)
    if not m or m.end() != end:
        return []
    suffix_of = {"province": ("省", "自治区", "市"), "city": ("市", "州", "盟", "地区"), "county": ("县", "区", "市", "旗")}
    out: list[UnitName] = []
    pos = m.start(1)
    for part in m.group(1).split("、"):
        place = part.rstrip("等")
        start = pos
        pos += len(part) + 1
        if place not in short and place not in full:
            place = next((place[i:] for i in range(1, len(place) - 1) if place[i:] in short), "")
            if not place:
                continue
            start += len(part) - len(place)
        level = short.get(place) or full.get(place)
        full_name = place if place in full else next(
            (place + sfx for sfx in suffix_of.get(level, ()) if place + sfx in full), place)
        name = full_name + body
        out.append(UnitName(start, start + len(place), name, level or "other", unit_key(name), False, True))
    return out


_SHARED = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等?$")


def _expand_shared_suffix(text: str, found: UnitName, vocab: UnitVocabulary) -> list[UnitName]:
    """``绍兴、嘉兴等市政协`` → 绍兴市政协, 嘉兴市政协 (the level and body are shared)."""
    if not found.generic or found.start < 3:
        return [found]
    rest = found.name
    window_start = max(0, found.start - 40)
    m = _SHARED.search(text, window_start, found.start)
    if not m or m.end() != found.start:
        return [found]
    if not re.match(r"^(市|县|区|州|盟|旗)(政协|工商联)", rest):
        return [found] if not found.generic else []
    parts = [part.rstrip("等") for part in m.group(1).split("、")]
    if len(parts) < 2:
        return [found]
    out: list[UnitName] = []
    pos = m.start(1)
    first = parts[0]
    cut, _ = _place_before(first, len(first), vocab, MAX_PLACE)
    for i, part in enumerate(parts):
        place = part[cut:] if i == 0 else part
        p_start = pos + (cut if i == 0 else 0)
        if len(place) >= 2 and not _is_generic(place, vocab):
            name = place + rest
            out.append(UnitName(p_start, p_start + len(place), name, found.level, unit_key(name), False, True))
        pos += len(part) + 1
    return out
