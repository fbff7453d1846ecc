"""A town the gazetteer knows by another romanisation: "Muse" is "Mu-se", "Namhkan" is "Namhkam".

Names from Burmese, Arabic or Amharic are romanised in several ways, and a coder's spelling is often not
the gazetteer's. A careful reader who does not find a town where the text says it is (a first-level unit
the sentence names as such: :func:`~geoconflict.extraction.structure.names_region`) looks among that
unit's towns for the one spelled nearly alike. :func:`respell_in_units` does so for the places of such a
sentence left unresolved, or left at the unit itself for want of their own name.
"""

from __future__ import annotations

import bisect
import re
from difflib import SequenceMatcher
from functools import lru_cache

from geoconflict.extraction.resolution_common import OUTLIER, SEAT_CANDIDATES
from geoconflict.extraction.spans import Kind, Span
from geoconflict.extraction.structure import APPROXIMATE, names_region, unit_sentences
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import Place
from geoconflict.text.normalize import parse_query

__all__ = ["respell_in_units", "spelled_alike"]

#: Two names are spellings of one when their letters (folded, without spaces and hyphens) are this alike.
SPELLING_RATIO = 0.85
#: The most populous towns of a unit looked at for a spelling (its towns a coder would name without a village).
UNIT_TOWNS = 2 * SEAT_CANDIDATES
#: First-level units whose towns are remembered, and names whose letters are.
UNIT_CACHE = 1024
LETTERS_CACHE = 1 << 14
#: Names and units whose best spelling (:func:`_best_spelled`) is remembered.
SPELLINGS_KEPT = 1 << 12
#: Names shorter than this (letters) are too short to compare.
MIN_LETTERS = 4
_NOT_LETTERS = re.compile(r"[^a-z]")


@lru_cache(maxsize=LETTERS_CACHE)
def _letters(name: str) -> str:
    """*name*'s letters, folded, without its unit's word, spaces or hyphens ("Mu Se District" → "muse")."""
    return _NOT_LETTERS.sub("", parse_query(name).key)


def spelled_alike(a: str, b: str) -> bool:
    """Whether names *a* and *b* are romanisations of one name: the same first letter, and their letters
    ``SPELLING_RATIO`` alike.

    Examples
    --------
    >>> spelled_alike("Muse", "Mu-se"), spelled_alike("Namhkan", "Namhkam"), spelled_alike("Kani", "Kalay")
    (True, True, False)
    """
    return _likeness(_letters(a), _letters(b)) >= SPELLING_RATIO


def _likeness(x: str, y: str) -> float:
    """How alike letters *x* and *y* are (0 to 1): 0 for names too short or with another first letter."""
    if len(x) < MIN_LETTERS or len(y) < MIN_LETTERS or x[0] != y[0]:
        return 0.0
    if x == y:
        return 1.0
    if 2 * min(len(x), len(y)) < SPELLING_RATIO * (len(x) + len(y)):  # (the lengths alone rule it out)
        return 0.0
    return SequenceMatcher(None, x, y).ratio()


def respell_in_units(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Place each unresolved span of a sentence that names first-level units as such (or one left at such a
    unit for want of its name) at the units' town spelled alike, if one (the nearest spelling wins).

    A report none of whose spans may be so placed (:func:`_may_be_unplaced`: most) is not read by sentence."""
    if not any(_may_be_unplaced(x) for x in spans):
        return
    starts = [x.start for x in spans]
    for begin, end in unit_sentences(text, spans):  # (only a first-level unit names a region)
        inside = spans[bisect.bisect_left(starts, begin):bisect.bisect_left(starts, end)]
        units = [y.place for y in inside if y.place is not None and names_region(text, y)]
        if not units:
            continue
        for x in inside:
            if _unplaced(x, units):
                _respell(gaz, x, units)


def _unplaced(x: Span, units: list[Place]) -> bool:
    """Whether *x* has no place of its own: a name left unresolved (not a word found to name no place), or
    placed at one of the *units* for want of its name."""
    if x.place is None:  # a listed name not found ("Muse township"), or a namesake far away left unresolved
        return x.descriptor is not None or OUTLIER in x.reason
    return x.fixed and x.place in units and APPROXIMATE in x.reason


def _may_be_unplaced(x: Span) -> bool:
    """:func:`_unplaced` but for the units: whether *x* is so for some units (those it was placed at)."""
    if x.place is None:
        return x.descriptor is not None or OUTLIER in x.reason
    return x.fixed and APPROXIMATE in x.reason


def _respell(gaz: Gazetteer, x: Span, units: list[Place]) -> None:
    """*x* at the *units*' town spelled most like it, if any is spelled alike (:func:`spelled_alike`)."""
    ratio, town = _best_spelled(gaz, _letters(x.surface), tuple(units))
    if town is None or ratio < SPELLING_RATIO:
        return
    if x.place is not None:
        x.candidates = (x.place, *x.candidates)
    x.place, x.fixed = town, True
    x.reason = f"{x.reason}; {town.name}, the town of {town.admin1} spelled like {x.surface!r}"


@lru_cache(maxsize=SPELLINGS_KEPT)
def _best_spelled(gaz: Gazetteer, own: str, units: tuple[Place, ...]) -> tuple[float, Place | None]:
    """The *units*' town whose letters are most like *own* (the first of equals), and how alike (0 and None
    when they have no town): remembered by the letters and the units, as their towns never change."""
    alike = [(_likeness(own, letters), town) for unit in units for letters, town in _towns(gaz, unit)]
    return max(alike, key=lambda t: t[0], default=(0.0, None))


@lru_cache(maxsize=UNIT_CACHE)
def _towns(gaz: Gazetteer, unit: Place) -> tuple[tuple[str, Place], ...]:
    """The most populous towns (``UNIT_TOWNS``) of first-level *unit* (none without a polygon), each with
    its letters (:func:`_letters`)."""
    if unit.kind is not Kind.ADMIN1 or unit.geometry is None:
        return ()
    west, south, east, north = unit.geometry.bounds
    return tuple((_letters(p.name), p) for p in gaz.largest_places((south, west, north, east), n=UNIT_TOWNS)
                 if p.admin1 == unit.name and p.country_code == unit.country_code)
