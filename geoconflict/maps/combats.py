"""The *Combat areas* layer: where fighting is reported, as an area or as rings at the named places."""

from __future__ import annotations

from collections.abc import Sequence

from geoconflict.maps.builder import LayerBuilder
from geoconflict.maps.popups import PROVENANCE_FIELDS, derivation_text, event_day, km2, provenance_values
from geoconflict.maps.style import Style
from geoconflict.model import CombatArea

__all__ = ["COMBAT_FIELDS", "combats_layer"]

COMBAT_FIELDS = ["What", "Areas", "Actors", "Description", "Area", "Geometry", *PROVENANCE_FIELDS]

_OUTLINE_WEIGHT = 2
_FILL_OPACITY = 0.3
#: An approximate area: a denser fill and dashes.
_HATCHED_FILL_OPACITY = 0.55
_HATCHED_DASHES = "6 4"
#: No polygon: a dashed ring of this radius, px, at each named area's point.
_RING_RADIUS = 12
_RING_FILL_OPACITY = 0.25
_RING_DASHES = "4 3"


def _area_style(layer: LayerBuilder, colour: str, hatch: bool) -> int:
    return layer.style(color=colour, weight=_OUTLINE_WEIGHT, fillColor=colour,
                       fillOpacity=_HATCHED_FILL_OPACITY if hatch else _FILL_OPACITY, hatch=hatch,
                       dashArray=_HATCHED_DASHES if hatch else None)


def _ring_style(layer: LayerBuilder, colour: str) -> int:
    return layer.style(color=colour, weight=_OUTLINE_WEIGHT, fillColor=colour, fillOpacity=_RING_FILL_OPACITY,
                       radius=_RING_RADIUS, dashArray=_RING_DASHES)


def combats_layer(combats: Sequence[CombatArea], style: Style) -> LayerBuilder:
    """The layer of ``combats``: each area's polygon, or a ring at each named area without one."""
    layer = LayerBuilder("combats", COMBAT_FIELDS)
    c = style.combat_color
    for combat in combats:
        p = combat.provenance
        names = ", ".join(a.name for a in combat.areas) or None
        i = layer.feature(
            f"Combat — {names or 'area'}",
            [
                "Combat",
                names,
                ", ".join(combat.actors) or None,
                combat.description,
                km2(combat.area_km2),
                derivation_text(combat),
                *provenance_values(p, combat.precision),
            ],
            event_day(p),
        )
        if combat.geometry is not None:
            layer.polygon(combat.geometry, _area_style(layer, c, combat.approximate), i)
        else:
            si = _ring_style(layer, c)
            for area in combat.areas:
                layer.point(area.lat, area.lon, si, i)
        layer.add_legend("fighting reported", "area-hatched" if combat.approximate else "area", color=c)
    return layer
