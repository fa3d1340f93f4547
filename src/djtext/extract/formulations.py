"""Numeric political formulations (数字提法): short fixed phrases built around a number.

Works on the clean text (full-width punctuation, “ ” quotes, one paragraph per line) and finds
one :class:`~djtext.models.Mention` per occurrence, from these sources:

* ``lexicon``: national formulations of ``formulations.csv`` (两个维护, 三会一课, 十四五, 第一议题,
  最后一公里, 双向发力 ...), quoted or not;
* ``quote``: a quoted numeral-led short phrase (“四心”, “四字诀”, “五个一”, “1+4”, “12324”),
  a quoted list whose every part is numeral-led, split into its parts (“三个甲乙、四个丙丁” ->
  三个甲乙, 四个丙丁) unless the text names the whole list as one brand (“三学、两比、一争创”…品牌
  stays whole: a brand's name is one set), a quoted numeral plus
  classifier completed by the noun after the quote (“五张”清单 -> 五张清单), a numeral plus
  classifier before a quoted head (两个“头号工程” -> 两个头号工程), and a numeral-led last part
  of a quoted list item (“聚力五动、凝聚合力” -> 五动), a quoted couplet with a numeral kept whole
  (“一核多点、多圈合一”, unless each half is a formulation itself: “一组一甲、一委一乙” -> two), a
  quoted “第一X” before a rule (“第一课程”制度), a quoted numeral + measure word + two characters
  (“四件大事”, “三轮驱动”; unquoted these are counts), and ‘X’ nested inside a longer “…”;
* ``compound``: an unquoted repeated-numeral compound with one-character heads (四微四提, 一岗双责);
* ``summary``: a numeral summary right after a quoted enumeration (“A、B、C”五大行动, …”双组织体系);
* ``lead``: a numeral and one character directly before a quote (以三润“聚心”引领 -> 三润);
* ``counted``: an unquoted numeral + 个 + two-character head right after a stance verb and closed
  by punctuation (狠抓五个从严、争当三个表率 -> 五个从严, 三个表率; not 做到两个小时: quantity);
* ``enumeration``: a numeral summary closing an unquoted enumeration of exactly that many items
  (调研、提案、民主监督三个协同联动; 例会、学习、研讨等三种制度), not a count of kinds or places
  (三种类型, 两市: ``formulation_count_heads.txt``);
* ``counted`` also: an unquoted numeral + 大 + two characters (三大样板, 两大主题; not 十大 rankings,
  counts of brands 四大文化品牌, or modifiers 四大国际…);
* ``explained``: a numeral + character explained in brackets by as many items starting with it
  (五有（有A、有B…）), and X + numeral + Y items explaining a counted formulation (场所三延伸);
* ``digits``: a digit chain joined by + (1+4, 1+3+N, 1+37+8), quoted or not;
* ``repeat``: later occurrences of a formulation found once by any of the above.

Not formulations: dates and times (2023年, 近五年, 七一), quantities (7个方面, 36件, 300余个),
ordinals (第一书记, 第二批), congress and session names (二十大, 十二届), fractions,
percentages, decimals (4.0), and
numeral-led words and idioms (一线, 一盘棋, 万众一心), counts of brands (四大特色品牌), and the
adjective form of a formulation (“双链条式” is 双链条). The vocabularies are data files:
``formulations.csv``, ``formulation_stopwords.txt``, ``formulation_exact_stopwords.txt``,
``formulation_quantity_words.txt``, ``formulation_summary_heads.txt``, ``formulation_lead_cues.txt``,
``formulation_count_heads.txt``.

A hard wrap the cleaner left inside quotes (“两个\n融合”) is tolerated: the mention's text
drops it, and ``strip_quotes(text[start:end]) == mention.text`` holds for every mention.

Attributes: ``text``; ``number``: the numeral with its classifier (两个, 三, 1+4, 12324);
``head``: what follows it (维护, 会一课, 学、两比、一争创; empty for digit forms); ``source``;
``scope``: ``national`` for a formulation of the lexicon (its ``scope`` column, national when
empty), else ``local``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from djtext.lexicon import Lexicon, derived
from djtext.models import Mention
from djtext.text import CN_NUM, HAN_SPAN_RANGE
from djtext.text import longest_first

TABLE = "formulations"
SCOPES = ("national", "local")
NUMERALS = "一二两三四五六七八九十百千万双"
NUMERAL_SET = frozenset(NUMERALS)
# numerals that lead the weak "numeral + one character before a quote" pattern (一 is too common)
LEAD_NUMERALS = "二两三四五六七八九十"
LEAD_NUMERAL_SET = frozenset(LEAD_NUMERALS)
CLASSIFIERS = "个大项张种条"
CLASSIFIER_SET = frozenset(CLASSIFIERS)
# a numeral or a digit: every quoted formulation holds one (a quote without one is skipped early)
NUMBER_CHAR = re.compile(rf"[{NUMERALS}\d]")
HAN_CLASS = HAN_SPAN_RANGE  # the Han characters of a formulation
HAN = re.compile(rf"[{HAN_CLASS}]")
# a quoted span (at most one line break inside: a hard wrap the cleaner left); an opening quote
# written as ” (a common OCR / typing slip) is accepted too
QUOTED = re.compile(r"[“”]([^“”\n]{0,15}\n?[^“”\n]{1,16})”")
# single quotes are scanned on their own, so a ‘X’ nested inside a long “…” is seen too
SINGLE_QUOTED = re.compile(r"‘([^‘’\n]{1,16})’")
# a quoted “第一X” names a fixed first item (“第一议题”“第一课程”制度), not an ordinal count
FIRST_ITEM = re.compile(rf"第一[{HAN_CLASS}]{{2,3}}")
# what follows such a name (a rule, or the next quoted first item): not “第一书记”, “第一粒扣子”
FIRST_ITEM_AFTER = re.compile(r"“第一|制度|机制|学习|工作法")
DIGIT_CHAIN = re.compile(r"\d{1,3}(?:[+＋](?:\d{1,3}|[A-Za-z]))+(?![\d.+＋A-Za-z])")
DIGIT_CHAIN_SCAN = re.compile(r"[+＋]")
CHAIN_EDGE = frozenset("0123456789.+＋ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
LEADING_DIGITS = re.compile(r"[\d+＋A-Za-z]+")
DIGITS_ONLY = re.compile(r"\d{3,6}")
YEAR = re.compile(r"(?:19|20)\d\d")
PERIOD = re.compile(r"十[一二三四五六七八九]五")
NUMERAL_RUN = re.compile(rf"[{NUMERALS}]+")
# a numeral, one word character that is not a numeral, again (Han is checked afterwards)
# written with a leading character class (same matches as (?:N{1,2}H){2,4}) so the regex
# engine can skip ahead to the next numeral
COMPOUND = re.compile(rf"[{NUMERALS}][{NUMERALS}]?[^{NUMERALS}\W\d](?:[{NUMERALS}]{{1,2}}[^{NUMERALS}\W\d]){{1,3}}")
_COMPOUND_REFERENCE = re.compile(rf"(?:[{NUMERALS}]{{1,2}}[^{NUMERALS}\W\d]){{2,4}}")
COMPOUND_PIECE = re.compile(rf"([{NUMERALS}]{{1,2}})([^{NUMERALS}\W\d])")
LEAD = re.compile(rf"([{LEAD_NUMERALS}][^{NUMERALS}\W\d])“")
LEAD_CLASSIFIER = re.compile(rf"(?<![第{NUMERALS}])([{NUMERALS}]{{1,2}}[{CLASSIFIERS}])$")
# 一人一策, 一人一委: two numeral-head pairs of one character each (not 一年一度: time words),
# and a numeral repeated before a second head (一支部一品牌, 万人助万企): a fixed formulation shape
SYMMETRIC = re.compile(
    rf"[{NUMERALS}][^{NUMERALS}年月日天周\W\d][{NUMERALS}][^{NUMERALS}年月日天周\W\d]"
    rf"|([{NUMERALS}])(?![年月日天周])[^{NUMERALS}\W\d]{{1,3}}\1[^{NUMERALS}\W\d]{{1,3}}(?:\1[^{NUMERALS}\W\d]{{1,3}})?"
)
TWO_HAN = re.compile(rf"[{HAN_CLASS}]{{2}}")
# the parts of a compound formulation: a numeral run and the head after it (双进|双联|双争|四百)
COMPOUND_PART = re.compile(rf"[{NUMERALS}]+[^{NUMERALS}\W\d]*")
HAN_ONLY = re.compile(rf"[{HAN_CLASS}]+")
# time words after a numeral: a quoted “三年行动” or “八小时以外” is a period, not a set phrase
TIME_WORDS = re.compile(r"年|月|日|天|周|小时|分钟|秒|岁|季度|星期|个月")
LIST_PART = re.compile(r"[^、]+")
PART_TAIL = re.compile(rf"[{HAN_CLASS}]([{LEAD_NUMERALS}][{HAN_CLASS}])$")
QUOTE_CHARS = "“”‘’\n"
_NO_QUOTE_CHARS = str.maketrans("", "", QUOTE_CHARS)
# the head of a formulation: Han characters, list commas and middle dots only
HEAD_CHARS = re.compile(rf"[{HAN_CLASS}、·]+")
MAX_TEXT = 12
MAX_SUMMARY_HEAD = 4
# an unquoted numeral + 个 + two Han characters closed by punctuation (after a stance verb: counted)
COUNTED = re.compile(rf"[两三四五六七八九十]个[{HAN_CLASS}]{{2}}(?=[，。、；：！？）)”\s]|$)")
# 十大 is left out: it mostly ranks a selection (十大好提案评选), not a set phrase
BIG_NUMERALS = frozenset("两三四五六七八九")
BIG_COUNT = re.compile(rf"[两三四五六七八九]大([{HAN_CLASS}]{{2}})")
NUMERAL_VALUES = {"两": 2, "双": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# a numeral summary that may close an unquoted enumeration: 三个协同联动, 三大样板 (the head ends
# at punctuation, 等 or 的)
ENUM_SUMMARY = re.compile(
    rf"([两三四五六七八九十])(?:[个大项种])?[{HAN_CLASS}]{{1,4}}?(?=[，。；：！？）)”\s]|等|的|$)")
ENUM_BREAK = re.compile(r"[，。；：！？（）()\n]")
ENUM_LAST_JOIN = re.compile(r"以及|和|及|与")
ENUM_ITEM = re.compile(rf"[{HAN_CLASS}]{{2,10}}")
# a numeral + head explained in brackets: 五有（有A、有B…）, “三个创新”（A、B、C）
EXPLAINED = re.compile(
    rf"(?P<num>[两三四五六七八九十])(?P<cls>[个大项])?(?P<head>[{HAN_CLASS}]{{1,4}})”?（(?P<items>[^（）\n]{{4,160}})）")
EXPLAINED_SPLIT = re.compile(r"[、；，]")
# an item shaped X + numeral + Y (场所三延伸, 功能四保障)
INNER_NUMBERED = re.compile(rf"[{HAN_CLASS}]{{2}}[二两三四五六七八九十][{HAN_CLASS}]{{2,3}}")
# a quoted list named as one brand: “三学、两比、一争创”组织生活党建品牌
BRAND_SOON = re.compile(r"[^，。；：！？\n“”]{0,10}品牌")
# a count of brands or the like, not a formulation: 四大特色品牌
COUNTED_NOUNS = ("品牌",)


@dataclass(frozen=True)
class FormulationVocabulary:
    """The word lists formulation extraction reads from its lexicons."""

    national: tuple[str, ...]
    stopwords: frozenset[str]
    quantity_words: tuple[str, ...]
    quantity_pattern: re.Pattern[str]
    summary_heads: tuple[str, ...]
    automaton: object
    summary_pattern: re.Pattern[str] | None
    lead_cues: tuple[str, ...] = ()
    exact_stopwords: frozenset[str] = frozenset()
    count_heads: frozenset[str] = frozenset()
    scopes: dict[str, str] | None = None


def _build_vocabulary(lexicon: Lexicon) -> FormulationVocabulary:
    national = tuple(sorted(set(lexicon.column("formulations", "text")), key=longest_first))
    automaton = ahocorasick.Automaton()
    for term in national:
        automaton.add_word(term, term)
    if national:
        automaton.make_automaton()
    return FormulationVocabulary(
        national=national,
        stopwords=frozenset(lexicon.column("formulation_stopwords")),
        quantity_words=tuple(sorted(set(lexicon.column("formulation_quantity_words")), key=longest_first)),
        quantity_pattern=_prefix_pattern(lexicon.column("formulation_quantity_words")),
        summary_heads=tuple(sorted(set(lexicon.column("formulation_summary_heads")), key=longest_first)),
        automaton=automaton if national else None,
        summary_pattern=_summary_pattern(lexicon.column("formulation_summary_heads")),
        lead_cues=tuple(sorted(set(lexicon.column("formulation_lead_cues")), key=longest_first)),
        exact_stopwords=frozenset(lexicon.column("formulation_exact_stopwords")),
        count_heads=frozenset(lexicon.column("formulation_count_heads")),
        scopes=_scopes(lexicon),
    )


def _scopes(lexicon: Lexicon) -> dict[str, str]:
    """Scope (national or local) of every lexicon formulation; rows without one are national."""
    scopes: dict[str, str] = {}
    for row in lexicon.rows("formulations"):
        text = row.get("text", "")
        if text:
            scope = (row.get("scope") or "national").strip().lower()
            scopes.setdefault(text, scope if scope in SCOPES else "national")
    return scopes


def _prefix_pattern(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=longest_first)))


def _summary_pattern(heads: list[str]) -> re.Pattern[str] | None:
    if not heads:
        return None
    alternation = "|".join(re.escape(h) for h in sorted(set(heads), key=longest_first))
    return re.compile(
        rf"[”’](?:等)?([{NUMERALS}]{{1,2}}[{CLASSIFIERS}]?[{HAN_CLASS}]{{0,{MAX_SUMMARY_HEAD}}}?(?:{alternation}))"
    )


def formulation_vocabulary(lexicon: Lexicon | None = None) -> FormulationVocabulary:
    """The formulation word lists of ``lexicon`` (built-in lexicons when None), built once per lexicon."""
    return derived(lexicon, "formulations", _build_vocabulary)


def strip_quotes(text: str) -> str:
    """``text`` without quotation marks and line breaks (the form a formulation is compared on)."""
    return text.translate(_NO_QUOTE_CHARS)


def split_number(text: str) -> tuple[str, str]:
    """Split a formulation into (number with its classifier, head): 两个维护 -> (两个, 维护)."""
    digits = LEADING_DIGITS.match(text)
    if digits and text[0].isdigit():
        return digits.group(), text[digits.end():]
    run = NUMERAL_RUN.match(text)
    if not run:
        return "", text
    end = run.end()
    if end < len(text) - 1 and text[end] in CLASSIFIERS:
        end += 1
    return text[:end], text[end:]


def _is_pure_sequence(text: str) -> bool:
    return len(text) >= 3 and CN_NUM.startswith(text)


def _is_magnitude_set(text: str) -> bool:
    """True for three or more distinct magnitudes in a row (十百千, 百千万): a set phrase (十百千工程)."""
    return len(text) >= 3 and len(set(text)) == len(text) and set(text) <= set("十百千万")


def _stopped(text: str, vocab: FormulationVocabulary) -> bool:
    if text in vocab.stopwords or text in vocab.exact_stopwords:
        return True
    for size in range(len(text) - 1, 1, -1):
        if text[:size] in vocab.stopwords and not NUMERAL_RUN.search(text[size:]):
            return True
    return False


def _is_quantity(rest: str, vocab: FormulationVocabulary) -> bool:
    return vocab.quantity_pattern.match(rest) is not None


def is_formulation(text: str, vocab: FormulationVocabulary, *, quoted: bool = False) -> bool:
    """True when ``text`` (quotes removed) has the shape of a numeric formulation; ``quoted``: the
    text wrote it in quotes, where a measure word with a two-character head is one too (“四件大事”)."""
    if not text or len(text) > MAX_TEXT or "、" in text:
        return False
    if text[0].isdigit():
        if DIGIT_CHAIN.fullmatch(text):
            return True
        return bool(DIGITS_ONLY.fullmatch(text)) and not YEAR.fullmatch(text)
    run = NUMERAL_RUN.match(text)
    if not run:
        return False
    numeral, rest = run.group(), text[run.end():]
    if not rest:
        return _is_pure_sequence(numeral) or _is_magnitude_set(numeral)
    if PERIOD.match(text) or _stopped(text, vocab):
        return False
    if len(numeral) > 1 and "十" in numeral and rest[0] in "大届次":
        return False  # 二十大, 十九届
    if len(numeral) > 2:
        return False
    if numeral in ("百", "千", "万") and not NUMERAL_RUN.search(rest):
        return False  # 万里…, 千方百计: a big round numeral alone leads no formulation
    if _is_quantity(rest, vocab) and not SYMMETRIC.fullmatch(text) and not (quoted and _quoted_measure(numeral, rest, vocab)):
        return False
    if not HEAD_CHARS.fullmatch(rest):
        return False
    if rest[0] in CLASSIFIERS and len(rest) == 1:
        return False  # 两个, 五张: a classifier with no head
    if rest[0] in CLASSIFIERS and rest.endswith(COUNTED_NOUNS):
        return False  # 四大特色品牌: a count of brands
    return True


def _quoted_measure(numeral: str, rest: str, vocab: FormulationVocabulary) -> bool:
    """True for a quoted numeral + measure word + two Han characters (“三轮驱动”, “四件大事”):
    a set phrase, where an unquoted one would be a count (三轮会议)."""
    if len(numeral) != 1 or numeral in "百千万":
        return False
    m = vocab.quantity_pattern.match(rest)
    tail = rest[m.end():] if m else ""
    if len(tail) != 2 or NUMERAL_RUN.search(tail) or HAN_ONLY.fullmatch(tail) is None:
        return False  # “八步沙六老汉”: a longer name
    return not TIME_WORDS.match(rest)


def _is_list_formulation(text: str, vocab: FormulationVocabulary) -> bool:
    parts = text.split("、")
    if len(parts) < 2:
        return False
    for part in parts:
        number, head = split_number(part)
        if not number or not head or len(head) > 3 or not is_formulation(part, vocab):
            return False
    return True


def _is_couplet(text: str) -> bool:
    """True for a two-part parallel phrase with a numeral at the head of one part
    (一核多点、多圈合一; 一方隶属、双重管理): one formulation, not two."""
    parts = text.split("、")
    if len(parts) != 2 or len(parts[0]) != len(parts[1]) or not 3 <= len(parts[0]) <= 5:
        return False
    if not all(HAN_ONLY.fullmatch(part) for part in parts):
        return False
    return any(part[0] in NUMERAL_SET for part in parts) and all(NUMERAL_RUN.search(part) for part in parts)


def _counts_things(text: str, start: int, number: str) -> bool:
    """True when a numeral + classifier before a quote counts things: 一张“X” (an article), 等七个“X”."""
    return number[0] == "一" or (start > 0 and text[start - 1] == "等")


def _preceded_by_ordinal(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1] == "第" or text[start - 1] in NUMERAL_SET or text[start - 1].isdigit())


def _mention(text: str, start: int, end: int, source: str) -> Mention:
    name = strip_quotes(text[start:end])
    number, head = split_number(name)
    return Mention(TABLE, name, start, end, {"text": name, "number": number, "head": head, "source": source})


def _from_quotes(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    found: list[Mention] = []
    matches = list(QUOTED.finditer(text))
    if "‘" in text:
        matches += SINGLE_QUOTED.finditer(text)
    for match in matches:
        raw_content, start, end = match.group(1), match.start(1), match.end(1)
        content = raw_content.replace("\n", "")
        if len(content) > 16:
            continue
        if start >= 2 and text[start - 2] == "第":
            continue
        if NUMBER_CHAR.search(content) is None:
            # no numeral and no digit: only a numeral + classifier before the quote can lead one
            if text[match.start() - 1:match.start()] in CLASSIFIER_SET:
                _lead_classified(text, match, content, found)
            continue
        if FIRST_ITEM.fullmatch(content):
            if FIRST_ITEM_AFTER.match(text, match.end()) or text.endswith("”", 0, match.start()):
                found.append(_mention(text, start, end, "quote"))  # “第一课程”制度: a named first item
            continue
        if content.endswith("式") and "\n" not in raw_content and is_formulation(content[:-1], vocab):
            if len(split_number(content[:-1])[1]) >= 2:
                found.append(_mention(text, start, end - 1, "quote"))  # “双链条式” -> 双链条
            continue
        if is_formulation(content, vocab, quoted=True):
            found.append(_mention(text, start, end, "quote"))
            continue
        if _is_list_formulation(content, vocab):
            if "\n" in raw_content or BRAND_SOON.match(text, match.end()):
                found.append(_mention(text, start, end, "quote"))  # one brand's name: one set
            else:
                offset = start
                for part in raw_content.split("、"):
                    found.append(_mention(text, offset, offset + len(part), "quote"))
                    offset += len(part) + 1
            continue
        if _is_couplet(content) and "\n" not in raw_content:
            if all(is_formulation(part, vocab) for part in content.split("、")):
                cut = start + content.index("、")
                found.append(_mention(text, start, cut, "quote"))  # “一组一甲、一委一乙”: two
                found.append(_mention(text, cut + 1, end, "quote"))
            else:
                found.append(_mention(text, start, end, "quote"))  # “一核多点、多圈合一”: one phrase
            continue
        run = NUMERAL_RUN.fullmatch(content[:-1]) if len(content) >= 2 else None
        if run and content[-1] in CLASSIFIERS:
            tail = TWO_HAN.match(text, match.end())
            if tail and not _is_quantity(tail.group(), vocab):
                found.append(_mention(text, start, match.end() + 2, "quote"))
            continue
        if _lead_classified(text, match, content, found):
            continue
        if LEAD_NUMERAL_SET.isdisjoint(content):
            continue  # no numeral that could end a list part (cheap check before the loop)
        for part_match in LIST_PART.finditer(raw_content if "\n" not in raw_content else ""):
            part = part_match.group()
            if len(part) < 3 or part[-2] not in LEAD_NUMERALS:
                continue  # PART_TAIL needs a numeral as the part's second-last character
            tail = PART_TAIL.search(part)
            if tail and is_formulation(tail.group(1), vocab):
                p_end = start + part_match.end()
                found.append(_mention(text, p_end - 2, p_end, "quote"))
    return found


def _lead_classified(text: str, match: re.Match[str], content: str, found: list[Mention]) -> bool:
    """Add a numeral + classifier before a quoted head (两个“头号工程” -> 两个头号工程); True when added."""
    before = text[max(0, match.start() - 3):match.start()]
    lead = LEAD_CLASSIFIER.search(before)
    if lead and _counts_things(text, match.start() - len(lead.group(1)), lead.group(1)):
        return False
    if lead and 2 <= len(content) <= 5 and "的" not in content and all(HAN.match(c) for c in content):
        found.append(_mention(text, match.start() - len(lead.group(1)), match.end(1), "quote"))
        return True
    return False


def _from_lexicon(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    if vocab.automaton is None:
        return []
    found = []
    for end_index, term in vocab.automaton.iter_long(text):  # type: ignore[attr-defined]
        start = end_index - len(term) + 1
        if _preceded_by_ordinal(text, start):
            continue
        found.append(_mention(text, start, end_index + 1, "lexicon"))
    return found


def _from_compounds(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    found = []
    for match in COMPOUND.finditer(text):
        candidate = match.group()
        if _preceded_by_ordinal(text, match.start()):
            continue
        pieces = COMPOUND_PIECE.findall(candidate)
        if not all(HAN.match(head) for _, head in pieces):
            continue
        if any(_is_quantity(head, vocab) or head in CLASSIFIERS for _, head in pieces):
            continue
        if any(len(num) > 1 for num, _ in pieces):
            continue  # 十二届三次: multi-character numbers are counts, not formulation parts
        if _stopped(candidate, vocab) or not is_formulation(candidate, vocab):
            continue
        if any(_stopped(num + head, vocab) for num, head in pieces[:1]):
            continue
        found.append(_mention(text, match.start(), match.end(), "compound"))
    return found


def _from_summaries(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    found: list[Mention] = []
    if vocab.summary_pattern is None:
        return found
    for match in vocab.summary_pattern.finditer(text):
        candidate = match.group(1)
        if is_formulation(candidate, vocab) and len(candidate) <= 8:
            found.append(_mention(text, match.start(1), match.end(1), "summary"))
    return found


def _from_leads(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    found = []
    for quote in re.finditer("“", text):
        if quote.start() < 2:
            continue
        match = LEAD.match(text, quote.start() - 2)
        if not match or _preceded_by_ordinal(text, match.start()):
            continue
        candidate = match.group(1)
        if not HAN.match(candidate[1]):
            continue
        if candidate[1] in CLASSIFIERS or candidate[1] in NUMERAL_SET:
            continue
        if is_formulation(candidate, vocab):
            found.append(_mention(text, match.start(1), match.end(1), "lead"))
    return found


def _from_counted(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Unquoted 数词+个+two-character head right after a stance verb: 狠抓四个到位, 争当两个标兵."""
    found: list[Mention] = []
    if not vocab.lead_cues:
        return found
    position = text.find("个", 1)
    while position >= 0:  # find 个 first: far cheaper than a regex scan of the whole text
        start = position - 1
        match = COUNTED.match(text, start) if text[start] in NUMERAL_SET else None
        if match and text.endswith(vocab.lead_cues, max(0, start - 4), start):
            candidate = match.group()
            quantity = _is_quantity(candidate[1:], vocab) or _stopped(candidate, vocab)
            if not quantity and is_formulation(candidate, vocab):
                found.append(_mention(text, start, match.end(), "counted"))
        position = text.find("个", position + 1)
    return found


