"""Territorial claims: "<claimant> captured <places>", "… control over 1,000 km² of the Kursk region".

A claim is told in one sentence: a control word (:data:`geoconflict.lang.en.CLAIM_CUE`)
with a claimant (the actor before it, or after "by"/"to" in the passive), and
the places named in its clause, else the unit an anaphor ("the region") or
the paragraph refers back to, and maybe a number of settlements and an area; the side
the ground is taken from (:mod:`~geoconflict.extraction.claim_sides`) and the deaths
its sentence (or a closing "N fatalities.") states, which the assembly keeps only when no
other event of the sentence counts them.
Its extent is the union of its areas, or, for a stated area in a region, an
extent of that size placed by :mod:`~geoconflict.extraction.extents` inside the
districts where fighting is reported (:class:`CombatIndex`). A denial or a
"not confirmed" in the sentence or the next adds a note (:func:`dispute_note`); a denial
in the next sentence is also a claim of its own, the denier's, linked to the claim it
disputes (:func:`counter_claim`): the ledger keeps both sides.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import replace

import shapely
from shapely.geometry.base import BaseGeometry

from geoconflict.extraction.actors import (
    DEMONYM_WORD,
    Actor,
    actors,
    country_of,
    first_party,
    own_party,
    side_name,
    state_side,
    without_article,
)
from geoconflict.extraction.claim_sides import taken_from
from geoconflict.extraction.country_forces import respelled_in
from geoconflict.extraction.cues import Fold, Reading, Stems, cue_kinds, matched
from geoconflict.extraction.document import TOKEN, TOKEN_OPEN, Document, clause, clause_back, number
from geoconflict.extraction.extents import (
    geodesic_area,
    plausibility_note,
    populated_places_within,
    stated_area_extent,
)
from geoconflict.extraction.located import stated_fatalities
from geoconflict.extraction.own_forces import speakers_side
from geoconflict.extraction.spans import contains
from geoconflict.gazetteer import Gazetteer
from geoconflict.lang import en
from geoconflict.model import (
    CombatArea,
    DatePrecision,
    Derivation,
    Place,
    PlaceKind,
    TerritorialClaim,
)
from geoconflict.model import taxonomy as acled
from geoconflict.model.geometry import KM2_PER_SQUARE_MILE
from geoconflict.text.dates import DateMention
from geoconflict.text.normalize import case_fold
from geoconflict.text.sentences import Sentence

__all__ = ["CombatIndex", "claims", "counter_claim", "dispute_note", "overtaken"]

#: The id stem given to a disputed claim that has none.
_CLAIM_ID = "claim"
#: Square kilometres in a square mile.
#: "its troops" at most this many characters before the control word makes the speaker's side the claimant.
OWN_FORCES_WINDOW = 60
#: Claim extents kept per gazetteer; the oldest goes first.
EXTENT_CACHE_SIZE = 1024
#: A hold word's place: "held (control of the city of) ⟦i⟧".
_HELD_PLACE = re.compile(en.HELD_PLACE + TOKEN_OPEN)
#: Where the places of an active claim's clause end: a comma not followed by more of the list.
_NAMED_END = re.compile(rf",\s+(?!{TOKEN_OPEN}|{en.AND}\s+{TOKEN_OPEN})")
_ANAPHORA = re.compile(en.ANAPHORA + rf"(?!\s*{TOKEN_OPEN})")
_DIGIT = re.compile(r"\d")  # every en.AREA match holds one
#: What joins sides named as one ("FARDC and Wazalendo fighters", "FARDC, Wazalendo").
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
#: The units a claim's area is looked for among when no anaphor says which.
_ANY_UNIT = (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE)
_BROAD = (PlaceKind.ADMIN1, PlaceKind.COUNTRY)
_THE_SPACE = f"{en.THE} "
#: The reason of a claim's areas named in its sentence (also that of a claim of figures with no area).
_NAMED = "named in the sentence"

#: (geometry, derivation, populated places inside, geodesic area in km² or None without a geometry) of a claim
#: extent.
Extent = tuple[BaseGeometry | None, Derivation | None, int | None, float | None]
#: Claim extents by what they depend on, per gazetteer: the areas, and for an extent placed by the stated
#: area, that area, the claimant's country and the districts where fighting is reported. The same claim in
#: many reports is derived once. Bounded, oldest dropped first.
_EXTENTS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[object, ...], Extent]] = weakref.WeakKeyDictionary()


class CombatIndex:
    """The places of a report's combat areas, looked up by the first-level unit or country they lie in.

    ``within(broad)`` gives what a loop over every combat area's places would: each place (with a
    geometry) in one of the *broad* units or countries, by place key, in the order first met, holding
    the last record met. Built once per report, so a claim does not loop over all combat areas.
    """

    def __init__(self, combats: list[CombatArea]) -> None:
        #: ("admin1", name) or ("country", code) -> place key -> [first seen, last seen, place]
        self._by_unit: dict[tuple[str, str | None], dict[Place, list]] = {}
        seen = 0
        for c in combats:
            for a in c.areas:
                if a.geometry is None:
                    continue
                key = a
                for unit in (("admin1", a.admin1), ("country", a.country_code)):
                    places = self._by_unit.setdefault(unit, {})
                    if key in places:
                        places[key][1:] = [seen, a]
                    else:
                        places[key] = [seen, seen, a]
                seen += 1

    def within(self, broad: list[Place]) -> dict[Place, Place]:
        """The combat areas' places inside any of *broad* (first-level units and countries)."""
        units = {("admin1", b.name) if b.kind is PlaceKind.ADMIN1 else ("country", b.country_code) for b in broad}
        merged: dict[Place, list] = {}
        for unit in units:
            for key, (first, last, place) in self._by_unit.get(unit, {}).items():
                m = merged.get(key)
                if m is None:
                    merged[key] = [first, last, place]
                else:
                    m[0] = min(m[0], first)
                    if last > m[1]:
                        m[1:] = [last, place]
        return {key: m[2] for key, m in sorted(merged.items(), key=lambda item: item[1][0])}


