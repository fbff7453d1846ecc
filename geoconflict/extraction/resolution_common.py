"""What the resolution passes share: the searches they ask, what makes a place big or small, leaving a span unplaced.

The modules of resolution (:mod:`~geoconflict.extraction.resolution` and those it calls) each read a
report's spans in their own way; the questions they ask the gazetteer ("the best places of this name",
"which countries hold one"), their words for a place ("is_big", "is_small", matched by another of its names)
and the way a span loses its place (:func:`unplace`) are defined here once.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import shapely

from geoconflict.errors import InvalidInputError
from geoconflict.extraction.spans import Kind, Span
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold

__all__ = [
    "AREA_NAMES", "BIG_PLACE_POPULATION", "FAR_KM", "NAME_MATCHES", "NOT_A_PLACE", "OTHER_NAME_MATCH", "OUTLIER",
    "OWN_NAME_MATCH", "SMALL_TOWN_POPULATION", "TOWN_CANDIDATES", "UNITS", "best_in", "is_big", "big_by_name",
    "big_by_own_name", "coherent", "countries_named", "is_town", "name_candidates", "named_units", "names_by_country", "near_any", "near_area",
    "other_name", "outside_area", "region_at_seat", "region_seat", "search", "similar", "is_small", "unplace",
]

#: Candidates looked at for a region's namesake town, and for a lone town's namesake in the report's country.
TOWN_CANDIDATES = 5
#: A name's candidates looked at once to learn which countries hold a place of that name (with this many or
#: more, each country is asked on its own); and how many names' answers are kept.
NAME_COUNTRY_CANDIDATES = 50
NAME_ANSWER_CACHE = 65_536
#: A populated place of fewer people is "small": an outlier when alone in its country, far from the report's
#: main area (:func:`~geoconflict.extraction.resolution_outliers.drop_outliers`).
SMALL_TOWN_POPULATION = 20000
#: A town of at least this many people named by its own name is a place even where its name is a common word.
BIG_PLACE_POPULATION = 100_000
#: How a candidate that matched its place's own name says so.
OWN_NAME_MATCH = ": name "
#: A country is a report's area when it holds this many of its names (or a unit the report names).
AREA_NAMES = 2
#: What the reason of a span found to name no place says (such spans are dropped), and of a place name
#: whose places are all far from the report's area (kept as a mention without a place, with its candidates).
NOT_A_PLACE = "not a place here"
OUTLIER = "an outlier, left unresolved"
#: How the reason of a span left unresolved as one word of a longer name says so.
LONGER_NAME = "one word of a longer name the gazetteer lacks"
#: A strong name the context moved this far (km) from its own best place may have been hijacked.
FAR_KM = 1000.0
#: How a candidate that matched another of its place's names says so; below this similarity, that
#: name is unlike the place's own (a historic name, not a spelling).
OTHER_NAME_MATCH = ": alternate name"
SIMILAR_NAME_RATIO = 0.5
#: Name pairs whose likeness is remembered.
NAME_PAIR_CACHE = 1 << 14
#: A bare name's place that the report may mean the town of.
UNITS = (Kind.ADMIN1, Kind.ADMIN2)
#: How a town candidate matched that makes a bare name its (not a fuzzy or partial match).
NAME_MATCHES = ("name", "alternate name")
#: A place this near (km) a unit's polygon is in it: the polygons are generalised, and a town on a river
#: or a coast that is a border lies on the line.
AREA_SLACK_KM = 10.0
#: Degrees of latitude per km, to compare a distance in degrees (the polygons' units) with one in km.
DEG_PER_KM = 1 / 111.2
#: The most populous settlements of a first-level unit's bounding box looked at for its own most populous
#: (those of neighbouring units come first where the box holds their cities); first-level units remembered.
SEAT_CANDIDATES = 60
SEAT_CACHE = 4096
#: A first-level unit's seat lies in its polygon or this near it, in degrees (about 1 km).
SEAT_OFF_DEG = 0.01


@lru_cache(maxsize=SEAT_CACHE)
def region_seat(gaz: Gazetteer, unit: Place) -> Place | None:
    """The town an event told only by its first-level *unit* is placed at: the unit's capital, as ACLED codes it.

    The capital GeoNames records (``Gazetteer.seat``: the unit's PPLA, stored when the gazetteer is built);
    for a unit without one, a careful coder's guess: the unit's namesake town inside it ("Kharkiv region":
    Kharkiv), else its most populous town. None for another kind of place, or a unit whose towns the
    gazetteer does not know.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> region_seat(gaz, gaz.search("Kharkiv Oblast", kind="admin1", limit=1)[0].place).name
    'Kharkiv'
    >>> region_seat(gaz, gaz.search("Borno State", kind="admin1", limit=1)[0].place).name
    'Maiduguri'
    """
    if unit.kind is not Kind.ADMIN1:
        return None
    seat = gaz.seat(unit)
    if seat is not None:
        return seat
    for c in search(gaz, unit.name, kind=Kind.POPULATED_PLACE, country=unit.country_code, limit=TOWN_CANDIDATES):
        if c.place.admin1 == unit.name and c.reason.startswith(NAME_MATCHES):
            return c.place
    if unit.geometry is None:
        return None
    west, south, east, north = unit.geometry.bounds
    towns = [p for p in gaz.largest_places((south, west, north, east), n=SEAT_CANDIDATES)
             if p.admin1 == unit.name and p.country_code == unit.country_code]
    return next((p for p in towns if _on(unit, p)), towns[0] if towns else None)


def _on(unit: Place, town: Place) -> bool:
    """Whether *town* lies in *unit*'s polygon, or within :data:`SEAT_OFF_DEG` of it (a coast drawn coarsely):
    a gazetteer may give a city's district the surrounding region ("Leningrad Oblast" for a district of
    Saint Petersburg, a city of its own), and a seat outside its unit is no seat of it."""
    return unit.geometry is not None and unit.geometry.distance(shapely.Point(town.lon, town.lat)) <= SEAT_OFF_DEG


@lru_cache(maxsize=SEAT_CACHE)
def region_at_seat(gaz: Gazetteer, unit: Place) -> Place:
    """First-level *unit* as an event told only by it is placed: the unit, at its capital's point.

    The record keeps the unit (its name, kind, polygon, precision and every other field: the report names
    no town), and its point is :func:`region_seat`'s, as ACLED codes such an event; a unit without a known
    town is itself.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> anbar = region_at_seat(gaz, gaz.search("Anbar Province", kind="admin1", limit=1)[0].place)
    >>> anbar.name, anbar.kind.value, round(anbar.lat, 1), round(anbar.lon, 1)
    ('Anbar Province', 'admin1', 33.4, 43.3)
    """
    seat = region_seat(gaz, unit)
    if seat is None:
        return unit
    return unit.replace(lat=seat.lat, lon=seat.lon)


@lru_cache(maxsize=SEAT_CACHE)
def outside_area(unit: Place, p: Place, *, slack_km: float = AREA_SLACK_KM) -> bool:
    """Whether *p*'s point lies outside first-level *unit*'s polygon by more than *slack_km*.

    False when the unit has no polygon (nothing tells), and for a place in another country's unit: the
    polygon, not the gazetteer's admin path, decides, so a town whose admin-1 name predates a reform is
    still inside the unit that now holds it.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> kivu = gaz.search("Nord-Kivu", kind="admin1", limit=1)[0].place
    >>> goma, bukavu = (gaz.search(n, kind="populated_place", limit=1)[0].place for n in ("Goma", "Bukavu"))
    >>> outside_area(kivu, goma), outside_area(kivu, bukavu)
    (False, True)
    """
    area = unit.geometry if unit.kind is Kind.ADMIN1 else None
    return area is not None and not near_area(area, p, km=slack_km)


def near_area(area: shapely.Geometry, p: Place, *, km: float) -> bool:
    """Whether *p*'s point lies inside *area* or within *km* of it.

    Examples
    --------
    >>> near_area(shapely.box(30, 50, 31, 51), Place("x", kind=Kind.POPULATED_PLACE, lat=51.05, lon=30.5), km=10)
    True
    """
    shapely.prepare(area)  # (once per polygon: the point-in-polygon test then reads an index)
    if shapely.intersects_xy(area, p.lon, p.lat):
        return True
    return float(shapely.distance(area, shapely.Point(p.lon, p.lat))) <= km * DEG_PER_KM


def search(gaz: Gazetteer, name: str, *, limit: int, kind: PlaceKind | None = None,
            country: str | None = None) -> list[Candidate]:
    """``gaz.search``, no candidate where the name or the country is not one the gazetteer takes."""
    try:
        return gaz.search(name, kind=kind, country=country, limit=limit)
    except InvalidInputError:
        return []


@lru_cache(maxsize=NAME_ANSWER_CACHE)
def name_candidates(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """*name*'s ``NAME_COUNTRY_CANDIDATES`` best candidates anywhere, best first: one search answers
    :func:`big_by_name`, :func:`countries_named` and :func:`best_in`.

    ``rank`` sorts stably and cuts at the limit, so its first candidate is ``search(name, limit=1)``'s,
    and, when fewer than the limit, they are all of *name*'s places, in the order a search restricted to
    a country keeps them (``country=`` only filters).
    """
    return tuple(search(gaz, name, limit=NAME_COUNTRY_CANDIDATES))


def countries_named(gaz: Gazetteer, name: str) -> frozenset[str] | None:
    """The countries holding a place called *name* (a name match), or None when *name* has too many places to tell.

    Only these countries can give a common word without evidence a place (``resolution._resolve_weak``), so the others are not searched one by one.
    """
    cands = name_candidates(gaz, name)
    if len(cands) >= NAME_COUNTRY_CANDIDATES:
        return None
    return frozenset(c.place.country_code for c in cands if c.place.country_code and c.reason.startswith(NAME_MATCHES))


def big_by_name(gaz: Gazetteer, name: str) -> bool:
    """Whether *name*'s best place is a country, or a first-level unit or town of many people, by its own name."""
    best = search(gaz, name, limit=1)  # (the first of name_candidates, without building 49 more places)
    if not best or not best[0].reason.startswith(NAME_MATCHES[0]):
        return False
    return is_big(best[0].place)


