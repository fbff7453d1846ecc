"""Territorial-control GeoJSON → territorial claims with their given polygons.

Public front-line maps publish control areas as a GeoJSON FeatureCollection of
(Multi)Polygons whose properties say who holds the area.  Each feature becomes
a :class:`~geoconflict.model.TerritorialClaim` with ``derivation="given"``.
Properties are matched by name, case-insensitively; the first present wins:

============== ==================================================================
field          properties
============== ==================================================================
claimant       claimant, owner, controlled_by, controller, control, holder, side,
               party; else the status text (status, name, layer, label)
tier           tier; else ``"claimed"`` when the status text mentions a claim,
               else ``"assessed"`` (a published control map is an analyst's
               assessment)
as_of          as_of, as_of_date, date, updated, valid_from; else the
               collection's own ``as_of`` or ``date`` member
reported_by    reported_by, publisher, author, attribution; else the collection's
source         source, url; else the collection's ``source`` or the file name
settlements    settlements
area stated    area_km2_stated, area_km2 (km²)
note           note, notes, description, comment
id             id; else the feature's ``id``
============== ==================================================================

Text properties must be JSON strings or whole numbers (kept as written: ``3``
reads as ``"3"``); an array, an object, ``true``/``false`` or a fraction is a
bad feature naming the property, never its Python spelling. The collection's
own ``as_of``/``date``, ``source`` and ``reported_by`` members are checked the
same way, and a bad one stops the read (it stands for every feature).

Coordinates with a third value (KML conversions write ``z = 0``) are kept: the
claim's polygon is 3-D, its area and map outline are those of its footprint,
and every writer of :mod:`geoconflict.model.io` writes the z back.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import shapely.geometry
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model import ClaimTier, DatePrecision, Derivation, Provenance, TerritorialClaim
from geoconflict.readers.cells import parse_count, parse_date, parse_float
from geoconflict.readers.jsonfile import load_json
from geoconflict.readers.problems import Problems

if TYPE_CHECKING:
    from shapely.geometry import MultiPolygon, Polygon

__all__ = ["PROPERTIES", "read_control"]

#: Property names read for each field, in order of preference.
PROPERTIES: dict[str, tuple[str, ...]] = {
    "claimant": ("claimant", "owner", "controlled_by", "controller", "control", "holder", "side", "party"),
    "status": ("status", "name", "layer", "label"),
    "tier": ("tier",),
    "as_of": ("as_of", "as_of_date", "date", "updated", "valid_from"),
    "reported_by": ("reported_by", "publisher", "author", "attribution"),
    "source": ("source", "url"),
    "settlements": ("settlements",),
    "area_km2_stated": ("area_km2_stated", "area_km2"),
    "note": ("note", "notes", "description", "comment"),
    "id": ("id",),
}
_AREAS = ("Polygon", "MultiPolygon")
_POSITION_DEPTH = {"Polygon": 2, "MultiPolygon": 3}  # arrays around the positions of a geometry's coordinates
_MIN_POSITION, _MAX_POSITION = 2, 3  # values in a position: longitude, latitude and an optional height

#: A bad feature's (property, message).
_Issue = tuple[str | None, str]
N = TypeVar("N", int, float)
_SHOWN = 60  # characters of a bad value quoted in a message
#: The fields whose properties are text.
_TEXT_FIELDS = ("claimant", "status", "tier", "reported_by", "source", "note", "id")


def _get(props: Mapping[str, Any], field: str) -> tuple[str, Any]:
    """The first non-blank property named for *field*: ``(name, value)``, or ``(first name, None)``."""
    for name in PROPERTIES[field]:
        if name in props and props[name] is not None and str(props[name]).strip():
            return name, props[name]
    return PROPERTIES[field][0], None


def _text(value: object) -> str | None:
    """A property's text (a JSON string, or a whole number as written), None when blank.

    Raises :class:`ValueError` for a list, an object, ``true``/``false`` or a
    fraction: their Python spelling is not what the file says.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"expected text, got {_json_type(value)} {json.dumps(value, allow_nan=True)[:_SHOWN]}")


