"""A GeoJSON's mentions as columns: the ``mentions`` and ``provenances`` members, keyed to the place features.

Nine in ten records of a corpus are mentions, and as features each one spelled
about 25 property names and repeated its sentence, its report's file name and
date, and the rule that placed it (about 600 bytes a mention with its texts).
With ``mentions="columns"`` (GeoJSON's default) the collection holds them as
columns instead, in two members after ``"features"`` (RFC 7946 allows such
foreign members)::

    "mentions": {"columns": ["mention", "mention_start", "mention_end", "provenance",
                             "place_ref", "reason_ref", "score", "candidates"],
                 "rows": [["Riverton", 37, 45, 0, "p1", "t2", 4.5], ...]},
    "provenances": {"columns": ["source", "report_date", "quote_ref", "span_start", "span_end",
                                "reported_by", "date", "date_end", "date_precision"],
                    "rows": [["wire_0001.txt", "2024-05-07", "t1", 0, 57], ...]}

One row per mention, in order, each value in the column its position names
(the names are :mod:`geoconflict.model.frames`' columns of a mention): ``place_ref``
is the place's id among the place features, ``candidates`` a list of such ids,
``reason_ref`` the id of the rule's wording in the collection's ``"texts"`` member,
``provenance`` the 0-based number of the mention's row in ``"provenances"``: one row
per distinct :class:`~geoconflict.model.Provenance` (a sentence of a report, so the
mentions of one sentence share it), whose ``quote_ref`` is its sentence's id in
``"texts"``. A row may stop before its last columns: those values are missing (as
is an unstated ``date_precision``).

A GIS (GDAL, and so QGIS, ogr2ogr and geopandas) reads only the features, so
each place feature counts the mentions that refer to it (``mention_count``) and
the reports they are in (``report_count``, distinct ``source`` values): what a
map of the places mentioned needs. Every mention is still read back by
:func:`geoconflict.read_geojson`; ``mentions="features"`` writes each as a
feature of kind ``place`` instead (every GIS sees each mention, about twice the file).

Examples
--------
>>> from datetime import date
>>> from geoconflict.model import Mention, Place, Provenance
>>> from geoconflict.model.placetable import PlaceTable
>>> town = Place("Riverton", kind="populated_place", lat=48.5, lon=35.1)
>>> said = Provenance(source="wire_0001.txt", quote="Shelling hit Riverton.", span=(0, 22),
...                   report_date=date(2024, 5, 7))
>>> writer = MentionColumns(PlaceTable())
>>> writer.add(Mention("Riverton", 13, 21, place=town, score=0.9, reason="the only town", provenance=said))
'["Riverton",13,21,0,"p1","t2",0.9]'
>>> writer.provenance_rows()
['["wire_0001.txt","2024-05-07","t1",0,22]']
>>> writer.counts("p1")
{'mention_count': 1, 'report_count': 1}
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from geoconflict.errors import FormatError, GeoconflictError, InvalidInputError
from geoconflict.model import Mention, Provenance
from geoconflict.model.placetable import PlaceTable

__all__ = [
    "COUNT_COLUMNS",
    "MENTIONS",
    "MENTIONS_MEMBER",
    "MENTION_COLUMNS",
    "PROVENANCES_MEMBER",
    "PROVENANCE_COLUMNS",
    "MentionColumns",
    "check_mentions",
    "read_mention_members",
]

#: How a GeoJSON holds its mentions: as columns in :data:`MENTIONS_MEMBER` (the default), or one feature each.
MENTIONS = ("columns", "features")
#: The collection's member holding the mentions as columns.
MENTIONS_MEMBER = "mentions"
#: The collection's member holding the mentions' distinct provenances as columns.
PROVENANCES_MEMBER = "provenances"
#: The columns of a mention's row, the ones most often stated first (a row may stop before the last).
MENTION_COLUMNS = ("mention", "mention_start", "mention_end", "provenance", "place_ref", "reason_ref", "score",
                   "candidates")
#: The columns of a provenance's row.
PROVENANCE_COLUMNS = ("source", "report_date", "quote_ref", "span_start", "span_end", "reported_by", "date",
                      "date_end", "date_precision")
#: The columns a place feature gains in this layout: the mentions that refer to it and their distinct reports.
COUNT_COLUMNS = ("mention_count", "report_count")
#: A date precision a row leaves out (the reader's missing value).
_UNSTATED_PRECISION = "unknown"
_COMPACT = (",", ":")


def check_mentions(mentions: str) -> str:
    """*mentions* when it is one of :data:`MENTIONS`, else an :class:`~geoconflict.errors.InvalidInputError`."""
    if mentions not in MENTIONS:
        raise InvalidInputError(f"mentions: expected one of {', '.join(MENTIONS)}, got {mentions!r}",
                                field="mentions", value=mentions)
    return mentions


def _row(values: list[Any]) -> str:
    """A row as compact JSON, its trailing missing values left out."""
    while values and values[-1] is None:
        values.pop()
    return json.dumps(values, ensure_ascii=False, allow_nan=False, separators=_COMPACT)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class MentionColumns:
    """The writer of the two members: :meth:`add` gives a mention's row, :meth:`provenance_rows` the provenances'.

    The places and texts rows refer to are given their ids in *table* (the file's
    place table and text table), so the file's place features and ``"texts"`` member hold them;
    :meth:`counts` gives a place feature's :data:`COUNT_COLUMNS` once every mention is added.
    """

    def __init__(self, table: PlaceTable) -> None:
        self.table = table
        self._provenances: dict[Provenance, int] = {}
        self._rows: list[str] = []
        self._mentions: dict[str, int] = {}
        self._reports: dict[str, set[str]] = {}

    def add(self, mention: Mention) -> str:
        """*mention*'s row, as compact JSON (its place, candidates, reason and provenance registered)."""
        table = self.table
        candidates = [table.ref(place) for place in mention.candidates] or None
        place = table.ref(mention.place) if mention.place is not None else None
        if place is not None:
            self._mentions[place] = self._mentions.get(place, 0) + 1
            if mention.provenance.source is not None:
                self._reports.setdefault(place, set()).add(mention.provenance.source)
        return _row([mention.text, mention.start, mention.end, self._provenance(mention.provenance), place,
                     table.text_id(mention.reason), mention.score, candidates])

    def counts(self, place: str) -> dict[str, int]:
        """The :data:`COUNT_COLUMNS` of the place of id *place*: the mentions added so far that name it, and the
        distinct ``source`` of their provenances (its reports)."""
        return {"mention_count": self._mentions.get(place, 0), "report_count": len(self._reports.get(place, ()))}

    def _provenance(self, provenance: Provenance) -> int:
        found = self._provenances.get(provenance)
        if found is None:
            found = self._provenances[provenance] = len(self._provenances)
            span = provenance.span or (None, None)
            precision = provenance.date_precision.value
            self._rows.append(_row([
                provenance.source, _iso(provenance.report_date), self.table.text_id(provenance.quote), *span,
                provenance.reported_by, _iso(provenance.event_date), _iso(provenance.event_date_end),
                None if precision == _UNSTATED_PRECISION else precision]))
        return found

    def provenance_rows(self) -> list[str]:
        """The provenances' rows, in the order mentions first referred to them."""
        return self._rows


