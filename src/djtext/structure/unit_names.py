"""Unit names: finding names of reporting units in text (X区政协, 中共政协X县委员会党组,
自治区政协X委员会分党组, 温州市工商联党组, X县政协 …) with their level and matching key.

Names are found by anchoring on body words (政协, 工商联 …) and reading a bounded window left and
right, so the scan is linear in the text length. The words come from a ``UnitVocabulary``
(``unit_vocabulary(lexicon)``): a user's unit_terms.csv and regions.csv take effect here.
"""
from __future__ import annotations

import re
from functools import cache

from djtext.structure.places import (inside_quoted_name, is_generic, known_place_before, level_suffix_before,
                                     near_known, owns_practice, place_before)
from djtext.structure.vocabulary import (AMBIGUOUS_SUFFIXES, KEY_CACHE_SIZE, LATIN_PLACEHOLDERS,
                                         LEVEL_OF_ORGAN_COMMITTEE, MAX_AUTONOMOUS_PLACE, MAX_PLACE, PLACE_EXTRA, UnitName,
                                         UnitVocabulary, longest_prefix, unit_vocabulary)
from djtext.text import HAN, HAN_RANGE

# 政协X县委员会: the level word written after the body and the committee (委员会 / 委)
_UNIT_KEY_INNER = re.compile(r"^政协(.+?)(委员会|委)(.*)$")
# X市政协 / X县政协 / X区政协 reduced to X政协 (温州市政协 and 温州政协 are one unit)
_UNIT_KEY_LEVEL = re.compile(r"^(.{2,})[市县区](政协.*)$")


def unit_key(name: str, vocab: UnitVocabulary | None = None) -> str:
    """A name reduced for matching a byline or a body to its section (no 中共, no party organ)."""
    vocab = vocab or unit_vocabulary()
    key = vocab.keys.get(name)
    if key is None:
        if len(vocab.keys) >= KEY_CACHE_SIZE:
            vocab.keys.clear()
        key = vocab.keys[name] = _unit_key(name, vocab)
    return key


def _unit_key(name: str, vocab: UnitVocabulary) -> str:
    key = name[2:] if name.startswith("中共") else name
    m = _UNIT_KEY_INNER.match(key)
    if m and level_suffix_before(m.group(1), len(m.group(1)), vocab):
        key = m.group(1) + "政协" + m.group(3)
    changed = True
    while changed:
        changed = False
        organ = next((o for o in vocab.organs_by_length if key.endswith(o) and len(key) > len(o) + 1), "")
        if organ and vocab.organs[organ] == "keep":
            key = key[: -len(organ)]
            changed = True
    m = _UNIT_KEY_LEVEL.match(key)
    if m and not m.group(1).endswith("自治"):
        key = m.group(1) + m.group(2)  # 温州市政协 and 温州政协 are one unit
    return key


def organ_after(text: str, pos: int, vocab: UnitVocabulary) -> tuple[int, str]:
    """End and level of an organ / committee suffix written after a body word at ``pos``."""
    organ = ""
    if pos < len(text) and text[pos] in vocab.organ_first_chars:  # (a cheap test before the regex)
        found = vocab.organ_pattern.match(text, pos)  # longest_prefix, inlined
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
        organ = longest_prefix(text, m.end(), vocab.organs_by_length)
        if not organ and vocab.modified_organ_pattern is not None:
            modified = vocab.modified_organ_pattern.match(text, m.end())  # 城建环资委 + 履职党总支
            organ = modified.group() if modified else ""
        return m.end() + len(organ), LEVEL_OF_ORGAN_COMMITTEE
    return pos, "keep"


def _level_for(suffix: str, organ_level: str, body: str, vocab: UnitVocabulary) -> str:
    if organ_level == LEVEL_OF_ORGAN_COMMITTEE:
        return "committee"
    if suffix:
        return vocab.level_suffixes[suffix]
    return vocab.bodies.get(body, "other")


# 政协 + place + 委员会/委 (中共政协X县委员会党组): the place of a unit written after its body word
_INNER_PLACE = re.compile(rf"([{HAN_RANGE}Xx*＊]{{1,{MAX_PLACE}}}?)(委员会|委)")


