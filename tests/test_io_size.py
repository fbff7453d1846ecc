"""Exports sized by what they state: GeoJSON leaves out what is missing, a GeoPackage's mentions hold only their own.

A GIS (GDAL, so QGIS, ogr2ogr and geopandas) reads an absent GeoJSON property as
null, and makes a column of every property any feature has; this package's reader
takes the schema's missing value for it. So the files are smaller and read the same
both ways.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import geopandas as gpd
import pyogrio
import pytest
import shapely
from shapely.geometry import box

from geoconflict import (
    Event,
    EventSet,
    Mention,
    Place,
    Provenance,
    TerritorialClaim,
    read_geojson,
    read_geopackage,
    write_geojson,
    write_geopackage,
)
from geoconflict.model import frames
from geoconflict.model.geopackage import LAYERS, UNINDEXED

RIVERTON = Place("Riverton", kind="populated_place", lat=48.51234, lon=35.06789, country_code="UA",
                 admin1="Examplia Oblast", population=41_000)
EXAMPLIA = Place("Examplia Oblast", kind="admin1", lat=48.5, lon=35.5, country_code="UA",
                 geometry=box(34.5, 47.9, 36.4, 49.1))


def _records() -> EventSet:
    """Invented wire-report records: the first states little (no date, no actors), the last states much."""
    bare = Event("attack", RIVERTON)  # no date, no fatalities, no description: most properties missing
    full = Event("shelling", RIVERTON, actors=("Northern Army",), fatalities=3,
                 description="artillery fire on the town's eastern district",
                 provenance=Provenance(source="wire_0001.txt", reported_by="the regional governor",
                                       quote="Artillery hit the eastern district of Riverton overnight.",
                                       span=(0, 57), report_date=date(2024, 5, 7), event_date=date(2024, 5, 6),
                                       date_precision="day"))
    claim = TerritorialClaim("Northern Army", areas=(EXAMPLIA,), settlements=4, as_of=date(2024, 5, 6))
    mention = Mention("Riverton", 37, 45, place=RIVERTON, score=4.5, reason="gazetteer name: the largest town",
                      provenance=Provenance(source="wire_0001.txt", report_date=date(2024, 5, 7)))
    return EventSet([bare, claim, mention, full])


def _features(path) -> list[dict]:
    return [f for f in json.loads(path.read_text(encoding="utf-8"))["features"]
            if f["properties"]["kind"] != "place_table"]


@pytest.mark.parametrize("texts", ["inline", "table"])
def test_geojson_states_no_null_property_and_reads_back_equal(tmp_path, texts):
    events = _records()
    path = write_geojson(events, tmp_path / "e.geojson", texts=texts, progress=False)
    features = _features(path)
    assert all(value is not None for f in features for value in f["properties"].values())
    bare, dated = (f["properties"] for f in features if f["properties"]["kind"] == "event")
    assert bare["name"] == "Riverton" and bare["event_type"] == "attack"
    assert not {"date", "fatalities", "description", "reported_by", "date_precision"} & set(bare)
    assert dated["date_precision"] == "day" and dated["fatalities"] == 3  # what is stated is written
    assert read_geojson(path) == events


def test_a_gis_reads_an_absent_property_as_null(tmp_path):
    """GDAL's GeoJSON driver makes a column of each property any feature has; geopandas reads through it."""
    path = write_geojson(_records(), tmp_path / "e.geojson", progress=False)
    for frame in (pyogrio.read_dataframe(path), gpd.read_file(path)):
        events = frame[frame["kind"] == "event"].reset_index(drop=True)
        assert list(events["event_type"]) == ["attack", "shelling"]
        assert events["fatalities"].isna().tolist() == [True, False] and events["fatalities"][1] == 3
        assert events["quote"].isna().tolist() == [True, False]
        assert events["date"].isna().tolist() == [True, False]
        assert frame["date_precision"].isna().sum() == len(frame) - 1  # only the dated event states one
        claims = frame[frame["kind"] == "claim"]
        assert claims["settlements"].tolist() == [4] and claims["event_type"].isna().all()


def test_geopackage_mentions_hold_their_own_columns_and_no_index(tmp_path):
    """The mentions' layer: no place columns but the name (the place table has them), the layout's text
    columns only, no spatial index (its points are the place table's); every other layer of features keeps its
    R-tree, and GDAL still answers a bounding-box query on the mentions."""
    events = _records()
    path = write_geopackage(events, tmp_path / "e.gpkg", progress=False)
    mentions = LAYERS["place"]
    columns = set(pyogrio.read_info(path, layer=mentions)["fields"])
    assert columns == set(frames.file_columns("place", "table")) and "place_ref" in columns
    assert not {"lat", "lon", "country_code", "population", "quote", "reason"} & columns
    assert "quote" not in pyogrio.read_info(path, layer=LAYERS["event"])["fields"]
    with sqlite3.connect(path) as db:
        indexed = {name for (name,) in db.execute("SELECT table_name FROM gpkg_extensions "
                                                  "WHERE extension_name = 'gpkg_rtree_index'")}
        spatial = {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents "
                                                  "WHERE data_type = 'features'")}
    assert mentions in UNINDEXED and indexed == spatial - UNINDEXED and {"place_table", "events"} <= indexed
    near = pyogrio.read_dataframe(path, layer=mentions, bbox=(35.0, 48.4, 35.1, 48.6))
    assert near["name"].tolist() == ["Riverton"]
    assert read_geopackage(path) == events
    inline = write_geopackage(events, tmp_path / "i.gpkg", texts="inline", progress=False)
    assert set(pyogrio.read_info(inline, layer=mentions)["fields"]) == set(frames.file_columns("place", "inline"))
    assert pyogrio.read_dataframe(inline, layer=mentions)["reason"].tolist() == ["gazetteer name: the largest town"]
    assert read_geopackage(inline) == events


@pytest.mark.parametrize("write, read, fmt", [(write_geojson, read_geojson, "geojson"),
                                              (write_geopackage, read_geopackage, "gpkg")])
def test_a_country_sized_area_of_places_is_drawn_at_its_own_scale(tmp_path, write, read, fmt):
    """The drawn copy of a large area made of its places' polygons keeps detail in proportion to its size
    (a few kilometres for a country), far fewer vertices than the fixed 500 m; the exact area is read back."""
    import numpy as np
    from shapely.geometry import Polygon

    from geoconflict import CombatArea
    from geoconflict.model.placetable import DRAWN_SHARE, simplified

    turn = np.linspace(0, 2 * np.pi, 12_000, endpoint=False)  # a large country's outline, with a coast's wiggles
    radius = 12 + 0.04 * np.sin(900 * turn) + 0.15 * np.sin(97 * turn) + 0.5 * np.sin(7 * turn)
    outline = Polygon(np.c_[45 + radius * np.cos(turn), 55 + radius * np.sin(turn)])
    country = Place("Examplistan", kind="country", lat=55.0, lon=45.0, geometry=outline)
    combat = CombatArea((country,))
    path = write(EventSet([combat]), tmp_path / f"c.{fmt}", progress=False)
    frame = pyogrio.read_dataframe(path, layer="combats" if fmt == "gpkg" else None)
    copy = frame[frame["kind"] == "combat"].geometry.iloc[0]
    assert shapely.get_num_coordinates(copy) < shapely.get_num_coordinates(simplified(outline)) / 2
    assert copy.hausdorff_distance(outline) <= 1.01 * DRAWN_SHARE * outline.area ** 0.5
    assert copy.symmetric_difference(outline).area < 0.01 * outline.area
    back = read(path)
    assert back.combats[0].geometry.equals_exact(combat.geometry, 0)
