"""Who says so: the speaker of each sentence, as the report puts it.

:meth:`Sources.speaker` reads a sentence's source the way an analyst does:
"according to X", the subject of an attribution verb ("the army said", "X
told …"), an inverted attribution (", said X"), else "unnamed reports" for
hearsay. A pronoun ("he said") is the person last named, so
:class:`Speakers` computes the speakers of the sentences in order, but only
those asked about. The words are :mod:`geoconflict.lang.en`'s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from geoconflict.extraction.cues import Fold, literal_automaton, matches_at
from geoconflict.extraction.people import Person
from geoconflict.lang import en
from geoconflict.lang.trie import guarded
from geoconflict.text.normalize import case_fold, is_word_char
from geoconflict.text.sentences import Sentence

__all__ = ["Sources", "Speakers", "attributed_reference", "last_clause", "last_clause_reference", "verb_matches"]

#: What a sentence of hearsay with no speaker named is attributed to.
UNNAMED = "unnamed reports"
#: An attribution verb, maybe after an auxiliary ("has said"); guarded (:func:`~geoconflict.lang.trie.guarded`): most
#: positions are ruled out by their first three letters (``tests/test_trie.py`` holds it equal to :data:`_VERB_PLAIN`).
_VERB_PLAIN = re.compile(
    r"\b(?:" + "|".join(rf"{aux}\s+" for aux in en.AUXILIARIES) + rf")?(?:{en.ATTRIBUTION_VERBS})\b")
_VERB = guarded(_VERB_PLAIN)
_AUXILIARIES = tuple(en.AUXILIARIES)
#: The attribution verbs as written, found in one pass: a sentence holding none has no :data:`_VERB` match.
_VERB_WORDS = literal_automaton(en.ATTRIBUTION_VERBS.split("|"))
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_CAPITAL_THE = re.compile(rf"^{en.THE.capitalize()}\b")
_THE_SPACE = f"{en.THE} "
_CURLY_POSSESSIVE = en.POSSESSIVE_ENDINGS[1]
#: What someone was told that is an outlet by its form: an acronym ("the BBC", "BNS").
_ACRONYM_OUTLET = re.compile(r"(?:the\s+)?[A-Z]{2,}")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
#: Everything up to the end of the last match of :data:`geoconflict.lang.en.CLAUSE_SPLIT` (:func:`last_clause`).
_LAST_SPLIT = re.compile(rf"(?s:.*)(?:{en.CLAUSE_SPLIT.pattern})")


class Sources:
    """Who says what in a report: people named, outlets they spoke to, and speakers by sentence."""

    def __init__(self, text: str, people: list[Person]):
        self.text = text
        self.people = people
        self.last_person: Person | None = None

    def person(self, phrase: str) -> Person | None:
        """The person *phrase* names: by full name, surname or title, or the last one for "he" and "she"."""
        words = phrase.replace(_CURLY_POSSESSIVE, "").split()
        for p in self.people:
            if p.full == phrase or p.surname in words:
                return p
        low = phrase.lower().removeprefix(_THE_SPACE).strip()
        for p in self.people:
            if low and (p.title.lower() == low or p.title.lower().endswith(low)):
                return p
        if low in en.PRONOUN_SUBJECTS and self.last_person is not None:
            return self.last_person
        return None

    def label(self, phrase: str, *, via: bool = True) -> str:
        """*phrase*, or the full label of the person it names (with the outlet they spoke to when *via*)."""
        person = self.person(phrase)
        if person is None:
            return phrase
        return f"{person.full} (via {person.outlet})" if person.outlet and via else person.full

    def speaker(self, lo: int, hi: int) -> str | None:
        """Who says so in the sentence ``text[lo:hi]``, as the report puts it.

        Parameters
        ----------
        lo, hi : int
            The sentence's span in the text.

        Returns
        -------
        str or None
            "according to X", the subject of an attribution verb, or an inverted attribution
            (a person named is given by their label, and becomes :attr:`last_person`), else
            "unnamed reports" for hearsay, else None.
        """
        sentence = self.text[lo:hi]
        who = _according_to(sentence)  # may be "" ("according to  (…)"): a speaker all the same
        if who is None:
            who = _attributed(sentence)
        if who is not None:
            who = _CAPITAL_THE.sub(en.THE, who.strip())
            if who.lower() in en.PRONOUN_SUBJECTS and self.last_person is not None:
                who = self.last_person.full
            p = self.person(who)
            if p is not None:
                self.last_person = p
                return self.label(who)
            return who
        folded_sentence = case_fold(sentence)
        if en.HEARSAY in folded_sentence and Fold.UNNAMED_REPORTS.search(folded_sentence):
            return UNNAMED
        return None

    def note_outlets(self, lo: int, hi: int) -> None:
        """Remember the outlet a person spoke to: "X told the Baltic news agency BNS"."""
        if self.text.find(en.TOLD_WORD, lo, hi) < 0:  # every TOLD match starts with it
            return
        sentence = self.text[lo:hi]
        for m in en.TOLD.finditer(sentence):
            to = m.group("to")
            if en.OUTLET_WORDS.search(to) or _ACRONYM_OUTLET.fullmatch(to):
                acronym = _ACRONYM.findall(to)
                outlet = acronym[-1] if acronym else to.removeprefix(_THE_SPACE).strip()
                subject = sentence[:m.start()].strip()
                p = self.person(subject.split(",")[-1].strip()) if subject else None
                if p is not None:
                    p.outlet = p.outlet or outlet

    def named_in(self, lo: int, hi: int) -> Person | None:
        """The last of :attr:`people` whose surname the sentence ``text[lo:hi]`` contains, if any."""
        sentence = self.text[lo:hi]
        named = None
        for p in self.people:
            if p.surname in sentence:
                named = p
        return named


def _according_to(sentence: str) -> str | None:
    """X of "according to X"."""
    m = en.ACCORDING_TO.search(sentence) if en.ACCORDING in sentence else None
    return m.group("who").strip() if m else None


def _attributed(sentence: str) -> str | None:
    """The subject of an attribution verb (:func:`_subject`), else the speaker after one (:func:`_inverted`).

    A sentence without an attribution verb (most) has neither: every :data:`~geoconflict.lang.en.INVERTED` match
    holds a verb :data:`_VERB` finds (after a comma or a quote, before white space), so its search is skipped; and
    every :data:`_VERB` match holds one of the verbs as written (its pattern reads them literally and
    case-sensitively), so a sentence in which one Aho-Corasick pass (:data:`_VERB_WORDS`) finds none is not
    searched at all.
    :func:`attributed_reference` searches always; ``tests/test_extract_fast_checks.py`` holds the two equal.
    """
    verbs = verb_matches(sentence)
    first = next(verbs, None)
    if first is None:
        return None
    who = _subject(sentence, itertools.chain((first,), verbs))
    return who if who is not None else _inverted(sentence)


def verb_matches(sentence: str) -> Iterator[re.Match[str]]:
    """``_VERB.finditer(sentence)``, the pattern tried only where a match can start (found as they are asked for).

    A match starts at its verb, one of :data:`_VERB_WORDS` as written, or at the auxiliary before it, which only
    white space follows up to the verb: one Aho-Corasick pass finds the verbs (a sentence without any, most, is
    not searched at all), and the pattern is matched at each verb's start and at each such auxiliary's, in order,
    each from the end of the match before (``finditer``'s matches: it finds each at the first position from there
    at which the pattern matches, one of these). ``tests/test_extract_fast_checks.py`` holds the two equal.
    """
    found = _VERB_WORDS.iter(sentence)
    first = next(found, None)
    if first is None:  # no verb as written: no _VERB match (most sentences)
        return
    starts = {first[0] + 1 - len(first[1])}
    starts.update(end + 1 - len(verb) for end, verb in found)
    for at in list(starts):
        k = at
        while k > 0 and sentence[k - 1].isspace():  # (what ``\s`` matches in a str pattern)
            k -= 1
        if k < at and sentence.endswith(_AUXILIARIES, 0, k):
            starts.update(k - len(aux) for aux in _AUXILIARIES if sentence.endswith(aux, 0, k))
    yield from matches_at(_VERB, sentence, starts)


def attributed_reference(sentence: str) -> str | None:
    """:func:`_attributed` done plainly: the subject, else the inverted speaker, both searched."""
    who = _subject(sentence, _VERB.finditer(sentence))
    return who if who is not None else _inverted(sentence)


def _subject(sentence: str, verbs: Iterable[re.Match[str]]) -> str | None:
    """The subject of the first attribution verb (of *verbs*, the sentence's in order) whose clause before it is a
    speaker ("the army said")."""
    parentheses = "(" in sentence
    for verb in verbs:
        v = verb.start()
        clause = _speaker_clause(_PARENTHESES.sub("", sentence[:v]) if parentheses else sentence[:v])
        if clause is not None:
            return clause
    return None


def last_clause(head: str) -> str:
    """``en.CLAUSE_SPLIT.split(head)[-1]``: *head* after its last clause mark or clause word.

    Found from the end, not by splitting the whole head: the pattern's matches cannot overlap (a mark is no letter,
    and no two of its words can share a position), so the match that starts last is the split's last: the last of
    each mark (``rfind``) and of each word standing whole, the one that starts last. ``tests/test_event_readings.py``
    holds it equal to the split and to :func:`last_clause_reference` (the same found by a regex).
    """
    start = max(map(head.rfind, en.CLAUSE_SPLIT_MARKS))  # the last split's start (-1: none) and end
    end = start + 1
    for word in en.CLAUSE_SPLIT_WORDS:  # a whole word's last occurrence, if it starts after that
        at = head.rfind(word)
        while at > start:
            after = at + len(word)
            if not (at and is_word_char(head[at - 1])) and not (after < len(head) and is_word_char(head[after])):
                start, end = at, after
                break
            at = head.rfind(word, 0, after - 1)
    return head[end:] if start >= 0 else head


def last_clause_reference(head: str) -> str:
    """:func:`last_clause` done with a regex: a greedy ``.*`` gives back characters until the split matches."""
    last = _LAST_SPLIT.match(head)
    return head[last.end():] if last else head


def _speaker_clause(head: str) -> str | None:
    """The last clause of *head* (the sentence before a verb) if it can be the verb's speaker."""
    clause = last_clause(head).strip()
    if clause.endswith(en.CLAUSE_TAIL_ENDS) or clause[-1:].isdecimal():
        clause = en.CLAUSE_TAIL.sub("", clause).strip()
    clause = en.LEADING_JUNK.sub("", clause)
    words = clause.split()
    if not words or len(words) > en.MAX_SPEAKER_WORDS:
        return None
    # a SPEAKER_HEAD match is made of word characters, ' ’ . and -: it lies in the last word
    if not en.SPEAKER_HEAD.search(words[-1]):
        return None
    if words[0].lower() in en.EXPLETIVES and len(words) > 1:
        return None
    return clause


