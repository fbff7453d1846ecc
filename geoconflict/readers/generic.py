"""Any CSV with coordinates or place names → located events.

Columns are found by name (case-insensitive); the first spelling present wins:

============== =====================================================================
role           accepted column names
============== =====================================================================
latitude       lat, latitude, y
longitude      lon, lng, long, longitude, x
place name     place, place_name, location, settlement, locality, village, town,
               city, name, then district, raion, admin2, then region, oblast,
               province, admin1, then country
country hint   country, country_code, iso2 (when the place name is not the country)
region hint    region, oblast, province, admin1 (when the place name is more specific)
date           date, event_date, date_start, start_date, day
end date       date_end, end_date
type           type, event_type, category
subtype        subtype, sub_event_type
description    description, notes, summary, text, comment, details
quote          quote
source         source, url, link
reported by    reported_by, claimed_by
actors         actors, actor, actor1, actor2, side_a, side_b (each split at ``;``)
fatalities     fatalities, deaths, killed
precision      precision (1 exact … 6 country)
id             id, event_id
============== =====================================================================

A row with coordinates is placed there (a ``feature`` place named after its
place-name cell, or after the coordinates), with the ``precision`` column's
value or 1 (exact).  A row without coordinates but with a place name is
geocoded with the offline gazetteer (:mod:`geoconflict.gazetteer.index`; or the
one given, say with your own places: ``read_events(path, gazetteer=...)``), hinted by
the row's country and region, and takes the place's precision.  A row that
can be placed neither way is a bad row naming its number: it is never dropped
silently and never put at (0, 0).  Dates may be ``YYYY-MM-DD`` (day),
``YYYY-MM`` (month) or ``YYYY`` (year); rows without a type are ``"event"``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from geoconflict.errors import FormatError, InvalidInputError, PlaceNotFoundError
from geoconflict.model import DatePrecision, Event, Place, PlaceKind, Precision, Provenance
from geoconflict.readers.cells import a_count, clean_text, latitude, longitude, parse_date, text_value
from geoconflict.readers.columns import column_values, text_cells
from geoconflict.readers.csvfile import columns_by_name, load_csv, read_header
from geoconflict.readers.problems import Problems

if TYPE_CHECKING:
    import pandas as pd

    from geoconflict.gazetteer import Gazetteer

__all__ = ["ALIASES", "PLACE_LEVELS", "detect_columns", "read_generic"]

#: Column names accepted for each role, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
    "date": ("date", "event_date", "date_start", "start_date", "day"),
    "date_end": ("date_end", "end_date"),
    "type": ("type", "event_type", "category"),
    "subtype": ("subtype", "sub_event_type"),
    "description": ("description", "notes", "summary", "text", "comment", "details"),
    "quote": ("quote",),
    "source": ("source", "url", "link"),
    "reported_by": ("reported_by", "claimed_by"),
    "fatalities": ("fatalities", "deaths", "killed"),
    "precision": ("precision",),
    "id": ("id", "event_id"),
}
_ACTORS = ("actors", "actor", "actor1", "actor2", "side_a", "side_b")
#: Place-name columns from the most to the least specific level.
PLACE_LEVELS: tuple[tuple[str, ...], ...] = (
    ("place", "place_name", "location", "settlement", "locality", "village", "town", "city", "name"),
    ("district", "raion", "admin2"),
    ("region", "oblast", "province", "admin1"),
    ("country",),
)
_REGION_LEVEL = 2  # the index in PLACE_LEVELS of region names: a hint for more specific names
_COUNTRY_LEVEL = 3  # the index in PLACE_LEVELS of country names
#: The place kind a name at each level of PLACE_LEVELS is looked up as (None: any).
_LEVEL_KINDS = (None, PlaceKind.ADMIN2, PlaceKind.ADMIN1, PlaceKind.COUNTRY)
_CANDIDATES = 10  # gazetteer hits weighed per name (the wanted kind, then the region hint)
_COUNTRY = ("country", "country_code", "iso2")
_TEXT = ("description", "quote", "source", "id")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")
#: A record field named in an InvalidInputError → the role of the column at fault.
_FIELD_ROLES = {"event_date_end": "date_end", "event_date": "date"}


def _first(found: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    return next((found[n] for n in names if n in found), None)


def _place_level(found: Mapping[str, str]) -> tuple[int, str] | None:
    """The most specific level of :data:`PLACE_LEVELS` the header has a column for, and that column."""
    for level, names in enumerate(PLACE_LEVELS):
        column = _first(found, names)
        if column:
            return level, column
    return None


def detect_columns(found: Mapping[str, str]) -> dict[str, str] | None:
    """The role → column mapping of a header, or None without coordinates or a place name.

    *found* maps lower-case names to the header's names
    (:func:`~geoconflict.readers.csvfile.columns_by_name`).

    Examples
    --------
    >>> detect_columns({"y": "Y", "x": "X", "date": "Date"})["lat"]
    'Y'
    >>> detect_columns({"date": "date", "notes": "notes"}) is None
    True
    """
    roles: dict[str, str] = {}
    for role, names in ALIASES.items():
        column = _first(found, names)
        if column is not None:
            roles[role] = column
    has_coordinates = "lat" in roles and "lon" in roles
    if not has_coordinates:
        roles.pop("lat", None)
        roles.pop("lon", None)
    place = _place_level(found)
    if not has_coordinates and place is None:
        return None
    if place is not None:
        level, roles["place"] = place
        roles["place_level"] = str(level)
        country, region = _first(found, _COUNTRY), _first(found, PLACE_LEVELS[_REGION_LEVEL])
        if level < _COUNTRY_LEVEL and country:
            roles["country"] = country
        if level < _REGION_LEVEL and region:
            roles["region"] = region
    for k, name in enumerate(n for n in _ACTORS if n in found):
        roles[f"actor{k}"] = found[name]
    return roles


def _date(value: str) -> tuple[date, DatePrecision]:
    d = parse_date(value)
    if d is not None:
        return d, DatePrecision.DAY
    m = _YEAR_MONTH.match(value)
    if m:
        year, month = int(m.group(1)), m.group(2)
        try:
            if month is None:
                return date(year, 1, 1), DatePrecision.YEAR
            return date(year, int(month), 1), DatePrecision.MONTH
        except ValueError:
            pass
    raise ValueError(f"date {value!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")


def _precision(value: str) -> Precision:
    try:
        return Precision(int(float(value)))
    except (ValueError, OverflowError):  # not a number, or inf
        raise ValueError(f"precision {value!r} is not one of 1 (exact) … 6 (country)") from None


class _Geocoder:
    """Geocode distinct (name, country, region) triples once each, loading the gazetteer on first use."""

    def __init__(self, level: int, gazetteer: Gazetteer | None = None):
        self.kind = _LEVEL_KINDS[level]
        self.cache: dict[tuple[str, str | None, str | None], Place | str] = {}
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer given, or the default offline one."""
        if self._gazetteer is None:
            from geoconflict.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def __call__(self, name: str, country: str | None, region: str | None) -> Place | str:
        """The place, or a message saying why there is none."""
        key = (name, country, region)
        if key not in self.cache:
            self.cache[key] = self._geocode(name, country, region)
        return self.cache[key]

    def _geocode(self, name: str, country: str | None, region: str | None) -> Place | str:
        from geoconflict.text.normalize import fold

        try:
            hits = self.gazetteer.search(name, country=country, limit=_CANDIDATES)
            if self.kind is not None:
                hits = [h for h in hits if h.place.kind == self.kind] or hits
        except InvalidInputError as exc:
            return f"cannot place {name!r}: {exc}"
        if not hits:
            suggestions = self.gazetteer.suggest(name, country=country) if country else self.gazetteer.suggest(name)
            return f"cannot place {name!r}: " + str(PlaceNotFoundError(name, suggestions)).split(": ", 1)[-1]
        if region:
            want = fold(region)
            for hit in hits:
                admin1 = fold(hit.place.admin1 or (hit.place.name if hit.place.kind == PlaceKind.ADMIN1 else ""))
                if admin1 and (want in admin1 or admin1 in want or want.split()[0] == admin1.split()[0]):
                    return hit.place
        return hits[0].place


