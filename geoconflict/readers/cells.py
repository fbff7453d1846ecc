"""One cell's text → a value: dates, numbers, counts, coordinates, coded values.

The ``parse_*`` functions return None for a value they cannot read; the
parsers below them (``latitude``, ``a_date``, …) raise :class:`ValueError`
whose message says what is wrong, as
:func:`~geoconflict.readers.columns.column_values` expects.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TypeVar

__all__ = [
    "MAX_LATITUDE",
    "MAX_LONGITUDE",
    "a_count",
    "a_date",
    "clean_text",
    "latitude",
    "longitude",
    "one_of",
    "parse_count",
    "parse_date",
    "parse_float",
    "required_text",
    "text_value",
]

#: Degrees: latitudes lie in [-MAX_LATITUDE, MAX_LATITUDE], longitudes likewise.
MAX_LATITUDE = 90.0
MAX_LONGITUDE = 180.0

_ISO_DATE = len("YYYY-MM-DD")
_MONTH_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y")

T = TypeVar("T")


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
    if len(s) >= _ISO_DATE and s[4] == s[7] == "-":  # the dashes of YYYY-MM-DD
        head, rest = s[:_ISO_DATE], s[_ISO_DATE:]
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
    >>> parse_count("9007199254740993")  # above 2**53: exact, not rounded through a float
    9007199254740993
    """
    if text is not None and text.strip().isascii() and text.strip().isdigit():  # exact, however large
        return int(text)
    value = parse_float(text)
    if value is None or value < 0 or not value.is_integer():
        return None
    return int(value)


def clean_text(text: str | None) -> str | None:
    """None for a missing or blank value, else the text unchanged (as the model keeps it)."""
    if text is None or not text.strip():
        return None
    return text


# --------------------------------------------------------------------------- parsers that say why


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
    """Parser for a latitude cell, degrees in [-90, 90].

    Examples
    --------
    >>> latitude("51.19")
    51.19
    >>> latitude("151.0")
    Traceback (most recent call last):
    ...
    ValueError: latitude '151.0' is outside [-90, 90]
    """
    return _coordinate(value, "latitude", MAX_LATITUDE)


def longitude(value: str) -> float:
    """Parser for a longitude cell, degrees in [-180, 180]."""
    return _coordinate(value, "longitude", MAX_LONGITUDE)


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


def one_of(mapping: Mapping[int, T], what: str) -> Callable[[str], T]:
    """Parser for a coded cell: the whole number must be a key of *mapping*.

    Examples
    --------
    >>> parse = one_of({1: "day", 2: "week"}, "time_precision")
    >>> parse("2")
    'week'
    >>> parse("7")
    Traceback (most recent call last):
    ...
    ValueError: time_precision '7' is not one of 1, 2
    """

    def parse(value: str) -> T:
        n = parse_count(value)
        if n is None or n not in mapping:
            raise ValueError(f"{what} {value!r} is not one of {', '.join(map(str, mapping))}")
        return mapping[n]

    return parse