def _json_type(value: object) -> str:
    """What JSON calls *value*'s type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "an array" if isinstance(value, list) else "an object"


def _texts(props: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, str | None] | list[_Issue]:
    """The text of each of *fields* (None when absent), or the issues with the properties that are no text."""
    out: dict[str, str | None] = {}
    issues: list[_Issue] = []
    for field in fields:
        key, value = _get(props, field)
        try:
            out[field] = _text(value)
        except ValueError as exc:
            issues.append((key, f"{key}: {exc}"))
    return issues or out


@dataclass(frozen=True)
class _Collection:
    """What the FeatureCollection's own members say for every feature that does not say it itself."""

    path: Path
    as_of: date | None
    reported_by: str | None
    source: str

    @classmethod
    def of(cls, data: Mapping[str, Any], path: Path) -> _Collection:
        """The defaults of a FeatureCollection read from *path*.

        Raises
        ------
        FormatError
            When one of the collection's own members is not text, or its date is no date.
        """
        top = {str(k).lower(): v for k, v in data.items() if k not in ("features", "type")}
        found: dict[str, str | None] = {}
        for field, names in (("as_of", ("as_of", "date")), ("reported_by", ("reported_by", "publisher", "attribution")),
                             ("source", ("source",))):
            key = next((n for n in names if top.get(n) not in (None, "")), names[0])
            try:
                found[field] = _text(top.get(key))
            except ValueError as exc:
                raise FormatError(f"the collection's {key}: {exc}", path=str(path), column=key) from None
        as_of = parse_date(found["as_of"]) if found["as_of"] else None
        if found["as_of"] and as_of is None:
            raise FormatError(f"the collection's date {found['as_of']!r} is not a date (YYYY-MM-DD)",
                              path=str(path), column="as_of")
        return cls(path, as_of=as_of, reported_by=found["reported_by"], source=found["source"] or path.name)


def _number(props: Mapping[str, Any], field: str, parse: Callable[[str], N | None]) -> tuple[N | None, list[_Issue]]:
    """A count or an area property: its value ≥ 0 (None when absent), or the issue with it."""
    key, value = _get(props, field)
    if value is None:
        return None, []
    number = parse(str(value))
    if number is None or number < 0:
        return None, [(key, f"{key} {value!r} is not a number ≥ 0")]
    return number, []


def _area(feature: object) -> tuple[dict[str, Any], BaseGeometry, Any] | list[_Issue]:
    """A feature's properties (names in lower case), its (Multi)Polygon and its id; or why it is no control area."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return [(None, "not a GeoJSON Feature")]
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return [("properties", f"'properties' must be an object, got {type(properties).__name__}")]
    props = {str(k).lower(): v for k, v in properties.items()}
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in _AREAS:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        return [("geometry", f"a control area must be a Polygon or MultiPolygon, got {kind}")]
    wrong = _positions_issue(geometry)
    if wrong is not None:
        return [("geometry", f"not a readable {geometry.get('type')}: {wrong}")]
    try:
        shape = shapely.geometry.shape(geometry)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, shapely.errors.ShapelyError) as exc:
        return [("geometry", f"not a readable {geometry.get('type')}: {type(exc).__name__}: {exc}")]
    return props, shape, feature.get("id")


def _feature_id(property_id: str | None, own_id: object) -> str | None | list[_Issue]:
    """The ``id`` property, else the feature's own ``id`` member, as text; or the issue with it."""
    if property_id is not None:
        return property_id
    try:
        return _text(own_id)
    except ValueError as exc:
        return [("id", f"the feature's id: {exc}")]


def _positions(coordinates: object, levels: int) -> Iterator[object]:
    """The positions of a GeoJSON ``coordinates`` array *levels* arrays deep (raises ValueError where one is not)."""
    if levels == 0:
        yield coordinates
        return
    if not isinstance(coordinates, list):
        raise ValueError(f"expected an array of {'positions' if levels == 1 else 'arrays'}, got "
                         f"{_json_type(coordinates)} {json.dumps(coordinates, allow_nan=True)[:_SHOWN]}")
    for inner in coordinates:
        yield from _positions(inner, levels - 1)


