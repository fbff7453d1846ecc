"""One layer's columns under construction, and its compact JSON-ready form.

A layer is a dict of columns rather than one object per feature: coordinates as
integers in 1e-5 degrees (see :data:`~geoconflict.maps.style.SCALE`), a style
index and a feature index per drawn shape, an event-date index per feature for
the time slider, and the popup's fields as indices into one table of distinct
strings. The map's script draws the shapes with Leaflet's canvas renderer and
builds a popup only when a feature is clicked.

Examples
--------
>>> from datetime import date
>>> layer = LayerBuilder("events", ["What"])
>>> i = layer.feature("Shelling", ["shelling"], date(2024, 8, 6))
>>> layer.point(51.19, 35.27, layer.style(color="#009e73"), i)
>>> data = layer.to_dict({date(2024, 8, 6): 0})
>>> data["strings"], data["titles"], data["values"], data["points"]["lat"]
(['Shelling', 'shelling'], [0], [1], [5119000])
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from geoconflict.maps.style import DRAW_ORDER, LAYER_NAMES, quantize, quantize_all

__all__ = ["MISSING", "LayerBuilder", "Rings", "rings", "strings_reference", "tolerance"]

#: Polygons are simplified to this fraction of their larger side before drawing.
SIMPLIFY_DIVISOR = 2000.0

#: Half a turn of longitude: a ring stepping further between two points crosses the antimeridian.
HALF_TURN = 180.0

#: An absent value in an index column: a shape without a label, a popup field
#: without a value, a feature without a date.
MISSING = -1

#: A polygon feature as rings of flat ``[lat, lon, lat, lon, …]`` integers, per part.
Rings = list[list[list[int]]]


def tolerance(geometry: Polygon | MultiPolygon) -> float:
    """The simplification tolerance, degrees, for drawing ``geometry``."""
    minx, miny, maxx, maxy = geometry.bounds
    return max(maxx - minx, maxy - miny) / SIMPLIFY_DIVISOR


def _ring_flat(ring: Any) -> list[int]:
    """One ring as flat ``[lat, lon, …]`` integers, without its closing point.

    A z coordinate (KML conversions write z = 0) is dropped. A ring that jumps more
    than 180° of longitude between two points crosses the antimeridian: its
    longitudes are unwrapped (past ±180°) so the page draws the narrow shape the
    record's area is measured on, not a band around the world.
    """
    xy = shapely.get_coordinates(ring)[:-1]
    lon, lat = xy[:, 0], xy[:, 1]
    if len(lon) > 1 and np.any(np.abs(np.diff(lon)) > HALF_TURN):
        lon = np.unwrap(lon, period=2 * HALF_TURN)
    return quantize_all(np.column_stack((lat, lon)).ravel())


def rings(geometry: Polygon | MultiPolygon, tol: float) -> Rings:
    """Polygon rings as flat [lat, lon, lat, lon, …] integer lists, simplified to ``tol`` degrees.

    Examples
    --------
    >>> from shapely.geometry import Polygon
    >>> rings(Polygon([(170, 60, 0), (-170, 60, 0), (-170, 70, 0), (170, 70, 0)]), 0)
    [[[6000000, 17000000, 6000000, 19000000, 7000000, 19000000, 7000000, 17000000]]]
    """
    if tol > 0:
        simple = shapely.simplify(geometry, tol, preserve_topology=True)
        if not simple.is_empty:
            geometry = simple
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return [[_ring_flat(ring) for ring in (polygon.exterior, *polygon.interiors)] for polygon in polygons]


def strings_reference(columns: Sequence[Sequence[str | None]]) -> tuple[list[str], list[list[int]]]:
    """The plain form of :meth:`LayerBuilder._strings`: distinct strings and each column as indices.

    Strings are numbered in order of first appearance, column after column; None
    and the empty string are :data:`MISSING`.
    """
    index: dict[str, int] = {}
    coded = []
    for column in columns:
        codes = []
        for value in column:
            if value is None:
                codes.append(MISSING)
                continue
            if value not in index:
                index[value] = len(index)
            codes.append(index[value])
        coded.append(codes)
    if "" in index:  # numbered (it keeps its place in the table) but never referenced
        coded = [[MISSING if c == index[""] else c for c in codes] for codes in coded]
    return list(index), coded


class LayerBuilder:
    """Columns of one layer under construction.

    Parameters
    ----------
    key : str
        The layer's key in :data:`~geoconflict.maps.style.LAYER_NAMES`.
    fields : sequence of str
        The popup's field names; each feature gives one value per field.
    """

    def __init__(self, key: str, fields: Sequence[str]):
        self.key = key
        self.fields = list(fields)
        self.styles: list[dict[str, Any]] = []
        self._style_index: dict[tuple[tuple[str, Any], ...], int] = {}
        self.legend: list[dict[str, Any]] = []
        self._legend_seen: set[tuple[str, str, tuple[tuple[str, Any], ...]]] = set()
        self.columns: list[list[str | None]] = [[] for _ in range(len(self.fields) + 1)]  # title first
        self.dates: list[date | None] = []
        self.points: dict[str, list[Any]] = {"lat": [], "lon": [], "s": [], "f": [], "label": []}
        self.lines: dict[str, list[Any]] = {"c": [], "s": [], "f": []}
        self.polys: dict[str, list[Any]] = {"rings": [], "s": [], "f": [], "label": []}
        self.n = 0
        self.title_from: dict[str, list[Any]] | None = None

    def style(self, **options: Any) -> int:
        """The index of a drawing style (Leaflet path options), added when new."""
        key = tuple(sorted(options.items()))
        i = self._style_index.get(key)
        if i is None:
            i = self._style_index[key] = len(self.styles)
            self.styles.append(options)
        return i

    def add_legend(self, label: str, swatch: str, **options: Any) -> None:
        """One legend entry (a label and how its swatch is drawn), once."""
        key = (label, swatch, tuple(sorted(options.items())))
        if key not in self._legend_seen:
            self._legend_seen.add(key)
            self.legend.append({"label": label, "swatch": swatch, **options})

    def feature(self, title: str, values: Sequence[str | None], when: date | None) -> int:
        """Register one feature's popup values; returns its index."""
        for column, value in zip(self.columns, (title, *values), strict=True):
            column.append(value)
        self.dates.append(when)
        self.n += 1
        return self.n - 1

    def add_columns(
        self,
        columns: Sequence[Sequence[str | None]],
        dates: Sequence[date | None],
        *,
        title_from: tuple[list[int], list[str]],
    ) -> None:
        """Register many features at once, column by column.

        Their title is not stored but composed by the page from fields
        ``title_from[0]`` joined by ``title_from[1]`` (the first letter capitalised).
        """
        if self.n:
            raise ValueError("add_columns registers a whole layer at once")
        n = len(dates)
        self.title_from = {"fields": title_from[0], "seps": title_from[1]}
        self.columns[0].extend([None] * n)
        for target, column in zip(self.columns[1:], columns, strict=True):
            target.extend(column)
        self.dates.extend(dates)
        self.n += n

    def point(self, lat: float, lon: float, style: int, feature: int, label: str | None = None) -> None:
        """Draw feature ``feature`` as a point (a circle marker) in style ``style``."""
        pts = self.points
        pts["lat"].append(quantize(lat))
        pts["lon"].append(quantize(lon))
        pts["s"].append(style)
        pts["f"].append(feature)
        pts["label"].append(MISSING if label is None else label)

    def polygon(self, geometry: Polygon | MultiPolygon, style: int, feature: int, label: str | None = None) -> None:
        """Draw feature ``feature`` as ``geometry``, simplified for drawing, in style ``style``."""
        polys = self.polys
        polys["rings"].append(rings(geometry, tolerance(geometry)))
        polys["s"].append(style)
        polys["f"].append(feature)
        polys["label"].append(MISSING if label is None else label)

    def _strings(self) -> tuple[list[str], list[int], list[int]]:
        """One table of distinct strings; titles and row-major popup values as indices (-1: none).

        The table and indices are those of :func:`strings_reference` (titles are its
        first column; ``tests/test_render_reference.py`` holds the two equal), found by
        one ``pandas.factorize`` over all the columns.
        """
        n, k = self.n, len(self.columns)
        flat = np.empty(n * k, dtype=object)
        for j, column in enumerate(self.columns):
            flat[j * n : (j + 1) * n] = column
        codes, uniques = pd.factorize(flat)  # None -> -1; first-appearance order
        strings = uniques.tolist()
        if "" in strings:
            codes[codes == strings.index("")] = MISSING
        codes = codes.reshape(k, n)
        return strings, codes[0].tolist(), codes[1:].T.ravel().tolist()

    def _label_indices(self, strings: list[str]) -> None:
        """Replace the shapes' label texts by indices into ``strings``, adding the new ones."""
        index: dict[str, int] | None = None
        for block in (self.points, self.polys):
            labels = block["label"]
            for i, name in enumerate(labels):
                if isinstance(name, str):
                    if index is None:
                        index = {t: j for j, t in enumerate(strings)}
                    if name not in index:
                        index[name] = len(strings)
                        strings.append(name)
                    labels[i] = index[name]

    def to_dict(self, date_table: dict[date, int]) -> dict[str, Any]:
        """The layer as the page's JSON data; ``date_table`` numbers the event dates of all layers."""
        strings, titles, values = self._strings() if self.n else ([], [], [])
        self._label_indices(strings)
        out: dict[str, Any] = {
            "key": self.key,
            "z": DRAW_ORDER.index(self.key),
            "name": LAYER_NAMES[self.key],
            "n": self.n,
            "fields": self.fields,
            "strings": strings,
            "titles": titles if self.title_from is None else [],
            "titleFrom": self.title_from,
            "values": values,
            "styles": self.styles,
            "legend": self.legend,
            "dates": [MISSING if d is None else date_table[d] for d in self.dates],
        }
        if self.points["lat"]:
            out["points"] = self.points
        if self.lines["s"]:
            out["lines"] = self.lines
        if self.polys["s"]:
            out["polys"] = self.polys
        return out
