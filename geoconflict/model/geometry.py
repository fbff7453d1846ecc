"""Geodesic geometry on the WGS84 ellipsoid.

All geometries are shapely objects in EPSG:4326 with (lon, lat) axis order.
Lengths and areas are geodesic (pyproj :class:`~pyproj.Geod`), never planar
degrees. This is the one boundary where coordinates are range-checked.

Examples
--------
>>> from geoconflict.model.geometry import geodesic_line, length_km
>>> line = geodesic_line((20.511, 54.7065), (36.1874, 51.7373))   # Kaliningrad -> Kursk
>>> round(length_km(line))
1095
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import shapely
from shapely.errors import ShapelyError
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import CoordinateError, GeometryError

__all__ = [
    "CRS",
    "GEOD",  # noqa: F822 (made on first use, see __getattr__)
    "area_km2",
    "check_lat_lon",
    "clean_polygon",
    "distance_km",
    "KM2_PER_SQUARE_MILE",
    "M2_PER_KM2",
    "M_PER_KM",
    "geodesic_line",
    "length_km",
    "same_geometry",
]


#: The coordinate reference system of every geometry: WGS84 degrees, (lon, lat).
CRS = "EPSG:4326"

#: Metres in a kilometre, and square metres in a square kilometre (pyproj measures in metres).
M_PER_KM = 1_000.0
M2_PER_KM2 = 1_000_000.0
#: Square kilometres in a square mile (an area stated in square miles is converted with it).
KM2_PER_SQUARE_MILE = 2.589988

#: What :func:`shapely.geometry.shape` raises for a mapping that is not GeoJSON: a missing
#: key, a wrong type, coordinates of the wrong shape, or an unknown geometry type.
_BAD_MAPPING = (AttributeError, LookupError, TypeError, ValueError, ShapelyError)


@cache
def _geod():
    """The WGS84 ellipsoid (pyproj ``Geod``), made on first use: importing
    pyproj costs a cold process about 0.1 s that a plain look-up never needs."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def __getattr__(name: str):
    if name == "GEOD":  #: the WGS84 ellipsoid used for every length and area
        return _geod()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_lat_lon(lat: float, lon: float, *, field: str = "point") -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats, or raise :class:`CoordinateError`.

    A zero of either sign is returned as ``0.0``: ``-0.0`` is the same
    point, and a GeoPackage (SQLite) keeps no sign of zero, so every format
    reads back what the record holds.

    Parameters
    ----------
    lat, lon : float
        Latitude in [-90, 90] and longitude in [-180, 180], degrees.
    field : str
        Name used in the error message.

    Examples
    --------
    >>> check_lat_lon(51.73, 36.19)
    (51.73, 36.19)
    >>> check_lat_lon(-0.0, 10)
    (0.0, 10.0)
    >>> check_lat_lon(95, 10, field="origin")
    Traceback (most recent call last):
    ...
    geoconflict.errors.CoordinateError: origin: latitude 95.0 is outside [-90, 90]
    """
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise CoordinateError(
            f"{field}: coordinates must be numbers, got lat={lat!r}, lon={lon!r}",
            field=field,
            value=(lat, lon),
        ) from None
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)):
        raise CoordinateError(
            f"{field}: coordinates must be finite, got lat={lat_f}, lon={lon_f}",
            field=field,
            value=(lat, lon),
        )
    if not -90.0 <= lat_f <= 90.0:
        raise CoordinateError(
            f"{field}: latitude {lat_f} is outside [-90, 90]", field=field, value=lat_f
        )
    if not -180.0 <= lon_f <= 180.0:
        raise CoordinateError(
            f"{field}: longitude {lon_f} is outside [-180, 180]", field=field, value=lon_f
        )
    return lat_f + 0.0, lon_f + 0.0  # -0.0 + 0.0 is 0.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two ``(lon, lat)`` points.

    Examples
    --------
    >>> round(distance_km((20.511, 54.7065), (36.1874, 51.7373)))
    1095
    """
    return _geod().inv(a[0], a[1], b[0], b[1])[2] / M_PER_KM


def geodesic_line(
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    segment_km: float = 25.0,
) -> LineString | MultiLineString:
    """The geodesic from ``start`` to ``end``, densified and split at the antimeridian.

    Parameters
    ----------
    start, end : tuple of float
        ``(lon, lat)`` in degrees.
    segment_km : float
        Largest distance between consecutive vertices.

    Returns
    -------
    LineString or MultiLineString
        A LineString whose first vertex is ``start`` and last is ``end``; a
        MultiLineString (parts in travel order) when the path crosses 180°.

    Examples
    --------
    >>> line = geodesic_line((158.65, 53.02), (-149.90, 61.22))  # Petropavlovsk -> Anchorage
    >>> line.geom_type, line.geoms[0].coords[-1][0], line.geoms[1].coords[0][0]
    ('MultiLineString', 180.0, -180.0)
    """
    for name, (lon, lat) in (("start", start), ("end", end)):
        check_lat_lon(lat, lon, field=name)
    if segment_km <= 0:
        raise GeometryError(f"segment_km must be positive, got {segment_km}", field="segment_km")
    total = distance_km(start, end)
    n_inner = max(0, math.ceil(total / segment_km) - 1)
    inner = _geod().npts(start[0], start[1], end[0], end[1], n_inner) if n_inner else []
    points = [(float(start[0]), float(start[1])), *inner, (float(end[0]), float(end[1]))]
    return _split_antimeridian(points)


