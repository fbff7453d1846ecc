"""Aho-Corasick scanning of a text for gazetteer names (used by ``Gazetteer.scan``).

The automaton (pyahocorasick, ``STORE_LENGTH``) holds every Latin and Cyrillic
spelling of ``geoconflict/data/scan_names.txt.gz``, lower-cased and without
accents.  It is built once per process, on the first scan (about 2 s and
250 MB for 662k spellings); saving it to disk was tried and is slower to load
than to build.

:func:`find_names` does not run the automaton over the whole text (most raw
matches are pieces of words, then rejected): a name is only reported where a
capitalised word starts, so it visits those places (a regular expression over
the ASCII bytes of the text finds them) and looks up in a memo, per distinct
word, whether that word is a name and whether any name goes on past it
(``Nova`` in ``Nova Kakhovka``); only then, per distinct word pair (then
triple, ...), and for words with non-ASCII letters, does it walk the trie.
The result is that of :func:`find_names_reference`, which filters every
Aho-Corasick match, at about a fifth of the cost once the memo is warm
(the memo holds at most 2 x 262,144 entries).

Examples
--------
>>> from geoconflict.gazetteer.index import Gazetteer
>>> Gazetteer.default().scan("Зеленский посетил Харьков.")
[(18, 25, 'Харьков')]
"""

from __future__ import annotations

import re
from collections.abc import Callable

import ahocorasick

from geoconflict.lang.en import MONTHS, WEEKDAYS
from geoconflict.text.normalize import scan_fold

__all__ = ["STOPWORDS", "find_names", "find_names_reference", "load_automaton"]

#: Capitalised English words that are also the names of some small place (the months and
#: weekdays too); never reported as place names on their own.
STOPWORDS = frozenset("""
the a an and or but of in on at by for from to with as is it its this that these those he she they we you
his her their our my your i me him them us was were be been are has have had will would can could may might
must shall should do does did not no yes all any some each every both many more most other such only own
same so than too very just also there here when where which who whom whose what why how after before
during since until while about above below over under again further then once new old mr mrs ms dr sir
today president minister government army forces ministry news said
says according however meanwhile north south east west central union city town village region district
street road river lake mount saint san santa university police court state national international
""".split()) | {word.lower() for word in (*MONTHS, *WEEKDAYS)}


