"""Resolution: which place each toponym is, in the context of the whole report.

:func:`resolve_spans` asks the context resolver
(:func:`geoconflict.gazetteer.index.resolve_candidates`) once per distinct name,
and looks listed names up with their descriptor ("Korenevsky district") near
the places resolved. Names that are also common English words need evidence;
the context cannot be hijacked
(:func:`~geoconflict.extraction.resolution_guards.guard_context`); tails and
bearings are constraints (:func:`~geoconflict.extraction.structure.apply_structure`).

After it, the document rules of :mod:`~geoconflict.extraction.resolution_units`
(a bare region name is its namesake town unless the report names "<name>
region"; "X in the Y region" rejects an X not in Y) and
:func:`~geoconflict.extraction.resolution_outliers.drop_outliers` (a weakly
supported one-word place far from the report's main area is left unresolved).
"""

from __future__ import annotations

from geoconflict.extraction.city_parts import in_town_parts
from geoconflict.extraction.resolution_actors import pull_to_actors
from geoconflict.extraction.resolution_common import (
    NAME_MATCHES,
    NOT_A_PLACE,
    UNITS,
    best_in,
    big_by_name,
    countries_named,
    named_units,
    search,
)
from geoconflict.extraction.resolution_guards import guard_context
from geoconflict.extraction.resolution_inside import hold_to_district
from geoconflict.extraction.resolution_spelling import respell_in_units
from geoconflict.extraction.spans import Kind, Span
from geoconflict.extraction.structure import apply_coded, apply_sentence_region, apply_structure
from geoconflict.extraction.toponyms import common_word, has_evidence
from geoconflict.gazetteer import Gazetteer, resolve_candidates
from geoconflict.lang import en

__all__ = ["resolve_spans"]

#: Mentions resolved together in one call of the context resolver.
CONTEXT_CHUNK = 60
#: Candidates looked at for a listed name ("Korenevsky" of "… districts").
LISTED_CANDIDATES = 8
#: Kept with a listed name's place: the other candidates, best first.
KEPT_CANDIDATES = 3
#: A listed name's candidate scores more in a first-level unit, or a country, already named.
SAME_REGION_BONUS = 2.0
SAME_COUNTRY_BONUS = 1.0
#: Decimals kept of a listed name's score.
SCORE_DECIMALS = 3
#: What each word of :data:`~geoconflict.lang.en.WAR_OBJECT_BEFORE` holds in lower case, in letters that match
#: no other character in either case ("i" matches "ı", "s" matches "ſ": left out).
_WAR_STEMS = ("war", "nva", "aggre", "occupat")


