"""Events → compact, styled layer data for the map (no folium here).

Each layer (places, movements, claims, combat areas, other events) becomes one
JSON-ready dict of columns (see :mod:`~geoconflict.maps.builder`); one module
per layer builds it (:mod:`~geoconflict.maps.places`,
:mod:`~geoconflict.maps.movements`, :mod:`~geoconflict.maps.claims`,
:mod:`~geoconflict.maps.combats`, :mod:`~geoconflict.maps.events`), in the
colours and styles of :mod:`~geoconflict.maps.style`, with the popup texts of
:mod:`~geoconflict.maps.popups`. This module sorts records into the layers and
assembles them; the events of a table read as columns (a deferred
:class:`~geoconflict.model.eventset.EventSet`) are drawn from its events' columns,
without a record per row. The map's script draws the features with Leaflet's canvas
renderer and builds a popup only when a feature is clicked, so 100,000 events
stay one small blob rather than 100,000 folium objects.

All text stays plain text here; the page inserts it with ``textContent``, so a
report containing ``<script>`` shows that text and runs nothing.

Examples
--------
>>> from geoconflict.model import Event, Place
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> layers = build_layers([Event("meeting", kyiv)])
>>> [(layer["key"], layer["n"]) for layer in layers]
[('events', 1)]
>>> layers[0]["points"]["lat"], layers[0]["points"]["lon"]
([5045000], [3052000])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from geoconflict.errors import InvalidInputError
from geoconflict.maps.aggregate import AGGREGATE_FROM, Aggregated, AggregatedEvents
from geoconflict.maps.builder import LayerBuilder
from geoconflict.maps.claimcells import claim_layers
from geoconflict.maps.claims import drawn_at_a_point
from geoconflict.maps.combats import combats_layer
from geoconflict.maps.events import columns_events_layer, events_layer
from geoconflict.maps.movements import movements_layer
from geoconflict.maps.places import drawn_places, places_layer
from geoconflict.maps.style import LAYER_NAMES, SCALE, Colours, Style, quantize
from geoconflict.model import CombatArea, Event, Mention, Movement, TerritorialClaim
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.eventset import EventSet

__all__ = ["LAYER_NAMES", "Style", "bounds_of", "build_layers", "date_span_days", "quantize"]


class Records(NamedTuple):
    """The records of a map, sorted by the layer they are drawn in."""

    mentions: list[Mention]
    movements: list[Movement]
    claims: list[TerritorialClaim]
    combats: list[CombatArea]
    events: list[Event]


_KINDS = tuple(Records._fields)


def collect(events: Any) -> Records:
    """Split an EventSet or an iterable of records into mentions, movements, claims, combats, events."""
    if all(hasattr(events, kind) for kind in _KINDS):
        return Records(*(list(getattr(events, kind)) for kind in _KINDS))
    if isinstance(events, Mapping | str | bytes):
        raise InvalidInputError(f"events: expected an EventSet or records, got {type(events).__name__}")
    out = Records([], [], [], [], [])
    buckets: dict[type, list[Any]] = {
        Mention: out.mentions,
        Movement: out.movements,
        TerritorialClaim: out.claims,
        CombatArea: out.combats,
        Event: out.events,
    }
    for record in events:
        bucket = buckets.get(type(record))
        if bucket is None:
            raise InvalidInputError(f"events: {type(record).__name__} is not a geoconflict record", value=record)
        bucket.append(record)
    return out


def _records_or_columns(events: Any) -> tuple[Records, Any]:
    """The records of ``events``; for a table read as columns, those besides its events, and the events' columns.

    A list of EventSets (several tables) is drawn as their concatenation, whose
    events stay columns when a table's do (:meth:`~geoconflict.model.eventset.EventSet.concat`).
    """
    if isinstance(events, list | tuple) and events and all(isinstance(e, EventSet) for e in events):
        events = EventSet.concat(events)
    if getattr(events, "is_deferred", False):
        others = events.non_events()
        if events.is_deferred:  # its events stay columns
            return collect(others), events.event_columns()
    return collect(events), None


def _aggregates(records: Records, columns: Any) -> bool:
    """Whether the map counts its points per cell: more than :data:`AGGREGATE_FROM` events and claims drawn at one place."""
    n = len(records.events) if columns is None else len(columns)
    return n + sum(drawn_at_a_point(claim) for claim in records.claims) > AGGREGATE_FROM


def _events_layer(records: Records, columns: Any, style: Style, *, aggregate: bool
                  ) -> LayerBuilder | AggregatedEvents | None:
    """The *Other events* layer: each event, or counts per cell when ``aggregate``."""
    n = len(records.events) if columns is None else len(columns)
    if aggregate and n:
        return AggregatedEvents(EventColumns.from_events(records.events) if columns is None else columns, style)
    if records.events:
        return events_layer(records.events, style)
    if columns is not None and n:
        return columns_events_layer(columns, style)
    return None


def build_layers(
    events: Any, *, style: Style | None = None, ledger: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The layer data for ``events`` (an EventSet or an iterable of records).

    Parameters
    ----------
    events : EventSet or iterable of records
    style : Style, optional
    ledger : list, optional
        Filled with the claim ledger's rows (one per claim) when given.

    Returns
    -------
    list of dict
        Non-empty layers in drawing order (see :data:`LAYER_NAMES`), each with
        ``key``, ``name``, ``n``, ``fields``, ``strings``, ``titles``, ``values``,
        ``styles``, ``legend``, ``dates`` (indices into the table of days) and
        ``points`` / ``lines`` / ``polys`` columns. The table of days, the distinct
        event dates of all layers in order, is the ``"days"`` entry of the first layer;
        on a map of more than :data:`~geoconflict.maps.aggregate.AGGREGATE_FROM`
        events and claims drawn at one place, the events layer and a layer of those
        claims have ``"aggregate": True``, their cells in ``bands`` and their detail in
        ``chunks`` (see :mod:`geoconflict.maps.aggregate` and :mod:`geoconflict.maps.claimcells`);
        its ``"places"`` entry counts every distinct place, the countries the
        *Places* layer leaves to the basemap included.

    Examples
    --------
    >>> build_layers([])
    []
    """
    style = style or Style()
    records, columns = _records_or_columns(events)
    aggregate = _aggregates(records, columns)
    built: list[LayerBuilder | Aggregated] = []
    places = drawn_places(records.mentions)
    sides = Colours(style)  # actors of movements and claimants of claims: one colour per side
    if places:
        built.append(places_layer(places, style))
    if records.movements:
        built.append(movements_layer(records.movements, style, sides=sides))
    if records.claims:
        claim_built, rows = claim_layers(records.claims, style, sides=sides, aggregate=aggregate)
        built.extend(claim_built)
        if ledger is not None:
            ledger.extend(rows)
    if records.combats:
        built.append(combats_layer(records.combats, style))
    events_built = _events_layer(records, columns, style, aggregate=aggregate)
    if events_built is not None:
        built.append(events_built)
    days = sorted({d for layer in built for d in layer.dates if d is not None})
    table = {d: i for i, d in enumerate(days)}
    out = [layer.to_dict(table) for layer in built]
    if out:
        out[0]["days"] = [d.isoformat() for d in days]
        # every distinct place, countries included (as the command line counts them)
        out[0]["places"] = len({m.place for m in records.mentions if m.place is not None})
    return out


