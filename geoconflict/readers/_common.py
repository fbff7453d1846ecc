"""Shared machinery of the table readers: CSV loading, cell parsing, the row policy.

Tables are read with pandas' C parser into *categorical* columns, so a value
that repeats (a date, an actor, a location's coordinates) is parsed, validated
and turned into Python objects once, however many rows carry it; only free
text (notes, ids) stays one string per row.  Every check the record classes of
:mod:`geoconflict.model.records` make is made here on whole columns first, so the
records can then be built without re-checking each one (see :func:`unchecked`).

Row numbers are 1-based and count data rows: row 1 is the first row after the
header (for GeoJSON, feature 1 is the first feature).
"""

from __future__ import annotations

import codecs
import csv
import gc
import math
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from geoconflict.errors import FormatError, InvalidInputError


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived records are built or gathered.

    Hundreds of thousands of new objects would trigger full collections, each
    over all of them, for records that hold no reference cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

__all__ = [
    "ERRORS",
    "Problems",
    "RowProblem",
    "check_errors",
    "load_csv",
    "parse_count",
    "parse_date",
    "read_header",
    "unchecked",
]

PathLike = str | os.PathLike[str]

#: The row policies: stop at the first bad row, or skip bad rows and report them.
ERRORS = ("raise", "skip")

_SURROGATES = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True)
class RowProblem:
    """One bad row (or cell) of a table, kept when reading with ``errors="skip"``.

    Parameters
    ----------
    row : int or None
        1-based data row (the first row after the header is row 1; for GeoJSON,
        the feature number); None for a problem with the whole file.
    column : str or None
        The column (or GeoJSON property) at fault, when one is.
    message : str
        What is wrong, with the offending value.

    Examples
    --------
    >>> str(RowProblem(3, "latitude", "latitude '95.2' is outside [-90, 90]"))
    "row 3, column 'latitude': latitude '95.2' is outside [-90, 90]"
    """

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = ", ".join(
            p for p in (f"row {self.row}" if self.row is not None else None,
                        f"column {self.column!r}" if self.column else None) if p
        )
        return f"{where}: {self.message}" if where else self.message


def check_errors(errors: object) -> str:
    """Validate an ``errors=`` policy argument."""
    if errors not in ERRORS:
        raise InvalidInputError(
            f"errors: expected one of {', '.join(map(repr, ERRORS))}, got {errors!r}", field="errors", value=errors
        )
    return errors  # type: ignore[return-value]


