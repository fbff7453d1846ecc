"""Actors: who moves, claims or fights, as the report names them.

An actor is a demonym or a named group with a force noun ("Russian troops",
"the RSF", "Ukrainian forces"), or a lone unit ("fresh troops"). The words are
:mod:`geoconflict.lang.en`'s (demonyms, groups, actor and unit nouns).

Tried at every position, the lone-unit pattern is slow (its optional adjectives
leave ``re`` no first letters to skip to), so :func:`unit_matches` tries it only
where an adjective or a unit word starts: about 0.7 % of extraction's time. It
keeps its plain form beside it (:func:`unit_matches_reference`), and
``tests/test_extract_fast_forms.py`` holds the two to the same matches on
generated text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import ahocorasick

from geoconflict.extraction.cues import Fold, literal_automaton, matched, matches_at
from geoconflict.lang import en
from geoconflict.lang.trie import guarded, literal_trie
from geoconflict.text.normalize import case_fold

__all__ = ["DEMONYM_TRIE", "DEMONYM_WORDS", "Actor", "actor_matches", "actors", "country_of", "first_party",
           "group_named_as_place", "in_power", "may_name_party", "own_party", "parties", "parties_reference", "party_of",
           "side_name", "state_side", "without_article"]

#: Any demonym (a regex).
DEMONYM_TRIE = literal_trie(en.DEMONYMS)
#: The words of the demonyms ("North", "Korean").
DEMONYM_WORDS = frozenset(w for d in en.DEMONYMS for w in d.split())
#: A demonym as a whole word (group 1).
DEMONYM_WORD = re.compile(rf"\b({DEMONYM_TRIE})\b")
#: A group or a demonym, with its force nouns: "RSF fighters", "the Russian 810th troops"; a group first, so that
#: one whose name begins with a demonym is the group ("Syrian National Army" is no Syrian state force) (guarded:
#: see :func:`~geoconflict.lang.trie.guarded`).
ACTOR = guarded(re.compile(
    rf"(?:\b(?P<det>{en.THE})\s+)?\b(?:(?P<group>{literal_trie(en.GROUPS)})(?:\s+(?i:(?P<gnoun>{en.ACTOR_NOUNS})))?"
    rf"|(?P<dem>{DEMONYM_TRIE})(?:\s+(?:[A-Z][\w-]*|[a-z]+)){{0,2}}?\s+"
    rf"(?i:(?P<noun>{en.ACTOR_NOUNS})(?:\s+(?:{en.ACTOR_NOUNS}))*))\b"
))
#: A lone unit, maybe after adjectives: "fresh troops", "additional units".
UNIT_ONLY = re.compile(rf"\b(?:(?:{en.UNIT_ADJECTIVES})\s+)*(?i:{en.UNIT_WORDS})\b")
_LEADING_THE = re.compile(rf"^{en.THE}\s+")
#: How many actors' side names :func:`side_name` keeps (a phrase and its party: some 100 bytes each), and how many
#: phrases' answers :func:`state_side` and :func:`country_of` keep.
SIDE_NAMES_KEPT = 4096
#: The force nouns, any case ("Armed Forces").
_FORCE_NOUNS = re.compile(rf"(?i:\b(?:{en.ACTOR_NOUNS})\b)")
#: How many characters before a group's name :func:`group_named_as_place` looks for a locative word.
PLACE_BEFORE_WINDOW = 24


@dataclass(frozen=True)
class Actor:
    """An actor named in the text: its span, the phrase, the party and the party's country."""

    start: int
    end: int
    phrase: str
    party: str | None  # "Russian", "RSF"; None for a bare unit noun
    country: str | None


