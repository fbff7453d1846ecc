"""GeoJSON files of records (RFC 7946), written feature by feature and read back equal.

One FeatureCollection, (lon, lat) coordinates, counter-clockwise exterior
rings, no ``crs`` member; each place is a feature of kind ``place_table``, and
every movement, claim, combat area and event a feature whose properties are the
columns of :mod:`geoconflict.model.frames` (see :mod:`geoconflict.model.io` for
the layout). The mentions, nine in ten records of a corpus, are by default
(``mentions="columns"``) rows of the collection's ``"mentions"`` member, their
provenances rows of ``"provenances"``, and each place feature counts the
mentions and reports that name it (see :mod:`geoconflict.model.mentioncolumns`);
``mentions="features"`` writes each as a feature of kind ``place``, the layout
of files written before session 12, which read as they did.

Which to choose: the default for a file read by this package or by a GIS that
maps places and events (a GIS reads the place features with their counts, and
every event with its quote); ``mentions="features"`` when a GIS must list each
mention (its sentence, offsets, score) as a row, at about twice the size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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
from geoconflict.model.filelayout import PathLike, Records, progress_bar
from geoconflict.model.mentioncolumns import (
    COUNT_COLUMNS,
    MENTION_COLUMNS,
    MENTIONS_MEMBER,
    PROVENANCE_COLUMNS,
    PROVENANCES_MEMBER,
    MentionColumns,
    check_mentions,
    read_mention_members,
)
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
        "properties": {name: _json_value(value) for name in _counted_columns(kind, texts)
                       if _stated(name, value := row.get(name))},
        "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None,
    }


def _texts_member(table: PlaceTable) -> dict[str, str]:
    """The GeoJSON member of the texts first referred to since the last call: id -> text."""
    return {row["id"]: row["text"] for row in table.new_text_rows()}


class _Collection:
    """The parts of one collection at a *detail*, *texts* and *mentions* layout: its features, then its members.

    :meth:`features` gives the features of the records in turn; once they are all given, :meth:`members`
    gives the members after ``"features"``, each as ``(name, header, rows, footer)``: JSON text, the rows
    one per line. Each place's feature comes before the first record that names it, or, when mentions are
    columns, after the records, counting the mentions of it (:mod:`geoconflict.model.mentioncolumns`).
    """

    def __init__(self, *, detail: str, texts: str, mentions: str) -> None:
        self.table = PlaceTable(detail=check_detail(detail), texts=check_texts(texts))
        self.texts = texts
        self.columns = MentionColumns(self.table) if check_mentions(mentions) == "columns" else None
        self.mention_rows: list[str] = []

    def features(self, records: Iterable[Record | Mention]) -> Iterator[dict[str, Any]]:
        """Each record's feature (a mention's row, when mentions are columns) and each place's."""
        table, columns = self.table, self.columns
        for record in records:
            if columns is not None and isinstance(record, Mention):
                self.mention_rows.append(columns.add(record))
                continue
            row, geometry = frames.record_to_row(record, table=table)
            if columns is None:
                yield from self._places()
            yield _feature(row, geometry, self.texts)
        yield from self._places()

    def _places(self) -> Iterator[dict[str, Any]]:
        """The features of the places first named since the last call (with their counts, mentions as columns)."""
        for row, geometry in self.table.new_rows(None if self.columns is None else self.columns.counts):
            yield _feature(row, geometry, self.texts)

    def members(self) -> Iterator[tuple[str, str, list[str], str]]:
        """The members after ``"features"``: the mentions' columns and their provenances', then the texts."""
        if self.columns is not None and self.mention_rows:
            for name, names, rows in ((MENTIONS_MEMBER, MENTION_COLUMNS, self.mention_rows),
                                      (PROVENANCES_MEMBER, PROVENANCE_COLUMNS, self.columns.provenance_rows())):
                yield name, f'{{"columns":{json.dumps(list(names))},"rows":[', rows, "]}"
        texts = [f"{json.dumps(found)}:{json.dumps(text, ensure_ascii=False)}"
                 for found, text in _texts_member(self.table).items()]
        if texts:
            yield TEXTS_MEMBER, "{", texts, "}"