def _name_at(text: str, b_start: int, body: str, vocab: UnitVocabulary) -> UnitName | None:
    """The unit name around the body word at ``b_start`` (None when it is not a unit)."""
    b_end = b_start + len(body)
    if body in SESSION_BODIES:
        session = _session_name(text, b_start, b_end, vocab)
        if session is not None or body != "政协":
            return session
    # 中共政协X县委员会党组 / 政协X市委机关委员会: the place follows the body word (委 comes within
    # MAX_PLACE + 1 characters: a cheap test before the regex)
    inner = body == "政协" and text.find("委", b_end + 1, b_end + MAX_PLACE + 1) != -1
    m = _INNER_PLACE.match(text, b_end) if inner else None
    if m:
        place = m.group(1)
        suffix = level_suffix_before(place, len(place), vocab)
        if suffix and len(place) > len(suffix) and not is_generic(place[: -len(suffix)], vocab):
            organ_end, organ_level = organ_after(text, m.end(), vocab)
            if organ_end == m.end() and m.group(2) == "委":
                organ_end, organ_level = organ_after(text, m.end(), vocab)
                if organ_end == m.end():
                    return None
            start = b_start - 2 if text[max(0, b_start - 2):b_start] == "中共" else b_start
            name = text[start:organ_end]
            return UnitName(start, organ_end, name, _level_for(suffix, organ_level, body, vocab),
                            unit_key(name, vocab), False)
    # a town's name ends in one of TOWN_LAST right before the body (near the text's start, where
    # the look-behind reaches past it, _town_name decides alone)
    town = _town_name(text, b_start, b_end, body, vocab) if b_start < 2 or text[b_start - 1] in TOWN_LAST else None
    if town is not None:
        return town
    suffix = level_suffix_before(text, b_start, vocab)
    if not suffix and body != "政协":
        return None  # 工商联 / 统战部 need a level (温州市工商联)
    known = known_place_before(text, b_start, suffix, vocab)
    if not suffix and known is None and b_start >= 1 and _unknown_place_end(text[b_start - 1], vocab):
        return None  # 推动政协, 人民政协: what the lines below find for a place of no level (quicker)
    if known is not None:
        place_start, gazetteer_level = known
        organ_end, organ_level = organ_after(text, b_end, vocab)
        start = place_start - 2 if text[max(0, place_start - 2):place_start] == "中共" else place_start
        name = text[start:organ_end]
        level = "committee" if organ_level == LEVEL_OF_ORGAN_COMMITTEE else gazetteer_level
        return UnitName(start, organ_end, name, level, unit_key(name, vocab), False)
    place_end = b_start - len(suffix)
    if suffix in AMBIGUOUS_SUFFIXES:
        place_end = b_start  # 温州 is a name, not 温 + 州: keep the character inside the place
    if place_end >= 2 and text[place_end - 1] in " \t" and text[place_end - 2] in vocab.placeholders:
        place_end -= 1  # "X 县政协": an anonymised place set off by a space
    limit = MAX_AUTONOMOUS_PLACE if suffix.startswith("自治") else MAX_PLACE
    if place_end >= 1 and text[place_end - 1] in LATIN_PLACEHOLDERS and text[place_end - 1] in vocab.placeholders:
        place_start = place_end  # X县 / xx市 glued to a title before it: the place is the placeholder run
        while place_start > 0 and text[place_start - 1] in vocab.placeholders and place_end - place_start < limit:
            place_start -= 1
        certain = True
    else:
        place_start, certain = place_before(text, place_end, vocab, limit)
    place = text[place_start:place_end]
    only_placeholders = vocab.placeholders.issuperset(place)  # (true for no place at all)
    if place_end < b_start - len(suffix) and not only_placeholders:
        return None
    placeholder = bool(place) and only_placeholders
    if not suffix and not placeholder and place:
        return None  # unknown short forms: no level to report
    organ_end, organ_level = organ_after(text, b_end, vocab)
    start = place_start - len("中共") if text[max(0, place_start - 2):place_start] == "中共" else place_start
    generic = (is_generic(place, vocab) or not certain or not 2 <= len(place) <= 3) and not placeholder
    full, short = vocab.places_full, vocab.places_short
    if full and not placeholder and place not in short:
        # the gazetteer does not know this place (a renamed 凤翔区 is still known as 凤翔), unless
        # it is a known name with one character damaged by OCR (its region then needs the context)
        if generic or suffix in AMBIGUOUS_SUFFIXES or not near_known(place + suffix, vocab):
            generic = True
    if suffix == "自治区" and not place:
        generic = True
    if not placeholder and (not certain or (generic and len(place) > MAX_PLACE - 1 and not suffix.startswith("自治"))):
        start = place_end  # 基本情况市政协机关党支部: words before a level suffix that are not a place
    name = "".join(text[start:organ_end].split())  # without spacing (str.split's spaces are regex \s)
    return UnitName(start, organ_end, name, _level_for(suffix, organ_level, body, vocab), unit_key(name, vocab), generic)