def _inverted(sentence: str) -> str | None:
    """X of '…," said X'."""
    m = en.INVERTED.search(sentence)
    return m.group("who").strip() if m else None


class Speakers:
    """The speaker (:meth:`Sources.speaker`) of each sentence, computed only for the sentences asked about.

    A speaker depends on the person last named ("he said"): the last person whose surname the
    sentence contains, else the one the previous sentence left (its speaker may name a person).
    So asking for sentence *k* computes, in order, the speakers from the nearest sentence at
    which that state is known (one naming a person, one already computed, or the first) up to
    *k*: each sees the state it would see were every sentence's speaker computed in turn.
    """

    def __init__(self, sources: Sources, sentences: list[Sentence]):
        self.sources = sources
        self.sentences = sentences
        self.named = [sources.named_in(s.start, s.end) for s in sentences] if sources.people else None
        self.done: dict[int, tuple[str | None, Person | None]] = {}  # index -> (speaker, last person after)

    def __call__(self, k: int) -> str | None:
        """The speaker of sentence *k*; leaves ``sources.last_person`` as it is after that sentence."""
        if k not in self.done:
            first = k
            named = self.named
            while named is not None and first > 0 and named[first] is None and first - 1 not in self.done:
                first -= 1
            state = self.done[first - 1][1] if first - 1 in self.done else None
            for i in range(first, k + 1):
                s = self.sentences[i]
                self.sources.last_person = (named[i] if named is not None else None) or state
                who = self.sources.speaker(s.start, s.end)
                state = self.sources.last_person
                self.done[i] = (who, state)
        who, self.sources.last_person = self.done[k]
        return who

    def of(self, k: int) -> Callable[[], str | None]:
        """A function giving the speaker of sentence *k* when first called."""
        return lambda: self(k)
