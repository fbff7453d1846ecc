"""The event model: construction, validation and derived values."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from shapely.geometry import box

import geoconflict as gc
from geoconflict import (
    CombatArea,
    CoordinateError,
    DateError,
    Derivation,
    Event,
    EventSet,
    GeoconflictError,
    InvalidInputError,
    Mention,
    Movement,
    MovementStatus,
    Place,
    PlaceNotFoundError,
    Precision,
    Provenance,
    TerritorialClaim,
)
from geoconflict.model.geometry import area_km2

KALININGRAD = Place("Kaliningrad", kind="populated_place", lat=54.7065, lon=20.5110, country_code="RU")
KURSK = Place("Kursk", kind="populated_place", lat=51.7373, lon=36.1874, country_code="RU")
SUDZHANSKY = Place(
    "Sudzhanskiy Rayon", kind="admin2", lat=51.19, lon=35.27, country_code="RU",
    admin1="Kursk Oblast", geometry=box(34.9, 51.0, 35.6, 51.4), approximate=True,
)
KORENEVSKY = Place(
    "Korenevskiy Rayon", kind="admin2", lat=51.41, lon=34.91, country_code="RU",
    admin1="Kursk Oblast", geometry=box(34.6, 51.3, 35.2, 51.6), approximate=True,
)


def test_version_comes_from_metadata():
    from importlib.metadata import version

    assert gc.__version__ == version("geoconflict")


def test_exceptions_share_a_root_and_a_builtin():
    assert issubclass(PlaceNotFoundError, GeoconflictError) and issubclass(PlaceNotFoundError, LookupError)
    for cls in (InvalidInputError, CoordinateError, DateError, gc.GeometryError, gc.FormatError):
        assert issubclass(cls, GeoconflictError) and issubclass(cls, ValueError)
    assert issubclass(gc.DataNotFoundError, FileNotFoundError)
    assert issubclass(gc.ProviderError, ConnectionError)
    err = PlaceNotFoundError("Sudzhanskyy", [SUDZHANSKY], reason="no exact match")
    assert err.suggestions == (SUDZHANSKY,) and err.query == "Sudzhanskyy"
    assert "did you mean: Sudzhanskiy Rayon (Kursk Oblast, RU)" in str(err)


def test_place():
    assert KURSK.precision is Precision.EXACT and SUDZHANSKY.precision is Precision.DISTRICT
    assert KURSK.point.x == 36.1874 and KURSK.point.y == 51.7373  # shapely is (lon, lat)
    assert Place("Ukraine", kind="country", lat=49, lon=32, country_code="ua").country_code == "UA"
    assert "Kursk Oblast, RU" in repr(SUDZHANSKY) and "approximate" in repr(SUDZHANSKY)
    with pytest.raises(InvalidInputError, match="kind: 'town' is not one of"):
        Place("Sudzha", kind="town", lat=51.19, lon=35.27)
    with pytest.raises(CoordinateError, match="place 'Sudzha': latitude 135.27 is outside"):
        Place("Sudzha", kind="populated_place", lat=135.27, lon=51.19)  # swapped and out of range
    with pytest.raises(InvalidInputError, match="country_code: expected an ISO 3166-1 alpha-2 code, got 'RUS'"):
        Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RUS")
    with pytest.raises(InvalidInputError, match="name: must not be empty"):
        Place("  ", kind="populated_place", lat=51.19, lon=35.27)
    with pytest.raises(InvalidInputError, match="population: must not be negative"):
        Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, population=-5)


def test_places_are_hashable_and_comparable():
    same = Place("Kursk", kind="populated_place", lat=51.7373, lon=36.1874, country_code="RU")
    assert same == KURSK and len({same, KURSK, SUDZHANSKY}) == 2


def test_provenance_dates():
    p = Provenance(event_date="2024-08-06", event_date_end=datetime(2024, 8, 14, 22, 0), report_date=date(2024, 8, 14))
    assert p.event_date == date(2024, 8, 6) and p.event_date_end == date(2024, 8, 14)
    with pytest.raises(DateError, match="event_date_end: 2024-08-01 is before event_date 2024-08-06"):
        Provenance(event_date=date(2024, 8, 6), event_date_end=date(2024, 8, 1))
    with pytest.raises(DateError, match=r"report_date: expected a date .* got '14/08/2024'"):
        Provenance(report_date="14/08/2024")
    with pytest.raises(InvalidInputError, match=r"span: end \(3\) must not be before start \(9\)"):
        Provenance(span=(9, 3))
    with pytest.raises(InvalidInputError, match="date_precision: 'hour' is not one of"):
        Provenance(date_precision="hour")
    assert Provenance(quote="   ").quote is None  # empty optional text means "not given"


def test_movement():
    m = Movement(
        "Russian armed forces", KALININGRAD, KURSK, unit="naval infantry", status="unconfirmed",
        provenance=Provenance(reported_by="Laurynas Kasčiūnas", report_date=date(2024, 8, 14)),
    )
    assert m.status is MovementStatus.UNCONFIRMED
    assert m.geometry.coords[0] == (20.5110, 54.7065) and m.geometry.coords[-1] == (36.1874, 51.7373)
    assert m.length_km == pytest.approx(1095.3, abs=1)
    assert m.precision is Precision.EXACT
    with pytest.raises(InvalidInputError, match="status: 'rumoured' is not one of 'reported', 'claimed'"):
        Movement("x", KALININGRAD, KURSK, status="rumoured")
    with pytest.raises(InvalidInputError, match="destination: expected a Place"):
        Movement("x", KALININGRAD, (51.7, 36.2))


def test_claims_stay_side_by_side():
    governor = TerritorialClaim(
        "Ukrainian forces", as_of="2024-08-12", settlements=28, areas=(SUDZHANSKY, KORENEVSKY),
        provenance=Provenance(reported_by="Acting Governor Alexey Smirnov"),
    )
    assert governor.derivation is Derivation.UNION and governor.approximate
    assert governor.geometry.contains(SUDZHANSKY.geometry.centroid)
    assert governor.area_km2 == pytest.approx(
        area_km2(SUDZHANSKY.geometry.union(KORENEVSKY.geometry)), rel=1e-9
    )
    assert governor.reported_by == "Acting Governor Alexey Smirnov"
    assert governor.precision is Precision.DISTRICT
    military = TerritorialClaim("Ukrainian forces", settlements=74, area_km2_stated=1000)
    assert military.geometry is None and military.derivation is Derivation.NONE and military.area_km2 is None
    ledger = EventSet([governor, military])
    assert [c.settlements for c in ledger.claims] == [28, 74]
    with pytest.raises(InvalidInputError, match="area_km2_stated: must not be negative, got -1000"):
        TerritorialClaim("Ukrainian forces", area_km2_stated=-1000)
    with pytest.raises(InvalidInputError, match="settlements: expected a whole number, got 2.5"):
        TerritorialClaim("Ukrainian forces", settlements=2.5)
    with pytest.raises(InvalidInputError, match="derivation: 'union' given but there is no geometry"):
        TerritorialClaim("Ukrainian forces", derivation="union")
    given = TerritorialClaim("RSF", geometry=box(30, 13, 31, 14))
    assert given.derivation is Derivation.GIVEN and not given.approximate


def test_combat_area_and_event():
    combat = CombatArea(
        (SUDZHANSKY, KORENEVSKY), actors=("Ukraine", "Russia"),
        provenance=Provenance(event_date="2024-08-06", reason="combat ongoing in X districts"),
    )
    assert combat.derivation is Derivation.UNION and combat.area_km2 > 0
    with pytest.raises(InvalidInputError, match="a combat area needs named areas or a geometry"):
        CombatArea(())
    kyiv = Place("Kyiv", kind="populated_place", lat=50.4501, lon=30.5234, country_code="UA")
    meeting = Event("meeting", kyiv, actors=["Laurynas Kasčiūnas", "Volodymyr Zelensky"])
    assert meeting.actors == ("Laurynas Kasčiūnas", "Volodymyr Zelensky")
    assert meeting.precision is Precision.EXACT and meeting.geometry.x == 30.5234
    assert Event("strike", kyiv, precision=2).precision is Precision.NEAR
    with pytest.raises(InvalidInputError, match="fatalities: must not be negative"):
        Event("strike", kyiv, fatalities=-1)
    with pytest.raises(InvalidInputError, match="type: must not be empty"):
        Event("", kyiv)


def test_mention():
    m = Mention("Kursk region", 10, 22, place=KURSK, score=0.9, candidates=[KALININGRAD], reason="region word")
    assert m.candidates == (KALININGRAD,)
    with pytest.raises(InvalidInputError, match=r"end \(5\) must not be before start \(10\)"):
        Mention("Kursk", 10, 5)
    with pytest.raises(InvalidInputError, match="Mention.reason"):
        Mention("Kursk", 0, 5, provenance=Provenance(reason="x"))


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        KURSK.lat = 0  # type: ignore[misc]


def test_eventset_frames():
    kyiv = Place("Kyiv", kind="populated_place", lat=50.4501, lon=30.5234, country_code="UA")
    events = EventSet([
        Mention("Kursk", 0, 5, place=KURSK),
        Mention("Sudzhanskyy", 8, 19, candidates=(SUDZHANSKY,)),
        Movement("Russian armed forces", KALININGRAD, KURSK),
        TerritorialClaim("Ukrainian forces", settlements=28, areas=(SUDZHANSKY,)),
        CombatArea((SUDZHANSKY,)),
        Event("meeting", kyiv),
    ])
    assert repr(events) == "EventSet(2 mentions, 1 movement, 1 claim, 1 combat area, 1 event)"
    assert events.places == [KURSK] and [m.text for m in events.unresolved] == ["Sudzhanskyy"]
    frame = events.to_geodataframe()
    assert frame.crs.to_epsg() == 4326
    assert frame["kind"].tolist() == ["place", "place", "movement", "claim", "combat", "event"]
    assert frame.geometry.iloc[1] is None  # unresolved: no geometry, never (0, 0)
    movements = events.movements.to_geodataframe()
    assert movements[["origin", "destination", "status"]].values.tolist() == [["Kaliningrad", "Kursk", "reported"]]
    assert movements["length_km"].iloc[0] == pytest.approx(1095.3, abs=1)
    claims = events.claims.to_geodataframe()
    assert str(claims["settlements"].dtype) == "Int64" and claims["settlements"].iloc[0] == 28
    assert pd_isna(claims["area_km2_stated"].iloc[0])
    assert EventSet.from_geodataframe(frame) == events


def pd_isna(value):
    import pandas as pd

    return pd.isna(value)
