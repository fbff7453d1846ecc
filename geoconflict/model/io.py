"""Write and read event sets as GeoJSON, GeoPackage and CSV, losslessly, safely, sized by events.

* GeoJSON follows RFC 7946: one FeatureCollection, (lon, lat) coordinates,
  counter-clockwise exterior rings, no ``crs`` member; every record is a
  feature whose properties are the columns of :mod:`geoconflict.model.frames`.
* GeoPackage has one layer per kind (``places``, ``movements``, ``claims``,
  ``combats``, ``events``), GDAL's own layers and R-tree index with the rows
  inserted in bulk (:mod:`geoconflict.model.gpkg`); QGIS opens it directly.
* CSV has the columns of the mixed frame and the geometry as WKT.

**Each place and each text once.** Each place is written once per file, as a
row of kind ``place_table`` (a ``place_table`` layer in a GeoPackage) with its
polygon, or its point when it has none, that the records naming it refer to by
id; a mention's own geometry is its place's point. ``detail=`` chooses how much
of each polygon is written: ``"full"`` (the default: the file reads back
equal), ``"simplified"`` or ``"point"`` (see :mod:`geoconflict.model.placetable`).
With ``texts="table"`` (the GeoPackage's default) each distinct quote and
reason is written once, and records hold its id in ``quote_ref`` /
``reason_ref``: in a GeoPackage as the table ``text_table`` (``id``, ``text``;
no geometry), which QGIS joins, in GeoJSON as the collection's member
``"texts"`` (an object from id to text, after ``"features"``). GDAL, and so
QGIS and geopandas, ignore such a GeoJSON member: they would read every
feature, place and geometry, but see a quote as its id. So a GeoJSON keeps its
texts in every feature by default (``texts="inline"``), a file any GIS reads
whole; ``texts="table"`` makes it smaller for readers of this package. A CSV,
read in spreadsheets, keeps its texts inline.

**Derived lines rounded.** A movement's line is computed from its origin and
destination, which the file holds exactly; GeoJSON writes its coordinates to
:data:`DERIVED_DECIMALS` decimals (RFC 7946, section 11.2), and the reader
computes the line again.

**Safe writes.** Every writer streams its records (``progress=True`` shows a
tqdm bar; the default shows one when standard error is a terminal) into a
temporary file beside the target and renames it over the target only when it
is complete: an error or Ctrl-C part-way leaves the previous file as it was and
no temporary file behind. A folder that does not exist or cannot be written is an
:class:`~geoconflict.errors.OutputError` naming the path.

**Spreadsheet formulas.** A CSV text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would run as a formula when the file is opened
in a spreadsheet (OWASP's "CSV injection"), so :func:`write_csv` writes it with a
leading apostrophe (``'=1+1``), as does a cell that starts with an apostrophe
itself; :func:`read_csv_events` takes that one apostrophe off again, so the round
trip is exact. Numbers, dates and the WKT geometry are never prefixed.

Reading any of them back gives records equal to those written.

Examples
--------
>>> import tempfile, pathlib
>>> from geoconflict import EventSet, Event, Place, read_geojson, write_geojson
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> events = EventSet([Event("meeting", kyiv, actors=("Laurynas Kasčiūnas", "Volodymyr Zelensky"))])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "events.geojson"
>>> _ = write_geojson(events, path)
>>> read_geojson(path) == events
True
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Sized
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry
from tqdm import tqdm

from geoconflict._files import replacing
from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model import Mention, Record, frames, gpkg
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.eventset import EventSet
from geoconflict.model.geometry import CRS
from geoconflict.model.placetable import (
    PLACE_TABLE,
    PLACE_TABLE_COLUMNS,
    TEXT_TABLE,
    PlaceTable,
    check_detail,
    check_texts,
)

__all__ = [
    "LAYERS",
    "read_csv_events",
    "read_geojson",
    "read_geopackage",
    "write_csv",
    "write_geojson",
    "write_geopackage",
]

#: The GeoJSON member naming the writer (RFC 7946 allows such foreign members): how a folder's
#: earlier outputs are told from its inputs (:func:`geoconflict.inputs.list_inputs`).
GENERATOR = "geoconflict"
#: The GeoJSON member holding the text table: an object from id to text (see the module docs).
TEXTS_MEMBER = "texts"
#: Decimals of the coordinates of a derived line in GeoJSON (a movement's: about 0.1 m; RFC 7946, section 11.2).
DERIVED_DECIMALS = 6
#: The compact separators of the GeoJSON writer (no space after a comma or a colon).
_COMPACT = (",", ":")
#: GeoPackage layer name for each record kind.
LAYERS = {"place": "places", "movement": "movements", "claim": "claims", "combat": "combats", "event": "events"}
#: Records converted and written to a GeoPackage layer at a time (memory stays bounded by it).
GPKG_CHUNK_RECORDS = 2_000
#: Rows of a table read as columns written to a GeoPackage at a time (the progress bar moves by as many).
GPKG_CHUNK_ROWS = 100_000
#: The largest CSV cell read (a country's polygon as WKT runs to megabytes; csv's default is 128 KiB).
CSV_FIELD_LIMIT = 2**31 - 1
#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The prefix that keeps such a cell text in a spreadsheet; the CSV reader removes it.
FORMULA_GUARD = "'"

PathLike = str | os.PathLike[str]
Records = EventSet | Iterable[Record | Mention]

#: The CSV columns holding text (the only cells ever prefixed with :data:`FORMULA_GUARD`).
_TEXT_COLUMNS = frozenset(name for name, t in frames.COLUMNS["all"].items() if t == "str")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# --------------------------------------------------------------------------- safe, streamed writing


def _progress(records: Records, path: Path, progress: bool | None) -> Iterable[Record | Mention]:
    """*records* with a tqdm bar on standard error (``None``: shown when it is a terminal)."""
    return tqdm(records, total=len(records) if isinstance(records, Sized) else None, unit="record",
                desc=f"writing {path.name}", disable=None if progress is None else not progress, leave=False)


def _rows(records: Iterable[Record | Mention], table: PlaceTable) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each record's ``(columns, geometry)``, preceded by the place-table rows of the places it first names."""
    for record in records:
        row, geometry = frames.record_to_row(record, table=table)
        yield from table.new_rows()
        yield row, geometry


