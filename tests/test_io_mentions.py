"""GeoJSON's mentions as columns: the ``mentions`` and ``provenances`` members, keyed to counted place features.

What a GIS reads (GDAL: QGIS, ogr2ogr, geopandas) is the features: the places, each with
how many mentions and reports name it, and every other record. What this package reads is
everything, equal to what was written, in either layout, and from files session 11 wrote.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict import (
    EventSet,
    FormatError,
    InvalidInputError,
    Mention,
    Provenance,
    read_geojson,
    write_geojson,
)
from geoconflict.cli import main
from geoconflict.model.geojson import to_feature_collection
from geoconflict.model.mentioncolumns import MENTION_COLUMNS, PROVENANCE_COLUMNS

from .io_mention_records import RIVERTON, wire_reports
from .strategies import records

DATA = Path(__file__).resolve().parent / "data"


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("texts", ["inline", "table"])
@pytest.mark.parametrize("detail", ["full", "point"])
def test_mentions_are_rows_keyed_to_place_features_that_count_them(tmp_path, texts, detail):
    events = wire_reports()
    path = write_geojson(events, tmp_path / "e.geojson", texts=texts, detail=detail, progress=False)
    data = _load(path)
    assert list(data) == ["type", "generator", "features", "mentions", "provenances", "texts"]
    kinds = Counter(f["properties"]["kind"] for f in data["features"])
    assert "place" not in kinds and kinds["event"] == kinds["movement"] == kinds["claim"] == kinds["combat"] == 1
    assert data["mentions"]["columns"] == list(MENTION_COLUMNS)
    assert data["provenances"]["columns"] == list(PROVENANCE_COLUMNS)
    assert [row[0] for row in data["mentions"]["rows"]] == [m.text for m in events.mentions]
    places = [f["properties"] for f in data["features"] if f["properties"]["kind"] == "place_table"]
    counted = {p["id"]: (p["mention_count"], p["report_count"]) for p in places}
    by_id = {p["id"]: p["name"] for p in places}
    named = Counter(by_id[row[4]] for row in data["mentions"]["rows"] if len(row) > 4 and row[4] is not None)
    assert named == Counter(m.place.name for m in events.mentions if m.place is not None) == {"Riverton": 3,
                                                                                              "Examplia Oblast": 1}
    riverton = next(i for i, name in by_id.items() if name == "Riverton")
    assert counted[riverton] == (3, 2)  # three mentions in two reports (the third mention names no report)
    assert sorted(counted.values()).count((0, 0)) == 2  # the two Lakesides: candidates only
    back = read_geojson(path)
    if detail == "full":
        assert back == events
    else:  # places as points: the region's polygon is not in the file
        assert [(m.text, m.place and m.place.name, m.provenance) for m in back.mentions] == \
            [(m.text, m.place and m.place.name, m.provenance) for m in events.mentions]
        assert back.mentions[1].place.geometry is None and events.mentions[1].place.geometry is not None


def test_a_gis_reads_the_places_with_their_counts_and_every_other_record(tmp_path):
    path = write_geojson(wire_reports(), tmp_path / "e.geojson", progress=False)
    for frame in (pyogrio.read_dataframe(path), gpd.read_file(path)):
        assert set(frame["kind"]) == {"place_table", "event", "movement", "claim", "combat"}
        places = frame[frame["kind"] == "place_table"].set_index("name")
        assert places.loc["Riverton", "mention_count"] == 3 and places.loc["Riverton", "report_count"] == 2
        assert places.loc["Examplia Oblast", "geometry"].geom_type == "Polygon"
        event = frame[frame["kind"] == "event"].iloc[0]
        assert event["quote"] == "Artillery hit Riverton in Examplia Oblast overnight."  # inline: a GIS sees it


def test_the_mentions_of_one_sentence_share_its_provenance_row(tmp_path):
    said = Provenance(source="wire_0009.txt", quote="Drones flew over Riverton and Riverton's outskirts again.",
                      span=(0, 57), report_date="2024-05-09")
    events = EventSet([Mention("Riverton", 17, 25, place=RIVERTON, provenance=said),
                       Mention("Riverton", 30, 38, place=RIVERTON, provenance=said)])
    path = write_geojson(events, tmp_path / "e.geojson", progress=False)
    data = _load(path)
    assert len(data["provenances"]["rows"]) == 1 and [row[3] for row in data["mentions"]["rows"]] == [0, 0]
    assert path.read_text(encoding="utf-8").count(said.quote) == 1
    assert data["provenances"]["rows"][0] == ["wire_0009.txt", "2024-05-09", "t1", 0, 57]  # missing values left off
    assert read_geojson(path) == events


@pytest.mark.parametrize("texts", ["inline", "table"])
def test_files_session_11_wrote_still_read(texts):
    """Each mention a feature, as main wrote at d6433a4 (tests/io_mention_records.py): read back equal."""
    path = DATA / f"session11_{texts}.geojson"
    assert "mentions" not in _load(path)
    assert read_geojson(path) == wire_reports()


@pytest.mark.parametrize("texts", ["inline", "table"])
def test_mentions_as_features_is_session_11s_layout(tmp_path, texts):
    path = write_geojson(wire_reports(), tmp_path / "f.geojson", texts=texts, mentions="features", progress=False)
    assert path.read_bytes() == (DATA / f"session11_{texts}.geojson").read_bytes()


def test_mentions_as_columns_take_less_than_half_the_file(tmp_path):
    """Fifty invented reports' mentions: the columns spell no property name per mention and write each sentence
    and rule once (texts inline: the features' quotes and reasons in every one)."""
    events = EventSet([r for n in range(50) for r in _renamed(wire_reports().mentions, f"wire_{n:04d}.txt")])
    columns = write_geojson(events, tmp_path / "c.geojson", progress=False).stat().st_size
    features = write_geojson(events, tmp_path / "f.geojson", mentions="features", progress=False).stat().st_size
    assert columns < features / 2
    assert read_geojson(tmp_path / "c.geojson") == read_geojson(tmp_path / "f.geojson") == events


def _renamed(events, source: str) -> list:
    """*events* with every provenance's source replaced by *source* (another report)."""
    from dataclasses import replace

    out = []
    for record in events:
        provenance = replace(record.provenance, source=source) if record.provenance.source else record.provenance
        out.append(replace(record, provenance=provenance))
    return out


def test_records_given_once_are_written_whole(tmp_path):
    events = wire_reports()
    path = write_geojson((record for record in events), tmp_path / "g.geojson", progress=False)
    assert read_geojson(path) == events
    made = to_feature_collection(iter(events))  # the same collection, as a dict (tuples for JSON arrays)
    assert json.loads(json.dumps(made)) == _load(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(records, max_size=6), st.sampled_from(["columns", "features"]), st.sampled_from(["inline", "table"]))
def test_either_layout_round_trips(tmp_path, items, mentions, texts):
    events = EventSet(items)
    path = write_geojson(events, tmp_path / "e.geojson", mentions=mentions, texts=texts, progress=False)
    assert read_geojson(path) == events


def _broken(tmp_path: Path, change) -> Path:
    data = _load(write_geojson(wire_reports(), tmp_path / "ok.geojson", progress=False))
    change(data)
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps(data), encoding="utf-8")
    return bad


