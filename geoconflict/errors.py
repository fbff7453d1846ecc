"""Exceptions raised by geoconflict.

Every error derives from :class:`GeoconflictError`, and each subclass also
derives from the builtin exception it resembles, so ``except ValueError`` or
``except LookupError`` in existing code keeps working.

Examples
--------
>>> from geoconflict.errors import CoordinateError, GeoconflictError
>>> issubclass(CoordinateError, ValueError) and issubclass(CoordinateError, GeoconflictError)
True
"""

from __future__ import annotations

from collections.abc import Sequence

#: Suggestions named in a :class:`PlaceNotFoundError` message (all are kept in its ``suggestions``).
SHOWN_SUGGESTIONS = 5


class GeoconflictError(Exception):
    """Root of every exception raised by geoconflict."""


class InvalidInputError(GeoconflictError, ValueError):
    """A value given to geoconflict is not acceptable.

    Parameters
    ----------
    message : str
        What is wrong, naming the field and the value.
    field : str, optional
        The name of the offending field or argument.
    value : object, optional
        The offending value.
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None):
        super().__init__(message)
        self.field = field
        self.value = value


class CoordinateError(InvalidInputError):
    """A latitude or longitude is out of range or not a finite number."""


class GeometryError(InvalidInputError):
    """A geometry is of the wrong type, empty, or cannot be repaired."""


class DateError(InvalidInputError):
    """A date is missing, unparsable, or inconsistent (an end before a start)."""


class FormatError(GeoconflictError, ValueError):
    """A file could not be read: wrong layout, missing columns, bad rows.

    Parameters
    ----------
    message : str
        What is wrong.
    path : str, optional
        The file.
    row, column : optional
        Where in the file (1-based data row number, column name).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ):
        """The message starts with where the problem is: ``path, row N, column 'c': message``."""
        where = ", ".join(
            part
            for part in (
                str(path) if path is not None else None,
                f"row {row}" if row is not None else None,
                f"column {column!r}" if column is not None else None,
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.row = row
        self.column = column


class PlaceNotFoundError(GeoconflictError, LookupError):
    """A place name could not be resolved to a single place.

    Parameters
    ----------
    query : str
        The name that was looked up.
    suggestions : sequence, optional
        Close candidates (places or names) the user may have meant.
    reason : str, optional
        Why nothing was chosen (no match, ambiguous, …).
    """

    def __init__(self, query: str, suggestions: Sequence[object] = (), *, reason: str = "no match"):
        self.query = query
        self.suggestions = tuple(suggestions)
        self.reason = reason
        shown = ", ".join(_suggestion_label(s) for s in self.suggestions[:SHOWN_SUGGESTIONS])
        message = f"place {query!r} not found ({reason})"
        if shown:
            message += f"; did you mean: {shown}?"
        super().__init__(message)


def _suggestion_label(suggestion: object) -> str:
    place = getattr(suggestion, "place", suggestion)
    name = getattr(place, "name", None)
    if name is None:
        return str(suggestion)
    parts = [p for p in (getattr(place, "admin1", None), getattr(place, "country_code", None)) if p]
    return f"{name} ({', '.join(parts)})" if parts else str(name)


class DataNotFoundError(GeoconflictError, FileNotFoundError):
    """A data file geoconflict needs is missing; the message says how to get it."""


class ProviderError(GeoconflictError, ConnectionError):
    """An online provider (geocoder, package registry) failed or is unreachable."""


class OutputError(GeoconflictError, OSError):
    """A file could not be written (a missing folder, no permission, a full disk); the message names it.

    The file that was there before is left as it was: writers write a temporary
    file beside it and rename it over the old one only when it is complete.
    """
