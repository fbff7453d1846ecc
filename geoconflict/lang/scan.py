"""A long pattern searched only where one of its matches can begin.

``re`` tries a pattern at every position of a text. A guarded pattern
(:func:`~geoconflict.lang.trie.guarded`) rules most positions out by a look-ahead,
but ``re`` still enters that look-ahead at each one (some 100 ns a character for
the event cues). :class:`Scan` finds the positions where a match can begin in
one Aho-Corasick pass over the strings every match begins with
(:func:`~geoconflict.lang.trie.match_prefixes`), and tries the pattern only
there: the same matches, as the same match objects (``re.Match`` of the pattern).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from sys import maxsize

import ahocorasick

from geoconflict.lang.trie import GUARD_DEPTH, match_prefixes

__all__ = ["Scan"]


class Scan:
    """*pattern*'s :meth:`finditer` and :meth:`search`, tried only where a match can begin.

    Parameters
    ----------
    pattern : re.Pattern
        A case-sensitive pattern (one that ignores case as a whole, or whose matches may begin with
        any character, is searched as it is: no positions are ruled out).
    depth : int
        How many characters of each match's beginning are looked for.

    Notes
    -----
    A match begins where one of the pattern's prefixes of *depth* characters (or a shorter one where
    the pattern may end or widen) occurs, so a position where none occurs holds none; the pattern is
    matched at the others in order, from the end of the last match on, as ``finditer`` does (no match
    is empty: each begins with a prefix's characters). ``tests/test_scan.py`` holds both methods to the
    pattern's own on generated text.

    Examples
    --------
    >>> cue = Scan(re.compile(r"\\b(?:shell(?:ed|ing)|air\\s*strikes?)"))
    >>> [m.group(0) for m in cue.finditer("airstrikes and shelling, then air strikes")]
    ['airstrikes', 'shelling', 'air strikes']
    >>> cue.search("no shelling here", 0, 8) is None, cue.search("no shelling here").span()
    (True, (3, 11))
    """

    __slots__ = ("_automaton", "_sort", "pattern")

    def __init__(self, pattern: re.Pattern[str], *, depth: int = GUARD_DEPTH) -> None:
        self.pattern = pattern
        prefixes = None if pattern.flags & re.IGNORECASE else match_prefixes(pattern, depth)
        self._automaton: ahocorasick.Automaton | None = None
        self._sort = False
        if prefixes:
            automaton = ahocorasick.Automaton()
            for p in prefixes:
                automaton.add_word(p, len(p) - 1)  # (found at its last character: it begins this many before)
            automaton.make_automaton()
            self._automaton = automaton
            self._sort = len({len(p) for p in prefixes}) > 1  # found by where they end: by start only if one length

    def starts(self, text: str, pos: int = 0, endpos: int = maxsize) -> list[int]:
        """Where in ``text[pos:endpos]`` a match can begin, in order (every position, when any may)."""
        pos, endpos = max(pos, 0), min(endpos, len(text))
        if self._automaton is None:
            return list(range(pos, endpos))
        found = [end - back for end, back in self._automaton.iter(text, pos, endpos)]
        return sorted(set(found)) if self._sort else found

    def finditer(self, text: str, pos: int = 0, endpos: int = maxsize) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, pos, endpos)``."""
        if self._automaton is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        match = self.pattern.match
        for start in self.starts(text, pos, endpos):
            if start >= pos:
                m = match(text, start, endpos)
                if m is not None:
                    yield m
                    pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int = maxsize) -> re.Match[str] | None:
        """The match of ``pattern.search(text, pos, endpos)``."""
        if self._automaton is None:
            return self.pattern.search(text, pos, endpos)
        match = self.pattern.match
        if self._sort:
            for start in self.starts(text, pos, endpos):
                m = match(text, start, endpos)
                if m is not None:
                    return m
            return None
        for end, back in self._automaton.iter(text, max(pos, 0), min(endpos, len(text))):
            m = match(text, end - back, endpos)
            if m is not None:
                return m
        return None