# --------------------------------------------------------------------------- GeoJSON


#: The columns of a mention that refers to its place-table row, which holds them: not written in its feature.
_IN_PLACE_TABLE = frozenset(frames.PLACE_COLUMNS) - {"name"}
#: The columns of texts in a text table: not written in a feature when the texts are inline.
_TEXT_REFS = frozenset({"quote_ref", "reason_ref"})


def _feature_columns(row: dict[str, Any], texts: str) -> Iterable[str]:
    """The properties of *row*'s feature: its kind's columns but those its layout always leaves empty."""
    kind = row["kind"]
    if kind == PLACE_TABLE:
        return PLACE_TABLE_COLUMNS
    left = _TEXT_REFS if texts == "inline" else frozenset()
    if kind == "place" and row.get("place_ref") is not None:
        left |= _IN_PLACE_TABLE
    return [name for name in frames.COLUMNS[kind] if name not in left] if left else frames.COLUMNS[kind]


def _feature(row: dict[str, Any], geometry: BaseGeometry | None, texts: str = "table") -> dict[str, Any]:
    kind = row["kind"]
    names = _feature_columns(row, texts)
    if kind == "movement" and geometry is not None:  # derived from the places: the reader computes it again
        geometry = shapely.transform(geometry, lambda xy: np.round(xy, DERIVED_DECIMALS))
    return {
        "type": "Feature",
        "properties": {name: _json_value(row.get(name)) for name in names},
        "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None,
    }


def _texts_member(table: PlaceTable) -> dict[str, str]:
    """The GeoJSON member of the texts first referred to since the last call: id -> text."""
    return {row["id"]: row["text"] for row in table.new_text_rows()}


