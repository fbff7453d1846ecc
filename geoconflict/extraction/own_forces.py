"""An event's perpetrator told as "its troops" or "our forces": the forces of who says so.

"The Somali army said its troops killed 30 militants", "TPNPB statement: our troops burned a school": a force noun
after a possessive pronoun, right before the event's word, names the speaker's own forces, as claims and movements
read them (:func:`geoconflict.extraction.actors.own_party`); ACLED names them by the speaker's side ("Somali
forces"). When the speaker names no side, the bare noun stays.
"""

from __future__ import annotations

from collections.abc import Callable

from geoconflict.extraction.actors import first_party, own_party, side_name
from geoconflict.extraction.cues import Fold

__all__ = ["OWN_WINDOW", "speakers_forces"]

#: How many characters before the event's word the possessive and its noun are looked for.
OWN_WINDOW = 40
#: The possessive pronouns of :data:`geoconflict.lang.en.OWN_FORCES` (case-folded): a head without one names none.
_PRONOUNS = ("its ", "their ", "our ")


def speakers_forces(head: str, folded_head: str, first: str, said: Callable[[], str | None]) -> str | None:
    """The side that "its/their/our <forces>" names when it is the event's perpetrator *first* (the bare noun read
    from *head*, the sentence up to the event's word; *folded_head* its case-fold): the speaker's (*said*), else
    None.

    Examples
    --------
    >>> head = "The Somali army said its troops "
    >>> speakers_forces(head, head.lower(), "troops", lambda: "The Somali army")
    'Somali forces'
    >>> speakers_forces(head, head.lower(), "troops", lambda: None) is None
    True
    """
    lo = max(0, len(folded_head) - OWN_WINDOW)
    if not any(p in folded_head[lo:] for p in _PRONOUNS):  # the cheap test first: most heads hold none
        return None
    own = Fold.OWN_FORCES.search(folded_head, lo)
    if own is None or own.group("noun") != first:
        return None
    name = own_party(head[own.start():], said())
    party = first_party(name, 0, len(name)) if name else None
    return side_name(party) if party is not None else None
