"""Your own places: a CSV or GeoJSON file of places read, checked, and turned into gazetteer rows.

:meth:`Gazetteer.with_places <geoconflict.gazetteer.index.Gazetteer.with_places>`
reads such a file with :func:`read_places` and adds its places to a copy of the
gazetteer (:func:`added_rows` builds the columns); the embedded gazetteer is
never changed.

The file
--------
A **CSV** (comma, tab or semicolon separated, UTF-8) with a header row, or a
**GeoJSON** FeatureCollection whose features' properties have the same names.
Column names are matched without case.

=============== ========== =============================================================
column          required   what it holds
=============== ========== =============================================================
``name``        yes        the place's name, as it should be shown
``lat``, ``lon`` yes [1]_  the place's point (decimal degrees, WGS84)
``wkt``         no         a Polygon or MultiPolygon in WKT, (lon lat) order (CSV only;
                           a GeoJSON feature's geometry may be a Point, Polygon or
                           MultiPolygon)
``aliases``     no         other spellings, separated by ``;`` or ``|`` (GeoJSON: a list
                           or such a string)
``kind``        no         ``populated_place`` (the default), ``admin2``, ``admin1`` or
                           ``region``
``country``     no         ISO 3166-1 alpha-2 code or country name; when blank, the
                           country whose outline holds the point
``admin1``      no         the first-level unit (oblast, province, state) holding it
``admin2``      no         the second-level unit (raion, district) holding it
``population``  no         a whole number
``prefer``      no         ``yes`` (the default) or ``no``: see *Ranking* below
``approximate`` no         ``yes`` when the point is an estimate (default ``no``)
=============== ========== =============================================================

.. [1] Not needed when the row has a polygon (``wkt``, or a GeoJSON polygon
   geometry): the polygon's representative point is used.

Every row is checked before anything is added: a bad row (a missing name, a
latitude out of range, an unknown kind or country, an unreadable polygon) stops
the whole file with one :class:`~geoconflict.errors.FormatError` that lists
every bad row by its line number (CSV, the header being line 1) or feature
number (GeoJSON, from 1) and its column. Nothing is dropped silently.

Ranking
-------
A place of yours is found by its name and each alias, by ``search``,
``geocode``, ``resolve`` and the text scan (so ``extract`` finds it in
reports). With ``prefer`` = ``yes`` (the default) it outranks every embedded
place matched by the same kind of name (its own name, or an alias), whatever
their kind or population: the file is the analyst's word. Only a descriptor in
the query that names another kind ("X *region*" for your village X) or a
document whose other names all point elsewhere can still put an embedded place
first. With ``prefer`` = ``no`` it is ranked as an embedded place of its kind and
population would be.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
>>> _ = path.write_text("name,aliases,lat,lon,country\\nZorivka Xq,Zorevka Xq,48.1,37.2,UA\\n", encoding="utf-8")
>>> from geoconflict.gazetteer import Gazetteer
>>> [(p.place.name, p.aliases) for p in read_places(path, Gazetteer.default())]
[('Zorivka Xq', ('Zorevka Xq',))]
"""

from __future__ import annotations

import bisect
import csv
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from geoconflict.errors import FormatError, GeoconflictError, InvalidInputError
from geoconflict.gazetteer.candidates import (
    ADMIN1,
    ALTERNATE_NAME,
    KIND_CODE,
    KIND_SCORE,
    OTHER_POPULATION_SCORE,
    POPULATED_PLACE,
    POPULATION_SCORE,
    PRIMARY_NAME,
    check_name,
)
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold, parse_query, scan_fold

__all__ = ["ALIAS_SEPARATORS", "KINDS_ALLOWED", "USER_PLACE_BONUS", "AddedPlaces", "AddedRows", "UserPlace",
           "added_rows", "prior_importance", "read_places"]

#: Added to the prior importance of a preferred place of yours: more than the widest gap between two
#: embedded places of one name (a country of 10^9 people over a hamlet, with an alias against a name)
USER_PLACE_BONUS = 4.0
#: The kinds a place of yours may have (countries are the embedded gazetteer's)
KINDS_ALLOWED = (PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN2, PlaceKind.ADMIN1, PlaceKind.REGION)
#: Aliases in one cell are separated by any of these
ALIAS_SEPARATORS = (";", "|")
#: The source recorded on each place of yours: this, then the file's name
SOURCE_PREFIX = "user places"
#: Bad rows quoted in the error (all are counted)
SHOWN_PROBLEMS = 10
_YES = frozenset({"yes", "y", "true", "1", "t"})
_NO = frozenset({"no", "n", "false", "0", "f"})
_CSV_SUFFIXES = (".csv", ".tsv", ".txt")
_JSON_SUFFIXES = (".geojson", ".json")
_KNOWN = ("name", "lat", "lon", "wkt", "aliases", "kind", "country", "admin1", "admin2", "population", "prefer",
          "approximate")


