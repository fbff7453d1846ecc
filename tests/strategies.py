"""Hypothesis strategies that generate valid geoconflict records."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st
from shapely.geometry import box

from geoconflict.model import (
    CombatArea,
    DatePrecision,
    Derivation,
    Event,
    Mention,
    Movement,
    MovementStatus,
    Place,
    PlaceKind,
    Precision,
    Provenance,
    TerritorialClaim,
)

# Report-like text: any printable Unicode (Cyrillic, diacritics, curly quotes, emoji), no NUL.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"'“”«»„"),
    min_size=1,
    max_size=40,
).filter(str.strip)
optional_texts = st.none() | texts
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
counts = st.none() | st.integers(min_value=0, max_value=2**40)
lats = st.floats(min_value=-90, max_value=90, allow_nan=False)
lons = st.floats(min_value=-180, max_value=180, allow_nan=False)


@st.composite
def polygons(draw):
    lon = draw(st.floats(min_value=-179, max_value=178))
    lat = draw(st.floats(min_value=-89, max_value=88))
    w = draw(st.floats(min_value=1e-4, max_value=1))
    h = draw(st.floats(min_value=1e-4, max_value=1))
    return box(lon, lat, lon + w, lat + h)


@st.composite
def places(draw):
    return Place(
        draw(texts),
        kind=draw(st.sampled_from(PlaceKind)),
        lat=draw(lats),
        lon=draw(lons),
        country_code=draw(st.none() | st.sampled_from(["RU", "UA", "LT", "CD", "SD", "SY"])),
        admin1=draw(optional_texts),
        admin2=draw(optional_texts),
        geonames_id=draw(counts),
        population=draw(counts),
        geometry=draw(st.none() | polygons()),
        approximate=draw(st.booleans()),
        source=draw(optional_texts),
    )


@st.composite
def provenances(draw, *, reason=True):
    start = draw(st.none() | dates)
    span_start = draw(st.none() | st.integers(min_value=0, max_value=10**6))
    return Provenance(
        source=draw(optional_texts),
        reported_by=draw(optional_texts),
        quote=draw(optional_texts),
        span=None if span_start is None else (span_start, span_start + draw(st.integers(0, 500))),
        report_date=draw(st.none() | dates),
        event_date=start,
        event_date_end=None if start is None else draw(st.none() | st.just(start) | dates.filter(lambda d: d >= start)),
        date_precision=draw(st.sampled_from(DatePrecision)),
        reason=draw(optional_texts) if reason else None,
    )


@st.composite
def mentions(draw):
    start = draw(st.integers(min_value=0, max_value=10**6))
    return Mention(
        draw(texts),
        start,
        start + draw(st.integers(min_value=0, max_value=100)),
        place=draw(st.none() | places()),
        score=draw(st.none() | st.floats(min_value=0, max_value=1)),
        candidates=tuple(draw(st.lists(places(), max_size=2))),
        reason=draw(optional_texts),
        provenance=draw(provenances(reason=False)),
    )


@st.composite
def movements(draw):
    return Movement(
        draw(optional_texts),
        draw(places()),
        draw(places()),
        unit=draw(optional_texts),
        status=draw(st.sampled_from(MovementStatus)),
        provenance=draw(provenances()),
        id=draw(optional_texts),
    )


@st.composite
def claims(draw):
    geometry = draw(st.none() | polygons())
    return TerritorialClaim(
        draw(texts),
        as_of=draw(st.none() | dates),
        settlements=draw(counts),
        area_km2_stated=draw(st.none() | st.floats(min_value=0, max_value=1e7)),
        areas=tuple(draw(st.lists(places(), max_size=3))),
        geometry=geometry,
        derivation=None if geometry is None else draw(st.sampled_from([Derivation.GIVEN, Derivation.STATED_AREA])),
        approximate=draw(st.booleans()),
        tier=draw(st.sampled_from(["claimed", "assessed"])),
        note=draw(optional_texts),
        subtype=draw(optional_texts),
        disputes=draw(optional_texts),
        provenance=draw(provenances()),
        id=draw(optional_texts),
    )


@st.composite
def combats(draw):
    return CombatArea(
        tuple(draw(st.lists(places(), min_size=1, max_size=3))),
        actors=tuple(draw(st.lists(texts, max_size=3))),
        description=draw(optional_texts),
        subtype=draw(optional_texts),
        fatalities=draw(counts),
        provenance=draw(provenances()),
        id=draw(optional_texts),
    )


@st.composite
def events(draw):
    return Event(
        draw(texts),
        draw(places()),
        subtype=draw(optional_texts),
        actors=tuple(draw(st.lists(texts, max_size=3))),
        description=draw(optional_texts),
        fatalities=draw(counts),
        precision=draw(st.none() | st.sampled_from(Precision)),
        provenance=draw(provenances()),
        id=draw(optional_texts),
    )


records = st.one_of(mentions(), movements(), claims(), combats(), events())
