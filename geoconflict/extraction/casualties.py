"""Casualties told without deaths: a report of wounded only states 0 fatalities.

ACLED's ``fatalities`` column holds the deaths a report states and it records no injuries; a report that counts
the wounded and tells of no death ("…, wounding two soldiers", "3 residents were injured") states that none died,
as "no casualties" does, and ACLED codes it 0. A report that tells of deaths, or leaves them open, in any word
(:data:`geoconflict.lang.en.DEATH_STEMS`: "killing and wounding dozens", "casualties", "beaten to death",
"missing") is no such report; one that names no wounded says nothing of the count (None). The sentences are
judged by :func:`geoconflict.extraction.located.stated_fatalities` and the strikes' own count.
"""

from __future__ import annotations

from geoconflict.extraction.cues import folded
from geoconflict.lang import en

__all__ = ["death_told", "wounded_told", "wounded_told_reference"]

#: Words one of which every match of :data:`geoconflict.lang.en.GRIEVANCE_DEATH` holds.
_GRIEVANCE_STEMS = ("over ", "after ", "for ", "against ", "following ", "mourn")
#: People wounded, in case-folded text.
_WOUNDED = folded(en.WOUNDED)


def wounded_told(folded_text: str) -> bool:
    """Whether the case-folded sentence *folded_text* tells of people wounded (:data:`geoconflict.lang.en.WOUNDED`).

    Examples
    --------
    >>> [wounded_told(t) for t in ("a drone hit a bus, wounding five passengers", "2 civilians were wounded.",
    ...                            "police fired tear gas at protesters", "the soldiers were unhurt")]
    [True, True, False, False]
    """
    if not any(w in folded_text for w in en.WOUNDED_STEMS):  # the cheap test first: most sentences name no wounded
        return False
    return _WOUNDED.search(folded_text) is not None


def wounded_told_reference(folded_text: str) -> bool:
    """:func:`wounded_told` done plainly: the pattern searched in every sentence."""
    return en.WOUNDED.search(folded_text) is not None


def death_told(folded_text: str) -> bool:
    """Whether the case-folded sentence *folded_text* tells of a death or leaves deaths open (a word of
    :data:`geoconflict.lang.en.DEATH_STEMS`).

    Examples
    --------
    >>> [death_told(t) for t in ("killing one and wounding two", "the shelling caused casualties",
    ...                          "a wounded man later died", "two soldiers were wounded")]
    [True, True, True, False]

    A death told as a crowd's grievance (:data:`geoconflict.lang.en.GRIEVANCE_DEATH`) is no death of the event:

    >>> death_told("residents set fire to a police station in anger over a death in custody, injuring four policemen")
    False
    """
    if not any(w in folded_text for w in en.DEATH_STEMS):
        return False
    if not any(w in folded_text for w in _GRIEVANCE_STEMS):  # (the cheap test: most tell no grievance's death)
        return True
    return any(w in en.GRIEVANCE_DEATH.sub(" ", folded_text) for w in en.DEATH_STEMS)
