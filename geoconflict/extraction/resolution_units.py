"""Bare names of units after resolution: a region's name is its town, unless the report names "<name> region".

:func:`apply_town_rule` (a bare name resolved to a region or district is its namesake town),
:func:`apply_region_rule` (a bare town is the region when the report names "<name> region") and
:func:`check_containment` ("X in the Y region": an X not in Y is a wrong guess).
"""

from __future__ import annotations

from geoconflict.extraction.resolution_common import NAME_MATCHES, TOWN_CANDIDATES, UNITS, search, unplace
from geoconflict.extraction.spans import Kind, Span, contains
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.lang import en
from geoconflict.model import Place
from geoconflict.text.normalize import fold, parse_query

__all__ = ["apply_region_rule", "apply_town_rule", "check_containment"]

#: How far before a name "region of" is looked for; how far after it "<name> region" (the longest descriptor
#: with its space, and more); how far before and after a town's name its context.
REGION_OF_WINDOW = 20
REGION_NAMED_WINDOW = 14
CITY_OF_WINDOW = 14
CITY_AFTER_WINDOW = 6
CITY_BEFORE_WINDOW = 30
#: The kinds a name's own descriptor says ("Kupiansk Raion", "Sagaing Region"): such a name is no bare name.
_WITH_ITS_WORD = (Kind.ADMIN1.value, Kind.ADMIN2.value)
#: "X in the Y region": at most this many characters between X and Y.
CONTAINMENT_GAP = 30
#: "X in Y" of a town Y: X is in Y's first-level unit or this near it (km); X's namesakes looked at in Y's country.
TOWN_REACH_KM = 100.0
TOWN_IN_CANDIDATES = 20


