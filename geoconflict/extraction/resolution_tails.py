"""A tail's unit spelt otherwise than the gazetteer spells it: "Chadoora (Budgam, Jammu and Kashmir)".

A coder ends a place with its units, innermost first, and spells a district as the region's press does, not as
the gazetteer does ("Budgam" for "Badgam"). The scan does not know such a name, so the tail
(:func:`~geoconflict.extraction.structure.apply_structure`) skips it, and the place is held only by the region.
:func:`add_tail_units` reads such a name, standing between a place and the first-level unit that ends
its tail, as the one second-level unit of that first-level unit it is another spelling of
(:func:`~geoconflict.gazetteer.variants.spelled_unit`: words of a unit's kind apart, doubled letters as one, a
vowel or two written otherwise); the tail then holds the place inside that unit. It runs before the tails are read,
and only where a name the scan did not know stands there (a capital letter in the gap before a first-level unit).
"""

from __future__ import annotations

import re

from geoconflict.extraction.spans import Kind, Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.variants import spelled_unit

__all__ = ["SPELT_TAIL", "add_tail_units"]

#: How the reason of a tail's unit placed by this rule begins.
SPELT_TAIL = "a tail's unit spelt otherwise than the gazetteer spells it"
#: A gap of at most this many characters between a place and its first-level unit is looked at.
MAX_GAP = 48
#: Between a place and its first-level unit: an opening parenthesis or a comma, a name of capitalised words (at most
#: four), maybe a unit's word after it, and a comma.
_UNKNOWN_UNIT = re.compile(r"\s*[(,]\s*(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})"
                           r"(?:\s+(?:district|zone|county|department|province|LGA))?\s*,\s*")


def add_tail_units(gaz: Gazetteer, text: str, spans: list[Span]) -> None:
    """Add to *spans* a span for each tail's unit the scan did not know but the gazetteer holds spelt otherwise
    (see the module), placed at that unit (most reports: none).

    Parameters
    ----------
    gaz : Gazetteer
        The gazetteer the report is read with.
    text : str
        The report's text.
    spans : list of Span
        Its spans, resolved in context, by start (and kept so).
    """
    added: list[Span] = []
    for x, y in zip(spans, spans[1:]):
        region = y.place
        if region is None or region.kind is not Kind.ADMIN1 or y.start - x.end > MAX_GAP or (
                region.country_code is None or not _capital_in(text, x.end, y.start)):
            continue
        m = _UNKNOWN_UNIT.fullmatch(text, x.end, y.start)
        if m is None:
            continue
        unit = spelled_unit(gaz, m.group("name"), country=region.country_code, unit=region.name)
        if unit is not None:
            added.append(Span(m.start("name"), m.end("name"), m.group("name"),
                              f"{SPELT_TAIL}: {unit.name} of {region.name}", place=unit, fixed=True))
    if added:
        spans[:] = sorted([*spans, *added], key=lambda s: s.start)


def _capital_in(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a capital letter (a cheap gate before the pattern)."""
    return any(c.isupper() for c in text[start:end])
