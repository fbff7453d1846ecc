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

import dataclasses
import html
import warnings
import weakref
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import folium

from geoconflict.errors import InvalidInputError
from geoconflict.lang import en
from geoconflict.maps.aggregate import LayerScript
from geoconflict.maps.assets import AssetError
from geoconflict.maps.backdrop import basemap_json
from geoconflict.maps.detail import layer_cells
from geoconflict.maps.layers import bounds_of, build_layers, date_span_days
from geoconflict.maps.offline import render_html
from geoconflict.maps.page import Library, Script, figure_of, script_json
from geoconflict.maps.style import Style
from geoconflict.maps.towns import TownSource, towns_payload
from geoconflict.model import Place

__all__ = ["render"]

#: Layers shown when the map opens (the others are listed in the control, unticked).
_SHOWN = {"claims", "combats", "movements", "events", "places"}

#: Zoom of a new map: the world when there is nothing to show, else a region (the
#: page then fits the map to the data).
_WORLD_ZOOM = 2
_DATA_ZOOM = 6

_ATTRIBUTION = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)"


#: Marks a folium map that :func:`render` has drawn onto (its basemap and scale bar are there).
_DRAWN_MARK = "_geoconflict_drawn"
#: Marks a folium map that has its town labels.
_TOWNS_MARK = "_geoconflict_towns"
#: The colours earlier calls gave each category (event type, side) on a map, kept on the map.
_COLOURS_MARK = "_geoconflict_colours"
#: The legend swatches that show a category's colour (events' points, sides' lines and areas).
_CATEGORY_SWATCHES = {"point", "line", "area"}


# --------------------------------------------------------------------------- composing with a map


def _tile_layer(tiles: str, attribution: str | None) -> folium.TileLayer:
    """folium's tile layer for a tile name or URL template; a clear error when folium refuses it."""
    if "{" in tiles and not attribution:
        raise InvalidInputError(
            f"tiles: the URL template {tiles!r} needs attribution='…' naming its provider "
            "(the map must credit the tiles it shows)", field="tiles", value=tiles)
    try:
        return folium.TileLayer(tiles, name=tiles if "{" not in tiles else "Tiles", attr=attribution,
                                overlay=False, control=True)
    except ValueError as exc:
        raise InvalidInputError(
            f"tiles: {tiles!r} is not a tile provider folium knows (such as 'OpenStreetMap' or 'CartoDB "
            f"positron') nor a URL template given with attribution= ({exc})", field="tiles", value=tiles) from exc


def _children(m: folium.Map) -> list[Any]:
    return list(m._children.values())


def _has_tiles(m: folium.Map) -> bool:
    """Whether the map shows tiles of its own (then the basemap draws lines only, no land fill)."""
    return any(isinstance(child, folium.TileLayer) for child in _children(m))


#: A layer's page data (a dict while built, read as a mapping).
_Layer = TypeVar("_Layer", bound=Mapping[str, Any])


def _by_key(layers: Sequence[_Layer]) -> list[list[_Layer]]:
    """The layers of each kind together, in the order first drawn: one entry each in the layer control.

    A huge map's claims are two layers, those counted per area and those with an area of their own;
    the reader sees one *Territorial claims* entry that shows or hides both.
    """
    kinds: dict[str, list[_Layer]] = {}
    for layer in layers:
        kinds.setdefault(layer["key"], []).append(layer)
    return list(kinds.values())


def _layer_control_last(m: folium.Map) -> None:
    """Keep one layer control, after every layer: folium lists the layers its control follows.

    A control the user added before calling :func:`render` would run before the
    new layers exist (``setZIndex`` of undefined in the page), so it is moved to the end.
    """
    keys = [key for key, child in m._children.items() if isinstance(child, folium.LayerControl)]
    if not keys:
        folium.LayerControl(collapsed=False, position="topleft").add_to(m)
        return
    for key in keys:
        m._children.move_to_end(key)
    nested = [child for child in _children(m) if not isinstance(child, folium.LayerControl)
              and any(isinstance(c, folium.LayerControl) for c in getattr(child, "_children", {}).values())]
    if nested:
        warnings.warn("the map has a layer control inside another element: geoconflict's layers may be "
                      "missing from it; add the control to the map itself", stacklevel=3)


