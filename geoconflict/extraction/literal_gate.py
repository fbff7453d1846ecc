"""Literal gates: the words one of which a regular expression's every match holds, looked for before it is searched.

A pattern's parse tree (:mod:`re._parser`) says which literal strings its matches must contain: a literal
its own character, a run of parts with few strings between them the strings they spell together ("strikes?"
spells "strike" or "strikes"), a sequence the words of any one of its parts or runs (the rarest is kept:
the longest shortest word), an alternation the words of all its branches. A part that may match nothing,
or that is too varied to list (``\\w``, ``.``, a class of many characters), gives none; so does a part
matched regardless of case (``(?i:…)``) and a pattern compiled with ``re.IGNORECASE``. A look-ahead's words
count (the text it reads lies before the search's end), a look-behind's do not (it may read before the
search's start).

So a window of text that holds none of a pattern's words (one Aho-Corasick pass) holds no match of it:
:meth:`Gated.search` then answers None without searching. ``tests/test_extract_literal_gate.py`` holds
:meth:`Gated.search` equal to the pattern's own search on real and random text.

Examples
--------
>>> sorted(required_words(re.compile(r"\\b(?:air\\s*strikes?|shell(?:ed|ing))\\b")))
['shelled', 'shelling', 'strike', 'strikes']
>>> gate = Gated(re.compile(r"\\b(?:air\\s*strikes?|shell(?:ed|ing))\\b"))
>>> gate.search("they shelled it").group(0), gate.search("according to the chairman")
('shelled', None)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

__all__ = ["Gated", "boundary_first", "required_words"]

#: The most strings a part may spell to be listed ("(?:a|b)(?:c|d)" spells four).
_EXACT_LIMIT = 64
#: The most characters a class may hold to be read as its characters ("[sz]" holds two).
_CLASS_LIMIT = 8
#: Words shorter than this are too common to gate on: a part whose words are shorter gives none.
SHORTEST = 3

#: The strings a part matches, when they are few (else None); the words one of which its every match holds (else
#: None).
_Read = tuple[frozenset[str] | None, frozenset[str] | None]
_Item = tuple[Any, Any]  # (an opcode of re._constants, its arguments)


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The words one of which every match of *pattern* (or the look-ahead it makes) holds, else None.

    Examples
    --------
    >>> sorted(required_words(re.compile(r"(?:signed|agreed\\s+to)\\s+(?:a\\s+)?(?:deal|accord)s?")))
    ['agreed', 'signed']
    >>> required_words(re.compile(r"\\w+ed")) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))[1]


def _rarest(candidates: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Of word lists each of which a match holds one of, the one a text holds least likely: the longest shortest
    word, then the fewest words; None when none is long enough."""
    kept = [c for c in candidates if c and min(map(len, c)) >= SHORTEST]
    return max(kept, key=lambda c: (min(map(len, c)), -len(c))) if kept else None


