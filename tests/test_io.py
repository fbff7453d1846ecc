"""Round trips: what is written to GeoJSON, GeoPackage or CSV reads back equal."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Polygon

from geoconflict import (
    CombatArea,
    EventSet,
    FormatError,
    Movement,
    Place,
    Provenance,
    TerritorialClaim,
    read_geojson,
    read_geopackage,
    write_csv,
    write_geojson,
    write_geopackage,
)
from geoconflict.model.io import read_csv_events

from .strategies import records

ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@ROUND_TRIP
@given(st.lists(records, max_size=6))
def test_geojson_round_trip(tmp_path, items):
    events = EventSet(items)
    assert read_geojson(write_geojson(events, tmp_path / "e.geojson")) == events


@ROUND_TRIP
@given(st.lists(records, max_size=6))
def test_geopackage_round_trip(tmp_path, items):
    events = EventSet(items)
    assert read_geopackage(write_geopackage(events, tmp_path / "e.gpkg")) == events


@ROUND_TRIP
@given(st.lists(records, max_size=6))
def test_csv_round_trip(tmp_path, items):
    events = EventSet(items)
    assert read_csv_events(write_csv(events, tmp_path / "e.csv")) == events


@pytest.fixture
def kursk_claims():
    kursk = Place("Kursk Oblast", kind="admin1", lat=51.75, lon=36.2, country_code="RU")
    governor = TerritorialClaim(
        "Ukrainian forces",
        as_of=date(2024, 8, 12),
        settlements=28,
        areas=(kursk,),
        provenance=Provenance(reported_by="Acting Governor Alexey Smirnov", quote="control 28 settlements"),
    )
    military = TerritorialClaim(
        "Ukrainian forces",
        as_of=date(2024, 8, 14),
        settlements=74,
        area_km2_stated=1000.0,
        areas=(kursk,),
        geometry=Polygon([(35.0, 51.2), (35.6, 51.2), (35.6, 51.45), (35.0, 51.45)]),
        derivation="stated_area",
        approximate=True,
        provenance=Provenance(reported_by="the Ukrainian military", quote="“74 settlements” — «über 1 000 km²»"),
    )
    return EventSet([governor, military])


def test_geojson_is_rfc7946(tmp_path, kursk_claims):
    """lon/lat order, counter-clockwise exteriors, ISO dates, no crs member, a missing value left out.

    (Until session 11 a missing value was written as ``null``; it is now left out, which GDAL, QGIS
    and geopandas read as null too: tests/test_io_size.py holds that.)
    """
    path = write_geojson(kursk_claims, tmp_path / "claims.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "crs" not in data
    first, second = [f for f in data["features"] if f["properties"]["kind"] != "place_table"]  # the records
    assert first["geometry"] is None and "area_km2_stated" not in first["properties"]
    assert first["properties"]["settlements"] == 28 and first["properties"]["as_of"] == "2024-08-12"
    ring = second["geometry"]["coordinates"][0]
    assert ring[0] == [35.0, 51.2]  # lon first
    assert Polygon(ring).exterior.is_ccw
    assert second["properties"]["quote"] == "“74 settlements” — «über 1 000 km²»"  # inline: any GIS reads it
    assert second["properties"]["derivation"] == "stated_area"
    assert second["properties"]["area_km2"] == pytest.approx(second["properties"]["area_km2"])
    assert 1000 < second["properties"]["area_km2"] < 1300


def test_zero_is_not_none(tmp_path):
    kyiv = Place("Київ", kind="populated_place", lat=50.45, lon=30.52, country_code="UA", population=0)
    claim = TerritorialClaim("Sudanese Armed Forces", settlements=0, area_km2_stated=0.0, areas=(kyiv,))
    events = EventSet([claim])
    for back in (
        read_geojson(write_geojson(events, tmp_path / "a.geojson")),
        read_geopackage(write_geopackage(events, tmp_path / "a.gpkg")),
        read_csv_events(write_csv(events, tmp_path / "a.csv")),
    ):
        (got,) = back.claims
        assert got.settlements == 0 and got.area_km2_stated == 0.0 and got.as_of is None
        assert got.areas[0].population == 0 and got.areas[0].name == "Київ"


def test_geopackage_has_a_layer_per_kind(tmp_path, kursk_claims):
    import pyogrio

    kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
    moscow = Place("Moscow", kind="populated_place", lat=55.75, lon=37.62, country_code="RU")
    events = kursk_claims + EventSet([Movement("Russian forces", moscow, kyiv), CombatArea((kyiv,))])
    path = write_geopackage(events, tmp_path / "e.gpkg")
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert layers == {"claims", "movements", "combats", "place_table", "text_table"}
    info = pyogrio.read_info(path, layer="claims")
    assert info["crs"] == "EPSG:4326" and info["features"] == 2
    frame = pyogrio.read_dataframe(path, layer="claims")
    assert str(frame["as_of"].dtype).startswith("datetime64")  # real dates for QGIS


def test_unreadable_files_name_the_problem(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                   '"properties": {"kind": "rumour"}, "geometry": null}]}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.geojson, row 1: .*unknown record kind 'rumour'"):
        read_geojson(bad)
    notjson = tmp_path / "x.geojson"
    notjson.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(FormatError, match="x.geojson"):
        read_geojson(notjson)
