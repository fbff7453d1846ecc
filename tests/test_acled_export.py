"""ACLED-shaped output (issue 15): ``EventSet.to_acled()``, ``extract --format acled``, and reading it back.

The round trip runs on the project's own test reports and the seed: every row
written comes back from :func:`geoconflict.readers.read_events` with the same
types, place, date, actors and fatalities. The hand-made records below are
invented for this test.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from geoconflict import EventSet, extract, read_report
from geoconflict.model import CombatArea, Event, Movement, Place, Provenance, TerritorialClaim, taxonomy
from geoconflict.model.acled import COLUMNS, GEO_PRECISION
from geoconflict.readers import read_events
from geoconflict.readers.acled import TERRITORY_SUBTYPES

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted((ROOT / "tests" / "reports").glob("*.txt")) + [ROOT / "seeds" / "000_84a8b2256f18f56d.txt"]

BAKHMUT = Place("Bakhmut", kind="populated_place", lat=48.595, lon=38.0, country_code="UA", admin1="Donetsk")
CHASIV = Place("Chasiv Yar", kind="populated_place", lat=48.586, lon=37.835, country_code="UA", admin1="Donetsk")
DONETSK_OBLAST = Place("Donetsk Oblast", kind="admin1", lat=48.0, lon=37.8, country_code="UA")
GAO = Place("Gao", kind="populated_place", lat=16.27, lon=-0.04, country_code="ML")


def _prov(start: int, *, quote: str = "a sentence", when: str = "2023-05-01", precision: str = "day",
          source: str = "wire") -> Provenance:
    return Provenance(source=source, quote=quote, span=(start, start + len(quote)), event_date=when,
                      date_precision=precision)


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# ---- the columns and the rows


def test_columns_are_acleds_names():
    frame = EventSet([Event("strike", GAO, provenance=_prov(0))]).to_acled()
    assert tuple(frame.columns) == COLUMNS
    for name in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities"):
        assert name in frame.columns


def test_an_empty_set_gives_an_empty_frame_with_the_columns():
    frame = EventSet().to_acled()
    assert len(frame) == 0 and tuple(frame.columns) == COLUMNS


def test_rows_follow_the_report_and_the_main_event_of_a_sentence_comes_first():
    clash = CombatArea([CHASIV], actors=("Russian forces",), provenance=_prov(50))
    shelling = Event("strike", CHASIV, subtype="Shelling/artillery/missile attack", provenance=_prov(50))
    move = Movement("Wagner fighters", BAKHMUT, CHASIV, provenance=_prov(0))
    frame = EventSet([clash, shelling, move]).to_acled()
    assert frame["event_type"].tolist() == ["Strategic developments", "Explosions/Remote violence", "Battles"]


def test_a_movement_is_located_at_its_destination():
    move = Movement("Wagner fighters", BAKHMUT, CHASIV, provenance=_prov(0))
    row = EventSet([move]).to_acled().iloc[0]
    assert row["location"] == "Chasiv Yar"
    assert row["actor1"] == "Wagner fighters"
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Change to group/activity")


def test_a_claim_gives_one_row_per_named_area_with_the_claimant_as_actor1():
    claim = TerritorialClaim("Russian forces", areas=(BAKHMUT, CHASIV), provenance=_prov(0))
    frame = EventSet([claim]).to_acled()
    assert frame["location"].tolist() == ["Bakhmut", "Chasiv Yar"]
    assert frame["actor1"].tolist() == ["Russian forces", "Russian forces"]
    assert frame["event_type"].tolist() == ["Battles", "Battles"]
    assert frame["event_id_cnty"].is_unique


def test_a_claim_without_a_named_area_has_no_row():
    from shapely.geometry import box

    claim = TerritorialClaim("Russian forces", geometry=box(37.0, 48.0, 37.5, 48.5), provenance=_prov(0))
    assert len(EventSet([claim]).to_acled()) == 0


@pytest.mark.parametrize(("precision", "expected"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (6, 3)])
def test_geo_precision_maps_six_steps_onto_acleds_three(precision, expected):
    assert GEO_PRECISION[precision] == expected
    row = EventSet([Event("strike", BAKHMUT, precision=precision, provenance=_prov(0))]).to_acled().iloc[0]
    assert row["geo_precision"] == expected


def test_a_region_alone_is_geo_precision_3():
    row = EventSet([Event("strike", DONETSK_OBLAST, provenance=_prov(0))]).to_acled().iloc[0]
    assert row["geo_precision"] == 3


@pytest.mark.parametrize(("precision", "expected"), [("day", 1), ("week", 2), ("month", 3), ("unknown", 3)])
def test_time_precision(precision, expected):
    row = EventSet([Event("strike", GAO, provenance=_prov(0, precision=precision))]).to_acled().iloc[0]
    assert row["time_precision"] == expected


def test_country_is_the_countrys_name_and_notes_the_quote():
    quote = "Jihadist fighters attacked a patrol near Gao on Monday."
    row = EventSet([Event("attack", GAO, provenance=_prov(0, quote=quote))]).to_acled().iloc[0]
    assert row["country"] == "Mali"
    assert row["notes"] == quote
    assert row["event_date"] == "2023-05-01"


def test_fatalities_blank_when_not_stated_and_zero_when_stated_as_none():
    frame = EventSet([Event("strike", GAO, provenance=_prov(0)),
                      Event("strike", BAKHMUT, fatalities=0, provenance=_prov(10))]).to_acled()
    assert _blank(frame.iloc[0]["fatalities"])
    assert frame.iloc[1]["fatalities"] == 0


def test_actors_beyond_the_second_are_associated_with_actor2():
    ev = Event("meeting", GAO, actors=("Malian army", "JNIM", "Dozo militia"), provenance=_prov(0))
    row = EventSet([ev]).to_acled().iloc[0]
    assert (row["actor1"], row["actor2"], row["assoc_actor_2"]) == ("Malian army", "JNIM", "Dozo militia")


# ---- the round trip through the project's own ACLED reader


def _read_back(frame: pd.DataFrame, tmp_path: Path, name: str = "out.csv") -> EventSet:
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return read_events(path)


def test_hand_made_records_read_back_equal(tmp_path):
    ev = Event("strike", BAKHMUT, subtype="Air/drone strike", actors=("Ukrainian forces", "Russian forces"),
               fatalities=3, provenance=_prov(0, when="2023-02-11"))
    back = _read_back(EventSet([ev]).to_acled(), tmp_path).events[0]
    assert back.event_type == "Explosions/Remote violence"
    assert back.subtype == "Air/drone strike"
    assert back.actors == ("Ukrainian forces", "Russian forces")
    assert back.fatalities == 3
    assert back.place.name == "Bakhmut" and back.place.country_code == "UA"
    assert str(back.provenance.event_date) == "2023-02-11"


@pytest.fixture(scope="module")
def extracted(gazetteer):
    return {p.name: extract(read_report(p), gazetteer=gazetteer) for p in REPORTS}


@pytest.mark.parametrize("report", REPORTS, ids=[p.stem for p in REPORTS])
def test_every_row_of_a_real_report_has_a_sub_event_type_of_its_event_type(extracted, report):
    """ACLED codes every event with one of its 25 sub-event types; the only blank is a claim whose side is unknown."""
    frame = extracted[report.name].to_acled()
    for _, row in frame.iterrows():
        if _blank(row["sub_event_type"]):
            assert row["event_type"] == "Battles" and _blank(row["actor1"]) is False, row.to_dict()
            continue
        assert taxonomy.SUB_EVENT_TYPES[row["sub_event_type"]] == row["event_type"], row.to_dict()


def test_a_meeting_is_a_strategic_development_of_acleds_other_type():
    text = "Mali's transitional president met the Burkinabe prime minister in Bamako on Monday, state media said."
    rows = extract(read_report(text, published="2024-03-05")).to_acled()
    assert rows[["event_type", "sub_event_type", "location"]].values.tolist()[0] == [
        "Strategic developments", "Other", "Bamako"]


@pytest.mark.parametrize("report", REPORTS, ids=[p.stem for p in REPORTS])
def test_real_reports_read_back_equal(extracted, report, tmp_path):
    events = extracted[report.name]
    frame = events.to_acled()
    assert len(frame) >= 1
    back = _read_back(frame, tmp_path)
    assert len(back.events) + len(back.claims) == len(frame)
    codes = {p.country_code for p in events.places}
    territory = frame["sub_event_type"].isin(TERRITORY_SUBTYPES)  # read back as claims: claimant and area
    for (_, row), claim in zip(frame[territory].iterrows(), back.claims, strict=True):
        assert claim.claimant == row["actor1"]
        assert claim.opponent == (None if _blank(row["actor2"]) else row["actor2"])
        assert claim.fatalities == (None if _blank(row["fatalities"]) else row["fatalities"])
        assert [a.name for a in claim.areas] == [row["location"]]
    for (_, row), ev in zip(frame[~territory].iterrows(), back.events, strict=True):
        assert ev.event_type == row["event_type"]
        assert ev.subtype == (None if _blank(row["sub_event_type"]) else row["sub_event_type"])
        assert ev.place.name == row["location"]
        assert abs(ev.place.lat - row["latitude"]) < 1e-4 and abs(ev.place.lon - row["longitude"]) < 1e-4
        assert ev.place.country_code in codes
        assert ev.provenance.event_date.isoformat() == row["event_date"]
        assert ev.actors == tuple(a for a in (row["actor1"], row["actor2"], row["assoc_actor_2"]) if not _blank(a))
        assert ev.fatalities == (None if _blank(row["fatalities"]) else row["fatalities"])


def test_extract_format_acled_writes_a_file_read_back_equal(tmp_path):
    out = tmp_path / "seed.csv"
    seed = str(ROOT / "seeds" / "000_84a8b2256f18f56d.txt")
    result = subprocess.run([sys.executable, "-m", "geoconflict", "extract", seed, "--format", "acled", "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(out)
    assert tuple(frame.columns) == COLUMNS
    back = read_events(out)
    events = frame[~frame["sub_event_type"].isin(TERRITORY_SUBTYPES)]  # territory rows read back as claims
    assert len(back.events) + len(back.claims) == len(frame)
    assert [e.event_type for e in back.events] == events["event_type"].tolist()
    assert [e.place.name for e in back.events] == events["location"].tolist()
    assert "Strategic developments" in frame["event_type"].tolist()  # the seed's movements


def test_an_event_placed_at_a_region_names_it_as_its_admin1(tmp_path):
    """ACLED fills admin1 (and admin2) for a region-level event; the region's own row once left them empty."""
    region = Place("Kharkiv Oblast", kind="admin1", lat=49.5, lon=36.5, country_code="UA")
    district = Place("Izium Raion", kind="admin2", lat=49.2, lon=37.3, country_code="UA", admin1="Kharkiv Oblast")
    frame = EventSet([Event("shelling", region, provenance=_prov(0)),
                      Event("shelling", district, provenance=_prov(1))]).to_acled()
    # ACLED's names: an oblast without its descriptor, a raion by its official adjective
    assert frame["admin1"].tolist() == ["Kharkiv", "Kharkiv"]
    assert frame["admin2"].tolist()[1] == "Iziumskyi" and pd.isna(frame["admin2"].tolist()[0])
    assert frame["location"].tolist() == ["Kharkiv", "Iziumskyi"]


