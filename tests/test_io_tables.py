"""A file's shared tables: each place and each text once, areas made of places drawn light and read exact."""

from __future__ import annotations

import functools
import json
import sqlite3

import pyogrio
import pytest
import shapely
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from geoconflict import (
    CombatArea,
    Event,
    EventSet,
    FormatError,
    Mention,
    Movement,
    Place,
    Provenance,
    TerritorialClaim,
    read_geojson,
    read_geopackage,
    write_geojson,
    write_geopackage,
)
from geoconflict.cli import main

from .strategies import records

WRITERS = {"geojson": (write_geojson, read_geojson), "gpkg": (write_geopackage, read_geopackage)}

#: A long sentence that every record of the invented report below quotes (about 300 characters).
SENTENCE = ("Local officials said on Tuesday that armoured columns moved from Northtown towards Southbay "
            "overnight, that shelling continued along the river near Eastford and Westvale, and that the "
            "regional administration in Examplia Oblast had ordered the evacuation of several villages "
            "close to the front line.")
REASON = "gazetteer name: a town of the report's region, named again in the next sentence; document context"


def _oblast(name: str, west: float) -> Place:
    """A region with a detailed outline (a circle of 2,000 vertices), as a gazetteer's polygon is."""
    outline = Point(west, 50.0).buffer(1.0, quad_segs=500)
    return Place(name, kind="admin1", lat=50.0, lon=west, country_code="UA", geometry=outline)


def _town(name: str, lon: float) -> Place:
    return Place(name, kind="populated_place", lat=49.5, lon=lon, country_code="UA", population=12_000)


def _report(number: int) -> EventSet:
    """One invented report's records: five mentions, an event, a movement and a claim, all quoting one sentence."""
    oblast = _oblast("Examplia Oblast", 30.0)
    towns = [_town(name, 30.0 + i / 10) for i, name in enumerate(("Northtown", "Southbay", "Eastford", "Westvale"))]
    provenance = Provenance(source=f"report_{number:04d}.txt", quote=SENTENCE, span=(0, len(SENTENCE)),
                            report_date="2024-05-07", event_date="2024-05-06", date_precision="day")
    mentions = [Mention(place.name, 10 * i, 10 * i + len(place.name), place=place, reason=REASON,
                        provenance=provenance) for i, place in enumerate([*towns, oblast])]
    return EventSet([*mentions,
                     Event("shelling", towns[2], actors=("artillery units",), provenance=provenance),
                     Movement("armoured columns", towns[0], towns[1], provenance=provenance),
                     TerritorialClaim("regional administration", areas=(oblast,), provenance=provenance)])


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_hundred_reports_quoting_one_sentence_hold_it_once(tmp_path, fmt):
    """100 reports whose records quote the same sentence: the file grows by far less than 100 more copies of it."""
    write, read = WRITERS[fmt]
    if fmt == "geojson":  # each record a feature, whose texts follow texts= (the mentions' columns refer to the
        write = functools.partial(write, mentions="features")  # text table whatever texts= says)
    one, many = _report(0), EventSet([r for n in range(100) for r in _report(n)])
    small = write(one, tmp_path / f"one.{fmt}", texts="table", progress=False).stat().st_size
    big = write(many, tmp_path / f"many.{fmt}", texts="table", progress=False).stat().st_size
    quoted = len(one) * len(SENTENCE) + 5 * len(REASON)  # what one report's texts cost written in every record
    assert (tmp_path / f"many.{fmt}").read_bytes().count(SENTENCE.encode()) == 1
    assert read(tmp_path / f"many.{fmt}") == many
    inline = write(many, tmp_path / f"inline.{fmt}", texts="inline", progress=False)
    # inline, the 99 more reports cost their records and their texts; in the table, their records only
    assert inline.stat().st_size - small > big - small + quoted * 99 * 0.9
    assert inline.read_bytes().count(SENTENCE.encode()) == len(many)
    assert read(inline) == many


