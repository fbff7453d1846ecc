"""GeoPackage layers written in bulk: GDAL makes the layers and their spatial index, SQLite takes the rows.

GDAL (through pyogrio) writes a GeoPackage one feature at a time, each field set
and bound on its own: a million table rows of the events schema took 20 s of the
40 s :func:`geoconflict.model.io.write_geopackage` spent on them. Here GDAL still
creates every layer (its table, columns, metadata, its empty R-tree table and
triggers, as ``pyogrio.write_dataframe`` of the frame's first zero rows makes
them); the rows are inserted with Python's :mod:`sqlite3` in one transaction,
GDAL's triggers set aside meanwhile and restored at the end:

* :meth:`GeoPackageWriter.append_frame` inserts a frame's rows, each column
  turned into values SQLite binds as they are (``Int64`` as whole numbers, exact
  above 2**53, missing values as NULL; dates as GDAL writes them), and each
  feature's bounds into the layer's R-tree (SQLite's own ``rtree`` module, the
  values GDAL's insert trigger gives it);
* the geometries are GeoPackage blobs (:func:`geometry_blob`, the plain
  reference; :func:`geometry_blobs` and :func:`point_blobs`, vectorised).

A table's events, a million rows whose columns repeat (places, provenances,
lists of actors), and its territory rows' claims (no geometry of their own) go
the other way: :meth:`GeoPackageWriter.write_coded` hands
GDAL Arrow record batches (``pyogrio.write_arrow``), each distinct value's
columns converted once and taken by each row's code in Arrow, the points as WKB
(:func:`point_wkbs`), and GDAL writes that layer whole, its R-tree included
(measured at a million rows: the same CPU time as inserting the rows with SQLite
from shared temporary tables and indexing them after, which this replaced), with
SQLite's page cache at :data:`BUILD_CACHE_KIB` meanwhile.

The file is the same GeoPackage GDAL writes itself (``tests/test_gpkg_columns.py``
compares the two, blob by blob); a folder's temporary file is written with
SQLite's journal off, since :func:`geoconflict._files.replacing` renames it over
the target only once complete.

Whole numbers above 2**53 stay exact in the file, but GDAL reads an integer
column that has a missing value through float64; the reader of
:mod:`geoconflict.model.io` reads such columns again from the SQLite table
(:func:`exact_integers`).

Examples
--------
>>> from shapely.geometry import Point
>>> geometry_blob(Point(30.5, 50.25)).hex()
'47500001e6100000010100000000000000008...'
>>> point_blobs([30.5], [50.25]) == [geometry_blob(Point(30.5, 50.25))]
True
"""

from __future__ import annotations

import contextlib
import sqlite3
import struct
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict._gpkgchild import BUILD_CACHE_KIB, GDAL_BUILD_OPTIONS, SRS_ID, WKB_COLUMN, write_layer
from geoconflict.model import frames

#: GDAL's SQLite settings while it writes a layer (the name the benchmarks and tests read).
_GDAL_BUILD_OPTIONS = GDAL_BUILD_OPTIONS

__all__ = ["BUILD_CACHE_KIB", "SRS_ID", "GeoPackageWriter", "arrow_column", "coded_batches", "coded_schema", "exact_integers", "geometry_blob", "geometry_blobs",
           "point_blobs", "write_layer"]

