"""Round trips under the audit's values: every writer reads back exactly what it wrote, or refuses clearly.

The strategies (``tests/strategies.py``, ``WIDE``) draw text with control characters,
``\\r``, ``\\r\\n``, tabs, quotes, formula starts and non-BMP characters; dates in years
1 to 9999; subnormal floats, signed zeros and coordinates on the poles and the
antimeridian; polygons with holes, MultiPolygons split at the antimeridian, nearly
global and millimetre-sized boxes, and 3-D rings.
"""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import mapping

from geoconflict import (
    Event,
    EventSet,
    InvalidInputError,
    Mention,
    Place,
    Provenance,
    TerritorialClaim,
    read_events,
    read_geojson,
    read_geopackage,
    write_csv,
    write_geojson,
    write_geopackage,
)
from geoconflict.model.io import read_csv_events, to_feature_collection

from .strategies import WIDE, places, three_d, wide_polygons, wide_records, wide_texts

WRITERS = {"geojson": (write_geojson, read_geojson), "gpkg": (write_geopackage, read_geopackage),
           "csv": (write_csv, read_csv_events)}

#: Hundreds of examples per writer; the GeoPackage (GDAL) is the slow one, so it gets fewer.
EXAMPLES = {"geojson": 300, "csv": 300, "gpkg": 150}


