"""Resolution: which place each toponym is, in the context of the whole report.

:func:`resolve_spans` asks the context resolver
(:func:`geoconflict.gazetteer.index.resolve_candidates`) once per distinct name,
and looks listed names up with their descriptor ("Korenevsky district") near
the places resolved. Then the document rules: a bare region name is its
namesake town (:func:`apply_town_rule`) unless the report names "<name>
region" (:func:`apply_region_rule`); "X in the Y region" rejects an X that is
not in Y (:func:`check_containment`); a weakly supported one-word place far
from the report's main area is left unresolved (:func:`drop_outliers`).

Names that are also common English words need evidence (:func:`resolve_spans`);
the context cannot be hijacked (:func:`guard_context`): a big place keeps its
own best reading against small places named without evidence, a lone far town
is pulled to the report's area or to the country of the units it names, another
name unlike the place's own needs
evidence; a settlement is its namesake in a district the report names, and a village at an
approximate point (a codifier village at its hromada's centre) gives way to a namesake with its
own point unless the report names its district; tails and bearings are constraints
(:func:`~geoconflict.extraction.structure.apply_structure`).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from geoconflict.errors import InvalidInputError
from geoconflict.extraction.spans import Span, contains
from geoconflict.extraction.structure import apply_structure
from geoconflict.extraction.toponyms import common_word, has_evidence
from geoconflict.gazetteer import Candidate, Gazetteer, resolve_candidates
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.lang import en
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold, parse_query

__all__ = ["apply_region_rule", "apply_town_rule", "check_containment", "drop_outliers", "guard_context", "resolve_spans"]

#: Mentions resolved together in one call of the context resolver.
CONTEXT_CHUNK = 60
#: Candidates looked at for a listed name ("Korenevsky" of "… districts"), and for a region's namesake town.
LISTED_CANDIDATES = 8
TOWN_CANDIDATES = 5
#: A name's candidates looked at once to learn which countries hold a place of that name (with this many or
#: more, each country is asked on its own); and how many names' answers are kept.
NAME_COUNTRY_CANDIDATES = 50
NAME_ANSWER_CACHE = 65_536
#: A settlement's namesakes looked at for one in a district the report names (a common village name has
#: a hundred in one country).
DISTRICT_CANDIDATES = 300
#: Kept with a listed name's place: the other candidates, best first.
KEPT_CANDIDATES = 3
#: A listed name's candidate scores more in a first-level unit, or a country, already named.
SAME_REGION_BONUS = 2.0
SAME_COUNTRY_BONUS = 1.0
#: How far before a name "region of" is looked for; how far after it "<name> region" (the longest descriptor
#: with its space, and more); how far before and after a town's name its context.
REGION_OF_WINDOW = 20
REGION_NAMED_WINDOW = 14
CITY_OF_WINDOW = 14
CITY_AFTER_WINDOW = 6
CITY_BEFORE_WINDOW = 30
#: "X in the Y region": at most this many characters between X and Y.
CONTAINMENT_GAP = 30
#: A populated place of fewer people is "small": an outlier when alone in its country, far from the report's
#: main area (:func:`drop_outliers`).
SMALL_TOWN_POPULATION = 20000
#: ... unless within this many km of one of the main area's places (a town just across a border).
OUTLIER_KM = 100.0
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
#: A strong name the context moved this far (km) from its own best place may have been hijacked.
FAR_KM = 1000.0
#: How a candidate that matched another of its place's names says so; below this similarity, that
#: name is unlike the place's own (a historic name, not a spelling).
OTHER_NAME_MATCH = ": alternate name"
SIMILAR_NAME_RATIO = 0.5
#: Name pairs whose likeness is remembered.
NAME_PAIR_CACHE = 1 << 14
#: Decimals kept of a listed name's score.
SCORE_DECIMALS = 3
#: Places a report's area is named by (never pulled to another country).
_AREAS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1)
#: Units whose naming pulls a lone town of another country to their own (:func:`_pull_to_named_unit`).
_NAMED_UNITS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2)
#: A bare name's place that the report may mean the town of.
_UNITS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
#: How a town candidate matched that makes a bare name its (not a fuzzy or partial match).
_NAME_MATCHES = ("name", "alternate name")


def resolve_spans(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Give each span its place (or leave it None), score, candidates and reason: in context, then by list.

    A name that is also a common English word and has no evidence of being a place here (see
    :func:`~geoconflict.extraction.toponyms.has_evidence`) takes no part in the context: it is a place only
    when it is a big place by its own name, or when the report's other places are in a country it has a
    place of (:func:`_resolve_weak`).
    """
    plain = [x for x in spans if x.descriptor is None]
    weak = [x for x in plain if common_word(x.surface) and not has_evidence(text, x)
            and not _big_by_name(gaz, x.surface)]
    weak_ids = {id(x) for x in weak}
    strong = [x for x in plain if id(x) not in weak_ids] if weak else plain
    _resolve_in_context(gaz, text, strong)
    guard_context(gaz, text, strong)
    if weak:
        _resolve_weak(gaz, weak, strong)
    # listed names ("Korenevsky, … districts"): search "<name> <descriptor>" near the resolved places
    resolved = [x.place for x in plain if x.place is not None]
    admin1s = {p.admin1 or (p.name if p.kind is PlaceKind.ADMIN1 else None) for p in resolved}
    countries = {p.country_code for p in resolved}
    for x in spans:
        if x.descriptor is not None:
            _resolve_listed(gaz, x, admin1s, countries)
    apply_structure(gaz, text, spans)


