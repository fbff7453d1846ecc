"""Toponyms: the spans of a report that may name a place, and why some do not.

:func:`find_spans` takes every spelling of a known place the gazetteer's scan
finds, and the members of descriptor lists ("Korenevsky, Sudzhansky, and
Belovsky districts"). :func:`reject_reason` says why a span names no place
here: an armed group or a demonym, a word inside a longer capitalised name
("Volodymyr Zelensky", "Washington Post"), an outlet ("Baltic news agency"),
an organisation's "of" ("Ministry of Defense"), a river, a person's surname.
The words these rules read are in :mod:`geoconflict.lang.en`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from geoconflict.extraction.actors import DEMONYM_WORDS
from geoconflict.extraction.spans import Intervals, Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.scanner import STOPWORDS
from geoconflict.lang import en
from geoconflict.text.normalize import case_fold, fold

__all__ = ["common_word", "find_spans", "has_evidence", "reject_reason"]

#: A capitalised word (Latin or Cyrillic) right before a space that ends the searched text (group 1).
_LEFT_WORD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w'’.-]*) $")
#: A space, then a capitalised word (group 1).
_RIGHT_WORD = re.compile(r" ([A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w'’-]*)")
#: A capitalised name as a descriptor list holds it.
_NAME = r"[A-Z][\w'’-]+"
_LIST = re.compile(
    rf"(?P<items>{_NAME}(?:\s*,\s*(?:(?:{en.LIST_JOINERS})\s+)?{_NAME}){{0,12}}"
    rf"(?:\s*,?\s+(?:{en.LIST_JOINERS})\s+{_NAME}))"
    r"\s+(?P<desc>" + "|".join(en.LIST_DESCRIPTORS) + r")\b"
)
_LIST_ITEM = re.compile(_NAME)
_SINGLE_DESC = re.compile(rf"(?P<item>{_NAME})\s+(?P<desc>{'|'.join(en.SINGLE_DESCRIPTORS)})\b")
#: Every _LIST and _SINGLE_DESC match holds a descriptor word after a white-space character.
_ANY_DESC = re.compile(r"\s(?:" + "|".join((*en.LIST_DESCRIPTORS, *en.SINGLE_DESCRIPTORS)) + r")\b")
#: Every _ANY_DESC match holds one of these: its descriptor words, less those that hold another one.
_DESC_ALL = {*en.LIST_DESCRIPTORS, *en.SINGLE_DESCRIPTORS}
_DESC_WORDS = tuple(sorted(w for w in _DESC_ALL if not any(v != w and v in w for v in _DESC_ALL)))

_CONNECTORS = en.NAME_CONNECTORS | en.ROLE_WORDS | DEMONYM_WORDS
#: How far back from a span its context is read: longer than any phrase of en.ORG_BEFORE or en.RIVER_BEFORE.
CONTEXT_WINDOW = 40
#: How far back a river's context is matched ("the banks of the").
_RIVER_WINDOW = 20
#: The last letters, in either case, of the words en.RIVER_BEFORE ends with before its white space.
_RIVER_LAST_LETTERS = frozenset(c for w in en.RIVER_BEFORE_ENDS for c in (w[-1], w[-1].upper()))
_RIVER_LONGEST_END = max(map(len, en.RIVER_BEFORE_ENDS))
_HYPHENS = "-‐"
#: Cache size of :func:`_connector` and :func:`common_word`: the distinct capitalised words of a large batch.
_CONNECTOR_CACHE = 1 << 16
#: How far before a name its locative preposition is looked for.
_LOCATIVE_WINDOW = 24
#: The words of a name, split at spaces and hyphens.
_NAME_WORDS = re.compile(r"[^\s\-‐]+")


@lru_cache(maxsize=_CONNECTOR_CACHE)
def _connector(word: str) -> bool:
    """Whether *word* may sit next to a place name in a capitalised run without making it another name."""
    bare = word.rstrip(".").removesuffix(en.POSSESSIVE_ENDINGS[0]).removesuffix(en.POSSESSIVE_ENDINGS[1])
    return (bare in _CONNECTORS or bare.lower() in STOPWORDS or bare.lower() in en.SENTENCE_ADVERBS
            or bare.isupper() and len(bare) <= 1)


@lru_cache(maxsize=_CONNECTOR_CACHE)
def common_word(name: str) -> bool:
    """Whether every word of *name* is a frequent English word, by the ``wordfreq`` list (case-folded).

    Such a name ("Church", "Tank", "Division", "Airport") names a place only with evidence.

    Examples
    --------
    >>> common_word("Church"), common_word("Tank Division"), common_word("Pokrovsk")
    (True, True, False)
    """
    from wordfreq import zipf_frequency  # its word list loads on first use, not when extraction is imported

    words = _NAME_WORDS.findall(name)
    return bool(words) and all(zipf_frequency(w, en.WORDFREQ_LANGUAGE) >= en.COMMON_WORD_ZIPF for w in words)


def has_evidence(text: str, span: Span) -> bool:
    """Whether the words around *span* say it is a place: a locative preposition before it, a unit's word after it.

    Examples
    --------
    >>> text = "Fighting near Tank; the 90th Tank Division moved."
    >>> has_evidence(text, Span(14, 18, "Tank", "")), has_evidence(text, Span(29, 33, "Tank", ""))
    (True, False)
    """
    if span.descriptor is not None or en.PLACE_WORD_AFTER.match(text, span.end):
        return True
    return en.LOCATIVE_BEFORE.search(text, max(0, span.start - _LOCATIVE_WINDOW), span.start) is not None


def find_spans(gaz: Gazetteer, text: str, regions: list[tuple[int, int]]) -> list[Span]:
    """The spans of ``text`` that may name a place, in the *regions* (start, end) of it, by start.

    Every name the gazetteer's scan finds, and the names of descriptor lists ("Korenevsky, Sudzhansky,
    and Belovsky districts") and of single descriptors ("Sudzhansky district"), which replace the
    scanned spans they overlap.
    """
    spans: list[Span] = []
    for lo, hi in regions:
        chunk = text[lo:hi]
        for s, e, surface in gaz.scan(chunk):
            spans.append(Span(lo + s, lo + e, surface, "gazetteer name"))
        listed = _listed_spans(chunk, lo)
        if listed:
            taken = Intervals((x.start, x.end) for x in listed)
            spans = [x for x in spans if not taken.overlaps(x.start, x.end)] + listed
    spans.sort(key=attrgetter("start"))
    return spans


def _listed_spans(chunk: str, lo: int) -> list[Span]:
    """The names of *chunk* (at offset *lo* of the text) before a list's or a single descriptor."""
    listed: list[Span] = []
    # then neither _LIST nor _SINGLE_DESC can match (the substrings are a quicker first test)
    if not any(w in chunk for w in _DESC_WORDS) or not _ANY_DESC.search(chunk):
        return listed
    for m in _LIST.finditer(chunk):
        desc = en.LIST_DESCRIPTORS[m.group("desc")]
        for item in _LIST_ITEM.finditer(m.group("items")):
            s = lo + m.start("items") + item.start()
            listed.append(Span(s, s + len(item.group(0)), item.group(0),
                               f"listed before '{m.group('desc')}'", descriptor=desc))
    in_lists = Intervals((x.start, x.end) for x in listed)
    for m in _SINGLE_DESC.finditer(chunk):  # in text order, so no earlier one of these holds s
        s = lo + m.start("item")
        if not in_lists.covers(s):
            listed.append(Span(s, s + len(m.group("item")), m.group("item"),
                               f"named before '{m.group('desc')}'", descriptor=m.group("desc")))
    return listed


