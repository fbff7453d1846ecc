"""Context that cannot be hijacked: the guards run on a report's spans after the context resolver.

A big place keeps its own best reading against small places named without evidence, a lone far town is
pulled to the report's area or to the country of the units it names, words side by side are one name the
gazetteer lacks, another name unlike the place's own needs evidence; then the area rules of
:mod:`~geoconflict.extraction.resolution_areas` (a settlement is its namesake in a district or region the
report names).
"""

from __future__ import annotations

import numpy as np

from geoconflict.extraction.resolution_actors import hinted_regions, pull_to_actors
from geoconflict.extraction.resolution_areas import (
    approximate_in_its_area,
    in_named_district,
    in_named_region,
)
from geoconflict.extraction.resolution_common import (
    AREA_NAMES,
    FAR_KM,
    LONGER_NAME,
    NAME_MATCHES,
    OTHER_NAME_MATCH,
    OWN_NAME_MATCH,
    TOWN_CANDIDATES,
    UNITS,
    big_by_own_name,
    coherent,
    is_big,
    is_small,
    is_town,
    names_by_country,
    near_any,
    other_name,
    search,
    unplace,
)
from geoconflict.extraction.spans import Kind, Span, contains
from geoconflict.extraction.structure import names_region
from geoconflict.extraction.toponyms import common_word, has_evidence
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.lang import en
from geoconflict.model import Place
from geoconflict.text.normalize import fold

__all__ = ["guard_context"]

#: Places a report's area is named by (never pulled to another country).
_AREAS = (Kind.COUNTRY, Kind.ADMIN1)
#: A word of a capitalised run stays a place of its own only this near (km) another of the report's places.
PARTS_NEAR_KM = 300.0
#: Units whose naming pulls a lone town of another country to their own (:func:`_pull_to_named_unit`).
_NAMED_UNITS = (Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2)