@dataclass(frozen=True)
class UserPlace:
    """One place of yours, checked: the :class:`Place`, its other spellings, whether it is preferred."""

    place: Place
    aliases: tuple[str, ...] = ()
    prefer: bool = True


class _RowError(Exception):
    """A bad cell: the column at fault and why."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


# --------------------------------------------------------------------------- cells


def _cell(row: Mapping[str, Any], column: str) -> Any:
    value = row.get(column)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _flag(row: Mapping[str, Any], column: str, default: bool) -> bool:
    value = _cell(row, column)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise _RowError(column, f"{value!r} is not yes or no")


def _number(row: Mapping[str, Any], column: str) -> float | None:
    value = _cell(row, column)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _RowError(column, f"{value!r} is not a number") from None
    if not np.isfinite(number):
        raise _RowError(column, f"{value!r} is not a finite number")
    return number


def _population(row: Mapping[str, Any]) -> int | None:
    number = _number(row, "population")
    if number is None:
        return None
    if number < 0 or number != int(number):
        raise _RowError("population", f"{_cell(row, 'population')!r} is not a whole number ≥ 0")
    return int(number)


def _kind(row: Mapping[str, Any]) -> PlaceKind:
    value = _cell(row, "kind")
    if value is None:
        return PlaceKind.POPULATED_PLACE
    text = str(value).strip().lower().replace(" ", "_")
    if text in ("village", "town", "city", "settlement", "populated"):
        return PlaceKind.POPULATED_PLACE
    allowed = [k.value for k in KINDS_ALLOWED]
    if text not in allowed:
        raise _RowError("kind", f"{value!r} is not one of {', '.join(allowed)}")
    return PlaceKind(text)


def _aliases(row: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = row.get("aliases")
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        for sep in ALIAS_SEPARATORS[1:]:
            value = value.replace(sep, ALIAS_SEPARATORS[0])
        parts: list[Any] = value.split(ALIAS_SEPARATORS[0])
    elif isinstance(value, list | tuple):
        parts = list(value)
    else:
        raise _RowError("aliases", f"expected text or a list of names, got {value!r}")
    out = []
    for part in parts:
        if isinstance(part, str) and not part.strip():
            continue
        try:
            out.append(check_name(part))
        except InvalidInputError as exc:
            raise _RowError("aliases", str(exc)) from None
    return tuple(dict.fromkeys(a for a in out if a != name))


# --------------------------------------------------------------------------- rows → places


class _Context:
    """What checking a row needs from the gazetteer: country codes, admin-1 names, country outlines."""

    def __init__(self, table: Any, source: str) -> None:
        self.table = table
        self.source = source
        self._countries: tuple[shapely.STRtree, list[str]] | None = None

    def country(self, value: Any) -> str:
        """The ISO code of a ``country`` cell (code or name)."""
        text = str(value).strip()
        if len(text) == 2 and text.upper() in self.table._country_rows:
            return text.upper()
        try:
            hits = self.table.search(text, kind="country", limit=1)
        except InvalidInputError:
            hits = []
        if not hits:
            raise _RowError("country", f"{value!r} is not an ISO 3166-1 alpha-2 code or a country name")
        return str(hits[0].place.country_code)

    def countries_of(self, lat: np.ndarray, lon: np.ndarray) -> list[str | None]:
        """The country whose outline holds each point, or None (at sea, or no outlines installed)."""
        out: list[str | None] = [None] * len(lat)
        if not len(lat):
            return out
        if self._countries is None:
            from geoconflict._data import polygons

            level = polygons("country")
            outlines = level.geometries()
            shapely.prepare(outlines)  # a prepared outline answers point queries many times faster
            self._countries = (shapely.STRtree(outlines), [str(c) for c in level.cc])
        tree, codes = self._countries
        points = shapely.points(lon, lat)
        point_i, outline_i = tree.query(points)  # outlines whose box holds the point
        inside = shapely.contains_xy(tree.geometries[outline_i], lon[point_i], lat[point_i])
        for p, o in zip(point_i[inside].tolist(), outline_i[inside].tolist()):
            if out[p] is None:
                out[p] = codes[o]
        return out

    def admin1_row(self, name: str | None, cc: str | None) -> int:
        """The embedded admin-1 row of that name in that country (-1: none)."""
        if name is None or cc is None:
            return -1
        code = self.table._cc_of_code.get(cc)
        rows, flags = self.table._rows(fold(name))
        hits = sorted((f, r) for r, f in zip(rows, flags)
                      if self.table._kind_list[r] == ADMIN1 and self.table._cc_list[r] == code)
        return hits[0][1] if hits else -1


def _where(row: Mapping[str, Any], geometry: Any) -> tuple[float, float, Polygon | MultiPolygon | None]:
    """The row's point and polygon."""
    polygon = None
    if isinstance(geometry, Polygon | MultiPolygon):
        polygon = geometry
    elif isinstance(geometry, Point):
        row = {**row, "lon": geometry.x, "lat": geometry.y}
    lat, lon = _number(row, "lat"), _number(row, "lon")
    if (lat is None) != (lon is None):
        raise _RowError("lon" if lon is None else "lat", "a latitude needs a longitude, and a longitude a latitude")
    if lat is None or lon is None:
        if polygon is None:
            raise _RowError("lat", "no coordinates (lat, lon) and no polygon: the place cannot be placed")
        point = polygon.representative_point()
        lat, lon = point.y, point.x
    if not (-90 <= lat <= 90):
        raise _RowError("lat", f"latitude {lat} is outside [-90, 90]")
    if not (-180 <= lon <= 180):
        raise _RowError("lon", f"longitude {lon} is outside [-180, 180]")
    return lat, lon, polygon


