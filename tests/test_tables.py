"""Event tables: ACLED, UCDP GED, control GeoJSON and generic CSV readers, on real files."""

from __future__ import annotations

import csv
import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

import geoconflict as gc
from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.inputs import load_inputs
from geoconflict.model import ClaimTier, DatePrecision, Derivation, PlaceKind, Precision
from geoconflict.readers import SkippedRowsWarning, detect_format, read_events, read_table
from geoconflict.readers.acled import GEO_PRECISION, TIME_PRECISION
from geoconflict.readers.ucdp import DATE_PREC, WHERE_PREC

DATA = Path(__file__).resolve().parent.parent / "data"
ACLED = DATA / "kursk_acled_layout.csv"
UCDP = DATA / "kursk_ucdp_ged_layout.csv"
CONTROL = DATA / "kursk_control_areas.geojson"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_84a8b2256f18f56d.txt"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, header)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def acled_copy(tmp_path):
    """Write the sample ACLED table with some cells changed: ``write({row: {column: value}})``."""
    header, rows = _rows(ACLED)

    def write(changes: dict[int, dict[str, str]], *, drop: str | None = None) -> Path:
        out = [dict(r) for r in rows]
        for row, cells in changes.items():
            out[row - 1].update(cells)
        cols = [c for c in header if c != drop]
        return _write(tmp_path / "acled.csv", cols, [{c: r[c] for c in cols} for r in out])

    return write


def _revalidated(record):
    """The record rebuilt through its checking constructor (and its nested records)."""
    changes = {}
    for name in ("place", "provenance"):
        if hasattr(record, name):
            changes[name] = dataclasses.replace(getattr(record, name))
    if hasattr(record, "areas"):
        changes["areas"] = tuple(dataclasses.replace(a) for a in record.areas)
    return dataclasses.replace(record, **changes)


# --------------------------------------------------------------------------- ACLED


def test_acled_sample_reads_every_row():
    table = read_table(ACLED)
    assert table.format == "acled" and table.rows == 14 and table.problems == ()
    assert len(table.events.events) == 13 and len(table.events.claims) == 1
    first = table.events.events[0]
    assert first.type == "battles" and first.subtype == "Armed clash"
    assert first.actors == ("Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)")
    assert first.place.name == "Sudzha" and first.place.lonlat == (35.2708, 51.1917)
    assert first.place.country_code == "RU" and first.place.admin1 == "Kursk"
    assert first.id == "RUSX0001" and first.fatalities == 0
    assert first.description.startswith("On 6 August 2024, Ukrainian forces crossed")
    assert first.provenance.source == "Kommersant; Ukrainska Pravda"
    assert first.provenance.event_date == date(2024, 8, 6)


def test_acled_records_equal_checked_construction():
    for path in (ACLED, UCDP, CONTROL):
        for record in read_events(path):
            assert _revalidated(record) == record


def test_acled_precision_mappings():
    events = {e.id: e for e in read_events(ACLED).events}
    assert events["RUSX0001"].precision is Precision.EXACT and not events["RUSX0001"].place.approximate
    assert events["RUSX0002"].precision is Precision.NEAR and events["RUSX0002"].place.approximate
    assert events["RUSX0003"].precision is Precision.REGION
    assert events["RUSX0001"].provenance.date_precision is DatePrecision.DAY
    assert events["RUSX0011"].provenance.date_precision is DatePrecision.WEEK
    assert events["RUSX0013"].provenance.date_precision is DatePrecision.MONTH
    assert GEO_PRECISION == {1: Precision.EXACT, 2: Precision.NEAR, 3: Precision.REGION}
    assert TIME_PRECISION == {1: DatePrecision.DAY, 2: DatePrecision.WEEK, 3: DatePrecision.MONTH}


def test_acled_territory_rows_become_claims():
    (claim,) = read_events(ACLED).claims
    assert claim.claimant == "Military Forces of Russia (2000-)"
    assert claim.as_of == date(2024, 9, 12) and claim.tier is ClaimTier.ASSESSED
    assert [a.name for a in claim.areas] == ["Snagost"] and claim.derivation is Derivation.NONE
    assert "Government regains territory" in claim.provenance.reason
    assert claim.reported_by == "Russian Ministry of Defence"
    assert claim.note.startswith("On 12 September 2024") and claim.id == "RUSX0014"


