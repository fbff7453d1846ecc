"""The *Places* layer: every place a report mentions, once, with how it was mentioned.

Each is labelled as the report spells it (the gazetteer's name is in its popup).
Settlements are points; districts and regions are outlines; an area known only
by its centre is a wide dashed ring, visibly not a point. Countries and wider
regions are left out: their outlines are the basemap, and a point at a country's
(or continent's) centre misleads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from geoconflict.maps.builder import LayerBuilder
from geoconflict.maps.popups import PRECISION_TEXT, where
from geoconflict.maps.style import MAX_LABELS, Style
from geoconflict.model import Mention, Place, PlaceKind

__all__ = ["PLACE_FIELDS", "WIDE_KINDS", "drawn_places", "places_layer", "report_spelling"]

PLACE_FIELDS = ["Name", "Kind", "Where", "Mentioned as", "Precision", "Location", "GeoNames id", "Population",
                "Gazetteer", "Why this place"]

_KIND_TEXT = {
    PlaceKind.COUNTRY: "country",
    PlaceKind.ADMIN1: "region (admin-1)",
    PlaceKind.ADMIN2: "district (admin-2)",
    PlaceKind.POPULATED_PLACE: "settlement",
    PlaceKind.FEATURE: "feature",
    PlaceKind.REGION: "wider region",
}

#: Kinds of place not drawn in this layer (the basemap shows countries).
WIDE_KINDS = (PlaceKind.COUNTRY, PlaceKind.REGION)

#: Kinds drawn as a point even when they have a polygon.
_POINT_KINDS = {PlaceKind.POPULATED_PLACE, PlaceKind.FEATURE}

_AREA_COLOUR = "#4a4a4a"
_AREA_WEIGHT = 2
_DISTRICT_WEIGHT = 1.5
_AREA_FILL_OPACITY = 0.03
#: An approximate (derived) outline: a denser fill and dashes.
_HATCHED_FILL_OPACITY = 0.12
_HATCHED_DASHES = "5 4"

_SETTLEMENT_COLOUR = "#222222"
_SETTLEMENT_FILL = "#ffffff"
_SETTLEMENT_WEIGHT = 1.5
_SETTLEMENT_RADIUS = 3.5
_APPROXIMATE_SETTLEMENT_DASHES = "2 2"

#: An area known only by its centre: a faint ring of this radius, px.
_CENTRE_RING_RADIUS = 14
_CENTRE_RING_WEIGHT = 1.5
_CENTRE_RING_FILL_OPACITY = 0.05
_CENTRE_RING_DASHES = "4 4"


def drawn_places(mentions: Sequence[Mention]) -> dict[Place, list[Mention]]:
    """The places this layer draws, each with its mentions, in order of first mention."""
    seen: dict[Place, list[Mention]] = {}
    for m in mentions:
        if m.place is not None and m.place.kind not in WIDE_KINDS:
            seen.setdefault(m.place, []).append(m)
    return seen


def _values(place: Place, ms: list[Mention]) -> list[str | None]:
    """The popup fields of a place mentioned as ``ms``."""
    forms = list(dict.fromkeys(m.text for m in ms))
    reasons = list(dict.fromkeys(m.reason for m in ms if m.reason))
    return [
        place.name,
        _KIND_TEXT[place.kind],
        where(place),
        f"{', '.join(repr(f) for f in forms)} ({len(ms)}×)",
        PRECISION_TEXT[place.precision],
        "approximate (derived)" if place.approximate else "gazetteer",
        None if place.geonames_id is None else str(place.geonames_id),
        None if place.population is None else f"{place.population:,}",
        place.source,
        "; ".join(reasons) or None,
    ]


def _draw(layer: LayerBuilder, place: Place, i: int, label: str | None) -> None:
    """Draw place feature ``i``: an outline, a settlement's point, or a ring at an area's centre."""
    settlement = place.kind in _POINT_KINDS
    if place.geometry is not None and not settlement:
        hatch = place.approximate
        si = layer.style(color=_AREA_COLOUR,
                         weight=_DISTRICT_WEIGHT if place.kind is PlaceKind.ADMIN2 else _AREA_WEIGHT,
                         fill=True, fillColor=_AREA_COLOUR,
                         fillOpacity=_HATCHED_FILL_OPACITY if hatch else _AREA_FILL_OPACITY, hatch=hatch,
                         dashArray=_HATCHED_DASHES if hatch else None)
        layer.polygon(place.geometry, si, i, label)
        layer.add_legend("region / district outline", "area-outline", color=_AREA_COLOUR)
        if hatch:
            layer.add_legend("outline approximate", "area-hatched", color=_AREA_COLOUR)
    elif settlement:
        si = layer.style(color=_SETTLEMENT_COLOUR, weight=_SETTLEMENT_WEIGHT, fillColor=_SETTLEMENT_FILL,
                         fillOpacity=1.0, radius=_SETTLEMENT_RADIUS,
                         dashArray=_APPROXIMATE_SETTLEMENT_DASHES if place.approximate else None)
        layer.add_legend("settlement", "point", color=_SETTLEMENT_COLOUR, fill=_SETTLEMENT_FILL)
        layer.point(place.lat, place.lon, si, i, label)
    else:
        si = layer.style(color=_AREA_COLOUR, weight=_CENTRE_RING_WEIGHT, fillColor=_AREA_COLOUR,
                         fillOpacity=_CENTRE_RING_FILL_OPACITY, radius=_CENTRE_RING_RADIUS,
                         dashArray=_CENTRE_RING_DASHES)
        layer.add_legend("area known by its centre only", "point-approx", color=_AREA_COLOUR)
        layer.point(place.lat, place.lon, si, i, label)


def places_layer(seen: Mapping[Place, list[Mention]], style: Style) -> LayerBuilder:
    """The layer of the places of :func:`drawn_places` (labelled when there are at most :data:`MAX_LABELS`)."""
    layer = LayerBuilder("places", PLACE_FIELDS)
    labelled = style.labels and len(seen) <= MAX_LABELS
    for place, ms in seen.items():
        i = layer.feature(f"{place.name} — {_KIND_TEXT[place.kind]}", _values(place, ms), None)
        _draw(layer, place, i, report_spelling(ms) if labelled else None)
    return layer


def report_spelling(ms: Sequence[Mention]) -> str:
    """How the report names a place: its most frequent mention's text (the first on a tie).

    The map labels places so, as the reader saw them in the report; the gazetteer's
    name is the popup's first field.

    Examples
    --------
    >>> p = Place("An Nuhud", kind="populated_place", lat=12.7, lon=28.43)
    >>> report_spelling([Mention("El Nahud", 0, 8, place=p), Mention("Nahud", 40, 45, place=p),
    ...                  Mention("El Nahud", 90, 98, place=p)])
    'El Nahud'
    """
    return Counter(m.text for m in ms).most_common(1)[0][0]
