"""Maps of a table read as columns: its events drawn from their frame, no record per row.

An ACLED table read by :func:`geoconflict.read_table` stays columns (a deferred
EventSet). :func:`geoconflict.render` must draw it without making its events,
and the page must hold exactly what the same table drawn from records holds.
"""

from __future__ import annotations

import cProfile
import csv
import json
import pstats
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import geoconflict as gc
from geoconflict.maps.events import columns_events_layer, events_layer, frame_events_layer
from geoconflict.maps.layers import build_layers
from geoconflict.maps.style import Style
from geoconflict.model.eventcolumns import EventColumns
from geoconflict.model.eventset import EventSet
from geoconflict.model.frames import to_geodataframe
from tests import strategies as S
from tests.test_columnar import HEADER, generate

#: Notes a hostile or careless table may carry: markup, entities, template braces, quotes.
AWKWARD_NOTES = ['<script>alert("x")</script> shelling near the bridge', "Tom & Jerry's {{ depot }} &amp; yard",
                 "line one\nline two", ""]


def _awkward_table(path: Path, rows: int, *, seed: int) -> None:
    """A generated ACLED table whose notes and sources carry markup and entities."""
    generate(path, rows, seed=seed)
    with path.open(newline="", encoding="utf-8") as f:
        lines = list(csv.reader(f))
    notes, source = HEADER.index("notes"), HEADER.index("source")
    for i, cells in enumerate(lines[1:]):
        if i % 3 == 0:
            cells[notes] = AWKWARD_NOTES[i % len(AWKWARD_NOTES)]
        if i % 5 == 0:
            cells[source] = "<b>Courier</b> & Co"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(lines)


def _both(path: Path) -> tuple[EventSet, EventSet]:
    """The table read as columns (deferred) and the same table as records."""
    deferred = gc.read_table(path, format="acled").events
    records = gc.read_table(path, format="acled").events
    return deferred, EventSet(list(records))


def test_layers_from_columns_equal_the_layers_from_records(tmp_path):
    path = tmp_path / "acled.csv"
    _awkward_table(path, 300, seed=11)
    deferred, records = _both(path)
    ledger_cols: list[dict] = []
    ledger_recs: list[dict] = []
    from_columns = build_layers(deferred, ledger=ledger_cols)
    assert deferred.is_deferred  # no event record was made
    from_records = build_layers(records, ledger=ledger_recs)
    assert [layer["key"] for layer in from_columns] == ["claims", "events"]  # the territory rows are claims
    assert from_columns == from_records
    assert ledger_cols == ledger_recs
    events = from_columns[1]
    assert events["n"] == len(records.events)
    assert AWKWARD_NOTES[0] in events["strings"]  # plain text: the page inserts it with textContent


def _draw_data(page: str) -> list:
    """The JSON data of the page's layers and its ``finish`` call, in order (the basemap left out)."""
    blobs = re.findall(r'<script type="application/json" id="geoconflict_(draw|finish)_[0-9a-f]+">(.*?)</script>',
                       page, flags=re.DOTALL)
    return [(name, json.loads(data)) for name, data in blobs]


def test_rendered_pages_hold_the_same_features_and_popups(tmp_path):
    path = tmp_path / "acled.csv"
    _awkward_table(path, 120, seed=12)
    deferred, records = _both(path)
    page_cols = gc.render(deferred, title="Table <one>").get_root().render()
    assert deferred.is_deferred
    page_recs = gc.render(records, title="Table <one>").get_root().render()
    drawn = _draw_data(page_cols)
    assert [name for name, _ in drawn] == ["draw", "draw", "finish"]
    assert drawn == _draw_data(page_recs)
    events = drawn[1][1]
    assert events["key"] == "events" and len(events["points"]["lat"]) == len(records.events)
    assert "<script>alert" not in page_cols  # escaped in the page, kept as text in the data
    assert any("<script>alert" in s for s in events["strings"])
    assert "<b>Courier</b> & Co" in events["strings"]