def test_acled_old_style_dates_and_assoc_actors(acled_copy):
    path = acled_copy({1: {"event_date": "06 August 2024", "assoc_actor_1": "Azov; 95th Brigade"}})
    first = read_events(path).events[0]
    assert first.provenance.event_date == date(2024, 8, 6)
    assert first.actors == ("Military Forces of Ukraine (2019-)", "Azov", "95th Brigade",
                            "Military Forces of Russia (2000-)")


def test_acled_non_state_takeover_is_a_claim(acled_copy):
    path = acled_copy({2: {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Freedom of Russia Legion"}})
    claims = read_events(path).claims
    assert [c.claimant for c in claims] == ["Freedom of Russia Legion", "Military Forces of Russia (2000-)"]


# --------------------------------------------------------------------------- UCDP


def test_ucdp_sample_and_mappings():
    events = {e.id: e for e in read_events(UCDP).events}
    assert len(events) == 6
    e = events["900001"]
    assert e.type == "state-based conflict"
    assert e.actors == ("Government of Russia (Soviet Union)", "Government of Ukraine")
    assert e.fatalities == 5 and "best 5 (low 4, high 8)" in e.description and "side A 3" in e.description
    assert e.provenance.reported_by == "Russian Ministry of Defence"
    assert e.provenance.event_date == date(2024, 8, 6) and e.provenance.event_date_end is None
    assert e.place.country_code == "RU"
    kinds = {k: (events[k].precision, events[k].place.kind) for k in events}
    assert kinds["900001"] == (Precision.EXACT, PlaceKind.POPULATED_PLACE)
    assert kinds["900002"] == (Precision.NEAR, PlaceKind.POPULATED_PLACE)
    assert kinds["900003"] == (Precision.DISTRICT, PlaceKind.ADMIN2)
    assert kinds["900004"] == (Precision.REGION, PlaceKind.ADMIN1)
    assert kinds["900006"] == (Precision.AREA, PlaceKind.FEATURE)
    ranged = events["900003"].provenance
    assert (ranged.event_date, ranged.event_date_end) == (date(2024, 8, 6), date(2024, 8, 9))
    assert ranged.date_precision is DatePrecision.WEEK
    assert events["900004"].provenance.date_precision is DatePrecision.MONTH
    assert WHERE_PREC[6] is Precision.COUNTRY and WHERE_PREC[7] is Precision.AREA
    assert DATE_PREC[5] is DatePrecision.YEAR


def test_ucdp_end_before_start(tmp_path):
    header, rows = _rows(UCDP)
    rows[2]["date_end"] = "2024-08-01 00:00:00.000"
    path = _write(tmp_path / "ged.csv", header, rows)
    with pytest.raises(FormatError, match=r"ged\.csv, row 3, column 'date_end': date_end 2024-08-01 is before"):
        read_events(path)
    assert read_table(path, errors="skip").skipped_rows == [3]


def test_ucdp_where_prec_out_of_range(tmp_path):
    header, rows = _rows(UCDP)
    rows[0]["where_prec"] = "9"
    path = _write(tmp_path / "ged.csv", header, rows)
    with pytest.raises(FormatError, match=r"row 1, column 'where_prec': where_prec '9' is not one of 1, 2, 3, 4, 5"):
        read_events(path)


# --------------------------------------------------------------------------- control GeoJSON


def test_control_geojson_claims_side_by_side():
    claimed, assessed = read_events(CONTROL).claims
    assert (claimed.tier, assessed.tier) == (ClaimTier.CLAIMED, ClaimTier.ASSESSED)
    assert claimed.claimant == assessed.claimant == "Ukrainian forces"
    assert claimed.as_of == date(2024, 8, 14) and claimed.settlements == 74 and claimed.area_km2_stated == 1000
    assert claimed.derivation is Derivation.GIVEN and 900 < claimed.area_km2 < 1200
    assert claimed.reported_by == "Commander-in-Chief Oleksandr Syrskyi"
    assert claimed.id == "claim-ua-2024-08-14"


def _feature(geometry, **props):
    return {"type": "Feature", "properties": props, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.2, 51.0], [35.2, 51.2], [35.0, 51.2], [35.0, 51.0]]]}


