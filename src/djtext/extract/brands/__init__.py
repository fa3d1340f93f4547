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

# the modules, in the order data flows: vocabulary (word lists, name characters) -> wrap (the
# wrap view) -> quoted, counted, unquoted (the patterns around one anchor) -> finder
from djtext.extract.brands.finder import extract_brands
from djtext.extract.brands.vocabulary import (
    ANCHOR,
    BrandVocabulary,
    brand_vocabulary,
    is_generic_name,
    split_components,
)
from djtext.extract.brands.wrap import WrapView, wrap_view

__all__ = [
    "ANCHOR",
    "BrandVocabulary",
    "WrapView",
    "brand_vocabulary",
    "extract_brands",
    "is_generic_name",
    "split_components",
    "wrap_view",
]
