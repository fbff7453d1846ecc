"""What every export of records shares: the rows a file is written from, and the progress bar.

Each record becomes ``(columns, geometry)`` (:func:`geoconflict.model.frames.record_to_row`),
preceded by the place-table rows of the places it first names
(:class:`~geoconflict.model.placetable.PlaceTable`), so a reader meets each place
before the records that refer to it. The writers of
:mod:`~geoconflict.model.geojson`, :mod:`~geoconflict.model.geopackage` and
:mod:`~geoconflict.model.csvfile` stream these rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sized
from pathlib import Path
from typing import Any

from tqdm import tqdm

from geoconflict.model import Mention, Record, frames
from geoconflict.model.eventset import EventSet
from geoconflict.model.placetable import PlaceTable

__all__ = ["PathLike", "Records", "progress_bar", "rows"]

PathLike = str | os.PathLike[str]
Records = EventSet | Iterable[Record | Mention]


def progress_bar(records: Records, path: Path, progress: bool | None) -> Iterable[Record | Mention]:
    """*records* with a tqdm bar on standard error (``None``: shown when it is a terminal)."""
    return tqdm(records, total=len(records) if isinstance(records, Sized) else None, unit="record",
                desc=f"writing {path.name}", disable=None if progress is None else not progress, leave=False)


def rows(records: Iterable[Record | Mention], table: PlaceTable) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each record's ``(columns, geometry)``, preceded by the place-table rows of the places it first names."""
    for record in records:
        row, geometry = frames.record_to_row(record, table=table)
        yield from table.new_rows()
        yield row, geometry