def _wide(fmt: str):
    return settings(max_examples=EXAMPLES[fmt], deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


def _signs(events: EventSet) -> list[tuple[str, float]]:
    """Every place's coordinates with their signs (``-0.0 == 0.0``, so equality alone would miss a lost sign)."""
    found = []
    for record in events:
        for place in _places_of(record):
            found.append((place.name, math.copysign(1.0, place.lat), math.copysign(1.0, place.lon)))
    return found


def _places_of(record) -> list[Place]:
    named = [getattr(record, name, None) for name in ("place", "origin", "destination")]
    listed = [*getattr(record, "areas", ()), *getattr(record, "places", ()), *getattr(record, "candidates", ())]
    return [p for p in [*named, *listed] if isinstance(p, Place)]


def _round_trip(fmt: str, tmp_path, items) -> None:
    write, read = WRITERS[fmt]
    events = EventSet(items)
    back = read(write(events, tmp_path / f"e.{fmt}", progress=False))
    assert back == events
    assert _signs(back) == _signs(events)


@_wide("geojson")
@given(items=st.lists(wide_records, max_size=4))
def test_geojson_round_trip_of_the_audits_values(tmp_path, items):
    _round_trip("geojson", tmp_path, items)


@_wide("csv")
@given(items=st.lists(wide_records, max_size=4))
def test_csv_round_trip_of_the_audits_values(tmp_path, items):
    _round_trip("csv", tmp_path, items)


@_wide("gpkg")
@given(items=st.lists(wide_records, max_size=4))
def test_geopackage_round_trip_of_the_audits_values(tmp_path, items):
    _round_trip("gpkg", tmp_path, items)


@pytest.mark.parametrize("fmt", WRITERS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(area=wide_polygons)
def test_areas_read_back_vertex_for_vertex(tmp_path, fmt, area):
    """Holes, split parts, huge and tiny boxes: a claim's area and its place's polygon read back exactly."""
    write, read = WRITERS[fmt]
    point = area.representative_point()
    place = Place("Examplearea", kind="admin1", lat=point.y, lon=point.x, geometry=area)
    claim = TerritorialClaim("forces", areas=(place,), geometry=area, derivation="given")
    (back,) = read(write(EventSet([claim]), tmp_path / f"a.{fmt}", progress=False)).claims
    assert back == claim
    kept = claim.geometry  # as the model holds it: rings oriented as RFC 7946 asks, every vertex as given
    assert kept.normalize().equals_exact(area.normalize(), tolerance=0)
    assert back.geometry.equals_exact(kept, tolerance=0) and back.areas[0].geometry.equals_exact(kept, tolerance=0)
    assert back.geometry.area == area.area


@pytest.mark.parametrize("fmt", WRITERS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(area=three_d())
def test_three_d_polygons_read_back_as_the_model_holds_them(tmp_path, fmt, area):
    """A 3-D polygon (as KML conversions write): the file reads back what the record holds, z or no z."""
    write, read = WRITERS[fmt]
    point = area.representative_point()
    place = Place("Highland", kind="admin1", lat=point.y, lon=point.x, geometry=area)
    events = EventSet([Mention("Highland", 0, 8, place=place)])
    back = read(write(events, tmp_path / f"z.{fmt}", progress=False))
    assert back == events
    assert back.mentions[0].place.geometry.has_z == place.geometry.has_z
    assert shapely.force_2d(back.mentions[0].place.geometry).equals_exact(shapely.force_2d(place.geometry), 0)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(area=three_d())
def test_a_control_file_with_z_reads_the_same_footprint(tmp_path, area):
    """A control GeoJSON with a z on every vertex reads to the same area, vertex for vertex, as without it."""
    paths = []
    for name, geometry in (("flat", shapely.force_2d(area)), ("high", area)):
        feature = {"type": "Feature", "properties": {"owner": "Examplia forces"}, "geometry": mapping(geometry)}
        path = tmp_path / f"{name}.geojson"
        path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
        paths.append(path)
    (flat,), (high,) = (read_events(p).claims for p in paths)
    assert shapely.force_2d(high.geometry).equals_exact(flat.geometry, 0)
    assert high.claimant == flat.claimant and high.area_km2 == pytest.approx(flat.area_km2, rel=1e-12)


@pytest.mark.parametrize("detail", ["simplified", "point"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(wide_records, max_size=3))
def test_coarser_details_change_geometry_only(tmp_path, detail, items):
    """At ``simplified`` and ``point`` detail only polygons change: every other field reads back as written."""
    events = EventSet(items)
    back = read_geojson(write_geojson(events, tmp_path / "d.geojson", detail=detail, progress=False))
    assert _fields(back, detail) == _fields(events, detail)


#: Properties computed from a geometry: a simplified polygon's area is not the full one's.
_FROM_GEOMETRY = frozenset({"area_km2"})


def _fields(events: EventSet, detail: str) -> list[dict]:
    """Every record's properties as written at *detail*, but those computed from a geometry."""
    return [{k: v for k, v in f["properties"].items() if k not in _FROM_GEOMETRY}
            for f in to_feature_collection(events, detail=detail)["features"]]


_SURROGATE = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff", "\udc80"])


@settings(max_examples=60, deadline=None)
@given(before=wide_texts, surrogate=_SURROGATE, after=st.text(max_size=3).filter(lambda t: "\x00" not in t),
       field=st.sampled_from(["name", "description", "actor", "quote"]))
def test_lone_surrogates_are_refused_naming_the_field(before, surrogate, after, field):
    """No file format stores a lone surrogate, so the records refuse one, naming the field, before any write."""
    text = before + surrogate + after
    place = Place("Exampleville", kind="populated_place", lat=1.0, lon=2.0)
    make = {
        "name": lambda: Place(text, kind="populated_place", lat=1.0, lon=2.0),
        "description": lambda: Event("attack", place, description=text),
        "actor": lambda: Event("attack", place, actors=(text,)),
        "quote": lambda: Provenance(quote=text),
    }[field]
    with pytest.raises(InvalidInputError, match=rf"{field}.*lone surrogate \(U\+D[89A-F][0-9A-F]{{2}}\)"):
        make()


def test_the_wide_strategies_reach_the_audits_cases():
    """The wide strategies do draw the cases the audit found: a guard against a strategy that quietly narrows."""
    from hypothesis import find

    find(wide_texts, lambda t: "\r\n" in t and any(ord(c) > 0xFFFF for c in t))
    find(WIDE.dates, lambda d: d.year < 100)
    find(WIDE.dates, lambda d: d.year > 9000)
    find(WIDE.lats, lambda x: x == 0 and math.copysign(1, x) < 0)
    find(WIDE.lons, lambda x: 0 < abs(x) < 2.2250738585072014e-308)
    find(WIDE.lons, lambda x: abs(x) == 180)
    find(wide_polygons, lambda g: g.geom_type == "MultiPolygon" and g.bounds[0] == -180 and g.bounds[2] == 180)
    find(wide_polygons, lambda g: g.geom_type == "Polygon" and len(g.interiors) > 0)
    find(wide_polygons, lambda g: g.area > 50_000)
    find(wide_polygons, lambda g: 0 < g.area < 1e-12)
    find(places(WIDE), lambda p: p.geometry is not None and p.geometry.geom_type == "MultiPolygon")


def test_a_date_in_year_one_and_in_year_9999(tmp_path):
    first, last = date(1, 1, 1), date(9999, 12, 31)
    place = Place("Exampleville", kind="populated_place", lat=-0.0, lon=-180.0)
    event = Event("attack", place, provenance=Provenance(event_date=first, event_date_end=last, report_date=last))
    for fmt, (write, read) in WRITERS.items():
        (back,) = read(write(EventSet([event]), tmp_path / f"y.{fmt}", progress=False)).events
        assert back.provenance.event_date == first and back.provenance.event_date_end == last, fmt
        # the model keeps one zero (Place holds -0.0 as 0.0), so every format reads the same sign back
        assert math.copysign(1, back.place.lat) == 1 and back.place.lon == -180.0, fmt


_BEYOND_INT64 = st.integers(min_value=2**63, max_value=2**80)


def _with_big_number(field: str, value: int):
    place = Place("Exampleville", kind="populated_place", lat=1.0, lon=2.0)
    return {
        "fatalities": lambda: Event("attack", place, fatalities=value),
        "settlements": lambda: TerritorialClaim("forces", settlements=value, areas=(place,)),
        "mention_start": lambda: Mention("Exampleville", value, value + 12, place=place),
    }[field]()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_BEYOND_INT64, field=st.sampled_from(["fatalities", "settlements", "mention_start"]))
def test_whole_numbers_beyond_int64_stay_exact_or_are_refused(tmp_path, value, field):
    """GeoJSON and CSV keep any whole number; a GeoPackage (int64) refuses one above 2**63 - 1, naming the field."""
    events = EventSet([_with_big_number(field, value)])
    for fmt in ("geojson", "csv"):
        write, read = WRITERS[fmt]
        assert read(write(events, tmp_path / f"big.{fmt}", progress=False)) == events
    kept = write_geopackage(EventSet(), tmp_path / "big.gpkg", progress=False).read_bytes()
    attribute = {"fatalities": "events", "settlements": "claims", "mention_start": "mentions"}[field]
    with pytest.raises(InvalidInputError, match=rf"^{field}: {value} \(the record events\.{attribute}\[0\]\) is above "
                                                rf"{2**63 - 1}, the largest whole number"):
        write_geopackage(events, tmp_path / "big.gpkg", progress=False)
    assert (tmp_path / "big.gpkg").read_bytes() == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv", "big.geojson", "big.gpkg"]


def test_a_number_beyond_int64_is_named_by_its_record_not_its_chunk(tmp_path):
    """The GeoPackage is written 2,000 records at a time; the error names the record's index in the input."""
    from geoconflict.model.io import GPKG_CHUNK_RECORDS

    place = Place("Exampleville", kind="populated_place", lat=1.0, lon=2.0)
    events = [Event("attack", place, fatalities=i) for i in range(GPKG_CHUNK_RECORDS + 5)]
    events[GPKG_CHUNK_RECORDS + 3] = Event("attack", place, fatalities=2**64)
    with pytest.raises(InvalidInputError, match=rf"^fatalities: {2**64} \(the record events\.events\[{GPKG_CHUNK_RECORDS + 3}\]\)"):
        write_geopackage(EventSet(events), tmp_path / "big.gpkg", progress=False)
    assert list(tmp_path.iterdir()) == []
