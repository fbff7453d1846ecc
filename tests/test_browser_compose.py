"""render(m=…) onto a user's own folium map, in real Chromium with the network blocked."""

from __future__ import annotations

import warnings

import folium
import pytest

from geoconflict.maps.offline import OnlineTilesWarning, render_html, save_html
from geoconflict.maps.render import render
from geoconflict.model import Event, Place
from tests.browser import drawn, map_key, open_offline, seed_like_events

#: The user's own view, which render(m=…) keeps.
VIEW = (50.9, 34.2, 7)



def _users_map() -> folium.Map:
    m = folium.Map(location=VIEW[:2], zoom_start=VIEW[2], tiles=None)
    folium.Marker([51.5, 36.0], tooltip="my own marker").add_to(m)
    folium.LayerControl().add_to(m)  # added first, as users often do
    return m


def test_render_twice_onto_a_map_with_a_layer_control(chromium, tmp_path):
    events = seed_like_events()
    m = _users_map()
    render([*events.mentions, *events.movements, *events.claims, *events.combats], m=m, title="First call")
    render(list(events.events), m=m)
    page, log = open_offline(chromium, save_html(m, tmp_path / "twice.html"))
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    key = map_key(page)
    overlays = page.locator(".leaflet-control-layers-overlays").inner_text()
    for name in ("Boundaries", "Places (7)", "Movements (2)", "Territorial claims (2)", "Combat areas (1)",
                 "Other events (2)"):
        assert name in overlays, overlays
    assert overlays.count("Boundaries") == 1  # one basemap for both calls
    assert drawn(page, key) == 7 + 2 + 2 + 1 + 2
    assert page.locator(".leaflet-marker-pane img").count() == 1  # the user's marker
    assert page.locator(".leaflet-control-scale").count() == 1
    assert page.locator(".gc-legend").count() == 1 and page.locator(".gc-ledger").count() == 1
    center = page.evaluate(f"() => {{ const c = window['{key}'].getCenter(); return [c.lat, c.lng]; }}")
    assert page.evaluate(f"() => window['{key}'].getZoom()") == VIEW[2]
    assert center == pytest.approx(list(VIEW[:2]), abs=1e-6)
    log.assert_clean()
    page.context.close()


def test_fit_bounds_on_request(chromium, tmp_path):
    m = _users_map()
    render([Event("meeting", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))], m=m, fit_bounds=True)
    page, log = open_offline(chromium, save_html(m, tmp_path / "fit.html"))
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    key = map_key(page)
    center = page.evaluate(f"() => {{ const c = window['{key}'].getCenter(); return [c.lat, c.lng]; }}")
    assert center == pytest.approx([50.45, 30.52], abs=0.01)
    log.assert_clean()
    page.context.close()


def test_the_users_tiles_are_not_hidden_by_the_land_fill():
    m = folium.Map(location=VIEW[:2], zoom_start=VIEW[2], tiles="OpenStreetMap")
    render([Event("meeting", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))], m=m)
    html = render_html(m, offline=False)
    assert '"fill":false' in html and '"fill":true' not in html


def test_offline_file_with_online_tiles_warns(tmp_path):
    m = render([Event("meeting", Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52))],
               tiles="OpenStreetMap")
    with pytest.warns(OnlineTilesWarning, match="tile.openstreetmap.org"):
        save_html(m, tmp_path / "tiles.html")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        save_html(render([]), tmp_path / "none.html")


def test_two_calls_share_one_legend_covering_both(chromium, tmp_path):
    m = _users_map()
    render([Event("clash", Place("Harbel", kind="populated_place", lat=51.1, lon=35.1))], m=m)
    render([Event("meeting", Place("Kfar Tamim", kind="populated_place", lat=51.3, lon=35.4)),
            Event("clash", Place("Deir Sabra", kind="populated_place", lat=51.2, lon=35.6))], m=m)
    page, log = open_offline(chromium, save_html(m, tmp_path / "legend.html"))
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    assert page.locator(".gc-legend").count() == 1
    titles = page.locator(".gc-legend-title").all_inner_texts()
    assert len(titles) == len(set(titles)), titles  # one section per kind, not one per call
    rows = page.locator(".gc-legend-section", has_text="Other events").locator(".gc-legend-row").all_inner_texts()
    # "clash" keeps the colour the first call gave it, so it is one row, and "meeting" has another colour
    assert "clash" in rows and "meeting" in rows and rows.count("clash") == 1, rows
    log.assert_clean()
    page.context.close()