def _split_antimeridian(points: list[tuple[float, float]]) -> LineString | MultiLineString:
    parts: list[list[tuple[float, float]]] = [[points[0]]]
    for (lon0, lat0), (lon1, lat1) in zip(points, points[1:]):
        if abs(lon1 - lon0) > 180.0:
            # Crossing 180°: unwrap lon1 next to lon0 and interpolate the latitude at the edge.
            edge = 180.0 if lon0 > 0 else -180.0
            lon1_unwrapped = lon1 + 360.0 if lon0 > 0 else lon1 - 360.0
            if lon0 == edge:  # already on the edge: continue on the other side
                parts.append([(-edge, lat0)])
            elif lon1_unwrapped == edge:  # the next point is the edge itself
                parts[-1].append((edge, lat1))
                parts.append([])
                continue
            else:
                t = (edge - lon0) / (lon1_unwrapped - lon0)
                lat_edge = lat0 + t * (lat1 - lat0)
                parts[-1].append((edge, lat_edge))
                parts.append([(-edge, lat_edge)])
        parts[-1].append((lon1, lat1))
    lines = [p for p in parts if len(p) >= 2]
    if len(lines) == 1:
        return LineString(lines[0])
    return MultiLineString(lines)


def length_km(geometry: BaseGeometry) -> float:
    """Geodesic length in km of a (multi)line geometry."""
    return _geod().geometry_length(geometry) / M_PER_KM


def area_km2(geometry: BaseGeometry | None) -> float | None:
    """Geodesic area in km² of a (multi)polygon, or None for no geometry.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> round(area_km2(box(0, 0, 1, 1)))  # one degree square at the equator
    12309
    """
    if geometry is None:
        return None
    return abs(_geod().geometry_area_perimeter(geometry)[0]) / M2_PER_KM2


def clean_polygon(geometry: object, *, field: str = "geometry") -> Polygon | MultiPolygon:
    """Validate a polygonal geometry: right type, in range, valid, counter-clockwise.

    An invalid polygon (self-intersecting, bow-tie) is repaired with
    :func:`shapely.make_valid` and its polygonal parts kept; if nothing
    polygonal is left, :class:`GeometryError` is raised. Exterior rings are
    oriented counter-clockwise (RFC 7946).

    Parameters
    ----------
    geometry : shapely geometry or GeoJSON-like mapping
        The polygon or multipolygon.
    field : str
        Name used in error messages.

    Examples
    --------
    >>> bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    >>> clean_polygon(bowtie).geom_type
    'MultiPolygon'
    """
    if isinstance(geometry, dict):
        try:
            geometry = shapely.geometry.shape(geometry)
        except _BAD_MAPPING as exc:
            raise GeometryError(f"{field}: not a GeoJSON geometry: {exc}", field=field) from exc
    if not isinstance(geometry, Polygon | MultiPolygon):
        kind = getattr(geometry, "geom_type", type(geometry).__name__)
        raise GeometryError(
            f"{field}: expected a Polygon or MultiPolygon, got {kind}", field=field, value=geometry
        )
    if geometry.is_empty:
        raise GeometryError(f"{field}: the polygon is empty", field=field, value=geometry)
    if not np.isfinite(shapely.get_coordinates(geometry)).all():
        raise CoordinateError(f"{field}: a coordinate is not a finite number (NaN or infinity)", field=field)
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
        raise CoordinateError(
            f"{field}: coordinates outside lon [-180, 180] / lat [-90, 90] "
            f"(bounds {geometry.bounds}); is the axis order (lon, lat)?",
            field=field,
            value=geometry.bounds,
        )
    try:
        valid = geometry.is_valid
    except ShapelyError as exc:  # an empty shell with holes
        raise GeometryError(f"{field}: not a polygon GEOS can read: {exc}", field=field) from None
    if not valid:
        repaired = shapely.make_valid(geometry)
        polygons = [
            g for g in shapely.get_parts(repaired) if isinstance(g, Polygon) and not g.is_empty
        ] if not isinstance(repaired, Polygon | MultiPolygon) else list(shapely.get_parts(repaired))
        if not polygons:
            raise GeometryError(
                f"{field}: invalid polygon ({shapely.is_valid_reason(geometry)}) "
                "has no area left after repair",
                field=field,
                value=geometry,
            )
        geometry = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return shapely.orient_polygons(geometry)


def same_geometry(a: BaseGeometry | None, b: BaseGeometry | None) -> bool:
    """Whether two optional geometries are equal: the same object (no coordinate is read), else equal by value.

    This is how records compare their geometries: a record's copies share its
    geometry object, so comparing them costs nothing, however many vertices it has.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> square = box(0, 0, 1, 1)
    >>> same_geometry(square, square), same_geometry(square, box(0, 0, 1, 1)), same_geometry(square, None)
    (True, True, False)
    """
    return a is b or (a is not None and b is not None and a == b)


def point(lat: float, lon: float) -> Point:
    """A shapely point from a latitude and a longitude (note the order), range-checked."""
    lat, lon = check_lat_lon(lat, lon)
    return Point(lon, lat)
