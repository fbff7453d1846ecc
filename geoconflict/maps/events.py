"""The *Other events* layer: one point per located event, coloured by event type.

Built column by column (a layer may hold 100,000 events): each distinct place's
text and each distinct style is made once.
"""

from __future__ import annotations

from collections.abc import Sequence

from geoconflict.maps.builder import MISSING, LayerBuilder
from geoconflict.maps.popups import PROVENANCE_FIELDS, event_precision, provenance_columns, wheres
from geoconflict.maps.style import Colours, Style, quantize_all
from geoconflict.model import Event, Precision

__all__ = ["EVENT_FIELDS", "events_layer"]

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
    layer = LayerBuilder("events", EVENT_FIELDS)
    colour = Colours(style)
    n = len(events)
    places = [e.place for e in events]
    provs = [e.provenance for e in events]
    types = [e.type for e in events]
    precisions = [event_precision(e) for e in events]
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
            [t if e.subtype is None else f"{t} ({e.subtype})" for t, e in zip(types, events, strict=True)],
            wheres(places),
            [", ".join(e.actors) or None for e in events],
            [e.description for e in events],
            [None if e.fatalities is None else str(e.fatalities) for e in events],
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
