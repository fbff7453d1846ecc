"""Territorial claims in real Chromium: every claim drawn, the right one on top, combat clickable.

All network requests are blocked; the events are written for these tests.
"""

from __future__ import annotations

from datetime import date

from shapely.geometry import Point, box

from geoconflict.maps.offline import save_html
from geoconflict.maps.render import render
from geoconflict.model import Place, Provenance, TerritorialClaim
from tests.browser import (
    ARTIFACTS,
    click_latlng,
    map_key,
    open_offline,
    popup_text,
    seed_like_events,
    set_view,
)

#: Clicks per side of the grid laid over the combat districts.
GRID = 6



def _open(chromium, events, path, **kwargs):
    page, log = open_offline(chromium, save_html(render(events, **kwargs), path), width=1200, height=800)
    page.wait_for_selector(".gc-map[data-gc-ready]", timeout=10_000)
    return page, log


def _close_popup(page) -> None:
    page.evaluate(f"() => {{ window['{map_key(page)}'].closePopup(); }}")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-popup').length === 0")


def _prov(quote: str) -> Provenance:
    return Provenance(source="wire.txt", reported_by="a regional official", quote=quote,
                      report_date=date(2025, 3, 2))


def test_claims_without_a_polygon_are_drawn_at_their_named_places(chromium, tmp_path):
    town = Place("Harmaja", kind="populated_place", lat=14.2, lon=1.5, country_code="NE")
    region = Place("Western Plateau", kind="admin1", lat=13.1, lon=3.4, country_code="NE")
    claims = [
        TerritorialClaim("Rebel coalition", areas=(town,), provenance=_prov("The rebels say they hold the town.")),
        TerritorialClaim("Army", areas=(region,), provenance=_prov("The army says the plateau is secured.")),
    ]
    page, log = _open(chromium, claims, tmp_path / "nopoly.html", title="Claims without extents")
    key = map_key(page)
    names = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert any("Territorial claims (2)" in n for n in names), names
    assert page.evaluate(f"() => geoconflict.visibleCount(window['{key}'])") == 2
    for place, claimant in ((town, "Rebel coalition"), (region, "Army")):
        set_view(page, key, place.lat, place.lon, 8)
        click_latlng(page, key, place.lat, place.lon)
        text = popup_text(page)
        assert claimant in text and "extent not stated" in text, text
        _close_popup(page)
    # the ledger says where each is drawn, and each row opens its own claim
    rows = page.locator(".gc-ledger-row")
    assert "at named places" in rows.nth(0).inner_text()
    rows.nth(1).click()
    assert "Army" in popup_text(page)
    rows.nth(0).click()
    assert "Rebel coalition" in popup_text(page)
    log.assert_clean()
    page.context.close()


def test_a_smaller_claim_is_drawn_and_clicked_above_a_larger_one(chromium, tmp_path):
    province = Place("Eastern Province", kind="admin1", lat=10.0, lon=20.0, geometry=box(19, 9, 21, 11))
    small = TerritorialClaim("Militia", areas=(province,), settlements=12, area_km2_stated=300,
                             geometry=Point(20.0, 10.0).buffer(0.1), derivation="stated_area", approximate=True,
                             provenance=_prov("The militia claims 12 villages and 300 square kilometres."))
    large = TerritorialClaim("Government", areas=(province,), geometry=province.geometry, derivation="union",
                             provenance=_prov("Officials said government troops control the province."))
    # the smaller claim comes first: drawing order must not depend on the input's
    page, log = _open(chromium, [small, large], tmp_path / "stack.html")
    key = map_key(page)
    set_view(page, key, 10.0, 20.0, 9)
    click_latlng(page, key, 10.0, 20.0)
    text = popup_text(page)
    assert "Claim: Militia" in text, text
    assert "1 other claim on this area" in text and "Government" in text
    _close_popup(page)
    click_latlng(page, key, 10.6, 20.6)  # inside the province only
    assert "Claim: Government" in popup_text(page)
    log.assert_clean()
    page.context.close()


def test_combat_areas_open_their_popup_with_claims_shown(chromium, tmp_path):
    events = seed_like_events()
    combat = next(r for r in events.combats)
    page, log = _open(chromium, events, tmp_path / "grid.html", title="Grid")
    key = map_key(page)
    assert page.locator(".leaflet-control-layers-overlays label", has_text="Territorial claims").locator(
        "input").is_checked()
    west, south, east, north = combat.geometry.bounds
    set_view(page, key, (south + north) / 2, (west + east) / 2, 9)
    inside = opened = 0
    for i in range(GRID):
        for j in range(GRID):
            lat = south + (north - south) * (i + 0.5) / GRID
            lon = west + (east - west) * (j + 0.5) / GRID
            if not combat.geometry.contains(Point(lon, lat)):
                continue
            inside += 1
            # a popup may pan the map clear of the ledger: start each click from the same view
            set_view(page, key, (south + north) / 2, (west + east) / 2, 9)
            click_latlng(page, key, lat, lon)
            if popup_text(page).startswith("Combat"):
                opened += 1
            _close_popup(page)
    assert inside >= GRID
    # a place's point or an event's dot may take a click; the claims above may not
    assert opened >= inside - 2, f"{opened} of {inside} clicks inside the combat area opened its popup"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "claims_combat_grid.png"))
    log.assert_clean()
    page.context.close()


def test_the_ledger_sorts_by_a_column(chromium, tmp_path):
    province = Place("Eastern Province", kind="admin1", lat=10.0, lon=20.0, geometry=box(19, 9, 21, 11))
    claims = [TerritorialClaim(name, areas=(province,), settlements=n, provenance=_prov(f"{name} claims {n}."))
              for name, n in (("Militia", 12), ("Government", 140), ("Rebels", 3))]
    claims.append(TerritorialClaim("Observers", areas=(province,), provenance=_prov("No figure given.")))
    page, log = _open(chromium, claims, tmp_path / "sort.html")
    names = page.locator(".gc-ledger-row td:nth-child(2)")
    assert names.all_inner_texts() == ["Militia", "Government", "Rebels", "Observers"]  # the report's order
    page.locator(".gc-ledger th", has_text="Settlements").click()
    assert names.all_inner_texts() == ["Government", "Militia", "Rebels", "Observers"]  # no figure: last
    page.locator(".gc-ledger th", has_text="Settlements").click()
    assert names.all_inner_texts() == ["Rebels", "Militia", "Government", "Observers"]
    page.locator(".gc-ledger-row", has_text="Rebels").click()
    assert "Claim: Rebels" in popup_text(page)  # a sorted row still opens its own claim
    log.assert_clean()
    page.context.close()
