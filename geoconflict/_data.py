"""Where the embedded gazetteer data lives, and how its polygons are decoded.

The files are looked for, in this order:

1. the directory named by the ``GEOCONFLICT_DATA`` environment variable;
2. ``geoconflict/data/`` inside the installed package.

They are built by ``python tools/build_gazetteer.py`` (see
``geoconflict/data/SOURCES.md``).  This module imports neither the gazetteer
nor any rendering code, so both sides can use it.

Examples
--------
>>> from geoconflict._data import polygons
>>> level = polygons("country")
>>> row = level.find(code="UA")
>>> level.geometry(row).geom_type
'MultiPolygon'
"""

from __future__ import annotations

import os
import threading
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import shapely
from shapely import GeometryType

from .errors import DataNotFoundError

__all__ = ["DATA_ENV", "PolygonLevel", "data_file", "polygons"]

DATA_ENV = "GEOCONFLICT_DATA"
LEVELS = ("country", "admin1", "admin2")


def data_file(name: str) -> Path:
    """Path of an embedded data file, or :class:`DataNotFoundError` saying how to get it."""
    tried = []
    env = os.environ.get(DATA_ENV)
    if env:
        tried.append(Path(env) / name)
    tried.append(Path(__file__).resolve().parent / "data" / name)
    for path in tried:
        if path.is_file():
            return path
    raise DataNotFoundError(
        f"gazetteer data file {name!r} not found (looked in: {', '.join(map(str, tried))}); "
        f"reinstall geoconflict, or build it with `python tools/build_gazetteer.py` from a source "
        f"checkout, or point {DATA_ENV} at a directory that holds it"
    )


class PolygonLevel:
    """The polygons of one level (``"country"``, ``"admin1"`` or ``"admin2"``).

    Attributes
    ----------
    place : numpy.ndarray
        Gazetteer row of each polygon.
    name, cc, code, admin1 : numpy.ndarray
        Name, ISO country code, GeoNames admin code and admin-1 name of each polygon.
    """

    def __init__(self, arrays, level: str) -> None:
        self.level = level
        self._arrays = arrays
        self.place = arrays[f"{level}_place"]
        self.name = arrays[f"{level}_name"]
        self.cc = arrays[f"{level}_cc"]
        self.code = arrays[f"{level}_code"]
        self.admin1 = arrays[f"{level}_admin1"]
        self._quant = float(arrays["quant"])
        self._lock = threading.Lock()
        self._ragged = None
        self._bounds = None
        self._by_place = None

    def __len__(self) -> int:
        return len(self.place)

    def _load(self):
        with self._lock:
            if self._ragged is None:
                a, lv = self._arrays, self.level
                self._ragged = (a[f"{lv}_coords"], a[f"{lv}_rings"], a[f"{lv}_parts"], a[f"{lv}_feats"])
        return self._ragged

    def row_of_place(self, place_row: int) -> int | None:
        """Polygon row of a gazetteer row, or None."""
        if self._by_place is None:
            self._by_place = {int(p): i for i, p in enumerate(self.place)}
        return self._by_place.get(int(place_row))

    def find(self, *, code: str) -> int:
        """Row of the polygon with GeoNames admin code (or ISO code for countries) *code*."""
        hits = np.flatnonzero(self.code == code)
        if not len(hits):
            raise KeyError(code)
        return int(hits[0])

    def geometry(self, row: int) -> shapely.MultiPolygon:
        """Decode the polygon at *row*."""
        coords, rings, parts, feats = self._load()
        p0, p1 = int(feats[row]), int(feats[row + 1])
        r0, r1 = int(parts[p0]), int(parts[p1])
        c0, c1 = int(rings[r0]), int(rings[r1])
        xy = np.cumsum(coords[c0:c1], axis=0, dtype=np.int64) / self._quant
        return shapely.from_ragged_array(
            GeometryType.MULTIPOLYGON,
            xy,
            (rings[r0:r1 + 1] - c0, parts[p0:p1 + 1] - r0, np.array([0, p1 - p0])),
        )[0]

    def geometries(self, rows=None) -> np.ndarray:
        """Decode several polygons (all when *rows* is None)."""
        rows = range(len(self)) if rows is None else rows
        return np.array([self.geometry(int(r)) for r in rows], dtype=object)

    def bounds(self) -> np.ndarray:
        """``(n, 4)`` array of ``minx, miny, maxx, maxy`` per polygon, from the coordinates."""
        if self._bounds is None:
            coords, rings, parts, feats = self._load()
            starts = rings[parts[feats[:-1]]]
            ends = rings[parts[feats[1:]]]
            absolute = np.empty_like(coords, dtype=np.int64)
            np.cumsum(coords, axis=0, dtype=np.int64, out=absolute)
            # undo the running sum across features: subtract the sum before each start
            base = np.zeros((len(starts), 2), dtype=np.int64)
            ok = starts > 0
            base[ok] = absolute[starts[ok] - 1]
            out = np.zeros((len(starts), 4))
            for i, (s, e) in enumerate(zip(starts, ends)):
                if e > s:
                    seg = absolute[s:e] - base[i]
                    out[i, :2] = seg.min(axis=0)
                    out[i, 2:] = seg.max(axis=0)
            self._bounds = out / self._quant
        return self._bounds


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _geometry_arrays():
    return np.load(data_file("geometries.npz"))


@cache
def polygons(level: str) -> PolygonLevel:
    """The polygons of *level*, loaded once; coordinates are decoded on demand."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    with _LOCK:
        return PolygonLevel(_geometry_arrays(), level)