def to_feature_collection(records: Iterable[Record | Mention], *, detail: str = "full",
                          texts: str = "inline") -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (a dict) of records, place-table features and the texts member included."""
    table = PlaceTable(detail=detail, texts=texts)
    features = [_feature(row, geometry, texts) for row, geometry in _rows(records, table)]
    collection: dict[str, Any] = {"type": "FeatureCollection", "generator": GENERATOR, "features": features}
    if texts == "table":
        collection[TEXTS_MEMBER] = _texts_member(table)
    return collection


def write_geojson(events: Records, path: PathLike, *, detail: str = "full", texts: str = "inline",
                  progress: bool | None = None) -> Path:
    """Write records as one RFC 7946 FeatureCollection (UTF-8), one feature at a time.

    Parameters
    ----------
    events : EventSet or iterable of records
    path : path-like
        Replaced only once the new file is complete.
    detail : {"full", "simplified", "point"}
        How much of each polygon to write (see the module docs).
    texts : {"inline", "table"}
        Quotes and reasons in every feature (``"inline"``, the default: GDAL,
        QGIS and geopandas see them), or once each in the collection's
        ``"texts"`` member, which records refer to by id (``"table"``: a smaller
        file, whose texts only this package's reader resolves; see the module docs).
    progress : bool, optional
        Show a progress bar (default: when standard error is a terminal).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    table = PlaceTable(detail=check_detail(detail), texts=check_texts(texts))
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        # the header as json.dumps writes it: how a folder's earlier outputs are recognised (geoconflict.inputs)
        handle.write(f'{{"type": "FeatureCollection", "generator": "{GENERATOR}", "features": [')
        separator = "\n"
        for row, geometry in _rows(_progress(events, path, progress), table):
            handle.write(separator + json.dumps(_feature(row, geometry, texts), ensure_ascii=False, allow_nan=False,
                                                separators=_COMPACT))
            separator = ",\n"
        handle.write("\n]")
        if texts == "table":  # after the features, which name the texts as they come
            handle.write(f',\n"{TEXTS_MEMBER}":{{')
            separator = "\n"
            for found, text in _texts_member(table).items():
                handle.write(f"{separator}{json.dumps(found)}:{json.dumps(text, ensure_ascii=False)}")
                separator = ",\n"
            handle.write("\n}")
        handle.write("}\n")
    return path


def read_geojson(path: PathLike) -> EventSet:
    """Read a FeatureCollection written by :func:`write_geojson`.

    Raises
    ------
    FormatError
        Naming the file and feature when the file is not such a collection.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise FormatError(f"not a JSON file: {exc}", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise FormatError("expected a GeoJSON FeatureCollection", path=str(path))
    features = data.get("features", [])
    if not isinstance(features, list):
        raise FormatError("'features' is not a list", path=str(path))
    table = _geojson_texts(data.get(TEXTS_MEMBER), path)
    records = []
    for number, feature in enumerate(features, start=1):
        try:
            properties, shape = _feature_parts(feature)
            if properties.get("kind") == PLACE_TABLE:
                table.add_row(properties, shape)
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    for number, feature in enumerate(features, start=1):
        properties, shape = _feature_parts(feature)
        if properties.get("kind") == PLACE_TABLE:
            continue
        try:
            records.append(frames.row_to_record(properties, shape, table=table))
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    return EventSet(records)


def _geojson_texts(member: Any, path: Path) -> PlaceTable:
    """A reader's table holding the texts of a collection's ``"texts"`` member (None: no texts)."""
    table = PlaceTable()
    if member is None:
        return table
    if not isinstance(member, dict):
        raise FormatError(f"{TEXTS_MEMBER!r} is not an object of id to text", path=str(path), column=TEXTS_MEMBER)
    for found, text in member.items():
        try:
            table.add_text_row({"id": found, "text": text})
        except FormatError as exc:
            raise FormatError(f"{TEXTS_MEMBER!r}: {exc}", path=str(path), column=TEXTS_MEMBER) from exc
    return table


def _feature_parts(feature: Any) -> tuple[dict[str, Any], BaseGeometry | None]:
    """A feature's properties and shapely geometry; a :class:`FormatError` when it is not a feature."""
    if not isinstance(feature, dict):
        raise FormatError(f"expected a Feature object, got {type(feature).__name__}")
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise FormatError(f"'properties' must be an object, got {type(properties).__name__}")
    geometry = feature.get("geometry")
    try:
        return properties, shapely.geometry.shape(geometry) if geometry else None
    except (AttributeError, ValueError, TypeError, KeyError, IndexError, shapely.errors.GEOSException) as exc:
        raise FormatError(f"bad geometry: {exc!r}", column="geometry") from None


# --------------------------------------------------------------------------- GeoPackage


def _for_file(frame):
    """Date columns as ``datetime64`` so GIS tools see real dates."""
    import pandas as pd

    frame = frame.copy()
    for name, t in frames.COLUMNS["all"].items():
        if t == "date" and name in frame:
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ms]")
    return frame


