"""The other side of a territorial claim: whom the ground was taken from.

ACLED codes a capture ("Government regains territory", "Non-state actor overtakes territory") as a battle: actor1
the side that takes the ground, actor2 the side that loses it. A careful analyst reads the losing side from the
forms a report tells it in, in this order (the first that names an armed side other than the claimant's):

1. after the place, in the claim's clause: "recaptured <town> from insurgents", "drove <side> out of <town>";
2. the side that held it: "overran an army base in <town>", "the ISIS-held town", "<town>, held by the army,
   fell to ...";
   the side driven off it: "..., driving Islamic State fighters out of the city", "clearing RSF fighters from";
3. the side fought for it: "after two days of clashes with SAF", "after weeks of fighting against the military";
4. the side that gave it up: "after Ukrainian forces withdrew", "as government troops fled".

A side is an actor :func:`~geoconflict.extraction.acled_types.named_actors` reads (a named side, or a generic
armed one: "the military", "insurgents"), or a state's forces named by no country ("government forces": those of
the country the ground is in), named right next to the words that read it, and armed
(:func:`~geoconflict.extraction.actors.state_side` tells it a state's or a non-state group's): residents who fled
lose no ground.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geoconflict.extraction.acled_types import actor_after, actor_before
from geoconflict.extraction.actors import state_side
from geoconflict.extraction.cues import Stemmed, folded
from geoconflict.extraction.document import clause, clause_back
from geoconflict.lang import en

__all__ = ["taken_from"]

#: "government forces" right after an offset, and right before one (two words at most between, no clause mark).
_GOVERNMENT_AFTER = re.compile(r"(?:the\s+)?(?:\w+\s+)?" + en.GOVERNMENT_FORCES)
_GOVERNMENT_BEFORE = re.compile(en.GOVERNMENT_FORCES + r"[^\w;:,.]*(?:\w+[^\w;:,.]+){0,2}$")
#: The forms' words (:mod:`geoconflict.lang.en`), for the case-folded sentence (:func:`~geoconflict.extraction.cues.folded`),
#: each searched only where one of the words every match holds, as in case-folded text, occurs (most claims' sentences
#: hold few of the forms: :class:`~geoconflict.extraction.cues.Stemmed`; ``tests/test_extract_fast_checks.py`` holds
#: each equal to its pattern).
_TAKEN_FROM = Stemmed(folded(en.TAKEN_FROM), ("from", "out"))
_HELD_POST = Stemmed(folded(en.HELD_POST), ("base", "camp", "post", "position", "barracks", "garrison", "checkpoint",
                                            "station", "headquarters"))
_HELD_BY_BEFORE = Stemmed(folded(en.HELD_BY_BEFORE), ("-held",))
_HELD_BY_AFTER = Stemmed(folded(en.HELD_BY_AFTER), ("held",))
_DROVE_OUT = Stemmed(folded(en.DROVE_OUT), ("drov", "driv", "push", "expel", "oust", "clear", "flush"))
_FOUGHT_WITH = Stemmed(folded(en.FOUGHT_WITH), ("with", "against"))
_GAVE_WAY = Stemmed(folded(en.GAVE_WAY), ("withdr", "retreat", "fled", "flee", "pull", "abandon"))
#: How far from the words that read it a side's name is looked for, characters: its start (after two words at
#: most) and its end within this (a long sentence is read in time linear in its length).
SIDE_WINDOW = 80
#: A country's first demonym ("SY" → "Syrian"), which names its state's forces as the actors do ("Syrian forces").
_DEMONYM_OF: dict[str, str] = {}
for _demonym, _code in en.DEMONYMS.items():
    _DEMONYM_OF.setdefault(_code, _demonym)


def taken_from(masked: str, folded: str, cue_end: int, claimant: str, *, home: str | None = None) -> str | None:
    """The side the ground of a claim is taken from, as the claim's sentence tells it (see the module), or None.

    Parameters
    ----------
    masked : str
        The claim's sentence, masked (places are ``⟦i⟧`` tokens); *folded* its case-folded form.
    cue_end : int
        Where the claim's control word ends in *masked*.
    claimant : str
        The claimant's side name: the other side is never the claimant's.
    home : str, optional
        The ISO code of the country the ground is in, whose forces "government forces" are.

    Examples
    --------
    >>> def other(text, claimant):
    ...     return taken_from(text, text.lower(), text.index("⟦0⟧"), claimant)
    >>> other("Kenyan troops recaptured ⟦0⟧ from al-Shabaab fighters on Friday", "Kenyan forces")
    'Al-Shabaab'
    >>> other("Rebels captured ⟦0⟧ after three days of fighting with the army", "rebels")
    'army'
    >>> other("The militia seized ⟦0⟧ as soldiers withdrew and residents fled", "militia")
    'soldiers'
    >>> other("The militia seized ⟦0⟧ as residents fled", "militia") is None
    True
    >>> text = "Rebels captured ⟦0⟧ after government troops withdrew"
    >>> taken_from(text, text.lower(), text.index("⟦0⟧"), "rebels", home="SY")
    'Syrian forces'
    """
    told = _Told(masked, folded, home)
    return next((side for side in told.sides(cue_end) if _armed(side, claimant)), None)


class _Told:
    """The sides a claim's sentence names next to the words that read the other side (see the module)."""

    def __init__(self, masked: str, folded: str, home: str | None) -> None:
        self.masked, self.folded = masked, folded
        #: The forces "government forces" are: the home country's.
        self.government = f"{_DEMONYM_OF[home]} {en.FORCES}" if home in _DEMONYM_OF else None

    def sides(self, cue_end: int) -> Iterator[str | None]:
        """The side named by each form, in the module's order (None where a form names none)."""
        folded = self.folded
        end = cue_end + len(clause(self.masked, cue_end))
        yield from (self.after(m.end(), end) for m in _TAKEN_FROM.finditer(folded, cue_end, end))
        yield from (self.before(m.start()) for m in _HELD_POST.finditer(folded, cue_end, end))
        yield from (self.before(m.start()) for m in _HELD_BY_BEFORE.finditer(folded))
        for pattern in (_HELD_BY_AFTER, _DROVE_OUT, _FOUGHT_WITH):
            yield from (self.after(m.end(), len(folded)) for m in pattern.finditer(folded))
        yield from (self.before(m.start()) for m in _GAVE_WAY.finditer(folded))

    def after(self, at: int, hi: int) -> str | None:
        """The side named right after offset *at* (before *hi*)."""
        hi = min(hi, at + SIDE_WINDOW)
        if self.government is not None and _GOVERNMENT_AFTER.match(self.folded, at, hi):
            return self.government
        return actor_after(self.masked, self.folded, at, hi)

    def before(self, at: int) -> str | None:
        """The side named right before offset *at*, in its clause."""
        near = max(0, at - SIDE_WINDOW)
        lo = at - len(clause_back(self.masked[near:at]))
        if self.government is not None and _GOVERNMENT_BEFORE.search(self.folded, lo, at):
            return self.government
        return actor_before(self.masked, self.folded, lo, at)


def _armed(side: str | None, claimant: str) -> str | None:
    """*side* when it is an armed side (a state's forces or a non-state group) other than the *claimant*."""
    if side is None or side.lower() == claimant.lower() or state_side(side) is None:
        return None
    return side