def _continued(m: folium.Map | None, options: Style) -> Style:
    """``options`` for another call on ``m``: each category keeps the colour an earlier call gave it.

    The palette's colours already taken move to its end, so that a new category
    gets a colour of its own while there is one; the user's ``colors`` still win.
    """
    taken: dict[str, str] = getattr(m, _COLOURS_MARK, {}) if m is not None else {}
    if not taken:
        return options
    used = set(taken.values())
    palette = [c for c in options.palette if c not in used] + [c for c in options.palette if c in used]
    return dataclasses.replace(options, colors={**taken, **options.colors}, palette=tuple(palette))


def _remember_colours(m: folium.Map, layers: Sequence[Mapping[str, Any]]) -> None:
    taken: dict[str, str] = dict(getattr(m, _COLOURS_MARK, {}))
    for layer in layers:
        for item in layer.get("legend", []):
            if item.get("swatch") in _CATEGORY_SWATCHES and isinstance(item.get("color"), str):
                taken.setdefault(item["label"], item["color"])
    setattr(m, _COLOURS_MARK, taken)


def _add_towns(m: folium.Map, towns: TownSource | Iterable[Place] | None, cells: frozenset[tuple[int, int]]) -> None:
    """Add the towns near the data as a layer of quiet labels, once per map."""
    if towns is None or getattr(m, _TOWNS_MARK, False):
        return
    payload = towns_payload(towns, cells)
    if payload is None:
        return
    setattr(m, _TOWNS_MARK, True)
    group = folium.FeatureGroup(name="Towns (GeoNames)", overlay=True, control=True, show=True)
    group.add_child(Script(m, script_json(payload), function="towns"))
    m.add_child(group)


# --------------------------------------------------------------------------- notebooks

#: Height of the map in a notebook's output cell, px (its width follows the cell).
NOTEBOOK_HEIGHT_PX = 540


def notebook_html(m: folium.Map) -> str:
    """The map as a notebook shows it: an iframe holding the offline page (scripts inlined).

    folium's own display loads Leaflet, jQuery and Bootstrap from CDNs, so offline
    the cell stays blank. This page is the one :func:`~geoconflict.maps.offline.save_html`
    writes; when the assets cannot be had, it falls back to CDN links with a warning
    that says how to fetch them.
    """
    try:
        page = render_html(m, offline=True)
    except AssetError as exc:
        warnings.warn(f"the notebook map loads its scripts from the network: {exc}", stacklevel=2)
        page = render_html(m, offline=False)
    return (
        f'<iframe srcdoc="{html.escape(page)}" style="width:100%;height:{NOTEBOOK_HEIGHT_PX}px;'
        'border:none !important;" allowfullscreen></iframe>'
    )


class _NotebookDisplay:
    """``_repr_html_`` of a rendered map: :func:`notebook_html`, not folium's CDN page.

    Kept as an instance attribute of the map (IPython looks the method up on the
    object), holding the map weakly so that copying the map copies no cycle.
    """

    def __init__(self, m: folium.Map):
        self._map = weakref.ref(m)

    def __call__(self, **kwargs: Any) -> str:
        m = self._map()
        return "" if m is None else notebook_html(m)

    def __deepcopy__(self, memo: dict[int, Any]) -> _NotebookDisplay:
        return self


# --------------------------------------------------------------------------- render


def _count(kind: Sequence[Mapping[str, Any]], places: int) -> str:
    """The count of a kind's layers for the subtitle; places as the command line counts them (countries included)."""
    n = sum(layer["n"] for layer in kind)
    if kind[0]["key"] == "places" and places > n:
        return f"{places:,} places ({n:,} drawn; countries and wider regions are the basemap)"
    return en.counted(n, kind[0]["name"].lower())


