"""ACLED CSV exports → located events and territorial claims.

Columns are those of ACLED's codebook (``event_id_cnty, event_date, year,
time_precision, disorder_type, event_type, sub_event_type, actor1,
assoc_actor_1, inter1, actor2, …, country, admin1, admin2, admin3, location,
latitude, longitude, geo_precision, source, source_scale, notes, fatalities,
tags, timestamp``); extra columns are ignored.

How a row becomes a record
--------------------------
* Every row is an :class:`~geoconflict.model.Event`: ``type`` is
  ``event_type`` in lower case (``"battles"``), ``subtype`` the
  ``sub_event_type``, ``actors`` are ``actor1``, ``assoc_actor_1``, ``actor2``,
  ``assoc_actor_2`` (associated actors split at ``;``), ``description`` the
  ``notes``, ``fatalities`` the ``fatalities`` and ``id`` the
  ``event_id_cnty``; the provenance's ``source`` is ACLED's ``source`` column.
* Rows whose ``sub_event_type`` is *Non-state actor overtakes territory* or
  *Government regains territory* become
  :class:`~geoconflict.model.TerritorialClaim` records instead: ``claimant`` is
  ``actor1``, ``opponent`` the ``actor2`` (the side the ground is taken from),
  ``fatalities`` the ``fatalities``, ``as_of`` the event date, ``areas`` the row's location (a point,
  so ``derivation`` is ``"none"``), ``tier`` ``"assessed"`` (ACLED's coding of
  what its sources report, not a party's own claim), ``note`` the notes, and the
  provenance's ``reported_by`` (as well as ``source``) the ``source`` column.
* The place is ``location`` (falling back to ``admin3``, ``admin2``,
  ``admin1``, ``country``) at (``latitude``, ``longitude``), with ``admin1``,
  ``admin2`` and the country's ISO code (from the offline gazetteer);
  it is ``approximate`` when ``geo_precision`` is 2 or 3.

Precision mappings (see :class:`~geoconflict.model.Precision`)
--------------------------------------------------------------
============== ======================================================= ==============
geo_precision  ACLED's meaning                                          geoconflict
============== ======================================================= ==============
1              the town named, with its own coordinates                 1 exact
2              near a town, or a small part of a region: the town        2 near
               stands in for the area
3              only a larger region (or a natural feature, or the        4 region
               provincial capital as a stand-in) is known
============== ======================================================= ==============

============== ======================================================= ==============
time_precision ACLED's meaning                                          date_precision
============== ======================================================= ==============
1              the day is known                                         ``day``
2              some day in a given week (or similar span)               ``week``
3              some day in a given month (ACLED codes the mid-month)    ``month``
============== ======================================================= ==============
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from geoconflict.model import (
    ClaimTier,
    DatePrecision,
    Derivation,
    Event,
    Place,
    PlaceKind,
    Precision,
    Provenance,
    TerritorialClaim,
)
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.readers.bulk import maker
from geoconflict.readers.cells import a_count, a_date, clean_text, one_of, required_text, text_value
from geoconflict.readers.columns import (
    Coded,
    column_values,
    coordinates,
    country_code_values,
    first_filled,
    groups,
    text_cells,
    text_values,
)
from geoconflict.readers.csvfile import load_layout
from geoconflict.readers.problems import Problems

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GEO_PRECISION", "TIME_PRECISION", "TERRITORY_SUBTYPES", "AcledColumns", "is_acled", "read_acled",
           "validate_acled", "validate_frame"]

#: ACLED ``geo_precision`` → geoconflict :class:`~geoconflict.model.Precision`.
GEO_PRECISION = {1: Precision.EXACT, 2: Precision.NEAR, 3: Precision.REGION}
#: ACLED ``time_precision`` → :class:`~geoconflict.model.DatePrecision`.
TIME_PRECISION = {1: DatePrecision.DAY, 2: DatePrecision.WEEK, 3: DatePrecision.MONTH}
#: Sub-event types read as territorial claims (compared case-insensitively).
TERRITORY_SUBTYPES = ("Non-state actor overtakes territory", "Government regains territory")

REQUIRED = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
)
OPTIONAL = (
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "source",
    "notes",
    "fatalities",
)
TEXT = ("event_id_cnty", "notes")
_NAME_COLUMNS = ("location", "admin3", "admin2", "admin1", "country")
_TERRITORY = {s.casefold() for s in TERRITORY_SUBTYPES}
_ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
#: The fields of a row's :class:`~geoconflict.model.Place` (:meth:`AcledColumns.place_fields`), in order.
PLACE_FIELDS = ("name", "lat", "lon", "country_code", "admin1", "admin2", "approximate")
#: The fields of a row's :class:`~geoconflict.model.Provenance` besides its reason, in order.
PROVENANCE_FIELDS = ("source", "event_date", "date_precision")


def is_acled(columns: Iterable[str]) -> bool:
    """Whether a header (column names, any case) looks like an ACLED export."""
    names = {c.strip().lower() for c in columns}
    return {"event_id_cnty", "geo_precision", "event_date"} <= names


def _actor_parts(value: str | None) -> list[str]:
    if value is None:
        return []
    return [p.strip() for p in value.split(";") if p.strip()]


@dataclass(frozen=True)
class AcledColumns:
    """An ACLED table validated as columns: what :func:`read_acled` makes its records from.

    Every check is made on whole columns (:mod:`geoconflict.readers.columns`)
    when this is made, so its bad rows are already in the problems;
    :meth:`records` makes the good rows' records, when a caller asks for them.

    Attributes
    ----------
    frame : pandas.DataFrame
        The table's columns (categorical, as :func:`~geoconflict.readers.csvfile.load_csv` reads them).
    good : numpy.ndarray
        The numbers (from 0) of the rows without problems.
    """

    frame: pd.DataFrame
    good: np.ndarray
    values: dict[str, Coded]
    name: np.ndarray
    name_col: np.ndarray
    is_claim: np.ndarray
    reason: str
    #: the distinct places and provenances once made (:meth:`claims`, :meth:`to_frame` and :meth:`records` share them)
    _made: dict[str, Coded] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        """Good rows (each one record)."""
        return len(self.good)

    def records(self) -> list[Event | TerritorialClaim]:
        """The good rows' records: events, then territorial claims, each kind in file order."""
        (places, place_c), (provs, prov_c), (actors, actor_c) = self._places(), self._provenances(), self._actors()
        row_place, row_prov = places[place_c], provs[prov_c]
        return [*self._events(row_place, row_prov, actors[actor_c]), *self._claims(row_place, row_prov, {})]

    def claims(self, *, provenances: dict[tuple[int, str | None], Provenance] | None = None) -> list[TerritorialClaim]:
        """The territory rows' claims, in file order, without making the other rows' events.

        *provenances* keeps the claims' provenances (one per distinct provenance and sub-event type) across
        calls: the chunks of one table (:mod:`geoconflict.readers.streamgpkg`) share them.
        """
        if not self.is_claim[self.good].any():
            return []
        (places, place_c), (provs, prov_c) = self._places(), self._provenances()
        return self._claims(places[place_c], provs[prov_c], {} if provenances is None else provenances)

    def to_frame(self):
        """The events' GeoDataFrame, made from the columns without making an :class:`Event` per row.

        Equal to ``EventSet(self.records()).events.to_geodataframe()`` (the
        schema of :mod:`geoconflict.model.frames`, kind ``event``); only the
        distinct places, provenances and actor lists become records. The
        territorial claims (the territory rows) are not in it.
        """
        return self.event_columns().to_frame()

    def event_columns(self) -> EventColumns:
        """The events (the rows other than territory rows) as :class:`~geoconflict.model.eventcolumns.EventColumns`.

        Only the distinct places, provenances and actor lists become records; a
        map of a million rows is drawn from these (:mod:`geoconflict.maps.aggregate`).
        """
        v = self.values
        rows = self.good[~self.is_claim[self.good]]
        (places, place_c), (provs, prov_c), (actors, actor_c) = self._places(), self._provenances(), self._actors()
        (etype, etype_c), (subtype, subtype_c), (fatal, fatal_c) = v["event_type"], v["sub_event_type"], v["fatalities"]
        gprec, gprec_c = v["geo_precision"]
        columns = {
            "id": text_values(self.frame, "event_id_cnty", rows),
            "precision": np.array([int(p) if p is not None else None for p in gprec], dtype=object)[gprec_c[rows]],
            "event_type": etype[etype_c[rows]],
            "subtype": subtype[subtype_c[rows]],
            "description": text_values(self.frame, "notes", rows),
            "fatalities": fatal[fatal_c[rows]],
        }
        return EventColumns((places, place_c[rows]), (provs, prov_c[rows]), (actors, actor_c[rows]), columns)

    def _places(self) -> Coded:
        """Each row's place: one per distinct (name, coordinates, precision, admin units, country)."""
        if "places" not in self._made:
            self._made["places"] = self._make_places()
        return self._made["places"]

    def _make_places(self) -> Coded:
        good = self.good
        place_group, place_first = groups(self.name_col[good], *(codes[good] for codes in self.place_codes()))
        places = np.empty(len(place_first) + 1, dtype=object)  # the last slot (None) for the bad rows
        make_place = maker(Place)
        for g, fields in enumerate(self.place_fields(good[place_first])):
            places[g] = make_place(kind=PlaceKind.POPULATED_PLACE, **dict(zip(PLACE_FIELDS, fields, strict=True)))
        return places, _all_rows(place_group, good, len(self.frame))

    def place_codes(self) -> list[np.ndarray]:
        """The code columns (besides the name's column) whose distinct combinations are the distinct places."""
        v = self.values
        return [v[c][1] for c in ("location", "admin3", "admin2", "admin1", "country", "latitude", "longitude",
                                  "geo_precision")]

    def place_fields(self, rows: np.ndarray) -> list[tuple[Any, ...]]:
        """The :class:`~geoconflict.model.Place` fields (:data:`PLACE_FIELDS`, in order) of each of *rows*."""
        v = self.values
        (lat_v, lat_c), (lon_v, lon_c), (gprec, gprec_c) = v["latitude"], v["longitude"], v["geo_precision"]
        country_v, country_c = v["country"]
        (a1_v, a1_c), (a2_v, a2_c) = v["admin1"], v["admin2"]
        approximate = np.array([p is not None and p > Precision.EXACT for p in gprec], dtype=bool)
        return list(zip(self.name[rows].tolist(), lat_v[lat_c[rows]].tolist(), lon_v[lon_c[rows]].tolist(),
                        country_code_values(country_v)[country_c[rows]].tolist(), a1_v[a1_c[rows]].tolist(),
                        a2_v[a2_c[rows]].tolist(), approximate[gprec_c[rows]].tolist(), strict=True))

    def _provenances(self) -> Coded:
        """Each row's provenance: one per distinct (source, date, time precision)."""
        if "provenances" not in self._made:
            self._made["provenances"] = self._make_provenances()
        return self._made["provenances"]

    def _make_provenances(self) -> Coded:
        good = self.good
        prov_group, prov_first = groups(*(codes[good] for codes in self.provenance_codes()))
        provs = np.empty(len(prov_first) + 1, dtype=object)
        make_provenance = maker(Provenance)
        for g, fields in enumerate(self.provenance_fields(good[prov_first])):
            provs[g] = make_provenance(reason=self.reason, **dict(zip(PROVENANCE_FIELDS, fields, strict=True)))
        return provs, _all_rows(prov_group, good, len(self.frame))

    def provenance_codes(self) -> list[np.ndarray]:
        """The code columns whose distinct combinations are the distinct provenances."""
        return [self.values[c][1] for c in ("source", "event_date", "time_precision")]

    def provenance_fields(self, rows: np.ndarray) -> list[tuple[Any, ...]]:
        """The :class:`~geoconflict.model.Provenance` fields (:data:`PROVENANCE_FIELDS`, in order; the reason is
        the table's) of each of *rows*."""
        v = self.values
        (src_v, src_c), (dates, date_c), (tprec, tprec_c) = v["source"], v["event_date"], v["time_precision"]
        return list(zip(src_v[src_c[rows]].tolist(), dates[date_c[rows]].tolist(), tprec[tprec_c[rows]].tolist(),
                        strict=True))

    def _actors(self) -> Coded:
        """Each row's actors: one tuple per distinct combination."""
        if "actors" not in self._made:
            good = self.good
            actor_group, actor_first = groups(*(codes[good] for codes in self.actor_codes()))
            actors = np.empty(len(actor_first) + 1, dtype=object)
            of_row = self.actors_of()
            for g, i in enumerate(good[actor_first]):
                actors[g] = of_row(i)
            self._made["actors"] = actors, _all_rows(actor_group, good, len(self.frame))
        return self._made["actors"]

    def actor_codes(self) -> list[np.ndarray]:
        """The code columns whose distinct combinations are the distinct lists of actors."""
        return [self.values[c][1] for c in _ACTOR_COLUMNS]

    def actor_cells(self, rows: np.ndarray) -> list[tuple[Any, ...]]:
        """The four actor cells (actor1, assoc_actor_1, actor2, assoc_actor_2) of each of *rows*: equal cells, equal
        actors (:meth:`actors_of`)."""
        return list(zip(*(values[codes[rows]].tolist() for values, codes in (self.values[c] for c in _ACTOR_COLUMNS)),
                        strict=True))

    def actors_of(self) -> Callable[[int], tuple[str, ...]]:
        """The actors of row *i* (a function of *i*): actor1, assoc_actor_1, actor2, assoc_actor_2 split at ``;``."""
        actor_cols = [self.values[c] for c in _ACTOR_COLUMNS]

        def of_row(i: int) -> tuple[str, ...]:
            parts: list[str] = []
            for values, codes in actor_cols:
                parts.extend(_actor_parts(values[codes[i]]))
            return tuple(dict.fromkeys(parts))

        return of_row

    def share(self, part: str, coded: Coded) -> None:
        """Use *coded* (distinct values and each row's code, -1 the bad rows) as the rows' *part*
        (``places``, ``provenances`` or ``actors``): the distinct values of several chunks of one
        table, coded once across them (:mod:`geoconflict.readers.acledstream`)."""
        self._made[part] = coded

    def _events(self, row_place: np.ndarray, row_prov: np.ndarray, row_actors: np.ndarray) -> list[Event]:
        v = self.values
        (etype, etype_c), (subtype, subtype_c), (fatal, fatal_c) = v["event_type"], v["sub_event_type"], v["fatalities"]
        gprec, gprec_c = v["geo_precision"]
        ids = text_cells(self.frame, "event_id_cnty")
        notes = text_cells(self.frame, "notes")
        make_event = maker(Event)
        rows = self.good[~self.is_claim[self.good]]
        return [
            make_event(
                type=t,
                place=pl,
                subtype=st,
                actors=ac,
                description=de if de is None or not de.isspace() else None,
                fatalities=fa,
                precision=pr,
                provenance=pv,
                id=i if i is None or not i.isspace() else None,
            )
            for t, st, pl, ac, de, fa, pr, pv, i in zip(
                etype[etype_c[rows]].tolist(),
                subtype[subtype_c[rows]].tolist(),
                row_place[rows].tolist(),
                row_actors[rows].tolist(),
                notes[rows].tolist(),
                fatal[fatal_c[rows]].tolist(),
                gprec[gprec_c[rows]].tolist(),
                row_prov[rows].tolist(),
                ids[rows].tolist(),
            )
        ]

    def _claims(self, row_place: np.ndarray, row_prov: np.ndarray,
                provenances: dict[tuple[int, str | None], Provenance]) -> list[TerritorialClaim]:
        """The territory rows' claims, built unchecked (every field validated column-wise), their provenances
        shared: one per distinct (provenance, sub-event type)."""
        (actor1, actor1_c), (subtype, subtype_c) = self.values["actor1"], self.values["sub_event_type"]
        (actor2, actor2_c), (fatal, fatal_c) = self.values["actor2"], self.values["fatalities"]
        rows = self.good[self.is_claim[self.good]]
        ids = text_cells(self.frame, "event_id_cnty", rows)  # these rows' cells only: a few of a table's
        notes = text_cells(self.frame, "notes", rows)
        make_claim, make_provenance = maker(TerritorialClaim), maker(Provenance)
        claims = []
        for k, i in enumerate(rows.tolist()):
            p = row_prov[i]
            key = (id(p), subtype[subtype_c[i]])  # the provenances of row_prov are shared objects, alive meanwhile
            if key not in provenances:
                provenances[key] = make_provenance(
                    source=p.source,
                    reported_by=p.source,  # ACLED's source field names who reported the change of control
                    event_date=p.event_date,
                    date_precision=p.date_precision,
                    reason=f"{self.reason}: sub_event_type {subtype[subtype_c[i]]!r}",
                )
            claims.append(make_claim(
                claimant=actor1[actor1_c[i]],
                opponent=actor2[actor2_c[i]],
                fatalities=fatal[fatal_c[i]],
                as_of=p.event_date,
                areas=(row_place[i],),
                derivation=Derivation.NONE,  # a point: no area's polygon
                tier=ClaimTier.ASSESSED,
                note=clean_text(notes[k]),
                provenance=provenances[key],
                id=clean_text(ids[k]),
            ))
        return claims