# --------------------------------------------------------------------------- columns by role


@dataclass(frozen=True)
class _Table:
    """A generic CSV's frame, its problems, and the file's column for each role."""

    frame: pd.DataFrame
    problems: Problems
    columns: dict[str, str]

    def label(self, role: str) -> str:
        """The role's column as named in the file, for messages."""
        return self.columns.get(role, role)

    def values(self, role: str, parse: Callable[[str], Any], *, missing: Any = None) -> np.ndarray:
        """Each row's parsed value of a role's column (*missing* where blank, None where bad)."""
        if role not in self.frame.columns:
            return np.full(len(self.frame), missing, dtype=object)
        label = self.label(role)
        v, c = column_values(self.frame[[role]].rename(columns={role: label}), self.problems, label, parse,
                             required=False, missing=missing)
        return v[c]

    def texts(self, role: str) -> np.ndarray:
        """Each row's text of a role's column, None where blank."""
        if role not in self.frame.columns:
            return np.full(len(self.frame), None, dtype=object)
        if role in _TEXT:
            return np.array([clean_text(v) for v in text_cells(self.frame, role)], dtype=object)
        return self.values(role, text_value)


@dataclass(frozen=True)
class _Rows:
    """Each role's value per row, parsed (None where blank or bad)."""

    lat: np.ndarray
    lon: np.ndarray
    dates: np.ndarray  # (date, DatePrecision) pairs
    ends: np.ndarray
    precision: np.ndarray
    fatalities: np.ndarray
    types: np.ndarray
    names: np.ndarray
    country: np.ndarray
    region: np.ndarray
    actors: list[np.ndarray]  # one per actor column
    described: dict[str, np.ndarray]  # subtype, description, quote, source, reported_by, id

    @classmethod
    def parse(cls, table: _Table) -> _Rows:
        """Parse every role's column (in this order, which is the order of the problems they find)."""
        return cls(
            lat=table.values("lat", latitude),
            lon=table.values("lon", longitude),
            dates=table.values("date", _date),
            ends=table.values("date_end", _date),
            precision=table.values("precision", _precision),
            fatalities=table.values("fatalities", a_count),
            types=table.values("type", text_value),
            names=table.texts("place"),
            country=table.texts("country"),
            region=table.texts("region"),
            actors=[table.texts(r) for r in table.frame.columns if r.startswith("actor")],
            described={r: table.texts(r) for r in ("subtype", "description", "quote", "source", "reported_by", "id")},
        )