def claims(doc: Document, s: Sentence, said: Callable[[], str | None], fought: CombatIndex) -> list[TerritorialClaim]:
    """The territorial claim told in sentence *s* (at most one: its first control word that makes one)."""
    r = doc.reading(s)
    if "claim" not in r.kinds:
        return []
    for cue in Fold.CLAIM.finditer(r.folded):
        claim = _claim(doc, s, r.masked, cue, said(), fought)
        if claim is not None:
            return [claim]
    return []


def _claim(doc: Document, s: Sentence, masked: str, cue: re.Match[str], speaker: str | None,
           fought: CombatIndex) -> TerritorialClaim | None:
    """The claim of control word *cue* of the masked sentence, or None.

    Parameters
    ----------
    doc : Document
        The report read once.
    s : Sentence
        The sentence.
    masked : str
        The sentence, masked (:meth:`Document.mask`).
    cue : re.Match
        A control word's match in the case-folded masked sentence.
    speaker : str or None
        Who says so.
    fought : CombatIndex
        The report's combat areas, which a stated area is placed in.

    Returns
    -------
    TerritorialClaim or None
        None for a denial, a threat, no claimant, or neither a place nor a figure.
    """
    rest = clause(masked, cue.end())
    folded_rest = case_fold(rest)
    word = matched(masked, cue).lower()
    count = Fold.SETTLEMENTS.search(folded_rest)
    area = Fold.AREA.search(folded_rest) if _DIGIT.search(rest) else None
    if word.startswith(en.HOLD_WORDS) and not word.startswith(en.TAKE_OVER) and not (count or area) \
            and not _HELD_PLACE.match(rest):
        return None
    head = en.APPOSITIVE.sub(",", masked[:cue.start()])
    if (forces := respelled_in(doc, head, [])) is not None:  # "⟦0⟧'s army retook": "Malian army retook"
        head = forces.text
    folded_head = case_fold(head)
    if Fold.DENY.search(folded_head) or Stems.MODAL.search(folded_head) or en.ATTEMPT.search(clause_back(folded_head)):
        return None
    by = respelled_in(doc, rest, [])  # "was retaken by ⟦0⟧'s army": by the Malian army
    claimant, named = _claimant(rest if by is None else by.text, head, folded_head, word, speaker)
    if claimant is None:
        return None
    areas, area_reason = _areas(doc, s, cue, rest, named)
    if not areas and not (count or area):
        return None
    settlements = number(matched(rest, count, "n")) if count else None
    stated = float(matched(rest, area, "n").replace(",", "")) if area else None
    if stated is not None and area is not None and en.SQUARE_MILE_MARK in matched(rest, area, "unit").lower():
        stated = round(stated * KM2_PER_SQUARE_MILE, 1)
    when = _claim_date(doc, s)
    as_of = when.date if when is not None else doc.report.published
    when_reason = "as of the date in the sentence" if when is not None else "as of the report date"
    claimant_label = side_name(claimant)  # one side, one name: "RSF fighters" and "RSF forces" are the RSF
    if claimant_label.lower().startswith(_THE_SPACE):
        claimant_label = claimant_label[len(_THE_SPACE):]
    geometry, derivation, note = claim_geometry(doc.gaz, areas, stated, settlements, claimant, fought)
    figures = ", ".join(matched(rest, m) for m in (count, area) if m)
    reason = (f"claim: control word {matched(masked, cue)!r}" + (f" with {figures!r}" if figures else "")
              + f"; claimant {claimant.phrase!r}; area {area_reason}; {when_reason}")
    prov = doc.provenance(s, reported_by=speaker or claimant.phrase, when=when, reason=reason)
    if prov.event_date is None:
        prov = replace(prov, event_date=as_of, date_precision=DatePrecision.DAY)
    r = doc.reading(s)
    return TerritorialClaim(
        claimant_label, opponent=taken_from(masked, r.folded, cue.end(), claimant_label,
                                            home=areas[0].country_code if areas else None), as_of=as_of,
        settlements=settlements, area_km2_stated=stated, areas=tuple(areas),
        geometry=geometry, derivation=derivation, approximate=derivation == Derivation.STATED_AREA,
        note=note, subtype=_transfer(r, own=_first_person(folded_head, speaker)) or overtaken(claimant_label, areas,
                                                                                             masked),
        fatalities=stated_fatalities(doc, s), provenance=prov,
    )


