"""Map input that real files contain: z coordinates, the antimeridian, custom tiles."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Polygon

import geoconflict as gc
from geoconflict.errors import InvalidInputError
from geoconflict.maps.builder import rings
from geoconflict.maps.layers import bounds_of, build_layers
from geoconflict.maps.render import render
from geoconflict.model import TerritorialClaim

TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"


def test_control_file_with_z_coordinates_renders(tmp_path):
    path = tmp_path / "kml_export.geojson"
    feature = {"type": "Feature", "properties": {"owner": "Northern militia"},
               "geometry": {"type": "Polygon",
                            "coordinates": [[[35, 51, 0], [36, 51, 0], [36, 52, 0], [35, 51, 0]]]}}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    events = gc.read_events(path)
    layers = build_layers(events)
    claims = next(layer for layer in layers if layer["key"] == "claims")
    ring = claims["polys"]["rings"][0][0][0]
    assert len(ring) == 6  # three (lat, lon) pairs: z dropped, closing point left out
    assert ring[:2] == [5100000, 3500000]
    assert render(events) is not None


def test_polygon_across_the_antimeridian_is_drawn_narrow():
    shape = Polygon([(170, 60), (-170, 60), (-170, 70), (170, 70), (170, 60)])
    lons = rings(shape, 0)[0][0][1::2]
    assert max(lons) - min(lons) == 20 * 100_000  # 170°E to 190°E, not a 340° band
    claim = TerritorialClaim("Coast guard", geometry=shape, derivation="given")
    south, west, north, east = bounds_of(build_layers([claim]))
    assert (south, north) == (60.0, 70.0) and east - west == pytest.approx(20.0)


def test_tile_url_without_attribution_is_a_clear_error():
    with pytest.raises(InvalidInputError, match="attribution") as err:
        render([], tiles=TILE_URL)
    assert err.value.field == "tiles"
    m = render([], tiles=TILE_URL, attribution="© Example tiles")
    assert "Example tiles" in m.get_root().render()


def test_unknown_tile_name_is_a_clear_error():
    with pytest.raises(InvalidInputError, match="not a tile provider folium knows"):
        render([], tiles="NoSuchTiles")
