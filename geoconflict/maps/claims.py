"""The *Territorial claims* layer and its ledger: each claim's area, coloured by claimant.

Claims that disagree are drawn side by side, never merged: each popup says how
many other claims concern the same area and which claims most, and the ledger
(a table over the map) has one row per claim. A claim without a geometry is
drawn at the places it names. A claim drawn as the union of the areas it names ("28
settlements in the region") says where, not how much: an outline, never a
filled region.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

import shapely
from shapely import STRtree

from geoconflict.maps.builder import LayerBuilder
from geoconflict.maps.popups import (
    PROVENANCE_FIELDS,
    derivation_text,
    event_day,
    fmt_date,
    km2,
    provenance_values,
)
from geoconflict.maps.style import Colours, Style
from geoconflict.model import Derivation, PlaceKind, TerritorialClaim

__all__ = ["CLAIM_FIELDS", "Rivals", "claim_popup", "claims_layer", "drawn_at_a_point"]

CLAIM_FIELDS = [
    "Claimant",
    "Taken from",
    "Tier",
    "As of",
    "Settlements (stated)",
    "Area (stated)",
    "Area of the drawn geometry",
    "Named areas",
    "Geometry",
    "Note",
    "Fatalities",
    "Competing claims",
    *PROVENANCE_FIELDS,
]

_UNION_NOTE = " — the claim concerns this area; how much of it is not stated"

_NOT_DRAWN_NOTE = "extent not stated: drawn at the named places"

#: Outline width, px, and fill opacity of an area whose extent is stated or given.
_OUTLINE_WEIGHT = 2.5
_FILL_OPACITY = 0.2
#: A thin, light outline, a faint fill and long dashes: the union of the named areas
#: (where, not how much), an upper bound drawn beneath the stated extents.
_CONTAINER_WEIGHT = 1.5
_CONTAINER_OPACITY = 0.6
_CONTAINER_FILL_OPACITY = 0.04
_CONTAINER_DASHES = "12 6"
#: A claim with no geometry: a dashed ring at each named place (wider at an area's centre).
_RING_RADIUS = 14
_POINT_RADIUS = 8
_RING_FILL_OPACITY = 0.2
_RING_DASHES = "4 3"
#: Kinds of named place drawn as a point even when they have an outline.
_POINT_KINDS = {PlaceKind.POPULATED_PLACE, PlaceKind.FEATURE}
#: How many of the strongest claims each contested area keeps for the popups' summary.
_KEPT = 2
#: A hatched fill and dashes: an approximate or illustrative extent.
_HATCHED_FILL_OPACITY = 0.35
_HATCHED_DASHES = "8 5"
_HATCHED_LEGEND_COLOUR = "#555555"

#: What the ledger shows for a missing figure.
_NONE = "—"
#: What the ledger's *Area drawn* shows for a claim drawn at its named places.
_AT_PLACES = "at named places"


class Rivals:
    """Which claims concern the same area, found through an index rather than pair by pair.

    Two claims are on the same area when they name an area in common or their
    geometries meet; the claims linked that way, directly or through one another,
    form one contested area. Names are grouped in one pass, geometries through a
    shapely :class:`~shapely.STRtree` over the distinct geometries, and each
    claim's popup gets a summary (how many others, and the one claiming most) of
    constant size, so the layer's work and its page grow linearly with the claims.
    """

    def __init__(self, claims: Sequence[TerritorialClaim]):
        self.claims = claims
        parent = list(range(len(claims)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        first_by_name: dict[str, int] = {}
        for i, claim in enumerate(claims):
            for place in claim.areas:
                union(i, first_by_name.setdefault(place.name, i))
        for i, j in _meeting_geometries(claims):
            union(i, j)
        self.component = [find(i) for i in range(len(claims))]
        self.size = Counter(self.component)
        self.top: dict[int, list[int]] = {}
        for i, root in enumerate(self.component):
            best = self.top.setdefault(root, [])
            best.append(i)
            best.sort(key=lambda k: _strength(claims[k]), reverse=True)
            del best[_KEPT:]

    def summary(self, n: int) -> str | None:
        """The *Competing claims* text of claim ``n``: how many others, and the one claiming most."""
        root = self.component[n]
        others = self.size[root] - 1
        if others == 0:
            return None
        strongest = next(k for k in self.top[root] if k != n)
        count = f"{others} other claim{'s' if others > 1 else ''} on this area"
        return f"{count}; claiming most: {_claim_summary(self.claims[strongest])}"


def _meeting_geometries(claims: Sequence[TerritorialClaim]) -> Iterator[tuple[int, int]]:
    """Pairs of claims whose geometries meet, found with an STRtree over the distinct geometries."""
    first: dict[bytes, int] = {}
    distinct: list[Any] = []
    owner: list[int] = []
    for i, claim in enumerate(claims):
        if claim.geometry is None or claim.geometry.is_empty:
            continue
        key = shapely.to_wkb(claim.geometry)
        if key in first:
            yield i, first[key]
            continue
        first[key] = i
        distinct.append(claim.geometry)
        owner.append(i)
    if len(distinct) < 2:
        return
    left, right = STRtree(distinct).query(distinct, predicate="intersects")
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        if a < b:
            yield owner[a], owner[b]


def _strength(c: TerritorialClaim) -> tuple[float, int, str]:
    """How much a claim claims: its stated area, then its settlements, then its date."""
    return (c.area_km2_stated or 0.0, c.settlements or 0, str(c.as_of or c.provenance.report_date or ""))


def _claim_summary(c: TerritorialClaim) -> str:
    """One line for the *Competing claims* field (``"Ukrainian forces: 74 settlements (per …)"``)."""
    figures = []
    if c.settlements is not None:
        figures.append(f"{c.settlements} settlements")
    if c.area_km2_stated is not None:
        figures.append(f"{c.area_km2_stated:,.0f} km²")
    who = c.reported_by or "unattributed"
    as_of = f", as of {c.as_of.isoformat()}" if c.as_of else ""
    return f"{c.claimant}: {' / '.join(figures) or 'no figures'} (per {who}{as_of})"


def _settlements(claim: TerritorialClaim) -> str | None:
    return None if claim.settlements is None else f"{claim.settlements:,}"


def claim_popup(claim: TerritorialClaim, area: float | None, rivals: str | None
                ) -> tuple[str, list[str | None], date | None]:
    """A claim's popup: its title, its :data:`CLAIM_FIELDS` texts (``area``: of its drawn geometry, km²;
    ``rivals``: the summary of the other claims on its area) and its day on the time slider."""
    p = claim.provenance
    area_names = ", ".join(a.name for a in claim.areas) or None
    return (
        f"Claim: {claim.claimant} — {area_names or 'area not named'}",
        [
            claim.claimant,
            claim.opponent,
            claim.tier.value,
            fmt_date(claim.as_of),
            _settlements(claim),
            km2(claim.area_km2_stated),
            km2(area),
            area_names,
            derivation_text(claim, union_note=_UNION_NOTE) if claim.geometry is not None else _NOT_DRAWN_NOTE,
            claim.note,
            None if claim.fatalities is None else str(claim.fatalities),
            rivals,
            *provenance_values(p, claim.precision),
        ],
        event_day(p, claim.as_of),
    )


def _feature(layer: LayerBuilder, claim: TerritorialClaim, area: float | None, rivals: str | None) -> int:
    """Register ``claim``'s popup (its drawn ``area``, km², and the summary of its rivals); returns its index."""
    return layer.feature(*claim_popup(claim, area, rivals))


