"""Records → an ACLED-shaped table: one row per located event, with ACLED's column names.

:func:`to_acled` (also :meth:`EventSet.to_acled <geoconflict.model.eventset.EventSet.to_acled>`)
gives a pandas DataFrame whose columns are those of an ACLED export
(:data:`COLUMNS`), so ACLED's own tools, and geoconflict's ACLED reader
(:func:`geoconflict.readers.read_events`), read it back.

Rows and their order
--------------------
One row per located record, in the order the report tells them: by source (in
order of first appearance), then by where the record's quote starts in its
report; within one sentence an :class:`~geoconflict.model.Event` comes first
(a note's main event, named first, is the first row), then claims, movements
and combat areas. Records with no quote offsets (read from tables) keep their
order after the told ones of the same source.

=====================  ===========================================  =====================================
record                 its row(s)                                   location
=====================  ===========================================  =====================================
``Event``              one                                          its place
``Movement``           one (Strategic developments / Other)         its destination: where the forces
                                                                    arrive, as ACLED codes a deployment
``TerritorialClaim``   one per named area (Battles)                 the area; a claim with no named area
                                                                    (a drawn polygon only) has no row
``CombatArea``         one per named area (Battles / Armed clash)   the area
=====================  ===========================================  =====================================

Columns
-------
``event_id_cnty`` is the record's ``id``, else ``<source>-<n>``; ``event_date`` the
provenance's event date, else its report date (ISO); ``time_precision`` 1 for a
day, 2 for a week, 3 for a month or less precise; ``actor1``/``actor2`` the first
two actors (a movement's actor; a claim's claimant, then its opponent in a battle), further ones in
``assoc_actor_2`` (``;``-separated, as ACLED writes associated actors);
``country``, ``admin1``, ``admin2`` and ``location`` the place's names as ACLED writes them
(:mod:`geoconflict.model.acled_names`: "Donetsk" for the gazetteer's "Donetsk Oblast", "Aleppo" for
"Ḩalab", "Palestine"; a region's location is its admin1 name); ``notes`` the quote (else the description);
``fatalities`` the count when stated, blank when not (a record of several rows states its
count on its first row and 0 on the others, so the rows add up to it, as ACLED splits them; records told in
one sentence that state the same count, as a capture and the fighting for it, state it on the first's rows
and 0 on the others': a note's deaths are counted once).

``geo_precision`` maps geoconflict's six-step scale (:class:`~geoconflict.model.Precision`)
onto ACLED's three (:data:`GEO_PRECISION`):

=================================  ==============
geoconflict precision              geo_precision
=================================  ==============
1 exact (a settlement)             1
2 near a place, 3 a district       2 (a small part of a region)
4 region, 5 area, 6 country        3 (a larger region)
=================================  ==============

Examples
--------
>>> from geoconflict.model import Event, Place, Provenance
>>> kupiansk = Place("Kupiansk", kind="populated_place", lat=49.71, lon=37.61, country_code="UA",
...                  admin1="Kharkiv")
>>> ev = Event("strike", kupiansk, subtype="Shelling/artillery/missile attack", actors=("Russian forces",),
...            fatalities=2, provenance=Provenance(source="wire", quote="Russian forces shelled Kupiansk.",
...                                                 event_date="2023-06-04", date_precision="day"))
>>> frame = to_acled([ev])
>>> frame[["event_type", "actor1", "location", "geo_precision", "fatalities"]].values.tolist()
[['Explosions/Remote violence', 'Russian forces', 'Kupiansk', 1, 2]]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from geoconflict.model._enum import DatePrecision, PlaceKind, Precision
from geoconflict.model.acled_names import NAMES_KEPT, country_name, plain_letters, unit_name
from geoconflict.model.events import CombatArea, Event, Movement, TerritorialClaim
from geoconflict.model.place import Place
from geoconflict.model.provenance import Provenance
from geoconflict.model.taxonomy import NON_VIOLENT_TRANSFER, acled_type

__all__ = ["COLUMNS", "GEO_PRECISION", "TIME_PRECISION", "acled_rows", "country_name", "to_acled"]

#: The columns, in ACLED's order (``assoc_actor_2`` keeps actors beyond the second).
COLUMNS = (
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)
#: geoconflict :class:`Precision` → ACLED ``geo_precision`` (see the module's table).
GEO_PRECISION: dict[Precision, int] = {
    Precision.EXACT: 1, Precision.NEAR: 2, Precision.DISTRICT: 2,
    Precision.REGION: 3, Precision.AREA: 3, Precision.COUNTRY: 3,
}
#: :class:`DatePrecision` → ACLED ``time_precision`` (a year or an unknown precision is coded as a month).
TIME_PRECISION: dict[DatePrecision, int] = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2}
_LEAST_PRECISE_TIME = 3
#: Within one sentence, the order of the kinds (the event the sentence tells first).
_KIND_ORDER = {Event: 0, TerritorialClaim: 1, Movement: 2, CombatArea: 3}
_ASSOCIATED = "; "
#: Digits of latitude and longitude written (ACLED writes four; five keep about a metre).
COORDINATE_DIGITS = 5


def to_acled(records: Iterable[Any]) -> Any:
    """The located records of *records* as an ACLED-shaped pandas DataFrame (see the module's docstring).

    Parameters
    ----------
    records : iterable of records
        An :class:`~geoconflict.model.eventset.EventSet` or any records; mentions are left out.

    Returns
    -------
    pandas.DataFrame
        One row per located event, columns :data:`COLUMNS`; ``fatalities`` is a nullable integer.
    """
    import pandas as pd

    frame = pd.DataFrame(list(acled_rows(records)), columns=list(COLUMNS))
    frame["fatalities"] = frame["fatalities"].astype("Int64")
    frame["time_precision"] = frame["time_precision"].astype("int64")
    frame["geo_precision"] = frame["geo_precision"].astype("int64")
    return frame


def acled_rows(records: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """The rows of :func:`to_acled`, as dictionaries keyed by :data:`COLUMNS`, in the same order.

    Without pandas: the first row is a note's main event, for a caller that wants only that.

    Examples
    --------
    >>> from geoconflict.model import Event, Place
    >>> goma = Place("Goma", kind="populated_place", lat=-1.68, lon=29.23, country_code="CD")
    >>> next(acled_rows([Event("protest", goma, subtype="Peaceful protest")]))["event_type"]
    'Protests'
    """
    told = [r for r in records if type(r) in _KIND_ORDER]
    stated: set[tuple[str | None, tuple[int, int], int]] = set()  # (source, quote span, count) already on a row
    for n, r in enumerate(_in_report_order(told)):
        rows = _rows(r, n)
        count, span = r.fatalities if type(r) is not Movement else None, r.provenance.span
        if count and span is not None:
            told_by = (r.provenance.source, span, count)
            if told_by in stated:  # the sentence's deaths are on an earlier record's row: not counted twice
                rows = ({**row, "fatalities": 0} for row in rows)
            stated.add(told_by)
        yield from rows


def _in_report_order(records: list[Any]) -> list[Any]:
    """*records* by source (first appearance), then quote start, then kind; untold ones last, as given."""
    sources: dict[str | None, int] = {}
    for r in records:
        sources.setdefault(r.provenance.source, len(sources))

    def key(item: tuple[int, Any]) -> tuple[int, int, int, int, int]:
        n, r = item
        span = r.provenance.span
        if span is None:
            return sources[r.provenance.source], 1, 0, 0, n
        return sources[r.provenance.source], 0, span[0], _KIND_ORDER[type(r)], n

    return [r for _, r in sorted(enumerate(records), key=key)]


def _rows(record: Any, n: int) -> Iterator[dict[str, Any]]:
    """The rows of one record (several for a claim or a combat area naming several areas)."""
    event_type, sub_event_type = acled_type(record)
    prov: Provenance = record.provenance
    actors, fatalities, notes, places = _parts(record)
    when = prov.event_date or prov.report_date
    for k, place in enumerate(places):
        ident = record.id or f"{prov.source or 'geoconflict'}-{n + 1}"
        yield {
            "event_id_cnty": ident if len(places) == 1 else f"{ident}.{k + 1}",
            "event_date": None if when is None else when.isoformat(),
            "time_precision": TIME_PRECISION.get(prov.date_precision, _LEAST_PRECISE_TIME),
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "actor1": actors[0] if actors else None,
            "actor2": actors[1] if len(actors) > 1 else None,
            "assoc_actor_2": _ASSOCIATED.join(actors[2:]) or None,
            **_names(place),
            "latitude": round(place.lat, COORDINATE_DIGITS),
            "longitude": round(place.lon, COORDINATE_DIGITS),
            "geo_precision": GEO_PRECISION[_precision(record, place)],
            "source": prov.source,
            "notes": notes,
            "fatalities": fatalities if k == 0 or fatalities is None else 0,
        }


def _names(place: Place) -> dict[str, str | None]:
    """The row's ``country``, ``admin1``, ``admin2`` and ``location``, as ACLED writes them (:mod:`.acled_names`).

    A region is its own admin1 (a district its own admin2), and its location is that name. They are a function
    of the five fields read, so each place's are made once (the dictionary is read, never changed: a row copies it).
    """
    return _names_of(place.name, place.kind, place.country_code, place.admin1, place.admin2)


@lru_cache(maxsize=NAMES_KEPT)
def _names_of(name: str, kind: PlaceKind, cc: str | None, admin1: str | None,
              admin2: str | None) -> dict[str, str | None]:
    """:func:`_names` of a place of *name*, *kind* and country code *cc* in units *admin1*, *admin2*."""
    admin1 = name if kind is PlaceKind.ADMIN1 else admin1
    admin2 = name if kind is PlaceKind.ADMIN2 else admin2
    names = {"country": country_name(cc),
             "admin1": None if admin1 is None else unit_name(admin1, country_code=cc),
             "admin2": None if admin2 is None else unit_name(admin2, country_code=cc, district=True)}
    unit = {PlaceKind.ADMIN1: "admin1", PlaceKind.ADMIN2: "admin2", PlaceKind.COUNTRY: "country"}.get(kind)
    names["location"] = (unit and names[unit]) or plain_letters(name)
    return names


def _parts(record: Any) -> tuple[tuple[str, ...], int | None, str | None, tuple[Place, ...]]:
    """(actors, fatalities, notes, places) of a record, as its rows state them."""
    quote = record.provenance.quote
    if isinstance(record, Event):
        return record.actors, record.fatalities, quote or record.description, (record.place,)
    if isinstance(record, Movement):
        return ((record.actor,) if record.actor else ()), None, quote, (record.destination,)
    if isinstance(record, TerritorialClaim):
        return _claim_sides(record), record.fatalities, quote or record.note, record.areas
    return record.actors, record.fatalities, quote or record.description, record.areas


def _claim_sides(claim: TerritorialClaim) -> tuple[str, ...]:
    """A claim's actors as ACLED codes a change of control: the side that takes the ground, then the side it is taken
    from when told, in a battle only (a non-violent transfer is one side's act: the side that left is no actor2).

    Examples
    --------
    >>> _claim_sides(TerritorialClaim("RSF", opponent="SAF"))
    ('RSF', 'SAF')
    >>> _claim_sides(TerritorialClaim("RSF", opponent="SAF", subtype="Non-violent transfer of territory"))
    ('RSF',)
    """
    if claim.opponent is None or claim.subtype == NON_VIOLENT_TRANSFER:
        return (claim.claimant,)
    return claim.claimant, claim.opponent


def _precision(record: Any, place: Place) -> Precision:
    """An event's own precision; for the other records, that of the place of the row."""
    return record.precision if isinstance(record, Event) else place.precision
