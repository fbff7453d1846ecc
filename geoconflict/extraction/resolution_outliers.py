"""The report's main area, and the weakly supported towns far from it: left unresolved (:func:`drop_outliers`)."""

from __future__ import annotations

import math

import numpy as np

from geoconflict.extraction.resolution_common import (
    AREA_NAMES,
    FAR_KM,
    NOT_A_PLACE,
    SMALL_TOWN_POPULATION,
    is_big,
    near_any,
    unplace,
)
from geoconflict.extraction.spans import Kind, Span
from geoconflict.gazetteer.distance import EARTH_RADIUS_KM
from geoconflict.model import Place

__all__ = ["drop_outliers"]

#: A small town alone in its country is no outlier within this many km of one of the main area's places
#: (a town just across a border).
OUTLIER_KM = 100.0
#: :func:`_far_from_a_big_place` reads reports of at most this many placed names (its work grows as their square).
FAR_RULE_MAX_PLACES = 40
#: How far (relative) from ``FAR_KM`` :func:`_km_bounds` must put a distance for :func:`_far_from_a_big_place`
#: to trust it; nearer, the distance is measured as :func:`near_any` measures it (rounding is some 1e-15).
_BOUND_MARGIN = 1e-9


def drop_outliers(spans: list[Span]) -> list[Span]:
    """Unplace weakly supported one-word towns far from the report's main area; drop the spans found no place.

    A small one-word town (fewer than ``SMALL_TOWN_POPULATION`` people) alone in its country is an outlier
    only relative to the report's main area: the country holding the most distinct names, at least
    ``AREA_NAMES`` (a report of two countries, one name each, keeps both), and the town more than
    ``OUTLIER_KM`` from all its places (a town just across the border is no outlier). An outlier
    stays among the spans without a place, its reason and candidates kept (an unresolved mention), so
    nothing the reader named vanishes; spans found to name no place (``NOT_A_PLACE``) are dropped.

    Examples
    --------
    >>> drop_outliers([])
    []
    """
    names: dict[str, set[str]] = {}
    for x in spans:
        if x.place is not None:
            names.setdefault(x.place.country_code or "", set()).add(x.folded)
    main = max(names, key=lambda cc: len(names[cc]), default="")
    if len(names.get(main, ())) >= AREA_NAMES:
        area: tuple[np.ndarray, np.ndarray] | None = None  # the main area's points, made when first measured against
        far: dict[Place, bool] = {}  # (each place measured once: a name repeated is one question)
        for x in spans:
            p = x.place
            if (p is None or p.kind is not Kind.POPULATED_PLACE or " " in x.surface
                    or (p.population or 0) >= SMALL_TOWN_POPULATION or len(names[p.country_code or ""]) != 1):
                continue
            if p not in far:
                area = area or _points(spans, main)
                far[p] = not near_any(p, area[0], area[1], OUTLIER_KM)
            if far[p]:
                unplace(x, f"a small town alone in {p.country_code}, far from the report's main area", outlier=True)
    _far_from_a_big_place(spans)
    return [x for x in spans if x.place is not None or NOT_A_PLACE not in x.reason]


def _points(spans: list[Span], country: str) -> tuple[np.ndarray, np.ndarray]:
    """The latitudes and longitudes of the distinct points of the places of *country* ("" for none)."""
    points = {(x.place.lat, x.place.lon) for x in spans if x.place is not None and (x.place.country_code or "") == country}
    return np.array([q[0] for q in points]), np.array([q[1] for q in points])