#: A column's values: a list or a numpy array.
Values = Sequence[Any] | np.ndarray
#: GeoPackage geometry blob header (spec 2.1.3): magic, version, flags, srs id (little-endian).
_HEADER = struct.Struct("<2sBBi")
_MAGIC, _VERSION = b"GP", 0
#: Header flags: bit 0 little-endian; bits 1-3 the envelope (0 none, 1 [minx, maxx, miny, maxy],
#: 2 the same and [minz, maxz]); bit 4 empty.
FLAG_LITTLE_ENDIAN, FLAG_ENVELOPE_XY, FLAG_ENVELOPE_XYZ, FLAG_EMPTY = 0x01, 0x02, 0x04, 0x10
_ENVELOPE, _ENVELOPE_Z = struct.Struct("<4d"), struct.Struct("<6d")
#: A point's blob as GDAL writes it: the header without envelope, then the point's little-endian WKB.
_POINT_BLOB = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                        ("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_WKB_POINT = 1
#: A point's ISO WKB, little-endian (the blob less its GeoPackage header).
_POINT_WKB = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
#: The geometry column of :meth:`GeoPackageWriter.write_coded`'s batches, and its GeoArrow marking.
_WKB_COLUMN = WKB_COLUMN
_WKB_EXTENSION = {b"ARROW:extension:name": b"geoarrow.wkb"}
#: The geometry column and the feature id column GDAL gives every layer.
GEOMETRY_COLUMN, FID_COLUMN = "geom", "fid"
#: SQLite's settings while the temporary file is built (it is renamed over the target only when complete).
_BUILD_PRAGMAS = ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA temp_store = MEMORY")


# --------------------------------------------------------------------------- geometry blobs


def geometry_blob(geometry: BaseGeometry | None) -> bytes | None:
    """One geometry as a GeoPackage blob, as GDAL writes it (the plain reference of :func:`geometry_blobs`).

    A point has no envelope; any other geometry its ``[minx, maxx, miny, maxy]``
    (and ``[minz, maxz]`` when it has z); an empty geometry the empty flag and no
    envelope. The WKB is ISO's, little-endian. None is NULL.
    """
    if geometry is None:
        return None
    wkb = shapely.to_wkb(geometry, output_dimension=3, byte_order=1, flavor="iso")
    if geometry.is_empty:
        return _HEADER.pack(_MAGIC, _VERSION, FLAG_LITTLE_ENDIAN | FLAG_EMPTY, SRS_ID) + wkb
    if geometry.geom_type == "Point":
        return _HEADER.pack(_MAGIC, _VERSION, FLAG_LITTLE_ENDIAN, SRS_ID) + wkb
    minx, miny, maxx, maxy = geometry.bounds
    if geometry.has_z:
        z = shapely.get_coordinates(geometry, include_z=True)[:, 2]
        return (_HEADER.pack(_MAGIC, _VERSION, FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XYZ, SRS_ID)
                + _ENVELOPE_Z.pack(minx, maxx, miny, maxy, np.nanmin(z), np.nanmax(z)) + wkb)
    return (_HEADER.pack(_MAGIC, _VERSION, FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XY, SRS_ID)
            + _ENVELOPE.pack(minx, maxx, miny, maxy) + wkb)


def geometry_blobs(geometries: Sequence[BaseGeometry | None]) -> list[bytes | None]:
    """:func:`geometry_blob` of each geometry, the WKB and bounds computed for all at once."""
    geoms = np.asarray(geometries, dtype=object)
    if not len(geoms):
        return []
    missing = np.array([g is None for g in geoms.tolist()], dtype=bool)
    wkbs = shapely.to_wkb(geoms, output_dimension=3, byte_order=1, flavor="iso").tolist()
    empty = shapely.is_empty(geoms) & ~missing
    with_z = shapely.has_z(geoms) & ~empty
    point = (shapely.get_type_id(geoms) == shapely.GeometryType.POINT) & ~empty
    bounds = shapely.bounds(geoms)[:, [0, 2, 1, 3]].astype("<f8")  # minx, maxx, miny, maxy
    headers = {flags: _HEADER.pack(_MAGIC, _VERSION, flags, SRS_ID) for flags in
               (FLAG_LITTLE_ENDIAN, FLAG_LITTLE_ENDIAN | FLAG_EMPTY, FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XY)}
    out: list[bytes | None] = []
    for i, wkb in enumerate(wkbs):
        if missing[i]:
            out.append(None)
        elif with_z[i]:  # rare (a KML conversion's polygon): its z range, as the reference finds it
            out.append(geometry_blob(geoms[i]))
        elif empty[i]:
            out.append(headers[FLAG_LITTLE_ENDIAN | FLAG_EMPTY] + wkb)
        elif point[i]:
            out.append(headers[FLAG_LITTLE_ENDIAN] + wkb)
        else:
            out.append(headers[FLAG_LITTLE_ENDIAN | FLAG_ENVELOPE_XY] + bounds[i].tobytes() + wkb)
    return out


def point_blobs(lon: Values, lat: Values) -> list[bytes]:
    """The blobs of points (lon, lat), built as one numpy record array: :func:`geometry_blob`'s for points."""
    blobs = np.zeros(len(lon), dtype=_POINT_BLOB)
    blobs["magic"], blobs["version"], blobs["flags"], blobs["srs"] = _MAGIC, _VERSION, FLAG_LITTLE_ENDIAN, SRS_ID
    blobs["order"], blobs["type"], blobs["x"], blobs["y"] = 1, _WKB_POINT, lon, lat
    raw = blobs.tobytes()
    size = _POINT_BLOB.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]