class Problems:
    """The bad cells found in one table, collected column by column.

    Parameters
    ----------
    path : path-like
        The file, for messages.
    rows : array of int
        The data row number of each frame row (rows skipped by the CSV parser
        leave gaps).
    """

    def __init__(self, path: PathLike, rows: np.ndarray):
        self.path = str(path)
        self.rows = np.asarray(rows, dtype=np.int64)
        self.bad = np.zeros(len(self.rows), dtype=bool)
        self._items: list[tuple[np.ndarray, str | None, np.ndarray]] = []
        self._extra: list[RowProblem] = []

    def add(self, mask: np.ndarray, column: str | None, messages: np.ndarray | str) -> None:
        """Mark the rows where *mask* is true, with a message per row (or one for all)."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        where = np.flatnonzero(mask)
        if isinstance(messages, str):
            msgs = np.full(len(where), messages, dtype=object)
        else:
            msgs = np.asarray(messages, dtype=object)
            msgs = msgs[where] if len(msgs) == len(mask) else msgs
        self.bad[where] = True
        self._items.append((where, column, msgs))

    def add_row(self, index: int, column: str | None, message: str) -> None:
        """Mark one frame row (by position)."""
        self.bad[index] = True
        self._items.append((np.array([index]), column, np.array([message], dtype=object)))

    def add_problem(self, problem: RowProblem) -> None:
        """A problem with a row the frame does not hold (a line the parser skipped)."""
        self._extra.append(problem)

    def __bool__(self) -> bool:
        return bool(self._extra) or bool(self.bad.any())

    def resolve(self, errors: str) -> tuple[RowProblem, ...]:
        """All problems in file order; with ``errors="raise"``, raise the first as :class:`FormatError`."""
        found = list(self._extra)
        for where, column, msgs in self._items:
            found.extend(RowProblem(int(r), column, str(m)) for r, m in zip(self.rows[where], msgs))
        found.sort(key=lambda p: (p.row if p.row is not None else 0))
        if found and errors == "raise":
            first = found[0]
            more = len({p.row for p in found}) - 1
            tail = f" ({more} more bad row{'s' if more != 1 else ''}; errors='skip' reads the rest)" if more else ""
            raise FormatError(first.message + tail, path=self.path, row=first.row, column=first.column)
        return tuple(found)


# --------------------------------------------------------------------------- building records


def unchecked(cls: type, **values: Any) -> Any:
    """A frozen dataclass instance built without running its ``__post_init__`` checks.

    Only for values already validated column-wise exactly as the class would
    (enums as members, blank text as None, dates as :class:`datetime.date`,
    counts as non-negative ``int``).  The test suite rebuilds every record a
    reader returns through the checking constructor and compares.

    Examples
    --------
    >>> from geoconflict.model.records import Provenance
    >>> unchecked(Provenance, source="BNS") == Provenance(source="BNS")
    True
    """
    return maker(cls)(**values)


_MAKERS: dict[type, Callable[..., Any]] = {}


def maker(cls: type) -> Callable[..., Any]:
    """The keyword-only constructor :func:`unchecked` uses for *cls* (made once, then cached).

    It sets every field in declaration order, each to its keyword or its
    default, with ``object.__setattr__`` (the way a frozen dataclass's own
    ``__init__`` does), so instances share their attribute layout.
    """
    found = _MAKERS.get(cls)
    if found is None:
        names, defaults = [], {}
        for f in fields(cls):
            if f.name == "_":
                continue
            names.append(f.name)
            if f.default is not MISSING:
                defaults[f.name] = f.default
            elif f.default_factory is not MISSING:
                defaults[f.name] = f.default_factory()
            else:
                defaults[f.name] = None
        params = ", ".join(f"{n}=_d_{n}" for n in names)
        body = "".join(f"    _set(obj, {n!r}, {n})\n" for n in names)
        source = f"def make(*, {params}):\n    obj = _new(_cls)\n{body}    return obj\n"
        scope = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls,
                 **{f"_d_{n}": v for n, v in defaults.items()}}
        exec(compile(source, f"<unchecked {cls.__name__}>", "exec"), scope)  # field names are identifiers
        found = _MAKERS[cls] = scope["make"]
    return found


# --------------------------------------------------------------------------- cells

_MONTH_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y")


def parse_date(text: str | None) -> date | None:
    """A date from ``YYYY-MM-DD`` (optionally followed by a time) or ``06 August 2024``.

    Returns None for a value that is none of these.

    Examples
    --------
    >>> parse_date("2024-08-06"), parse_date("2024-08-06 00:00:00.000"), parse_date("06 August 2024")
    (datetime.date(2024, 8, 6), datetime.date(2024, 8, 6), datetime.date(2024, 8, 6))
    >>> parse_date("06/08/2024") is None
    True
    """
    if text is None:
        return None
    s = text.strip()
    if len(s) >= 10 and s[4] == "-" and s[7] == "-":
        head, rest = s[:10], s[10:]
        if not rest or rest[0] in " T":
            try:
                return date.fromisoformat(head)
            except ValueError:
                return None
        return None
    for fmt in _MONTH_FORMATS:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def parse_float(text: str | None) -> float | None:
    """A finite float, or None."""
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_count(text: str | None) -> int | None:
    """A non-negative whole number (``"3"``, ``"3.0"``), or None.

    Examples
    --------
    >>> parse_count("3"), parse_count("3.0"), parse_count("-1"), parse_count("2.5")
    (3, 3, None, None)
    """
    value = parse_float(text)
    if value is None or value < 0 or not value.is_integer():
        return None
    return int(value)


def clean_text(text: str | None) -> str | None:
    """None for a missing or blank value, else the text unchanged (as the model keeps it)."""
    if text is None or not text.strip():
        return None
    return text


# --------------------------------------------------------------------------- categorical columns


def categorical(frame, column: str) -> tuple[np.ndarray, list[str]]:
    """``(codes, categories)`` of a categorical column; code -1 is a missing value."""
    series = frame[column]
    # the parser may infer numeric categories; every reader parses text
    cats = [c if isinstance(c, str) else _as_text(c) for c in series.cat.categories]
    return np.asarray(series.cat.codes, dtype=np.int64), cats


def _as_text(value: Any) -> str:
    # numbers come back as Python would print them ("151.0", "3"); messages quote that text
    return str(value.item() if hasattr(value, "item") else value)


def per_value(frame, column: str, fn: Callable[[str], Any], *, missing: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """Apply *fn* once per distinct value of a categorical column.

    Returns ``(values, codes)``: ``values[codes]`` gives each row's result, and
    code -1 (a missing cell) gives *missing*.
    """
    codes, cats = categorical(frame, column)
    values = np.empty(len(cats) + 1, dtype=object)
    values[:-1] = [fn(c) for c in cats]
    values[-1] = missing
    return values, codes


# --------------------------------------------------------------------------- CSV files


def read_header(path: PathLike, *, encoding: str = "utf-8") -> tuple[list[str], str]:
    """The column names of a CSV file and its delimiter (``,``, tab or ``;``).

    Raises
    ------
    FormatError
        For an empty file or an undecodable header.
    """
    path = Path(path)
    with open(path, "rb") as fh:
        raw = fh.readline()
    if not raw.strip():
        raise FormatError("the file is empty (no header row)", path=str(path))
    try:
        line = raw.decode(_codec(encoding))
    except UnicodeDecodeError as exc:
        raise FormatError(
            f"the header is not valid {encoding} ({exc.reason} at byte {exc.start}); pass encoding=…",
            path=str(path),
        ) from None
    line = line.lstrip("\ufeff")
    delimiter = max((",", "\t", ";"), key=line.count)
    names = next(csv.reader([line], delimiter=delimiter))
    return [n.strip() for n in names], delimiter


def _raw_header(path: Path, encoding: str, delimiter: str) -> dict[str, list[str]]:
    with open(path, "rb") as fh:
        line = fh.readline().decode(_codec(encoding), "replace").lstrip("\ufeff")
    out: dict[str, list[str]] = {}
    for raw in next(csv.reader([line], delimiter=delimiter)):
        raw = raw.rstrip("\r\n")
        out.setdefault(raw.strip(), []).extend(dict.fromkeys((raw, raw.lstrip())))
    return out


def _codec(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InvalidInputError(f"encoding: unknown encoding {encoding!r}", field="encoding", value=encoding) from None
    return "utf-8-sig" if name == "utf-8" else encoding


def contains_nul(path: PathLike) -> bool:
    """Whether a file holds a NUL byte (read in chunks; a C-speed search)."""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            if b"\x00" in chunk:
                return True
    return False


_BAD_LINE = re.compile(r"line (\d+): expected (\d+) fields, saw (\d+)")


def load_csv(
    path: PathLike,
    columns: dict[str, str],
    *,
    text: Iterable[str] = (),
    encoding: str = "utf-8",
    skip_spaces: bool = False,
) -> tuple[Any, Problems]:
    """Read the chosen columns of a CSV file into a frame, with the problems found so far.

    Parameters
    ----------
    path : path-like
    columns : dict
        Name to give each column → the column's name in the file's header.
    text : iterable of str
        Columns (by given name) of free text, kept as one string per row; every
        other column is categorical.
    encoding : str
        The file's encoding; UTF-8 (with or without a byte-order mark) by default.
    skip_spaces : bool
        Drop spaces after each separator (hand-made files: ``lat, lon``).

    Returns
    -------
    frame : pandas.DataFrame
        Columns named as the keys of *columns*; missing cells are NaN.
    problems : Problems
        Lines with the wrong number of fields, cells that do not decode in
        *encoding*, cells containing NUL characters.
    """
    import pandas as pd

    path = Path(path)
    _, delimiter = read_header(path, encoding=encoding)
    raw_names = _raw_header(path, encoding, delimiter)  # dtype= needs the names as written, spaces and all
    text = set(text)
    has_nul = contains_nul(path)
    usecols = list(dict.fromkeys(columns.values()))
    rename: dict[str, list[str]] = {}
    for name, actual in columns.items():
        rename.setdefault(actual, []).append(name)

    def read(clean: bool):
        dtype: dict[str, Any] = {}
        for actual, names in rename.items():
            if not clean or has_nul:
                kind: Any = str  # checked for bad bytes first, made categorical after
            else:  # free text as plain Python strings (pandas' "str" dtype costs a conversion)
                kind = object if any(n in text for n in names) else "category"
            for raw in raw_names.get(actual, [actual]):
                dtype[raw] = kind
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = pd.read_csv(
                path,
                sep=delimiter,
                usecols=lambda c: c.strip() in usecols,
                dtype=dtype,
                keep_default_na=False,
                na_values=[""],
                encoding=_codec(encoding),
                encoding_errors="strict" if clean else "surrogateescape",
                on_bad_lines="warn",
                skipinitialspace=skip_spaces,
            )
        return frame, caught

    clean = True
    try:
        try:
            frame, caught = read(clean)
        except UnicodeDecodeError:  # some bytes are not in the encoding: read again, keeping them to report
            clean = False
            frame, caught = read(clean)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise FormatError(f"cannot parse the file as CSV: {exc}", path=str(path)) from None
    frame.columns = [c.strip() for c in frame.columns]
    skipped: list[RowProblem] = []
    for w in caught:
        for line, want, saw in _BAD_LINE.findall(str(w.message)):
            skipped.append(
                RowProblem(int(line) - 1, None, f"line {line} has {saw} fields; the header has {want}")
            )
    rows = _row_numbers(len(frame), [p.row for p in skipped if p.row is not None])
    problems = Problems(path, rows)
    for p in skipped:
        problems.add_problem(p)
    out = pd.DataFrame(index=frame.index)
    for name, actual in columns.items():
        out[name] = frame[actual]
    if not clean or has_nul:
        for name in out.columns:
            s = out[name]
            if not clean:
                bad = s.str.contains(_SURROGATES, na=False).to_numpy(dtype=bool)
                if bad.any():
                    problems.add(bad, name, np.array([_encoding_message(v, encoding) for v in s[bad]], dtype=object))
                    out.loc[bad, name] = np.nan
            if has_nul:
                bad = s.str.contains("\x00", regex=False, na=False).to_numpy(dtype=bool)
                if bad.any():
                    problems.add(bad, name, "the cell contains a NUL character")
                    out.loc[bad, name] = np.nan
            if name not in text:
                out[name] = out[name].astype("category")
    return out, problems


def _encoding_message(value: str, encoding: str) -> str:
    raw = value.encode("utf-8", "surrogateescape")
    bad = bytes(ord(c) - 0xDC00 for c in value if "\udc80" <= c <= "\udcff")[:4]
    shown = raw.decode("utf-8", "replace")
    return (
        f"bytes {bad!r} in {shown[:40]!r} are not valid {encoding} (mixed encodings?); "
        "fix the file or pass encoding= with its real encoding"
    )


def _row_numbers(n: int, skipped: Sequence[int]) -> np.ndarray:
    if not skipped:
        return np.arange(1, n + 1, dtype=np.int64)
    every = np.arange(1, n + len(skipped) + 1, dtype=np.int64)
    return every[~np.isin(every, np.asarray(skipped))][:n]


def columns_by_name(header: Sequence[str]) -> dict[str, str]:
    """Lower-cased, stripped column name → the name as in the header (first wins)."""
    out: dict[str, str] = {}
    for name in header:
        out.setdefault(name.strip().lower(), name.strip())
    return out


def require(path: PathLike, found: dict[str, str], needed: Sequence[str], layout: str) -> None:
    """Raise :class:`FormatError` naming the first column of *needed* the file lacks."""
    missing = [c for c in needed if c not in found]
    if missing:
        raise FormatError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))} "
            f"(a {layout} file needs {', '.join(needed)})",
            path=str(path),
            column=missing[0],
        )


# --------------------------------------------------------------------------- countries

_PARENS = re.compile(r"\s*\(.*?\)\s*")


def first_filled(texts: dict, columns: tuple[str, ...], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the first non-blank value of *columns* and the index of that column (-1: none).

    *texts* maps a column name to its ``(values, codes)`` pair from :func:`column_values`.
    """
    name = np.full(n, None, dtype=object)
    which = np.full(n, -1, dtype=np.int64)
    for k, col in enumerate(columns):
        values, codes = texts[col]
        row_values = values[codes]
        fill = (name == None) & (row_values != None)  # noqa: E711 (element-wise)
        name[fill] = row_values[fill]
        which[fill] = k
    return name, which


