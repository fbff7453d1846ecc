"""Events → a layered folium map: places, movements, claims, combat areas, other events.

:func:`render` turns an :class:`~geoconflict.model.eventset.EventSet` (or any iterable
of records) into a :class:`folium.Map` with one toggleable layer per kind, a
legend, a scale bar, a claim ledger, a time slider when the events span more than
a day, and a light vector basemap of country and region outlines that needs no
tile server. Every feature has a tooltip (what, where) and a popup with its
provenance (quote, source, who claims it, dates, precision, derivation).

Each layer is one compact data blob drawn by a small script with Leaflet's
canvas renderer (see :mod:`geoconflict.maps.layers`), so a map of 100,000 events is
a few folium objects, not 100,000. Save it with :func:`geoconflict.save_html`
for one self-contained file.

Examples
--------
>>> import geoconflict as gc
>>> kyiv = gc.Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> m = gc.render([gc.Event("meeting", kyiv)], title="Meetings")
>>> type(m).__name__
'Map'
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import folium

from geoconflict.errors import InvalidInputError
from geoconflict.maps.backdrop import basemap_json
from geoconflict.maps.layers import bounds_of, build_layers, date_span_days
from geoconflict.maps.page import Library, Script, figure_of, script_json
from geoconflict.maps.style import Style

__all__ = ["render"]

#: Layers shown when the map opens (the others are listed in the control, unticked).
_SHOWN = {"claims", "combats", "movements", "events", "places"}

#: Zoom of a new map: the world when there is nothing to show, else a region (the
#: page then fits the map to the data).
_WORLD_ZOOM = 2
_DATA_ZOOM = 6

_ATTRIBUTION = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)"


# --------------------------------------------------------------------------- render


def _subtitle(layers: Sequence[Mapping[str, Any]]) -> str:
    counts = [f"{layer['n']:,} {layer['name'].lower()}" for layer in layers]
    days = layers[0].get("days", []) if layers else []
    if days:
        counts.append(days[0] if len(days) == 1 else f"{days[0]} → {days[-1]}")
    return " · ".join(counts)


def _check_options(tiles: object, title: object, time_slider: object) -> None:
    """Raise InvalidInputError for a ``tiles``, ``title`` or ``time_slider`` of the wrong type."""
    if tiles is not None and not isinstance(tiles, str):
        raise InvalidInputError(f"tiles: expected a tile name, a URL template or None, got {tiles!r}", field="tiles")
    if title is not None and not isinstance(title, str):
        raise InvalidInputError(f"title: expected text, got {type(title).__name__}", field="title")
    if time_slider is not None and not isinstance(time_slider, bool):
        raise InvalidInputError(f"time_slider: expected True, False or None, got {time_slider!r}", field="time_slider")


def render(
    events: Any,
    *,
    m: folium.Map | None = None,
    tiles: str | None = None,
    title: str | None = None,
    time_slider: bool | None = None,
    legend: bool = True,
    **style: Any,
) -> folium.Map:
    """Draw events as a layered, sourced map.

    Parameters
    ----------
    events : EventSet or iterable of records
        Mentions (their places form the *Places* layer), movements, territorial
        claims, combat areas and other events.
    m : folium.Map, optional
        A map to draw onto; by default a new one.
    tiles : str or None
        ``None`` (default): no tile server; a light vector basemap of country and
        admin-1 outlines from the embedded data, so the map shows context offline.
        A folium tile name (``"OpenStreetMap"``, ``"CartoDB positron"``) or URL
        template: those tiles, with the outlines drawn over them (needs network).
    title : str, optional
        Shown above the map with a one-line summary, and as the page title.
    time_slider : bool, optional
        Show a slider over event dates; default: when the dates span more than a day.
    legend : bool
        Show the categorical legend.
    **style
        Drawing options of :class:`geoconflict.maps.style.Style` (``colors``,
        ``palette``, ``radius``, ``weight``, ``combat_color``, ``labels``);
        unknown names raise :class:`~geoconflict.errors.InvalidInputError`.

    Returns
    -------
    folium.Map
        ``m`` when given, else a new map. It displays inline in Jupyter.

    Notes
    -----
    Movements are drawn as great circles computed in the page from their two
    endpoints (on the sphere; within a pixel of the ellipsoidal geodesic that
    :attr:`~geoconflict.model.Movement.geometry` exports), with an arrowhead at the
    destination. Countries mentioned in a report are not drawn as points (their
    outline is the basemap). A claim whose geometry is the union of the areas it
    names is drawn as an outline: it says where, not how much.

    Examples
    --------
    >>> from datetime import date
    >>> import geoconflict as gc
    >>> kal = gc.Place("Kaliningrad Oblast", kind="admin1", lat=54.75, lon=21.0, country_code="RU")
    >>> kursk = gc.Place("Kursk Oblast", kind="admin1", lat=51.75, lon=36.2, country_code="RU")
    >>> move = gc.Movement("Russian armed forces", kal, kursk, status="unconfirmed",
    ...                    provenance=gc.Provenance(reported_by="Laurynas Kasčiūnas",
    ...                                             report_date=date(2024, 8, 14)))
    >>> m = gc.render([move], title="Redeployment to Kursk")
    >>> "Movements" in m.get_root().render()
    True
    """
    _check_options(tiles, title, time_slider)
    options = Style.from_kwargs(style)
    ledger: list[dict[str, Any]] = []
    layers = build_layers(events, style=options, ledger=ledger)
    bounds = bounds_of(layers)

    if m is None:
        center = [0.0, 0.0] if bounds is None else [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2]
        m = folium.Map(location=center, zoom_start=_WORLD_ZOOM if bounds is None else _DATA_ZOOM, tiles=None,
                       prefer_canvas=True, control_scale=False)
    if title is not None:
        figure_of(m).title = html.escape(title)
    m.add_child(Library(), name="geoconflict_library")

    if tiles is not None:
        folium.TileLayer(tiles, name=tiles, overlay=False, control=True).add_to(m)
    basemap = basemap_json(bounds, fill=tiles is None)
    if basemap is not None:
        group = folium.FeatureGroup(name="Boundaries (Natural Earth)", overlay=True, control=True, show=True)
        group.add_child(Script(m, basemap, function="basemap"))
        m.add_child(group)

    for layer in layers:
        group = folium.FeatureGroup(name=f"{layer['name']} ({layer['n']:,})", overlay=True, control=True,
                                    show=layer["key"] in _SHOWN)
        group.add_child(Script(m, script_json(layer), function="draw"))
        m.add_child(group)

    if not any(isinstance(child, folium.LayerControl) for child in m._children.values()):
        folium.LayerControl(collapsed=False, position="topleft").add_to(m)

    finish = {
        "title": title,
        "subtitle": _subtitle(layers) if title is not None else None,
        "scale": True,
        "legend": legend,
        "ledger": ledger,
        "slider": date_span_days(layers) > 1 if time_slider is None else time_slider,
        "days": layers[0].get("days", []) if layers else [],
        "bounds": None if bounds is None else [[bounds[0], bounds[1]], [bounds[2], bounds[3]]],
        "attribution": _ATTRIBUTION if basemap is not None else None,
    }
    m.add_child(Script(m, script_json(finish), function="finish"))
    return m
