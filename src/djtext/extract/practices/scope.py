"""The ``place``, ``scope`` and ``generic`` columns of a practice."""
from __future__ import annotations

import re

from djtext.extract.practices.mentions import TABLE
from djtext.extract.practices.vocabulary import PracticeVocabulary, ending_head
from djtext.models import Mention
from djtext.text import HAN_SPAN_RANGE as HAN_CLASS

# owner words that leave a bare type when a name is only them plus a head (委员之家, 协商驿站: generic)
PLACE_SOURCES = ("head", "lexicon", "quote")  # the sources whose names may start with a place
GENERIC_OWNER_WORDS = ("政协", "委员", "党员", "协商", "界别")
GENERIC_OWNER = re.compile(f"^(?:{'|'.join(GENERIC_OWNER_WORDS)})+")
# a named street, community, town or village that owns a platform: goes to the ``place`` column
PLACE_PREFIX = re.compile(rf"((?!政协|委员)[{HAN_CLASS}]{{2,6}}?(?:街道|社区|镇|乡|村))(?!委员会)")  # not 政协街道工作组
PLACE_WORD_OPENINGS = frozenset("街社镇乡村")  # the first characters of PLACE_PREFIX's place words


def with_place(mention: Mention, vocab: PracticeVocabulary) -> Mention:
    """Move a named place before a platform or form into ``place`` (南山街道委员之家 -> 委员之家,
    place 南山街道); the rest must still end in a head or be a national practice."""
    if mention.attrs.get("source") not in PLACE_SOURCES:
        return mention
    name = mention.text
    if PLACE_WORD_OPENINGS.isdisjoint(name):
        return mention  # none of the place words PLACE_PREFIX ends in
    found = PLACE_PREFIX.match(name)
    if not found:
        return mention
    rest = name[found.end():]
    if len(rest) < 3 or not (ending_head(rest, vocab) or rest in vocab.national):
        return mention
    start = mention.start + found.end() if mention.start + len(name) == mention.end else mention.start
    return Mention(TABLE, rest, start, mention.end, {**mention.attrs, "name": rest, "place": found.group(1)})


def with_scope(mention: Mention, vocab: PracticeVocabulary) -> Mention:
    """Mark a practice ``scope`` national (a practice of practices.csv) or local, and ``generic``
    when it is a general type every unit has (主题教育, 委员工作室), not a local innovation."""
    name = mention.text
    national = name in vocab.national
    bare = GENERIC_OWNER.sub("", name) if name.startswith(GENERIC_OWNER_WORDS) else name
    generic = name in vocab.generic or (not national and (name in vocab.heads or (bare != name and bare in vocab.heads)))
    mention.attrs.setdefault("place", "")
    mention.attrs["scope"] = "national" if national else "local"
    mention.attrs["generic"] = generic
    return mention
