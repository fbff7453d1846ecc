"""Maps of many events in headless Chromium: counts per cell when zoomed out, each event when zoomed in.

Uses Debian's Chromium through Playwright (see ``tests/browser.py``); every
request that is not a local file is blocked.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import geoconflict as gc
from geoconflict.maps.aggregate import AGGREGATE_FROM, DETAIL_ZOOM
from geoconflict.model import Event, Place, Provenance
from tests.browser import click_latlng, drawn, map_key, open_offline, popup_text, set_view
from tests.test_columnar import generate

#: The page's own clock, navigation start → first frame with the data, for a page of 200,000 events (ms).
FIRST_FRAME_BUDGET_MS = 5_000

#: A place of its own, far from the generated events, where a few events can be clicked.
LONE = Place("Lonely Halt", kind="populated_place", lat=56.5, lon=44.5, country_code="RU")


def _many(n: int, *, seed: int) -> list[Event]:
    """``n`` events at 2,000 sites over a box around Ukraine, and three at :data:`LONE`."""
    rng = np.random.default_rng(seed)
    sites = [Place(f"Site {k}", kind="populated_place", lat=float(rng.uniform(45, 52)), lon=float(rng.uniform(23, 40)))
             for k in range(2_000)]
    types = ("shelling", "air strike", "armed clash")
    events = [Event(types[i % 3], sites[int(rng.integers(2_000))], description=f"Generated note {i}",
                    provenance=Provenance(source="Generated table")) for i in range(n - 3)]
    events += [Event("protest", LONE, fatalities=1, description=f"<b>Rally</b> {i} at the halt",
                     provenance=Provenance(source="Town paper")) for i in range(3)]
    return events


def test_cells_when_zoomed_out_and_each_event_when_zoomed_in(chromium, tmp_path):
    path = gc.save_html(gc.render(_many(AGGREGATE_FROM + 5_000, seed=1)), tmp_path / "many.html")
    page, log = open_offline(chromium, path)
    page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=30_000)
    key = map_key(page)
    assert page.evaluate(f"() => window['{key}'].getZoom()") < DETAIL_ZOOM
    assert 0 < drawn(page, key) < 5_000  # circles, not 25,000 points
    set_view(page, key, LONE.lat, LONE.lon, DETAIL_ZOOM - 3)
    click_latlng(page, key, LONE.lat, LONE.lon)  # the cell of the three protests
    text = popup_text(page)
    assert "3 events here" in text and "protest: 3" in text and "Fatalities\t3" in text.replace(": ", "\t")
    set_view(page, key, LONE.lat, LONE.lon, DETAIL_ZOOM + 1)
    assert drawn(page, key) == 3  # the chunk in view: its three events, nothing of the others
    page.keyboard.press("Escape")
    click_latlng(page, key, LONE.lat, LONE.lon)
    text = popup_text(page)
    assert "<b>Rally</b>" in text and "at the halt" in text and "Town paper" in text  # markup shown as text
    set_view(page, key, 48.5, 31.5, DETAIL_ZOOM)
    assert drawn(page, key) > 100  # the chunks around the new view, parsed when first shown
    log.assert_clean()
    page.context.close()


@pytest.mark.slow
def test_a_200k_row_table_page_shows_its_first_frame_within_budget(chromium, tmp_path):
    """An ACLED-layout table of 200,000 rows, read as columns, mapped, opened: the page's own clock."""
    table = tmp_path / "acled.csv"
    generate(table, 200_000, seed=2)
    events = gc.read_table(table).events
    path: Path = gc.save_html(gc.render(events), tmp_path / "big.html")
    assert events.is_deferred
    times = []
    for _ in range(2):
        page, log = open_offline(chromium, path, timeout_ms=120_000)
        page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=120_000)
        times.append(int(page.locator(".gc-map").get_attribute("data-gc-drawn")))
        log.assert_clean()
        page.context.close()
    assert min(times) < FIRST_FRAME_BUDGET_MS, f"first frame after {times} ms"