def country_code_values(values: np.ndarray) -> np.ndarray:
    """ISO codes aligned with a text column's distinct *values* (the last slot is the blank one)."""
    codes_of = country_codes(values[:-1])
    return np.array([*(codes_of[c] for c in values[:-1]), None], dtype=object)


def country_codes(names: Iterable[str | None]) -> dict[str | None, str | None]:
    """ISO alpha-2 codes for country names, looked up in the offline gazetteer.

    UCDP's historical suffixes ("Russia (Soviet Union)") are dropped before the
    look-up.  A name the gazetteer does not know as a country, or every name
    when the gazetteer's data is not installed, maps to None: the code is
    optional on a :class:`~geoconflict.model.records.Place`.
    """
    names = list(dict.fromkeys(names))
    out: dict[str | None, str | None] = dict.fromkeys(names)
    wanted = [n for n in names if n is not None and n.strip()]
    if not wanted:
        return out
    try:
        from geoconflict.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    except (ImportError, OSError, LookupError):  # no gazetteer data: DataNotFoundError is an OSError
        return out
    for name in wanted:
        query = _PARENS.sub(" ", name).strip() or name
        try:
            hits = gazetteer.search(query, kind="country", limit=1)
        except InvalidInputError:
            continue
        if hits:
            out[name] = hits[0].place.country_code
    return out


