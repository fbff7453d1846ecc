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

:func:`classify` tries its rules in this order, the first that applies choosing
(the analyst's order when one sentence tells several things):

1. a riot: violence by an unorganised crowd, the casualties of a fight between
   crowds, property burned at a demonstration by no armed side;
2. a battle told with looting, arrests, abductions or weapons seized ("looted a
   market during fighting with the army") is that battle, unless the fighting is
   told as what came before ("following a clash, ...");
3. fighting or direct fire between armed sides: an armed clash;
4. a stated means: remote violence of that means (an aircraft shot down: its
   shooter's means; a means right after an attack's verb is its target); a strike
   with none by a side that strikes from the air ("Israeli strikes"): an air strike;
5. many explosions or projectiles and no device: shelling;
6. hostages taken in an assault: an abduction; detainees then tortured or killed: an
   attack; armed men abducted: a battle; a
   raid that arrests and kills no one: arrests;
7. by the target: civilians alone an attack on them, armed men a clash, property
   alone (burned, no one hurt) property destruction; fire with no means at
   demonstrators their protest, at civilians an attack, else shelling;
8. a protest, or arrests among demonstrators or of people who gathered: peaceful,
   broken up, fired on, violent; a march disrupted or attacked by a rival crowd: broken
   up (fired on when people were killed).

Before 7, violence of the state's forces told of a protest's crowd (its victims
demonstrators, fire aimed at the crowd or used to disperse the protest) is that protest
broken up, or fired on when lethal; and before 1's verdict, people hurt by a passive verb
with no agent in a sentence whose crowd turns violent are the riot's casualties.

Examples
--------
>>> classify("attack", "gunmen attacked villagers in the night", 14)
('attack', 'Attack')
>>> classify("attack", "militants attacked an army base with drones", 18)
('strike', 'Air/drone strike')
>>> classify("protest", "police fired tear gas to disperse the protesters")
('protest', 'Protest with intervention')
>>> text = "three people were killed when soldiers fired on a crowd protesting against hardship"
>>> classify("kill", text, text.index("killed") + 6)
('protest', 'Excessive force against protesters')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from geoconflict.extraction.actors import DEMONYM_TRIE, first_party, parties, side_name, state_side
from geoconflict.extraction.cues import Fold, Reading, Stems, matched
from geoconflict.extraction.document import clause_back
from geoconflict.extraction.fast_scan import boundary_first
from geoconflict.lang import en
from geoconflict.model import taxonomy as acled
from geoconflict.text.normalize import case_fold

__all__ = ["BY_BATTLE", "CUE_KEYS", "actor_after", "actor_before", "actor_pair", "battle_word", "classify",
           "crowd_fight", "first_named", "first_named_reference", "named_actors", "named_spans", "protest_outcome",
           "side_next_to"]

#: An event word that is shooting ("shot dead", "shot and killed", "opened fire"), case-folded.
_SHOOTING = re.compile(r"shot\b|opened\s+fire\b")
#: Where the clause after an event's word ends.
_CLAUSE_END = re.compile(r"[;:,.]")
#: Where the clause after an event's word ends, for its other side: not at a comma inside parentheses (a place's
#: tail, "raided ⟦0⟧ (⟦1⟧, ⟦2⟧) and clashed with militants", goes on); at a clause of time ("until police
#: arrived": who came later is no side of it); at what someone is suspected or accused of ("lynched two men suspected
#: of kidnapping children": the children are no side of it).
_SIDE_CLAUSE_END = re.compile(r"[;:.]|,(?![^()]*\))|\s(?i:until|before)\s|\s(?i:suspected|accused)\s+of\s")
#: What joins two actors named together as one side ("the TNLA and PDF fighters", "FARDC, Wazalendo"): the first
#: named is actor1.
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
#: What joins the two sides after "between", the first's nouns at most two words and the second's adjective at most one
#: ("X and Y", "X gang members and the Y", "X fighters and federal troops").
_BETWEEN_AND = re.compile(r"\s*(?:[\w-]+\s+){0,2}?,?\s*and\s+(?:the\s+)?(?:[a-z-]+\s+)?")
#: Two states' forces named in one phrase ("Armenian and Azerbaijani forces", "Indian and Pakistani troops").
_TWO_STATES = re.compile(rf"({DEMONYM_TRIE})\s+and\s+({DEMONYM_TRIE})\s+(?i:{en.ACTOR_NOUNS})")
#: A verb of fighting one another: the two forces named in one phrase before it are the two sides.
_EACH_OTHER = re.compile(r"\b(?:exchang\w*\s+(?:[\w-]+\s+){0,2}?fire|clash\w*|fought|skirmish\w*)\b", re.IGNORECASE)
#: Whom a verb of fighting one another names after it ("clashed with the army"): then the sides joined before it
#: fought together.
_FOUGHT_WITH = re.compile(r"\s+(?:with|against)\b", re.IGNORECASE)
#: How far before a crowd's word its size (:data:`~geoconflict.lang.en.CROWD_SIZE`) is looked for.
SIZE_WINDOW = 40
#: How far after "by" a passive verb's agent is read.
_AGENT_WINDOW = 60


#: The means and the generic actors, searched with the word boundary tested first (the same matches:
#: :func:`~geoconflict.extraction.fast_scan.boundary_first`).
_MEANS = boundary_first(Fold.MEANS)
_GENERIC_ACTOR = boundary_first(Fold.GENERIC_ACTOR)


#: Each cue key (a group of STRIKE_CUE or MEANS): the record's type and ACLED sub-event type it gives.
CUE_KEYS: dict[str, tuple[str, str]] = {
    "suicide": ("strike", acled.SUICIDE_BOMB),
    "chemical": ("strike", acled.CHEMICAL_WEAPON),
    "air": ("strike", acled.AIR_DRONE_STRIKE),
    "explosive": ("strike", acled.REMOTE_EXPLOSIVE),
    "blast": ("strike", acled.REMOTE_EXPLOSIVE),
    "grenade": ("strike", acled.GRENADE),
    "shelling": ("strike", acled.SHELLING),
    "fired": ("strike", acled.SHELLING),
    "aircraft": ("strike", acled.SHELLING),
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
    "interfered": ("protest", acled.PROTEST_WITH_INTERVENTION),
    "protest": ("protest", acled.PEACEFUL_PROTEST),
    "marching": ("protest", acled.PEACEFUL_PROTEST),
    "arrest": ("arrest", acled.ARRESTS),
    "looting": ("looting", acled.LOOTING),
    "attack": ("attack", acled.ARMED_CLASH),
    "raid": ("attack", acled.ARMED_CLASH),
    "kill": ("attack", acled.ATTACK),
}
#: Cue keys whose type a stated means overrides (violence whose weapon the sentence names).
_BY_MEANS = frozenset({"strike", "attack", "raid", "kill", "shelling", "massacre", "blast", "fired", "aircraft", "fire",
                       "looting"})
#: Cue keys that are violence against people: an attack on civilians alone is violence against civilians;
#: a killing is, unless its target is armed.
_VIOLENCE = frozenset({"attack", "raid", "kill", "massacre", "fire"})
#: Cue keys that direct fire between armed sides makes an armed clash (what else was fired, and at whom).
_ENGAGED = frozenset({"strike", "attack", "raid", "kill", "shelling", "blast", "grenade", "fire", "fired"})
#: Cue keys of fire that, told as many explosions or projectiles with no device named, is shelling.
_VOLLEY_KEYS = frozenset({"blast", "fire"})
#: Cue keys whose perpetrator, an unorganised crowd, makes them mob violence.
_MOB_KEYS = frozenset({"attack", "kill", "looting", "riot"})
#: Cue keys that a battle told in the same sentence is the event of (what the fighting was over, or led to).
BY_BATTLE = frozenset({"looting", "arrest", "abduction", "disrupted"})
#: Cue keys whose verb's object may be a means ("attacked army helicopters"): then it is the target, not the means.
_OBJECT_KEYS = frozenset({"attack", "raid", "kill"})
#: How far after such a verb its object is read (characters).
_OBJECT_WINDOW = 40
#: Cue keys of people detained (violence against civilians when they are then hurt).
_DETENTION_KEYS = frozenset({"arrest", "abduction"})
_CROWD_KEYS = frozenset({"arrest", "looting", "riot"})
#: Cue keys of a protest's own word ("protested", "farmers marching").
_PROTEST_KEYS = frozenset({"protest", "marching"})
#: Cue keys of violence that, done by the state's forces to a protest's crowd, is the protest met with force.
_AT_PROTEST_KEYS = frozenset({*_VIOLENCE, "fired"})
#: How far before an armed word :data:`~geoconflict.lang.en.FORMER_BEFORE` is looked for.
_FORMER_WINDOW = 24
#: A possessive and a lower-case noun after a word ("children's hospital", "farmers' market").
_POSSESSIVE_NOUN = re.compile(r"['’]s?\s+[a-z]")
#: A clause of time after a verb's object ("until police arrived"): what it names is not the object.
_LATER_CLAUSE = re.compile(r"\b(?:until|before|after|when|as|while)\b")
#: A relative pronoun: what follows tells of the person or thing, not the event.
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b")
#: Cue keys of an assault that taking hostages makes an abduction.
_HOSTAGE_KEYS = frozenset({"attack", "raid", "abduction"})


def classify(key: str, folded: str, at: int = 0, start: int | None = None, *,
             reading: Reading | None = None) -> tuple[str, str]:
    """The record type and ACLED sub-event type of the event of cue *key* in sentence *folded* (case-folded).

    The rules of :data:`_RULES` are tried in turn, the first that applies choosing the type; when none
    does, the cue's own (:data:`CUE_KEYS`).

    Parameters
    ----------
    key : str
        The cue's group in :data:`geoconflict.lang.en.STRIKE_CUE`.
    folded : str
        The case-folded sentence (its means, target and crowd are read from it).
    at : int
        Where the cue ends in *folded*: the target is read after it, or before it when the verb is
        passive ("two farmers were shot").
    start : int, optional
        Where the cue starts (default *at*): a shot-down aircraft's means are read before it.
    reading : Reading, optional
        The sentence's reading (its ``folded`` is *folded*): the word of fighting it found is not searched for
        again.

    Returns
    -------
    tuple of str
        The Event's ``type`` and ``subtype`` (ACLED's sub-event type).
    """
    cue = _Cue(key, folded, at, at if start is None else start, _first_fight(folded, reading),
               folded if reading is None else reading.masked)
    for rule in _RULES:
        found = rule(cue)
        if found is not None:
            return found
    return CUE_KEYS[key]


class _Cue(NamedTuple):
    """An event word as the typing rules read it: its key, its sentence (case-folded), where it starts and ends
    (a named tuple: made once for each cue typed, it is read, never changed)."""

    key: str
    folded: str
    at: int
    start: int
    fight: re.Match[str] | None  # the sentence's first word of fighting (Fold.COMBAT)
    masked: str  # the sentence as written (its places masked), where names keep their case; else *folded*


def _first_fight(folded: str, reading: Reading | None) -> re.Match[str] | None:
    """The first word of fighting in *folded*: the one *reading* (of that sentence) found, else searched."""
    return reading.cue("combat") if reading is not None else Fold.COMBAT.search(folded)


def _riot(cue: _Cue) -> tuple[str, str] | None:
    """A riot: violence by an unorganised crowd (not shooting: a crowd that shoots people armed men's attack,
    "settlers shot and killed a farmer"), casualties of fighting between crowds, or property destroyed during a
    demonstration by no armed side; of a protest (or with a demand) a violent demonstration, else mob violence."""
    crowd = cue.key in _MOB_KEYS and (_by_mob(cue.folded, cue.at) or sized_crowd(cue.folded, cue.start)) \
        and not _SHOOTING.match(cue.folded, cue.start)  # ("hundreds of people torched cars": a crowd by its size)
    fight = cue.fight if cue.key == "kill" else None
    brawl = crowd_fight(cue.folded, fight.start()) if fight else None
    if brawl is not None:  # "were injured in a clash between two groups of party members": the riot's casualties
        return "riot", brawl
    demonstration = cue.key == "looting" and Fold.DEMONSTRATION.search(cue.folded)
    if crowd or cue.key == "riot" or (demonstration and not _armed_doer(cue.folded, cue.at)) or _hurt_by_crowd(cue):
        protest = Fold.PROTEST_WORDS.search(cue.folded)  # (searched only for a riot: most cues are none)
        return "riot", acled.VIOLENT_DEMONSTRATION if protest else acled.MOB_VIOLENCE
    return None


def _hurt_by_crowd(cue: _Cue) -> bool:
    """Whether people told killed or hurt by a passive verb with no agent were hurt by a crowd the rest of the
    sentence tells turning violent ("21 officers were injured when demonstrators threw bottles at them")."""
    if cue.key != "kill" or not Stems.PASSIVE_VERB_BEFORE.search(cue.folded[:cue.at]) \
            or Fold.BY_AGENT.match(cue.folded, cue.at):
        return False
    after = cue.folded[cue.at:]
    crowd = Fold.DEMONSTRATORS.search(after) or Fold.MOB_ACTOR.search(after)
    return crowd is not None and Fold.VIOLENT_CROWD.search(after, crowd.start()) is not None


def _in_battle(cue: _Cue) -> tuple[str, str] | None:
    """Looting, arrests, abductions or weapons seized in a sentence that tells armed sides fighting: the battle is
    the event ("clashed with the police as they tried to kidnap a family")."""
    if cue.key in BY_BATTLE and _battle_word(cue.folded, cue.fight) is not None:
        return "attack", acled.ARMED_CLASH
    return None


def _engaged_sides(cue: _Cue) -> tuple[str, str] | None:
    """Fire exchanged between armed sides (fighting or direct fire, not at civilians alone): an armed clash."""
    return ("attack", acled.ARMED_CLASH) if cue.key in _ENGAGED and _engaged(cue) else None


def _by_stated_means(cue: _Cue) -> tuple[str, str] | None:
    """Violence by a stated means is remote violence of that means (an aircraft's means: who shot it down)."""
    if cue.key not in _BY_MEANS:
        return None
    if cue.key == "aircraft":
        means = _means(cue.folded[:cue.start])
    else:
        means = next((m.lastgroup for m in _MEANS.finditer(cue.folded) if not _object_of(cue, m)), None)
    return None if means is None else CUE_KEYS[means]


def _object_of(cue: _Cue, means: re.Match[str]) -> bool:
    """Whether the means *means* is the object of an attack's or a killing's verb, not its instrument ("attacked
    army helicopters", against "attacked the base with drones"): right after the verb, no preposition between."""
    if cue.key not in _OBJECT_KEYS or not cue.at <= means.start() <= cue.at + _OBJECT_WINDOW:
        return False
    return not en.INSTRUMENT_BEFORE.search(cue.folded, cue.at, means.start())


def _from_the_air(cue: _Cue) -> tuple[str, str] | None:
    """A strike with no means named, by a side that strikes from the air (:data:`~geoconflict.lang.en.AIR_POWER_SIDES`
    in the clause before its word: "Israeli strikes on Baalbek", "the IDF said it struck"): an air strike."""
    if cue.key != "strike" or not en.AIR_POWER_SIDES.search(clause_back(cue.masked[:cue.start])):
        return None
    return CUE_KEYS["air"]


def _volleys(cue: _Cue) -> tuple[str, str] | None:
    """Many explosions or projectiles with no device named ("observed 12 explosions"): fire, not a planted device."""
    return ("strike", acled.SHELLING) if cue.key in _VOLLEY_KEYS and Fold.VOLLEYS.search(cue.folded) else None


def _hostages(cue: _Cue) -> tuple[str, str] | None:
    """An attack or a raid that takes or holds people hostage ("stormed a studio and held staff hostage"), of no
    armed men: an abduction (:data:`~geoconflict.lang.en.HOSTAGE_TAKING`)."""
    if cue.key not in _HOSTAGE_KEYS:
        return None
    taken = en.HOSTAGE_TAKING.search(cue.folded, cue.start)
    if taken is None:
        return None
    after = cue.folded[taken.end():taken.end() + _OBJECT_WINDOW]
    later = _LATER_CLAUSE.search(after)  # "held staff hostage until police arrived": the police came later
    if _armed_object(taken.group(0) + (after[:later.start()] if later else after)):
        return None  # "took six officers hostage", "held hostage police officers"
    return CUE_KEYS["abduction"]


def _detention(cue: _Cue) -> tuple[str, str] | None:
    """People detained and then tortured or killed: violence against civilians, not an arrest; armed men
    abducted: a battle; a raid that arrests people and tells no one hurt: arrests."""
    if cue.key in _DETENTION_KEYS and en.DETAINEE_HARMED.search(cue.folded, cue.at):
        return "attack", acled.ATTACK
    if cue.key == "abduction" and not Stems.PASSIVE_VERB_BEFORE.search(cue.folded, 0, cue.at) \
            and _armed_object(cue.folded[cue.at:]):  # "abducted two policemen"
        return "attack", acled.ARMED_CLASH
    if (cue.key == "raid" and en.ARRESTED.search(cue.folded) and _no_killing(cue.folded)
            and not Fold.DIRECT_FIRE.search(cue.folded)):
        return "arrest", acled.ARRESTS
    return None


def _killing_with_property(cue: _Cue) -> tuple[str, str] | None:
    """Property looted or burned in a sentence that also tells people killed ("burned houses, killing 12
    villagers"): the killing is the event, typed by whom it killed (:func:`_violence`). ACLED's looting or
    property destruction is a development in which no one is hurt; a raid that kills is an attack."""
    if cue.key != "looting" or _no_killing(cue.folded):
        return None
    killed = en.FATALITIES.search(cue.folded, cue.at)  # (after its word: "…, killing 12 villagers")
    if killed is None or _RELATIVE.search(cue.folded, cue.at, killed.start()):
        return None  # ("demolished the house of a man who was convicted of killing a settler": another time's)
    return _violence("kill", cue.folded[killed.start():])


def _on_people(cue: _Cue) -> tuple[str, str] | None:
    """An attack, a killing or fire by no stated means: by its target (:func:`_violence`, :func:`_fired`)."""
    if cue.key == "fired":
        return _fired(cue.folded, _target(cue.folded, cue.at))
    return _violence(cue.key, _target(cue.folded, cue.at)) if cue.key in _VIOLENCE else None


def _killed_at_protest(cue: _Cue) -> tuple[str, str] | None:
    """People killed or shot by the state's forces during a protest ("security forces shot dead 50 people during
    opposition protests"): the protest, met with excessive force; and violence of the state's forces named in the
    sentence that met a protest (:func:`_met_protest`)."""
    if cue.key not in _AT_PROTEST_KEYS or not any(w in cue.folded for w in en.PROTEST_STEMS):  # (most have none)
        return None
    doer = clause_back(cue.folded[:cue.start])
    if cue.key in _VIOLENCE and en.DURING_PROTEST.search(cue.folded) and Fold.STATE_FORCE_WORDS.search(doer):
        return "protest", acled.EXCESSIVE_FORCE
    return _met_protest(cue, doer)


def _met_protest(cue: _Cue, doer: str) -> tuple[str, str] | None:
    """Violence told of a protest's crowd by the state's forces named in its sentence: its victims demonstrators
    ("killed one protester", "a protester was shot dead", "beat and arrested striking merchants"), or the forces'
    fire aimed at the crowd or used to disperse the protest ("when soldiers fired on a crowd protesting", "fired
    live rounds to disperse a demonstration"). Lethal or direct fire (:data:`~geoconflict.lang.en.EXCESSIVE_FORCE`)
    is excessive force, else the protest was broken up; demonstrators who turned violent, or who are the doers,
    make no such protest (None)."""
    folded = cue.folded
    victims = en.PROTESTER_VICTIMS.search(_target(folded, cue.at)[:_OBJECT_WINDOW]) or \
        Fold.DEMONSTRATORS.search(_target(folded, cue.at)[:_OBJECT_WINDOW])
    if not (victims or en.FORCE_ON_PROTEST.search(folded)) or not Fold.STATE_FORCE_WORDS.search(folded):
        return None
    if not (Fold.DEMONSTRATION.search(folded) or any(m.group(0) != "crowd" for m in Fold.DEMONSTRATORS.finditer(folded))):
        return None  # "police fired on a crowd": no protest told
    active = not Stems.PASSIVE_VERB_BEFORE.search(folded[:cue.at])  # "a protester was shot dead": its victim
    crowd_did = active and (Fold.DEMONSTRATORS.search(doer) or en.PROTESTER_VICTIMS.search(doer))
    if crowd_did or Fold.VIOLENT_CROWD.search(folded):
        return None
    if _done_to_protest(Fold.EXCESSIVE_FORCE, folded):
        return "protest", acled.EXCESSIVE_FORCE
    return "protest", acled.PROTEST_WITH_INTERVENTION


def _protest_rule(cue: _Cue) -> tuple[str, str] | None:
    """A protest, or arrests or burning among demonstrators or during a protest ("arrested 20 people during an
    opposition march"), or arrests of people who gathered ("detained people who gathered to lay flowers"): the
    protest, peaceful or not (:func:`_protest`)."""
    if cue.key == "interfered":  # "supporters disrupted a march by students": broken up, or fired on
        lethal = _done_to_protest(Fold.EXCESSIVE_FORCE, cue.folded)
        return "protest", acled.EXCESSIVE_FORCE if lethal else acled.PROTEST_WITH_INTERVENTION
    if cue.key in _PROTEST_KEYS or (cue.key in _CROWD_KEYS and Fold.DEMONSTRATORS.search(cue.folded)) \
            or (cue.key == "arrest" and (en.GATHERED.search(cue.folded) or en.AT_PROTEST.search(cue.folded)
                                         or en.FORCE_ON_PROTEST.search(cue.folded))):
        return _protest(cue.folded)
    return None


#: The typing rules, in the order they are tried (the first that applies wins).
_RULES: tuple[Callable[[_Cue], tuple[str, str] | None], ...] = (
    _riot, _in_battle, _engaged_sides, _by_stated_means, _from_the_air, _volleys, _hostages, _detention,
    _killed_at_protest, _killing_with_property, _on_people, _protest_rule)


def _armed_object(target: str) -> bool:
    """Whether the object of a verb (the start of its *target* words, in its clause) is armed men: an armed word
    before any civilian one ("abducted two policemen", not "abducted civilians ..., forcing them to carry military
    equipment")."""
    head = _CLAUSE_END.split(target, maxsplit=1)[0][:_OBJECT_WINDOW]
    armed = Fold.ARMED_TARGET.search(head)
    civilian = Fold.CIVILIAN_TARGET.search(head)
    return armed is not None and (civilian is None or armed.start() < civilian.start())


def _no_killing(folded: str) -> bool:
    """Whether the sentence *folded* tells no one killed (no killing word at all)."""
    return not any(w in folded for w in en.FATALITY_STEMS)


def battle_word(folded: str, *, reading: Reading | None = None) -> re.Match[str] | None:
    """The word of fighting between armed sides that the sentence *folded* tells as its event (not crowds, not
    "following an armed clash"), if any: a looting, an arrest or an abduction told with it is that battle, and
    its sides are the battle's.

    Examples
    --------
    >>> battle_word("rsf fighters looted a market during heavy fighting with the army").group(0)
    'fighting'
    """
    return _battle_word(folded, _first_fight(folded, reading))


def _battle_word(folded: str, fight: re.Match[str] | None) -> re.Match[str] | None:
    """:func:`battle_word` of *folded*, whose first word of fighting is *fight*."""
    if fight is None or en.AFTER_FIGHTING.search(folded, 0, fight.start()):
        return None
    return fight if crowd_fight(folded, fight.start()) is None else None


def _fired(folded: str, target: str) -> tuple[str, str]:
    """Fire with no means named: at demonstrators or rioters their protest or riot (tear gas fired at them); at
    civilians (and no armed side) an attack on them; else shelling."""
    if Fold.DEMONSTRATORS.search(target) or Fold.DEMONSTRATION.search(target) or Fold.VIOLENT_CROWD.search(target):
        return _protest(folded)
    if Fold.CIVILIAN_TARGET.search(target) and not _armed_target(target):
        return "attack", acled.ATTACK
    return CUE_KEYS["fired"]


def _engaged(cue: _Cue) -> bool:
    """Whether the sentence of *cue* tells two armed sides engaging: fighting, or direct fire, and no civilians
    alone as the target."""
    folded, at = cue.folded, cue.at
    if not (cue.fight or Fold.DIRECT_FIRE.search(folded)):
        return False
    if Fold.COMBAT.search(clause_back(folded[:at])):  # "fighting in <town> killed 12 people": who died in a battle
        return True
    target = _target(folded, at)
    return not (Fold.CIVILIAN_TARGET.search(target) and not Fold.ARMED_TARGET.search(target))


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
    other = _CLAUSE_END.split(folded[start:], maxsplit=1)[0]  # "fought with market vendors", "between X and Y"
    sides = f"{doer} {other}"
    if first_party(doer, 0, len(doer)) is not None or _armed_side(doer, sides):
        return None
    if Fold.DEMONSTRATORS.search(folded) and Fold.PROTEST_WORDS.search(folded):  # "a clash between demonstrators and
        return acled.VIOLENT_DEMONSTRATION  # police": the demonstrators' side of it
    crude = Fold.CRUDE_WEAPONS.search(folded) and not Fold.DIRECT_FIRE.search(folded)  # "clashed with machetes"
    if crude or Fold.MOB_ACTOR.search(sides) or Fold.MEMBERS.search(doer) or sized_crowd(folded, start):
        return acled.MOB_VIOLENCE  # ("hundreds of people clashed with police": a crowd, no armed side)
    return None


def sized_crowd(folded: str, start: int) -> bool:
    """Whether the case-folded *folded* names a crowd by its size alone or as people right before offset *start*
    (:data:`~geoconflict.lang.en.CROWD_SIZE`: "hundreds of people", "thousands", "around 200 people"), within
    :data:`SIZE_WINDOW` characters: a crowd ACLED names protesters, or rioters.

    Examples
    --------
    >>> sized_crowd("hundreds of people clashed with police", 19), sized_crowd("rebels clashed", 7)
    (True, False)
    """
    lo = max(0, start - SIZE_WINDOW)
    if not any(w in folded[lo:start] for w in en.CROWD_SIZE_STEMS):  # the cheap test first: most name no size
        return False
    return en.CROWD_SIZE.search(folded, lo, start) is not None


def _armed_side(doer: str, sides: str) -> bool:
    """Whether fighting is between armed sides: an armed group or army on either side (*sides*: the text of
    both), or police as the subject (*doer*) with no crowd against them. Police fighting a crowd is a riot."""
    if Fold.ARMED_SIDE.search(sides):
        return True
    return bool(Fold.ARMED_PERPETRATOR.search(doer)) and not Fold.MOB_ACTOR.search(sides)


def _by_mob(folded: str, at: int) -> bool:
    """Whether the perpetrator of the verb ending at *at* is an unorganised crowd (locals, a mob, settlers),
    not an armed group: its subject in the clause, or the agent after a passive verb ("beaten by a mob")."""
    head = folded[:at]
    if Stems.PASSIVE_VERB_BEFORE.search(head):
        by = Fold.BY_AGENT.match(folded, at)
        doer = folded[by.end():by.end() + _AGENT_WINDOW] if by else ""
    else:
        doer = clause_back(head)
        if not doer[:doer.rfind(" ", 0, len(doer.rstrip()))].strip():  # ", torching his house": the main subject's
            doer = head
    return bool(Fold.MOB_ACTOR.search(doer)) and not _armed_in(doer)


def _armed_in(doer: str) -> bool:
    """Whether the perpetrator's words *doer* name an armed man among them: an armed word that no preposition
    governs ("freed a suspect from police custody" names no armed doer; "youths armed with machetes" carry crude
    weapons only)."""
    for m in Fold.ARMED_PERPETRATOR.finditer(doer):
        if not en.GOVERNED_BEFORE.search(doer, 0, m.start()) and not en.CRUDE_ARMED.match(doer, m.start()):
            return True
    return False


def _armed_doer(folded: str, at: int) -> bool:
    """Whether the subject of the verb ending at *at* names an armed man (:func:`_armed_in`)."""
    return _armed_in(clause_back(folded[:at]))


def _means(folded: str) -> str | None:
    """The first means the sentence names (a cue key), if any."""
    m = _MEANS.search(folded)
    return None if m is None else m.lastgroup


def _target(folded: str, at: int) -> str:
    """The words that name the target of the verb ending at *at*: after it, or before a passive one."""
    head = folded[:at]
    passive = Stems.PASSIVE_VERB_BEFORE.search(head)
    return head[:passive.start()] if passive else folded[at:]


def _armed_target(target: str) -> bool:
    """Whether the *target* words name armed men or their posts as the target, not as where it happened: "fired
    at a bus at a checkpoint" targets the bus (an armed word a locative preposition governs, other than the first
    word, names the place; one a speaker's verb follows tells of it; "a former officer" and "a police informer"
    are civilians)."""
    for m in (*Fold.ARMED_TARGET.finditer(target), *Fold.ARMED_GROUP_NAMED.finditer(target)):
        if en.SAYS_AFTER.match(target, m.end()):  # ", police said": who tells of it
            continue
        if en.FORMER_BEFORE.search(target, max(0, m.start() - _FORMER_WINDOW), m.start()):
            continue  # "a former regime officer": a civilian now
        if en.CIVILIAN_OF_ARMED.match(target, m.end()):
            continue  # "a police informer", "soldiers' families": civilians
        at = en.LOCATIVE_GOVERNED.search(target, 0, m.start())
        if at is None or not target[:at.start()].strip():
            return True
    return False


def _violence(key: str, folded: str) -> tuple[str, str]:
    """An attack or a killing: on civilians (and no armed side) violence against civilians; an attack on
    anything else, or a killing of armed men, an armed clash."""
    armed = _armed_target(folded)
    if key == "kill" and en.LIVESTOCK.match(folded):  # "killed 25 heads of cattle": property destroyed
        return "looting", acled.LOOTING
    if key == "attack" and not armed and _property_only(folded):  # "attacked and burned a school": no one hurt
        return "looting", acled.LOOTING
    if key == "massacre" or (not armed and (key == "kill" or Fold.CIVILIAN_TARGET.search(folded))):
        return ("massacre" if key == "massacre" else "attack"), acled.ATTACK
    return "attack", acled.ARMED_CLASH


def _property_only(target: str) -> bool:
    """Whether an attack's *target* words tell property destroyed ("and burned a school") and no one hurt."""
    hurt = en.INJURED.search(target) and not Fold.NO_FATALITIES.search(target)  # "no one was hurt" is no one hurt
    return bool(en.PROPERTY_DAMAGE.match(target)) and _no_killing(target) and not hurt


def protest_outcome(folded: str) -> tuple[str, str]:
    """A protest's record type and sub-event type as the sentence *folded* that follows its telling shows it:
    broken up ("Police intervened to disperse them"), fired on, turned violent, else peaceful. The sentence must
    refer to the protest ("them", "the protesters"): "He was arrested last year." tells its grievance.

    Examples
    --------
    >>> protest_outcome("police intervened and detained three participants.")
    ('protest', 'Protest with intervention')
    """
    return _protest(folded) if en.PROTEST_REFERENCE.search(folded) else ("protest", acled.PEACEFUL_PROTEST)


def _protest(folded: str) -> tuple[str, str]:
    """A protest: peaceful, broken up, fired on, or turned violent."""
    if Fold.VIOLENT_CROWD.search(folded):
        return "riot", acled.VIOLENT_DEMONSTRATION
    if _done_to_protest(Fold.EXCESSIVE_FORCE, folded):
        return "protest", acled.EXCESSIVE_FORCE
    if _done_to_protest(Fold.INTERVENTION, folded):
        return "protest", acled.PROTEST_WITH_INTERVENTION
    return "protest", acled.PEACEFUL_PROTEST


def _done_to_protest(pattern: re.Pattern[str], folded: str) -> bool:
    """Whether *pattern* (force or intervention) matches the sentence *folded* as done to the protest, not as its
    grievance ("protested against the arrest of ...", "demanding the release of activists who were detained")."""
    return any(not en.GRIEVANCE_BEFORE.search(folded, 0, m.start()) and not _not_done(folded, m)
               for m in pattern.finditer(folded))


def _not_done(folded: str, m: re.Match[str]) -> bool:
    """Whether the word of force or arrest *m* in *folded* is told as not done ("no one was detained", "without
    arrests") or as the crowd's own going ("dispersed peacefully")."""
    return bool(en.NOT_DONE_BEFORE.search(folded, max(0, m.start() - en.NOT_DONE_WINDOW), m.start())
                or en.OWN_GOING_AFTER.match(folded, m.end()))


def actor_pair(masked: str, start: int, end: int, *, default: str | None = None) -> tuple[str, ...]:
    """ACLED's (actor1, actor2) of the event whose word is ``masked[start:end]``, as the sentence names them.

    actor1 is the perpetrator: the actor nearest before the word in its clause, or
    the agent after a passive verb ("were shot by unknown gunmen"); actor2 is the
    target or other side: the first actor after the word in its clause, or the
    passive subject. An actor is a named side ("Russian forces", "Al-Shabaab
    militants") or a generic one (:data:`geoconflict.lang.en.GENERIC_ACTOR`:
    "gunmen", "police", "protesters", "army" in "an army base"). Two sides named
    after "between" are the two sides ("fighting between X and Y"). actor2 is left
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
    stop = _SIDE_CLAUSE_END.search(masked, end)
    hi = stop.start() if stop else len(masked)
    folded = case_fold(masked)
    before = _nearest(masked, folded, lo, start, last=True) or default
    crowd = _nearest(masked, folded, start, end, last=False)  # the word names the actor: "protesters", "rioters"
    pair: tuple[str | None, str | None]
    if crowd:
        pair = (crowd, before or _nearest(masked, folded, end, hi, last=False))
    elif Stems.PASSIVE_VERB_BEFORE.search(folded, lo, end):
        by = Fold.BY_AGENT.match(folded, end, hi)
        agent = _nearest(masked, folded, by.end(), hi, last=False) if by else None
        pair = (agent, before)
    else:
        pair = (before, _nearest(masked, folded, end, hi, last=False))
    if pair[1] is None and pair[0] is not None:
        pair = (_each_other(pair[0], masked, lo, hi) or _between(pair[0], masked, folded, lo, hi)
                or _joined_fought(pair[0], masked, folded, lo, start, end) or pair)
    elif pair[0] is None and pair[1] is not None:  # "fighting between X and Y": X read after the word
        pair = _between(pair[1], masked, folded, lo, hi) or pair
    return tuple(dict.fromkeys(a for a in pair if a))


def _between(name: str, masked: str, folded: str, lo: int, hi: int) -> tuple[str, str] | None:
    """The two sides of a fight its clause ``masked[lo:hi]`` names after "between" ("fighting between M23 rebels
    and Wazalendo militiamen", "clashes between the ELN and FARC dissidents"), when the first is *name* (the one
    side read: two actors joined by "and" are read as one side, its first); else None.

    Examples
    --------
    >>> text = "Fighting between M23 rebels and Wazalendo militiamen in ⟦0⟧ killed seven people"
    >>> _between("M23", text, text.lower(), 0, len(text))
    ('M23', 'Wazalendo')
    """
    at = folded.find("between", lo, hi)  # (the cheap test: most clauses hold none)
    b = en.BETWEEN.search(folded, at, hi) if at >= 0 else None
    if b is None:
        return None
    found = _named(masked, folded, b.end(), hi)
    if len(found) < len(("X", "Y")) or found[0][2] != name or not _NEXT_TO.fullmatch(folded, b.end(), found[0][0]) \
            or not _BETWEEN_AND.fullmatch(masked, found[0][1], found[1][0]):
        return None
    return found[0][2], found[1][2]


def _joined_fought(name: str, masked: str, folded: str, lo: int, start: int, end: int) -> tuple[str, str] | None:
    """The two sides of a fight told as two actors joined by "and" right before its word, a verb of fighting one
    another with no one after it ("troops and insurgents clashed", "soldiers and bandits fought"), when the first is
    *name* (the one side read, as allies: "the TNLA and PDF fighters"); else None.

    Examples
    --------
    >>> text = "troops and insurgents clashed near ⟦0⟧"
    >>> _joined_fought("troops", text, text, 0, 22, 29)
    ('troops', 'insurgents')
    >>> _joined_fought("troops", "troops and police clashed with gunmen", "", 0, 18, 25) is None
    True
    """
    word = _EACH_OTHER.match(masked, start)
    if word is None or word.end() != end or _FOUGHT_WITH.match(masked, end):
        return None
    found = _named(masked, folded, lo, start)
    if len(found) < len(("X", "Y")) or masked[found[-1][1]:start].strip():
        return None
    first, last = found[-2], found[-1]
    if first[2] != name or last[2] == name or not _JOINED.fullmatch(masked, first[1], last[0]):
        return None
    return first[2], last[2]


def _each_other(name: str, masked: str, lo: int, hi: int) -> tuple[str, str] | None:
    """The two sides of one actor that names two states' forces ("Armenian and Azerbaijani forces exchanged
    fire"), when its clause ``masked[lo:hi]`` tells them fighting one another; else None (allies: "Rwandan and
    Mozambican troops recaptured the town").

    Examples
    --------
    >>> text = "Armenian and Azerbaijani forces exchanged fire near Tegh"
    >>> _each_other("Armenian and Azerbaijani forces", text, 0, len(text))
    ('Armenian forces', 'Azerbaijani forces')
    >>> _each_other("Rwandan and Mozambican troops", "Rwandan and Mozambican troops retook Mocimboa", 0, 45)
    """
    two = _TWO_STATES.fullmatch(name)
    if two is None or _EACH_OTHER.search(masked, lo, hi) is None:
        return None
    return f"{two[1]} {en.FORCES}", f"{two[2]} {en.FORCES}"


def _nearest(masked: str, folded: str, lo: int, hi: int, *, last: bool) -> str | None:
    """The last (or first) actor named in ``masked[lo:hi]`` (*folded*: its :func:`case_fold`): a named side,
    else a generic actor inside no side. Of actors joined as one side ("the TNLA and PDF fighters"), the last is
    the first of them."""
    if not last:
        return first_named(masked, folded, lo, hi)
    found = _named(masked, folded, lo, hi)
    if not found:
        return None
    k = len(found) - 1
    while k and _JOINED.fullmatch(masked, found[k - 1][1], found[k][0]):  # "TNLA and PDF fighters": the TNLA
        k -= 1
    return found[k][2]


def _attributive(masked: str, generic: re.Match[str]) -> bool:
    """Whether the generic actor *generic* (a match in the folded *masked*) is civilians in a possessive that names
    a thing of theirs ("the main children's hospital", "a farmers' market"), not people: armed men's possessive
    ("the army's positions") still names them."""
    return bool(_POSSESSIVE_NOUN.match(masked, generic.end())) and state_side(generic.group(0)) is None


def named_actors(masked: str, folded: str, lo: int, hi: int) -> list[str]:
    """The actors named in ``masked[lo:hi]`` (*folded*: its :func:`case_fold`), in text order: the named sides,
    and the generic actors inside none.

    Examples
    --------
    >>> text = "students marched and riot police dispersed them"
    >>> named_actors(text, text, 0, len(text))
    ['students', 'police']
    """
    return [name for _, _, name in _named(masked, folded, lo, hi)]


def first_named(masked: str, folded: str, lo: int, hi: int) -> str | None:
    """The first of :func:`named_actors` in ``masked[lo:hi]``, if any: found by two searches that stop at the first
    named side and the first generic actor, not by finding them all.

    The first is whichever starts first; a generic actor that starts where a named side does, or inside it, is
    that side's ("HTS security forces"), and none before the first side can lie inside a later one.
    :func:`first_named_reference` takes the first of them all; ``tests/test_event_readings.py`` holds the two equal.

    Examples
    --------
    >>> text = "gunmen attacked Russian forces and villagers"
    >>> first_named(text, text, 15, len(text)), first_named(text, text, 0, 15)
    ('Russian forces', 'gunmen')
    """
    party = first_party(masked, lo, hi)
    for generic in _GENERIC_ACTOR.finditer(folded, lo, hi):
        if party is not None and generic.start() >= party.start:
            break
        if _people(masked, generic):
            return matched(masked, generic).lower()
    return None if party is None else side_name(party)


def first_named_reference(masked: str, folded: str, lo: int, hi: int) -> str | None:
    """:func:`first_named` done plainly: the first of all the actors :func:`named_actors` finds."""
    found = named_actors(masked, folded, lo, hi)
    return found[0] if found else None


def named_spans(masked: str, folded: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """:func:`named_actors` with each actor's start and end, in text order.

    Examples
    --------
    >>> text = "students marched and riot police dispersed them"
    >>> named_spans(text, text, 0, len(text))
    [(0, 8, 'students'), (26, 32, 'police')]
    """
    return _named(masked, folded, lo, hi)


def _named(masked: str, folded: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """:func:`named_actors` with each actor's start and end, in text order."""
    found = [(a.start, a.end, side_name(a)) for a in parties(masked, lo, hi)]
    found.extend((g.start(), g.end(), matched(masked, g).lower()) for g in _GENERIC_ACTOR.finditer(folded, lo, hi)
                 if not any(s <= g.start() <= e + 1 for s, e, _ in found)  # "HTS security forces" are the HTS
                 and _people(masked, g))
    found.sort()
    return found


def _people(masked: str, generic: re.Match[str]) -> bool:
    """Whether the generic actor *generic* (a match in the folded *masked*) names people who act or are acted on:
    not a thing of theirs (:func:`_attributive`: "children's hospital"), not men who were armed ("a former
    army officer", "a police informer")."""
    return not _attributive(masked, generic) and not en.FORMER_BEFORE.search(
        masked, max(0, generic.start() - _FORMER_WINDOW), generic.start()) and not en.CIVILIAN_OF_ARMED.match(
        masked, generic.end())


#: What may stand between an actor and the word that reads it: two words at most ("from the Syrian army", "after
#: Ukrainian forces had withdrawn"), no clause mark.
_NEXT_TO = re.compile(r"[^\w;:,.]*(?:\w+[^\w;:,.]+){0,2}")


def actor_after(masked: str, folded: str, at: int, hi: int) -> str | None:
    """The actor named right after offset *at* of *masked* (*folded*: its :func:`case_fold`), before *hi*: the
    first of :func:`named_actors` when at most two words come before it ("from the retreating army"), else None.

    Examples
    --------
    >>> text = "recaptured the town from al-Shabaab militants"
    >>> actor_after(text, text.lower(), 25, len(text)), actor_after(text, text.lower(), 0, len(text))
    ('Al-Shabaab', None)
    """
    found = _named(masked, folded, at, hi)
    return found[0][2] if found and _NEXT_TO.fullmatch(folded, at, found[0][0]) else None


def actor_before(masked: str, folded: str, lo: int, at: int) -> str | None:
    """The actor named right before offset *at* of *masked* (*folded*: its :func:`case_fold`), after *lo*, with at
    most two words between; of actors joined as one side ("FARDC and Wazalendo forces"), the first; else None.

    Examples
    --------
    >>> text = "after FARDC and Wazalendo forces withdrew"
    >>> actor_before(text, text.lower(), 0, text.index("withdrew"))
    'FARDC'
    """
    return side_next_to(masked, folded, _named(masked, folded, lo, at), at)


def side_next_to(masked: str, folded: str, found: list[tuple[int, int, str]], at: int) -> str | None:
    """:func:`actor_before` of offset *at*, from the actors *found* before it (:func:`named_spans` of its window): the
    last of them when at most two words stand between it and *at*, the first of those joined with it as one side."""
    if not found or not _NEXT_TO.fullmatch(folded, found[-1][1], at):
        return None
    k = len(found) - 1
    while k and _JOINED.fullmatch(masked, found[k - 1][1], found[k][0]):
        k -= 1
    return found[k][2]