@pytest.mark.parametrize("change, message", [
    (lambda d: d["mentions"]["rows"][1].__setitem__(4, "p99"),
     r"bad.geojson: row 2, column 'mentions.place_ref': refers to place 'p99', which is not in the file's place table"),
    (lambda d: d["mentions"]["rows"][0].__setitem__(3, 7),
     r"bad.geojson: row 1, column 'mentions.provenance': provenance: 7 is not a row of 'provenances'"),
    (lambda d: d["mentions"]["columns"].append("colour"),
     r"bad.geojson: column 'mentions': 'mentions': unknown columns \['colour'\]"),
    (lambda d: d["mentions"]["rows"][0].extend([None] * 9),
     r"bad.geojson: row 1, column 'mentions': expected a list of at most 8 values"),
    (lambda d: d["provenances"]["rows"][0].__setitem__(1, "7 May"),
     r"bad.geojson: row 1, column 'provenances.report_date': .*7 May"),
    (lambda d: d.__setitem__("mentions", [1, 2]),
     r"bad.geojson: column 'mentions': 'mentions': expected an object of 'columns'"),
    (lambda d: d["mentions"]["rows"][2][7].append("p404"),
     r"bad.geojson: row 3, column 'mentions.candidates': refers to place 'p404'"),
    (lambda d: d["mentions"]["rows"][2].__setitem__(5, "t404"),
     r"bad.geojson: row 3, column 'mentions.reason_ref': refers to text 't404'"),
])
def test_a_bad_mention_row_names_the_file_row_and_column(tmp_path, change, message):
    with pytest.raises(FormatError, match=message):
        read_geojson(_broken(tmp_path, change))


def test_an_unknown_layout_is_refused(tmp_path):
    with pytest.raises(InvalidInputError, match="mentions: expected one of columns, features, got 'rows'"):
        write_geojson(wire_reports(), tmp_path / "e.geojson", mentions="rows")


def test_extract_mentions_option(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Date: 2024-05-07\n\nRussian forces struck Kharkiv overnight, officials said. Drones were "
                      "shot down over Kharkiv and Sumy.\n", encoding="utf-8")
    out = {}
    for mentions in ("columns", "features", None):
        option = ["--mentions", mentions] if mentions else []
        path = out[mentions] = tmp_path / f"{mentions}.geojson"
        result = CliRunner().invoke(main, ["extract", str(report), *option, "-o", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert "mentions" in _load(out[None]) and "mentions" not in _load(out["features"])
    assert _load(out[None]) == _load(out["columns"])  # the default
    back = read_geojson(out[None])
    assert len(back.mentions) >= 3 and back == read_geojson(out["features"])
    stdout = CliRunner().invoke(main, ["extract", str(report)], catch_exceptions=False).output
    assert json.loads(stdout) == _load(out[None])


def test_at_point_detail_places_told_apart_by_their_polygons_alone_are_one_row(tmp_path):
    """Without polygons the file cannot tell them apart: one place feature, which both read back as."""
    from shapely.geometry import box

    from geoconflict import Place

    bare = Place("Examplia", kind="country", lat=1.0, lon=2.0)
    drawn = bare.replace(geometry=box(1.9, 0.9, 2.1, 1.1))
    events = EventSet([Mention("Examplia", 0, 8, place=bare, candidates=(drawn,)),
                       Mention("Examplia", 20, 28, place=drawn)])
    for mentions in ("columns", "features"):
        path = write_geojson(events, tmp_path / f"{mentions}.geojson", detail="point", mentions=mentions,
                             progress=False)
        places = [f["properties"] for f in _load(path)["features"] if f["properties"]["kind"] == "place_table"]
        assert len(places) == 1
        back = read_geojson(path)
        assert [m.place for m in back.mentions] == [bare, bare] and back.mentions[0].candidates == (bare,)
        assert to_feature_collection(back, detail="point", mentions=mentions) == \
            to_feature_collection(events, detail="point", mentions=mentions)  # written again, the same file