def test_geojson_texts_member_and_what_gdal_reads(tmp_path):
    """The texts follow the features in a member of the collection; GDAL reads every feature and skips the member."""
    # each mention a feature (mentions="features", the layout until session 11), so GDAL reads every record
    path = write_geojson(_report(0), tmp_path / "r.geojson", texts="table", mentions="features", progress=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["type", "generator", "features", "texts"]
    assert sorted(data["texts"].values()) == sorted([REASON, SENTENCE])
    records = [f["properties"] for f in data["features"] if f["properties"]["kind"] != "place_table"]
    assert {data["texts"][p["quote_ref"]] for p in records} == {SENTENCE}
    assert all(p.get("quote") is None for p in records)  # not written (an absent property, since session 11)
    frame = pyogrio.read_dataframe(path)  # a GIS reader: features, places and ids, no texts
    assert len(frame) == len(data["features"]) and set(frame["kind"]) == {"place_table", "place", "event",
                                                                          "movement", "claim"}
    sentence = next(found for found, text in data["texts"].items() if text == SENTENCE)
    assert set(frame.loc[frame["kind"] != "place_table", "quote_ref"]) == {sentence}
    inline = pyogrio.read_dataframe(write_geojson(_report(0), tmp_path / "i.geojson", texts="inline",
                                                  mentions="features", progress=False))
    assert set(inline.loc[inline["kind"] != "place_table", "quote"]) == {SENTENCE}
    assert "texts" not in json.loads((tmp_path / "i.geojson").read_text(encoding="utf-8"))


def test_geopackage_text_and_place_tables(tmp_path):
    """The GeoPackage's text table has no geometry; its place table holds each place once, polygon or point."""
    path = write_geopackage(_report(0), tmp_path / "r.gpkg", progress=False)
    with sqlite3.connect(path) as db:
        kinds = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    assert kinds["text_table"] == "attributes" and kinds["place_table"] == "features"
    texts = pyogrio.read_dataframe(path, layer="text_table")
    assert sorted(texts["text"]) == sorted([REASON, SENTENCE])
    places = pyogrio.read_dataframe(path, layer="place_table")
    assert sorted(places["name"]) == ["Eastford", "Examplia Oblast", "Northtown", "Southbay", "Westvale"]
    assert sorted(places.geometry.geom_type) == ["Point"] * 4 + ["Polygon"]
    mentions = pyogrio.read_dataframe(path, layer="places")
    # the mentions' place columns are in the place table: empty until session 11, left out of the layer since
    assert set(mentions["place_ref"]) == set(places["id"]) and "country_code" not in mentions


@pytest.mark.parametrize("fmt", WRITERS)
def test_an_area_made_of_places_is_drawn_light_and_read_exact(tmp_path, fmt):
    """A claim over two regions (their union) and a combat area over one: the row's shape is a lighter copy."""
    write, read = WRITERS[fmt]
    west, east = _oblast("Westland Oblast", 30.0), _oblast("Eastland Oblast", 31.5)
    claim = TerritorialClaim("forces", areas=(west, east),
                             geometry=shapely.union_all([west.geometry, east.geometry]), derivation="union")
    combat = CombatArea((east,))  # made without a geometry: its one area's polygon
    given = TerritorialClaim("forces", areas=(west,), geometry=box(29.5, 49.5, 30.5, 50.5), derivation="given")
    events = EventSet([claim, combat, given])
    path = write(events, tmp_path / f"a.{fmt}", progress=False)
    frame = pyogrio.read_dataframe(path, layer="claims" if fmt == "gpkg" else None)
    rows = frame[frame["kind"] == "claim"] if fmt == "geojson" else frame
    assert list(rows["area_from_places"].fillna("")) == ["union", ""]
    drawn = rows.geometry.iloc[0]
    assert shapely.get_num_coordinates(drawn) < shapely.get_num_coordinates(claim.geometry) / 4
    assert drawn.symmetric_difference(claim.geometry).area < 0.01 * claim.geometry.area
    assert rows.geometry.iloc[1].equals_exact(given.geometry, 0)  # a given area is written as it is
    back = read(path)
    assert back == events
    assert back.claims[0].geometry.equals_exact(claim.geometry, 0)
    assert back.combats[0].geometry.equals_exact(combat.geometry, 0)
    coarse = read(write(events, tmp_path / f"s.{fmt}", detail="simplified", progress=False))
    assert coarse.claims[0].geometry is not None  # at a coarser detail the file's own (simplified) area is read


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_movement_line_is_drawn_light_and_made_again(tmp_path, fmt):
    write, read = WRITERS[fmt]
    move = Movement("forces", _town("Northtown", 20.0), Place("Farport", kind="populated_place", lat=60.0, lon=40.0))
    path = write(EventSet([move]), tmp_path / f"m.{fmt}", progress=False)
    frame = pyogrio.read_dataframe(path, layer="movements" if fmt == "gpkg" else None)
    drawn = frame[frame["kind"] == "movement"].geometry.iloc[0]
    assert 2 <= shapely.get_num_coordinates(drawn) < shapely.get_num_coordinates(move.geometry)
    assert drawn.hausdorff_distance(move.geometry) < 0.01
    assert list(read(path).movements) == [move]


def test_bad_text_references_are_named(tmp_path):
    # each mention a feature (mentions="features", the layout until session 11), so GDAL reads every record
    path = write_geojson(_report(0), tmp_path / "r.geojson", texts="table", mentions="features", progress=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = dict(data, texts={k: v for k, v in data["texts"].items() if v != SENTENCE})
    bad = tmp_path / "missing.geojson"
    bad.write_text(json.dumps(missing), encoding="utf-8")
    with pytest.raises(FormatError, match=r"missing.geojson, row \d+: .*column 'quote_ref': refers to text 't\d+', "
                                          r"which is not in the file's text table"):
        read_geojson(bad)
    bad.write_text(json.dumps(dict(data, texts=["a list"])), encoding="utf-8")
    with pytest.raises(FormatError, match=r"missing.geojson, column 'texts': 'texts' is not an object"):
        read_geojson(bad)
    bad.write_text(json.dumps(dict(data, texts={"t1": 7})), encoding="utf-8")
    with pytest.raises(FormatError, match=r"text_table row 't1' without a text"):
        read_geojson(bad)


@pytest.mark.parametrize("texts", ["inline", "table"])
@pytest.mark.parametrize("fmt", WRITERS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(records, max_size=5))
def test_texts_round_trip_in_either_layout(tmp_path, fmt, texts, items):
    write, read = WRITERS[fmt]
    events = EventSet(items)
    assert read(write(events, tmp_path / f"e.{fmt}", texts=texts, progress=False)) == events


def test_extract_texts_inline_from_the_command_line(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Date: 2024-05-07\n\nRussian forces struck Kharkiv overnight, officials said.\n", encoding="utf-8")
    for texts in ("table", "inline", None):  # None: GeoJSON's default, inline
        out = tmp_path / f"{texts}.geojson"
        option = ["--texts", texts] if texts else []
        # each mention a feature (--mentions features): the features' texts follow --texts (the mentions' columns,
        # the default, refer to the text table whatever --texts says: tests/test_io_mentions.py)
        result = CliRunner().invoke(main, ["extract", str(report), *option, "--mentions", "features", "-o", str(out)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        quotes = {f["properties"].get("quote") for f in data["features"] if f["properties"]["kind"] != "place_table"}
        assert ("texts" in data, quotes == {None}) == (texts == "table", texts == "table")
        assert read_geojson(out) == read_geojson(tmp_path / "table.geojson")
    gpkg = tmp_path / "default.gpkg"  # the GeoPackage's default: its text table
    assert CliRunner().invoke(main, ["extract", str(report), "--format", "gpkg", "-o", str(gpkg)]).exit_code == 0
    assert len(pyogrio.read_dataframe(gpkg, layer="text_table")) >= 1
