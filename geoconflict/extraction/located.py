"""Located events: meetings, strikes, attacks, protests and massacres, each at one place.

A meeting is a meeting word (:data:`geoconflict.lang.en.MEETING_CUE`) with "in/at
<place>" after it (or the place right after "visited"); its actors are the
subject before the word and whom it is with. A strike, an attack, a protest or a
massacre (:data:`~geoconflict.lang.en.STRIKE_CUE`, whose group names the type)
is at the place right after the word, the place its own preposition governs in
its clause ("an attack on <place>", "marched through <place>"), "in/at/near" a
place further on, or the place that is the passive subject ("Kharkiv was
shelled"). A place that names who acted ("the forces of <country>",
"<country>'s army", "<country> troops") is never the event's place, and a
country gives way to a place inside it (or named before it) in the same
sentence. Its ``actors`` are
ACLED's ``(actor1, actor2)``: the perpetrator and, when stated, the target or
other side (:func:`~geoconflict.extraction.acled_types.actor_pair`); its
``fatalities`` are those its sentence states, else those the next sentence of
the paragraph states when that sentence tells no event of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from datetime import date

from geoconflict.extraction.acled_types import (
    BY_BATTLE,
    actor_pair,
    battle_word,
    classify,
    named_actors,
    named_spans,
    protest_outcome,
    sized_crowd,
)
from geoconflict.extraction.actors import DEMONYM_TRIE, in_power, state_side
from geoconflict.extraction.casualties import death_told, wounded_told
from geoconflict.extraction.country_forces import respelled_in
from geoconflict.extraction.cues import Fold, Reading, Stems, literal_automaton, matched
from geoconflict.extraction.defended import defended_sides
from geoconflict.extraction.document import (
    ANY_TOKEN,
    TOKEN,
    TOKEN_GROUP,
    TOKEN_OPEN,
    Document,
    clause_back,
    number,
)
from geoconflict.extraction.fast_scan import boundary_first
from geoconflict.extraction.own_forces import speakers_forces
from geoconflict.extraction.resolution_common import FAR_KM
from geoconflict.extraction.structure import holds
from geoconflict.extraction.toponyms import road_end
from geoconflict.extraction.victims import next_victims, second_side
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.lang import en
from geoconflict.model import Event, Place, PlaceKind, Precision
from geoconflict.model import taxonomy as acled
from geoconflict.text.normalize import case_fold
from geoconflict.text.sentences import Sentence

__all__ = ["clause_end_reference", "fatalities_in", "fatalities_in_reference", "located_events", "stated_fatalities"]

_MEETING_PLACE = re.compile(rf"\b(?:{en.MEETING_PLACE_WORDS})\s+{TOKEN_GROUP}")
_VISIT_PLACE = re.compile(rf"\s*{TOKEN_GROUP}")
#: Whom a meeting is with (group "o"), up to "in", "at" or the end of the clause.
_MEETING_WITH = re.compile(rf"\s*(?:{en.WITH}\s+)?(?P<o>[^,.;{TOKEN_OPEN}]+?)\s*"
                           rf"(?=\b(?:{en.MEETING_PLACE_WORDS})\b|,|\.|$)")
_TARGET_AFTER = re.compile(en.TARGET_AFTER_WORDS + TOKEN_GROUP)
_PLACE_AFTER = re.compile(en.PLACE_AFTER_WORDS + TOKEN_GROUP)
_PASSIVE_TARGET = re.compile(TOKEN_GROUP + en.PASSIVE_TARGET_VERBS)
_ANY_TOKEN = re.compile(TOKEN_GROUP)
_EVENT_PLACE = re.compile(en.EVENT_PLACE_WORDS + TOKEN_GROUP)
#: A sentence that is only a coder's note of where the event before it is coded.
_CODER_NOTE = re.compile(en.CODER_NOTE_OPENING + TOKEN_GROUP + r"\W*$")
_ORIGIN = re.compile(rf"{en.ORIGIN_BEFORE}{ANY_TOKEN}(?:{en.ORIGIN_LIST_JOIN}{ANY_TOKEN})*")
#: What stands between two neighbours of a list of places (", ", " and ", ", and ", " or ").
_LIST_GAP = re.compile(rf"{en.ORIGIN_LIST_JOIN}|\s+(?:{en.LIST_JOINERS})\s+")
#: A demonym ending the text, maybe followed by one lower-case word, or by a munition and at most two words before
#: it ("a Russian guided aerial bomb"; group 1).
_DEMONYM_LAST = re.compile(rf"\b({DEMONYM_TRIE})\s+(?:(?:[a-z-]+\s+){{1,2}}(?:{en.MUNITION_NOUNS})\s+|(?:[a-z]+\s+)?)$")
#: A verb of attacks driven off, right before the attackers' demonym: "repelled (Ukrainian assaults)".
_REPELLED = re.compile(r"\b(?:repel(?:led|s)?|repuls(?:ed|es)|thwarted|fended\s+off|beat\s+back)\s+$", re.IGNORECASE)
#: The event words, searched with the word boundary tested first (the same matches:
#: :func:`~geoconflict.extraction.fast_scan.boundary_first`).
_STRIKE_SCAN = boundary_first(Fold.STRIKE)
#: The cues of events a sentence may tell on its own (then its fatalities are its own).
_OTHER_EVENT = ("strike", "combat", "move", "claim", "meeting")
#: Record types of a crowd's events: ACLED names the crowd actor1, the state's forces facing it actor2.
_CROWD_KINDS = frozenset({"protest", "riot"})
#: The sub-event types of a protest the state's forces acted on: they are its actor2.
_FORCE_ON_CROWD = frozenset({acled.PROTEST_WITH_INTERVENTION, acled.EXCESSIVE_FORCE})
#: Crowd events whose second side is the state's force that met the crowd in a later clause ("…; police opened
#: fire"): a protest broken up or fired on, and a demonstration turned violent.
_MET_BY_FORCE = _FORCE_ON_CROWD | {acled.VIOLENT_DEMONSTRATION}
#: How far before a word of marching its crowd (:data:`~geoconflict.lang.en.CROWD_BEFORE`) is looked for.
_CROWD_WINDOW = 16
#: The sub-event types of a riot.
_RIOTS = frozenset({acled.VIOLENT_DEMONSTRATION, acled.MOB_VIOLENCE})
#: A group named as the authorities where it holds ground.
_AUTHORITIES = re.compile(r"\bauthorities\b", re.IGNORECASE)
#: The cores every match of :data:`~geoconflict.lang.en.OTHER_CLAUSE` holds (:func:`_clause_end`).
_CLAUSE_CORES = literal_automaton(en.OTHER_CLAUSE_CORES)
#: Where a sentence's next clause begins.
_CLAUSE_BREAK = re.compile(r"[;,]")
#: An event's description: the start of its sentence.
DESCRIPTION_LENGTH = 200
#: A strike's place is looked for right after its word within this many characters, or as a passive
#: subject in as many before it.
TARGET_WINDOW = 80
PASSIVE_WINDOW = 40
#: "The forces of" is looked for within this many characters before a place.
ACTOR_WINDOW = 60
#: How many characters end a window that :data:`~geoconflict.lang.en.ACTOR_OF_BEFORE` may match in (its last word).
_LONGEST_OF_END = max(map(len, en.ACTOR_OF_ENDS))


def located_events(doc: Document, s: Sentence, said: Callable[[], str | None]) -> list[Event]:
    """The meeting, and the first strike, attack, protest or massacre, told in sentence *s* at a place."""
    r = doc.reading(s)
    if not r.ids:  # no place in the sentence: no event located at one
        return []
    out: list[Event] = []
    meet = r.cue("meeting")
    if meet:
        meeting = _meeting(doc, s, r.masked, meet, said)
        if meeting is not None:
            out.append(meeting)
    cues = _STRIKE_SCAN.finditer(r.folded) if "strike" in r.kinds else iter(())
    for cue in _in_turn(cues):
        if cue.lastgroup == "fire" and not _shot_at(r, cue):
            continue
        if cue.lastgroup in en.BACKGROUND_KEYS and _fled_from_fighting(r, cue):
            break  # "fighting between X and Y forced residents to flee": the fighting is the event (a combat area)
        strike = _strike(doc, s, r, cue, said)
        if strike is not None:
            out.append(strike)
            break
    return out


def _shot_at(r: Reading, cue: re.Match[str]) -> bool:
    """Whether the gunfire word *cue* of sentence *r* tells shooting: "came under fire" only after what can be shot
    at (:data:`geoconflict.lang.en.SHOT_AT`: "a patrol came under fire", "<town> came under fire"), not the idiom
    ("the minister's trips came under fire in the campaign"); every other gunfire word does."""
    if not r.folded.startswith(("came", "come"), cue.start()):
        return True
    return (en.SHOT_AT.search(r.folded, max(0, cue.start() - PASSIVE_WINDOW), cue.start()) is not None
            or en.PLACE_SHOT_AT.match(clause_back(r.folded[:cue.start()])) is not None)


def _fled_from_fighting(r: Reading, cue: re.Match[str]) -> bool:
    """Whether the sentence *r* tells people fleeing (*cue*) as what a battle it told first made them do ("fighting
    between X and Y forced hundreds to flee"): the battle is its event. People "displaced by fighting" are the
    event the sentence tells (ACLED's displacement, a development)."""
    fight = battle_word(r.folded, reading=r)
    return fight is not None and fight.start() < cue.start()


def _in_turn(cues: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The event words *cues* in the order they are tried: in the sentence's order, the background ones
    (:data:`geoconflict.lang.en.BACKGROUND_KEYS`: people fleeing) after all others."""
    later = []
    for cue in cues:
        if cue.lastgroup in en.BACKGROUND_KEYS:
            later.append(cue)
        else:
            yield cue
    yield from later


def _by_whom(kind: str, subtype: str, parties: tuple[str, ...], before: str, day: date) -> tuple[str, str]:
    """The type as who acted makes it: people detained by a non-state armed group are abducted (ACLED codes
    arrests by the state only), unless its clause *before* the event's word names the group as the authorities
    where it holds ground ("Houthi authorities detained", "the de facto authorities": ACLED's arrests by
    those who hold a territory), or the group held the state's power on *day* (the Taliban since August 2021:
    :func:`~geoconflict.extraction.actors.in_power`)."""
    if subtype == acled.ARRESTS and parties and state_side(parties[0]) is False \
            and not _AUTHORITIES.search(clause_back(before)) and not in_power(parties[0], day):
        return "abduction", acled.ABDUCTION
    return kind, subtype


def _meeting(doc: Document, s: Sentence, masked: str, meet: re.Match[str],
             said: Callable[[], str | None]) -> Event | None:
    """The meeting of meeting word *meet*, if a place follows it.

    Parameters
    ----------
    doc, s : Document, Sentence
        The report and the sentence.
    masked : str
        The masked sentence; *meet* the meeting word's match in it.
    said : callable
        Gives who says so.

    Returns
    -------
    Event or None
        A "meeting" at the place, with its subject and whom it is with as actors; its sub-event type is
        ACLED's "Other" (Strategic developments' type for a development none of its others fits).
    """
    after = masked[meet.end():]
    word = matched(masked, meet)
    m = _MEETING_PLACE.search(after) or (_VISIT_PLACE.match(after) if word.lower().startswith(en.VISIT) else None)
    if not m:
        return None
    speaker = said()  # also leaves sources.last_person as after this sentence, for label("he")
    subject = clause_back(masked[:meet.start()]).strip()
    subject = en.MEETING_SUBJECT_TAIL.sub("", subject).strip()
    obj = _MEETING_WITH.match(after)
    other = obj.group("o").strip() if obj else ""
    parties = tuple(a for a in (
        doc.sources.label(subject, via=False) if subject else None,
        doc.sources.label(other, via=False) if other else None,
    ) if a and not TOKEN.search(a))
    return Event("meeting", doc.place(m.group(1)), subtype=acled.OTHER, actors=parties,
                 description=doc.text[s.start:s.end][:DESCRIPTION_LENGTH],
                 provenance=doc.provenance(
                     s, reported_by=None if speaker in parties else speaker, when=doc.event_date(s),
                     reason=f"event: meeting word {word!r} with 'in/at <place>'"))


def _strike(doc: Document, s: Sentence, r: Reading, cue: re.Match[str],
            said: Callable[[], str | None]) -> Event | None:
    """The strike (attack, protest, massacre) of word *cue*, if it is at a place and no threat.

    Parameters
    ----------
    doc, s : Document, Sentence
        The report and the sentence.
    r : Reading
        The sentence's reading; *cue* the word's match in its case-folded form.
    said : callable
        Gives who says so.

    Returns
    -------
    Event or None
        The event, typed by the cue's group, with the fatalities and the parties named before it.
    """
    key = cue.lastgroup or ""
    masked, folded = r.masked, r.folded
    if _no_event(key, folded, cue.start()):
        return None
    i = _place(doc, masked, cue)
    if i is None:
        return None
    i, coded = _coded(doc, masked, i)
    if not coded:
        i, coded = _coded_next(doc, s, i)
    if not coded:
        i, coded = _inside_region(doc, masked, i)
    kind, subtype = classify(key, folded, cue.end(), cue.start(), reading=r)
    fatalities = _fatalities(r)
    following = _next_in_paragraph(doc, s) if fatalities is None or subtype == acled.PEACEFUL_PROTEST else None
    if subtype == acled.PEACEFUL_PROTEST and following is not None:  # "Police intervened to disperse them."
        kind, subtype = protest_outcome(following.folded)
    if fatalities is None and following is not None:
        fatalities = _fatalities_next(following)
    if fatalities is None:
        fatalities = _none_dead(r, following)
    pr, pcue = _party_reading(doc, r, cue)  # (r and cue, unless a country's forces are named by its possessive)
    parties = _parties(pr, pcue, kind, subtype)
    if parties and (own := speakers_forces(pr.masked[:pcue.start()], pr.folded[:pcue.start()], parties[0], said)):
        parties = tuple(dict.fromkeys((own, *parties[1:])))  # "the army said its troops killed …": the army's
    parties, subtype = _victims_next(parties, following, kind, subtype)
    if subtype in _MET_BY_FORCE and len(parties) == 1:
        parties = (*parties, *_intervener(pr.masked, pr.folded, after=pcue.end(), before=pcue.start(),
                                          crowd=parties[0]))
    when = doc.event_date(s)
    kind, subtype = _by_whom(kind, subtype, parties, pr.masked[:pcue.start()],
                             when.date if when is not None else doc.report.published)
    place, precision = _where(doc, i, coded=coded)
    return Event(kind, place, subtype=subtype, actors=parties, fatalities=fatalities, precision=precision,
                 description=doc.text[s.start:s.end][:DESCRIPTION_LENGTH],
                 provenance=doc.provenance(s, reported_by=said(), when=when,
                                           reason=f"event: {kind} word {matched(masked, cue)!r} with a place"))


def _victims_next(parties: tuple[str, ...], following: Reading | None, kind: str,
                  subtype: str) -> tuple[tuple[str, ...], str]:
    """The actors and sub-event type of an event (typed *kind*, *subtype*) whose sentence names one actor (*parties*),
    no crowd's, with the victims the next sentence of its paragraph (read as *following*) names when it tells no event of its own
    (:func:`~geoconflict.extraction.victims.next_victims`: "An Israeli drone struck a car in X. Two civilians were
    killed."); an attack read as a clash (no target named) whose victims are civilians is an attack on them
    ("… ambushed a convoy of lorries near X. 7 drivers were killed.")."""
    if len(parties) != 1 or following is None or kind in _CROWD_KINDS or _own_event(following):
        return parties, subtype
    first = parties[0]
    other = next_victims(following.masked, following.folded, first=first)
    if other is None:
        return parties, subtype
    if subtype == acled.ARMED_CLASH and kind == "attack" and Fold.CIVILIAN_TARGET.fullmatch(other):
        subtype = acled.ATTACK
    return (first, other), subtype


def _no_event(key: str, folded: str, start: int) -> bool:
    """Whether the event word of cue *key* starting at *start* in the case-folded sentence *folded* tells no event:
    a threat or a plan (a modal before it: "could strike"), or marching by no crowd ("soldiers marching to the
    front"; "farmers marching" is a protest)."""
    if Stems.MODAL.search(folded[:start]):
        return True
    return key == "marching" and not en.CROWD_BEFORE.search(folded, max(0, start - _CROWD_WINDOW), start)


def _party_reading(doc: Document, r: Reading, cue: re.Match[str]) -> tuple[Reading, re.Match[str]]:
    """The reading of sentence *r* that the actors of the event of word *cue* are read from, and the word in it: the
    sentence with each country whose possessive names its forces written as its demonym ("⟦0⟧'s army" → "South
    Sudanese army": :func:`~geoconflict.extraction.country_forces.respelled`), else *r* and *cue* themselves."""
    found = respelled_in(doc, r.masked, r.ids)
    if found is None:
        return r, cue
    new = Reading(found.text, list(found.ids))
    moved = Fold.STRIKE.match(new.folded, found.position(cue.start()))
    if moved is None or moved.lastgroup != cue.lastgroup or moved.end() != found.position(cue.end()):
        return r, cue  # (the word reads otherwise in the new sentence: keep the old reading)
    return new, moved


def _intervener(masked: str, folded: str, *, after: int, before: int, crowd: str) -> tuple[str, ...]:
    """The state's forces that broke up or fired on a protest whose crowd alone its clause names: the first named
    after its word in a later clause of its sentence (*masked*, *folded*: "…, and riot police dispersed them"),
    none when the sentence names none (a later sentence's are not read: "Police dispersed them." names no
    actor2, as ``tests/test_events_acled.py`` has it). Not who tells of it (", police said"); else the state's forces
    named before its word (at *before*) in its own clause, other than the *crowd* ("police baton-charged lawyers
    holding a sit-in")."""
    later = _CLAUSE_BREAK.search(masked, after)  # not the protest's own clause: "protested against police brutality"
    for _, end, name in named_spans(masked, folded, later.end(), len(masked)) if later else ():
        if state_side(name) and not en.SAYS_AFTER.match(masked, end):  # ", police said": who tells of it
            return (name,)
    if state_side(crowd):  # "soldiers of the army demonstrated": the crowd is the state's own men
        return ()
    head = clause_back(masked[:before])  # "police baton-charged lawyers holding a sit-in": its own clause's subject
    for _, _, name in named_spans(masked, folded, before - len(head), before):
        if state_side(name) and name != crowd:
            return (name,)
    return ()


def _where(doc: Document, i: int, *, coded: bool = False) -> tuple[Place, Precision | None]:
    """The point of an event at span *i*, and its precision when it is not the place's own.

    A place the gazetteer lacks, placed at the town the text says it is in or near
    (:mod:`~geoconflict.extraction.structure`), or told elsewhere and *coded* to the town by a coder's note,
    is near that town, as is a town the event is told near ("near X", "on the outskirts of X"); any other place is the event's own (a first-level unit at its capital's point:
    :meth:`~geoconflict.extraction.document.Document.place`).
    """
    place = doc.place(i)
    if place.kind is PlaceKind.POPULATED_PLACE and (coded or doc.spans[i].approximate or _told_near(doc, i)):
        return place, Precision.NEAR  # a place the gazetteer lacks, placed at the town it is in or near
    return place, None


def _told_near(doc: Document, i: int) -> bool:
    """Whether span *i* follows a word that puts the event near it ("near", "on the outskirts of")."""
    start = doc.spans[i].start
    return en.NEAR_BEFORE.search(doc.text, max(0, start - en.NEAR_BEFORE_WINDOW), start) is not None


def _parties(r: Reading, cue: re.Match[str], kind: str, subtype: str) -> tuple[str, ...]:
    """ACLED's (actor1, actor2) of the event of word *cue* typed *kind*, *subtype*: those of its word
    (:func:`~geoconflict.extraction.acled_types.actor_pair`; "Russian shelling": Russian forces, when no one
    else), of the battle's word when the event is the battle it was told with ("looted a market during fighting
    with the army") or, when its word has none, of the fighting told with it ("clashed with police, burning
    tyres"), attackers driven off first ("repelled Ukrainian assaults": Ukrainian forces, then who repelled them),
    and for a protest none named after "against" (what it protests, no party to it); of a
    protest or riot, the crowd first and the state's forces second, as ACLED codes them; and the side the sentence
    holds responsible (:func:`held_responsible`) first, before the one other actor it names (*r*: the sentence's
    reading)."""
    masked, folded = r.masked, r.folded
    word: re.Match[str] = cue
    if subtype == acled.ARMED_CLASH and cue.lastgroup in BY_BATTLE:
        word = battle_word(folded, reading=r) or cue
    end = len(masked)
    if kind == "protest":
        against = en.PROTEST_AGAINST.search(masked, word.end())
        end = against.start() if against else end
    if kind not in _CROWD_KINDS and (held := defended_sides(masked[:end], folded[:end])) is not None:
        return held  # "Somali troops repulsed an attack by al-Shabaab": the attacker first
    dem = _DEMONYM_LAST.search(masked, 0, word.start())
    pair = actor_pair(masked[:end], word.start(), word.end(), default=f"{dem.group(1)} {en.FORCES}" if dem else None)
    if dem and _REPELLED.search(masked, 0, dem.start()):  # "Russian forces repelled Ukrainian assaults": Ukraine's
        return tuple(dict.fromkeys((f"{dem.group(1)} {en.FORCES}", *pair)))
    if not pair and (fight := r.cue("combat")):  # "clashed with police, burning tyres": the fight's sides
        pair = actor_pair(masked[:end], fight.start(), fight.end())
    if kind in _CROWD_KINDS:
        return _crowd_first(r, cue, subtype, pair)
    if len(pair) == 1 and kind not in _CROWD_KINDS and (
            other := second_side(masked[:end], folded, start=word.start(), end=word.end(), first=pair[0])):
        return pair[0], other  # "…, killing six passengers", "attacked Russian positions"
    if len(pair) < len(("actor1", "actor2")):  # "a car bomb hit a police station; al-Shabaab claimed the attack"
        responsible = held_responsible(masked, folded)
        if responsible and responsible not in pair:
            return responsible, *pair
    return pair


def _crowd_first(r: Reading, cue: re.Match[str], subtype: str, pair: tuple[str, ...]) -> tuple[str, ...]:
    """The actors *pair* of a protest or riot (word *cue*, sub-event type *subtype*, in the sentence read as *r*) as
    ACLED codes them: the crowd first, the side that broke it up, fired on it or disrupted it second."""
    if cue.lastgroup == "interfered" and len(pair) == len(("actor1", "actor2")) and pair[0].lower() not in cue.group(0):
        return pair[1], pair[0]  # "supporters disrupted a march by students": the marchers first, as ACLED codes them
    # ("supporters attacked protesters": the word names the crowd, which actor_pair gives first)
    if len(pair) == len(("actor1", "actor2")) and state_side(pair[0]) is True:
        return pair[1], pair[0]  # "police fired tear gas at students demonstrating": the demonstrators first
    if all(state_side(p) is True for p in pair) and (crowd := _crowd_by_size(r.folded, cue.start(), subtype)):
        return crowd, *pair  # "Hundreds of people protested", "Thousands marched": ACLED's protesters (rioters)
    if subtype in _FORCE_ON_CROWD and not pair:  # "three people were killed when soldiers fired on a crowd"
        pair = _crowd_and_force(r.masked, r.folded)
    if subtype in _RIOTS and (not pair or (len(pair) == 1 and state_side(pair[0]) is True)):
        crowd = _crowd_named(r.masked, r.folded)  # "officers were injured when demonstrators threw bottles at them"
        if crowd is not None:
            return crowd, *pair
    if subtype in _FORCE_ON_CROWD and len(pair) == 1 and state_side(pair[0]) is True:
        return en.PROTESTERS, pair[0]  # "police detained people who gathered": an unnamed crowd, ACLED's protesters
    if len(pair) < len(("actor1", "actor2")):
        responsible = held_responsible(r.masked, r.folded)
        if responsible and responsible not in pair:
            return responsible, *pair
    return pair


def _crowd_by_size(folded: str, start: int, subtype: str) -> str | None:
    """The crowd of a protest or riot (sub-event type *subtype*) named right before its word (at *start* in the
    case-folded sentence *folded*) by its size alone or as people (:data:`~geoconflict.lang.en.CROWD_SIZE`:
    "hundreds of people protested", "thousands marched"): ACLED's protesters, or rioters for a riot; else None."""
    if not sized_crowd(folded, start):
        return None
    return en.RIOTERS if subtype in _RIOTS else en.PROTESTERS


def _crowd_named(masked: str, folded: str) -> str | None:
    """The first actor the sentence *masked* (*folded*: its :func:`case_fold`) names who is no state's force or
    armed group and is a crowd (:data:`~geoconflict.lang.en.MOB_ACTOR`, :data:`~geoconflict.lang.en.DEMONSTRATORS`):
    a riot's crowd its word does not name ("three people were injured when youths threw stones"), not its victims
    ("killing his wife and three children")."""
    return next((n for n in named_actors(masked, folded, 0, len(masked))
                 if state_side(n) is None and (Fold.MOB_ACTOR.fullmatch(n) or Fold.DEMONSTRATORS.fullmatch(n))), None)


def _crowd_and_force(masked: str, folded: str) -> tuple[str, ...]:
    """The crowd and the state's forces of a protest broken up or fired on whose word names neither (a passive verb
    with no agent: "a protester was shot dead when police fired on demonstrators"): the first actor the sentence
    *masked* (*folded*: its :func:`case_fold`) names who is no state's force, else ACLED's protesters, and the first
    state's force it names; () when it names none. None named after what the protest is against ("protesting against
    the Russian military invasion") is of it."""
    against = en.PROTEST_AGAINST.search(masked)
    names = named_actors(masked, folded, 0, against.start() if against else len(masked))
    force = next((n for n in names if state_side(n) is True), None)
    if force is None:
        return ()
    return next((n for n in names if state_side(n) is None), en.PROTESTERS), force


def held_responsible(masked: str, folded: str) -> str | None:
    """The side a sentence holds responsible for its event (*masked*, *folded*: its text and :func:`case_fold`):
    named after "claimed by", "blaming", "blamed on", "attributed to", or before "claimed the attack" or "claimed
    responsibility" in its clause; None when it names none (at once when *folded* holds none of
    :data:`~geoconflict.lang.en.RESPONSIBLE_STEMS`, which every match of the two patterns holds).

    Examples
    --------
    >>> text = "A drone hit a depot in ⟦0⟧, the army said, blaming the RSF."
    >>> held_responsible(text, case_fold(text))
    'RSF'
    >>> text = "A bomb went off in a market; Al-Shabaab militants claimed the attack."
    >>> held_responsible(text, case_fold(text))
    'Al-Shabaab'
    """
    if not any(w in folded for w in en.RESPONSIBLE_STEMS):  # (a quick test: most sentences blame no one)
        return None
    after = en.RESPONSIBLE_AFTER.search(masked)
    if after is not None:
        stop = _CLAUSE_BREAK.search(masked, after.end())
        found = named_actors(masked, folded, after.end(), stop.start() if stop else len(masked))
        if found:
            return found[0]
    before = en.RESPONSIBLE_BEFORE.search(masked)
    if before is not None:
        head = clause_back(masked[:before.start()])
        found = named_actors(masked, folded, before.start() - len(head), before.start())
        if found:
            return found[-1]
    return None


def _place(doc: Document, masked: str, cue: re.Match[str]) -> int | None:
    """The span index of where the event of *cue* happened.

    In order: the place right after its word ("shelled <place>"); the place its own preposition governs
    further on in its own clause ("a rocket attack on <place>", "in/at/near/through <place>"), not in
    another ("..., demanding the release of activists detained in <place>"); the passive subject before it
    ("Kharkiv was shelled"); "in/at/near" a place before it; "in/at/near" a place in a later clause; else
    the sentence's first place (ACLED's notes name one place per event). A place
    that names who acted ("the forces of <country>", "<country>'s army") is never where; and a country
    gives way to a place inside it that the sentence also names (:func:`_more_specific`).
    """
    after = masked[cue.end():]
    own = after[:_clause_end(after)]
    passive = max(0, cue.start() - PASSIVE_WINDOW)
    found = (  # each looked for only when the ones before it gave no place
        (lambda: _TARGET_AFTER.match(after[:TARGET_WINDOW]), cue.end()),
        (lambda: _EVENT_PLACE.search(own) if TOKEN_OPEN in own else None, cue.end()),  # (it ends at a token)
        (lambda: _PASSIVE_TARGET.search(masked[passive:cue.start()]), passive),
        (lambda: _PLACE_AFTER.search(masked, 0, cue.start()), 0),
        (lambda: _ANY_TOKEN.search(own), cue.end()),
        (lambda: _PLACE_AFTER.search(after), cue.end()))
    for look, base in found:
        m = look()
        tok = TOKEN.match(masked, base + m.start(1) - 1) if m else None
        if tok and not _names_actor(doc, masked, tok) and not _far_end(doc, tok):
            return _more_specific(doc, masked, tok)
    where = [t for t in TOKEN.finditer(masked) if not _names_actor(doc, masked, t)]
    origins = _origins(masked)
    there = [t for t in where if t.start() not in origins]
    return _more_specific(doc, masked, (there or where)[0]) if where else None


def _far_end(doc: Document, tok: re.Match[str]) -> bool:
    """Whether token *tok* is the far end of a road named by its ends ("on the Kyonlay-Pathein road"): the road is
    the event's place, near its first end; the far end is where it leads (:func:`~geoconflict.extraction.toponyms.road_end`).
    It is the event's place only when the sentence names no other."""
    x = doc.spans[int(tok.group(1))]
    return road_end(doc.text, x.start, x.end)


def _origins(masked: str) -> set[int]:
    """Where the tokens naming where someone came from start ("coming from ⟦1⟧, ⟦2⟧ and ⟦3⟧"): an origin is
    not where the event is, when the sentence names another place."""
    if en.FROM not in masked:  # (a quick test: most sentences tell no origin)
        return set()
    return {t.start() for m in _ORIGIN.finditer(masked) for t in TOKEN.finditer(masked, m.start(), m.end())}


def _coded(doc: Document, masked: str, i: int) -> tuple[int, bool]:
    """The span a coder's note in the sentence codes its event to ("in Jabal X (coded to <town>)"), else *i*;
    and whether that moved the event to another place.

    ACLED's notes say where an event told of a place the gazetteer lacks, or of several places, is coded:
    the first such place of the sentence that names no actor ("coded as <region> communal militia") and no
    other event ("fatalities coded to the <town> event") is the event's place.
    """
    text = doc.text
    if "coded" not in masked and "Coded" not in masked:  # (a quick test: most sentences hold no such note)
        return i, False
    for tok in TOKEN.finditer(masked):
        j = int(tok.group(1))
        x = doc.spans[j]
        if (en.CODED_AT.search(text, max(0, x.start - en.CODED_AT_WINDOW), x.start)
                and not en.CODED_OTHER_EVENT.match(text, x.end) and not _names_actor(doc, masked, tok)):
            return j, doc.place(j) != doc.place(i)
    return i, False


def _coded_next(doc: Document, s: Sentence, i: int) -> tuple[int, bool]:
    """The place the next sentence of the paragraph codes the event to when that sentence is only a coder's
    note ("... a landmine injured a farmer in <village>, <region>. Coded as <district>."), else *i*; and
    whether that moved the event."""
    if en.CODED_WORD not in doc.text[s.end:s.end + en.CODED_NOTE_WINDOW].lower():  # (a quick test)
        return i, False
    following = _next_in_paragraph(doc, s)
    m = _CODER_NOTE.match(following.folded) if following is not None else None
    if m is None:
        return i, False
    j = int(m.group(1))
    return j, doc.place(j) != doc.place(i)


def _clause_end(after: str) -> int:
    """Where the event's own clause ends in the text *after* its word (another clause, or the end).

    Searched only when *after* holds one of :data:`~geoconflict.lang.en.OTHER_CLAUSE_CORES`, as every match
    does (one Aho-Corasick pass: :func:`clause_end_reference` searches always; ``tests/test_extract_fast_checks.py``
    holds them equal).
    """
    if next(_CLAUSE_CORES.iter(after), None) is None:  # (a quick test: most clauses run to the end)
        return len(after)
    return clause_end_reference(after)


def clause_end_reference(after: str) -> int:
    """:func:`_clause_end` done plainly: :data:`~geoconflict.lang.en.OTHER_CLAUSE` searched in *after*."""
    other = en.OTHER_CLAUSE.search(after)
    return other.start() if other else len(after)


def _names_actor(doc: Document, masked: str, tok: re.Match[str]) -> bool:
    """Whether token *tok* names who acted: a possessive (not of a part of the place, "Beirut's Martyrs' Square":
    :data:`~geoconflict.lang.en.POSSESSIVE_PART`), "the forces (government, ...) of <place>", a
    country before a force noun ("<country> forces"), or any place before a militia's word ("Darfur
    communal militia": a group named after where it comes from, not where it acted)."""
    span = doc.spans[int(tok.group(1))]
    lo = max(0, tok.start() - ACTOR_WINDOW)
    if (span.possessive and not en.POSSESSIVE_PART.match(doc.text, span.end)) or _actor_of_before(masked, lo, tok.start()) or en.MILITIA_AFTER.match(masked, tok.end()):
        return True
    return span.place is not None and span.place.kind is PlaceKind.COUNTRY and bool(
        en.ACTOR_NOUN_AFTER.match(masked, tok.end()))


def _actor_of_before(masked: str, lo: int, hi: int) -> bool:
    """Whether :data:`~geoconflict.lang.en.ACTOR_OF_BEFORE` ("the forces of") matches in ``masked[lo:hi]``.

    Its search tries every position of the window against some fifty words (about 28 µs), but every match
    ends at *hi* with "of" or "the" (:data:`~geoconflict.lang.en.ACTOR_OF_ENDS`) and white space: a window
    that does not end so is not searched. ``tests/test_extract_fast_checks.py`` holds it equal to the search.
    """
    window = masked[lo:hi]
    last = window.rstrip()
    return (len(last) < len(window) and case_fold(last[-_LONGEST_OF_END:]).endswith(en.ACTOR_OF_ENDS)
            and en.ACTOR_OF_BEFORE.search(masked, lo, hi) is not None)


def _more_specific(doc: Document, masked: str, tok: re.Match[str]) -> int:
    """The span of token *tok*, or when it is a country, a place the sentence also names that is no
    country and names no actor: the first inside that country, else the first named before it ("rallied
    in <town> against the war in <country>"), else the first after it within ``FAR_KM`` of the country's
    point ("crossing into <country> were stopped off <town>": a neighbour's coast, not a namesake across the
    world). A country is the event's place only when the sentence names nothing nearer; a country named as
    a border gives way to any place the sentence names (:func:`_as_border`)."""
    i = int(tok.group(1))
    country = doc.place(i)
    if country.kind is not PlaceKind.COUNTRY:
        return i
    nearer = [(t.start(), int(t.group(1))) for t in TOKEN.finditer(masked)
              if doc.place(t.group(1)).kind is not PlaceKind.COUNTRY and not _names_actor(doc, masked, t)]
    inside = [j for _, j in nearer if doc.place(j).country_code == country.country_code]
    before = [j for start, j in nearer if start < tok.start()]
    border = [j for _, j in nearer] if _as_border(masked, tok) else []
    after = [j for start, j in nearer if start > tok.start() and haversine_km(
        country.lat, country.lon, doc.place(j).lat, doc.place(j).lon) <= FAR_KM]
    return (inside or before or border or after or [i])[0]


def _inside_region(doc: Document, masked: str, i: int) -> tuple[int, bool]:
    """The first place the sentence names inside first-level unit ``spans[i]``, else *i*; and whether that moved
    the event.

    ACLED codes an event at the most specific place its note gives: an event told of a region ("abducted
    <region> villagers", "in <region>") whose sentence also names a town or district of that region (by the
    admin path: :func:`~geoconflict.extraction.structure.holds`) is near that town, not at the region's
    capital. A place that names who acted, a unit of the same level, or a place listed with the region ("in
    <region> and <region>") is no such place.
    """
    unit = doc.place(i)
    at = next((t for t in TOKEN.finditer(masked) if int(t.group(1)) == i), None) if (
        unit.kind is PlaceKind.ADMIN1) else None
    if at is None:
        return i, False
    for tok in TOKEN.finditer(masked):
        j = int(tok.group(1))
        if j != i and holds(unit, doc.place(j)) and not _names_actor(doc, masked, tok) and not _listed_with(
                masked, at, tok):
            return j, True
    return i, False


def _listed_with(masked: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether tokens *a* and *b* are neighbours in a list ("in <region> and <region>"): peers, not a part of
    the other (a village named like the second region is not in the first)."""
    first, second = (a, b) if a.start() < b.start() else (b, a)
    return bool(_LIST_GAP.fullmatch(masked, first.end(), second.start()))


def _as_border(masked: str, tok: re.Match[str]) -> bool:
    """Whether token *tok* (a country) is named as a border ("a road leading to the <country> border", "on the
    border with <country>"): the event is at the place the sentence names on this side of it."""
    return bool(en.BORDER_AFTER.match(masked, tok.end())
                or en.BORDER_BEFORE.search(masked, max(0, tok.start() - ACTOR_WINDOW), tok.start()))


def _next_in_paragraph(doc: Document, s: Sentence) -> Reading | None:
    """The reading of the next sentence of *s*'s paragraph, if there is one."""
    i = bisect_left(doc.sentence_ends, s.end) + 1
    if i >= len(doc.sentences) or doc.sentences[i].paragraph != s.paragraph:
        return None
    return doc.reading(doc.sentences[i])


def stated_fatalities(doc: Document, s: Sentence) -> int | None:
    """The deaths sentence *s* states, else those the next sentence of its paragraph states when that sentence
    tells no event of its own ("Casualties unknown." → None), else 0 when they count wounded only
    (:func:`_none_dead`)."""
    r = doc.reading(s)
    fatalities = _fatalities(r)
    if fatalities is None:
        following = _next_in_paragraph(doc, s)
        if following is not None:
            fatalities = _fatalities_next(following)
        if fatalities is None:
            return _none_dead(r, following)
    return fatalities


def _fatalities(r: Reading) -> int | None:
    """:func:`fatalities_in` the sentence read as *r*, found once (its combat and its strike both ask)."""
    return r.once("fatalities", lambda: fatalities_in(r.masked, r.folded))


def _fatalities_next(r: Reading) -> int | None:
    """The deaths stated by the next sentence of the paragraph (read as *r*: "There were no casualties.",
    "Two people were killed."), when that sentence tells no event of its own (it names no place, or has no
    event word)."""
    fatalities = _fatalities(r)  # the cheaper test first: most sentences state no deaths
    if fatalities is None or _own_event(r):
        return None
    return fatalities


def _own_event(r: Reading) -> bool:
    """Whether the sentence read as *r* tells an event of its own (it names a place and has an event word)."""
    return bool(TOKEN.search(r.masked)) and any(r.cue(kind) for kind in _OTHER_EVENT)


def _none_dead(r: Reading, following: Reading | None) -> int | None:
    """0 when the event's sentence (read as *r*), or the next sentence of its paragraph (*following*) when that
    tells no event of its own, counts people wounded and neither tells of a death or leaves deaths open
    (:mod:`~geoconflict.extraction.casualties`: "…, wounding two soldiers", "2 civilians were wounded.": ACLED
    codes 0, as it records no injuries); else None (the report does not say)."""
    if wounded_told(r.folded):
        return None if death_told(r.folded) or (following is not None and death_told(following.folded)) else 0
    if following is not None and wounded_told(following.folded) and not _own_event(following):
        return None if death_told(following.folded) or death_told(r.folded) else 0
    return None


def fatalities_in(masked: str, folded: str) -> int | None:
    """The deaths the sentence *masked* (*folded*: case-folded) states: a count, 0 when it says none, else None.

    Examples
    --------
    >>> [fatalities_in(t, t.lower()) for t in ("Gunmen killed a shopkeeper.", "The strike killed three.",
    ...                                        "Two dead.", "No casualties.", "Casualties unknown.")]
    [1, 3, 2, 0, None]
    >>> fatalities_in("4 police officers and 2 attackers were killed.", "4 police officers and 2 attackers were killed.")
    6
    """
    fat = Fold.FATALITIES.search(folded) if any(w in folded for w in en.FATALITY_STEMS) else None
    if fat and fat.group("one"):
        return _one_and_others(masked, fat)
    if fat:
        return _count(masked, fat)
    return 0 if any(w in folded for w in en.NO_FATALITY_STEMS) and Fold.NO_FATALITIES.search(folded) else None


def _one_and_others(masked: str, fat: re.Match[str]) -> int:
    """One person killed (the "one" of a :data:`~geoconflict.lang.en.FATALITIES` match), and those killed with them
    (:data:`~geoconflict.lang.en.AND_OTHERS`: "a minister and four other people", "a volunteer and his wife").

    Examples
    --------
    >>> [fatalities_in(t, t.lower()) for t in ("A bomber killed a minister and four other people.",
    ...                                        "Gunmen shot dead a teacher and his wife.", "Gunmen killed a trader.")]
    [5, 2, 1]
    """
    more = en.AND_OTHERS.match(masked, fat.end())
    if more is None:
        return 1
    n = number(more["n"]) if more["n"] else 1
    return 1 + (n or 0)


def _count(masked: str, fat: re.Match[str]) -> int | None:
    """The deaths a :data:`~geoconflict.lang.en.FATALITIES` match counts: its number, or the two it joins."""
    if fat.group("n") or fat.group("n3"):
        return number(matched(masked, fat, "n" if fat.group("n") else "n3"))
    n = number(matched(masked, fat, "n2"))
    if fat.group("n0") and n is not None:
        first = number(matched(masked, fat, "n0"))
        return n + first if first is not None else n
    return n


def fatalities_in_reference(masked: str, folded: str) -> int | None:
    """:func:`fatalities_in` done plainly, both patterns searched in every sentence."""
    fat = Fold.FATALITIES.search(folded)
    if fat and fat.group("one"):
        return _one_and_others(masked, fat)
    if fat:
        return _count(masked, fat)
    return 0 if Fold.NO_FATALITIES.search(folded) else None
