"""Maps of many events in headless Chromium: counts per cell when zoomed out, each event when zoomed in.

Uses Debian's Chromium through Playwright (see ``tests/browser.py``); every
request that is not a local file is blocked.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import box

import geoconflict as gc
from geoconflict.maps.aggregate import AGGREGATE_FROM, DETAIL_ZOOM
from geoconflict.model import Event, Place, Provenance, TerritorialClaim
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


#: Where the generated claims' two lone claimants meet, far from every other point.
FORD = Place("Quiet Ford", kind="populated_place", lat=57.5, lon=47.5, country_code="RU")


def _claims(n: int, *, seed: int) -> list[TerritorialClaim]:
    """``n`` claims at generated villages (a table's territory rows), four at :data:`FORD`, one with an area."""
    rng = np.random.default_rng(seed)
    villages = [Place(f"Village {k}", kind="populated_place", lat=float(rng.uniform(45, 52)),
                      lon=float(rng.uniform(23, 40))) for k in range(500)]
    start = date(2024, 1, 1)
    claims = [TerritorialClaim(("Army of Freedonia", "Sylvanian Militia")[i % 2], areas=(villages[i % 500],),
                               as_of=start + timedelta(days=i % 300), provenance=Provenance(source="Generated table"))
              for i in range(n - 5)]
    claims += [TerritorialClaim("Army of Freedonia" if i < 3 else "Sylvanian Militia", areas=(FORD,),
                                as_of=date(2024, 3, 1) + timedelta(days=30 * i), note=f"ford claim {i}",
                                provenance=Provenance(source="Ford gazette"))
               for i in range(4)]
    region = Place("Upland Region", kind="admin1", lat=49.0, lon=31.0, geometry=box(30.0, 48.0, 32.0, 50.0))
    claims.append(TerritorialClaim("Sylvanian Militia", areas=(region,), geometry=box(30.5, 48.5, 31.0, 49.0),
                                   derivation="stated_area", as_of=date(2024, 6, 1)))
    return claims


def test_claims_are_counted_per_area_and_the_slider_says_circles_count_every_date(chromium, tmp_path):
    """The claims drawn at a place join the counting; the one with an area stays in the ledger."""
    events = _many(AGGREGATE_FROM, seed=3)
    dated = [Event(e.type, e.place, description=e.description,
                   provenance=Provenance(source="Generated table", event_date=date(2024, 1, 1) + timedelta(days=i % 300)))
             for i, e in enumerate(events)]
    path = gc.save_html(gc.render([*dated, *_claims(3_000, seed=4)]), tmp_path / "claims.html")
    page, log = open_offline(chromium, path)
    page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=30_000)
    key = map_key(page)
    assert "1 claim," in page.locator(".gc-ledger summary").inner_text()  # the area claim alone
    # the counted claims are one line of the ledger: how many, who claims most, where to see each
    note = page.locator(".gc-ledger-note").inner_text()
    assert "2,999 claims at named places are counted" in note
    assert "Army of Freedonia: 1,501 · Sylvanian Militia: 1,498" in note  # 1,498 + 3 and 1,497 + 1 at the ford
    layers = page.locator(".leaflet-control-layers-overlays").inner_text()
    assert layers.count("Territorial claims") == 1 and "Territorial claims (3,000)" in layers  # one entry, both layers
    set_view(page, key, FORD.lat, FORD.lon, DETAIL_ZOOM - 3)
    assert drawn(page, key) < 600  # circles of events and claims, not 23,000 points
    click_latlng(page, key, FORD.lat, FORD.lon)
    text = popup_text(page)
    assert "4 territorial claims here" in text
    assert "Army of Freedonia: 3 · Sylvanian Militia: 1" in text and "2024-03-01 – 2024-05-30" in text
    page.keyboard.press("Escape")
    set_view(page, key, FORD.lat, FORD.lon, DETAIL_ZOOM + 1)
    assert drawn(page, key) == 4 + 1  # each claim at the ford, and the area claim (counted wherever it is)
    click_latlng(page, key, FORD.lat, FORD.lon)
    text = popup_text(page)
    assert "Claim: " in text and "Quiet Ford" in text and "3 other claims on this area" in text
    page.keyboard.press("Escape")
    # the slider cuts the dates: each claim of the chunk by its date, the circles with a note
    slider = page.locator(".gc-slider input")
    days = page.evaluate(f"() => window['{key}']._gc.days")
    slider.fill(str(days.index("2024-03-31")))
    assert drawn(page, key) == 2  # the ford's claims of 1 and 31 March (the area claim is of June)
    note = page.locator(".gc-slider-note")
    assert not note.is_visible()  # each claim drawn: nothing counted over the dates
    set_view(page, key, FORD.lat, FORD.lon, DETAIL_ZOOM - 3)
    assert note.is_visible() and "Circles count every date" in note.inner_text()
    click_latlng(page, key, FORD.lat, FORD.lon)
    assert "4 territorial claims here" in popup_text(page)  # the note says why: every date
    page.keyboard.press("Escape")
    page.screenshot(path=str(tmp_path / "cut.png"))
    slider.fill(str(len(days) - 1))
    assert not note.is_visible()
    # the one entry of the layer control hides both claim layers, the counted and the drawn one
    set_view(page, key, FORD.lat, FORD.lon, DETAIL_ZOOM + 1)
    assert drawn(page, key) == 4 + 1
    page.locator(".leaflet-control-layers-overlays label", has_text="Territorial claims").locator("input").uncheck()
    assert drawn(page, key) == 0
    log.assert_clean()
    page.context.close()


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
        # the territory rows are counted per area: a line of the ledger, not a row each
        assert page.locator(".gc-ledger-row").count() == 0
        assert "claims at named places are counted on the map" in page.locator(".gc-ledger-note").inner_text()
        log.assert_clean()
        page.context.close()
    assert min(times) < FIRST_FRAME_BUDGET_MS, f"first frame after {times} ms"
