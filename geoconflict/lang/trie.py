"""Regex builders shared by every language module: long lists of literal words, and a guard for long patterns.

:func:`literal_trie` writes an alternation of words as a trie, so that ``re``
rules a position out in a step or two instead of trying every word.
:func:`guarded` puts such a trie of the first characters any match can begin
with in front of a long pattern (an alternation of event cues), so that ``re``
rules out most positions before trying the pattern's alternatives there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["GUARD_DEPTH", "guarded", "literal_trie", "match_prefixes", "with_tries"]

#: :func:`guarded` looks this many characters ahead (three rules out most word starts of a cue pattern)
GUARD_DEPTH = 3
#: at most this many prefixes per guard: past that, fewer characters are looked ahead
GUARD_MAX_PREFIXES = 2_000
#: a character class of at most this many characters is written out in prefixes (a wider one: any character)
_CLASS_MAX = 64

#: A node of the trie: its next characters, each with the node it leads to; the key "" ends a word.
_Node = dict[str, "_Node"]


def literal_trie(words: Iterable[str], *, any_space: bool = False) -> str:
    r"""A regex for any of *words* (literal), shared beginnings written once.

    It tries the words in the order their alternation sorted longest first
    does: the words that can match at one position all begin one another,
    and each continuation is optional and greedy. But ``re`` rules a position
    out in a step or two instead of trying every word. With *any_space*, a
    space stands for ``\s+``.

    Parameters
    ----------
    words : iterable of str
        The words, in any order.
    any_space : bool
        Whether a space in a word stands for any white space.

    Returns
    -------
    str
        A non-capturing group.

    Examples
    --------
    >>> literal_trie(["Col", "Colonel", "Capt"])
    '(?:C(?:ol(?:onel)?|apt))'
    >>> literal_trie(["the day", "today"], any_space=True)
    '(?:t(?:he\\s+day|oday))'
    """
    def piece(c: str) -> str:
        return r"\s+" if any_space and c == " " else re.escape(c)

    tree: _Node = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: _Node) -> str:
        alternatives = []
        for c, child in node.items():
            if c:
                chain = piece(c)
                while len(child) == 1 and "" not in child:  # a run of single characters: one literal
                    (c, child), = child.items()
                    chain += piece(c)
                alternatives.append(chain + branch(child))
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + branch(tree) + ")"


def match_prefixes(pattern: re.Pattern[str], depth: int = GUARD_DEPTH) -> frozenset[str] | None:
    r"""The strings of *depth* characters every match of *pattern* begins with, or None if any may begin it.

    Read from the parsed pattern: literals and small character classes are
    followed through groups, alternatives and repeats; zero-width items
    (``\b``, look-arounds) are passed over, which only lets more through. A
    prefix shorter than *depth* stands for itself followed by anything (the
    pattern may end there, or what follows is wider than a small class).
    Letters are as written: a part that ignores case (``(?i:...)``) ends a
    prefix where it begins.

    Examples
    --------
    >>> sorted(match_prefixes(re.compile(r"\b(?:shell(?:ed|ing)|airstrikes?|[mn]ortar)"), 3))
    ['air', 'mor', 'nor', 'she']
    >>> match_prefixes(re.compile(r"\w+ed"), 3) is None
    True
    """
    found = _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags).data), depth)
    return None if "" in found else frozenset(found)


def _prefixes(items: Sequence[tuple[Any, Any]], depth: int) -> set[str]:
    """The first *depth* characters of what *items* (parsed regex items, in order) match: see :func:`match_prefixes`."""
    if depth == 0 or not items:
        return {""}
    op, arg = items[0]
    rest = items[1:]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width
        return _prefixes(rest, depth)
    if op is sre.SUBPATTERN:
        if arg[1] & re.IGNORECASE:  # a part that ignores case ends the prefix (letters as written only)
            return {""}
        return _prefixes([*arg[3].data, *rest], depth)
    if op is sre.BRANCH:
        return set().union(*(_prefixes([*alt.data, *rest], depth) for alt in arg[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, sub = arg
        once = _prefixes(list(sub.data), depth)  # what a first turn begins with (shorter: then anything)
        return once | _prefixes(rest, depth) if least == 0 else once
    chars = _characters(op, arg)
    if chars is None:
        return {""}
    after = _prefixes(rest, depth - 1)
    return {c + a for c in chars for a in after}


def _characters(op: Any, arg: Any) -> set[str] | None:
    """The characters one literal or small character class matches (None: too many, or not known)."""
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is not sre.IN:
        return None
    chars: set[str] = set()
    for kind, value in arg:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < _CLASS_MAX:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negation, a category (\w, \s), a wide range
            return None
    return chars


#: A group of plain lower-case words, ``(?:in|at|near)``, in a pattern's source (group 1: the words).
_WORD_GROUP = re.compile(r"\(\?:((?:[a-z]+\|)+[a-z]+)\)")


def with_tries(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""*pattern* with each group of plain lower-case words (``(?:in|at|near)``) written as a :func:`literal_trie`.

    Searched in a short window before a name, a case-insensitive alternation of some forty words is tried at
    every position; as a trie, most positions fail in a step or two (about 40 % less time for
    :data:`geoconflict.lang.en.LOCATIVE_BEFORE`). A match exists where the plain pattern's does; which word
    a group matches may differ only where the rest of the pattern would take a shorter or longer one alike
    (the trie tries the longest first): a pattern whose words end at a fixed point (``\s+$``) matches the same.
    ``tests/test_trie.py`` holds the patterns it is used for to their plain forms.

    Examples
    --------
    >>> fast = with_tries(re.compile(r"\b(?:in|into|near)\s+$", re.IGNORECASE))
    >>> "in(?:to)?" in fast.pattern, bool(fast.search("fighting INTO ")), bool(fast.search("fighting within "))
    (True, True, False)
    """
    return re.compile(_WORD_GROUP.sub(lambda m: f"(?:{literal_trie(m.group(1).split('|'))})", pattern.pattern),
                      pattern.flags)


