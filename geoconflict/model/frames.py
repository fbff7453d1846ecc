"""Records ↔ flat rows ↔ GeoDataFrames, with one documented column schema.

Every record becomes one row of scalars (text, numbers, booleans, dates) plus a
geometry, so the same row goes into a GeoDataFrame, a GeoJSON feature, a
GeoPackage layer or a CSV line, and comes back as an equal record. Nested
places (a movement's origin, a claim's areas) are kept whole as JSON text in
``*_place(s)`` columns next to their human-readable names.

One concern, kept in one module although it passes 500 lines: the column
schema below, and the conversions both ways that follow it column by column
(record → row and row → record for each kind), which change together.

Columns shared by every kind
----------------------------
kind
    ``place``, ``movement``, ``claim``, ``combat`` or ``event``.
id
    Stable identifier when the source gives one.
source, reported_by, quote, reason
    Provenance: the document or outlet, who says so, the words, the rule that fired.
quote_ref, reason_ref
    In a file written with its texts in a table (see :mod:`geoconflict.model.placetable`):
    the id of the quote's and the reason's row in the file's text table (``quote`` and
    ``reason`` are then empty).
span_start, span_end
    Character offsets of ``quote`` in the report.
report_date, date, date_end, date_precision
    Publication date; event date (range); ``day``/``week``/``month``/``year``/``unknown``.
precision
    1 exact … 6 country (see :class:`geoconflict.model.Precision`).
geometry
    EPSG:4326. Places: the area if known, else the point. Movements: the geodesic
    line, origin first. Claims and combat areas: the area (may be empty). Events: the point.

Columns by kind
---------------
place
    name, mention, mention_start, mention_end, place_kind, country_code, admin1,
    admin2, lat, lon, geonames_id, population, approximate, place_source, score,
    candidates (JSON list of places), place_ref (in a file: the place's id in its place
    table, which then holds the place's other columns).
movement
    actor, unit, origin, destination, status, length_km, origin_place, destination_place.
claim
    claimant, opponent (the side the ground is taken from), tier, as_of, settlements, area_km2_stated,
    area_km2, areas, areas_places, derivation, approximate, note, subtype (ACLED's sub-event type when known),
    disputes (the id of the claim it disputes), fatalities, area_from_places (see below). A file written
    before opponent and fatalities were columns reads with neither.
combat
    actors (JSON list), areas, areas_places, derivation, approximate, area_km2, description,
    subtype (ACLED's sub-event type of fighting between crowds), fatalities, area_from_places:
    in a file written at ``detail="full"`` (or ``"simplified"``), when the area is made of its places'
    polygons, which the file's place table holds (exactly at ``"full"``), how (``union``: their union; ``polygon``:
    the one area's polygon). The row's geometry is then a lighter copy to be drawn (:func:`~geoconflict.model.placetable.drawn`),
    and reading the file makes the exact area again.
event
    event_type, subtype, actors (JSON list), description, fatalities, name (the
    place's name), place (JSON: the place's fields, or ``{"ref": id}`` into the file's
    place table; a GeoPackage of a table refers to every place), lat, lon.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model import (
    CombatArea,
    Event,
    Mention,
    Movement,
    Place,
    Provenance,
    Record,
    TerritorialClaim,
)
from geoconflict.model._enum import Derivation
from geoconflict.model.geometry import CRS, clean_polygon, same_geometry
from geoconflict.model.placetable import (
    PLACE_TABLE_COLUMNS,
    TEXT_TABLE_COLUMNS,
    PlaceTable,
    drawn,
    place_from_dict,
    place_to_dict,
    simplified_line,
)

__all__ = [
    "COLUMNS",
    "KINDS",
    "PLACE_COLUMNS",
    "TEXT_COLUMNS_BY_LAYOUT",
    "UNSTATED",
    "event_frame",
    "event_part_columns",
    "event_parts",
    "file_columns",
    "from_geodataframe",
    "place_from_dict",
    "place_to_dict",
    "record_to_row",
    "row_to_record",
    "to_geodataframe",
]

# column name -> type ("str", "int", "float", "bool", "date")
_COMMON = {
    "kind": "str",
    "id": "str",
    "source": "str",
    "reported_by": "str",
    "quote": "str",
    "span_start": "int",
    "span_end": "int",
    "report_date": "date",
    "date": "date",
    "date_end": "date",
    "date_precision": "str",
    "reason": "str",
    "precision": "int",
    "quote_ref": "str",
    "reason_ref": "str",
}
#: A place's own columns in a mention's row (its place-table row holds them in a file).
PLACE_COLUMNS = {
    "name": "str",
    "place_kind": "str",
    "country_code": "str",
    "admin1": "str",
    "admin2": "str",
    "lat": "float",
    "lon": "float",
    "geonames_id": "int",
    "population": "int",
    "approximate": "bool",
    "place_source": "str",
}
_BY_KIND: dict[str, dict[str, str]] = {
    "place": {
        **PLACE_COLUMNS,
        "mention": "str",
        "mention_start": "int",
        "mention_end": "int",
        "score": "float",
        "candidates": "str",
        "place_ref": "str",
    },
    "movement": {
        "actor": "str",
        "unit": "str",
        "origin": "str",
        "destination": "str",
        "status": "str",
        "length_km": "float",
        "origin_place": "str",
        "destination_place": "str",
    },
    "claim": {
        "claimant": "str",
        "opponent": "str",
        "tier": "str",
        "as_of": "date",
        "settlements": "int",
        "area_km2_stated": "float",
        "area_km2": "float",
        "areas": "str",
        "areas_places": "str",
        "derivation": "str",
        "approximate": "bool",
        "note": "str",
        "subtype": "str",
        "disputes": "str",
        "fatalities": "int",
        "area_from_places": "str",
    },
    "combat": {
        "actors": "str",
        "areas": "str",
        "areas_places": "str",
        "derivation": "str",
        "approximate": "bool",
        "area_km2": "float",
        "description": "str",
        "subtype": "str",
        "fatalities": "int",
        "area_from_places": "str",
    },
    "event": {
        "event_type": "str",
        "subtype": "str",
        "actors": "str",
        "description": "str",
        "fatalities": "int",
        "name": "str",
        "place": "str",
        "lat": "float",
        "lon": "float",
    },
}

#: The record kinds, in layer order.
KINDS: tuple[str, ...] = tuple(_BY_KIND)

#: Column types by kind (``"all"`` is the union used for mixed frames).
COLUMNS: dict[str, dict[str, str]] = {kind: {**_COMMON, **cols} for kind, cols in _BY_KIND.items()}
COLUMNS["all"] = {name: t for cols in COLUMNS.values() for name, t in cols.items()}

#: A value a file may leave out, since a reader takes the missing value for it and a GIS's null says the
#: same: an unknown date precision (the records have no date). GeoJSON omits these and null properties.
UNSTATED: dict[str, Any] = {"date_precision": "unknown"}
#: The text columns of each layout of a file's texts (see :mod:`geoconflict.model.placetable`): inline, the
#: quote and the reason; in a text table, their ids there.
TEXT_COLUMNS_BY_LAYOUT: dict[str, tuple[str, str]] = {"inline": ("quote", "reason"), "table": ("quote_ref", "reason_ref")}


def file_columns(kind: str, texts: str) -> list[str]:
    """The columns of a file's layer (or features) of *kind* whose texts are laid out as *texts*.

    Every column of :data:`COLUMNS` but those the layout always leaves empty: a
    mention's place columns other than its name (the file's place table holds
    them, the mention refers to it by ``place_ref``), and the text columns of the
    other layout (:data:`TEXT_COLUMNS_BY_LAYOUT`).

    Examples
    --------
    >>> "lat" in file_columns("place", "table"), "name" in file_columns("place", "table")
    (False, True)
    >>> [c for c in file_columns("event", "inline") if c.startswith(("quote", "reason"))]
    ['quote', 'reason']
    """
    left = {name for layout, names in TEXT_COLUMNS_BY_LAYOUT.items() if layout != texts for name in names}
    if kind == "place":
        left |= set(PLACE_COLUMNS) - {"name"}
    return [name for name in COLUMNS[kind] if name not in left]


_KIND_OF: dict[type, str] = {
    Mention: "place",
    Movement: "movement",
    TerritorialClaim: "claim",
    CombatArea: "combat",
    Event: "event",
}


def kind_of(record: Record | Mention) -> str:
    """The ``kind`` column value of a record."""
    try:
        return _KIND_OF[type(record)]
    except KeyError:
        raise TypeError(f"not a geoconflict record: {type(record).__name__}") from None


# --------------------------------------------------------------------------- places as JSON


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _places_json(places: Iterable[Place], table: PlaceTable | None) -> str:
    return _dumps([_place_dict(p, table) for p in places])


def _place_dict(place: Place, table: PlaceTable | None) -> dict[str, Any]:
    return place_to_dict(place) if table is None else table.dump(place)


def _places_from_json(text: str | None, table: PlaceTable) -> tuple[Place, ...]:
    return tuple(table.load(d) for d in json.loads(text)) if text else ()


def _names(places: Iterable[Place]) -> str | None:
    names = [p.name for p in places]
    return "; ".join(names) if names else None


# --------------------------------------------------------------------------- record -> row


def _provenance_columns(p: Provenance) -> dict[str, Any]:
    return {
        "source": p.source,
        "reported_by": p.reported_by,
        "quote": p.quote,
        "span_start": p.span[0] if p.span else None,
        "span_end": p.span[1] if p.span else None,
        "report_date": p.report_date,
        "date": p.event_date,
        "date_end": p.event_date_end,
        "date_precision": p.date_precision.value,
        "reason": p.reason,
    }


def _place_columns(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "place_kind": place.kind.value,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "population": place.population,
        "approximate": place.approximate,
        "place_source": place.source,
    }


def record_to_row(
    record: Record | Mention, *, table: PlaceTable | None = None
) -> tuple[dict[str, Any], BaseGeometry | None]:
    """One record as ``(columns, geometry)``; see the module docs for the columns.

    With a *table* (see :mod:`geoconflict.model.placetable`), the places with a
    polygon are referred to by their id in it, a mention's geometry is its
    place's point, and claim and combat areas are at the table's detail.

    Examples
    --------
    >>> from geoconflict.model import Event, Place
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
    >>> row, geom = record_to_row(Event("meeting", kyiv))
    >>> row["kind"], row["name"], geom.wkt
    ('event', 'Kyiv', 'POINT (30.52 50.45)')
    """
    row, geometry = _record_row(record, table)
    if table is not None and table.texts == "table":
        _texts_to_refs(row, table)
    return row, geometry


def _texts_to_refs(row: dict[str, Any], table: PlaceTable) -> dict[str, Any]:
    """*row* with its quote and reason replaced by their ids in *table*'s text table."""
    row["quote_ref"], row["quote"] = table.text_ref(row.get("quote")), None
    row["reason_ref"], row["reason"] = table.text_ref(row.get("reason")), None
    return row


