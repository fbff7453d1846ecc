"""Helpers for the browser tests: Debian's Chromium driven by Playwright.

The browser is ``/usr/bin/chromium`` from Debian (``tests/install_chromium.sh``
installs it); Playwright never downloads one. Tests that need it fail, never
skip, when it is missing.

Every page is opened with every request that is not a local file aborted, and
each attempt recorded, so a test can assert that a page fetched nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    f"{CHROMIUM} is missing: run `bash tests/install_chromium.sh` "
    "(installs Debian's chromium with apt-get) and run the tests again"
)
ARTIFACTS = Path(__file__).parent / "artifacts"


def launch_chromium(playwright):
    """Start headless Debian Chromium, or fail the test with how to install it."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(INSTALL_HINT, pytrace=False)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@dataclass
class PageLog:
    """What a page tried to do: blocked requests, console errors, uncaught errors."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"the page tried to reach the network: {self.blocked[:5]}"
        assert self.page_errors == [], f"uncaught errors: {self.page_errors[:5]}"
        assert self.console_errors == [], f"console errors: {self.console_errors[:5]}"
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs[:5]}"


def open_offline(browser, path: Path, *, width: int = 1280, height: int = 800, timeout_ms: int = 30_000):
    """Open a local HTML file with every non-file request aborted.

    Returns ``(page, log)``; the page has loaded (``load`` event) when returned.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    log = PageLog()

    def route(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and log.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))

    def dialog(d):
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    return page, log


FIND_MAP = """() => {
  const key = Object.keys(window).find(k => /^map_/.test(k) && window[k] instanceof L.Map);
  return key;
}"""


def map_key(page) -> str:
    """The name of the page's Leaflet map object (``window[key]``)."""
    key = page.evaluate(FIND_MAP)
    assert key, "no Leaflet map object on the page"
    return key


def drawn(page, key: str) -> int:
    """Features on the data canvas."""
    return page.evaluate(f"() => geoconflict.visibleCount(window['{key}'])")


def set_view(page, key: str, lat: float, lon: float, zoom: float) -> None:
    """Move the map without animation and let the canvas redraw."""
    page.evaluate(f"() => {{ window['{key}'].setView([{lat}, {lon}], {zoom}, {{animate: false}}); }}")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def click_latlng(page, key: str, lat: float, lon: float) -> None:
    """Click the map at a latitude and longitude."""
    # let the canvas renderer redraw after a setView (two animation frames) before clicking
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    x, y = page.evaluate(
        f"""() => {{ const m = window['{key}']; const p = m.latLngToContainerPoint([{lat}, {lon}]);
            const r = m.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }}"""
    )
    page.mouse.click(x, y)


def popup_text(page) -> str:
    """The text of the one open popup (a closing popup fades out for 200 ms)."""
    page.wait_for_function("() => document.querySelectorAll('.leaflet-popup').length === 1")
    return page.locator(".leaflet-popup-content").inner_text()


# --------------------------------------------------------------------------- seed-like events