def resolve_spans(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Give each span its place (or leave it None), score, candidates and reason: in context, then by list.

    A name that is also a common English word and has no evidence of being a place here (see
    :func:`~geoconflict.extraction.toponyms.has_evidence`) takes no part in the context: it is a place only
    when it is a is_big place by its own name, or when the report's other places are in a country it has a
    place of (:func:`_resolve_weak`).
    """
    plain = [x for x in spans if x.descriptor is None]
    weak = [x for x in plain if common_word(x.surface) and not has_evidence(text, x)
            and not big_by_name(gaz, x.surface)]
    weak_ids = {id(x) for x in weak}
    strong = [x for x in plain if id(x) not in weak_ids] if weak else plain
    war = [x for x in strong if _war_object(gaz, text, x)] if _tells_of_war(text) else []
    _resolve_in_context(gaz, text, [x for x in strong if x not in war] if war else strong)
    if war:  # a country a war is told of, resolved alone: no context for the others
        _resolve_in_context(gaz, text, war)
    guard_context(gaz, text, strong)
    if weak:
        _resolve_weak(gaz, weak, strong)
    # listed names ("Korenevsky, … districts"): search "<name> <descriptor>" near the resolved places
    resolved = [x.place for x in plain if x.place is not None]
    admin1s = {p.admin1 or (p.name if p.kind is Kind.ADMIN1 else None) for p in resolved}
    countries = {p.country_code for p in resolved}
    for x in spans:
        if x.descriptor is not None:
            _resolve_listed(gaz, x, admin1s, countries)
    # listed names are held to the actors' area as the others were ("Bala district" of an Afghan report)
    pull_to_actors(gaz, text, [x for x in spans if x.descriptor is not None and x.place is not None])
    apply_structure(gaz, text, spans)
    in_town_parts(gaz, text, spans)
    hold_to_district(gaz, text, spans)
    apply_sentence_region(gaz, text, spans)
    respell_in_units(gaz, text, spans)
    apply_coded(text, spans)


def _tells_of_war(text: str) -> bool:
    """Whether *text* holds a stem of :data:`~geoconflict.lang.en.WAR_OBJECT_BEFORE`'s words in lower case: else
    no span of it is a war's object, and the pattern is not searched before each (most reports: none)."""
    lowered = text.lower()
    return any(stem in lowered for stem in _WAR_STEMS)


def _war_object(gaz: Gazetteer, text: str, x: Span) -> bool:
    """Whether *x* is the country a war is told of ("a rally in support of the invasion of <country>")."""
    return bool(en.WAR_OBJECT_BEFORE.search(text, max(0, x.start - en.WAR_OBJECT_WINDOW), x.start)) and any(
        c.reason.startswith(NAME_MATCHES) for c in search(gaz, x.surface, kind=Kind.COUNTRY, limit=1))


def _resolve_in_context(gaz: Gazetteer, text: str, plain: list[Span]) -> None:
    """One context resolution per distinct name (with the descriptor that follows it), in chunks."""
    distinct: dict[tuple[str, str], list[Span]] = {}
    for x in plain:
        after = en.DESCRIPTOR_AFTER_NAME.match(text, x.end)
        distinct.setdefault((x.folded, after.group(1).lower() if after else ""), []).append(x)
    groups = list(distinct.values())
    for i in range(0, len(groups), CONTEXT_CHUNK):
        chunk = groups[i:i + CONTEXT_CHUNK]
        found = resolve_candidates(gaz, text, [(g[0].start, g[0].end) for g in chunk])
        for same, cand in zip(chunk, found):
            if cand is not None:
                for x in same:
                    x.place, x.score, x.reason = cand.place, cand.score, f"{x.reason}: {cand.reason}"


def _resolve_weak(gaz: Gazetteer, weak: list[Span], strong: list[Span]) -> None:
    """Common words without evidence: their best place in a country of the report's other places, or none.

    A village at an approximate point (one of thousands of codifier villages, "Step", "Pole") is such a
    place only in a first-level unit the report names (or names a place with its own point in).
    """
    countries = {x.place.country_code for x in strong if x.place is not None and x.place.country_code}
    areas = named_units(strong)
    for x in weak:
        named = countries_named(gaz, x.surface)
        if named is None:
            found = [c for cc in sorted(countries) for c in search(gaz, x.surface, country=cc, limit=1)
                     if c.reason.startswith(NAME_MATCHES)]
        else:
            found = [c for cc in sorted(countries & named) for c in best_in(gaz, x.surface, cc)
                     if c.reason.startswith(NAME_MATCHES)]
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


def _resolve_listed(gaz: Gazetteer, x: Span, admin1s: set[str | None], countries: set[str | None]) -> None:
    """Resolve a listed name ("Korenevsky district"): a unit of its descriptor's level, else its namesake town.

    The best unit of the descriptor's level in the report's countries wins, by score and nearness to the
    report's other places (same first-level unit, same country; the report's countries are searched too).
    Without one, a unit of the other level (a county is Kenya's first level, Liberia's second), or the town of the name (a district, township or hromada is named after its seat:
    "Pokrovske district" is around Pokrovske), each only in the report's countries and first-level units:
    never a namesake across the world.
    """
    cands = search(gaz, f"{x.surface} {x.descriptor}", limit=LISTED_CANDIDATES)
    if not any(c.place.kind in UNITS for c in cands):
        cands = [*cands, *search(gaz, x.surface, limit=LISTED_CANDIDATES)]
    cands += [c for cc in sorted(cc for cc in countries if cc)
              for c in search(gaz, x.surface, country=cc, limit=LISTED_CANDIDATES)]
    want = Kind.ADMIN1 if x.descriptor in en.ADMIN1_DESCRIPTORS else Kind.ADMIN2
    other = Kind.ADMIN2 if want is Kind.ADMIN1 else Kind.ADMIN1
    wanted = [c for c in cands if c.place.kind is want]
    pools = ([c for c in wanted if c.place.country_code in countries] if countries else wanted,
             *([c for c in cands if c.place.kind is kind and c.reason.startswith(NAME_MATCHES)
                and (not countries or c.place.country_code in countries)
                and (not admin1s - {None} or c.place.admin1 in admin1s or c.place.name in admin1s)]
               for kind in (other, Kind.POPULATED_PLACE)), wanted)
    pool = next((p for p in pools if p), None)
    if pool is None:
        return
    best, best_score = max(((c, c.score + (SAME_REGION_BONUS if c.place.admin1 in admin1s else 0.0) + (
        SAME_COUNTRY_BONUS if c.place.country_code in countries else 0.0)) for c in pool), key=lambda t: t[1])
    x.place, x.score = best.place, round(best_score, SCORE_DECIMALS)
    x.candidates = tuple(dict.fromkeys(c.place for c in cands if c is not best))[:KEPT_CANDIDATES]
    context = "; same region as other places named" if best.place.admin1 in admin1s else ""
    seat = f"; the town of the {x.descriptor} the gazetteer lacks" if best.place.kind is Kind.POPULATED_PLACE \
        else ""
    x.reason = f"{x.reason}: {best.reason}{context}{seat}"
