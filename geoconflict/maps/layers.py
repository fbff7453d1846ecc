"""Events → compact, styled layer data for the map (no folium here).

Each layer (places, movements, claims, combat areas, other events) becomes one
JSON-ready dict of columns: coordinates as integers in 1e-5 degrees (about 1 m),
a style index and a category index per feature, an event-date index for the time
slider, and the popup's fields as indices into one table of distinct strings.
The map's script draws the features with Leaflet's canvas renderer and builds a
popup only when a feature is clicked, so 100,000 events stay one small blob
rather than 100,000 folium objects.

All text stays plain text here; the page inserts it with ``textContent``, so a
report containing ``<script>`` shows that text and runs nothing.

Examples
--------
>>> from geoconflict.model.records import Event, Place
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> layers = build_layers([Event("meeting", kyiv)])
>>> [(layer["key"], layer["n"]) for layer in layers]
[('events', 1)]
>>> layers[0]["points"]["lat"], layers[0]["points"]["lon"]
([5045000], [3052000])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon

from geoconflict.errors import InvalidInputError
from geoconflict.model.geometry import GEOD
from geoconflict.model.records import (
    CombatArea,
    Event,
    Mention,
    Movement,
    MovementStatus,
    Place,
    PlaceKind,
    Precision,
    Provenance,
    TerritorialClaim,
)

__all__ = ["LAYER_NAMES", "Style", "bounds_of", "build_layers", "date_span_days", "quantize"]

#: Scale of the integer coordinates (1e-5 degree is about 1.1 m).
SCALE = 100_000

#: Layer keys, in the layer control's order, and their names there. (The page draws the
#: areas of every layer first, then lines, then points.)
LAYER_NAMES: Mapping[str, str] = {
    "places": "Places",
    "movements": "Movements",
    "claims": "Territorial claims",
    "combats": "Combat areas",
    "events": "Other events",
}

#: Order in which the page stacks the layers' areas (and then lines, then points): combat
#: beneath the claims, which are the story, and places' outlines at the bottom.
DRAW_ORDER = ("places", "combats", "claims", "movements", "events")

#: Colour-blind-safe categorical palette (Okabe–Ito and extras), the blues and reds last:
#: they are the conventional colours of the sides (see :data:`SIDE_COLOURS`).
PALETTE = (
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#7f3c8d",
    "#56b4e9",
    "#8c564b",
    "#d55e00",
    "#0072b2",
    "#b8860b",
    "#3a3a3a",
)

#: Colour of records whose actor is not stated.
UNKNOWN_COLOUR = "#7a7a7a"

#: Conventional colours for the sides most reports are about (matched on lower-case text).
SIDE_COLOURS = (("ukrain", "#1f5fbf"), ("russia", "#c0392b"))

_PRECISION_TEXT = {
    Precision.EXACT: "1 · exact settlement or point",
    Precision.NEAR: "2 · near a place / part of a district",
    Precision.DISTRICT: "3 · district",
    Precision.REGION: "4 · region",
    Precision.AREA: "5 · between places / wider area",
    Precision.COUNTRY: "6 · country",
}

_DERIVATION_TEXT = {
    "given": "given with the data",
    "union": "union of the named areas",
    "stated_area": "an extent of the stated area, placed inside the named areas (illustrative)",
    "none": "no geometry",
}

_DASHED = {MovementStatus.CLAIMED, MovementStatus.UNCONFIRMED}
_UNKNOWN_ACTOR = "actor not stated"


@dataclass(frozen=True)
class Style:
    """Drawing options; pass any of them to :func:`geoconflict.render` as keywords.

    Parameters
    ----------
    colors : mapping of str to str
        Colours for given actors, claimants or event types (``{"Ukrainian forces": "#1f5fbf"}``).
    palette : sequence of str
        Colours given to the other categories, in order of first appearance.
    radius : float
        Radius of event points, px.
    weight : float
        Line width of movements, px.
    combat_color : str
        Colour of combat areas.
    labels : bool
        Label settlements and named areas on the map (only when there are at most 200).

    Examples
    --------
    >>> Style.from_kwargs({"radius": 6}).radius
    6.0
    >>> Style.from_kwargs({"raduis": 6})
    Traceback (most recent call last):
    ...
    geoconflict.errors.InvalidInputError: unknown style option 'raduis'; valid: colors, combat_color, labels, palette, radius, weight
    """

    colors: Mapping[str, str] = field(default_factory=dict)
    palette: Sequence[str] = PALETTE
    radius: float = 5.0
    weight: float = 3.0
    combat_color: str = "#e0531f"
    labels: bool = True

    @classmethod
    def from_kwargs(cls, kwargs: Mapping[str, Any]) -> Style:
        valid = sorted(f for f in cls.__dataclass_fields__)
        for key in kwargs:
            if key not in valid:
                raise InvalidInputError(
                    f"unknown style option {key!r}; valid: {', '.join(valid)}", field=key, value=kwargs[key]
                )
        values = dict(kwargs)
        for key in ("radius", "weight"):
            if key in values:
                number = values[key]
                if isinstance(number, bool) or not isinstance(number, int | float) or not 0 < number < 100:
                    raise InvalidInputError(f"{key}: expected a number of pixels in (0, 100), got {number!r}", field=key)
                values[key] = float(number)
        if "palette" in values:
            values["palette"] = tuple(values["palette"])
            if not values["palette"]:
                raise InvalidInputError("palette: must not be empty", field="palette")
        if "colors" in values:
            values["colors"] = dict(values["colors"])
        return cls(**values)


class _Colours:
    """Stable category → colour assignment (explicit colours, then sides, then the palette)."""

    def __init__(self, style: Style):
        self.style = style
        self.assigned: dict[str, str] = {}
        self.next = 0

    def __call__(self, label: str) -> str:
        colour = self.assigned.get(label)
        if colour is None:
            colour = self.style.colors.get(label)
            if colour is None and label == _UNKNOWN_ACTOR:
                colour = UNKNOWN_COLOUR
            if colour is None:
                low = label.lower()
                colour = next((c for key, c in SIDE_COLOURS if key in low), None)
            if colour is None:
                colour = self.style.palette[self.next % len(self.style.palette)]
                self.next += 1
            self.assigned[label] = colour
        return colour


class _Layer:
    """Columns of one layer under construction."""

    def __init__(self, key: str, fields: Sequence[str]):
        self.key = key
        self.fields = list(fields)
        self.styles: list[dict[str, Any]] = []
        self._style_index: dict[tuple, int] = {}
        self.legend: list[dict[str, Any]] = []
        self._legend_seen: set[tuple] = set()
        self.columns: list[list[str | None]] = [[] for _ in range(len(self.fields) + 1)]  # title first
        self.dates: list[date | None] = []
        self.points: dict[str, list] = {"lat": [], "lon": [], "s": [], "f": [], "label": []}
        self.lines: dict[str, list] = {"c": [], "s": [], "f": []}
        self.polys: dict[str, list] = {"rings": [], "s": [], "f": [], "label": []}
        self.n = 0
        self.title_from: dict[str, list] | None = None

    def style(self, **options: Any) -> int:
        key = tuple(sorted(options.items()))
        i = self._style_index.get(key)
        if i is None:
            i = self._style_index[key] = len(self.styles)
            self.styles.append(options)
        return i

    def add_legend(self, label: str, swatch: str, **options: Any) -> None:
        key = (label, swatch, tuple(sorted(options.items())))
        if key not in self._legend_seen:
            self._legend_seen.add(key)
            self.legend.append({"label": label, "swatch": swatch, **options})

    def feature(self, title: str, values: Sequence[object], when: date | None) -> int:
        """Register one feature's popup values; returns its index."""
        for column, value in zip(self.columns, (title, *values), strict=True):
            column.append(value)
        self.dates.append(when)
        self.n += 1
        return self.n - 1

    def add_columns(
        self,
        columns: list[list[Any]],
        dates: list[date | None],
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
        for target, column in zip(self.columns, ([None] * n, *columns), strict=True):
            target.extend(column)
        self.dates.extend(dates)
        self.n += n

    def _strings(self) -> tuple[list[str], list[int], list[int]]:
        """One table of distinct strings; titles and row-major popup values as indices (-1: none)."""
        n, k = self.n, len(self.columns)
        flat = np.empty(n * k, dtype=object)
        for j, column in enumerate(self.columns):
            flat[j * n : (j + 1) * n] = column
        codes, uniques = pd.factorize(flat)  # None -> -1; first-appearance order
        strings = uniques.tolist()
        if "" in strings:
            codes[codes == strings.index("")] = -1
        codes = codes.reshape(k, n)
        return strings, codes[0].tolist(), codes[1:].T.ravel().tolist()

    def to_dict(self, date_table: dict[date, int]) -> dict[str, Any]:
        strings, titles, values = self._strings() if self.n else ([], [], [])
        index: dict[str, int] | None = None
        for block in (self.points, self.polys):
            labels = block["label"]
            for i, name in enumerate(labels):
                if name is None:
                    labels[i] = -1
                elif isinstance(name, str):
                    if index is None:
                        index = {t: j for j, t in enumerate(strings)}
                    if name not in index:
                        index[name] = len(strings)
                        strings.append(name)
                    labels[i] = index[name]
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
            "dates": [-1 if d is None else date_table[d] for d in self.dates],
        }
        if self.points["lat"]:
            out["points"] = self.points
        if self.lines["s"]:
            out["lines"] = self.lines
        if self.polys["s"]:
            out["polys"] = self.polys
        return out