def point_wkbs(lon: Values, lat: Values):
    """The points (lon, lat) as a pyarrow binary array of ISO WKB, little-endian (what GDAL reads from Arrow)."""
    import pyarrow as pa

    wkb = np.zeros(len(lon), dtype=_POINT_WKB)
    wkb["order"], wkb["type"], wkb["x"], wkb["y"] = 1, _WKB_POINT, lon, lat
    offsets = np.arange(0, (len(lon) + 1) * _POINT_WKB.itemsize, _POINT_WKB.itemsize, dtype=np.int32)
    return pa.Array.from_buffers(pa.binary(), len(lon), [None, pa.py_buffer(offsets), pa.py_buffer(wkb.tobytes())])


# --------------------------------------------------------------------------- values SQLite binds


def _gdal_datetime(value: Any) -> str | None:
    """A date as GDAL writes a DATETIME field of a naive datetime at midnight."""
    return None if value is None else f"{value.isoformat()}T00:00:00"


def _bindable(values: Values, kind: str) -> list[Any]:
    """Python values of a column of type *kind* (:data:`geoconflict.model.frames.COLUMNS`) as SQLite binds them."""
    if kind == "date":
        return [_gdal_datetime(v) if isinstance(v, date) else None for v in values]
    if kind == "bool":
        return [None if v is None else int(bool(v)) for v in values]
    if kind == "float":
        return [None if v is None or v != v else float(v) for v in values]
    if kind == "int":
        return [None if v is None else int(v) for v in values]
    return list(values)


def _arrow_type(kind: str) -> Any:
    """The pyarrow type of a column type of :data:`geoconflict.model.frames.COLUMNS`."""
    import pyarrow as pa

    # text as large strings: pyarrow converts Python strings to them about twice as fast (GDAL writes both alike)
    return {"str": pa.large_string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "date": pa.timestamp("ms")}[kind]


def arrow_column(values: Values, kind: str):
    """A column of type *kind* (:data:`geoconflict.model.frames.COLUMNS`) as the pyarrow array GDAL writes as
    :func:`_bindable`'s values are bound: dates as naive midnight timestamps; :class:`OverflowError` beyond int64."""
    import pyarrow as pa

    if isinstance(values, pa.Array):  # converted already
        return values
    items = np.asarray(values, dtype=object)
    if kind == "date":
        items = np.array([datetime.combine(v, time()) if isinstance(v, date) else None for v in items.tolist()],
                         dtype=object)
    if kind == "str":  # text and None, converted without looking for NaN (several times faster); NaN too if any
        with contextlib.suppress(pa.ArrowInvalid, pa.ArrowTypeError):
            return pa.array(items, type=_arrow_type(kind))
    try:  # from_pandas: NaN is a missing value, as _bindable binds it
        return pa.array(items, type=_arrow_type(kind), from_pandas=True)
    except (pa.ArrowInvalid, OverflowError) as exc:  # pyarrow's word for an integer it cannot hold
        raise OverflowError(str(exc)) from None


def _frame_column(column) -> list[Any]:
    """A frame column (the dtypes of :func:`geoconflict.model.frames.to_geodataframe`, dates as datetime64) as values."""
    dtype = str(column.dtype)
    if dtype in ("Int64", "boolean"):
        values = column.astype(object).tolist()
        return [None if v is None or v is column.dtype.na_value else int(v) for v in values]
    if dtype.startswith("datetime64"):
        text = np.datetime_as_string(column.to_numpy(), unit="s").tolist()
        return [None if t == "NaT" else t for t in text]
    if dtype == "float64":
        return _bindable(column.tolist(), "float")
    return [None if v is None or v != v else v for v in column.tolist()]


