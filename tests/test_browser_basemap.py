"""The offline basemap at district zoom, in real Chromium: no false sea between countries.

The sea is the page's background; land is what the basemap's canvas paints. For
views on three fronts at zoom 7 to 10, every sampled point well inside the land
(countries, and the gaps they enclose) must be painted.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from geoconflict.maps.basemap import outlines
from geoconflict.maps.offline import save_html
from geoconflict.maps.render import render
from geoconflict.model import Event, Place
from tests.browser import ARTIFACTS, map_key, open_offline, set_view

#: (name, lat, lon) of each view's centre: south Lebanon, Burkina Faso, the Kursk border.
FRONTS = [("lebanon", 33.15, 35.55), ("burkina", 12.8, -1.2), ("kursk", 51.2, 35.3)]
ZOOMS = (7, 8, 9, 10)
#: Sample points are kept this far (degrees) inside the land, clear of the simplified coast.
COAST_MARGIN = 0.15
GRID = (16, 10)

SAMPLE = """([canvasSel, pts]) => {
  // the basemap draws each level of detail on its own canvas: a point is land when any paints it
  const alphas = Array.from(document.querySelectorAll(canvasSel)).map(canvas => {
    const r = canvas.getBoundingClientRect(), g = canvas.getContext('2d');
    const sx = canvas.width / r.width, sy = canvas.height / r.height;
    return pts.map(([x, y]) => g.getImageData(Math.round((x - r.left) * sx), Math.round((y - r.top) * sy), 1, 1).data[3]);
  });
  return pts.map((_, i) => Math.max(0, ...alphas.map(a => a[i])));
}"""



def _land(bbox) -> shapely.Geometry:
    """Countries in ``bbox`` with the gaps they enclose, shrunk by the margin."""
    frame = outlines(bbox, level="country")
    land = shapely.union_all(np.asarray(frame.geometry.values, dtype=object))
    shells = [Polygon(p.exterior) for p in shapely.get_parts(land) if p.geom_type == "Polygon"]
    return shapely.union_all(shells).buffer(-COAST_MARGIN)


@pytest.mark.parametrize(("front", "lat", "lon"), FRONTS)
def test_no_sea_inside_the_land_at_district_zoom(chromium, tmp_path, front, lat, lon):
    event = Event("clash", Place("Front line", kind="populated_place", lat=lat, lon=lon))
    page, log = open_offline(chromium, save_html(render([event]), tmp_path / f"{front}.html"), width=1000, height=700)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    key = map_key(page)
    page.locator(".leaflet-control-layers-overlays label", has_text="Other events").locator("input").uncheck()
    checked = 0
    for zoom in ZOOMS:
        set_view(page, key, lat, lon, zoom)
        page.wait_for_timeout(150)
        south, west, north, east = page.evaluate(
            f"() => {{ const b = window['{key}'].getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }}")
        land = _land((west - 1, south - 1, east + 1, north + 1))
        lats = np.linspace(south, north, GRID[1] + 2)[1:-1]
        lons = np.linspace(west, east, GRID[0] + 2)[1:-1]
        inside = [(a, o) for a in lats for o in lons if land.contains(shapely.Point(o, a))]
        points = page.evaluate(
            f"""(pts) => {{ const m = window['{key}'], r = m.getContainer().getBoundingClientRect();
                return pts.map(([a, o]) => {{ const p = m.latLngToContainerPoint([a, o]); return [p.x + r.left, p.y + r.top]; }}); }}""",
            inside)
        alpha = page.evaluate(SAMPLE, [".leaflet-gcBasemap-pane canvas", points])
        sea = [pt for pt, a in zip(inside, alpha, strict=True) if a == 0]
        assert not sea, f"{front} zoom {zoom}: sea drawn at {sea[:5]}"
        checked += len(inside)
        if zoom in (7, 9):
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"basemap_{front}_z{zoom}.png"))
    assert checked >= 100
    log.assert_clean()
    page.context.close()