def _transfer(r: Reading, *, own: bool = False) -> str | None:
    """ACLED's non-violent transfer of territory when the claim's sentence (read as *r*) tells no fighting ("took
    control of <village> without confrontation"), else None (a battle: who won it is the claimant's side). Ground
    won back ("regained", "recaptured"), and ground a side says in the first person it took (*own*: "our forces have
    taken control of <town>", a side's word of a gain against its enemy), was fought for unless the sentence says it
    was not."""
    folded = r.folded
    if Fold.PEACEFUL_TRANSFER.search(folded):
        return acled.NON_VIOLENT_TRANSFER
    fought = (own or r.cue("combat") or Fold.DIRECT_FIRE.search(folded) or Fold.ASSAULT_WORDS.search(folded)
              or Fold.REGAIN_WORDS.search(folded))
    return None if fought else acled.NON_VIOLENT_TRANSFER


def overtaken(claimant: str, areas: Iterable[Place], text: str) -> str | None:
    """ACLED's sub-event type of territory taken by fighting, by the claimant's side: a state's forces in their
    own country regain it; a non-state armed group, or a state's forces abroad, overtake it; a side that is
    neither regains it when the sentence *text* says it was won back ("regained", "retook"), else None.

    Examples
    --------
    >>> from geoconflict.model import Place
    >>> goma = Place("Goma", kind="populated_place", lat=-1.68, lon=29.23, country_code="CD")
    >>> overtaken("FARDC", [goma], "the FARDC recaptured Goma"), overtaken("M23", [goma], "M23 seized Goma")
    ('Government regains territory', 'Non-state actor overtakes territory')
    """
    state = state_side(claimant)
    if state is None:
        return acled.GOVERNMENT_REGAINS if en.REGAIN_WORDS.search(text) else None
    home = country_of(claimant)
    if state and (home is None or any(a.country_code in (home, None) for a in areas)
                  or _with_home_forces(claimant, areas)):
        return acled.GOVERNMENT_REGAINS
    return acled.NON_STATE_OVERTAKES


def _with_home_forces(claimant: str, areas: Iterable[Place]) -> bool:
    """Whether the claimant names, beside foreign forces, the forces of the country the areas are in ("Rwandan and
    Mozambican troops" retaking a town of Mozambique): the government regains it."""
    homes = {en.DEMONYMS[m.group(1)] for m in DEMONYM_WORD.finditer(claimant)}
    return any(a.country_code in homes for a in areas)


