"""The seed-like map in real Chromium, every network request blocked."""

from __future__ import annotations

import pytest

from geoconflict.maps.offline import external_urls, save_html
from geoconflict.maps.render import render
from tests.browser import (
    ARTIFACTS,
    INJECTION,
    click_latlng,
    drawn,
    map_key,
    open_offline,
    popup_text,
    seed_like_events,
)

TITLE = "Russian redeployment to Kursk region — report of 14 Aug 2024"


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("map") / "kursk.html"
    return save_html(render(seed_like_events(), title=TITLE), path)


@pytest.fixture()
def seed_page(chromium, seed_file):
    page, log = open_offline(chromium, seed_file, width=1400, height=900)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    yield page, log
    page.context.close()


def test_offline_file_requests_nothing(seed_file):
    assert external_urls(seed_file.read_text(encoding="utf-8")) == []


def test_map_shows_with_every_layer_listed(seed_page):
    page, log = seed_page
    assert page.locator(".leaflet-container canvas").count() >= 1
    names = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    names = [n.strip() for n in names]
    for expected in ("Places (7)", "Movements (2)", "Territorial claims (2)", "Combat areas (1)", "Other events (2)"):
        assert expected in names, names
    assert page.locator(".gc-title-main").inner_text() == TITLE
    assert page.locator(".leaflet-control-scale").count() == 1
    legend = page.locator(".gc-legend").inner_text()
    assert "Russian armed forces" in legend and "status: unconfirmed" in legend and "meeting" in legend
    log.assert_clean()


def test_layers_toggle(seed_page):
    page, log = seed_page
    key = map_key(page)
    before = drawn(page, key)
    box = page.locator(".leaflet-control-layers-overlays label", has_text="Movements").locator("input")
    box.uncheck()
    assert drawn(page, key) == before - 2
    box.check()
    assert drawn(page, key) == before
    combat = page.locator(".leaflet-control-layers-overlays label", has_text="Combat areas").locator("input")
    combat.uncheck()
    assert drawn(page, key) == before - 1
    log.assert_clean()


def test_popups_carry_quotes_and_provenance(seed_page):
    page, log = seed_page
    key = map_key(page)
    page.evaluate(f"() => {{ window['{key}'].setView([50.45, 30.52], 9, {{animate: false}}); }}")
    click_latlng(page, key, 50.45, 30.52)  # the meeting in Kyiv
    text = popup_text(page)
    assert "met with Ukrainian President Volodymyr Zelensky in Kyiv" in text
    for label in ("Source", "Claimed / reported by", "Report date", "Event date", "Precision"):
        assert label in text
    assert "2024-08-13" in text and "2024-08-14" in text
    # the claim ledger opens each claim's popup; the two claims stay separate
    rows = page.locator(".gc-ledger-row")
    assert rows.count() == 2
    rows.nth(0).click()
    text = popup_text(page)
    assert "Alexey Smirnov" in text and "28" in text and "Competing claims" in text and "74 settlements" in text
    rows.nth(1).click()
    text = popup_text(page)
    assert "1,000 km²" in text and "Area of the drawn geometry" in text and "stated area" in text
    log.assert_clean()


def test_tooltip_says_what_and_where(seed_page):
    page, log = seed_page
    key = map_key(page)
    page.evaluate(f"() => {{ window['{key}'].setView([50.45, 30.52], 9, {{animate: false}}); }}")
    x, y = page.evaluate(
        f"""() => {{ const m = window['{key}']; const p = m.latLngToContainerPoint([50.45, 30.52]);
            const r = m.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }}"""
    )
    page.mouse.move(x - 30, y - 30)
    page.wait_for_timeout(100)  # Leaflet throttles canvas hover to one check per 32 ms
    page.mouse.move(x, y)
    tip = page.locator(".leaflet-tooltip")
    tip.wait_for()
    assert tip.inner_text() == "Meeting — Kyiv, UA"
    log.assert_clean()


