"""The report's areas as constraints: a settlement is its namesake in a district or region the report names.

A common village name has dozens of namesakes, too many for the context's candidates to hold the one in
the report's area; these rules search a settlement's namesakes inside the units the report names (or its
other places lie in), and keep a village at an approximate point (a codifier village at its hromada's
centre) only where the report names its area.
"""

from __future__ import annotations

from geoconflict.extraction.resolution_common import (
    NAME_MATCHES,
    big_by_own_name,
    coherent,
    is_small,
    name_candidates,
    named_units,
    search,
    unplace,
)
from geoconflict.extraction.spans import Kind, Span
from geoconflict.extraction.toponyms import common_word
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import Place
from geoconflict.text.normalize import parse_query

__all__ = ["approximate_in_its_area", "in_named_district", "in_named_region"]

#: A settlement's namesakes looked at for one in a district the report names (a common village name has
#: a hundred in one country).
DISTRICT_CANDIDATES = 300
#: How :func:`~geoconflict.text.normalize.parse_query` names a second-level unit's kind (an enum's ``value`` is a
#: property: read once, not per span).
_ADMIN2_KIND = Kind.ADMIN2.value


def in_named_district(gaz: Gazetteer, placed: list[Span]) -> None:
    """A settlement of a report that names a district ("Novoselivka in Kramatorsk Raion") is its namesake there.

    The district is a mention with a district's descriptor, or an admin-2 unit; a settlement not in a named
    district takes its namesake in one (with its own point first), when the gazetteer has one.
    """
    if not any(x.place is not None and x.place.kind is Kind.POPULATED_PLACE and not x.fixed for x in placed):
        return  # (no settlement to move)
    districts: set[tuple[str | None, str]] = set()
    for y in placed:
        q = y.place
        if q is not None and (q.kind is Kind.ADMIN2 or parse_query(y.surface).kind == _ADMIN2_KIND):
            districts.add((q.country_code, q.name if q.kind is Kind.ADMIN2 else q.admin2 or ""))
    if not districts:
        return
    ccs = sorted({cc for cc, _ in districts if cc})
    for x in placed:
        p = x.place
        if (p is None or p.kind is not Kind.POPULATED_PLACE or x.fixed
                or (p.country_code, p.admin2 or "") in districts or parse_query(x.surface).kind is not None):
            continue
        there = [c for cc in ccs for c in search(gaz, x.surface, kind=Kind.POPULATED_PLACE, country=cc,
                                                 limit=DISTRICT_CANDIDATES)
                 if c.reason.startswith(NAME_MATCHES) and (c.place.country_code, c.place.admin2 or "") in districts]
        if there:
            best = min(there, key=lambda c: (c.place.approximate, -c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; its namesake in {best.place.admin2}, a district the report names"


def in_named_region(gaz: Gazetteer, placed: list[Span], hinted: set[tuple[str | None, str]] | None = None) -> None:
    """A small settlement outside the report's first-level units is its namesake in one of them, if any.

    The report's units are those it names, those of its other places with their own point, and the
    *hinted* (country, name) units its actors report from. A common
    village name has dozens of namesakes, too many for the context's candidates to hold the one in the
    report's region: "Pavlivka" in a report on Donetsk is the Pavlivka of Donetsk Oblast (one with its
    own point first), not the most populous Pavlivka of another oblast.
    """
    movable = [x for x in placed if x.place is not None and x.place.kind is Kind.POPULATED_PLACE and not x.fixed
               and (is_small(x.place) or (hinted and not big_by_own_name(x)))]
    if not movable:  # (what each reads is its own: a span moved before does not change another's)
        return
    regions = _ReportRegions(placed, hinted or set())
    if not regions.countries:
        return
    for x in movable:
        p = x.place
        own = x.folded
        if (p is None or not regions.may_hold(own) or regions.holds(p, own)
                or parse_query(x.surface).kind is not None):
            continue
        there = [c for cc in regions.countries for c in search(gaz, x.surface, kind=Kind.POPULATED_PLACE,
                                                                 country=cc, limit=DISTRICT_CANDIDATES)
                 if c.reason.startswith(NAME_MATCHES) and regions.holds(c.place, own)]
        if there:
            best = min(there, key=lambda c: (c.place.approximate, -c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; its namesake in {best.place.admin1}, where the report's places are"


class _ReportRegions:
    """The first-level units a report names, and those its places with their own point lie in (by name)."""

    def __init__(self, placed: list[Span], hinted: set[tuple[str | None, str]]) -> None:
        self.named: set[tuple[str | None, str]] = set(hinted)
        self.holders: dict[tuple[str | None, str], set[str]] = {}
        for y in placed:
            q = y.place
            if q is None:
                continue
            if q.kind is Kind.ADMIN1:
                self.named.add((q.country_code, q.name))
            elif q.kind is Kind.POPULATED_PLACE and q.admin1 and not q.approximate:
                self.holders.setdefault((q.country_code, q.admin1), set()).add(y.folded)
        self.countries = sorted({cc for cc, _ in (*self.named, *self.holders) if cc})

    def may_hold(self, own: str) -> bool:
        """Whether some place may lie in one of the units, not counting the places named *own*: a unit named, or
        one holding a place of another name (else :meth:`holds` is False for every place, and no namesake is
        searched)."""
        return bool(self.named) or any(names - {own} for names in self.holders.values())

    def holds(self, p: Place, own: str) -> bool:
        """Whether *p* lies in one of the units, not counting the places named *own* (a name never supports itself)."""
        key = (p.country_code, p.admin1 or "")
        return key in self.named or bool(self.holders.get(key, set()) - {own})


def approximate_in_its_area(gaz: Gazetteer, placed: list[Span],
                            hinted: set[tuple[str | None, str]] | None = None) -> None:
    """A settlement at an approximate point (a codifier village at its hromada's centre) needs its area named.

    Dozens of villages share a name, and one of them is not the report's without evidence. Such a
    village stays the mention's place when the report names its district; when it names only its
    first-level unit (or another place, with its own point, in that unit), a namesake with its own
    point in that unit comes first. Without either, the mention is the best namesake with its own
    point in the village's country (or abroad, when the report names nothing else in that country);
    without one, a village named by a common English word ("Step") is no place.
    The *hinted* units (those the report's actors report from) count as named.
    """
    approximate = [x for x in placed if x.place is not None and x.place.approximate and not x.fixed
                   and x.place.kind is Kind.POPULATED_PLACE]
    if not approximate:
        return
    units = named_units(placed) | (hinted or set())
    for x in approximate:
        p = x.place
        if p is None or (p.country_code, p.admin2 or "") in units:
            continue
        exact = [c for c in name_candidates(gaz, x.surface)
                 if not c.place.approximate and c.place.kind is Kind.POPULATED_PLACE
                 and c.reason.startswith(NAME_MATCHES) and c.place.country_code == p.country_code]
        if (p.country_code, p.admin1 or "") in units:
            exact = [c for c in exact if c.place.admin1 == p.admin1]
            why = f"a namesake with its own point in {p.admin1}, where the report names no district"
        else:
            if not exact and not coherent(x, placed):
                exact = [c for c in name_candidates(gaz, x.surface) if not c.place.approximate
                         and c.place.kind is Kind.POPULATED_PLACE and c.reason.startswith(NAME_MATCHES)]
            why = f"a namesake with its own point: the report names no area of the approximate {p.name}"
        if exact:
            x.candidates = (p, *x.candidates)
            x.place, x.score = exact[0].place, exact[0].score
            x.reason = f"{x.reason}; {why} ({p.admin2 or p.admin1})"
        elif (p.country_code, p.admin1 or "") not in units and common_word(x.surface):
            unplace(x, f"a common English word, and the report names no area of the approximate {p.name}")
