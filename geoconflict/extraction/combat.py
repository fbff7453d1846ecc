"""Combat areas: fighting reported in named places ("heavy fighting continues in Sudzha and Korenevo").

A combat area is told in one sentence: a word of fighting
(:data:`geoconflict.lang.en.COMBAT_CUE`) with the places named in its clause
after it (else before it, else the place "in/at/near" before it, else a heading's place and colon that open
the sentence, as a monitor writes it, else the first place named before it, as
an ACLED note's lead names its place, unless the fighting is told as what came before: "after months of
fighting"), the parties named in the sentence, and the date the
fighting began, if told; its fatalities are those the sentence states, else those the
next sentence of its paragraph states when it tells no event of its own ("Casualties unknown.").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geoconflict.extraction.acled_types import actor_pair, crowd_fight, first_named, sized_crowd
from geoconflict.extraction.actors import parties, side_name, state_side
from geoconflict.extraction.country_forces import respelled_in
from geoconflict.extraction.cues import matched
from geoconflict.extraction.defended import defended_sides
from geoconflict.extraction.document import (
    TOKEN,
    TOKEN_GROUP,
    Document,
    clause,
    clause_back,
    clause_before,
    tail_opening,
)
from geoconflict.extraction.located import stated_fatalities
from geoconflict.lang import en
from geoconflict.model import CombatArea, PlaceKind
from geoconflict.text.normalize import case_fold
from geoconflict.text.sentences import Sentence

__all__ = ["combats"]

#: A place governed by "in/at/near" ("in <place>").
_PLACE_IN = re.compile(en.PLACE_AFTER_WORDS + TOKEN_GROUP)
#: A heading that opens a monitor's post: a place (its tail of where it lies in parentheses, or its hashtag), then a
#: colon ("Sake (Masisi, N. Kivu): …", "#Sake: …").
_HEADING = re.compile(rf"\s*#?{TOKEN_GROUP}(?:\s*\([^()]*\))?\s*:")


def combats(doc: Document, s: Sentence, speaker: Callable[[], str | None]) -> list[CombatArea]:
    """The combat area told in sentence *s*, if any.

    Parameters
    ----------
    doc : Document
        The report read once.
    s : Sentence
        The sentence.
    speaker : callable
        Gives who says so.

    Returns
    -------
    list of CombatArea
        One combat area (the places named after the first word of fighting, else before it) or none.
    """
    r = doc.reading(s)
    cue = r.cue("combat")
    if not cue:
        return []
    masked, folded = r.masked, r.folded
    word = matched(masked, cue)
    ids = [int(t) for t in TOKEN.findall(clause(masked, cue.end()))]
    where = "after"
    if not ids:
        ids = [int(t) for t in TOKEN.findall(clause_before(masked, cue.start()))]
        where = "before"
    if not ids:  # "On <date>, in <place> (<district>), fighting broke out": the note's place, named first
        ids = [int(m.group(1)) for m in _PLACE_IN.finditer(masked, 0, cue.start())][:1]
        where = "first, with 'in/at/near', before"
    if not ids and (heading := _HEADING.match(masked, 0, cue.start())):  # "Sake (Masisi, N. Kivu): fighters
        ids = [int(heading.group(1))]  # clashed …": a monitor's heading names the place, then a colon
        where = "as the heading before"
    if not ids and en.LOCATIVE_LEAD.match(masked) and not en.AFTER_FIGHTING.search(folded, 0, cue.start()):
        # "On <date>, near <village>, <township> (<district>, <region>), fighting broke out": a lead that says where
        # names the place first (not fighting told as what came before: "captured <town> after months of fighting")
        ids = [int(t) for t in TOKEN.findall(masked, 0, cue.start())][:1]
        where = "first before"
    ids = _finer([i for i in ids if not doc.spans[i].possessive], doc, masked, cue.end())
    if not ids:
        return []
    named = respelled_in(doc, masked, r.ids)  # "⟦0⟧'s army" → "South Sudanese army"
    parties = _sides(masked, cue.start(), cue.end()) if named is None else _sides(
        named.text, named.position(cue.start()), named.position(cue.end()))
    when = next((d for d in doc.dates_in(s) if d.role == "start"), None) or doc.event_date(s)
    reason = f"combat: word {word!r} with places named {where} it"
    if when is not None and when.role == "start":
        reason += f"; start date from {when.text!r}"
    crowd = crowd_fight(folded, cue.start())
    if crowd is None and (held := defended_sides(masked, folded)) is not None:
        parties = held  # "troops repelled an ISWAP raid": the attacker first
        reason += "; told from the defender's side"
    if crowd is not None:
        reason += f"; fought by crowds, not armed sides: {crowd}"
        parties = _crowd_first(parties, folded, cue.start())
    return [CombatArea(tuple(doc.distinct_places(ids)), actors=parties, description=word, subtype=crowd,
                       fatalities=stated_fatalities(doc, s),
                       provenance=doc.provenance(s, reported_by=speaker(), when=when, reason=reason))]



def _crowd_first(parties: tuple[str, ...], folded: str, start: int) -> tuple[str, ...]:
    """The sides *parties* of fighting by a crowd (its word at *start* in the case-folded *folded*) as ACLED names
    them: the crowd first ("police clashed with traders": traders, police), ACLED's rioters when the crowd is named
    only by its size or as people ("hundreds of people clashed with police")."""
    if len(parties) == len(("crowd", "state")) and state_side(parties[0]) is True:
        return parties[::-1]
    if all(state_side(p) is True for p in parties) and sized_crowd(folded, start):
        return (en.RIOTERS, *parties)
    return parties


def _sides(masked: str, start: int, end: int) -> tuple[str, ...]:
    """The sides of the fighting whose word is ``masked[start:end]``: the parties the sentence names; when it names
    fewer than two, the sides around the word as a located event's are read (:func:`actor_pair`: "separatists
    clashed with the military", "young men clashed with police"), the named parties after them."""
    named = tuple(dict.fromkeys(side_name(a) for a in parties(masked, 0, len(masked))))
    if len(named) >= 2:
        return named
    pair = actor_pair(masked, start, end)
    opening = tail_opening(masked, start)
    if opening is not None:  # "<A> advanced into ⟦0⟧ town (⟦1⟧, ⟦2⟧) and clashed with <B>": A, the clause's subject
        lo = opening - len(clause_back(masked[:opening]))
        subject = first_named(masked, case_fold(masked), lo, opening)
        if subject is not None and subject not in pair:
            pair = (subject, *pair)
    return tuple(dict.fromkeys((*pair, *named)))


def _finer(ids: list[int], doc: Document, masked: str, after: int) -> list[int]:
    """*ids* without the countries when it holds places of other kinds, or, when they are all countries,
    the places of other kinds the sentence names after the word of fighting ("clashed on a road linking
    Ethiopia to Kenya; near Moyale"): a country gives way to a place inside a country, where the fighting is."""
    def finer(i: int) -> bool:
        p = doc.spans[i].place
        return p is not None and p.kind is not PlaceKind.COUNTRY and not doc.spans[i].possessive

    if not ids or all(finer(i) for i in ids):
        return ids
    return [i for i in ids if finer(i)] or [i for i in map(int, TOKEN.findall(masked, after)) if finer(i)] or ids
