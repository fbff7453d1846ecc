"""Per-field tests of invented ACLED-style cases, shared by the event test modules.

A case is ``(text, publication date, event_type, sub_event_type, location, country,
actor1, actor2, fatalities)``; each module names its cases and takes the tests::

    main_rows = main_rows_fixture(CASES)
    test_event_type, test_sub_event_type, test_place, test_actors, test_fatalities = field_tests(CASES)

Each test reads the first row of the case's ACLED export (the report's main event)
and checks one field, so a failure names the field and the case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pytest

from geoconflict import extract, read_report
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.maps.basemap import unit_at
from geoconflict.model import taxonomy
from geoconflict.model.acled import acled_rows

Case = tuple[Any, ...]

#: characters of a case's text shown in its test id (after a leading date, when it has one)
ID_LENGTH = 48
#: Within this many km of a named place, an event is placed at it.
NEAR_KM = 25.0
#: A point the generalised coast leaves in no admin-1 polygon is in the nearest within this many degrees.
ADMIN1_SNAP_DEG = 0.09
#: The key of a case's misses that fail every field (the report gives no located event).
EVERY_FIELD = "all"
#: ACLED's geo_precision: the named town; near a town or part of a region; only a region (its capital's point).
TOWN, NEAR, REGION = 1, 2, 3


def main_row(text: str, *, published: str) -> dict[str, Any]:
    """The first row of the report's ACLED export (its main event)."""
    frame = extract(read_report(text, published=published)).to_acled()
    assert len(frame), "the report gave no located event"
    return frame.iloc[0].to_dict()


def near(row: dict[str, Any], lat: float, lon: float, km: float = NEAR_KM) -> bool:
    """Whether *row*'s point is within *km* of (lat, lon)."""
    return float(haversine_km(row["latitude"], row["longitude"], lat, lon)) <= km


def main_rows_fixture(cases: Sequence[Case]) -> Any:
    """A module-scoped fixture: each case's text → the first ACLED row of its extraction (None when none)."""
    @pytest.fixture(scope="module")
    def main_rows(gazetteer):
        return {text: next(iter(acled_rows(extract(read_report(text, published=day), gazetteer=gazetteer))), None)
                for text, day, *_ in cases}
    return main_rows


def _id(text: str) -> str:
    start = text.find(", ") + 2 if text.startswith("On ") else 0  # "On 3 May 2023, ..." → what happened
    return text[start:start + ID_LENGTH]


def field_tests(cases: Sequence[Case]) -> tuple[Callable[..., None], ...]:
    """The five per-field tests of *cases*: type, sub-event type, place and country, actors, fatalities."""
    each = pytest.mark.parametrize("case", cases, ids=[_id(c[0]) for c in cases])

    @each
    def test_event_type(main_rows, case):
        row = main_rows[case[0]]
        assert row is not None
        assert row["event_type"] == case[2]

    @each
    def test_sub_event_type(main_rows, case):
        assert main_rows[case[0]]["sub_event_type"] == case[3]

    @each
    def test_place(main_rows, case):
        row = main_rows[case[0]]
        assert row["location"] == case[4]
        assert row["country"] == case[5]

    @each
    def test_actors(main_rows, case):
        row = main_rows[case[0]]
        assert row["actor1"] == case[6]
        assert row["actor2"] == case[7]

    @each
    def test_fatalities(main_rows, case):
        assert main_rows[case[0]]["fatalities"] == case[8]

    return test_event_type, test_sub_event_type, test_place, test_actors, test_fatalities


def admin1_code(lat: float, lon: float) -> str | None:
    """The code of the embedded basemap's admin-1 polygon that holds a point (or lies within
    :data:`ADMIN1_SNAP_DEG`: a coast the basemap generalises), as ``benchmarks/acled_notes.py`` scores admin-1."""
    return unit_at(lat, lon, snap_deg=ADMIN1_SNAP_DEG)


#: The fields a case's ``xfail`` may name.
CASE_FIELDS = frozenset({EVERY_FIELD, "event_type", "sub_event_type", "place", "admin1", "actors", "fatalities"})