def _check_where(table: _Table, rows: _Rows) -> None:
    """Mark the rows that cannot be placed: half a coordinate pair, (0, 0), neither coordinates nor a name."""
    problems, frame, n = table.problems, table.frame, len(table.frame)
    if "lat" in frame.columns:  # cells given, valid or not (invalid ones are already reported)
        given_lat, given_lon = frame["lat"].notna().to_numpy(), frame["lon"].notna().to_numpy()
    else:
        given_lat = given_lon = np.zeros(n, dtype=bool)
    one_only = given_lat ^ given_lon
    problems.add(one_only & given_lat, table.label("lon"), "a latitude without a longitude")
    problems.add(one_only & given_lon, table.label("lat"), "a longitude without a latitude")
    zero = np.array([a == 0.0 and b == 0.0 for a, b in zip(rows.lat, rows.lon)], dtype=bool)
    problems.add(zero, table.label("lat"), "coordinates (0, 0) are a placeholder, not a location")
    no_where = ~given_lat & ~given_lon & (rows.names == None)  # noqa: E711 (element-wise)
    problems.add(no_where, table.label("place") if "place" in table.columns else table.label("lat"),
                 "no coordinates and no place name: the row cannot be placed")


# --------------------------------------------------------------------------- rows → records


def _at_coordinates(rows: _Rows, i: int, reason: str) -> Place:
    """Row *i*'s place at its coordinates, named after its place-name cell or the coordinates."""
    lat, lon = rows.lat[i], rows.lon[i]
    return Place(rows.names[i] or f"{lat:.4f}, {lon:.4f}", kind=PlaceKind.FEATURE, lat=lat, lon=lon, source=reason)


