"""Exports sized by events (each polygon once), at a chosen detail; writes that are atomic; CSV without formulas."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon, box, shape

from geoconflict import (
    Event,
    EventSet,
    InvalidInputError,
    Mention,
    Movement,
    OutputError,
    Place,
    Provenance,
    TerritorialClaim,
    read_geojson,
    read_geopackage,
    write_csv,
    write_geojson,
    write_geopackage,
)
from geoconflict.model.io import FORMULA_STARTS, read_csv_events

WRITERS = {"geojson": (write_geojson, read_geojson), "gpkg": (write_geopackage, read_geopackage),
           "csv": (write_csv, read_csv_events)}
ROOT = Path(__file__).resolve().parent.parent


def _country() -> Place:
    """A place with a detailed polygon: a circle of 4,000 vertices standing in for a country's border."""
    outline = Point(40.0, 55.0).buffer(5.0, quad_segs=1000)
    return Place("Examplestan", kind="country", lat=55.0, lon=40.0, country_code="RU", geometry=outline)


def _mentions(place: Place, n: int) -> EventSet:
    return EventSet([Mention(place.name, 100 * i, 100 * i + len(place.name), place=place) for i in range(n)])


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_polygon_is_written_once_however_often_it_is_named(tmp_path, fmt):
    write, read = WRITERS[fmt]
    country = _country()
    town = Place("Exampleville", kind="populated_place", lat=54.0, lon=41.0)
    few = _mentions(country, 5)
    many = _mentions(country, 50) + EventSet([Movement("troops", country, town), Event("attack", country)])
    small = write(few, tmp_path / f"few.{fmt}").stat().st_size
    big = write(many, tmp_path / f"many.{fmt}").stat().st_size
    polygon_bytes = len(country.geometry.wkt)
    assert small > polygon_bytes  # the polygon is in the file...
    assert big - small < polygon_bytes  # ...once: 47 more records add less than one more copy of it
    assert read(tmp_path / f"many.{fmt}") == many


def test_geojson_place_table_features_and_point_mentions(tmp_path):
    country = _country()
    # each mention a feature: the layout until session 11, now mentions="features" (the default holds them as
    # columns in a member of the collection: tests/test_io_mentions.py)
    path = write_geojson(_mentions(country, 3), tmp_path / "e.geojson", mentions="features")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    kinds = [f["properties"]["kind"] for f in features]
    assert kinds == ["place_table", "place", "place", "place"]
    assert shape(features[0]["geometry"]).equals(country.geometry)
    assert {f["properties"]["place_ref"] for f in features[1:]} == {features[0]["properties"]["id"]}
    assert all(f["geometry"]["type"] == "Point" for f in features[1:])


@pytest.mark.parametrize("fmt", WRITERS)
def test_detail_simplified_and_point(tmp_path, fmt):
    write, read = WRITERS[fmt]
    country = _country()
    claim = TerritorialClaim("forces", areas=(country,), geometry=country.geometry, derivation="given")
    events = _mentions(country, 2) + EventSet([claim])
    full = write(events, tmp_path / f"full.{fmt}", detail="full").stat().st_size
    simple = write(events, tmp_path / f"simple.{fmt}", detail="simplified").stat().st_size
    point = write(events, tmp_path / f"point.{fmt}", detail="point").stat().st_size
    # a GeoPackage grows by whole 4 KiB pages: the simplified circle (2 kB) fits in the page its place-table
    # row takes at any detail, so there the point file is not smaller, but never larger
    assert (point <= simple if fmt == "gpkg" else point < simple) and simple < full
    back = read(tmp_path / f"simple.{fmt}")
    area = back.claims[0].areas[0].geometry
    assert area is not None and len(area.exterior.coords) < len(country.geometry.exterior.coords)
    assert area.symmetric_difference(country.geometry).area < 0.01 * country.geometry.area
    back = read(tmp_path / f"point.{fmt}")
    assert all(m.place.geometry is None for m in back.mentions)
    assert back.claims[0].areas[0].geometry is None and back.claims[0].geometry is not None
    with pytest.raises(InvalidInputError, match="detail: expected one of full, simplified, point"):
        write(events, tmp_path / f"bad.{fmt}", detail="coarse")


def _failing(events: EventSet, after: int):
    """The records of *events*, then an error part-way: a writer fed this fails mid-file."""
    for number, record in enumerate(events):
        if number == after:
            raise RuntimeError("the source failed part-way")
        yield record


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_failed_write_keeps_the_previous_file(tmp_path, fmt):
    write, read = WRITERS[fmt]
    kept = EventSet([Event("protest", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))])
    path = write(kept, tmp_path / f"keep.{fmt}")
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="part-way"):
        write(_failing(_mentions(_country(), 3000), after=2500), path)
    assert path.read_bytes() == before and read(path) == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"keep.{fmt}"]  # no temporary file left


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_missing_folder_is_an_output_error(tmp_path, fmt):
    write, _ = WRITERS[fmt]
    target = tmp_path / "no" / "such" / f"x.{fmt}"
    with pytest.raises(OutputError, match=r"no/such/x\." + fmt):
        write(EventSet(), target)