def _all_rows(group: np.ndarray, good: np.ndarray, n: int) -> np.ndarray:
    """Codes for all *n* rows from the good rows' *group* numbers; -1 (the None slot) on the bad rows."""
    codes = np.full(n, -1, dtype=np.int64)
    codes[good] = group
    return codes


def validate_acled(
    path: str | os.PathLike[str], *, encoding: str = "utf-8"
) -> tuple[AcledColumns, Problems, int]:
    """Read and check an ACLED CSV export as columns, making no record.

    Returns
    -------
    columns : AcledColumns
        The good rows, whose :meth:`AcledColumns.records` are the records.
    problems : Problems
        Bad rows found (unresolved: the caller applies the ``errors`` policy).
    rows : int
        Data rows read.
    """
    path = Path(path)
    frame, problems = load_layout(path, REQUIRED, OPTIONAL, layout="ACLED", text=TEXT, encoding=encoding)
    return validate_frame(frame, problems, reason=f"ACLED table {path.name}"), problems, len(frame)


def validate_frame(frame: pd.DataFrame, problems: Problems, *, reason: str) -> AcledColumns:
    """Check the columns of an ACLED *frame* (as :func:`~geoconflict.readers.csvfile.load_layout` reads
    them), marking its bad rows in *problems*: :func:`validate_acled`'s checks, for the whole file or for
    one chunk of its rows (:mod:`geoconflict.readers.acledstream`); *reason* is the records' provenance reason."""
    n = len(frame)
    values: dict[str, Coded] = {
        "event_date": column_values(frame, problems, "event_date", a_date),
        "time_precision": column_values(frame, problems, "time_precision",
                                        one_of(TIME_PRECISION, "time_precision")),
        "geo_precision": column_values(frame, problems, "geo_precision", one_of(GEO_PRECISION, "geo_precision")),
        "event_type": column_values(frame, problems, "event_type", lambda v: required_text(v).lower()),
        "sub_event_type": column_values(frame, problems, "sub_event_type", text_value, required=False),
    }
    lat_v, lat_c, lon_v, lon_c = coordinates(frame, problems, "latitude", "longitude")
    values["latitude"], values["longitude"] = (lat_v, lat_c), (lon_v, lon_c)
    values["fatalities"] = column_values(frame, problems, "fatalities", a_count, required=False)
    for c in (*_ACTOR_COLUMNS, "country", "admin1", "admin2", "admin3", "location", "source"):
        values[c] = column_values(frame, problems, c, text_value, required=False)
    # the place's name: the first non-blank of location, admin3, admin2, admin1, country
    name, name_col = first_filled(values, _NAME_COLUMNS, n)
    problems.add(name == None, "location", "no location name (location, admin1–3 and country are empty)")  # noqa: E711
    subtype, subtype_c = values["sub_event_type"]
    is_claim = np.array([s is not None and s.casefold() in _TERRITORY for s in subtype], dtype=bool)[subtype_c]
    actor1_missing = (values["actor1"][0] == None)[values["actor1"][1]]  # noqa: E711
    problems.add(is_claim & actor1_missing, "actor1", "a territory event needs actor1 (the claimant)")
    good = np.flatnonzero(~problems.bad)
    return AcledColumns(frame, good, values, name, name_col, is_claim, reason)


def read_acled(
    path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8"
) -> tuple[list[Event | TerritorialClaim], Problems, int]:
    """Read an ACLED CSV export: :func:`validate_acled`, then the records.

    Returns
    -------
    records : list
        Events and territorial claims, in file order within each kind.
    problems : Problems
        Bad rows found (unresolved: the caller applies the ``errors`` policy).
    rows : int
        Data rows read.
    """
    table, problems, n = validate_acled(path, encoding=encoding)
    return table.records(), problems, n
