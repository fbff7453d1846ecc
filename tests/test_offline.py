"""save_html: one self-contained, deterministic HTML file (real npm tarballs, real Chromium)."""

from __future__ import annotations

import re

import folium
import pytest
from playwright.sync_api import sync_playwright

from geoconflict.maps.offline import (
    AssetError,
    NpmFile,
    external_urls,
    fetch_assets,
    folium_asset_urls,
    npm_file_for_url,
    render_html,
    save_html,
    stable_ids,
)
from tests.browser import launch_chromium, open_offline


@pytest.fixture(scope="session")
def asset_cache():
    """Fill the npm tarball cache once (the only network the tests use: the npm registry)."""
    return fetch_assets()


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


def _marker_map() -> folium.Map:
    m = folium.Map(location=[51.5, 35.8], zoom_start=8, tiles=None)
    folium.Marker([51.73, 36.19], popup="Kursk", icon=folium.Icon(icon="info-sign")).add_to(m)
    folium.Marker([51.19, 35.27], tooltip="Sudzha", icon=folium.Icon(icon="flag", prefix="fa")).add_to(m)
    folium.Marker([51.40, 35.00]).add_to(m)  # Leaflet's default icon image
    return m


def test_every_folium_url_has_an_npm_file():
    for url in folium_asset_urls():
        if "leaflet.awesome.rotate" in url:
            continue
        file = npm_file_for_url(url)
        assert re.fullmatch(r"\d+\.\d+\.\d+", file.version), url


def test_npm_urls_map_to_package_files():
    f = npm_file_for_url("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css")
    assert f == NpmFile("@fortawesome/fontawesome-free", "6.2.0", "css/all.min.css")
    assert f.tarball == "fortawesome-fontawesome-free-6.2.0.tgz"
    assert f.sibling("../webfonts/fa-solid-900.woff2").path == "webfonts/fa-solid-900.woff2"
    assert npm_file_for_url("https://unpkg.com/leaflet@1.9.4/dist/leaflet.css").spec == "leaflet@1.9.4"


def test_unknown_or_moving_urls_say_how_to_fix():
    with pytest.raises(AssetError, match="assets="):
        npm_file_for_url("https://unpkg.com/leaflet.vectorgrid@latest/dist/Leaflet.VectorGrid.bundled.js")
    with pytest.raises(AssetError, match="assets="):
        npm_file_for_url("https://example.org/x.js")


def test_missing_tarball_without_fetch_explains_prefilling(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOCONFLICT_ASSET_DIR", str(tmp_path))
    with pytest.raises(AssetError) as err:
        render_html(folium.Map(tiles=None), fetch=False)
    message = str(err.value)
    assert "npm pack" in message and "GEOCONFLICT_ASSET_DIR" in message and str(tmp_path) in message


def test_prefilled_directory_is_used(tmp_path, monkeypatch, asset_cache):
    for tgz in asset_cache.glob("*.tgz"):
        (tmp_path / tgz.name).write_bytes(tgz.read_bytes())
    monkeypatch.setenv("GEOCONFLICT_ASSET_DIR", str(tmp_path))
    html = render_html(_marker_map(), fetch=False)
    assert external_urls(html) == []


def test_inlined_files_read_the_same_cached_or_not(tmp_path, monkeypatch, asset_cache):
    # the first page inlines each file afresh and caches it; the second reads the cache
    for tgz in asset_cache.glob("*.tgz"):
        (tmp_path / tgz.name).write_bytes(tgz.read_bytes())
    monkeypatch.setenv("GEOCONFLICT_ASSET_DIR", str(tmp_path))
    first = render_html(_marker_map(), fetch=False)
    assert list((tmp_path / ".inlined").glob("*.txt"))
    assert render_html(_marker_map(), fetch=False) == first
    assert "\r" not in first  # leaflet.css has CRLF line ends in its tarball


def test_offline_file_has_no_external_url(tmp_path, asset_cache):
    path = save_html(_marker_map(), tmp_path / "m.html")
    html = path.read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert "<script src=" not in html and "<link rel=\"stylesheet\"" not in html
    # fonts and images are inlined
    assert "data:font/woff2;base64," in html and "data:font/woff;base64," in html
    assert "data:image/png;base64," in html


def test_online_file_keeps_cdn_links(tmp_path):
    html = save_html(_marker_map(), tmp_path / "m.html", offline=False).read_text()
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in external_urls(html)


def test_same_map_gives_byte_identical_html(tmp_path, asset_cache):
    a = save_html(_marker_map(), tmp_path / "a.html").read_bytes()
    b = save_html(_marker_map(), tmp_path / "b.html").read_bytes()
    m = _marker_map()
    c = save_html(m, tmp_path / "c.html").read_bytes()
    d = save_html(m, tmp_path / "d.html").read_bytes()  # saving twice does not change the map
    assert a == b == c == d
    assert not re.search(r"_[0-9a-f]{32}\b", a.decode())


def test_stable_ids_number_in_order():
    h1, h2 = "a" * 32, "b" * 32
    assert stable_ids(f"map_{h1} marker_{h2} map_{h1}") == "map_1 marker_2 map_1"


def test_external_urls_lists_what_a_page_would_fetch():
    html = (
        '<script src="https://x.org/a.js"></script><link rel="stylesheet" href="//x.org/b.css">'
        '<style>.a{background:url("https://x.org/c.png")}</style>'
        "L.tileLayer('https://tile.x.org/{z}/{x}/{y}.png', {})"
        '<a href="https://x.org/page">source</a>'
    )
    assert external_urls(html) == [
        "//x.org/b.css",
        "https://tile.x.org/{z}/{x}/{y}.png",
        "https://x.org/a.js",
        "https://x.org/c.png",
    ]


def test_offline_folium_map_works_in_chromium_with_network_blocked(tmp_path, chromium, asset_cache):
    path = save_html(_marker_map(), tmp_path / "m.html")
    page, log = open_offline(chromium, path)
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".awesome-marker.leaflet-interactive").count() == 2
    fonts = page.evaluate(
        """async () => { await document.fonts.ready;
           return [document.fonts.check('14px "Glyphicons Halflings"'),
                   document.fonts.check('900 14px "Font Awesome 6 Free"')]; }"""
    )
    assert fonts == [True, True]
    # the icon glyphs really are drawn with the inlined fonts
    assert page.evaluate(
        """() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')"""
    ).count("Glyphicons") >= 1
    default_icon = page.locator("img.leaflet-marker-icon").first.get_attribute("src")
    assert default_icon.startswith("data:image/png;base64,")
    page.locator(".awesome-marker.leaflet-interactive").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    log.assert_clean()