def _first_person(folded_head: str, speaker: str | None) -> bool:
    """Whether a claim's head (case-folded) tells it in the speaker's first person: "we have", "our forces"."""
    if not speaker:
        return False
    tail = folded_head[-OWN_FORCES_WINDOW:]
    return bool(en.FIRST_PERSON_CLAIMANT.search(folded_head)) or ("our " in tail and bool(Fold.OWN_FORCES.search(tail)))


def _claim_date(doc: Document, s: Sentence) -> DateMention | None:
    """The date a claim in *s* holds at: the sentence's "at" date, else its "by" date."""
    dates = doc.dates_in(s)
    return next((d for d in dates if d.role == "at"), None) or next((d for d in dates if d.role == "by"), None)


def _claimant(rest: str, head: str, folded_head: str, word: str,
              speaker: str | None) -> tuple[Actor | None, list[int]]:
    """Who claims, and the place tokens named with the claim (before the verb in the passive, after it else).

    Parameters
    ----------
    rest : str
        The masked clause after the control word.
    head : str
        The masked sentence before it (asides removed), and *folded_head* its case-folded form.
    word : str
        The control word, lower case.
    speaker : str or None
        Who says so: "its troops" are the speaker's side, "it said" the speaker.

    Returns
    -------
    claimant : Actor or None
    named : list of int
        The span indices of the places named.
    """
    claimant: Actor | None
    if en.PASSIVE_BY.match(rest) or word.startswith(en.PASSIVE_WORDS):
        found = actors(rest, 0, len(rest))
        claimant = found[0] if found else None
        named = [int(t) for t in TOKEN.findall(clause_back(head))]
    else:
        found = actors(head, 0, len(head))
        parties = [a for a in found if a.party is not None]
        k = len(parties) - 1
        while k > 0 and _JOINED.fullmatch(head, parties[k - 1].end, parties[k].start):
            k -= 1  # "FARDC and Wazalendo fighters retook": sides joined as one, the first named leads
        claimant = parties[k] if parties else None
        own = own_party(head, speaker)
        if own is not None and Fold.OWN_FORCES.search(folded_head[-OWN_FORCES_WINDOW:]):
            claimant = first_party(own, 0, len(own)) or Actor(0, 0, own, None, country_of(own))
        if claimant is None and found:
            claimant = found[-1]
            side = speakers_side(speaker) if speaker and en.OWN_UNIT.match(claimant.phrase) else None
            if side is not None and state_side(side):  # "units of the … group of forces have liberated …", the
                # ministry said: a state's word of its own units
                claimant = Actor(0, 0, side, None, country_of(side))
        named = [int(t) for t in TOKEN.findall(_NAMED_END.split(rest)[0])]
    if claimant is None and speaker and en.FIRST_PERSON_CLAIMANT.search(head):  # "We have liberated …," X said
        side = speakers_side(speaker)
        if side is not None:
            claimant = Actor(0, 0, side, None, country_of(side))
    if claimant is None and speaker and en.PRONOUN_CLAIMANT.search(head):
        claimant = Actor(0, 0, without_article(speaker), None, country_of(speaker))
    if claimant is None and (word.startswith(en.GENERIC_CLAIM_WORDS) or en.CONTROL_OF.match(f"{word}{rest}")):
        claimant = _generic_claimant(folded_head)
    return claimant, named


def _generic_claimant(folded_head: str) -> Actor | None:
    """The forces named by no party right before a control word ("government security forces took over
    <village>"): the last generic armed actor of its clause, as named (lower case)."""
    generic = [g.group(0) for g in Fold.GENERIC_ACTOR.finditer(clause_back(folded_head))
               if en.ARMED_PERPETRATOR.search(g.group(0))]  # armed men, not a crowd ("protesters occupied ...")
    return Actor(0, 0, generic[-1], None, None) if generic else None