def _member(data: Mapping[str, Any], name: str, known: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """A member's columns and rows, checked: an object of a list of known column names and a list of rows."""
    member = data.get(name)
    if not isinstance(member, dict) or not isinstance(member.get("columns"), list) \
            or not isinstance(member.get("rows"), list):
        raise FormatError(f"{name!r}: expected an object of 'columns' (a list of names) and 'rows' (a list)",
                          column=name)
    columns = member["columns"]
    if unknown := [c for c in columns if c not in known]:
        raise FormatError(f"{name!r}: unknown columns {unknown}; expected some of {', '.join(known)}", column=name)
    return columns, member["rows"]


def _rows(data: Mapping[str, Any], name: str, known: tuple[str, ...]) -> Iterable[tuple[int, dict[str, Any]]]:
    """``(1-based row number, {column: value})`` of each row of member *name* (values missing at a row's end: None)."""
    columns, rows = _member(data, name, known)
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, list) or len(row) > len(columns):
            raise FormatError(f"expected a list of at most {len(columns)} values", row=number, column=name)
        yield number, dict(zip(columns, row))


def _provenance_from(values: Mapping[str, Any], table: PlaceTable) -> Provenance:
    quote = values.get("quote_ref")
    start: Any = values.get("span_start")  # checked by Provenance, as the other values are
    end: Any = values.get("span_end")
    return Provenance(
        source=values.get("source"), reported_by=values.get("reported_by"),
        quote=table.text(quote, "quote_ref") if quote is not None else None,
        span=(start, end) if start is not None or end is not None else None,
        report_date=values.get("report_date"), event_date=values.get("date"), event_date_end=values.get("date_end"),
        date_precision=values.get("date_precision") or _UNSTATED_PRECISION,
    )