def _far_from_a_big_place(spans: list[Span]) -> None:
    """A small one-word town more than ``FAR_KM`` from every other place of a report that names a big one.

    Whatever its country, a village of few people (fewer than ``SMALL_TOWN_POPULATION``, or of no known
    population) named by one word, a thousand km from all the report's other places while the report names
    a big place (a first-level unit or a big town; a country, often a party, counts neither as the big place
    nor as a place the town is far from), is a far namesake of a word (a station's, a building's name): it
    is left unresolved, with its candidates, and the report's events stay at its other places. Only in a
    report of at most ``FAR_RULE_MAX_PLACES`` placed names (a note, a wire story): each town is measured
    against all the others.

    Most towns have another place well within ``FAR_KM``, or all well beyond: bounds on the distance made
    without the haversine (:func:`_km_bounds`) say so at once, and only a town they leave in doubt is measured
    as :func:`_far_from_a_big_place_plain`, the plain form, measures it (``tests/test_places_fast.py`` holds
    the two equal).
    """
    placed = [x for x in spans if x.place is not None and x.place.kind is not Kind.COUNTRY]
    if not 2 <= len(placed) <= FAR_RULE_MAX_PLACES or not any(is_big(x.place) for x in placed if x.place is not None):
        return
    near_km, far_km = FAR_KM * (1 - _BOUND_MARGIN), FAR_KM * (1 + _BOUND_MARGIN)
    for x in placed:
        p = x.place
        if _not_small_town(x, p):
            continue
        assert p is not None  # (_not_small_town says so)
        phi = math.radians(p.lat)
        others = near = doubt = False  # another place not of x's name; one surely near; one in doubt
        for y in placed:
            q = y.place
            if q is None or q is p or y.folded == x.folded:
                continue
            low, high = _km_bounds(phi, p.lon, q.lat, q.lon)
            if high < near_km and q == p:
                continue
            others = True
            if high < near_km:
                near = True
                break
            doubt = doubt or low <= far_km
        if others and not near and not (doubt and _near_other(x, p, placed)):
            unplace(x, f"a small town more than {FAR_KM:.0f} km from all the report's other places", outlier=True)


def _not_small_town(x: Span, p: Place | None) -> bool:
    """Whether *x* (at *p*) is no small one-word town, free to move, that :func:`_far_from_a_big_place` may leave
    unresolved."""
    return (p is None or p.kind is not Kind.POPULATED_PLACE or " " in x.surface or x.fixed
            or (p.population or 0) >= SMALL_TOWN_POPULATION)


def _near_other(x: Span, p: Place, placed: list[Span]) -> bool:
    """Whether *p* is within ``FAR_KM`` of a place of *placed* but *p* and those of *x*'s name, measured as
    :func:`near_any` measures (the plain form's test; there is one such place)."""
    others = {(y.place.lat, y.place.lon) for y in placed
              if y.place is not None and y.place != p and y.folded != x.folded}
    lat, lon = np.array([q[0] for q in others]), np.array([q[1] for q in others])
    return near_any(p, lat, lon, FAR_KM)


def _km_bounds(phi1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """Bounds (km) on the great-circle distance from latitude *phi1* (radians), *lon1* to *lat2*, *lon2* (degrees).

    At least the distance along a meridian between the two latitudes; at most that plus the way along the
    parallel of the point nearer a pole (a path from one point to the other: the great circle is no longer).

    Examples
    --------
    >>> low, high = _km_bounds(math.radians(50.45), 30.52, 49.99, 36.23)  # Kyiv to Kharkiv: 409.4 km
    >>> round(low, 1) <= 409.4 <= round(high, 1)
    True
    """
    phi2 = math.radians(lat2)
    dlon = abs(lon2 - lon1) % 360.0
    along = min(math.cos(phi1), math.cos(phi2)) * math.radians(min(dlon, 360.0 - dlon))
    low = EARTH_RADIUS_KM * abs(phi2 - phi1)
    return low, low + EARTH_RADIUS_KM * along


def _far_from_a_big_place_plain(spans: list[Span]) -> None:
    """:func:`_far_from_a_big_place` as first written, every town measured with numpy: its reference."""
    placed = [x for x in spans if x.place is not None and x.place.kind is not Kind.COUNTRY]
    if not 2 <= len(placed) <= FAR_RULE_MAX_PLACES or not any(is_big(x.place) for x in placed if x.place is not None):
        return
    for x in placed:
        p = x.place
        if _not_small_town(x, p):
            continue
        assert p is not None
        others = {(y.place.lat, y.place.lon) for y in placed
                  if y.place is not None and y.place != p and y.folded != x.folded}
        if not others:
            continue
        lat, lon = np.array([q[0] for q in others]), np.array([q[1] for q in others])
        if not near_any(p, lat, lon, FAR_KM):
            unplace(x, f"a small town more than {FAR_KM:.0f} km from all the report's other places", outlier=True)
