"""Places as JSON, and a file's shared tables: each place and each text written once per file.

A report that names "Russia" ten times used to carry Russia's polygon ten
times in every export (about 800 KB each). The exports of
:mod:`geoconflict.model.io` now write each place once, as a row of kind
``place_table`` (a ``place_table`` layer in a GeoPackage) holding its fields
and its polygon, or its point when it has none; the mentions, movements,
claims, combat areas and events that name it hold ``{"ref": id}`` where they
held the place (a mention its id in ``place_ref``, and its name for reading),
and a mention's own geometry is the place's point.

The texts records repeat are shared the same way: every mention of a sentence
quotes the whole sentence, and the rule that placed a name is worded the same
for each mention of it. With ``texts="table"`` each distinct quote and reason
is written once, in the *text table* (:data:`TEXT_TABLE`: ``id``, ``text``),
and a record holds its id in ``quote_ref`` / ``reason_ref`` (``quote`` and
``reason`` are then empty); ``texts="inline"`` keeps them in every record.
Files written before either table existed, with places and texts inline,
still read.

The *detail* of an export chooses how much of each polygon is written:

``"full"`` (the default)
    Every coordinate, so the file reads back equal to what was written.
``"simplified"``
    Polygons simplified to :data:`SIMPLIFY_TOLERANCE_DEGREES` (topology
    preserved), places' polygons and claim and combat areas alike; an area made of
    its places' polygons is read back as the union of their simplified polygons.
``"point"``
    Places as points only (no polygon); claim and combat areas simplified in
    proportion to their size (:func:`drawn`), since the area is what such a record
    states.

Examples
--------
>>> from shapely.geometry import box
>>> from geoconflict.model import Place
>>> oblast = Place("Kursk Oblast", kind="admin1", lat=51.7, lon=36.2, geometry=box(34.9, 50.9, 38.5, 52.4))
>>> table = PlaceTable(texts="table")
>>> table.dump(oblast), table.dump(oblast)
({'ref': 'p1'}, {'ref': 'p1'})
>>> [(row["id"], row["name"], geometry.geom_type) for row, geometry in table.new_rows()]
[('p1', 'Kursk Oblast', 'Polygon')]
>>> reader = PlaceTable()
>>> reader.add_row({"id": "p1", "place": place_table_json(oblast)}, box(34.9, 50.9, 38.5, 52.4))
>>> reader.load({"ref": "p1"}) == oblast
True
>>> table.text_ref("Forces entered the town."), table.text_ref("Forces entered the town.")
('t1', 't1')
>>> list(table.new_text_rows())
[{'kind': 'text_table', 'id': 't1', 'text': 'Forces entered the town.'}]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model.place import Place

__all__ = [
    "DETAILS",
    "DRAWN_SHARE",
    "PLACE_TABLE",
    "PLACE_TABLE_COLUMNS",
    "SIMPLIFY_TOLERANCE_DEGREES",
    "TEXTS",
    "TEXT_TABLE",
    "TEXT_TABLE_COLUMNS",
    "PlaceTable",
    "drawn",
    "place_from_dict",
    "place_table_json",
    "place_to_dict",
]

#: The ``kind`` of a place-table row (and the name of its GeoPackage layer).
PLACE_TABLE = "place_table"
#: The columns of a place-table row besides its geometry: the place's every field but
#: its polygon as JSON in ``place``, its name again for people reading the file.
PLACE_TABLE_COLUMNS: dict[str, str] = {"kind": "str", "id": "str", "name": "str", "place": "str"}
#: The ``kind`` of a text-table row (and the name of its GeoPackage table).
TEXT_TABLE = "text_table"
#: The columns of a text-table row.
TEXT_TABLE_COLUMNS: dict[str, str] = {"kind": "str", "id": "str", "text": "str"}
#: The geometry details an export can be written at (see the module docs).
DETAILS = ("full", "simplified", "point")
#: Where an export writes quotes and reasons: once each in the text table, or in every record.
TEXTS = ("table", "inline")
#: Tolerance of the ``"simplified"`` detail, in degrees (about 500 m of latitude).
SIMPLIFY_TOLERANCE_DEGREES = 0.005
#: The tolerance of a copy drawn of an area the file holds exactly, as a share of the area's size (:func:`drawn`).
DRAWN_SHARE = 1 / 500
#: The prefix of the ids the place table gives, followed by a running number.
_ID_PREFIX = "p"
#: The prefix of the ids the text table gives.
_TEXT_PREFIX = "t"


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
    """The ``place`` column of a place-table row: the place without its polygon, as JSON, its missing fields left out.

    Examples
    --------
    >>> place_table_json(Place("Riverton", kind="populated_place", lat=48.5, lon=35.1, country_code="UA"))
    '{"name":"Riverton","kind":"populated_place","lat":48.5,"lon":35.1,"country_code":"UA","approximate":false}'
    """
    fields = {name: value for name, value in place_to_dict(place, geometry=False).items() if value is not None}
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def check_detail(detail: str) -> str:
    """*detail* when it is one of :data:`DETAILS`, else an :class:`InvalidInputError`."""
    if detail not in DETAILS:
        raise InvalidInputError(f"detail: expected one of {', '.join(DETAILS)}, got {detail!r}",
                                field="detail", value=detail)
    return detail


def check_texts(texts: str) -> str:
    """*texts* when it is one of :data:`TEXTS`, else an :class:`InvalidInputError`."""
    if texts not in TEXTS:
        raise InvalidInputError(f"texts: expected one of {', '.join(TEXTS)}, got {texts!r}",
                                field="texts", value=texts)
    return texts


def simplified(geometry: BaseGeometry) -> BaseGeometry:
    """*geometry* simplified to :data:`SIMPLIFY_TOLERANCE_DEGREES`, its topology kept (never empty)."""
    out = shapely.simplify(geometry, SIMPLIFY_TOLERANCE_DEGREES, preserve_topology=True)
    return geometry if out.is_empty or not out.is_valid else out


def drawn(geometry: BaseGeometry) -> BaseGeometry:
    """A copy of an area to be drawn, whose exact form the file holds elsewhere (its places' polygons).

    Simplified, its topology kept, to :data:`DRAWN_SHARE` of its own size (the square root of its
    area in square degrees), never finer than :data:`SIMPLIFY_TOLERANCE_DEGREES`: a town's area
    keeps about 500 m, a country's a few kilometres, each about one pixel when the whole area fills
    a screen. The reader makes the exact area again and never reads this copy.

    Examples
    --------
    >>> from shapely.geometry import Point
    >>> country = Point(60, 60).buffer(20, quad_segs=2_000)  # 8,000 vertices, 40 degrees across
    >>> len(drawn(country).exterior.coords) < 200 < len(simplified(country).exterior.coords)
    True
    """
    tolerance = max(SIMPLIFY_TOLERANCE_DEGREES, DRAWN_SHARE * geometry.area ** 0.5)
    out = shapely.simplify(geometry, tolerance, preserve_topology=True)
    return geometry if out.is_empty or not out.is_valid else out


def simplified_line(line: BaseGeometry) -> BaseGeometry:
    """A line simplified to :data:`SIMPLIFY_TOLERANCE_DEGREES` (Douglas-Peucker: a line has no topology to keep).

    Keeping topology costs far more on long densified lines (minutes for one that
    circles the globe), and a line drawn from two places has none to lose.
    """
    out = shapely.simplify(line, SIMPLIFY_TOLERANCE_DEGREES, preserve_topology=False)
    return line if out.is_empty else out


class PlaceTable:
    """The shared tables of one file: its places and, with ``texts="table"``, its texts, each given an id.

    Writing, :meth:`dump` gives a place's JSON form (a reference) and
    :meth:`new_rows` the rows of the places first referred to since its last
    call, written before the record that refers to them; :meth:`text_ref` and
    :meth:`new_text_rows` do the same for quotes and reasons. Reading,
    :meth:`add_row` and :meth:`add_text_row` take those rows, :meth:`load` and
    :meth:`text` resolve references.

    Parameters
    ----------
    detail : {"full", "simplified", "point"}
        How much of each polygon to write (see the module docs).
    texts : {"table", "inline"}
        Whether quotes and reasons are written once each in the text table
        (:meth:`text_ref` gives ids) or inline in every record (it gives None).
    """

    def __init__(self, *, detail: str = "full", texts: str = "inline") -> None:
        self.detail = check_detail(detail)
        self.texts = check_texts(texts)
        self._ids: dict[Place, str] = {}
        self._objects: dict[int, tuple[Place, str]] = {}
        self._places: dict[str, Place] = {}
        self._new: list[tuple[str, Place]] = []
        self._text_ids: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        self._new_texts: list[tuple[str, str]] = []

    def ref(self, place: Place) -> str:
        """The id of *place* in the table (added when new).

        Remembered by the place object too: records gathered from worker processes hold many equal copies of
        one place, and comparing two copies compares their polygons (a country's in Python, part by part).
        """
        seen = self._objects.get(id(place))
        if seen is not None:
            return seen[1]
        written = place.replace(geometry=None) if self.detail == "point" else place  # as the file holds it: two
        found = self._ids.get(written)  # places told apart by their polygons alone are one row without them
        if found is None:
            found = self._ids[written] = f"{_ID_PREFIX}{len(self._ids) + 1}"
            self._new.append((found, written))
        self._objects[id(place)] = (place, found)  # the place kept alive, so its id() is not reused
        return found

    def dump(self, place: Place) -> dict[str, Any]:
        """*place* as JSON: ``{"ref": id}``."""
        return {"ref": self.ref(place)}

    def area(self, geometry: BaseGeometry | None) -> BaseGeometry | None:
        """A claim's or combat area's geometry at this table's detail."""
        if geometry is None or self.detail == "full":
            return geometry
        return simplified(geometry) if self.detail == "simplified" else drawn(geometry)

    def new_rows(
        self, more: Callable[[str], Mapping[str, Any]] | None = None
    ) -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
        """``(columns, polygon or point)`` of each place first referred to since the last call.

        *more*, when given, adds columns to each place's row, given its id (a GeoJSON's count of mentions of it).
        """
        new, self._new = self._new, []
        for found, place in new:
            row = {"kind": PLACE_TABLE, "id": found, "name": place.name, "place": place_table_json(place)}
            if more is not None:
                row |= more(found)
            polygon = place.geometry
            if polygon is None or self.detail == "point":
                yield row, place.point
            else:
                yield row, polygon if self.detail == "full" else simplified(polygon)

    def text_ref(self, text: str | None) -> str | None:
        """The id of *text* in the text table (added when new); None for no text or ``texts="inline"``."""
        return None if self.texts == "inline" else self.text_id(text)

    def text_id(self, text: str | None) -> str | None:
        """The id of *text* in the text table (added when new) whatever the layout of the records' texts: what
        is not a record a GIS reads (a GeoJSON's mention columns) refers to its texts; None for no text."""
        if text is None:
            return None
        found = self._text_ids.get(text)
        if found is None:
            found = self._text_ids[text] = f"{_TEXT_PREFIX}{len(self._text_ids) + 1}"
            self._new_texts.append((found, text))
        return found

    def new_text_rows(self) -> Iterator[dict[str, Any]]:
        """The text-table rows (``kind``, ``id``, ``text``) of the texts first referred to since the last call."""
        new, self._new_texts = self._new_texts, []
        for found, text in new:
            yield {"kind": TEXT_TABLE, "id": found, "text": text}

    def add_row(self, row: Mapping[str, Any], geometry: BaseGeometry | None) -> None:
        """Read one place-table row (``id``, ``place`` JSON) and its polygon (a point: none)."""
        found = _row_id(row, PLACE_TABLE)
        polygon = geometry if geometry is not None and geometry.geom_type.endswith("Polygon") else None
        try:
            self._places[found] = place_from_dict(json.loads(row.get("place") or ""), polygon)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise FormatError(f"place_table row {found!r}: bad place: {exc}", column="place") from exc

    def add_text_row(self, row: Mapping[str, Any]) -> None:
        """Read one text-table row (``id``, ``text``)."""
        found, text = _row_id(row, TEXT_TABLE), row.get("text")
        if not isinstance(text, str):
            raise FormatError(f"text_table row {found!r} without a text", column="text")
        self._texts[found] = text

    def load(self, data: Mapping[str, Any]) -> Place:
        """The place of a JSON form written by :meth:`dump` (a reference or the place's fields)."""
        if "ref" not in data:
            return place_from_dict(data)
        try:
            return self._places[data["ref"]]
        except (KeyError, TypeError):
            raise FormatError(f"refers to place {data['ref']!r}, which is not in the file's place table",
                              column="place") from None

    def text(self, ref: str, column: str) -> str:
        """The text of id *ref* (read from the *column* of a record), or a :class:`FormatError`."""
        try:
            return self._texts[ref]
        except KeyError:
            raise FormatError(f"refers to text {ref!r}, which is not in the file's text table",
                              column=column) from None


def _row_id(row: Mapping[str, Any], table: str) -> str:
    """The ``id`` of a row of *table*, or a :class:`FormatError`."""
    found = row.get("id")
    if not isinstance(found, str) or not found:
        raise FormatError(f"{table} row without an id", column="id")
    return found