def _is_container(claim: TerritorialClaim) -> bool:
    """Whether the claim's geometry is an upper bound (the union of the areas it names)."""
    return claim.derivation is Derivation.UNION


def _area_style(layer: LayerBuilder, claim: TerritorialClaim, colour: str) -> int:
    """The style of a claim's area: a light outline for an upper bound, hatched when approximate, else filled."""
    if _is_container(claim):
        layer.add_legend("claim concerns this area (extent not stated)", "area-outline", color=colour)
        return layer.style(color=colour, weight=_CONTAINER_WEIGHT, opacity=_CONTAINER_OPACITY, fillColor=colour,
                           fillOpacity=_CONTAINER_FILL_OPACITY, hatch=False, dashArray=_CONTAINER_DASHES)
    hatch = claim.approximate or claim.derivation is Derivation.STATED_AREA
    return layer.style(
        color=colour,
        weight=_OUTLINE_WEIGHT,
        fillColor=colour,
        fillOpacity=_HATCHED_FILL_OPACITY if hatch else _FILL_OPACITY,
        hatch=hatch,
        dashArray=_HATCHED_DASHES if hatch else None,
    )


def drawn_at_a_point(claim: TerritorialClaim) -> bool:
    """Whether the claim is drawn as one point: no geometry, and one named place drawn as a point
    (a table's territory row); a map of many points counts these per area (:mod:`~geoconflict.maps.claimcells`)."""
    if claim.geometry is not None or len(claim.areas) != 1:
        return False
    place = claim.areas[0]
    return place.geometry is None or place.kind in _POINT_KINDS


