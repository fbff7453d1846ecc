"""Bring your own events: read event tables into an :class:`~geoconflict.EventSet`.

Formats (``format=``), detected from the file when not given:

``"acled"``
    ACLED CSV exports (:mod:`geoconflict.readers.acled`).
``"ucdp"``
    UCDP GED CSV downloads (:mod:`geoconflict.readers.ucdp`).
``"control"``
    Territorial-control GeoJSON: polygons with an owner/status property
    (:mod:`geoconflict.readers.control`).
``"generic"``
    Any CSV with latitude/longitude columns or place-name columns
    (:mod:`geoconflict.readers.generic`).
``"geoconflict"``
    geoconflict's own GeoJSON, GeoPackage or CSV (:mod:`geoconflict.model.io`).

Bad rows
--------
With ``errors="raise"`` (the default) the first bad row stops the read with a
:class:`~geoconflict.errors.FormatError` naming the file, the row and the
column. With ``errors="skip"`` bad rows are left out and listed:
:func:`read_table` returns them in :attr:`TableRead.problems`, and
:func:`read_events` (which returns only the events) warns with a
:class:`SkippedRowsWarning` saying how many rows it left out and why, so no row
is ever dropped silently. Rows are numbered from 1, the first row after the
header (for GeoJSON, the first feature).

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "events.csv"
>>> _ = path.write_text("date,lat,lon,type,description\\n"
...                     "2024-08-06,51.19,35.27,battle,Fighting in Sudzha\\n"
...                     "2024-08-07,151.0,35.27,battle,Bad latitude\\n", encoding="utf-8")
>>> read_events(path)
Traceback (most recent call last):
...
geoconflict.errors.FormatError: ...events.csv, row 2, column 'lat': latitude '151.0' is outside [-90, 90]
>>> table = read_table(path, errors="skip")
>>> table.format, len(table.events.events), [str(p) for p in table.problems]
('generic', 1, ["row 2, column 'lat': latitude '151.0' is outside [-90, 90]"])
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model import Event, TerritorialClaim
from geoconflict.model.eventset import EventSet
from geoconflict.model.placetable import PLACE_TABLE
from geoconflict.readers.bulk import no_gc
from geoconflict.readers.csvfile import columns_by_name, read_header
from geoconflict.readers.jsonfile import load_json, starts_with_brace
from geoconflict.readers.problems import Problems, RowProblem, check_errors

if TYPE_CHECKING:
    from geoconflict.gazetteer import Gazetteer
    from geoconflict.readers.acled import AcledColumns

__all__ = [
    "FORMATS",
    "TABLE_SUFFIXES",
    "SkippedRowsWarning",
    "TableRead",
    "detect_format",
    "read_events",
    "read_table",
]

PathLike = str | os.PathLike[str]

#: The table formats :func:`read_table` understands.
FORMATS = ("acled", "ucdp", "control", "generic", "geoconflict")
#: File suffixes read as tables (by :func:`geoconflict.load_inputs` and
#: :func:`geoconflict.extract_many`); every other file is a report.
TABLE_SUFFIXES = (".csv", ".tsv", ".geojson", ".json", ".gpkg")

_SNIFF_FEATURES = 20  # GeoJSON features looked at to tell geoconflict's own layout from a control map
_SHOWN_COLUMNS = 12  # of a header no format fits, named in the message
_SHOWN_PROBLEMS = 3  # bad rows quoted in read_events' warning

#: A reader of one format: ``(path, *, errors, encoding) -> (records, problems, rows)``.
Reader = Callable[..., tuple[Sequence[Event | TerritorialClaim], Problems, int]]


class SkippedRowsWarning(UserWarning):
    """:func:`read_events` left bad rows out (``errors="skip"``); :func:`read_table` lists them."""


@dataclass(frozen=True)
class TableRead:
    """What :func:`read_table` read from one file.

    Attributes
    ----------
    path : str
    format : str
        One of :data:`FORMATS`.
    events : EventSet
        The records read from the good rows.
    problems : tuple of RowProblem
        The rows left out and why, in file order (empty with ``errors="raise"``,
        which raises at the first instead).
    rows : int
        Data rows (or features) in the file.
    columns : AcledColumns, optional
        An ACLED table's validated columns, which the records of :attr:`events`
        are made from on first access (None for the other formats, read record by record).
    """

    path: str
    format: str
    events: EventSet
    problems: tuple[RowProblem, ...] = ()
    rows: int = 0
    columns: AcledColumns | None = None

    def to_frame(self):
        """The events as a GeoDataFrame (the ``event`` schema of :mod:`geoconflict.model.frames`).

        Made from :attr:`columns` when the table was read as columns and its
        records are not made yet (:meth:`EventSet.events_frame`) (a million rows without a million records),
        else from the records: the same frame either way, as
        ``table.events.events.to_geodataframe()``.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "acled.csv"
        >>> _ = path.write_text(
        ...     "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,location,"
        ...     "latitude,longitude,geo_precision\\n"
        ...     "X1,2024-08-06,1,Battles,Armed clash,Army,Sudzha,51.19,35.27,1\\n", encoding="utf-8")
        >>> table = read_table(path)
        >>> table.to_frame()[["event_type", "name", "lat"]].values.tolist(), table.events.is_deferred
        ([['battles', 'Sudzha', 51.19]], True)
        """
        return self.events.events_frame()

    @property
    def skipped_rows(self) -> list[int]:
        """The numbers of the rows left out, ascending."""
        return sorted({p.row for p in self.problems if p.row is not None})

    def warn_skipped(self, *, stacklevel: int = 2) -> None:
        """Warn (:class:`SkippedRowsWarning`) when rows were left out, quoting the first few; else nothing."""
        if not self.problems:
            return
        skipped = self.skipped_rows
        shown = "; ".join(str(p) for p in self.problems[:_SHOWN_PROBLEMS])
        warnings.warn(
            SkippedRowsWarning(
                f"{self.path}: left out {len(skipped):,} bad row{'s' if len(skipped) != 1 else ''} of "
                f"{self.rows:,} ({shown}{'; …' if len(self.problems) > _SHOWN_PROBLEMS else ''}); "
                "geoconflict.read_table() lists them all"
            ),
            stacklevel=stacklevel + 1,
        )

    def __repr__(self) -> str:
        return (
            f"TableRead({Path(self.path).name!r}, format={self.format!r}, {self.rows:,} rows, "
            f"{len(self.skipped_rows):,} skipped, {self.events!r})"
        )


# --------------------------------------------------------------------------- detection


def detect_format(path: PathLike, *, encoding: str = "utf-8") -> str:
    """Which of :data:`FORMATS` a file is in, from its suffix and header.

    Raises
    ------
    FormatError
        When the file is none of them; the message says what was looked for.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ged.csv"
    >>> _ = path.write_text("id,where_prec,date_prec,date_start,latitude,longitude\\n", encoding="utf-8")
    >>> detect_format(path)
    'ucdp'
    """
    path = Path(path)
    if not path.is_file():
        raise FormatError("no such file", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return "geoconflict"
    if suffix in (".geojson", ".json") or starts_with_brace(path):
        data = load_json(path)
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise FormatError("not a GeoJSON FeatureCollection (no 'features' list)", path=str(path))
        props = [f.get("properties") or {} for f in features[:_SNIFF_FEATURES] if isinstance(f, dict)]
        if props and all(isinstance(p, dict) and ("date_precision" in p or p.get("kind") == PLACE_TABLE)
                         and "kind" in p for p in props):
            return "geoconflict"
        return "control"
    from geoconflict.readers.acled import is_acled
    from geoconflict.readers.generic import detect_columns
    from geoconflict.readers.ucdp import is_ucdp

    header, _ = read_header(path, encoding=encoding)
    names = columns_by_name(header)
    if is_acled(names):
        return "acled"
    if is_ucdp(names):
        return "ucdp"
    if {"kind", "date_precision", "geometry"} <= set(names):
        return "geoconflict"
    if detect_columns(names) is not None:
        return "generic"
    raise FormatError(
        "cannot tell the table's format from its header: expected ACLED columns (event_id_cnty, "
        "geo_precision, …), UCDP GED columns (where_prec, date_prec, …), latitude/longitude columns "
        "(lat/latitude/y and lon/lng/long/longitude/x) or a place-name column (place, location, "
        f"settlement, city, town, village, district, region); found {', '.join(header[:_SHOWN_COLUMNS])}",
        path=str(path),
    )


# --------------------------------------------------------------------------- reading


def read_table(
    path: PathLike,
    *,
    format: str | None = None,
    errors: str = "raise",
    encoding: str = "utf-8",
    gazetteer: Gazetteer | None = None,
) -> TableRead:
    """Read an event table, returning the events together with the rows left out.

    Parameters
    ----------
    path : path-like
        A CSV (comma, tab or semicolon separated), GeoJSON or GeoPackage file.
    format : str, optional
        One of :data:`FORMATS`; detected from the file when None.
    errors : {"raise", "skip"}
        ``"raise"``: stop at the first bad row with a :class:`FormatError` naming
        the file, row and column. ``"skip"``: leave bad rows out and list them in
        :attr:`TableRead.problems`. Missing columns and unreadable files raise
        either way.
    encoding : str
        Of CSV files; UTF-8 (with or without a byte-order mark) by default.
        GeoJSON is always UTF-8.
    gazetteer : Gazetteer, optional
        Geocodes a generic CSV's place names (the default offline gazetteer when
        None); say ``Gazetteer.default().with_places("mine.csv")`` for your own places.

    Returns
    -------
    TableRead

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "places.csv"
    >>> _ = path.write_text("place,date,type\\nSudzha,2024-08-06,battle\\nNowhereville Xq,2024-08-07,battle\\n",
    ...                     encoding="utf-8")
    >>> table = read_table(path, errors="skip")
    >>> table.events.events[0].place.name, table.skipped_rows
    ('Sudzha', [2])
    """
    check_errors(errors)
    if format is None:
        format = detect_format(path, encoding=encoding)
    elif format not in FORMATS:
        raise InvalidInputError(
            f"format: expected one of {', '.join(map(repr, FORMATS))}, got {format!r}", field="format", value=format
        )
    path = Path(path)
    if not path.is_file():
        raise FormatError("no such file", path=str(path))
    if format == "geoconflict":
        events = _read_own(path)
        return TableRead(str(path), format, events, (), len(events))
    if format == "acled":  # validated as columns; the records are made when first asked for
        from geoconflict.readers.acled import validate_acled

        columns, problems, rows = validate_acled(path, encoding=encoding)
        found = problems.resolve(errors)
        events = EventSet.deferred(partial(_made, columns.records), frame=columns.to_frame,
                                   others=columns.claims, columns=columns.event_columns)
        return TableRead(str(path), format, events, found, rows, columns)
    reader = _reader(format)
    with no_gc():  # a million new records would trigger dozens of full collections, each over all of them
        options = {"gazetteer": gazetteer} if format == "generic" else {}  # the one reader that geocodes names
        records, problems, rows = reader(path, errors=errors, encoding=encoding, **options)
    found = problems.resolve(errors)
    return TableRead(str(path), format, EventSet(records), found, rows)


def _made(records: Callable[[], list[Event | TerritorialClaim]]) -> list[Event | TerritorialClaim]:
    """*records()*, with the garbage collector paused (a million new records)."""
    with no_gc():
        return records()


def _reader(format: str) -> Reader:
    """The reader of one of :data:`FORMATS` other than ``"geoconflict"`` (imported when first needed)."""
    if format == "ucdp":
        from geoconflict.readers.ucdp import read_ucdp

        return read_ucdp
    if format == "control":
        from geoconflict.readers.control import read_control

        return read_control
    from geoconflict.readers.generic import read_generic

    return read_generic


def _read_own(path: Path) -> EventSet:
    from geoconflict.model import io

    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return io.read_geopackage(path)
    if suffix in (".geojson", ".json") or starts_with_brace(path):
        return io.read_geojson(path)
    return io.read_csv_events(path)


def read_events(
    path: PathLike,
    *,
    format: str | None = None,
    errors: str = "raise",
    encoding: str = "utf-8",
    gazetteer: Gazetteer | None = None,
) -> EventSet:
    """Read an event table (ACLED, UCDP GED, control GeoJSON, any CSV) into an EventSet.

    The same as ``read_table(...).events``; with ``errors="skip"`` it warns
    (:class:`SkippedRowsWarning`) when rows were left out — use
    :func:`read_table` to get the list.

    Parameters
    ----------
    path, format, errors, encoding, gazetteer
        As for :func:`read_table`.

    Returns
    -------
    EventSet

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    >>> _ = path.write_text("latitude,longitude,event_type,date\\n51.19,35.27,battle,2024-08-06\\n",
    ...                     encoding="utf-8")
    >>> events = read_events(path)
    >>> events.events[0].type, events.events[0].place.lonlat, str(events.events[0].provenance.event_date)
    ('battle', (35.27, 51.19), '2024-08-06')
    """
    table = read_table(path, format=format, errors=errors, encoding=encoding, gazetteer=gazetteer)
    table.warn_skipped(stacklevel=2)
    return table.events
