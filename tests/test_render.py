"""render(): layers, options, escaping and determinism, on the HTML (no browser)."""

from __future__ import annotations

import json
import re
import warnings
from datetime import date
from html import escape as html_escape

import folium
import pytest

from geoconflict.errors import InvalidInputError
from geoconflict.maps.layers import build_layers
from geoconflict.maps.offline import render_html, save_html
from geoconflict.maps.render import render
from geoconflict.model import Event, Movement, Place, Provenance
from geoconflict.model.eventset import EventSet
from tests.browser import seed_like_events

KYIV = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
KURSK = Place("Kursk", kind="populated_place", lat=51.73, lon=36.19, country_code="RU")


def _data(html: str) -> list[dict]:
    blobs = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, flags=re.S)
    return [json.loads(b) for b in blobs]


@pytest.fixture(scope="module")
def seed_html() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return render_html(render(seed_like_events(), title="Kursk"), offline=False)


def test_one_layer_per_kind_in_drawing_data(seed_html):
    layers = {d["key"]: d for d in _data(seed_html) if "key" in d}
    assert set(layers) == {"places", "movements", "claims", "combats", "events"}
    assert layers["movements"]["n"] == 2 and layers["claims"]["n"] == 2 and layers["events"]["n"] == 2
    assert layers["places"]["n"] == 7  # Lithuania, a country, is the basemap's outline, not a point
    for name in ("Places (7)", "Movements (2)", "Territorial claims (2)", "Combat areas (1)", "Other events (2)"):
        assert f'"{name}"' in seed_html


def test_popup_fields_carry_provenance(seed_html):
    claims = next(d for d in _data(seed_html) if d.get("key") == "claims")
    f, nf = claims["fields"], len(claims["fields"])
    row = [claims["strings"][k] if k >= 0 else None for k in claims["values"][:nf]]
    got = dict(zip(f, row, strict=True))
    assert got["Settlements (stated)"] == "28"
    assert got["Claimed / reported by"].startswith("Acting Governor")
    assert "28 settlements" in got["Quote"]
    # a summary (how many others, the one claiming most) rather than every rival copied (issue 18)
    assert got["Competing claims"].startswith("1 other claim on this area")
    assert "Ukrainian forces: 74 settlements / 1,000 km²" in got["Competing claims"]
    assert got["Report date"] == "2024-08-14" and got["Event date"] == "2024-08-12"


def test_movements_are_dashed_when_unconfirmed():
    layers = build_layers(seed_like_events())
    moves = next(d for d in layers if d["key"] == "movements")
    dashes = [moves["styles"][s]["dashArray"] for s in moves["lines"]["s"]]
    assert dashes[0] and dashes[1] is None  # unconfirmed vs reported
    assert moves["lines"]["c"][:4] == [5475000, 2100000, 5175000, 3620000]  # lat, lon of origin, destination


def test_draws_onto_a_given_map_and_adds_one_layer_control():
    m = folium.Map(location=[50, 30], zoom_start=5, tiles=None)
    folium.LayerControl().add_to(m)
    out = render([Event("meeting", KYIV)], m=m)
    assert out is m
    assert sum(isinstance(c, folium.LayerControl) for c in m._children.values()) == 1


def test_accepts_eventset_or_records_and_rejects_others():
    assert isinstance(render(EventSet([Event("meeting", KYIV)])), folium.Map)
    with pytest.raises(InvalidInputError, match="not a geoconflict record"):
        render([KYIV])
    with pytest.raises(InvalidInputError, match="EventSet or records"):
        render("seeds/000_84a8b2256f18f56d.txt")


def test_style_options_are_validated():
    with pytest.raises(InvalidInputError, match="unknown style option 'raduis'"):
        render([Event("meeting", KYIV)], raduis=4)
    with pytest.raises(InvalidInputError, match="radius"):
        render([Event("meeting", KYIV)], radius=-1)
    with pytest.raises(InvalidInputError, match="tiles"):
        render([Event("meeting", KYIV)], tiles=3)
    colours = render([Event("meeting", KYIV)], colors={"meeting": "#123456"}, tiles=None)
    assert "#123456" in render_html(colours, offline=False)


def test_time_slider_only_when_dates_span_more_than_a_day():
    one_day = [Event("meeting", KYIV, provenance=Provenance(event_date=date(2024, 8, 13)))]
    finish = lambda m: _data(render_html(m, offline=False))[-1]  # noqa: E731
    assert finish(render(one_day))["slider"] is False
    two = [*one_day, Event("strike", KURSK, provenance=Provenance(event_date=date(2024, 8, 16)))]
    assert finish(render(two))["slider"] is True
    assert finish(render(two, time_slider=False))["slider"] is False


def test_report_text_cannot_break_out_of_the_page():
    nasty = '</script><script>alert(1)</script>{{ 7*7 }}{% raw %}<img src=x onerror=alert(2)>&amp;'
    m = render([Event("meeting", KYIV, description=nasty, provenance=Provenance(quote=nasty))], title=nasty)
    html = render_html(m, offline=False)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    head, body = html.split("</title>", 1)
    assert head.endswith(html_escape(nasty))  # the page title, escaped and never evaluated
    assert "{{ 7*7 }}" not in body and "{% raw %}" not in body  # no template marker survives raw
    data = next(d for d in _data(html) if d.get("key") == "events")
    assert nasty in data["strings"]  # the text itself is kept, exactly


def test_same_events_give_byte_identical_offline_files(tmp_path):
    events = seed_like_events()
    a = save_html(render(events, title="Kursk"), tmp_path / "a.html").read_bytes()
    b = save_html(render(seed_like_events(), title="Kursk"), tmp_path / "b.html").read_bytes()
    assert a == b
    assert not re.search(rb"[_-][0-9a-f]{32}(?![0-9a-f])", a)


def test_movement_across_the_antimeridian_keeps_its_endpoints():
    kamchatka = Place("Petropavlovsk", kind="populated_place", lat=53.02, lon=158.65)
    anchorage = Place("Anchorage", kind="populated_place", lat=61.22, lon=-149.90)
    layers = build_layers([Movement("fleet", kamchatka, anchorage)])
    assert layers[0]["lines"]["c"] == [5302000, 15865000, 6122000, -14990000]


def test_jupyter_repr_is_an_iframe_with_the_map():
    html = render([Event("meeting", KYIV)])._repr_html_()
    assert "<iframe" in html and "geoconflict" in html


def test_tiles_keep_the_basemap_to_lines():
    html = render_html(render([Event("meeting", KYIV)], tiles="OpenStreetMap"), offline=False)
    basemap = next(d for d in _data(html) if "countries" in d)
    assert basemap["fill"] is False  # land colour would hide the tiles
    assert "tile.openstreetmap.org" in html
    offline = render_html(render([Event("meeting", KYIV)]), offline=False)
    assert next(d for d in _data(offline) if "countries" in d)["fill"] is True


def test_subtitle_counts_places_as_the_command_line_does(seed_html):
    # the CLI counts every distinct place (8, Lithuania included); the layer draws 7
    finish = next(d for d in _data(seed_html) if "subtitle" in d)
    assert finish["subtitle"].startswith("8 places (7 drawn; countries and wider regions are the basemap)")
    assert '"Places (7)"' in seed_html