def _unknown_place_end(char: str, vocab: UnitVocabulary) -> bool:
    """True when ``char``, right before a body word with no level suffix and no known place before
    it, ends a place that is neither empty nor a placeholder: a place character that is no
    placeholder and ends no left-cut word (so no cut leaves the place empty)."""
    return (char in PLACE_EXTRA or "\u4e00" <= char <= "\u9fff") and char not in vocab.placeholders \
        and char not in vocab.cut_last_chars


TOWN_SUFFIXES = ("街道", "镇", "乡")
TOWN_LAST = frozenset(suffix[-1] for suffix in TOWN_SUFFIXES)
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
    place_start, certain = place_before(text, place_end, vocab, MAX_TOWN_PLACE)
    place = text[place_start:place_end]
    if not certain or not 2 <= len(place) <= MAX_TOWN_PLACE or place.startswith(vocab.generic_prefixes):
        return None  # (a town's name may end in a level character: 三市镇)
    name = text[place_start:organ.end()]
    return UnitName(place_start, organ.end(), name, LEVEL_OF_ORGAN_COMMITTEE, name, False)


SESSION_BODIES = ("政协", "中国人民政治协商会议")
MAX_SESSION_PLACE = 16  # characters of the place in 政协[第N届]<place>[第N届]委员会
_ORDINAL = r"(?:第[〇零一二三四五六七八九十百\d]{1,4}届)"  # 第十三届: a session's ordinal
MAX_ORDINAL = 6  # characters of that ordinal


@cache
def _session() -> re.Pattern[str]:
    """政协第十三届青海省委员会: the place of a session's full name, between ordinals and 委员会
    (compiled on first use: few texts write one)."""
    return re.compile(rf"{_ORDINAL}?({HAN}{{2,{MAX_SESSION_PLACE}}}?){_ORDINAL}?委员会")


def _session_name(text: str, b_start: int, b_end: int, vocab: UnitVocabulary) -> UnitName | None:
    """``政协第十三届青海省委员会``, ``中国人民政治协商会议X市X区第N届委员会`` → 青海省政协, X区政协
    (the place must be a known one; the name is written in the usual place + 政协 form)."""
    # 委员会 ends a session's name within two ordinals and MAX_SESSION_PLACE characters
    if text.find("委员会", b_end + 2, b_end + 2 * MAX_ORDINAL + MAX_SESSION_PLACE + 3) == -1:
        return None
    m = _session().match(text, b_end)
    if not m:
        return None
    place = m.group(1)
    if "届" not in m.group() and len(place) <= MAX_PLACE:
        return None  # 政协X县委员会: read by the inner-place rule (中共政协X县委员会党组)
    suffix = level_suffix_before(place, len(place), vocab)
    known = known_place_before(place, len(place), suffix, vocab) if suffix else None
    if known is None or known[0] != 0:
        return None
    organ_end, organ_level = organ_after(text, m.end(), vocab)
    start = b_start - 2 if text[max(0, b_start - 2):b_start] == "中共" else b_start
    name = place + "政协" + text[m.end():organ_end]
    level = "committee" if organ_level == LEVEL_OF_ORGAN_COMMITTEE else known[1]
    return UnitName(start, organ_end, name, level, unit_key(name, vocab), False)