def _record_row(record: Record | Mention, table: PlaceTable | None) -> tuple[dict[str, Any], BaseGeometry | None]:
    kind = kind_of(record)
    if isinstance(record, Mention):
        return _mention_row(record, table)
    row = {"kind": kind, "id": record.id, **_provenance_columns(record.provenance), "precision": int(record.precision)}
    if isinstance(record, Movement):
        row |= {
            "actor": record.actor,
            "unit": record.unit,
            "origin": record.origin.name,
            "destination": record.destination.name,
            "status": record.status.value,
            "length_km": record.length_km,
            "origin_place": _dumps(_place_dict(record.origin, table)),
            "destination_place": _dumps(_place_dict(record.destination, table)),
        }
        # the line follows from the places, which a file holds exactly: a lighter copy to be drawn
        return row, record.geometry if table is None else simplified_line(record.geometry)
    if isinstance(record, TerritorialClaim | CombatArea):
        row |= _area_columns(record, table)
        if table is None:
            return row, record.geometry
        # the union of places the file holds exactly: a lighter copy to be drawn, and the reader makes it again
        # (at "point" the places have no polygon to make it of: the file's own area is read)
        row["area_from_places"] = recipe = _area_recipe(record) if table.detail != "point" else None
        return row, drawn(record.geometry) if recipe else table.area(record.geometry)
    row |= {
        "event_type": record.type,
        "subtype": record.subtype,
        "actors": _dumps(list(record.actors)),
        "description": record.description,
        "fatalities": record.fatalities,
        "name": record.place.name,
        "place": _dumps(_place_dict(record.place, table)),
        "lat": record.place.lat,
        "lon": record.place.lon,
    }
    return row, record.geometry


