"""Places as JSON, and the place table: each polygon written once per file, not once per mention.

A report that names "Russia" ten times used to carry Russia's polygon ten
times in every export (about 800 KB each). The exports of
:mod:`geoconflict.model.io` now write each place that has a polygon once, as
a row of kind ``place_table`` (a ``place_table`` layer in a GeoPackage); the
mentions, movements, claims, combat areas and events that name it hold
``{"ref": id}`` where they held the place, and a mention's own geometry is the
place's point. Files written before the table existed, with places inline,
still read. A GeoPackage of a table's events (:func:`geoconflict.model.io.write_geopackage`
of a deferred :class:`~geoconflict.model.eventset.EventSet`) refers to every place, with a
polygon or not (``every_place=True``): a million rows at a few thousand sites write each
site once; a row of a place without a polygon has the place's point as its geometry.

The *detail* of an export chooses how much of each polygon is written:

``"full"`` (the default)
    Every coordinate, so the file reads back equal to what was written.
``"simplified"``
    Polygons simplified to :data:`SIMPLIFY_TOLERANCE_DEGREES` (topology
    preserved), places' polygons and claim and combat areas alike.
``"point"``
    Places as points only (no polygon); claim and combat areas simplified, since
    the area is what such a record states.

Examples
--------
>>> from shapely.geometry import box
>>> from geoconflict.model import Place
>>> oblast = Place("Kursk Oblast", kind="admin1", lat=51.7, lon=36.2, geometry=box(34.9, 50.9, 38.5, 52.4))
>>> table = PlaceTable()
>>> table.dump(oblast), table.dump(oblast)
({'ref': 'p1'}, {'ref': 'p1'})
>>> [(row["id"], row["name"], geometry.geom_type) for row, geometry in table.new_rows()]
[('p1', 'Kursk Oblast', 'Polygon')]
>>> reader = PlaceTable()
>>> reader.add_row({"id": "p1", "place": place_table_json(oblast)}, box(34.9, 50.9, 38.5, 52.4))
>>> reader.load({"ref": "p1"}) == oblast
True
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model.place import Place

__all__ = [
    "DETAILS",
    "PLACE_TABLE",
    "PLACE_TABLE_COLUMNS",
    "SIMPLIFY_TOLERANCE_DEGREES",
    "PlaceTable",
    "place_from_dict",
    "place_table_json",
    "place_to_dict",
]

#: The ``kind`` of a place-table row (and the name of its GeoPackage layer).
PLACE_TABLE = "place_table"
#: The columns of a place-table row besides its geometry: the place's every field but
#: its polygon as JSON in ``place``, its name again for people reading the file.
PLACE_TABLE_COLUMNS: dict[str, str] = {"kind": "str", "id": "str", "name": "str", "place": "str"}
#: The geometry details an export can be written at (see the module docs).
DETAILS = ("full", "simplified", "point")
#: Tolerance of the ``"simplified"`` detail, in degrees (about 500 m of latitude).
SIMPLIFY_TOLERANCE_DEGREES = 0.005
#: The prefix of the ids the place table gives, followed by a running number.
_ID_PREFIX = "p"


def place_to_dict(place: Place, *, geometry: bool = True) -> dict[str, Any]:
    """A JSON-ready dict holding every field of a place (its polygon as GeoJSON unless *geometry* is false)."""
    polygon = place.geometry if geometry else None
    return {
        "name": place.name,
        "kind": place.kind.value,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geonames_id": place.geonames_id,
        "population": place.population,
        "geometry": shapely.geometry.mapping(polygon) if polygon is not None else None,
        "approximate": place.approximate,
        "source": place.source,
    }


def place_from_dict(data: Mapping[str, Any], geometry: BaseGeometry | None = None) -> Place:
    """The inverse of :func:`place_to_dict`; *geometry*, when given, is the place's polygon."""
    data = dict(data)
    name = data.pop("name")
    stored = data.pop("geometry", None)
    if geometry is None and stored:
        geometry = shapely.geometry.shape(stored)
    return Place(name, geometry=geometry, **data)