def _resolve_in_context(gaz: Gazetteer, text: str, plain: list[Span]) -> None:
    """One context resolution per distinct name (with the descriptor that follows it), in chunks."""
    distinct: dict[tuple[str, str], list[Span]] = {}
    for x in plain:
        after = en.DESCRIPTOR_AFTER_NAME.match(text, x.end)
        distinct.setdefault((fold(x.surface), after.group(1).lower() if after else ""), []).append(x)
    groups = list(distinct.values())
    for i in range(0, len(groups), CONTEXT_CHUNK):
        chunk = groups[i:i + CONTEXT_CHUNK]
        found = resolve_candidates(gaz, text, [(g[0].start, g[0].end) for g in chunk])
        for same, cand in zip(chunk, found):
            if cand is not None:
                for x in same:
                    x.place, x.score, x.reason = cand.place, cand.score, f"{x.reason}: {cand.reason}"


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
        own = _search(gaz, x.surface, limit=1)
        if not own or p is None or own[0].place.country_code == p.country_code or not _big(own[0].place):
            continue
        if haversine_km(own[0].place.lat, own[0].place.lon, p.lat, p.lon) < FAR_KM:
            continue
        x.candidates = (p, *x.candidates)
        x.place, x.score = own[0].place, own[0].score
        x.reason = f"{x.reason}; kept its own best place: only small places named without evidence pulled it away"
        for y in movers:
            _unplace(y, f"a small place named without evidence, far from {own[0].place.name}")
    _parts_of_one_name(text, placed)
    _pull_to_area(gaz, placed)
    _pull_to_named_unit(gaz, placed)
    _one_town_per_name(gaz, placed)
    _in_named_district(gaz, placed)
    _in_named_region(gaz, placed)
    _approximate_in_its_area(gaz, placed)
    for x in placed:
        if x.place is not None and _other_name(x) and not has_evidence(text, x) and not _coherent(x, placed):
            _unplace(x, f"'{x.surface}' is another name of {x.place.name}, named without evidence, alone in its country")


def _strength(x: Span) -> int:
    """How surely *x* names where a report is: a first- or second-level unit 2, a big town by a name 1, else 0.

    Between two countries naming as many places, the stronger is the report's area (:func:`_pull_to_area`);
    a country's own name is no such evidence (a party to the war: "troops from Ukraine"), nor a unit's name
    that is also a common word ("Grad" rockets).
    """
    p = x.place
    if p is None or x.surface.isupper():  # an acronym ("SWAT") names no unit
        return 0
    if p.kind in _UNITS:
        return 0 if common_word(x.surface) else 2
    return int(p.kind is PlaceKind.POPULATED_PLACE and _big(p)
               and (OWN_NAME_MATCH in x.reason or OTHER_NAME_MATCH in x.reason))


