"""The second side of an event whose clause names only who did it: the ground it hit, or the people it harmed.

ACLED's actor2 is the target or the other side. :func:`~geoconflict.extraction.acled_types.actor_pair` reads it
from the event's own clause, where an actor follows the event's word ("police arrested 12 protesters"); reporters
often name it otherwise, and an analyst still reads it:

- the ground of a state's forces right after the word: "attacked Russian positions", "shelled Ukrainian military
  posts" — that state's forces (:data:`geoconflict.lang.en.FORCES_GROUND`);
- the people the sentence says were harmed, as the object of a verb of harm (:data:`geoconflict.lang.en.VICTIM_VERB`)
  from the event's word on: "…, killing six passengers", "…, wounding two soldiers", "detained 12 Palestinians",
  "abducted 5 aid workers" — a side or a generic actor right after the count, or a demonym's plural, the
  people of that nation ("Palestinians").

- the people harmed told in the next sentence of the paragraph, which tells no event of its own, as the subject of a
  passive verb of harm or of "died" ("An Israeli drone struck a car in X. Two civilians were killed.": civilians;
  :func:`next_victims`).

Not the perpetrator's own kind: a state's unnamed forces harmed in an event whose one named side is a state's of the
same (or no) country are the same side named twice ("a bomb hit a police patrol, wounding three policemen").
Only when the event's clause names no actor after its word (then the one side it names is the perpetrator).
"""

from __future__ import annotations

import re

from geoconflict.extraction.acled_types import first_named
from geoconflict.extraction.actors import DEMONYM_TRIE, country_of, state_side
from geoconflict.extraction.cues import folded
from geoconflict.lang import en

__all__ = ["next_victims", "second_side"]

#: Where the event's clause ends after its word (a comma in parentheses is no end: "(Abadam, Borno)").
_CLAUSE_STOP = re.compile(r"[;:.]|,(?![^()]*\))")
#: A state's ground right after the event's word, at most one word between ("attacked Russian positions",
#: "struck a Russian command post"): the demonym is group 1.
_GROUND = re.compile(rf"\s*(?:(?:the|a|an|[a-z]+)\s+)?({DEMONYM_TRIE})(?:\s+[a-z-]+){{0,2}}?{en.FORCES_GROUND}")
#: A verb of harm and the count of the people harmed, in case-folded text.
_VICTIM_VERB = folded(en.VICTIM_VERB)
#: A demonym's plural as a noun of people ("Palestinians"), not followed by a noun of its forces.
_NATION = re.compile(rf"({DEMONYM_TRIE})s\b(?!\s+(?i:{en.ACTOR_NOUNS})\b)")
#: The words after a count that name the people it counts: three at most ("six passengers", "40 opposition
#: supporters", "two Hezbollah members", "5 aid workers"), none past a clause mark.
_VICTIM_WORDS = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+){0,2}")


def second_side(masked: str, folded_text: str, *, start: int, end: int, first: str) -> str | None:
    """actor2 of the event whose word is ``masked[start:end]``, when its clause names only *first* before the word.

    Parameters
    ----------
    masked, folded_text : str
        The masked sentence and its :func:`~geoconflict.text.normalize.case_fold`.
    start, end : int
        The event's word.
    first : str
        The one actor :func:`~geoconflict.extraction.acled_types.actor_pair` found (the perpetrator).

    Returns
    -------
    str or None
        The forces of the ground hit, else the people harmed, named as the library names sides; None when the
        sentence names neither, or names an actor after the word in its clause (its own reading stands).

    Examples
    --------
    >>> text = "Al-Shabaab militants ambushed a minibus near ⟦0⟧, killing six passengers"
    >>> second_side(text, text.lower(), start=21, end=29, first="Al-Shabaab")
    'passengers'
    >>> text = "Ukrainian forces attacked Russian positions near ⟦0⟧"
    >>> second_side(text, text.lower(), start=17, end=25, first="Ukrainian forces")
    'Russian forces'
    >>> text = "A roadside bomb hit a police patrol in ⟦0⟧, wounding three policemen"
    >>> second_side(text, text.lower(), start=16, end=19, first="police") is None
    True
    """
    stop = _CLAUSE_STOP.search(masked, end)
    hi = stop.start() if stop else len(masked)
    if first_named(masked, folded_text, end, hi) is not None:
        return None
    ground = _GROUND.match(masked, end, hi)
    if ground is not None:
        other: str | None = f"{ground.group(1)} {en.FORCES}"
    else:
        other = _harmed(masked, folded_text, start)
    if other is None or other == first or _same_side(first, other):
        return None
    return other


def next_victims(masked: str, folded_text: str, *, first: str) -> str | None:
    """actor2 of an event whose sentence names only *first*, told by the next sentence (*masked*, *folded_text*: its
    text and case-fold) that tells no event of its own: the people it says were harmed, as the subject of a passive
    verb of harm or of "died" (:data:`geoconflict.lang.en.HARMED_VERB`) after a count; None when it names none, or names
    *first*'s own side again.

    Examples
    --------
    >>> text = "Two civilians were killed, the health ministry said."
    >>> next_victims(text, text.lower(), first="Israeli forces")
    'civilians'
    >>> text = "Three soldiers died in hospital."
    >>> next_victims(text, text.lower(), first="militants")
    'soldiers'
    >>> next_victims(text, text.lower(), first="army") is None
    True
    """
    if not any(w in folded_text for w in en.HARMED_STEMS):  # the cheap test first: most sentences harm no one
        return None
    harmed = next((m for verb in en.HARMED_VERB.finditer(folded_text) if (m := en.HARMED_COUNT_BEFORE.search(
        folded_text, max(0, verb.start() - en.HARMED_WINDOW), verb.start())) is not None), None)
    if harmed is None:
        return None
    nation = _NATION.match(masked, harmed.start("who"))
    other = nation.group(0) if nation is not None else first_named(masked, folded_text, *harmed.span("who"))
    if other is None or other == first or _same_side(first, other):
        return None
    return other


def _harmed(masked: str, folded_text: str, at: int) -> str | None:
    """The people harmed, named right after the count of a verb of harm from offset *at* on, if any."""
    if not any(w in folded_text[at:] for w in en.VICTIM_STEMS):
        return None
    for verb in _VICTIM_VERB.finditer(folded_text, at):
        lo = verb.end()
        nation = _NATION.match(masked, lo)
        if nation is not None:
            return nation.group(0)
        words = _VICTIM_WORDS.match(masked, lo)
        found = first_named(masked, folded_text, lo, words.end()) if words else None
        if found is not None:
            return found
    return None


def _same_side(first: str, other: str) -> bool:
    """Whether *other* (people harmed) is *first*'s own side named again: both a state's forces, *other* of no
    country or of *first*'s ("police" and "policemen", "the army" and "soldiers")."""
    if state_side(first) is not True or state_side(other) is not True:
        return False
    country = country_of(other)
    return country is None or country == country_of(first)
