"""Messy and hostile input: every reader fails with a GeoconflictError naming where, or reads exactly what is there."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict import (
    FormatError,
    GeoconflictError,
    InvalidInputError,
    Place,
    read_events,
    read_geojson,
    read_table,
)
from geoconflict.text.report import read_report

POLYGON = [[[35, 51], [36, 51], [36, 52], [35, 51]]]


def _collection(*features: object) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _feature(properties: object, geometry: object) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


# --------------------------------------------------------------------------- text that looks like a number


_NUMBERLIKE = st.sampled_from(["007", "1e5", "TRUE", "+5", "0x1F", "1_000", "NaN", "-0", "3.10", "inf", "NULL"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_NUMBERLIKE, min_size=2, max_size=6))
def test_text_that_looks_like_a_number_stays_text(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("t") / "events.csv"
    rows = "".join(f"51.{i + 10},35.27,battle,{name},{name}\n" for i, name in enumerate(names))
    path.write_text("lat,lon,type,location,actor\n" + rows, encoding="utf-8")
    events = read_events(path).events
    assert [e.place.name for e in events] == names  # other rows never change how a cell reads
    assert [e.actors for e in events] == [(n,) for n in names]


def test_counts_above_two_to_the_53_are_exact(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("lat,lon,type,fatalities\n51.19,35.27,battle,9007199254740993\n51.2,35.3,battle,\n",
                    encoding="utf-8")
    assert [e.fatalities for e in read_events(path).events] == [9007199254740993, None]


# --------------------------------------------------------------------------- CSV structure


@pytest.mark.parametrize("errors", ["raise", "skip"])
def test_precision_inf_is_a_bad_cell_not_an_overflow(tmp_path, errors):
    path = tmp_path / "events.csv"
    path.write_text("lat,lon,type,precision\n51.19,35.27,battle,inf\n51.2,35.3,battle,2\n", encoding="utf-8")
    if errors == "raise":
        with pytest.raises(FormatError, match=r"events.csv, row 1, column 'precision': precision 'inf'"):
            read_events(path, errors=errors)
    else:
        with pytest.warns(UserWarning, match="left out 1 bad row"):
            assert len(read_events(path, errors=errors).events) == 1


def test_columns_that_clash_once_stripped_are_named(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("latitude, latitude,longitude,type\n51.19,51.2,35.27,battle\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"events.csv, column 'latitude': columns 1 and 2 are both named"):
        read_events(path)


def test_carriage_return_line_endings_are_named(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(b"lat,lon,type\r51.19,35.27,battle\r")
    with pytest.raises(FormatError, match=r"events.csv: lines end with a carriage return alone"):
        read_events(path)


# --------------------------------------------------------------------------- GeoJSON


@pytest.mark.parametrize(("feature", "message"), [
    (_feature("owner", {"type": "Polygon", "coordinates": POLYGON}), r"'properties' must be an object, got str"),
    (_feature({"owner": "X"}, {"type": "MultiPolygon", "coordinates": [POLYGON, []]}),
     r"column 'geometry': not a readable MultiPolygon"),
    (_feature({"owner": "X"}, {"type": "Polygon"}), r"column 'geometry': not a readable Polygon: KeyError"),
    (_feature({"owner": "X"}, {"type": "Polygon", "coordinates": [[[35, 51], [math.nan, 51], [36, 52], [35, 51]]]}),
     r"not a finite number"),
])
def test_broken_control_features_name_the_row_and_field(tmp_path, feature, message):
    path = tmp_path / "control.geojson"
    path.write_text(_collection(_feature({"owner": "Y"}, {"type": "Polygon", "coordinates": POLYGON}), feature),
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"control.geojson, row 2, .*" + message):
        read_events(path)
    with pytest.warns(UserWarning, match="left out 1 bad row of 2"):
        assert len(read_events(path, errors="skip").claims) == 1


@pytest.mark.parametrize("reader", [read_events, read_geojson])
def test_json_nested_100000_deep_is_a_format_error(tmp_path, reader):
    path = tmp_path / "deep.geojson"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(FormatError, match="deep.geojson"):
        reader(path)


# --------------------------------------------------------------------------- reports


def test_truncated_utf16_report_is_named(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("Date: 2024-08-14\n\nShelling near Kherson.".encode("utf-16")[:-1])
    with pytest.raises(InvalidInputError, match=r"r.txt: not UTF-16 although it starts with UTF-16's byte-order"):
        read_report(path)


@pytest.mark.parametrize(("text", "where"), [
    ("Date: 2024-08-14\n\nShelling\x00 near Kherson.", r"a NUL character at line 3, column 9"),
    ("Date: 2024-08-14\n\nShelling near \ud800Kherson.", r"a lone surrogate \(U\+D800\) at line 3, column 15"),
])
def test_unwritable_characters_are_refused_with_their_place(text, where):
    with pytest.raises(InvalidInputError, match=where):
        read_report(text)


def test_html_table_cells_are_not_glued():
    report = read_report("<html><body><p>Fighting in:</p><table><tr><td>Kursk</td><td>Sudzha</td></tr>"
                         "<tr><th>Goma</th><td>Sake</td></tr></table></body></html>", published="2024-08-14")
    assert "KurskSudzha" not in report.text and "GomaSake" not in report.text
    assert report.text.split() == ["Fighting", "in:", "Kursk", "Sudzha", "Goma", "Sake"]


@pytest.mark.parametrize(("first_line", "title"), [
    ("August 1, 2024 — Troops withdraw", "Troops withdraw"),
    ("Thursday, August 1, 2024 - Troops withdraw", "Troops withdraw"),
    ("1 August 2024 – Troops withdraw", "Troops withdraw"),
    ("2024-08-01", None),
])
def test_a_first_line_that_is_a_date_is_the_header(first_line, title):
    report = read_report(first_line + "\n\nRussian troops left Sudzha.")
    assert report.published.isoformat() == "2024-08-01" and report.title == title
    assert report.body == "Russian troops left Sudzha."


# --------------------------------------------------------------------------- the model


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_a_population_that_is_not_a_number_is_an_invalid_input(value):
    with pytest.raises(InvalidInputError, match="population: expected a whole number"):
        Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, population=value)


def test_every_failure_above_is_a_geoconflict_error():
    assert issubclass(FormatError, GeoconflictError) and issubclass(InvalidInputError, GeoconflictError)


# --------------------------------------------------------------------------- what the mutation families found (tests/test_mutations.py)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_spreadsheets_utf16_export_reads_as_utf8_does(tmp_path, encoding):
    """Spreadsheets save "Unicode text" as tab-separated UTF-16 with a byte-order mark; its header was unreadable."""
    path = tmp_path / "events.csv"
    path.write_text("lat\tlon\ttype\tdescription\n51.19\t35.27\tbattle\tБої біля Суджі\n", encoding="utf-16")
    (event,) = read_events(path, encoding=encoding).events
    assert event.description == "Бої біля Суджі" and event.place.lonlat == (35.27, 51.19)


def test_a_file_cut_off_in_its_last_row_reports_that_row(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("lat,lon,type,fatalities,description\n51.19,35.27,battle,4,Heavy fighting\n51.2,35.3,batt",
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"events.csv, row 2, column 'fatalities': the file ends in the middle "
                                          r"of this row \(3 of 5 fields"):
        read_events(path)
    with pytest.warns(UserWarning, match="left out 1 bad row of 2"):
        assert [e.fatalities for e in read_events(path, errors="skip").events] == [4]
    path.write_text("lat,lon,type\n51.19,35.27,battle\n51.2,35.3,strike", encoding="utf-8")  # whole, no final break
    assert [e.type for e in read_events(path).events] == ["battle", "strike"]


def test_two_byte_order_marks_are_named_not_a_pandas_key_error(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbflat,lon,type\n51.19,35.27,battle\n")
    with pytest.raises(FormatError, match=r"events.csv: the file starts with two byte-order marks"):
        read_events(path)


@pytest.mark.parametrize(("properties", "message"), [
    ({"owner": ["A", "B"]}, r"column 'owner': owner: expected text, got an array \[\"A\", \"B\"\]"),
    ({"owner": False}, r"column 'owner': owner: expected text, got a boolean false"),
    ({"owner": "A", "note": {"x": 1}}, r"column 'note': note: expected text, got an object"),
    ({"owner": 1.5}, r"column 'owner': owner: expected text, got a number 1.5"),
])
def test_a_property_that_is_not_text_is_named_not_spelled_as_python(tmp_path, properties, message):
    path = tmp_path / "control.geojson"
    path.write_text(_collection(_feature(properties, {"type": "Polygon", "coordinates": POLYGON})), encoding="utf-8")
    with pytest.raises(FormatError, match=r"control.geojson, row 1, " + message):
        read_events(path)


def test_a_whole_number_property_is_text_as_written(tmp_path):
    path = tmp_path / "control.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": 12, "properties": {"owner": 3, "note": "sector"},
         "geometry": {"type": "Polygon", "coordinates": POLYGON}}]}), encoding="utf-8")
    (claim,) = read_events(path).claims
    assert (claim.claimant, claim.id, claim.note) == ("3", "12", "sector")


def test_a_collection_date_that_is_no_date_is_named(tmp_path):
    path = tmp_path / "control.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "as_of": "last week", "features": [
        _feature({"owner": "X"}, {"type": "Polygon", "coordinates": POLYGON})]}), encoding="utf-8")
    with pytest.raises(FormatError, match=r"control.geojson, column 'as_of': the collection's date 'last week' is "
                                          r"not a date"):
        read_events(path)


@pytest.mark.parametrize(("coordinates", "message"), [
    ([[[35, 51], [True, 51], [36, 52], [35, 51]]], r"position \[true, 51\] is not \[longitude, latitude\]"),
    ([[[35, 51, 0], [36, 51], [36, 52, 0], [35, 51, 0]]], r"positions mix \[longitude, latitude\] and "
                                                          r"\[longitude, latitude, height\]"),
    ([[[35, 51, 1, 2], [36, 51, 1, 2], [36, 52, 1, 2], [35, 51, 1, 2]]], r"position \[35, 51, 1, 2\] is not"),
    ([[35, 51], [36, 51]], r"position 35 is not"),
    ("35,51", r"expected an array of arrays, got"),
])
def test_positions_that_are_not_two_or_three_numbers_are_named(tmp_path, coordinates, message):
    """shapely read true as 1, and named mixed 2-D/3-D positions in NumPy's words."""
    path = tmp_path / "control.geojson"
    path.write_text(_collection(_feature({"owner": "X"}, {"type": "Polygon", "coordinates": coordinates})),
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"control.geojson, row 1, column 'geometry': not a readable Polygon: "
                                          + message):
        read_events(path)


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_a_control_maps_heights_are_kept_and_written_back(tmp_path, fmt):
    """3-D coordinates (KML conversions write z = 0, some exports a height) are kept on read and by every writer."""
    from geoconflict import EventSet, write_csv, write_geojson, write_geopackage
    from geoconflict.model.io import read_csv_events, read_geopackage

    ring = [[35, 51, 120.5], [36, 51, 0], [36, 52, 88], [35, 51, 120.5]]
    path = tmp_path / "control.geojson"
    path.write_text(_collection(_feature({"owner": "X"}, {"type": "Polygon", "coordinates": [ring]})),
                    encoding="utf-8")
    (claim,) = read_events(path).claims
    assert claim.geometry.has_z and sorted(z for _, _, z in claim.geometry.exterior.coords) == [0, 88, 120.5, 120.5]
    write, read = {"geojson": (write_geojson, read_geojson), "gpkg": (write_geopackage, read_geopackage),
                   "csv": (write_csv, read_csv_events)}[fmt]
    (back,) = read(write(EventSet([claim]), tmp_path / f"out.{fmt}", progress=False)).claims
    assert back == claim and back.geometry.equals_exact(claim.geometry, tolerance=0)
    assert list(back.geometry.exterior.coords) == list(claim.geometry.exterior.coords)


def test_an_empty_shell_with_holes_is_a_bad_feature_not_a_geos_exception(tmp_path):
    path = tmp_path / "control.geojson"
    hole = [[35.2, 51.2], [35.4, 51.2], [35.4, 51.4], [35.2, 51.2]]
    path.write_text(_collection(_feature({"owner": "X"}, {"type": "Polygon", "coordinates": [[], hole]})),
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"control.geojson, row 1, column 'geometry': "):
        read_events(path)
    table = read_table(path, errors="skip")
    assert (table.rows, table.skipped_rows, table.events.claims) == (1, [1], [])
