"""The report's area by its actors: "Israeli forces" and "Houthis" say where a lone name is.

A report names its actors before its places ("Israeli forces fired at fishermen off Gaza"), and an
analyst reads the places in their light: Gaza is then the Gaza of Palestine, not Mozambique's province.
The countries a party is reported fighting in are its own and those :data:`geoconflict.lang.en.THEATRES`
lists; the report's area is what all its parties share. A place outside that area, not a big town named
by its own name, is its namesake inside it when the gazetteer has one, and otherwise, when nothing else
in the report is in its country and it is small or matched by another name, a far homonym: left
unresolved (:func:`pull_to_actors`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from geoconflict.extraction.actors import parties
from geoconflict.extraction.resolution_common import (
    NAME_MATCHES,
    OTHER_NAME_MATCH,
    UNITS,
    big_by_own_name,
    is_big,
    is_small,
    names_by_country,
    search,
    unplace,
)
from geoconflict.extraction.spans import Kind, Span
from geoconflict.extraction.structure import names_region
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.lang import en
from geoconflict.lang.trie import literal_trie

__all__ = ["actor_area", "area_bound", "hinted_regions", "pull_to_actors"]

#: A longer text is a corpus of many reports, whose actors tell no one area.
ACTOR_AREA_MAX_TEXT = 20_000
#: Candidates of a name looked at in each country of the area.
AREA_CANDIDATES = 3
#: Texts whose actors' area (:func:`actor_area`) is remembered: a report's rules ask in turn.
AREAS_KEPT = 4
#: A name of :data:`geoconflict.lang.en.REGION_HINTS`, as a whole word.
_HINT = re.compile(rf"\b(?:{literal_trie(en.REGION_HINTS)})\b")


def _hint_automaton() -> ahocorasick.Automaton:
    """The names of :data:`geoconflict.lang.en.REGION_HINTS`, for one pass over a text: where none occurs,
    :data:`_HINT` (which matches only them) cannot match."""
    automaton = ahocorasick.Automaton()
    for hint in en.REGION_HINTS:
        automaton.add_word(hint, hint)
    automaton.make_automaton()
    return automaton


_HINT_NAMES = _hint_automaton()


def _country_automaton() -> ahocorasick.Automaton:
    """Every demonym's and group's name of a country, as written (the :data:`~geoconflict.extraction.actors.ACTOR`
    pattern reads them literally), with that country: one pass finds every country a party of a text may be of."""
    automaton = ahocorasick.Automaton()
    for name, code in (*en.DEMONYMS.items(), *en.GROUPS.items()):
        if code:
            automaton.add_word(name, code)
    automaton.make_automaton()
    return automaton


_PARTY_COUNTRIES = _country_automaton()
#: A country with the countries :data:`geoconflict.lang.en.THEATRES` says it fights in: its parties' area.
_THEATRE_AREAS = {code: frozenset((code, *theatre)) for code, theatre in en.THEATRES.items()}


@lru_cache(maxsize=AREAS_KEPT)
def actor_area(text: str) -> frozenset[str]:
    """The countries every party the report names is reported fighting in (empty: the actors tell no area).

    Examples
    --------
    >>> sorted(actor_area("Houthi fighters clashed with Saudi forces."))
    ['SA', 'YE']
    >>> sorted(actor_area("Police dispersed the crowd."))
    []
    """
    if len(text) > ACTOR_AREA_MAX_TEXT:
        return frozenset()
    area: frozenset[str] | None = None
    for code in {a.country for a in parties(text, 0, len(text)) if a.country}:
        theatre = en.THEATRES.get(code)
        if theatre is None:
            continue  # a country of global reach, or one the table does not know: it tells no area
        own = frozenset((code, *theatre))
        area = own if area is None else area & own
    return area or frozenset()


@lru_cache(maxsize=AREAS_KEPT)
def area_bound(text: str) -> frozenset[str] | None:
    """Countries that the actors' area of *text* (:func:`actor_area`) holds whenever it holds any; None when it is
    empty.

    The area is what the theatres of its parties' countries share; a party is named by a demonym or a group's
    name as written, so the countries of all such names in the text (one automaton pass, no pattern search)
    include the parties': what all their theatres share is in the area, or no such name has a theatre and the
    area is empty. ``tests/test_extract_fast_checks.py`` holds the bound to :func:`actor_area`.

    Examples
    --------
    >>> sorted(area_bound("Houthi fighters clashed with Saudi forces."))
    ['SA', 'YE']
    >>> area_bound("Police dispersed the crowd.") is None
    True
    """
    if len(text) > ACTOR_AREA_MAX_TEXT:
        return None
    area: frozenset[str] | None = None
    for code in {code for _, code in _PARTY_COUNTRIES.iter(text)}:
        own = _THEATRE_AREAS.get(code)
        if own is not None:
            area = own if area is None else area & own
    return area


def pull_to_actors(gaz: Gazetteer, text: str, placed: list[Span]) -> None:
    """Places outside the actors' area: their namesake inside it, or none when they are far homonyms.

    See the module's docstring. A country, a span placed by the text's structure, a big town named by its
    own name (a first-level unit is not one: "Gaza" is a province of Mozambique) unless a big town of its name
    lies inside the area ("Odessa" with Russian forces: Odesa, not Odessa, Texas), and a place whose country
    holds another name of the report stay where they are; a name that itself has a namesake inside the area
    holds no country so ("Hebron and Bethlehem" by Israeli forces: both namesakes in Pennsylvania pull each
    other there only when read alone). Without a namesake inside the area, a small town, a
    place matched by another of its names, and a unit not named as such (a bare "Dara" abroad; not "Yangon
    region": :func:`~geoconflict.extraction.structure.names_region`) are left unresolved, kept as mentions
    with their candidates.
    """
    loose = [x for x in placed if x.place is not None and x.place.kind is not Kind.COUNTRY and not x.fixed]
    if not loose:
        return
    bound = area_bound(text)
    if bound is None or all(x.place is None or x.place.country_code in bound for x in loose):
        return  # (the area is empty, or holds every loose place: the actors move none; most reports)
    area = actor_area(text)
    if not area:
        return
    outside = [x for x in loose if x.place is not None and x.place.country_code not in area]
    if not outside:
        return
    namesakes = {id(x): _namesakes(gaz, x.surface, area, big=_big_town(x)) for x in outside}
    # names that have a namesake where the actors are vouch for no far country ("Hebron and Bethlehem": both
    # Pennsylvania's, and both the West Bank's): the other names of the report do
    names = names_by_country([y for y in placed if not namesakes.get(id(y))])
    for x in outside:
        p = x.place
        if p is None or names.get(p.country_code, set()) - {x.folded}:
            continue
        found = namesakes[id(x)]
        if found:
            best = max(found, key=lambda c: (c.place.kind is Kind.POPULATED_PLACE, c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; pulled to {best.place.country_code}, where the report's actors are: {best.reason}"
        elif _big_town(x):
            continue
        elif is_small(p) or OTHER_NAME_MATCH in x.reason or (p.kind in UNITS and not names_region(text, x)):
            unplace(x, f"in {p.country_code}, far from where the report's actors are ({', '.join(sorted(area))}), "
                       f"and none of its name there", outlier=True)


def _big_town(x: Span) -> bool:
    """Whether *x* names a big town by its own name: it moves only to a big namesake (Odessa, Texas to Odesa)."""
    return x.place is not None and x.place.kind is Kind.POPULATED_PLACE and big_by_own_name(x)


def _namesakes(gaz: Gazetteer, name: str, area: frozenset[str], *, big: bool = False) -> list[Candidate]:
    """The places named *name* (or another name of theirs) in the countries of *area* (only big ones: *big*)."""
    return [c for cc in sorted(area) for c in search(gaz, name, country=cc, limit=AREA_CANDIDATES)
            if c.reason.startswith(NAME_MATCHES) and (not big or is_big(c.place))]


def hinted_regions(gaz: Gazetteer, text: str) -> set[tuple[str | None, str]]:
    """(country, first-level unit) of the groups and observers the report names that report from a few units.

    See :data:`geoconflict.lang.en.REGION_HINTS`: a village in their reports is the namesake there.

    Examples
    --------
    >>> from geoconflict.gazetteer import Gazetteer
    >>> sorted(hinted_regions(Gazetteer.default(), "DPR fighters shelled the village."))
    [('UA', 'Donetsk Oblast')]
    """
    if len(text) > ACTOR_AREA_MAX_TEXT or next(_HINT_NAMES.iter(text), None) is None:  # (most name no hint)
        return set()
    return {unit for m in _HINT.finditer(text) for unit in _units_of(gaz, m.group(0))}


@lru_cache(maxsize=len(en.REGION_HINTS))
def _units_of(gaz: Gazetteer, hint: str) -> tuple[tuple[str | None, str], ...]:
    """The gazetteer's first-level units a hint names, as (country, name)."""
    out: list[tuple[str | None, str]] = []
    for cc, name in en.REGION_HINTS[hint]:
        found = search(gaz, name, kind=Kind.ADMIN1, country=cc, limit=1)
        out += [(c.place.country_code, c.place.name) for c in found]
    return tuple(out)