def _mention_row(record: Mention, table: PlaceTable | None) -> tuple[dict[str, Any], BaseGeometry | None]:
    place = record.place
    ref = table.ref(place) if table is not None and place is not None else None
    if place is None:
        columns: dict[str, Any] = {}
    else:  # in a file, the place table holds the place's columns: the mention keeps its name, to be read
        columns = _place_columns(place) if ref is None else {"name": place.name}
    row = {
        "kind": "place",
        "id": None,
        **_provenance_columns(record.provenance),
        "precision": int(place.precision) if place else None,
        **columns,
        "mention": record.text,
        "mention_start": record.start,
        "mention_end": record.end,
        "score": record.score,
        "candidates": _places_json(record.candidates, table) if record.candidates else None,
        "place_ref": ref,
    }
    row["reason"] = record.reason
    if place is None:
        return row, None
    return row, place.point if ref is not None else (place.geometry or place.point)


#: How many unions of areas the writer remembers (extraction names the same areas in many records).
_UNIONS_KEPT = 256
#: How a record's area is made from its places' polygons, by the value of its ``area_from_places`` column:
#: their union (as extraction makes a claim's extent), or the one polygon as it is (as a record made
#: without a geometry takes its one area's).
_FROM_PLACES: dict[str, Callable[[list[BaseGeometry]], BaseGeometry]] = {
    "union": shapely.union_all,
    "polygon": lambda polygons: polygons[0],
}


