"""GeoPackages written in bulk (model/gpkg): GDAL's own blobs and layers, a table's rows with gaps, GDAL reading it."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from geoconflict.errors import InvalidInputError
from geoconflict.model import Event, Place, Provenance, TerritorialClaim, frames
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.eventset import EventSet
from geoconflict.model.gpkg import geometry_blob, geometry_blobs, point_blobs
from geoconflict.model.io import read_geopackage, write_geopackage
from geoconflict.model.placetable import PLACE_TABLE, PlaceTable

#: A whole number float64 cannot hold exactly (GDAL reads a column with a gap through float64).
BEYOND_DOUBLE = 2**53 + 1


def _sql(path, query, *args):
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(query, args).fetchall()


def test_blobs_are_the_ones_gdal_writes(tmp_path):
    """Points, boxes, holes, parts, lines, z, empty and missing geometries: byte for byte as GDAL writes them."""
    shapes = [Point(30.5, 50.25), box(36.1, 47.2, 38.9, 49.0), Polygon([(0, 0, 1), (1, 0, 2), (1, 1, 3), (0, 0, 1)]),
              MultiPolygon([box(0, 0, 1, 1), box(2, 2, 3, 3)]), LineString([(35.0, 48.0), (36.5, 48.7)]),
              box(0, 0, 4, 4).difference(box(1, 1, 2, 2)), Polygon(), Point(), None, Point(-179.99, -89.5)]
    path = tmp_path / "gdal.gpkg"
    pyogrio.write_dataframe(gpd.GeoDataFrame({"n": range(len(shapes))}, geometry=shapes, crs=4326), path,
                            layer="shapes", driver="GPKG", geometry_type="Unknown", promote_to_multi=False)
    gdal = [row[0] for row in _sql(path, "SELECT geom FROM shapes ORDER BY fid")]
    assert [geometry_blob(g) for g in shapes] == gdal
    assert geometry_blobs(shapes) == gdal


def test_point_blobs_equal_the_reference():
    """The numpy path for a table's points gives the reference's blob for each, whatever the coordinates."""
    rng = np.random.default_rng(18)
    lon, lat = rng.uniform(-180, 180, 500), rng.uniform(-90, 90, 500)
    lon[:3], lat[:3] = (0.0, -0.0, 180.0), (0.0, 90.0, -90.0)
    assert point_blobs(lon, lat) == [geometry_blob(Point(x, y)) for x, y in zip(lon, lat, strict=True)]
    assert point_blobs([], []) == [] and geometry_blobs([]) == []


def _gappy_events() -> list[Event]:
    """Events with a missing value in every column that may have one, and values that test exactness."""
    bare = Place("Hamlet", kind="populated_place", lat=48.1, lon=37.2)
    full = Place("Town", kind="populated_place", lat=47.9, lon=36.8, country_code="UA", admin1="Region A",
                 admin2="District B", geonames_id=BEYOND_DOUBLE, population=12_000, approximate=True,
                 source="a gazetteer")
    region = Place("Region A", kind="admin1", lat=48.0, lon=37.0, geometry=box(36.0, 47.0, 38.0, 49.0))
    quoted = Provenance(source="wire.txt", reported_by="the regional governor", quote="Shelling hit the town.",
                        span=(0, 22), report_date=date(2024, 3, 2), event_date=date(2024, 3, 1),
                        event_date_end=date(2024, 3, 2), date_precision="day", reason="a table row")
    events = [
        Event("shelling", bare),
        Event("shelling", full, subtype="Shelling/artillery/missile attack", actors=("Forces A", "Forces B"),
              description="Shelling of the town's outskirts.", fatalities=BEYOND_DOUBLE, precision=2,
              provenance=quoted, id="T-1"),
        Event("battle", region, fatalities=0, provenance=Provenance(event_date=date(2024, 3, 5)), id="T-2"),
        Event("protest", full, description="", actors=("Residents",), provenance=Provenance(reason="another row")),
    ]
    return events * 3  # the same places, provenances and actor lists on several rows


def _table(events: list[Event], others=()) -> EventSet:
    """An EventSet as a table reader gives it: deferred, its events as columns."""
    return EventSet.deferred(lambda: [*events, *others], others=lambda: list(others),
                             columns=lambda: EventColumns.from_events(events))


def test_a_table_with_gaps_reads_back_equal(tmp_path):
    """Every field of a table's events, gaps and whole numbers above 2**53 included, and its claims, read back."""
    events = _gappy_events()
    claim = TerritorialClaim("Forces A", areas=(events[2].place,), settlements=BEYOND_DOUBLE, as_of=date(2024, 3, 6))
    table = _table(events, [claim])
    back = read_geopackage(write_geopackage(table, tmp_path / "t.gpkg", progress=False))
    assert back.events == events
    assert back.claims == [claim]
    assert table.is_deferred  # written from the columns, no record per row


