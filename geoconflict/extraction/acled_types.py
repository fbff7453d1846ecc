"""A located event's type, chosen the way ACLED's coders choose it: from the verb, the means and the target.

The cue word (a group of :data:`geoconflict.lang.en.STRIKE_CUE`) gives a first
type; the sentence then refines it, never one word alone:

* violence by a stated means is remote violence of that means ("attacked … with
  drones" is an air/drone strike, "killed by a landmine" a remote explosive);
* violence against civilians with no armed side as the target is *Violence
  against civilians*; against armed men it is a battle (*Armed clash*);
* a protest broken up is *Protest with intervention*, one fired on *Excessive
  force against protesters*, one turning violent a riot (*Violent demonstration*);
  a riot with no demonstrators is *Mob violence*; arrests or burning among
  demonstrators belong to their protest or riot.

Examples
--------
>>> classify("attack", "gunmen attacked villagers in the night", 14)
('attack', 'Attack')
>>> classify("attack", "militants attacked an army base with drones", 18)
('strike', 'Air/drone strike')
>>> classify("protest", "police fired tear gas to disperse the protesters")
('protest', 'Protest with intervention')
"""

from __future__ import annotations

import re

from geoconflict.extraction.actors import parties, side_name
from geoconflict.extraction.cues import Fold, matched
from geoconflict.extraction.document import clause_back
from geoconflict.lang import en
from geoconflict.model import taxonomy as acled
from geoconflict.text.normalize import case_fold

__all__ = ["CUE_KEYS", "actor_pair", "classify", "crowd_fight", "protest_outcome"]

#: Where the clause after an event's word ends.
_CLAUSE_END = re.compile(r"[;:,.]")
#: How far after "by" a passive verb's agent is read.
_AGENT_WINDOW = 40

#: Each cue key (a group of STRIKE_CUE or MEANS): the record's type and ACLED sub-event type it gives.
CUE_KEYS: dict[str, tuple[str, str]] = {
    "suicide": ("strike", acled.SUICIDE_BOMB),
    "air": ("strike", acled.AIR_DRONE_STRIKE),
    "explosive": ("strike", acled.REMOTE_EXPLOSIVE),
    "blast": ("strike", acled.REMOTE_EXPLOSIVE),
    "grenade": ("strike", acled.GRENADE),
    "shelling": ("strike", acled.SHELLING),
    "strike": ("strike", acled.SHELLING),
    "disrupted": ("interception", acled.DISRUPTED_WEAPONS),
    "base": ("base", acled.HEADQUARTERS),
    "agreement": ("agreement", acled.AGREEMENT),
    "change": ("development", acled.CHANGE_OF_GROUP),
    "displacement": ("development", acled.OTHER),
    "fire": ("attack", acled.ARMED_CLASH),
    "massacre": ("massacre", acled.ATTACK),
    "abduction": ("abduction", acled.ABDUCTION),
    "sexual": ("attack", acled.SEXUAL_VIOLENCE),
    "excessive": ("protest", acled.EXCESSIVE_FORCE),
    "riot": ("riot", acled.MOB_VIOLENCE),
    "protest": ("protest", acled.PEACEFUL_PROTEST),
    "arrest": ("arrest", acled.ARRESTS),
    "looting": ("looting", acled.LOOTING),
    "attack": ("attack", acled.ARMED_CLASH),
    "kill": ("attack", acled.ATTACK),
}
#: Cue keys whose type a stated means overrides (violence whose weapon the sentence names).
_BY_MEANS = frozenset({"strike", "attack", "kill", "shelling", "massacre", "blast"})
#: Cue keys that are violence against people: an attack on civilians alone is violence against civilians;
#: a killing is, unless its target is armed.
_VIOLENCE = frozenset({"attack", "kill", "massacre", "fire"})
#: Cue keys that direct fire between armed sides makes an armed clash (what else was fired, and at whom).
_ENGAGED = frozenset({"strike", "attack", "kill", "shelling", "blast", "grenade", "fire"})
#: Cue keys of fire that, told as many explosions or projectiles with no device named, is shelling.
_VOLLEY_KEYS = frozenset({"blast", "fire"})
#: Cue keys whose perpetrator, an unorganised crowd, makes them mob violence.
_MOB_KEYS = frozenset({"attack", "kill", "looting", "riot"})
_CROWD_KEYS = frozenset({"arrest", "looting", "riot"})


