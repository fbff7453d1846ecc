"""A place's district as the text names it: "Village (District, Region)".

Coders and many reporters say which units hold a small place in a parenthesis after it: "Niono (Niono,
Segou)", "Merawi (Mecha, West Gojam, Amhara)" (admin3, admin2, admin1). The gazetteer gives most towns
outside Ukraine and Russia no second-level unit, so the text's is the best there is. :func:`name_districts`
gives a placed settlement that has none the district its parenthesis names, when the parenthesis ends with
the place's own first-level unit (so that "(east of Kurakhove)" or "(UN figures)" never count); the span's
reason says so. The gazetteer's own admin2 is never replaced.

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> from geoconflict.model import Place
>>> from geoconflict.extraction.spans import Span
>>> text = "On 3 May, militants ambushed a patrol near Niono (Niono, Segou)."
>>> niono = Place("Niono", kind="populated_place", lat=14.25, lon=-5.99, country_code="ML", admin1="Ségou")
>>> span = Span(43, 48, "Niono", "name", place=niono)
>>> name_districts(Gazetteer.default(), text, [span])
>>> span.place.admin2, span.reason
('Niono', "name; admin2 'Niono' as the text's parenthesis names it")
"""

from __future__ import annotations

import re
from dataclasses import replace

from geoconflict.errors import InvalidInputError
from geoconflict.extraction.spans import Kind, Span
from geoconflict.gazetteer import Candidate, Gazetteer
from geoconflict.model.acled_names import unit_name
from geoconflict.text.normalize import fold

__all__ = ["district_of", "name_districts"]

#: "(A, B)" or "(A, B, C)" right after a place: units, innermost first, none longer than a unit's name.
#: A descriptor of up to two lower-case words may stand between ("Hebron city (Hebron, West Bank)").
_TAIL = re.compile(r"(?:\s+[a-z][a-z-]*){0,2}\s*\((?P<units>[^(),;:\d]{2,40}(?:,[^(),;:\d]{2,40}){1,2})\)")
#: First-level units looked at for a tail's last name.
UNIT_CANDIDATES = 3
#: The most characters a parenthesis of units holds (three of 40 and their commas).
_LONGEST_TAIL = 126


def district_of(tail: str, admin1: str, *, country_code: str | None, gaz: Gazetteer | None = None) -> str | None:
    """The district that parenthesis *tail* ("A, B" or "A, B, C") names, if its last unit is *admin1*.

    The last unit matches when it folds to the gazetteer's first-level name or to ACLED's
    (:func:`~geoconflict.model.acled_names.unit_name`: "Kharkiv" for "Kharkivs'ka Oblast'"), or, with *gaz*,
    when it is another name of that unit ("Nord-Ouest" for "North-West Province"); the district is the unit
    before it.

    Examples
    --------
    >>> district_of("Mecha, West Gojam, Amhara", "Amhara", country_code="ET")
    'West Gojam'
    >>> district_of("Kupianskyi, Kharkiv", "Kharkiv Oblast", country_code="UA")
    'Kupianskyi'
    >>> district_of("Kupianskyi, Kharkiv", "Sumy Oblast", country_code="UA") is None
    True
    """
    units = [u.strip() for u in tail.split(",")]
    if len(units) < 2 or not all(units):
        return None
    last = fold(units[-1])
    if last in (fold(admin1), fold(unit_name(admin1, country_code=country_code))):
        return units[-2]
    if gaz is not None and any(c.place.name == admin1 for c in _units_named(gaz, units[-1], country_code)):
        return units[-2]
    return None


def _units_named(gaz: Gazetteer, name: str, country_code: str | None) -> list[Candidate]:
    """The first-level units of *country_code* that *name* names (by a name or another name of theirs)."""
    try:
        found = gaz.search(name, kind=Kind.ADMIN1, country=country_code, limit=UNIT_CANDIDATES)
    except InvalidInputError:
        return []
    return [c for c in found if c.reason.startswith(("name", "alternate name"))]


def _tail_of(text: str, x: Span) -> str | None:
    """The units that say where span *x* lies: the parenthesis right after it ("X (A, B)"), or, for a unit
    named inside one ("(X, B)", "(C, X, B)"), the parenthesis from *x* on."""
    m = _TAIL.match(text, x.end)
    if m is not None:
        return m.group("units")
    opening = text.rfind("(", max(0, x.start - _LONGEST_TAIL), x.start)
    if opening < 0:
        return None
    m = _TAIL.match(text, opening)
    if m is None or m.end() <= x.end:
        return None
    before = text[opening + 1:x.start]
    if before.strip() and not before.rstrip().endswith(","):  # x starts a unit of the list, not inside one
        return None
    return text[x.start:m.end() - 1]


def name_districts(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Give each placed settlement of *spans* with no admin2 the district its parenthesis names (in place)."""
    if "(" not in text:
        return  # (no parenthesis: no tail, :data:`_TAIL` opens one)
    for x in spans:
        place = x.place
        if place is None or place.kind is not Kind.POPULATED_PLACE or place.admin2 or not place.admin1:
            continue
        tail = _tail_of(text, x)
        district = None if tail is None else district_of(tail, place.admin1, country_code=place.country_code,
                                                          gaz=gaz)
        if district is not None:
            x.place = replace(place, admin2=district)
            x.reason = f"{x.reason}; admin2 {district!r} as the text's parenthesis names it"
