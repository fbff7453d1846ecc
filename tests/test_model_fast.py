"""Records built fast give what the plain, validating forms give.

The claim and combat-area records clean a given geometry once per geometry object
(``events._clean_given``), not once per record: these tests hold the remembered
answer equal to :func:`clean_polygon` and show that a bad geometry is refused every
time, never remembered.
"""

from __future__ import annotations

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box

from geoconflict.errors import GeometryError
from geoconflict.model import CombatArea, Place, TerritorialClaim, events
from geoconflict.model.geometry import clean_polygon

_coordinate = st.floats(min_value=-60, max_value=60, allow_nan=False, allow_infinity=False)


def _ring(points: list[tuple[float, float]]) -> Polygon:
    return Polygon(points)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_coordinate, _coordinate), min_size=4, max_size=9))
def test_the_remembered_clean_polygon_is_clean_polygons_answer(points):
    polygon = _ring(points)
    try:
        expected = clean_polygon(polygon, field="geometry")
    except GeometryError:
        with pytest.raises(GeometryError):
            events._clean_given(polygon)
        with pytest.raises(GeometryError):  # refused again: a failure is not remembered
            events._clean_given(polygon)
        return
    first = events._clean_given(polygon)
    again = events._clean_given(polygon)
    assert first.wkb == expected.wkb
    assert again is first


def test_an_equal_but_distinct_geometry_is_cleaned_on_its_own():
    clockwise = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])  # cleaning turns it counter-clockwise
    twin = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])
    a, b = events._clean_given(clockwise), events._clean_given(twin)
    assert a.wkb == b.wkb == clean_polygon(twin).wkb
    assert shapely.is_ccw(a.exterior)


def test_a_bow_tie_is_repaired_the_same_way_each_time():
    bowtie = Polygon([(10, 10), (11, 11), (11, 10), (10, 11)])
    first = events._clean_given(bowtie)
    assert isinstance(first, MultiPolygon)
    assert events._clean_given(bowtie).wkb == clean_polygon(bowtie).wkb


def test_a_mapping_is_cleaned_every_time_and_not_remembered():
    mapping = {"type": "Polygon", "coordinates": [[(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]]}
    before = len(events._cleaned)
    assert events._clean_given(mapping).wkb == clean_polygon(mapping).wkb
    assert len(events._cleaned) == before


def test_the_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(events, "_cleaned", {})
    squares = [box(i * 0.01, 0, i * 0.01 + 0.005, 0.005) for i in range(events._CLEANED_KEPT + 20)]
    for square in squares:
        events._clean_given(square)
    assert len(events._cleaned) == events._CLEANED_KEPT
    assert events._clean_given(squares[-1]).wkb == clean_polygon(squares[-1]).wkb


def test_records_sharing_a_geometry_hold_what_each_would_alone():
    town = Place("Testville", kind="populated_place", lat=0.5, lon=0.5, country_code="UA")
    extent = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])
    claims = [TerritorialClaim(side, areas=[town], geometry=extent, derivation="given") for side in ("A", "B")]
    fight = CombatArea([town], geometry=extent)
    alone = clean_polygon(Polygon([(0, 0), (0, 1), (1, 1), (1, 0)]))
    for record in (*claims, fight):
        assert record.geometry.wkb == alone.wkb
    assert claims[0].geometry is claims[1].geometry is fight.geometry  # cleaned once
