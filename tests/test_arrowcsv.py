"""pyarrow's CSV parser (readers/arrowcsv) gives the frame pandas' parser gives, or leaves the file to it.

Every comparison reads the same file twice: ``load_csv(parser="auto")``, which
takes pyarrow's path when it can, and ``load_csv(parser="pandas")``, the
reference; the frames, row numbers and problems must be equal. The tests also
check which files pyarrow's path takes (so that the equality is not that of
the reference with itself) and which it leaves.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geoconflict.readers.arrowcsv as arrowcsv
from geoconflict import read_table
from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.readers.arrowcsv import arrow_frame
from geoconflict.readers.csvfile import DELIMITERS, load_csv, read_header

HEADER = ["event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
          "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
TEXT = ("event_id_cnty", "notes")
SITES = (("Hamlet A", "48.1021", "37.2010"), ("Village, upper", "47.9", "36.8"), ("Town B", "49.0", "35.25"),
         ("Sélo", "50.4", "30.5"))


def _acled_rows(n: int, seed: int = 11) -> list[list[str]]:
    """*n* invented ACLED-layout rows: repeated places, dates and actors, a note of its own per row, some gaps."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        name, lat, lon = SITES[int(rng.integers(len(SITES)))]
        kind = ("Battles", "Armed clash") if rng.random() < 0.4 else ("Explosions/Remote violence", "Shelling")
        rows.append([f"XX{i}", f"2024-0{int(rng.integers(1, 10))}-1{int(rng.integers(0, 10))}",
                     str(int(rng.integers(1, 4))), *kind, "Forces A", "" if rng.random() < 0.5 else "Forces B",
                     "Ukraine", "Region 1", name, lat, lon, str(int(rng.integers(1, 4))), "A wire service",
                     f'Shelling near {name}; "heavy" damage,\nsecond line (row {i}).' if i % 7 == 0 else f"Note {i}.",
                     "" if i % 3 else str(i % 5)])
    return rows


def _write(path, header, rows, *, line_end="\n", tail=True, bom=False):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerows([header, *rows])
    text = buffer.getvalue() if tail else buffer.getvalue()[:-len(line_end)]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _columns(path) -> dict[str, str]:
    names, _ = read_header(path)
    return {name.lower(): name for name in names}


def _both(path, **options):
    """``(frame, problems)`` from the pyarrow-first path and from the pandas reference, problems as text."""
    columns = _columns(path)
    text = [c for c in TEXT if c in columns]
    out = []
    for parser in ("auto", "pandas"):
        frame, problems = load_csv(path, columns, text=text, parser=parser, **options)
        out.append((frame, problems.rows.tolist(), [str(p) for p in problems.resolve("skip")]))
    return out


def _assert_same(path, **options):
    (frame, rows, problems), (reference, ref_rows, ref_problems) = _both(path, **options)
    pd.testing.assert_frame_equal(frame, reference)
    assert (rows, problems) == (ref_rows, ref_problems)
    return frame, problems


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("tail", [False, True])
def test_a_clean_table_is_parsed_by_pyarrow_into_the_reference_frame(tmp_path, line_end, bom, tail):
    path = _write(tmp_path / "t.csv", HEADER, _acled_rows(60), line_end=line_end, tail=tail, bom=bom)
    names, _ = read_header(path)
    assert arrow_frame(path, names, _columns(path), text=set(TEXT), delimiter=",") is not None  # pyarrow's path
    frame, problems = _assert_same(path)
    assert problems == [] and frame["location"].dtype == "category" and frame["notes"].dtype == object
    assert frame["notes"].iloc[0].endswith("\nsecond line (row 0).")  # a quoted line break, quotes, a comma
    assert frame["actor2"].isna().any() and frame["fatalities"].isna().any()


def test_categories_agree_across_pyarrow_blocks(tmp_path, monkeypatch):
    """A file parsed in many blocks (each with its own dictionary) still gives pandas' sorted categories."""
    monkeypatch.setattr(arrowcsv, "BLOCK_BYTES", 1 << 10)
    path = _write(tmp_path / "t.csv", HEADER, _acled_rows(400, seed=3))
    names, _ = read_header(path)
    parsed = arrow_frame(path, names, _columns(path), text=set(TEXT), delimiter=",")
    assert parsed is not None
    _assert_same(path)


BROKEN = {
    "a row wider than the header": lambda rows: rows[:3] + [rows[3] + ["x", "y"]] + rows[4:],
    "a trailing delimiter on one row": lambda rows: rows[:2] + [rows[2] + [""]] + rows[3:],
    "a row shorter than the header": lambda rows: rows[:5] + [rows[5][:4]] + rows[6:],
    "the last row cut short": lambda rows: rows[:-1] + [rows[-1][:6]],
}


