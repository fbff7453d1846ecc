"""Maps of many events: counts per grid cell at low zoom, each event only where the user zooms in.

Above :data:`AGGREGATE_FROM` located events, the *Other events* layer is not one
blob of every point: at each band of zoom levels (:data:`BANDS`) the events are
counted per grid cell (cells sized to the band, about :data:`CELL_PX` pixels
across), each cell drawn as one circle at the mean of its events' coordinates,
coloured by its most frequent event type and sized by its count; its popup gives
the counts by type, the fatalities and the dates. From :data:`DETAIL_ZOOM` on,
each event is drawn with its full popup, read from chunks of the page: the events
are split by a grid of :data:`CHUNK_DEGREES` cells, each chunk is its own JSON
element, parsed only when a map view first reaches it. The page thus opens
with a few thousand circles however many events it holds. A table's territory
rows (claims drawn at one place) are counted the same way, in a layer of their
own (:mod:`~geoconflict.maps.claimcells`): the base class :class:`Aggregated`
holds what the two share.

The time slider filters the events of the chunks (each carries its date); a
circle counts every date, and while the slider cuts dates off and circles are
shown, the page says so under the slider (:data:`CUT_NOTE`).

Everything is computed from columns (:class:`~geoconflict.model.eventcolumns.EventColumns`):
each distinct place, provenance and actor list gives its popup texts once, and
numpy spreads them over the rows; no Python object is made per row except the
rows' own notes.

Examples
--------
>>> from geoconflict.model import Event, Place
>>> from geoconflict.model.eventcolumns import EventColumns
>>> from geoconflict.maps.style import Style
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> layer = AggregatedEvents(EventColumns.from_events([Event("shelling", kyiv)] * 3), Style())
>>> data = layer.to_dict({})
>>> [band["n"] for band in data["bands"]], [c["n"] for c in data["chunks"]]
([1, 1, 1, 1, 1, 1], [3])
>>> data["bands"][0]["strings"][:2]
['3 events here (zoom in to see each)', '3']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import folium
import numpy as np
import pandas as pd

from geoconflict.lang.en import counted
from geoconflict.maps.builder import MISSING, LayerBuilder, strings_reference
from geoconflict.maps.events import (
    _APPROXIMATE_FROM,
    _APPROXIMATE_LEGEND_COLOUR,
    _TITLE_FROM,
    EVENT_FIELDS,
    _point_style,
)
from geoconflict.maps.page import Script, _Code, figure_of, script_json
from geoconflict.maps.popups import (
    PRECISION_FIELD,
    PRECISION_TEXT,
    PROVENANCE_FIELDS,
    provenance_columns,
    where,
)
from geoconflict.maps.style import DRAW_ORDER, LAYER_NAMES, SCALE, Colours, Style
from geoconflict.model import Precision
from geoconflict.model.eventcolumns import EventColumns

__all__ = ["AGGREGATE_FROM", "BANDS", "CHUNK_DEGREES", "DETAIL_ZOOM", "Aggregated", "AggregatedEvents", "LayerScript"]

#: More located events than this (events and claims drawn at one place together), and the
#: map counts them per cell below :data:`DETAIL_ZOOM`.
#: (At 20,000 points the page of one blob still draws in well under a second.)
AGGREGATE_FROM = 20_000

#: From this zoom on, each event is drawn (the chunks in view), as on a small map.
DETAIL_ZOOM = 9

#: Cells are about this many pixels across at the first zoom of their band.
CELL_PX = 48

#: The bands of zoom levels (the last zoom of each) below :data:`DETAIL_ZOOM`; each band
#: counts events in cells of ``CELL_PX`` pixels at its first zoom, in degrees.
BANDS = tuple((last, 360.0 * CELL_PX / (256 * 2**first)) for first, last in
              ((0, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8)))

#: Side of the grid cells, degrees, by which the events are split into chunks of detail.
CHUNK_DEGREES = 0.5

#: The popup fields of a cell.
CELL_FIELDS = ["Events", "By type", "Fatalities", "Dates"]

#: A cell's title (``{events}``: "1,234 events"), and how its types are listed.
CELL_TITLE = "{events} here (zoom in to see each)"
TYPE_SEPARATOR = " · "

#: The legend's line saying what a circle is below the detail zoom.
CELL_LEGEND = "circle: events counted per area, sized by count (zoom in to see each)"

#: Shown under the time slider while it cuts dates off and circles are on the map.
CUT_NOTE = ("Circles count every date: zoom in to level {zoom} to see only the events up to this date.")

#: Circle radius of a cell, px: ``BASE + STEP * floor(log4(count))``, at most ``MAX``.
CELL_RADIUS_BASE, CELL_RADIUS_STEP, CELL_RADIUS_MAX = 5, 3, 23

_NO_DAY = np.iinfo(np.int64).max


def _field_codes(texts: Sequence[str | None], codes: np.ndarray) -> tuple[list[str | None], np.ndarray]:
    """A popup field as distinct texts and each row's index (``MISSING`` for None or empty text)."""
    table = np.array([MISSING if not t else k for k, t in enumerate(texts)] + [MISSING], dtype=np.int64)
    return list(texts), table[np.where(codes < 0, len(texts), codes)]


