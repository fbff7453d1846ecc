"""Place labels in real Chromium: the report's spelling, and no two labels overlapping."""

from __future__ import annotations

import itertools

import pytest

from geoconflict.maps.offline import save_html
from geoconflict.maps.render import render
from geoconflict.model import Mention, Place
from tests.browser import ARTIFACTS, map_key, open_offline, set_view

#: Towns a few kilometres apart, as a report of fighting along a border lists them (invented names).
TOWNS = [("Harbel Nord", 33.10, 35.20), ("Kfar Tamim", 33.12, 35.24), ("Ain el Marj", 33.08, 35.26),
         ("Deir Sabra", 33.14, 35.18), ("Tell Hamra", 33.06, 35.22), ("Wadi Zaher", 33.11, 35.30),
         ("Qasr Bani", 33.16, 35.25), ("Bir Naamé", 33.09, 35.15)]



def _mentions():
    out, pos = [], 0
    for name, lat, lon in TOWNS:
        # the gazetteer's spelling differs from the report's
        place = Place(f"{name} (gazetteer)", kind="populated_place", lat=lat, lon=lon, country_code="LB")
        out.append(Mention(name, pos, pos + len(name), place=place))
        pos += len(name) + 2
    return out


def _visible_labels(page):
    return page.evaluate("""() => Array.from(document.querySelectorAll('.gc-label > span'))
        .filter(s => getComputedStyle(s).visibility !== 'hidden')
        .map(s => { const r = s.getBoundingClientRect();
                    return {text: s.textContent, x: r.left, y: r.top, w: r.width, h: r.height}; })""")


def _meet(a, b) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


@pytest.mark.parametrize(("zoom", "least"), [(9, 3), (11, 4), (13, len(TOWNS))])
def test_labels_use_the_reports_spelling_and_never_overlap(chromium, tmp_path, zoom, least):
    path = save_html(render(_mentions(), title="Border villages"), tmp_path / "labels.html")
    page, log = open_offline(chromium, path, width=1000, height=700)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    key = map_key(page)
    set_view(page, key, 33.11, 35.23, zoom)
    page.wait_for_timeout(300)  # labels are placed in the frame after the view settles
    labels = _visible_labels(page)
    texts = {label["text"] for label in labels}
    assert not any("(gazetteer)" in t for t in texts)
    for a, b in itertools.combinations(labels, 2):
        assert not _meet(a, b), f"{a['text']!r} overlaps {b['text']!r} at zoom {zoom}"
    towns = texts & {name for name, _, _ in TOWNS}
    assert len(towns) >= least, sorted(towns)  # zoomed in, every town has room
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"labels_zoom{zoom}.png"))
    log.assert_clean()
    page.context.close()
