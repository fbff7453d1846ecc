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


def _concat_coded(parts: Sequence[Coded]) -> Coded:
    """Coded columns one after another: the parts' distinct values merged, each row's code renumbered."""
    distinct = [v for values, _ in parts for v in values[:-1].tolist()]
    merged, remap = _coded(distinct)  # remap: each part's value → its slot in the merged values
    missing = len(merged) - 1
    codes, start = [], 0
    for values, part_codes in parts:
        own = np.append(remap[start:start + len(values) - 1], missing)  # the part's None slot → the merged one
        codes.append(own[part_codes])
        start += len(values) - 1
    return merged, (np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64))


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

    @classmethod
    def concat(cls, parts: Sequence[EventColumns]) -> EventColumns:
        """The rows of *parts* one after another (several tables, one map).

        The distinct places, provenances and actor lists of the parts are merged:
        a place two tables share is one place of the result.

        Examples
        --------
        >>> from geoconflict.model import Event, Place
        >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
        >>> lviv = Place("Lviv", kind="populated_place", lat=49.84, lon=24.03)
        >>> a = EventColumns.from_events([Event("meeting", kyiv)])
        >>> b = EventColumns.from_events([Event("protest", lviv), Event("protest", kyiv)])
        >>> both = EventColumns.concat([a, b])
        >>> len(both), len(both.places[0]) - 1, both.records() == a.records() + b.records()
        (3, 2, True)
        """
        if len(parts) == 1:
            return parts[0]
        merged = [_concat_coded([getattr(part, name) for part in parts]) for name in ("places", "provenances", "actors")]
        columns = {name: np.concatenate([np.asarray(part.columns[name], dtype=object) for part in parts])
                   if parts else np.empty(0, dtype=object) for name in COLUMN_NAMES}
        return cls(merged[0], merged[1], merged[2], columns)

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
