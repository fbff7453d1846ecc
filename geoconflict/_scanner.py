"""Aho-Corasick scanning of a text for gazetteer names (used by ``Gazetteer.scan``).

The automaton (pyahocorasick, ``STORE_LENGTH``) holds every Latin and Cyrillic
spelling of ``geoconflict/data/scan_names.txt.gz``, lower-cased and without
accents.  It is built once per process, on the first scan (about 2 s and
250 MB for 662k spellings); saving it to disk was tried and is slower to load
than to build.

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> Gazetteer.default().scan("Зеленский посетил Харьков.")
[(18, 25, 'Харьков')]
"""

from __future__ import annotations

from collections.abc import Callable

import ahocorasick

from .normalize import scan_fold

__all__ = ["STOPWORDS", "find_names", "load_automaton"]

#: Capitalised English words that are also the names of some small place;
#: never reported as place names on their own.
STOPWORDS = frozenset("""
the a an and or but of in on at by for from to with as is it its this that these those he she they we you
his her their our my your i me him them us was were be been are has have had will would can could may might
must shall should do does did not no yes all any some each every both many more most other such only own
same so than too very just also there here when where which who whom whose what why how after before
during since until while about above below over under again further then once new old mr mrs ms dr sir
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december today president minister government army forces ministry news said
says according however meanwhile north south east west central union city town village region district
street road river lake mount saint san santa university police court state national international
""".split())


def build_automaton(names: list[str]) -> ahocorasick.Automaton:
    """An automaton over *names* (already :func:`scan_fold`-ed)."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for name in names:
        if name and name not in STOPWORDS:
            automaton.add_word(name)
    automaton.make_automaton()
    return automaton


def load_automaton(names: Callable[[], list[str]]) -> ahocorasick.Automaton:
    """Build the automaton from ``names()``.

    It is not cached on disk: a saved automaton of these names is ~170 MB and
    loads more slowly (about 2.4 s) than it builds (about 2 s).
    """
    return build_automaton(names())


def find_names(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, int, str]]:
    """Whole-word, capitalised, longest non-overlapping matches in *text*."""
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
