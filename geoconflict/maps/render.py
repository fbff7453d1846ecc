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

(The module is ``maps``, not ``render``: a submodule named like the function it
exports would replace ``geoconflict.render`` by the module once imported.)

Examples
--------
>>> import geoconflict as gc
>>> kyiv = gc.Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> m = gc.render([gc.Event("meeting", kyiv)], title="Meetings")
>>> type(m).__name__
'Map'
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import warnings
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geoconflict.errors import DataNotFoundError, InvalidInputError
from geoconflict.maps.layers import SCALE, Style, bounds_of, build_layers, date_span_days, quantize

__all__ = ["render"]

_TEMPLATES = Path(__file__).parent / "templates"

#: Layers shown when the map opens (the others are listed in the control, unticked).
_SHOWN = {"claims", "combats", "movements", "events", "places"}


@cache
def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


_TEMPLATE_OPENERS = re.compile(r"\{(?=[{%#])")


def _json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element and a branca page.

    No ``<``, ``>`` or ``&`` (nothing can close the element), and no ``{{``, ``{%``
    or ``{#`` (nothing a template engine would evaluate; compact JSON has such
    pairs only inside strings).
    """
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _TEMPLATE_OPENERS.sub(r"\\u007b", text)


class _Code(Element):
    """Raw code placed in the page header once (not run through Jinja)."""

    _template = Template("{{ this.code }}")

    def __init__(self, code: str):
        super().__init__()
        self._name = "GeoconflictCode"
        self.code = code


class _Library(MacroElement):
    """Adds geoconflict's script and stylesheet to the page header, once per page."""

    _template = Template("")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoconflictLibrary"

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        figure.header.add_child(_Code(f"<style>{_template('geoconflict.css')}</style>"), name="geoconflict_css")
        js = _template("geoconflict.js").replace("</", "<\\/")
        figure.header.add_child(_Code(f"<script>{js}</script>"), name="geoconflict_js")
        super().render(**kwargs)


class _Script(MacroElement):
    """Adds one line of script to the page without passing it through Jinja.

    branca's MacroElement turns its rendered script into a new Jinja template;
    report text containing ``{{ … }}`` would then be evaluated, and a 20 MB data
    blob compiled. This element adds its code as plain text instead.
    """

    def __init__(self, m: folium.Map, payload: str, *, function: str):
        super().__init__()
        self._name = "Geoconflict" + function.capitalize()
        self.map = m
        self.payload = payload
        self.function = function

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        target = self._parent.get_name() + ", " if self.function != "finish" else ""
        # The data rides in a JSON script element: the browser's JSON parser reads a
        # large blob several times faster than the JavaScript parser reads a literal.
        data_id = self.get_name()
        figure.html.add_child(
            _Code(f'<script type="application/json" id="{data_id}">{self.payload}</script>'), name=self.get_name()
        )
        code = (
            f"geoconflict.{self.function}({self.map.get_name()}, {target}"
            f"JSON.parse(document.getElementById('{data_id}').textContent));\n"
        )
        figure.script.add_child(_Code(code), name=self.get_name())


# --------------------------------------------------------------------------- basemap


_BASEMAP_VERSION = "1"


def _basemap_json(bounds: tuple[float, float, float, float] | None, *, fill: bool) -> str | None:
    """The basemap's JSON, cached on disk by its (rounded) extent and the data file.

    Simplifying Natural Earth for a wide area takes about a second; maps of the same
    region share one cached result (``<user cache dir>/geoconflict/basemap``).
    """
    if bounds is not None:  # outward to a 2-degree grid, so nearby extents share a cache entry
        s, w, n, e = bounds
        bounds = (max(-90.0, 2 * math.floor(s / 2)), max(-180.0, 2 * math.floor(w / 2)),
                  min(90.0, 2 * math.ceil(n / 2)), min(180.0, 2 * math.ceil(e / 2)))
    path = None
    try:
        from platformdirs import user_cache_dir

        from geoconflict._data import data_file

        data = data_file("geometries.npz").stat()
        key = hashlib.sha256(
            f"{_BASEMAP_VERSION}|{bounds}|{fill}|{data.st_size}|{data.st_mtime_ns}".encode()
        ).hexdigest()[:24]
        path = Path(user_cache_dir("geoconflict", appauthor=False)) / "basemap" / f"{key}.json"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    except (ImportError, OSError, DataNotFoundError):
        path = None
    payload = _basemap_payload(bounds, fill=fill)
    if payload is None:
        return None
    text = _json(payload)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # a read-only cache: compute again next time
            pass
    return text


def _basemap_payload(bounds: tuple[float, float, float, float] | None, *, fill: bool) -> dict[str, Any] | None:
    """Country and admin-1 outlines around ``bounds`` from the embedded boundaries, or None."""
    try:
        from geoconflict.maps import (
            basemap as boundaries,  # the embedded Natural Earth data; never the gazetteer
        )
    except ImportError:  # pragma: no cover - a partial source checkout
        warnings.warn("geoconflict.maps.basemap is missing: the map has no basemap", stacklevel=3)
        return None
    if bounds is None:
        south, west, north, east = -60.0, -180.0, 84.0, 180.0
    else:
        south, west, north, east = bounds

    def around(factor: float, least: float) -> tuple[float, float, float, float]:
        pad_lat = max(least, (north - south) * factor)
        pad_lon = max(least * 1.5, (east - west) * factor)
        return (max(-180.0, west - pad_lon), max(-85.0, south - pad_lat),
                min(180.0, east + pad_lon), min(85.0, north + pad_lat))

    # countries over a wide area (the map never shows a cut-off coast), regions nearer the data
    wide, near = around(2.5, 25.0), around(0.6, 8.0)
    out: dict[str, Any] = {"fill": fill}
    try:
        countries = boundaries.outlines(wide, level="country", simplify=max(wide[2] - wide[0], wide[3] - wide[1]) / 800)
        # admin-1 lines only at a regional scale: at a continental one they are noise (and slow)
        regional = near[2] - near[0] <= 90 and near[3] - near[1] <= 60
        regions = (
            boundaries.outlines(near, level="admin1", simplify=max(near[2] - near[0], near[3] - near[1]) / 1000)
            if regional
            else None
        )
    except DataNotFoundError as exc:
        warnings.warn(f"the map has no basemap: {exc}", stacklevel=3)
        return None
    bbox = wide
    out["countries"] = _outline_features(countries, bbox)
    out["regions"] = [] if regions is None else _outline_features(regions[regions["level"] == "admin1"], near)
    return out


def _outline_features(frame: Any, bbox: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    import numpy as np
    import shapely

    geoms = np.asarray(frame.geometry.values, dtype=object)
    names = frame["name"].tolist() if "name" in frame.columns else [None] * len(geoms)
    geoms = shapely.clip_by_rect(geoms, *bbox)
    features = []
    for name, geometry in zip(names, geoms, strict=True):
        if geometry is None or geometry.is_empty:
            continue
        polygons = [g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon" and not g.is_empty]
        if not polygons:
            continue
        rings = []
        for polygon in polygons:
            polygon_rings = []
            for ring in shapely.get_rings(polygon):
                xy = shapely.get_coordinates(ring)[:-1]
                flat = np.rint(xy[:, ::-1] * SCALE).astype(np.int64).ravel()  # lat, lon, lat, lon, …
                polygon_rings.append(flat.tolist())
            rings.append(polygon_rings)
        label = None
        if isinstance(name, str) and name:
            biggest = max(polygons, key=lambda p: p.area)
            point = biggest.representative_point()
            x0, y0, x1, y1 = biggest.bounds
            label = [quantize(point.y), quantize(point.x), quantize(y0), quantize(x0), quantize(y1), quantize(x1)]
        features.append({"name": name if isinstance(name, str) else None, "label": label, "rings": rings})
    return features


# --------------------------------------------------------------------------- render


def _subtitle(layers: Sequence[Mapping[str, Any]]) -> str:
    counts = [f"{layer['n']:,} {layer['name'].lower()}" for layer in layers]
    days = layers[0].get("days", []) if layers else []
    if days:
        counts.append(days[0] if len(days) == 1 else f"{days[0]} → {days[-1]}")
    return " · ".join(counts)


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
        Drawing options of :class:`geoconflict.maps.layers.Style` (``colors``,
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
    :attr:`~geoconflict.model.records.Movement.geometry` exports), with an arrowhead at the
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
    if tiles is not None and not isinstance(tiles, str):
        raise InvalidInputError(f"tiles: expected a tile name, a URL template or None, got {tiles!r}", field="tiles")
    if title is not None and not isinstance(title, str):
        raise InvalidInputError(f"title: expected text, got {type(title).__name__}", field="title")
    if time_slider is not None and not isinstance(time_slider, bool):
        raise InvalidInputError(f"time_slider: expected True, False or None, got {time_slider!r}", field="time_slider")
    options = Style.from_kwargs(style)
    ledger: list[dict[str, Any]] = []
    layers = build_layers(events, style=options, ledger=ledger)
    bounds = bounds_of(layers)

    if m is None:
        center = [0.0, 0.0] if bounds is None else [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2]
        m = folium.Map(location=center, zoom_start=2 if bounds is None else 6, tiles=None, prefer_canvas=True,
                       control_scale=False)
    if title is not None:
        m.get_root().title = html.escape(title)
    m.add_child(_Library(), name="geoconflict_library")

    if tiles is not None:
        folium.TileLayer(tiles, name=tiles, overlay=False, control=True).add_to(m)
    basemap = _basemap_json(bounds, fill=tiles is None)
    if basemap is not None:
        group = folium.FeatureGroup(name="Boundaries (Natural Earth)", overlay=True, control=True, show=True)
        group.add_child(_Script(m, basemap, function="basemap"))
        m.add_child(group)

    for layer in layers:
        group = folium.FeatureGroup(name=f"{layer['name']} ({layer['n']:,})", overlay=True, control=True,
                                    show=layer["key"] in _SHOWN)
        group.add_child(_Script(m, _json(layer), function="draw"))
        m.add_child(group)

    if not any(isinstance(child, folium.LayerControl) for child in m._children.values()):
        folium.LayerControl(collapsed=False, position="topleft").add_to(m)

    slider = date_span_days(layers) > 1 if time_slider is None else time_slider
    finish = {
        "title": title,
        "subtitle": _subtitle(layers) if title is not None else None,
        "scale": True,
        "legend": legend,
        "ledger": ledger,
        "slider": slider,
        "days": layers[0].get("days", []) if layers else [],
        "bounds": None if bounds is None else [[bounds[0], bounds[1]], [bounds[2], bounds[3]]],
        "attribution": "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)" if basemap is not None else None,
    }
    m.add_child(_Script(m, _json(finish), function="finish"))
    return m
