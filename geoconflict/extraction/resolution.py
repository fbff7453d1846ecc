"""Resolution: which place each toponym is, in the context of the whole report.

:func:`resolve_spans` asks the context resolver
(:func:`geoconflict.gazetteer.index.resolve_candidates`) once per distinct name,
and looks listed names up with their descriptor ("Korenevsky district") near
the places resolved. Then the document rules: a bare region name is its
namesake town (:func:`apply_town_rule`) unless the report names "<name>
region" (:func:`apply_region_rule`); "X in the Y region" rejects an X that is
not in Y (:func:`check_containment`); a weakly supported one-word place far
from all others is dropped (:func:`drop_outliers`).
"""

from __future__ import annotations

from geoconflict.errors import InvalidInputError
from geoconflict.extraction.spans import Span, contains
from geoconflict.gazetteer import Candidate, Gazetteer, resolve_candidates
from geoconflict.lang import en
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold

__all__ = ["apply_region_rule", "apply_town_rule", "check_containment", "drop_outliers", "resolve_spans"]

#: Mentions resolved together in one call of the context resolver.
CONTEXT_CHUNK = 60
#: Candidates looked at for a listed name ("Korenevsky" of "… districts"), and for a region's namesake town.
LISTED_CANDIDATES = 8
TOWN_CANDIDATES = 5
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
#: A populated place of fewer people is "small", dropped when alone in its country in a report naming more
#: than FEW_PLACES places (or at the start of a sentence).
SMALL_TOWN_POPULATION = 20000
FEW_PLACES = 2
#: Decimals kept of a listed name's score.
SCORE_DECIMALS = 3
#: A bare name's place that the report may mean the town of.
_UNITS = (PlaceKind.ADMIN1, PlaceKind.ADMIN2)
#: How a town candidate matched that makes a bare name its (not a fuzzy or partial match).
_NAME_MATCHES = ("name", "alternate name")


def resolve_spans(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Give each span its place (or leave it None), score, candidates and reason: in context, then by list."""
    plain = [x for x in spans if x.descriptor is None]
    _resolve_in_context(gaz, text, plain)
    # listed names ("Korenevsky, … districts"): search "<name> <descriptor>" near the resolved places
    resolved = [x.place for x in plain if x.place is not None]
    admin1s = {p.admin1 or (p.name if p.kind is PlaceKind.ADMIN1 else None) for p in resolved}
    countries = {p.country_code for p in resolved}
    for x in spans:
        if x.descriptor is not None:
            _resolve_listed(gaz, x, admin1s, countries)


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
    """A bare name resolved to a region or district is its namesake town, unless a descriptor follows."""
    for x in spans:
        p = x.place
        if p is None or p.kind not in _UNITS or x.descriptor is not None:
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
        if p is None or p.kind is not PlaceKind.POPULATED_PLACE:
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


def drop_outliers(spans: list[Span], sentence_starts: set[int]) -> list[Span]:
    """Drop weakly supported one-word places far from everything else in the report."""
    countries: dict[str, int] = {}
    per_place: dict[Place, int] = {}
    for x in spans:
        if x.place is not None:
            cc, pk = x.place.country_code or "", x.place
            countries[cc] = countries.get(cc, 0) + 1
            per_place[pk] = per_place.get(pk, 0) + 1
    kept = []
    for x in spans:
        p = x.place
        if p is not None and p.kind is PlaceKind.POPULATED_PLACE and " " not in x.surface:
            alone = countries.get(p.country_code or "", 0) <= per_place[p]
            small = (p.population or 0) < SMALL_TOWN_POPULATION
            if (alone and small and len(spans) > FEW_PLACES) or (x.start in sentence_starts and small and alone):
                continue
        kept.append(x)
    return kept
