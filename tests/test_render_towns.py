"""Towns for the map: asked of a source cell by cell near the data, most populous first, checked."""

from __future__ import annotations

import json
import re

import pytest

import geoconflict as gc
from geoconflict.errors import InvalidInputError
from geoconflict.gazetteer.table import GazetteerTable
from geoconflict.maps.detail import LEVELS, layer_cells, region_cells
from geoconflict.maps.layers import build_layers
from geoconflict.maps.render import render as maps_render
from geoconflict.maps.towns import TOWNS_PER_CELL, towns_payload
from geoconflict.model import Event, Place

SUDZHA = Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RU")


def _towns(html: str):
    blobs = [json.loads(b) for b in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html)]
    return next((b for b in blobs if "names" in b and "zoom" in b), None)


def test_the_source_is_asked_for_each_cell_near_the_data():
    asked = []

    def source(box, *, n):
        asked.append(box)
        south, west, _, _ = box
        return [Place(f"T{south}/{west}/{k}", kind="populated_place", lat=south + 0.1 * k, lon=west + 0.5,
                      population=1000 * (k + 1) + south) for k in range(n + 3)][:n]

    cells = layer_cells(build_layers([Event("clash", SUDZHA)]))
    payload = towns_payload(source, cells)
    assert len(asked) == len(region_cells(cells, LEVELS[0].reach)) == (2 * LEVELS[0].reach + 1) ** 2
    assert all(n - s == 1 and e - w == 1 for s, w, n, e in asked)
    assert (51, 35, 52, 36) in asked  # Sudzha's own cell
    assert len(payload["names"]) == len(asked) * TOWNS_PER_CELL
    populations = [int(name.split("/")[2]) for name in payload["names"]]
    assert populations == sorted(populations, reverse=True)  # the most populous first, labelled first


def test_towns_given_as_places_and_bad_towns():
    payload = towns_payload([SUDZHA, SUDZHA], frozenset())
    assert payload["names"] == ["Sudzha"] and payload["lat"] == [5119000]
    assert towns_payload([], frozenset()) is None
    with pytest.raises(InvalidInputError, match="towns: expected Place records, got tuple"):
        towns_payload([("Sudzha", 51.19, 35.27)], frozenset())


def test_geoconflict_render_labels_the_gazetteers_towns_and_maps_render_only_when_asked():
    events = [Event("clash", SUDZHA)]
    html = gc.render(events).get_root().render()
    towns = _towns(html)
    assert towns is not None and "Kurchatov" in towns["names"]  # the largest town within reach of Sudzha
    assert "Towns (GeoNames)" in html
    assert _towns(gc.render(events, towns=False).get_root().render()) is None
    assert _towns(maps_render(events).get_root().render()) is None
    own = _towns(maps_render(events, towns=GazetteerTable().largest_places).get_root().render())
    assert own["names"] == towns["names"]


def test_largest_places_are_in_the_box_and_by_population():
    places = GazetteerTable().largest_places((51.0, 35.0, 52.0, 36.0), n=5)
    assert len(places) == 5
    assert all(51 <= p.lat < 52 and 35 <= p.lon < 36 and p.kind == "populated_place" for p in places)
    assert [p.population for p in places] == sorted((p.population for p in places), reverse=True)
