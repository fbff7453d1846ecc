"""Readers for event tables: ACLED, UCDP GED, control-area GeoJSON and any CSV.

The face of the part is :mod:`~geoconflict.readers.tables`, re-exported here:
:func:`read_events`, :func:`read_table`, :func:`detect_format`,
:data:`FORMATS` and :data:`TABLE_SUFFIXES`. Behind it, one module per layout
turns a file into records:

* :mod:`~geoconflict.readers.acled` — ACLED CSV exports,
* :mod:`~geoconflict.readers.ucdp` — UCDP GED CSV downloads,
* :mod:`~geoconflict.readers.control` — territorial-control GeoJSON,
* :mod:`~geoconflict.readers.generic` — any CSV with coordinates or place names,

a table straight to a GeoPackage, read in chunks while a second process lets
GDAL write (:mod:`~geoconflict.readers.streamgpkg`, ``geoconflict.table_to_geopackage``),

and the machinery they share, one concern a module:

* :mod:`~geoconflict.readers.problems` — bad rows and the ``errors=`` policy,
* :mod:`~geoconflict.readers.csvfile` — CSV header, delimiter, bad lines and bytes,
* :mod:`~geoconflict.readers.arrowcsv` — a clean UTF-8 CSV parsed by pyarrow, on every core,
* :mod:`~geoconflict.readers.jsonfile` — JSON files,
* :mod:`~geoconflict.readers.cells` — one cell's text → a value,
* :mod:`~geoconflict.readers.columns` — whole categorical columns → values,
* :mod:`~geoconflict.readers.bulk` — building a million records fast.

Modules of this part import one another by their own names, never through
this package, so that importing the face imports no reader it does not need.
Other parts use the names exported here.
"""

from geoconflict.readers.bulk import no_gc
from geoconflict.readers.problems import ERRORS, RowProblem, check_errors
from geoconflict.readers.tables import (
    FORMATS,
    TABLE_SUFFIXES,
    SkippedRowsWarning,
    TableRead,
    detect_format,
    read_events,
    read_table,
)

__all__ = [
    "ERRORS",
    "FORMATS",
    "TABLE_SUFFIXES",
    "RowProblem",
    "SkippedRowsWarning",
    "TableRead",
    "check_errors",
    "detect_format",
    "no_gc",
    "read_events",
    "read_table",
]
