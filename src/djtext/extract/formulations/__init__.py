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

A hard wrap the cleaner left inside quotes (“两个
融合”) is tolerated: the mention's text
drops it, and ``strip_quotes(text[start:end]) == mention.text`` holds for every mention.

Attributes: ``text``; ``number``: the numeral with its classifier (两个, 三, 1+4, 12324);
``head``: what follows it (维护, 会一课, 学、两比、一争创; empty for digit forms); ``source``;
``scope``: ``national`` for a formulation of the lexicon (its ``scope`` column, national when
empty), else ``local``.
"""
from __future__ import annotations

# the modules, in the order data flows: characters -> vocabulary -> shape (is_formulation) ->
# quoted, generative, national (the sources) -> finder
from djtext.extract.formulations.characters import NUMERALS, SCOPES, TABLE, split_number, strip_quotes
from djtext.extract.formulations.finder import extract_formulations
from djtext.extract.formulations.shape import is_formulation
from djtext.extract.formulations.vocabulary import FormulationVocabulary, formulation_vocabulary

__all__ = [
    "NUMERALS",
    "SCOPES",
    "TABLE",
    "FormulationVocabulary",
    "extract_formulations",
    "formulation_vocabulary",
    "is_formulation",
    "split_number",
    "strip_quotes",
]