def _factorized(values: np.ndarray) -> tuple[list[Any], np.ndarray]:
    """Distinct values of an object array (None dropped) and each row's index (-1 for None)."""
    codes, uniques = pd.factorize(values)
    return uniques.tolist(), codes


class Aggregated:
    """A layer of many points drawn as counts per cell below :data:`DETAIL_ZOOM`, each point above.

    Made like a :class:`~geoconflict.maps.builder.LayerBuilder`: :attr:`dates`
    are the rows' dates, :meth:`to_dict` the page's data once every layer's
    dates are numbered. A subclass sets, per row, the coordinates, the category
    a cell counts by (:attr:`cats`, :attr:`cat_code`), the drawing style
    (:attr:`style`), the popup texts (:attr:`strings`, :attr:`values`, and
    :attr:`titles` when the title is not made from the fields) and the day
    (:meth:`_set_days`), and the cells' popup (:attr:`cell_fields`, :attr:`cell_title`).
    """

    key = "events"
    fields: list[str]
    title_from: dict[str, Any] | None = None
    #: The cells' popup fields: the count, the counts by category, [fatalities], the dates.
    cell_fields = CELL_FIELDS
    cell_title = CELL_TITLE
    cell_noun = "events"
    #: Whether the page draws this layer's circles over those of the other layers (its counts are the smaller).
    front = False
    point_styles: list[dict[str, Any]]
    legend: list[dict[str, Any]]
    strings: np.ndarray
    values: np.ndarray
    titles: np.ndarray | None = None
    style: np.ndarray
    cats: list[str]
    cat_code: np.ndarray
    colours: list[str]
    fatalities: np.ndarray | None = None

    def _set_coordinates(self, lat: np.ndarray, lon: np.ndarray) -> None:
        self.n = len(lat)
        self.lat = np.rint(lat * SCALE).astype(np.int64)
        self.lon = np.rint(lon * SCALE).astype(np.int64)

    def _set_days(self, days: Sequence[date | None], codes: np.ndarray) -> None:
        """Each row's day: ``days[codes[i]]`` (None: undated)."""
        self._day_of = list(days)
        self._day_c = codes
        used = np.unique(codes)
        self.dates: list[date] = sorted({d for d in (self._day_of[k] for k in used.tolist()) if d is not None})

    def cell_style(self, layer: LayerBuilder, colour: str, radius: int) -> int:
        """The style of a cell's circle, in the colour of its most frequent category."""
        return layer.style(color="#ffffff", fillColor=colour, radius=radius, weight=1, fillOpacity=0.8)

    # ------------------------------------------------------------------ page data

    def to_dict(self, date_table: dict[date, int]) -> dict[str, Any]:
        """The layer as the page's data; ``chunks`` texts ride in their own elements (see :class:`LayerScript`)."""
        day_table = np.array([MISSING if d is None else date_table[d] for d in self._day_of], dtype=np.int64)
        day = day_table[self._day_c] if self.n else np.zeros(0, dtype=np.int64)
        chunks, texts = self._chunks(day)
        return {
            "key": self.key,
            "z": DRAW_ORDER.index(self.key),
            "name": LAYER_NAMES[self.key],
            "n": self.n,
            "aggregate": True,
            "fields": self.fields,
            "titleFrom": self.title_from,
            "styles": self.point_styles,
            "legend": self.legend,
            "strings": [],
            "titles": [],
            "values": [],
            "dates": [],
            "detailFrom": DETAIL_ZOOM,
            "front": self.front,
            "cutNote": CUT_NOTE.format(zoom=DETAIL_ZOOM),
            "bands": [self._band(last, degrees, list(date_table), day) for last, degrees in BANDS],
            "chunks": chunks,
            "box": [int(self.lat.min()), int(self.lon.min()), int(self.lat.max()), int(self.lon.max())]
            if self.n else None,
            "_texts": texts,
        }

    def _cells(self, degrees: float) -> tuple[np.ndarray, int]:
        """Each row's cell of a ``degrees`` grid (numbered from 0) and the number of cells."""
        step = degrees * SCALE
        key = np.floor(self.lat / step).astype(np.int64) * 2**32 + np.floor(self.lon / step).astype(np.int64)
        _, cell = np.unique(key, return_inverse=True)
        return cell.ravel(), int(cell.max()) + 1 if self.n else 0

    def _band(self, last: int, degrees: float, days: list[date], day: np.ndarray) -> dict[str, Any]:
        """One band's cells as the data of a layer of points (their popups as strings)."""
        cell, k = self._cells(degrees)
        t = max(len(self.cats), 1)
        by_cat = np.bincount(cell * t + self.cat_code, minlength=k * t).reshape(k, t)
        count = by_cat.sum(axis=1)
        lat = np.rint(np.bincount(cell, weights=self.lat, minlength=k) / count).astype(np.int64)
        lon = np.rint(np.bincount(cell, weights=self.lon, minlength=k) / count).astype(np.int64)
        first = np.full(k, _NO_DAY)
        lastday = np.full(k, -1)
        dated = day >= 0
        np.minimum.at(first, cell[dated], day[dated])
        np.maximum.at(lastday, cell[dated], day[dated])
        dominant = by_cat.argmax(axis=1) if t else np.zeros(0, dtype=np.int64)
        radius = np.minimum(CELL_RADIUS_BASE + CELL_RADIUS_STEP * (np.log2(count) // 2).astype(np.int64),
                            CELL_RADIUS_MAX)
        layer = LayerBuilder(self.key, self.cell_fields)
        styles = [self.cell_style(layer, self.colours[d], int(r))
                  for d, r in zip(dominant.tolist(), radius.tolist(), strict=True)]
        columns = _cell_texts(by_cat, self.cats, self._cell_fatalities(cell, k), (first, lastday, days),
                              title=self.cell_title, noun=self.cell_noun)
        strings, coded = strings_reference(columns)
        order = np.argsort(count, kind="stable")  # small circles drawn over the large
        return {
            "upto": last,
            "n": k,
            "fields": self.cell_fields,
            "strings": strings,
            "titles": np.asarray(coded[0])[order].tolist(),
            "titleFrom": None,
            "values": np.column_stack(coded[1:])[order].ravel().tolist(),
            "styles": layer.styles,
            "dates": [MISSING] * k,  # a circle counts every date: the slider leaves it shown
            "points": {"lat": lat[order].tolist(), "lon": lon[order].tolist(),
                       "s": np.asarray(styles, dtype=np.int64)[order].tolist(), "f": list(range(k)),
                       "label": [MISSING] * k},
        }

    def _cell_fatalities(self, cell: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Each cell's fatalities and whether any of its rows gives a figure (None: the layer has none)."""
        if self.fatalities is None:
            return None
        known = ~np.isnan(self.fatalities)
        fatal = np.bincount(cell, weights=np.where(known, self.fatalities, 0), minlength=k)
        return fatal, np.bincount(cell, weights=known, minlength=k) > 0

    def _chunks(self, day: np.ndarray) -> tuple[list[dict[str, Any]], list[str]]:
        """The rows split by a :data:`CHUNK_DEGREES` grid: each chunk's box and count, and its data as JSON."""
        cell, k = self._cells(CHUNK_DEGREES)
        order = np.argsort(cell, kind="stable")
        bounds = np.searchsorted(cell[order], np.arange(k + 1))
        chunks, texts = [], []
        for c in range(k):
            rows = order[bounds[c] : bounds[c + 1]]
            chunks.append({"n": len(rows), "box": [int(self.lat[rows].min()), int(self.lon[rows].min()),
                                                   int(self.lat[rows].max()), int(self.lon[rows].max())]})
            texts.append(script_json(self._chunk(rows, day)))
        return chunks, texts

    def _chunk(self, rows: np.ndarray, day: np.ndarray) -> dict[str, Any]:
        """The data of one chunk: its own table of strings, the rows' points, popups (and titles) and dates."""
        values = self.values[rows]
        if self.titles is not None:
            values = np.column_stack([self.titles[rows], values])
        present = values >= 0
        local, used = pd.factorize(values[present])  # hashing, not sorting: numbered in order of first use
        coded = np.full(values.shape, MISSING, dtype=np.int64)
        coded[present] = local
        out: dict[str, Any] = {"strings": self.strings[used].tolist()}
        if self.titles is not None:
            out["titles"] = coded[:, 0].tolist()
            coded = coded[:, 1:]
        out.update({
            "values": coded.ravel().tolist(),
            "dates": day[rows].tolist(),
            # each point is its own feature and has no label: the page numbers them (no "f", "label")
            "points": {"lat": self.lat[rows].tolist(), "lon": self.lon[rows].tolist(), "s": self.style[rows].tolist()},
        })
        return out


class AggregatedEvents(Aggregated):
    """The *Other events* layer of many events: cells per zoom band, detail in chunks.

    Parameters
    ----------
    cols : EventColumns
        The events.
    style : Style
    """

    key = "events"
    fields = EVENT_FIELDS
    title_from = {"fields": _TITLE_FROM[0], "seps": _TITLE_FROM[1]}

    def __init__(self, cols: EventColumns, style: Style):
        self._set_coordinates(cols.lat(), cols.lon())
        types, self.cat_code = _factorized(cols.columns["event_type"])
        self.cats = types
        precision = cols.precision()
        places, place_c = cols.places
        approximate = np.array([bool(p.approximate) for p in places[:-1]] + [False])[place_c] | (
            precision >= _APPROXIMATE_FROM)
        self._styles(style, approximate)
        self._fields(cols, precision)
        provs, prov_c = cols.provenances
        self._set_days([p.event_date or p.report_date if p is not None else None for p in provs], prov_c)
        self.fatalities = pd.to_numeric(pd.Series(cols.columns["fatalities"], dtype=object),
                                        errors="coerce").to_numpy(float)

    @property
    def types(self) -> list[str]:
        """The event types, in the order the cells count them."""
        return self.cats

    def _styles(self, style: Style, approximate: np.ndarray) -> None:
        """Each row's drawing style (one per event type and approximateness) and the legend."""
        layer = LayerBuilder("events", EVENT_FIELDS)  # its styles and legend, as a small map's
        colour = Colours(style)
        pair_c, pairs = pd.factorize(self.cat_code * 2 + approximate.astype(np.int64))
        style_of = []
        for k in pairs.tolist():
            c = colour(self.cats[k // 2])
            style_of.append(_point_style(layer, c, style, bool(k % 2)))
            layer.add_legend(self.cats[k // 2], "point", color=c)
        if approximate.any():
            layer.add_legend("location approximate (district or coarser)", "point-approx",
                             color=_APPROXIMATE_LEGEND_COLOUR)
        self.colours = [colour(t) for t in self.cats]
        self.style = np.array(style_of, dtype=np.int64)[pair_c]
        self.point_styles = layer.styles
        self.legend = [*layer.legend, {"label": CELL_LEGEND, "swatch": "point", "color": _APPROXIMATE_LEGEND_COLOUR}]

    def _fields(self, cols: EventColumns, precision: np.ndarray) -> None:
        """Each popup field of :data:`EVENT_FIELDS` as distinct texts and the rows' indices."""
        c = cols.columns
        places, place_c = cols.places
        actors, actor_c = cols.actors
        provs, prov_c = cols.provenances
        subtypes, subtype_c = _factorized(c["subtype"])
        what_c, what = pd.factorize(self.cat_code * (len(subtypes) + 1) + np.where(subtype_c < 0, len(subtypes),
                                                                                   subtype_c))
        what_texts = [self.cats[k // (len(subtypes) + 1)] if k % (len(subtypes) + 1) == len(subtypes)
                      else f"{self.cats[k // (len(subtypes) + 1)]} ({subtypes[k % (len(subtypes) + 1)]})"
                      for k in what.tolist()]
        # each distinct provenance's texts once; the precision, the one field of the event's own, per row
        prov_texts = provenance_columns(list(provs[:-1]), [Precision.EXACT] * (len(provs) - 1))
        by_value = {int(q): text for q, text in PRECISION_TEXT.items()}
        prov_texts[PRECISION_FIELD] = [by_value.get(k) for k in range(max(by_value) + 1)]  # indexed by the int
        prov_codes = [precision if j == PRECISION_FIELD else prov_c for j in range(len(PROVENANCE_FIELDS))]
        fields = [
            _field_codes(what_texts, what_c),
            _field_codes([None if p is None else where(p) for p in places], place_c),
            _field_codes([None if a is None else ", ".join(a) or None for a in actors], actor_c),
            None,  # the description: below
            _field_codes(*_factorized(np.array([None if f is None else str(f) for f in c["fatalities"].tolist()]
                                               + [None], dtype=object)[:-1])),
            *(_field_codes(list(texts), codes) for texts, codes in zip(prov_texts, prov_codes, strict=True)),
        ]
        # one table of every distinct short text; the notes (one per row, rarely equal to
        # another field's text) after it, each distinct note once
        short = [f for f in fields if f is not None]
        offsets = np.cumsum([0] + [len(texts) for texts, _ in short])
        every = np.array([t for texts, _ in short for t in texts] + [None], dtype=object)[:-1]
        gid, strings = pd.factorize(every)
        notes, note_c = _field_codes(*_factorized(c["description"]))
        self.strings = np.concatenate([np.asarray(strings, dtype=object), np.array(notes + [None], dtype=object)[:-1]])
        self.values = np.empty((self.n, len(fields)), dtype=np.int64)
        j_short = 0
        for j, field in enumerate(fields):
            if field is None:
                self.values[:, j] = np.where(note_c < 0, MISSING, len(strings) + note_c)
                continue
            codes = field[1]
            self.values[:, j] = np.where(codes < 0, MISSING, gid[offsets[j_short] + np.maximum(codes, 0)])
            j_short += 1


def _cell_texts(
    by_cat: np.ndarray, cats: list[str], fatalities: tuple[np.ndarray, np.ndarray] | None,
    span: tuple[np.ndarray, np.ndarray, list[date]], *, title: str, noun: str,
) -> list[list[str | None]]:
    """The cells' titles and popup texts: counts, counts by category, fatalities (when given), dates."""
    count = by_cat.sum(axis=1)
    ranked = np.argsort(-by_cat, axis=1, kind="stable")
    first, last, days = span
    titles: list[str | None] = []
    counts: list[str | None] = []
    kinds: list[str | None] = []
    dates: list[str | None] = []
    for i, n in enumerate(count.tolist()):
        titles.append(title.format(events=counted(n, noun)))
        counts.append(f"{n:,}")
        kinds.append(TYPE_SEPARATOR.join(f"{cats[j]}: {by_cat[i, j]:,}" for j in ranked[i].tolist() if by_cat[i, j]))
        dates.append(_span(days, int(first[i]), int(last[i])))
    if fatalities is None:
        return [titles, counts, kinds, dates]
    fatal, has_fatal = fatalities
    figures = [f"{int(f):,}" if known else None for f, known in zip(fatal.tolist(), has_fatal.tolist(), strict=True)]
    return [titles, counts, kinds, figures, dates]


def _span(days: list[date], first: int, last: int) -> str | None:
    """A cell's dates: ``"2022-02-24 – 2025-05-01"``, one date, or None."""
    if last < 0:
        return None
    if first == last:
        return days[first].isoformat()
    return f"{days[first].isoformat()} – {days[last].isoformat()}"


class LayerScript(Script):
    """The element that draws an aggregated layer: its data, and each chunk of detail in its own JSON element.

    The chunks' elements are named after the layer's (``<id>_c<k>``), so the page
    finds them and :func:`~geoconflict.maps.offline.stable_ids` numbers them with it;
    each is parsed only when the map first shows its area at :data:`DETAIL_ZOOM`.
    """

    def __init__(self, m: folium.Map, layer: dict[str, Any]):
        texts = layer.pop("_texts")
        super().__init__(m, script_json(layer), function="drawAggregate")
        self.texts = texts

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        figure = figure_of(self)
        if self._parent is None:
            raise TypeError("geoconflict.drawAggregate draws into a layer: add the element to one")
        data_id = self.get_name()
        # one element of the page for every chunk: branca renders each of its elements through Jinja
        chunks = "".join(f'<script type="application/json" id="{data_id}_c{k}">{text}</script>\n'
                         for k, text in enumerate(self.texts))
        figure.html.add_child(_Code(chunks), name=f"{data_id}_chunks")
        figure.html.add_child(_Code(f'<script type="application/json" id="{data_id}">{self.payload}</script>'),
                              name=data_id)
        code = (f"geoconflict.drawAggregate({self.map.get_name()}, {self._parent.get_name()}, "
                f"JSON.parse(document.getElementById('{data_id}').textContent), '{data_id}');\n")
        figure.script.add_child(_Code(code), name=data_id)
