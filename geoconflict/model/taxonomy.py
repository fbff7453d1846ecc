"""ACLED's event taxonomy: its 6 event types, its 25 sub-event types, and the type of every record.

The codes are ACLED's own (language-independent); the words reports use for each
sub-event type are in :mod:`geoconflict.lang.en`.

A located :class:`~geoconflict.model.Event` carries ACLED's ``sub_event_type``
as its ``subtype``; its event type follows from it (:func:`event_type_of`). The
other records map as follows (:func:`acled_type`):

=====================  ==========================  ==================================
record                 event_type                  sub_event_type
=====================  ==========================  ==================================
``Movement``           Strategic developments      Change to group/activity (ACLED's
                                                   code for troops moved, deployed
                                                   or withdrawn without fighting)
``CombatArea``         Battles                     Armed clash; its ``subtype`` when set (fighting
                                                   between crowds: Riots, Mob violence or
                                                   Violent demonstration)
``TerritorialClaim``   Battles                     its ``subtype``: by the claimant's
                                                   side, Government regains territory
                                                   (a state's forces at home) or
                                                   Non-state actor overtakes territory
                                                   (an armed group, or a state's forces
                                                   abroad); control taken with no
                                                   fighting told: Strategic
                                                   developments, Non-violent transfer
                                                   of territory; None when the side is
                                                   not known
=====================  ==========================  ==================================

Examples
--------
>>> event_type_of("Air/drone strike")
'Explosions/Remote violence'
>>> len(EVENT_TYPES), len(SUB_EVENT_TYPES)
(6, 25)
"""

from __future__ import annotations

__all__ = [
    "ABDUCTION", "AGREEMENT", "AIR_DRONE_STRIKE", "ARMED_CLASH", "ARRESTS", "ATTACK", "BATTLES", "CHANGE_OF_GROUP", "CHEMICAL_WEAPON",
    "DISRUPTED_WEAPONS", "EVENT_TYPES", "EXCESSIVE_FORCE", "EXPLOSIONS", "GOVERNMENT_REGAINS", "GRENADE",
    "HEADQUARTERS", "KIND_EVENT_TYPE", "LOOTING", "MOB_VIOLENCE", "NON_STATE_OVERTAKES", "NON_VIOLENT_TRANSFER",
    "OTHER", "PEACEFUL_PROTEST", "PROTESTS", "PROTEST_WITH_INTERVENTION", "REMOTE_EXPLOSIVE", "RIOTS",
    "SEXUAL_VIOLENCE", "SHELLING", "STRATEGIC", "SUB_EVENT_TYPES", "SUICIDE_BOMB", "VIOLENCE_AGAINST_CIVILIANS",
    "VIOLENT_DEMONSTRATION", "acled_type", "event_type_of",
]

# ---- the six event types
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
EVENT_TYPES = (BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, PROTESTS, RIOTS, STRATEGIC)

# ---- the 25 sub-event types
ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
SHELLING = "Shelling/artillery/missile attack"
AIR_DRONE_STRIKE = "Air/drone strike"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SUICIDE_BOMB = "Suicide bomb"
CHEMICAL_WEAPON = "Chemical weapon"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
SEXUAL_VIOLENCE = "Sexual violence"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
MOB_VIOLENCE = "Mob violence"
VIOLENT_DEMONSTRATION = "Violent demonstration"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_OF_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS = "Disrupted weapons use"
HEADQUARTERS = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

#: Each sub-event type and the event type it belongs to (ACLED's codebook).
SUB_EVENT_TYPES: dict[str, str] = {
    ARMED_CLASH: BATTLES, GOVERNMENT_REGAINS: BATTLES, NON_STATE_OVERTAKES: BATTLES,
    SHELLING: EXPLOSIONS, AIR_DRONE_STRIKE: EXPLOSIONS, REMOTE_EXPLOSIVE: EXPLOSIONS, GRENADE: EXPLOSIONS,
    SUICIDE_BOMB: EXPLOSIONS, CHEMICAL_WEAPON: EXPLOSIONS,
    ATTACK: VIOLENCE_AGAINST_CIVILIANS, ABDUCTION: VIOLENCE_AGAINST_CIVILIANS,
    SEXUAL_VIOLENCE: VIOLENCE_AGAINST_CIVILIANS,
    PEACEFUL_PROTEST: PROTESTS, PROTEST_WITH_INTERVENTION: PROTESTS, EXCESSIVE_FORCE: PROTESTS,
    MOB_VIOLENCE: RIOTS, VIOLENT_DEMONSTRATION: RIOTS,
    AGREEMENT: STRATEGIC, ARRESTS: STRATEGIC, CHANGE_OF_GROUP: STRATEGIC, DISRUPTED_WEAPONS: STRATEGIC,
    HEADQUARTERS: STRATEGIC, LOOTING: STRATEGIC, NON_VIOLENT_TRANSFER: STRATEGIC, OTHER: STRATEGIC,
}

#: The event type of a record kind with no sub-event type (an Event's ``type``, or a record's kind).
KIND_EVENT_TYPE: dict[str, str] = {
    "movement": STRATEGIC, "claim": BATTLES, "combat": BATTLES, "battle": BATTLES, "strike": EXPLOSIONS,
    "explosion": EXPLOSIONS, "attack": BATTLES, "massacre": VIOLENCE_AGAINST_CIVILIANS, "protest": PROTESTS,
    "riot": RIOTS, "meeting": STRATEGIC, "arrest": STRATEGIC, "looting": STRATEGIC, "interception": STRATEGIC,
    "base": STRATEGIC, "agreement": STRATEGIC, "development": STRATEGIC, "abduction": VIOLENCE_AGAINST_CIVILIANS,
}
#: Record kinds whose sub-event type is fixed (see the module's table).
_KIND_SUB_EVENT: dict[str, str | None] = {"movement": CHANGE_OF_GROUP, "combat": ARMED_CLASH, "claim": None}
_BY_FOLDED = {t.casefold(): t for t in EVENT_TYPES}


def event_type_of(sub_event_type: str | None, kind: str | None = None) -> str | None:
    """ACLED's event type of *sub_event_type*; else of *kind* (an ACLED event type or a record kind); else None.

    Examples
    --------
    >>> event_type_of("Arrests")
    'Strategic developments'
    >>> event_type_of(None, "battles")
    'Battles'
    >>> event_type_of(None, "strike")
    'Explosions/Remote violence'
    """
    if sub_event_type is not None and sub_event_type in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[sub_event_type]
    if kind is None:
        return None
    folded = kind.casefold()
    return _BY_FOLDED.get(folded) or KIND_EVENT_TYPE.get(folded)


def acled_type(record: object) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of any record, as ACLED would code it (see the module's table).

    Examples
    --------
    >>> from geoconflict.model import Event, Place
    >>> kharkiv = Place("Kharkiv", kind="populated_place", lat=49.99, lon=36.23)
    >>> acled_type(Event("strike", kharkiv, subtype="Air/drone strike"))
    ('Explosions/Remote violence', 'Air/drone strike')
    """
    kind = type(record).__name__
    subtype: str | None = getattr(record, "subtype", None)
    if kind == "Event":
        return event_type_of(subtype, getattr(record, "type", None)), subtype
    kind = {"Movement": "movement", "CombatArea": "combat", "TerritorialClaim": "claim"}.get(kind, kind)
    if subtype in SUB_EVENT_TYPES:  # fighting between crowds; control taken with no fighting
        return SUB_EVENT_TYPES[subtype], subtype
    return event_type_of(None, kind), _KIND_SUB_EVENT.get(kind)
