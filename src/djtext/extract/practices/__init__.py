"""Named practices: platforms, mechanisms, activities, projects and organisational forms.

Works on the clean text (full-width punctuation, “ ” quotes, one paragraph per line) and finds
one :class:`~djtext.models.Mention` per occurrence, with ``name`` (short canonical name) and
``category`` (platform, mechanism, activity, project, org_form), from these sources:

* ``lexicon``: national practices of ``practices.csv`` (三会一课, 主题党日, 第一议题制度 ...),
  matched with quotation marks ignored (“第一议题”制度 -> 第一议题制度);
* ``quote``: quoted names, alone or in a chain (“A”“B”、“C”), that the text presents as a
  practice: the name ends in a head (“民生议事堂”), a head follows and joins it (“暖企”工程 ->
  暖企工程), a follower word says what it is (“晨读”系列活动, “澜湾同心”聚识机制), or a practice
  verb introduces it (开展“微协商”). A quoted enumeration summed up by its count is split
  (“A、B、C、D、E”五大行动 -> five activities). Brand names (…品牌), titles (…称号) and
  numeric formulations without a practice cue are left alone;
* ``title``: book-title-marked rules and systems (《…议事规则》, 《…制度》, 《…责任清单》), not
  national documents (《中共中央…》) nor proposals (《关于…》);
* ``system_list``: items of a list of systems after a founding verb that holds a known practice
  (严格落实“三会一课”、党员谈心谈话等规章制度 -> 党员谈心谈话);
* ``org_summary``: a numeral summary of quoted organisation chains (…”双组织体系);
* ``party_plus``: unquoted 党建+X (党建+建言资政、党建+监督载体活动 -> 党建+建言资政, 党建+监督);
* ``head``: unquoted compact noun phrases ending in a head (委员工作室, 社情民意联系点,
  功能型党支部), whose left edge is a verb, preposition, counter or punctuation; …工程,
  …创建活动, …实践活动 only after a practice verb (开展最强支部创建活动; not 先锋岗创建活动,
  whose practice is the inner 先锋岗); …制度/…机制/…办法/…规则/…规程/…清单 only as the
  object of a founding verb (建立党员委员联系党外委员制度): with a keyword of the head's
  ``requires`` column, or as any compact noun phrase of at least six characters before the head
  and at most 20 in all, without 的/等/和/及/与 (完善专委会分党组经常性学习制度).

Names are canonical: quotes dropped, leading generic place and level words stripped
(镇街活动组工作室 -> 活动组工作室, 社区协商驿站 -> 协商驿站, 澜湾县基层… -> 基层…) but named
communities and streets kept (东城社区委员工作室, 南山街道委员之家: the owner is part of the
name), owner words (专委会, 机关, 政协) dropped before an organisational form while its
descriptor stays (专委会党员委员履职联合党支部 -> 党员委员履职联合党支部), leading verbs dropped
from a quoted name (“建设清风机关” -> 清风机关), owner words between a quoted name and its
head dropped; a mechanism keeps its full name (a title's (试行) note dropped), and a national
practice inside a longer name found here is not listed again. Quoted numeric formulations are
practices only with a practice cue (a head or follower such as 工作机制, 平台, 实践活动, or
选树/采取/开展/推行 before them), not when they label a list just given (抓甲、抓乙的“二抓”模式;
“联甲、联乙”“二联”活动). A chain of short parallel quoted items (“月甲”“季乙”“年丙”) is one
practice, joined by 、, like an unquoted set (周甲、月乙、季丙). A hard wrap the cleaner
left inside quotes is tolerated. The vocabularies are data files: ``practices.csv``,
``practice_heads.csv`` (with ``practice_group_heads.csv``), ``practice_followers.csv``, ``practice_verbs.csv``,
``practice_stopwords.txt``, ``practice_qualifiers.txt``. Modules of this package, one source or step each: ``vocabulary`` (the word lists), ``boundaries``
(where a bare name starts, which leading words it drops), ``quotes`` and ``quoted_names`` (quoted
names and chains), ``heads`` (bare names ending in a head), ``plus`` (X+Y names), ``titles``,
``lists`` (list items and summaries), ``series`` (names found by their shape or frame: level
structures, series of parallel quoted names, 等机制, 以X为抓手), ``national`` (the lexicon's
national practices), ``scope`` (place, scope, generic) and ``extract`` (all of them merged).
"""
from __future__ import annotations

from djtext.extract.practices.extract import extract_practices
from djtext.extract.practices.mentions import TABLE
from djtext.extract.practices.vocabulary import CATEGORIES, Head, PracticeVocabulary, practice_vocabulary

__all__ = ["CATEGORIES", "TABLE", "Head", "PracticeVocabulary", "extract_practices", "practice_vocabulary"]
