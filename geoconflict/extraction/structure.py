"""The structure of place phrases as constraints on resolution: "Town, Region", "Village (District, Region)".

Reporters and coders say where a small place is by the units that hold it ("Mariupol, Donetsk",
"Inata (Tongomayel, Soum)": place, then admin2, then admin1) or by its bearing from a known place
("Hostre (east of Kurakhove)", "a village 12 km south of Pokrovsk"). :func:`apply_structure` reads
these as hard constraints: the place is a candidate of its name inside the named units (or near the
named place); the units are the units, not their namesake towns; and a place the gazetteer lacks
falls back to the innermost named unit (or the place it is near), flagged approximate in its reason,
never to a far homonym. The words are :mod:`geoconflict.lang.en`'s.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

import shapely
import shapely.ops

from geoconflict.errors import InvalidInputError
from geoconflict.extraction.resolution_common import (
    AREA_SLACK_KM,
    FAR_KM,
    OUTLIER,
    big_by_own_name,
    other_name,
    outside_area,
)
from geoconflict.extraction.spans import APPROXIMATE, Kind, Span
from geoconflict.extraction.toponyms import common_word
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.gazetteer.table import MEMO_SIZE
from geoconflict.lang import en
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import parse_query

__all__ = ["apply_coded", "apply_sentence_region", "apply_structure", "holds", "names_region", "sentence_bounds",
           "unit_sentences"]

#: Units a tail may name, innermost first.
_UNIT_KINDS = (Kind.ADMIN2, Kind.ADMIN1, Kind.COUNTRY)
#: At most this many units in one tail; candidates looked at per unit name and per place name.
MAX_TAIL = 3
UNIT_CANDIDATES = 3
PLACE_CANDIDATES = 20
#: A place name's settlements looked at in one country a tail's units are in (a common village name has
#: a hundred there).
COUNTRY_CANDIDATES = 300
#: A tail or a bearing stands between two names in at most this many characters; a tail opens with one of these.
MAX_GAP = 48
_OPENERS = frozenset(",(")
#: How a candidate matched that a constraint trusts (not a fuzzy or partial match).
_NAME_MATCHES = ("name", "alternate name")
#: "X (east of Y)" without a distance: X is within this many km of Y; with "N km", within
#: ``BEARING_SLACK`` times N (and at least the default).
BEARING_KM = 60.0
BEARING_SLACK = 2.0
#: How the reason of a place matched by another of its names, or a part of a longer name, says so.
OTHER_NAME = ": alternate name"
#: A place outside the unit its tail names, matched by another of its names, this far (km) from it is a far
#: homonym even in the unit's country.
TAIL_FAR_KM = 300.0
#: A town of fewer people followed by a unit's name ("Village, Region") is in that unit, never a list of two places.
LIST_TOWN_POPULATION = 20_000
#: Such a village outside the unit but this near it (km) stays (a gazetteer's units may predate a reform).
VILLAGE_TAIL_KM = 100.0
#: The memo of :func:`_best_assignment` (:meth:`~geoconflict.gazetteer.table.GazetteerTable.memo`).
_ASSIGNMENTS = "structure.assignment"
#: Texts whose sentence bounds (:func:`sentence_bounds`) are remembered: the rules of one report ask in turn.
BOUNDS_KEPT = 4
#: Descriptor words whose pattern (:func:`_descriptor_after`) is kept (a few dozen exist).
DESCRIPTORS_KEPT = 256
#: A settlement outside the first-level unit its parenthesis names, but this near it (km), is a border town
#: the coder placed across the line: it stays.
TAIL_BORDER_KM = 25.0
#: Where a sentence ends, for :func:`apply_coded` (the places a coder's note speaks of are in its sentence).
_SENTENCE_END = (". ", ".\n", "; ")
#: Where :func:`apply_sentence_region` cuts sentences (the ends of ``_SENTENCE_END``).
_SENTENCE_CUT = re.compile("|".join(re.escape(end) for end in _SENTENCE_END))
#: What closes a tail's last unit ("…, Mykolaiv.", "(…, Banadir)").
_TAIL_CLOSERS = frozenset(").;")
#: How :func:`~geoconflict.text.normalize.parse_query` names a first-level unit's kind (an enum's ``value`` is a
#: property: read once, not per span).
_ADMIN1_KIND = Kind.ADMIN1.value


def _search(gaz: Gazetteer, name: str, *, limit: int, kind: PlaceKind | None = None,
            country: str | None = None) -> list[Candidate]:
    """``gaz.search`` by name (or another name of the place), none where the name is not one it takes."""
    try:
        found = gaz.search(name, kind=kind, country=country, limit=limit)
    except InvalidInputError:
        return []
    return [c for c in found if c.reason.startswith(_NAME_MATCHES)]


def holds(outer: Place, inner: Place) -> bool:
    """Whether unit *outer* holds *inner* by the admin path (a town without an admin2: its admin1's)."""
    if outer.kind is Kind.COUNTRY:
        return inner.kind is not Kind.COUNTRY and inner.country_code == outer.country_code
    if outer.kind is Kind.ADMIN1:
        return inner.kind is not Kind.COUNTRY and inner.kind is not Kind.ADMIN1 and (
            inner.admin1 == outer.name and inner.country_code == outer.country_code)
    if outer.kind is Kind.ADMIN2:
        return inner.kind is Kind.POPULATED_PLACE and inner.country_code == outer.country_code and (
            inner.admin2 == outer.name or (inner.admin2 is None and inner.admin1 == outer.admin1))
    return False


def apply_structure(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Place each span whose tail names its units, or whose bearing names a place it is near (see the module).

    A unit named with its word has its tail after the word ("Khani Chahar Bagh district, Faryab"): the
    tail holds it as it holds a town (never a list: the word ends the name).
    """
    for i, x in enumerate(spans[:-1]):
        nxt = spans[i + 1]
        end = _name_end(text, x)
        if end is None or x.fixed or nxt.start - end > MAX_GAP:
            continue
        tail = _tail(text, spans, i, end) if _OPENERS.intersection(text[end:nxt.start]) else []
        if tail:
            _constrain(gaz, x, tail, paren="(" in text[end:nxt.start] or x.descriptor is not None
                       or _parenthesised(text, x, tail))
            continue
        m = en.BEARING_OF.fullmatch(text, x.end, nxt.start) if nxt.place is not None and end == x.end else None
        if m:
            _near(gaz, x, nxt, float(m.group("km")) if m.group("km") else None)


def _name_end(text: str, x: Span) -> int | None:
    """Where the phrase naming *x* ends before a tail: after its descriptor ("Bagh| district|"), or after a
    settlement's word before a parenthesis ("Kiwanja| locality| (…)"); None for a listed name without its word."""
    if x.descriptor is not None:
        return _after_descriptor(text, x)
    word = en.PLACE_WORD_BEFORE_TAIL.match(text, x.end)
    return word.end() if word else x.end


def _parenthesised(text: str, x: Span, tail: list[Span]) -> bool:
    """Whether *x* and its *tail* are one parenthesis ("Village (District, Region)" of a village the
    gazetteer lacks: *x* is the district): the units of the place named before it, never a list."""
    before = text[max(0, x.start - MAX_GAP):x.start].rstrip()[-1:]
    return before == "(" and _closes(text, tail[-1].end)


def _closes(text: str, pos: int) -> bool:
    """Whether a parenthesis closes at *pos*, after a unit's word maybe ("(Masisi, North Kivu province)")."""
    word = en.REGION_AFTER.match(text, pos)
    close = word.end() if word else pos
    return text[close:close + 1] == ")"


def _after_descriptor(text: str, x: Span) -> int | None:
    """Where the descriptor word right after a listed name *x* ends ("Bagh| district|"), or None (a list's name)."""
    m = _descriptor_after(x.descriptor or "").match(text, x.end)
    return m.end() if m else None


@lru_cache(maxsize=DESCRIPTORS_KEPT)
def _descriptor_after(descriptor: str) -> re.Pattern[str]:
    """A descriptor word (any case) after white space, as a pattern: made once per word."""
    return re.compile(rf"\s+{re.escape(descriptor)}\b", re.IGNORECASE)


def _tail(text: str, spans: list[Span], i: int, end: int) -> list[Span]:
    """The spans of the units named in a tail after ``spans[i]`` (whose name, or word, ends at *end*),
    innermost first (none if it is a list)."""
    if i + 1 >= len(spans):
        return []
    first = spans[i + 1]
    gap = text[end:first.start]
    opened = en.CONTAINER_OPEN.fullmatch(gap)
    if not opened:
        return []
    paren = "(" in gap
    named = gap[:opened.start("where")] if opened.group("where") else gap  # ("Village, northern Region": no name)
    if not paren and any(c.isalpha() for c in named):  # an unknown name between: only in "(Commune, Province)"
        return []
    tail = [first]
    for y in spans[i + 2:i + 1 + MAX_TAIL]:
        if not en.CONTAINER_NEXT.fullmatch(text, tail[-1].end, y.start):
            break
        tail.append(y)
    last = tail[-1].end
    if paren:
        return tail if _closes(text, last) else []
    return [] if en.LIST_GOES_ON.match(text, last) else tail


def _units(gaz: Gazetteer, y: Span, country: str | None) -> list[Candidate | None]:
    """The units *y*'s name may be, or [None] when it names none.

    The best ``UNIT_CANDIDATES`` of each kind, and the best of each kind in *country* (where the place the
    tail follows was resolved): "Western" names a region in a dozen countries.
    """
    found: list[Candidate | None] = []
    for k in _UNIT_KINDS:
        best = _search(gaz, y.surface, kind=k, limit=UNIT_CANDIDATES)
        if country is not None and not any(c.place.country_code == country for c in best):
            best += _search(gaz, y.surface, kind=k, country=country, limit=1)
        found.extend(best)
    return found or [None]


def _nested(assignment: tuple[Candidate | None, ...]) -> bool:
    """Whether each named unit of *assignment* (innermost first) is held by the next named one."""
    named = [c.place for c in assignment if c is not None]
    return bool(named) and all(holds(outer, inner) for inner, outer in zip(named, named[1:]))


def _constrain(gaz: Gazetteer, x: Span, tail: list[Span], *, paren: bool) -> None:
    """Place *x* inside the units its *tail* names; the tail's spans become those units.

    A tail in parentheses ("Town (District, Region)") is never a list: it says where the town is.
    """
    best = _best_assignment(gaz, x, tail)
    if best is None:
        return
    assignment, pick = best
    innermost = next(c for c in assignment if c is not None)
    if pick is None and x.place is not None and (_only_district(gaz, x, innermost.place) or (
            _unconfirmed(x, x.place, innermost.place, paren=paren)
            and not (paren and _outside_region(x.place, assignment)))):
        return  # a list of places ("Kharkiv, Kyiv"), or a place named by its own name the tail cannot confirm
    for y, unit in zip(tail, assignment):
        if unit is not None:
            _fix(y, unit.place, f"the unit holding {x.surface!r} ({unit.reason})")
            y.tail_unit = True
    units = [u.place for u in assignment if u is not None]
    if x.place is not None and _kept(x.place, units, pick):  # the context's choice is inside: keep it
        _fix(x, x.place, f"inside {innermost.place.name}, as the text's tail says")
    elif pick is not None:
        _fix(x, pick.place, f"{pick.reason}; inside {innermost.place.name}, as the text's tail says")
    else:
        seat = _seat(gaz, tail, assignment, innermost.place)
        if seat is not None:
            _fix(x, seat, f"{APPROXIMATE}: no {x.surface!r} inside {innermost.place.name} in the gazetteer; "
                          f"placed at {seat.name}, the town the tail's district {tail[0].surface!r} is named after",
                 approximate=True)
            return
        _fix(x, innermost.place, f"{APPROXIMATE}: no {x.surface!r} inside {innermost.place.name} in the "
                                 f"gazetteer; placed at the unit the text names", approximate=True)


def _seat(gaz: Gazetteer, tail: list[Span], assignment: tuple[Candidate | None, ...], unit: Place) -> Place | None:
    """The town a tail's first name stands for when the gazetteer has no unit of that name ("Bandiagara" in
    "Mandoli (Bandiagara, Mopti)"): a district, commune or department is named after its seat, and the seat,
    a town of that name inside the tail's *unit*, is nearer the place than the unit's own point."""
    if assignment[0] is not None or len(tail) < 2:
        return None
    towns = [c for c in _search(gaz, tail[0].surface, kind=Kind.POPULATED_PLACE, country=unit.country_code,
                                limit=UNIT_CANDIDATES) if holds(unit, c.place)]
    return max(towns, key=lambda c: c.score).place if towns else None


def _unconfirmed(x: Span, place: Place, unit: Place, *, paren: bool) -> bool:
    """Whether *x*'s *place*, outside the tail's *unit*, stands: a town named by its own name, or near the unit.

    A place matched by another of its names, or followed by a tail in parentheses, or a village (fewer
    than ``LIST_TOWN_POPULATION`` people: "Kharkiv, Kyiv" may be a list of cities, a village then a
    region is where the village is), in another country or more than ``TAIL_FAR_KM`` from the unit, is a
    far homonym: the unit is the better answer.
    """
    village = place.kind is Kind.POPULATED_PLACE and (place.population or 0) < LIST_TOWN_POPULATION
    if OTHER_NAME not in x.reason and not paren and not village:
        return True
    reach = TAIL_FAR_KM if OTHER_NAME in x.reason or paren else VILLAGE_TAIL_KM
    return place.country_code == unit.country_code and float(
        haversine_km(place.lat, place.lon, unit.lat, unit.lon)) <= reach


def _outside_region(place: Place, assignment: tuple[Candidate | None, ...]) -> bool:
    """Whether *place* lies outside the polygon of a first-level unit of the tail's *assignment*.

    A parenthesis says where its place is: "Kavumu (Masisi, Nord-Kivu)" is no Kavumu of South Kivu,
    and the tail's own units are the better answer (the polygon decides, not the admin path: a town
    named in an older unit is still inside the unit that now holds it). A settlement within
    ``TAIL_BORDER_KM`` of the unit is a border town the coder placed across the line.
    """
    slack = TAIL_BORDER_KM if place.kind is Kind.POPULATED_PLACE else AREA_SLACK_KM
    return any(c is not None and outside_area(c.place, place, slack_km=slack) for c in assignment)


def _only_district(gaz: Gazetteer, x: Span, unit: Place) -> bool:
    """Whether *x* names, by its own name, the only district of that name in the country of the tail's
    *unit*: that district, even where the tail names another region of it (a coder's slip is likelier
    than a second district)."""
    p = x.place
    return p is not None and p.kind is Kind.ADMIN2 and p.country_code == unit.country_code and (
        OTHER_NAME not in x.reason) and len(
        _search(gaz, p.name, kind=Kind.ADMIN2, country=p.country_code, limit=2)) < 2


def _kept(place: Place, units: list[Place], pick: Candidate | None) -> bool:
    """Whether the context's *place* is inside the *units* and no town where it is a unit (a town first)."""
    if not any(holds(u, place) for u in units):
        return False
    return place.kind is Kind.POPULATED_PLACE or pick is None or pick.place.kind is not Kind.POPULATED_PLACE


def _best_assignment(gaz: Gazetteer, x: Span, tail: list[Span]
                     ) -> tuple[tuple[Candidate | None, ...], Candidate | None] | None:
    """:func:`_find_assignment`, memoised per gazetteer by all it reads: *x*'s name and country, the tail's names
    and countries (a report names "Town, Region" as others do)."""
    tail_cc = frozenset(y.place.country_code for y in tail if y.place is not None)
    key = (x.surface, x.place.country_code if x.place is not None else None, tuple(y.surface for y in tail), tail_cc)
    return gaz.remembered(_ASSIGNMENTS, key, lambda: _find_assignment(gaz, x, tail), size=MEMO_SIZE)


def _find_assignment(gaz: Gazetteer, x: Span, tail: list[Span]
                     ) -> tuple[tuple[Candidate | None, ...], Candidate | None] | None:
    """The units the tail's names are (innermost first) and *x*'s candidate inside them, best first.

    An assignment holding a candidate of *x* beats one that holds none; then units in the country the
    tail's own names were resolved to in context ("Komsomolets, Donetsk": Donetsk, as the report reads
    it, not a namesake district where a namesake village is), then in the country *x* was resolved to;
    then the sum of scores. *x*'s candidates are its best anywhere and its settlements in those
    countries (a common village name has more namesakes in one country than the best anywhere hold).
    """
    own_cc = x.place.country_code if x.place is not None else None
    tail_cc = {y.place.country_code for y in tail if y.place is not None}
    options = [a for a in itertools.product(*(_units(gaz, y, own_cc) for y in tail)) if _nested(a)]
    cands = _search(gaz, x.surface, limit=PLACE_CANDIDATES)
    best = _ranked_best(options, cands, tail_cc, own_cc)
    if best is not None and best[1] is None:  # none inside: look among the settlements of those countries
        cands += [c for cc in sorted(cc for cc in tail_cc | {own_cc} if cc)
                  for c in _search(gaz, x.surface, kind=Kind.POPULATED_PLACE, country=cc,
                                   limit=COUNTRY_CANDIDATES)]
        best = _ranked_best(options, cands, tail_cc, own_cc)
    return best


def _ranked_best(options: list[tuple[Candidate | None, ...]], cands: list[Candidate], tail_cc: set[str | None],
                 own_cc: str | None) -> tuple[tuple[Candidate | None, ...], Candidate | None] | None:
    """The best of the nested unit *options* and the candidate of *cands* inside it (see :func:`_best_assignment`)."""
    best: tuple[tuple[bool, bool, bool, float], tuple[Candidate | None, ...], Candidate | None] | None = None
    for assignment in options:
        units = [c for c in assignment if c is not None]
        inside = [c for c in cands if any(holds(u.place, c.place) for u in units)]
        pick = max(inside, key=_town_first, default=None)
        rank = (pick is not None, units[0].place.country_code in tail_cc, units[0].place.country_code == own_cc,
                sum(u.score for u in units) + (pick.score if pick is not None else 0.0))
        if best is None or rank > best[0]:
            best = (rank, assignment, pick)
    return None if best is None else (best[1], best[2])


def _near(gaz: Gazetteer, x: Span, anchor: Span, km: float | None) -> None:
    """Place *x* near *anchor* (``X (east of Y)``, ``X, 12 km south of Y``), or at it when none of x's is."""
    a = anchor.place
    if a is None:
        return
    reach = max(BEARING_KM, BEARING_SLACK * km) if km is not None else BEARING_KM
    near = [c for c in _search(gaz, x.surface, limit=PLACE_CANDIDATES)
            if haversine_km(a.lat, a.lon, c.place.lat, c.place.lon) <= reach]
    pick = max(near, key=_town_first, default=None)
    if pick is not None:
        _fix(x, pick.place, f"{pick.reason}; within {reach:.0f} km of {a.name}, as its bearing says")
    elif x.place is None or haversine_km(a.lat, a.lon, x.place.lat, x.place.lon) > reach:
        _fix(x, a, f"{APPROXIMATE}: no {x.surface!r} within {reach:.0f} km of {a.name} in the gazetteer; "
                   f"placed at {a.name}", approximate=True)


def _town_first(c: Candidate) -> tuple[bool, bool, float]:
    """A candidate's rank as the place a phrase names: a town before its namesake unit, a place by its own name
    before one by another of its names, then by score."""
    return c.place.kind is Kind.POPULATED_PLACE, c.reason.startswith(_NAME_MATCHES[0]), c.score


def _fix(x: Span, place: Place, why: str, *, approximate: bool = False) -> None:
    """Give *x* *place*, said *why*, and keep it from later document rules; *approximate*: *place* holds the
    place the gazetteer lacks, or is the place it is near (the span keeps the flag once set, as its reason
    keeps the words)."""
    if x.place is not None and x.place != place:
        x.candidates = (x.place, *x.candidates)
    x.place, x.fixed = place, True
    x.approximate = x.approximate or approximate
    x.reason = f"{x.reason}; {why}"


def apply_coded(text: str, spans: list[Span]) -> None:
    """A coder's note of where an event is placed ("between Pasika and Bohorodychne (coded to Bohorodychne)").

    ACLED's notes say which place an event told of several places, or of a district or region, is coded
    to. The places named before the note in its sentence (but countries, and those before an earlier note)
    are the coded place for the events told there; each keeps its own place among its candidates.
    """
    if "coded" not in text and "Coded" not in text:  # (a quick test: most reports hold no such note)
        return
    starts = [x.start for x in spans]
    after = 0  # the spans before an earlier note are that note's (each span is read once: linear)
    for i, y in enumerate(spans):
        p = y.place
        if p is None or not en.CODED_AT.search(text, max(0, y.start - en.CODED_AT_WINDOW), y.start) or (
                en.CODED_OTHER_EVENT.match(text, y.end)):  # "fatalities coded to the <town> event": another's
            continue
        begin = max(text.rfind(end, 0, y.start) for end in _SENTENCE_END)
        for x in spans[max(after, bisect.bisect_right(starts, begin)):i]:
            if x.place is not None and x.place != p and x.place.kind is not Kind.COUNTRY:
                _fix(x, p, f"the text codes the event to {p.name} ({y.surface!r})")
        after = i + 1


def apply_sentence_region(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """A first-level unit a sentence names as such is a hard constraint on every place of that sentence.

    A region named with its word ("Sagaing region", "Jonglei state", "Raqqa governorate") or closing a
    tail ("… district, Mykolaiv.", "(Wadajir, Banadir)") says which country the sentence's places are in
    (:func:`names_region`). When all such units of a sentence are of one country, a place of the sentence
    in another country, more than ``FAR_KM`` from every unit named, is its namesake inside a named unit or
    within ``TAIL_FAR_KM`` of one; without such a namesake it is left unresolved with its candidates: a far
    namesake of a word ("Yar" of "Chervonyi Yar district", "East" of "Twic East county") is worse than the
    region itself. A big town by its own name moves only to a namesake inside a named unit, and else
    stays (a protest in a capital abroad about a region); a country stays unless matched by a name unlike
    its own.

    In the units' own country two rules read a place outside the units; they overlap (most places far outside
    are outside) but neither holds the other, so both stay, the strict one first:

    * :func:`_elsewhere`, strict, where the polygons can say: a village or district outside every unit's
      polygon (``TAIL_BORDER_KM`` of slack) is its namesake inside one, else unresolved;
    * :func:`_far_at_home`, loose, for what the strict rule leaves: a unit without a polygon (measured from
      its point), a big town by its own name that a unit's word calls a part of one ("the Nova Brasilia
      community"), the only district of its name (:func:`_only_district`: a coder's slip of region near
      it, not 300 km away). Such a place more than ``TAIL_FAR_KM`` from each unit is its namesake in or
      near them, else none.

    (Over the ACLED notes, the test reports, 0.5 MB of the dense corpus and the news articles, the strict
    rule acts 51 times and the loose one once, after :func:`_only_district`; without the loose one,
    ``tests/test_where_more.py``'s Nova Brasilia case fails.)

    Examples
    --------
    >>> apply_sentence_region(Gazetteer.default(), "", [])
    """
    if not _may_move(spans):
        return  # (no sentence's units can move a place: most reports)
    starts = [x.start for x in spans]
    for begin, end in unit_sentences(text, spans):
        inside = spans[bisect.bisect_left(starts, begin):bisect.bisect_left(starts, end)]
        units = [y.place for y in inside if y.place is not None and names_region(text, y)]
        if len({u.country_code for u in units}) != 1:
            continue
        for x in inside:
            if _foreign(x, units):
                _to_country(gaz, x, units)
            elif _elsewhere(x, units) and not _only_district(gaz, x, units[0]):
                _into_units(gaz, x, units)
            elif _far_at_home(x, units):
                _to_country(gaz, x, units, where=f"over {TAIL_FAR_KM:,.0f} km from")


def _may_move(spans: list[Span]) -> bool:
    """Whether some units may move a place of *spans* (:func:`_foreign`, :func:`_elsewhere` or :func:`_far_at_home`,
    whatever the units): a place not fixed that is a village, a town or a second-level unit, or any place not
    fixed when *spans* are placed in more than one country (the units are among them: only then is a place in
    another country than theirs)."""
    loose = [x.place for x in spans if x.place is not None and not x.fixed]
    return any(p.kind in _MOVED_AT_HOME for p in loose) or bool(loose) and len(
        {x.place.country_code for x in spans if x.place is not None}) > 1


#: The kinds of place :func:`_elsewhere` and :func:`_far_at_home` move in the units' own country.
_MOVED_AT_HOME = (Kind.POPULATED_PLACE, Kind.ADMIN2)


def _elsewhere(x: Span, units: list[Place]) -> bool:
    """Whether *x* is a place of the *units*' country, not a big town by its own name, outside all of them.

    "In <village> (<district>, Ekiti)" or "in <village> of <township> (<district>, Sagaing region)" says
    the village is in that unit: a namesake in another region of the country is not it. A place within ``TAIL_BORDER_KM`` of a unit's polygon counts as in it; a unit
    without a polygon says nothing.
    """
    p = x.place
    if p is None or x.fixed or p.country_code != units[0].country_code or big_by_own_name(x):
        return False
    if p.kind is not Kind.POPULATED_PLACE and p.kind is not Kind.ADMIN2:
        return False
    return all(u.geometry is not None and outside_area(u, p, slack_km=TAIL_BORDER_KM) for u in units)


def _into_units(gaz: Gazetteer, x: Span, units: list[Place]) -> None:
    """*x* as its namesake inside one of the *units* (a town first), else unresolved with its candidates."""
    inside = [c for c in _search(gaz, x.surface, limit=PLACE_CANDIDATES, country=units[0].country_code)
              if any(holds(u, c.place) or not outside_area(u, c.place, slack_km=TAIL_BORDER_KM) for u in units)]
    names = ", ".join(u.name for u in units)
    if inside:
        pick = max(inside, key=_town_first)
        _fix(x, pick.place, f"{pick.reason}; inside {names}, where its sentence's region is")
        return
    if x.place is not None:
        x.candidates = (x.place, *x.candidates)
    x.place, x.score = None, None
    x.reason = f"{x.reason}; {OUTLIER}: outside the sentence's region ({names}), none of its name there"


def unit_sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """(start, end) of the sentences (:func:`sentence_bounds`) that hold a span placed at a first-level unit.

    Only such a span names a region (:func:`names_region`): the rules that read a sentence's named regions
    pass the other sentences over. Each of them reads and moves only its own sentence's places, so which
    sentences hold a unit is known before the first is read.

    Examples
    --------
    >>> unit_sentences("No places here. None.", [])
    []
    """
    at_units = [x.start for x in spans if x.place is not None and x.place.kind is Kind.ADMIN1]
    if not at_units:
        return []
    bounds = _bounds(text)
    firsts = [begin for begin, _ in bounds]
    return [bounds[i] for i in sorted({bisect.bisect_right(firsts, at) - 1 for at in at_units})]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text's sentences, cut where :func:`apply_coded` cuts them."""
    return list(_bounds(text))


@lru_cache(maxsize=BOUNDS_KEPT)
def _bounds(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`sentence_bounds`, remembered for the last few texts: a report's rules ask in turn."""
    cuts = sorted({m.start() + 1 for m in _SENTENCE_CUT.finditer(text)})
    return tuple(itertools.pairwise([0, *cuts, len(text) + 1]))


def names_region(text: str, y: Span) -> bool:
    """Whether *y* names a first-level unit as such: with its word, or closing a tail, or as the unit a
    "Town, Region" tail placed its town in (:func:`apply_structure`: that town is the evidence, whatever
    follows and however common its words: "in Niteroi, Rio de Janeiro, ...").

    Examples
    --------
    >>> names_region("", Span(0, 0, "", ""))
    False
    """
    if y.place is None or y.place.kind is not Kind.ADMIN1 or (common_word(y.surface) and not y.tail_unit):
        return False
    part = en.UNIT_PART_AFTER.match(text, y.end)  # "Shan-North state": a part of Shan, named as a unit
    end = part.end() if part else y.end
    if en.REGION_NAMED.match(text, end) or parse_query(y.surface).kind == _ADMIN1_KIND:
        return True
    before = text[max(0, y.start - MAX_GAP):y.start].rstrip()[-1:]  # (windows: linear in the text)
    after = text[end:end + MAX_GAP].lstrip()[:1]
    return bool(before) and before in _OPENERS and (not after or after in _TAIL_CLOSERS or y.tail_unit)


def _foreign(x: Span, units: list[Place]) -> bool:
    """Whether *x*'s place is in another country than *units*, far from them all, and may be moved."""
    p = x.place
    if p is None or p.country_code == units[0].country_code or x.fixed:
        return False
    if p.kind is Kind.COUNTRY and not other_name(x):  # (a country by a name unlike its own is a word's)
        return False
    return all(haversine_km(u.lat, u.lon, p.lat, p.lon) > FAR_KM for u in units)


def _far_at_home(x: Span, units: list[Place]) -> bool:
    """Whether *x*'s place is a small one of the *units*' own country but far from them all: outside each,
    more than ``TAIL_FAR_KM`` from its polygon (its point when it has none). A village the sentence names
    with its region is near that region; its namesake across the country is another village. A big town by
    its own name is left (a protest in the capital about a region), unless a unit's word says it is a part
    of one ("the Nova Brasilia community")."""
    p = x.place
    if (p is None or x.fixed or p.country_code != units[0].country_code or (big_by_own_name(x) and not x.descriptor)
            or p.kind not in (Kind.POPULATED_PLACE, Kind.ADMIN2)):
        return False
    return all(not holds(u, p) and _km_from(u, p) > TAIL_FAR_KM for u in units)


def _km_from(unit: Place, p: Place) -> float:
    """How far (km) *p* is from *unit*'s polygon, or from its point when it has none."""
    if unit.geometry is None:
        return float(haversine_km(unit.lat, unit.lon, p.lat, p.lon))
    edge = shapely.ops.nearest_points(unit.geometry, shapely.Point(p.lon, p.lat))[0]
    return float(haversine_km(edge.y, edge.x, p.lat, p.lon))


def _to_country(gaz: Gazetteer, x: Span, units: list[Place], *, where: str = "in another country than") -> None:
    """*x* as its namesake in or near the units (a big town by its own name: only in them, unless a unit's word
    calls it a part of one: "the San Miguel vereda"), or unresolved."""
    cc = units[0].country_code
    big = big_by_own_name(x) and x.place is not None and x.place.kind is Kind.POPULATED_PLACE and not x.descriptor
    found = _search(gaz, x.surface, limit=PLACE_CANDIDATES, country=cc)
    names = ", ".join(u.name for u in units)
    near = [c for c in found if any(holds(u, c.place) or (not big and haversine_km(
        u.lat, u.lon, c.place.lat, c.place.lon) <= TAIL_FAR_KM) for u in units)]
    if near:
        pick = max(near, key=lambda c: (any(holds(u, c.place) for u in units), c.score))
        _fix(x, pick.place, f"{pick.reason}; in {cc}, where the sentence's region ({names}) is")
    elif not big:
        if x.place is not None:
            x.candidates = (x.place, *x.candidates)
        x.place, x.score = None, None
        x.reason = (f"{x.reason}; {OUTLIER}: {where} the sentence's region ({names}), "
                    f"none of its name there or near")