def ring_style(layer: LayerBuilder, place_kind: PlaceKind, colour: str) -> int:
    """The dashed ring a claim without geometry is drawn with at a named place (wider at an area's centre)."""
    radius = _POINT_RADIUS if place_kind in _POINT_KINDS else _RING_RADIUS
    return layer.style(color=colour, weight=_OUTLINE_WEIGHT, fillColor=colour, fillOpacity=_RING_FILL_OPACITY,
                       radius=radius, dashArray=_RING_DASHES)


#: The legend's line for a claim drawn at a named place.
AT_PLACE_LEGEND = "claim at a named place (extent not stated)"


def _draw_at_places(layer: LayerBuilder, claim: TerritorialClaim, colour: str, i: int) -> bool:
    """Draw a claim without geometry at its named places: their outline, or a dashed ring at a point.

    Returns whether anything was drawn (a claim naming no place is in the ledger only).
    """
    for place in claim.areas:
        if place.geometry is not None and place.kind not in _POINT_KINDS:
            layer.polygon(place.geometry, layer.style(
                color=colour, weight=_CONTAINER_WEIGHT, opacity=_CONTAINER_OPACITY, fillColor=colour,
                fillOpacity=_CONTAINER_FILL_OPACITY, hatch=False, dashArray=_CONTAINER_DASHES), i)
        else:
            layer.point(place.lat, place.lon, ring_style(layer, place.kind, colour), i)
    if claim.areas:
        layer.add_legend(AT_PLACE_LEGEND, "point-approx", color=colour)
    return bool(claim.areas)


def _stacking(claims: Sequence[TerritorialClaim], areas: Sequence[float | None]) -> list[int]:
    """The claims' drawing order: upper bounds first, then larger areas beneath smaller ones."""
    def key(n: int) -> tuple[bool, float]:
        return (not _is_container(claims[n]), -(areas[n] or 0.0))

    return sorted(range(len(claims)), key=key)


def _ledger_row(claim: TerritorialClaim, area: float | None, feature: int, colour: str, drawn: bool
                ) -> dict[str, Any]:
    """The claim's row of the ledger under the map."""
    return {
        "f": feature,
        "color": colour,
        "drawn": drawn,
        "cells": [
            claim.claimant,
            claim.reported_by or _NONE,
            _settlements(claim) or _NONE,
            km2(claim.area_km2_stated) or _NONE,
            km2(area) or (_AT_PLACES if drawn else _NONE),
            fmt_date(claim.as_of) or fmt_date(claim.provenance.report_date) or _NONE,
        ],
    }


def claims_layer(
    claims: Sequence[TerritorialClaim], style: Style, *, sides: Colours | None = None,
    rivals: Callable[[int], str | None] | None = None,
) -> tuple[LayerBuilder, list[dict[str, Any]]]:
    """The layer of ``claims`` and the ledger's rows, one per claim in the given order.

    Every claim is drawn: its geometry, or its named places when it has none.
    Upper bounds (the union of the named areas) are drawn light and beneath the
    stated extents, and larger areas beneath smaller ones, so the most specific
    claim is on top and each one stays visible and clickable. ``sides`` colours
    the claimants (shared with the movements layer: one colour per side).
    ``rivals`` gives claim ``n``'s *Competing claims* text (by default, found
    among ``claims``; a map that counts some claims per area passes those of every claim).
    """
    layer = LayerBuilder("claims", CLAIM_FIELDS)
    colour = Colours(style) if sides is None else sides
    summary = rivals or Rivals(claims).summary
    areas = [claim.area_km2 for claim in claims]  # geodesic: computed once
    features = []
    for n, claim in enumerate(claims):
        layer.add_legend(claim.claimant, "area", color=colour(claim.claimant))
        features.append(_feature(layer, claim, areas[n], summary(n)))
    drawn = [False] * len(claims)
    for n in _stacking(claims, areas):
        claim, c = claims[n], colour(claims[n].claimant)
        if claim.geometry is not None:
            layer.polygon(claim.geometry, _area_style(layer, claim, c), features[n])
            drawn[n] = True
        else:
            drawn[n] = _draw_at_places(layer, claim, c, features[n])
    if any(c.approximate or c.derivation is Derivation.STATED_AREA for c in claims
           if c.geometry is not None and not _is_container(c)):
        layer.add_legend("extent approximate / illustrative", "area-hatched", color=_HATCHED_LEGEND_COLOUR)
    ledger = [_ledger_row(claim, areas[n], features[n], colour(claim.claimant), drawn[n])
              for n, claim in enumerate(claims)]
    return layer, ledger