def reject_reason(text: str, span: Span, spans_at: set[int], surnames: set[str]) -> str | None:
    """Why *span* is not a place here, or None.

    Parameters
    ----------
    text : str
        The report's text.
    span : Span
        A span :func:`find_spans` found.
    spans_at : set of int
        Where spans start: a neighbouring capitalised word that is itself a span is a place too.
    surnames : set of str
        The folded surnames of the people the report names.
    """
    word = span.surface
    if word in en.GROUPS:
        return f"names an armed group ({word!r})"
    if word in en.DEMONYMS:
        return f"a demonym names an actor, not a place ({word!r})"
    return _context_reason(text, span, surnames) or _run_reason(text, span, spans_at)


def _context_reason(text: str, span: Span, surnames: set[str]) -> str | None:
    """Why the words around *span* make it no place (a hyphenated name, a surname, a river, an outlet, an org)."""
    s, e, word = span.start, span.end, span.surface
    if s >= 2 and text[s - 1] in _HYPHENS and text[s - 2].isalnum():
        return "part of a hyphenated name"
    if surnames and fold(word) in surnames:
        return f"surname of a person named in the report ({word!r})"
    before = text[max(0, s - CONTEXT_WINDOW):s].rstrip()  # RIVER_BEFORE and ORG_BEFORE end with a word, then space
    # (case_fold keeps the last character's place, and the last letters of those words fold to themselves)
    if before[-1:] in _RIVER_LAST_LETTERS and case_fold(before[-_RIVER_LONGEST_END:]).endswith(
            en.RIVER_BEFORE_ENDS) and en.RIVER_BEFORE.search(text[max(0, s - _RIVER_WINDOW):s]):
        return "a river here ('… the X')"
    outlet = en.OUTLET_AFTER.match(text, e)
    if outlet:
        return f"names an outlet ('{word} {outlet.group(0).strip()}')"
    org = en.ORG_BEFORE.search(text, max(0, s - CONTEXT_WINDOW), s) if before.endswith(en.ORG_BEFORE_ENDS) else None
    if org:
        return f"part of an organisation's name ('{org.group(0).strip()} {word}')"
    return None


