"""Town labels at district zoom, in real Chromium: from the gazetteer, quiet, and never over another label."""

from __future__ import annotations

import itertools

import geoconflict as gc
from geoconflict.maps.offline import save_html
from geoconflict.maps.towns import TOWN_ZOOM
from tests.browser import ARTIFACTS, map_key, open_offline, seed_like_events, set_view

SUDZHA = (51.19, 35.27)

VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('.gc-label > span'))
    .filter(s => getComputedStyle(s).visibility !== 'hidden')
    .map(s => { const r = s.getBoundingClientRect();
                return {text: s.textContent, town: s.parentNode.classList.contains('gc-label-town'),
                        x: r.left, y: r.top, w: r.width, h: r.height}; })"""


def _meet(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def test_towns_near_sudzha_are_labelled_at_district_zoom_and_overlap_nothing(chromium, tmp_path):
    path = save_html(gc.render(seed_like_events(), title="Kursk"), tmp_path / "towns.html")
    page, log = open_offline(chromium, path, width=1000, height=700)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=20_000)
    key = map_key(page)
    assert "Towns (GeoNames)" in page.locator(".leaflet-control-layers-overlays").inner_text()

    set_view(page, key, *SUDZHA, TOWN_ZOOM - 2)
    page.wait_for_timeout(300)
    assert not [label for label in page.evaluate(VISIBLE_LABELS) if label["town"]]  # too far out for towns

    set_view(page, key, *SUDZHA, 9)
    page.wait_for_timeout(300)  # labels are placed in the frame after the view settles
    labels = page.evaluate(VISIBLE_LABELS)
    towns = [label for label in labels if label["town"]]
    assert len(towns) >= 3, labels
    # the data's own labels are all still shown: towns give way to them
    assert {"Korenevsky", "Sudzhansky", "Belovsky"} <= {label["text"] for label in labels if not label["town"]}
    for a, b in itertools.combinations(labels, 2):
        assert not _meet(a, b), f"{a['text']!r} overlaps {b['text']!r}"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "towns_sudzha_z9.png"))

    page.locator(".leaflet-control-layers-overlays label", has_text="Towns").locator("input").uncheck()
    page.wait_for_timeout(200)
    assert not [label for label in page.evaluate(VISIBLE_LABELS) if label["town"]]
    log.assert_clean()
    page.context.close()