# --------------------------------------------------------------------------- the spatial index


def _index_rows(fids: np.ndarray, geometries: np.ndarray) -> list[tuple[int, float, float, float, float]]:
    """The R-tree rows (``id, minx, maxx, miny, maxy``) of features *fids*: GDAL's insert trigger's values, for
    each geometry that is neither missing nor empty (the trigger skips those)."""
    bounds = shapely.bounds(geometries)  # NaN for a missing or empty geometry
    keep = ~np.isnan(bounds).any(axis=1)
    return list(zip(fids[keep].tolist(), *(bounds[keep, k].tolist() for k in (0, 2, 1, 3)), strict=True))


# --------------------------------------------------------------------------- Arrow batches GDAL writes


def n_rows(columns: Mapping[str, Values], points: tuple[np.ndarray, np.ndarray] | None) -> int:
    """The rows of :func:`coded_batches`'s arguments: the points', else the first column's."""
    return len(points[0]) if points is not None else len(next(iter(columns.values())))


def coded_schema(order: Sequence[str], kinds: Mapping[str, str]):
    """The Arrow schema of a layer's batches: the columns of *order* (types in *kinds*), then the WKB geometry."""
    import pyarrow as pa

    return pa.schema([*(pa.field(name, _arrow_type(kinds[name])) for name in order),
                      pa.field(_WKB_COLUMN, pa.binary(), metadata=_WKB_EXTENSION)])


def coded_batches(*, order: Sequence[str], shared: Mapping[str, tuple[Mapping[str, Values], np.ndarray]],
                  columns: Mapping[str, Values], kinds: Mapping[str, str], constants: Mapping[str, str],
                  points: tuple[np.ndarray, np.ndarray] | None, chunk: int) -> tuple[Any, Iterator[Any]]:
    """A layer's rows as Arrow record batches of *chunk* rows: ``(schema, batches)``.

    *shared* gives, per part, the columns of its distinct values (the last slot, None, a missing
    value) and each row's code into them; *columns* each row's own values; *constants* a text
    every row holds; *points* each row's ``(lon, lat)``, the geometry (None: no row has one). The columns are
    converted when this is called: a whole number beyond int64 raises :class:`OverflowError` here, before a
    batch is made.
    """
    import pyarrow as pa

    n = n_rows(columns, points)
    schema = coded_schema(order, kinds)
    own = {name: arrow_column(values, kinds[name]) for name, values in columns.items()}  # OverflowError here
    distinct = {name: (arrow_column(values, kinds[name]), codes)
                for part, codes in shared.values() for name, values in part.items()}

    def column(name: str, rows: slice):
        if name in own:
            return own[name][rows.start:rows.stop]
        if name in distinct:
            values, codes = distinct[name]
            return values.take(pa.array(codes[rows]))
        return pa.array(np.full(rows.stop - rows.start, constants.get(name), dtype=object), type=schema.field(name).type)

    def batches():
        for start in range(0, n, chunk):
            rows = slice(start, min(start + chunk, n))
            arrays = [column(name, rows) for name in order]
            arrays.append(pa.nulls(rows.stop - rows.start, pa.binary()) if points is None
                          else point_wkbs(points[0][rows], points[1][rows]))
            yield pa.RecordBatch.from_arrays(arrays, schema=schema)

    return schema, batches()


# --------------------------------------------------------------------------- the writer


