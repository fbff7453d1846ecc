"""A part of a town: "the X district of Kherson", "the X district of the city".

A city's districts and neighbourhoods share their names with districts, towns and quarters of other
cities ("Dniprovskyi" is a district of Kherson, of Kyiv and of Kamianske, and the stem of the Dnipro raion).
When the text says the place is a part of a town, the town decides: :func:`in_town_parts` keeps a namesake
of the part in or near the town, and otherwise places the part at the town itself, flagged approximate
(the gazetteer holds few city districts; the town is the point a coder gives such an event). The town is
the settlement named right after "of", or, for "of the city" / "of the town", the last settlement the text
named before the part (a dateline's city, most often).

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> from geoconflict.model import Place
>>> from geoconflict.extraction.spans import Span
>>> text = "Kherson: shells hit the Korabelnyi district of the city."
>>> kherson = Place("Kherson", kind="populated_place", lat=46.64, lon=32.61, country_code="UA")
>>> far = Place("Korabelnyi", kind="populated_place", lat=46.97, lon=31.99, country_code="UA")
>>> spans = [Span(0, 7, "Kherson", "name", place=kherson), Span(24, 34, "Korabelnyi", "name", place=far)]
>>> in_town_parts(Gazetteer.default(), text, spans)
>>> spans[1].place.name, spans[1].approximate
('Kherson', True)
"""

from __future__ import annotations

import re

from geoconflict.extraction.resolution_common import NAME_MATCHES, search
from geoconflict.extraction.spans import APPROXIMATE, Kind, Span, contains
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place

__all__ = ["PART_REACH_KM", "in_town_parts"]

#: A part of a town lies within this many km of the town's point.
PART_REACH_KM = 25.0
#: Namesakes of a part looked at in the town's country.
PART_CANDIDATES = 20
#: "<X> district of " right after a name: the words for a part of a town, then "of" (group "anaphor": "the city").
_PART_OF = re.compile(
    r"\s+(?:(?:micro)?districts?|neighbou?rhoods?|quarters?|suburbs?|boroughs?)\s+of\s+"
    r"(?:the\s+(?P<anaphor>city|town)\b)?", re.IGNORECASE)
#: What a span names when it may be the town a part is of.
_TOWN_OR_UNIT = (Kind.POPULATED_PLACE, Kind.ADMIN1, Kind.ADMIN2)


def in_town_parts(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Place each span the text calls a part of a town in or at that town (see the module)."""
    for i, x in enumerate(spans):
        if x.place is None or x.fixed:
            continue
        m = _PART_OF.match(text, x.end)  # (one anchored match a span: most are followed by no part word)
        if m is None:
            continue
        y = _last_town(spans[:i]) if m.group("anaphor") else _span_at(spans[i + 1:], m.end())
        town = _as_town(gaz, y, x.place) if y is not None else None
        if town is None or _near(x.place, town) or _same_region_unit(x.place, town):
            continue
        there = _namesake_near(gaz, x.surface, town)
        x.candidates = (x.place, *x.candidates)
        x.fixed = True
        if there is not None:
            x.place = there
            x.reason = f"{x.reason}; its namesake in {town.name}, of which the text makes it a part"
        else:
            x.place, x.approximate = town, True
            x.reason = (f"{x.reason}; {APPROXIMATE}: a part of {town.name}, as the text says, which the gazetteer "
                        f"lacks; placed at the town")


def _span_at(later: list[Span], pos: int) -> Span | None:
    """The span that starts at *pos* ("… district of |Kherson"), if any."""
    return later[0] if later and later[0].start == pos else None


def _last_town(earlier: list[Span]) -> Span | None:
    """The last span placed at a settlement, or at a unit, before the part ("Kherson: … the X district of the
    city": a dateline's name may stand for its region until the later rules make it the town)."""
    for y in reversed(earlier):
        if y.place is not None and y.place.kind in _TOWN_OR_UNIT:
            return y
    return None


def _as_town(gaz: Gazetteer, y: Span, part: Place) -> Place | None:
    """The town span *y* names: its settlement, or, for a unit that does not hold *part* ("the X district of
    Kherson", X no district of the region), the unit's namesake town in it; None otherwise."""
    p = y.place
    if p is None or p.kind is Kind.POPULATED_PLACE:
        return p
    if p.kind not in _TOWN_OR_UNIT or contains(p, part):
        return None
    towns = [c for c in search(gaz, y.surface, kind=Kind.POPULATED_PLACE, country=p.country_code,
                               limit=PART_CANDIDATES) if c.reason.startswith(NAME_MATCHES) and contains(p, c.place)]
    return max(towns, key=lambda c: c.score).place if towns else None


def _near(p: Place, town: Place) -> bool:
    return p.country_code == town.country_code and float(
        haversine_km(p.lat, p.lon, town.lat, town.lon)) <= PART_REACH_KM


def _same_region_unit(p: Place, town: Place) -> bool:
    """Whether *p* is a district of the town's own region ("the Bucha district of Kyiv": the region's)."""
    return p.kind is Kind.ADMIN2 and p.country_code == town.country_code and p.admin1 == town.admin1


def _namesake_near(gaz: Gazetteer, name: str, town: Place) -> Place | None:
    """The best place of *name* within :data:`PART_REACH_KM` of *town*, if the gazetteer has one."""
    near = [c for c in search(gaz, name, country=town.country_code, limit=PART_CANDIDATES)
            if c.reason.startswith(NAME_MATCHES) and c.place.kind is not Kind.COUNTRY and _near(c.place, town)]
    return max(near, key=lambda c: c.score).place if near else None
