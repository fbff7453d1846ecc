"""The basemap's levels of detail: regions around the data, nested; shared edges drawn once; pages kept small."""

from __future__ import annotations

import json

import numpy as np
import shapely
from shapely.geometry import box

from geoconflict.maps.backdrop import _payload, _shared_runs, basemap_json
from geoconflict.maps.basemap import simplify_together
from geoconflict.maps.detail import (
    CELL_DEGREES,
    DETAIL_ZOOM,
    LEVELS,
    data_cells,
    dilated_region,
    layer_cells,
    region_cells,
)
from geoconflict.maps.layers import bounds_of, build_layers
from geoconflict.maps.style import SCALE
from tests.browser import seed_like_events


def _polygons(rings):
    """Rings written as a first point and steps → shapely polygons (lon, lat)."""
    out = []
    for poly in rings:
        parts = []
        for flat in poly:
            lat_lon = np.cumsum(np.asarray(flat, dtype=np.int64).reshape(-1, 2), axis=0) / SCALE
            parts.append(lat_lon[:, ::-1])
        out.append(shapely.Polygon(parts[0], parts[1:]))
    return shapely.union_all(out)


def test_regions_grow_around_the_cells_and_nest():
    cells = data_cells([(51.19, 35.27), (54.7, 20.5)])
    assert cells == {(51, 35), (54, 20)}
    small, large = (dilated_region(cells, level.reach) for level in LEVELS)
    assert small.area == 2 * (2 * LEVELS[0].reach + 1) ** 2 * CELL_DEGREES**2
    assert large.contains(small) and large.area > small.area
    assert small.contains(shapely.Point(35.27, 51.19)) and small.contains(shapely.Point(20.5, 54.7))
    assert not small.contains(shapely.Point(28.0, 53.0))  # between the two, no district detail
    assert region_cells([(89, 179)], 1) == [(88, 178), (88, 179), (89, 178), (89, 179)]  # the grid's edge


def test_the_payload_has_finer_levels_around_the_data_only():
    payload = json.loads(basemap_json((51.19, 35.27, 51.19, 35.27), fill=True, cells=data_cells([(51.19, 35.27)])))
    detail = payload["detail"]
    assert detail["zoom"] == DETAIL_ZOOM and len(detail["levels"]) == len(LEVELS)
    regions = [_polygons(level["region"]) for level in detail["levels"]]
    assert regions[1].contains(regions[0])
    finest = detail["levels"][0]
    land = shapely.union_all([_polygons(c["rings"]) for c in finest["countries"]])
    # the outlines reach a little past the region, where the page clips them, and no further
    assert land.within(regions[0].buffer(0.2)) and land.intersection(regions[0]).area > 0.9 * regions[0].area
    assert finest["lines"], "no border between two admin-1 units near Sudzha"


def test_shared_edges_are_drawn_once():
    left, right = box(0, 0, 1, 1), box(1, 0, 2, 1)  # sharing the edge x = 1
    runs = _shared_runs(shapely.get_rings(np.array([left, right], dtype=object)))
    assert len(runs) == 1
    lat_lon = np.cumsum(np.asarray(runs[0]).reshape(-1, 2), axis=0) / SCALE
    assert sorted(map(tuple, lat_lon.tolist())) == [(0.0, 1.0), (1.0, 1.0)]
    assert _shared_runs(shapely.get_rings(np.array([left, box(3, 0, 4, 1)], dtype=object))) == []


def test_units_of_one_country_are_simplified_as_one_coverage():
    # two units of country A share a wiggly border; a unit of B overlaps A's (not a coverage as a whole)
    wiggle = [(1 + 0.01 * (k % 2), k / 50) for k in range(51)]
    a1 = shapely.Polygon([(0, 0), *wiggle, (0, 1)])
    a2 = shapely.Polygon([*wiggle, (2, 1), (2, 0)][::-1])
    b = box(1.9, 0, 3, 1)
    out = simplify_together(np.array([a1, a2, b], dtype=object), 0.05, ["A", "A", "B"])
    assert shapely.coverage_is_valid(out[:2])  # still no gap nor overlap between A's units
    assert shapely.get_num_coordinates(out[0]) < shapely.get_num_coordinates(a1)


def test_the_seed_basemap_stays_small():
    layers = build_layers(seed_like_events())
    payload = _payload(bounds_of(layers), fill=True, cells=layer_cells(layers))
    size = len(json.dumps(payload, separators=(",", ":")))
    # 697 kB: 371 kB the coarse level (600 kB before the finer levels came), 326 kB the finer ones
    assert size < 900_000, size
