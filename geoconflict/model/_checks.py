"""Field checks shared by the records: each returns the value in its stored form or raises.

Every check names the field in its error (an :class:`~geoconflict.errors.InvalidInputError`
or :class:`~geoconflict.errors.DateError` with ``field`` and ``value``). Each first
tests for the form most values already have (``type(value) is str``, a whole
``int``…) and returns it unchanged, so building a record from checked values costs
little: records are made on the hot paths of extraction and table reading.

Examples
--------
>>> as_text("  ", "note") is None, as_count(3.0, "fatalities"), as_span([2, 5])
(True, 3, (2, 5))
>>> as_count(-1, "fatalities")
Traceback (most recent call last):
...
geoconflict.errors.InvalidInputError: fatalities: must not be negative, got -1
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import TypeGuard, TypeVar

from geoconflict.errors import DateError, InvalidInputError

__all__ = [
    "as_amount",
    "as_count",
    "as_date",
    "as_enum",
    "as_span",
    "as_text",
    "as_texts",
    "is_span",
    "required_text",
    "UNWRITABLE",
]

#: Characters no record holds, because no file format stores them: NUL, and UTF-16 surrogates standing alone.
UNWRITABLE = re.compile("[\x00\ud800-\udfff]")

E = TypeVar("E", bound=Enum)


def as_enum(cls: type[E], value: object, name: str) -> E:
    """*value* as a member of *cls* (a member, or a member's value)."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise InvalidInputError(
            f"{name}: {value!r} is not one of {allowed}", field=name, value=value
        ) from None


def _is_text(value: object) -> TypeGuard[str]:
    """Whether *value* is already stored text: a ``str`` with a non-space character, no NUL, no lone surrogate."""
    # isascii() is a flag of the string (no scan); isspace() is False at the first other character
    return (type(value) is str and ("\x00" not in value if value.isascii() else UNWRITABLE.search(value) is None)
            and bool(value) and not value.isspace())


def _str_without_nul(value: object, name: str) -> str:
    """*value* when it is text (maybe blank, maybe a ``str`` subclass such as numpy's) without NUL or lone surrogate."""
    if not isinstance(value, str):
        raise InvalidInputError(
            f"{name}: expected text, got {type(value).__name__} {value!r}", field=name, value=value
        )
    found = UNWRITABLE.search(value)
    if found is not None:
        char = found.group()
        what = "a NUL character" if char == "\x00" else f"a lone surrogate (U+{ord(char):04X})"
        raise InvalidInputError(f"{name}: text contains {what} at character {found.start()}; no file format "
                                "can store it", field=name, value=value)
    return value


def as_text(value: object, name: str) -> str | None:
    """Optional text: non-blank text, or None (for None, or text that is only spaces)."""
    if _is_text(value):
        return value
    if value is None:
        return None
    text = _str_without_nul(value, name)
    return text if text.strip() else None  # blank text means "not given"


def required_text(value: object, name: str) -> str:
    """Required text: non-blank."""
    if _is_text(value):
        return value
    if value is None:
        raise InvalidInputError(f"{name}: a value is required", field=name, value=value)
    text = _str_without_nul(value, name)
    if not text.strip():
        raise InvalidInputError(f"{name}: must not be empty", field=name, value=value)
    return text


def as_texts(value: Iterable[str] | str | None, name: str) -> tuple[str, ...]:
    """A tuple of required texts (one text alone is a tuple of one; None is empty)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    elif type(value) is tuple and all(map(_is_text, value)):
        return value  # already a tuple of non-blank texts
    return tuple(required_text(v, f"{name}[{i}]") for i, v in enumerate(value))


def as_date(value: object, name: str) -> date | None:
    """A :class:`~datetime.date` from a date, a datetime (its day) or an ISO ``YYYY-MM-DD`` string."""
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(
        f"{name}: expected a date or an ISO date string (YYYY-MM-DD), got {value!r}",
        field=name,
        value=value,
    )


def as_count(value: object, name: str) -> int | None:
    """A whole number not below zero (a float with no fraction is taken), or None."""
    if type(value) is int and value >= 0:
        return value
    if value is None:
        return None
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or (isinstance(value, float) and not math.isfinite(value)) or value != int(value)):
        raise InvalidInputError(f"{name}: expected a whole number, got {value!r}", field=name, value=value)
    if value < 0:
        raise InvalidInputError(f"{name}: must not be negative, got {value!r}", field=name, value=value)
    return int(value)


def as_amount(value: object, name: str) -> float | None:
    """A finite number not below zero, as a float, or None."""
    if type(value) is float and 0 <= value < math.inf:
        return value
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(f"{name}: expected a finite number, got {value!r}", field=name, value=value)
    if value < 0:
        raise InvalidInputError(f"{name}: must not be negative, got {value!r}", field=name, value=value)
    return float(value)


def is_span(value: object) -> TypeGuard[tuple[int, int]]:
    """Whether *value* is already a valid span: a tuple of two whole ``int`` offsets, end not before start."""
    return (type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int
            and 0 <= value[0] <= value[1])


def as_span(value: Sequence[object] | None, name: str = "span") -> tuple[int, int] | None:
    """``(start, end)`` character offsets: whole numbers, end not before start; or None."""
    if value is None or is_span(value):
        return value
    try:
        start, end = value
    except (TypeError, ValueError):
        raise InvalidInputError(f"{name}: expected (start, end), got {value!r}", field=name, value=value) from None
    start, end = as_count(start, f"{name} start"), as_count(end, f"{name} end")
    if start is None or end is None or end < start:
        raise InvalidInputError(f"{name}: end ({end}) must not be before start ({start})", field=name, value=value)
    return (start, end)