_WRITER_SCRIPT = textwrap.dedent("""
    import sys
    from geoconflict import Event, EventSet, Place, write_csv, write_geojson, write_geopackage
    writer = {"geojson": write_geojson, "csv": write_csv, "gpkg": write_geopackage}[sys.argv[1]]
    events = EventSet([Event("attack", Place(f"Town {i}", kind="populated_place", lat=i % 80, lon=i % 170),
                             description="x" * 200) for i in range(int(sys.argv[3]))])
    print("ready", flush=True)
    writer(events, sys.argv[2], progress=False)
    print("done", flush=True)
""")


@pytest.mark.parametrize("fmt", WRITERS)
def test_ctrl_c_at_any_moment_leaves_all_or_nothing(tmp_path, fmt):
    """SIGINT at several moments of a write: the file is either the old one or the complete new one."""
    write, read = WRITERS[fmt]
    old = EventSet([Event("protest", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))])
    target = write(old, tmp_path / f"out.{fmt}")
    count = 20_000
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    outcomes = set()
    for delay in (0.0, 0.05, 0.2, 0.5, 1.0, 2.0):
        child = subprocess.Popen([sys.executable, "-c", _WRITER_SCRIPT, fmt, str(target), str(count)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=120)
        back = read(target)
        assert back == old or len(back.events) == count
        outcomes.add("new" if "done" in out and len(back.events) == count else "old")
        assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{fmt}"]  # no temporary file left
    assert "old" in outcomes  # at least one interruption landed mid-write


_FORMULA_TEXT = st.tuples(st.sampled_from([*FORMULA_STARTS, "'"]),
                          st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                                  max_size=12)).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(description=_FORMULA_TEXT, actor=_FORMULA_TEXT)
def test_csv_cells_never_start_a_formula_and_still_round_trip(tmp_path, description, actor):
    place = Place("=cmd|' /C calc'!A0", kind="populated_place", lat=1.0, lon=-2.0)
    events = EventSet([Event("attack", place, actors=(actor.strip() or "x",),
                             description=description if description.strip() else None)])
    path = write_csv(events, tmp_path / "e.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in list(csv.reader(handle))[1:] for cell in row]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells if not cell.lstrip("-").replace(".", "").isdigit())
    assert read_csv_events(path) == events


def test_the_formula_guard_is_visible_in_the_file(tmp_path):
    place = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    event = Event("attack", place, description='=HYPERLINK("http://example.invalid","click")')
    text = write_csv(EventSet([event]), tmp_path / "e.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" in text and ",=HYPERLINK" not in text


_AUDIT_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                      max_size=20).filter(str.strip)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(description=_AUDIT_TEXT, actor=_AUDIT_TEXT, day=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       fatalities=st.integers(min_value=0, max_value=2**62),
       lat=st.floats(min_value=-90, max_value=90, allow_nan=False, allow_subnormal=True),
       fmt=st.sampled_from(sorted(WRITERS)))
def test_round_trip_of_the_audits_values(tmp_path, description, actor, day, fatalities, lat, fmt):
    """Control characters and \\r in text, years 1 to 9999, counts far above 2**53, subnormal coordinates."""
    write, read = WRITERS[fmt]
    place = Place("Exampleville", kind="populated_place", lat=lat, lon=5e-324)
    event = Event("attack", place, actors=(actor,), description=description, fatalities=fatalities,
                  provenance=Provenance(event_date=day, report_date=day, date_precision="day"))
    events = EventSet([event])
    assert read(write(events, tmp_path / f"e.{fmt}")) == events


@pytest.mark.parametrize("fmt", WRITERS)
def test_whole_numbers_above_two_to_the_53_next_to_missing_ones_stay_exact(tmp_path, fmt):
    write, read = WRITERS[fmt]
    big = Place("Bigtown", kind="populated_place", lat=1.0, lon=1.0, geonames_id=2**53 + 1, population=2**53 + 3)
    small = Place("Smalltown", kind="populated_place", lat=2.0, lon=2.0)
    events = EventSet([Mention("Bigtown", 0, 7, place=big), Mention("Smalltown", 9, 18, place=small)] * 1500)
    back = read(write(events, tmp_path / f"e.{fmt}"))
    assert back == events
    assert back.mentions[0].place.geonames_id == 2**53 + 1 and back.mentions[1].place.geonames_id is None


_AREAS = [
    Polygon([(30, 50), (32, 50), (32, 52), (30, 52)], [[(30.5, 50.5), (31, 50.5), (31, 51), (30.5, 51)]]),  # a hole
    MultiPolygon([box(170, 60, 180, 70), box(-180, 60, -170, 70)]),  # split at the antimeridian
    box(-179.9, -89.9, 179.9, 89.9),  # nearly the whole globe
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(area=st.sampled_from(_AREAS), fmt=st.sampled_from(sorted(WRITERS)), mentions=st.integers(1, 4))
def test_round_trip_of_holes_split_parts_and_huge_areas(tmp_path, area, fmt, mentions):
    write, read = WRITERS[fmt]
    place = Place("Examplearea", kind="admin1", lat=area.representative_point().y,
                  lon=area.representative_point().x, geometry=area)
    claim = TerritorialClaim("forces", areas=(place,), geometry=place.geometry, derivation="given")
    events = _mentions(place, mentions) + EventSet([claim])
    assert read(write(events, tmp_path / f"e.{fmt}")) == events
