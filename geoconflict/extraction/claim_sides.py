"""The other side of a territorial claim: whom the ground was taken from.

ACLED codes a capture ("Government regains territory", "Non-state actor overtakes territory") as a battle: actor1
the side that takes the ground, actor2 the side that loses it. A careful analyst reads the losing side from the
forms a report tells it in, in this order (the first that names an armed side other than the claimant's):

1. after the place, in the claim's clause: "recaptured <town> from insurgents", "drove <side> out of <town>";
2. the side that held it: "the ISIS-held town", "<town>, held by the army, fell to ...";
3. the side fought for it: "after two days of clashes with SAF", "after weeks of fighting against the military";
4. the side that gave it up: "after Ukrainian forces withdrew", "as government troops fled".

A side is an actor :func:`~geoconflict.extraction.acled_types.named_actors` reads (a named side, or a generic
armed one: "the military", "insurgents"), named right next to the words that read it, and armed
(:func:`~geoconflict.extraction.actors.state_side` tells it a state's or a non-state group's): residents who fled
lose no ground.
"""

from __future__ import annotations

from geoconflict.extraction.acled_types import actor_after, actor_before
from geoconflict.extraction.actors import state_side
from geoconflict.extraction.document import clause, clause_back
from geoconflict.lang import en

__all__ = ["taken_from"]


def taken_from(masked: str, folded: str, cue_end: int, claimant: str) -> str | None:
    """The side the ground of a claim is taken from, as the claim's sentence tells it (see the module), or None.

    Parameters
    ----------
    masked : str
        The claim's sentence, masked (places are ``⟦i⟧`` tokens); *folded* its case-folded form.
    cue_end : int
        Where the claim's control word ends in *masked*.
    claimant : str
        The claimant's side name: the other side is never the claimant's.

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
    """
    end = cue_end + len(clause(masked, cue_end))
    for m in en.TAKEN_FROM.finditer(folded, cue_end, end):
        side = _armed(actor_after(masked, folded, m.end(), end), claimant)
        if side:
            return side
    for m in en.HELD_BY_BEFORE.finditer(folded):
        side = _armed(actor_before(masked, folded, _clause_start(masked, m.start()), m.start()), claimant)
        if side:
            return side
    for pattern in (en.HELD_BY_AFTER, en.FOUGHT_WITH):
        for m in pattern.finditer(folded):
            side = _armed(actor_after(masked, folded, m.end(), len(masked)), claimant)
            if side:
                return side
    for m in en.GAVE_WAY.finditer(folded):
        side = _armed(actor_before(masked, folded, _clause_start(masked, m.start()), m.start()), claimant)
        if side:
            return side
    return None


def _clause_start(masked: str, at: int) -> int:
    """Where the clause that holds offset *at* of *masked* starts."""
    return at - len(clause_back(masked[:at]))


def _armed(side: str | None, claimant: str) -> str | None:
    """*side* when it is an armed side (a state's forces or a non-state group) other than the *claimant*."""
    if side is None or side.lower() == claimant.lower() or state_side(side) is None:
        return None
    return side
