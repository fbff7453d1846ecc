"""Country and admin-1 outlines for drawing a basemap, from the embedded data.

This module reads the polygons the gazetteer ships (Natural Earth 10 m
countries and admin-1 units rebuilt from Natural Earth lines, see
``geoconflict/data/SOURCES.md``) without importing the gazetteer itself, so a
renderer can use it cheaply.

Examples
--------
>>> from geoconflict.maps.basemap import outlines
>>> frame = outlines((34.0, 50.5, 38.6, 52.5), level="admin1")
>>> "Kursk Oblast" in set(frame["name"])
True
>>> frame.crs.to_epsg()
4326
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import numpy.typing as npt
import shapely

from geoconflict._data import PolygonLevel, polygons
from geoconflict.errors import InvalidInputError

if TYPE_CHECKING:
    import geopandas

__all__ = ["LEVELS", "outlines", "unit_at"]

#: The levels :func:`outlines` draws.
LEVELS = ("country", "admin1")
COLUMNS = ["name", "level", "country_code", "code", "admin1", "geometry"]

#: ``(min_lon, min_lat, max_lon, max_lat)``, degrees.
BBox = tuple[float, float, float, float]

_CRS = "EPSG:4326"
_MAX_LON = 180
_MAX_LAT = 90


class _Row(NamedTuple):
    """One outline to draw: its attributes, and where its polygon is stored."""

    name: str
    level: str
    country_code: str
    code: str
    admin1: str | None
    data: PolygonLevel
    row: int


def _check_bbox(bbox: Iterable[float] | None) -> BBox | None:
    """``bbox`` as four floats, checked to be a box on the globe in GeoJSON order."""
    if bbox is None:
        return None
    try:
        minx, miny, maxx, maxy = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise InvalidInputError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}",
                                field="bbox", value=bbox) from None
    if any(math.isnan(v) for v in (minx, miny, maxx, maxy)):
        raise InvalidInputError("bbox has NaN values", field="bbox", value=bbox)
    if not (-_MAX_LON <= minx < maxx <= _MAX_LON and -_MAX_LAT <= miny < maxy <= _MAX_LAT):
        raise InvalidInputError(
            f"bbox must be (min_lon, min_lat, max_lon, max_lat) with min < max, lon in [-180, 180] and "
            f"lat in [-90, 90]; got {bbox!r} (is it in (lat, lon) order?)", field="bbox", value=bbox)
    return minx, miny, maxx, maxy


def _rows(level: str, box: BBox | None) -> tuple[PolygonLevel, npt.NDArray[np.intp]]:
    """The polygons of ``level`` and the rows of those whose bounds meet ``box`` (all for None)."""
    data = polygons(level)
    if box is None:
        return data, np.arange(len(data))
    b = data.bounds()
    hit = (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])
    return data, np.flatnonzero(hit)


def _check_simplify(simplify: float | None) -> None:
    if simplify is not None and (not isinstance(simplify, int | float) or simplify < 0 or math.isnan(simplify)):
        raise InvalidInputError(f"simplify must be a tolerance >= 0 in degrees, got {simplify!r}",
                                field="simplify", value=simplify)


def _outline_rows(level: str, box: BBox | None) -> list[_Row]:
    """The outlines of ``level`` in ``box``: admin-1 units, then the countries none of them covers."""
    found: list[_Row] = []
    covered: set[str] = set()
    for lv in ["admin1", "country"] if level == "admin1" else ["country"]:
        data, rows = _rows(lv, box)
        if lv == "admin1":
            covered = set(data.cc.tolist())
        for r in rows:
            cc = str(data.cc[r])
            if level == "admin1" and lv == "country" and cc in covered:
                continue
            found.append(_Row(str(data.name[r]), lv, cc, str(data.code[r]), str(data.admin1[r]) or None, data, int(r)))
    return found


#: shapely's type ids of Polygon and MultiPolygon.
_POLYGONAL = (3, 6)


def simplify_together(
    geoms: npt.NDArray[np.object_], tolerance: float, groups: Sequence[str] | None = None
) -> npt.NDArray[np.object_]:
    """Neighbouring outlines simplified as one coverage: shared borders stay shared, no gaps open.

    Simplifying each country on its own moves each side of a shared border
    differently, and the slivers between them show as sea (a false water wedge
    between Lebanon, Israel and Syria at district zoom). shapely's
    ``coverage_simplify`` simplifies each shared edge once. When the outlines do
    not form a valid coverage as a whole (the admin-1 units of two countries
    overlap along their border), give ``groups`` (say, each unit's country):
    each group that forms a valid coverage is simplified as one; the rest one by
    one.
    """
    out = np.array(geoms, dtype=object)
    # clipping can leave lines, points or collections: only polygonal outlines form a coverage
    polygonal = np.isin(shapely.get_type_id(geoms), _POLYGONAL) & ~shapely.is_empty(geoms)
    labels = None if groups is None else np.asarray(groups, dtype=object)
    done = np.zeros(len(geoms), dtype=bool)
    # one group per outline (countries): the whole set is the coverage to try; else each group
    if labels is None or len(set(labels[polygonal].tolist())) == polygonal.sum():
        done |= _simplify_coverage(geoms, out, polygonal, tolerance)
    else:
        for group in set(labels[polygonal].tolist()):
            done |= _simplify_coverage(geoms, out, polygonal & (labels == group), tolerance)
    rest = ~done
    out[rest] = shapely.simplify(geoms[rest], tolerance, preserve_topology=True)
    return out


def _simplify_coverage(geoms: npt.NDArray[np.object_], out: npt.NDArray[np.object_], rows: npt.NDArray[np.bool_],
                       tolerance: float) -> npt.NDArray[np.bool_]:
    """Simplify ``geoms[rows]`` as one coverage into ``out[rows]`` when they form a valid one; the rows done."""
    none = np.zeros(len(geoms), dtype=bool)
    if rows.sum() < 2:
        return none
    try:
        if not shapely.coverage_is_valid(geoms[rows]):
            return none
        out[rows] = shapely.coverage_simplify(geoms[rows], tolerance)
    except shapely.errors.GEOSException:
        return none
    return rows


def outlines(
    bbox: BBox | None = None,
    *,
    level: str = "admin1",
    simplify: float | None = None,
) -> geopandas.GeoDataFrame:
    import geopandas

    if level not in LEVELS:
        raise InvalidInputError(f"level must be one of {LEVELS}, got {level!r}", field="level", value=level)
    _check_simplify(simplify)
    box = _check_bbox(bbox)
    records = _outline_rows(level, box)
    geoms = np.array([rec.data.geometry(rec.row) for rec in records], dtype=object)
    if box is not None and len(geoms):
        geoms = shapely.clip_by_rect(geoms, *box)
    if simplify and len(geoms):
        geoms = simplify_together(geoms, simplify, [r.country_code for r in records])
    keep = ~shapely.is_empty(geoms) if len(geoms) else np.zeros(0, dtype=bool)
    frame = geopandas.GeoDataFrame(
        {column: [getattr(r, column) for r in records] for column in COLUMNS[:-1]},
        geometry=geopandas.GeoSeries(list(geoms), crs=_CRS),
        crs=_CRS,
    )
    return frame[keep].reset_index(drop=True)[COLUMNS]


@cache
def _unit_index(level: str) -> tuple[shapely.STRtree, list[str]]:
    """An STRtree over the outlines of *level*, and each outline's code (built once per level)."""
    frame = outlines(level=level)
    return shapely.STRtree(frame.geometry.to_numpy()), [str(c) for c in frame["code"]]


def unit_at(lat: float, lon: float, *, level: str = "admin1", snap_deg: float = 0.0) -> str | None:
    """The code of the outline of *level* that holds the point (lat, lon), or None.

    The outlines are :func:`outlines`' (their ``code`` column: GeoNames' admin-1 code such as ``"UA.26"``,
    or the country's ISO code). A point no outline holds (at sea, or off a coast the data generalise) takes
    the nearest outline within *snap_deg* degrees, when that is more than 0.

    Parameters
    ----------
    lat, lon : float
        The point, degrees (WGS 84).
    level : {"admin1", "country"}, default "admin1"
        Which outlines.
    snap_deg : float, default 0
        How far (degrees) a point outside every outline may lie from the one it takes.

    Examples
    --------
    >>> unit_at(47.84, 35.14)  # Zaporizhzhia
    'UA.26'
    >>> unit_at(46.0, 33.9, level="country")
    'UA'
    >>> unit_at(0.0, -30.0) is None  # mid-Atlantic
    True
    """
    if level not in LEVELS:
        raise InvalidInputError(f"level must be one of {LEVELS}, got {level!r}", field="level", value=level)
    tree, codes = _unit_index(level)
    point = shapely.Point(lon, lat)
    hits = tree.query(point, predicate="intersects")
    if not len(hits) and snap_deg > 0:
        hits = tree.query_nearest(point, max_distance=snap_deg)
    return codes[int(hits[0])] if len(hits) else None
