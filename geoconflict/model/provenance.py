"""Where a record comes from: the :class:`Provenance` every record carries.

Examples
--------
>>> p = Provenance(source="BNS", quote="Russia moved troops", span=[10, 29], event_date="2024-08-14")
>>> p.span, p.event_date, p.date_precision
((10, 29), datetime.date(2024, 8, 14), <DatePrecision.UNKNOWN: 'unknown'>)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from geoconflict.errors import DateError, InvalidInputError
from geoconflict.model._checks import as_date, as_enum, as_span, as_text
from geoconflict.model._enum import DatePrecision

__all__ = ["Provenance", "as_provenance"]


@dataclass(frozen=True, init=False)
class Provenance:
    """Where a record comes from: who says so, in which words, and when.

    Parameters
    ----------
    source : str, optional
        The document or outlet (``"BNS"``, a file name, an ACLED source field).
    reported_by : str, optional
        Who makes the statement (``"Lithuanian Defence Minister Laurynas Kasčiūnas"``).
    quote : str, optional
        The words of the report the record rests on.
    span : pair of int, optional
        ``(start, end)`` character offsets of ``quote`` in the report; stored as a tuple.
    report_date : date or ISO date string, optional
        When the report was published.
    event_date, event_date_end : date or ISO date string, optional
        When the event happened (a single day, or a range).
    date_precision : DatePrecision or str
        How precisely ``event_date`` is known.
    reason : str, optional
        Which rule or pattern produced the record, so a user can see why.

    Notes
    -----
    Empty text means "not given" and is stored as None. Equality and hashing are
    the dataclass's, over every field.
    """

    source: str | None = None
    reported_by: str | None = None
    quote: str | None = None
    span: tuple[int, int] | None = None
    report_date: date | None = None
    event_date: date | None = None
    event_date_end: date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    reason: str | None = None

    def __init__(
        self,
        source: str | None = None,
        reported_by: str | None = None,
        quote: str | None = None,
        span: Sequence[int] | None = None,
        report_date: date | str | None = None,
        event_date: date | str | None = None,
        event_date_end: date | str | None = None,
        date_precision: DatePrecision | str = DatePrecision.UNKNOWN,
        reason: str | None = None,
    ) -> None:
        # A frozen dataclass: each field is checked, then stored in the instance dict,
        # where the dataclass's own __init__ would put it through object.__setattr__.
        stored = self.__dict__
        stored["source"] = as_text(source, "source")
        stored["reported_by"] = as_text(reported_by, "reported_by")
        stored["quote"] = as_text(quote, "quote")
        stored["reason"] = as_text(reason, "reason")
        stored["span"] = as_span(span)
        stored["report_date"] = as_date(report_date, "report_date")
        stored["event_date"], stored["event_date_end"] = _event_dates(
            as_date(event_date, "event_date"), as_date(event_date_end, "event_date_end"))
        stored["date_precision"] = as_enum(DatePrecision, date_precision, "date_precision")

    @classmethod
    def _from_trusted(
        cls,
        source: str | None,
        reported_by: str | None,
        quote: str | None,
        span: tuple[int, int] | None,
        report_date: date | None,
        event_date: date | None,
        event_date_end: date | None,
        date_precision: DatePrecision,
        reason: str | None,
    ) -> Provenance:
        """A provenance from fields already in their stored form, stored without checking them.

        The contract (as :meth:`~geoconflict.model.place.Place._from_trusted`'s): given values that
        :meth:`__init__` would store unchanged (non-blank texts without NUL or None, a span tuple of two
        ``int``, dates, no end without a start nor before it, a :class:`DatePrecision`), the result equals
        ``Provenance(source, reported_by, ...)``; ``tests/test_model_fast.py`` holds the two equal on generated
        values, and on every mention extraction makes. It is for extraction, whose quotes are slices of a
        report already checked, so that the provenance of every sentence is not checked field by field again.
        """
        made = object.__new__(cls)
        made.__dict__.update(source=source, reported_by=reported_by, quote=quote, reason=reason, span=span,
                             report_date=report_date, event_date=event_date, event_date_end=event_date_end,
                             date_precision=date_precision)
        return made


def _event_dates(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """``(event_date, event_date_end)``, checked: an end needs a start and is not before it."""
    if end is not None:
        if start is None:
            raise DateError("event_date_end: given without event_date", field="event_date_end", value=end)
        if end < start:
            raise DateError(
                f"event_date_end: {end.isoformat()} is before event_date {start.isoformat()}",
                field="event_date_end",
                value=end,
            )
    return start, end


def as_provenance(value: Provenance | None) -> Provenance:
    """A record's provenance: *value*, or an empty :class:`Provenance` for None."""
    if type(value) is Provenance:
        return value
    if value is None:
        return Provenance()
    if not isinstance(value, Provenance):
        raise InvalidInputError(
            f"provenance: expected a Provenance, got {type(value).__name__}", field="provenance", value=value
        )
    return value