def best_in(gaz: Gazetteer, name: str, country: str) -> list[Candidate]:
    """``search(gaz, name, country=country, limit=1)`` for a name whose places :func:`countries_named` tells.

    The first of *name*'s candidates in *country* (all its places are among them): no search of its own.
    """
    return [c for c in name_candidates(gaz, name) if c.place.country_code == country][:1]


#: The kinds of place :func:`is_big` whatever their population.
_BIG_KINDS = (Kind.COUNTRY, Kind.ADMIN1)


def is_big(p: Place) -> bool:
    """Whether *p* is a country, a first-level unit or a town of ``BIG_PLACE_POPULATION`` people."""
    return p.kind in _BIG_KINDS or (p.population or 0) >= BIG_PLACE_POPULATION


def is_small(p: Place | None) -> bool:
    """Whether *p* is a town of fewer than ``SMALL_TOWN_POPULATION`` people."""
    return p is not None and p.kind is Kind.POPULATED_PLACE and (p.population or 0) < SMALL_TOWN_POPULATION


def big_by_own_name(x: Span) -> bool:
    """Whether *x*'s place is big (:func:`is_big`) and *x* names it by its own name (not another, not a part)."""
    return x.place is not None and is_big(x.place) and OWN_NAME_MATCH in x.reason


