"""A village its tail's district holds only on paper: "San Jose, Las Navas, Northern Samar".

A tail holds a place by the gazetteer's admin path (:func:`~geoconflict.extraction.structure.holds`); a place
the gazetteer records with no second-level unit is "held" by every district of its first-level unit. When the
tail names, between the village and the district, a town inside the district (the municipality the village
belongs to, named after its seat: "barangay X, Municipality, Province", "vereda X, Municipio, Departamento"),
and the village's place lies outside the district's polygon, it is a namesake elsewhere in the region (a barangay
named San Jose is not the San Jose 150 km away that shares the region). :func:`hold_to_district` then gives the
span the namesake near that town, else the town itself, approximate. Without such a town the district's polygon
alone is not trusted: a coder's district may be another unit of its name, or a city's polygon stand for its
territory.

It runs after :func:`~geoconflict.extraction.structure.apply_structure` and reads only the spans, their places
and the characters between them (no memo holds its answers).
"""

from __future__ import annotations

from geoconflict.extraction.resolution_common import near_area
from geoconflict.extraction.spans import APPROXIMATE, Kind, Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.lang import en
from geoconflict.model import Place

__all__ = ["hold_to_district"]

#: A point within this many km of the district's polygon is inside it (a border village, a coarse polygon).
BORDER_KM = 5.0
#: The tail's names after the place: at most this many, each after a comma or a parenthesis.
MAX_TAIL = 3
#: A village is within this many km of the town its tail names for its municipality.
SEAT_KM = 25.0
#: Candidates of the village's name looked at in its country.
CANDIDATES = 50


def hold_to_district(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Move each settlement its tail's district holds only by the admin path, outside the district's polygon,
    to its namesake near the tail's town inside the district, else to that town (see the module).

    Examples
    --------
    >>> from geoconflict import extract, read_report
    >>> row = extract(read_report("Rebels ambushed a patrol in barangay San Jose, Las Navas, Northern Samar.",
    ...                           published="2019-03-02")).to_acled().iloc[0]
    >>> row["location"], int(row["geo_precision"])
    ('Las Navas', 2)
    """
    for i, x in enumerate(spans):
        p = x.place
        if p is None or p.kind is not Kind.POPULATED_PLACE or p.admin2 is not None or not x.fixed:
            continue
        tail = _tail(text, spans, i)
        district = next((y.place for y in tail if y.tail_unit and y.place is not None
                         and y.place.kind is Kind.ADMIN2 and y.place.geometry is not None), None)
        if district is None or _inside(district, p):
            continue
        towns = [y.place for y in tail if y.place is not None and y.place.kind is Kind.POPULATED_PLACE
                 and _inside(district, y.place)]
        if towns:
            _move(gaz, x, district, towns[0])


def _tail(text: str, spans: list[Span], i: int) -> list[Span]:
    """The spans right after ``spans[i]``, each after a comma or a parenthesis: its tail, innermost first."""
    tail: list[Span] = []
    end = spans[i].end
    for y in spans[i + 1:i + 1 + MAX_TAIL]:
        if not en.CONTAINER_GAP.fullmatch(text, end, y.start):
            break
        tail.append(y)
        end = y.end
    return tail


def _inside(district: Place, p: Place) -> bool:
    """Whether *p*'s point is within :data:`BORDER_KM` of *district*'s polygon (True without one)."""
    return district.geometry is None or near_area(district.geometry, p, km=BORDER_KM)


def _move(gaz: Gazetteer, x: Span, district: Place, seat: Place) -> None:
    """Give *x* its namesake inside *district* within :data:`SEAT_KM` of *seat* (the tail's town), else *seat*."""
    old = x.place
    near = [c for c in gaz.search(x.surface, kind=Kind.POPULATED_PLACE, country=district.country_code,
                                  limit=CANDIDATES)
            if _inside(district, c.place) and haversine_km(c.place.lat, c.place.lon, seat.lat, seat.lon) <= SEAT_KM]
    if near:
        place, why, approximate = near[0].place, f"{near[0].reason}; near {seat.name}, as the tail says", False
    else:
        place, approximate = seat, True
        why = f"{APPROXIMATE}: no {x.surface!r} near {seat.name} in the gazetteer; placed at the tail's town"
    if old is not None:
        x.candidates = (old, *x.candidates)
    x.place, x.approximate = place, x.approximate or approximate
    x.reason = f"{x.reason}; not {old.name if old else x.surface}, outside {district.name}'s polygon: {why}"