def assert_well_formed(cases: Sequence[Any], *, styles: Iterable[str] | None = None,
                       years: Iterable[str] | None = None) -> None:
    """The checks every module of report cases makes of them: each sub-event type is of its event type, each
    ``xfail`` names known fields, no text twice, every true point in an admin-1 polygon (so that the admin-1 test
    can fail); with *styles* and *years*, each case's style and report year among them."""
    assert all(taxonomy.SUB_EVENT_TYPES[c.sub_event_type] == c.event_type for c in cases)
    assert all(set(c.xfail) <= CASE_FIELDS for c in cases)
    assert len({c.text for c in cases}) == len(cases)
    assert all(admin1_code(*c.point) is not None for c in cases)
    if styles is not None:
        assert {c.style for c in cases} <= set(styles)
    if years is not None:
        assert {c.published[:4] for c in cases} <= set(years)


def case_params(cases: Sequence[Any], field: str) -> list[Any]:
    """Report cases (with ``style``, ``country`` and ``xfail``: field → why it is missed) as the parameters of the
    test of *field*, each known miss of the field (or of :data:`EVERY_FIELD`) marked strict xfail."""
    out = []
    for n, case in enumerate(cases):
        reason = case.xfail.get(field) or case.xfail.get(EVERY_FIELD)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(case, marks=marks, id=f"{n:02d}-{case.style}-{case.country.replace(' ', '_')}"))
    return out


def report_rows_fixture(cases: Sequence[Any]) -> Any:
    """A module-scoped fixture ``report_rows``: each report case's text → the first row of its ACLED export (its
    main event; None when it gives no located event)."""
    @pytest.fixture(scope="module")
    def report_rows(gazetteer):
        return {c.text: next(iter(acled_rows(extract(read_report(c.text, published=c.published), gazetteer=gazetteer))),
                             None) for c in cases}
    return report_rows


def report_field_tests(cases: Sequence[Any], *, admin1_by_polygon: bool) -> tuple[Callable[..., None], ...]:
    """The six per-field tests of report cases (``Case`` of ``tests/test_events_wide.py``) on the fixture of
    :func:`report_rows_fixture`: event type, sub-event type, place (its country and within :data:`NEAR_KM`),
    admin-1 (by name, or *admin1_by_polygon*: the event's point in the true point's polygon), actors, fatalities;
    each case's known misses strict xfails (:func:`case_params`)."""
    def row_of(rows: dict[str, dict[str, Any] | None], case: Any) -> dict[str, Any]:
        row = rows[case.text]
        assert row is not None, "the report gave no located event"
        return row

    @pytest.mark.parametrize("case", case_params(cases, "event_type"))
    def test_event_type(report_rows, case):
        assert row_of(report_rows, case)["event_type"] == case.event_type

    @pytest.mark.parametrize("case", case_params(cases, "sub_event_type"))
    def test_sub_event_type(report_rows, case):
        assert row_of(report_rows, case)["sub_event_type"] == case.sub_event_type

    @pytest.mark.parametrize("case", case_params(cases, "place"))
    def test_place(report_rows, case):
        row = row_of(report_rows, case)
        assert row["country"] == case.country
        assert near(row, *case.point), (row["location"], row["latitude"], row["longitude"])

    @pytest.mark.parametrize("case", case_params(cases, "admin1"))
    def test_admin1(report_rows, case):
        row = row_of(report_rows, case)
        if not admin1_by_polygon:
            assert row["admin1"] == case.admin1
            return
        truth = admin1_code(*case.point)
        assert truth is not None
        assert admin1_code(row["latitude"], row["longitude"]) == truth, row["admin1"]

    @pytest.mark.parametrize("case", case_params(cases, "actors"))
    def test_actors(report_rows, case):
        row = row_of(report_rows, case)
        assert (row["actor1"], row["actor2"]) == (case.actor1, case.actor2)

    @pytest.mark.parametrize("case", case_params(cases, "fatalities"))
    def test_fatalities(report_rows, case):
        assert row_of(report_rows, case)["fatalities"] == case.fatalities

    return test_event_type, test_sub_event_type, test_place, test_admin1, test_actors, test_fatalities
