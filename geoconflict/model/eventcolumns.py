"""Located events as columns: what a map or an export of a million table rows is made from.

An :class:`EventColumns` holds the events of a table without an
:class:`~geoconflict.model.Event` per row: the parts rows share (places,
provenances, lists of actors) as distinct records with each row's index into
them, and the rest (id, precision, type, subtype, notes, fatalities) as one
numpy array per field. A table read as columns gives one
(:meth:`geoconflict.model.eventset.EventSet.event_columns`); records give one
too (:meth:`EventColumns.from_events`), so a map of many events has one path.

Examples
--------
>>> from geoconflict.model import Event, Place
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
>>> cols = EventColumns.from_events([Event("meeting", kyiv), Event("protest", kyiv)])
>>> len(cols), len(cols.places[0]), cols.columns["event_type"].tolist()
(2, 2, ['meeting', 'protest'])
>>> cols.lat().tolist(), cols.records() == [Event("meeting", kyiv), Event("protest", kyiv)]
([50.45, 50.45], True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from geoconflict.model import Event, Precision
from geoconflict.model.frames import event_frame
from geoconflict.model.placetable import PlaceTable

__all__ = ["COLUMN_NAMES", "Coded", "EventColumns"]

#: Distinct values (an object array whose last slot, None, stands for a missing value) and each row's index.
Coded = tuple[np.ndarray, np.ndarray]

#: The per-row fields of :attr:`EventColumns.columns`.
COLUMN_NAMES = ("id", "precision", "event_type", "subtype", "description", "fatalities")


def _coded(values: Sequence[Any]) -> Coded:
    """``values`` as distinct values (None last) and codes: equal values share one slot."""
    import pandas as pd

    codes, uniques = pd.factorize(np.array(list(values) + [None], dtype=object)[:-1], use_na_sentinel=True)
    distinct = np.empty(len(uniques) + 1, dtype=object)
    distinct[:-1] = list(uniques)
    return distinct, np.where(codes < 0, len(uniques), codes)


@dataclass(frozen=True)
class EventColumns:
    """Located events as columns, rows in order.

    Attributes
    ----------
    places, provenances, actors : Coded
        Distinct :class:`~geoconflict.model.Place`, :class:`~geoconflict.model.Provenance`
        and tuples of actors, each with every row's index into them.
    columns : mapping of str to numpy.ndarray
        One object array per name of :data:`COLUMN_NAMES`: ``id``,
        ``precision`` (an int, or None for the place's), ``event_type`` (the
        record's ``type``), ``subtype``, ``description``, ``fatalities``.
    """

    places: Coded
    provenances: Coded
    actors: Coded
    columns: Mapping[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.places[1])

    @classmethod
    def from_events(cls, events: Sequence[Event]) -> EventColumns:
        """The columns of records (each distinct place, provenance and actor list kept once)."""
        columns = {
            "id": np.array([e.id for e in events] + [None], dtype=object)[:-1],
            "precision": np.array([None if e.precision is None else int(e.precision) for e in events] + [None],
                                  dtype=object)[:-1],
            "event_type": np.array([e.type for e in events] + [None], dtype=object)[:-1],
            "subtype": np.array([e.subtype for e in events] + [None], dtype=object)[:-1],
            "description": np.array([e.description for e in events] + [None], dtype=object)[:-1],
            "fatalities": np.array([e.fatalities for e in events] + [None], dtype=object)[:-1],
        }
        return cls(_coded([e.place for e in events]), _coded([e.provenance for e in events]),
                   _coded([e.actors for e in events]), columns)

    def lat(self) -> np.ndarray:
        """Each row's latitude (float64)."""
        values, codes = self.places
        return np.array([p.lat for p in values[:-1]] + [np.nan], dtype=np.float64)[codes]

    def lon(self) -> np.ndarray:
        """Each row's longitude (float64)."""
        values, codes = self.places
        return np.array([p.lon for p in values[:-1]] + [np.nan], dtype=np.float64)[codes]

    def precision(self) -> np.ndarray:
        """Each row's :class:`~geoconflict.model.Precision` as an int: the event's, else its place's."""
        values, codes = self.places
        of_place = np.array([int(p.precision) for p in values[:-1]] + [int(Precision.COUNTRY)], dtype=np.int64)
        given = self.columns["precision"]
        missing = np.array([v is None for v in given.tolist()], dtype=bool)
        out = of_place[codes]
        out[~missing] = given[~missing].astype(np.int64)
        return out

    def to_frame(self, *, table: PlaceTable | None = None):
        """The events' GeoDataFrame (:func:`geoconflict.model.frames.event_frame`; *table* as there)."""
        return event_frame(places=self.places, provenances=self.provenances, actors=self.actors,
                           columns=self.columns, table=table)

    def take(self, rows: slice) -> EventColumns:
        """The rows ``rows`` (a slice), sharing the distinct values.

        Examples
        --------
        >>> from geoconflict.model import Event, Place
        >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
        >>> cols = EventColumns.from_events([Event("meeting", kyiv), Event("protest", kyiv)])
        >>> cols.take(slice(1, 2)).records() == [Event("protest", kyiv)]
        True
        """
        (places, place_c), (provs, prov_c), (actors, actor_c) = self.places, self.provenances, self.actors
        return EventColumns((places, place_c[rows]), (provs, prov_c[rows]), (actors, actor_c[rows]),
                            {name: column[rows] for name, column in self.columns.items()})

    def records(self) -> list[Event]:
        """The events the rows stand for (the plain reference the column paths are held equal to)."""
        (places, pc), (provs, vc), (actors, ac) = self.places, self.provenances, self.actors
        c = self.columns
        return [
            Event(t, places[pc[i]], subtype=c["subtype"][i], actors=actors[ac[i]], description=c["description"][i],
                  fatalities=c["fatalities"][i], precision=None if c["precision"][i] is None
                  else Precision(int(c["precision"][i])), provenance=provs[vc[i]], id=c["id"][i])
            for i, t in enumerate(c["event_type"].tolist())
        ]
