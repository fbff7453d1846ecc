"""The seed report yields exactly the events and places of DESIGN.md's table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geoconflict.extraction import extract
from geoconflict.gazetteer.index import Gazetteer
from geoconflict.model import DatePrecision, Derivation, MovementStatus, PlaceKind
from geoconflict.model.geometry import area_km2
from geoconflict.text.report import read_report

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_84a8b2256f18f56d.txt"
REPORT_DATE = date(2024, 8, 14)


@pytest.fixture(scope="module")
def seed(gazetteer):
    report = read_report(SEED)
    return report, extract(report, gazetteer=gazetteer)


def test_counts(seed):
    _, events = seed
    assert len(events.movements) == 2
    assert len(events.claims) == 2
    assert len(events.combats) == 1
    assert len(events.events) == 1


def test_places(seed):
    _, events = seed
    got = {(p.name, p.kind.value, p.country_code) for p in events.places}
    assert got == {
        ("Lithuania", "country", "LT"),
        ("Russia", "country", "RU"),
        ("Ukraine", "country", "UA"),
        ("Kaliningrad Oblast", "admin1", "RU"),
        ("Kursk Oblast", "admin1", "RU"),
        ("Kyiv", "populated_place", "UA"),
        ("Korenevskiy Rayon", "admin2", "RU"),
        ("Sudzhanskiy Rayon", "admin2", "RU"),
        ("Belovskiy Rayon", "admin2", "RU"),
        ("Murmansk", "populated_place", "RU"),
    }
    districts = [p for p in events.places if p.kind is PlaceKind.ADMIN2]
    assert {p.admin1 for p in districts} == {"Kursk Oblast"}


def test_not_places(seed):
    report, events = seed
    surfaces = {m.text for m in events.mentions}
    for word in ("Baltic", "BNS", "Bloomberg", "Defense", "Volodymyr", "Zelensky", "Smirnov", "Alexey",
                 "Kasčiūnas", "Laurynas"):
        assert word not in surfaces, word


def test_every_mention_has_span_reason_and_provenance(seed):
    report, events = seed
    for m in events.mentions:
        assert report.text[m.start:m.end] == m.text
        assert m.reason
        assert m.provenance.report_date == REPORT_DATE
        s, e = m.provenance.span
        assert s <= m.start < m.end <= e
        assert m.provenance.quote == report.text[s:e]


def test_bare_kursk_is_the_region(seed):
    _, events = seed
    bare = [m for m in events.mentions if m.text == "Kursk"]
    assert bare and all(m.place.name == "Kursk Oblast" for m in bare)
    # the first bare "Kursk" (", to Kursk, where …") says why
    first = next(m for m in bare if "region" not in m.provenance.quote[m.end - m.provenance.span[0]:][:8])
    assert "named in the same report" in first.reason


def test_possessive_is_the_country(seed):
    _, events = seed
    russia = [m for m in events.mentions if m.text == "Russia" and "possessive" in m.reason]
    assert len(russia) == 1 and russia[0].place.name == "Russia"


def test_movement_kaliningrad_to_kursk(seed):
    report, events = seed
    move = next(m for m in events.movements if m.origin.name == "Kaliningrad Oblast")
    assert move.destination.name == "Kursk Oblast"
    assert move.actor == "Russian troops"
    assert move.unit is None
    assert move.status is MovementStatus.UNCONFIRMED
    p = move.provenance
    assert p.reported_by == "Lithuanian Defense Minister Laurynas Kasčiūnas (via BNS)"
    assert p.source == SEED.name
    assert p.report_date == REPORT_DATE
    assert p.event_date is None and p.date_precision is DatePrecision.UNKNOWN
    assert p.quote.startswith("Lithuania has observed a reallocation of Russian troops")
    assert report.text[p.span[0]:p.span[1]] == p.quote
    assert "from … to …" in p.reason and "yet to confirm" in p.reason
    # geometry starts at the origin and ends at the destination
    coords = list(move.geometry.coords)
    assert coords[0] == pytest.approx(move.origin.lonlat)
    assert coords[-1] == pytest.approx(move.destination.lonlat)


def test_movement_murmansk_conscripts(seed):
    _, events = seed
    move = next(m for m in events.movements if m.origin.name == "Murmansk")
    assert move.destination.name == "Kursk Oblast"
    assert move.unit == "conscripts"
    assert move.actor is None
    assert move.status is MovementStatus.REPORTED
    assert move.provenance.reported_by == "unnamed reports"
    assert move.provenance.report_date == REPORT_DATE
    assert "being transferred from Murmansk to the Kursk region" in move.provenance.quote


def test_claim_governor_28_settlements(seed):
    _, events = seed
    claim = next(c for c in events.claims if c.settlements == 28)
    assert claim.claimant == "Ukrainian forces"
    assert claim.reported_by == "Acting Governor of Kursk region Alexey Smirnov"
    assert claim.as_of == date(2024, 8, 12)
    assert claim.provenance.event_date == date(2024, 8, 12)
    assert claim.provenance.date_precision is DatePrecision.DAY
    assert claim.area_km2_stated is None
    assert [a.name for a in claim.areas] == ["Kursk Oblast"]
    assert claim.derivation is Derivation.UNION
    assert "the region" in claim.provenance.reason
    assert "28 settlements" in claim.note and "upper bound" in claim.note


def test_claim_ukrainian_military_74_settlements(seed):
    _, events = seed
    claim = next(c for c in events.claims if c.settlements == 74)
    assert claim.claimant == "Ukrainian forces"  # one side, one name (issue 15): "the Ukrainian military" says so
    assert claim.reported_by == "the Ukrainian military"
    assert claim.area_km2_stated == 1000.0
    assert claim.as_of == REPORT_DATE
    assert [a.name for a in claim.areas] == ["Kursk Oblast"]
    assert claim.derivation is Derivation.STATED_AREA
    assert claim.approximate is True
    # an extent of the stated size inside the combat districts, along the Ukrainian border
    assert claim.area_km2 == pytest.approx(1000, rel=0.01)
    districts = next(iter(events.combats)).geometry
    assert districts.buffer(1e-6).contains(claim.geometry)
    ukraine = Gazetteer.default().search("Ukraine", kind="country")[0].place.geometry
    assert claim.geometry.distance(ukraine) < 0.05
    assert "1,000 km²" in claim.note and "74 settlements" in claim.note


def test_claims_stay_side_by_side(seed):
    _, events = seed
    assert sorted(c.settlements for c in events.claims) == [28, 74]
    assert len({c.reported_by for c in events.claims}) == 2


def test_combat_area(seed):
    _, events = seed
    combat = events.combats[0]
    assert [a.name for a in combat.areas] == ["Korenevskiy Rayon", "Sudzhanskiy Rayon", "Belovskiy Rayon"]
    assert combat.provenance.event_date == date(2024, 8, 6)
    assert combat.provenance.date_precision is DatePrecision.DAY
    assert combat.provenance.reported_by is None
    assert combat.actors == ("Ukrainian forces",)
    assert combat.geometry is not None and combat.approximate
    assert 2000 < area_km2(combat.geometry) < 6000
    assert "start date" in combat.provenance.reason


def test_meeting_in_kyiv(seed):
    _, events = seed
    meeting = events.events[0]
    assert meeting.type == "meeting"
    assert meeting.place.name == "Kyiv" and meeting.place.country_code == "UA"
    assert meeting.actors == ("Lithuanian Defense Minister Laurynas Kasčiūnas", "Ukrainian President Volodymyr Zelensky")
    assert meeting.provenance.event_date == date(2024, 8, 13)
    assert meeting.provenance.date_precision is DatePrecision.DAY
    assert meeting.provenance.reported_by is None
    assert "Kyiv the previous day" in meeting.provenance.quote


def test_no_event_from_future_expectation(seed):
    _, events = seed
    dates = [r.provenance.event_date for r in (*events.movements, *events.claims, *events.combats, *events.events)]
    assert date(2024, 12, 31) not in dates
    assert all(d is None or d <= REPORT_DATE for d in dates)


def test_every_event_has_reason_and_span(seed):
    report, events = seed
    for record in (*events.movements, *events.claims, *events.combats, *events.events):
        p = record.provenance
        assert p.reason and p.quote and p.source == SEED.name
        assert report.text[p.span[0]:p.span[1]] == p.quote