def _positions_issue(geometry: Mapping[str, Any]) -> str | None:
    """What is wrong with a (Multi)Polygon's positions, or None: each must be 2 or 3 numbers, all alike.

    shapely would read ``true`` as 1 and report mixed 2-D and 3-D positions in
    NumPy's words; a missing ``coordinates`` is left to shapely.
    """
    if "coordinates" not in geometry:
        return None
    sizes = set()
    try:
        for position in _positions(geometry["coordinates"], _POSITION_DEPTH[geometry["type"]]):
            if not (isinstance(position, list) and _MIN_POSITION <= len(position) <= _MAX_POSITION
                    and all(isinstance(v, int | float) and not isinstance(v, bool) for v in position)):
                return (f"position {json.dumps(position, allow_nan=True)[:_SHOWN]} is not [longitude, latitude] "
                        "or [longitude, latitude, height]")
            sizes.add(len(position))
    except ValueError as exc:
        return str(exc)
    if len(sizes) > 1:
        return "positions mix [longitude, latitude] and [longitude, latitude, height]; give all the same"
    return None


def _claim(feature: object, i: int, collection: _Collection) -> TerritorialClaim | list[_Issue]:
    """Feature *i* as a territorial claim, or the issues that keep it from being one."""
    area = _area(feature)
    if isinstance(area, list):
        return area
    props, geometry, own_id = area
    texts = _texts(props, _TEXT_FIELDS)
    if isinstance(texts, list):
        return texts
    claim_key, claimant = _get(props, "claimant")[0], texts["claimant"]
    status_key, status = _get(props, "status")[0], texts["status"]
    if claimant is None:
        claimant, claim_key = status, status_key
    if claimant is None:
        return [("claimant", "no claimant: expected one of the properties "
                 + ", ".join(PROPERTIES["claimant"] + PROPERTIES["status"]))]
    as_of_key, stamp = _get(props, "as_of")
    as_of = collection.as_of if stamp is None else parse_date(str(stamp))
    if stamp is not None and as_of is None:
        return [(as_of_key, f"{as_of_key} {props[as_of_key]!r} is not a date (YYYY-MM-DD)")]
    settlements, bad_settlements = _number(props, "settlements", parse_count)
    area_km2, bad_area = _number(props, "area_km2_stated", parse_float)
    if bad_settlements or bad_area:
        return bad_settlements + bad_area
    tier_key, tier = _get(props, "tier")[0], texts["tier"]
    if tier is None:
        words = " ".join(v for v in (status, claimant, texts["note"]) if v).lower()
        tier = ClaimTier.CLAIMED if "claim" in words else ClaimTier.ASSESSED
    path = collection.path
    feature_id = _feature_id(texts["id"], own_id)
    if isinstance(feature_id, list):
        return feature_id
    try:
        return TerritorialClaim(
            str(claimant),
            as_of=as_of,
            settlements=settlements,
            area_km2_stated=area_km2,
            # a (Multi)Polygon: _area checked the GeoJSON type
            geometry=cast("Polygon | MultiPolygon", geometry),
            derivation=Derivation.GIVEN,
            tier=tier,
            note=texts["note"],
            provenance=Provenance(
                source=texts["source"] or collection.source,
                reported_by=texts["reported_by"] or collection.reported_by,
                event_date=as_of,
                date_precision=DatePrecision.DAY if as_of else DatePrecision.UNKNOWN,
                reason=f"control map {path.name}, feature {i + 1}"
                + (f" ({status_key}: {status})" if status is not None and status != claimant else ""),
            ),
            id=feature_id,
        )
    except (InvalidInputError, ValueError, TypeError, AttributeError) as exc:
        field: str | None = getattr(exc, "field", None)
        keys = {"tier": tier_key, "claimant": claim_key, None: "geometry"}  # the property named by the error
        return [(keys.get(field, field), str(exc))]


def read_control(
    path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8"
) -> tuple[list[TerritorialClaim], Problems, int]:
    """Read a control-area GeoJSON file: ``(records, problems, features)``.

    Raises
    ------
    FormatError
        When the file is not a GeoJSON FeatureCollection.
    """
    path = Path(path)
    data = load_json(path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise FormatError("not a GeoJSON FeatureCollection (no 'features' list)", path=str(path))
    collection = _Collection.of(data, path)
    problems = Problems(path, np.arange(1, len(features) + 1))
    records: list[TerritorialClaim] = []
    for i, feature in enumerate(features):
        claim = _claim(feature, i, collection)
        if isinstance(claim, TerritorialClaim):
            records.append(claim)
        else:
            for column, message in claim:
                problems.add_row(i, column, message)
    return records, problems, len(features)
