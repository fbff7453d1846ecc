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

import geoconflict as gc
from geoconflict.maps.aggregate import AGGREGATE_FROM, BANDS, CHUNK_DEGREES, AggregatedEvents
from geoconflict.maps.builder import MISSING
from geoconflict.maps.events import events_layer
from geoconflict.maps.layers import build_layers
from geoconflict.maps.style import SCALE, Style
from geoconflict.model import Event, Place, Provenance
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
