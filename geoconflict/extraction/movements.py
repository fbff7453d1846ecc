"""Movements: "<actor> moved from <origin> to <destination>", with their status.

A movement is told in one sentence: a movement word (:data:`geoconflict.lang.en.MOVE_CUE`)
and a route, "from X to Y" or "to Y from X", between two place mentions of the
masked sentence. Its actor is the last actor before the route (a unit with the
party before it, a numbered formation, "its troops" of the speaker, or a
country as the subject). A sentence that denies or has yet to confirm a
movement updates the status of those it names (:func:`status_updates`), and
repeats of one route merge (:func:`merge_movements`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from geoconflict.extraction.actors import actors, own_party
from geoconflict.extraction.cues import Fold, Reading, matched
from geoconflict.extraction.document import ANY_TOKEN, TOKEN, TOKEN_GROUP, Document
from geoconflict.lang import en
from geoconflict.model import Movement, MovementStatus, Place, PlaceKind
from geoconflict.text.normalize import case_fold
from geoconflict.text.sentences import Sentence

__all__ = ["merge_movements", "movements", "status_updates"]

#: More places of a route's list after its first ("from X, Y and Z", "toward X and Y"): group "more_o" or "more_d".
_MORE = rf"(?:{en.MOVE_LIST_NEXT}{en.DIRECTION}{ANY_TOKEN}){{0,12}}"
_MOVE_FROM_TO = re.compile(rf"{en.MOVE_FROM}{en.DIRECTION}{TOKEN_GROUP}(?P<more_o>{_MORE})"
                           rf"\s+{en.MOVE_TO}{en.DIRECTION}{TOKEN_GROUP}(?P<more_d>{_MORE})")
_MOVE_TO_FROM = re.compile(rf"{en.MOVE_TO_FIRST}{en.DIRECTION}{TOKEN_GROUP}(?P<more_d>{_MORE})"
                           rf"{en.MOVE_FROM_AFTER}{en.DIRECTION}{TOKEN_GROUP}(?P<more_o>{_MORE})")
#: Each route pattern with the groups of its origin and destination, how the reason names it, and the words one of
#: which its every match holds (:data:`~geoconflict.lang.en.MOVE_FROM`, :data:`~geoconflict.lang.en.MOVE_FROM_AFTER`):
#: a sentence with none of them is not searched.
_ROUTES = ((_MOVE_FROM_TO, (1, 3), "from … to …", ("from", "out")), (_MOVE_TO_FROM, (3, 1), "to … from …", ("from",)))
#: The country that is the subject of the movement word: "<country> has sent".
_COUNTRY_SUBJECT = re.compile(TOKEN_GROUP + en.SUBJECT_AUXILIARIES)
#: A route counts when the movement word is at most this many characters after its end.
CUE_REACH = 40
#: The route's actor is no civilian if none is named in this many characters before it.
CIVILIAN_WINDOW = 80
#: A later sentence updates the last movement's status when it starts at most this many characters after it.
STATUS_REACH = 400
#: How statuses rank: a repeat or a later sentence moves a status up only.
STATUS_ORDER = [MovementStatus.REPORTED, MovementStatus.CLAIMED, MovementStatus.UNCONFIRMED,
                MovementStatus.CONFIRMED, MovementStatus.DENIED]
#: The movement word as a reason names it (group 1), read back by status_updates.
_REASON_WORD = re.compile(r"movement word '(\w+)")
_WORD = re.compile(r"\w+")


@dataclass
class _Sentence:
    """One sentence's masked and case-folded forms, and what all its movements share (found on first use)."""

    doc: Document
    s: Sentence
    masked: str
    folded: str

    @cached_property
    def formation(self) -> str | None:
        """The formation the sentence names ("the 3rd Assault Brigade" → "3rd Assault Brigade"), if any."""
        if not any(w in self.masked for w in en.FORMATION_NOUNS):  # then FORMATION cannot match
            return None
        m = en.FORMATION.search(self.masked)
        return m.group(0).removeprefix(f"{en.THE} ") if m else None

    @cached_property
    def status(self) -> MovementStatus:
        """The status the sentence gives its movements."""
        return _status(self.doc.reading(self.s))