def _area_recipe(record: TerritorialClaim | CombatArea) -> str | None:
    """How *record*'s geometry is made again from its areas' polygons (a key of :data:`_FROM_PLACES`), or None."""
    if record.derivation is not Derivation.UNION or record.geometry is None:
        return None
    places = tuple(a for a in record.areas if a.geometry is not None)
    recipes = [name for name in _FROM_PLACES if name == "union" or len(places) == 1]
    return next((name for name in recipes if places and same_geometry(_made(name, places), record.geometry)), None)


@lru_cache(maxsize=_UNIONS_KEPT)
def _made(recipe: str, places: tuple[Place, ...]) -> BaseGeometry:
    """The area *recipe* makes of *places*' polygons, cleaned as a record stores it; remembered by the places."""
    return clean_polygon(_FROM_PLACES[recipe]([p.geometry for p in places]), field="geometry")


def _area_columns(record: TerritorialClaim | CombatArea, table: PlaceTable | None) -> dict[str, Any]:
    shared = {
        "areas": _names(record.areas),
        "areas_places": _places_json(record.areas, table),
        "derivation": record.derivation.value,
        "approximate": record.approximate,
        "area_km2": record.area_km2,
    }
    if isinstance(record, CombatArea):
        return shared | {"actors": _dumps(list(record.actors)), "description": record.description,
                         "subtype": record.subtype, "fatalities": record.fatalities}
    return shared | {
        "claimant": record.claimant,
        "opponent": record.opponent,
        "tier": record.tier.value,
        "as_of": record.as_of,
        "settlements": record.settlements,
        "area_km2_stated": record.area_km2_stated,
        "note": record.note,
        "subtype": record.subtype,
        "disputes": record.disputes,
        "fatalities": record.fatalities,
    }


# --------------------------------------------------------------------------- row -> record


def _clean(value: Any) -> Any:
    """Missing values (None, NaN, NaT, pandas NA) → None; numpy scalars → Python."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):  # pandas.NA raises on bool()
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    return value


#: The length of an ISO date, ``YYYY-MM-DD`` (a timestamp's date part).
_ISO_DATE_LENGTH = len("YYYY-MM-DD")


def _typed(value: Any, kind: str, name: str) -> Any:
    value = _clean(value)
    if value is None:
        return None
    if kind == "int":
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{name}: expected a whole number, got {value!r}")
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes")
        return bool(value)
    if kind == "date":
        if hasattr(value, "date") and callable(value.date):
            return value.date()
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:_ISO_DATE_LENGTH])
    return str(value)


def _provenance_from(row: Mapping[str, Any]) -> Provenance:
    start: Any = row.get("span_start")  # checked by Provenance, as the other values are
    end: Any = row.get("span_end")
    return Provenance(
        source=row.get("source"),
        reported_by=row.get("reported_by"),
        quote=row.get("quote"),
        span=(start, end) if start is not None else None,
        report_date=row.get("report_date"),
        event_date=row.get("date"),
        event_date_end=row.get("date_end"),
        date_precision=row.get("date_precision") or "unknown",
        reason=row.get("reason"),
    )


def _area_geometry(geometry: BaseGeometry | None) -> BaseGeometry | None:
    return None if geometry is None or geometry.is_empty else geometry


def _area_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> BaseGeometry | None:
    """A claim's or combat area's geometry: the file's, or made again from its places (``area_from_places``)."""
    recipe = row.get("area_from_places")
    if recipe is None:
        return _area_geometry(geometry)
    if recipe not in _FROM_PLACES:
        raise ValueError(f"area_from_places: expected one of {', '.join(_FROM_PLACES)}, got {recipe!r}")
    polygons = [p.geometry for p in _places_from_json(row.get("areas_places"), table) if p.geometry is not None]
    if not polygons or (recipe == "polygon" and len(polygons) != 1):
        raise ValueError(f"area_from_places: {recipe!r}, but the areas have {len(polygons)} polygons")
    return _FROM_PLACES[recipe](polygons)