def groups(*codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct combinations of several code arrays.

    Returns ``(group, first)``: each row's group number, and the first row of
    each group (so a record shared by many rows is built once).

    Examples
    --------
    >>> group, first = groups(np.array([0, 1, 0, 0]), np.array([5, 5, 5, 6]))
    >>> group.tolist(), first.tolist()
    ([0, 1, 0, 2], [0, 1, 3])
    """
    import pandas as pd

    n = len(codes[0]) if codes else 0
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    group = np.zeros(n, dtype=np.int64)
    for c in codes:  # fold one column in at a time, renumbering so the key never overflows
        c = np.asarray(c, dtype=np.int64) + 1  # missing (-1) becomes 0
        group, _ = pd.factorize(group * (int(c.max()) + 1) + c)
        group = group.astype(np.int64, copy=False)
    first = np.zeros(int(group.max()) + 1, dtype=np.int64)
    first[group[::-1]] = np.arange(n - 1, -1, -1)
    return group, first


def column_values(
    frame,
    problems: Problems,
    column: str,
    parse: Callable[[str], Any],
    *,
    required: bool = True,
    missing: Any = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse each distinct value of a categorical column once, marking bad rows.

    *parse* returns the parsed value or raises :class:`ValueError` whose message
    says what is wrong.  A missing cell is a problem when *required*, else it
    gives *missing*.  A column the frame lacks counts as all cells missing.

    Returns
    -------
    values, codes : numpy.ndarray
        ``values[codes]`` is each row's parsed value (None on bad rows).
    """
    if column not in frame.columns:
        codes = np.full(len(frame), -1, dtype=np.int64)
        cats: list[str] = []
    else:
        codes, cats = categorical(frame, column)
    values = np.empty(len(cats) + 1, dtype=object)
    messages = np.empty(len(cats) + 1, dtype=object)
    for i, cat in enumerate(cats):
        try:
            values[i] = parse(cat)
        except ValueError as exc:
            messages[i] = str(exc)
    values[-1] = missing
    if required:
        messages[-1] = f"no {column} (the cell is empty)"
    row_messages = messages[codes]
    problems.add(row_messages != None, column, row_messages)  # noqa: E711 (element-wise)
    return values, codes


def text_value(value: str) -> str | None:
    """Parser for a text cell: the text, or None when blank."""
    return clean_text(value)


def required_text(value: str) -> str:
    """Parser for a text cell that must not be blank."""
    if not value.strip():
        raise ValueError("the cell is blank")
    return value


def _coordinate(value: str, axis: str, limit: float) -> float:
    v = parse_float(value)
    if v is None:
        raise ValueError(f"{axis} {value!r} is not a number")
    if not -limit <= v <= limit:
        raise ValueError(f"{axis} {value!r} is outside [-{limit:g}, {limit:g}]")
    return v


def latitude(value: str) -> float:
    """Parser for a latitude cell, degrees in [-90, 90]."""
    return _coordinate(value, "latitude", 90.0)


def longitude(value: str) -> float:
    """Parser for a longitude cell, degrees in [-180, 180]."""
    return _coordinate(value, "longitude", 180.0)


def a_date(value: str) -> date:
    """Parser for a date cell (see :func:`parse_date`)."""
    d = parse_date(value)
    if d is None:
        raise ValueError(f"date {value!r} is not a date (expected YYYY-MM-DD or '06 August 2024')")
    return d


def a_count(value: str) -> int | None:
    """Parser for an optional count cell (fatalities, deaths): a whole number ≥ 0."""
    if not value.strip():
        return None
    n = parse_count(value)
    if n is None:
        raise ValueError(f"{value!r} is not a whole number ≥ 0")
    return n


def one_of(mapping: dict[int, Any], what: str) -> Callable[[str], Any]:
    """Parser for a coded cell: the whole number must be a key of *mapping*."""

    def parse(value: str) -> Any:
        n = parse_count(value)
        if n is None or n not in mapping:
            raise ValueError(f"{what} {value!r} is not one of {', '.join(map(str, mapping))}")
        return mapping[n]

    return parse


def coordinates(frame, problems: Problems, lat: str, lon: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Check a latitude and a longitude column together.

    Returns ``(lat_values, lat_codes, lon_values, lon_codes)`` as
    :func:`column_values`; rows at exactly (0, 0), the usual placeholder for
    "unknown", are marked bad rather than mapped off the coast of Africa.
    """
    lat_v, lat_c = column_values(frame, problems, lat, latitude)
    lon_v, lon_c = column_values(frame, problems, lon, longitude)
    zero = (lat_v == 0.0)[lat_c] & (lon_v == 0.0)[lon_c]
    problems.add(zero, lat, "coordinates (0, 0) are a placeholder, not a location")
    return lat_v, lat_c, lon_v, lon_c