def _parts_of_one_name(text: str, placed: list[Span]) -> None:
    """Names side by side in one capitalised run ("Tal Tamer") are words of one name the gazetteer lacks.

    Each word's place is only a namesake of that word: it stays when another name of the report has a
    place in its country (it may be a list without commas), or when it is a big town spelled as it is,
    else it is an outlier, left unresolved. Only towns side by side are one name: a town then a unit
    ("Maiduguri Borno State") says where the town is.
    """
    ordered = sorted(placed, key=lambda y: y.start)
    joined: set[int] = set()
    for x, y in zip(ordered, ordered[1:]):
        if (y.start == x.end + 1 and text[x.end] == " " and _town(x) and _town(y)):
            joined.update((id(x), id(y)))
    if not joined:
        return
    parts = [x for x in ordered if id(x) in joined and not x.fixed
             and not (_big_by_own_name(x) and x.place is not None and x.place.name.casefold() == x.surface.casefold())]
    others: dict[str | None, set[str]] = {}  # the names of the other spans, by country
    for y in placed:
        if y.place is not None and id(y) not in joined:
            others.setdefault(y.place.country_code, set()).add(fold(y.surface))
    for x in parts:
        if x.place is not None and not others.get(x.place.country_code, set()) - {fold(x.surface)}:
            _unplace(x, f"'{x.surface}' is one word of a longer name the gazetteer lacks", outlier=True)


def _town(x: Span) -> bool:
    """Whether *x* is placed at a populated place."""
    return x.place is not None and x.place.kind is PlaceKind.POPULATED_PLACE


