"""Bare names of units after resolution: a region's name is its town, unless the report names "<name> region".

:func:`apply_town_rule` (a bare name resolved to a region or district is its namesake town),
:func:`apply_region_rule` (a bare town is the region when the report names "<name> region") and
:func:`check_containment` ("X in the Y region": an X not in Y is a wrong guess).
"""

from __future__ import annotations

from geoconflict.extraction.resolution_common import NAME_MATCHES, TOWN_CANDIDATES, UNITS, search
from geoconflict.extraction.spans import Span, contains
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.lang import en
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold, parse_query

__all__ = ["apply_region_rule", "apply_town_rule", "check_containment"]

#: How far before a name "region of" is looked for; how far after it "<name> region" (the longest descriptor
#: with its space, and more); how far before and after a town's name its context.
REGION_OF_WINDOW = 20
REGION_NAMED_WINDOW = 14
CITY_OF_WINDOW = 14
CITY_AFTER_WINDOW = 6
CITY_BEFORE_WINDOW = 30
#: "X in the Y region": at most this many characters between X and Y.
CONTAINMENT_GAP = 30


def apply_town_rule(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """A bare name resolved to a region or district is its namesake town, unless a descriptor follows.

    A district named with its word ("Kupiansk Raion", "Kanbalu district") is no bare name: it stays the
    district. (A first-level unit with its word, "Odesa region", stays its namesake capital, the point a
    coder gives an event told only by its region.)
    """
    for x in spans:
        p = x.place
        if (p is None or p.kind not in UNITS or x.descriptor is not None or x.fixed
                or parse_query(x.surface).kind == PlaceKind.ADMIN2.value):
            continue
        if en.REGION_AFTER.match(text, x.end) or en.REGION_OF.search(text[max(0, x.start - REGION_OF_WINDOW):x.start]):
            continue
        for c in search(gaz, x.surface, kind=PlaceKind.POPULATED_PLACE, country=p.country_code,
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
    inside = town.admin1 == unit.name if unit.kind is PlaceKind.ADMIN1 else town.admin2 == unit.name or (
        town.admin1 == unit.admin1 and (fold(town.name) == fold(x.surface) or c.reason.startswith(NAME_MATCHES)))
    if not inside:
        return False
    return fold(x.surface) in (fold(town.name), *[fold(w) for w in town.name.split()]) or c.reason.startswith(
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
        if p is not None and p.kind is PlaceKind.ADMIN1 and en.REGION_NAMED.match(
                text[x.end:x.end + REGION_NAMED_WINDOW]):
            regions.setdefault(fold(x.surface), (p, x.start))
    for x in spans:
        p = x.place
        if p is None or p.kind is not PlaceKind.POPULATED_PLACE or x.fixed:
            continue
        region, first = regions.get(fold(x.surface), (None, 0))
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


def check_containment(text: str, spans: list[Span]) -> None:
    """ "X in the Y region": a resolved X that is not inside Y is a wrong guess; leave X unresolved."""
    for x, y in zip(spans, spans[1:]):
        if x.place is None or y.place is None or y.start - x.end > CONTAINMENT_GAP:
            continue
        if not en.IN_REGION.fullmatch(text, x.end, y.start):
            continue
        outer, inner = y.place, x.place
        if outer.kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1) or inner.kind is outer.kind:
            continue
        if contains(outer, inner):
            continue
        x.reason = (f"{x.reason}; rejected {inner.name} ({inner.admin1}, {inner.country_code}): the text places "
                    f"it in {outer.name}, and no '{x.surface}' there is in the gazetteer")
        x.candidates = (inner, *x.candidates)
        x.place = None
        x.score = None
