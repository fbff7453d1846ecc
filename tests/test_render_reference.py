"""The map layers' fast forms agree with their plain statements on generated input.

Whole layers of events and movements are built column by column, with numpy and
pandas; each fast step has a plain form beside it (one record, one value at a
time), and these tests hold the two equal.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.maps.builder import MISSING, LayerBuilder, strings_reference
from geoconflict.maps.events import events_layer
from geoconflict.maps.movements import movements_layer
from geoconflict.maps.popups import event_precision, provenance_columns, provenance_values, where, wheres
from geoconflict.maps.style import SCALE, UNKNOWN_ACTOR, Style, quantize, quantize_all
from geoconflict.model import Precision
from tests import strategies as S

degrees = st.floats(min_value=-180, max_value=180, allow_nan=False)


@given(st.lists(degrees | st.sampled_from([0.5 / SCALE, 1.5 / SCALE, -2.5 / SCALE, 50.45, 30.52]), max_size=50))
@settings(max_examples=300, deadline=None)
def test_quantize_all_is_quantize_of_each(values):
    assert quantize_all(values) == [quantize(v) for v in values]


@given(st.lists(st.tuples(S.provenances(), st.sampled_from(Precision)), max_size=12))
@settings(max_examples=200, deadline=None)
def test_provenance_columns_are_the_values_of_each_record(rows):
    provs = [p for p, _ in rows]
    precisions = [q for _, q in rows]
    columns = provenance_columns(provs, precisions)
    per_record = [provenance_values(p, q) for p, q in rows]
    for j, column in enumerate(columns):
        assert list(column) == [values[j] for values in per_record]


@given(st.lists(S.places(), max_size=8), st.data())
@settings(max_examples=100, deadline=None)
def test_wheres_is_where_of_each(places, data):
    # the same Place object several times, as records share their places
    repeated = [data.draw(st.sampled_from(places)) for _ in range(len(places) * 2)] if places else []
    assert wheres(repeated) == [where(p) for p in repeated]


cells = st.none() | st.sampled_from(["", "a", "b", "Kursk", "Sudzha", "a "]) | st.text(max_size=3)


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=0, max_value=12), st.data())
@settings(max_examples=300, deadline=None)
def test_string_table_matches_reference(n_fields, n_rows, data):
    layer = LayerBuilder("events", [f"f{j}" for j in range(n_fields)])
    rows = [data.draw(st.lists(cells, min_size=n_fields + 1, max_size=n_fields + 1)) for _ in range(n_rows)]
    for row in rows:
        layer.feature(row[0], row[1:], None)
    strings, titles, values = layer._strings() if n_rows else ([], [], [])
    ref_strings, ref_columns = strings_reference(layer.columns)
    assert strings == ref_strings
    assert titles == (ref_columns[0] if n_rows else [])
    assert values == [ref_columns[j][i] for i in range(n_rows) for j in range(1, n_fields + 1)]


def _data(layer: LayerBuilder) -> dict:
    days = sorted({d for d in layer.dates if d is not None})
    return layer.to_dict({d: i for i, d in enumerate(days)})


def _rows(layer: dict) -> list[list[str | None]]:
    """The popup values of each feature of a layer's data, decoded."""
    k = len(layer["fields"])
    values = [None if c == MISSING else layer["strings"][c] for c in layer["values"]]
    return [values[i * k : (i + 1) * k] for i in range(layer["n"])]


@given(st.lists(S.events(), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_events_layer_columns_are_each_events_fields(events):
    data = _data(events_layer(events, Style()))
    expected = [
        [
            e.type if e.subtype is None else f"{e.type} ({e.subtype})",
            where(e.place),
            ", ".join(e.actors) or None,
            e.description,
            None if e.fatalities is None else str(e.fatalities),
            *provenance_values(e.provenance, event_precision(e)),
        ]
        for e in events
    ]
    assert _rows(data) == [[v or None for v in row] for row in expected]
    assert data["points"]["lat"] == [quantize(e.place.lat) for e in events]


@given(st.lists(S.movements(), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_movements_layer_columns_are_each_movements_fields(movements):
    data = _data(movements_layer(movements, Style()))
    rows = _rows(data)
    for m, row in zip(movements, rows, strict=True):
        actor = m.actor or UNKNOWN_ACTOR
        assert row[0] == f"Movement: {actor}" + (f" ({m.unit})" if m.unit else "")
        assert row[1:4] == [where(m.origin), where(m.destination), m.status.value]
        assert row[5:] == [v or None for v in provenance_values(m.provenance, m.precision)]
    ends = [(m.origin.lat, m.origin.lon, m.destination.lat, m.destination.lon) for m in movements]
    assert data["lines"]["c"] == [quantize(v) for end in ends for v in end]
