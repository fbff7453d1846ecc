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
geocoded with the offline gazetteer (:mod:`geoconflict.gazetteer.index`), hinted by
the row's country and region, and takes the place's precision.  A row that
can be placed neither way is a bad row naming its number: it is never dropped
silently and never put at (0, 0).  Dates may be ``YYYY-MM-DD`` (day),
``YYYY-MM`` (month) or ``YYYY`` (year); rows without a type are ``"event"``.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import numpy as np

from geoconflict.errors import InvalidInputError, PlaceNotFoundError
from geoconflict.model.records import DatePrecision, Event, Place, PlaceKind, Precision, Provenance
from geoconflict.readers._common import (
    a_count,
    clean_text,
    column_values,
    columns_by_name,
    latitude,
    load_csv,
    longitude,
    parse_date,
    read_header,
    text_value,
)

__all__ = ["ALIASES", "detect_columns", "read_generic"]

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
_COUNTRY = ("country", "country_code", "iso2")
_TEXT = ("description", "quote", "source", "id")
_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")


def _first(found: dict[str, str], names) -> str | None:
    return next((found[n] for n in names if n in found), None)


def detect_columns(found: dict[str, str]) -> dict[str, str] | None:
    """The role → column mapping of a header, or None without coordinates or a place name.

    *found* maps lower-case names to the header's names
    (:func:`~geoconflict.readers._common.columns_by_name`).

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
    level = next((k for k, names in enumerate(PLACE_LEVELS) if _first(found, names)), None)
    if level is not None:
        roles["place"] = _first(found, PLACE_LEVELS[level])
        roles["place_level"] = str(level)
        if level < 3 and _first(found, _COUNTRY):
            roles["country"] = _first(found, _COUNTRY)
        if level < 2 and _first(found, PLACE_LEVELS[2]):
            roles["region"] = _first(found, PLACE_LEVELS[2])
    if not has_coordinates and level is None:
        return None
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
    except ValueError:
        raise ValueError(f"precision {value!r} is not one of 1 (exact) … 6 (country)") from None


class _Geocoder:
    """Geocode distinct (name, country, region) triples once each."""

    def __init__(self, level: int):
        from geoconflict.gazetteer import Gazetteer

        self.gazetteer = Gazetteer.default()
        self.kind = (None, PlaceKind.ADMIN2, PlaceKind.ADMIN1, PlaceKind.COUNTRY)[level]
        self.cache: dict[tuple, Place | str] = {}

    def __call__(self, name: str, country: str | None, region: str | None) -> Place | str:
        key = (name, country, region)
        if key not in self.cache:
            self.cache[key] = self._geocode(name, country, region)
        return self.cache[key]

    def _geocode(self, name: str, country: str | None, region: str | None) -> Place | str:
        from geoconflict.text.normalize import fold

        try:
            hits = self.gazetteer.search(name, country=country, limit=10)
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


def read_generic(path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8"):
    """Read a CSV with coordinates or place names: ``(records, problems, rows)``."""
    from geoconflict.errors import FormatError

    path = Path(path)
    header, _ = read_header(path, encoding=encoding)
    found = columns_by_name(header)
    roles = detect_columns(found)
    if roles is None:
        raise FormatError(
            "no latitude/longitude columns (lat/latitude/y, lon/lng/long/longitude/x) and no place-name "
            "column (place, location, settlement, city, town, village, district, region, country)",
            path=str(path),
        )
    level = int(roles.pop("place_level", "0"))
    columns = {role: column for role, column in roles.items()}
    frame, problems = load_csv(path, columns, text=[r for r in _TEXT if r in columns], encoding=encoding,
                               skip_spaces=True)
    n = len(frame)

    def label(role: str) -> str:
        return columns.get(role, role)

    def values(role, parse, *, missing=None):
        if role not in frame.columns:
            return np.full(n, missing, dtype=object)
        v, c = column_values(frame[[role]].rename(columns={role: label(role)}), problems, label(role), parse,
                             required=False, missing=missing)
        return v[c]

    def texts(role):
        if role not in frame.columns:
            return np.full(n, None, dtype=object)
        if role in _TEXT:
            return np.array([clean_text(v) for v in frame[role].to_numpy(dtype=object, na_value=None)], dtype=object)
        return values(role, text_value)

    lat = values("lat", latitude)
    lon = values("lon", longitude)
    dates = values("date", _date)
    ends = values("date_end", _date)
    precision = values("precision", _precision)
    fatalities = values("fatalities", a_count)
    types = values("type", text_value)
    names, country, region = texts("place"), texts("country"), texts("region")
    actor_columns = [texts(r) for r in frame.columns if r.startswith("actor")]
    described = {r: texts(r) for r in ("subtype", "description", "quote", "source", "reported_by", "id")}

    if "lat" in frame.columns:  # cells given, valid or not (invalid ones are already reported)
        given_lat, given_lon = frame["lat"].notna().to_numpy(), frame["lon"].notna().to_numpy()
    else:
        given_lat = given_lon = np.zeros(n, dtype=bool)
    one_only = given_lat ^ given_lon
    problems.add(one_only & given_lat, label("lon"), "a latitude without a longitude")
    problems.add(one_only & given_lon, label("lat"), "a longitude without a latitude")
    zero = np.array([a == 0.0 and b == 0.0 for a, b in zip(lat, lon)], dtype=bool)
    problems.add(zero, label("lat"), "coordinates (0, 0) are a placeholder, not a location")
    no_where = ~given_lat & ~given_lon & (names == None)  # noqa: E711
    problems.add(no_where, label("place") if "place" in columns else label("lat"),
                 "no coordinates and no place name: the row cannot be placed")

    geocoder = None
    reason = f"table {path.name}"
    records = []
    for i in np.flatnonzero(~problems.bad).tolist():
        if lat[i] is not None:
            name = names[i] or f"{lat[i]:.4f}, {lon[i]:.4f}"
            place = Place(name, kind=PlaceKind.FEATURE, lat=lat[i], lon=lon[i], source=reason)
            where_precision = precision[i] or Precision.EXACT
            how = f"{reason}: coordinates"
        else:
            if geocoder is None:
                geocoder = _Geocoder(level)
            found_place = geocoder(names[i], country[i], region[i])
            if isinstance(found_place, str):
                problems.add_row(i, label("place"), found_place)
                continue
            place = found_place
            where_precision = precision[i] or place.precision
            how = f"{reason}: geocoded {names[i]!r} with the offline gazetteer"
        start = dates[i]
        end = ends[i]
        actors: list[str] = []
        for column in actor_columns:
            if column[i] is not None:
                actors.extend(p.strip() for p in column[i].split(";") if p.strip())
        try:
            provenance = Provenance(
                source=described["source"][i],
                reported_by=described["reported_by"][i],
                quote=described["quote"][i],
                event_date=start[0] if start else None,
                event_date_end=end[0] if end and start and end[0] != start[0] else None,
                date_precision=start[1] if start else DatePrecision.UNKNOWN,
                reason=how,
            )
            records.append(Event(
                types[i] or "event",
                place,
                subtype=described["subtype"][i],
                actors=tuple(dict.fromkeys(actors)),
                description=described["description"][i],
                fatalities=fatalities[i],
                precision=where_precision,
                provenance=provenance,
                id=described["id"][i],
            ))
        except InvalidInputError as exc:
            field = exc.field or ""
            column = label({"event_date_end": "date_end", "event_date": "date"}.get(field, field))
            problems.add_row(i, column, str(exc))
    return records, problems, n