# --------------------------------------------------------------------------- text helpers


def _fmt_date(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _when(p: Provenance) -> str | None:
    if p.event_date is None:
        return None
    text = p.event_date.isoformat()
    if p.event_date_end is not None and p.event_date_end != p.event_date:
        text += f" – {p.event_date_end.isoformat()}"
    if p.date_precision.value not in {"day", "unknown"}:
        text += f" (to the {p.date_precision.value})"
    return text


def _where(place: Place) -> str:
    parts = [place.name]
    for part in (place.admin2, place.admin1, place.country_code):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def _km2(value: float | None) -> str | None:
    return None if value is None else f"{value:,.0f} km²"


def _provenance_values(p: Provenance, precision: Precision) -> list[object]:
    return [
        p.quote,
        p.source,
        p.reported_by,
        _fmt_date(p.report_date),
        _when(p),
        _PRECISION_TEXT.get(precision, str(precision)),
        p.reason,
    ]


_PROVENANCE_FIELDS = ["Quote", "Source", "Claimed / reported by", "Report date", "Event date", "Precision", "Why"]


def _event_day(p: Provenance, fallback: date | None = None) -> date | None:
    return p.event_date or fallback or p.report_date


# --------------------------------------------------------------------------- geometry helpers


def quantize(value: float) -> int:
    """Degrees as an integer number of 1e-5 degrees (the layers' coordinate unit)."""
    return round(value * SCALE)


_q = quantize


def _rings(geometry: Polygon | MultiPolygon, tolerance: float) -> list[list[list[int]]]:
    """Polygon rings as flat [lat, lon, lat, lon, …] integer lists, simplified to ``tolerance`` degrees."""
    if tolerance > 0:
        simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
        if not simple.is_empty:
            geometry = simple
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    out = []
    for polygon in polygons:
        rings = []
        for ring in (polygon.exterior, *polygon.interiors):
            flat: list[int] = []
            for lon, lat in ring.coords[:-1]:
                flat.append(_q(lat))
                flat.append(_q(lon))
            rings.append(flat)
        out.append(rings)
    return out


def _tolerance(geometry: Polygon | MultiPolygon) -> float:
    minx, miny, maxx, maxy = geometry.bounds
    return max(maxx - minx, maxy - miny) / 2000.0


# --------------------------------------------------------------------------- the layers


_EVENT_FIELDS = ["What", "Where", "Actors", "Description", "Fatalities", *_PROVENANCE_FIELDS]


def _cached(fn):
    """``fn`` applied to each item of a list, computed once per distinct item."""

    def apply(items: Sequence[Any]) -> list[Any]:
        memo: dict[int, Any] = {}  # by identity: hashing a Place would hash its polygon
        out = []
        for item in items:
            key = id(item)
            try:
                value = memo[key]
            except KeyError:
                value = memo[key] = fn(item)
            out.append(value)
        return out

    return apply


def _by_value(fn):
    """``fn`` applied to each item of a list, computed once per distinct (hashable) value."""

    def apply(items: Sequence[Any]) -> list[Any]:
        memo = {item: fn(item) for item in set(items)}
        return [memo[item] for item in items]

    return apply


_iso = _by_value(_fmt_date)
_wheres = _cached(_where)
_precision_texts = _by_value(lambda p: _PRECISION_TEXT.get(p, str(p)))


def _provenance_columns(provs: Sequence[Provenance], precisions: Sequence[Precision]) -> list[list[Any]]:
    """The provenance popup fields, column by column (see ``_PROVENANCE_FIELDS``)."""
    whens = [
        _when(p) if p.event_date_end is not None or p.date_precision.value not in {"day", "unknown"} else None
        for p in provs
    ]
    simple = _iso([p.event_date for p in provs])
    return [
        [p.quote for p in provs],
        [p.source for p in provs],
        [p.reported_by for p in provs],
        _iso([p.report_date for p in provs]),
        [w if w is not None else d for w, d in zip(whens, simple, strict=True)],
        _precision_texts(precisions),
        [p.reason for p in provs],
    ]


def _quantized(values: Sequence[float]) -> list[int]:
    return np.rint(np.asarray(values, dtype=float) * SCALE).astype(np.int64).tolist()


def _events_layer(events: Sequence[Event], style: Style) -> _Layer:
    layer = _Layer("events", _EVENT_FIELDS)
    colour = _Colours(style)
    n = len(events)
    places = [e.place for e in events]
    provs = [e.provenance for e in events]
    types = [e.type for e in events]
    precisions = [e.precision for e in events]
    whats = [t if e.subtype is None else f"{t} ({e.subtype})" for t, e in zip(types, events, strict=True)]
    wheres = _wheres(places)
    approx = [p.approximate or q >= Precision.DISTRICT for p, q in zip(places, precisions, strict=True)]
    style_of: dict[tuple[str, bool], int] = {}
    styles = []
    for t, a in zip(types, approx, strict=True):
        si = style_of.get((t, a))
        if si is None:
            c = colour(t)
            si = style_of[(t, a)] = layer.style(
                color="#ffffff" if not a else c,
                fillColor=c,
                radius=style.radius,
                weight=1 if not a else 1.5,
                fillOpacity=0.9 if not a else 0.35,
                dashArray="2 2" if a else None,
            )
            layer.add_legend(t, "point", color=c)
        styles.append(si)
    if any(approx):
        layer.add_legend("location approximate (district or coarser)", "point-approx", color="#555555")
    layer.add_columns(
        [
            whats,
            wheres,
            [", ".join(e.actors) or None for e in events],
            [e.description for e in events],
            [None if e.fatalities is None else str(e.fatalities) for e in events],
            *_provenance_columns(provs, precisions),
        ],
        [p.event_date or p.report_date for p in provs],
        title_from=([0, 1], [" — "]),  # "Shelling — Place, Region, UA"
    )
    pts = layer.points
    pts["lat"] = _quantized([p.lat for p in places])
    pts["lon"] = _quantized([p.lon for p in places])
    pts["s"] = styles
    pts["f"] = list(range(n))
    pts["label"] = [-1] * n
    return layer


_MOVEMENT_FIELDS = ["What", "From", "To", "Status", "Length", *_PROVENANCE_FIELDS]


def _movements_layer(movements: Sequence[Movement], style: Style) -> _Layer:
    layer = _Layer("movements", _MOVEMENT_FIELDS)
    colour = _Colours(style)
    origins = [m.origin for m in movements]
    dests = [m.destination for m in movements]
    provs = [m.provenance for m in movements]
    actors = [m.actor or _UNKNOWN_ACTOR for m in movements]
    statuses = [m.status for m in movements]
    # geodesic lengths in one vectorised call (each equals the length of the movement's geometry)
    o_lat, o_lon = [p.lat for p in origins], [p.lon for p in origins]
    d_lat, d_lon = [p.lat for p in dests], [p.lon for p in dests]
    _, _, metres = GEOD.inv(o_lon, o_lat, d_lon, d_lat)
    style_of: dict[tuple[str, MovementStatus], int] = {}
    styles = []
    for actor, status in zip(actors, statuses, strict=True):
        si = style_of.get((actor, status))
        if si is None:
            c = colour(actor)
            dash = "10 7" if status in _DASHED else "2 7" if status is MovementStatus.DENIED else None
            si = style_of[(actor, status)] = layer.style(color=c, weight=style.weight, opacity=0.9, dashArray=dash)
            layer.add_legend(actor, "line", color=c)
        styles.append(si)
    whats = [a + (f" ({m.unit})" if m.unit else "") for a, m in zip(actors, movements, strict=True)]
    layer.add_columns(
        [
            [f"Movement: {w}" for w in whats],
            _wheres(origins),
            _wheres(dests),
            [st.value for st in statuses],
            [f"{m / 1000:,.0f} km (geodesic)" for m in np.asarray(metres).tolist()],
            *_provenance_columns(provs, [m.precision for m in movements]),
        ],
        [p.event_date or p.report_date for p in provs],
        title_from=([0, 1, 2], [" — ", " → "]),  # "Movement: actor (unit) — origin → destination"
    )
    coords = np.empty((len(movements), 4))
    coords[:, 0], coords[:, 1], coords[:, 2], coords[:, 3] = o_lat, o_lon, d_lat, d_lon
    layer.lines["c"] = _quantized(coords.ravel())
    layer.lines["s"] = styles
    layer.lines["f"] = list(range(len(movements)))
    seen = set(statuses)
    for status, swatch in (
        (MovementStatus.CONFIRMED, "line"),
        (MovementStatus.REPORTED, "line"),
        (MovementStatus.CLAIMED, "line-dashed"),
        (MovementStatus.UNCONFIRMED, "line-dashed"),
        (MovementStatus.DENIED, "line-dotted"),
    ):
        if status in seen:
            layer.add_legend(f"status: {status.value}", swatch, color="#444444")
    return layer


_CLAIM_FIELDS = [
    "Claimant",
    "Tier",
    "As of",
    "Settlements (stated)",
    "Area (stated)",
    "Area of the drawn geometry",
    "Named areas",
    "Geometry",
    "Note",
    "Competing claims",
    *_PROVENANCE_FIELDS,
]


def _same_area(a: TerritorialClaim, b: TerritorialClaim) -> bool:
    names_a = {p.name for p in a.areas}
    if names_a & {p.name for p in b.areas}:
        return True
    if a.geometry is not None and b.geometry is not None:
        return bool(a.geometry.intersects(b.geometry))
    return False


def _claim_summary(c: TerritorialClaim) -> str:
    figures = []
    if c.settlements is not None:
        figures.append(f"{c.settlements} settlements")
    if c.area_km2_stated is not None:
        figures.append(f"{c.area_km2_stated:,.0f} km²")
    who = c.reported_by or "unattributed"
    when = f", as of {c.as_of.isoformat()}" if c.as_of else ""
    return f"{c.claimant}: {' / '.join(figures) or 'no figures'} (per {who}{when})"


def _claims_layer(claims: Sequence[TerritorialClaim], style: Style) -> tuple[_Layer, list[dict[str, Any]]]:
    layer = _Layer("claims", _CLAIM_FIELDS)
    colour = _Colours(style)
    ledger = []
    polys = layer.polys
    for n, claim in enumerate(claims):
        p = claim.provenance
        c = colour(claim.claimant)
        layer.add_legend(claim.claimant, "area", color=c)
        rivals = [_claim_summary(o) for j, o in enumerate(claims) if j != n and _same_area(claim, o)]
        area_names = ", ".join(a.name for a in claim.areas) or None
        derivation = _DERIVATION_TEXT.get(claim.derivation.value, claim.derivation.value)
        if claim.derivation.value == "union":
            derivation += " — the claim concerns this area; how much of it is not stated"
        if claim.approximate and claim.geometry is not None:
            derivation += " — approximate"
        i = layer.feature(
            f"Claim: {claim.claimant} — {area_names or 'area not named'}",
            [
                claim.claimant,
                claim.tier.value,
                _fmt_date(claim.as_of),
                None if claim.settlements is None else f"{claim.settlements:,}",
                _km2(claim.area_km2_stated),
                _km2(claim.area_km2),
                area_names,
                derivation,
                claim.note,
                "; ".join(rivals) or None,
                *_provenance_values(p, claim.precision),
            ],
            _event_day(p, claim.as_of),
        )
        drawn = claim.geometry is not None
        if drawn:
            # a claim drawn as the union of the areas it names ("28 settlements in the
            # region") says where, not how much: an outline, never a filled region
            container = claim.derivation.value == "union"
            hatch = not container and (claim.approximate or claim.derivation.value == "stated_area")
            if container:
                layer.add_legend("claim concerns this area (extent not stated)", "area-outline", color=c)
            si = layer.style(
                color=c,
                weight=2.5,
                fillColor=c,
                fillOpacity=0.04 if container else 0.35 if hatch else 0.2,
                hatch=hatch,
                dashArray="12 6" if container else "8 5" if hatch else None,
                # competing claims on one area: earlier ones get wider outlines, drawn
                # beneath the later, narrower ones, so every claim stays visible
                offset=sum(1 for j in range(n + 1, len(claims)) if _same_area(claim, claims[j])),
            )
            polys["rings"].append(_rings(claim.geometry, _tolerance(claim.geometry)))
            polys["s"].append(si)
            polys["f"].append(i)
            polys["label"].append(-1)
        ledger.append(
            {
                "f": i,
                "color": c,
                "drawn": drawn,
                "cells": [
                    claim.claimant,
                    claim.reported_by or "—",
                    "—" if claim.settlements is None else f"{claim.settlements:,}",
                    _km2(claim.area_km2_stated) or "—",
                    _km2(claim.area_km2) or "—",
                    _fmt_date(claim.as_of) or _fmt_date(p.report_date) or "—",
                ],
            }
        )
    if any(c.approximate or c.derivation.value == "stated_area" for c in claims if c.geometry is not None):
        layer.add_legend("extent approximate / illustrative", "area-hatched", color="#555555")
    return layer, ledger


_COMBAT_FIELDS = ["What", "Areas", "Actors", "Description", "Area", "Geometry", *_PROVENANCE_FIELDS]


def _combats_layer(combats: Sequence[CombatArea], style: Style) -> _Layer:
    layer = _Layer("combats", _COMBAT_FIELDS)
    c = style.combat_color
    polys, pts = layer.polys, layer.points
    for combat in combats:
        p = combat.provenance
        names = ", ".join(a.name for a in combat.areas) or None
        derivation = _DERIVATION_TEXT.get(combat.derivation.value, combat.derivation.value)
        if combat.approximate and combat.geometry is not None:
            derivation += " — approximate"
        i = layer.feature(
            f"Combat — {names or 'area'}",
            [
                "Combat",
                names,
                ", ".join(combat.actors) or None,
                combat.description,
                _km2(combat.area_km2),
                derivation,
                *_provenance_values(p, combat.precision),
            ],
            _event_day(p),
        )
        if combat.geometry is not None:
            hatch = combat.approximate
            si = layer.style(color=c, weight=2, fillColor=c, fillOpacity=0.55 if hatch else 0.3, hatch=hatch,
                             dashArray="6 4" if hatch else None)
            polys["rings"].append(_rings(combat.geometry, _tolerance(combat.geometry)))
            polys["s"].append(si)
            polys["f"].append(i)
            polys["label"].append(-1)
        else:  # no polygon: a ring at each named area's point
            si = layer.style(color=c, weight=2, fillColor=c, fillOpacity=0.25, radius=12, dashArray="4 3")
            for area in combat.areas:
                pts["lat"].append(_q(area.lat))
                pts["lon"].append(_q(area.lon))
                pts["s"].append(si)
                pts["f"].append(i)
                pts["label"].append(-1)
        layer.add_legend("fighting reported", "area-hatched" if combat.approximate else "area", color=c)
    return layer


_PLACE_FIELDS = ["Name", "Kind", "Where", "Mentioned as", "Precision", "Location", "GeoNames id", "Population",
                 "Gazetteer", "Why this place"]
_KIND_TEXT = {
    PlaceKind.COUNTRY: "country",
    PlaceKind.ADMIN1: "region (admin-1)",
    PlaceKind.ADMIN2: "district (admin-2)",
    PlaceKind.POPULATED_PLACE: "settlement",
    PlaceKind.FEATURE: "feature",
    PlaceKind.REGION: "wider region",
}


_WIDE = (PlaceKind.COUNTRY, PlaceKind.REGION)


def _places_layer(mentions: Sequence[Mention], style: Style) -> _Layer:
    layer = _Layer("places", _PLACE_FIELDS)
    seen: dict[Place, list[Mention]] = {}
    for m in mentions:
        # countries are the basemap's outlines; a point at a country's (or continent's) centre misleads
        if m.place is not None and m.place.kind not in _WIDE:
            seen.setdefault(m.place, []).append(m)
    label = style.labels and len(seen) <= 200
    for place, ms in seen.items():
        forms = list(dict.fromkeys(m.text for m in ms))
        reasons = list(dict.fromkeys(m.reason for m in ms if m.reason))
        location = "approximate (derived)" if place.approximate else "gazetteer"
        i = layer.feature(
            f"{place.name} — {_KIND_TEXT[place.kind]}",
            [
                place.name,
                _KIND_TEXT[place.kind],
                _where(place),
                f"{', '.join(repr(f) for f in forms)} ({len(ms)}×)",
                _PRECISION_TEXT[place.precision],
                location,
                None if place.geonames_id is None else str(place.geonames_id),
                None if place.population is None else f"{place.population:,}",
                place.source,
                "; ".join(reasons) or None,
            ],
            None,
        )
        lab = place.name if label else None
        settlement = place.kind in {PlaceKind.POPULATED_PLACE, PlaceKind.FEATURE}
        if place.geometry is not None and not settlement:
            hatch = place.approximate
            si = layer.style(color="#4a4a4a", weight=1.5 if place.kind is PlaceKind.ADMIN2 else 2, fill=True,
                             fillColor="#4a4a4a", fillOpacity=0.12 if hatch else 0.03, hatch=hatch,
                             dashArray="5 4" if hatch else None)
            layer.polys["rings"].append(_rings(place.geometry, _tolerance(place.geometry)))
            layer.polys["s"].append(si)
            layer.polys["f"].append(i)
            layer.polys["label"].append(lab)
            layer.add_legend("region / district outline", "area-outline", color="#4a4a4a")
            if hatch:
                layer.add_legend("outline approximate", "area-hatched", color="#4a4a4a")
        elif settlement:
            si = layer.style(color="#222222", weight=1.5, fillColor="#ffffff", fillOpacity=1.0, radius=3.5,
                             dashArray="2 2" if place.approximate else None)
            layer.add_legend("settlement", "point", color="#222222", fill="#ffffff")
            _point(layer, place, si, i, lab)
        else:  # an area known only by its centre: a wide dashed ring, visibly not a point
            si = layer.style(color="#4a4a4a", weight=1.5, fillColor="#4a4a4a", fillOpacity=0.05, radius=14,
                             dashArray="4 4")
            layer.add_legend("area known by its centre only", "point-approx", color="#4a4a4a")
            _point(layer, place, si, i, lab)
    return layer


def _point(layer: _Layer, place: Place, si: int, i: int, lab: str | None) -> None:
    pts = layer.points
    pts["lat"].append(_q(place.lat))
    pts["lon"].append(_q(place.lon))
    pts["s"].append(si)
    pts["f"].append(i)
    pts["label"].append(lab)


# --------------------------------------------------------------------------- entry points


def _collect(events: Any) -> tuple[list, list, list, list, list]:
    """Split an EventSet or an iterable of records into mentions, movements, claims, combats, events."""
    if all(hasattr(events, a) for a in ("mentions", "movements", "claims", "combats", "events")):
        return (list(events.mentions), list(events.movements), list(events.claims), list(events.combats),
                list(events.events))
    if isinstance(events, Mapping | str | bytes):
        raise InvalidInputError(f"events: expected an EventSet or records, got {type(events).__name__}")
    buckets: dict[type, list] = {Mention: [], Movement: [], TerritorialClaim: [], CombatArea: [], Event: []}
    for record in events:
        try:
            buckets[type(record)].append(record)
        except KeyError:
            raise InvalidInputError(
                f"events: {type(record).__name__} is not a geoconflict record", value=record
            ) from None
    return (buckets[Mention], buckets[Movement], buckets[TerritorialClaim], buckets[CombatArea], buckets[Event])


def build_layers(events: Any, *, style: Style | None = None, ledger: list | None = None) -> list[dict[str, Any]]:
    """The layer data for ``events`` (an EventSet or an iterable of records).

    Parameters
    ----------
    events : EventSet or iterable of records
    style : Style, optional
    ledger : list, optional
        Filled with the claim ledger's rows (one per claim) when given.

    Returns
    -------
    list of dict
        Non-empty layers in drawing order (see :data:`LAYER_NAMES`), each with
        ``key``, ``name``, ``n``, ``fields``, ``strings``, ``titles``, ``values``,
        ``styles``, ``legend``, ``dates`` (indices into :func:`date_table`) and
        ``points`` / ``lines`` / ``polys`` columns. The shared ``date_table`` is
        returned as the ``"days"`` entry of the first layer.

    Examples
    --------
    >>> build_layers([])
    []
    """
    style = style or Style()
    mentions, movements, claims, combats, records = _collect(events)
    built: list[_Layer] = []
    if any(m.place is not None and m.place.kind not in _WIDE for m in mentions):
        built.append(_places_layer(mentions, style))
    if movements:
        built.append(_movements_layer(movements, style))
    if claims:
        claim_layer, rows = _claims_layer(claims, style)
        built.append(claim_layer)
        if ledger is not None:
            ledger.extend(rows)
    if combats:
        built.append(_combats_layer(combats, style))
    if records:
        built.append(_events_layer(records, style))
    days = sorted({d for layer in built for d in layer.dates if d is not None})
    table = {d: i for i, d in enumerate(days)}
    out = [layer.to_dict(table) for layer in built]
    if out:
        out[0]["days"] = [d.isoformat() for d in days]
    return out


def date_span_days(layers: Sequence[Mapping[str, Any]]) -> int:
    """Days between the earliest and the latest event date of the layers (0 with fewer than two)."""
    days = layers[0].get("days", []) if layers else []
    if len(days) < 2:
        return 0
    return (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days


def bounds_of(layers: Iterable[Mapping[str, Any]]) -> tuple[float, float, float, float] | None:
    """``(south, west, north, east)`` of every feature, or None when there is none.

    Examples
    --------
    >>> from geoconflict.model.records import Event, Place
    >>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    >>> bounds_of(build_layers([Event("meeting", kyiv)]))
    (50.45, 30.52, 50.45, 30.52)
    """
    lats: list[int] = []
    lons: list[int] = []
    for layer in layers:
        if "points" in layer:
            lats.extend((min(layer["points"]["lat"]), max(layer["points"]["lat"])))
            lons.extend((min(layer["points"]["lon"]), max(layer["points"]["lon"])))
        if "lines" in layer:
            c = layer["lines"]["c"]
            lats.extend((min(c[0::2]), max(c[0::2])))
            lons.extend((min(c[1::2]), max(c[1::2])))
        if "polys" in layer:
            for feature in layer["polys"]["rings"]:
                for polygon in feature:
                    ring = polygon[0]  # holes lie inside the exterior
                    lats.extend((min(ring[0::2]), max(ring[0::2])))
                    lons.extend((min(ring[1::2]), max(ring[1::2])))
    if not lats:
        return None
    return (min(lats) / SCALE, min(lons) / SCALE, max(lats) / SCALE, max(lons) / SCALE)
