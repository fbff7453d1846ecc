"""The columnar path for big tables: ACLED rows validated as columns, records made on first access.

The reference is a plain reader written here, one row at a time with the
checking constructors of :mod:`geoconflict.model`; the columnar reader must give
exactly its records, and its frame must equal the records' frame.
"""

from __future__ import annotations

import cProfile
import csv
import functools
import pickle
import pstats
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from geopandas.testing import assert_geodataframe_equal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict import read_table
from geoconflict.errors import FormatError
from geoconflict.model import ClaimTier, Event, Place, PlaceKind, Provenance, TerritorialClaim
from geoconflict.model.eventset import EventSet
from geoconflict.readers.acled import GEO_PRECISION, TERRITORY_SUBTYPES, TIME_PRECISION
from geoconflict.readers.columns import country_codes

HEADER = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
          "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "admin3", "location",
          "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
KINDS = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Protests", "Peaceful protest"), ("Battles", TERRITORY_SUBTYPES[0]), ("Battles", TERRITORY_SUBTYPES[1])]
SIDES = ["Army of Freedonia", "Sylvanian Militia", "Rioters (Freedonia)", ""]
ASSOCIATES = ["", "", "Brigade North; Brigade South", "Brigade North"]
OUTLETS = ["Daily Courier", "Wire Service; Local Radio", "", "Ministry statement"]
COUNTRIES = ["Ukraine", "Russia", ""]
WORDS = "troops shelled a depot near the river while residents gathered in the square".split()