def place_table_json(place: Place) -> str:
    """The ``place`` column of a place-table row: the place without its polygon, as JSON."""
    return json.dumps(place_to_dict(place, geometry=False), ensure_ascii=False, separators=(",", ":"))


def check_detail(detail: str) -> str:
    """*detail* when it is one of :data:`DETAILS`, else an :class:`InvalidInputError`."""
    if detail not in DETAILS:
        raise InvalidInputError(f"detail: expected one of {', '.join(DETAILS)}, got {detail!r}",
                                field="detail", value=detail)
    return detail


def simplified(geometry: BaseGeometry) -> BaseGeometry:
    """*geometry* simplified to :data:`SIMPLIFY_TOLERANCE_DEGREES`, its topology kept (never empty)."""
    out = shapely.simplify(geometry, SIMPLIFY_TOLERANCE_DEGREES, preserve_topology=True)
    return geometry if out.is_empty or not out.is_valid else out


class PlaceTable:
    """The places with polygons of one file, each given an id and written once.

    Writing, :meth:`dump` gives a place's JSON form (a reference when it has a
    polygon) and :meth:`new_rows` the rows of the places first referred to since
    its last call, written before the record that refers to them. Reading,
    :meth:`add_row` takes those rows and :meth:`load` resolves references.

    Parameters
    ----------
    detail : {"full", "simplified", "point"}
        How much of each polygon to write (see the module docs).
    every_place : bool
        Refer to places without a polygon too (their row's geometry is their
        point): a table's thousands of rows at a few hundred places write each
        place once (:func:`geoconflict.model.io.write_geopackage`). Not with
        ``detail="point"``, where every place is written inline.
    """

    def __init__(self, *, detail: str = "full", every_place: bool = False) -> None:
        self.detail = check_detail(detail)
        self.every_place = every_place
        self._ids: dict[Place, str] = {}
        self._places: dict[str, Place] = {}
        self._new: list[tuple[str, Place]] = []

    def ref(self, place: Place) -> str | None:
        """The id of *place* in the table (added when new), or None when it is written inline."""
        if self.detail == "point" or (place.geometry is None and not self.every_place):
            return None
        found = self._ids.get(place)
        if found is None:
            found = self._ids[place] = f"{_ID_PREFIX}{len(self._ids) + 1}"
            self._new.append((found, place))
        return found

    def dump(self, place: Place) -> dict[str, Any]:
        """*place* as JSON: ``{"ref": id}`` when it has a polygon, else its fields."""
        found = self.ref(place)
        return {"ref": found} if found is not None else place_to_dict(place, geometry=self.detail != "point")

    def area(self, geometry: BaseGeometry | None) -> BaseGeometry | None:
        """A claim's or combat area's geometry at this table's detail."""
        return geometry if geometry is None or self.detail == "full" else simplified(geometry)

    def new_rows(self) -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
        """``(columns, geometry)`` of each place first referred to since the last call: its polygon, or its
        point when it has none (with *every_place*)."""
        new, self._new = self._new, []
        for found, place in new:
            polygon = place.geometry
            row = {"kind": PLACE_TABLE, "id": found, "name": place.name, "place": place_table_json(place)}
            if polygon is None:
                yield row, place.point
            else:
                yield row, polygon if self.detail == "full" else simplified(polygon)

    def add_row(self, row: Mapping[str, Any], geometry: BaseGeometry | None) -> None:
        """Read one place-table row (``id``, ``place`` JSON) and its polygon (a point: the place has none)."""
        if geometry is not None and geometry.geom_type == "Point":
            geometry = None
        found = row.get("id")
        if not isinstance(found, str) or not found:
            raise FormatError("place_table row without an id", column="id")
        try:
            self._places[found] = place_from_dict(json.loads(row.get("place") or ""), geometry)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise FormatError(f"place_table row {found!r}: bad place: {exc}", column="place") from exc

    def load(self, data: Mapping[str, Any]) -> Place:
        """The place of a JSON form written by :meth:`dump` (a reference or the place's fields)."""
        if "ref" not in data:
            return place_from_dict(data)
        try:
            return self._places[data["ref"]]
        except (KeyError, TypeError):
            raise FormatError(f"refers to place {data['ref']!r}, which is not in the file's place table",
                              column="place") from None
