"""Whole layers of one GeoPackage copied into another with SQLite alone.

GDAL adds a layer to a GeoPackage by opening it, which for a file of a million
rows costs a good part of a second; a few small layers written meanwhile into
a file of their own (by GDAL and :class:`~geoconflict.model.gpkg.GeoPackageWriter`,
as they would be written into the big one) are copied in afterwards by
:func:`copy_layers`, one SQLite transaction, no GDAL. A layer's copy is what
writing it there would have left: its table (the same ``CREATE`` statement,
every row with its ``fid``), its R-tree (the same virtual table, its nodes
copied as they are: the same tree), its indexes and triggers (created after
the rows, so that no trigger fires for them), and its rows in the metadata
tables (``gpkg_contents``, ``gpkg_geometry_columns``, ``gpkg_extensions``,
``gpkg_ogr_contents``; a spatial reference system the target lacks).

Examples
--------
>>> import pathlib, tempfile, geopandas as gpd, pyogrio
>>> from shapely.geometry import Point
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> frame = gpd.GeoDataFrame({"name": ["Kyiv"]}, geometry=[Point(30.52, 50.45)], crs="EPSG:4326")
>>> pyogrio.write_dataframe(frame, folder / "big.gpkg", layer="events")
>>> pyogrio.write_dataframe(frame, folder / "small.gpkg", layer="places")
>>> copy_layers(folder / "small.gpkg", folder / "big.gpkg", ["places"])
>>> [name for name, _ in pyogrio.list_layers(folder / "big.gpkg")]
['events', 'places']
>>> pyogrio.read_dataframe(folder / "big.gpkg", layer="places", bbox=(30, 50, 31, 51))["name"].tolist()
['Kyiv']
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

__all__ = ["RTREE_EXTENSION", "copy_layers"]

#: The ``gpkg_extensions`` name of a layer's spatial index (its table: ``rtree_<layer>_<geometry column>``).
RTREE_EXTENSION = "gpkg_rtree_index"
#: The R-tree's own tables (SQLite's ``rtree`` module keeps the tree in them), by suffix.
_RTREE_PARTS = ("_node", "_parent", "_rowid")
#: SQLite's settings for the copy: no sync (the target is a temporary file, renamed over the real one once complete),
#: the rollback journal in memory (a failed copy is undone; a killed process leaves a temporary file to remove).
_PRAGMAS = ("PRAGMA main.journal_mode = MEMORY", "PRAGMA main.synchronous = OFF")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def copy_layers(source: str | Path, target: str | Path, layers: Sequence[str]) -> None:
    """Copy *layers* of the GeoPackage *source*, whole, into the GeoPackage *target* (see the module docs).

    Parameters
    ----------
    source, target : path-like
        GeoPackages; *target* must not hold a table of any of *layers*' names.
    layers : sequence of str
        Layer (table) names of *source*, copied in this order (the order of their metadata rows in *target*).

    Raises
    ------
    sqlite3.Error
        A layer *source* lacks or *target* has already; *target* is then as it was (one transaction).
    """
    with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as db:
        for pragma in _PRAGMAS:
            db.execute(pragma)
        db.execute("ATTACH DATABASE ? AS source", (str(source),))
        db.execute("BEGIN")
        try:
            _copy_reference_systems(db)
            metadata = _metadata_tables(db)
            for layer in layers:
                _copy_layer(db, layer, metadata)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _ddl(db: sqlite3.Connection, kind: str, **where: str) -> list[tuple[str, str]]:
    """``(name, sql)`` of *source*'s schema objects of type *kind* matching *where* (columns of ``sqlite_master``),
    in the order they were made; automatic indexes (no SQL) left out."""
    test = " AND ".join(f"{column} = ?" for column in where)
    return db.execute(f"SELECT name, sql FROM source.sqlite_master WHERE type = ? AND sql IS NOT NULL AND {test} "
                      "ORDER BY rowid", (kind, *where.values())).fetchall()


def _copy_layer(db: sqlite3.Connection, layer: str, metadata: Sequence[str]) -> None:
    table = _ddl(db, "table", name=layer)
    if not table:
        raise sqlite3.OperationalError(f"no table {layer!r} in the GeoPackage copied from")
    db.execute(table[0][1])
    db.execute(f"INSERT INTO main.{_quoted(layer)} SELECT * FROM source.{_quoted(layer)} ORDER BY rowid")
    for (column,) in db.execute("SELECT column_name FROM source.gpkg_extensions WHERE lower(table_name) = lower(?) "
                                "AND extension_name = ?", (layer, RTREE_EXTENSION)).fetchall():
        rtree = f"rtree_{layer}_{column}"
        db.execute(_ddl(db, "table", name=rtree)[0][1])  # the virtual table: SQLite makes its own tables, empty
        for part in _RTREE_PARTS:  # the very tree
            db.execute(f"DELETE FROM main.{_quoted(rtree + part)}")
            db.execute(f"INSERT INTO main.{_quoted(rtree + part)} SELECT * FROM source.{_quoted(rtree + part)}")
    for name in metadata:
        db.execute(f"INSERT INTO main.{_quoted(name)} SELECT * FROM source.{_quoted(name)} "
                   "WHERE lower(table_name) = lower(?)", (layer,))
    for kind in ("index", "trigger"):  # after the rows: no trigger fires for them
        for _, sql in _ddl(db, kind, tbl_name=layer):
            db.execute(sql)


def _metadata_tables(db: sqlite3.Connection) -> list[str]:
    """The GeoPackage's tables both files hold that describe layers by a ``table_name`` column
    (``gpkg_contents``, ``gpkg_geometry_columns``, ``gpkg_extensions``, ``gpkg_ogr_contents``, …)."""
    names = [name for (name,) in db.execute(
        "SELECT name FROM source.sqlite_master WHERE type = 'table' AND name LIKE 'gpkg\\_%' ESCAPE '\\' "
        "AND name IN (SELECT name FROM main.sqlite_master WHERE type = 'table') ORDER BY rowid")]
    return [name for name in names
            if "table_name" in {row[1] for row in db.execute(f"PRAGMA source.table_info({_quoted(name)})")}]


def _copy_reference_systems(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO main.gpkg_spatial_ref_sys SELECT * FROM source.gpkg_spatial_ref_sys "
               "WHERE srs_id NOT IN (SELECT srs_id FROM main.gpkg_spatial_ref_sys)")
