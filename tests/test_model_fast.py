"""Records built fast give what the plain, validating forms give.

The claim and combat-area records clean a given geometry once per geometry object
(``events._clean_given``), not once per record: these tests hold the remembered
answer equal to :func:`clean_polygon` and show that a bad geometry is refused every
time, never remembered. The provenance and mentions extraction makes from fields
already in their stored form (``_from_trusted``) are held equal to the ones their
public, checking constructors make, on generated fields and on every mention of the
test reports.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box

from geoconflict.errors import GeometryError
from geoconflict.extraction import extract
from geoconflict.model import CombatArea, DatePrecision, Mention, Place, Provenance, TerritorialClaim, events
from geoconflict.model.geometry import clean_polygon
from geoconflict.text.report import read_report

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


# --- records made from fields already in their stored form (Provenance and Mention ``_from_trusted``) ---

_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=12
                ).filter(lambda t: not t.isspace())
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def _provenance_fields(draw):
    start = draw(st.integers(0, 10_000))
    event_date = draw(st.none() | _dates)
    end_date = draw(st.none() | st.builds(lambda d, n: d + timedelta(days=n), _dates, st.integers(0, 30))) \
        if event_date is not None else None
    if end_date is not None and end_date < event_date:
        end_date = None
    return (draw(st.none() | _text), draw(st.none() | _text), draw(st.none() | _text),
            draw(st.none() | st.just((start, start + draw(st.integers(0, 500))))), draw(st.none() | _dates),
            event_date, end_date, draw(st.sampled_from(list(DatePrecision))), draw(st.none() | _text))


@settings(max_examples=200, deadline=None)
@given(_provenance_fields())
def test_a_trusted_provenance_is_the_checked_one(fields):
    trusted, checked = Provenance._from_trusted(*fields), Provenance(*fields)
    assert trusted == checked and hash(trusted) == hash(checked) and repr(trusted) == repr(checked)
    assert vars(trusted) == vars(checked)


_PLACE = Place("Kharkiv", kind="populated_place", lat=49.99, lon=36.23, country_code="UA")
_OTHER = Place("Kharkivska Oblast", kind="admin1", lat=49.5, lon=36.5, country_code="UA")


@settings(max_examples=200, deadline=None)
@given(_text, st.integers(0, 10_000), st.integers(0, 50), st.none() | st.sampled_from([_PLACE, _OTHER]),
       st.none() | st.floats(0, 1), st.lists(st.sampled_from([_PLACE, _OTHER]), max_size=3).map(tuple),
       st.none() | _text, _provenance_fields())
def test_a_trusted_mention_is_the_checked_one(text, start, length, place, score, candidates, reason, fields):
    provenance = Provenance(*fields[:-1], None)  # a mention's provenance gives no reason
    trusted = Mention._from_trusted(text, start, start + length, place, score, candidates, reason, provenance)
    checked = Mention(text, start, start + length, place=place, score=score, candidates=candidates, reason=reason,
                      provenance=provenance)
    assert trusted == checked and hash(trusted) == hash(checked) and vars(trusted) == vars(checked)


def _checked_again(record):
    """*record* made again through its public constructor, from its own fields."""
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, Mention):
        return Mention(values.pop("text"), values.pop("start"), values.pop("end"), **values)
    return type(record)(**values)


def test_every_mention_extraction_makes_passes_the_public_checks(gazetteer):
    reports = sorted((Path(__file__).parent / "reports").glob("*.txt"))
    mentions = 0
    for path in [Path(__file__).parents[1] / "seeds" / "000_84a8b2256f18f56d.txt", *reports]:
        for m in extract(read_report(path), gazetteer=gazetteer).mentions:
            again = _checked_again(m)
            assert again == m and vars(again) == vars(m)
            assert vars(_checked_again(m.provenance)) == vars(m.provenance)
            mentions += 1
    assert mentions > 100
