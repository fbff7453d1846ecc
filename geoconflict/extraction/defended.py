"""Who attacked whom when a report tells it from the defender's side.

ACLED's actor1 is the side that began the event. A report often tells it from the side that held:

* an attack driven off: "Ukrainian forces repelled a Russian assault", "the army repulsed an attack by
  al-Shabaab on its base", "troops thwarted an ISWAP raid" (:data:`geoconflict.lang.en.DROVE_OFF`, an attack's noun
  after it): the attacking side (named after the noun's "by/of/from", else between the verb and the noun) first,
  the side that drove it off (named before the verb, or after "by" in the passive: "an attack by al-Shabaab was
  repulsed by Somali troops") second;
* the passive of an attack told with "under": "a convoy came under attack from JNIM militants"
  (:data:`geoconflict.lang.en.CAME_UNDER`): the side after "from" first, the side that came under it second.

Both readers are gated on a cheap look for their words, so sentences without them pay nothing.
"""

from __future__ import annotations

import re

from geoconflict.extraction.acled_types import actor_after, named_actors
from geoconflict.extraction.actors import DEMONYM_WORD
from geoconflict.extraction.document import clause_back
from geoconflict.lang import en

__all__ = ["defended_sides"]

#: The words either reader needs, as they are in case-folded text.
_GATE = re.compile(r"repel|repuls|foil|thwart|rebuff|fend|fought|fight|beat|under")
#: Where a side's clause ends after the attack ("…, killing 12", "; two soldiers were wounded").
_CLAUSE_END = re.compile(r"[;:,.]")


def defended_sides(masked: str, folded: str) -> tuple[str, ...] | None:
    """ACLED's (actor1, actor2) of an attack the sentence *masked* (*folded*: its case fold) tells from the side it
    was aimed at, if it does: the attacker first, then the defender when named; else None.

    Examples
    --------
    >>> text = "Somali troops repulsed an attack by al-Shabaab fighters on their base in ⟦0⟧"
    >>> defended_sides(text, text.lower())
    ('Al-Shabaab', 'Somali forces')
    >>> text = "a military convoy came under attack from JNIM militants near ⟦0⟧"
    >>> defended_sides(text, text.lower())
    ('JNIM', 'military')
    >>> text = "a Russian assault on ⟦0⟧ was repelled by Ukrainian forces"
    >>> defended_sides(text, text.lower())
    ('Russian forces', 'Ukrainian forces')
    >>> defended_sides("troops attacked a base", "troops attacked a base") is None
    True
    """
    if not _GATE.search(folded):
        return None
    under = en.CAME_UNDER.search(masked)
    if under is not None:
        attacker = actor_after(masked, folded, under.end(), _end(masked, under.end()))
        return None if attacker is None else _pair(attacker, _defender(masked, folded, under.start()))
    off = en.DROVE_OFF.search(masked)
    if off is None:
        return None
    if en.PASSIVE_BEFORE.search(masked, 0, off.start()):  # "an attack by X … was repulsed by Y"
        return _passive(masked, folded, off)
    noun = en.DRIVEN_ASSAULT.match(masked, off.end())
    if noun is None:
        return None
    attacker = None
    by = en.ASSAULT_BY.match(masked, noun.end())
    if by is not None:
        attacker = actor_after(masked, folded, by.end(), _end(masked, by.end()))
    if attacker is None:
        between = named_actors(masked, folded, off.end(), noun.end())
        dem = DEMONYM_WORD.search(masked, off.end(), noun.end())
        attacker = between[0] if between else f"{dem.group(1)} {en.FORCES}" if dem else _by_adjective(folded, off.end(),
                                                                                                      noun.end())
    return None if attacker is None else _pair(attacker, _defender(masked, folded, off.start()))


def _passive(masked: str, folded: str, off: re.Match[str]) -> tuple[str, ...] | None:
    """The sides of an attack driven off told in the passive (*off*: the verb): the attacker named in its subject,
    with an attack's noun (the first side there, else its demonym's forces: "a Russian assault on ⟦0⟧ was repelled"),
    then the agent after "by"."""
    lo = off.start() - len(clause_back(masked[:off.start()]))
    if not en.ASSAULT_NOUN.search(masked, lo, off.start()):
        return None
    named = named_actors(masked, folded, lo, off.start())
    dem = DEMONYM_WORD.search(masked, lo, off.start())
    attacker = named[0] if named else f"{dem.group(1)} {en.FORCES}" if dem else None
    if attacker is None:
        return None
    by = en.BY_AFTER.match(masked, off.end())
    defender = actor_after(masked, folded, by.end(), _end(masked, by.end())) if by else None
    return _pair(attacker, defender)


def _by_adjective(folded: str, lo: int, hi: int) -> str | None:
    """The armed men an adjective in ``folded[lo:hi]`` names ("an insurgent attack": insurgents), if any."""
    return next((en.ATTACKER_ADJECTIVES[w] for w in folded[lo:hi].split() if w in en.ATTACKER_ADJECTIVES), None)


def _end(masked: str, at: int) -> int:
    """Where the clause that goes on at *at* ends."""
    stop = _CLAUSE_END.search(masked, at)
    return stop.start() if stop else len(masked)


def _defender(masked: str, folded: str, at: int) -> str | None:
    """The side named last before *at* in its clause (the subject of the verb there), or its demonym's forces."""
    lo = at - len(clause_back(masked[:at]))
    found = named_actors(masked, folded, lo, at)
    if found:
        return found[-1]
    demonyms = DEMONYM_WORD.findall(masked, lo, at)
    return f"{demonyms[-1]} {en.FORCES}" if demonyms else None


def _pair(attacker: str, defender: str | None) -> tuple[str, ...]:
    """The attacker, then the defender when named and another side."""
    return (attacker,) if defender is None or defender == attacker else (attacker, defender)
