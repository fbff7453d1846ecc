"""The map's light vector basemap: country and admin-1 outlines around the data, as the page's JSON.

Countries are drawn over a wide area (the map never shows a cut-off coast),
admin-1 regions nearer the data and only at a regional scale. Simplifying
Natural Earth for a wide area takes about a second, so the JSON is cached on
disk (``<user cache dir>/geoconflict/basemap``) by its extent, rounded outward to
a grid so that maps of the same region share one entry.
"""

from __future__ import annotations

import hashlib
import json
import math
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import shapely
from platformdirs import user_cache_dir
from shapely.geometry import Polygon

from geoconflict._data import data_file
from geoconflict._files import replacing
from geoconflict.errors import DataNotFoundError
from geoconflict.maps import basemap
from geoconflict.maps.detail import (
    CELL_DEGREES,
    DETAIL_ZOOM,
    LEVELS,
    data_cells,
    dilated_region,
    level_tolerance,
)
from geoconflict.maps.page import script_json
from geoconflict.maps.style import SCALE, quantize

if TYPE_CHECKING:
    import geopandas

__all__ = ["basemap_json"]

#: ``(south, west, north, east)``, degrees.
Bounds = tuple[float, float, float, float]
#: ``(min_lon, min_lat, max_lon, max_lat)``, degrees (GeoJSON and shapely order).
BBox = tuple[float, float, float, float]
#: The south-west corners of the detail grid's cells near the data (:mod:`~geoconflict.maps.detail`).
Cells = frozenset[tuple[int, int]]

#: An unnamed gap enclosed by countries smaller than this (square degrees) is land the
#: country outlines leave out, not an inland sea. In the embedded Natural Earth outlines
#: the gaps are the Caspian Sea (43 deg²) and disputed land: Abyei (0.9), Bir Tawil, the
#: Southern Patagonian Ice Field, the Golan (0.1).
_GAP_DEG2 = 5.0

#: shapely's type id of a LinearRing; of Polygon and MultiPolygon.
_LINEARRING = 2
_POLYGONAL = (3, 6)

#: A label: its point and its polygon's box, (lat, lon) integers.
_LABEL_LENGTH = 6

#: Bump when the basemap's JSON changes, so cached files are not reused.
_BASEMAP_VERSION = "5"

#: A finer level's outlines reach this far (degrees) beyond its region, where the page
#: clips them, so that the edges where they were cut lie outside the drawing (18 px at
#: zoom 6, the least zoom they are drawn at).
_CLIP_PAD = 0.1

#: Cached extents are rounded outward to multiples of this many degrees.
_GRID_DEGREES = 2

#: The extent drawn for a map with no data: the inhabited latitudes.
_WORLD: Bounds = (-60.0, -180.0, 84.0, 180.0)

#: Latitudes Web Mercator shows.
_MERCATOR_LAT = 85.0

#: Padding around the data: a fraction of its extent, at least so many degrees of
#: latitude (and 1.5 times as many of longitude). Countries over a wide area,
#: regions nearer the data.
_COUNTRY_PAD = (2.5, 25.0)
_REGION_PAD = (0.6, 8.0)
_LON_PAD_RATIO = 1.5

#: Outlines are simplified to the larger side of their area divided by these.
_COUNTRY_SIMPLIFY_DIVISOR = 800
_REGION_SIMPLIFY_DIVISOR = 1000

#: Admin-1 lines are drawn only when the region box spans at most this many degrees
#: of longitude and latitude: at a continental scale they are noise (and slow).
_REGIONAL_SPAN = (90, 60)


def _on_grid(bounds: Bounds) -> Bounds:
    """``bounds`` rounded outward to the cache grid, within the globe."""
    g = _GRID_DEGREES
    s, w, n, e = bounds
    return (max(-90.0, g * math.floor(s / g)), max(-180.0, g * math.floor(w / g)),
            min(90.0, g * math.ceil(n / g)), min(180.0, g * math.ceil(e / g)))


def _default_cells(bounds: Bounds | None) -> Cells:
    """Every cell of ``bounds`` (none for the whole world): the detail drawn when the data's cells are not given."""
    return frozenset() if bounds is None else data_cells((), [bounds])


def _cache_path(bounds: Bounds | None, fill: bool, cells: Cells | None = None) -> Path | None:
    """Where the basemap JSON of ``bounds`` and ``cells`` is cached (keyed on the data file too), or None."""
    if cells is None:
        cells = _default_cells(bounds)
    try:
        data = data_file("geometries.npz").stat()
    except (OSError, DataNotFoundError):
        return None
    key = hashlib.sha256(
        f"{_BASEMAP_VERSION}|{LEVELS}|{bounds}|{fill}|{sorted(cells)}|{data.st_size}|{data.st_mtime_ns}".encode()
    ).hexdigest()[:24]
    return Path(user_cache_dir("geoconflict", appauthor=False)) / "basemap" / f"{key}.json"