def _locate(rows: _Rows, i: int, geocoder: _Geocoder, reason: str) -> tuple[Place, Precision, str] | str:
    """Row *i*'s place, its precision and how it was found; or why it cannot be placed."""
    if rows.lat[i] is not None:
        return _at_coordinates(rows, i, reason), rows.precision[i] or Precision.EXACT, f"{reason}: coordinates"
    found = geocoder(rows.names[i], rows.country[i], rows.region[i])
    if isinstance(found, str):
        return found
    return found, rows.precision[i] or found.precision, f"{reason}: geocoded {rows.names[i]!r} with the offline gazetteer"


def _actors(cells: tuple[str | None, ...]) -> tuple[str, ...]:
    """A row's actors: its actor cells split at ``;``, in order, each once."""
    actors: list[str] = []
    for cell in cells:
        if cell is not None:
            actors.extend(p.strip() for p in cell.split(";") if p.strip())
    return tuple(dict.fromkeys(actors))


def _provenance(rows: _Rows, i: int, how: str) -> Provenance:
    """Row *i*'s provenance (raises :class:`InvalidInputError` when its dates do not fit)."""
    start, end = rows.dates[i], rows.ends[i]
    described = rows.described
    return Provenance(
        source=described["source"][i],
        reported_by=described["reported_by"][i],
        quote=described["quote"][i],
        event_date=start[0] if start else None,
        event_date_end=end[0] if end and start and end[0] != start[0] else None,
        date_precision=start[1] if start else DatePrecision.UNKNOWN,
        reason=how,
    )


def _event(rows: _Rows, i: int, place: Place, precision: Precision, how: str) -> Event:
    """Row *i* as an event at *place* (raises :class:`InvalidInputError` naming the field at fault)."""
    return Event(
        rows.types[i] or "event",
        place,
        subtype=rows.described["subtype"][i],
        actors=_actors(tuple(column[i] for column in rows.actors)),
        description=rows.described["description"][i],
        fatalities=rows.fatalities[i],
        precision=precision,
        provenance=_provenance(rows, i, how),
        id=rows.described["id"][i],
    )


def read_generic(
    path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8",
    gazetteer: Gazetteer | None = None, shared: bool = True,
) -> tuple[list[Event], Problems, int]:
    """Read a CSV with coordinates or place names: ``(records, problems, rows)``.

    Place names are geocoded with *gazetteer* (the default offline one when None).
    With *shared* (the default) each distinct place, provenance and actor list
    is made once and shared by the rows that have it; without, each row's are
    its own (the plain reference: equal records, equal problems).

    Raises
    ------
    FormatError
        When the header has neither coordinate columns nor a place-name column.
    """
    path = Path(path)
    header, _ = read_header(path, encoding=encoding)
    roles = detect_columns(columns_by_name(header))
    if roles is None:
        raise FormatError(
            "no latitude/longitude columns (lat/latitude/y, lon/lng/long/longitude/x) and no place-name "
            "column (place, location, settlement, city, town, village, district, region, country)",
            path=str(path),
        )
    level = int(roles.pop("place_level", "0"))
    frame, problems = load_csv(path, roles, text=[r for r in _TEXT if r in roles], encoding=encoding,
                               skip_spaces=True)
    table = _Table(frame, problems, roles)
    rows = _Rows.parse(table)
    _check_where(table, rows)
    geocoder = _Geocoder(level, gazetteer)
    reason = f"table {path.name}"
    if shared:
        return _Shared(rows, reason).records(table, geocoder), problems, len(frame)
    return per_row_records(table, rows, geocoder, reason), problems, len(frame)


