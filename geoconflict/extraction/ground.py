"""Ground fighting told as movement of the front: advances, sieges, entries, sides driven out, withdrawals.

A report often tells ground fighting by where the front moved, with no word of fighting or of control: "Russian
forces advanced near <town>", "RSF fighters besieged <town>", "M23 rebels entered <town> after heavy fighting with
FARDC troops", "soldiers drove ISWAP fighters out of <town>", "FARDC troops withdrew from <town> under pressure from
M23". ACLED codes them as a careful analyst reads them:

* fighting where control is not said to change, an advance at a place or a siege of it, is a battle, an armed clash
  (:func:`ground_combats`): its first side the side that advances or besieges, then the other armed sides the
  sentence names;
* ground changing hands through fighting is a capture (:func:`ground_claims`): the side that takes it claims it
  ("Government regains territory" for a state's forces at home, "Non-state actor overtakes territory" else, as
  :func:`~geoconflict.extraction.claims.overtaken` reads it) from the side that loses it, which is:

  - the side driven off it: "<A> drove <B> out of <town>", "<B> were pushed out of <town> by <A>";
  - the side that withdrew from it when the sentence names who pressed it to: "<B> withdrew from <town> under
    pressure from <A>", "… after heavy fighting with <A>", "… after weeks of <A's> assaults";
  - the side that held a place entered after fighting, or after it gave way: "<A> entered <town> after heavy
    fighting with <B>", "<A> entered <town> after <B> withdrew" (read by
    :func:`~geoconflict.extraction.claim_sides.taken_from`); an entry with none of these is no capture.

  Ground taken with no fighting told ("without a fight") is a non-violent transfer, one side's act.

Each reader runs only on a sentence that holds one of its stems (the ``"ground"`` kind of
:data:`geoconflict.lang.en.CUE_STEMS`), and only where the sentence's other readers found nothing of its kind: the
assembly asks for ground combats when :func:`~geoconflict.extraction.combat.combats` found no combat area, and for
ground claims when :func:`~geoconflict.extraction.claims.claims` found no claim.

Examples
--------
>>> from geoconflict import extract, read_report
>>> events = extract(read_report("Russian forces advanced near Kurakhove on November 12.", published="2024-11-13"))
>>> [(c.areas[0].name, c.actors) for c in events.combats]
[('Kurakhove', ('Russian forces',))]
>>> events = extract(read_report("Somali troops drove al-Shabaab militants out of Bulo Burte on Wednesday after hours "
...                              "of fighting.", published="2024-02-08"))
>>> [(c.claimant, c.opponent, c.subtype) for c in events.claims]
[('Somali forces', 'Al-Shabaab', 'Government regains territory')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from geoconflict.extraction.acled_types import actor_after, named_actors, named_spans, side_next_to
from geoconflict.extraction.actors import DEMONYM_WORD, Actor, country_of, state_side, without_article
from geoconflict.extraction.claim_sides import taken_from
from geoconflict.extraction.claims import CombatIndex, claim_geometry, overtaken
from geoconflict.extraction.cues import Fold, Reading, Stems, folded, matched
from geoconflict.extraction.document import TOKEN_GROUP, Document, clause, clause_back
from geoconflict.extraction.located import stated_fatalities
from geoconflict.lang import en
from geoconflict.model import CombatArea, DatePrecision, TerritorialClaim
from geoconflict.model import taxonomy as acled
from geoconflict.text.sentences import Sentence

__all__ = ["ground_claims", "ground_combats"]

_ADVANCE = folded(en.ADVANCE)
_SIEGE = folded(en.SIEGE)
_ENTERED = folded(en.ENTERED)
_WITHDREW = folded(en.WITHDREW)
_DRIVE_OUT = folded(en.DRIVE_OUT)
_OUT_OF = folded(en.OUT_OF)
_DRIVEN_OUT = folded(en.DRIVEN_OUT)
_PRESSED_BY = folded(en.PRESSED_BY)
_ENTRY_TAKEN = folded(en.ENTRY_TAKEN)
_SIEGE_BROKEN = folded(en.SIEGE_BROKEN)
#: The place of an advance ("near ⟦i⟧", "to the outskirts of ⟦i⟧"), of a siege, an entry or a withdrawal ("the town
#: of ⟦i⟧"), right after its word.
_ADVANCE_AT = re.compile(en.GROUND_PLACE + TOKEN_GROUP)
_PLACE_NEXT = re.compile(en.SIEGE_PLACE + TOKEN_GROUP)
#: "by <side>" after the place of a passive ("were pushed out of ⟦i⟧ by Russian assaults").
_BY = re.compile(r"\s+(?:[\w-]+\s+){0,3}?by\s+")
#: A denial of the word before it: "did not advance", "no advances", "without advancing".
_NOT_BEFORE = re.compile(r"\b(?:not|no|never|without|failed\s+to)\s+(?:\w+\s+){0,2}$")
#: How far before a word its denial, and after a drive word the "out of" of its place, are looked for (characters).
NOT_WINDOW = 30
OUT_OF_WINDOW = 80


def ground_combats(doc: Document, s: Sentence, speaker: Callable[[], str | None]) -> list[CombatArea]:
    """The armed clash an advance or a siege in sentence *s* tells (see the module), if any.

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
        One combat area at the place of the first advance or siege, or none.
    """
    r = doc.reading(s)
    if "ground" not in r.kinds or not r.ids:
        return []
    masked, text = r.masked, r.folded
    for pattern, at, what in ((_ADVANCE, _ADVANCE_AT, "advance"), (_SIEGE, _PLACE_NEXT, "siege")):
        for m, place in _at_place(pattern, at, text):
            if doc.spans[int(place.group(1))].possessive or Stems.MODAL.search(text, 0, m.start()) \
                    or en.ATTEMPT.search(text, 0, m.start()):
                continue
            first = _side_before(masked, text, m.start())
            sides = [first] if first else []
            if what == "siege" and (broken := _broken_siege(masked, text, m)):
                sides, what = broken, "siege broken"
            sides += [a for a in named_actors(masked, text, place.end(), len(text))
                      if a not in sides and state_side(a) is not None]
            reason = f"combat: {what} {matched(masked, m)!r} at a place (fighting where the front moved)"
            return [CombatArea(tuple(doc.distinct_places([int(place.group(1))])), actors=tuple(sides),
                               description=matched(masked, m), fatalities=stated_fatalities(doc, s),
                               provenance=doc.provenance(s, reported_by=speaker(), when=doc.event_date(s),
                                                         reason=reason))]
    return []


def ground_claims(doc: Document, s: Sentence, said: Callable[[], str | None],
                  fought: CombatIndex) -> list[TerritorialClaim]:
    """The capture a side driven off, a withdrawal under pressure or an entry after fighting in sentence *s* tells
    (see the module), if any.

    Parameters
    ----------
    doc : Document
        The report read once.
    s : Sentence
        The sentence.
    said : callable
        Gives who says so.
    fought : CombatIndex
        The report's combat areas (as :func:`~geoconflict.extraction.claims.claims` takes them).

    Returns
    -------
    list of TerritorialClaim
        One claim or none.
    """
    r = doc.reading(s)
    if "ground" not in r.kinds or not r.ids or Stems.MODAL.search(r.folded) or en.ATTEMPT.search(r.folded):
        return []
    for read in (_driven_out, _drove_out, _withdrew, _entered):
        found = read(r)
        if found is not None:
            taker, loser, place, word = found
            return [_claim(doc, s, r, taker, loser, place, word, said, fought)]
    return []


#: What a reader of a capture finds: the side that takes the place, the side it is taken from, the place's span index,
#: and the words that told it.
_Found = tuple[str, str | None, int, str]


def _driven_out(r: Reading) -> _Found | None:
    """"<B> were pushed out of ⟦i⟧ by <A>": A takes the place from B."""
    masked, text = r.masked, r.folded
    if "out of" not in text and "from" not in text:
        return None
    for m in _DRIVEN_OUT.finditer(text):
        place = _PLACE_NEXT.match(text, m.end())
        by = _BY.match(text, place.end()) if place else None
        if place is None or by is None:
            continue
        taker = _side_after(masked, text, by.end())
        loser = _side_before(masked, text, m.start()) if taker else None  # (read only when there is a taker)
        if taker and loser and taker != loser:
            return taker, loser, int(place.group(1)), matched(masked, m).strip()
    return None


def _drove_out(r: Reading) -> _Found | None:
    """"<A> drove <B> out of ⟦i⟧": A takes the place from B (an armed side)."""
    masked, text = r.masked, r.folded
    if "out of" not in text and "from" not in text:
        return None
    for m in _DRIVE_OUT.finditer(text):
        out = _OUT_OF.search(text, m.end(), m.end() + OUT_OF_WINDOW)
        if out is None or _denied(text, m.start()):
            continue
        place = _PLACE_NEXT.match(text, out.end())
        driven = named_actors(masked, text, m.end(), out.start()) if place is not None else []
        if place is None or not driven or state_side(driven[0]) is None:
            continue
        taker = _side_before(masked, text, m.start())  # (read only for a place and a side driven out of it)
        if taker is None or driven[0] == taker:
            continue
        return taker, driven[0], int(place.group(1)), matched(masked, m).strip() + " … out of"
    return None


def _withdrew(r: Reading) -> _Found | None:
    """"<B> withdrew from ⟦i⟧ under pressure from <A>" (after fighting with A, after A's assaults): A takes it."""
    masked, text = r.masked, r.folded
    for m, place in _at_place(_WITHDREW, _PLACE_NEXT, text):
        pressed = _PRESSED_BY.search(text, place.end())
        taker = _side_after(masked, text, pressed.end()) if pressed else None
        if not taker or state_side(taker) is None:
            continue
        loser = _side_before(masked, text, m.start())  # (read only when there is a taker)
        if loser and taker != loser:
            return taker, loser, int(place.group(1)), matched(masked, m).strip()
    return None


def _entered(r: Reading) -> _Found | None:
    """"<A> entered ⟦i⟧ after heavy fighting with <B>" (after B withdrew; "stormed and entered"): A takes it."""
    masked, text = r.masked, r.folded
    for m, place in _at_place(_ENTERED, _PLACE_NEXT, text):
        if _ENTRY_TAKEN.search(text, m.start()) is None:
            continue
        taker = _side_before(masked, text, m.start())  # (read only for an entry told as a taking)
        if taker is None or state_side(taker) is None:
            continue
        return taker, None, int(place.group(1)), matched(masked, m)  # the side it is taken from: in _claim
    return None


def _claim(doc: Document, s: Sentence, r: Reading, taker: str, loser: str | None, i: int, word: str,
           said: Callable[[], str | None], fought: CombatIndex) -> TerritorialClaim:
    """The claim of *taker* to the place of span *i*, taken from *loser*: fought for unless the sentence says not."""
    areas = doc.distinct_places([i])
    taker = without_article(taker)
    if loser is None:  # "after heavy fighting with <side>", "after government troops withdrew" (the place's country's)
        loser = taken_from(r.masked, r.folded, r.masked.index(f"⟦{i}⟧"), taker,
                           home=areas[0].country_code if areas else None)
    subtype = (acled.NON_VIOLENT_TRANSFER if Fold.PEACEFUL_TRANSFER.search(r.folded)
               else overtaken(taker, areas, r.masked))
    geometry, derivation, note = claim_geometry(doc.gaz, areas, None, None,
                                                Actor(0, 0, taker, None, country_of(taker)), fought)
    when = doc.event_date(s)
    as_of = when.date if when is not None else doc.report.published
    reason = (f"claim: ground changed hands ({word!r}); claimant {taker!r}, taken from {loser!r}; area named in the "
              f"sentence; " + ("as of the date in the sentence" if when is not None else "as of the report date"))
    speaker = said()
    prov = doc.provenance(s, reported_by=speaker or taker, when=when, reason=reason)
    if prov.event_date is None:
        prov = replace(prov, event_date=as_of, date_precision=DatePrecision.DAY)
    return TerritorialClaim(taker, opponent=loser, as_of=as_of, areas=tuple(areas), geometry=geometry,
                            derivation=derivation, note=note, subtype=subtype, fatalities=stated_fatalities(doc, s),
                            provenance=prov)


def _at_place(pattern: re.Pattern[str], at: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each match of *pattern* in *text* that *at* (a place's token, maybe after a few words) matches right after and
    no denial comes right before, with *at*'s match."""
    for m in pattern.finditer(text):
        place = at.match(text, m.end())
        if place is not None and not _denied(text, m.start()):
            yield m, place


def _denied(text: str, at: int) -> bool:
    """Whether the word at offset *at* is denied right before it ("did not advance", "failed to enter")."""
    return _NOT_BEFORE.search(text, max(0, at - NOT_WINDOW), at) is not None


def _broken_siege(masked: str, text: str, siege: re.Match[str]) -> list[str]:
    """The sides of the siege *siege* (a match in the case-folded *text* of *masked*) when the sentence tells it
    broken ("<A> broke the siege of", "<A> lifted <B>'s siege of", "<A> had broken the siege imposed by <B> on"): A, the
    side breaking it, then B, the besieger; else no side.

    Examples
    --------
    >>> text = "SAF forces lifted the RSF's siege of ⟦0⟧"
    >>> _broken_siege(text, text.lower(), _SIEGE.search(text.lower()))
    ['SAF', 'RSF']
    """
    broke = _SIEGE_BROKEN.search(text, max(0, siege.start() - en.SIEGE_BROKEN_WINDOW), siege.start())
    if broke is None:
        return []
    breaker = _side_before(masked, text, broke.start())
    besieger = next((a for a in named_actors(masked, text, broke.start(), siege.end()) if a != breaker), None)
    return [a for a in (breaker, besieger) if a]


def _side_before(masked: str, text: str, at: int) -> str | None:
    """The side named as the subject of the word at offset *at*: right before it in its clause, else the first side
    its clause names."""
    lo = at - len(clause_back(masked[:at]))
    found = named_spans(masked, text, lo, at)  # (found once: actor_before reads them, then the first is taken)
    side = side_next_to(masked, text, found, at)
    if side is None:
        side = found[0][2] if found else None
    return side


def _side_after(masked: str, text: str, at: int) -> str | None:
    """The side named right after offset *at* in its clause: an actor, or a demonym's forces ("Russian assaults")."""
    hi = at + len(clause(masked, at))
    side = actor_after(masked, text, at, hi)
    if side is not None:
        return side
    dem = DEMONYM_WORD.match(masked, at)
    return f"{dem.group(1)} {en.FORCES}" if dem else None