def _write_cache(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError:  # a read-only cache: compute again next time
        pass


def basemap_json(bounds: Bounds | None, *, fill: bool, cells: Cells | None = None) -> str | None:
    """The basemap's JSON around ``bounds`` (the whole world for None), or None when there is no data.

    ``fill`` colours the land (when there are no tiles to show it). ``cells`` are
    the detail grid's cells that hold data (:func:`~geoconflict.maps.detail.data_cells`):
    district detail is drawn around them; by default, every cell of ``bounds``.
    """
    if bounds is not None:  # so that nearby extents share a cache entry
        bounds = _on_grid(bounds)
    if cells is None:
        cells = _default_cells(bounds)
    path = _cache_path(bounds, fill, cells)
    if path is not None and path.is_file():
        cached = _read_cache(path)
        if cached is not None:
            return script_json(cached)
    payload = _payload(bounds, fill=fill, cells=cells)
    if payload is None:
        return None
    text = script_json(payload)
    if path is not None:
        _write_cache(path, text)
    return text


def _reject(value: str) -> Any:
    raise ValueError(f"not an integer: {value}")


def _is_ints(values: Any) -> bool:
    return isinstance(values, list) and all(type(v) is int for v in values)


def _valid_feature(feature: Any) -> bool:
    """Whether one cached outline has the shape :func:`_outline_features` writes: a name, a label, integer rings."""
    if not isinstance(feature, dict) or set(feature) != {"name", "label", "rings"}:
        return False
    name, label, polygons = feature["name"], feature["label"], feature["rings"]
    return (
        (name is None or isinstance(name, str))
        and (label is None or (_is_ints(label) and len(label) == _LABEL_LENGTH))
        and isinstance(polygons, list)
        and all(isinstance(p, list) and all(_is_ints(ring) and len(ring) % 2 == 0 for ring in p) for p in polygons)
    )


def _read_cache(path: Path) -> dict[str, Any] | None:
    """The cached basemap, checked to be outlines of integer coordinates, or None to compute it again.

    The cache is a file any program of the user can write; what reaches a page
    is only what passed this check, serialised again by :func:`script_json`.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=_reject, parse_constant=_reject)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or set(data) != {"fill", "countries", "regions", "lines", "detail"}:
        return None
    if (type(data["fill"]) is not bool or not _valid_outlines(data) or not _valid_lines(data["lines"])
            or not _valid_detail(data["detail"])):
        return None
    return data


def _valid_outlines(level: dict[str, Any]) -> bool:
    return all(isinstance(level[key], list) and all(_valid_feature(f) for f in level[key])
               for key in ("countries", "regions"))


def _valid_lines(lines: Any) -> bool:
    return _valid_feature({"name": None, "label": None, "rings": [lines]})


def _valid_detail(detail: Any) -> bool:
    """Whether the cached finer levels have the shape :func:`_detail_levels` writes."""
    if detail is None:
        return True
    if not isinstance(detail, dict) or set(detail) != {"zoom", "levels"} or type(detail["zoom"]) is not int:
        return False
    return isinstance(detail["levels"], list) and all(
        isinstance(level, dict) and set(level) == {"region", "countries", "lines"}
        and _valid_feature({"name": None, "label": None, "rings": level["region"]}) and _valid_lines(level["lines"])
        and isinstance(level["countries"], list) and all(_valid_feature(f) for f in level["countries"])
        for level in detail["levels"])


def _around(bounds: Bounds, pad: tuple[float, float]) -> BBox:
    """The box around ``bounds`` padded by ``pad`` (a fraction of the extent, a least number of degrees)."""
    south, west, north, east = bounds
    factor, least = pad
    pad_lat = max(least, (north - south) * factor)
    pad_lon = max(least * _LON_PAD_RATIO, (east - west) * factor)
    return (max(-180.0, west - pad_lon), max(-_MERCATOR_LAT, south - pad_lat),
            min(180.0, east + pad_lon), min(_MERCATOR_LAT, north + pad_lat))


def _payload(bounds: Bounds | None, *, fill: bool, cells: Cells = frozenset()) -> dict[str, Any] | None:
    """Country and admin-1 outlines around ``bounds`` from the embedded boundaries, or None.

    ``countries`` and ``regions`` are the coarse level, drawn alone below
    :data:`~geoconflict.maps.detail.DETAIL_ZOOM`; ``detail`` the finer levels
    around the data ``cells`` (see :mod:`~geoconflict.maps.detail`).
    """
    extent = _WORLD if bounds is None else bounds
    wide, near = _around(extent, _COUNTRY_PAD), _around(extent, _REGION_PAD)
    try:
        countries = basemap.outlines(
            wide, level="country", simplify=max(wide[2] - wide[0], wide[3] - wide[1]) / _COUNTRY_SIMPLIFY_DIVISOR
        )
        regional = near[2] - near[0] <= _REGIONAL_SPAN[0] and near[3] - near[1] <= _REGIONAL_SPAN[1]
        regions = (
            basemap.outlines(
                near, level="admin1", simplify=max(near[2] - near[0], near[3] - near[1]) / _REGION_SIMPLIFY_DIVISOR
            )
            if regional
            else None
        )
        units = None if regions is None else regions[regions["level"] == "admin1"]
        finer = _detail_levels(cells)
    except DataNotFoundError as exc:
        warnings.warn(f"the map has no basemap: {exc}", stacklevel=3)
        return None
    return {
        "fill": fill,
        "countries": _outline_features(countries, wide) + _enclosed_gaps(countries),
        "regions": [] if regions is None else _outline_features(units, near, rings=False),
        "lines": [] if regions is None else _internal_lines(units, 0.0),
        "detail": {"zoom": DETAIL_ZOOM, "levels": finer} if finer else None,
    }


def _detail_levels(cells: Cells) -> list[dict[str, Any]]:
    """The finer levels around ``cells``, finest first: each its region's rings and its outlines there.

    Each level's outlines are simplified together over its region's box, then cut
    to the region widened by :data:`_CLIP_PAD` (the page clips them to the region
    itself, so the cut edges are never drawn).
    """
    levels = []
    for level in LEVELS:
        region = dilated_region(cells, level.reach) if cells else None
        if region is None or region.is_empty:
            continue
        padded = region.buffer(_CLIP_PAD, join_style="mitre")
        box = _check_box(padded.bounds)
        tolerance = level_tolerance(level, round(region.area / CELL_DEGREES**2))
        countries = basemap.outlines(box, level="country", simplify=tolerance)
        regions = basemap.outlines(box, level="admin1", simplify=tolerance)
        regions = regions[regions["level"] == "admin1"]
        countries = countries.set_geometry(shapely.intersection(np.asarray(countries.geometry.values), padded))
        regions = regions.set_geometry(shapely.intersection(np.asarray(regions.geometry.values), padded))
        levels.append({
            "region": _rings(_polygons(shapely.simplify(region, 0))),
            "countries": _unnamed(countries) + _enclosed_gaps(countries),
            "lines": _internal_lines(regions, tolerance),
        })
    return levels


def _internal_lines(frame: geopandas.GeoDataFrame, tolerance: float) -> list[list[int]]:
    """The borders between the admin-1 units of each country, each once, as :func:`_flat` lines.

    A unit's outline along the coast or the national border is the country's
    line (drawn solid); only the edges two units of one country share are drawn
    dashed, once, not once for each side. Units simplified as one coverage share
    their edges vertex for vertex; a country whose units are not a valid
    coverage has every unit's outline drawn.
    """
    lines: list[list[int]] = []
    for _, units in frame.groupby("country_code"):
        geoms = np.asarray(units.geometry.values, dtype=object)
        geoms = geoms[np.isin(shapely.get_type_id(geoms), _POLYGONAL)]
        if len(geoms) < 2:
            continue
        rings = shapely.get_rings(shapely.get_parts(geoms))
        if shapely.coverage_is_valid(geoms):
            lines.extend(_shared_runs(rings))
        else:
            lines.extend(_flat(ring) for ring in rings if ring.length > tolerance)
    return lines


#: Bits of one quantized coordinate in a point's key (±180° in 1e-5° fits in 26 bits).
_KEY_BITS = 26


def _shared_runs(rings: npt.NDArray[np.object_]) -> list[list[int]]:
    """The runs of edges that two of ``rings`` share, each edge once, as :func:`_flat` lines.

    Edges are compared as pairs of quantized points; of the two rings that hold
    an edge, the first one listed draws it.
    """
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    q = np.rint(xy[:, ::-1] * SCALE).astype(np.int64)  # (lat, lon)
    key = ((q[:, 0] + (1 << (_KEY_BITS - 1))) << _KEY_BITS) | (q[:, 1] + (1 << (_KEY_BITS - 1)))
    edge = np.flatnonzero(ring[:-1] == ring[1:])  # edge i joins points i and i + 1
    ends = np.sort(np.stack([key[edge], key[edge + 1]], axis=1), axis=1)
    _, first, inverse, counts = np.unique(ends, axis=0, return_index=True, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    keep = edge[(counts[inverse] > 1) & (first[inverse] == np.arange(len(edge)))]
    if not len(keep):
        return []
    # a run continues while the next edge kept is the next edge of the same ring
    breaks = np.flatnonzero((np.diff(keep) != 1) | (ring[keep[1:]] != ring[keep[:-1]])) + 1
    out = []
    for run in np.split(keep, breaks):
        points = q[np.append(run, run[-1] + 1)]
        points[1:] = np.diff(points, axis=0)
        out.append(points.ravel().tolist())
    return out


def _check_box(bounds: tuple[float, float, float, float]) -> BBox:
    """A shapely box within the globe, as :func:`basemap.outlines` takes it."""
    x0, y0, x1, y1 = bounds
    return max(-180.0, x0), max(-90.0, y0), min(180.0, x1), min(90.0, y1)


def _polygons(geometry: shapely.Geometry) -> list[Polygon]:
    return [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon" and not g.is_empty]


def _unnamed(frame: geopandas.GeoDataFrame) -> list[dict[str, Any]]:
    """The outlines of ``frame`` without names (a finer level's names are the coarse level's)."""
    features = []
    for geometry in frame.geometry.values:
        polygons = [] if geometry is None else _polygons(geometry)
        if polygons:
            features.append({"name": None, "label": None, "rings": _rings(polygons)})
    return features


def _enclosed_gaps(frame: geopandas.GeoDataFrame) -> list[dict[str, Any]]:
    """Land no country outline covers but countries enclose (a disputed area the data leaves out).

    Drawn as land, unnamed: left empty it would show as sea between its neighbours.
    Enclosed gaps larger than :data:`_GAP_DEG2` are taken for inland seas and left as water.
    """
    geoms = [g for g in frame.geometry.values if g is not None and not g.is_empty]
    if not geoms:
        return []
    land = shapely.union_all(np.asarray(geoms, dtype=object))
    gaps = [Polygon(ring) for part in shapely.get_parts(land) if part.geom_type == "Polygon"
            for ring in part.interiors]
    gaps = [g for g in gaps if g.is_valid and 0 < g.area < _GAP_DEG2]
    return [{"name": None, "label": None, "rings": _rings(gaps)}] if gaps else []


def _rings(polygons: list[Polygon]) -> list[list[list[int]]]:
    """Each polygon's rings as :func:`_flat` integers (unsimplified: that is done)."""
    return [[_flat(ring) for ring in shapely.get_rings(polygon)] for polygon in polygons]


def _flat(line: shapely.Geometry) -> list[int]:
    """A ring or line as ``[lat, lon, Δlat, Δlon, …]`` in 1e-5 degrees: the first point, then steps.

    A closed ring leaves out its last point (the page closes it). Steps between
    neighbouring vertices are short numbers: the page is a third smaller.
    """
    xy = shapely.get_coordinates(line)
    if shapely.get_type_id(line) == _LINEARRING:
        xy = xy[:-1]
    q = np.rint(xy[:, ::-1] * SCALE).astype(np.int64)
    q[1:] = np.diff(q, axis=0)
    return q.ravel().tolist()


def _label(polygons: list[Polygon]) -> list[int]:
    """Where a name goes: a point inside the largest polygon, then that polygon's box (lat, lon order)."""
    biggest = max(polygons, key=lambda p: p.area)
    point = biggest.representative_point()
    x0, y0, x1, y1 = biggest.bounds
    return [quantize(point.y), quantize(point.x), quantize(y0), quantize(x0), quantize(y1), quantize(x1)]


def _outline_features(frame: geopandas.GeoDataFrame, bbox: BBox, *, rings: bool = True) -> list[dict[str, Any]]:
    """The outlines of ``frame`` clipped to ``bbox``: name, label position and rings of each (or no rings)."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    names = frame["name"].tolist() if "name" in frame.columns else [None] * len(geoms)
    geoms = shapely.clip_by_rect(geoms, *bbox)
    features = []
    for name, geometry in zip(names, geoms, strict=True):
        if geometry is None or geometry.is_empty:
            continue
        polygons = [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon" and not g.is_empty]
        if not polygons:
            continue
        named = isinstance(name, str) and bool(name)
        features.append({"name": name if isinstance(name, str) else None,
                         "label": _label(polygons) if named else None,
                         "rings": _rings(polygons) if rings else []})
    return features