def _mention_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> Mention:
    place = None
    if row.get("place_ref") is not None:
        place = table.load({"ref": row["place_ref"]})
    elif row.get("name") is not None:
        polygon = geometry if geometry is not None and geometry.geom_type.endswith("Polygon") else None
        place = Place(
            row["name"],
            kind=row["place_kind"],
            lat=row["lat"],
            lon=row["lon"],
            country_code=row.get("country_code"),
            admin1=row.get("admin1"),
            admin2=row.get("admin2"),
            geonames_id=row.get("geonames_id"),
            population=row.get("population"),
            geometry=polygon,
            approximate=bool(row.get("approximate")),
            source=row.get("place_source"),
        )
    return Mention(
        row["mention"],
        row["mention_start"],
        row["mention_end"],
        place=place,
        score=row.get("score"),
        candidates=_places_from_json(row.get("candidates"), table),
        reason=row.get("reason"),
        provenance=_provenance_from({**row, "reason": None}),  # the reason is the mention's
    )


def _movement_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> Movement:
    return Movement(
        row.get("actor"),
        table.load(json.loads(row["origin_place"])),
        table.load(json.loads(row["destination_place"])),
        unit=row.get("unit"),
        status=row.get("status") or "reported",
        provenance=_provenance_from(row),
        id=row.get("id"),
    )


def _claim_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> TerritorialClaim:
    return TerritorialClaim(
        row["claimant"],
        opponent=row.get("opponent"),
        as_of=row.get("as_of"),
        settlements=row.get("settlements"),
        area_km2_stated=row.get("area_km2_stated"),
        areas=_places_from_json(row.get("areas_places"), table),
        geometry=_area_from(row, geometry, table),
        derivation=row.get("derivation") or None,
        approximate=bool(row.get("approximate")),
        tier=row.get("tier") or "claimed",
        note=row.get("note"),
        subtype=row.get("subtype"),
        disputes=row.get("disputes"),
        fatalities=row.get("fatalities"),
        provenance=_provenance_from(row),
        id=row.get("id"),
    )


def _combat_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> CombatArea:
    return CombatArea(
        _places_from_json(row.get("areas_places"), table),
        actors=tuple(json.loads(row["actors"])) if row.get("actors") else (),
        geometry=_area_from(row, geometry, table),
        derivation=row.get("derivation") or None,
        approximate=bool(row.get("approximate")),
        description=row.get("description"),
        subtype=row.get("subtype"),
        fatalities=row.get("fatalities"),
        provenance=_provenance_from(row),
        id=row.get("id"),
    )


def _event_from(row: Mapping[str, Any], geometry: BaseGeometry | None, table: PlaceTable) -> Event:
    return Event(
        row["event_type"],
        table.load(json.loads(row["place"])),
        subtype=row.get("subtype"),
        actors=tuple(json.loads(row["actors"])) if row.get("actors") else (),
        description=row.get("description"),
        fatalities=row.get("fatalities"),
        precision=row.get("precision"),
        provenance=_provenance_from(row),
        id=row.get("id"),
    )


_DECODERS: dict[str, Callable[[Mapping[str, Any], BaseGeometry | None, PlaceTable], Record | Mention]] = {
    "place": _mention_from,
    "movement": _movement_from,
    "claim": _claim_from,
    "combat": _combat_from,
    "event": _event_from,
}


def row_to_record(
    row: Mapping[str, Any], geometry: BaseGeometry | None = None, *, table: PlaceTable | None = None
) -> Record | Mention:
    """Rebuild a record from a row written by :func:`record_to_row`.

    *table* holds the file's place table, which references in the row resolve to.

    Values are converted by the schema, so missing values (None, NaN, NaT),
    numpy scalars and ISO date strings from any reader all give the same record.

    Raises
    ------
    FormatError
        When the ``kind`` is unknown or a value does not fit its column.
    """
    kind = _clean(row.get("kind"))
    if kind not in _DECODERS:
        raise FormatError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}", column="kind")
    schema = COLUMNS[kind]
    try:
        typed = {name: _typed(row.get(name), t, name) for name, t in schema.items()}
        if geometry is not None and (geometry.is_empty or _clean(geometry) is None):
            geometry = None
        table = table if table is not None else PlaceTable()
        for column in ("quote", "reason"):
            if typed[f"{column}_ref"] is not None:
                typed[column] = table.text(typed[f"{column}_ref"], f"{column}_ref")
        return _DECODERS[kind](typed, geometry, table)
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise FormatError(f"{kind} record: {exc}", column=getattr(exc, "field", None)) from exc