def _add_problem(table: _Table, i: int, exc: InvalidInputError) -> None:
    """Row *i*'s record could not be made: the column at fault is the field's."""
    field_name = exc.field or ""
    table.problems.add_row(i, table.label(_FIELD_ROLES.get(field_name, field_name)), str(exc))


def per_row_records(table: _Table, rows: _Rows, geocoder: _Geocoder, reason: str) -> list[Event]:
    """The good rows' events, each with its own place and provenance: the reference for :class:`_Shared`."""
    records: list[Event] = []
    for i in np.flatnonzero(~table.problems.bad).tolist():
        located = _locate(rows, i, geocoder, reason)
        if isinstance(located, str):
            table.problems.add_row(i, table.label("place"), located)
            continue
        try:
            records.append(_event(rows, i, *located))
        except InvalidInputError as exc:
            _add_problem(table, i, exc)
    return records


class _Shared:
    """Rows → events, each distinct place, provenance and actor list made once and shared.

    The same events as :func:`per_row_records` (``tests/test_columnar.py`` holds
    them equal on generated tables), and the same problems in the same order:
    a provenance that cannot be made is remembered and its error given to
    every row that shares it.
    """

    def __init__(self, rows: _Rows, reason: str):
        self.rows, self.reason = rows, reason
        self.places: dict[tuple[Any, ...], Place] = {}
        self.provenances: dict[tuple[Any, ...], Provenance | InvalidInputError] = {}
        self.actors: dict[tuple[str | None, ...], tuple[str, ...]] = {}

    def records(self, table: _Table, geocoder: _Geocoder) -> list[Event]:
        """The good rows' events; the rows that cannot be made are added to the table's problems."""
        records: list[Event] = []
        rows = self.rows
        for i in np.flatnonzero(~table.problems.bad).tolist():
            located = self._place(i) if rows.lat[i] is not None else _locate(rows, i, geocoder, self.reason)
            if isinstance(located, str):
                table.problems.add_row(i, table.label("place"), located)
                continue
            try:
                records.append(self._event(i, *located))
            except InvalidInputError as exc:
                _add_problem(table, i, exc)
        return records

    def _place(self, i: int) -> tuple[Place, Precision, str]:
        """Row *i*'s place at its coordinates (as :func:`_locate` makes it)."""
        rows = self.rows
        key = (rows.names[i], rows.lat[i], rows.lon[i])
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = _at_coordinates(rows, i, self.reason)
        return place, rows.precision[i] or Precision.EXACT, f"{self.reason}: coordinates"

    def _event(self, i: int, place: Place, precision: Precision, how: str) -> Event:
        """Row *i* as an event at *place* (as :func:`_event` makes it)."""
        rows = self.rows
        described = rows.described
        key = (described["source"][i], described["reported_by"][i], described["quote"][i], rows.dates[i],
               rows.ends[i], how)
        provenance = self.provenances.get(key)
        if provenance is None:
            try:
                provenance = self.provenances[key] = _provenance(rows, i, how)
            except InvalidInputError as exc:
                provenance = self.provenances[key] = exc
        if isinstance(provenance, InvalidInputError):
            raise provenance
        cells = tuple(column[i] for column in rows.actors)
        actors = self.actors.get(cells)
        if actors is None:
            actors = self.actors[cells] = _actors(cells)
        return Event(
            rows.types[i] or "event",
            place,
            subtype=described["subtype"][i],
            actors=actors,
            description=described["description"][i],
            fatalities=rows.fatalities[i],
            precision=precision,
            provenance=provenance,
            id=described["id"][i],
        )