def test_names_are_acleds_and_read_back_to_the_same_country(tmp_path):
    """The export writes ACLED's forms of the gazetteer's names; the reader takes ACLED's country names back."""
    aleppo_region = Place("Ḩalab", kind="admin1", lat=36.2, lon=37.2, country_code="SY")
    beni = Place("Béni", kind="populated_place", lat=0.49, lon=29.47, country_code="CD", admin1="North Kivu Province",
                 admin2="Beni Territory")
    brazzaville = Place("Brazzaville", kind="populated_place", lat=-4.27, lon=15.28, country_code="CG")
    gaza = Place("Gaza", kind="populated_place", lat=31.5, lon=34.47, country_code="PS")
    places = (aleppo_region, beni, brazzaville, gaza)
    frame = EventSet([Event("strike", p, subtype="Shelling/artillery/missile attack", provenance=_prov(i))
                      for i, p in enumerate(places)]).to_acled()
    assert frame[["country", "admin1", "location"]].values.tolist()[:2] == [
        ["Syria", "Aleppo", "Aleppo"], ["Democratic Republic of Congo", "North Kivu", "Beni"]]
    assert frame["admin2"].tolist()[1] == "Beni"
    assert frame["country"].tolist()[2:] == ["Republic of Congo", "Palestine"]
    back = _read_back(frame, tmp_path).events
    assert [e.place.country_code for e in back] == ["SY", "CD", "CG", "PS"]
    assert [e.place.admin1 for e in back[:2]] == ["Aleppo", "North Kivu"]


def test_each_row_has_its_own_names_made_once_per_place():
    # the names of a place are made once (a cache of its fields); a row changed by its reader leaves the next alone
    from geoconflict.model.acled import acled_rows

    twin = Place("Bakhmut", kind="populated_place", lat=48.595, lon=38.0, country_code="UA", admin1="Donetsk")
    first, second, third = acled_rows([Event("strike", BAKHMUT), Event("attack", twin), Event("strike", DONETSK_OBLAST)])
    assert (first["country"], first["admin1"], first["location"]) == ("Ukraine", "Donetsk", "Bakhmut")
    first["location"] = "changed"
    assert second["location"] == "Bakhmut" and second["admin1"] == "Donetsk"
    assert (third["admin1"], third["location"]) == ("Donetsk", "Donetsk")