def _user_place(row: Mapping[str, Any], geometry: Any, ctx: _Context, inferred: str | None) -> UserPlace:
    """One row as a :class:`UserPlace` (*inferred*: the country of its point), or :class:`_RowError`."""
    try:
        name = check_name(_cell(row, "name") or "")
    except InvalidInputError as exc:
        raise _RowError("name", str(exc)) from None
    kind = _kind(row)
    lat, lon, polygon = _where(row, geometry)
    given = _cell(row, "country")
    cc = ctx.country(given) if given is not None else inferred
    admin1, admin2 = _cell(row, "admin1"), _cell(row, "admin2")
    a1_row = ctx.admin1_row(str(admin1) if admin1 else None, cc)
    if a1_row >= 0:
        admin1 = ctx.table.place(a1_row).name  # the embedded spelling, as the embedded places give it
    try:
        place = Place(name, kind=kind, lat=lat, lon=lon, country_code=cc,
                      admin1=str(admin1) if admin1 else None, admin2=str(admin2) if admin2 else None,
                      population=_population(row), geometry=polygon,
                      approximate=_flag(row, "approximate", False), source=ctx.source)
    except InvalidInputError as exc:
        raise _RowError(exc.field or "wkt", str(exc)) from None
    return UserPlace(place, _aliases(row, name), _flag(row, "prefer", True))


# --------------------------------------------------------------------------- files


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """``(line, row, geometry)`` of each data row of a CSV (columns lower-cased)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        sample = fh.read(64_000)
        fh.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(fh, dialect=dialect)
        if not reader.fieldnames:
            raise FormatError("empty file: expected a header row with at least name, lat, lon", path=str(path))
        reader.fieldnames = [(f or "").strip().lower() for f in reader.fieldnames]
        if "name" not in reader.fieldnames:
            raise FormatError(f"no 'name' column (the header has {', '.join(reader.fieldnames)}); "
                              f"the columns are {', '.join(_KNOWN)}", path=str(path))
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # a blank line
            yield reader.line_num, row, _wkt(row)


def _wkt(row: Mapping[str, Any]) -> Any:
    text = _cell(row, "wkt")
    if text is None:
        return None
    try:
        return shapely.from_wkt(text)
    except (shapely.errors.GEOSException, ValueError) as exc:
        return _RowError("wkt", f"not a readable WKT geometry ({exc})")


def _geojson_rows(path: Path) -> Iterator[tuple[int, dict[str, Any], Any]]:
    """``(feature number, properties, geometry)`` of each feature of a GeoJSON FeatureCollection."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FormatError(f"not valid JSON: {exc}", path=str(path)) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise FormatError("expected a GeoJSON FeatureCollection (an object with a 'features' list)", path=str(path))
    for i, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        props = {str(k).lower(): v for k, v in (props or {}).items()} if isinstance(props, dict) else {}
        geometry: Any = feature.get("geometry") if isinstance(feature, dict) else None
        if geometry is not None:
            try:
                geometry = shape(geometry)
            except (GeoconflictError, ValueError, TypeError, AttributeError, KeyError) as exc:
                geometry = _RowError("geometry", f"not a readable GeoJSON geometry ({exc})")
            else:
                if not isinstance(geometry, Point | Polygon | MultiPolygon):
                    geometry = _RowError("geometry", f"a {geometry.geom_type}: expected a Point, Polygon or "
                                                     "MultiPolygon")
        yield i, props, geometry


