"""The map as a notebook shows it, and in a notebook-sized cell, in real Chromium with the network blocked."""

from __future__ import annotations

import itertools

from geoconflict.maps.offline import save_html
from geoconflict.maps.render import render
from tests.browser import ARTIFACTS, map_key, open_offline, seed_like_events

#: A notebook's output cell.
CELL = (900, 540)
#: The overlays of a map: controls a reader sees over the data.
OVERLAYS = (".gc-title", ".gc-ledger", ".leaflet-control-layers", ".gc-legend", ".gc-slider",
            ".leaflet-control-scale", ".leaflet-control-zoom")
#: At most this fraction of a notebook-sized map may lie under overlays.
MAX_COVERED = 0.3

TITLE = "Redeployment to the Kursk region, as reported on 14 August"



def test_notebook_output_draws_offline(chromium, tmp_path):
    cell = render(seed_like_events(), title=TITLE)._repr_html_()
    assert "cdn.jsdelivr.net" not in cell and "<iframe" in cell
    path = tmp_path / "notebook.html"
    path.write_text(f"<!DOCTYPE html><html><body><div style='width:{CELL[0]}px'>{cell}</div></body></html>",
                    encoding="utf-8")
    page, log = open_offline(chromium, path, width=CELL[0] + 40, height=CELL[1] + 60)
    frame = page.frame_locator("iframe")
    frame.locator(".gc-map[data-gc-drawn]").wait_for(timeout=15_000)
    assert "Territorial claims (2)" in frame.locator(".leaflet-control-layers-overlays").inner_text()
    log.assert_clean()
    page.context.close()


def _boxes(page) -> dict[str, dict[str, float]]:
    out = {}
    for selector in OVERLAYS:
        loc = page.locator(selector)
        if loc.count():
            out[selector] = loc.first.bounding_box()
    return out


def _meet(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_overlays_fold_away_in_a_notebook_sized_cell(chromium, tmp_path):
    path = save_html(render(seed_like_events(), title=TITLE), tmp_path / "cell.html")
    page, log = open_offline(chromium, path, width=CELL[0], height=CELL[1])
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    boxes = _boxes(page)
    assert {".gc-title", ".gc-ledger", ".gc-legend"} <= set(boxes)
    for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2):
        assert not _meet(ba, bb), f"{a} overlaps {b}"
    covered = sum(b["width"] * b["height"] for b in boxes.values())
    assert covered < MAX_COVERED * CELL[0] * CELL[1], f"{covered / (CELL[0] * CELL[1]):.0%} of the map covered"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "notebook_cell.png"))
    # unfolded on demand; a popup opened under the ledger is moved clear of it
    page.locator(".gc-ledger summary").click()
    assert page.locator(".gc-ledger table").is_visible()
    key = map_key(page)
    ledger = page.locator(".gc-ledger").bounding_box()
    # a popup whose tip is just below the ledger would open under it
    page.evaluate(f"""() => {{ const m = window['{key}'];
        const r = m.getContainer().getBoundingClientRect();
        const at = m.containerPointToLatLng([{ledger['x'] + ledger['width'] / 2} - r.left,
                                             {ledger['y'] + ledger['height']} + 20 - r.top]);
        L.popup({{autoPan: false}}).setLatLng(at).setContent('A popup with several lines of text<br>'.repeat(6))
          .openOn(m); }}""")
    # moved clear of the ledger, or the ledger folded away
    page.wait_for_function("""() => { const p = document.querySelector('.leaflet-popup').getBoundingClientRect();
        const d = document.querySelector('.gc-ledger'); const o = d.getBoundingClientRect();
        return !d.open || p.bottom <= o.top || o.bottom <= p.top || p.right <= o.left || o.right <= p.left; }""",
                            timeout=2_000)
    log.assert_clean()
    page.context.close()