def _run_reason(text: str, span: Span, spans_at: set[int]) -> str | None:
    """Why *span* is a word of a longer capitalised name (an organisation's or another name), or None.

    Parameters
    ----------
    text : str
        The report's text.
    span : Span
        The span.
    spans_at : set of int
        Where spans start: a neighbouring word that is itself a span does not make a longer name.

    Returns
    -------
    str or None
        "part of an organisation's name (…)" for an organisation word right after it, "part of the
        name …" when a neighbouring capitalised word is neither a span nor a connector.
    """
    s, e, word = span.start, span.end, span.surface
    run_left = _run_left(text, s)
    run_right = [] if text.startswith(en.POSSESSIVE_ENDINGS, e) else _run_right(text, e)
    others = []
    pos = s
    for w in reversed(run_left):
        pos -= len(w) + 1
        if pos not in spans_at and not _connector(w):
            others.append(w)
    if run_right:
        first = run_right[0]
        if first in en.ORG_AFTER:
            return f"part of an organisation's name ('{word} {first}')"
        pos = e + 1
        for w in run_right:
            if pos not in spans_at and not _connector(w):
                others.append(w)
            pos += len(w) + 1
    if others:
        name = " ".join([*run_left, word, *run_right])
        return f"part of the name {name!r}"
    return None


def _run_left(text: str, s: int) -> list[str]:
    """The capitalised words, each followed by one space, that run up to *s* (in text order)."""
    run: list[str] = []
    pos = s
    while pos and text[pos - 1] == " ":  # else no word then one space ends at pos
        # the word holds no space: it starts after the last space before that one, if any is in the window
        lo = max(0, pos - CONTEXT_WINDOW)
        m = _LEFT_WORD.search(text, max(lo, text.rfind(" ", lo, pos - 1) + 1), pos)
        if not m or m.end() != pos:
            break
        run.insert(0, m.group(1))
        pos = m.start(1)
    return run


def _run_right(text: str, e: int) -> list[str]:
    """The capitalised words, each after one space, that run on from *e*."""
    run: list[str] = []
    m = _RIGHT_WORD.match(text, e)
    while m:
        run.append(m.group(1))
        m = _RIGHT_WORD.match(text, m.end())
    return run
