"""Maps of many events: counts per cell at low zoom, each event in chunks of detail.

The counts are checked against a plain count made event by event, the chunks'
popups against the layer a small map draws of the same events, and the page
against markup in the notes.
"""

from __future__ import annotations

import cProfile
import json
import math
import pstats
from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest
from shapely.geometry import box

import geoconflict as gc
from geoconflict.maps.aggregate import AGGREGATE_FROM, BANDS, CHUNK_DEGREES, AggregatedEvents
from geoconflict.maps.builder import MISSING
from geoconflict.maps.claimcells import AggregatedClaims, claim_layers
from geoconflict.maps.claims import CLAIM_FIELDS, claims_layer
from geoconflict.maps.events import events_layer
from geoconflict.maps.layers import build_layers
from geoconflict.maps.style import SCALE, Colours, Style
from geoconflict.model import Event, Place, Provenance, TerritorialClaim
from geoconflict.model.eventcolumns import EventColumns
from tests.test_columnar import generate

TYPES = ("shelling", "air strike", "armed clash", "peaceful protest")


def make_events(n: int, *, seed: int = 0, sites: int = 300) -> list[Event]:
    """``n`` events at ``sites`` repeated places over a box around Ukraine, with dates, actors and notes."""
    rng = np.random.default_rng(seed)
    places = [Place(f"Site {k}", kind="populated_place", lat=round(float(rng.uniform(44.5, 52.3)), 4),
                    lon=round(float(rng.uniform(22.2, 40.2)), 4), country_code="UA", admin1=f"Region {k % 7}",
                    approximate=bool(k % 11 == 0))
              for k in range(sites)]
    start = date(2023, 1, 1)
    out = []
    for i in range(n):
        k = int(rng.integers(sites))
        fatal = int(rng.integers(0, 5)) if rng.random() < 0.4 else None
        out.append(Event(TYPES[int(rng.integers(len(TYPES)))], places[k],
                         subtype="drone" if rng.random() < 0.2 else None,
                         actors=("Army of Freedonia",) if i % 3 else ("Sylvanian Militia", "Army of Freedonia"),
                         description=f"Report {i}: troops near {places[k].name} <b>&</b>" if i % 5 else None,
                         fatalities=fatal,
                         provenance=Provenance(source="Daily Courier" if i % 2 else "Wire",
                                               event_date=start + timedelta(days=int(rng.integers(0, 90))))))
    return out


def aggregated(events: list[Event]) -> dict:
    """The page data of ``events`` as an aggregated layer, its dates numbered in order."""
    layer = AggregatedEvents(EventColumns.from_events(events), Style())
    return layer.to_dict({d: i for i, d in enumerate(layer.dates)})


def _decoded(d: dict, f: int) -> tuple[str | None, ...]:
    """Feature ``f``'s popup fields as texts."""
    nf = len(d["fields"])
    return tuple(None if k == MISSING else d["strings"][k] for k in d["values"][f * nf:(f + 1) * nf])


def _chunk_rows(data: dict) -> list[tuple]:
    """Every event of the chunks: (lat, lon, style, popup texts), from the chunks' JSON."""
    rows = []
    for text in data["_texts"]:
        chunk = json.loads(text)
        chunk["fields"] = data["fields"]
        p = chunk["points"]
        rows += [(p["lat"][i], p["lon"][i], data["styles"][p["s"][i]]["fillColor"], _decoded(chunk, i))
                 for i in range(len(p["lat"]))]
    return rows


def test_cells_count_each_event_once_by_type_as_a_plain_count_does():
    events = make_events(3_000, seed=1)
    data = aggregated(events)
    for band, (_, degrees) in zip(data["bands"], BANDS, strict=True):
        expected: Counter = Counter()
        for e in events:  # the plain count: each event's cell, by the grid of the band
            cell = (math.floor(round(e.place.lat * SCALE) / (degrees * SCALE)),
                    math.floor(round(e.place.lon * SCALE) / (degrees * SCALE)))
            expected[cell] += 1
        counts = sorted(int(_decoded(band, f)[0].replace(",", "")) for f in range(band["n"]))
        assert counts == sorted(expected.values())
        assert band["n"] == len(expected)
        by_type = Counter()
        for f in range(band["n"]):
            for part in _decoded(band, f)[1].split(" · "):
                kind, n = part.rsplit(": ", 1)
                by_type[kind] += int(n.replace(",", ""))
        assert by_type == Counter(e.type for e in events)


def test_cell_popups_give_fatalities_and_dates_of_their_events():
    kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
    events = [Event("shelling", kyiv, fatalities=2, provenance=Provenance(event_date=date(2024, 1, 3))),
              Event("shelling", kyiv, fatalities=5, provenance=Provenance(event_date=date(2024, 2, 9))),
              Event("protest", kyiv, provenance=Provenance(event_date=date(2024, 1, 20)))]
    data = aggregated(events)
    band = data["bands"][-1]
    assert band["n"] == 1
    assert _decoded(band, 0) == ("3", "shelling: 2 · protest: 1", "7", "2024-01-03 – 2024-02-09")
    assert band["strings"][band["titles"][0]] == "3 events here (zoom in to see each)"