def _areas(doc: Document, s: Sentence, cue: re.Match[str], rest: str, named: list[int]) -> tuple[list[Place], str]:
    """The places a claim is about, and why: those named (less those inside another), else one referred back to.

    Parameters
    ----------
    doc, s, cue
        The report, the sentence and the control word's match (in the masked sentence).
    rest : str
        The masked clause after the control word, where an anaphor ("the region") may be.
    named : list of int
        The span indices of the places named with the claim.

    Returns
    -------
    areas : list of Place
    reason : str
        With no place found, that of named ones (a claim of figures alone names no area).
    """
    areas = doc.distinct_places(i for i in named if not doc.spans[i].possessive)
    areas = [a for a in areas if not any(contains(a, b) for b in areas if b is not a)]
    if areas:
        return areas, _NAMED
    anaphor = _ANAPHORA.search(rest)
    kind = en.ANAPHORA_KINDS[anaphor.group("what")] if anaphor else None
    kinds = (PlaceKind(kind),) if kind is not None else _ANY_UNIT
    cue_at = doc.text_pos(s, cue.start())
    if anaphor:
        recent = doc.recent(cue_at, kinds)
        return ([recent], f"'{anaphor.group(0)}' refers back to it") if recent is not None else ([], _NAMED)
    recent = doc.recent(cue_at, kinds, paragraph_start=doc.paragraph_starts.get(s.paragraph, 0))
    if recent is None:
        recent = doc.recent(cue_at, (PlaceKind.ADMIN1,))
    return ([recent], "the region the paragraph is about") if recent is not None else ([], _NAMED)


def claim_geometry(gaz: Gazetteer, areas: list[Place], stated: float | None, settlements: int | None,
                   claimant: Actor, fought: CombatIndex) -> tuple[BaseGeometry | None, Derivation | None, str]:
    """A claim's geometry, how it was derived, and the note comparing it with the stated figures.

    The extent is placed by the stated area when every area is a first-level unit or a country
    (inside the districts of *fought* in them), else it is the union of the areas. Extents are
    remembered per gazetteer (:data:`_EXTENTS`).

    Parameters
    ----------
    gaz : Gazetteer
        Whose countries and populated places the extent is placed and checked with.
    areas : list of Place
        The claim's places.
    stated : float or None
        The stated area, km²; *settlements* the stated number of settlements.
    claimant : Actor
        Its country is the border the extent lies along.
    fought : CombatIndex
        The report's combat areas.

    Returns
    -------
    geometry : Polygon, MultiPolygon or None
    derivation : Derivation or None
    note : str
        :func:`~geoconflict.extraction.extents.plausibility_note`, and how a stated-area extent was placed.
    """
    broad = [a for a in areas if a.kind in _BROAD]
    by_stated = stated is not None and bool(broad) and len(broad) == len(areas)  # else the union of the areas
    inside_places = fought.within(broad) if by_stated else {}
    keys = tuple(areas)
    key = (keys, stated, claimant.country, frozenset(inside_places)) if by_stated else (keys,)
    memo = _EXTENTS.get(gaz)
    if memo is None:
        memo = _EXTENTS[gaz] = {}
    cached = memo.get(key)
    if cached is None:
        cached = _claim_extent(gaz, areas, broad, [a.geometry for a in inside_places.values()],
                               stated if by_stated else None, claimant.country)
        if len(memo) >= EXTENT_CACHE_SIZE:
            memo.pop(next(iter(memo)))
        memo[key] = cached
    geometry, derivation, places_inside, measured = cached
    note = plausibility_note(settlements=settlements, area_stated=stated, geometry=geometry,
                             derivation=(derivation or Derivation.NONE).value, places_inside=places_inside,
                             measured=measured)
    if derivation is Derivation.STATED_AREA:
        note += ("; extent placed inside the districts where fighting is reported, along the border with the "
                 "claimant's country" if claimant.country else "; extent placed around the named areas' centre")
    return geometry, derivation, note


def _claim_extent(gaz: Gazetteer, areas: list[Place], broad: list[Place], inside: list[BaseGeometry],
                  stated: float | None, claimant_country: str | None) -> Extent:
    """The extent of a claim; *stated* is None unless the extent is to be placed by the stated area."""
    geometry = _stated_extent(gaz, broad, inside, stated, claimant_country) if stated is not None else None
    derivation: Derivation | None = Derivation.STATED_AREA if geometry is not None else None
    if geometry is None:
        polys = [a.geometry for a in areas if a.geometry is not None]
        if polys:
            geometry = shapely.union_all(polys)
            derivation = Derivation.UNION
    places_inside = populated_places_within(gaz, geometry) if geometry is not None else None
    return geometry, derivation, places_inside, geodesic_area(geometry) if geometry is not None else None


