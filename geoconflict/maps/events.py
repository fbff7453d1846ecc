"""The *Other events* layer: one point per located event, coloured by event type.

Built column by column (a layer may hold 100,000 events): each distinct place's
text and each distinct style is made once. A table read as columns is drawn from
its events' columns (:func:`columns_events_layer`), or their GeoDataFrame
(:func:`frame_events_layer`), without a record per row: pandas numbers the
distinct values of each column and numpy spreads each distinct value's text over its rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from geoconflict.maps.builder import MISSING, LayerBuilder
from geoconflict.maps.popups import (
    PROVENANCE_FIELDS,
    event_precision,
    provenance_columns,
    provenance_values,
    where,
    wheres,
)
from geoconflict.maps.style import Colours, Style, quantize_all
from geoconflict.model import Event, Precision, Provenance
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.placetable import place_from_dict

__all__ = ["EVENT_FIELDS", "columns_events_layer", "events_layer", "frame_events_layer"]

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
    types = [e.type for e in events]
    precisions = [event_precision(e) for e in events]
    columns: list[Sequence[str | None]] = [
        [t if e.subtype is None else f"{t} ({e.subtype})" for t, e in zip(types, events, strict=True)],
        wheres(places),
        [", ".join(e.actors) or None for e in events],
        [e.description for e in events],
        [None if e.fatalities is None else str(e.fatalities) for e in events],
        *provenance_columns(provs, precisions),
    ]
    return _filled(
        style,
        types=types,
        approximate=[p.approximate or q >= _APPROXIMATE_FROM for p, q in zip(places, precisions, strict=True)],
        columns=columns,
        dates=[p.event_date or p.report_date for p in provs],
        lats=[p.lat for p in places],
        lons=[p.lon for p in places],
    )


def frame_events_layer(frame: Any, style: Style) -> LayerBuilder:
    """:func:`events_layer` of the events a GeoDataFrame holds, without an :class:`Event` per row.

    ``frame`` has the columns of :func:`geoconflict.model.frames.to_geodataframe`
    (kind ``event``), as :meth:`~geoconflict.model.eventset.EventSet.events_frame`
    gives them for a table read as columns. Each distinct place (its JSON),
    provenance and actor list becomes an object once, and each distinct
    (provenance, precision) pair its popup texts once; the layer equals
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
    place_c, places = _coded(frame["place"], lambda text: place_from_dict(json.loads(text)))
    prov_c, provs = _coded_rows(frame[list(_PROVENANCE_ARGS)], _provenance)
    given = frame["precision"].to_numpy(dtype=float, na_value=np.nan)
    precision = np.where(np.isnan(given), _take([int(p.precision) for p in places], place_c), given).astype(int)
    pair_c, pairs = pd.factorize(prov_c * _PRECISION_SPAN + precision)  # each distinct (provenance, precision)
    texts = [provenance_values(provs[k // _PRECISION_SPAN], Precision(k % _PRECISION_SPAN)) for k in pairs]
    types = _cells(frame["event_type"])
    subtypes = _cells(frame["subtype"])
    fatalities_c, fatalities = _coded(frame["fatalities"], str)
    actors_c, actors = _coded(frame["actors"], lambda text: ", ".join(json.loads(text)) or None)
    columns = [
        [t if st is None else f"{t} ({st})" for t, st in zip(types, subtypes, strict=True)],
        _take([where(p) for p in places], place_c),
        _take(actors, actors_c),
        _cells(frame["description"]),
        _take(fatalities, fatalities_c),
        *(_take([row[j] for row in texts], pair_c) for j in range(len(PROVENANCE_FIELDS))),
    ]
    return _filled(
        style,
        types=types,
        approximate=(_take([p.approximate for p in places], place_c, missing=False)
                     | (precision >= _APPROXIMATE_FROM)).tolist(),
        columns=columns,
        dates=_take([p.event_date or p.report_date for p in provs], prov_c),
        lats=frame["lat"].to_numpy(dtype=float),
        lons=frame["lon"].to_numpy(dtype=float),
    )


def columns_events_layer(cols: EventColumns, style: Style) -> LayerBuilder:
    """:func:`events_layer` of events given as columns (a table read as columns), without a record per row
    and without their GeoDataFrame (a small table's map then needs neither geopandas nor pyproj).

    Each distinct place, provenance and actor list gives its texts once, spread
    over the rows by their codes; the layer equals ``events_layer(cols.records(), style)``
    (``tests/test_map_columns.py`` holds the two equal).

    Examples
    --------
    >>> from geoconflict.model import Place
    >>> from geoconflict.model.eventcolumns import EventColumns
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
    >>> layer = columns_events_layer(EventColumns.from_events([Event("meeting", kyiv, actors=("Mayor",))]), Style())
    >>> layer.columns[1], layer.columns[3], layer.points["lat"]
    (['meeting'], ['Mayor'], [5045000])
    """
    (places, place_c), (provs, prov_c), (actors, actor_c) = cols.places, cols.provenances, cols.actors
    c = cols.columns
    precision = cols.precision()
    pair_c, pairs = pd.factorize(prov_c * _PRECISION_SPAN + precision)  # each distinct (provenance, precision)
    texts = provenance_columns([provs[k // _PRECISION_SPAN] for k in pairs.tolist()],
                               [Precision(k % _PRECISION_SPAN) for k in pairs.tolist()])
    types = c["event_type"].tolist()
    columns = [
        [t if st is None else f"{t} ({st})" for t, st in zip(types, c["subtype"].tolist(), strict=True)],
        _take([where(p) for p in places[:-1]], place_c),
        _take([None if a is None else ", ".join(a) or None for a in actors[:-1]], actor_c),
        c["description"].tolist(),
        [None if f is None else str(f) for f in c["fatalities"].tolist()],
        *(_take(list(column), pair_c) for column in texts),
    ]
    approximate = np.array([bool(p.approximate) for p in places[:-1]] + [False])[place_c] | (
        precision >= _APPROXIMATE_FROM)
    return _filled(style, types=types, approximate=approximate.tolist(), columns=columns,
                   dates=_take([p.event_date or p.report_date for p in provs[:-1]], prov_c),
                   lats=cols.lat(), lons=cols.lon())


#: The frame's provenance columns (see :mod:`geoconflict.model.frames`) and the
#: :class:`Provenance` arguments they fill; the span is not shown on the map.
_PROVENANCE_ARGS = {"source": "source", "reported_by": "reported_by", "quote": "quote",
                    "report_date": "report_date", "date": "event_date", "date_end": "event_date_end",
                    "date_precision": "date_precision", "reason": "reason"}

#: Above every :class:`Precision` value: ``provenance code * span + precision`` numbers the pairs.
_PRECISION_SPAN = max(Precision) + 1


def _provenance(row: tuple[Any, ...]) -> Provenance:
    """The provenance of a row of the frame's :data:`_PROVENANCE_ARGS` columns."""
    given: dict[str, Any] = {a: None if pd.isna(v) else v for a, v in zip(_PROVENANCE_ARGS.values(), row, strict=True)}
    return Provenance(**given)


def _cells(values: Any) -> list[Any]:
    """A frame's column as a list, missing values (None, NaN, NA) as None."""
    return values.astype(object).where(values.notna(), None).tolist()


def _take(distinct: Sequence[Any], codes: Any, *, missing: Any = None) -> Any:
    """``distinct[code]`` for each code, ``missing`` where the code is -1 (a numpy array)."""
    table = np.empty(len(distinct) + 1, dtype=object if missing is None else type(missing))
    table[:-1] = distinct
    table[-1] = missing
    return table[codes]


def _coded(values: Any, decode: Callable[[Any], Any]) -> tuple[Any, list[Any]]:
    """Each value's code (-1 when missing) and ``decode`` of each distinct value, once."""
    codes, uniques = pd.factorize(values)
    return codes, [decode(u) for u in uniques.tolist()]


def _coded_rows(frame: Any, decode: Callable[[tuple[Any, ...]], Any]) -> tuple[Any, list[Any]]:
    """Each row's code and ``decode`` of each distinct row (a tuple of its cells), once."""
    codes = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(codes, return_index=True)
    rows = frame.iloc[first].astype(object).itertuples(index=False, name=None)
    return codes, [decode(row) for row in rows]


def _filled(
    style: Style,
    *,
    types: Sequence[str],
    approximate: Sequence[bool],
    columns: Sequence[Sequence[str | None]],
    dates: Sequence[date | None],
    lats: Any,
    lons: Any,
) -> LayerBuilder:
    """The events layer: one value per event in each argument, the popup's :data:`EVENT_FIELDS` in ``columns``."""
    layer = LayerBuilder("events", EVENT_FIELDS)
    colour = Colours(style)
    n = len(types)
    style_of: dict[tuple[str, bool], int] = {}
    styles = []
    for t, a in zip(types, approximate, strict=True):
        si = style_of.get((t, a))
        if si is None:
            c = colour(t)
            si = style_of[(t, a)] = _point_style(layer, c, style, a)
            layer.add_legend(t, "point", color=c)
        styles.append(si)
    if any(approximate):
        layer.add_legend("location approximate (district or coarser)", "point-approx",
                         color=_APPROXIMATE_LEGEND_COLOUR)
    layer.add_columns(columns, dates, title_from=_TITLE_FROM)
    pts = layer.points
    pts["lat"] = quantize_all(lats)
    pts["lon"] = quantize_all(lons)
    pts["s"] = styles
    pts["f"] = list(range(n))
    pts["label"] = [MISSING] * n
    return layer
