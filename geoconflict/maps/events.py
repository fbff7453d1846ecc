"""The *Other events* layer: one point per located event, coloured by event type.

Built column by column (a layer may hold 100,000 events): each distinct place's
text and each distinct style is made once. A table read as columns is drawn from
its events' GeoDataFrame (:func:`frame_events_layer`), without a record per row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from geoconflict.maps.builder import MISSING, LayerBuilder
from geoconflict.maps.popups import PROVENANCE_FIELDS, by_value, event_precision, provenance_columns, wheres
from geoconflict.maps.style import Colours, Style, quantize_all
from geoconflict.model import Event, Place, Precision, Provenance
from geoconflict.model.placetable import place_from_dict

__all__ = ["EVENT_FIELDS", "events_layer", "frame_events_layer"]

H = TypeVar("H", bound=Hashable)

EVENT_FIELDS = ["What", "Where", "Actors", "Description", "Fatalities", *PROVENANCE_FIELDS]

#: Events located to a district or coarser are drawn as approximate (faint, dashed).
_APPROXIMATE_FROM = Precision.DISTRICT

#: Popup fields the page joins into each event's title: "Shelling — Place, Region, UA".
_TITLE_FROM = ([0, 1], [" — "])

_EXACT_OUTLINE = "#ffffff"
_APPROXIMATE_LEGEND_COLOUR = "#555555"


def _point_style(layer: LayerBuilder, colour: str, style: Style, approximate: bool) -> int:
    """The style of an event point: filled and white-edged, or faint and dashed when approximate."""
    if approximate:
        return layer.style(color=colour, fillColor=colour, radius=style.radius, weight=1.5, fillOpacity=0.35,
                           dashArray="2 2")
    return layer.style(color=_EXACT_OUTLINE, fillColor=colour, radius=style.radius, weight=1, fillOpacity=0.9,
                       dashArray=None)


def events_layer(events: Sequence[Event], style: Style) -> LayerBuilder:
    """The layer of ``events``: a point at each event's place, styled by its type and precision."""
    places = [e.place for e in events]
    provs = [e.provenance for e in events]
    precisions = [event_precision(e) for e in events]
    return _filled(
        style,
        types=[e.type for e in events],
        subtypes=[e.subtype for e in events],
        places=places,
        actors=[", ".join(e.actors) or None for e in events],
        descriptions=[e.description for e in events],
        fatalities=[e.fatalities for e in events],
        provs=provs,
        precisions=precisions,
    )


def frame_events_layer(frame: Any, style: Style) -> LayerBuilder:
    """:func:`events_layer` of the events a GeoDataFrame holds, without an :class:`Event` per row.

    ``frame`` has the columns of :func:`geoconflict.model.frames.to_geodataframe`
    (kind ``event``), as :meth:`~geoconflict.model.eventset.EventSet.events_frame`
    gives them for a table read as columns. Only each distinct place (its JSON),
    provenance and actor list becomes an object; the layer equals
    ``events_layer(events, style)`` of the records the rows stand for
    (``tests/test_map_columns.py`` holds the two equal).

    Examples
    --------
    >>> from geoconflict.model import Place
    >>> from geoconflict.model.frames import to_geodataframe
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
    >>> frame = to_geodataframe([Event("meeting", kyiv, actors=("Mayor",))], kind="event")
    >>> layer = frame_events_layer(frame, Style())
    >>> layer.columns[1], layer.columns[3], layer.points["lat"]
    (['meeting'], ['Mayor'], [5045000])
    """
    places = _decoded(_cells(frame, "place"), lambda text: place_from_dict(json.loads(text)))
    given = _cells(frame, "precision")
    precisions = [p.precision if q is None else Precision(q) for p, q in zip(places, given, strict=True)]
    provs = _decoded(list(zip(*(_cells(frame, c) for c in _PROVENANCE_COLUMNS), strict=True)),
                     lambda row: Provenance(**dict(zip(_PROVENANCE_ARGS, row, strict=True))))
    return _filled(
        style,
        types=_cells(frame, "event_type"),
        subtypes=_cells(frame, "subtype"),
        places=places,
        actors=_decoded(_cells(frame, "actors"), lambda text: ", ".join(json.loads(text)) or None),
        descriptions=_cells(frame, "description"),
        fatalities=_cells(frame, "fatalities"),
        provs=provs,
        precisions=precisions,
    )


#: The frame's provenance columns (see :mod:`geoconflict.model.frames`) and the
#: :class:`Provenance` arguments they fill; the span is not shown on the map.
_PROVENANCE_COLUMNS = ("source", "reported_by", "quote", "report_date", "date", "date_end", "date_precision",
                       "reason")
_PROVENANCE_ARGS = ("source", "reported_by", "quote", "report_date", "event_date", "event_date_end",
                    "date_precision", "reason")


def _cells(frame: Any, column: str) -> list[Any]:
    """A frame's column as a list, missing values (None, NaN, NA) as None."""
    values = frame[column]
    return values.astype(object).where(values.notna(), None).tolist()


def _decoded(values: Sequence[H | None], decode: Callable[[H], Any]) -> list[Any]:
    """``decode`` of each value, once per distinct value; None stays None."""

    def one(value: H | None) -> Any:
        return None if value is None else decode(value)

    return by_value(one)(values)


def _filled(
    style: Style,
    *,
    types: Sequence[str],
    subtypes: Sequence[str | None],
    places: Sequence[Place],
    actors: Sequence[str | None],
    descriptions: Sequence[str | None],
    fatalities: Sequence[int | None],
    provs: Sequence[Provenance],
    precisions: Sequence[Precision],
) -> LayerBuilder:
    """The events layer from its columns: one value per event in each."""
    layer = LayerBuilder("events", EVENT_FIELDS)
    colour = Colours(style)
    n = len(types)
    approx = [p.approximate or q >= _APPROXIMATE_FROM for p, q in zip(places, precisions, strict=True)]
    style_of: dict[tuple[str, bool], int] = {}
    styles = []
    for t, a in zip(types, approx, strict=True):
        si = style_of.get((t, a))
        if si is None:
            c = colour(t)
            si = style_of[(t, a)] = _point_style(layer, c, style, a)
            layer.add_legend(t, "point", color=c)
        styles.append(si)
    if any(approx):
        layer.add_legend("location approximate (district or coarser)", "point-approx",
                         color=_APPROXIMATE_LEGEND_COLOUR)
    layer.add_columns(
        [
            [t if s is None else f"{t} ({s})" for t, s in zip(types, subtypes, strict=True)],
            wheres(places),
            actors,
            descriptions,
            [None if f is None else str(f) for f in fatalities],
            *provenance_columns(provs, precisions),
        ],
        [p.event_date or p.report_date for p in provs],
        title_from=_TITLE_FROM,
    )
    pts = layer.points
    pts["lat"] = quantize_all([p.lat for p in places])
    pts["lon"] = quantize_all([p.lon for p in places])
    pts["s"] = styles
    pts["f"] = list(range(n))
    pts["label"] = [MISSING] * n
    return layer