INJECTION = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def seed_like_events(*, injected: bool = False):
    """An EventSet like the one the seed report (Kursk, 2024-08-14) gives, built by hand.

    District and region polygons are rough stand-ins, flagged approximate.
    With ``injected``, report text carries a script and an ``onerror`` image.
    """
    from datetime import date

    from shapely.geometry import Point, Polygon

    from geoconflict.model import (
        CombatArea,
        Event,
        Mention,
        Movement,
        Place,
        Provenance,
        TerritorialClaim,
    )
    from geoconflict.model.eventset import EventSet

    def box(west, south, east, north):
        return Polygon([(west, south), (east, south), (east, north), (west, north)])

    report = "seeds/000_84a8b2256f18f56d.txt"
    try:  # the embedded Natural Earth outline when the data is built
        from geoconflict.maps.basemap import outlines

        frame = outlines((33.0, 50.0, 39.5, 53.0), level="admin1")
        region, approximate = frame.loc[frame["name"] == "Kursk Oblast", "geometry"].iloc[0], False
    except Exception:  # a rough stand-in
        region = Polygon([(34.1, 51.3), (34.9, 51.75), (35.6, 52.25), (36.5, 52.4), (37.5, 52.2), (38.5, 51.8),
                          (38.3, 51.2), (37.2, 50.95), (36.0, 50.9), (35.4, 51.0), (34.6, 51.15)])
        approximate = True
    kursk = Place(
        "Kursk Oblast", kind="admin1", lat=51.75, lon=36.2, country_code="RU", geonames_id=538555,
        geometry=region, approximate=approximate, source="test",
    )
    districts = {
        name: Place(name, kind="admin2", lat=lat, lon=lon, country_code="RU", admin1="Kursk Oblast",
                    geometry=geometry, approximate=True, source="test")
        for name, lat, lon, geometry in (
            ("Korenevsky District", 51.41, 34.91, box(34.6, 51.25, 35.15, 51.62)),
            ("Sudzhansky District", 51.19, 35.27, box(35.0, 50.98, 35.55, 51.35)),
            ("Belovsky District", 51.10, 35.72, box(35.55, 50.93, 36.0, 51.28)),
        )
    }
    kal = Place("Kaliningrad Oblast", kind="admin1", lat=54.75, lon=21.0, country_code="RU")
    murmansk = Place("Murmansk", kind="populated_place", lat=68.97, lon=33.08, country_code="RU", population=270384)
    kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA", population=2797553)
    sudzha = Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RU",
                   admin1="Kursk Oblast")
    lithuania = Place("Lithuania", kind="country", lat=55.4, lon=23.9, country_code="LT")

    def prov(quote, who, event_date=None, reason=None):
        return Provenance(source=report, reported_by=who, quote=quote, report_date=date(2024, 8, 14),
                          event_date=event_date, date_precision="day" if event_date else "unknown", reason=reason)

    extra = f" {INJECTION}" if injected else ""
    text = "Lithuania has observed a reallocation of Russian troops from the Kaliningrad region to Kursk"
    mentions = [
        Mention("Lithuania", 0, 9, place=lithuania),
        Mention("Kaliningrad region", 67, 85, place=kal, score=0.9, reason="admin-1 name + 'region'"),
        Mention("Kursk", 89, 94, place=kursk, score=0.8, reason="'Kursk region' later in the text"),
        Mention("Korenevsky", 1500, 1510, place=districts["Korenevsky District"], reason="district adjective"),
        Mention("Sudzhansky", 1512, 1522, place=districts["Sudzhansky District"], reason="district adjective"),
        Mention("Belovsky", 1528, 1536, place=districts["Belovsky District"], reason="district adjective"),
        Mention("Kyiv", 700, 704, place=kyiv, score=0.99),
        Mention("Murmansk", 2100, 2108, place=murmansk, score=0.97),
    ]
    stated = Point(35.27, 51.22).buffer(0.2)  # ≈ 1,000 km² around Sudzha, illustrative
    records = [
        Movement("Russian armed forces", kal, kursk, status="unconfirmed", unit="specific military units",
                 provenance=prov(text + extra, "Lithuanian Defence Minister Laurynas Kasčiūnas (via BNS)")),
        Movement("Russian armed forces", murmansk, kursk, status="reported", unit="conscripts",
                 provenance=prov("There have also been reports of conscripts being transferred from Murmansk "
                                 "to the Kursk region", "unnamed reports")),
        TerritorialClaim(
            "Ukrainian forces", as_of=date(2024, 8, 12), settlements=28, areas=(kursk,),
            geometry=districts["Sudzhansky District"].geometry.union(districts["Korenevsky District"].geometry),
            derivation="union", approximate=True,
            provenance=prov("Acting Governor of Kursk region Alexey Smirnov acknowledged on August 12 that "
                            "Ukrainian forces control 28 settlements in the region.",
                            "Acting Governor of Kursk region Alexey Smirnov (Russian side)", date(2024, 8, 12)),
        ),
        TerritorialClaim(
            "Ukrainian forces", settlements=74, area_km2_stated=1000.0, areas=(kursk,), geometry=stated,
            derivation="stated_area", approximate=True, note="74 settlements vs 28 per the Russian governor",
            provenance=prov("The Ukrainian military claims to have seized control of 74 settlements and over "
                            "1,000 square kilometers of Russian territory." + extra, "the Ukrainian military",
                            date(2024, 8, 14)),
        ),
        CombatArea(tuple(districts.values()), actors=("Ukrainian forces", "Russian armed forces"),
                   description="combat ongoing" + extra,
                   provenance=prov("The Ukrainian operation in the Kursk region began on August 6, with combat "
                                   "ongoing in Korenevsky, Sudzhansky, and Belovsky districts.", "the report",
                                   date(2024, 8, 6))),
        Event("meeting", kyiv, actors=("Laurynas Kasčiūnas", "Volodymyr Zelensky"),
              description="Lithuanian Defence Minister met Ukrainian President Zelensky" + extra,
              provenance=prov("The Lithuanian Defense Minister had met with Ukrainian President Volodymyr "
                              "Zelensky in Kyiv the previous day.", "the report", date(2024, 8, 13))),
        Event("statement", sudzha, description="Town reported under Ukrainian control",
              provenance=prov("Ukrainian forces control 28 settlements in the region.", "Alexey Smirnov",
                              date(2024, 8, 12))),
    ]
    return EventSet([*mentions, *records])