@given(st.lists(S.events(), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_frame_events_layer_is_events_layer_of_the_records(events):
    style = Style()
    from_frame = frame_events_layer(to_geodataframe(events, kind="event"), style)
    from_records = events_layer(events, style)
    assert from_frame.to_dict(_days(from_frame)) == from_records.to_dict(_days(from_records))


@given(st.lists(S.events(), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_columns_events_layer_is_events_layer_of_the_records(events):
    style = Style()
    from_columns = columns_events_layer(EventColumns.from_events(events), style)
    from_records = events_layer(events, style)
    assert from_columns.to_dict(_days(from_columns)) == from_records.to_dict(_days(from_records))


def _days(layer) -> dict:
    return {d: i for i, d in enumerate(sorted({d for d in layer.dates if d is not None}))}


def test_a_table_without_claims_makes_no_record(tmp_path):
    path = tmp_path / "acled.csv"
    generate(path, 60, seed=13)
    with path.open(newline="", encoding="utf-8") as f:
        lines = [cells for cells in csv.reader(f) if "Battles" not in cells]  # the territory rows are battles
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(lines)
    events = gc.read_table(path, format="acled").events
    assert events.non_events() == [] and events.is_deferred
    m = gc.render(events)
    assert events.is_deferred
    assert f"Other events ({len(lines) - 1:,})" in m.get_root().render()


def _render_profile(path: Path, *, records: bool = False) -> pstats.Stats:
    """The profile of reading *path* and rendering it to a page (from records when *records*)."""
    profile = cProfile.Profile()
    profile.enable()
    events = gc.read_table(path, format="acled").events
    if records:
        _ = events.events
    gc.render(events).get_root().render()
    profile.disable()
    assert events.is_deferred is not records
    return pstats.Stats(profile)


def _made(stats: pstats.Stats, kind: str) -> int:
    """How many records of class *kind* the table reader made (its constructors are named ``<unchecked …>``)."""
    raw = stats.stats  # type: ignore[attr-defined]
    return sum(calls for (file, _, _), (calls, *_) in raw.items() if file == f"<unchecked {kind}>")


def test_render_work_grows_about_twice_when_the_rows_double(tmp_path):
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    generate(small, 2_000, seed=14)
    generate(large, 4_000, seed=14)
    _render_profile(small)  # imports and caches out of the way
    first, second = _render_profile(small), _render_profile(large)
    ratio = second.total_calls / first.total_calls  # type: ignore[attr-defined]
    assert 1.3 < ratio < 2.3, ratio
    assert _made(second, "Event") == 0  # no event record; the claims and distinct places only
    assert _made(_render_profile(large, records=True), "Event") > 4_000 / 2  # the count sees records when made


# --------------------------------------------------------------------------- several tables, one map


def _two_tables(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    _awkward_table(first, 200, seed=21)
    _awkward_table(second, 150, seed=22)
    return first, second


def test_two_tables_concatenated_stay_columns_and_draw_as_their_records(tmp_path):
    first, second = _two_tables(tmp_path)
    a, b = gc.read_table(first, format="acled").events, gc.read_table(second, format="acled").events
    both = EventSet.concat([a, b])
    assert both.is_deferred
    ledger_cols: list[dict] = []
    from_columns = build_layers(both, ledger=ledger_cols)
    assert both.is_deferred and a.is_deferred and b.is_deferred  # no event record made on the way
    records = EventSet([*gc.read_table(first, format="acled").events, *gc.read_table(second, format="acled").events])
    ledger_recs: list[dict] = []
    assert from_columns == build_layers(records, ledger=ledger_recs)
    assert ledger_cols == ledger_recs
    assert from_columns[1]["n"] == len(records.events)
    assert list(both) == list(records)  # made on demand: the same records, in the same order


def test_render_of_a_list_of_tables_and_their_sum_keep_the_column_path(tmp_path):
    first, second = _two_tables(tmp_path)
    a, b = gc.read_table(first, format="acled").events, gc.read_table(second, format="acled").events
    page_list = gc.render([a, b], title="Two tables").get_root().render()
    summed = a + b
    page_sum = gc.render(summed, title="Two tables").get_root().render()
    assert a.is_deferred and b.is_deferred and summed.is_deferred
    records = EventSet([*gc.read_table(first, format="acled").events, *gc.read_table(second, format="acled").events])
    expected = _draw_data(gc.render(records, title="Two tables").get_root().render())
    assert _draw_data(page_list) == expected == _draw_data(page_sum)


def test_loading_several_tables_with_a_report_keeps_the_tables_columns(tmp_path):
    first, second = _two_tables(tmp_path)
    report = tmp_path / "note.txt"
    report.write_text("Shelling was reported in Kharkiv on 3 May 2024.", encoding="utf-8")
    loaded = gc.load_inputs([first, report, second], published="2024-05-04")
    assert loaded.is_deferred
    from_batch = gc.extract_many([first, report, second], progress=False, published="2024-05-04").events
    assert from_batch.is_deferred
    cols = loaded.event_columns()
    tables = [gc.read_table(p, format="acled").events.event_columns() for p in (first, second)]
    from_report = gc.load_inputs([report], published="2024-05-04")
    assert from_report.events  # the report adds an event of its own, between the tables' rows
    assert len(cols) == len(tables[0]) + len(tables[1]) + len(from_report.events)
    profile = cProfile.Profile()
    profile.enable()
    gc.render(from_batch).get_root().render()
    profile.disable()
    assert _made(pstats.Stats(profile), "Event") == 0 and from_batch.is_deferred
    assert list(loaded) == list(gc.EventSet([*gc.load_inputs([first]), *from_report, *gc.load_inputs([second])]))


def test_cli_map_of_two_tables_makes_no_event_record(tmp_path):
    from click.testing import CliRunner

    from geoconflict.cli import main

    first, second = _two_tables(tmp_path)
    out = tmp_path / "both.html"
    profile = cProfile.Profile()
    profile.enable()
    done = CliRunner().invoke(main, ["map", str(first), str(second), "-o", str(out), "--online"])
    profile.disable()
    assert done.exit_code == 0, done.output
    n = len(gc.load_inputs([first, second]).event_columns())
    assert f"Other events ({n:,})" in out.read_text(encoding="utf-8")
    assert _made(pstats.Stats(profile), "Event") == 0


def test_a_table_maps_without_importing_what_the_map_never_uses(tmp_path):
    """A fresh process reads a table and writes its page: no geodesy, GeoDataFrames, extraction or batch code,
    and no gazetteer (the table's countries are named as the embedded countries are). The first map of an
    area builds its basemap from the outlines (GeoDataFrames) and caches it; the next maps read the cache."""
    import os
    import subprocess
    import sys

    path = tmp_path / "acled.csv"
    generate(path, 400, seed=15)
    code = f"""
import sys
from geoconflict import read_table, save_html
from geoconflict.maps.render import render
save_html(render(read_table({str(path)!r}, format="acled").events), {str(tmp_path / "m.html")!r}, offline=False)
print(sorted(m for m in ("pyproj", "geopandas", "pyogrio", "dask", "geoconflict.extraction",
                         "geoconflict.batch", "geoconflict.text.report") if m in sys.modules))
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}  # a cache of this test's own, cold at first
    imported = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                               cwd=Path(__file__).resolve().parents[1]).stdout.strip().splitlines()[-1]
                for _ in range(2)]
    assert imported == ["['geopandas', 'pyproj']", "[]"], imported
    assert "Other events" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_embedded_country_names_give_the_codes_the_gazetteer_gives():
    """The plain reference of the fast path: the gazetteer's search for each embedded country's name."""
    from geoconflict.gazetteer import Gazetteer
    from geoconflict.readers.columns import country_codes, embedded_country_codes

    own = embedded_country_codes()
    assert len(own) > 200 and own["Ukraine"] == "UA"
    names = [*own, "Russia (Soviet Union)", "Freedonia", "ukraine", None, " "]
    assert country_codes(names) == country_codes(names, gazetteer=Gazetteer.default())


def test_the_frame_of_concatenated_tables_is_that_of_their_records(tmp_path):
    from geopandas.testing import assert_geodataframe_equal

    first, second = _two_tables(tmp_path)
    both = EventSet.concat([gc.read_table(first, format="acled").events, gc.read_table(second, format="acled").events])
    frame = both.events_frame()
    assert both.is_deferred
    records = EventSet([*gc.read_table(first, format="acled").events, *gc.read_table(second, format="acled").events])
    assert_geodataframe_equal(frame, records.events.to_geodataframe())