_CENSORED_BODY = re.compile(r"[*＊]协")  # 政协 with 政 censored by a mirror site


def find_unit_names(text: str, vocab: UnitVocabulary | None = None) -> list[UnitName]:
    """Every unit name written in ``text``, left to right (generic references included, flagged).

    ``*协`` (政协 with 政 censored by a mirror site) is read as 政协. ``vocab``: the unit
    vocabulary of the run's lexicon (``unit_vocabulary(lexicon)``; the built-in one when None)."""
    vocab = vocab or unit_vocabulary()
    return names_in(uncensored(text), vocab, 0, len(text))


def uncensored(text: str) -> str:
    """``text`` with ``*协`` read as 政协 (same length: positions stay those of the text)."""
    if "协" in text and ("*" in text or "＊" in text):
        return _CENSORED_BODY.sub("政协", text)
    return text


def names_in(text: str, vocab: UnitVocabulary, lo: int, hi: int) -> list[UnitName]:
    """The unit names of the body words inside ``text[lo:hi]``, read in the whole ``text`` (already
    ``uncensored``): ``find_unit_names`` of the whole text is ``names_in(text, vocab, 0, len(text))``."""
    names: list[UnitName] = []
    last_end = -1
    for m in vocab.body_pattern.finditer(text, lo, hi):
        b_start = m.start()
        if b_start < last_end:
            continue
        if text.startswith("等地", b_start - 2):
            names.extend(_expand_places_list(text, b_start - 2, m.group(), vocab))
            continue
        found = _name_at(text, b_start, m.group(), vocab)
        if found is None:
            continue
        if owns_practice(text, found.end, vocab) or inside_quoted_name(text, found.start, found.end):
            last_end = found.end
            continue
        names.extend(_expand_shared_suffix(text, found, vocab))
        last_end = found.end
    return names


def _expand_places_list(text: str, end: int, body: str, vocab: UnitVocabulary) -> list[UnitName]:
    """``温州、湖州等地政协`` → 温州市政协, 湖州市政协 (each place's level read from the gazetteer)."""
    full, short = vocab.places_full, vocab.places_short
    m = _shared().search(text, max(0, end - 40), end)
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
        out.append(UnitName(start, start + len(place), name, level or "other", unit_key(name, vocab), False, True))
    return out


# 绍兴、嘉兴等: places listed with 、 that share the level and body written after them
@cache
def _shared() -> re.Pattern[str]:
    """Places listed with 、 (compiled on first use: few texts list places before a shared name)."""
    return re.compile(rf"((?:{HAN}{{2,4}}、)+{HAN}{{2,4}})等?$")


_SHARED_LEVEL = re.compile(r"^(市|县|区|州|盟|旗)(政协|工商联)")  # the level and body they share


def _expand_shared_suffix(text: str, found: UnitName, vocab: UnitVocabulary) -> list[UnitName]:
    """``绍兴、嘉兴等市政协`` → 绍兴市政协, 嘉兴市政协 (the level and body are shared)."""
    if not found.generic or found.start < 3:
        return [found]
    rest = found.name
    window_start = max(0, found.start - 40)
    # the last listed place (2-4 characters, 等) follows a 、 that is at most 6 characters back
    if text.find("、", max(window_start, found.start - 6), found.start - 2) == -1:
        return [found]
    m = _shared().search(text, window_start, found.start)
    if not m or m.end() != found.start:
        return [found]
    if not _SHARED_LEVEL.match(rest):
        return [found] if not found.generic else []
    parts = [part.rstrip("等") for part in m.group(1).split("、")]
    if len(parts) < 2:
        return [found]
    out: list[UnitName] = []
    pos = m.start(1)
    first = parts[0]
    cut, _ = place_before(first, len(first), vocab, MAX_PLACE)
    for i, part in enumerate(parts):
        place = part[cut:] if i == 0 else part
        p_start = pos + (cut if i == 0 else 0)
        if len(place) >= 2 and not is_generic(place, vocab):
            name = place + rest
            out.append(UnitName(p_start, p_start + len(place), name, found.level, unit_key(name, vocab), False, True))
        pos += len(part) + 1
    return out
