"""GeoPackages of records: one layer per kind, the place table and the text table, read back equal.

Layers ``places``, ``movements``, ``claims``, ``combats``, ``events`` (see
:data:`LAYERS`), GDAL's own layers and R-tree index with the rows inserted in
bulk (:mod:`geoconflict.model.gpkg`); QGIS opens it directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from tqdm import tqdm

from geoconflict._files import replacing
from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model import Mention, Record, TerritorialClaim, frames, gpkg
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.eventset import EventSet
from geoconflict.model.filelayout import PathLike, Records
from geoconflict.model.geometry import CRS
from geoconflict.model.placetable import PLACE_TABLE, TEXT_TABLE, PlaceTable, check_detail, check_texts

__all__ = ["GPKG_CHUNK_RECORDS", "GPKG_CHUNK_ROWS", "LAYERS", "UNINDEXED", "claim_layer", "read_geopackage",
           "table_frames", "write_geopackage", "write_tables"]

#: GeoPackage layer name for each record kind.
LAYERS = {"place": "places", "movement": "movements", "claim": "claims", "combat": "combats", "event": "events"}
#: The layers written without a spatial index: the mentions, whose points are their places' points, which
#: the place table indexes (about 55 bytes a mention: 4.2 of the 54 MB of 10,000 reports' GeoPackage).
UNINDEXED = frozenset({LAYERS["place"]})
#: Records converted and written to a GeoPackage layer at a time (memory stays bounded by it).
GPKG_CHUNK_RECORDS = 2_000
#: Rows of a table read as columns written to a GeoPackage at a time (the progress bar moves by as many).
GPKG_CHUNK_ROWS = 100_000


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
        with gpkg.GeoPackageWriter(tmp, unindexed=UNINDEXED) as out:
            if columns is not None and len(columns):  # first: a table's rows in file order (as streamed)
                _write_event_columns(out, columns, table, bar)
            for attribute, (kind, layer) in zip(
                ("mentions", "movements", "claims", "combats", "events"), LAYERS.items(), strict=True
            ):
                if attribute == "claims" and _write_claim_columns(out, events.claims, table, bar):
                    continue
                for start, chunk in _numbered_chunks(getattr(events, attribute), GPKG_CHUNK_RECORDS):
                    try:
                        frame = frames.to_geodataframe(chunk, kind=kind, table=table)[
                            [*frames.file_columns(kind, texts), "geometry"]]
                    except InvalidInputError as exc:  # a whole number beyond int64: name the record, not the row
                        raise _in_input(exc, attribute, start, chunk) from None
                    out.append_frame(layer, _for_file(frame))
                    write_tables(out, table)
                    bar.update(len(chunk))
            write_tables(out, table)
            if not out.layers:  # nothing to write: still leave a valid, empty GeoPackage
                import geopandas as gpd

                out.append_frame("events", gpd.GeoDataFrame({"kind": []}, geometry=[], crs=CRS))
    return path


def write_tables(out: gpkg.GeoPackageWriter, table: PlaceTable) -> None:
    """The place-table and text-table rows of the places and texts first referred to since the last call."""
    for layer, frame in table_frames(table):
        out.append_frame(layer, frame)


def table_frames(table: PlaceTable) -> list[tuple[str, Any]]:
    """The place-table and text-table rows not yet taken (:func:`write_tables`), as ``(layer, frame)`` for each
    that has any."""
    tables = [(PLACE_TABLE, frames.place_table_frame(table)), (TEXT_TABLE, frames.text_table_frame(table))]
    return [(layer, frame) for layer, frame in tables if len(frame)]


def _write_claim_columns(out: gpkg.GeoPackageWriter, claims: Sequence[TerritorialClaim], table: PlaceTable,
                         bar: tqdm) -> bool:
    """Claims without an area of their own (a table's territory rows) written by GDAL from Arrow batches, their
    provenances and areas converted once each (:func:`~geoconflict.model.frames.claim_parts`); False, and nothing
    written, when a claim has an area (or a whole number beyond int64, which the record path names)."""
    layer = claim_layer(claims, table)
    if layer is None:
        return False
    try:
        out.write_coded(LAYERS["claim"], **layer, chunk=GPKG_CHUNK_ROWS, progress=bar.update)
    except OverflowError:  # raised before anything is written: the records' path names the record
        return False
    write_tables(out, table)
    return True


def claim_layer(claims: Sequence[TerritorialClaim], table: PlaceTable) -> dict[str, Any] | None:
    """The claims layer's columns as :func:`~geoconflict.model.gpkg.coded_batches` takes them (the claims'
    places and texts entering *table*), for claims without an area of their own; None for none or any other."""
    parts = frames.claim_parts(claims, table=table) if len(claims) else None
    if parts is None:
        return None
    shared, own = parts
    return {"order": frames.file_columns("claim", table.texts), "shared": shared, "columns": own,
            "kinds": frames.COLUMNS["claim"], "constants": {"kind": "claim"}, "points": None}


def _write_event_columns(out: gpkg.GeoPackageWriter, columns: EventColumns, table: PlaceTable, bar: tqdm) -> None:
    """The events of a table read as columns: the columns rows share made once per distinct value, then GDAL
    writes the rows from Arrow batches (:meth:`~geoconflict.model.gpkg.GeoPackageWriter.write_coded`)."""
    import numpy as np

    layer = LAYERS["event"]
    kinds = frames.COLUMNS["event"]
    parts = frames.event_parts(places=columns.places, provenances=columns.provenances, actors=columns.actors,
                               table=table)
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