def _pull_to_area(gaz: Gazetteer, placed: list[Span]) -> None:
    """A town alone in its country, far from the report's area, not big by its own name: its namesake there or none.

    The country of most of the report's names is its area when it holds two of them, or a unit (a
    country, a first-level unit) the report names; between countries naming as many, the one of the
    stronger name (:func:`_strength`: a unit, then a big town) is. The lone town (:func:`_pullable`), more than ``FAR_KM`` from
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
            names.setdefault(cc, set()).add(fold(x.surface))
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
                or not _pullable(x, len(names[area])) or _near_any(p, area_lat, area_lon)):
            continue
        found = [c for c in _search(gaz, x.surface, country=area, limit=1) if c.reason.startswith(_NAME_MATCHES)]
        if found:
            x.candidates = (p, *x.candidates)
            x.place, x.score = found[0].place, found[0].score
            x.reason = f"{x.reason}; pulled to {area}, where the report's other places are: {found[0].reason}"
        else:
            _unplace(x, f"alone in {p.country_code}, far from the report's places in {area}, none of its name there",
                     outlier=True)


def _pullable(x: Span, area_names: int) -> bool:
    """Whether *x*'s place, alone in its country far from the report's area of *area_names* names, may be moved.

    Not a country, nor a big town by its own name; a first-level unit only when its name is also a
    common word ("Grad" rockets) or the area holds ``AREA_NAMES`` names or more (a bare "Colonia" among
    three Mexican places is no Uruguayan department).
    """
    p = x.place
    if p is None or p.kind is PlaceKind.COUNTRY:
        return False
    if p.kind is PlaceKind.ADMIN1:
        return common_word(x.surface) or area_names >= AREA_NAMES
    return not _big_by_own_name(x)


def _pull_to_named_unit(gaz: Gazetteer, placed: list[Span]) -> None:
    """A town alone in its country, in a report whose named units (country, admin1, admin2) are all of one other country.

    A careful reader takes "Oba ... (Anambra)" for the Oba of Anambra's country: the unit the report
    names is stronger evidence than a namesake's population. The lone town (not big by its own name,
    more than ``FAR_KM`` from every named unit) becomes its namesake in that country, one inside a named
    unit first. Without a namesake there it is no place when a named unit is an admin1 or admin2 whose name
    is no common word ("Grad" rockets are no Slovenian unit), or when the town was matched by another of
    its names; else (a country named as a party: "the war in Ukraine") it stays.
    """
    named = [x for x in placed if x.place is not None and x.place.kind in _NAMED_UNITS]
    units = [x.place for x in named if x.place is not None]
    if len({u.country_code for u in units}) != 1:
        return
    sure = any(u.kind in _UNITS and not common_word(x.surface) for x, u in zip(named, units))
    area = units[0].country_code
    counts: dict[str | None, set[str]] = {}
    for x in placed:
        if x.place is not None:
            counts.setdefault(x.place.country_code, set()).add(fold(x.surface))
    lat, lon = np.array([u.lat for u in units]), np.array([u.lon for u in units])
    for x in placed:
        p = x.place
        if (p is None or p.country_code == area or x.fixed or p.kind is not PlaceKind.POPULATED_PLACE
                or len(counts[p.country_code]) != 1 or _big_by_own_name(x) or _near_any(p, lat, lon)):
            continue
        found = [c for c in _search(gaz, x.surface, country=area, limit=TOWN_CANDIDATES)
                 if c.reason.startswith(_NAME_MATCHES)]
        if found:
            best = max(found, key=lambda c: (any(contains(u, c.place) for u in units), c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; pulled to {area}, whose unit the report names: {best.reason}"
        elif sure or OTHER_NAME_MATCH in x.reason:
            _unplace(x, f"alone in {p.country_code}, far from the units the report names in {area}, none of its name there")


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
            bare.setdefault(fold(x.surface), x.place)
    for x in placed:
        head, _, word = x.surface.rpartition(" ")
        other = bare.get(fold(head)) if head and word.lower() in en.SETTLEMENT_WORDS else None
        if other is None or x.place is None or x.place.country_code == other.country_code:
            continue
        towns = [other] if other.kind is PlaceKind.POPULATED_PLACE else [c.place for c in _search(
            gaz, head, kind=PlaceKind.POPULATED_PLACE, country=other.country_code, limit=1)]
        if towns:
            x.candidates = (x.place, *x.candidates)
            x.place = towns[0]
            x.reason = f"{x.reason}; the town in {other.country_code} that '{head}' names elsewhere in the report"


def _in_named_district(gaz: Gazetteer, placed: list[Span]) -> None:
    """A settlement of a report that names a district ("Novoselivka in Kramatorsk Raion") is its namesake there.

    The district is a mention with a district's descriptor, or an admin-2 unit; a settlement not in a named
    district takes its namesake in one (with its own point first), when the gazetteer has one.
    """
    districts: set[tuple[str | None, str]] = set()
    for y in placed:
        q = y.place
        if q is not None and (q.kind is PlaceKind.ADMIN2 or parse_query(y.surface).kind == PlaceKind.ADMIN2.value):
            districts.add((q.country_code, q.name if q.kind is PlaceKind.ADMIN2 else q.admin2 or ""))
    if not districts:
        return
    ccs = sorted({cc for cc, _ in districts if cc})
    for x in placed:
        p = x.place
        if (p is None or p.kind is not PlaceKind.POPULATED_PLACE or x.fixed
                or (p.country_code, p.admin2 or "") in districts or parse_query(x.surface).kind is not None):
            continue
        there = [c for cc in ccs for c in _search(gaz, x.surface, kind=PlaceKind.POPULATED_PLACE, country=cc,
                                                 limit=DISTRICT_CANDIDATES)
                 if c.reason.startswith(_NAME_MATCHES) and (c.place.country_code, c.place.admin2 or "") in districts]
        if there:
            best = min(there, key=lambda c: (c.place.approximate, -c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; its namesake in {best.place.admin2}, a district the report names"


def _in_named_region(gaz: Gazetteer, placed: list[Span]) -> None:
    """A small settlement outside the report's first-level units is its namesake in one of them, if any.

    The report's units are those it names, and those of its other places with their own point. A common
    village name has dozens of namesakes, too many for the context's candidates to hold the one in the
    report's region: "Pavlivka" in a report on Donetsk is the Pavlivka of Donetsk Oblast (one with its
    own point first), not the most populous Pavlivka of another oblast.
    """
    regions = _ReportRegions(placed)
    if not regions.countries:
        return
    for x in placed:
        p = x.place
        own = fold(x.surface)
        if (p is None or p.kind is not PlaceKind.POPULATED_PLACE or x.fixed or not _small(p)
                or regions.holds(p, own) or parse_query(x.surface).kind is not None):
            continue
        there = [c for cc in regions.countries for c in _search(gaz, x.surface, kind=PlaceKind.POPULATED_PLACE,
                                                                 country=cc, limit=DISTRICT_CANDIDATES)
                 if c.reason.startswith(_NAME_MATCHES) and regions.holds(c.place, own)]
        if there:
            best = min(there, key=lambda c: (c.place.approximate, -c.score))
            x.candidates = (p, *x.candidates)
            x.place, x.score = best.place, best.score
            x.reason = f"{x.reason}; its namesake in {best.place.admin1}, where the report's places are"


class _ReportRegions:
    """The first-level units a report names, and those its places with their own point lie in (by name)."""

    def __init__(self, placed: list[Span]) -> None:
        self.named: set[tuple[str | None, str]] = set()
        self.holders: dict[tuple[str | None, str], set[str]] = {}
        for y in placed:
            q = y.place
            if q is None:
                continue
            if q.kind is PlaceKind.ADMIN1:
                self.named.add((q.country_code, q.name))
            elif q.kind is PlaceKind.POPULATED_PLACE and q.admin1 and not q.approximate:
                self.holders.setdefault((q.country_code, q.admin1), set()).add(fold(y.surface))
        self.countries = sorted({cc for cc, _ in (*self.named, *self.holders) if cc})

    def holds(self, p: Place, own: str) -> bool:
        """Whether *p* lies in one of the units, not counting the places named *own* (a name never supports itself)."""
        key = (p.country_code, p.admin1 or "")
        return key in self.named or bool(self.holders.get(key, set()) - {own})


def _approximate_in_its_area(gaz: Gazetteer, placed: list[Span]) -> None:
    """A settlement at an approximate point (a codifier village at its hromada's centre) needs its area named.

    Dozens of villages share a name, and one of them is not the report's without evidence. Such a
    village stays the mention's place when the report names its district; when it names only its
    first-level unit (or another place, with its own point, in that unit), a namesake with its own
    point in that unit comes first. Without either, the mention is the best namesake with its own
    point in the village's country (or abroad, when the report names nothing else in that country);
    without one, a village named by a common English word ("Step") is no place.
    """
    approximate = [x for x in placed if x.place is not None and x.place.approximate and not x.fixed
                   and x.place.kind is PlaceKind.POPULATED_PLACE]
    if not approximate:
        return
    units = _named_units(placed)
    for x in approximate:
        p = x.place
        if p is None or (p.country_code, p.admin2 or "") in units:
            continue
        exact = [c for c in _name_candidates(gaz, x.surface)
                 if not c.place.approximate and c.place.kind is PlaceKind.POPULATED_PLACE
                 and c.reason.startswith(_NAME_MATCHES) and c.place.country_code == p.country_code]
        if (p.country_code, p.admin1 or "") in units:
            exact = [c for c in exact if c.place.admin1 == p.admin1]
            why = f"a namesake with its own point in {p.admin1}, where the report names no district"
        else:
            if not exact and not _coherent(x, placed):
                exact = [c for c in _name_candidates(gaz, x.surface) if not c.place.approximate
                         and c.place.kind is PlaceKind.POPULATED_PLACE and c.reason.startswith(_NAME_MATCHES)]
            why = f"a namesake with its own point: the report names no area of the approximate {p.name}"
        if exact:
            x.candidates = (p, *x.candidates)
            x.place, x.score = exact[0].place, exact[0].score
            x.reason = f"{x.reason}; {why} ({p.admin2 or p.admin1})"
        elif (p.country_code, p.admin1 or "") not in units and common_word(x.surface):
            _unplace(x, f"a common English word, and the report names no area of the approximate {p.name}")


def _named_units(placed: list[Span]) -> set[tuple[str | None, str]]:
    """(country, name) of the units the report names, and of the units its places with their own point lie in."""
    units: set[tuple[str | None, str]] = set()
    for y in placed:
        q = y.place
        if q is None:
            continue
        if q.kind is PlaceKind.ADMIN1 or q.kind is PlaceKind.ADMIN2:
            units.add((q.country_code, q.name))
        elif q.admin1 and not q.approximate:
            units.add((q.country_code, q.admin1))
    return units


def _near_any(p: Place, lat: np.ndarray, lon: np.ndarray, km: float = FAR_KM) -> bool:
    """Whether *p* is within *km* of one of the points (*lat*, *lon*): a town across a border."""
    return bool((haversine_km(p.lat, p.lon, lat, lon) < km).any())


def _big_by_own_name(x: Span) -> bool:
    """Whether *x*'s place is big (:func:`_big`) and *x* names it by its own name (not another, not a part)."""
    return x.place is not None and _big(x.place) and OWN_NAME_MATCH in x.reason


def _lone_strong(text: str, placed: list[Span]) -> list[tuple[Span, list[Span]]]:
    """The spans of each country whose one other name is theirs, all the rest small and without evidence.

    Each with those small places: the only support the context had for putting the span in that country.
    """
    if not any(_small(x.place) for x in placed):  # (every country's spans would be passed over)
        return []
    by_country: dict[str | None, list[Span]] = {}
    for x in placed:
        by_country.setdefault(x.place.country_code if x.place is not None else None, []).append(x)
    out: list[tuple[Span, list[Span]]] = []
    for members in by_country.values():
        small = [y for y in members if _small(y.place)]
        if not small or len(small) == len(members):
            continue
        small_ids = {id(y) for y in small}
        strong = [x for x in members if id(x) not in small_ids]
        if len({fold(x.surface) for x in strong}) != 1:
            continue
        weak = [y for y in small if not has_evidence(text, y)]
        if len(weak) == len(small):  # (a small place named with evidence supports the move)
            out.extend((x, weak) for x in strong)
    return out


def _big(p: Place) -> bool:
    """Whether *p* is a country, a first-level unit or a town of ``BIG_PLACE_POPULATION`` people."""
    return p.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1) or (p.population or 0) >= BIG_PLACE_POPULATION