def _mention_from(values: Mapping[str, Any], provenances: list[Provenance], table: PlaceTable) -> Mention:
    number, place, reason = values.get("provenance"), values.get("place_ref"), values.get("reason_ref")
    if number is not None and (not isinstance(number, int) or isinstance(number, bool)
                               or not 0 <= number < len(provenances)):
        raise FormatError(f"provenance: {number!r} is not a row of {PROVENANCES_MEMBER!r}", column="provenance")
    candidates = values.get("candidates") or []
    if not isinstance(candidates, list):
        raise FormatError(f"candidates: expected a list of place ids, got {candidates!r}", column="candidates")
    return Mention(
        values.get("mention"), values.get("mention_start"), values.get("mention_end"),  # type: ignore[arg-type]
        place=_place(table, place, "place_ref") if place is not None else None,
        score=values.get("score"),
        candidates=tuple(_place(table, found, "candidates") for found in candidates),
        reason=table.text(reason, "reason_ref") if reason is not None else None,
        provenance=provenances[number] if number is not None else None,
    )


def _place(table: PlaceTable, found: Any, column: str) -> Any:
    """The place of id *found* in *table*, or a :class:`FormatError` naming *column*."""
    try:
        return table.load({"ref": found})
    except FormatError as exc:
        raise FormatError(f"refers to place {found!r}, which is not in the file's place table",
                          column=column) from exc


def read_mention_members(data: Mapping[str, Any], table: PlaceTable) -> list[Mention]:
    """The mentions of a collection's members (none when it has no :data:`MENTIONS_MEMBER`).

    *table* holds the file's places and texts. A bad value is a
    :class:`~geoconflict.errors.FormatError` naming the member, its row and the column.
    """
    if MENTIONS_MEMBER not in data:
        return []
    provenances = []
    if PROVENANCES_MEMBER in data:
        for number, values in _rows(data, PROVENANCES_MEMBER, PROVENANCE_COLUMNS):
            provenances.append(_checked(_provenance_from, PROVENANCES_MEMBER, number, values, table))
    return [_checked(_mention_from, MENTIONS_MEMBER, number, values, provenances, table)
            for number, values in _rows(data, MENTIONS_MEMBER, MENTION_COLUMNS)]


def _checked(make: Any, member: str, number: int, *args: Any) -> Any:
    """``make(*args)``, a bad value's error a :class:`FormatError` naming *member*'s row *number* and its column."""
    try:
        return make(*args)
    except (GeoconflictError, ValueError, TypeError) as exc:
        column = getattr(exc, "column", None) or getattr(exc, "field", None)
        message, prefix = str(exc), f"column {column!r}: "
        message = message[len(prefix):] if message.startswith(prefix) else message
        raise FormatError(message, row=number, column=f"{member}.{column}" if column else member) from exc