def _counted_columns(kind: str, texts: str) -> tuple[str, ...]:
    return _feature_columns(kind, texts) + (COUNT_COLUMNS if kind == PLACE_TABLE else ())


def to_feature_collection(records: Records, *, detail: str = "full", texts: str = "inline",
                          mentions: str = "columns") -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (a dict) of records, as :func:`write_geojson` writes it."""
    parts = _Collection(detail=detail, texts=texts, mentions=mentions)
    collection: dict[str, Any] = {"type": "FeatureCollection", "generator": GENERATOR,
                                  "features": list(parts.features(records))}
    for name, header, rows, footer in parts.members():
        collection[name] = json.loads(header + ",".join(rows) + footer)
    return collection


def write_geojson(events: Records, path: PathLike, *, detail: str = "full", texts: str = "inline",
                  mentions: str = "columns", progress: bool | None = None) -> Path:
    """Write records as one RFC 7946 FeatureCollection (UTF-8), one feature at a time.

    Parameters
    ----------
    events : EventSet or iterable of records
    path : path-like
        Replaced only once the new file is complete.
    detail : {"full", "simplified", "point"}
        How much of each polygon to write (see the module docs).
    texts : {"inline", "table"}
        The features' quotes and reasons in every feature (``"inline"``, the
        default: GDAL, QGIS and geopandas see them), or once each in the
        collection's ``"texts"`` member, which features refer to by id
        (``"table"``: a smaller file, whose texts only this package's reader
        resolves; see the module docs).
    mentions : {"columns", "features"}
        The mentions as columns in the collection's ``"mentions"`` member,
        keyed to the place features, which count them (``"columns"``, the
        default: about half the file; see
        :mod:`geoconflict.model.mentioncolumns`), or each as a feature of kind
        ``place`` that every GIS shows (``"features"``, the layout until session 11).
    progress : bool, optional
        Show a progress bar (default: when standard error is a terminal).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    parts = _Collection(detail=detail, texts=texts, mentions=mentions)
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8") as handle:
        # the header as json.dumps writes it: how a folder's earlier outputs are recognised (geoconflict.inputs)
        handle.write(f'{{"type": "FeatureCollection", "generator": "{GENERATOR}", "features": [')
        separator = "\n"
        for feature in parts.features(progress_bar(events, path, progress)):
            handle.write(separator + json.dumps(feature, ensure_ascii=False, allow_nan=False, separators=_COMPACT))
            separator = ",\n"
        handle.write("\n]")
        for name, header, rows, footer in parts.members():  # after the features, which name what they hold
            handle.write(f',\n"{name}":{header}\n')
            handle.write(",\n".join(rows))
            handle.write(f"\n{footer}")
        handle.write("}\n")
    return path


def read_geojson(path: PathLike) -> EventSet:
    """Read a FeatureCollection written by :func:`write_geojson`, in either layout of its mentions.

    Files written before the ``"mentions"`` member existed (each mention a feature) read as they did.

    Raises
    ------
    FormatError
        Naming the file and feature (or member, row and column) when the file is not such a collection.
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
    records = _feature_records(features, table, path)
    try:
        records.extend(read_mention_members(data, table))
    except FormatError as exc:
        raise FormatError(str(exc), path=str(path)) from exc
    return EventSet(records)


def _feature_records(features: list[Any], table: PlaceTable, path: Path) -> list[Record | Mention]:
    """The records of *features*, once *table* holds their place features' places."""
    for number, feature in enumerate(features, start=1):
        try:
            properties, shape = _feature_parts(feature)
            if properties.get("kind") == PLACE_TABLE:
                table.add_row(properties, shape)
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    records: list[Record | Mention] = []
    for number, feature in enumerate(features, start=1):
        properties, shape = _feature_parts(feature)
        if properties.get("kind") == PLACE_TABLE:
            continue
        try:
            records.append(frames.row_to_record(properties, shape, table=table))
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    return records


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