def read_places(path: str | os.PathLike[str], table: Any) -> list[UserPlace]:
    """The places of a CSV or GeoJSON file (see the module's docstring for the columns), every row checked.

    Parameters
    ----------
    path : path-like
        ``.csv`` / ``.tsv`` / ``.txt``, or ``.geojson`` / ``.json``.
    table : Gazetteer
        The gazetteer that resolves country names and admin-1 units.

    Raises
    ------
    FormatError
        For a missing or unreadable file, a missing ``name`` column, or bad rows
        (all of them listed, each with its line or feature number and column).
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError("no such file (a CSV or GeoJSON of places was expected)", path=str(path))
    suffix = path.suffix.lower()
    if suffix not in _CSV_SUFFIXES + _JSON_SUFFIXES:
        raise FormatError(f"unknown suffix {suffix!r}: places are read from {', '.join(_CSV_SUFFIXES + _JSON_SUFFIXES)}",
                          path=str(path))
    rows, unit = (_geojson_rows(path), "feature") if suffix in _JSON_SUFFIXES else (_csv_rows(path), "row")
    ctx = _Context(table, f"{SOURCE_PREFIX}: {path.name}")
    rows_read = list(rows)
    inferred = _inferred_countries(rows_read, ctx)
    places: list[UserPlace] = []
    problems: list[tuple[int, str, str]] = []
    for i, (number, row, geometry) in enumerate(rows_read):
        try:
            if isinstance(geometry, _RowError):
                raise geometry
            places.append(_user_place(row, geometry, ctx, inferred.get(i)))
        except _RowError as exc:
            problems.append((number, exc.column, str(exc)))
    if problems:
        raise _problems_error(path, unit, problems)
    return places


def _inferred_countries(rows: list[tuple[int, dict[str, Any], Any]], ctx: _Context) -> dict[int, str | None]:
    """The country of each row without one, from its point (all at once: one tree query): index -> code."""
    wanted: list[tuple[int, float, float]] = []
    for i, (_, row, geometry) in enumerate(rows):
        if _cell(row, "country") is None and not isinstance(geometry, _RowError):
            try:
                lat, lon, _ = _where(row, geometry)
            except _RowError:
                continue  # reported when the row is read
            wanted.append((i, lat, lon))
    if not wanted:
        return {}
    found = ctx.countries_of(np.array([w[1] for w in wanted]), np.array([w[2] for w in wanted]))
    return {w[0]: cc for w, cc in zip(wanted, found)}


def _problems_error(path: Path, unit: str, problems: list[tuple[int, str, str]]) -> FormatError:
    shown = "; ".join(f"{unit} {n}, column {c!r}: {m}" for n, c, m in problems[:SHOWN_PROBLEMS])
    more = f"; … {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
    count = f"{len(problems)} bad {unit}{'s' if len(problems) != 1 else ''}"
    error = FormatError(f"{count}, so no place of this file was added: {shown}{more}", path=str(path))
    error.row, error.column = problems[0][0], problems[0][1]
    return error


# --------------------------------------------------------------------------- rows for the gazetteer


class PlaceSegment(Protocol):
    """Places of consecutive added rows: a list, or a sequence that builds each place when asked."""

    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Place: ...


class AddedPlaces:
    """The places of a table's added rows, in row order: segments joined without copying their places.

    Examples
    --------
    >>> a = Place("Xa", kind="populated_place", lat=1.0, lon=2.0)
    >>> b = Place("Xb", kind="populated_place", lat=3.0, lon=4.0)
    >>> both = AddedPlaces() + [a] + [b]
    >>> len(both), both[1].name
    (2, 'Xb')
    """

    __slots__ = ("_segments", "_starts")

    def __init__(self, segments: tuple[PlaceSegment, ...] = ()) -> None:
        self._segments = segments
        self._starts = np.cumsum([0] + [len(s) for s in segments]).tolist()

    def __len__(self) -> int:
        return int(self._starts[-1])

    def __getitem__(self, index: int) -> Place:
        if not 0 <= index < len(self):
            raise IndexError(index)
        at = bisect.bisect_right(self._starts, index) - 1
        return self._segments[at][index - self._starts[at]]

    def __add__(self, other: PlaceSegment) -> AddedPlaces:
        return AddedPlaces((*self._segments, other)) if len(other) else self


def prior_importance(kind: np.ndarray, pop: np.ndarray) -> np.ndarray:
    """The prior importance of rows of *kind* codes with population *pop*, as the embedded rows have it."""
    log_pop = np.log10(np.maximum(pop, 1).astype(np.float64))
    return KIND_SCORE[kind] + np.where(kind == POPULATED_PLACE, POPULATION_SCORE, OTHER_POPULATION_SCORE) * log_pop


@dataclass(frozen=True)
class AddedRows:
    """The gazetteer columns of added places, and their name keys.

    Attributes
    ----------
    places : list of Place, or a sequence that builds them when asked
        In row order (the first is row ``first``).
    kind, lat, lon, cc, admin1, pop, importance : numpy.ndarray
        The columns, as :class:`~geoconflict.gazetteer.table.GazetteerTable` has them.
    keys : dict
        Folded name -> (rows, match flags).
    scan_names : set of str
        Every name and alias as the scanner folds them.
    hashed : (hashes, rows, flags), optional
        More name keys in the embedded index's form (sorted 63-bit hashes of folded names, the row and match
        flag of each), merged into that index: for many names, faster than *keys*.
    """

    first: int
    places: PlaceSegment
    kind: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    cc: np.ndarray
    admin1: np.ndarray
    pop: np.ndarray
    importance: np.ndarray
    keys: dict[str, tuple[list[int], list[int]]]
    scan_names: set[str]
    hashed: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None


def name_keys(name: str) -> Iterator[str]:
    """The look-up keys of a name: its folded form, and without a descriptor word ("Foo raion" -> "foo")."""
    full = fold(name)
    yield full
    key = parse_query(name).key
    if key and key != full:
        yield key


def added_rows(table: Any, places: list[UserPlace]) -> AddedRows:
    """The columns and keys of *places*, numbered from ``len(table)`` on."""
    first = len(table)
    n = len(places)
    kind = np.array([KIND_CODE[p.place.kind] for p in places], dtype=table._kind.dtype)
    pop = np.array([p.place.population or 0 for p in places], dtype=table._pop.dtype)
    importance = prior_importance(kind, pop) + USER_PLACE_BONUS * np.array([p.prefer for p in places],
                                                                           dtype=np.float64)
    ctx = _Context(table, "")
    keys: dict[str, tuple[list[int], list[int]]] = {}
    scan_names: set[str] = set()
    for i, up in enumerate(places):
        for flag, spellings in ((PRIMARY_NAME, (up.place.name,)), (ALTERNATE_NAME, up.aliases)):
            for spelling in spellings:
                scan_names.add(scan_fold(spelling))
                for key in name_keys(spelling):
                    rows, flags = keys.setdefault(key, ([], []))
                    if first + i not in rows:
                        rows.append(first + i)
                        flags.append(flag)
    cc_of: Callable[[str | None], int] = lambda c: table._cc_of_code.get(c or "", table._cc_of_code.get("", 0))  # noqa: E731
    return AddedRows(
        first=first,
        places=[p.place for p in places],
        kind=kind,
        lat=np.array([p.place.lat for p in places], dtype=np.float64).reshape(n),
        lon=np.array([p.place.lon for p in places], dtype=np.float64).reshape(n),
        cc=np.array([cc_of(p.place.country_code) for p in places], dtype=table._cc.dtype),
        admin1=np.array([ctx.admin1_row(p.place.admin1, p.place.country_code) for p in places],
                        dtype=table._admin1.dtype),
        pop=pop,
        importance=importance,
        keys=keys,
        scan_names=scan_names,
    )
