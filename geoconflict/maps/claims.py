"""The *Territorial claims* layer and its ledger: each claim's area, coloured by claimant.

Claims that disagree are drawn side by side, never merged: each popup lists the
competing claims on the same area, and the ledger (a table under the map) has
one row per claim. A claim drawn as the union of the areas it names ("28
settlements in the region") says where, not how much: an outline, never a
filled region.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from geoconflict.model import Derivation, TerritorialClaim

__all__ = ["CLAIM_FIELDS", "claims_layer"]

CLAIM_FIELDS = [
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
    *PROVENANCE_FIELDS,
]

_UNION_NOTE = " — the claim concerns this area; how much of it is not stated"

#: Outline width, px, and fill opacity of an area whose extent is stated or given.
_OUTLINE_WEIGHT = 2.5
_FILL_OPACITY = 0.2
#: A faint fill and long dashes: the union of the named areas (where, not how much).
_CONTAINER_FILL_OPACITY = 0.04
_CONTAINER_DASHES = "12 6"
#: A hatched fill and dashes: an approximate or illustrative extent.
_HATCHED_FILL_OPACITY = 0.35
_HATCHED_DASHES = "8 5"
_HATCHED_LEGEND_COLOUR = "#555555"

#: What the ledger shows for a missing figure.
_NONE = "—"


def _same_area(a: TerritorialClaim, b: TerritorialClaim) -> bool:
    """Whether two claims concern the same area (a named area in common, or geometries that meet)."""
    names_a = {p.name for p in a.areas}
    if names_a & {p.name for p in b.areas}:
        return True
    if a.geometry is not None and b.geometry is not None:
        return bool(a.geometry.intersects(b.geometry))
    return False


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


def _feature(layer: LayerBuilder, n: int, claims: Sequence[TerritorialClaim]) -> int:
    """Register claim ``n``'s popup (the competing claims among ``claims`` included); returns its index."""
    claim = claims[n]
    p = claim.provenance
    rivals = [_claim_summary(o) for j, o in enumerate(claims) if j != n and _same_area(claim, o)]
    area_names = ", ".join(a.name for a in claim.areas) or None
    return layer.feature(
        f"Claim: {claim.claimant} — {area_names or 'area not named'}",
        [
            claim.claimant,
            claim.tier.value,
            fmt_date(claim.as_of),
            _settlements(claim),
            km2(claim.area_km2_stated),
            km2(claim.area_km2),
            area_names,
            derivation_text(claim, union_note=_UNION_NOTE),
            claim.note,
            "; ".join(rivals) or None,
            *provenance_values(p, claim.precision),
        ],
        event_day(p, claim.as_of),
    )


def _area_style(layer: LayerBuilder, n: int, claims: Sequence[TerritorialClaim], colour: str) -> int:
    """The style of claim ``n``'s area: an outline for a union, hatched when approximate, else filled."""
    claim = claims[n]
    container = claim.derivation is Derivation.UNION
    hatch = not container and (claim.approximate or claim.derivation is Derivation.STATED_AREA)
    if container:
        layer.add_legend("claim concerns this area (extent not stated)", "area-outline", color=colour)
    return layer.style(
        color=colour,
        weight=_OUTLINE_WEIGHT,
        fillColor=colour,
        fillOpacity=_CONTAINER_FILL_OPACITY if container else _HATCHED_FILL_OPACITY if hatch else _FILL_OPACITY,
        hatch=hatch,
        dashArray=_CONTAINER_DASHES if container else _HATCHED_DASHES if hatch else None,
        # competing claims on one area: earlier ones get wider outlines, drawn
        # beneath the later, narrower ones, so every claim stays visible
        offset=sum(1 for j in range(n + 1, len(claims)) if _same_area(claim, claims[j])),
    )


def _ledger_row(claim: TerritorialClaim, feature: int, colour: str) -> dict[str, Any]:
    """The claim's row of the ledger under the map."""
    return {
        "f": feature,
        "color": colour,
        "drawn": claim.geometry is not None,
        "cells": [
            claim.claimant,
            claim.reported_by or _NONE,
            _settlements(claim) or _NONE,
            km2(claim.area_km2_stated) or _NONE,
            km2(claim.area_km2) or _NONE,
            fmt_date(claim.as_of) or fmt_date(claim.provenance.report_date) or _NONE,
        ],
    }


def claims_layer(claims: Sequence[TerritorialClaim], style: Style) -> tuple[LayerBuilder, list[dict[str, Any]]]:
    """The layer of ``claims`` and the ledger's rows, one per claim."""
    layer = LayerBuilder("claims", CLAIM_FIELDS)
    colour = Colours(style)
    ledger = []
    for n, claim in enumerate(claims):
        c = colour(claim.claimant)
        layer.add_legend(claim.claimant, "area", color=c)
        i = _feature(layer, n, claims)
        if claim.geometry is not None:
            layer.polygon(claim.geometry, _area_style(layer, n, claims, c), i)
        ledger.append(_ledger_row(claim, i, c))
    if any(c.approximate or c.derivation is Derivation.STATED_AREA for c in claims if c.geometry is not None):
        layer.add_legend("extent approximate / illustrative", "area-hatched", color=_HATCHED_LEGEND_COLOUR)
    return layer, ledger
