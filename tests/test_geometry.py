"""Geodesic lengths, areas, the antimeridian split and polygon repair."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box

from geoconflict.errors import CoordinateError, GeometryError
from geoconflict.model.geometry import (
    area_km2,
    check_lat_lon,
    clean_polygon,
    distance_km,
    geodesic_line,
    length_km,
)

KALININGRAD = (20.5110, 54.7065)  # city centre, (lon, lat)
KURSK = (36.1874, 51.7373)
PETROPAVLOVSK = (158.6500, 53.0167)
ANCHORAGE = (-149.9003, 61.2181)


def test_kaliningrad_to_kursk_is_about_1096_km():
    # Independent figure: Vincenty/Karney on WGS84 gives ~1,095-1,096 km between the city centres.
    line = geodesic_line(KALININGRAD, KURSK)
    assert length_km(line) == pytest.approx(1095.3, abs=1.0)
    assert distance_km(KALININGRAD, KURSK) == pytest.approx(length_km(line), rel=1e-6)


def test_known_distances():
    # London -> Paris ~343.9 km, Sydney -> Santiago ~11,340 km (both well published).
    assert distance_km((-0.1276, 51.5072), (2.3522, 48.8566)) == pytest.approx(343.9, abs=1.5)
    assert distance_km((151.2093, -33.8688), (-70.6693, -33.4489)) == pytest.approx(11340, rel=0.01)


def test_line_starts_at_origin_and_is_densified():
    line = geodesic_line(KALININGRAD, KURSK, segment_km=10)
    assert line.coords[0] == KALININGRAD and line.coords[-1] == KURSK
    assert len(line.coords) >= 110
    # Vertices lie on the geodesic, so the polyline is a hair shorter than the geodesic.
    assert length_km(line) == pytest.approx(distance_km(KALININGRAD, KURSK), rel=1e-5)


def test_eastward_line_within_russia_does_not_wrap():
    line = geodesic_line(KALININGRAD, PETROPAVLOVSK)
    assert isinstance(line, LineString)
    lons = [x for x, _ in line.coords]
    assert min(lons) >= KALININGRAD[0] and max(lons) <= PETROPAVLOVSK[0]
    assert all(b >= a for a, b in zip(lons, lons[1:]))  # steadily east, never the long way round


def test_antimeridian_split():
    line = geodesic_line(PETROPAVLOVSK, ANCHORAGE)
    assert isinstance(line, MultiLineString)
    west, east = line.geoms
    assert west.coords[0] == PETROPAVLOVSK and west.coords[-1][0] == 180.0
    assert east.coords[0][0] == -180.0 and east.coords[-1] == ANCHORAGE
    assert west.coords[-1][1] == east.coords[0][1]
    assert max(abs(x) for x, _ in line.geoms[0].coords) <= 180
    # Split, the line is as long as the geodesic (~3,155 km), not the 20,000 km wrong way round.
    assert length_km(line) == pytest.approx(distance_km(PETROPAVLOVSK, ANCHORAGE), rel=1e-4)
    assert 3100 < length_km(line) < 3200


def test_areas_are_geodesic():
    # A 1° square is ~12,309 km² at the equator and about half that at 60° N.
    assert area_km2(box(0, 0, 1, 1)) == pytest.approx(12309, abs=2)
    assert area_km2(box(0, 60, 1, 61)) == pytest.approx(6116, rel=0.01)
    assert area_km2(None) is None


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (90.5, 10, "latitude 90.5 is outside"),
        (-91, 10, "latitude -91.0 is outside"),
        (10, 180.01, "longitude 180.01 is outside"),
        (float("nan"), 1, "must be finite"),
        ("north", 1, "must be numbers"),
    ],
)
def test_coordinate_errors_name_field_and_value(lat, lon, message):
    with pytest.raises(CoordinateError, match=message) as info:
        check_lat_lon(lat, lon, field="origin")
    assert str(info.value).startswith("origin:")
    assert isinstance(info.value, ValueError)


def test_invalid_polygon_is_repaired_not_kept():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    assert not bowtie.is_valid
    fixed = clean_polygon(bowtie)
    assert fixed.is_valid and fixed.geom_type == "MultiPolygon"
    assert fixed.area == pytest.approx(0.5)
    assert all(p.exterior.is_ccw for p in fixed.geoms)


def test_clockwise_polygon_is_oriented():
    cw = Polygon([(0, 0), (0, 1), (1, 1), (1, 0)])
    assert not cw.exterior.is_ccw
    assert clean_polygon(cw).exterior.is_ccw


@pytest.mark.parametrize(
    ("geometry", "error", "message"),
    [
        (Point(1, 1), GeometryError, "expected a Polygon or MultiPolygon, got Point"),
        (Polygon(), GeometryError, "empty"),
        (Polygon([(0, 0), (1, 0), (2, 0), (0, 0)]), GeometryError, "no area left"),
        (box(50, 100, 51, 101), CoordinateError, "axis order"),
        ({"type": "Polygon", "coordinates": "nope"}, GeometryError, "not a GeoJSON geometry"),
    ],
)
def test_unrepairable_polygons_are_rejected(geometry, error, message):
    with pytest.raises(error, match=message):
        clean_polygon(geometry, field="claim geometry")


@pytest.mark.parametrize(
    "mapping",
    [
        {},  # AttributeError inside shapely
        {"type": 5},
        {"type": "Polygon"},  # KeyError
        {"type": "Polygon", "coordinates": 5},  # TypeError
        {"type": "MultiPolygon", "coordinates": [1]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},  # ValueError: too few points
        {"type": "Polygon", "coordinates": [[["a", "b"], [1, 1], [2, 2]]]},
        {"type": "Nope", "coordinates": []},  # shapely's GeometryTypeError
    ],
)
def test_mappings_that_are_not_geojson_are_geometry_errors(mapping):
    with pytest.raises(GeometryError, match="claim geometry: not a GeoJSON geometry"):
        clean_polygon(mapping, field="claim geometry")