def test_the_file_is_the_one_gdal_writes_feature_by_feature(tmp_path):
    """Same layers, columns, types and values as GDAL's own writing of the events' frame (the plain reference)."""
    events = _gappy_events()
    path = write_geopackage(_table(events), tmp_path / "bulk.gpkg", progress=False)
    reference = tmp_path / "gdal.gpkg"
    places = PlaceTable(texts="table")
    frame = EventColumns.from_events(events).to_frame(table=places)
    frame["report_date"], frame["date"], frame["date_end"] = (
        gpd.pd.to_datetime(frame[c]).astype("datetime64[ms]") for c in ("report_date", "date", "date_end"))
    pyogrio.write_dataframe(frame, reference, layer="events", driver="GPKG", geometry_type="Unknown",
                            promote_to_multi=False)
    pyogrio.write_dataframe(frames.place_table_frame(places), reference, layer=PLACE_TABLE, driver="GPKG",
                            geometry_type="Unknown", promote_to_multi=False, append=True)
    for layer in ("events", PLACE_TABLE):
        ours, theirs = pyogrio.read_info(path, layer=layer), pyogrio.read_info(reference, layer=layer)
        for key in ("fields", "dtypes", "ogr_types", "geometry_type", "features", "total_bounds", "crs"):
            assert np.array_equal(ours[key], theirs[key]) if key in ("fields", "dtypes") else ours[key] == theirs[key]
        assert _sql(path, f'SELECT * FROM "{layer}" ORDER BY fid') == _sql(reference, f'SELECT * FROM "{layer}" ORDER BY fid')
    ddl = "SELECT sql FROM sqlite_master WHERE name = ?"
    assert _sql(path, ddl, "events") == _sql(reference, ddl, "events")


