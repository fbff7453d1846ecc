"""Hypothesis strategies that generate valid geoconflict records.

The plain strategies (``records``) draw everyday values; the wide ones
(``wide_records``) draw what the hostile-input audit sent: control characters,
``\\r`` and ``\\r\\n``, formula starts, non-BMP text, years 1 to 9999, subnormal
and signed-zero floats, coordinates on the poles and the antimeridian, polygons
with holes, MultiPolygons split at the antimeridian, nearly global and tiny
areas, and 3-D rings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon, box

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


@dataclass(frozen=True)
class Values:
    """The strategies the record strategies draw their values from."""

    texts: st.SearchStrategy[str]
    dates: st.SearchStrategy[date]
    lats: st.SearchStrategy[float]
    lons: st.SearchStrategy[float]
    polygons: st.SearchStrategy[Polygon | MultiPolygon]
    fractions: st.SearchStrategy[float]
    areas: st.SearchStrategy[float]
    counts: st.SearchStrategy[int | None]


PLAIN = Values(texts=texts, dates=dates, lats=lats, lons=lons, polygons=polygons(),
               fractions=st.floats(min_value=0, max_value=1), areas=st.floats(min_value=0, max_value=1e7), counts=counts)


@st.composite
def places(draw, v: Values = PLAIN):
    return Place(
        draw(v.texts),
        kind=draw(st.sampled_from(PlaceKind)),
        lat=draw(v.lats),
        lon=draw(v.lons),
        country_code=draw(st.none() | st.sampled_from(["RU", "UA", "LT", "CD", "SD", "SY"])),
        admin1=draw(st.none() | v.texts),
        admin2=draw(st.none() | v.texts),
        geonames_id=draw(v.counts),
        population=draw(v.counts),
        geometry=draw(st.none() | v.polygons),
        approximate=draw(st.booleans()),
        source=draw(st.none() | v.texts),
    )


@st.composite
def provenances(draw, v: Values = PLAIN, *, reason=True):
    start = draw(st.none() | v.dates)
    span_start = draw(st.none() | st.integers(min_value=0, max_value=10**6))
    return Provenance(
        source=draw(st.none() | v.texts),
        reported_by=draw(st.none() | v.texts),
        quote=draw(st.none() | v.texts),
        span=None if span_start is None else (span_start, span_start + draw(st.integers(0, 500))),
        report_date=draw(st.none() | v.dates),
        event_date=start,
        event_date_end=None if start is None else draw(st.none() | st.just(start) | v.dates.filter(lambda d: d >= start)),
        date_precision=draw(st.sampled_from(DatePrecision)),
        reason=draw(st.none() | v.texts) if reason else None,
    )


@st.composite
def mentions(draw, v: Values = PLAIN):
    start = draw(st.integers(min_value=0, max_value=10**6))
    return Mention(
        draw(v.texts),
        start,
        start + draw(st.integers(min_value=0, max_value=100)),
        place=draw(st.none() | places(v)),
        score=draw(st.none() | v.fractions),
        candidates=tuple(draw(st.lists(places(v), max_size=2))),
        reason=draw(st.none() | v.texts),
        provenance=draw(provenances(v, reason=False)),
    )


@st.composite
def movements(draw, v: Values = PLAIN):
    return Movement(
        draw(st.none() | v.texts),
        draw(places(v)),
        draw(places(v)),
        unit=draw(st.none() | v.texts),
        status=draw(st.sampled_from(MovementStatus)),
        provenance=draw(provenances(v)),
        id=draw(st.none() | v.texts),
    )


@st.composite
def claims(draw, v: Values = PLAIN):
    geometry = draw(st.none() | v.polygons)
    return TerritorialClaim(
        draw(v.texts),
        opponent=draw(st.none() | v.texts),
        as_of=draw(st.none() | v.dates),
        settlements=draw(v.counts),
        area_km2_stated=draw(st.none() | v.areas),
        areas=tuple(draw(st.lists(places(v), max_size=3))),
        geometry=geometry,
        derivation=None if geometry is None else draw(st.sampled_from([Derivation.GIVEN, Derivation.STATED_AREA])),
        approximate=draw(st.booleans()),
        tier=draw(st.sampled_from(["claimed", "assessed"])),
        note=draw(st.none() | v.texts),
        subtype=draw(st.none() | v.texts),
        disputes=draw(st.none() | v.texts),
        fatalities=draw(v.counts),
        provenance=draw(provenances(v)),
        id=draw(st.none() | v.texts),
    )


@st.composite
def combats(draw, v: Values = PLAIN):
    return CombatArea(
        tuple(draw(st.lists(places(v), min_size=1, max_size=3))),
        actors=tuple(draw(st.lists(v.texts, max_size=3))),
        description=draw(st.none() | v.texts),
        subtype=draw(st.none() | v.texts),
        fatalities=draw(v.counts),
        provenance=draw(provenances(v)),
        id=draw(st.none() | v.texts),
    )


@st.composite
def events(draw, v: Values = PLAIN):
    return Event(
        draw(v.texts),
        draw(places(v)),
        subtype=draw(st.none() | v.texts),
        actors=tuple(draw(st.lists(v.texts, max_size=3))),
        description=draw(st.none() | v.texts),
        fatalities=draw(v.counts),
        precision=draw(st.none() | st.sampled_from(Precision)),
        provenance=draw(provenances(v)),
        id=draw(st.none() | v.texts),
    )


records = st.one_of(mentions(), movements(), claims(), combats(), events())


# --- the audit's values -------------------------------------------------------------------------------

#: Characters that break naive writers: control characters, line ends, quotes, the starts of spreadsheet formulas.
AWKWARD = ["\r", "\r\n", "\n", "\t", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\u2028",
           '"', "'", "\\", ",", ";", "=", "+", "-", "@", "'=", "=HYPERLINK(\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0",
           "\U0001f525", "\U0001f1fa\U0001f1e6", "\U00020000", "\u200d", "\ufeff", "\ufffd", "1e5", "007", "TRUE",
           "NaN", "null", "None", "", " "]

#: Any Unicode but NUL and lone surrogates (which the model refuses: no file format stores them).
_ANY_CHARACTER = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")

wide_texts = st.lists(st.sampled_from(AWKWARD) | st.text(_ANY_CHARACTER, min_size=1, max_size=6),
                      min_size=1, max_size=6).map("".join).filter(str.strip)
wide_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

#: Floats on the edges: the poles, the antimeridian, signed zeros, the smallest subnormals.
_EDGES = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300]


def _edge_floats(limit: float) -> st.SearchStrategy[float]:
    return (st.floats(min_value=-limit, max_value=limit, allow_subnormal=True)
            | st.sampled_from([*_EDGES, limit, -limit, limit - 1e-12, -limit + 1e-12]))


wide_lats = _edge_floats(90.0)
wide_lons = _edge_floats(180.0)


@st.composite
def boxes(draw):
    """An axis-aligned box anywhere, from a few millimetres to nearly the whole globe."""
    size = draw(st.sampled_from([1e-8, 1e-5, 1e-2, 1.0, 30.0, 179.0, 359.8]))
    west = draw(st.floats(min_value=-180, max_value=180 - size))
    south_size = min(size, 179.8)
    south = draw(st.floats(min_value=-90, max_value=90 - south_size))
    return box(west, south, west + size, south + south_size)


@st.composite
def holed(draw):
    """A box with one or two square holes inside it."""
    outer = draw(boxes().filter(lambda b: b.area > 1e-12))
    minx, miny, maxx, maxy = outer.bounds
    w, h = maxx - minx, maxy - miny
    holes = [box(minx + w * 0.1, miny + h * 0.1, minx + w * 0.4, miny + h * 0.4).exterior.coords]
    if draw(st.booleans()):
        holes.append(box(minx + w * 0.6, miny + h * 0.6, minx + w * 0.9, miny + h * 0.9).exterior.coords)
    return Polygon(outer.exterior.coords, holes)


@st.composite
def antimeridian_split(draw):
    """An area across the antimeridian, as RFC 7946 asks: two parts, one each side of ±180."""
    east = draw(st.floats(min_value=0.001, max_value=20))
    west = draw(st.floats(min_value=0.001, max_value=20))
    south = draw(st.floats(min_value=-89, max_value=80))
    north = south + draw(st.floats(min_value=0.001, max_value=9))
    return MultiPolygon([box(180 - east, south, 180, north), box(-180, south, -180 + west, north)])


@st.composite
def three_d(draw):
    """A polygon with a z on every vertex, as KML conversions write them."""
    flat = draw(boxes() | holed())
    z = draw(st.sampled_from([0.0, 123.5, -5e-324]))
    return Polygon([(x, y, z) for x, y in flat.exterior.coords],
                   [[(x, y, z) for x, y in ring.coords] for ring in flat.interiors])


wide_polygons = st.one_of(boxes(), holed(), antimeridian_split(), polygons())
wide_fractions = st.floats(min_value=0, max_value=1, allow_subnormal=True) | st.sampled_from([0.0, -0.0, 5e-324, 1.0])
wide_areas = (st.floats(min_value=0, max_value=1e12, allow_subnormal=True)
              | st.sampled_from([0.0, -0.0, 5e-324, 5.1e8, 1e300]))
wide_counts = st.none() | st.integers(min_value=0, max_value=2**63 - 1) | st.sampled_from([0, 2**53, 2**53 + 1, 2**63 - 1])

WIDE = Values(texts=wide_texts, dates=wide_dates, lats=wide_lats, lons=wide_lons, polygons=wide_polygons,
              fractions=wide_fractions, areas=wide_areas, counts=wide_counts)

wide_records = st.one_of(mentions(WIDE), movements(WIDE), claims(WIDE), combats(WIDE), events(WIDE))
