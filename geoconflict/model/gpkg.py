"""Whole numbers above 2**53 in a GeoPackage, exact both ways.

GDAL writes and reads an integer column that has a missing value through
float64, which rounds whole numbers above 2**53 (a GeoNames id, a count). The
writer of :mod:`geoconflict.model.io` writes such columns as int64 and sets the
missing cells to NULL afterwards (:func:`integers_for_gdal`, :func:`set_nulls`);
its reader reads them again from the GeoPackage's SQLite table
(:func:`exact_integers`).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from geoconflict.model import frames

__all__ = ["exact_integers", "integers_for_gdal", "set_nulls"]


def integers_for_gdal(frame, offset: int):
    """*frame* with each nullable integer column as int64 (0 where missing), and the row ids to set to NULL.

    GDAL writes a pandas ``Int64`` column that has a missing value through
    float64, which rounds whole numbers above 2**53 (a GeoNames id, a count);
    written as int64 they stay exact, and :func:`set_nulls` restores the
    missing values. Row ids are the GeoPackage's ``fid``: *offset* + 1, + 2, …
    """
    nulls: list[tuple[str, list[int]]] = []
    for name in frame.columns:
        if str(frame[name].dtype) == "Int64" and frame[name].isna().any():
            if not nulls:
                frame = frame.copy()
            gaps = frame[name].isna().to_numpy()
            nulls.append((name, [offset + 1 + int(i) for i in gaps.nonzero()[0]]))
            frame[name] = frame[name].fillna(0).astype("int64")
    return frame, nulls


def exact_integers(path: Path, layer: str, frame):
    """*frame* with the integer columns GDAL read as float64 (they have a missing value) read exactly.

    float64 rounds whole numbers above 2**53; the GeoPackage's SQLite table
    holds them exactly, in the order GDAL reads the rows (by ``fid``).
    """
    import pandas as pd

    rounded = [name for name, t in frames.COLUMNS["all"].items()
               if t == "int" and name in frame and frame[name].dtype.kind == "f"]
    if not rounded or not len(frame):
        return frame
    exact: dict[str, list[object]] = {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            for name in rounded:
                exact[name] = [row[0] for row in db.execute(f'SELECT "{name}" FROM "{layer}" ORDER BY fid')]
    except sqlite3.Error:  # not a table this module wrote (no fid column): GDAL's reading stands
        return frame
    frame = frame.copy()
    for name, values in exact.items():
        if len(values) == len(frame):
            frame[name] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def set_nulls(path: Path, missing: list[tuple[str, str, list[int]]]) -> None:
    """Set the integer cells listed by :func:`integers_for_gdal` to NULL in the GeoPackage at *path*."""
    if not missing:
        return
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        for layer in dict.fromkeys(layer for layer, _, _ in missing):
            # the spatial index's triggers call GDAL's SQL functions, unknown here; an update of other
            # columns needs none of them, so they are set aside for it and put back as they were
            triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                  (layer,)).fetchall()
            for name, _ in triggers:
                db.execute(f'DROP TRIGGER "{name}"')
            for column, ids in ((c, i) for table, c, i in missing if table == layer):
                db.executemany(f'UPDATE "{layer}" SET "{column}" = NULL WHERE fid = ?', [(i,) for i in ids])
            for _, sql in triggers:
                db.execute(sql)