def build_automaton(names: list[str]) -> ahocorasick.Automaton:
    """An automaton over *names* (already :func:`scan_fold`-ed)."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for name in names:
        if name and name not in STOPWORDS:
            automaton.add_word(name)
    automaton.make_automaton()
    _state(automaton, names)
    return automaton


def load_automaton(names: Callable[[], list[str]]) -> ahocorasick.Automaton:
    """Build the automaton from ``names()``.

    It is not cached on disk: a saved automaton of these names is ~170 MB and
    loads more slowly (about 2.4 s) than it builds (about 2 s).
    """
    return build_automaton(names())


class _FoldIsAlnum(dict):
    """Character -> whether its :func:`scan_fold` is alphanumeric, filled on first use."""

    __slots__ = ()

    def __missing__(self, c: str) -> bool:
        alnum = self[c] = scan_fold(c).isalnum()
        return alnum


_FOLD_ALNUM = _FoldIsAlnum()
# a capitalised ASCII word (the whole run of ASCII letters and digits) not preceded by one; group 1:
# what follows it up to the end of the next word (written so, the look-behind is only tried at capitals)
_ASCII_WORD = re.compile(rb"[A-Z](?<![A-Za-z0-9][A-Z])[A-Za-z0-9]*(?=([^A-Za-z0-9]*[A-Za-z0-9]*))")
# what follows a word: other characters, then the next word
_NEXT_WORD = re.compile(rb"[^A-Za-z0-9]*[A-Za-z0-9]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_QUESTION = ord("?")  # what str.encode("ascii", "replace") puts for a non-ASCII character
_MEMO_SIZE = 1 << 18


class _State:
    """What :func:`find_names` keeps about one automaton.

    ``words`` maps a capitalised word (ASCII as bytes, else str) to the length
    of the name it is (0: none), or, when some name goes on past it, to
    ``-1 - length``; ``pairs`` maps such an ASCII word with what follows it,
    up to the end of the next word (or the one after, ...), to the length of
    the longest name there, or to -1 when some name goes on past that too.
    Both are filled as words are met.
    """

    __slots__ = ("automaton", "pairs", "separators", "stand_ins", "window", "words")

    def __init__(self, automaton: ahocorasick.Automaton, names: list[str] | None) -> None:
        self.automaton = automaton
        if names is None:
            names = automaton.keys()
        # every non-alphanumeric character of a name: past a word, a name can only go on with one of these
        self.separators = tuple(sorted(c for c in set("".join(names)) if not c.isalnum()))
        # longer than any name, so that a name never reaches the end of a window that is not the end of the text
        self.window = automaton.get_stats()["longest_word"] + 1
        self.words: dict[bytes | str, int] = {}
        self.pairs: dict[bytes, int] = {}
        self.stand_ins: dict[str, int] = {}

    def stand_in(self, c: str) -> int:
        """The ASCII byte that may stand for the non-ASCII character *c* in the scan, or -1 if none.

        A character that is no letter or digit once folded, and not upper case,
        can be written as its :func:`scan_fold` when that is ASCII (curly
        quotes fold to "'"), else as NUL when no name holds its fold (NUL is in
        no name either): the scan finds the same names.
        """
        byte = self.stand_ins.get(c)
        if byte is None:
            if len(self.stand_ins) >= _MEMO_SIZE:
                self.stand_ins.clear()
            low = scan_fold(c)
            if _FOLD_ALNUM[c] or c.isupper():
                byte = -1
            elif low.isascii():
                byte = ord(low)
            else:
                byte = -1 if low in self.separators else 0
            self.stand_ins[c] = byte
        return byte

    def _goes_on(self, low: str) -> bool:
        """Whether some name starts with *low* and a separator."""
        match = self.automaton.match
        return match(low) and any(match(low + c) for c in self.separators)

    def word(self, word: bytes | str) -> int:
        """Compute, store and return the ``words`` entry of *word*."""
        if len(self.words) >= _MEMO_SIZE:
            self.words.clear()
        low = word.decode("ascii").lower() if isinstance(word, bytes) else scan_fold(word)
        entry = len(low) if low in self.automaton else 0
        if self._goes_on(low):
            entry = -1 - entry
        self.words[word] = entry
        return entry

    def pair(self, pair: bytes, word_length: int, word_entry: int) -> int:
        """Compute, store and return the ``pairs`` entry of *pair*, whose first word has that length and entry.

        (Past the first word, ``word_length`` 0 and ``word_entry`` -1.)
        """
        if len(self.pairs) >= _MEMO_SIZE:
            self.pairs.clear()
        low = scan_fold(pair.decode("ascii"))
        depth = self.automaton.longest_prefix(low)
        if depth <= word_length:  # no name goes on past the word here
            entry = -1 - word_entry
        elif depth < len(low) or not self._goes_on(low):
            entry = _longest(self.automaton, low)
        else:
            entry = -1
        self.pairs[pair] = entry
        return entry

    def past_word(self, text: str, raw: bytes, start: int, end: int, word_length: int, word_entry: int) -> int:
        """Length of the name at *start* whose first word has that length and (negative) ``words`` entry.

        *end* is where the next word ends in *raw* (the ASCII bytes of *text*,
        "?" for the rest).  The ``pairs`` memo is looked up with one more word
        each time a name may go on past those, while the text is plain ASCII.
        """
        pairs = self.pairs
        n = len(raw)
        while True:
            pair = raw[start:end]
            if _QUESTION in pair or end < n and raw[end] == _QUESTION or end - start >= self.window:
                return self.longest_at(text, start)  # maybe a non-ASCII letter
            entry = pairs.get(pair)
            if entry is None:
                entry = self.pair(pair, word_length, word_entry)
            if entry >= 0:
                return entry
            if end == n:
                return self.longest_at(text, start)
            word_length, word_entry = 0, -1
            next_word = _NEXT_WORD.match(raw, end)
            assert next_word is not None  # the pattern matches the empty string
            end = next_word.end()

    def longest_at(self, text: str, start: int) -> int:
        """Length of the longest name in *text* at *start* that ends where a word does (0: none)."""
        return _longest(self.automaton, scan_fold(text[start:start + self.window]))


_STATES: dict[int, _State] = {}


def _state(automaton: ahocorasick.Automaton, names: list[str] | None = None) -> _State:
    state = _STATES.get(id(automaton))
    if state is None or state.automaton is not automaton:
        state = _STATES[id(automaton)] = _State(automaton, names)
    return state


def _longest(automaton: ahocorasick.Automaton, low: str) -> int:
    """Length of the longest name that starts *low* and is not followed by a letter or digit of *low* (0: none)."""
    n = len(low)
    for j in range(automaton.longest_prefix(low), 0, -1):
        if j < n and low[j].isalnum():
            continue
        if low[:j] in automaton:
            return j
    return 0


def find_names(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int, str]]:
    """Whole-word, capitalised, longest non-overlapping matches in *text*.

    A match is a name of the automaton found in ``scan_fold(text)`` that starts
    with an upper-case character of *text*, is not preceded or followed by a
    letter or digit (after folding), and is the longest such match at its
    start; matches are taken from left to right, each after the previous one.
    :func:`find_names_reference` is the plain statement of this.

    Parameters
    ----------
    automaton : ahocorasick.Automaton
        From :func:`build_automaton` (any other automaton of folded names works
        too, after a first look at its keys).
    text : str
        Any text.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, text[start:end])`` in text order.

    Examples
    --------
    >>> a = build_automaton(["kursk", "kursk oblast", "oblast", "orel"])
    >>> find_names(a, "Kursk Oblast, Kursk's, Kurskaya, orel and OREL.")
    [(0, 12, 'Kursk Oblast'), (14, 19, 'Kursk'), (42, 46, 'OREL')]
    """
    state = _state(automaton)
    raw = text.encode("ascii", "replace")
    if text.isascii():
        return _find_ascii(state, text, raw)
    # most often the non-ASCII characters are quotes and dashes: then ASCII ones stand for them
    ascii_raw = bytearray(raw)
    stand_in = state.stand_in
    for m in _NON_ASCII.finditer(text):
        byte = stand_in(m[0])
        if byte < 0:
            break
        ascii_raw[m.start()] = byte
    else:
        return _find_ascii(state, text, bytes(ascii_raw))
    fold_alnum = _FOLD_ALNUM
    # upper-case non-ASCII characters that start a word: written "A" in the bytes searched
    starts = [p for m in _NON_ASCII.finditer(text)
              if text[p := m.start()].isupper() and not (p and fold_alnum[text[p - 1]])]
    if not starts:
        return _find_mixed(state, text, raw, raw)
    if not all(fold_alnum[text[p]] for p in starts):
        return find_names_reference(automaton, text)  # e.g. a circled letter: upper case, but not a letter
    marked = bytearray(raw)
    for p in starts:
        marked[p] = ord("A")
    return _find_mixed(state, text, raw, bytes(marked))


def _find_ascii(state: _State, text: str, raw: bytes) -> list[tuple[int, int, str]]:
    """:func:`find_names` in a text whose ASCII bytes *raw* stand for it (non-ASCII characters stood in for)."""
    word_entry, pair_entry = state.words.get, state.pairs.get
    out = []
    last_end = 0
    for m in _ASCII_WORD.finditer(raw):
        length = word_entry(m[0])
        if length == 0:
            continue
        s = m.start()
        if s < last_end:
            continue
        if length is None:
            length = state.word(m[0])
        if length < 0:
            entry = pair_entry(raw[s:m.end(1)])
            if entry is not None and entry >= 0:
                length = entry
            else:
                length = state.past_word(text, raw, s, m.end(1), m.end() - s, length)
        if length:
            last_end = s + length
            out.append((s, last_end, text[s:last_end]))
    return out


def _find_mixed(state: _State, text: str, raw: bytes, marked: bytes) -> list[tuple[int, int, str]]:
    """:func:`find_names` in a non-ASCII *text*, ``raw`` its ASCII encoding with "?" for the rest.

    Where "?" stands for a letter or digit, the memo is not used.
    """
    fold_alnum = _FOLD_ALNUM
    words = state.words
    n = len(text)
    out = []
    last_end = 0
    for m in _ASCII_WORD.finditer(marked):
        s, e = m.span()
        if s < last_end:
            continue
        if s and raw[s - 1] == _QUESTION and fold_alnum[text[s - 1]]:
            continue  # a non-ASCII letter or digit before
        length: int | None
        if raw[s] == _QUESTION or e < n and raw[e] == _QUESTION and fold_alnum[text[e]]:
            length = _non_ascii_word_name(state, text, s, e)
        else:
            word = m[0]
            length = words.get(word)
            if length is None:
                length = state.word(word)
            if length < 0:
                length = state.past_word(text, raw, s, m.end(1), e - s, length)
        if length:
            last_end = s + length
            out.append((s, last_end, text[s:last_end]))
    return out


def _non_ascii_word_name(state: _State, text: str, start: int, end: int) -> int:
    """Length of the name at *start* of a word with non-ASCII letters, its ASCII part ending at *end* (0: none).

    The word is looked up in the memo as ``str``.
    """
    fold_alnum = _FOLD_ALNUM
    n = len(text)
    while end < n and fold_alnum[text[end]]:
        end += 1
    word = text[start:end]
    length = state.words.get(word)
    if length is None:
        length = state.word(word)
    if length < 0:
        length = state.longest_at(text, start)
    return length


def find_names_reference(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int, str]]:
    """:func:`find_names` done plainly: every Aho-Corasick match of the folded text, filtered (slow)."""
    low = scan_fold(text)
    n = len(low)
    found = []
    for end, length in automaton.iter(low):
        start = end - length + 1
        first = text[start]
        if not first.isupper():
            continue
        if start > 0 and (low[start - 1].isalnum()):
            continue
        if end + 1 < n and (low[end + 1].isalnum()):
            continue
        found.append((start, end + 1))
    found.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    out = []
    last_end = -1
    for start, end in found:
        if start >= last_end:
            out.append((start, end, text[start:end]))
            last_end = end
    return out