def _chunks(records: Iterable[Record | Mention], size: int) -> Iterator[list[Record | Mention]]:
    iterator = iter(records)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _numbered_chunks(records: Iterable[Record | Mention], size: int) -> Iterator[tuple[int, list[Record | Mention]]]:
    """``(index of the chunk's first record, chunk)`` for chunks of *size* records."""
    start = 0
    for chunk in _chunks(records, size):
        yield start, chunk
        start += len(chunk)


def _in_input(exc: InvalidInputError, attribute: str, start: int, chunk: list[Record | Mention]) -> InvalidInputError:
    """*exc* (a field's value a frame cannot hold) naming the record's index in ``events.<attribute>``."""
    field = exc.field or ""
    at = next((i for i, record in enumerate(chunk)
               if frames.record_to_row(record, table=PlaceTable())[0].get(field) == exc.value), 0)
    limit = str(exc).split(" is above ", 1)[-1]
    return InvalidInputError(f"{field}: {exc.value} (the record events.{attribute}[{start + at}]) is above {limit}",
                             field=field, value=exc.value)


def write_geopackage(events: Records, path: PathLike, *, detail: str = "full", texts: str = "table",
                     progress: bool | None = None) -> Path:
    """Write one GeoPackage layer per kind present (see :data:`LAYERS`), the place table and the text table.

    Records are converted and written :data:`GPKG_CHUNK_RECORDS` at a time; the
    events of a table read as columns :data:`GPKG_CHUNK_ROWS` at a time, each
    distinct place, provenance and list of actors converted once
    (:mod:`geoconflict.model.gpkg`: GDAL makes the layers and their spatial
    index, SQLite takes the rows). An existing file is replaced once the new one
    is complete, so the file holds exactly these records. *detail* and
    *progress* are as in :func:`write_geojson`; *texts* ``"table"`` (the
    default) writes each quote and reason once, in the table ``text_table``
    (``id``, ``text``, no geometry), ``"inline"`` in every row.
    """
    events = events if isinstance(events, EventSet) else EventSet(events)
    columns = None
    if events.is_deferred:  # a table read as columns: its events are written from them, no record per row
        columns = events.event_columns()
        events = EventSet(events.non_events())
    path = Path(path)
    table = PlaceTable(detail=check_detail(detail), texts=check_texts(texts))
    total = len(events) + (0 if columns is None else len(columns))
    with replacing(path) as tmp, tqdm(total=total, unit="record", desc=f"writing {path.name}", leave=False,
                                      disable=None if progress is None else not progress) as bar:
        tmp.unlink()  # GDAL makes the GeoPackage itself
        with gpkg.GeoPackageWriter(tmp) as out:
            for attribute, (kind, layer) in zip(
                ("mentions", "movements", "claims", "combats", "events"), LAYERS.items(), strict=True
            ):
                for start, chunk in _numbered_chunks(getattr(events, attribute), GPKG_CHUNK_RECORDS):
                    try:
                        frame = frames.to_geodataframe(chunk, kind=kind, table=table)
                    except InvalidInputError as exc:  # a whole number beyond int64: name the record, not the row
                        raise _in_input(exc, attribute, start, chunk) from None
                    out.append_frame(layer, _for_file(frame))
                    _write_tables(out, table)
                    bar.update(len(chunk))
            if columns is not None and len(columns):
                _write_event_columns(out, columns, table, bar)
            if not out.layers:  # nothing to write: still leave a valid, empty GeoPackage
                import geopandas as gpd

                out.append_frame("events", gpd.GeoDataFrame({"kind": []}, geometry=[], crs=CRS))
    return path


