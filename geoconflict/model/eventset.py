"""Collections of records: :class:`EventSet` and its per-kind lists.

Examples
--------
>>> from geoconflict import EventSet, Event, Place
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> events = EventSet([Event("meeting", kyiv)])
>>> events
EventSet(0 mentions, 0 movements, 0 claims, 0 combat areas, 1 event)
>>> events.events.to_geodataframe()[["kind", "event_type", "name"]].values.tolist()
[['event', 'meeting', 'Kyiv']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

from geoconflict.model import CombatArea, Event, Mention, Movement, Place, Record, TerritorialClaim, frames
from geoconflict.model.eventcolumns import EventColumns

__all__ = ["EventSet", "RecordList"]

R = TypeVar("R")

_ATTRIBUTE = {
    Mention: "mentions",
    Movement: "movements",
    TerritorialClaim: "claims",
    CombatArea: "combats",
    Event: "events",
}


class RecordList(list, Generic[R]):
    """A plain list of records of one kind, with :meth:`to_geodataframe`."""

    def __init__(self, records: Iterable[R] = (), *, kind: str):
        super().__init__(records)
        self.kind = kind

    def to_geodataframe(self):
        """A GeoDataFrame (EPSG:4326) with the columns of :mod:`geoconflict.model.frames` for this kind."""
        return frames.to_geodataframe(self, kind=self.kind)

    def __repr__(self) -> str:
        return f"RecordList[{self.kind}]({list.__repr__(self)})"


class EventSet:
    """Places mentioned and events found, kept by kind.

    Parameters
    ----------
    records : iterable of records
        Any mix of :class:`~geoconflict.model.Mention`, ``Movement``,
        ``TerritorialClaim``, ``CombatArea`` and ``Event``; each goes to its list.

    Attributes
    ----------
    mentions : RecordList of Mention
        Every place name found, resolved or not (see :attr:`unresolved`).
    movements, claims, combats, events : RecordList
        The events, by kind.
    """

    def __init__(self, records: Iterable[Record | Mention] = ()):
        self.mentions: RecordList[Mention] = RecordList(kind="place")
        self.movements: RecordList[Movement] = RecordList(kind="movement")
        self.claims: RecordList[TerritorialClaim] = RecordList(kind="claim")
        self.combats: RecordList[CombatArea] = RecordList(kind="combat")
        self.events: RecordList[Event] = RecordList(kind="event")
        self.extend(records)

    @classmethod
    def deferred(
        cls,
        build: Callable[[], Iterable[Record | Mention]],
        *,
        frame: Callable[[], Any] | None = None,
        others: Callable[[], Iterable[Record | Mention]] | None = None,
        columns: Callable[[], EventColumns] | None = None,
    ) -> EventSet:
        """An EventSet whose records are made only when first asked for.

        *build* makes them; it is called once, on the first access of any of the
        lists (``events``, ``claims``, …), of iteration, ``len`` or equality. The
        table readers use it: a million validated rows stay columns until a
        caller wants records (:func:`geoconflict.read_table`). *frame*, when
        given, makes the events' GeoDataFrame without the records (see
        :meth:`events_frame`); it must equal ``events.to_geodataframe()``.
        *others*, when given, makes the records that are not events (a table's
        few territorial claims) without making the events (see :meth:`non_events`).
        *columns*, when given, makes the events as columns (see :meth:`event_columns`).

        Examples
        --------
        >>> from geoconflict import Event, Place
        >>> made = []
        >>> def build():
        ...     made.append(1)
        ...     return [Event("battle", Place("Sudzha", kind="feature", lat=51.19, lon=35.27))]
        >>> events = EventSet.deferred(build)
        >>> events.is_deferred, len(made)
        (True, 0)
        >>> events.events[0].type, events.is_deferred, len(made)
        ('battle', False, 1)
        """
        events = cls.__new__(cls)
        events.__dict__["_build"] = build  # the lists are set by __getattr__ on first access
        events.__dict__["_frame"] = frame
        events.__dict__["_others"] = others
        events.__dict__["_columns"] = columns
        return events

    @classmethod
    def concat(cls, parts: Iterable[EventSet]) -> EventSet:
        """The records of *parts* in order, each kind after its kind (as ``EventSet([*a, *b])``).

        When a part is a table read as columns (:meth:`deferred`), so is the
        result: its events stay columns (:meth:`event_columns` concatenates the
        parts' columns) and its records are made only when first asked for, so
        several tables map as one without a record per row.

        Examples
        --------
        >>> from geoconflict import Event, Place
        >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
        >>> one = EventSet.deferred(lambda: [Event("meeting", kyiv)],
        ...                         columns=lambda: EventColumns.from_events([Event("meeting", kyiv)]))
        >>> both = EventSet.concat([one, EventSet([Event("protest", kyiv)])])
        >>> both.is_deferred, both.event_columns().columns["event_type"].tolist()
        (True, ['meeting', 'protest'])
        >>> [e.type for e in both.events], both.is_deferred
        (['meeting', 'protest'], False)
        """
        parts = list(parts)
        if len(parts) == 1:
            return parts[0]
        if not any(part.is_deferred for part in parts):
            out = cls()
            for part in parts:
                for name in _ATTRIBUTE.values():  # list.extend: no per-record add
                    getattr(out, name).extend(getattr(part, name))
            return out

        def columns() -> EventColumns:
            return EventColumns.concat([part.event_columns() for part in parts])

        def frame() -> Any:
            return combined.event_columns().to_frame()

        combined = cls.deferred(lambda: [record for part in parts for record in part], frame=frame,
                                others=lambda: [record for part in parts for record in part.non_events()],
                                columns=columns)
        return combined

    def non_events(self) -> list[Record | Mention]:
        """The records other than events: mentions, movements, claims and combat areas, in that order.

        While the records of a :meth:`deferred` set given *others* are not made
        yet, only these are made (a map draws a table's events from
        :meth:`events_frame` and its few claims as records); the set stays deferred.
        """
        others = self.__dict__.get("_others")
        if others is not None and self.is_deferred:
            return list(others())
        return [*self.mentions, *self.movements, *self.claims, *self.combats]

    def events_frame(self):
        """The events' GeoDataFrame, as ``self.events.to_geodataframe()``.

        While the records of a :meth:`deferred` set are not made yet, it is made
        without them, from the columns they would be made from (a map or an
        export of a million table rows need not make a million records).
        """
        frame = self.__dict__.get("_frame")
        if frame is not None and self.is_deferred:
            return frame()
        return self.events.to_geodataframe()

    def event_columns(self) -> EventColumns:
        """The events as :class:`~geoconflict.model.eventcolumns.EventColumns`.

        While the records of a :meth:`deferred` set given *columns* are not made
        yet, without them; else from the records (each distinct place,
        provenance and actor list kept once).

        Examples
        --------
        >>> from geoconflict import Event, Place
        >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
        >>> EventSet([Event("meeting", kyiv)]).event_columns().columns["event_type"].tolist()
        ['meeting']
        """
        columns = self.__dict__.get("_columns")
        if columns is not None and self.is_deferred:
            made = self.__dict__.get("_columns_made")
            if made is None:  # made once: counting, mapping and writing the same table share them
                made = self.__dict__["_columns_made"] = columns()
            return made
        return EventColumns.from_events(self.events)

    @property
    def is_deferred(self) -> bool:
        """Whether the records are still to be made (see :meth:`deferred`)."""
        return "_build" in self.__dict__

    def __getattr__(self, name: str) -> Any:
        # only called for attributes not set: the lists of a deferred EventSet, before they are made
        build = self.__dict__.get("_build")
        if build is None or name not in _ATTRIBUTE.values():
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        records = build()  # should it raise, the set stays deferred and the next access tries again
        del self.__dict__["_build"]
        self.__dict__.pop("_frame", None)
        self.__dict__.pop("_others", None)
        self.__dict__.pop("_columns", None)
        self.__dict__.pop("_columns_made", None)
        EventSet.__init__(self, records)
        return getattr(self, name)

    def add(self, record: Record | Mention) -> None:
        """Add one record to the list of its kind."""
        try:
            getattr(self, _ATTRIBUTE[type(record)]).append(record)
        except KeyError:
            raise TypeError(f"not a geoconflict record: {type(record).__name__}") from None

    def extend(self, records: Iterable[Record | Mention]) -> None:
        """Add records of any kind."""
        append = {kind: getattr(self, name).append for kind, name in _ATTRIBUTE.items()}
        for record in records:  # add(), with the look-ups made once (a table's million records)
            try:
                append[type(record)](record)
            except KeyError:
                self.add(record)  # raises the TypeError

    def __getstate__(self) -> dict[str, Any]:
        if self.is_deferred:  # the builder is a closure over columns: send the records
            self.events  # noqa: B018 (makes them)
        return self.__dict__

    def __iter__(self) -> Iterator[Record | Mention]:
        """Every record: mentions first, then movements, claims, combat areas, events."""
        for name in _ATTRIBUTE.values():
            yield from getattr(self, name)

    def __len__(self) -> int:
        return sum(len(getattr(self, name)) for name in _ATTRIBUTE.values())

    def __add__(self, other: EventSet) -> EventSet:
        if not isinstance(other, EventSet):
            return NotImplemented
        return EventSet.concat([self, other])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventSet):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in _ATTRIBUTE.values())

    @property
    def places(self) -> list[Place]:
        """The distinct places resolved from the mentions, in order of first mention."""
        return list(dict.fromkeys(m.place for m in self.mentions if m.place is not None))

    @property
    def unresolved(self) -> list[Mention]:
        """Mentions that could not be resolved (each carries its candidates)."""
        return [m for m in self.mentions if m.place is None]

    def to_geodataframe(self):
        """All records in one GeoDataFrame with a ``kind`` column (the union of the columns)."""
        return frames.to_geodataframe(self, kind=None)

    def to_acled(self):
        """The located events as an ACLED-shaped pandas DataFrame, in the order the report tells them.

        One row per event (movements, claims and combat areas too, with their ACLED
        types), with ACLED's column names; see :mod:`geoconflict.model.acled` for the
        rows, their order, their locations and the precision mapping. Written to CSV,
        :func:`geoconflict.readers.read_events` reads it back.
        """
        from geoconflict.model.acled import to_acled

        return to_acled(self)

    @classmethod
    def from_geodataframe(cls, frame) -> EventSet:
        """Rebuild an EventSet from a frame made by :meth:`to_geodataframe` or read from a file."""
        return cls(frames.from_geodataframe(frame))

    def __repr__(self) -> str:
        # imported here: the language module (0.08 s to import) serves text, and tables are read without it
        from geoconflict.lang.en import counted

        if self.is_deferred:  # a repr makes no records
            return "EventSet(records not made yet: made on first access)"
        counts = ((self.mentions, "mentions"), (self.movements, "movements"), (self.claims, "claims"),
                  (self.combats, "combat areas"), (self.events, "events"))
        return "EventSet(" + ", ".join(counted(len(records), noun) for records, noun in counts) + ")"