def _small(p: Place | None) -> bool:
    """Whether *p* is a town of fewer than ``SMALL_TOWN_POPULATION`` people."""
    return p is not None and p.kind is PlaceKind.POPULATED_PLACE and (p.population or 0) < SMALL_TOWN_POPULATION


def _other_name(x: Span) -> bool:
    """Whether *x* matched another name of its place, unlike its own name (a historic name, a namesake's)."""
    return x.place is not None and OTHER_NAME_MATCH in x.reason and not _similar(x.surface, x.place.name)


@lru_cache(maxsize=NAME_PAIR_CACHE)
def _similar(a: str, b: str) -> bool:
    """Whether names *a* and *b* are spellings of one name (folded, ``SIMILAR_NAME_RATIO`` alike)."""
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= SIMILAR_NAME_RATIO


def _coherent(x: Span, spans: list[Span]) -> bool:
    """Whether another name of the report has a place in the country of *x*'s place."""
    cc = x.place.country_code if x.place is not None else None
    return any(y.place is not None and y.place.country_code == cc and fold(y.surface) != fold(x.surface)
               for y in spans)


def _unplace(x: Span, why: str, *, outlier: bool = False) -> None:
    """Leave *x* without a place, saying *why*: no place name here (dropped), or an *outlier* (kept unresolved)."""
    if x.place is not None:
        x.candidates = (x.place, *x.candidates)
    x.place, x.score = None, None
    x.reason = f"{x.reason}; {OUTLIER if outlier else NOT_A_PLACE}: {why}"


