"""Places spelt otherwise than the gazetteer spells them, found inside the area the report gives.

A coder writes "Tal Tamer", "Thiban", "Quamishli city", "Twantay township", "Ntillit (Gao, Gao)"; the
gazetteer has "Tall Tamr", "Dhiban", "Al Qamishli", "Twante", "I-n-Tillit". The scan does not find such a
name, or finds only a word of it or a namesake far off, and the report's event falls back to the region.
A careful reader who knows the area looks among its places for one spelt alike, as the romanisations of
that language differ (:mod:`geoconflict.lang.translit`, :func:`geoconflict.gazetteer.variants.spelling`),
and takes it only there: never a namesake anywhere else.

:func:`respell_unknown` does so for the names a report leaves without a place of their own:

* a name the scan found but left unresolved (a namesake far from the report's area, a listed "Twantay
  township"), or placed at its unit for want of its own name ("Kishindih district, Balkh");
* a run of capitalised words of which the scan knew only a word or two ("Tal Tamer", "Khas Urozgan
  district");
* a capitalised name the scan did not know, where a place goes: after a locative word ("in", "near",
  "the town of"), before a settlement's or unit's word ("Quamishli city"), or before the parenthesis that
  says where it is ("Ntillit (Gao, Gao)").

The area is the first-level units of the report's resolved places (those of the name's sentence when the
report names more than :data:`MAX_UNITS`), or, for a name placed at its unit or near a town for want of its
own, that unit, or the town's surroundings (``BEARING_KM``). A place there spelt alike
(:func:`~geoconflict.gazetteer.variants.spelled_variants`: the same key and vowels that differ in at most one
place, or a slip in a long key; only the same letters in a country of one spelling) is the name's, placed as a
resolved village is; when several are spelt alike, the one nearest the report's other places. Not looked for:
runs with a common English word, an acronym, a demonym, a group's name or a bearing ("Airport Road", "Boko
Haram"), names the scan found that are words of such a run, and, for a name the scan found, a place of that
very name (the rules before weighed it).

Examples
--------
>>> from geoconflict.extraction.document import read_document
>>> from geoconflict.text.report import read_report
>>> report = read_report("Gunmen shot a trader in Quamishli city, Hasakah governorate.", published="2024-04-01")
>>> [(x.surface, x.place.name) for x in read_document(report, Gazetteer.default()).spans]
[('Quamishli', 'Al Qāmishlī'), ('Hasakah', 'Al Ḩasakah')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from geoconflict.extraction.actors import DEMONYM_WORDS
from geoconflict.extraction.resolution_common import LONGER_NAME, NOT_A_PLACE, UNITS
from geoconflict.extraction.spans import APPROXIMATE, Intervals, Kind, Span
from geoconflict.extraction.structure import BEARING_KM, holds, sentence_bounds
from geoconflict.extraction.toponyms import common_word, has_evidence
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.gazetteer.variants import spelled_variants
from geoconflict.lang import en
from geoconflict.lang.trie import with_tries
from geoconflict.model import Place
from geoconflict.text.normalize import fold

__all__ = ["MAX_UNITS", "respell_unknown"]

#: A report naming more first-level units than this gives each name only its own sentence's as its area.
MAX_UNITS = 4
#: A run of capitalised words (Latin letters, words joined by a space or a hyphen), at most this many words.
MAX_RUN_WORDS = 4
#: :data:`~geoconflict.lang.en.PLACE_OF_BEFORE` with its words as a trie: the same matches, found sooner.
PLACE_OF_BEFORE = with_tries(en.PLACE_OF_BEFORE)
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"
_WORD = rf"{_CAPITAL}[^\W\d_]*(?:['’][^\W\d_]+)?"
#: (no word character, apostrophe or hyphen before its first capital: the look-behind is written after that
#: capital, so only capitals are tried)
_RUN = re.compile(rf"{_CAPITAL}(?<![\w'’-]{_CAPITAL})[^\W\d_]*(?:['’][^\W\d_]+)?"
                  rf"(?:[ -]{_WORD}){{0,{MAX_RUN_WORDS - 1}}}(?![\w'’-])")
#: :data:`_RUN` as plainly written: the reference (``tests/test_capital_runs.py``).
_RUN_PLAIN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ -]{_WORD}){{0,{MAX_RUN_WORDS - 1}}}(?![\w'’-])")
#: A parenthesis that says where the name before it is ("Ntillit (Gao, Gao)"), and a comma before a unit.
_TAIL_OPEN = re.compile(r"\s*\(")
_COMMA = re.compile(r"\s*,\s*")
#: Runs whose name (:func:`_name_in_run`) is remembered: the distinct capitalised runs of a large batch.
RUN_CACHE = 1 << 16
#: Characters a word of a run is read as at most, to find the run around a span.
_WORD_CHARS = 20
#: Greater than any sentence's end (to find the sentence that starts at a position).
_ANY_END = float("inf")
#: How the reason of a span placed by this rule says so.
SPELT_OTHERWISE = "spelt otherwise than the gazetteer spells it"


def respell_unknown(gaz: Gazetteer, text: str, spans: list[Span], regions: list[tuple[int, int]],
                    scanned: Intervals, people: Intervals) -> list[Span]:
    """*spans*, with each name the report leaves without a place of its own placed at the place of the
    report's area spelt alike, if one (see the module); names the scan did not know become spans then.

    Parameters
    ----------
    gaz : Gazetteer
        The gazetteer the report is read with.
    text : str
        The report's text.
    spans : list of Span
        Its kept spans, resolved, by start.
    regions : list of (int, int)
        The stretches of *text* read for places (its title and body).
    scanned : Intervals
        Where the scan found names (kept or not): a name of words the scan all found is read as it read them.
    people : Intervals
        Where the report names people: no place there.

    Returns
    -------
    list of Span
        The spans by start: a run found whole replaces the spans of its words.
    """
    units = _units(x.place for x in spans)
    if not units:
        return spans
    candidates = _candidates(text, spans, regions, scanned, people)
    if not candidates:  # (most reports: nothing below is needed)
        return spans
    bounds = sentence_bounds(text) if sum(map(len, units.values())) > MAX_UNITS else []
    starts = [x.start for x in spans]
    by_sentence: dict[int, dict[str, frozenset[str]]] = {}  # a sentence's start -> its units
    placed = [x.place for x in spans if x.place is not None and x.place.kind is not Kind.COUNTRY]
    others = (np.array([p.lat for p in placed]), np.array([p.lon for p in placed]))
    at = {(x.start, x.end): x for x in spans}
    found: list[Span] = []
    for start, end, name, unit, known in candidates:
        if found and found[-1].end > start:
            continue  # a word of a run found whole
        if unit is not None:  # placed at its unit for want of its name: there, or nowhere
            area = _units([unit])
        elif bounds:
            begin, stop = bounds[max(0, bisect.bisect_right(bounds, (start, _ANY_END)) - 1)]
            if begin not in by_sentence:
                inside = spans[bisect.bisect_left(starts, begin):bisect.bisect_left(starts, stop)]
                by_sentence[begin] = _units(x.place for x in inside)
            area = by_sentence[begin]
        else:
            area = units
        pick = _variant(gaz, name, area, others)
        if pick is not None and (unit is None or _within(unit, pick)) and not (known and fold(pick.name) == fold(name)):
            found.append(_placed(at.get((start, end)), start, end, name, pick))
    if not found:
        return spans
    taken = Intervals((x.start, x.end) for x in found)
    kept = [x for x in spans if not taken.overlaps(x.start, x.end)]
    return sorted([*kept, *found], key=lambda x: x.start)


def _within(unit: Place, place: Place) -> bool:
    """Whether *place* is where a span placed at *unit* for want of its name may be: inside the unit, or within
    ``BEARING_KM`` of the town it was placed near."""
    if unit.kind is Kind.POPULATED_PLACE:
        return float(haversine_km(unit.lat, unit.lon, place.lat, place.lon)) <= BEARING_KM
    return unit == place or holds(unit, place)


def _units(places: Iterable[Place | None]) -> dict[str, frozenset[str]]:
    """The first-level units (names, by country) that hold *places* (countries and None left out)."""
    out: dict[str, set[str]] = {}
    for p in places:
        if p is None or p.country_code is None or p.kind is Kind.COUNTRY:
            continue
        unit = p.name if p.kind is Kind.ADMIN1 else p.admin1
        if unit:
            out.setdefault(p.country_code, set()).add(unit)
    return {cc: frozenset(names) for cc, names in out.items()}


def _candidates(text: str, spans: list[Span], regions: list[tuple[int, int]], scanned: Intervals,
                people: Intervals) -> list[tuple[int, int, str, Place | None, bool]]:
    """(start, end, name, unit, known) of the names the report leaves without a place of their own, in text
    order (a run before the span of its first word); *unit*: the unit a span was placed at for want of its
    name; *known*: a name the scan found (the earlier rules weighed the places of that very name).

    A span is looked for as the name its run of capitalised words is ("Tal" of "Tal Tamer", "Urozgan" of
    "Khas Urozgan district"), and not at all in a run that is no name ("Southland Vista Court").
    """
    out: list[tuple[int, int, str, Place | None, bool]] = []
    units_at = {x.start for x in spans if x.place is not None and x.place.kind in UNITS}
    for x in spans:
        run = _run_around(text, x) if _wants_place(x) else None
        if run is None:
            continue
        if run != (x.start, x.end):
            out.append((*run, text[run[0]:run[1]], x.place, False))
        elif LONGER_NAME not in x.reason:
            out.append((x.start, x.end, x.surface, x.place, True))
    for lo, hi in regions:
        for m in _RUN.finditer(text, lo, hi):
            a, b = _name_in_run(m.group())  # (remembered by the run's words: first, as most runs are no name)
            if a == b:
                continue
            s, e = m.start() + a, m.start() + b  # (_trimmed; a word the scan did not find is one of the run's)
            if _unknown_word(text, s, e, scanned) and not people.overlaps(m.start(), m.end()) and (
                    _where_a_place_goes(text, s, e) or _before_unit(text, e, units_at)):
                out.append((s, e, text[s:e], None, False))
    return sorted(out, key=lambda t: (t[0], -t[1]))


def _unknown_word(text: str, start: int, end: int, scanned: Intervals) -> bool:
    """Whether a word of the name ``text[start:end]`` is none the scan found (a name it knew whole, or whose
    words it all knew, is read as the scan read it)."""
    pos = start
    for word in text[start:end].split(" "):
        if not scanned.covers(pos):
            return True
        pos += len(word) + 1
    return False


def _before_unit(text: str, end: int, units_at: set[int]) -> bool:
    """Whether a comma after a name ending at *end* opens a tail naming a unit ("X, Donetsk region")."""
    m = _COMMA.match(text, end)
    return m is not None and m.end() in units_at


def _wants_place(x: Span) -> bool:
    """Whether span *x* has no place of its own: unresolved (not a word found to name no place), or placed at
    the unit that holds it, or the town it is near, for want of its name."""
    if x.place is None:
        return NOT_A_PLACE not in x.reason
    return x.approximate and APPROXIMATE in x.reason


def _run_around(text: str, x: Span) -> tuple[int, int] | None:
    """The name the run of capitalised words (:data:`_RUN`) that holds span *x* is (:func:`_trimmed`): *x*'s own
    when no run holds it (a listed name in lower case), None when the run is no name or holds *x* only in part."""
    lo = max(0, x.start - MAX_RUN_WORDS * _WORD_CHARS)
    for m in _RUN.finditer(text, lo, min(len(text), x.end + MAX_RUN_WORDS * _WORD_CHARS)):
        if m.start() <= x.start and x.end <= m.end():
            s, e = _trimmed(text, m.start(), m.end())
            return (s, e) if s <= x.start and x.end <= e else None
    return x.start, x.end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The name in the run ``text[start:end]`` (:func:`_name_in_run`), as offsets of *text*."""
    s, e = _name_in_run(text[start:end])
    return start + s, start + e


