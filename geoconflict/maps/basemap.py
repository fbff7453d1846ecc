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
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geoconflict._data import polygons
from geoconflict.errors import InvalidInputError

if TYPE_CHECKING:
    import geopandas

__all__ = ["LEVELS", "outlines"]

#: The levels :func:`outlines` draws.
LEVELS = ("country", "admin1")
COLUMNS = ["name", "level", "country_code", "code", "admin1", "geometry"]


def _check_bbox(bbox) -> tuple[float, float, float, float] | None:
    if bbox is None:
        return None
    try:
        minx, miny, maxx, maxy = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise InvalidInputError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}",
                                field="bbox", value=bbox) from None
    if any(math.isnan(v) for v in (minx, miny, maxx, maxy)):
        raise InvalidInputError("bbox has NaN values", field="bbox", value=bbox)
    if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
        raise InvalidInputError(
            f"bbox must be (min_lon, min_lat, max_lon, max_lat) with min < max, lon in [-180, 180] and "
            f"lat in [-90, 90]; got {bbox!r} (is it in (lat, lon) order?)", field="bbox", value=bbox)
    return minx, miny, maxx, maxy


def _rows(level: str, box):
    data = polygons(level)
    if box is None:
        return data, np.arange(len(data))
    b = data.bounds()
    hit = (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])
    return data, np.flatnonzero(hit)


def outlines(
    bbox: tuple[float, float, float, float] | None = None,
    *,
    level: str = "admin1",
    simplify: float | None = None,
) -> geopandas.GeoDataFrame:
    """Country or admin-1 polygons, clipped to *bbox*, as a GeoDataFrame in EPSG:4326.

    Parameters
    ----------
    bbox : (min_lon, min_lat, max_lon, max_lat), optional
        Clip to this box (degrees, GeoJSON order). None: the whole world.
    level : {"admin1", "country"}
        ``"country"``: one row per country. ``"admin1"``: one row per
        first-level unit, plus the country polygon (``level == "country"``)
        for countries whose admin-1 units have no polygon, so that the map has
        no gaps.
    simplify : float, optional
        Douglas-Peucker tolerance in degrees (topology preserving), e.g. 0.01
        for a region, 0.1 for a continent.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``name, level, country_code, code, admin1, geometry``; ``code`` is
        the ISO country code or the GeoNames admin-1 code (``"RU.41"``).

    Examples
    --------
    >>> outlines(level="country").shape[0] > 200
    True
    """
    import geopandas

    if level not in LEVELS:
        raise InvalidInputError(f"level must be one of {LEVELS}, got {level!r}", field="level", value=level)
    if simplify is not None and (not isinstance(simplify, (int, float)) or simplify < 0 or math.isnan(simplify)):
        raise InvalidInputError(f"simplify must be a tolerance >= 0 in degrees, got {simplify!r}",
                                field="simplify", value=simplify)
    box = _check_bbox(bbox)
    records = []
    levels = ["admin1", "country"] if level == "admin1" else ["country"]
    covered: set[str] = set()
    for lv in levels:
        data, rows = _rows(lv, box)
        if lv == "admin1":
            covered = set(data.cc.tolist())
        for r in rows:
            cc = str(data.cc[r])
            if level == "admin1" and lv == "country" and cc in covered:
                continue
            records.append((str(data.name[r]), lv, cc, str(data.code[r]), str(data.admin1[r]) or None, r, data))
    geoms = np.array([rec[6].geometry(int(rec[5])) for rec in records], dtype=object)
    if box is not None and len(geoms):
        geoms = shapely.clip_by_rect(geoms, *box)
    if simplify and len(geoms):
        geoms = shapely.simplify(geoms, simplify, preserve_topology=True)
    keep = ~shapely.is_empty(geoms) if len(geoms) else np.zeros(0, dtype=bool)
    frame = geopandas.GeoDataFrame(
        {
            "name": [r[0] for r in records],
            "level": [r[1] for r in records],
            "country_code": [r[2] for r in records],
            "code": [r[3] for r in records],
            "admin1": [r[4] for r in records],
        },
        geometry=geopandas.GeoSeries(list(geoms), crs="EPSG:4326") if len(geoms) else geopandas.GeoSeries([], crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    return frame[keep].reset_index(drop=True)[COLUMNS]
