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
import zlib
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import shapely
from numpy.lib.npyio import NpzFile
from shapely import GeometryType

from geoconflict.errors import DataNotFoundError

__all__ = ["DATA_ENV", "PolygonLevel", "PolygonRef", "data_file", "polygons"]

DATA_ENV = "GEOCONFLICT_DATA"
LEVELS = ("country", "admin1", "admin2", "region")


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
    """The polygons of one level (``"country"``, ``"admin1"``, ``"admin2"`` or ``"region"``).

    Each polygon is stored as its own zlib-compressed chunk (see
    ``tools/build_gazetteer.py``), so decoding one costs microseconds.

    Attributes
    ----------
    place : numpy.ndarray
        Gazetteer row of each polygon.
    name, cc, code, admin1 : numpy.ndarray
        Name, ISO country code, GeoNames admin code and admin-1 name of each polygon.
    """

    def __init__(self, arrays, meta, level: str) -> None:
        self.level = level
        self._blob = arrays.bytes(f"{level}_blob")
        self._offsets = arrays[f"{level}_offsets"]
        self._bounds = arrays[f"{level}_bounds"]
        self._quant = float(arrays["quant"])
        # builds since the "oriented" flag store exterior rings counter-clockwise, as Place
        # would clean them; older builds' rings are oriented on decoding
        self._oriented = arrays.has("oriented") and bool(arrays["oriented"])
        self._meta = meta
        self._by_place: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getattr__(self, name: str):
        if name in ("place", "name", "cc", "code", "admin1"):
            value = self._meta[f"{self.level}_{name}"]
            setattr(self, name, value)
            return value
        raise AttributeError(name)

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
        chunk = self._blob[int(self._offsets[row]):int(self._offsets[row + 1])]
        raw = np.frombuffer(zlib.decompress(chunk), dtype=np.int32)
        n_parts, n_rings, n_coords = (int(v) for v in raw[:3])
        polys = raw[3:4 + n_parts]
        rings = raw[4 + n_parts:5 + n_parts + n_rings]
        deltas = raw[5 + n_parts + n_rings:].reshape(n_coords, 2)
        xy = np.cumsum(deltas, axis=0, dtype=np.int64) / self._quant
        geom = shapely.from_ragged_array(
            GeometryType.MULTIPOLYGON, xy, (rings.astype(np.int64), polys.astype(np.int64), np.array([0, n_parts]))
        )[0]
        return geom if self._oriented else shapely.orient_polygons(geom)

    def geometries(self, rows=None) -> np.ndarray:
        """Decode several polygons (all when *rows* is None)."""
        rows = range(len(self)) if rows is None else rows
        return np.array([self.geometry(int(r)) for r in rows], dtype=object)

    def bounds(self) -> np.ndarray:
        """``(n, 4)`` array of ``minx, miny, maxx, maxy`` per polygon."""
        return self._bounds


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _geometry_arrays():
    return _LazyNpz(data_file("geometries.npz")), _LazyNpz(data_file("polygons.npz"))


class _LazyNpz:
    """Members of a compressed ``.npz`` read on first access, thread-safely."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._cache: dict[str, np.ndarray] = {}
        self._bytes: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._file: NpzFile | None = None

    def _archive(self) -> NpzFile:
        """The open archive (opened on first use); call with the lock held."""
        if self._file is None:
            self._file = np.load(self._path)
        return self._file

    def __getitem__(self, key: str) -> np.ndarray:
        value = self._cache.get(key)
        if value is None:
            with self._lock:
                value = self._cache[key] = self._archive()[key]
        return value

    def has(self, key: str) -> bool:
        """Whether the archive has member *key*."""
        if key in self._cache:
            return True
        with self._lock:
            return key in self._archive().files

    def bytes(self, key: str) -> bytes:
        """A ``uint8`` member as :class:`bytes` (cached)."""
        value = self._bytes.get(key)
        if value is None:
            value = self._bytes[key] = self[key].tobytes()
        return value


@cache
def _polygon_file_size() -> int:
    return data_file("geometries.npz").stat().st_size


class PolygonRef:
    """A polygon of the shipped data named by level and row, decoded when called.

    A gazetteer place keeps one instead of its coordinates until they are
    used, and pickles as one (a few bytes, not a country's outline), so
    extraction results travel cheaply between processes. The size of the
    polygon file it indexes goes with it: a process whose data is another
    build refuses to decode it.

    Examples
    --------
    >>> import pickle
    >>> ref = PolygonRef("country", 0)
    >>> pickle.loads(pickle.dumps(ref))().equals(ref())
    True
    """

    __slots__ = ("level", "row", "data_size")
    #: read by Place when pickling: the reference, not the decoded polygon, is what travels
    pickles_by_reference = True

    def __init__(self, level: str, row: int, data_size: int | None = None) -> None:
        self.level, self.row = level, row
        self.data_size = _polygon_file_size() if data_size is None else data_size

    def __reduce__(self):
        return (PolygonRef, (self.level, self.row, self.data_size))

    def __call__(self) -> shapely.MultiPolygon:
        if _polygon_file_size() != self.data_size:
            raise DataNotFoundError(
                f"a place's {self.level} polygon refers to gazetteer data of another build "
                f"({self.data_size:,}-byte geometries.npz, this process has {_polygon_file_size():,} bytes): "
                "install the same geoconflict version (or GEOCONFLICT_DATA) in every process"
            )
        return polygons(self.level).geometry(self.row)

    def __repr__(self) -> str:
        return f"PolygonRef({self.level!r}, {self.row})"


@cache
def polygons(level: str) -> PolygonLevel:
    """The polygons of *level*, loaded once; coordinates are decoded on demand."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    with _LOCK:
        arrays, meta = _geometry_arrays()
        return PolygonLevel(arrays, meta, level)
