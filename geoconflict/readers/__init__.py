"""Readers for event tables: ACLED, UCDP GED, control-area GeoJSON and any CSV.

The public entry points are :func:`geoconflict.readers.tables.read_events` and
:func:`geoconflict.readers.tables.read_table`; the modules here each turn one layout
into records:

* :mod:`~geoconflict.readers.acled` — ACLED CSV exports,
* :mod:`~geoconflict.readers.ucdp` — UCDP GED CSV downloads,
* :mod:`~geoconflict.readers.control` — territorial-control GeoJSON,
* :mod:`~geoconflict.readers.generic` — any CSV with coordinates or place names.

Shared machinery (CSV loading, the row-problem policy, date parsing) lives in
:mod:`~geoconflict.readers._common`.
"""

from geoconflict.readers._common import ERRORS, RowProblem

__all__ = ["ERRORS", "RowProblem"]