def test_chunk_popups_are_those_a_small_map_draws():
    """The plain reference: the events layer of a small map, feature by feature."""
    events = make_events(2_500, seed=2)
    data = aggregated(events)
    builder = events_layer(events, Style())
    small = builder.to_dict({d: i for i, d in enumerate(sorted({d for d in builder.dates if d is not None}))})
    pts = small["points"]
    reference = sorted([(pts["lat"][i], pts["lon"][i], small["styles"][pts["s"][i]]["fillColor"],
                         _decoded(small, pts["f"][i])) for i in range(len(pts["lat"]))], key=repr)
    assert sorted(_chunk_rows(data), key=repr) == reference
    assert sum(c["n"] for c in data["chunks"]) == len(events)
    for c, text in zip(data["chunks"], data["_texts"], strict=True):  # each chunk's box holds its points
        p = json.loads(text)["points"]
        assert c["box"] == [min(p["lat"]), min(p["lon"]), max(p["lat"]), max(p["lon"])]
        assert max(p["lat"]) - min(p["lat"]) <= CHUNK_DEGREES * SCALE


def test_a_table_read_as_columns_aggregates_as_its_records_do(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 2 * AGGREGATE_FROM, seed=3)  # 3 in 5 rows are events
    table = gc.read_table(path)
    from_columns = build_layers(table.events)
    assert table.events.is_deferred  # no record made on the way
    from_records = build_layers(gc.EventSet(list(table.events)))
    assert [layer["key"] for layer in from_columns] == [layer["key"] for layer in from_records]
    events = next(layer for layer in from_columns if layer["key"] == "events")
    assert events.get("aggregate") and events["n"] > AGGREGATE_FROM
    assert events == next(layer for layer in from_records if layer["key"] == "events")


def test_small_maps_keep_one_point_per_event():
    layers = build_layers(make_events(500, seed=4))
    assert "aggregate" not in layers[0] and len(layers[0]["points"]["lat"]) == 500


def test_the_page_keeps_markup_in_notes_and_types_as_text(tmp_path):
    kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    events = [Event("<img src=x onerror=alert(1)>", kyiv, description=f'<script>alert("{i}")</script> {{{{ 7*7 }}}}')
              for i in range(AGGREGATE_FROM + 1)]
    page = gc.save_html(gc.render(events), tmp_path / "m.html", offline=False).read_text(encoding="utf-8")
    assert "<img src=x" not in page and '<script>alert("' not in page and "{{ 7*7 }}" not in page
    assert page.count('type="application/json"') >= 2  # the layer and its chunk of detail


