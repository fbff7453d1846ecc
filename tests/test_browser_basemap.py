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


# --------------------------------------------------------------------------- district zoom on the seed

#: Views on the seed map: the Sudzha border (a land border) and the Kaliningrad coast.
SEED_VIEWS = [("sudzha", 51.19, 35.27), ("kaliningrad", 54.95, 20.1)]
#: Sample points are kept this many pixels inside the land at zoom 11–12.
COAST_MARGIN_PX = 8
#: The drawn coast or border is within this many pixels of the full-resolution outline.
FIDELITY_PX = 3
#: Points are taken along the full-resolution outline about this many pixels apart.
STEP_PX = 12
#: A country line's pixel on the basemap canvas: opaque and grey (the land is #f6f4ee).
LINE = """([pts, radius]) => {
  const canvases = Array.from(document.querySelectorAll('.leaflet-gcBasemap-pane canvas')).map(c => {
    const r = c.getBoundingClientRect();
    return {r, g: c.getContext('2d'), sx: c.width / r.width, sy: c.height / r.height};
  });
  return pts.map(([x, y]) => canvases.some(({r, g, sx, sy}) => {
    const cx = Math.round((x - r.left) * sx), cy = Math.round((y - r.top) * sy), k = Math.ceil(radius * sx);
    const d = g.getImageData(cx - k, cy - k, 2 * k + 1, 2 * k + 1).data;
    for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) < 190) return true; }
    return false;
  }));
}"""


def _degrees_per_px(zoom: int, lat: float) -> float:
    return 360 / (256 * 2**zoom) * np.cos(np.radians(lat))


def _view(page, key):
    return page.evaluate(
        f"() => {{ const b = window['{key}'].getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }}")


def _countries_in_view(page, key, lat, lon, zoom):
    """Show (lat, lon) at *zoom*; the view's (south, west, north, east) and the country outlines 1° around it."""
    set_view(page, key, lat, lon, zoom)
    page.wait_for_timeout(150)
    south, west, north, east = _view(page, key)
    return (south, west, north, east), outlines((west - 1, south - 1, east + 1, north + 1), level="country")


def _to_screen(page, key, latlons):
    return page.evaluate(
        f"""(pts) => {{ const m = window['{key}'], r = m.getContainer().getBoundingClientRect();
            return pts.map(([a, o]) => {{ const p = m.latLngToContainerPoint([a, o]); return [p.x + r.left, p.y + r.top]; }}); }}""",
        latlons)


@pytest.fixture(scope="module")
def seed_page(chromium, tmp_path_factory):
    from tests.browser import seed_like_events

    path = save_html(render(seed_like_events()), tmp_path_factory.mktemp("seed") / "seed.html")
    page, log = open_offline(chromium, path, width=1000, height=700)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=20_000)
    for name in ("Places", "Movements", "Territorial claims", "Combat areas", "Other events"):
        page.locator(".leaflet-control-layers-overlays label", has_text=name).locator("input").uncheck()
    yield page, map_key(page), log
    log.assert_clean()
    page.context.close()


@pytest.mark.parametrize("zoom", [11, 12])
@pytest.mark.parametrize(("view", "lat", "lon"), SEED_VIEWS)
def test_no_sea_inside_the_land_on_the_seed_at_zoom_11_and_12(seed_page, view, lat, lon, zoom):
    page, key, _ = seed_page
    (south, west, north, east), frame = _countries_in_view(page, key, lat, lon, zoom)
    land = shapely.union_all(np.asarray(frame.geometry.values, dtype=object))
    land = land.buffer(-COAST_MARGIN_PX * _degrees_per_px(zoom, 0))  # px of longitude: the larger in degrees
    lats = np.linspace(south, north, GRID[1] + 2)[1:-1]
    lons = np.linspace(west, east, GRID[0] + 2)[1:-1]
    inside = [(a, o) for a in lats for o in lons if land.contains(shapely.Point(o, a))]
    assert len(inside) >= 50
    alpha = page.evaluate(SAMPLE, [".leaflet-gcBasemap-pane canvas", _to_screen(page, key, inside)])
    sea = [pt for pt, a in zip(inside, alpha, strict=True) if a == 0]
    assert not sea, f"{view} zoom {zoom}: sea drawn at {sea[:5]}"


@pytest.mark.parametrize("zoom", [9, 11])
@pytest.mark.parametrize(("view", "lat", "lon"), SEED_VIEWS)
def test_the_drawn_outline_follows_the_full_resolution_one(seed_page, view, lat, lon, zoom):
    """Every point of the full-resolution coast and border in view has a drawn line within a few pixels.

    The full-resolution outline is also drawn, thin and red, over the basemap for the
    screenshot (``tests/artifacts/fidelity_<view>_z<zoom>.png``) a reader can compare.
    """
    page, key, _ = seed_page
    (south, west, north, east), frame = _countries_in_view(page, key, lat, lon, zoom)
    lines = shapely.boundary(np.asarray(frame.geometry.values, dtype=object))
    inner = shapely.box(west, south, east, north).buffer(-20 * _degrees_per_px(zoom, 0))
    full = shapely.intersection(shapely.union_all(lines), inner)
    step = STEP_PX * _degrees_per_px(zoom, lat)
    parts = [p for p in shapely.get_parts(shapely.line_merge(full)) if p.length > 0]
    samples = [part.interpolate(d) for part in parts for d in np.arange(0, part.length, step)]
    assert len(samples) >= 20, f"{view} zoom {zoom}: too little coast or border in view"
    screen = _to_screen(page, key, [(p.y, p.x) for p in samples])
    near = page.evaluate(LINE, [screen, FIDELITY_PX])
    far = [(round(p.y, 4), round(p.x, 4)) for p, ok in zip(samples, near, strict=True) if not ok]
    assert not far, f"{view} zoom {zoom}: no drawn line within {FIDELITY_PX} px of {len(far)} points, e.g. {far[:4]}"
    coords = [[[y, x] for x, y in shapely.get_coordinates(p)] for p in parts]
    page.evaluate(f"""(coords) => {{ const m = window['{key}'];
        window.__full = L.polyline(coords, {{color: '#d00', weight: 1, opacity: 0.9, interactive: false}}).addTo(m); }}""",
                  coords)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"fidelity_{view}_z{zoom}.png"))
    page.evaluate("() => window.__full.remove()")
