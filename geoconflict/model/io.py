"""Write and read event sets as GeoJSON, GeoPackage and CSV, losslessly.

* GeoJSON follows RFC 7946: one FeatureCollection, (lon, lat) coordinates,
  counter-clockwise exterior rings, no ``crs`` member; every record is a
  feature whose properties are the columns of :mod:`geoconflict.model.frames`.
* GeoPackage has one layer per kind (``places``, ``movements``, ``claims``,
  ``combats``, ``events``), written with pyogrio; QGIS opens it directly.
* CSV has the columns of the mixed frame and the geometry as WKT.

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
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import FormatError
from geoconflict.model import Mention, Record, frames
from geoconflict.model.eventset import EventSet
from geoconflict.model.geometry import CRS

__all__ = [
    "LAYERS",
    "read_csv_events",
    "read_geojson",
    "read_geopackage",
    "write_csv",
    "write_geojson",
    "write_geopackage",
]

#: GeoPackage layer name for each record kind.
LAYERS = {"place": "places", "movement": "movements", "claim": "claims", "combat": "combats", "event": "events"}

PathLike = str | os.PathLike[str]


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def to_feature_collection(records: Iterable[Record | Mention]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (a dict) of records."""
    features = []
    for record in records:
        row, geometry = frames.record_to_row(record)
        features.append(
            {
                "type": "Feature",
                "properties": {name: _json_value(row.get(name)) for name in frames.COLUMNS[row["kind"]]},
                "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: EventSet | Iterable[Record | Mention], path: PathLike) -> Path:
    """Write records as one RFC 7946 FeatureCollection (UTF-8).

    Parameters
    ----------
    events : EventSet or iterable of records
    path : path-like

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    text = json.dumps(to_feature_collection(events), ensure_ascii=False, allow_nan=False)
    path.write_text(text, encoding="utf-8")
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
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(f"not a JSON file: {exc}", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise FormatError("expected a GeoJSON FeatureCollection", path=str(path))
    records = []
    for number, feature in enumerate(data.get("features", []), start=1):
        try:
            geometry = feature.get("geometry")
            shape = shapely.geometry.shape(geometry) if geometry else None
            records.append(frames.row_to_record(feature.get("properties") or {}, shape))
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
        except (AttributeError, ValueError, TypeError) as exc:
            raise FormatError(f"bad feature: {exc}", path=str(path), row=number) from exc
    return EventSet(records)


def _for_file(frame):
    """Date columns as ``datetime64`` so GIS tools see real dates."""
    import pandas as pd

    frame = frame.copy()
    for name, t in frames.COLUMNS["all"].items():
        if t == "date" and name in frame:
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ms]")
    return frame


def write_geopackage(events: EventSet | Iterable[Record | Mention], path: PathLike) -> Path:
    """Write one GeoPackage layer per kind present (see :data:`LAYERS`).

    An existing file is replaced, so the file holds exactly these records.
    """
    import pyogrio

    events = events if isinstance(events, EventSet) else EventSet(events)
    path = Path(path)
    if path.exists():
        path.unlink()
    for attribute, (kind, layer) in zip(
        ("mentions", "movements", "claims", "combats", "events"), LAYERS.items(), strict=True
    ):
        records = getattr(events, attribute)
        if not records:
            continue
        frame = _for_file(frames.to_geodataframe(records, kind=kind))
        pyogrio.write_dataframe(
            frame, path, layer=layer, driver="GPKG", geometry_type="Unknown", promote_to_multi=False
        )
    if not path.exists():  # nothing to write: still leave a valid, empty GeoPackage
        import geopandas as gpd

        empty = gpd.GeoDataFrame({"kind": []}, geometry=[], crs=CRS)
        pyogrio.write_dataframe(empty, path, layer="events", driver="GPKG", geometry_type="Unknown")
    return path


def read_geopackage(path: PathLike) -> EventSet:
    """Read the layers written by :func:`write_geopackage` into an EventSet."""
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    present = {name for name, _ in pyogrio.list_layers(path)}
    records: list[Record | Mention] = []
    for layer in LAYERS.values():
        if layer in present:
            frame = pyogrio.read_dataframe(path, layer=layer)
            if len(frame):
                try:
                    records.extend(frames.from_geodataframe(frame))
                except FormatError as exc:
                    raise FormatError(f"layer {layer!r}: {exc}", path=str(path)) from exc
    return EventSet(records)


def write_csv(events: EventSet | Iterable[Record | Mention], path: PathLike) -> Path:
    """Write the mixed frame as CSV (UTF-8), geometry as WKT in a ``geometry`` column."""
    path = Path(path)
    columns = list(frames.COLUMNS["all"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*columns, "geometry"])
        for record in events:
            row, geometry = frames.record_to_row(record)
            writer.writerow(
                [_csv_value(row.get(c)) for c in columns] + [_wkt(geometry) if geometry is not None else ""]
            )
    return path


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


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return _json_value(value) if isinstance(value, date) else str(value)


def read_csv_events(path: PathLike) -> EventSet:
    """Read a CSV written by :func:`write_csv`.

    Empty cells are missing values, so an empty text field reads back as None.
    """
    path = Path(path)
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            wkt = row.pop("geometry", "")
            values = {k: (v if v != "" else None) for k, v in row.items()}
            try:
                geometry: BaseGeometry | None = shapely.from_wkt(wkt) if wkt else None
                records.append(frames.row_to_record(values, geometry))
            except (FormatError, shapely.errors.GEOSException) as exc:
                raise FormatError(str(exc), path=str(path), row=number) from exc
    return EventSet(records)
