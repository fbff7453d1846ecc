"""Where the basemap needs district detail: the cells of the globe near the data, and the finer levels drawn there.

A reader zooms in where the events are, not across the whole extent the map
fits: a map of Kaliningrad, Kursk and Murmansk needs district detail around each
of the three, not over the Baltic and Karelia between them. The globe is cut
into :data:`CELL_DEGREES` cells; the *data cells* hold a point, a line's end or
a polygon's box. Each finer level covers the cells within so many cells of the
data (a *region*, a union of whole cells), simplified as one coverage at its own
tolerance, and is drawn from :data:`DETAIL_ZOOM` on, clipped in the page to its
region minus the next finer one; the coarse level fills the rest of the map.

Examples
--------
>>> cells = data_cells([(51.2, 35.3)])
>>> sorted(cells)
[(51, 35)]
>>> region = dilated_region(cells, 1)
>>> region.bounds
(34.0, 50.0, 37.0, 53.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import shapely

from geoconflict.maps.layers import _coordinate_runs
from geoconflict.maps.style import SCALE

__all__ = ["CELL_DEGREES", "DETAIL_ZOOM", "LEVELS", "DetailLevel", "data_cells", "dilated_region", "layer_cells", "level_tolerance"]

#: Side of a cell of the detail grid, degrees.
CELL_DEGREES = 1
#: The zoom from which the finer levels are drawn (below it, the coarse level alone).
DETAIL_ZOOM = 6
#: Latitudes Web Mercator shows: regions stop there.
_MERCATOR_LAT = 85
_ROWS, _COLS = 180 // CELL_DEGREES, 360 // CELL_DEGREES


class DetailLevel(NamedTuple):
    """One finer level: how many cells around the data it reaches, and its simplification (degrees)."""

    reach: int
    tolerance: float


#: The finer levels, finest first. Within 2 cells of the data coasts and borders are
#: simplified to 0.0005° (1.5 px at zoom 12, where a pixel is 0.00034° at the equator),
#: within 4 cells to 0.006° (about a pixel at zoom 8), where a view at zoom 6–8 centred
#: on the data reaches. The embedded outlines (Natural Earth 10 m) are drawn about that
#: finely.
LEVELS = (DetailLevel(2, 0.0005), DetailLevel(4, 0.006))

#: A level's tolerance grows in proportion to its region beyond this many cells (a
#: continent of data keeps the page to a few MB, at a coarser detail).
NOMINAL_CELLS = 400


def level_tolerance(level: DetailLevel, cells: int) -> float:
    """The tolerance of ``level`` over a region of ``cells`` cells: finer on small regions.

    >>> level_tolerance(LEVELS[0], 100)
    0.0005
    >>> level_tolerance(LEVELS[0], 1600)
    0.002
    """
    return level.tolerance * max(1.0, cells / NOMINAL_CELLS)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (min(89, max(-90, math.floor(lat / CELL_DEGREES) * CELL_DEGREES)),
            min(179, max(-180, math.floor(lon / CELL_DEGREES) * CELL_DEGREES)))


def data_cells(points: Iterable[tuple[float, float]], boxes: Iterable[tuple[float, float, float, float]] = ()
               ) -> frozenset[tuple[int, int]]:
    """The cells (south-west corner, degrees) holding a ``(lat, lon)`` point or meeting a ``(south, west, north, east)`` box."""
    found = {_cell(lat, lon) for lat, lon in points}
    for south, west, north, east in boxes:
        s, w = _cell(south, west)
        n, e = _cell(north, east)
        found.update((a, o) for a in range(s, n + 1, CELL_DEGREES) for o in range(w, e + 1, CELL_DEGREES))
    return frozenset(found)


def layer_cells(layers: Iterable[Mapping[str, Any]]) -> frozenset[tuple[int, int]]:
    """The cells holding a vertex of any feature of ``layers`` (as :func:`~geoconflict.maps.layers.build_layers` makes them).

    >>> from geoconflict.maps.layers import build_layers
    >>> from geoconflict.model import Event, Place
    >>> sorted(layer_cells(build_layers([Event("meeting", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))])))
    [(50, 30)]
    """
    lats: list[npt.NDArray[np.int64]] = []
    lons: list[npt.NDArray[np.int64]] = []
    for layer in layers:
        for run_lats, run_lons in _coordinate_runs(layer):
            lats.append(np.asarray(run_lats, dtype=np.int64))
            lons.append(np.asarray(run_lons, dtype=np.int64))
    if not lats:
        return frozenset()
    step = CELL_DEGREES * SCALE
    lat = np.clip(np.floor_divide(np.concatenate(lats), step) * CELL_DEGREES, -90, 90 - CELL_DEGREES)
    lon = np.clip(np.floor_divide(np.concatenate(lons), step) * CELL_DEGREES, -180, 180 - CELL_DEGREES)
    return frozenset(zip(lat.tolist(), lon.tolist(), strict=True))


def _grid(cells: Iterable[tuple[int, int]]) -> npt.NDArray[np.bool_]:
    grid = np.zeros((_ROWS, _COLS), dtype=bool)
    for lat, lon in cells:
        grid[(lat + 90) // CELL_DEGREES, (lon + 180) // CELL_DEGREES] = True
    return grid


def _dilate(grid: npt.NDArray[np.bool_], reach: int) -> npt.NDArray[np.bool_]:
    """Every cell within ``reach`` cells (rows and columns) of a marked one."""
    out = grid.copy()
    for axis in (0, 1):
        spread = out.copy()
        for step in range(1, reach + 1):
            if axis == 0:
                spread[step:] |= out[:-step]
                spread[:-step] |= out[step:]
            else:
                spread[:, step:] |= out[:, :-step]
                spread[:, :-step] |= out[:, step:]
        out = spread
    return out


def region_cells(cells: Iterable[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
    """The cells within ``reach`` cells (rows and columns) of ``cells``, south to north, west to east.

    >>> len(region_cells([(51, 35)], 2))
    25
    """
    rows, cols = np.nonzero(_dilate(_grid(cells), reach))
    return list(zip((rows * CELL_DEGREES - 90).tolist(), (cols * CELL_DEGREES - 180).tolist(), strict=True))


def dilated_region(cells: Iterable[tuple[int, int]], reach: int) -> shapely.Geometry:
    """The union of the cells within ``reach`` cells of ``cells``, within Mercator's latitudes."""
    found = region_cells(cells, reach)
    if not found:
        return shapely.Polygon()
    south = np.array([c[0] for c in found], dtype=float)
    west = np.array([c[1] for c in found], dtype=float)
    boxes = shapely.box(west, np.maximum(south, -_MERCATOR_LAT), west + CELL_DEGREES,
                        np.minimum(south + CELL_DEGREES, _MERCATOR_LAT))
    boxes = boxes[~shapely.is_empty(boxes) & (shapely.area(boxes) > 0)]
    if not len(boxes):
        return shapely.Polygon()
    return shapely.normalize(shapely.coverage_union_all(boxes))