def _stated_extent(gaz: Gazetteer, broad: list[Place], inside: list[BaseGeometry], stated: float,
                   claimant_country: str | None) -> BaseGeometry | None:
    """An extent of the *stated* area inside the districts *inside* (else the units *broad*), along the
    border with the claimant's country unless the units are in it; None when there is nowhere to place it."""
    unit_geometries = [b.geometry for b in broad if b.geometry is not None]
    within = shapely.union_all(inside) if inside else shapely.union_all(unit_geometries) if unit_geometries else None
    if within is None or within.is_empty:
        return None
    country = gaz.country(claimant_country) if claimant_country else None
    border = country.geometry if country is not None else None
    if border is not None and broad[0].country_code == claimant_country:
        border = None  # the claimant's own country: no border crossed
    return stated_area_extent(stated, within=within, border_with=border)


def dispute_note(doc: Document, claim: TerritorialClaim, s: Sentence, following: Sentence | None) -> TerritorialClaim:
    """Add "not confirmed: …" / "disputed: …" to a claim's note, from its sentence and the next in its paragraph."""
    notes = []
    for t in (s, following):
        if t is None or t.paragraph != s.paragraph:
            continue
        quote = doc.text[t.start:t.end]
        folded = case_fold(quote)
        if "status" not in cue_kinds(folded):  # no DENY_, UNCONFIRMED_ or CONFIRM_CUE
            continue
        if Fold.UNCONFIRMED.search(folded) or en.NO_COMMENT.search(quote):
            notes.append(f"not confirmed: {quote!r}")
        elif t is following and Fold.DENY.search(folded) and Fold.REPORT_WORD.search(folded):
            notes.append(f"disputed: {quote!r}")
    if not notes:
        return claim
    return replace(claim, note="; ".join([claim.note, *notes]) if claim.note else "; ".join(notes))


def counter_claim(doc: Document, claim: TerritorialClaim, s: Sentence, following: Sentence | None,
                  k: int = 0) -> tuple[TerritorialClaim, TerritorialClaim] | None:
    """A denial of *claim* (told in *s*) in the *following* sentence of its paragraph, as its own ledger row.

    "The RSF said it had captured <town>. The army denied the claim." gives the RSF's claim and the army's:
    the army says it still holds the town. The counter-claim's claimant is the denier's side (the subject
    of the denial), ``reported_by`` the denier, its areas and figures those disputed, and ``disputes`` the
    id of the claim it answers (the claim is given an id from its sentence's offset, *k* its rank there,
    when it has none).

    Returns
    -------
    tuple of TerritorialClaim, or None
        The claim (with its id) and the counter-claim; None when the next sentence denies no claim or
        names no denier.
    """
    if following is None or following.paragraph != s.paragraph:
        return None
    quote = doc.text[following.start:following.end]
    folded = case_fold(quote)
    deny = Fold.DENY.search(folded) if "status" in cue_kinds(folded) else None
    if deny is None or not Fold.REPORT_WORD.search(folded):
        return None
    subject = clause_back(quote[:deny.start()]).strip()
    party = first_party(subject, 0, len(subject))
    denier = side_name(party) if party is not None else subject
    if denier.lower().startswith(_THE_SPACE):
        denier = denier[len(_THE_SPACE):]
    if not denier or denier.lower() in en.EXPLETIVES:
        return None
    ident = claim.id or f"{doc.report.source or _CLAIM_ID}#{_CLAIM_ID}-{s.start}.{k}"
    prov = doc.provenance(following, reported_by=subject, when=doc.event_date(following),
                          reason=f"counter-claim: {matched(quote, deny)!r} of the claim told before")
    if prov.event_date is None:  # "The army denied the claim.": the date of the claim it answers
        told = claim.provenance
        prov = replace(prov, event_date=told.event_date, event_date_end=told.event_date_end,
                       date_precision=told.date_precision)
    counter = TerritorialClaim(
        denier, as_of=claim.as_of, settlements=claim.settlements, area_km2_stated=claim.area_km2_stated,
        areas=claim.areas, note=f"denies: {claim.claimant!r}", disputes=ident, provenance=prov)
    return replace(claim, id=ident), counter