def generate(path: Path, rows: int, *, seed: int = 0) -> None:
    """An ACLED-layout table of *rows* valid rows, with blank cells, repeated places and territory rows."""
    rng = np.random.default_rng(seed)
    sites = [(f"Village {k}", round(float(rng.uniform(45, 52)), 4), round(float(rng.uniform(23, 40)), 4))
             for k in range(max(rows // 4, 1))]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(rows):
            etype, sub = KINDS[int(rng.integers(len(KINDS)))]
            name, lat, lon = sites[int(rng.integers(len(sites)))]
            words = rng.choice(WORDS, int(rng.integers(0, 8)))
            out.writerow([
                f"FRE{i}", f"2023-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                int(rng.integers(1, 4)), etype, sub, SIDES[int(rng.integers(3))],
                ASSOCIATES[int(rng.integers(4))], SIDES[int(rng.integers(4))], ASSOCIATES[int(rng.integers(4))],
                COUNTRIES[int(rng.integers(3))], f"Oblast {i % 5}", "" if i % 7 == 0 else f"Raion {i % 11}",
                "", "" if i % 13 == 0 else name, lat, lon, int(rng.integers(1, 4)),
                OUTLETS[int(rng.integers(4))], " ".join(words), "" if i % 5 == 0 else int(rng.integers(0, 9)),
            ])


def reference(path: Path) -> list[Event | TerritorialClaim]:
    """The plain reader: one row at a time, every record through its checking constructor."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    codes = country_codes(r["country"] for r in rows)
    reason = f"ACLED table {path.name}"
    events: list[Event | TerritorialClaim] = []
    claims: list[Event | TerritorialClaim] = []
    for row in rows:
        name = next(row[c] for c in ("location", "admin3", "admin2", "admin1", "country") if row[c].strip())
        precision = GEO_PRECISION[int(row["geo_precision"])]
        place = Place(name, kind=PlaceKind.POPULATED_PLACE, lat=float(row["latitude"]), lon=float(row["longitude"]),
                      country_code=codes[row["country"]] or None, admin1=row["admin1"] or None,
                      admin2=row["admin2"] or None, approximate=precision != GEO_PRECISION[1])
        when = date.fromisoformat(row["event_date"])
        date_precision = TIME_PRECISION[int(row["time_precision"])]
        source = row["source"] or None
        if row["sub_event_type"] in TERRITORY_SUBTYPES:
            claims.append(TerritorialClaim(
                row["actor1"], opponent=row["actor2"] or None, as_of=when, areas=(place,), tier=ClaimTier.ASSESSED,
                note=row["notes"] or None, fatalities=int(row["fatalities"]) if row["fatalities"] else None,
                provenance=Provenance(source=source, reported_by=source, event_date=when,
                                      date_precision=date_precision,
                                      reason=f"{reason}: sub_event_type {row['sub_event_type']!r}"),
                id=row["event_id_cnty"]))
            continue
        actors = [p.strip() for c in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
                  for p in row[c].split(";") if p.strip()]
        events.append(Event(
            row["event_type"].lower(), place, subtype=row["sub_event_type"], actors=tuple(dict.fromkeys(actors)),
            description=row["notes"] or None, fatalities=int(row["fatalities"]) if row["fatalities"] else None,
            precision=precision,
            provenance=Provenance(source=source, event_date=when, date_precision=date_precision, reason=reason),
            id=row["event_id_cnty"]))
    return events + claims


def _read(path: Path):
    table = read_table(path, format="acled")
    assert table.events.is_deferred  # reading made no record
    return table


@pytest.mark.parametrize("rows, seed", [(1, 0), (40, 1), (400, 2)])
def test_columnar_records_equal_the_per_row_reference(tmp_path, rows, seed):
    path = tmp_path / "acled.csv"
    generate(path, rows, seed=seed)
    table = _read(path)
    assert table.events == EventSet(reference(path))
    assert not table.events.is_deferred
    assert len(table.events.events) + len(table.events.claims) == rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.integers(1, 60), seed=st.integers(0, 2**16))
def test_columnar_records_equal_the_reference_on_generated_tables(tmp_path, rows, seed):
    path = tmp_path / f"acled-{rows}-{seed}.csv"
    generate(path, rows, seed=seed)
    assert _read(path).events == EventSet(reference(path))


@pytest.mark.parametrize("rows, seed", [(1, 3), (300, 4)])
def test_frame_from_columns_equals_the_records_frame(tmp_path, rows, seed):
    path = tmp_path / "acled.csv"
    generate(path, rows, seed=seed)
    table = _read(path)
    frame = table.to_frame()
    assert table.events.is_deferred  # the frame was made from the columns
    assert_geodataframe_equal(frame, table.events.events.to_geodataframe())
    assert len(frame) == sum(1 for r in reference(path) if isinstance(r, Event))


def test_frame_of_a_table_with_only_bad_rows_is_empty(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 3)
    text = path.read_text(encoding="utf-8").splitlines()
    rows = [line.replace(",2023-", ",20X3-") for line in text[1:]]
    path.write_text("\n".join([text[0], *rows]) + "\n", encoding="utf-8")
    table = read_table(path, format="acled", errors="skip")
    assert table.skipped_rows == [1, 2, 3]
    assert_geodataframe_equal(table.to_frame(), EventSet().events.to_geodataframe())
    assert table.events == EventSet()


def test_bad_rows_are_found_before_any_record_is_made(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 50, seed=5)
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = next(csv.reader([lines[30]]))
    cells[HEADER.index("latitude")] = "97.5"
    lines[30] = ",".join(f'"{c}"' for c in cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"row 30, column 'latitude'.*97\.5"):
        read_table(path, format="acled")
    table = read_table(path, format="acled", errors="skip")
    assert table.events.is_deferred and table.skipped_rows == [30]
    assert [str(p) for p in table.problems] == ["row 30, column 'latitude': latitude '97.5' is outside [-90, 90]"]
    assert len(table.events.events) + len(table.events.claims) == 49


def test_a_deferred_eventset_makes_its_records_once_and_pickles_them(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 30, seed=6)
    table = _read(path)
    assert "not made yet" in repr(table.events) and table.events.is_deferred  # repr makes none
    again = pickle.loads(pickle.dumps(table.events))
    assert not table.events.is_deferred
    first = table.events.events
    assert table.events.events is first  # made once
    assert again == table.events and len(again) == 30
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = EventSet.deferred(list).nothing


def test_a_deferred_eventset_whose_records_fail_stays_deferred(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 5, seed=8)
    made = read_table(path, format="acled").events.events
    attempts = []

    def build():
        attempts.append(1)
        if len(attempts) == 1:
            raise MemoryError("first try")
        return made

    events = EventSet.deferred(build)
    with pytest.raises(MemoryError):
        _ = events.events
    assert events.is_deferred
    assert events.events == made and len(attempts) == 2


def _calls(path: Path) -> int:
    """Python function calls made reading *path* and making its records and its frame."""
    profile = cProfile.Profile()
    profile.enable()
    table = read_table(path, format="acled")
    _ = table.events.events
    table.to_frame()
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_work_grows_about_twice_when_the_rows_double(tmp_path):
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    generate(small, 2_000, seed=7)
    generate(large, 4_000, seed=7)
    _calls(small)  # imports and caches out of the way
    ratio = _calls(large) / _calls(small)
    assert 1.3 < ratio < 2.3, ratio


# --------------------------------------------------------------------------- a generic lat/lon CSV

GENERIC_HEADER = ["lat", "lon", "place", "country", "date", "date_end", "type", "actor1", "actor2", "fatalities",
                  "precision", "source", "quote", "description", "id"]
NAMES = ["Sudzha", "Kharkiv", "", "Goma", "Nowhereville Xq"]
SITES = [("51.19", "35.27"), ("50.0", "36.23"), ("-1.68", "29.22"), ("49.99", "36.23")]
#: A bad cell for some columns: each row has one with probability 1/6.
BAD_CELLS = {"lat": "95", "lon": "x", "date": "2024-13-40", "date_end": "2023-01-01", "fatalities": "-1",
             "precision": "9"}


def generate_generic(path: Path, rows: int, *, seed: int = 0) -> None:
    """A lat/lon CSV: repeated places, place-name-only rows (geocoded), blank cells, a bad cell in some rows."""
    rng = np.random.default_rng(seed)

    def pick(values: list[str]) -> str:
        return values[int(rng.integers(len(values)))]

    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(GENERIC_HEADER)
        for i in range(rows):
            lat, lon = ("", "") if rng.random() < 0.25 else SITES[int(rng.integers(len(SITES)))]
            row = dict(zip(GENERIC_HEADER, [
                lat, lon, pick(NAMES), pick(["Ukraine", "", "Russia"]), pick(["2024-08-06", "2024-08", "2024", ""]),
                pick(["", "", "2024-09-30"]), pick(["battle", "", "protest"]), pick(SIDES),
                pick(["", "Brigade North; Brigade South", "Army of Freedonia"]), pick(["", "3", "2.0"]),
                pick(["", "1", "2"]), pick(OUTLETS), pick(["", "clashes were reported"]),
                pick(["", "Shelling near the depot", "  "]), f"G{i % max(rows // 2, 1)}"]))
            if rng.random() < 1 / 6:
                column = pick(list(BAD_CELLS))
                row[column] = BAD_CELLS[column]
            out.writerow(row.values())


@functools.cache
def _gazetteer():
    from geoconflict.gazetteer import Gazetteer

    return Gazetteer.default()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.integers(1, 80), seed=st.integers(0, 2**16))
def test_shared_generic_records_equal_the_per_row_reference(tmp_path, rows, seed):
    from geoconflict.readers.generic import read_generic

    path = tmp_path / f"events-{rows}-{seed}.csv"
    generate_generic(path, rows, seed=seed)
    records, problems, n = read_generic(path, gazetteer=_gazetteer())
    expected, expected_problems, _ = read_generic(path, gazetteer=_gazetteer(), shared=False)
    assert records == expected and n == rows
    assert [str(p) for p in problems.resolve("skip")] == [str(p) for p in expected_problems.resolve("skip")]


def test_rows_at_one_place_share_one_place_record(tmp_path):
    from geoconflict.readers.generic import read_generic

    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["lat", "lon", "date", "date_end", "type", "source"])
        for i in range(300):
            out.writerow(["50.45", "30.52", "2024-03-02", "2024-03-01" if i == 7 else "", "strike", "Wire"])
    records, problems, _ = read_generic(path)
    assert len(records) == 299 and len({id(r.place) for r in records}) == 1
    assert len({id(r.provenance) for r in records}) == 1
    assert [str(p) for p in problems.resolve("skip")] == [
        "row 8, column 'date_end': event_date_end: 2024-03-01 is before event_date 2024-03-02"]


# --------------------------------------------------------------------------- the column path to files and maps


@pytest.mark.parametrize("rows, seed", [(60, 11), (300, 12)])
def test_event_columns_stand_for_the_records(tmp_path, rows, seed):
    path = tmp_path / "t.csv"
    generate(path, rows, seed=seed)
    table = read_table(path)
    columns = table.events.event_columns()
    assert table.events.is_deferred
    assert columns.records() == list(table.events.events)
    assert columns.to_frame().equals(table.events.events.to_geodataframe())


def test_a_geopackage_of_a_table_read_as_columns_equals_that_of_its_records(tmp_path):
    from geoconflict.model.io import GPKG_CHUNK_ROWS, read_geopackage, write_geopackage

    path = tmp_path / "t.csv"
    generate(path, 400, seed=13)
    table = read_table(path)
    write_geopackage(table.events, tmp_path / "columns.gpkg")
    assert table.events.is_deferred  # written without a record per row
    write_geopackage(EventSet(list(table.events)), tmp_path / "records.gpkg")
    assert read_geopackage(tmp_path / "columns.gpkg") == read_geopackage(tmp_path / "records.gpkg")
    assert GPKG_CHUNK_ROWS > 400  # (one chunk here; the chunks' seams are held by the next test)


def test_columns_taken_in_slices_rebuild_the_whole(tmp_path):
    path = tmp_path / "t.csv"
    generate(path, 250, seed=14)
    columns = read_table(path).events.event_columns()
    parts = [columns.take(slice(start, start + 64)).records() for start in range(0, len(columns), 64)]
    assert [e for part in parts for e in part] == columns.records()


def test_one_table_through_extract_many_stays_columns(tmp_path):
    from geoconflict.batch import extract_many

    path = tmp_path / "t.csv"
    generate(path, 120, seed=15)
    result = extract_many([path])
    assert result.events.is_deferred and not result.empty
    assert list(result.events) == list(read_table(path).events)