def unit_matches(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """:func:`unit_matches_reference`, trying the pattern only where an adjective or a unit word starts.

    One Aho-Corasick pass (:data:`_UNIT_PIECES`) finds where each starts in the window, case-folded (every
    :data:`UNIT_ONLY` match starts at one, and holds a unit word: a window without one has no match).
    """
    folded = case_fold(text[lo:hi])
    starts: set[int] = set()
    unit = False
    for end, (length, is_unit) in _UNIT_PIECES.iter(folded):
        starts.add(end + 1 - length)
        unit = unit or is_unit
    if not unit:  # then UNIT_ONLY cannot match
        return []
    return list(matches_at(UNIT_ONLY, text, (lo + at for at in starts), lo, hi))


def _unit_pieces() -> ahocorasick.Automaton:
    """The adjectives and the unit words of :data:`UNIT_ONLY`, as in case-folded text, each with its length and
    whether it is a unit word."""
    automaton = ahocorasick.Automaton()
    for word in en.UNIT_ADJECTIVES.split("|"):
        automaton.add_word(word, (len(word), False))
    for word in en.UNIT_WORDS.split("|"):
        automaton.add_word(word, (len(word), True))
    automaton.make_automaton()
    return automaton


#: Where a :data:`UNIT_ONLY` match can start, in case-folded text: an adjective or a unit word (:func:`_unit_pieces`).
_UNIT_PIECES = _unit_pieces()


def unit_matches_reference(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The :data:`UNIT_ONLY` matches in ``text[lo:hi]``."""
    return list(UNIT_ONLY.finditer(text, lo, hi))


def group_named_as_place(text: str, start: int, end: int) -> bool:
    """Whether the group's name at ``text[start:end]`` (one of :data:`geoconflict.lang.en.GROUPS`) names the place
    of the same name: the sentence's grammar puts a place there (a locative word right before it and no noun of
    the group's after it, a place's noun and "of" before it, or a tail of where it lies after it:
    :data:`~geoconflict.lang.en.GROUP_PLACE_TAIL`),
    and no force noun, possessive or hyphen makes it the group.

    Examples
    --------
    >>> [group_named_as_place(t, t.index("Azov"), t.index("Azov") + 4) for t in (
    ...     "a depot in Azov was hit", "in the town of Azov", "Azov, Rostov Oblast", "the Azov brigade",
    ...     "Azov fighters in Mariupol", "in Azov fighters' hands", "residents of Azov heard blasts")]
    [True, True, True, False, False, False, True]
    """
    if en.GROUP_NAME_AFTER.match(text, end):
        return False
    lo = max(0, start - PLACE_BEFORE_WINDOW)
    if en.GROUP_PLACE_TAIL.match(text, end) or en.GROUP_PLACE_OF.search(text, lo, start):
        return True
    return en.GROUP_PLACE_BEFORE.search(text, lo, start) is not None and en.GROUP_PLACE_NEXT.match(text, end) is not None


def parties(text: str, lo: int, hi: int) -> list[Actor]:
    """The actors of :func:`actors` that name a party ("Russian forces", "RSF fighters"), in text order.

    The same as ``[a for a in actors(text, lo, hi) if a.party]``, without looking for lone units.
    """
    found = actor_matches(text, lo, hi)
    return [party_of(text, m) for m in found if not _names_place(text, m)] if found else []


def parties_reference(text: str, lo: int, hi: int) -> list[Actor]:
    """:func:`parties` done plainly: :data:`ACTOR` looked for in every window."""
    return [party_of(text, m) for m in _party_matches_reference(text, lo, hi)]


def first_party(text: str, lo: int, hi: int) -> Actor | None:
    """The first of :func:`parties` in ``text[lo:hi]``, if any."""
    for m in actor_matches(text, lo, hi):
        if not _names_place(text, m):
            return party_of(text, m)
    return None


def _names_place(text: str, m: re.Match[str]) -> bool:
    """Whether :data:`ACTOR` match *m* is a group's name the grammar makes a place ("in Azov": the town)."""
    return bool(m.group("group")) and not m.group("gnoun") and group_named_as_place(text, m.start("group"), m.end())


def _party_matches_reference(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The :data:`ACTOR` matches in ``text[lo:hi]``, but a group's name the grammar makes a place ("in Azov"), found
    plainly: :data:`ACTOR`'s ``finditer``."""
    for m in ACTOR.finditer(text, lo, hi):
        if m.group("group") and not m.group("gnoun") and group_named_as_place(text, m.start("group"), m.end()):
            continue  # "in Azov": the town, not the group
        yield m


#: Every group's and demonym's name, as written, found in one pass (:func:`may_name_party`, :func:`actor_matches`).
_NAMES = literal_automaton((*en.GROUPS, *en.DEMONYMS))


def may_name_party(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` can hold an :data:`ACTOR` match: every match holds a group's or a demonym's name as
    written (the pattern reads them literally and case-sensitively), so a window that holds none (one
    Aho-Corasick pass: most clauses around an event's word, "killing two civilians in ⟦0⟧") holds no match."""
    return next(_NAMES.iter(text, lo, hi), None) is not None


def actor_matches(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """``list(ACTOR.finditer(text, lo, hi))``, the pattern tried only where a match can start.

    A match starts at its group's or demonym's name, or at the "the" of its ``det`` before it: that name is one
    of :data:`_NAMES` as written (the pattern reads the names literally and case-sensitively), and the "the" is
    followed by white space alone up to it. So one Aho-Corasick pass finds every name in the window, and the
    pattern is matched at each name's start and at each such "the" (a window without a name, most of them, is
    not searched at all). Taken in order, each from the end of the match before, these give ``finditer``'s
    matches: it finds each at the first position from there at which the pattern matches, and that is one of
    them. ``tests/test_extract_fast_forms.py`` holds the two equal.
    """
    names = _NAMES.iter(text, lo, hi)
    first = next(names, None)
    if first is None:  # most windows
        return []
    starts = {first[0] + 1 - len(first[1])}
    starts.update(end + 1 - len(name) for end, name in names)
    for at in list(starts):  # a "the" and white space right before the name: where its det would start
        k = at
        while k > lo and text[k - 1].isspace():  # (what ``\s`` matches in a str pattern)
            k -= 1
        if k < at and k - _THE_LENGTH >= lo and text.startswith(en.THE, k - _THE_LENGTH, k):
            starts.add(k - _THE_LENGTH)
    return list(matches_at(ACTOR, text, starts, lo, hi))


#: The length of the article an actor's ``det`` reads.
_THE_LENGTH = len(en.THE)


def party_of(text: str, m: re.Match[str]) -> Actor:
    """The actor of :data:`ACTOR` match *m* in *text*: from its demonym or group (not its "the") to its end."""
    dem = m.group("dem")
    start = m.start("dem") if dem else m.start("group")
    party = dem or m.group("group")
    country = en.DEMONYMS.get(party) if dem else en.GROUPS.get(party)
    return Actor(start, m.end(), text[start:m.end()], party, country)


def actors(text: str, lo: int, hi: int) -> list[Actor]:
    """The actors named in ``text[lo:hi]``, by start: parties with their nouns, then lone units outside them."""
    found = parties(text, lo, hi)
    # the parties come in text order without overlaps, and so do the lone units: one pass over both
    named, k = found[:], 0
    for m in unit_matches(text, lo, hi):
        at = m.start()
        while k < len(named) and named[k].end <= at:
            k += 1
        if k == len(named) or named[k].start > at:
            found.append(Actor(at, m.end(), m.group(0), None, None))
    found.sort(key=lambda a: a.start)
    return found


def side_name(actor: Actor) -> str:
    """The one name of the side *actor* names: "<Demonym> forces" for a demonym with force nouns ("Ukrainian
    military", "Ukrainian troops"), a group's own name for its other names and its nouns ("Rapid Support
    Forces fighters", "RSF forces" → "RSF"); a named unit ("Russian Volunteer Corps"), a demonym's non-state
    group ("Syrian rebels"), or an actor of no party, as named (without "the").

    Examples
    --------
    >>> [side_name(a) for a in actors("the Ukrainian military and RSF fighters", 0, 38)]
    ['Ukrainian forces', 'RSF']
    """
    return _side_name(actor.phrase, actor.party)


@lru_cache(maxsize=SIDE_NAMES_KEPT)
def _side_name(phrase: str, party: str | None) -> str:
    """:func:`side_name` of the actor named *phrase* of *party*: a function of the two strings alone, so the
    names met most ("Russian forces", "the army") are made once."""
    phrase = without_article(phrase)
    if party is None:
        return phrase
    if party in en.DEMONYMS:
        rest = _FORCE_NOUNS.sub("", phrase[phrase.find(party) + len(party):])
        named_unit = any(w[:1].isupper() for w in rest.split())  # "Russian Volunteer Corps", not "Armed Forces"
        non_state = Fold.NON_STATE_WORDS.search(case_fold(phrase))
        return phrase if named_unit or non_state else f"{party} {en.FORCES}"
    return en.GROUP_ALIASES.get(party, party)


@lru_cache(maxsize=SIDE_NAMES_KEPT)
def state_side(phrase: str) -> bool | None:
    """Whether *phrase* names a state's forces (True), a non-state armed group (False), or neither (None).

    A function of the phrase alone, remembered (as :func:`side_name`'s names): the sides asked about most are a few
    names ("Ukrainian forces", "RSF").

    A demonym's forces are a state's (unless the demonym is no state's, as "Kurdish", or its nouns are a
    non-state group's, as "Syrian rebels"); a named group is a
    state's when :data:`geoconflict.lang.en.STATE_GROUPS` holds it; unnamed forces are told by their
    words ("the army", "police" against "gunmen", "militants").

    Examples
    --------
    >>> state_side("Ukrainian forces"), state_side("RSF"), state_side("police"), state_side("villagers")
    (True, False, True, None)
    >>> state_side("Syrian rebels")
    False
    """
    a = first_party(phrase, 0, len(phrase))  # (lone units, which name no party, tell neither)
    if a is not None and a.party in en.DEMONYMS:
        return a.party not in en.STATELESS_DEMONYMS and not Fold.NON_STATE_WORDS.search(case_fold(a.phrase))
    if a is not None:
        return a.party in en.STATE_GROUPS
    folded_phrase = case_fold(phrase)
    if Fold.NON_STATE_WORDS.search(folded_phrase):
        return False
    return True if Fold.STATE_FORCE_WORDS.search(folded_phrase) else None


def in_power(name: str, day: date | str) -> bool:
    """Whether the side named *name* (as :func:`side_name` names it) is a group that held its country's state power
    on *day* (:data:`geoconflict.lang.en.IN_POWER_SINCE`): ACLED codes it as the state's forces from then on.

    Examples
    --------
    >>> in_power("Taliban", "2024-03-02"), in_power("Taliban", "2021-06-01"), in_power("RSF", "2024-03-02")
    (True, False, False)
    """
    since = en.IN_POWER_SINCE.get(name)
    return since is not None and str(day)[:len(since)] >= since


@lru_cache(maxsize=SIDE_NAMES_KEPT)
def country_of(phrase: str) -> str | None:
    """The country of the first actor of *phrase* that has one, else of the first demonym in it (remembered, as
    :func:`state_side`)."""
    for a in parties(phrase, 0, len(phrase)):  # (a lone unit has no country)
        if a.country:
            return a.country
    for dem, code in en.DEMONYMS.items():
        if dem in phrase:
            return code
    return None


def without_article(phrase: str) -> str:
    """*phrase* without a leading "the"."""
    return _LEADING_THE.sub("", phrase)


def own_party(head: str, speaker: str | None) -> str | None:
    """ "its troops" after "the Somali army said" → the speaker's party: "Somali troops"."""
    if not speaker:
        return None
    own = Fold.OWN_FORCES.search(case_fold(head))
    if own is None:
        return None
    party = first_party(speaker, 0, len(speaker))
    noun = matched(head, own, "noun").lower()
    if party is not None:
        return f"{party.party} {noun}"
    dem = DEMONYM_WORD.search(speaker)
    if dem:
        return f"{dem.group(1)} {noun}"
    return without_article(speaker)
