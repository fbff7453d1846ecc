"""Bad rows: what is wrong with a table's rows, and the ``errors=`` policy that decides what to do.

Row numbers are 1-based and count data rows: row 1 is the first row after the
header (for GeoJSON, feature 1 is the first feature).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal, cast

import numpy as np

from geoconflict.errors import FormatError, InvalidInputError

__all__ = ["ERRORS", "Errors", "Problems", "RowProblem", "check_errors"]

#: The row policies: stop at the first bad row, or skip bad rows and report them.
ERRORS = ("raise", "skip")
#: The type of an ``errors=`` argument.
Errors = Literal["raise", "skip"]


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


def check_errors(errors: object) -> Errors:
    """Validate an ``errors=`` policy argument.

    Examples
    --------
    >>> check_errors("skip")
    'skip'
    >>> check_errors("ignore")
    Traceback (most recent call last):
    ...
    geoconflict.errors.InvalidInputError: errors: expected one of 'raise', 'skip', got 'ignore'
    """
    if errors not in ERRORS:
        raise InvalidInputError(
            f"errors: expected one of {', '.join(map(repr, ERRORS))}, got {errors!r}", field="errors", value=errors
        )
    return cast(Errors, errors)


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

    def __init__(self, path: str | os.PathLike[str], rows: np.ndarray):
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
