"""A regex builder for long lists of literal words, shared by every language module.

:func:`literal_trie` writes an alternation of words as a trie, so that ``re``
rules a position out in a step or two instead of trying every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["literal_trie"]

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