def movements(doc: Document, s: Sentence, speaker: Callable[[], str | None]) -> list[Movement]:
    """The movements told in sentence *s*.

    Parameters
    ----------
    doc : Document
        The report read once.
    s : Sentence
        The sentence.
    speaker : callable
        Gives who says so (computed on first call).

    Returns
    -------
    list of Movement
        One per route ("from … to …", "to … from …") near a movement word, in that order.
    """
    r = doc.reading(s)
    cue = r.cue("move")
    if not cue:
        return []
    masked = r.masked
    facts = _Sentence(doc, s, masked, r.folded)
    out: list[Movement] = []
    for pattern, order, route, words in _ROUTES:
        if not any(w in masked for w in words):  # (a quick test: every match holds one of them)
            continue
        for m in pattern.finditer(masked):
            if cue.start() > m.end() + CUE_REACH:
                continue
            who = _actor_and_unit_of_route(facts, cue, m, order, speaker)
            if who is None:
                continue
            status, word = facts.status, matched(masked, cue)
            reason = f"movement: movement word {word!r} with '{route}'" + (
                f"; status {status.value} from the sentence" if status is not MovementStatus.REPORTED else "")
            prov = doc.provenance(s, reported_by=speaker(), when=doc.event_date(s), reason=reason)
            out.extend(Movement(who[0], origin, dest, unit=who[1], status=status, provenance=prov)
                       for origin, dest in _legs(doc, m, order) if origin != dest)
    return out


def _legs(doc: Document, m: re.Match[str], order: tuple[int, int]) -> list[tuple[Place, Place]]:
    """Every (origin, destination) of route *m*: one movement per route when several origins or destinations
    are listed ("from X and Y to Z", "attacking toward X and Y from Z"). A listed place counts when it is of
    the first one's kind (so "toward <town>, <region>" names no second destination)."""
    def listed(first: str, more: str) -> list[Place]:
        head = doc.place(first)
        return [head, *(p for p in (doc.place(t) for t in TOKEN.findall(more)) if p.kind is head.kind)]

    origins = listed(m.group(order[0]), m.group("more_o"))
    destinations = listed(m.group(order[1]), m.group("more_d"))
    return [(o, d) for o in origins for d in destinations]


def _actor_and_unit_of_route(facts: _Sentence, cue: re.Match[str], m: re.Match[str], order: tuple[int, int],
                             speaker: Callable[[], str | None]) -> tuple[str | None, str | None] | None:
    """The actor and unit of a movement along route *m* (origin and destination groups in *order*).

    Parameters
    ----------
    facts : _Sentence
        The sentence's forms and shared facts.
    cue : re.Match
        The movement word's match.
    m : re.Match
        The route's match in the masked sentence.
    order : tuple of int
        The groups of *m* that hold the origin and the destination.
    speaker : callable
        Gives who says so ("its troops" are the speaker's side).

    Returns
    -------
    tuple of (str or None) or None
        The actor and the unit; None when the route is no movement: one place, a possessive,
        civilians, or no force named.
    """
    doc, masked = facts.doc, facts.masked
    origin_i, dest_i = m.group(order[0]), m.group(order[1])
    origin, dest = doc.place(origin_i), doc.place(dest_i)
    if origin == dest or doc.spans[int(origin_i)].possessive or doc.spans[
            int(dest_i)].possessive:
        return None
    head = en.APPOSITIVE.sub(",", masked[:m.start()])
    if Fold.CIVILIAN.search(case_fold(head[-CIVILIAN_WINDOW:])):
        return None
    actor, unit = _actor_and_unit(head)
    if facts.formation is not None:
        unit = facts.formation
    if actor is None:
        actor = own_party(head, speaker())
        if actor is not None and unit is not None and actor.lower().endswith(unit.lower()):
            unit = None
    if actor is None:
        subject = _COUNTRY_SUBJECT.search(masked[:cue.start()])
        if subject and doc.place(subject.group(1)).kind is PlaceKind.COUNTRY:
            actor = doc.place(subject.group(1)).name
    if actor is None and unit is None and not Fold.FORCE_WORD.search(facts.folded):
        return None
    return actor, unit


def _actor_and_unit(head: str) -> tuple[str | None, str | None]:
    """The actor and the unit of the last actor named in *head*: a lone unit takes the party before it."""
    found = actors(head, 0, len(head))
    if not found:
        return None, None
    a = found[-1]
    if a.party is not None:
        return a.phrase, None
    party = [b for b in found[:-1] if b.party is not None and "," not in head[b.end:a.start]]
    return (party[-1].phrase if party else None), a.phrase