def date_span_days(layers: Sequence[Mapping[str, Any]]) -> int:
    """Days between the earliest and the latest event date of the layers (0 with fewer than two)."""
    days = layers[0].get("days", []) if layers else []
    if len(days) < 2:
        return 0
    return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days


def _coordinate_runs(layer: Mapping[str, Any]) -> Iterator[tuple[Sequence[int], Sequence[int]]]:
    """The layer's coordinates as (latitudes, longitudes) runs: points, line ends, outer rings."""
    if "points" in layer:
        yield layer["points"]["lat"], layer["points"]["lon"]
    if layer.get("box"):  # an aggregated layer: the box of its events
        box = layer["box"]
        yield box[0::2], box[1::2]
    if "lines" in layer:
        c = layer["lines"]["c"]
        yield c[0::2], c[1::2]
    for feature in layer.get("polys", {}).get("rings", []):
        for polygon in feature:
            ring = polygon[0]  # holes lie inside the exterior
            yield ring[0::2], ring[1::2]


def bounds_of(layers: Iterable[Mapping[str, Any]]) -> tuple[float, float, float, float] | None:
    """``(south, west, north, east)`` of every feature, or None when there is none.

    Examples
    --------
    >>> from geoconflict.model import Event, Place
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    >>> bounds_of(build_layers([Event("meeting", kyiv)]))
    (50.45, 30.52, 50.45, 30.52)
    """
    lats: list[int] = []
    lons: list[int] = []
    for layer in layers:
        for run_lats, run_lons in _coordinate_runs(layer):
            lats.extend((min(run_lats), max(run_lats)))
            lons.extend((min(run_lons), max(run_lons)))
    if not lats:
        return None
    return (min(lats) / SCALE, min(lons) / SCALE, max(lats) / SCALE, max(lons) / SCALE)