def _write_tables(out: gpkg.GeoPackageWriter, table: PlaceTable) -> None:
    """The place-table and text-table rows of the places and texts first referred to since the last call."""
    places = frames.place_table_frame(table)
    if len(places):
        out.append_frame(PLACE_TABLE, places)
    texts = frames.text_table_frame(table)
    if len(texts):
        out.append_frame(TEXT_TABLE, texts)


def _write_event_columns(out: gpkg.GeoPackageWriter, columns: EventColumns, table: PlaceTable, bar: tqdm) -> None:
    """The events of a table read as columns: the columns rows share made once per distinct value, then GDAL
    writes the rows from Arrow batches (:meth:`~geoconflict.model.gpkg.GeoPackageWriter.write_coded`)."""
    import numpy as np

    layer = LAYERS["event"]
    kinds = frames.COLUMNS["event"]
    parts = frames.event_parts(places=columns.places, provenances=columns.provenances, actors=columns.actors,
                               table=table)
    _write_tables(out, table)
    place, codes = parts["place"]
    lon, lat = (np.array([np.nan if v is None else v for v in place[c]], dtype=np.float64)[codes] for c in ("lon", "lat"))
    try:
        out.write_coded(layer, order=list(kinds), shared=parts,
                        columns={name: columns.columns[name] for name in kinds if name in columns.columns},
                        kinds=kinds, constants={"kind": "event"}, points=(lon, lat), chunk=GPKG_CHUNK_ROWS,
                        progress=bar.update)
    except OverflowError:  # a whole number beyond int64, which a GeoPackage's INTEGER cannot hold
        raise _too_large_in_columns(columns, 0) from None


def _too_large_in_columns(columns: EventColumns, start: int) -> InvalidInputError:
    """The error naming the first row from *start* whose whole number is beyond int64."""
    for name, values in columns.columns.items():
        for row, value in enumerate(values[start:].tolist(), start=start):
            if isinstance(value, int) and abs(value) > frames.INT64_MAX:
                return InvalidInputError(
                    f"{name}: {value} (the table's event {row + 1}) is above {frames.INT64_MAX}, the largest whole "
                    "number a GeoPackage column holds; GeoJSON and CSV keep it exactly", field=name, value=value)
    return InvalidInputError("a whole number beyond int64", field=None, value=None)


def read_geopackage(path: PathLike) -> EventSet:
    """Read the layers written by :func:`write_geopackage` into an EventSet."""
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    present = {name for name, _ in pyogrio.list_layers(path)}
    table = _geopackage_tables(path, present)
    records: list[Record | Mention] = []
    for layer in LAYERS.values():
        if layer in present:
            frame = gpkg.exact_integers(path, layer, pyogrio.read_dataframe(path, layer=layer))
            if len(frame):
                try:
                    records.extend(frames.from_geodataframe(frame, table=table))
                except FormatError as exc:
                    raise FormatError(f"layer {layer!r}: {exc}", path=str(path)) from exc
    return EventSet(records)


def _geopackage_tables(path: Path, present: set[str]) -> PlaceTable:
    """A reader's table holding a GeoPackage's text table and place table (each when present)."""
    import pyogrio

    table = PlaceTable()
    for layer, add in ((TEXT_TABLE, lambda row, _: table.add_text_row(row)), (PLACE_TABLE, table.add_row)):
        if layer not in present:
            continue
        frame = pyogrio.read_dataframe(path, layer=layer)
        shapes = frame.geometry if "geometry" in frame else [None] * len(frame)
        for number, (row, geometry) in enumerate(zip(frame.drop(columns="geometry", errors="ignore").to_dict("records"),
                                                     shapes, strict=True), start=1):
            try:
                add(row, geometry)
            except FormatError as exc:
                raise FormatError(f"layer {layer!r}: {exc}", path=str(path), row=number) from exc
    return table