@pytest.mark.parametrize("change", BROKEN, ids=list(BROKEN))
def test_a_table_with_a_bad_row_is_left_to_pandas_with_the_same_problems(tmp_path, change):
    rows = BROKEN[change](_acled_rows(12))
    path = _write(tmp_path / "t.csv", HEADER, rows, tail=change != "the last row cut short")
    names, _ = read_header(path)
    assert arrow_frame(path, names, _columns(path), text=set(TEXT), delimiter=",") is None
    _assert_same(path)


@pytest.mark.parametrize("raw, found", [
    (b"Sudzha", b"Sudzh\xe4"),  # a cp1252 byte in a UTF-8 file
    (b"Sudzha", b"Sud\x00zha"),  # a NUL character
    (b"\nXX3,", b"\n   \nXX3,"),  # a line of spaces, which pandas skips as blank
])
def test_bytes_pyarrow_would_read_otherwise_are_left_to_pandas(tmp_path, raw, found):
    rows = _acled_rows(8)
    rows[4][9] = "Sudzha"
    path = _write(tmp_path / "t.csv", HEADER, rows)
    path.write_bytes(path.read_bytes().replace(raw, found, 1))
    _, problems = _assert_same(path)
    if found != b"\n   \nXX3,":
        assert problems and problems[0].startswith("row 5, column 'location'")


def test_read_table_gives_the_same_records_and_problems_either_way(tmp_path, monkeypatch):
    """The whole ACLED reader on pyarrow's frame and on pandas': equal events, claims and bad rows."""
    rows = _acled_rows(40)
    rows[6][10] = "95.0"  # a latitude out of range: a bad cell in a file pyarrow parses
    rows[9][4] = "Government regains territory"
    path = _write(tmp_path / "t.csv", HEADER, rows)
    fast = read_table(path, format="acled", errors="skip")
    monkeypatch.setattr("geoconflict.readers.csvfile.arrow_frame", lambda *args, **kwargs: None)
    reference = read_table(path, format="acled", errors="skip")
    assert fast.events.events == reference.events.events and fast.events.claims == reference.events.claims
    assert fast.problems == reference.problems and [p.row for p in fast.problems] == [7]
    assert len(fast.events.claims) == 1 and len(fast.events.events) == 38


CELL = st.text(alphabet=st.sampled_from(list('ab ,;\t"\nzé')), max_size=6)


@st.composite
def tables(draw) -> tuple[str, str]:
    """``(text, delimiter)``: a header of 2–4 names, then rows as csv.writer writes them, now and then a wrong one."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    width = draw(st.integers(min_value=2, max_value=4))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow([f"c{k}" for k in range(width)])
    for row in draw(st.lists(st.lists(CELL, min_size=width, max_size=width), max_size=8)):
        if draw(st.integers(min_value=0, max_value=9)) == 0:  # now and then a row of another width
            row = row + [draw(CELL)] if draw(st.booleans()) else row[:-1]
        writer.writerow(row)
    text = out.getvalue()
    return (text.rstrip("\r\n") if draw(st.booleans()) else text), delimiter


@settings(max_examples=150, deadline=None)
@given(tables())
def test_generated_tables_read_the_same_either_way(tmp_path_factory, case):
    text, _ = case
    path = tmp_path_factory.mktemp("gen") / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    outcomes = []
    for parser in ("auto", "pandas"):
        try:
            frame, problems = load_csv(path, _columns(path), text=["c0"], parser=parser)
            outcomes.append((frame, problems.rows.tolist(), [str(p) for p in problems.resolve("skip")]))
        except FormatError as exc:
            outcomes.append(str(exc))
    if isinstance(outcomes[1], str):
        assert outcomes[0] == outcomes[1]
        return
    pd.testing.assert_frame_equal(outcomes[0][0], outcomes[1][0])
    assert outcomes[0][1:] == outcomes[1][1:]


def test_an_unknown_parser_is_refused(tmp_path):
    path = _write(tmp_path / "t.csv", HEADER, _acled_rows(2))
    with pytest.raises(InvalidInputError, match="parser: 'arrow' is not one of auto, pandas"):
        load_csv(path, _columns(path), parser="arrow")


@pytest.mark.parametrize("text", [b"place,note\n", b"place,note", b"place,note\n\n\n"])
def test_a_header_alone_gives_the_same_empty_frame(tmp_path, text):
    path = tmp_path / "t.csv"
    path.write_bytes(text)
    frame, problems = _assert_same(path)
    assert len(frame) == 0 and problems == [] and list(frame.columns) == ["place", "note"]
