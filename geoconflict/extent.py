"""Approximate extents for territorial claims that state an area but name only a region.

"Over 1,000 square kilometres of the Kursk region" says how much, not where.
:func:`stated_area_extent` places an extent of the stated size where the
report points: inside the districts where fighting is reported (else inside
the region), as a strip along the border with the claimant's country, the
border the incursion crossed (else as a disc around the districts' centre).
The width of the strip is found by bisection on the geodesic area, so the
extent's area matches the stated one to within 1 % whenever the districts are
large enough. The result is always flagged approximate
(``derivation="stated_area"``).

:func:`plausibility_note` compares a claim's stated figures with its geometry:
stated vs geodesic area, stated settlements vs the populated places of the
gazetteer inside.

Examples
--------
>>> from shapely.geometry import box
>>> area = box(35.0, 51.0, 35.6, 51.4)      # "the districts", about 1,800 km²
>>> neighbour = box(34.0, 50.0, 35.4, 51.05)  # the claimant's country, to the south-west
>>> extent = stated_area_extent(1000, within=area, border_with=neighbour)
>>> from geoconflict.geometry import area_km2
>>> round(area_km2(extent), -1)
1000.0
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from .geometry import area_km2, clean_polygon

__all__ = ["plausibility_note", "populated_places_within", "stated_area_extent"]


def _area(geometry: BaseGeometry) -> float:
    if geometry is None or geometry.is_empty:
        return 0.0
    return area_km2(geometry) or 0.0


def _bisect(target: float, make, hi: float) -> BaseGeometry:
    lo = 0.0
    best = make(hi)
    for _ in range(30):
        mid = (lo + hi) / 2
        geom = make(mid)
        a = _area(geom)
        if abs(a - target) <= 0.005 * target:
            return geom
        if a < target:
            lo = mid
        else:
            hi, best = mid, geom
    return best


def stated_area_extent(
    area_km2_stated: float,
    *,
    within: Polygon | MultiPolygon,
    border_with: Polygon | MultiPolygon | None = None,
) -> Polygon | MultiPolygon:
    """An extent of *area_km2_stated* inside *within*, along the border with *border_with*.

    Parameters
    ----------
    area_km2_stated : float
        The stated area, km².
    within : Polygon or MultiPolygon
        Where the extent must lie (the districts where fighting is reported, or the region).
    border_with : Polygon or MultiPolygon, optional
        The claimant's country: the extent is the part of *within* closest to it.
        Without it, or when it is more than ~1° away, the extent is a disc
        around the centre of *within*, clipped to it.

    Returns
    -------
    Polygon or MultiPolygon
        All of *within* when that is smaller than the stated area.
    """
    within = clean_polygon(within, field="within")
    if _area(within) <= area_km2_stated:
        return within
    if border_with is not None:
        minx, miny, maxx, maxy = within.bounds
        near = shapely.intersection(clean_polygon(border_with, field="border_with"),
                                    box(minx - 1.5, miny - 1.5, maxx + 1.5, maxy + 1.5))
        if not near.is_empty and near.distance(within) < 1.0:
            near = shapely.simplify(near, 0.01)
            gap = near.distance(within)

            def strip(width: float) -> BaseGeometry:
                return shapely.intersection(within, near.buffer(gap + width, quad_segs=4))

            extent = _bisect(area_km2_stated, strip, hi=4.0)
            if not extent.is_empty:
                return clean_polygon(extent, field="extent")
    centre = within.centroid if within.contains(within.centroid) else within.representative_point()

    def disc(radius: float) -> BaseGeometry:
        return shapely.intersection(within, Point(centre).buffer(radius, quad_segs=16))

    return clean_polygon(_bisect(area_km2_stated, disc, hi=6.0), field="extent")


def populated_places_within(gazetteer, geometry: BaseGeometry | None) -> int:
    """How many populated places of *gazetteer* lie inside *geometry*."""
    if geometry is None or geometry.is_empty:
        return 0
    lat, lon, kind = gazetteer._lat, gazetteer._lon, gazetteer._kind
    minx, miny, maxx, maxy = geometry.bounds
    sel = np.flatnonzero((kind == 3) & (lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy))
    if not len(sel):
        return 0
    return int(np.count_nonzero(shapely.contains_xy(geometry, lon[sel], lat[sel])))


def plausibility_note(
    *,
    settlements: int | None,
    area_stated: float | None,
    geometry: BaseGeometry | None,
    derivation: str,
    places_inside: int | None,
) -> str:
    """A short note comparing a claim's stated figures with its geometry.

    Examples
    --------
    >>> plausibility_note(settlements=74, area_stated=1000.0, geometry=None, derivation="none",
    ...                   places_inside=None)
    'stated 74 settlements, 1,000 km²; no geometry to compare with'
    """
    stated = ", ".join(
        part for part in (
            f"{settlements:,} settlements" if settlements is not None else "",
            f"{area_stated:,.0f} km²" if area_stated is not None else "",
        ) if part
    ) or "no figures"
    if geometry is None or geometry.is_empty:
        return f"stated {stated}; no geometry to compare with"
    parts = [f"stated {stated}"]
    computed = _area(geometry)
    how = {"stated_area": "an extent derived from the stated area", "union": "the named areas"}.get(
        derivation, "the geometry")
    if area_stated is not None:
        ratio = computed / area_stated if area_stated else float("inf")
        parts.append(f"geometry ({how}) {computed:,.0f} km², {ratio:.2f}× the stated area")
    else:
        parts.append(f"geometry ({how}) {computed:,.0f} km², an upper bound: no area stated")
    if places_inside is not None:
        if settlements is not None:
            verdict = ("consistent" if places_inside >= settlements * 0.5 else
                       "fewer than stated; the gazetteer lists places of 500+ people only")
            parts.append(f"{places_inside:,} populated places in the gazetteer inside ({verdict})")
        else:
            parts.append(f"{places_inside:,} populated places in the gazetteer inside")
    return "; ".join(parts)
