"""CSV files of records: the mixed frame's columns, the geometry as exact WKT, no cell a spreadsheet runs.

A CSV text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would run as a formula when the file is opened in a spreadsheet (OWASP's
"CSV injection"), so :func:`write_csv` writes it with a leading apostrophe
(``'=1+1``), as does a cell that starts with an apostrophe itself;
:func:`read_csv_events` takes that one apostrophe off again, so the round trip is
exact. Numbers, dates and the WKT geometry are never prefixed. A CSV, read in
spreadsheets, keeps its texts inline.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict._files import replacing
from geoconflict.errors import FormatError
from geoconflict.model import frames
from geoconflict.model.eventset import EventSet
from geoconflict.model.filelayout import PathLike, Records, progress_bar, rows
from geoconflict.model.placetable import PLACE_TABLE, PlaceTable, check_detail

__all__ = ["CSV_FIELD_LIMIT", "FORMULA_GUARD", "FORMULA_STARTS", "guard_formula", "read_csv_events",
           "unguard_formula", "write_csv"]

#: The largest CSV cell read (a country's polygon as WKT runs to megabytes; csv's default is 128 KiB).
CSV_FIELD_LIMIT = 2**31 - 1
#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The prefix that keeps such a cell text in a spreadsheet; the CSV reader removes it.
FORMULA_GUARD = "'"

#: The CSV columns holding text (the only cells ever prefixed with :data:`FORMULA_GUARD`).
_TEXT_COLUMNS = frozenset(name for name, t in frames.COLUMNS["all"].items() if t == "str")


def write_csv(events: Records, path: PathLike, *, detail: str = "full", progress: bool | None = None) -> Path:
    """Write the mixed frame as CSV (UTF-8), geometry as WKT in a ``geometry`` column.

    Text cells that a spreadsheet would run as a formula are prefixed with an
    apostrophe (see the module docs); *detail* and *progress* are as in
    :func:`write_geojson`.
    """
    path = Path(path)
    table = PlaceTable(detail=check_detail(detail))
    columns = list(frames.COLUMNS["all"])
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        _write_csv_rows(handle, columns, rows(progress_bar(events, path, progress), table))
    return path


def _write_csv_rows(handle: IO[str], columns: list[str], rows: Iterable[tuple[dict[str, Any], Any]]) -> None:
    writer = csv.writer(handle)
    writer.writerow([*columns, "geometry"])
    for row, geometry in rows:
        writer.writerow([_csv_value(row.get(c), c in _TEXT_COLUMNS) for c in columns]
                        + [_wkt(geometry) if geometry is not None else ""])


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


def guard_formula(text: str) -> str:
    """*text* as a spreadsheet shows it literally: prefixed with an apostrophe when it starts like a formula.

    Examples
    --------
    >>> guard_formula("=HYPERLINK(1)"), guard_formula("'quoted"), guard_formula("Kyiv")
    ("'=HYPERLINK(1)", "''quoted", 'Kyiv')
    >>> all(unguard_formula(guard_formula(t)) == t for t in ("=1", "@SUM(A1)", "'x", "-", "a"))
    True
    """
    return FORMULA_GUARD + text if text.startswith((*FORMULA_STARTS, FORMULA_GUARD)) else text


def unguard_formula(text: str) -> str:
    """The inverse of :func:`guard_formula`."""
    return text[len(FORMULA_GUARD):] if text.startswith(FORMULA_GUARD) else text


def _csv_value(value: Any, text: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return guard_formula(str(value)) if text else str(value)


def read_csv_events(path: PathLike) -> EventSet:
    """Read a CSV written by :func:`write_csv`.

    Empty cells are missing values, so an empty text field reads back as None.
    The apostrophe that :func:`write_csv` puts before formula-like text is removed.
    """
    path = Path(path)
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FormatError(f"not a geoconflict CSV: {exc}", path=str(path)) from exc
    table = PlaceTable()
    parsed = []
    for number, row in enumerate(rows, start=1):
        wkt = row.pop("geometry", "") or ""
        values = {k: (unguard_formula(v) if k in _TEXT_COLUMNS else v) if v else None for k, v in row.items()}
        try:
            geometry: BaseGeometry | None = shapely.from_wkt(wkt) if wkt else None
            if values.get("kind") == PLACE_TABLE:
                table.add_row(values, geometry)
            else:
                parsed.append((number, values, geometry))
        except (FormatError, shapely.errors.GEOSException) as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    records = []
    for number, values, geometry in parsed:
        try:
            records.append(frames.row_to_record(values, geometry, table=table))
        except FormatError as exc:
            raise FormatError(str(exc), path=str(path), row=number) from exc
    return EventSet(records)