def status_of(folded: str) -> MovementStatus:
    """The status a sentence (in :func:`case_fold` form) gives the movements it reports."""
    if Fold.DENY.search(folded):
        return MovementStatus.DENIED
    if Fold.UNCONFIRMED.search(folded):
        return MovementStatus.UNCONFIRMED
    if Fold.CONFIRM.search(folded):
        return MovementStatus.CONFIRMED
    return MovementStatus.REPORTED


def _status(r: Reading) -> MovementStatus:
    """:func:`status_of` the sentence read as *r*, found once (its movements and :func:`status_updates` ask)."""
    return r.once("status", lambda: status_of(r.folded)) if "status" in r.kinds else MovementStatus.REPORTED


def status_updates(doc: Document, s: Sentence, found: list[Movement]) -> list[Movement]:
    """A sentence that denies or has yet to confirm a movement updates the movements it names.

    It names a movement by a place of its route, or, when it names none of them, the last movement
    if that was told shortly before with the same movement word.

    Parameters
    ----------
    doc : Document
        The report read once.
    s : Sentence
        The sentence.
    found : list of Movement
        The movements told so far.

    Returns
    -------
    list of Movement
        *found*, those it names with the sentence's status where that ranks higher.
    """
    r = doc.reading(s)
    if "status" not in r.kinds:  # the status is "reported": nothing to update
        return found
    masked, ids = r.masked, r.ids
    if not r.cue("move") and not en.MOVE_NOUN.search(masked):
        return found
    status = _status(r)
    if status is MovementStatus.REPORTED:
        return found
    places = {doc.place(i) for i in ids}
    latest = _latest_named(s, masked, found, places)
    out = []
    for mv in found:
        if (mv.origin in places or mv.destination in places or mv is latest) and (
                STATUS_ORDER.index(status) > STATUS_ORDER.index(mv.status)):
            quote = doc.text[s.start:s.end]
            reason = f"{mv.provenance.reason}; status {status.value}: {quote!r}"
            mv = replace(mv, status=status, provenance=replace(mv.provenance, reason=reason))
        out.append(mv)
    return out


def _stem(word: str) -> str:
    """A movement word's stem (:data:`geoconflict.lang.en.MOVE_STEM_LENGTH` letters, aliases merged)."""
    stem = word.lower()[:en.MOVE_STEM_LENGTH]
    for alias, same in en.MOVE_STEM_ALIASES.items():
        stem = stem.replace(alias, same)
    return stem


def _latest_named(s: Sentence, masked: str, found: list[Movement], places: set[Place]) -> Movement | None:
    """The last movement, if sentence *s* names none by its places but repeats its movement word soon after it."""
    if not found or any(mv.origin in places or mv.destination in places for mv in found):
        return None
    last = found[-1]
    cue = _REASON_WORD.search(last.provenance.reason or "")
    stem = _stem(cue.group(1)) if cue else None
    words = {_stem(w) for w in _WORD.findall(masked)}
    if last.provenance.span and s.start - last.provenance.span[1] < STATUS_REACH and stem in words:
        return last
    return None


def merge_movements(found: list[Movement]) -> list[Movement]:
    """Merge the repeats of a route (the same unit, or one unnamed, or the same actor): the higher status wins.

    A repeat merges into the first earlier movement of its route that it agrees
    with; the movements of each route are looked up by the route, so a long
    report's many routes are not compared with one another.
    """
    merged: list[Movement] = []
    by_route: dict[tuple[Place, Place], list[int]] = {}  # positions in merged, in order
    for mv in found:
        same_route = by_route.setdefault((mv.origin, mv.destination), [])
        for i in same_route:
            old = merged[i]
            if old.unit == mv.unit or old.unit is None or mv.unit is None or old.actor == mv.actor:
                merged[i] = _merged(old, mv)
                break
        else:
            same_route.append(len(merged))
            merged.append(mv)
    return merged


def _merged(old: Movement, mv: Movement) -> Movement:
    """*old* with what its repeat *mv* adds: a speaker, a date, a unit or actor, a higher status."""
    status = max(old.status, mv.status, key=STATUS_ORDER.index)
    prov = old.provenance
    if prov.reported_by is None and mv.provenance.reported_by is not None:
        prov = replace(prov, reported_by=mv.provenance.reported_by)
    if prov.event_date is None and mv.provenance.event_date is not None:
        prov = replace(prov, event_date=mv.provenance.event_date, date_precision=mv.provenance.date_precision)
    if status is not old.status:
        prov = replace(prov, reason=f"{prov.reason}; status {status.value} from a repeat")
    return replace(old, actor=old.actor or mv.actor, unit=old.unit or mv.unit, status=status, provenance=prov)
