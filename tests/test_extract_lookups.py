"""The look-up structures that keep extraction linear in a report's length.

Each answers what a loop over all items answered before (and made a large
report quadratic); these tests hold them to that loop.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction.claims import CombatIndex
from geoconflict.extraction.spans import Intervals
from geoconflict.gazetteer.index import Gazetteer
from geoconflict.model import CombatArea, PlaceKind

intervals = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 6)).map(lambda p: (p[0], p[0] + p[1])),
                     max_size=8)


@settings(max_examples=500)
@given(intervals, st.integers(-1, 27), st.integers(0, 6))
def test_intervals_answer_as_a_loop_does(pairs, pos, width):
    found = Intervals(pairs)
    assert found.covers(pos) == any(a <= pos < b for a, b in pairs)
    assert found.overlaps(pos, pos + width) == any(a < pos + width and pos < b for a, b in pairs)


@pytest.fixture(scope="module")
def places():
    """Real places with geometries: districts of two Russian regions, their regions, two countries."""
    gaz = Gazetteer.default()
    names = [("Sudzhansky", PlaceKind.ADMIN2), ("Korenevsky", PlaceKind.ADMIN2), ("Belovsky", PlaceKind.ADMIN2),
             ("Glushkovsky", PlaceKind.ADMIN2), ("Grayvoronsky", PlaceKind.ADMIN2), ("Kursk", PlaceKind.ADMIN1),
             ("Belgorod", PlaceKind.ADMIN1), ("Russia", PlaceKind.COUNTRY), ("Ukraine", PlaceKind.COUNTRY)]
    found = [gaz.search(name, kind=kind, limit=1)[0].place for name, kind in names]
    assert all(p.geometry is not None for p in found)
    assert {p.admin1 for p in found[:5]} == {found[5].name, found[6].name}
    return found


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_combat_index_answers_as_a_loop_does(places, data):
    districts, broad_pool = places[:5], places[5:]
    districts += [replace(p) for p in districts]  # equal copies: which one is kept must match too
    combats = [CombatArea(tuple(areas)) for areas in data.draw(
        st.lists(st.lists(st.sampled_from(districts + broad_pool[:1]), min_size=1, max_size=4), max_size=12))]
    broad = data.draw(st.lists(st.sampled_from(broad_pool), min_size=1, max_size=3))
    expected: dict = {}
    for c in combats:  # the loop _claim_geometry made over every combat area
        for a in c.areas:
            if a.geometry is not None and any(
                    (b.kind is PlaceKind.ADMIN1 and a.admin1 == b.name)
                    or (b.kind is PlaceKind.COUNTRY and a.country_code == b.country_code) for b in broad):
                expected[a] = a
    got = CombatIndex(combats).within(broad)
    assert list(got) == list(expected)
    assert all(got[k] is expected[k] for k in got)