def classify(key: str, folded: str, at: int = 0) -> tuple[str, str]:
    """The record type and ACLED sub-event type of the event of cue *key* in sentence *folded* (case-folded).

    Parameters
    ----------
    key : str
        The cue's group in :data:`geoconflict.lang.en.STRIKE_CUE`.
    folded : str
        The case-folded sentence (its means, target and crowd are read from it).
    at : int
        Where the cue ends in *folded*: the target is read after it, or before it when the verb is
        passive ("two farmers were shot").

    Returns
    -------
    tuple of str
        The Event's ``type`` and ``subtype`` (ACLED's sub-event type).
    """
    if key in _MOB_KEYS and _by_mob(folded, at) or key == "riot":
        # a riot is violent: of a protest (or with a demand) a violent demonstration, else mob violence
        return "riot", acled.VIOLENT_DEMONSTRATION if en.PROTEST_WORDS.search(folded) else acled.MOB_VIOLENCE
    if key in _ENGAGED and _engaged(folded, at):
        return "attack", acled.ARMED_CLASH
    means = _means(folded) if key in _BY_MEANS else None
    if means is not None:
        return CUE_KEYS[means]
    if key in _VOLLEY_KEYS and en.VOLLEYS.search(folded):  # "observed 12 explosions": fire, not a planted device
        return "strike", acled.SHELLING
    if key in _VIOLENCE:
        return _violence(key, _target(folded, at))
    if key == "protest" or (key in _CROWD_KEYS and en.DEMONSTRATORS.search(folded)):
        return _protest(folded)
    return CUE_KEYS[key]


def _engaged(folded: str, at: int) -> bool:
    """Whether the sentence tells two armed sides engaging: fighting, or direct fire, and no civilians alone
    as the target."""
    if not (Fold.COMBAT.search(folded) or en.DIRECT_FIRE.search(folded)):
        return False
    if Fold.COMBAT.search(clause_back(folded[:at])):  # "fighting in <town> killed 12 people": who died in a battle
        return True
    target = _target(folded, at)
    return not (en.CIVILIAN_TARGET.search(target) and not en.ARMED_TARGET.search(target))


def crowd_fight(folded: str, start: int) -> str | None:
    """ACLED's sub-event type of fighting (its word starting at *start* in *folded*) between crowds, not armed
    sides: *Violent demonstration* when the crowd is demonstrators, *Mob violence* when it is residents,
    party supporters or members, a mob; None for fighting between armed sides (an armed clash).

    Examples
    --------
    >>> crowd_fight("rival party supporters clashed in the market", 27)
    'Mob violence'
    >>> crowd_fight("rebels clashed with the army", 7) is None
    True
    """
    doer = clause_back(folded[:start])
    if en.ARMED_PERPETRATOR.search(doer) or any(a.party for a in parties(doer, 0, len(doer))):
        return None
    if en.DEMONSTRATORS.search(folded) and en.PROTEST_WORDS.search(folded):  # "a clash between demonstrators and
        return acled.VIOLENT_DEMONSTRATION  # police": the demonstrators' side of it
    crude = en.CRUDE_WEAPONS.search(folded) and not en.DIRECT_FIRE.search(folded)  # "clashed with machetes"
    if crude or en.MOB_ACTOR.search(doer) or en.MEMBERS.search(doer):
        return acled.MOB_VIOLENCE
    return None


def _by_mob(folded: str, at: int) -> bool:
    """Whether the perpetrator of the verb ending at *at* is an unorganised crowd (locals, a mob, settlers),
    not an armed group: its subject in the clause, or the agent after a passive verb ("beaten by a mob")."""
    head = folded[:at]
    if en.PASSIVE_VERB_BEFORE.search(head):
        by = en.BY_AGENT.match(folded, at)
        doer = folded[by.end():by.end() + _AGENT_WINDOW] if by else ""
    else:
        doer = clause_back(head)
    mob = en.MOB_ACTOR.search(doer)
    return bool(mob) and not en.ARMED_PERPETRATOR.search(doer)


def _means(folded: str) -> str | None:
    """The first means the sentence names (a cue key), if any."""
    m = en.MEANS.search(folded)
    return None if m is None else m.lastgroup