# --------------------------------------------------------------------------- GeoDataFrames


def _pandas_dtype(kind: str) -> str:
    return {"str": "object", "int": "Int64", "float": "float64", "bool": "boolean", "date": "object"}[kind]


def to_geodataframe(records: Iterable[Record | Mention], *, kind: str | None = None, table: PlaceTable | None = None):
    """A GeoDataFrame (EPSG:4326) of records with the documented columns.

    Parameters
    ----------
    records : iterable of records
    kind : str, optional
        The schema to use: one of :data:`KINDS`, or None for the union of all
        columns (a mixed frame).
    table : PlaceTable, optional
        Places with a polygon referred to by their id in it (see :func:`record_to_row`).

    Returns
    -------
    geopandas.GeoDataFrame
        Dates are ``datetime.date`` objects (or None); integers use pandas'
        nullable ``Int64``; booleans ``boolean``.
    """
    schema = COLUMNS[kind or "all"]
    rows, geometries = [], []
    for record in records:
        row, geometry = record_to_row(record, table=table)
        rows.append(row)
        geometries.append(geometry)
    return _frame(rows, geometries, schema)


def event_frame(
    *,
    places: tuple[np.ndarray, np.ndarray],
    provenances: tuple[np.ndarray, np.ndarray],
    actors: tuple[np.ndarray, np.ndarray],
    columns: Mapping[str, np.ndarray],
    table: PlaceTable | None = None,
):
    """The frame :func:`to_geodataframe` gives events (kind ``event``), made from columns.

    For a table's million rows without an :class:`Event` per row: the shared
    parts come as ``(values, codes)`` pairs, ``values[codes]`` being each row's
    :class:`Place`, :class:`Provenance` and tuple of actors, so each distinct one
    is turned into columns once.

    Parameters
    ----------
    places, provenances, actors : pair of numpy.ndarray
        Distinct values (object array) and each row's index into them.
    columns : mapping of str to numpy.ndarray
        Each row's ``id``, ``precision`` (int), ``event_type`` (the record's
        ``type``), ``subtype``, ``description`` and ``fatalities``.
    table : PlaceTable, optional
        As in :func:`to_geodataframe`: places with a polygon referred to by their id in it.

    Examples
    --------
    >>> import numpy as np
    >>> from geoconflict.model import Event, Place
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    >>> one = lambda *v: (np.array([*v, None], dtype=object), np.zeros(2, dtype=int))
    >>> cols = {"id": np.array(["a", "b"], dtype=object), "precision": np.array([1, 1], dtype=object),
    ...         "event_type": np.array(["meeting", "meeting"], dtype=object),
    ...         "subtype": np.array([None, None], dtype=object),
    ...         "description": np.array([None, None], dtype=object), "fatalities": np.array([None, None], dtype=object)}
    >>> made = event_frame(places=one(kyiv), provenances=one(Provenance()), actors=one(()), columns=cols)
    >>> reference = to_geodataframe([Event("meeting", kyiv, id="a"), Event("meeting", kyiv, id="b")], kind="event")
    >>> made.equals(reference)
    True
    """
    import geopandas as gpd
    import pandas as pd
    import shapely

    n = len(places[1])
    shared = {name: (values, codes)  # column -> (distinct values, None last; codes)
              for values_by_name, codes in event_parts(places=places, provenances=provenances, actors=actors,
                                                       table=table).values()
              for name, values in values_by_name.items()}
    series = {}
    for name, t in COLUMNS["event"].items():  # one column at a time, each made in its final type
        if name in shared:
            distinct, codes = shared.pop(name)
            if t == "float":  # None is NaN, as astype("float64") makes it
                distinct = np.array([np.nan if v is None else v for v in distinct], dtype=np.float64)
            values = distinct[codes]
        else:
            values = np.full(n, "event" if name == "kind" else None, dtype=object) if name not in columns \
                else columns[name]
        series[name] = pd.Series(values, dtype=None if t == "float" else object).astype(_pandas_dtype(t))
    frame = pd.DataFrame(series)
    points = shapely.points(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=CRS), crs=CRS)