def test_gdal_reads_a_valid_geopackage_with_its_spatial_index(tmp_path):
    """GeoPackage header, contents, feature counts, the R-tree and its triggers: GDAL's bbox reading uses them."""
    events = _gappy_events()
    folder = tmp_path / "Київ, звіти"  # GDAL's C API takes the name in UTF-8
    folder.mkdir()
    path = write_geopackage(_table(events), folder / "v.gpkg", progress=False)
    assert _sql(path, "PRAGMA application_id") == [(0x47504B47,)]  # "GPKG"
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert _sql(path, "PRAGMA foreign_key_check") == []
    for layer in ("events", PLACE_TABLE):
        rows = _sql(path, f'SELECT count(*) FROM "{layer}"')[0][0]
        assert _sql(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", layer) == [(rows,)]
        assert _sql(path, f'SELECT count(*) FROM "rtree_{layer}_geom"') == [(rows,)]
        assert pyogrio.read_dataframe(path, sql=f"SELECT HasSpatialIndex('{layer}', 'geom')").iloc[0, 0]
        triggers = {name for (name,) in _sql(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                   "AND tbl_name = ?", layer)}
        assert {f"rtree_{layer}_geom_insert", f"trigger_insert_feature_count_{layer}"} <= triggers
    info = pyogrio.read_info(path, layer="events")
    assert info["features"] == len(events) and info["total_bounds"] == (36.8, 47.9, 37.2, 48.1)
    near = gpd.read_file(path, layer="events", bbox=(37.1, 48.0, 37.3, 48.2))  # the Hamlet only
    assert set(near["name"]) == {"Hamlet"} and len(near) == 3
    assert _sql(path, "SELECT extension_name FROM gpkg_extensions WHERE table_name = 'events'") == [("gpkg_rtree_index",)]


def test_places_are_written_once_however_many_rows(tmp_path):
    """Doubling the rows at the same places doubles the events layer, not the place table."""
    events = _gappy_events()
    counts = []
    for copies in (1, 2):
        path = write_geopackage(_table(events * copies), tmp_path / f"x{copies}.gpkg", progress=False)
        counts.append((_sql(path, "SELECT count(*) FROM events")[0][0],
                       _sql(path, f"SELECT count(*) FROM {PLACE_TABLE}")[0][0]))
    assert counts == [(len(events), 3), (2 * len(events), 3)]
    (row,) = _sql(path, "SELECT place, name FROM events WHERE fid = 1")
    assert row == ('{"ref":"p1"}', "Hamlet")


def test_a_whole_number_beyond_int64_is_named_and_nothing_is_left(tmp_path):
    """A GeoPackage INTEGER holds int64: the error names the field and the table's event; no file is written."""
    events = [Event("shelling", Place("Hamlet", kind="populated_place", lat=48.1, lon=37.2), fatalities=2**63)]
    target = tmp_path / "big.gpkg"
    with pytest.raises(InvalidInputError, match=r"fatalities: 9223372036854775808 \(the table's event 1\)"):
        write_geopackage(_table(events), target, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_table_still_gives_a_geopackage(tmp_path):
    """No rows: a GeoPackage GDAL opens, with an empty events layer, that reads back as no records."""
    path = write_geopackage(_table([]), tmp_path / "e.gpkg", progress=False)
    assert [name for name, _ in pyogrio.list_layers(path)] == ["events"]
    assert pyogrio.read_info(path, layer="events")["features"] == 0
    assert len(read_geopackage(path)) == 0


def test_rows_written_in_several_chunks_keep_their_order(tmp_path, monkeypatch):
    """The seams between chunks: every row once, in the table's order, whatever the chunk size."""
    import geoconflict.model.geopackage as io

    events = _gappy_events()
    monkeypatch.setattr(io, "GPKG_CHUNK_ROWS", 5)  # 12 rows: chunks of 5, 5 and 2
    path = write_geopackage(_table(events), tmp_path / "c.gpkg", progress=False)
    assert read_geopackage(path).events == events
    assert [fid for (fid,) in _sql(path, "SELECT fid FROM events ORDER BY fid")] == list(range(1, len(events) + 1))


def test_point_wkbs_are_shapely_iso_wkb():
    """The Arrow path's points: each the ISO WKB (little-endian) shapely writes, NaN and extremes included."""
    from geoconflict.model.gpkg import point_wkbs

    rng = np.random.default_rng(11)
    lon, lat = rng.uniform(-180, 180, 300), rng.uniform(-90, 90, 300)
    lon[:3], lat[:3] = (0.0, -0.0, 180.0), (0.0, 90.0, -90.0)
    expected = [shapely.to_wkb(Point(x, y), byte_order=1, flavor="iso") for x, y in zip(lon, lat, strict=True)]
    assert point_wkbs(lon, lat).to_pylist() == expected
    assert point_wkbs(np.zeros(0), np.zeros(0)).to_pylist() == []


def test_the_events_layer_is_gdal_s_own_with_its_index_and_no_rtree_call(tmp_path, monkeypatch):
    """A table's events go to GDAL whole (Arrow batches): the layer's R-tree is GDAL's own, made as it writes."""
    import geoconflict.model.gpkg as gpkg

    indexed: list[str] = []
    real = gpkg.GeoPackageWriter.append_frame
    monkeypatch.setattr(gpkg.GeoPackageWriter, "append_frame",
                        lambda self, layer, frame: (indexed.append(layer), real(self, layer, frame)))
    path = write_geopackage(_table(_gappy_events()), tmp_path / "g.gpkg", progress=False)
    assert "events" not in indexed  # no row of it inserted, nor indexed, through SQLite
    assert _sql(path, 'SELECT count(*) FROM "rtree_events_geom"') == [(len(_gappy_events()),)]
    assert pyogrio.read_info(path, layer="events")["features"] == len(_gappy_events())


def _claims(n: int) -> list[TerritorialClaim]:
    """Claims with areas of several shapes, some without one (a missing geometry); their places are points."""
    rng = np.random.default_rng(12)
    claims = []
    for i in range(n):
        x, y = float(rng.uniform(22, 40)), float(rng.uniform(44, 52))
        shape = [box(x, y, x + 0.3, y + 0.2), Point(x, y).buffer(0.1),
                 MultiPolygon([box(x, y, x + 0.1, y + 0.1), box(x + 0.2, y, x + 0.3, y + 0.1)]), None][i % 4]
        claims.append(TerritorialClaim(f"Forces {'AB'[i % 2]}", areas=(Place(f"Village {i}", kind="populated_place",
                                                                               lat=y, lon=x),),
                                       geometry=shape, as_of=date(2024, 5, 1 + i % 28)))
    return claims


def test_the_r_tree_of_a_layer_written_through_sqlite_is_gdal_s(tmp_path):
    """Layers whose rows SQLite inserts (claims, the place table): the R-tree holds what GDAL's own writing of
    the same frame puts in it (each feature's box, none for a missing geometry), with GDAL's
    triggers, so an edit in QGIS keeps it up to date; no call into GDAL's C library."""
    claims = _claims(40)
    path = write_geopackage(EventSet(claims), tmp_path / "claims.gpkg", progress=False)
    reference = tmp_path / "gdal.gpkg"
    places = PlaceTable(texts="table")
    frame = frames.to_geodataframe(claims, kind="claim", table=places)[[*frames.file_columns("claim", "table"),
                                                                         "geometry"]]
    frame["as_of"] = gpd.pd.to_datetime(frame["as_of"]).astype("datetime64[ms]")
    pyogrio.write_dataframe(frame, reference, layer="claims", driver="GPKG", geometry_type="Unknown",
                            promote_to_multi=False)
    pyogrio.write_dataframe(frames.place_table_frame(places), reference, layer=PLACE_TABLE, driver="GPKG",
                            geometry_type="Unknown", promote_to_multi=False, append=True)
    for layer in ("claims", PLACE_TABLE):
        rtree = f'SELECT * FROM "rtree_{layer}_geom" ORDER BY id'
        assert _sql(path, rtree) == _sql(reference, rtree) and len(_sql(path, rtree)) > 0
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name"
        assert _sql(path, triggers, layer) == _sql(reference, triggers, layer)
        assert _sql(path, f'SELECT * FROM "{layer}" ORDER BY fid') == _sql(reference, f'SELECT * FROM "{layer}" ORDER BY fid')
    assert len(_sql(path, 'SELECT * FROM "rtree_claims_geom"')) == 30  # 40 less the 10 without an area
    extensions = "SELECT * FROM gpkg_extensions ORDER BY table_name"
    assert _sql(path, extensions) == _sql(reference, extensions)
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    near = gpd.read_file(path, layer="claims", bbox=(22, 44, 31, 52))  # GDAL's bbox reading goes through the R-tree
    assert len(near) == sum(1 for c in claims if c.geometry is not None and c.geometry.bounds[0] <= 31) > 0


def test_the_writer_no_longer_loads_gdal_s_c_library():
    """The writer reaches GDAL only through pyogrio (a ctypes load of pyogrio's module fails on Windows)."""
    import inspect

    import geoconflict.model.gpkg as gpkg

    assert "ctypes" not in inspect.getsource(gpkg)


def _territory_claims(n: int) -> list[TerritorialClaim]:
    """Claims as a table's territory rows give them: no area of their own, places and provenances shared, gaps."""
    towns = [Place(f"Village {k}", kind="populated_place", lat=47.0 + k / 10, lon=36.0 + k / 7, country_code="UA",
                   admin1="Region A", approximate=k % 2 == 1) for k in range(5)]
    sources = [Provenance(source=f"bulletin {k}", reported_by=f"bulletin {k}", event_date=date(2024, 4, 1 + k),
                          date_precision="day", reason=f"a table row, kind {k % 2}") for k in range(3)]
    return [TerritorialClaim(f"Forces {'AB'[i % 2]}", areas=(towns[i % 5],) if i % 7 else (), as_of=date(2024, 4, 1 + i % 3),
                             settlements=None if i % 3 else BEYOND_DOUBLE, note=None if i % 4 == 0 else f"row {i}",
                             provenance=sources[i % 3], id=None if i % 6 == 0 else f"C-{i}", tier="assessed")
            for i in range(n)]


@pytest.mark.parametrize(("texts", "chunk"), [("table", 100_000), ("inline", 100_000), ("table", 7)])
def test_claims_without_areas_of_their_own_are_written_as_columns_equal_to_the_records(tmp_path, texts, chunk,
                                                                                        monkeypatch):
    """Territory rows' claims go to GDAL as columns (each provenance and area list converted once), in batches
    of any size: the layer, the place table and the text table hold what the record-by-record path writes."""
    import geoconflict.model.geopackage as io

    claims = _territory_claims(60)
    monkeypatch.setattr(io, "GPKG_CHUNK_ROWS", chunk)  # 7: batches of 7 rows, the last of 4
    path = write_geopackage(EventSet(claims), tmp_path / "columns.gpkg", texts=texts, progress=False)
    monkeypatch.setattr(io, "_write_claim_columns", lambda *args: False)  # the plain reference: frames of records
    reference = write_geopackage(EventSet(claims), tmp_path / "records.gpkg", texts=texts, progress=False)
    layers = [name for name, _ in pyogrio.list_layers(reference)]
    assert [name for name, _ in pyogrio.list_layers(path)] == layers and "claims" in layers
    for layer in layers:
        query = f'SELECT * FROM "{layer}" ORDER BY fid'
        assert _sql(path, query) == _sql(reference, query), layer
        ours, theirs = pyogrio.read_info(path, layer=layer), pyogrio.read_info(reference, layer=layer)
        assert list(ours["fields"]) == list(theirs["fields"]) and list(ours["dtypes"]) == list(theirs["dtypes"])
        assert ours["features"] == theirs["features"] and ours["geometry_type"] == theirs["geometry_type"]
    ddl = "SELECT sql FROM sqlite_master WHERE name = 'claims'"
    assert _sql(path, ddl) == _sql(reference, ddl)
    assert read_geopackage(path).claims == claims


def test_a_claim_s_whole_number_beyond_int64_is_still_named(tmp_path):
    """The columns' path leaves such a claim to the records' path, whose error names the record."""
    claims = _territory_claims(4)
    claims[2] = TerritorialClaim("Forces A", areas=claims[1].areas, settlements=2**63, as_of=date(2024, 4, 2))
    with pytest.raises(InvalidInputError, match=r"settlements: 9223372036854775808 \(the record events.claims\[2\]\)"):
        write_geopackage(EventSet(claims), tmp_path / "big.gpkg", progress=False)
    assert list(tmp_path.iterdir()) == []


def test_gdal_s_build_settings_do_not_outlive_the_write(tmp_path):
    """The page cache and journal settings GDAL writes a table's layers with are GDAL's own again afterwards."""
    from geoconflict.model import gpkg

    names = list(gpkg._GDAL_BUILD_OPTIONS)
    before = {name: pyogrio.get_gdal_config_option(name) for name in names}
    write_geopackage(_table(_gappy_events(), _territory_claims(3)), tmp_path / "s.gpkg", progress=False)
    assert {name: pyogrio.get_gdal_config_option(name) for name in names} == before
    assert _sql(tmp_path / "s.gpkg", "SELECT count(*) FROM claims") == [(3,)]