def _concat(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """Every string of *a* followed by one of *b*, if they are few."""
    if len(a) * len(b) > _EXACT_LIMIT:
        return None
    return frozenset(x + y for x, y in product(a, b))


def _class(items: list[_Item]) -> frozenset[str] | None:
    """The characters of a class of few literal characters and short ranges, else None (a category, a negation)."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _CLASS_LIMIT:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(chars) if len(chars) <= _CLASS_LIMIT else None


def _item(op: Any, av: Any) -> _Read:
    """What one part of a parsed pattern matches (:data:`_Read`)."""
    if op is sre.LITERAL:
        return frozenset({chr(av)}), None
    if op is sre.IN:
        return _class(av), None
    if op is sre.AT or op is sre.ASSERT_NOT:  # (they match no text)
        return frozenset({""}), None
    if op is sre.ASSERT:  # (no text either; a look-ahead's words lie in the searched text)
        direction, p = av
        return frozenset({""}), _sequence(p)[1] if direction == 1 else None
    if op is sre.SUBPATTERN:
        _, add_flags, _, p = av
        return (None, None) if add_flags & sre.SRE_FLAG_IGNORECASE else _sequence(p)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        return _branch(av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat(*av)
    return None, None  # any character, a category, a back-reference: too varied


def _branch(branches: list[Iterable[_Item]]) -> _Read:
    """What an alternation matches: its branches' strings if few, the rarest of them and all its branches' words."""
    read = [_sequence(p) for p in branches]
    exact = _union([e for e, _ in read])
    if exact is not None and len(exact) > _EXACT_LIMIT:
        exact = None
    return exact, _rarest([exact, _union([w for _, w in read])])


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The strings of all *parts*, or None when one of them is None (unlisted)."""
    found: frozenset[str] = frozenset()
    for part in parts:
        if part is None:
            return None
        found |= part
    return found


def _repeat(lo: int, hi: int, p: Iterable[_Item]) -> _Read:
    """What a repeat matches: its body's words when it matches the body at least once."""
    exact, words = _sequence(p)
    if lo == 0:  # (it may match nothing: no words)
        return (exact | {""} if hi == 1 and exact is not None else None), None
    return (exact if lo == hi == 1 else None), words


def _sequence(items: Iterable[_Item]) -> _Read:
    """What a sequence of parts matches: its strings if few, and the rarest of its parts' words and its runs' strings."""
    exact: frozenset[str] | None = frozenset({""})
    run: frozenset[str] = frozenset({""})
    candidates: list[frozenset[str] | None] = []
    for op, av in items:
        e, words = _item(op, av)
        candidates.append(words)
        exact = _concat(exact, e) if exact is not None and e is not None else None
        joined = _concat(run, e) if e is not None else None
        if joined is None:  # the run ends here
            candidates.append(run)
            run = e if e is not None else frozenset({""})
        else:
            run = joined
    candidates.append(run)
    return exact, _rarest([exact, *candidates])


class Gated:
    """A pattern searched only in a window that holds one of its :func:`required_words`.

    Parameters
    ----------
    pattern : re.Pattern
        The pattern; with no words to gate on, every window is searched.

    Attributes
    ----------
    pattern : re.Pattern
        The pattern.
    words : frozenset of str or None
        The words one of which a window must hold to be searched.
    """

    __slots__ = ("_automaton", "pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)
        self._automaton: ahocorasick.Automaton | None = None
        if self.words:
            self._automaton = ahocorasick.Automaton()
            for w in self.words:
                self._automaton.add_word(w, w)
            self._automaton.make_automaton()

    def may_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``text[pos:endpos]`` holds one of the words (False: it holds no match)."""
        automaton = self._automaton
        return automaton is None or next(automaton.iter(text, pos, min(endpos, len(text))), None) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, answered None at once when the window holds none of the words."""
        if not self.may_match(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, nothing at once when *text* holds none of the words."""
        return self.pattern.finditer(text) if self.may_match(text) else iter(())


def boundary_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """*pattern* with its word boundary tested before its guard: the same matches, found sooner.

    A guarded pattern (:func:`~geoconflict.lang.trie.guarded`) tries its look-ahead of first letters at every
    position, and only then the ``\\b`` its plain form begins with; both read the same position and match no
    text, so testing ``\\b`` first changes no match but rules out the positions inside words in one step. A
    pattern that does not begin so (its parse: look-aheads, then a word boundary) is returned as it is.

    Examples
    --------
    >>> from geoconflict.lang.trie import guarded
    >>> fast = boundary_first(guarded(re.compile(r"\\b(?:shell(?:ed|ing)|airstrikes?)\\b")))
    >>> fast.pattern.startswith("\\\\b(?=")
    True
    >>> [m.group(0) for m in fast.finditer("airstrikes and shelling, reshelled")]
    ['airstrikes', 'shelling']
    >>> boundary_first(re.compile("shelled")).pattern
    'shelled'
    """
    for op, av in sre_parse.parse(pattern.pattern, pattern.flags):
        if op is sre.ASSERT and av[0] == 1:  # (a look-ahead: it reads the same position)
            continue
        if op is sre.AT and av is sre.AT_BOUNDARY:
            return re.compile(r"\b" + pattern.pattern, pattern.flags)
        break
    return pattern