@lru_cache(maxsize=RUN_CACHE)
def _name_in_run(run: str) -> tuple[int, int]:
    """Where the name is in a run of capitalised words: without its leading common English words ("In", "The")
    and its trailing words of a kind of place ("Ward", "Town"). Empty when nothing is left, or when a word left
    is a common English word, an acronym, a demonym, an armed group's or a bearing ("Airport Road", "Kanbalu
    PDF", "Defense Force": no romanised place name)."""
    words = run.split(" ")  # (the words of a run are joined by one space, or by a hyphen in a word)
    first, last = 0, len(words)
    while first < last and common_word(words[first]):
        first += 1
    while last > first and words[last - 1].lower() in en.PLACE_KIND_WORDS:
        last -= 1
    if first == last or any(_not_a_name(w) for w in words[first:last] for w in w.split("-")):
        return 0, 0
    begin = sum(map(len, words[:first])) + first
    return begin, begin + sum(map(len, words[first:last])) + last - first - 1


def _not_a_name(word: str) -> bool:
    """Whether capitalised *word* cannot be a word of a romanised place name (see :func:`_trimmed`); a word in
    lower case joins the words of a name ("Markaz-e-Behsud", "Dar es Salaam")."""
    return word[:1].isupper() and (common_word(word) or (word.isupper() and len(word) > 1) or word in DEMONYM_WORDS
                                   or word in en.GROUPS or word.lower() in en.BEARINGS)