def _total_bounds(geometries: np.ndarray) -> np.ndarray:
    """``[minx, miny, maxx, maxy]`` of the geometries that have coordinates (NaN when none has)."""
    bounds = shapely.bounds(geometries)
    bounds = bounds[~np.isnan(bounds).any(axis=1)]
    if not len(bounds):
        return np.full(4, np.nan)
    return np.concatenate([bounds[:, :2].min(axis=0), bounds[:, 2:].max(axis=0)])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class GeoPackageWriter:
    """Layers of one new GeoPackage written in bulk (see the module docs); use as a context manager.

    Parameters
    ----------
    path : pathlib.Path
        The file to write; it must not exist (GDAL creates it).
    unindexed : collection of str, optional
        Layers of features written without a spatial index (every other one has GDAL's R-tree).

    Examples
    --------
    >>> import tempfile, pathlib, pyogrio
    >>> from geoconflict.model import Event, Place, frames
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.gpkg"
    >>> with GeoPackageWriter(path) as out:
    ...     out.append_frame("events", frames.to_geodataframe([Event("meeting", kyiv)], kind="event"))
    >>> pyogrio.read_dataframe(path, layer="events")[["kind", "name", "lat"]].values.tolist()
    [['event', 'Kyiv', 50.45]]
    """

    def __init__(self, path: Path, *, unindexed: Collection[str] = ()) -> None:
        self.path = Path(path)
        self._unindexed = frozenset(unindexed)
        self._db: sqlite3.Connection | None = None
        self._layers: dict[str, int] = {}  # layer -> rows written
        self._bounds: dict[str, np.ndarray] = {}  # layer -> [minx, miny, maxx, maxy] of its geometries
        self._triggers: dict[str, list[str]] = {}  # layer -> GDAL's triggers (count, R-tree), set aside meanwhile
        self._indexed: set[str] = set()  # the layers with GDAL's R-tree table, filled here as rows go in
        self._written_by_gdal: dict[str, int] = {}  # layer -> rows: written whole by GDAL (write_coded)

    def __enter__(self) -> GeoPackageWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.close()
        elif self._db is not None:
            self._db.close()

    @property
    def layers(self) -> dict[str, int]:
        """The layers written so far, with their number of rows."""
        return {**self._layers, **self._written_by_gdal}

    # --- layers

    def create_layer(self, layer: str, frame) -> None:
        """Let GDAL create *layer* with the columns (and types) of *frame*, a GeoDataFrame (a layer of features)
        or a DataFrame (a table of attributes, no geometry); no rows, no index yet."""
        import pyogrio

        if self._db is not None:  # GDAL and this module's SQLite never hold the file at once
            self._db.commit()
            self._db.close()
            self._db = None
        spatial = hasattr(frame, "geometry")
        indexed = spatial and layer not in self._unindexed
        options: dict[str, Any] = {"geometry_type": "Unknown", "promote_to_multi": False,
                                   "layer_options": {"SPATIAL_INDEX": "YES" if indexed else "NO"}} if spatial else {}
        pyogrio.write_dataframe(frame.iloc[:0], self.path, layer=layer, driver="GPKG", append=self.path.exists(),
                                **options)
        self._layers[layer] = 0
        if indexed:
            self._indexed.add(layer)
        db = self._connection()
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                              (layer,)).fetchall()
        for name, _ in triggers:  # GDAL's feature count and R-tree, kept once per row: done in bulk instead
            db.execute(f"DROP TRIGGER {_quoted(name)}")
        self._triggers[layer] = [sql for _, sql in triggers]

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.path)
            for pragma in _BUILD_PRAGMAS:
                self._db.execute(pragma)
        return self._db

    def _grow(self, layer: str, rows: int, bounds: np.ndarray) -> None:
        self._layers[layer] += rows
        if not np.isnan(bounds).any():
            old = self._bounds.get(layer)
            self._bounds[layer] = bounds if old is None else np.concatenate([np.minimum(old[:2], bounds[:2]),
                                                                             np.maximum(old[2:], bounds[2:])])

    # --- rows

    def append_frame(self, layer: str, frame) -> None:
        """Append the rows of *frame* (a GeoDataFrame, as :func:`geoconflict.model.frames.to_geodataframe`
        makes it, dates as ``datetime64``; or a DataFrame, for a table without geometry) to *layer*, created
        from it when new."""
        if layer not in self._layers:
            self.create_layer(layer, frame)
        if not len(frame):
            return
        geometries = frame.geometry.to_numpy() if hasattr(frame, "geometry") else None
        fids = np.arange(self._layers[layer] + 1, self._layers[layer] + len(frame) + 1)  # as GDAL numbers them
        names = [c for c in frame.columns if geometries is None or c != frame.geometry.name]
        values = [fids.tolist(), *(_frame_column(frame[c]) for c in names)]
        names = [FID_COLUMN, *names]
        if geometries is not None:
            names, values = [GEOMETRY_COLUMN, *names], [geometry_blobs(geometries), *values]
        columns = ", ".join(_quoted(c) for c in names)
        with self._connection() as db:
            db.executemany(f"INSERT INTO {_quoted(layer)} ({columns}) VALUES ({', '.join('?' * len(values))})",
                           zip(*values, strict=True))
            if geometries is not None and layer in self._indexed:  # the rows GDAL's insert trigger would add, SQLite's rtree module taking them
                db.executemany(f"INSERT INTO {_quoted(f'rtree_{layer}_{GEOMETRY_COLUMN}')} VALUES (?, ?, ?, ?, ?)",
                               _index_rows(fids, geometries))
        self._grow(layer, len(frame), np.full(4, np.nan) if geometries is None else _total_bounds(geometries))

    def write_coded(self, layer: str, *, order: Sequence[str], shared: Mapping[str, tuple[Mapping[str, Values], np.ndarray]],
                    columns: Mapping[str, Values], kinds: Mapping[str, str], constants: Mapping[str, str],
                    points: tuple[np.ndarray, np.ndarray] | None, chunk: int,
                    progress: Callable[[int], object] | None = None) -> None:
        """Let GDAL write a new *layer* whole, fed Arrow record batches of *chunk* rows: its columns (named in
        *order*, types in *kinds*), rows, feature count, extent and R-tree index, all GDAL's own.

        The batches are :func:`coded_batches`'s (see there for *shared*, *columns*, *constants* and *points*);
        *progress* is called with each batch's rows as GDAL takes it. Whole numbers beyond int64 raise
        :class:`OverflowError` before anything is written.
        """
        import pyarrow as pa

        if self._db is not None:  # GDAL and this module's SQLite never hold the file at once
            self._db.commit()
            self._db.close()
            self._db = None
        schema, batches = coded_batches(order=order, shared=shared, columns=columns, kinds=kinds,
                                        constants=constants, points=points, chunk=chunk)  # OverflowError here

        def counted():
            for batch in batches:
                yield batch
                if progress is not None:
                    progress(batch.num_rows)

        write_layer(self.path, layer, pa.RecordBatchReader.from_batches(schema, counted()))
        self._written_by_gdal[layer] = n_rows(columns, points)

    # --- the end

    def close(self) -> None:
        """Set each layer's feature count and extent, and restore GDAL's triggers."""
        if not self._layers:
            return
        layers, self._layers = self._layers, {}
        db = self._connection()
        with db:
            for layer, rows in layers.items():
                db.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                           (rows, layer))
                if layer in self._bounds:
                    minx, miny, maxx, maxy = (float(v) for v in self._bounds[layer])
                    db.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                               "WHERE table_name = ?", (minx, miny, maxx, maxy, layer))
                for sql in self._triggers.get(layer, []):
                    db.execute(sql)
        db.close()
        self._db = None


# --------------------------------------------------------------------------- reading


def exact_integers(path: Path, layer: str, frame):
    """*frame* with the integer columns GDAL read as float64 (they have a missing value) read exactly.

    float64 rounds whole numbers above 2**53; the GeoPackage's SQLite table
    holds them exactly, in the order GDAL reads the rows (by ``fid``).
    """
    import pandas as pd

    rounded = [name for name, t in frames.COLUMNS["all"].items()
               if t == "int" and name in frame and frame[name].dtype.kind == "f"]
    if not rounded or not len(frame):
        return frame
    exact: dict[str, list[object]] = {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            for name in rounded:
                exact[name] = [row[0] for row in db.execute(f'SELECT "{name}" FROM "{layer}" ORDER BY fid')]
    except sqlite3.Error:  # not a table this module wrote (no fid column): GDAL's reading stands
        return frame
    frame = frame.copy()
    for name, values in exact.items():
        if len(values) == len(frame):
            frame[name] = pd.Series(values, index=frame.index, dtype=object)
    return frame