@lru_cache(maxsize=NAME_ANSWER_CACHE)
def _name_candidates(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """*name*'s ``NAME_COUNTRY_CANDIDATES`` best candidates anywhere, best first: one search answers
    :func:`_big_by_name`, :func:`_countries_named` and :func:`_best_in`.

    ``rank`` sorts stably and cuts at the limit, so its first candidate is ``search(name, limit=1)``'s,
    and, when fewer than the limit, they are all of *name*'s places, in the order a search restricted to
    a country keeps them (``country=`` only filters).
    """
    return tuple(_search(gaz, name, limit=NAME_COUNTRY_CANDIDATES))


def _countries_named(gaz: Gazetteer, name: str) -> frozenset[str] | None:
    """The countries holding a place called *name* (a name match), or None when *name* has too many places to tell.

    Only these countries can give :func:`_resolve_weak` a place, so the others are not searched one by one.
    """
    cands = _name_candidates(gaz, name)
    if len(cands) >= NAME_COUNTRY_CANDIDATES:
        return None
    return frozenset(c.place.country_code for c in cands if c.place.country_code and c.reason.startswith(_NAME_MATCHES))


def _big_by_name(gaz: Gazetteer, name: str) -> bool:
    """Whether *name*'s best place is a country, or a first-level unit or town of many people, by its own name."""
    best = _search(gaz, name, limit=1)  # (the first of _name_candidates, without building 49 more places)
    if not best or not best[0].reason.startswith(_NAME_MATCHES[0]):
        return False
    return _big(best[0].place)


def _best_in(gaz: Gazetteer, name: str, country: str) -> list[Candidate]:
    """``_search(gaz, name, country=country, limit=1)`` for a name whose places :func:`_countries_named` tells.

    The first of *name*'s candidates in *country* (all its places are among them): no search of its own.
    """
    return [c for c in _name_candidates(gaz, name) if c.place.country_code == country][:1]


def _resolve_weak(gaz: Gazetteer, weak: list[Span], strong: list[Span]) -> None:
    """Common words without evidence: their best place in a country of the report's other places, or none.

    A village at an approximate point (one of thousands of codifier villages, "Step", "Pole") is such a
    place only in a first-level unit the report names (or names a place with its own point in).
    """
    countries = {x.place.country_code for x in strong if x.place is not None and x.place.country_code}
    areas = _named_units(strong)
    for x in weak:
        named = _countries_named(gaz, x.surface)
        if named is None:
            found = [c for cc in sorted(countries) for c in _search(gaz, x.surface, country=cc, limit=1)
                     if c.reason.startswith(_NAME_MATCHES)]
        else:
            found = [c for cc in sorted(countries & named) for c in _best_in(gaz, x.surface, cc)
                     if c.reason.startswith(_NAME_MATCHES)]
        found = [c for c in found if not c.place.approximate
                 or (c.place.country_code, c.place.admin1 or "") in areas]
        if not found:
            x.reason = (f"{x.reason}: {NOT_A_PLACE}: a common English word, with no locative word before it "
                        f"nor a place of its name in the report's countries")
            continue
        best = max(found, key=lambda c: c.score)
        x.place, x.score = best.place, best.score
        x.reason = (f"{x.reason}: {best.reason}; a common English word, taken as a place in "
                    f"{best.place.country_code}, where the report's other places are")


def _search(gaz: Gazetteer, name: str, *, limit: int, kind: PlaceKind | None = None,
            country: str | None = None) -> list[Candidate]:
    """``gaz.search``, no candidate where the name or the country is not one the gazetteer takes."""
    try:
        return gaz.search(name, kind=kind, country=country, limit=limit)
    except InvalidInputError:
        return []


def _resolve_listed(gaz: Gazetteer, x: Span, admin1s: set[str | None], countries: set[str | None]) -> None:
    """Resolve a listed name: the best unit of its descriptor's level, by score and nearness to the others."""
    cands = _search(gaz, f"{x.surface} {x.descriptor}", limit=LISTED_CANDIDATES)
    if not any(c.place.kind in _UNITS for c in cands):
        cands = [*cands, *_search(gaz, x.surface, limit=LISTED_CANDIDATES)]
    want = PlaceKind.ADMIN1 if x.descriptor in en.ADMIN1_DESCRIPTORS else PlaceKind.ADMIN2
    best, best_score = None, float("-inf")
    for c in cands:
        if c.place.kind is not want:
            continue
        score = c.score + (SAME_REGION_BONUS if c.place.admin1 in admin1s else 0.0) + (
            SAME_COUNTRY_BONUS if c.place.country_code in countries else 0.0)
        if score > best_score:
            best, best_score = c, score
    if best is not None:
        x.place, x.score = best.place, round(best_score, SCORE_DECIMALS)
        x.candidates = tuple(c.place for c in cands if c is not best)[:KEPT_CANDIDATES]
        context = "; same region as other places named" if best.place.admin1 in admin1s else ""
        x.reason = f"{x.reason}: {best.reason}{context}"


def apply_town_rule(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """A bare name resolved to a region or district is its namesake town, unless a descriptor follows.

    A district named with its word ("Kupiansk Raion", "Kanbalu district") is no bare name: it stays the
    district. (A first-level unit with its word, "Odesa region", stays its namesake capital, the point a
    coder gives an event told only by its region.)
    """
    for x in spans:
        p = x.place
        if (p is None or p.kind not in _UNITS or x.descriptor is not None or x.fixed
                or parse_query(x.surface).kind == PlaceKind.ADMIN2.value):
            continue
        if en.REGION_AFTER.match(text, x.end) or en.REGION_OF.search(text[max(0, x.start - REGION_OF_WINDOW):x.start]):
            continue
        for c in _search(gaz, x.surface, kind=PlaceKind.POPULATED_PLACE, country=p.country_code,
                         limit=TOWN_CANDIDATES):
            if _namesake_town(x, p, c):
                x.candidates = (p, *x.candidates)
                x.place = c.place
                x.reason = (f"{x.reason}; taken as the town {c.place.name}: a bare name, no "
                            f"'region'/'district' after it")
                break


def _namesake_town(x: Span, unit: Place, c: Candidate) -> bool:
    """Whether candidate *c* is a town in *unit* that the bare name of *x* names."""
    town = c.place
    inside = town.admin1 == unit.name if unit.kind is PlaceKind.ADMIN1 else town.admin2 == unit.name or (
        town.admin1 == unit.admin1 and fold(town.name) == fold(x.surface))
    if not inside:
        return False
    return fold(x.surface) in (fold(town.name), *[fold(w) for w in town.name.split()]) or c.reason.startswith(
        _NAME_MATCHES)


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
            names.setdefault(x.place.country_code or "", set()).add(fold(x.surface))
    main = max(names, key=lambda cc: len(names[cc]), default="")
    if len(names.get(main, ())) >= AREA_NAMES:
        points = {(x.place.lat, x.place.lon) for x in spans
                  if x.place is not None and (x.place.country_code or "") == main}
        lat, lon = np.array([q[0] for q in points]), np.array([q[1] for q in points])
        far: dict[Place, bool] = {}  # (each place measured once: a name repeated is one question)
        for x in spans:
            p = x.place
            if (p is not None and p.kind is PlaceKind.POPULATED_PLACE and " " not in x.surface
                    and (p.population or 0) < SMALL_TOWN_POPULATION and len(names[p.country_code or ""]) == 1
                    and far.setdefault(p, not _near_any(p, lat, lon, OUTLIER_KM))):
                _unplace(x, f"a small town alone in {p.country_code}, far from the report's main area", outlier=True)
    return [x for x in spans if x.place is not None or NOT_A_PLACE not in x.reason]
