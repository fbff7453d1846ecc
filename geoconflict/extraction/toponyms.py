"""Toponyms: the spans of a report that may name a place, and why some do not.

:func:`find_spans` takes every spelling of a known place the gazetteer's scan
finds, and the members of descriptor lists ("Korenevsky, Sudzhansky, and
Belovsky districts"). :func:`reject_reason` says why a span names no place
here: an armed group or a demonym, a word inside a longer capitalised name
("Volodymyr Zelensky", "Washington Post"), an outlet ("Baltic news agency"), a city's part ("the Terra
Nova neighborhood": inside the city the report names, not a namesake town),
an organisation's "of" ("Ministry of Defense"), a river, a person's surname.
The words these rules read are in :mod:`geoconflict.lang.en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import ClassVar

from geoconflict.errors import GeoconflictError
from geoconflict.extraction.actors import DEMONYM_WORDS, group_named_as_place
from geoconflict.extraction.spans import APPROXIMATE, Intervals, Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.scanner import STOPWORDS
from geoconflict.lang import en
from geoconflict.lang.trie import with_tries
from geoconflict.text.normalize import case_fold, is_word_char

__all__ = ["CapitalRuns", "RuleWords", "common_word", "find_spans", "has_evidence", "named_site", "reject_reason",
           "whole_name"]

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
#: How the reason of a name of a descriptor list ("Korenevsky, Sudzhansky, and Belovsky districts") starts.
_LISTED_PREFIX = "listed before "
_SINGLE_DESC = re.compile(rf"(?P<item>{_NAME})\s+(?P<desc>{'|'.join(en.SINGLE_DESCRIPTORS)})\b")
#: Every _LIST and _SINGLE_DESC match holds a descriptor word after a white-space character, which ``finditer`` of
#: this finds (group 1: the word; a list's plural, tried first, where one is: "districts", not "district").
_ANY_DESC = re.compile(r"\s(" + "|".join((*en.LIST_DESCRIPTORS, *en.SINGLE_DESCRIPTORS)) + r")\b")
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
#: :data:`~geoconflict.lang.en.LOCATIVE_BEFORE` with its words as tries: the same matches, found sooner.
LOCATIVE_BEFORE = with_tries(en.LOCATIVE_BEFORE)
#: What every match of :data:`~geoconflict.lang.en.NEIGHBOURHOOD_AFTER`'s words holds in lower case (their letters
#: match no other character in either case, as "i" matches "ı" and "s" matches "ſ": those are left out).
_PART_AFTER_STEMS = ("ghbo", "ward", "quarter", "barr", "favela")
#: The words of a name, split at spaces and hyphens.
_NAME_WORDS = re.compile(r"[^\s\-‐]+")
#: How many words of a run, on each side of a span, a "part of the name …" reason quotes.
RUN_WORDS_SHOWN = 8
#: A word joined to its neighbours by hyphens ("Deir-ez-Zor"), and a word's letters.
_HYPHENATED = re.compile(r"[\w'’]+(?:[-‐][\w'’]+)+")
_WORD_CHARS = re.compile(r"[\w'’]")
#: A longer name a span is a word of is looked up when its run holds at most this many words.
WHOLE_NAME_WORDS = 3
#: How a gazetteer candidate that matched a name (not a fuzzy or partial match) says so.
_NAME_MATCH_REASONS = ("name ", "alternate name ")


@lru_cache(maxsize=_CONNECTOR_CACHE)
def _connector(word: str) -> bool:
    """Whether *word* may sit next to a place name in a capitalised run without making it another name."""
    bare = word.rstrip(".").removesuffix(en.POSSESSIVE_ENDINGS[0]).removesuffix(en.POSSESSIVE_ENDINGS[1])
    if word.isupper() and len(bare) > 1 and bare not in _CONNECTORS:  # an acronym ("IS Sahel"), not the word "is"
        return False
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
    s = span.start  # LOCATIVE_BEFORE ends with white space, so it can match only before white space
    return text[s - 1:s].isspace() and _locative_before(text, s)


def _locative_before(text: str, s: int) -> bool:
    """:func:`_locative_before_reference` read word by word: whether the last word before the white space that
    ends at *s* (*text* holds some there) is a locative word, or "of" after a bearing's word.

    A match of :data:`~geoconflict.lang.en.LOCATIVE_BEFORE` ends with white space up to *s* and starts at a word
    boundary, and its words are of letters, white space between them: so they are the whole runs of word
    characters before that white space, which ``case_fold`` and a set lookup read (the pattern's alternation,
    tried at each position of the window, costs some 2 µs a name). ``tests/test_extract_doc_fast.py`` holds
    the two equal.
    """
    words, bearings = _LOCATIVE_WORDS, _BEARING_WORDS
    if words is None or bearings is None:  # (the pattern is not of the shape read here)
        return _locative_before_reference(text, s)
    lo = max(0, s - _LOCATIVE_WINDOW)
    start, end = _last_word(text, lo, s)
    if start < 0:
        return False
    word = case_fold(text[start:end])
    if word in words:
        return True
    if word != _OF:
        return False
    start, end = _last_word(text, lo, start)
    return start >= 0 and case_fold(text[start:end]) in bearings


def _locative_before_reference(text: str, s: int) -> bool:
    """Whether :data:`LOCATIVE_BEFORE` matches in the window of ``text[:s]`` before a name starting at *s*."""
    return LOCATIVE_BEFORE.search(text, max(0, s - _LOCATIVE_WINDOW), s) is not None


def _last_word(text: str, lo: int, end: int) -> tuple[int, int]:
    """(start, end) of the run of word characters (``\\w``) that ends where the white space ending at *end* begins,
    when white space is there and the run starts at a word boundary at or after *lo*; else (-1, -1)."""
    k = end
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == end:
        return -1, -1
    j = k
    while j > lo and is_word_char(text[j - 1]):
        j -= 1
    if j == k or (j == lo and j > 0 and is_word_char(text[j - 1])):
        return -1, -1  # no word, or one that starts before the window (no boundary at its edge)
    return j, k


def _locative_words(pattern: str) -> tuple[frozenset[str], frozenset[str]] | tuple[None, None]:
    """The locative words and the bearing's words of :data:`~geoconflict.lang.en.LOCATIVE_BEFORE`'s *pattern*
    (``(?:\\b(?:in|at|…)|\\b(?:north|…)\\s+of)\\s+$``), or None when it is not of that shape."""
    m = _LOCATIVE_SHAPE.fullmatch(pattern)
    if m is None:
        return None, None
    return frozenset(m.group(1).split("|")), frozenset(m.group(2).split("|"))


_OF = "of"
_LOCATIVE_SHAPE = re.compile(r"\(\?:\\b\(\?:([a-z|]+)\)\|\\b\(\?:([a-z|]+)\)\\s\+of\)\\s\+\$")
_LOCATIVE_WORDS, _BEARING_WORDS = _locative_words(en.LOCATIVE_BEFORE.pattern)


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
        listed = [_whole_listed(gaz, text, x) for x in _listed_spans(chunk, lo)]
        if listed:
            taken = Intervals((x.start, x.end) for x in listed)
            spans = [x for x in spans if not taken.overlaps(x.start, x.end)] + listed
    spans.sort(key=attrgetter("start"))
    return spans


def _listed_spans(chunk: str, lo: int) -> list[Span]:
    """The names of *chunk* (at offset *lo* of the text) before a list's or a single descriptor.

    :func:`_listed_spans_reference`, each pattern searched only when the chunk holds a descriptor of its kind
    after white space (most hold neither: the substrings are a quicker first test; a single descriptor without
    a list's plural, "Pokrovsk district", is the most common of the rest). ``tests/test_extract_doc_fast.py``
    holds the two equal.
    """
    if not any(w in chunk for w in _DESC_WORDS):
        return []  # (then no _ANY_DESC match either)
    found = {m.group(1) for m in _ANY_DESC.finditer(chunk)}
    if not found:
        return []
    return _listed_in(chunk, lo, lists=not found.isdisjoint(en.LIST_DESCRIPTORS),
                      singles=not found.issubset(en.LIST_DESCRIPTORS))


def _listed_spans_reference(chunk: str, lo: int) -> list[Span]:
    """:func:`_listed_spans` done plainly: both patterns searched in every chunk."""
    return _listed_in(chunk, lo, lists=True, singles=True)


def _listed_in(chunk: str, lo: int, *, lists: bool, singles: bool) -> list[Span]:
    """The names of *chunk* (at offset *lo*) before a list's descriptor (searched when *lists*), then before a
    single descriptor outside the lists (searched when *singles*)."""
    listed: list[Span] = []
    for m in _LIST.finditer(chunk) if lists else ():
        desc = en.LIST_DESCRIPTORS[m.group("desc")]
        for item in _LIST_ITEM.finditer(m.group("items")):
            s = lo + m.start("items") + item.start()
            listed.append(Span(s, s + len(item.group(0)), item.group(0),
                               f"{_LISTED_PREFIX}'{m.group('desc')}'", descriptor=desc))
    if not singles:
        return listed
    in_lists = Intervals((x.start, x.end) for x in listed)
    for m in _SINGLE_DESC.finditer(chunk):  # in text order, so no earlier one of these holds s
        s = lo + m.start("item")
        if not in_lists.covers(s):
            listed.append(Span(s, s + len(m.group("item")), m.group("item"),
                               f"named before '{m.group('desc')}'", descriptor=m.group("desc")))
    return listed


def _whole_listed(gaz: Gazetteer, text: str, x: Span) -> Span:
    """A single descriptor's name with the capitalised words before it that the gazetteer knows it by.

    "Musa Khel district", "Tonj North county", "As Silw district": the name before a unit's word may be
    of several words, and its last word alone ("Khel", "North") is a far namesake or none. The longest
    run of up to ``WHOLE_NAME_WORDS`` capitalised words ending with *x* (not opening with a connector such
    as "In" or a demonym; an article, "As", may open it) that the gazetteer holds by name, with or without the descriptor, is the name;
    else *x* stays as found. A list's names (commas between them) are left as they are.
    """
    if x.reason.startswith(_LISTED_PREFIX):
        return x
    left = _run_left(text, x.start, limit=WHOLE_NAME_WORDS - 1)
    for k in range(len(left)):
        words = left[k:]
        if _connector(words[0]) and words[0].lower() not in en.NAME_ARTICLES:  # ("In", "Russian"; not "As")
            continue
        start = x.start - sum(len(w) + 1 for w in words)
        name = text[start:x.end]
        if _known_name(gaz, f"{name} {x.descriptor}") or _known_name(gaz, name):
            return Span(start, x.end, name, f"{x.reason}, with the words before it", descriptor=x.descriptor)
    return x


@dataclass(frozen=True)
class RuleWords:
    """Which of the words the rarer rules of :func:`reject_reason` need the text holds: a rule whose words the
    text lacks cannot match at any span, so it is not tried (each is a regex tried per span otherwise).

    Made once per text (:meth:`of`); :data:`ALL` says every word is there (the plain form: every rule tried).
    ``tests/test_extract_fast_checks.py`` holds the two forms to the same reasons.

    Examples
    --------
    >>> RuleWords.of("Shelling hit the Colonia Obrera ward of Tijuana.")
    RuleWords(named_after=False, part_opening=True, part_after=True)
    """

    #: A word of :data:`~geoconflict.lang.en.NAMED_AFTER_WORDS` ("imeni").
    named_after: bool
    #: A core of :data:`~geoconflict.lang.en.NEIGHBOURHOOD_WORDS` ("olonia": "Colonia" or "colonia").
    part_opening: bool
    #: A stem of the words of :data:`~geoconflict.lang.en.NEIGHBOURHOOD_AFTER` ("ward", "quarter"), in any case.
    part_after: bool
    #: Every word there: every rule tried.
    ALL: ClassVar[RuleWords]

    @classmethod
    def of(cls, text: str) -> RuleWords:
        """The words *text* holds."""
        lowered = text.lower()
        return cls(any(w in text for w in en.NAMED_AFTER_WORDS), any(w in text for w in en.NEIGHBOURHOOD_CORES),
                   any(w in lowered for w in _PART_AFTER_STEMS))


RuleWords.ALL = RuleWords(True, True, True)


def reject_reason(text: str, span: Span, runs: CapitalRuns, surnames: set[str], *,
                  words: RuleWords | None = None) -> str | None:
    """Why *span* is not a place here, or None.

    Parameters
    ----------
    text : str
        The report's text.
    span : Span
        A span :func:`find_spans` found.
    runs : CapitalRuns
        The text's runs of capitalised words, made once for all its spans (``CapitalRuns(text, spans_at)``,
        *spans_at* where spans start: a neighbouring capitalised word that is itself a span is a place too).
    surnames : set of str
        The folded surnames of the people the report names.
    words : RuleWords, optional
        ``RuleWords.of(text)``, made once for all its spans (made here when not given).

    Examples
    --------
    >>> text = "Shelling hit Kursk; Lake Kursk Trading Company denied it."
    >>> spans = [Span(13, 18, "Kursk", ""), Span(25, 30, "Kursk", "")]
    >>> runs = CapitalRuns(text, {x.start for x in spans})
    >>> [reject_reason(text, x, runs, set()) for x in spans]
    [None, "part of the name 'Lake Kursk Trading Company'"]
    """
    word = span.surface
    if word in en.GROUPS and not group_named_as_place(text, span.start, span.end):
        return f"names an armed group ({word!r})"
    if word in en.DEMONYMS:
        return f"a demonym names an actor, not a place ({word!r})"
    return _context_reason(text, span, surnames, RuleWords.of(text) if words is None else words) or runs.reason(span)


def _land_named(text: str, span: Span) -> bool:
    """Whether *span* names land, not a river, where a river's words stand before it: its last word is one of
    land (:data:`~geoconflict.lang.en.LAND_NAME_ENDS`: "across the West Bank") or a unit's word follows it
    ("across the Kherson region")."""
    return (span.surface.rsplit(None, 1)[-1].lower() in en.LAND_NAME_ENDS
            or en.REGION_AFTER.match(text, span.end) is not None)


def _context_reason(text: str, span: Span, surnames: set[str], words: RuleWords) -> str | None:
    """Why the words around *span* make it no place (a hyphenated name, a surname, a river, an outlet, an org);
    the rules whose *words* the text lacks are not tried."""
    s, e, word = span.start, span.end, span.surface
    if s >= 2 and text[s - 1] in _HYPHENS and text[s - 2].isalnum() and not road_end(text, s, e):
        return "part of a hyphenated name"
    lo = max(0, s - CONTEXT_WINDOW)
    if words.named_after:
        if en.NAMED_AFTER.match(text, e):
            return "part of the name of a place named after another ('… imeni …')"
        if _named_after_before(text, lo, s):
            return "the person a place is named after ('… imeni …')"
    if surnames and span.folded in surnames:
        return f"surname of a person named in the report ({word!r})"
    before = text[lo:s].rstrip()  # RIVER_BEFORE and ORG_BEFORE end with a word, then space
    # (case_fold keeps the last character's place, and the last letters of those words fold to themselves)
    if before[-1:] in _RIVER_LAST_LETTERS and case_fold(before[-_RIVER_LONGEST_END:]).endswith(
            en.RIVER_BEFORE_ENDS) and en.RIVER_BEFORE.search(text[max(0, s - _RIVER_WINDOW):s]) \
            and not _land_named(text, span):
        return "a river here ('… the X')"
    named = _names_what_follows(text, e, word)
    if named:
        return named
    part = en.NEIGHBOURHOOD_AFTER.match(text, e) if words.part_after else None
    if part or words.part_opening and (en.NEIGHBOURHOOD_OPENING.match(text, s) or _neighbourhood_before(text, lo, s)):
        return f"names a part of a city ('{word}{part.group(0) if part else ''}'), inside the town the report names"
    org = en.ORG_BEFORE.search(text, lo, s) if before.endswith(en.ORG_BEFORE_ENDS) else None
    if org:
        return f"part of an organisation's name ('{org.group(0).strip()} {word}')"
    return None


#: What every match of :data:`~geoconflict.lang.en.GROUPING_AFTER` holds right after the name's space, in either
#: case ("group", "Grouping"): the cheap test before the pattern.
_GROUPING_CORE = "roup"


def _names_what_follows(text: str, e: int, word: str) -> str | None:
    """Why the words right after a name (ending at *e*) make it the name of something else: an outlet ("the Kyiv
    Independent daily"), a force grouping ("the Centre group of forces")."""
    outlet = en.OUTLET_AFTER.match(text, e)
    if outlet:
        return f"names an outlet ('{word} {outlet.group(0).strip()}')"
    if text.find(_GROUPING_CORE, e, e + len(_GROUPING_CORE) + 2) >= 0 and en.GROUPING_AFTER.match(text, e):
        return f"names a force grouping ('the {word} group of forces')"
    return None


def _named_after_before(text: str, lo: int, hi: int) -> bool:
    """Whether :data:`~geoconflict.lang.en.NAMED_AFTER_BEFORE` matches in ``text[lo:hi]``.

    Its search tries every position of the window; a window without the words' common start
    (``NAMED_AFTER_CORE``, found by ``str.find``) holds no match, so most are not searched.
    ``tests/test_extract_fast_checks.py`` holds it equal to the plain search.
    """
    return text.find(en.NAMED_AFTER_CORE, lo, hi) >= 0 and en.NAMED_AFTER_BEFORE.search(text, lo, hi) is not None


def _neighbourhood_before(text: str, lo: int, hi: int) -> bool:
    """Whether :data:`~geoconflict.lang.en.NEIGHBOURHOOD_BEFORE` matches in ``text[lo:hi]``: searched only when
    the window holds one of its words (``NEIGHBOURHOOD_CORES``, either case of the first letter)."""
    return (any(text.find(core, lo, hi) >= 0 for core in en.NEIGHBOURHOOD_CORES)
            and en.NEIGHBOURHOOD_BEFORE.search(text, lo, hi) is not None)


class CapitalRuns:
    """A text's runs of capitalised words, each word followed by one space, asked about once per span.

    A span is "part of the name …" when a word of its run, left or right of it, is neither a span nor a
    connector (:func:`_run_reason`, the plain form, walks the whole run for every span: a run of 4,000
    names took seconds). Here each position's word is read once, and whether a word of the run beyond a
    position is neither is remembered per position, so every span of a text costs a constant: the work
    is linear in the text whatever its capitalisation. ``tests/test_linear.py`` holds the two forms equal.

    Parameters
    ----------
    text : str
        The report's text.
    spans_at : set of int
        Where spans start: a neighbouring word that is itself a span does not make a longer name.
    """

    def __init__(self, text: str, spans_at: set[int]) -> None:
        self.text = text
        self.spans_at = spans_at
        #: position -> whether a word of the run ending there (left) or starting there (right) is another name's
        self._left: dict[int, bool] = {}
        self._right: dict[int, bool] = {}

    def reason(self, span: Span) -> str | None:
        """:func:`_run_reason` of *span*, its quoted name shortened to :data:`RUN_WORDS_SHOWN` words a side."""
        text, s, e = self.text, span.start, span.end
        # a run goes on only over a space (so never over a possessive "'s"): most spans have none beside them
        first = _RIGHT_WORD.match(text, e) if text.startswith(" ", e) else None
        if first and first.group(1) in en.ORG_AFTER:
            return f"part of an organisation's name ('{span.surface} {first.group(1)}')"
        if not (s and text[s - 1] == " " and self._left_other(s)) and not (first and self._right_other(e)):
            return None
        left = _run_left(text, s, limit=RUN_WORDS_SHOWN + 1)
        right = _run_right(text, e, limit=RUN_WORDS_SHOWN + 1) if first else []
        name = " ".join([*(["…", *left[1:]] if len(left) > RUN_WORDS_SHOWN else left), span.surface,
                         *(right[:-1] + ["…"] if len(right) > RUN_WORDS_SHOWN else right)])
        return f"part of the name {name!r}"

    def _left_other(self, pos: int) -> bool:
        """Whether a word of the run up to *pos* is neither a span nor a connector (each position read once)."""
        memo, path, text, spans_at = self._left, [], self.text, self.spans_at
        while pos not in memo:
            found = _left_word(text, pos)
            if found is None:
                memo[pos] = False
                break
            word, start = found
            path.append((pos, start not in spans_at and not _connector(word)))
            pos = start
        other = memo[pos]
        for at, this in reversed(path):
            other = other or this
            memo[at] = other
        return other

    def _right_other(self, pos: int) -> bool:
        """Whether a word of the run on from *pos* is neither a span nor a connector (each position read once)."""
        memo, path, text, spans_at = self._right, [], self.text, self.spans_at
        while pos not in memo:
            m = _RIGHT_WORD.match(text, pos)
            if m is None:
                memo[pos] = False
                break
            path.append((pos, m.start(1) not in spans_at and not _connector(m.group(1))))
            pos = m.end()
        other = memo[pos]
        for at, this in reversed(path):
            other = other or this
            memo[at] = other
        return other


def _run_reason(text: str, span: Span, spans_at: set[int]) -> str | None:
    """Why *span* is a word of a longer capitalised name (an organisation's or another name), or None.

    The plain form of :meth:`CapitalRuns.reason`, kept as its reference: it walks the whole run for every
    span, so a text of one long run takes time quadratic in its length.

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


def _left_word(text: str, pos: int) -> tuple[str, int] | None:
    """The capitalised word followed by one space that ends at *pos*, and where it starts; or None."""
    if not pos or text[pos - 1] != " ":  # else no word then one space ends at pos
        return None
    # the word holds no space: it starts after the last space before that one, if any is in the window
    lo = max(0, pos - CONTEXT_WINDOW)
    m = _LEFT_WORD.search(text, max(lo, text.rfind(" ", lo, pos - 1) + 1), pos)
    if not m or m.end() != pos:
        return None
    return m.group(1), m.start(1)


def _run_left(text: str, s: int, *, limit: int | None = None) -> list[str]:
    """The capitalised words, each followed by one space, that run up to *s* (in text order; the last *limit*)."""
    run: list[str] = []
    found = _left_word(text, s)
    while found and (limit is None or len(run) < limit):
        run.append(found[0])
        found = _left_word(text, found[1])
    run.reverse()
    return run


def _run_right(text: str, e: int, *, limit: int | None = None) -> list[str]:
    """The capitalised words, each after one space, that run on from *e* (the first *limit*)."""
    run: list[str] = []
    m = _RIGHT_WORD.match(text, e)
    while m and (limit is None or len(run) < limit):
        run.append(m.group(1))
        m = _RIGHT_WORD.match(text, m.end())
    return run


def whole_name(gaz: Gazetteer, text: str, span: Span) -> Span | None:
    """The name *span* is a word of, when the gazetteer knows that name whole, or *span* when the rest is an article.

    A scanned word inside a hyphenated or capitalised name is no place of its own ("Zor" of
    "Deir-ez-Zor", "Kursk" of "Lake Kursk Trading Company"), unless the whole is a place name the scan
    missed: spelled with hyphens, or with an article ("Al Hasakeh"), the gazetteer's search finds it by
    name. A name whose other words are only an Arabic article ("As-Sweida", "Ar Raqqa") is the place the
    span names, whole or not.

    Examples
    --------
    >>> from geoconflict.gazetteer import Gazetteer
    >>> text = "Clashes in Deir-ez-Zor and As-Sweida."
    >>> [whole_name(Gazetteer.default(), text, Span(s, e, text[s:e], "")).surface for s, e in [(19, 22), (30, 36)]]
    ['Deir-ez-Zor', 'Sweida']
    """
    s, e = span.start, span.end
    lo, hi = _hyphenated_at(text, s, e) or (s, e)
    # (runs read no further than a whole name's length: a text of one long run stays linear)
    left, right = _run_left(text, lo, limit=WHOLE_NAME_WORDS), _run_right(text, hi, limit=WHOLE_NAME_WORDS)
    before = [*left, *_NAME_WORDS.findall(text[lo:s])]
    wholes = [(lo - sum(len(w) + 1 for w in left), hi + sum(len(w) + 1 for w in right)), (lo, hi)]
    for a, b in wholes:
        if (a, b) != (s, e) and len(_NAME_WORDS.findall(text[a:b])) <= WHOLE_NAME_WORDS and _known_name(gaz, text[a:b]):
            return Span(a, b, text[a:b], f"{span.reason}: the whole name")
    if (before and hi == e and all(w.lower() in en.NAME_ARTICLES for w in before)
            and all(_connector(w) for w in right)):
        return span
    return None


#: A particle of a person's name, a whole word ("Ben", "Abu").
_NAME_PARTICLE = re.compile(rf"(?i:{en.NAME_PARTICLES})")


def named_site(text: str, span: Span) -> Span | None:
    """*span*, flagged approximate, when it opens the name of a site named after it ("Donetsk Filtration
    Station"): a run of capitalised words ending in a site's word (:data:`geoconflict.lang.en.FACILITY_WORDS`)
    with nothing capitalised before the span. The site is at or near the place; else None. A span that is a
    particle of a person's name (:data:`geoconflict.lang.en.NAME_PARTICLES`: "Ben" of "Ben Gurion Airport") opens
    the name of the person the site is named after, not a place.

    Examples
    --------
    >>> text = "Shelling near Donetsk Filtration Station; Lake Kursk Trading Company denied it; Ben Gurion Airport."
    >>> [named_site(text, Span(s, e, text[s:e], "")) is not None for s, e in [(14, 21), (47, 52), (80, 83)]]
    [True, False, False]
    """
    if _NAME_PARTICLE.fullmatch(span.surface) or any(not _connector(w) for w in _run_left(text, span.start, limit=WHOLE_NAME_WORDS)):
        return None
    right = _run_right(text, span.end, limit=WHOLE_NAME_WORDS + 1)
    if not right or len(right) > WHOLE_NAME_WORDS or right[-1] not in en.FACILITY_WORDS:
        return None
    span.approximate = True
    span.reason = f"{span.reason}; {APPROXIMATE}: the site {' '.join([span.surface, *right])!r} is at or near it"
    return span


def road_end(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]``, after a hyphen, is the far end of a road named by its two ends ("the Sirsiyatol-Birgunj
    road"): two capitalised words joined by one hyphen, then a road's word (:data:`geoconflict.lang.en.ROAD_AFTER`).
    A name of more parts is left whole ("the Deir-ez-Zor road"; of "X-Y-Z", which hyphen joins two places is not
    told). Such an end says which country the report is in, but not where an event on the road is
    (:mod:`geoconflict.extraction.located`).

    Examples
    --------
    >>> text = "Protesters blocked the Sirsiyatol-Birgunj road; fighting in Deir-ez-Zor."
    >>> road_end(text, 34, 41), road_end(text, 68, 71)
    (True, False)
    """
    if not en.ROAD_AFTER.match(text, e):  # (the cheapest test first: most names are followed by no road's word)
        return False
    whole = _hyphenated_at(text, s, e)
    if whole is None or whole[1] != e or not text[s:e][:1].isupper() or not text[whole[0]:whole[0] + 1].isupper():
        return False
    return sum(text.count(h, whole[0], e) for h in _HYPHENS) == 1


def _hyphenated_at(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Where the hyphenated word holding ``text[s:e]`` starts and ends, or None when it is in no such word."""
    lo, hi = s, e
    while lo > 0 and (text[lo - 1] in _HYPHENS or _WORD_CHARS.match(text, lo - 1)):
        lo -= 1
    while hi < len(text) and (text[hi] in _HYPHENS or _WORD_CHARS.match(text, hi)):
        hi += 1
    m = _HYPHENATED.fullmatch(text, lo, hi)
    return (lo, hi) if m and (lo, hi) != (s, e) else None


def _known_name(gaz: Gazetteer, name: str) -> bool:
    """Whether the gazetteer holds a place by the name (or another name) *name*."""
    try:
        found = gaz.search(name, limit=1)
    except GeoconflictError:
        return False
    return bool(found) and found[0].reason.startswith(_NAME_MATCH_REASONS)