def apply_town_rule(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """A bare name resolved to a region or district is its namesake town, unless a descriptor follows.

    A unit named with its word ("Kupiansk Raion", "Kanbalu district", "Sagaing Region"), in the name or
    after it, is no bare name: it stays the unit. (An event told only by its first-level unit is placed at
    the unit's capital: :func:`~geoconflict.extraction.resolution_common.region_at_seat`.)
    """
    for x in spans:
        p = x.place
        if (p is None or p.kind not in UNITS or x.descriptor is not None or x.fixed
                or parse_query(x.surface).kind in _WITH_ITS_WORD):
            continue
        if en.REGION_AFTER.match(text, x.end) or en.REGION_OF.search(text[max(0, x.start - REGION_OF_WINDOW):x.start]):
            continue
        for c in search(gaz, x.surface, kind=Kind.POPULATED_PLACE, country=p.country_code,
                         limit=TOWN_CANDIDATES):
            if _namesake_town(x, p, c):
                x.candidates = (p, *x.candidates)
                x.place = c.place
                x.reason = (f"{x.reason}; taken as the town {c.place.name}: a bare name, no "
                            f"'region'/'district' after it")
                break


def _namesake_town(x: Span, unit: Place, c: Candidate) -> bool:
    """Whether candidate *c* is a town in *unit* that the bare name of *x* names.

    A district's town is in it, or in its first-level unit under the district's name: its own name, or
    another of its names that the mention spells ("Maarat al-Numan", a district and its seat).
    """
    town = c.place
    inside = town.admin1 == unit.name if unit.kind is Kind.ADMIN1 else town.admin2 == unit.name or (
        town.admin1 == unit.admin1 and (fold(town.name) == x.folded or c.reason.startswith(NAME_MATCHES)))
    if not inside:
        return False
    return x.folded in (fold(town.name), *[fold(w) for w in town.name.split()]) or c.reason.startswith(
        NAME_MATCHES)


def apply_region_rule(text: str, spans: list[Span], body_start: int) -> None:
    """A bare name is the region when the report also names "<name> region".

    Parameters
    ----------
    text : str
        The report's text.
    spans : list of Span
        The resolved spans; a bare town's span whose region the report names becomes that region.
    body_start : int
        Where the body starts: in the body, a mention before the report names "<name> region" stays the town.
    """
    regions: dict[str, tuple[Place, int]] = {}
    for x in spans:
        p = x.place
        if p is not None and p.kind is Kind.ADMIN1 and en.REGION_NAMED.match(
                text[x.end:x.end + REGION_NAMED_WINDOW]):
            regions.setdefault(x.folded, (p, x.start))
    for x in spans:
        p = x.place
        if p is None or p.kind is not Kind.POPULATED_PLACE or x.fixed:
            continue
        region, first = regions.get(x.folded, (None, 0))
        if region is None or p.admin1 != region.name or (x.start < first and x.start >= body_start):
            continue
        if _told_as_town(text, x):
            continue
        x.candidates = (p, *x.candidates)
        x.place = region
        x.reason = f"{x.reason}; taken as {region.name}: '{x.surface} region' is named in the same report"


def _told_as_town(text: str, x: Span) -> bool:
    """Whether the words around *x* say it is the town ("the city of X", "X's mayor", "entered X")."""
    before = text[max(0, x.start - CITY_OF_WINDOW):x.start].lower()
    after = text[x.end:x.end + CITY_AFTER_WINDOW].lower()
    if en.CITY_OF.search(before) or after.startswith(en.CITY_AFTER_PREFIX):
        return True
    return bool(en.CITY_BEFORE.search(text[max(0, x.start - CITY_BEFORE_WINDOW):x.start])
                or en.CITY_AFTER.match(text, x.end))


def check_containment(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """ "X in the Y region": a resolved X that is not inside Y is a wrong guess; leave X unresolved.

    "X in Y" of a town Y ("Mansura in Ar-Raqqa", "Saida town in Ar Raqqa countryside") says the same:
    see :func:`_in_town`.
    """
    for x, y in zip(spans, spans[1:]):
        if x.place is None or y.place is None or y.start - x.end > CONTAINMENT_GAP:
            continue
        if y.place.kind is Kind.POPULATED_PLACE and not x.fixed and en.IN_TOWN.fullmatch(text, x.end, y.start):
            _in_town(gaz, x, y.place)
            continue
        if not en.IN_REGION.fullmatch(text, x.end, y.start):
            continue
        outer, inner = y.place, x.place
        if outer.kind not in (Kind.COUNTRY, Kind.ADMIN1) or inner.kind is outer.kind:
            continue
        if contains(outer, inner):
            continue
        x.reason = (f"{x.reason}; rejected {inner.name} ({inner.admin1}, {inner.country_code}): the text places "
                    f"it in {outer.name}, and no '{x.surface}' there is in the gazetteer")
        x.candidates = (inner, *x.candidates)
        x.place = None
        x.score = None


def _in_town(gaz: Gazetteer, x: Span, town: Place) -> None:
    """ "X in Y", Y a town: X is in Y's first-level unit or within ``TOWN_REACH_KM`` of it ("in Raqqa" is the
    city or its governorate); a place of X's name there, else none (X stays a mention, unresolved).

    A namesake of X across the country or abroad ("Mansura" in Egypt, "Saida" in Lebanon) is a wrong guess
    when the text says where X is.
    """
    p = x.place
    if p is None or p.kind not in (Kind.POPULATED_PLACE, *UNITS) or _near_town(p, town):
        return
    there = [c for c in search(gaz, x.surface, country=town.country_code, limit=TOWN_IN_CANDIDATES)
             if c.reason.startswith(NAME_MATCHES) and _near_town(c.place, town)]
    if there:
        best = max(there, key=lambda c: c.score)
        x.candidates = (p, *x.candidates)
        x.place, x.score = best.place, best.score
        x.reason = f"{x.reason}; its namesake in or near {town.name}, where the text places it: {best.reason}"
    else:
        unplace(x, f"the text places it in {town.name}, and no '{x.surface}' in or near it is in the gazetteer",
                outlier=True)


def _near_town(p: Place, town: Place) -> bool:
    """Whether *p* is in *town*'s first-level unit or within ``TOWN_REACH_KM`` of it."""
    if p.country_code == town.country_code and p.admin1 is not None and (
            p.admin1 == town.admin1 or (p.kind is Kind.ADMIN1 and p.name == town.admin1)):
        return True
    return float(haversine_km(p.lat, p.lon, town.lat, town.lon)) <= TOWN_REACH_KM