def guard_context(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Context that cannot be hijacked: weak mentions do not drag a strong one away; other names need support.

    A name whose own best place is big (a country, a unit, a town of ``BIG_PLACE_POPULATION``) but which the
    context took to another country more than ``FAR_KM`` away keeps its own best place when all that
    supported the move are small places named without evidence (a surname's homonym in Texas does not take
    "Odessa" there); those small places then need a place where the report's other places are. A name taken
    by another of the place's names unlike its own ("Molotov" for Perm) without evidence is a place only
    where the report's other places are.
    """
    placed = [x for x in spans if x.place is not None]
    for x, movers in _lone_strong(text, placed):
        p = x.place
        own = search(gaz, x.surface, limit=1)
        if not own or p is None or own[0].place.country_code == p.country_code or not is_big(own[0].place):
            continue
        if haversine_km(own[0].place.lat, own[0].place.lon, p.lat, p.lon) < FAR_KM or _common_unit(text, x):
            continue
        x.candidates = (p, *x.candidates)
        x.place, x.score = own[0].place, own[0].score
        x.reason = f"{own[0].reason}; kept its own best place: only small places named without evidence pulled it away"
        for y in movers:
            unplace(y, f"a small place named without evidence, far from {own[0].place.name}")
    _big_city_by_its_name(gaz, placed)
    _parts_of_one_name(text, placed)
    pull_to_actors(gaz, text, placed)
    _pull_to_area(gaz, text, placed)
    _pull_to_named_unit(gaz, placed)
    _one_town_per_name(gaz, placed)
    in_named_district(gaz, placed)
    hinted = hinted_regions(gaz, text) if _loose_settlement(placed) else set()
    in_named_region(gaz, placed, hinted)
    approximate_in_its_area(gaz, placed, hinted)
    for x in placed:
        if x.place is not None and other_name(x) and not has_evidence(text, x) and not coherent(x, placed):
            unplace(x, f"'{x.surface}' is another name of {x.place.name}, named without evidence, alone in its country")


def _loose_settlement(placed: list[Span]) -> bool:
    """Whether a span of *placed* is a settlement not fixed: the only kind :func:`in_named_region` and
    :func:`approximate_in_its_area` move (without one, neither reads the hinted units: not looked for)."""
    return any(x.place is not None and x.place.kind is Kind.POPULATED_PLACE and not x.fixed for x in placed)


def _common_unit(text: str, x: Span) -> bool:
    """Whether *x* is a common word named as a unit by the word after it ("Northern state", "Central
    region"), placed by the context at a unit: its own best place is one of many namesakes, no better."""
    return x.place is not None and x.place.kind in UNITS and common_word(x.surface) and bool(
        en.REGION_AFTER.match(text, x.end))


def _big_city_by_its_name(gaz: Gazetteer, placed: list[Span]) -> None:
    """A big city named by its own name is not a lesser namesake of another country spelled its way, named nowhere else.

    The context may take "Kaluga" to Kaluha, a village of Ukraine that also goes by that spelling, because
    the report names Ukraine (a party, not a place where its events are). A name whose own best place is a
    town of ``BIG_PLACE_POPULATION`` matched by its own name keeps it, when the context's choice is a place
    of another country, not big, matched by another of its names, and the report names no other place (but
    the country itself) there.
    """
    names: dict[str | None, set[str]] | None = None
    for x in placed:
        p = x.place
        if p is None or x.fixed or OTHER_NAME_MATCH not in x.reason or is_big(p):
            continue
        names = names_by_country(placed, countries=False) if names is None else names
        if names.get(p.country_code, set()) - {x.folded}:
            continue
        own = search(gaz, x.surface, limit=1)
        if (own and own[0].reason.startswith(NAME_MATCHES[0]) and own[0].place.kind is Kind.POPULATED_PLACE
                and is_big(own[0].place) and own[0].place.country_code != p.country_code):
            x.candidates = (p, *x.candidates)
            x.place, x.score = own[0].place, own[0].score
            x.reason = (f"{x.reason}; kept its own best place, a city by its own name: only the name of "
                        f"{p.country_code} supported a village spelled so there")


def _strength(x: Span) -> int:
    """How surely *x* names where a report is: a first- or second-level unit 2, a is_big town by a name 1, else 0.

    Between two countries naming as many places, the stronger is the report's area (:func:`_pull_to_area`);
    a country's own name is no such evidence (a party to the war: "troops from Ukraine"), nor a unit's name
    that is also a common word ("Grad" rockets).
    """
    p = x.place
    if p is None or x.surface.isupper():  # an acronym ("SWAT") names no unit
        return 0
    if p.kind in UNITS:
        return 0 if common_word(x.surface) else 2
    return int(p.kind is Kind.POPULATED_PLACE and is_big(p)
               and (OWN_NAME_MATCH in x.reason or OTHER_NAME_MATCH in x.reason))


def _parts_of_one_name(text: str, placed: list[Span]) -> None:
    """Names side by side in one capitalised run ("Tal Tamer") are words of one name the gazetteer lacks.

    Each word's place is only a namesake of that word: it stays when another name of the report has a
    place in its country within ``PARTS_NEAR_KM`` (it may be a list without commas, of places of one area:
    not "Tal" of "Tal Tamer" at a namesake 500 km from the report's other places), or when it is a is_big
    town spelled as it is,
    else it is an outlier, left unresolved. Only towns side by side are one name: a town then a unit
    ("Maiduguri Borno State") says where the town is.
    """
    ordered = sorted(placed, key=lambda y: y.start)
    joined: set[int] = set()
    for x, y in zip(ordered, ordered[1:]):
        if (y.start == x.end + 1 and text[x.end] == " " and is_town(x) and is_town(y)):
            joined.update((id(x), id(y)))
    if not joined:
        return
    parts = [x for x in ordered if id(x) in joined and not x.fixed
             and not (big_by_own_name(x) and x.place is not None and x.place.name.casefold() == x.surface.casefold())]
    others: dict[str | None, list[Span]] = {}  # the other spans, by country
    for y in placed:
        if y.place is not None and id(y) not in joined:
            others.setdefault(y.place.country_code, []).append(y)
    for x in parts:
        p = x.place
        near = [y.place for y in others.get(p.country_code, []) if y.place is not None
                and y.folded != x.folded] if p is not None else []
        if p is not None and not (near and near_any(p, np.array([q.lat for q in near]),
                                                    np.array([q.lon for q in near]), PARTS_NEAR_KM)):
            unplace(x, f"'{x.surface}' is {LONGER_NAME}", outlier=True)


def _pull_to_area(gaz: Gazetteer, text: str, placed: list[Span]) -> None:
    """A town alone in its country, far from the report's area, not is_big by its own name: its namesake there or none.

    The country of most of the report's names is its area when it holds two of them, or a unit (a
    country, a first-level unit) the report names; between countries naming as many, the one of the
    stronger name (:func:`_strength`: a unit, then a is_big town) is. The lone town (:func:`_pullable`), more than ``FAR_KM`` from
    all the area's places, is its namesake there if the gazetteer has one, else no place (a far homonym is
    worse than none: the event falls back to the area's places).
    """
    if len({x.place.country_code for x in placed if x.place is not None}) < 2:
        return
    names: dict[str | None, set[str]] = {}
    units: set[str | None] = set()
    strength: dict[str | None, int] = {}
    for x in placed:
        if x.place is not None:
            cc = x.place.country_code
            names.setdefault(cc, set()).add(x.folded)
            if x.place.kind in _AREAS:
                units.add(cc)
            strength[cc] = max(strength.get(cc, 0), _strength(x))
    if len(names) < 2:
        return
    ranked = sorted(names, key=lambda cc: (len(names[cc]), strength[cc]), reverse=True)
    area = ranked[0]
    if (len(names[area]), strength[area]) == (len(names[ranked[1]]), strength[ranked[1]]) or (
            len(names[area]) < AREA_NAMES and area not in units and not strength[area]):
        return
    points = {(x.place.lat, x.place.lon) for x in placed if x.place is not None and x.place.country_code == area}
    area_lat, area_lon = np.array([p[0] for p in points]), np.array([p[1] for p in points])
    for x in placed:
        p = x.place
        if (p is None or p.country_code == area or x.fixed or len(names[p.country_code]) != 1
                or not _pullable(text, x, len(names[area])) or near_any(p, area_lat, area_lon)):
            continue
        found = [c for c in search(gaz, x.surface, country=area, limit=1) if c.reason.startswith(NAME_MATCHES)]
        if found:
            x.candidates = (p, *x.candidates)
            x.place, x.score = found[0].place, found[0].score
            x.reason = f"{x.reason}; pulled to {area}, where the report's other places are: {found[0].reason}"
        else:
            unplace(x, f"alone in {p.country_code}, far from the report's places in {area}, none of its name there",
                     outlier=True)


def _pullable(text: str, x: Span, area_names: int) -> bool:
    """Whether *x*'s place, alone in its country far from the report's area of *area_names* names, may be moved.

    Not a country, nor a is_big town by its own name; a first-level unit only when its name is also a
    common word ("Grad" rockets) or the area holds ``AREA_NAMES`` names or more (a bare "Colonia" among
    three Mexican places is no Uruguayan department), and never one named as such, with its word or closing a
    tail ("Yangon region", "(Huila)": :func:`~geoconflict.extraction.structure.names_region`), whatever
    namesakes of other words are elsewhere.
    """
    p = x.place
    if p is None or p.kind is Kind.COUNTRY:
        return False
    if p.kind is Kind.ADMIN1:  # (never one named with its word: "Yangon region")
        return not names_region(text, x) and (
            common_word(x.surface) or area_names >= AREA_NAMES)
    return not big_by_own_name(x)


def _pull_to_named_unit(gaz: Gazetteer, placed: list[Span]) -> None:
    """A town alone in its country, in a report whose named units (country, admin1, admin2) are all of one other country.

    A careful reader takes "Oba ... (Anambra)" for the Oba of Anambra's country: the unit the report
    names is stronger evidence than a namesake's population. The lone town (not is_big by its own name,
    more than ``FAR_KM`` from every named unit) becomes its namesake in that country, one inside a named
    unit first. Without a namesake there it is no place when a named unit is an admin1 or admin2 whose name
    is no common word ("Grad" rockets are no Slovenian unit), or when the town was matched by another of
    its names; else (a country named as a party: "the war in Ukraine") it stays.
    """
    if len({x.place.country_code for x in placed if x.place is not None}) < 2:
        return  # (the named units are of the one country of every place: no town is alone in another)
    named = [x for x in placed if x.place is not None and x.place.kind in _NAMED_UNITS]
    units = [x.place for x in named if x.place is not None]
    if len({u.country_code for u in units}) != 1:
        return
    sure = any(u.kind in UNITS and not common_word(x.surface) for x, u in zip(named, units))
    area = units[0].country_code
    counts: dict[str | None, set[str]] = {}
    for x in placed:
        if x.place is not None:
            counts.setdefault(x.place.country_code, set()).add(x.folded)
    lat, lon = np.array([u.lat for u in units]), np.array([u.lon for u in units])
    for x in placed:
        p = x.place
        if (p is None or p.country_code == area or x.fixed or p.kind is not Kind.POPULATED_PLACE
                or len(counts[p.country_code]) != 1 or big_by_own_name(x) or near_any(p, lat, lon)):
            continue
        found = [c for c in search(gaz, x.surface, country=area, limit=TOWN_CANDIDATES)
                 if c.reason.startswith(NAME_MATCHES)]
        if found:
            best = max(found, key=lambda c: (any(contains(u, c.place) for u in units), c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; pulled to {area}, whose unit the report names: {best.reason}"
        elif sure or OTHER_NAME_MATCH in x.reason:
            unplace(x, f"alone in {p.country_code}, far from the units the report names in {area}, none of its name there")


def _one_town_per_name(gaz: Gazetteer, placed: list[Span]) -> None:
    """Mentions of one name, with or without a settlement's word ("Kisii town", "Kisii"), are one town.

    The bare mention was ranked with all of the document's context, where the settlement word's own
    ranking favours the most populous namesake anywhere: the town is the bare mention's town, or the
    namesake town in its country when it is a unit.
    """
    if not any(" " in x.surface for x in placed):
        return
    bare: dict[str, Place] = {}
    for x in placed:
        if x.place is not None and " " not in x.surface:
            bare.setdefault(x.folded, x.place)
    for x in placed:
        head, _, word = x.surface.rpartition(" ")
        other = bare.get(fold(head)) if head and word.lower() in en.SETTLEMENT_WORDS else None
        if other is None or x.place is None or x.place.country_code == other.country_code:
            continue
        towns = [other] if other.kind is Kind.POPULATED_PLACE else [c.place for c in search(
            gaz, head, kind=Kind.POPULATED_PLACE, country=other.country_code, limit=1)]
        if towns:
            x.candidates = (x.place, *x.candidates)
            x.place = towns[0]
            x.reason = f"{x.reason}; the town in {other.country_code} that '{head}' names elsewhere in the report"


def _lone_strong(text: str, placed: list[Span]) -> list[tuple[Span, list[Span]]]:
    """The spans of each country whose one other name is theirs, all the rest small and without evidence.

    Each with those small places: the only support the context had for putting the span in that country.
    """
    if not any(is_small(x.place) for x in placed):  # (every country's spans would be passed over)
        return []
    by_country: dict[str | None, list[Span]] = {}
    for x in placed:
        by_country.setdefault(x.place.country_code if x.place is not None else None, []).append(x)
    out: list[tuple[Span, list[Span]]] = []
    for members in by_country.values():
        small = [y for y in members if is_small(y.place)]
        if not small or len(small) == len(members):
            continue
        small_ids = {id(y) for y in small}
        strong = [x for x in members if id(x) not in small_ids]
        if len({x.folded for x in strong}) != 1:
            continue
        weak = [y for y in small if not has_evidence(text, y)]
        if len(weak) == len(small):  # (a small place named with evidence supports the move)
            out.extend((x, weak) for x in strong)
    return out
