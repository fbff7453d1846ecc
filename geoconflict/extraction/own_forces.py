"""An event's perpetrator told as "its troops" or "our forces": the forces of who says so.

"The Somali army said its troops killed 30 militants", "TPNPB statement: our troops burned a school": a force noun
after a possessive pronoun, right before the event's word, names the speaker's own forces, as claims and movements
read them (:func:`geoconflict.extraction.actors.own_party`); ACLED names them by the speaker's side ("Somali
forces"). When the speaker names no side, the bare noun stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from geoconflict.extraction.actors import DEMONYM_WORD, first_party, own_party, side_name
from geoconflict.extraction.cues import Fold
from geoconflict.lang import en
from geoconflict.model.acled_names import country_name

__all__ = ["OWN_WINDOW", "speakers_forces", "speakers_side"]

#: How many characters before the event's word the possessive and its noun are looked for.
OWN_WINDOW = 40
#: The possessive pronouns of :data:`geoconflict.lang.en.OWN_FORCES` (case-folded): a head without one names none.
_PRONOUNS = ("its ", "their ", "our ")
#: A country named as the owner of what follows: "Ukraine's (deputy defence minister)" (group 1 the name).
_OWNER = re.compile(r"\b([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)['’]s\b")


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


def speakers_side(speaker: str) -> str | None:
    """The side *speaker* speaks for, by its one name: the party it names ("a TNLA spokesman": "TNLA"), a demonym's
    forces ("the Russian Defence Ministry": "Russian forces"), a country's forces by its possessive ("Ukraine's
    deputy defence minister": "Ukrainian forces"); else None.

    Examples
    --------
    >>> speakers_side("a TNLA spokesman"), speakers_side("the Russian Defence Ministry")
    ('TNLA', 'Russian forces')
    >>> speakers_side("Ukraine's deputy defence minister"), speakers_side("residents") is None
    ('Ukrainian forces', True)
    """
    party = first_party(speaker, 0, len(speaker))
    if party is not None:
        return side_name(party)
    dem = DEMONYM_WORD.search(speaker)
    if dem is not None:
        return f"{dem.group(1)} {en.FORCES}"
    for owner in _OWNER.finditer(speaker):
        demonym = _demonym_of_country().get(owner.group(1))
        if demonym is not None:
            return f"{demonym} {en.FORCES}"
    return None


@lru_cache(maxsize=1)
def _demonym_of_country() -> dict[str, str]:
    """Each country's name (as ACLED writes it) and its first demonym."""
    out: dict[str, str] = {}
    for demonym, code in en.DEMONYMS.items():
        name = country_name(code)
        if name and name != code:
            out.setdefault(name, demonym)
    return out
