"""The event model: construction, validation and derived values."""

from __future__ import annotations

import pickle
import timeit
from dataclasses import fields, replace
from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given, settings
from shapely.geometry import Polygon, box

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
from tests.strategies import claims, combats, places

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


# --------------------------------------------------------------------------- equality, hashing, the trusted path


def _ring(n: int) -> Polygon:
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return Polygon(np.c_[35 + 0.5 * np.cos(t), 51 + 0.5 * np.sin(t)])


def _unreadable() -> Polygon:
    raise AssertionError("the geometry was read")


def _trusted(place: Place, **loader) -> Place:
    """``Place._from_trusted`` on *place*'s stored fields (its geometry given, or left to *loader*)."""
    values = [getattr(place, f.name) for f in fields(Place)]
    if loader:
        values[fields(Place).index(next(f for f in fields(Place) if f.name == "geometry"))] = None
    return Place._from_trusted(*values, **loader)


def test_equal_places_hash_equal_and_hashing_reads_no_polygon():
    big = _ring(100_000)
    a = Place("Sudzhanskiy Rayon", kind="admin2", lat=51.19, lon=35.27, geometry=big)
    b = replace(a)  # another place, another (equal) polygon object
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != replace(a, geometry=box(34.9, 51.0, 35.6, 51.4)) and a != replace(a, admin1="Kursk Oblast")
    # a place whose polygon cannot be read hashes, and compares unequal on its other fields, all the same
    lazy = _trusted(a, geometry_loader=_unreadable)
    assert hash(lazy) == hash(a) and lazy != replace(a, population=5) and {lazy: 1}[lazy] == 1
    # measured: hashing the polygon writes out its 100,000 vertices (~3 ms); hashing the place does not
    place_s = min(timeit.repeat(lambda: hash(a), number=100, repeat=5)) / 100
    polygon_s = min(timeit.repeat(lambda: hash(big), number=3, repeat=3)) / 3
    assert place_s < polygon_s / 100, (place_s, polygon_s)


def test_area_records_compare_their_geometry_cheaply():
    big = _ring(100_000)
    claim = TerritorialClaim("Ukrainian forces", areas=(SUDZHANSKY,), geometry=big, settlements=28)
    copy = replace(claim)
    assert copy == claim and hash(copy) == hash(claim) and len({claim, copy}) == 1
    assert replace(claim, settlements=29) != claim and replace(claim, geometry=box(34, 51, 35, 52)) != claim
    place_s = min(timeit.repeat(lambda: hash(claim), number=100, repeat=5)) / 100
    polygon_s = min(timeit.repeat(lambda: hash(big), number=3, repeat=3)) / 3
    assert place_s < polygon_s / 20, (place_s, polygon_s)
    # the union of the same named areas is made once, whatever place objects name them
    one = CombatArea((SUDZHANSKY, KORENEVSKY))
    other = CombatArea((replace(SUDZHANSKY), replace(KORENEVSKY)))
    assert one.geometry is other.geometry and one == other


@settings(max_examples=60, deadline=None)
@given(places())
def test_trusted_places_equal_checked_ones(place):
    checked = Place(**{f.name: getattr(place, f.name) for f in fields(Place)})
    trusted = _trusted(place)
    assert trusted == checked and hash(trusted) == hash(checked) and repr(trusted) == repr(checked)
    calls = []

    def loader():
        calls.append(1)
        return place.geometry

    lazy = _trusted(place, geometry_loader=loader)
    assert hash(lazy) == hash(checked) and not calls  # hashing decodes nothing
    assert lazy == checked and lazy.geometry is place.geometry and len(calls) <= 1
    assert lazy.geometry is place.geometry and len(calls) <= 1  # decoded once, then stored
    assert pickle.loads(pickle.dumps(lazy)) == checked


def test_gazetteer_places_equal_checked_ones():
    from geoconflict.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    rows = [*range(0, 400), *np.random.default_rng(14).integers(0, len(gaz), 400).tolist()]
    for row in rows:
        place = gaz.place(row)
        checked = Place(**{f.name: getattr(place, f.name) for f in fields(Place)})
        assert place == checked and hash(place) == hash(checked), row


@settings(max_examples=40, deadline=None)
@given(claims() | combats())
def test_area_records_survive_replace(record):
    assert replace(record) == record and hash(replace(record)) == hash(record)


def test_text_fields_keep_str_subclasses():
    name = np.str_("Kyiv")
    assert Place(name, kind="populated_place", lat=50.45, lon=30.52).name is name
    assert Provenance(source=np.str_("  ")).source is None
