"""The text of the map's popups: dates, places, areas, precision and provenance as plain strings.

Nothing here is HTML: the page inserts every string with ``textContent``, so a
report containing ``<script>`` shows that text and runs nothing. Whole layers of
events are written column by column (:func:`provenance_columns`); one record at a
time, :func:`provenance_values` gives the same fields.

Examples
--------
>>> from datetime import date
>>> from geoconflict.model import Provenance
>>> when(Provenance(event_date=date(2024, 8, 6), event_date_end=date(2024, 8, 9)))
'2024-08-06 – 2024-08-09'
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import TypeVar

from geoconflict.model import (
    CombatArea,
    DatePrecision,
    Derivation,
    Event,
    Place,
    Precision,
    Provenance,
    TerritorialClaim,
)

__all__ = [
    "DERIVATION_TEXT",
    "PRECISION_FIELD",
    "PRECISION_TEXT",
    "PROVENANCE_FIELDS",
    "derivation_text",
    "event_day",
    "event_precision",
    "fmt_date",
    "km2",
    "provenance_columns",
    "provenance_values",
    "when",
    "where",
    "wheres",
]

H = TypeVar("H", bound=Hashable)
R = TypeVar("R")

PRECISION_TEXT = {
    Precision.EXACT: "1 · exact settlement or point",
    Precision.NEAR: "2 · near a place / part of a district",
    Precision.DISTRICT: "3 · district",
    Precision.REGION: "4 · region",
    Precision.AREA: "5 · between places / wider area",
    Precision.COUNTRY: "6 · country",
}

DERIVATION_TEXT = {
    Derivation.GIVEN: "given with the data",
    Derivation.UNION: "union of the named areas",
    Derivation.STATED_AREA: "an extent of the stated area, placed inside the named areas (illustrative)",
    Derivation.NONE: "no geometry",
}

#: The popup fields :func:`provenance_values` fills, after each layer's own fields.
PROVENANCE_FIELDS = ["Quote", "Source", "Claimed / reported by", "Report date", "Event date", "Precision", "Why"]
#: The one of them that is the record's precision (the others are its provenance's).
PRECISION_FIELD = PROVENANCE_FIELDS.index("Precision")

#: Date precisions that a single ISO date states fully (no "(to the month)" note).
_PLAIN_DATE_PRECISIONS = {DatePrecision.DAY, DatePrecision.UNKNOWN}


def fmt_date(d: date | None) -> str | None:
    """``d`` as ``YYYY-MM-DD``, None for None."""
    return None if d is None else d.isoformat()


def _plain_when(p: Provenance) -> bool:
    """Whether :func:`when` of ``p`` is just its event date's ISO form (or None)."""
    return p.event_date_end is None and p.date_precision in _PLAIN_DATE_PRECISIONS


def when(p: Provenance) -> str | None:
    """The event date with its end and precision (``"2024-08-06 – 2024-08-09"``, ``"… (to the month)"``)."""
    if p.event_date is None:
        return None
    text = p.event_date.isoformat()
    if p.event_date_end is not None and p.event_date_end != p.event_date:
        text += f" – {p.event_date_end.isoformat()}"
    if p.date_precision not in _PLAIN_DATE_PRECISIONS:
        text += f" (to the {p.date_precision.value})"
    return text


def where(place: Place) -> str:
    """The place with its district, region and country (``"Sudzha, Kursk Oblast, RU"``)."""
    parts = [place.name]
    for part in (place.admin2, place.admin1, place.country_code):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def km2(value: float | None) -> str | None:
    """An area as ``"1,234 km²"``, None for None."""
    return None if value is None else f"{value:,.0f} km²"


def event_day(p: Provenance, fallback: date | None = None) -> date | None:
    """The day a record is placed at on the time slider: its event date, else ``fallback``, else its report date."""
    return p.event_date or fallback or p.report_date


def event_precision(event: Event) -> Precision:
    """The event's precision (an Event without one takes its place's, as its constructor does)."""
    return event.place.precision if event.precision is None else event.precision


def derivation_text(record: TerritorialClaim | CombatArea, *, union_note: str = "") -> str:
    """How the record's geometry was made; ``union_note`` is added when it is the union of its areas."""
    derivation = Derivation.NONE if record.derivation is None else record.derivation
    text = DERIVATION_TEXT[derivation]
    if derivation is Derivation.UNION:
        text += union_note
    if record.approximate and record.geometry is not None:
        text += " — approximate"
    return text


def provenance_values(p: Provenance, precision: Precision) -> list[str | None]:
    """The :data:`PROVENANCE_FIELDS` of one record."""
    return [
        p.quote,
        p.source,
        p.reported_by,
        fmt_date(p.report_date),
        when(p),
        PRECISION_TEXT[precision],
        p.reason,
    ]


# --------------------------------------------------------------------------- whole columns at once


def _by_value(fn: Callable[[H], R]) -> Callable[[Sequence[H]], list[R]]:
    """``fn`` applied to each item of a list, computed once per distinct (hashable) value."""

    def apply(items: Sequence[H]) -> list[R]:
        memo = {item: fn(item) for item in set(items)}
        return [memo[item] for item in items]

    return apply


#: :func:`where` of each place of a list (records often share their places).
wheres = _by_value(where)
_iso_dates = _by_value(fmt_date)
_precision_texts = _by_value(PRECISION_TEXT.__getitem__)


def provenance_columns(
    provs: Sequence[Provenance], precisions: Sequence[Precision]
) -> list[Sequence[str | None]]:
    """The :data:`PROVENANCE_FIELDS` of many records, column by column.

    Column ``j`` equals ``[provenance_values(p, q)[j] for p, q in zip(provs, precisions)]``
    (``tests/test_render_reference.py`` holds the two equal); here each distinct date
    and precision is formatted once, and :func:`when` runs only where a date has an
    end or a precision coarser than a day.
    """
    plain = _iso_dates([p.event_date for p in provs])
    whens = [iso if _plain_when(p) else when(p) for p, iso in zip(provs, plain, strict=True)]
    return [
        [p.quote for p in provs],
        [p.source for p in provs],
        [p.reported_by for p in provs],
        _iso_dates([p.report_date for p in provs]),
        whens,
        _precision_texts(precisions),
        [p.reason for p in provs],
    ]