# --------------------------------------------------------------------------- CSV


def write_csv(events: Records, path: PathLike, *, detail: str = "full", progress: bool | None = None) -> Path:
    """Write the mixed frame as CSV (UTF-8), geometry as WKT in a ``geometry`` column.

    Text cells that a spreadsheet would run as a formula are prefixed with an
    apostrophe (see the module docs); *detail* and *progress* are as in
    :func:`write_geojson`.
    """
    path = Path(path)
    table = PlaceTable(detail=check_detail(detail))
    columns = list(frames.COLUMNS["all"])
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        _write_csv_rows(handle, columns, _rows(_progress(events, path, progress), table))
    return path


def _write_csv_rows(handle: IO[str], columns: list[str], rows: Iterable[tuple[dict[str, Any], Any]]) -> None:
    writer = csv.writer(handle)
    writer.writerow([*columns, "geometry"])
    for row, geometry in rows:
        writer.writerow([_csv_value(row.get(c), c in _TEXT_COLUMNS) for c in columns]
                        + [_wkt(geometry) if geometry is not None else ""])


def _wkt(geometry: BaseGeometry) -> str:
    """WKT with every coordinate written as Python's shortest exact repr (GEOS rounds)."""

    def seq(coords: Any) -> str:
        return "(" + ", ".join(" ".join(repr(float(v)) for v in c) for c in coords) + ")"

    def rings(coords: Any) -> str:
        return "(" + ", ".join(seq(r) for r in coords) + ")"

    data = shapely.geometry.mapping(geometry)
    kind, coords = data["type"], data["coordinates"]
    body = {
        "Point": lambda: seq([coords]),
        "LineString": lambda: seq(coords),
        "Polygon": lambda: rings(coords),
        "MultiLineString": lambda: rings(coords),
        "MultiPolygon": lambda: "(" + ", ".join(rings(p) for p in coords) + ")",
    }[kind]()
    return f"{kind.upper()} {body}"


def guard_formula(text: str) -> str:
    """*text* as a spreadsheet shows it literally: prefixed with an apostrophe when it starts like a formula.

    Examples
    --------
    >>> guard_formula("=HYPERLINK(1)"), guard_formula("'quoted"), guard_formula("Kyiv")
    ("'=HYPERLINK(1)", "''quoted", 'Kyiv')
    >>> all(unguard_formula(guard_formula(t)) == t for t in ("=1", "@SUM(A1)", "'x", "-", "a"))
    True
    """
    return FORMULA_GUARD + text if text.startswith((*FORMULA_STARTS, FORMULA_GUARD)) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula`."""
    return text[len(FORMULA_GUARD):] if text.startswith(FORMULA_GUARD) else text


def _csv_value(value: Any, text: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return guard_formula(str(value)) if text else str(value)


def read_csv_events(path: PathLike) -> EventSet:
    """Read a CSV written by :func:`write_csv`.

    Empty cells are missing values, so an empty text field reads back as None.
    The apostrophe that :func:`write_csv` puts before formula-like text is removed.
    """
    path = Path(path)
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FormatError(f"not a geoconflict CSV: {exc}", path=str(path)) from exc
    table = PlaceTable()
    parsed = []
    for number, row in enumerate(rows, start=1):
        wkt = row.pop("geometry", "") or ""
        values = {k: (unguard_formula(v) if k in _TEXT_COLUMNS else v) if v else None for k, v in row.items()}
        try:
            geometry: BaseGeometry | None = shapely.from_wkt(wkt) if wkt else None
            if values.get("kind") == PLACE_TABLE:
                table.add_row(values, geometry)
            else:
                parsed.append((number, values, geometry))
        except (FormatError, shapely.errors.GEOSException) as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    records = []
    for number, values, geometry in parsed:
        try:
            records.append(frames.row_to_record(values, geometry, table=table))
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    return EventSet(records)
