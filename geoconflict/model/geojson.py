"""GeoJSON files of records (RFC 7946), written feature by feature and read back equal.

One FeatureCollection, (lon, lat) coordinates, counter-clockwise exterior
rings, no ``crs`` member; every record is a feature whose properties are the
columns of :mod:`geoconflict.model.frames`, and each place a feature of kind
``place_table`` (see :mod:`geoconflict.model.io` for the layout).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict._files import replacing
from geoconflict.errors import FormatError
from geoconflict.model import Mention, Record, frames
from geoconflict.model.eventset import EventSet
from geoconflict.model.filelayout import PathLike, Records, progress_bar, rows
from geoconflict.model.placetable import (
    PLACE_TABLE,
    PLACE_TABLE_COLUMNS,
    PlaceTable,
    check_detail,
    check_texts,
)

__all__ = ["DERIVED_DECIMALS", "GENERATOR", "TEXTS_MEMBER", "read_geojson", "to_feature_collection", "write_geojson"]

#: The GeoJSON member naming the writer (RFC 7946 allows such foreign members): how a folder's
#: earlier outputs are told from its inputs (:func:`geoconflict.inputs.list_inputs`).
GENERATOR = "geoconflict"
#: The GeoJSON member holding the text table: an object from id to text (see the module docs).
TEXTS_MEMBER = "texts"
#: Decimals of the coordinates of a derived line in GeoJSON (a movement's: about 0.1 m; RFC 7946, section 11.2).
DERIVED_DECIMALS = 6
#: The compact separators of the GeoJSON writer (no space after a comma or a colon).
_COMPACT = (",", ":")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@cache
def _feature_columns(kind: str, texts: str) -> tuple[str, ...]:
    """The properties a feature of *kind* may have: those its layout leaves empty never are (see
    :func:`geoconflict.model.frames.file_columns`)."""
    return tuple(PLACE_TABLE_COLUMNS) if kind == PLACE_TABLE else tuple(frames.file_columns(kind, texts))


def _stated(name: str, value: Any) -> bool:
    """Whether a property says something: not null, nor a value a missing one stands for (:data:`frames.UNSTATED`)."""
    return value is not None and not (name in frames.UNSTATED and frames.UNSTATED[name] == value)


def _feature(row: dict[str, Any], geometry: BaseGeometry | None, texts: str = "table") -> dict[str, Any]:
    """A record's (or place-table row's) feature: its stated properties only (see the module docs)."""
    kind = row["kind"]
    if kind == "movement" and geometry is not None:  # derived from the places: the reader computes it again
        geometry = shapely.transform(geometry, lambda xy: np.round(xy, DERIVED_DECIMALS))
    return {
        "type": "Feature",
        "properties": {name: _json_value(value) for name in _feature_columns(kind, texts)
                       if _stated(name, value := row.get(name))},
        "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None,
    }


def _texts_member(table: PlaceTable) -> dict[str, str]:
    """The GeoJSON member of the texts first referred to since the last call: id -> text."""
    return {row["id"]: row["text"] for row in table.new_text_rows()}


def to_feature_collection(records: Iterable[Record | Mention], *, detail: str = "full",
                          texts: str = "inline") -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (a dict) of records, place-table features and the texts member included."""
    table = PlaceTable(detail=detail, texts=texts)
    features = [_feature(row, geometry, texts) for row, geometry in rows(records, table)]
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
        for row, geometry in rows(progress_bar(events, path, progress), table):
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