def _target(folded: str, at: int) -> str:
    """The words that name the target of the verb ending at *at*: after it, or before a passive one."""
    head = folded[:at]
    passive = en.PASSIVE_VERB_BEFORE.search(head)
    return head[:passive.start()] if passive else folded[at:]


def _violence(key: str, folded: str) -> tuple[str, str]:
    """An attack or a killing: on civilians (and no armed side) violence against civilians; an attack on
    anything else, or a killing of armed men, an armed clash."""
    armed = en.ARMED_TARGET.search(folded)
    if key == "massacre" or (not armed and (key == "kill" or en.CIVILIAN_TARGET.search(folded))):
        return ("massacre" if key == "massacre" else "attack"), acled.ATTACK
    return "attack", acled.ARMED_CLASH


def protest_outcome(folded: str) -> tuple[str, str]:
    """A protest's record type and sub-event type as the sentence *folded* that follows its telling shows it:
    broken up ("Police intervened to disperse them"), fired on, turned violent, else peaceful.

    Examples
    --------
    >>> protest_outcome("police intervened and detained three participants.")
    ('protest', 'Protest with intervention')
    """
    return _protest(folded)


def _protest(folded: str) -> tuple[str, str]:
    """A protest: peaceful, broken up, fired on, or turned violent."""
    if en.VIOLENT_CROWD.search(folded):
        return "riot", acled.VIOLENT_DEMONSTRATION
    if en.EXCESSIVE_FORCE.search(folded):
        return "protest", acled.EXCESSIVE_FORCE
    if en.INTERVENTION.search(folded):
        return "protest", acled.PROTEST_WITH_INTERVENTION
    return "protest", acled.PEACEFUL_PROTEST


def actor_pair(masked: str, start: int, end: int, *, default: str | None = None) -> tuple[str, ...]:
    """ACLED's (actor1, actor2) of the event whose word is ``masked[start:end]``, as the sentence names them.

    actor1 is the perpetrator: the actor nearest before the word in its clause, or
    the agent after a passive verb ("were shot by unknown gunmen"); actor2 is the
    target or other side: the first actor after the word in its clause, or the
    passive subject. An actor is a named side ("Russian forces", "Al-Shabaab
    militants") or a generic one (:data:`geoconflict.lang.en.GENERIC_ACTOR`:
    "gunmen", "police", "protesters", "army" in "an army base"). actor2 is left
    out when not stated; so the tuple has one or two names, or none. *default* is
    actor1 when no actor comes before the word (the forces of a demonym before it).

    Examples
    --------
    >>> actor_pair("police arrested 12 protesters in ⟦0⟧", 7, 15)
    ('police', 'protesters')
    >>> actor_pair("two farmers were shot by unknown gunmen", 17, 21)
    ('unknown gunmen', 'farmers')
    """
    head = clause_back(masked[:start])
    lo = start - len(head)
    stop = _CLAUSE_END.search(masked, end)
    hi = stop.start() if stop else len(masked)
    folded = case_fold(masked)
    before = _nearest(masked, folded, lo, start, last=True) or default
    crowd = _nearest(masked, folded, start, end, last=False)  # the word names the actor: "protesters", "rioters"
    pair: tuple[str | None, str | None]
    if crowd:
        pair = (crowd, before or _nearest(masked, folded, end, hi, last=False))
    elif en.PASSIVE_VERB_BEFORE.search(masked, lo, end):
        by = en.BY_AGENT.match(masked, end, hi)
        agent = _nearest(masked, folded, by.end(), hi, last=False) if by else None
        pair = (agent, before)
    else:
        pair = (before, _nearest(masked, folded, end, hi, last=False))
    return tuple(dict.fromkeys(a for a in pair if a))


def _nearest(masked: str, folded: str, lo: int, hi: int, *, last: bool) -> str | None:
    """The last (or first) actor named in ``masked[lo:hi]`` (*folded*: its :func:`case_fold`): a named side,
    else a generic actor inside no side."""
    found = [(a.start, a.end, side_name(a)) for a in parties(masked, lo, hi) if a.party]
    found.extend((g.start(), g.end(), matched(masked, g).lower()) for g in Fold.GENERIC_ACTOR.finditer(folded, lo, hi)
                 if not any(s <= g.start() <= e + 1 for s, e, _ in found))  # "HTS security forces" are the HTS
    if not found:
        return None
    found.sort()
    return found[-1 if last else 0][2]