def test_control_status_only_and_collection_date(tmp_path):
    path = tmp_path / "front.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "date": "2024-08-20",
                                "features": [_feature(SQUARE, status="Claimed Ukrainian advances")]}))
    (claim,) = read_events(path).claims
    assert claim.claimant == "Claimed Ukrainian advances" and claim.tier is ClaimTier.CLAIMED
    assert claim.as_of == date(2024, 8, 20)


def test_control_bad_features(tmp_path):
    path = tmp_path / "front.geojson"
    features = [
        _feature(SQUARE, owner="Ukrainian forces", as_of="2024-08-14"),
        _feature({"type": "Point", "coordinates": [35.0, 51.0]}, owner="Ukrainian forces"),
        _feature(SQUARE, colour="red"),
        _feature(SQUARE, owner="Russian forces", date="14/08/2024"),
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(FormatError, match=r"front\.geojson, row 2, column 'geometry': .*got Point"):
        read_events(path)
    table = read_table(path, errors="skip")
    assert len(table.events.claims) == 1
    assert [(p.row, p.column) for p in table.problems] == [(2, "geometry"), (3, "claimant"), (4, "date")]


def test_control_invalid_json(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(FormatError, match=r"broken\.geojson: not valid JSON"):
        read_events(path)


# --------------------------------------------------------------------------- generic CSV


def test_generic_coordinates_with_aliases(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("Y,X,Place,Date,Category,Deaths,Source,Precision\n"
                    "51.19,35.27,Sudzha,2024-08-06,battle,3,Kommersant,\n"
                    "51.34,34.64,Glushkovo bridge,2024-08,strike,,Ukrainian Air Force,2\n", encoding="utf-8")
    first, second = read_events(path).events
    assert first.place.lonlat == (35.27, 51.19) and first.place.name == "Sudzha" and first.fatalities == 3
    assert first.precision is Precision.EXACT and first.provenance.source == "Kommersant"
    assert second.precision is Precision.NEAR and second.type == "strike"
    assert second.provenance.date_precision is DatePrecision.MONTH and second.provenance.event_date == date(2024, 8, 1)


def test_generic_place_names_are_geocoded(tmp_path):
    path = tmp_path / "named.csv"
    path.write_text("settlement,region,country,date,type\n"
                    "Sudzha,Kursk,Russia,2024-08-06,battle\n"
                    "Korenevo,Kursk,Russia,2024-08-10,battle\n"
                    "Xqzzyville,Kursk,Russia,2024-08-11,battle\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"named\.csv, row 3, column 'settlement': cannot place 'Xqzzyville'"):
        read_events(path)
    table = read_table(path, errors="skip")
    assert [e.place.name for e in table.events.events] == ["Sudzha", "Korenevo"]
    assert all(e.place.admin1 == "Kursk Oblast" for e in table.events.events)
    assert table.skipped_rows == [3]


def test_generic_rows_never_put_at_null_island(tmp_path):
    path = tmp_path / "zeros.csv"
    path.write_text("lat,lon,type\n0,0,battle\n51.19,35.27,battle\n,35.27,battle\n", encoding="utf-8")
    table = read_table(path, errors="skip")
    assert len(table.events.events) == 1
    assert [(p.row, p.column) for p in table.problems] == [(1, "lat"), (3, "lat")]
    assert "placeholder" in table.problems[0].message


# --------------------------------------------------------------------------- detection


def test_detect_format(tmp_path):
    assert [detect_format(p) for p in (ACLED, UCDP, CONTROL)] == ["acled", "ucdp", "control"]
    own = gc.write_geojson(read_events(ACLED), tmp_path / "own.geojson")
    assert detect_format(own) == "geoconflict"
    assert read_events(own) == read_events(ACLED)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("when,what\n2024-08-06,fighting\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"unknown\.csv: cannot tell the table's format.*found when, what"):
        read_events(unknown)


def test_bad_arguments():
    with pytest.raises(InvalidInputError, match="errors: expected one of 'raise', 'skip', got 'ignore'"):
        read_events(ACLED, errors="ignore")
    with pytest.raises(InvalidInputError, match="format: expected one of"):
        read_events(ACLED, format="acled-csv")


# --------------------------------------------------------------------------- malformed files


def test_missing_column(acled_copy):
    path = acled_copy({}, drop="latitude")
    with pytest.raises(FormatError, match=r"acled\.csv, column 'latitude': missing column 'latitude'") as info:
        read_events(path, format="acled")
    assert info.value.column == "latitude" and info.value.row is None
    with pytest.raises(FormatError, match="missing column"):  # not a row problem: skipping does not help
        read_events(path, format="acled", errors="skip")


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"event_date": "2024-13-40"}, "event_date", "date '2024-13-40' is not a date"),
        ({"event_date": ""}, "event_date", "no event_date"),
        ({"latitude": "95.1"}, "latitude", "latitude '95.1' is outside \\[-90, 90\\]"),
        ({"longitude": "east"}, "longitude", "longitude 'east' is not a number"),
        ({"latitude": "0", "longitude": "0"}, "latitude", "coordinates \\(0, 0\\) are a placeholder"),
        ({"geo_precision": "4"}, "geo_precision", "geo_precision '4' is not one of 1, 2, 3"),
        ({"time_precision": "x"}, "time_precision", "time_precision 'x' is not one of 1, 2, 3"),
        ({"fatalities": "-2"}, "fatalities", "'-2' is not a whole number"),
        ({"event_type": " "}, "event_type", "the cell is blank"),
    ],
)
def test_bad_cells_name_file_row_and_column(acled_copy, cells, column, message):
    path = acled_copy({4: cells})
    with pytest.raises(FormatError, match=rf"acled\.csv, row 4, column '{column}': {message}") as info:
        read_events(path)
    assert (info.value.row, info.value.column, info.value.path) == (4, column, str(path))
    table = read_table(path, errors="skip")
    assert table.skipped_rows == [4] and len(table.events) == 13
    assert "RUSX0004" not in {e.id for e in table.events.events}


def test_first_bad_row_is_reported_with_a_count(acled_copy):
    path = acled_copy({9: {"latitude": "99"}, 3: {"event_date": "soon"}})
    with pytest.raises(FormatError, match=r"row 3, column 'event_date'.*\(1 more bad row; errors='skip'"):
        read_events(path)


def test_skip_warns_in_read_events(acled_copy):
    path = acled_copy({2: {"latitude": "99"}, 5: {"geo_precision": "0"}})
    with pytest.warns(SkippedRowsWarning, match=r"left out 2 bad rows of 14 \(row 2, column 'latitude'"):
        events = read_events(path, errors="skip")
    assert len(events) == 12


def test_mixed_encodings(tmp_path):
    header, rows = _rows(ACLED)
    path = _write(tmp_path / "mixed.csv", header, rows)
    raw = path.read_bytes().replace(b"Malaya Loknya", "Malaya Lokny\xe4".encode("cp1252"))
    path.write_bytes(raw)
    with pytest.raises(FormatError, match=r"mixed\.csv, row 4, column 'location': bytes b'\\xe4'.*not valid utf-8"):
        read_events(path)
    table = read_table(path, errors="skip")
    assert table.skipped_rows == [4] and len(table.events) == 13


def test_other_encodings_with_encoding_argument(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("lat,lon,place,type\n51.19,35.27,Sudža,battle\n".encode("cp1252"))
    with pytest.raises(FormatError, match="row 1, column 'place'"):
        read_events(path)
    assert read_events(path, encoding="cp1252").events[0].place.name == "Sudža"


def test_short_rows_are_bad_and_extra_fields_are_reported(tmp_path):
    """Row 3's 'extra' field was dropped without a word until issue #19's mutation families; it is a bad row now."""
    path = tmp_path / "ragged.csv"
    path.write_text("lat,lon,type\n51.19,35.27,battle\n51.2\n51.3,35.4,battle,extra\n95,35.5,battle\n",
                    encoding="utf-8")
    with pytest.raises(FormatError, match=r"ragged\.csv, row 2, column 'lon': a latitude without a longitude"):
        read_events(path)
    table = read_table(path, errors="skip")
    assert [(p.row, p.column) for p in table.problems] == [(2, "lon"), (3, None), (4, "lat")]
    assert "row has more fields than the header's 3" in table.problems[1].message
    assert [e.place.lat for e in table.events.events] == [51.19]


def test_nul_characters(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"lat,lon,type,description\n51.19,35.27,battle,ok\n51.2,35.3,battle,bad\x00cell\n")
    with pytest.raises(FormatError, match=r"row 2, column 'description': the cell contains a NUL"):
        read_events(path)


@pytest.mark.parametrize("at", [None, 0, 7, 8, 9, 16, 28])
def test_a_nul_byte_is_found_wherever_it_is(tmp_path, monkeypatch, at):
    """contains_nul reads the file in chunks into one buffer (8 bytes here): a NUL is found in the first chunk, at
    a chunk's first or last byte, and as the file's last byte after a short read; a file without one has none."""
    from geoconflict.readers import csvfile

    monkeypatch.setattr(csvfile, "_NUL_SCAN_CHUNK", 8)
    data = bytearray(b"lat,lon,note\n51.1,35.2,abcde\n")  # 29 bytes: three full chunks and a short one
    assert len(data) == 29
    if at is not None:
        data[at] = 0
    path = tmp_path / "t.csv"
    path.write_bytes(bytes(data))
    assert csvfile.contains_nul(path) is (at is not None)
    path.write_bytes(b"")
    assert csvfile.contains_nul(path) is False


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(FormatError, match=r"empty\.csv: the file is empty"):
        read_events(path, format="acled")


def test_header_only_gives_no_events(tmp_path):
    header, _ = _rows(ACLED)
    path = _write(tmp_path / "none.csv", header, [])
    assert len(read_events(path)) == 0


# --------------------------------------------------------------------------- mixed inputs


def test_load_inputs_mixes_tables_and_reports():
    events = load_inputs([SEED, ACLED, CONTROL])
    assert len(events.claims) >= 1 + 2 + 1  # the seed's claims, the control map's two, ACLED's one
    assert any(e.id == "RUSX0001" for e in events.events)
    assert any(m.text for m in events.mentions)  # the report's place mentions


def test_load_inputs_takes_a_report_already_read():
    from geoconflict.text.report import read_report

    assert load_inputs([read_report(SEED), ACLED]) == load_inputs([SEED, ACLED])
    assert load_inputs(read_report(SEED)) == load_inputs(SEED)


def test_tab_and_semicolon_separated(tmp_path):
    tsv = tmp_path / "events.tsv"
    tsv.write_text("lat\tlon\ttype\n51.19\t35.27\tbattle\n", encoding="utf-8")
    semi = tmp_path / "events_eu.csv"
    semi.write_text("lat;lon;type\n51,19;35,27;battle\n51.19;35.27;strike\n", encoding="utf-8")
    assert read_events(tsv).events[0].place.lonlat == (35.27, 51.19)
    table = read_table(semi, errors="skip")  # decimal commas are not numbers: reported, not guessed
    assert [e.type for e in table.events.events] == ["strike"]
    assert [(p.row, p.column) for p in table.problems] == [(1, "lat"), (1, "lon")]


@pytest.mark.parametrize("suffix", ["csv", "gpkg"])
def test_own_files_are_read_back(tmp_path, suffix):
    events = read_events(ACLED) + read_events(CONTROL)
    writer = {"csv": gc.write_csv, "gpkg": gc.write_geopackage}[suffix]
    path = writer(events, tmp_path / f"own.{suffix}")
    assert detect_format(path) == "geoconflict"
    assert load_inputs(path) == events


def test_spaces_after_separators(tmp_path):
    path = tmp_path / "hand_made.csv"
    path.write_text("lat, lon , type, date\n51.19, 35.27, battle, 2024-08-06\n", encoding="utf-8")
    (event,) = read_events(path).events
    assert event.place.lonlat == (35.27, 51.19) and event.type == "battle"
    assert event.provenance.event_date == date(2024, 8, 6)
