"""The *Movements* layer: one line per movement, coloured by actor, dashed by how established it is.

The page draws each line as a great circle from its two endpoints, with an
arrowhead at the destination. Built column by column, like the events layer.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from geoconflict.maps.builder import LayerBuilder
from geoconflict.maps.popups import PROVENANCE_FIELDS, provenance_columns, wheres
from geoconflict.maps.style import UNKNOWN_ACTOR, Colours, Style, quantize_all
from geoconflict.model import Movement, MovementStatus, geometry

__all__ = ["MOVEMENT_FIELDS", "movements_layer"]

MOVEMENT_FIELDS = ["What", "From", "To", "Status", "Length", *PROVENANCE_FIELDS]

#: Line dashes by status: long dashes for claimed and unconfirmed, dots for denied.
_DASHES = {
    MovementStatus.CLAIMED: "10 7",
    MovementStatus.UNCONFIRMED: "10 7",
    MovementStatus.DENIED: "2 7",
}

#: Legend swatches of the statuses, in the legend's order.
_STATUS_SWATCHES = (
    (MovementStatus.CONFIRMED, "line"),
    (MovementStatus.REPORTED, "line"),
    (MovementStatus.CLAIMED, "line-dashed"),
    (MovementStatus.UNCONFIRMED, "line-dashed"),
    (MovementStatus.DENIED, "line-dotted"),
)

_LINE_OPACITY = 0.9
_STATUS_LEGEND_COLOUR = "#444444"
_METRES_PER_KM = 1000

#: Popup fields the page joins into each title: "Movement: actor (unit) — origin → destination".
_TITLE_FROM = ([0, 1, 2], [" — ", " → "])


def movements_layer(movements: Sequence[Movement], style: Style, *, sides: Colours | None = None) -> LayerBuilder:
    """The layer of ``movements``: a line from origin to destination, styled by actor and status.

    ``sides`` colours the actors; pass the claims layer's to give each side one colour on the map.
    """
    layer = LayerBuilder("movements", MOVEMENT_FIELDS)
    colour = Colours(style) if sides is None else sides
    origins = [m.origin for m in movements]
    dests = [m.destination for m in movements]
    provs = [m.provenance for m in movements]
    actors = [m.actor or UNKNOWN_ACTOR for m in movements]
    statuses = [m.status for m in movements]
    # geodesic lengths in one vectorised call (each equals the length of the movement's geometry)
    o_lat, o_lon = [p.lat for p in origins], [p.lon for p in origins]
    d_lat, d_lon = [p.lat for p in dests], [p.lon for p in dests]
    _, _, metres = geometry.GEOD.inv(o_lon, o_lat, d_lon, d_lat)  # pyproj imported on first use
    style_of: dict[tuple[str, MovementStatus], int] = {}
    styles = []
    for actor, status in zip(actors, statuses, strict=True):
        si = style_of.get((actor, status))
        if si is None:
            c = colour(actor)
            si = style_of[(actor, status)] = layer.style(
                color=c, weight=style.weight, opacity=_LINE_OPACITY, dashArray=_DASHES.get(status)
            )
            layer.add_legend(actor, "line", color=c)
        styles.append(si)
    whats = [a + (f" ({m.unit})" if m.unit else "") for a, m in zip(actors, movements, strict=True)]
    layer.add_columns(
        [
            [f"Movement: {w}" for w in whats],
            wheres(origins),
            wheres(dests),
            [st.value for st in statuses],
            [f"{m / _METRES_PER_KM:,.0f} km (geodesic)" for m in np.asarray(metres).tolist()],
            *provenance_columns(provs, [m.precision for m in movements]),
        ],
        [p.event_date or p.report_date for p in provs],
        title_from=_TITLE_FROM,
    )
    coords = np.empty((len(movements), 4))
    coords[:, 0], coords[:, 1], coords[:, 2], coords[:, 3] = o_lat, o_lon, d_lat, d_lon
    layer.lines["c"] = quantize_all(coords.ravel())
    layer.lines["s"] = styles
    layer.lines["f"] = list(range(len(movements)))
    seen = set(statuses)
    for status, swatch in _STATUS_SWATCHES:
        if status in seen:
            layer.add_legend(f"status: {status.value}", swatch, color=_STATUS_LEGEND_COLOUR)
    return layer
