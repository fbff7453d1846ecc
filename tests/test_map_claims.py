"""The claims layer without a browser: rivals summarised, the page linear in the claims."""

from __future__ import annotations

import json
from datetime import date

from shapely.geometry import Point, box

from geoconflict.maps.claims import claims_layer
from geoconflict.maps.style import Style
from geoconflict.model import Place, Provenance, TerritorialClaim

PROVINCE = Place("Northern Province", kind="admin1", lat=48.5, lon=37.5, geometry=box(36.0, 47.5, 39.0, 49.5))


def _claims(n: int) -> list[TerritorialClaim]:
    """``n`` claims on one province, each a stated extent somewhere inside it."""
    out = []
    for i in range(n):
        lon, lat = 36.2 + (i * 7919 % 1000) / 400, 47.7 + (i * 104729 % 1000) / 620
        out.append(TerritorialClaim(
            "Army" if i % 2 else "Rebels", areas=(PROVINCE,), settlements=i + 1, area_km2_stated=10.0 * (i + 1),
            geometry=Point(lon, lat).buffer(0.05), derivation="stated_area", approximate=True,
            as_of=date(2025, 1, 1 + i % 28),
            provenance=Provenance(source="wire.txt", quote=f"Claim number {i} on the province.")))
    return out


def _fields(layer, feature: int) -> dict[str, str | None]:
    data = layer.to_dict({d: k for k, d in enumerate(sorted({d for d in layer.dates if d}))})
    nf = len(data["fields"])
    row = data["values"][feature * nf:(feature + 1) * nf]
    return {f: (data["strings"][k] if k >= 0 else None) for f, k in zip(data["fields"], row, strict=True)}


def test_rivals_are_counted_and_the_one_claiming_most_named():
    claims = _claims(5)
    layer, _ = claims_layer(claims, Style())
    text = _fields(layer, 0)["Competing claims"]
    assert text.startswith("4 other claims on this area")
    assert "5 settlements / 50 km²" in text  # the fifth claims most
    assert "5 settlements" not in _fields(layer, 4)["Competing claims"].split("claiming most")[0]
    assert "4 settlements / 40 km²" in _fields(layer, 4)["Competing claims"]


def test_claims_on_separate_areas_are_not_rivals():
    a = TerritorialClaim("Army", geometry=box(10, 10, 11, 11), derivation="given")
    b = TerritorialClaim("Rebels", geometry=box(20, 10, 21, 11), derivation="given")
    c = TerritorialClaim("Rebels", geometry=box(10.5, 10.5, 11.5, 11.5), derivation="given")
    layer, _ = claims_layer([a, b, c], Style())
    assert _fields(layer, 1)["Competing claims"] is None
    assert _fields(layer, 0)["Competing claims"].startswith("1 other claim")


def _page_size(n: int) -> int:
    layer, ledger = claims_layer(_claims(n), Style())
    data = json.dumps(layer.to_dict({d: k for k, d in enumerate(sorted({d for d in layer.dates if d}))}))
    return len(data) + len(json.dumps(ledger))


def test_doubling_the_claims_on_one_area_about_doubles_the_page():
    # each popup holds a summary of constant size, not every rival: the page doubles. (That the work
    # doubles too, not quadruples, is timed in benchmarks/map_speed.py --kinds claims, at two sizes.)
    s1, s2 = _page_size(400), _page_size(800)
    assert 1.8 < s2 / s1 < 2.3, (s1, s2)


def test_one_side_has_one_colour_across_movements_and_claims():
    from geoconflict.maps.layers import build_layers
    from geoconflict.model import Movement

    town = Place("Eastgate", kind="populated_place", lat=48.9, lon=37.1)
    depot = Place("Westfield", kind="populated_place", lat=48.2, lon=36.4)
    records = [
        Movement("Army", depot, town),
        Movement("Northern militia", town, depot),
        TerritorialClaim("Northern militia", areas=(PROVINCE,), geometry=PROVINCE.geometry, derivation="given"),
    ]
    layers = {layer["key"]: layer for layer in build_layers(records)}
    legend = {item["label"]: item["color"] for key in ("movements", "claims") for item in layers[key]["legend"]
              if item["label"] in {"Army", "Northern militia"} and "color" in item}
    claim_colour = next(i["color"] for i in layers["claims"]["legend"] if i["label"] == "Northern militia")
    movement_colour = next(i["color"] for i in layers["movements"]["legend"] if i["label"] == "Northern militia")
    assert claim_colour == movement_colour != legend["Army"]


def test_a_sides_acronym_and_full_name_share_a_colour():
    from geoconflict.maps.style import Colours, Style

    colours = Colours(Style())
    assert colours("Rapid Support Forces") == colours("RSF units") == colours("RSF")
    assert colours("Sudanese Armed Forces") == colours("SAF troops") != colours("RSF")
    assert colours("police") != colours("RSF")
    assert Colours(Style(colors={"RSF units": "#123456"}))("RSF units") == "#123456"
