"""Place mentions as spans of a report, and the small place helpers every step shares.

A :class:`Span` is a stretch of the text that may name a place, carried from
the toponym scan (:mod:`~geoconflict.extraction.toponyms`) through resolution
(:mod:`~geoconflict.extraction.resolution`) to the document pass
(:mod:`~geoconflict.extraction.document`). :class:`Intervals` answers whether
spans cover a position in a binary search, and :func:`contains` whether one
unit holds another by the administrative path. Places themselves are compared
and used as keys: a :class:`~geoconflict.model.Place` hashes without its polygon.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Final

from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold

__all__ = ["APPROXIMATE", "Intervals", "Kind", "Span", "contains"]


class Kind:
    """The place kinds the rules read, as plain class attributes (``Kind.ADMIN1 is PlaceKind.ADMIN1``).

    On Python 3.11 ``PlaceKind.ADMIN1`` goes through the slot of ``EnumType.__getattr__`` (some 75 ns a read,
    against 25 here), and the document rules read a kind for every span, many times over.
    """

    COUNTRY: Final = PlaceKind.COUNTRY
    ADMIN1: Final = PlaceKind.ADMIN1
    ADMIN2: Final = PlaceKind.ADMIN2
    POPULATED_PLACE: Final = PlaceKind.POPULATED_PLACE


#: How the reason of a span placed at the unit or town that holds (or is near) a place the gazetteer lacks
#: says so (its :attr:`Span.approximate` flag is set with it).
APPROXIMATE = "approximate"

@dataclass
class Span:
    """A stretch of the text that may name a place, and what it was resolved to."""

    start: int
    end: int
    surface: str
    reason: str
    descriptor: str | None = None  # a descriptor from a list: "districts" -> "district"
    place: Place | None = None
    score: float | None = None
    candidates: tuple[Place, ...] = ()
    possessive: bool = False
    fixed: bool = False  # placed by the text's structure ("Town, Region"): later document rules leave it
    #: placed at the unit or town that holds it, the gazetteer lacking the place itself (set once, kept)
    approximate: bool = False
    #: the unit a "Town, Region" tail names as holding the place before it
    tail_unit: bool = False

    #: :attr:`folded`, once made
    _folded: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def folded(self) -> str:
        """The surface folded (:func:`~geoconflict.text.normalize.fold`), as the rules compare names: made once
        (a span's surface never changes; the rules of one report ask for it a dozen times)."""
        if self._folded is None:
            self._folded = fold(self.surface)
        return self._folded


class Intervals:
    """Half-open intervals ``[a, b)``, asked whether any covers a position or overlaps a range.

    Each question takes a binary search: the intervals sorted by start, each with the largest end among
    it and those starting before it. (A loop over the intervals made a large report's scan quadratic.)
    """

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def covers(self, pos: int) -> bool:
        """Whether some ``a <= pos < b``."""
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some ``a < end and start < b``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def contains(outer: Place, inner: Place) -> bool:
    """Whether *outer* is a unit that contains *inner* by the admin path."""
    if outer.kind is Kind.COUNTRY:
        return inner.kind is not Kind.COUNTRY and inner.country_code == outer.country_code
    if outer.kind is Kind.ADMIN1:
        return inner.kind in (Kind.ADMIN2, Kind.POPULATED_PLACE) and inner.admin1 == outer.name
    if outer.kind is Kind.ADMIN2:
        return inner.kind is Kind.POPULATED_PLACE and inner.admin2 == outer.name
    return False