def test_time_slider_filters_by_event_date(seed_page):
    page, log = seed_page
    key = map_key(page)
    before = drawn(page, key)
    slider = page.locator(".gc-slider input")
    slider.fill("0")  # 2024-08-06: only the combat and undated features
    assert page.locator(".gc-slider-date").inner_text() == "2024-08-06"
    after = drawn(page, key)
    assert after < before
    slider.fill(page.locator(".gc-slider input").get_attribute("max"))
    assert drawn(page, key) == before
    log.assert_clean()


def test_screenshot_for_the_briefing(seed_page):
    page, log = seed_page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed_map.png"))
    key = map_key(page)
    page.evaluate(f"() => {{ window['{key}'].setView([51.3, 35.4], 8, {{animate: false}}); }}")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "seed_map_kursk.png"))
    assert (ARTIFACTS / "seed_map.png").stat().st_size > 20_000
    log.assert_clean()


def test_injected_markup_shows_as_text_and_runs_nothing(chromium, tmp_path):
    path = save_html(render(seed_like_events(injected=True), title=INJECTION), tmp_path / "x.html")
    page, log = open_offline(chromium, path)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    key = map_key(page)
    assert page.locator(".gc-title-main").inner_text() == INJECTION
    page.evaluate(f"() => {{ window['{key}'].setView([50.45, 30.52], 9, {{animate: false}}); }}")
    click_latlng(page, key, 50.45, 30.52)
    assert INJECTION in popup_text(page)
    page.locator(".gc-ledger-row").nth(1).click()
    assert INJECTION in popup_text(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.title() == INJECTION
    log.assert_clean()
    page.context.close()


@pytest.mark.slow
def test_100k_events_page_is_interactive_within_3_s(chromium, tmp_path):
    """Navigation start → data drawn on screen and layers listed, by the page's own clock."""
    import numpy as np

    from geoconflict.model import Event, Place, Provenance

    rng = np.random.default_rng(6)
    lat, lon = rng.uniform(44.5, 56.0, 100_000), rng.uniform(22.0, 45.0, 100_000)
    types = ("shelling", "air strike", "battle", "protest")
    events = [
        Event(types[i % 4], Place(f"P{i}", kind="populated_place", lat=float(lat[i]), lon=float(lon[i])),
              provenance=Provenance(source="table.csv", quote=f"row {i}", report_date="2024-08-14"))
        for i in range(100_000)
    ]
    path = save_html(render(events, title="100,000 events"), tmp_path / "big.html")
    times = []
    for _ in range(2):
        page, log = open_offline(chromium, path, timeout_ms=60_000)
        page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=60_000)
        assert "Other events (100,000)" in page.locator(".leaflet-control-layers-overlays").inner_text()
        times.append(int(page.locator(".gc-map").get_attribute("data-gc-drawn")))
        log.assert_clean()
        page.context.close()
    assert min(times) < 3000, f"page drawn after {times} ms"


def test_real_seed_report_map_offline(chromium, tmp_path):
    """The seed report, extracted by geoconflict itself, as a briefing map."""
    # (not gc.extract: once the geoconflict.extract module is imported, that name is the module)
    from geoconflict.extraction import extract
    from geoconflict.text.report import read_report

    report = read_report("seeds/000_84a8b2256f18f56d.txt")
    events = extract(report)
    path = save_html(render(events, title=f"{report.title} — {report.published}"), tmp_path / "seed.html")
    page, log = open_offline(chromium, path, width=1400, height=900)
    page.wait_for_selector(".gc-map[data-gc-drawn]", timeout=10_000)
    overlays = page.locator(".leaflet-control-layers-overlays").inner_text()
    for layer in ("Movements", "Territorial claims", "Combat areas"):
        assert layer in overlays
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed_report_map.png"))
    key = map_key(page)
    page.evaluate(f"() => {{ window['{key}'].setView([51.35, 35.6], 8, {{animate: false}}); }}")
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / "seed_report_map_kursk.png"))
    page.locator(".gc-ledger-row").first.click()
    assert "28 settlements" in popup_text(page)
    page.screenshot(path=str(ARTIFACTS / "seed_report_map_popup.png"))
    log.assert_clean()
    page.context.close()
