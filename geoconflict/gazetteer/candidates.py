"""What a gazetteer look-up returns and takes: place kinds, :class:`Candidate`, score weights, checked input.

A candidate's score adds up a match score (how the name matched), the place's
prior importance (its kind, and its population for a populated place), and
bonuses for what the query says: a descriptor word ("Kursk *region*"), an
abbreviation ("W.Va."), a point to be near. The weights are here, in one place;
:mod:`~geoconflict.gazetteer.scoring` applies them.

Examples
--------
>>> check_name("  Kursk\\tregion ")
'Kursk region'
>>> kind_code("admin1"), KINDS[ADMIN1].value
(1, 'admin1')
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from geoconflict.errors import InvalidInputError
from geoconflict.model import Place, PlaceKind

__all__ = [
    "ABBREVIATION_BONUS", "ADMIN1", "ADMIN2", "ALTERNATE_NAME", "COUNTRY", "DERIVED_NAME", "DESCRIPTOR_BONUS",
    "DESCRIPTOR_PENALTY", "KINDS", "KIND_CODE", "KIND_SCORE", "MATCH_LABEL", "MATCH_SCORE", "MAX_NAME_LENGTH",
    "NEAR_BONUS", "NEAR_SCALE_KM", "OTHER_POPULATION_SCORE", "POPULATED_PLACE", "POPULATION_SCORE",
    "PRIMARY_NAME", "REGION", "SCORE_DECIMALS", "Candidate", "check_name", "kind_code", "make_candidate", "near_point",
]

#: The kinds of place in the gazetteer, in the order of their codes in the data.
KINDS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE, PlaceKind.REGION)
#: The code of each kind in the data (its index in :data:`KINDS`).
COUNTRY, ADMIN1, ADMIN2, POPULATED_PLACE, REGION = range(len(KINDS))
KIND_CODE = {k: i for i, k in enumerate(KINDS)}

#: score of a match on the primary name, an alternate name, a derived name (the match flags 0, 1, 2)
MATCH_SCORE = np.array([1.0, 0.7, 0.45])
MATCH_LABEL = ("name", "alternate name", "derived name")
#: the match flags: the place's own name, one of its alternate names, a name derived from one
#: (a demonym, a postal abbreviation)
PRIMARY_NAME, ALTERNATE_NAME, DERIVED_NAME = range(len(MATCH_LABEL))
#: prior importance of each kind (country, admin1, admin2, populated place, wider region);
#: populated places add POPULATION_SCORE per order of magnitude of population, other places
#: OTHER_POPULATION_SCORE (a tie-break between units of one kind)
KIND_SCORE = np.array([3.0, 2.0, 1.0, 0.0, 2.5])
POPULATION_SCORE = 0.35
OTHER_POPULATION_SCORE = 0.05
#: a descriptor word ("region", "district") that names the candidate's kind, or another kind
DESCRIPTOR_BONUS, DESCRIPTOR_PENALTY = 1.5, -0.8
#: an abbreviation with full stops ("W.Va.", "Calif.", "B.C.") says "a state or province" as a descriptor does
ABBREVIATION_BONUS = 1.5
#: a ``near=`` hint adds ``NEAR_BONUS / (1 + d / NEAR_SCALE_KM)`` for a place ``d`` km away
NEAR_BONUS, NEAR_SCALE_KM = 1.5, 100.0
#: scores are given rounded to this many decimals
SCORE_DECIMALS = 3

MAX_NAME_LENGTH = 256
_SHOWN_CHARACTERS = 40  # of an over-long name, in the error
_CONTROL_CATEGORIES = ("Cc", "Cf", "Cs", "Co")
_BLANKS = re.compile(r"[\t\n\r]+")
_LETTER = re.compile(r"[A-Za-z]")  # str.isalpha() for ASCII text


def kind_code(kind: PlaceKind | str) -> int:
    """The data's code of *kind* (a :class:`PlaceKind` or its value), or :class:`InvalidInputError`."""
    try:
        return KIND_CODE[PlaceKind(kind)]
    except (ValueError, KeyError):
        raise InvalidInputError(f"kind must be one of {[k.value for k in KINDS]}, got {kind!r}",
                                field="kind", value=kind) from None


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with a score (higher is better) and why.

    Scores are comparable between the candidates of one query.

    Examples
    --------
    >>> from geoconflict.gazetteer import Gazetteer
    >>> best = Gazetteer.default().search("Kharkov")[0]
    >>> best.place.name, best.reason.split(";")[0]
    ('Kharkiv', "alternate name 'kharkov'")
    """

    place: Place
    score: float
    reason: str


def make_candidate(place: Place, score: float, reason: str) -> Candidate:
    """A :class:`Candidate` from trusted fields, without the frozen-dataclass ``__init__`` cost."""
    c = object.__new__(Candidate)
    c.__dict__.update(place=place, score=score, reason=reason)
    return c


def check_name(name: object) -> str:
    """*name* with tabs and line breaks as spaces, stripped; :class:`InvalidInputError` if it is no place name.

    Examples
    --------
    >>> check_name("1234")
    Traceback (most recent call last):
    ...
    geoconflict.errors.InvalidInputError: '1234' has no letters, so it is not a place name
    """
    if not isinstance(name, str):
        raise InvalidInputError(f"a place name must be a string, got {type(name).__name__}", field="name", value=name)
    text = _BLANKS.sub(" ", name).strip()
    if not text:
        raise InvalidInputError("empty place name", field="name", value=name)
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidInputError(f"place name is {len(text):,} characters long (at most {MAX_NAME_LENGTH})",
                                field="name", value=name[:_SHOWN_CHARACTERS] + "…")
    # isprintable() is False for every Cc/Cf/Cs/Co character: only then look closer
    bad = [] if text.isprintable() else [c for c in text if unicodedata.category(c) in _CONTROL_CATEGORIES]
    if bad:
        raise InvalidInputError(f"place name contains control characters {bad[:3]!r}", field="name", value=name)
    if not (_LETTER.search(text) if text.isascii() else any(c.isalpha() for c in text)):
        raise InvalidInputError(f"{text!r} has no letters, so it is not a place name", field="name", value=name)
    return text


def near_point(near: Place | tuple[float, float]) -> tuple[float, float]:
    """``(lat, lon)`` of a ``near=`` hint (a :class:`Place` or a pair), or :class:`InvalidInputError`."""
    if isinstance(near, Place):
        return near.lat, near.lon
    try:
        lat, lon = near
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidInputError(f"near must be a Place or a (lat, lon) pair, got {near!r}", field="near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        raise InvalidInputError(f"near: ({lat}, {lon}) is not a (lat, lon) pair in range", field="near")
    return lat, lon
