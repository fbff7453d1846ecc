"""Layers copied from one GeoPackage into another with SQLite (model/gpkgcopy): the file is the one GDAL and the
bulk writer leave when they write every layer into it, and it stays a working GeoPackage (R-tree, triggers)."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from geoconflict.model import gpkg
from geoconflict.model.gpkgcopy import copy_layers


def _points(n: int, seed: int, crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    lon, lat = rng.uniform(22, 40, n), rng.uniform(44, 52, n)
    return gpd.GeoDataFrame({"name": [f"Site {i}" for i in range(n)], "rank": np.arange(n)},
                            geometry=[Point(x, y) for x, y in zip(lon, lat, strict=True)], crs=crs)


def _layers(crs: str = "EPSG:4326") -> dict[str, object]:
    """A big layer of points, one of points with gaps, and a table without geometry."""
    sites = _points(3000, 1, crs)
    sites.loc[::7, "geometry"] = None
    return {"events": _points(5000, 2), "sites": sites,
            "texts": pd.DataFrame({"id": ["t1", "t2"], "text": ["a quote", "a reason"]})}


def _write(path: Path, layers: dict[str, object]) -> Path:
    with gpkg.GeoPackageWriter(path) as out:
        for name, frame in layers.items():
            out.append_frame(name, frame)
    return path


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every table (rows by rowid; the contents' timestamps left out) and every schema object's SQL."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {n: db.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
        out["gpkg_contents"] = db.execute("SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y, "
                                          "srs_id FROM gpkg_contents ORDER BY rowid").fetchall()
        out["ddl"] = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
    return out


def test_copied_layers_are_the_layers_written_in_place(tmp_path):
    """The first layer written into one file, the other two into another and copied in: every table (the R-trees'
    node tables, sqlite_sequence and the metadata tables included) and every schema object as when all three are
    written into one file."""
    layers = _layers()
    reference = _write(tmp_path / "one.gpkg", layers)
    target = _write(tmp_path / "target.gpkg", {"events": layers["events"]})
    small = _write(tmp_path / "small.gpkg", {"sites": layers["sites"], "texts": layers["texts"]})
    copy_layers(small, target, ["sites", "texts"])
    ours, theirs = _tables(target), _tables(reference)
    assert list(ours) == list(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name
    assert len(ours["rtree_sites_geom_node"]) > 1  # a tree of several nodes, copied as it was


def test_a_copied_layer_works_as_gdal_s_own(tmp_path):
    """After the copy: SQLite finds the file sound, a bbox read through GDAL's use of the R-tree returns the rows
    inside it, and GDAL's triggers keep the R-tree and the feature count as rows are added."""
    layers = _layers()
    target = _write(tmp_path / "target.gpkg", {"events": layers["events"]})
    copy_layers(_write(tmp_path / "small.gpkg", {"sites": layers["sites"]}), target, ["sites"])
    with contextlib.closing(sqlite3.connect(target)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT rtreecheck('rtree_sites_geom')").fetchall() == [("ok",)]
    sites = layers["sites"]
    box = (30.0, 47.0, 33.0, 49.5)
    inside = sites[sites.geometry.notna()].cx[box[0]:box[2], box[1]:box[3]]
    read = pyogrio.read_dataframe(target, layer="sites", bbox=box)
    assert 0 < len(read) < len(sites) and sorted(read["rank"]) == sorted(inside["rank"])
    pyogrio.write_dataframe(_points(1, 9).assign(rank=-1), target, layer="sites", append=True)
    assert pyogrio.read_info(target, layer="sites")["features"] == len(sites) + 1
    far = pyogrio.read_dataframe(target, layer="sites", bbox=(22, 44, 40, 52))
    assert -1 in far["rank"].tolist()


def test_a_reference_system_the_target_lacks_is_copied(tmp_path):
    """A layer in Web Mercator copied into a file of WGS 84 layers: its spatial reference system comes along, and
    GDAL reads the layer in it."""
    target = _write(tmp_path / "target.gpkg", {"events": _points(10, 3)})
    mercator = _points(10, 4).to_crs("EPSG:3857")
    copy_layers(_write(tmp_path / "small.gpkg", {"metres": mercator}), target, ["metres"])
    assert pyogrio.read_info(target, layer="metres")["crs"] == "EPSG:3857"
    back = pyogrio.read_dataframe(target, layer="metres")
    assert np.allclose(back.geometry.x, mercator.geometry.x)


def test_a_layer_the_target_has_already_leaves_the_target_as_it_was(tmp_path):
    """Copying a layer whose name the target holds fails in SQLite and rolls back: the file is byte for byte
    what it was (the other layers of the call not copied either)."""
    layers = _layers()
    target = _write(tmp_path / "target.gpkg", {"events": layers["events"]})
    small = _write(tmp_path / "small.gpkg", {"texts": layers["texts"], "events": layers["events"]})
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        copy_layers(small, target, ["texts", "events"])
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    with pytest.raises(sqlite3.OperationalError, match="no table 'gone'"):
        copy_layers(small, target, ["gone"])
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