def guarded(pattern: re.Pattern[str], depth: int = GUARD_DEPTH) -> re.Pattern[str]:
    r"""*pattern* behind a look-ahead of the strings its matches begin with: the same matches, found sooner.

    ``re`` tries a long alternation at every position of the text; the guard
    (a :func:`literal_trie` of :func:`match_prefixes`) rules most positions out
    in a step or two. The look-ahead adds no group, so match objects read the
    same (``group``, ``lastgroup``, ``span``). The guard is case-sensitive
    (``re`` checks a case-insensitive one slowly: no gain), so a pattern that
    ignores case as a whole, or whose matches may begin anyhow, is returned
    as it is; past :data:`GUARD_MAX_PREFIXES`
    prefixes, fewer characters are looked ahead. A pattern that begins with a
    literal ``re`` already skips to is better left unguarded: guard long
    alternations. ``tests/test_trie.py`` holds each guarded pattern's matches
    equal to its plain form's.

    Examples
    --------
    >>> plain = re.compile(r"\b(?:shell(?:ed|ing)|airstrikes?)\b")
    >>> guarded(plain).pattern.startswith("(?=(?:(?:air|she)))")
    True
    >>> [m.group(0) for m in guarded(plain).finditer("airstrikes and shelling")]
    ['airstrikes', 'shelling']
    """
    if pattern.flags & re.IGNORECASE:
        return pattern
    for n in range(depth, 0, -1):
        found = match_prefixes(pattern, n)
        if found is None:
            return pattern
        if len(found) <= GUARD_MAX_PREFIXES:
            try:
                return re.compile(f"(?={literal_trie(sorted(found))}){pattern.pattern}", pattern.flags)
            except re.error:  # global flags written at the pattern's start ("(?x)..."): they must stay first
                return pattern
    return pattern