def _from_big_counts(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """Unquoted numeral + 大 + two-character head (三大样板, 两大主题, 五大亮点): the genre's
    numbered set phrase; not a count of brands (四大文化品牌) nor a modifier (四大国际枢纽)."""
    found: list[Mention] = []
    position = text.find("大", 1)
    while position >= 0:
        start = position - 1
        if text[start] in BIG_NUMERALS and not _preceded_by_ordinal(text, start):
            match = BIG_COUNT.match(text, start)
            if match and match.group(1) not in vocab.count_heads and not BRAND_SOON.match(text, start):
                candidate = match.group()
                if not _stopped(candidate, vocab) and is_formulation(candidate, vocab):
                    found.append(_mention(text, start, match.end(), "counted"))
        position = text.find("大", position + 1)
    return found


def _numeral_value(char: str) -> int:
    return NUMERAL_VALUES.get(char, 0)


def _enumeration_size(clause: str) -> int:
    """Number of items of the enumeration ``clause`` ends with (A、B和C -> 3), 0 when it is none."""
    parts = strip_quotes(clause).split("、")
    last = ENUM_LAST_JOIN.split(parts[-1], maxsplit=1)
    parts = parts[:-1] + last
    if len(parts) < 2 or not all(ENUM_ITEM.fullmatch(part) for part in parts[1:]):
        return 0
    return len(parts) if len(parts[0]) >= 2 else 0


def _from_enumerations(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral summary right after an unquoted enumeration of exactly that many items
    (调研、提案、民主监督三个协同联动 -> 三个协同联动; A、B、C三大样板 -> 三大样板)."""
    found: list[Mention] = []
    for match in ENUM_SUMMARY.finditer(text):
        start = match.start()
        if start == 0 or not HAN.match(text[start - 1]) and text[start - 1] not in "”’":
            continue
        if text[start - 1] in NUMERAL_SET or text[start - 1] == "第":
            continue
        clause_start = max(0, start - 60)
        breaks = list(ENUM_BREAK.finditer(text, clause_start, start))
        clause = text[breaks[-1].end() if breaks else clause_start:start]
        if clause.endswith("等"):
            clause = clause[:-1]  # 例会、学习、研讨等三种制度
        if _enumeration_size(clause) != _numeral_value(match.group(1)):
            continue
        candidate = match.group()
        head = candidate[2:] if candidate[1] in "个大项种" else candidate[1:]
        if len(head) < 2 or head[0] in "种类" or _is_quantity(candidate[1:], vocab) or _is_quantity(head, vocab):
            continue  # 两市, 三种类型: counts of places and kinds
        if head in vocab.count_heads or _stopped(candidate, vocab) or not is_formulation(candidate, vocab):
            continue
        found.append(_mention(text, start, match.end(), "enumeration"))
    return found


def _from_explained(text: str, vocab: FormulationVocabulary) -> list[Mention]:
    """A numeral + one character explained by as many items in brackets that all start with it
    (五有（有A、有B、…）-> 五有), and items shaped X + numeral + Y inside the brackets that explain
    a counted formulation (“三个创新”（场所三延伸、功能四保障、…）-> 场所三延伸, 功能四保障)."""
    found: list[Mention] = []
    for match in EXPLAINED.finditer(text):
        start = match.start()
        if start > 0 and (text[start - 1] in NUMERAL_SET or text[start - 1] == "第"):
            continue
        number, head, listed = match.group("num"), match.group("head"), match.group("items")
        items = EXPLAINED_SPLIT.split(listed)
        if len(items) != _numeral_value(number):
            continue
        if len(head) == 1 and not match.group("cls") and all(item.startswith(head) for item in items):
            candidate = number + head
            if not _stopped(candidate, vocab) and not _is_quantity(head, vocab):
                found.append(_mention(text, start, start + 2, "explained"))
            continue
        offset = match.start("items")
        for item in listed.split("、"):
            core = item.strip()
            if INNER_NUMBERED.fullmatch(core):
                at = offset + item.index(core)
                found.append(_mention(text, at, at + len(core), "explained"))
            offset += len(item) + 1
    return found


def _from_digits(text: str) -> list[Mention]:
    found: list[Mention] = []
    last_end = -1
    for plus in DIGIT_CHAIN_SCAN.finditer(text):
        start = plus.start()
        while start > 0 and text[start - 1].isdigit() and plus.start() - start < 3:
            start -= 1
        if start >= plus.start() or start <= last_end or (start > 0 and text[start - 1] in CHAIN_EDGE):
            continue
        match = DIGIT_CHAIN.match(text, start)
        if match:
            found.append(_mention(text, match.start(), match.end(), "digits"))
            last_end = match.end()
    return found


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


def _quoted_parts(text: str, kept: list[Mention]) -> list[Mention]:
    """Quoted parts of a compound formulation of the document, standing alone (“双进”即…, “四百”即…
    after “双进双联双争四百”): formulations too, even where their shape alone would not be one."""
    parts: set[str] = set()
    for mention in kept:
        pieces = COMPOUND_PART.findall(mention.text)
        if len(pieces) >= 2 and "".join(pieces) == mention.text:
            parts.update(piece for piece in pieces if len(piece) >= 2)
    found: list[Mention] = []
    for part in parts:
        quoted = f"“{part}”"
        at = text.find(quoted)
        while at >= 0:
            found.append(_mention(text, at + 1, at + 1 + len(part), "part"))
            at = text.find(quoted, at + len(quoted))
    return found


def _repeats(text: str, kept: list[Mention]) -> list[Mention]:
    names = {m.text for m in kept if len(m.text) >= 3 or m.attrs.get("source") != "lead"}
    if not names:
        return []
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    taken = bytearray(len(text))  # 1 where a kept or repeated mention lies
    for m in kept:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for end_index, name in automaton.iter_long(text):
        start, end = end_index - len(name) + 1, end_index + 1
        if taken.find(1, start, end) >= 0 or _preceded_by_ordinal(text, start):
            continue
        if name[0].isdigit() and (end < len(text) and (text[end].isdigit() or text[end] in "+＋.")):
            continue
        extra.append(_mention(text, start, end, "repeat"))
        taken[start:end] = b"\x01" * (end - start)
    return extra


def extract_formulations(text: str, *, lexicon: Lexicon | None = None) -> list[Mention]:
    """Find every occurrence of a numeric formulation in the clean ``text``."""
    vocab = formulation_vocabulary(lexicon)
    candidates = (
        _from_quotes(text, vocab)
        + _from_lexicon(text, vocab)
        + _from_summaries(text, vocab)
        + _from_compounds(text, vocab)
        + _from_leads(text, vocab)
        + _from_counted(text, vocab)
        + _from_enumerations(text, vocab)
        + _from_big_counts(text, vocab)
        + _from_explained(text, vocab)
        + _from_digits(text)
    )
    kept = _resolve(candidates)
    kept = _resolve(kept + _quoted_parts(text, kept))
    mentions = sorted(kept + _repeats(text, kept), key=lambda m: m.start)
    scopes = vocab.scopes or {}
    for mention in mentions:
        mention.attrs["scope"] = scopes.get(mention.text, "local")
    return mentions