def event_parts(
    *,
    places: tuple[np.ndarray, np.ndarray],
    provenances: tuple[np.ndarray, np.ndarray],
    actors: tuple[np.ndarray, np.ndarray],
    table: PlaceTable | None = None,
) -> dict[str, tuple[dict[str, np.ndarray], np.ndarray]]:
    """The event columns that rows share, by part (``provenance``, ``place``, ``actors``), computed once per
    distinct value: each part's columns (an object array per column, one slot per distinct value, the last,
    None, a missing value) and each row's code into them. *places*, *provenances*, *actors* and *table* are
    as in :func:`event_frame`, which spreads them over the rows; a GeoPackage converts them once
    (:meth:`geoconflict.model.gpkg.GeoPackageWriter.write_coded`).

    Examples
    --------
    >>> import numpy as np
    >>> from geoconflict.model import Place
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    >>> parts = event_parts(places=(np.array([kyiv, None], dtype=object), np.array([0, 0, 1])),
    ...                     provenances=(np.array([Provenance(), None], dtype=object), np.array([0, 0, 0])),
    ...                     actors=(np.array([("police",), None], dtype=object), np.array([0, 1, 1])))
    >>> parts["place"][0]["name"].tolist(), parts["place"][1].tolist(), parts["actors"][0]["actors"].tolist()
    (['Kyiv', None], [0, 0, 1], ['["police"]', None])
    """
    convert = event_part_columns(table)
    return {"provenance": _distinct_columns(provenances, convert["provenance"]),
            "place": _distinct_columns(places, convert["place"]),
            "actors": _distinct_columns(actors, convert["actors"])}


def event_part_columns(table: PlaceTable | None) -> dict[str, Callable[[Any], dict[str, Any]]]:
    """How :func:`event_parts` turns one distinct value of each part (``provenance``, ``place``, ``actors``)
    into its columns, its places and texts entering *table* as it does."""
    texts = table is not None and table.texts == "table"
    return {
        "provenance": lambda p: (_texts_to_refs(_provenance_columns(p), table)  # type: ignore[arg-type]
                                 if texts else _provenance_columns(p)),
        "place": lambda p: {"name": p.name, "place": _dumps(_place_dict(p, table)), "lat": p.lat, "lon": p.lon},
        "actors": lambda a: {"actors": _dumps(list(a))},
    }


