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
>>> from geoconflict.model.geometry import area_km2
>>> round(area_km2(extent), -1)
1000.0
"""

from __future__ import annotations

from functools import cached_property, lru_cache

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from geoconflict.model import PlaceKind
from geoconflict.model.geometry import area_km2, clean_polygon

__all__ = ["geodesic_area", "plausibility_note", "populated_places_within", "stated_area_extent"]


def geodesic_area(geometry: BaseGeometry) -> float:
    """The geodesic area of *geometry* in km², as :func:`plausibility_note` states it (0 for an empty one)."""
    if geometry is None or geometry.is_empty:
        return 0.0
    return area_km2(geometry) or 0.0


#: How many geometries' areas :func:`_area_remembered` keeps (the least recently used go first).
_AREAS_KEPT = 512


@lru_cache(maxsize=_AREAS_KEPT)
def _area_remembered(geometry: BaseGeometry) -> float:
    """:func:`_area`, remembered by the geometry's value: claims repeat their extents.

    Hashing a geometry writes out its coordinates, yet costs about a thirtieth of
    measuring its geodesic area (12 µs and 350 µs for 400 vertices).
    """
    return geodesic_area(geometry)


def _bisect(target: float, measure, hi: float) -> BaseGeometry:
    """The shape whose area is within 0.5 % of *target* (else the closest larger one) by bisection on its size.

    ``measure(size)`` gives ``(shape, area)`` for a strip width or disc radius.
    """
    lo = 0.0
    best = measure(hi)[0]
    for _ in range(30):
        mid = (lo + hi) / 2
        geom, a = measure(mid)
        if abs(a - target) <= 0.005 * target:
            return geom
        if a < target:
            lo = mid
        else:
            hi, best = mid, geom
    return best


class _Extents:
    """The strips along a border, or the discs around a centre, that fit inside one area.

    Every strip or disc is made and measured once: claims about the same
    area (a region repeated across reports, with figures that differ a little)
    share the first steps of their bisections.
    """

    #: sizes remembered per area, beyond which shapes are made without being kept
    KEEP = 512

    def __init__(self, within: Polygon | MultiPolygon, border_with: Polygon | MultiPolygon | None):
        self.border_with = border_with  # held, so that its id in the cache key stays its own
        self.within = clean_polygon(within, field="within")
        self.area = geodesic_area(self.within)
        self.measured: dict[tuple[str, float], tuple[BaseGeometry, float]] = {}

    @cached_property
    def near(self) -> BaseGeometry | None:
        """The border near the area (simplified), or None when there is none within ~1°."""
        if self.border_with is None:
            return None
        minx, miny, maxx, maxy = self.within.bounds
        near = shapely.intersection(clean_polygon(self.border_with, field="border_with"),
                                    box(minx - 1.5, miny - 1.5, maxx + 1.5, maxy + 1.5))
        if near.is_empty or near.distance(self.within) >= 1.0:
            return None
        return shapely.simplify(near, 0.01)

    @property
    def border(self) -> BaseGeometry:
        """:attr:`near`, for the strips: they are measured only when a border is near."""
        if self.near is None:
            raise ValueError("no border near the area to measure a strip from")
        return self.near

    @cached_property
    def gap(self) -> float:
        """Degrees between the border and the area."""
        return self.border.distance(self.within)

    @cached_property
    def centre(self) -> Point:
        """The area's centroid, or a point inside it when the centroid is not."""
        within = self.within
        return within.centroid if within.contains(within.centroid) else within.representative_point()

    def strip(self, width: float) -> tuple[BaseGeometry, float]:
        """The part of the area within *width* degrees (beyond the gap) of the border, and its km²."""
        return self._measure("strip", width, lambda: shapely.intersection(
            self.within, self.border.buffer(self.gap + width, quad_segs=4)))

    def disc(self, radius: float) -> tuple[BaseGeometry, float]:
        """The part of the area within *radius* degrees of its centre, and its km²."""
        return self._measure("disc", radius, lambda: shapely.intersection(
            self.within, Point(self.centre).buffer(radius, quad_segs=16)))

    def _measure(self, shape: str, size: float, make) -> tuple[BaseGeometry, float]:
        found = self.measured.get((shape, size))
        if found is None:
            geom = make()
            found = (geom, geodesic_area(geom))
            if len(self.measured) < self.KEEP:
                self.measured[(shape, size)] = found
        return found


#: :class:`_Extents` by (the area's WKB, the border's id): bounded, oldest dropped first.
_EXTENTS: dict[tuple[bytes, int], _Extents] = {}


def _extents(within: Polygon | MultiPolygon, border_with: Polygon | MultiPolygon | None) -> _Extents:
    key = (shapely.to_wkb(within), id(border_with))
    found = _EXTENTS.get(key)
    if found is None or found.border_with is not border_with:
        found = _Extents(within, border_with)
        if len(_EXTENTS) >= 16:
            _EXTENTS.pop(next(iter(_EXTENTS)))
        _EXTENTS[key] = found
    return found


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
    extents = _extents(within, border_with)
    if extents.area <= area_km2_stated:
        return extents.within
    if extents.near is not None:
        extent = _bisect(area_km2_stated, extents.strip, hi=4.0)
        if not extent.is_empty:
            return clean_polygon(extent, field="extent")
    return clean_polygon(_bisect(area_km2_stated, extents.disc, hi=6.0), field="extent")


def populated_places_within(gazetteer, geometry: BaseGeometry | None) -> int:
    """How many populated places of *gazetteer* lie inside *geometry*."""
    if geometry is None or geometry.is_empty:
        return 0
    lon, lat = _populated_by_lon(gazetteer)
    minx, miny, maxx, maxy = geometry.bounds
    lo, hi = np.searchsorted(lon, minx, side="left"), np.searchsorted(lon, maxx, side="right")
    lon, lat = lon[lo:hi], lat[lo:hi]  # minx <= lon <= maxx
    sel = (lat >= miny) & (lat <= maxy)
    if not sel.any():
        return 0
    return int(np.count_nonzero(shapely.contains_xy(geometry, lon[sel], lat[sel])))


#: How many gazetteers' populated places :func:`_populated_by_lon` keeps.
_GAZETTEERS_KEPT = 4


@lru_cache(maxsize=_GAZETTEERS_KEPT)
def _populated_by_lon(gazetteer) -> tuple[np.ndarray, np.ndarray]:
    """The (lon, lat) of *gazetteer*'s populated places, sorted by longitude; made once per gazetteer.

    A gazetteer hashes by identity (it defines no equality), so each is its own key.
    """
    lat, lon = gazetteer.coordinates(PlaceKind.POPULATED_PLACE)
    order = np.argsort(lon, kind="stable")
    return lon[order], lat[order]


def plausibility_note(
    *,
    settlements: int | None,
    area_stated: float | None,
    geometry: BaseGeometry | None,
    derivation: str,
    places_inside: int | None,
    measured: float | None = None,
) -> str:
    """A short note comparing a claim's stated figures with its geometry.

    *measured* is the geometry's :func:`geodesic_area` when the caller has it (a claim's extent, measured once when
    it is made); else it is measured here (remembered by the geometry's value).

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
    computed = _area_remembered(geometry) if measured is None else measured
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