def is_town(x: Span) -> bool:
    """Whether *x* is placed at a populated place."""
    return x.place is not None and x.place.kind is Kind.POPULATED_PLACE


def other_name(x: Span) -> bool:
    """Whether *x* matched another name of its place, unlike its own name (a historic name, a namesake's)."""
    return x.place is not None and OTHER_NAME_MATCH in x.reason and not similar(x.surface, x.place.name)


@lru_cache(maxsize=NAME_PAIR_CACHE)
def similar(a: str, b: str) -> bool:
    """Whether names *a* and *b* are spellings of one name (folded, ``SIMILAR_NAME_RATIO`` alike)."""
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= SIMILAR_NAME_RATIO


def coherent(x: Span, spans: list[Span]) -> bool:
    """Whether another name of the report has a place in the country of *x*'s place."""
    cc = x.place.country_code if x.place is not None else None
    return any(y.place is not None and y.place.country_code == cc and y.folded != x.folded
               for y in spans)


def unplace(x: Span, why: str, *, outlier: bool = False) -> None:
    """Leave *x* without a place, saying *why*: no place name here (dropped), or an *outlier* (kept unresolved)."""
    if x.place is not None:
        x.candidates = (x.place, *x.candidates)
    x.place, x.score = None, None
    x.reason = f"{x.reason}; {OUTLIER if outlier else NOT_A_PLACE}: {why}"


def near_any(p: Place, lat: np.ndarray, lon: np.ndarray, km: float = FAR_KM) -> bool:
    """Whether *p* is within *km* of one of the points (*lat*, *lon*): a town across a border."""
    return bool((haversine_km(p.lat, p.lon, lat, lon) < km).any())


def named_units(placed: list[Span]) -> set[tuple[str | None, str]]:
    """(country, name) of the units the report names, and of the units its places with their own point lie in."""
    units: set[tuple[str | None, str]] = set()
    for y in placed:
        q = y.place
        if q is None:
            continue
        if q.kind is Kind.ADMIN1 or q.kind is Kind.ADMIN2:
            units.add((q.country_code, q.name))
        elif q.admin1 and not q.approximate:
            units.add((q.country_code, q.admin1))
    return units


def names_by_country(placed: list[Span], *, countries: bool = True) -> dict[str | None, set[str]]:
    """The folded names of the placed spans, by their place's country: whether a country holds another name of
    the report is one look-up (:func:`coherent`, for all spans at once).

    With *countries* False, a country's own name is left out ("the war in Ukraine" names no place there).
    """
    out: dict[str | None, set[str]] = {}
    for y in placed:
        if y.place is not None and (countries or y.place.kind is not Kind.COUNTRY):
            out.setdefault(y.place.country_code, set()).add(y.folded)
    return out