def _distinct_columns(
    coded: tuple[np.ndarray, np.ndarray], columns: Callable[[Any], dict[str, Any]]
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The *columns* of each distinct value in *coded* (computed once each), with the rows' codes."""
    values, codes = coded
    rows = [columns(v) for v in values[:-1]]  # the last slot stands for a missing value
    if not rows:
        return {}, codes
    return {name: np.array([r[name] for r in rows] + [None], dtype=object) for name in rows[0]}, codes


#: The claim columns each record's own fields give (:func:`claim_parts`), and how (the plain
#: reference is :func:`_area_columns`); the provenance's and the areas' columns are shared parts.
_CLAIM_OWN: dict[str, Callable[[TerritorialClaim], Any]] = {
    "id": lambda c: c.id, "precision": lambda c: int(c.precision), "claimant": lambda c: c.claimant,
    "opponent": lambda c: c.opponent,
    "tier": lambda c: c.tier.value, "as_of": lambda c: c.as_of, "settlements": lambda c: c.settlements,
    "area_km2_stated": lambda c: c.area_km2_stated, "area_km2": lambda c: c.area_km2, "derivation": lambda c: c.derivation.value,
    "approximate": lambda c: c.approximate, "note": lambda c: c.note, "subtype": lambda c: c.subtype,
    "disputes": lambda c: c.disputes, "fatalities": lambda c: c.fatalities, "area_from_places": lambda c: None,
}


def claim_parts(
    claims: Sequence[TerritorialClaim], *, table: PlaceTable
) -> tuple[dict[str, tuple[dict[str, np.ndarray], np.ndarray]], dict[str, np.ndarray]] | None:
    """Claims without a geometry of their own (a table's territory rows) as columns: :func:`event_parts`'s shared
    parts (``provenance``; ``areas``, their names and places) computed once per distinct object, and one object
    array per other column; None when a claim has a geometry (its area is drawn record by record).

    Equal, row for row, to :func:`record_to_row` of each claim with *table* (``tests/test_gpkg_columns.py``);
    the places and texts enter *table* in the same order.

    Examples
    --------
    >>> from geoconflict.model import Place
    >>> town = Place("Town", kind="populated_place", lat=48.0, lon=37.0)
    >>> claims = [TerritorialClaim("Forces A", areas=(town,), note=f"row {i}") for i in range(3)]
    >>> parts, own = claim_parts(claims, table=PlaceTable())
    >>> parts["areas"][0]["areas"].tolist(), parts["areas"][1].tolist(), own["note"].tolist()
    (['Town', None], [0, 0, 0], ['row 0', 'row 1', 'row 2'])
    """
    if any(c.geometry is not None for c in claims):
        return None
    texts = table.texts == "table"
    provenances = _by_identity([c.provenance for c in claims], id)
    areas = _by_identity([c.areas for c in claims], lambda a: tuple(map(id, a)))  # each claim's own tuple
    parts = {
        "provenance": _distinct_columns(provenances, lambda p: _texts_to_refs(_provenance_columns(p), table)
                                        if texts else _provenance_columns(p)),
        "areas": _distinct_columns(areas, lambda a: {"areas": _names(a), "areas_places": _places_json(a, table)}),
    }
    own = {name: np.array([get(c) for c in claims] + [None], dtype=object)[:-1] for name, get in _CLAIM_OWN.items()}
    return parts, own


def _by_identity(values: list[Any], key: Callable[[Any], Hashable]) -> tuple[np.ndarray, np.ndarray]:
    """*values* coded by the identity *key* gives (the same objects once, in order of first use; the last slot
    None): cheaper than hashing records, and exact, since objects that are one are equal."""
    slots: dict[Hashable, int] = {}
    firsts: list[Any] = []
    codes = np.empty(len(values), dtype=np.int64)
    for row, value in enumerate(values):
        slot = slots.setdefault(key(value), len(slots))
        if slot == len(firsts):
            firsts.append(value)
        codes[row] = slot
    distinct = np.empty(len(firsts) + 1, dtype=object)
    distinct[:-1] = firsts
    return distinct, codes


def place_table_frame(table: PlaceTable):
    """A GeoDataFrame of the place-table rows of *table* not yet taken (see :meth:`PlaceTable.new_rows`)."""
    rows, geometries = [], []
    for row, geometry in table.new_rows():
        rows.append(row)
        geometries.append(geometry)
    return _frame(rows, geometries, PLACE_TABLE_COLUMNS)


def text_table_frame(table: PlaceTable):
    """A DataFrame (no geometry) of the text-table rows of *table* not yet taken (see :meth:`PlaceTable.new_text_rows`)."""
    import pandas as pd

    rows = list(table.new_text_rows())
    return pd.DataFrame({name: pd.Series([row[name] for row in rows], dtype=object) for name in TEXT_TABLE_COLUMNS})


def _frame(rows: list[dict[str, Any]], geometries: list[BaseGeometry | None], schema: Mapping[str, str]):
    import geopandas as gpd
    import pandas as pd

    # column by column as objects: a frame built from the records would infer float64 for whole
    # numbers next to a missing value, and round those above 2**53 (a GeoNames id, a count)
    frame = pd.DataFrame({name: pd.Series([row.get(name) for row in rows], dtype=object) for name in schema})
    for name, t in schema.items():
        try:
            frame[name] = frame[name].astype(_pandas_dtype(t))
        except OverflowError:
            raise _too_large(frame[name], name) from None
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometries, crs=CRS), crs=CRS)


#: The largest whole number a frame's ``Int64`` column (and a GeoPackage's INTEGER) holds.
INT64_MAX = 2**63 - 1


def _too_large(column, name: str) -> InvalidInputError:
    """The error for a whole number in *column* beyond int64: the frame (and a GeoPackage) cannot hold it."""
    row, value = next((i, v) for i, v in enumerate(column) if isinstance(v, int) and abs(v) > INT64_MAX)
    return InvalidInputError(
        f"{name}: {value} (row {row + 1} of the frame) is above {INT64_MAX}, the largest whole number "
        "a GeoDataFrame or GeoPackage column holds; GeoJSON and CSV keep it exactly",
        field=name, value=value,
    )


def from_geodataframe(frame, *, table: PlaceTable | None = None) -> list[Record | Mention]:
    """Records from a GeoDataFrame written by :func:`to_geodataframe` (or read from a file).

    *table* holds the places the rows refer to (see :func:`row_to_record`).
    """
    geometry_name = frame.geometry.name if hasattr(frame, "geometry") else None
    columns = [c for c in frame.columns if c != geometry_name]
    out = []
    for values, geometry in zip(
        frame[columns].itertuples(index=False, name=None),
        frame.geometry if geometry_name else [None] * len(frame),
    ):
        out.append(row_to_record(dict(zip(columns, values)), geometry, table=table))
    return out