def _subtitle(layers: Sequence[Mapping[str, Any]]) -> str:
    places = layers[0].get("places", 0) if layers else 0
    counts = [_count(kind, places) for kind in _by_key(layers)]
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
    attribution: str | None = None,
    fit_bounds: bool | None = None,
    towns: TownSource | Iterable[Place] | None = None,
    **style: Any,
) -> folium.Map:
    """Draw events as a layered, sourced map.

    Parameters
    ----------
    events : EventSet, iterable of records, or list of EventSets
        Mentions (their places form the *Places* layer), movements, territorial
        claims, combat areas and other events. A list of EventSets (several
        tables) is drawn as :meth:`~geoconflict.model.eventset.EventSet.concat`
        of them: tables read as columns stay columns.
    m : folium.Map, optional
        A map to draw onto; by default a new one. Its tiles, view and layer
        control are kept (the control then lists geoconflict's layers too), and
        ``render`` may draw onto the same map several times: one basemap, one
        scale bar, one legend and ledger over every call.
    tiles : str or None
        ``None`` (default): no tile server; a light vector basemap of country and
        admin-1 outlines from the embedded data, so the map shows context offline.
        A folium tile name (``"OpenStreetMap"``, ``"CartoDB positron"``) or URL
        template: those tiles, with the outlines drawn over them (needs network).
        A URL template needs ``attribution``.
    title : str, optional
        Shown above the map with a one-line summary, and as the page title.
    time_slider : bool, optional
        Show a slider over event dates; default: when the dates span more than a day.
    legend : bool
        Show the categorical legend.
    attribution : str, optional
        Credit for a ``tiles`` URL template (required with one).
    fit_bounds : bool, optional
        Fit the view to the events; default: on a new map, not on a given ``m``
        (the user's view is kept).
    towns : callable or iterable of Place, optional
        Towns labelled from zoom 8 on, to orient by: a function
        ``towns(box, n=…)`` giving the ``n`` most populous settlements in a
        ``(south, west, north, east)`` box (asked for each cell of the area
        near the data), or the towns themselves. :func:`geoconflict.render` passes
        the gazetteer's :meth:`~geoconflict.Gazetteer.largest_places`.
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
    options = _continued(m, Style.from_kwargs(style))
    ledger: list[dict[str, Any]] = []
    layers = build_layers(events, style=options, ledger=ledger)
    bounds = bounds_of(layers)

    tile_layer = None if tiles is None else _tile_layer(tiles, attribution)
    if fit_bounds is None:
        fit_bounds = m is None
    if m is None:
        center = [0.0, 0.0] if bounds is None else [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2]
        m = folium.Map(location=center, zoom_start=_WORLD_ZOOM if bounds is None else _DATA_ZOOM, tiles=None,
                       prefer_canvas=True, control_scale=False)
    first = not getattr(m, _DRAWN_MARK, False)
    setattr(m, _DRAWN_MARK, True)
    if title is not None:
        figure_of(m).title = html.escape(title)
    m.add_child(Library(), name="geoconflict_library")

    if tile_layer is not None:
        tile_layer.add_to(m)
    cells = layer_cells(layers)
    basemap = basemap_json(bounds, fill=not _has_tiles(m), cells=cells) if first else None
    if basemap is not None:
        group = folium.FeatureGroup(name="Boundaries (Natural Earth)", overlay=True, control=True, show=True)
        group.add_child(Script(m, basemap, function="basemap"))
        m.add_child(group)
    _add_towns(m, towns, cells)

    for kind in _by_key(layers):
        group = folium.FeatureGroup(name=f"{kind[0]['name']} ({sum(layer['n'] for layer in kind):,})",
                                    overlay=True, control=True, show=kind[0]["key"] in _SHOWN)
        for layer in kind:
            group.add_child(LayerScript(m, layer) if layer.get("aggregate") else
                            Script(m, script_json(layer), function="draw"))
        m.add_child(group)

    finish = {
        "title": title,
        "subtitle": _subtitle(layers) if title is not None else None,
        "scale": first and not getattr(m, "control_scale", False),
        "fit": fit_bounds,
        "legend": legend,
        "ledger": ledger,
        "slider": date_span_days(layers) > 1 if time_slider is None else time_slider,
        "days": layers[0].get("days", []) if layers else [],
        "bounds": None if bounds is None else [[bounds[0], bounds[1]], [bounds[2], bounds[3]]],
        "attribution": _ATTRIBUTION if basemap is not None else None,
    }
    m.add_child(Script(m, script_json(finish), function="finish"))
    _layer_control_last(m)
    _remember_colours(m, layers)
    m._repr_html_ = _NotebookDisplay(m)  # type: ignore[method-assign]
    return m