def _calls(n: int) -> int:
    events = make_events(n, seed=5, sites=n // 4)
    cols = EventColumns.from_events(events)
    profile = cProfile.Profile()
    profile.enable()
    layer = AggregatedEvents(cols, Style())
    layer.to_dict({d: i for i, d in enumerate(layer.dates)})
    profile.disable()
    return sum(s[1] for s in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def test_work_grows_about_twice_when_the_events_double():
    small, large = _calls(2_000), _calls(4_000)
    assert 1.2 < large / small < 2.3, (small, large)


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_inputs_aggregate_without_error(n):
    data = aggregated(make_events(n))
    assert data["n"] == n and len(data["chunks"]) == min(n, 1)


# --------------------------------------------------------------------------- claims at named places


def make_claims(n: int, *, seed: int = 0, sites: int = 200) -> list[TerritorialClaim]:
    """``n`` claims each at one of ``sites`` villages (a table's territory rows), by three claimants."""
    rng = np.random.default_rng(seed)
    places = [Place(f"Village {k}", kind="populated_place", lat=round(float(rng.uniform(44.5, 52.3)), 4),
                    lon=round(float(rng.uniform(22.2, 40.2)), 4), country_code="UA") for k in range(sites)]
    claimants = ("Army of Freedonia", "Sylvanian Militia", "Grand Fenwick Guard")
    start = date(2023, 1, 1)
    return [TerritorialClaim(claimants[int(rng.integers(3))], areas=(places[int(rng.integers(sites))],),
                             as_of=start + timedelta(days=int(rng.integers(0, 200))) if i % 7 else None,
                             note=f"Control changed hands ({i})" if i % 3 else None,
                             provenance=Provenance(source="Wire" if i % 2 else "Daily Courier",
                                                   report_date=date(2023, 8, 1)))
            for i in range(n)]


def _claim_cells(claims: list[TerritorialClaim]) -> dict:
    built, ledger = claim_layers(claims, Style(), sides=Colours(Style()), aggregate=True)
    assert ledger == [] and [type(b) for b in built] == [AggregatedClaims]
    return built[0].to_dict({d: i for i, d in enumerate(built[0].dates)})


def test_claim_cells_count_each_claim_once_by_claimant_as_a_plain_count_does():
    claims = make_claims(2_000, seed=6)
    data = _claim_cells(claims)
    assert data["key"] == "claims" and data["n"] == len(claims)
    for band, (_, degrees) in zip(data["bands"], BANDS, strict=True):
        expected: dict = {}
        for c in claims:  # the plain count: each claim's cell, by the grid of the band
            place = c.areas[0]
            cell = (math.floor(round(place.lat * SCALE) / (degrees * SCALE)),
                    math.floor(round(place.lon * SCALE) / (degrees * SCALE)))
            expected.setdefault(cell, []).append(c)
        got = sorted(_decoded(band, f) for f in range(band["n"]))
        want = []
        for members in expected.values():
            by = Counter(c.claimant for c in members).most_common()
            by.sort(key=lambda kv: -kv[1])  # ties keep the order claimants are first met in, as the page's
            days = sorted(d for d in (c.as_of or c.provenance.report_date for c in members) if d is not None)
            span = days[0].isoformat() if days[0] == days[-1] else f"{days[0].isoformat()} – {days[-1].isoformat()}"
            want.append((f"{len(members):,}", by, span))
        assert sorted((g[0], g[2]) for g in got) == sorted((w[0], w[2]) for w in want)
        assert sorted(sorted(g[1].split(" · ")) for g in got) == sorted(
            sorted(f"{k}: {v:,}" for k, v in w[1]) for w in want)
        assert all(band["strings"][t].endswith("territorial claims here (zoom in to see each)") or
                   band["strings"][t] == "1 territorial claim here (zoom in to see each)" for t in band["titles"])


def test_claim_chunk_popups_are_those_the_claims_layer_gives():
    """The plain reference: the claims layer of a small map, claim by claim (rivals among every claim)."""
    claims = make_claims(1_500, seed=7)
    data = _claim_cells(claims)
    small, _ = claims_layer(claims, Style(), sides=Colours(Style()))
    ref = small.to_dict({d: i for i, d in enumerate(sorted({d for d in small.dates if d is not None}))})
    pts = ref["points"]
    reference = sorted([(pts["lat"][i], pts["lon"][i], ref["strings"][ref["titles"][pts["f"][i]]],
                         _decoded(ref, pts["f"][i]), ref["dates"][pts["f"][i]]) for i in range(len(pts["lat"]))],
                       key=repr)
    rows = []
    for text in data["_texts"]:
        chunk = json.loads(text)
        chunk["fields"] = data["fields"]
        p = chunk["points"]
        rows += [(p["lat"][i], p["lon"][i], chunk["strings"][chunk["titles"][i]], _decoded(chunk, i),
                  chunk["dates"][i]) for i in range(len(p["lat"]))]
    assert sorted(rows, key=repr) == reference
    assert any("other claims on this area" in (row[3][CLAIM_FIELDS.index("Competing claims")] or "") for row in rows)


def test_claims_with_an_area_stay_in_the_ledger_and_see_their_rivals_at_points():
    region = Place("Village 0", kind="admin1", lat=48.0, lon=30.0, geometry=box(29.0, 47.0, 31.0, 49.0))
    claims = [*make_claims(300, seed=8, sites=1),  # every claim at "Village 0"
              TerritorialClaim("Sylvanian Militia", areas=(region,), geometry=box(29.5, 47.5, 30.5, 48.5),
                               derivation="stated_area", area_km2_stated=900.0)]
    built, ledger = claim_layers(claims, Style(), sides=Colours(Style()), aggregate=True)
    assert [type(b).__name__ for b in built] == ["LayerBuilder", "AggregatedClaims"]
    assert len(ledger) == 1 and ledger[0]["cells"][0] == "Sylvanian Militia"
    area = built[0].to_dict({})
    # the same name: one contested area
    assert any(t.startswith("300 other claims on this area; claiming most: ") for t in area["strings"])
    assert built[1].n == 300


def test_a_map_counts_when_events_and_claims_at_places_together_pass_the_threshold():
    events = make_events(AGGREGATE_FROM - 100, seed=9)
    few = build_layers([*events, *make_claims(50, seed=9)])
    assert not any(layer.get("aggregate") for layer in few)
    many = build_layers([*events, *make_claims(150, seed=9)])
    assert [(layer["key"], layer.get("aggregate")) for layer in many] == [("claims", True), ("events", True)]
    assert many[0]["n"] == 150 and many[1]["n"] == len(events)


def test_a_table_read_as_columns_counts_its_territory_rows(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 2 * AGGREGATE_FROM, seed=10)  # 2 in 5 rows are territory rows
    table = gc.read_table(path)
    ledger: list = []
    layers = build_layers(table.events, ledger=ledger)
    assert table.events.is_deferred and ledger == []
    claims = next(layer for layer in layers if layer["key"] == "claims")
    assert claims.get("aggregate") and claims["n"] == len(gc.read_table(path).events.claims) > AGGREGATE_FROM // 2