def _where_a_place_goes(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands where a place goes: after a locative word or a place's
    noun and "of" ("the market area of"), before a settlement's or unit's word, or before a parenthesis."""
    return (has_evidence(text, Span(start, end, text[start:end], "")) or bool(_TAIL_OPEN.match(text, end))
            or PLACE_OF_BEFORE.search(text, max(0, start - en.PLACE_OF_WINDOW), start) is not None)


def _variant(gaz: Gazetteer, name: str, units: dict[str, frozenset[str]],
             others: tuple[np.ndarray, np.ndarray]) -> Place | None:
    """The place of the *units* spelt like *name*, the most alike (then the nearest the report's *others*:
    the latitudes and longitudes of its places but countries), or None."""
    found = [(ratio, p) for cc, names in sorted(units.items()) for ratio, p in
             spelled_variants(gaz, name, country=cc, units=names)]
    if not found:
        return None
    best = max(r for r, _ in found)
    ties = [p for r, p in found if r == best]
    if len(ties) == 1:
        return ties[0]
    lat, lon = others
    return min(ties, key=lambda p: (float(np.min(haversine_km(p.lat, p.lon, lat, lon))) if len(lat) else 0.0,
                                    p.approximate, -(p.population or 0)))


def _placed(old: Span | None, start: int, end: int, name: str, place: Place) -> Span:
    """The span of *name* at *place*: *old*, the span found there (its reason and candidates kept), or a new one."""
    x = old if old is not None else Span(start, end, name, "a capitalised name where a place goes")
    if x.place is not None and x.place != place:
        x.candidates = (x.place, *x.candidates)
    x.place, x.fixed, x.approximate = place, True, False
    x.reason = (f"{x.reason}; {place.name} ({place.admin1 or place.country_code}), the place of the report's area "
                f"{SPELT_OTHERWISE}")
    return x
