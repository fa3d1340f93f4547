"""Document places found once (djtext.regions.places) and the helpers attribution reads them by:
invented sentences (place names are national gazetteer knowledge)."""
from __future__ import annotations

import pytest

from djtext.attribute import UnitLocator, unit_at
from djtext.metadata import first_lines, last_lines
from djtext.models import Unit
from djtext.regions import Gazetteer

TEXT = ("市委督查组到桐庐县、淳安县、建德市督查政协工作。\n"
        "和平区政协召开会议；舟山普陀政协开展调研！鼓楼区委员联系群众。\n"
        "东方市政协围绕中心工作，在海淀区、朝阳区开展协商。孙中山故居位于中山市。")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_lexicon()


def shifted(hits, by):
    return [(h.start + by, h.end + by, h.surface, h.candidates, h.full, h.strong) for h in hits]


def plain(hits):
    return [(h.start, h.end, h.surface, h.candidates, h.full, h.strong) for h in hits]


def test_places_of_a_text_are_its_find_places(gaz):
    assert plain(gaz.places(TEXT).hits) == plain(gaz.find_places(TEXT))


@pytest.mark.parametrize("lo,hi", [(0, 24), (25, 60), (10, 50), (3, len(TEXT)), (0, 0), (27, 29)])
def test_a_span_reads_like_its_own_text(gaz, lo, hi):
    places = gaz.places(TEXT)
    assert plain(places.hits_in(lo, hi)) == shifted(gaz.find_places(TEXT[lo:hi]), lo)
    span = places.span(lo, hi)
    assert plain(span.hits) == shifted(gaz.find_places(TEXT[lo:hi]), lo)
    assert span.region == gaz.document_region(TEXT[lo:hi])


def test_every_cut_gives_the_matches_of_the_slice(gaz):
    places = gaz.places(TEXT)
    for lo in range(0, len(TEXT), 7):
        for hi in range(lo, len(TEXT) + 1, 5):
            expected = [(s + lo, e + lo, v) for s, e, v in gaz.matcher.matches(TEXT[lo:hi])]
            assert places.matches_in(lo, hi) == expected


def test_unit_locator_answers_as_unit_at():
    units = [Unit(1, "a", start=0, end=50), Unit(2, "b", start=10, end=20), Unit(3, "c", start=15, end=25),
             Unit(4, "d", start=30, end=30), Unit(5, "e", start=40, end=60)]
    locate = UnitLocator(units)
    for position in range(-2, 70):
        assert locate(position) is unit_at(units, position)
    units.append(Unit(6, "f", start=12, end=14))  # a unit added later is seen
    for position in range(-2, 70):
        assert locate(position) is unit_at(units, position)


@pytest.mark.parametrize("text", [
    "标题\n\n" + "正文一行。\n" * 3000 + "2023年5月1日",
    "\r\n".join(f"第{i}行" for i in range(2000)),
    "短文\n一行",
    "  \n" * 3000 + "独行",
])
def test_head_and_tail_lines_are_those_of_all_lines(text):
    assert first_lines(text) == all_lines(text)[:8]
    assert last_lines(text) == all_lines(text)[-3:]


def all_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]
