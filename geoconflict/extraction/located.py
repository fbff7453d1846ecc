"""Located events: meetings, strikes, attacks, protests and massacres, each at one place.

A meeting is a meeting word (:data:`geoconflict.lang.en.MEETING_CUE`) with "in/at
<place>" after it (or the place right after "visited"); its actors are the
subject before the word and whom it is with. A strike, an attack, a protest or a
massacre (:data:`~geoconflict.lang.en.STRIKE_CUE`, whose group names the type)
is at the place right after the word, "in/at/near" a place further on, or the
place that is the passive subject ("Kharkiv was shelled"). Its ``actors`` are
ACLED's ``(actor1, actor2)``: the perpetrator and, when stated, the target or
other side (:func:`~geoconflict.extraction.acled_types.actor_pair`); its
``fatalities`` are those its sentence states, else those the next sentence of
the paragraph states when that sentence tells no event of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from geoconflict.extraction.acled_types import actor_pair, classify
from geoconflict.extraction.actors import DEMONYM_TRIE
from geoconflict.extraction.cues import Fold, matched
from geoconflict.extraction.document import TOKEN, TOKEN_GROUP, TOKEN_OPEN, Document, clause_back, number
from geoconflict.lang import en
from geoconflict.model import Event
from geoconflict.text.normalize import case_fold
from geoconflict.text.sentences import Sentence

__all__ = ["located_events"]

_MEETING_PLACE = re.compile(rf"\b(?:{en.MEETING_PLACE_WORDS})\s+{TOKEN_GROUP}")
_VISIT_PLACE = re.compile(rf"\s*{TOKEN_GROUP}")
#: Whom a meeting is with (group "o"), up to "in", "at" or the end of the clause.
_MEETING_WITH = re.compile(rf"\s*(?:{en.WITH}\s+)?(?P<o>[^,.;{TOKEN_OPEN}]+?)\s*"
                           rf"(?=\b(?:{en.MEETING_PLACE_WORDS})\b|,|\.|$)")
_TARGET_AFTER = re.compile(en.TARGET_AFTER_WORDS + TOKEN_GROUP)
_PLACE_AFTER = re.compile(en.PLACE_AFTER_WORDS + TOKEN_GROUP)
_PASSIVE_TARGET = re.compile(TOKEN_GROUP + en.PASSIVE_TARGET_VERBS)
_ANY_TOKEN = re.compile(TOKEN_GROUP)
#: A demonym ending the text, maybe followed by one lower-case word (group 1).
_DEMONYM_LAST = re.compile(rf"\b({DEMONYM_TRIE})\s+(?:[a-z]+\s+)?$")
#: The cues of events a sentence may tell on its own (then its fatalities are its own).
_OTHER_EVENT = (Fold.STRIKE, Fold.COMBAT, Fold.MOVE, Fold.CLAIM, Fold.MEETING)
#: An event's description: the start of its sentence.
DESCRIPTION_LENGTH = 200
#: A strike's place is looked for right after its word within this many characters, or as a passive
#: subject in as many before it.
TARGET_WINDOW = 80
PASSIVE_WINDOW = 40


def located_events(doc: Document, s: Sentence, said: Callable[[], str | None]) -> list[Event]:
    """The meeting, and the first strike, attack, protest or massacre, told in sentence *s* at a place."""
    masked, _ = doc.mask(s)
    folded = case_fold(masked)
    out: list[Event] = []
    meet = Fold.MEETING.search(folded) if doc.may_match(s, "meeting") else None
    if meet:
        meeting = _meeting(doc, s, masked, meet, said)
        if meeting is not None:
            out.append(meeting)
    for cue in Fold.STRIKE.finditer(folded) if doc.may_match(s, "strike") else ():
        strike = _strike(doc, s, masked, folded, cue, said)
        if strike is not None:
            out.append(strike)
            break
    return out


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
        A "meeting" at the place, with its subject and whom it is with as actors.
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
    return Event("meeting", doc.place(m.group(1)), actors=parties,
                 description=doc.text[s.start:s.end][:DESCRIPTION_LENGTH],
                 provenance=doc.provenance(
                     s, reported_by=None if speaker in parties else speaker, when=doc.event_date(s),
                     reason=f"event: meeting word {word!r} with 'in/at <place>'"))


def _strike(doc: Document, s: Sentence, masked: str, folded: str, cue: re.Match[str],
            said: Callable[[], str | None]) -> Event | None:
    """The strike (attack, protest, massacre) of word *cue*, if it is at a place and no threat.

    Parameters
    ----------
    doc, s : Document, Sentence
        The report and the sentence.
    masked, folded : str
        The masked sentence and its case-folded form; *cue* the word's match in the latter.
    said : callable
        Gives who says so.

    Returns
    -------
    Event or None
        The event, typed by the cue's group, with the fatalities and the parties named before it.
    """
    key = cue.lastgroup or ""
    if Fold.MODAL.search(folded[:cue.start()]):
        return None
    m = _place(masked, cue)
    if not m:
        return None
    kind, subtype = classify(key, folded, cue.end())
    fatalities = _fatalities(masked, folded)
    if fatalities is None:
        fatalities = _fatalities_next(doc, s)
    dem = _DEMONYM_LAST.search(masked, 0, cue.start())  # "Russian shelling": its forces, when no one else
    parties = actor_pair(masked, cue.start(), cue.end(), default=f"{dem.group(1)} {en.FORCES}" if dem else None)
    return Event(kind, doc.place(m.group(1)), subtype=subtype, actors=parties, fatalities=fatalities,
                 description=doc.text[s.start:s.end][:DESCRIPTION_LENGTH],
                 provenance=doc.provenance(s, reported_by=said(), when=doc.event_date(s),
                                           reason=f"event: {kind} word {matched(masked, cue)!r} with a place"))


def _place(masked: str, cue: re.Match[str]) -> re.Match[str] | None:
    """Where the event of *cue* happened: the place right after its word, "in/at/near" a place after it,
    the passive subject before it ("Kharkiv was shelled"), "in/at/near" a place before it, or the
    sentence's first place (ACLED's notes name one place per event)."""
    after = masked[cue.end():]
    return (_TARGET_AFTER.match(after[:TARGET_WINDOW]) or _PLACE_AFTER.search(after)
            or _PASSIVE_TARGET.search(masked[max(0, cue.start() - PASSIVE_WINDOW):cue.start()])
            or _PLACE_AFTER.search(masked, 0, cue.start()) or _ANY_TOKEN.search(masked))


def _fatalities_next(doc: Document, s: Sentence) -> int | None:
    """The deaths stated by the next sentence of *s*'s paragraph ("There were no casualties.", "Two people were
    killed."), when that sentence tells no event of its own (it names no place, or has no event word)."""
    i = bisect_left(doc.sentence_ends, s.end) + 1
    if i >= len(doc.sentences) or doc.sentences[i].paragraph != s.paragraph:
        return None
    masked, _ = doc.mask(doc.sentences[i])
    folded = case_fold(masked)
    if TOKEN.search(masked) and any(cue.search(folded) for cue in _OTHER_EVENT):
        return None
    return _fatalities(masked, folded)


def _fatalities(masked: str, folded: str) -> int | None:
    """The deaths the sentence states: a count, 0 when it says none, else None."""
    fat = Fold.FATALITIES.search(folded)
    if fat:
        return number(matched(masked, fat, "n" if fat.group("n") else "n2"))
    return 0 if Fold.NO_FATALITIES.search(folded) else None
