"""The event cues of :mod:`geoconflict.lang.en`, made fast to look for.

A sentence is first asked which kinds of cue it can hold at all
(:func:`cue_kinds`: one Aho-Corasick pass over the stems of
:data:`geoconflict.lang.en.CUE_STEMS`); the cue patterns then run, written for
:func:`~geoconflict.text.normalize.case_fold` text (:class:`Fold`), which ``re``
matches several times faster than their case-insensitive forms.

Every event kind reads a sentence through one :class:`Reading`: its masked and
case-folded forms, the cue kinds of that one pass, and each kind's cue matches
found once, the first time a kind asks (a kind whose stems are absent costs a
set look-up), so that the strikes, the combat, the claims and the movements of
a sentence share one search for each cue, and its fatalities are read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from sys import maxsize
from typing import TypeVar

import ahocorasick

from geoconflict.lang import en
from geoconflict.lang.trie import guarded
from geoconflict.text.normalize import case_fold

__all__ = ["CUE_OF", "Fold", "Reading", "Stemmed", "Stems", "cue_kinds", "folded", "literal_automaton", "matched",
           "matches_at"]

_T = TypeVar("_T")


def _stem_automaton() -> ahocorasick.Automaton:
    """Every stem of :data:`geoconflict.lang.en.CUE_STEMS`, each with the cue kinds it stands for."""
    kinds: dict[str, set[str]] = {}
    for kind, stems in en.CUE_STEMS.items():
        for stem in stems:
            kinds.setdefault(stem, set()).add(kind)
    automaton = ahocorasick.Automaton()
    for stem, of in kinds.items():
        automaton.add_word(stem, frozenset(of))
    automaton.make_automaton()
    return automaton


STEMS = _stem_automaton()


def literal_automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton finding *words* as written (case-sensitive, anywhere): a pattern each of whose matches holds
    one of them cannot match a text in which ``next(automaton.iter(text), None)`` finds none.

    Examples
    --------
    >>> verbs = literal_automaton(["said", "told"])
    >>> [next(verbs.iter(t), None) is not None for t in ("the army said so", "The Army Said so")]
    [True, False]
    """
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], lo: int = 0,
               hi: int = maxsize) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)`` when every match starts at one of *starts*: the pattern matched there,
    in order, each from the end of the match before (``finditer`` finds each match at the first position from there
    at which the pattern matches, and that is one of *starts*).

    Examples
    --------
    >>> [m.group(0) for m in matches_at(re.compile(r"\\bshell\\w*"), "shelled, then shelling", [0, 14])]
    ['shelled', 'shelling']
    """
    resume = lo
    for at in sorted(starts):
        if at >= resume and (m := pattern.match(text, at, hi)):
            resume = m.end()
            yield m


_SECOND = itemgetter(1)


def cue_kinds(folded_text: str) -> frozenset[str]:
    """The cue kinds whose stems occur in *folded_text* (:func:`case_fold` text): one automaton pass.

    The distinct kind sets of the stems found (few) are gathered first, then joined.
    """
    return frozenset().union(*set(map(_SECOND, STEMS.iter(folded_text))))


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """*pattern*, written in lower case for ``re.IGNORECASE``, to match in :func:`case_fold` text instead.

    ``case_fold`` keeps the length and offsets of the text, and a lower-case pattern finds in it what
    its ``(?i)`` form finds in the text, so the matches are the same; ``re`` runs a case-sensitive
    pattern several times faster, and faster again behind a look-ahead of the letters its matches
    begin with (:func:`~geoconflict.lang.trie.guarded`). Read what matched from the original text, at
    the match's offsets.
    """
    return guarded(re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE))


class Fold:
    """The event cues, for :func:`case_fold` text (see :func:`folded`)."""

    MOVE = folded(en.MOVE_CUE)
    CLAIM = folded(en.CLAIM_CUE)
    SETTLEMENTS = folded(en.SETTLEMENTS)
    AREA = folded(en.AREA)
    COMBAT = folded(en.COMBAT_CUE)
    MEETING = folded(en.MEETING_CUE)
    STRIKE = folded(en.STRIKE_CUE)
    FATALITIES = folded(en.FATALITIES)
    NO_FATALITIES = folded(en.NO_FATALITIES)
    UNCONFIRMED = folded(en.UNCONFIRMED_CUE)
    DENY = folded(en.DENY_CUE)
    CONFIRM = folded(en.CONFIRM_CUE)
    PEACEFUL_TRANSFER = folded(en.PEACEFUL_TRANSFER)
    MODAL = folded(en.MODAL)
    CIVILIAN = folded(en.CIVILIAN)
    OWN_FORCES = folded(en.OWN_FORCES)
    GENERIC_ACTOR = folded(en.GENERIC_ACTOR)
    # the typing rules' words (extraction/acled_types), read in the case-folded sentence
    PROTEST_WORDS = folded(en.PROTEST_WORDS)
    DEMONSTRATION = folded(en.DEMONSTRATION)
    DEMONSTRATORS = folded(en.DEMONSTRATORS)
    VIOLENT_CROWD = folded(en.VIOLENT_CROWD)
    EXCESSIVE_FORCE = folded(en.EXCESSIVE_FORCE)
    INTERVENTION = folded(en.INTERVENTION)
    MEANS = folded(en.MEANS)
    VOLLEYS = folded(en.VOLLEYS)
    DIRECT_FIRE = folded(en.DIRECT_FIRE)
    CRUDE_WEAPONS = folded(en.CRUDE_WEAPONS)
    ARMED_TARGET = folded(en.ARMED_TARGET)
    CIVILIAN_TARGET = folded(en.CIVILIAN_TARGET)
    ARMED_SIDE = folded(en.ARMED_SIDE)
    ARMED_PERPETRATOR = folded(en.ARMED_PERPETRATOR)
    MOB_ACTOR = folded(en.MOB_ACTOR)
    MEMBERS = folded(en.MEMBERS)
    PASSIVE_VERB_BEFORE = folded(en.PASSIVE_VERB_BEFORE)
    BY_AGENT = folded(en.BY_AGENT)
    # the words of fighting and of the sides' kinds, read in a case-folded sentence or phrase
    ASSAULT_WORDS = folded(en.ASSAULT_WORDS)
    REGAIN_WORDS = folded(en.REGAIN_WORDS)
    STATE_FORCE_WORDS = folded(en.STATE_FORCE_WORDS)
    NON_STATE_WORDS = folded(en.NON_STATE_WORDS)
    ARMED_GROUP_NAMED = folded(en.ARMED_GROUP_NAMED)
    UNNAMED_REPORTS = folded(en.UNNAMED_REPORTS)
    FORCE_WORD = en.FORCE_WORD
    REPORT_WORD = en.REPORT_WORD


class Stemmed:
    """A pattern searched only where one of its stems occurs: a text (or window) without any cannot match.

    ``re`` tries a pattern that ends at a fixed point (``$``) at every position of the text before it; most such
    heads hold none of the words its matches begin with, which ``str.find`` rules out many times faster.

    Parameters
    ----------
    pattern : re.Pattern
        The pattern (for case-folded text: :class:`Fold`).
    stems : tuple of str
        Words one of which every match holds, as written in the text searched.

    Examples
    --------
    >>> Stems.MODAL.search("rebels threatened to attack ").group(0), Stems.MODAL.search("rebels attacked ")
    ('threatened to attack ', None)
    """

    __slots__ = ("pattern", "stems")

    def __init__(self, pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.stems = stems

    def search(self, text: str, pos: int = 0, endpos: int = maxsize) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, when ``text[pos:endpos]`` holds a stem (else None)."""
        for stem in self.stems:
            if text.find(stem, pos, endpos) >= 0:
                return self.pattern.search(text, pos, endpos)
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = maxsize) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, when ``text[pos:endpos]`` holds a stem (else no match)."""
        for stem in self.stems:
            if text.find(stem, pos, endpos) >= 0:
                return self.pattern.finditer(text, pos, endpos)
        return iter(())


class Stems:
    """Patterns of :class:`Fold` searched in whole heads of sentences, each behind its stems (:class:`Stemmed`;
    ``tests/test_extract_fast_checks.py`` holds them equal to their patterns)."""

    MODAL = Stemmed(Fold.MODAL, en.MODAL_STEMS)
    PASSIVE_VERB_BEFORE = Stemmed(Fold.PASSIVE_VERB_BEFORE, en.PASSIVE_STEMS)


#: The cue pattern of each event kind (a key of :data:`geoconflict.lang.en.CUE_STEMS` but "status").
CUE_OF: dict[str, re.Pattern[str]] = {
    "move": Fold.MOVE, "claim": Fold.CLAIM, "combat": Fold.COMBAT, "meeting": Fold.MEETING, "strike": Fold.STRIKE}


class Reading:
    """A masked sentence as every event kind reads it: each part found once, on first use.

    Parameters
    ----------
    masked : str
        The sentence with its places as tokens (:meth:`~geoconflict.extraction.document.Document.mask`).
    ids : list of int
        The span indices of those tokens.

    Attributes
    ----------
    folded : str
        ``case_fold(masked)``, which the cue patterns read.
    kinds : frozenset of str
        The cue kinds whose stems occur in it (:func:`cue_kinds`): a kind not there has no cue match.

    Examples
    --------
    >>> r = Reading("Russian forces shelled ⟦0⟧ and clashed with Ukrainian troops.", [0])
    >>> sorted(r.kinds & {"strike", "combat", "claim"})
    ['combat', 'strike']
    >>> [m.group(0) for m in r.cues("strike")], r.cue("combat").group(0), r.cue("claim")
    (['shelled'], 'clashed', None)
    """

    __slots__ = ("_memo", "folded", "ids", "kinds", "masked")

    def __init__(self, masked: str, ids: list[int]) -> None:
        self.masked = masked
        self.ids = ids
        self.folded = case_fold(masked)
        self.kinds = cue_kinds(self.folded)
        self._memo: dict[str, object] = {}

    def cues(self, kind: str) -> list[re.Match[str]]:
        """Every match of the cue of *kind* (:data:`CUE_OF`) in :attr:`folded`, in order."""
        found = self._memo.get(kind)
        if found is None:
            found = self._memo[kind] = list(CUE_OF[kind].finditer(self.folded)) if kind in self.kinds else []
        return found  # type: ignore[return-value]

    def cue(self, kind: str) -> re.Match[str] | None:
        """The first match of the cue of *kind* in :attr:`folded`, if any (the search stops there)."""
        memo = self._memo
        if kind in memo:
            found: list[re.Match[str]] = memo[kind]  # type: ignore[assignment]
            return found[0] if found else None
        key = "first " + kind
        if key not in memo:
            memo[key] = CUE_OF[kind].search(self.folded) if kind in self.kinds else None
        return memo[key]  # type: ignore[return-value]

    def once(self, key: str, make: Callable[[], _T]) -> _T:
        """What *make* gives, made once per sentence and remembered under *key* (a fact of the sentence alone)."""
        memo = self._memo
        if key not in memo:
            memo[key] = make()
        return memo[key]  # type: ignore[return-value]


def matched(text: str, m: re.Match[str], group: int | str = 0) -> str:
    """What *group* of *m*, a match in ``case_fold(text)``, matched in *text*."""
    return text[m.start(group):m.end(group)]
