"""A table straight to a GeoPackage (readers/streamgpkg): read in chunks while a child process lets GDAL write.

The streamed file must be the whole-table writer's (``write_geopackage(read_table(...).events)``), table by
table; a bad row, a record pyarrow cannot read or a failed child must behave as the whole-table path does.
"""

from __future__ import annotations

import contextlib
import csv
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pyogrio
import pytest

from geoconflict import _gpkgchild as gpkgchild
from geoconflict.errors import FormatError, InvalidInputError, OutputError
from geoconflict.model.io import read_geopackage, write_geopackage
from geoconflict.readers import read_table, streamgpkg
from geoconflict.readers.streamgpkg import table_to_geopackage

HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
          "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "admin3", "location",
          "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
#: Rows per chunk in these tests: several chunks from a few thousand rows.
CHUNK = 700


def _acled_rows(n: int, seed: int = 13) -> list[list[str]]:
    """ACLED-layout rows of invented places, actors and notes: places, dates, sources and actor lists repeat
    across chunks; territory rows, blank cells, an all-blank note and associated actors split at ';'."""
    rng = np.random.default_rng(seed)
    sides = ["Forces of Northland", "Forces of Southland", "Militia of the Hills", "Rebels of the Coast"]
    kinds = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
             ("Explosions/Remote violence", "Air/drone strike"), ("Protests", "Peaceful protest"),
             ("Battles", "Non-state actor overtakes territory"), ("Battles", "Government regains territory")]
    rows = []
    for i in range(n):
        site = int(rng.integers(0, 60))
        kind = kinds[int(rng.choice(6, p=[0.35, 0.3, 0.2, 0.05, 0.05, 0.05]))]
        day = 1 + int(rng.integers(0, 28))
        note = ("   " if i % 97 == 5 else "" if i % 53 == 7 else
                f"Observers said side {1 + i % 4} hit the outskirts of Site {site} on day {day} (item {i}).")
        rows.append([
            f"TST{i}", f"2025-03-{day:02d}", "2025", str(1 + (i % 11 == 0)), *kind, sides[site % 4],
            "Local volunteers; Border guards" if site % 5 == 0 else "", sides[(site + 1) % 4] if site % 3 else "",
            "", "Northland", f"Province {site % 7}", f"District {site % 13}" if site % 9 else "", "",
            f"Site {site}" if site != 59 else "", f"{45 + site / 10:.4f}", f"{30 + site / 7:.4f}",
            str(1 + (site % 4 == 0) + (site % 8 == 0)), ["Wire service", "Regional council", "Local radio"][site % 3],
            note, str(int(rng.integers(0, 4)))])
    return rows


def _write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every SQLite table of a GeoPackage, rows in order; the contents' timestamps left out."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {name: db.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names
               if not name.startswith("sqlite_")}
        out["gpkg_contents"] = db.execute("SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y "
                                          "FROM gpkg_contents ORDER BY table_name").fetchall()
        out["ddl"] = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    return out


def _whole(source: Path, target: Path, **options) -> Path:
    """The whole-table writer's file: the reference."""
    return write_geopackage(read_table(source, format="acled").events, target, progress=False, **options)


@pytest.mark.parametrize("texts", ["table", "inline"])
def test_the_streamed_file_is_the_whole_table_writer_s(tmp_path, texts):
    """3,000 rows in chunks of 700 (five chunks, the last short): every table of the file, R-trees, contents,
    place table and text table included, equal to the whole-table writer's; and it reads back to the records."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(3000))
    done = table_to_geopackage(source, tmp_path / "streamed.gpkg", texts=texts, chunk_rows=CHUNK, workers=2,
                               progress=False)
    assert done.streamed and done.rows == 3000 and done.problems == ()
    reference = _whole(source, tmp_path / "whole.gpkg", texts=texts)
    ours, theirs = _tables(done.path), _tables(reference)
    assert list(ours) == list(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name
    assert len(ours["events"]) + len(ours["claims"]) == 3000 and len(ours["claims"]) > 100
    assert [name for name, _ in pyogrio.list_layers(done.path)] == ["events", "claims", "place_table", "text_table"][
        :4 if texts == "table" else 3]
    back = read_geopackage(done.path)
    records = read_table(source, format="acled").events
    assert back.events == records.events and back.claims == records.claims
    with contextlib.closing(sqlite3.connect(done.path)) as db:  # a sound file, its R-trees sound, GDAL's page size
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for layer in ("events", "claims", "place_table"):
            assert db.execute(f"SELECT rtreecheck('rtree_{layer}_geom')").fetchall() == [("ok",)], layer
        assert db.execute("PRAGMA page_size").fetchall() == [(gpkgchild.PAGE_BYTES,)]
    box = (34.0, 46.0, 36.0, 48.0)  # GDAL's bbox read through the R-trees: the rows inside, events and places
    events = pyogrio.read_dataframe(done.path, layer="events", bbox=box)
    inside = [e.id for e in records.events if box[0] <= e.place.lon <= box[2] and box[1] <= e.place.lat <= box[3]]
    assert 0 < len(events) < len(records.events) and sorted(events["id"]) == sorted(inside)
    places = pyogrio.read_dataframe(done.path, layer="place_table", bbox=box)
    assert 0 < len(places) and all(box[0] <= p.x <= box[2] and box[1] <= p.y <= box[3] for p in places.geometry)


def test_rows_in_several_chunks_keep_the_file_s_order_and_row_numbers(tmp_path):
    """Chunk sizes that do not divide the rows, down to one row a chunk, give the same file."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(230, seed=5))
    reference = _tables(_whole(source, tmp_path / "whole.gpkg"))
    for rows in (1, 229, 1000):
        done = table_to_geopackage(source, tmp_path / f"s{rows}.gpkg", chunk_rows=rows, workers=2, progress=False)
        assert done.streamed and _tables(done.path) == reference, rows


def test_a_bad_row_in_a_later_chunk_is_reported_as_the_whole_table_path_reports_it(tmp_path):
    """A latitude out of range at row 2,500 (the fourth chunk): errors='raise' raises read_table's error, naming
    the file's row, and leaves no file; errors='skip' lists the same problems and writes the same file."""
    rows = _acled_rows(3000)
    rows[2499][15] = "95.5"
    rows[2700][17] = "7"
    source = _write_csv(tmp_path / "acled.csv", rows)
    with pytest.raises(FormatError) as whole:
        read_table(source, format="acled")
    target = tmp_path / "out.gpkg"
    with pytest.raises(FormatError) as streamed:
        table_to_geopackage(source, target, chunk_rows=CHUNK, workers=2, progress=False)
    assert str(streamed.value) == str(whole.value) and streamed.value.row == 2500
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acled.csv"]
    done = table_to_geopackage(source, target, errors="skip", chunk_rows=CHUNK, workers=2, progress=False)
    skipped = read_table(source, format="acled", errors="skip")
    assert not done.streamed and done.problems == skipped.problems and [p.row for p in done.problems] == [2500, 2701]
    assert _tables(done.path) == _tables(write_geopackage(skipped.events, tmp_path / "ref.gpkg", progress=False))


def test_a_record_pyarrow_cannot_read_sends_the_file_to_pandas_parser(tmp_path):
    """A row wider than the header in the third chunk: the whole file goes to pandas' parser, which reports it by
    row as read_table does (its row numbers the file's)."""
    source = tmp_path / "acled.csv"
    _write_csv(source, _acled_rows(2000))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1600] = lines[1600].rstrip("\n") + ",extra,cells\n"  # data row 1,600
    source.write_text("".join(lines), encoding="utf-8")
    done = table_to_geopackage(source, tmp_path / "out.gpkg", errors="skip", chunk_rows=CHUNK, workers=2,
                               progress=False)
    skipped = read_table(source, format="acled", errors="skip")
    assert not done.streamed and done.problems == skipped.problems and done.problems[0].row == 1600
    assert _tables(done.path) == _tables(write_geopackage(skipped.events, tmp_path / "ref.gpkg", progress=False))


@pytest.mark.parametrize("when", ["batch", "end"])
def test_a_killed_writer_process_raises_and_leaves_no_file(tmp_path, monkeypatch, when):
    """The GDAL process stopped half-way (killed as the events' batch is handed over, or once it has every batch,
    while this process writes the smaller layers): an OutputError saying so, no partial file (the smaller layers'
    file neither), and a target that existed before left as it was."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(3000))
    target = tmp_path / "out.gpkg"
    target.write_bytes(b"the earlier file")
    real = getattr(streamgpkg._Child, when)

    def kill_then(self, *args):
        self._process.kill()
        self._process.wait()
        real(self, *args)

    monkeypatch.setattr(streamgpkg._Child, when, kill_then)
    with pytest.raises(OutputError, match=r"out\.gpkg: GDAL could not write the GeoPackage: its process stopped"):
        table_to_geopackage(source, target, chunk_rows=CHUNK, workers=2, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acled.csv", "out.gpkg"]
    assert target.read_bytes() == b"the earlier file"


def test_gdal_s_error_in_the_writer_process_raises_and_leaves_no_file(tmp_path, monkeypatch):
    """GDAL refusing to write (here: the path it is given is in a folder that does not exist) ends the child with
    its reason: an OutputError naming the target and GDAL's message, and nothing left behind."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(1500))
    real = streamgpkg._Child.__init__
    monkeypatch.setattr(streamgpkg._Child, "__init__", lambda self, path: real(self, tmp_path / "gone" / path.name))
    with pytest.raises(OutputError, match=r"out\.gpkg: GDAL could not write the GeoPackage: \w+"):
        table_to_geopackage(source, tmp_path / "out.gpkg", chunk_rows=CHUNK, workers=2, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acled.csv"]


def test_gdal_s_error_in_the_writer_process_is_its_message(tmp_path):
    """The child process itself: a layer GDAL refuses (a column of a type it cannot write) exits with FAILED and
    GDAL's reason on standard error."""
    import pyarrow as pa

    from geoconflict import _gpkgchild as gpkgchild

    schema = pa.schema([pa.field("span", pa.month_day_nano_interval())])
    stream = pa.BufferOutputStream()
    with pa.ipc.new_stream(stream, schema) as writer:
        writer.write_batch(pa.RecordBatch.from_arrays([pa.array([(1, 2, 3)], pa.month_day_nano_interval())],
                                                      schema=schema))
    data = b"events\n" + stream.getvalue().to_pybytes() + b"\n"
    done = subprocess.run([sys.executable, "-m", "geoconflict._gpkgchild", str(tmp_path / "x.gpkg")],
                          input=data, capture_output=True, check=False)
    assert done.returncode == gpkgchild.FAILED and done.stdout == b""  # never DONE
    assert done.stderr.decode().strip()  # GDAL's (or pyogrio's) reason, for the parent's OutputError


def test_the_writer_process_writes_layers_one_after_another(tmp_path):
    """The child's protocol: a name, an Arrow stream, the next, an empty line; each layer GDAL's, in order."""
    import pyarrow as pa

    from geoconflict import _gpkgchild as gpkgchild
    from geoconflict.model import gpkg

    data = b""
    for layer, n in (("events", 2500), ("claims", 3)):
        schema, batches = gpkg.coded_batches(order=["kind", "id"], shared={}, kinds={"kind": "str", "id": "str"},
                                             columns={"id": np.array([f"r{i}" for i in range(n)], dtype=object)},
                                             constants={"kind": layer}, points=(np.arange(n) / 100, np.arange(n) / 50),
                                             chunk=1000)
        stream = pa.BufferOutputStream()
        with pa.ipc.new_stream(stream, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
        data += layer.encode() + b"\n" + stream.getvalue().to_pybytes()
    with open(tmp_path / "in.bin", "wb") as fh:
        fh.write(data + b"\n")
    with open(tmp_path / "in.bin", "rb") as fh:
        written = gpkgchild.serve(tmp_path / "two.gpkg", fh)
    assert written == [("events", 2500), ("claims", 3)]
    assert [name for name, _ in pyogrio.list_layers(tmp_path / "two.gpkg")] == ["events", "claims"]
    assert pyogrio.read_dataframe(tmp_path / "two.gpkg", layer="claims")["id"].tolist() == ["r0", "r1", "r2"]
    done = subprocess.run([sys.executable, "-m", "geoconflict._gpkgchild", str(tmp_path / "run.gpkg")],
                          input=data + b"\n", capture_output=True, check=False)  # the process: DONE once written
    assert (done.returncode, done.stdout, done.stderr) == (0, gpkgchild.DONE, b"")
    assert pyogrio.read_info(tmp_path / "run.gpkg", layer="events")["features"] == 2500


def test_small_tables_and_other_formats_take_one_process(tmp_path):
    """By default a table under STREAM_MIN_BYTES is written in this process; a generic CSV always is; a table of
    no rows gives read_table's empty GeoPackage either way."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(50))
    assert not table_to_geopackage(source, tmp_path / "a.gpkg", progress=False).streamed
    assert table_to_geopackage(source, tmp_path / "b.gpkg", workers=2, progress=False).streamed
    generic = tmp_path / "points.csv"
    generic.write_text("latitude,longitude,event_type,date\n48.5,35.1,battle,2025-03-02\n", encoding="utf-8")
    done = table_to_geopackage(generic, tmp_path / "g.gpkg", workers=2, progress=False)
    assert not done.streamed and len(read_geopackage(done.path).events) == 1
    empty = _write_csv(tmp_path / "empty.csv", [])
    done = table_to_geopackage(empty, tmp_path / "e.gpkg", workers=2, progress=False)
    assert not done.streamed and [name for name, _ in pyogrio.list_layers(done.path)] == ["events"]


@pytest.mark.parametrize(("option", "value"), [("workers", 3), ("workers", 0), ("chunk_rows", 0),
                                               ("chunk_rows", 2.5), ("errors", "ignore")])
def test_options_are_checked(tmp_path, option, value):
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(5))
    with pytest.raises(InvalidInputError, match=option):
        table_to_geopackage(source, tmp_path / "x.gpkg", progress=False, **{option: value})
    assert not (tmp_path / "x.gpkg").exists()


def test_a_script_without_a_main_guard_is_not_run_again(tmp_path):
    """The writer process is started as ``python -m`` (spawned, never forked), so a caller's script without an
    ``if __name__ == "__main__"`` guard runs once, as on every platform."""
    source = _write_csv(tmp_path / "acled.csv", _acled_rows(1500))
    runs = tmp_path / "runs.txt"
    script = tmp_path / "convert.py"
    script.write_text(textwrap.dedent(f"""
        from geoconflict.readers.streamgpkg import table_to_geopackage
        with open({str(runs)!r}, "a") as fh:
            fh.write("ran\\n")
        done = table_to_geopackage({str(source)!r}, {str(tmp_path / "s.gpkg")!r}, chunk_rows=400, workers=2,
                                   progress=False)
        print(done.streamed, done.rows)
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.split() == ["True", "1500"]
    assert runs.read_text() == "ran\n"


def test_blank_cells_in_arrow_are_python_s_blank_cells():
    """text_values' Arrow path (an RE2 pattern of Python's whitespace, written out in PYTHON_SPACES) blanks exactly
    the cells blank_none (the reference, str.isspace) blanks: every whitespace character alone, in runs and beside
    other text; PYTHON_SPACES is every character str.isspace is true of, found by trying each code point."""
    import pandas as pd
    import pyarrow as pa

    from geoconflict.readers.columns import PYTHON_SPACES, blank_none, python_spaces, text_values

    spaces = list(python_spaces())
    assert PYTHON_SPACES == "".join(spaces) and len(spaces) == len(set(spaces)) > 20
    rng = np.random.default_rng(7)
    cells = [*spaces, "".join(spaces), " x ", "x", "\u200b", "\ufeff", "\u180e", "a\u3000", "\u3000a", None, ""]
    cells += ["".join(rng.choice([*spaces, "a", "é", "-"], size=int(rng.integers(1, 6)))) for _ in range(300)]
    frame = pd.DataFrame({"notes": pd.Series(pd.arrays.ArrowExtensionArray(pa.array(cells, pa.string())))})
    rows = np.arange(len(cells))[::-1]
    arrow = text_values(frame, "notes", rows)
    assert isinstance(arrow, pa.Array)
    assert arrow.to_pylist() == blank_none(np.array(cells, dtype=object)[rows]).tolist()
    plain = pd.DataFrame({"notes": pd.Series(cells, dtype=object)})
    assert text_values(plain, "notes", rows).tolist() == arrow.to_pylist()


def test_cli_extract_of_one_table_writes_it_straight(tmp_path):
    """``geoconflict extract TABLE --format gpkg`` takes table_to_geopackage: the whole-table writer's file; a bad row
    stops it with the row named, and ``--errors skip`` leaves that row out, keeps the others and names it."""
    from click.testing import CliRunner

    from geoconflict.cli import main

    source = _write_csv(tmp_path / "t.csv", _acled_rows(1500))
    out = tmp_path / "cli.gpkg"
    result = CliRunner().invoke(main, ["extract", str(source), "--format", "gpkg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1,500 rows of" in result.output
    assert _tables(out) == _tables(_whole(source, tmp_path / "whole.gpkg", texts="table"))

    rows = _acled_rows(1500)
    rows[1200][15] = "95.5"
    bad = _write_csv(tmp_path / "bad.csv", rows)
    result = CliRunner().invoke(main, ["extract", str(bad), "--format", "gpkg", "-o", str(tmp_path / "bad.gpkg")])
    assert result.exit_code == 1 and "row 1201" in result.output and "latitude" in result.output
    assert not (tmp_path / "bad.gpkg").exists()
    result = CliRunner().invoke(main, ["extract", str(bad), "--format", "gpkg", "-o", str(tmp_path / "skip.gpkg"),
                                       "--errors", "skip"])
    assert result.exit_code == 0, result.output
    assert "1 bad table row left out" in result.output and "row 1201, column 'latitude'" in result.output
    assert "1,499 of 1,500 rows" in result.output
    assert _tables(tmp_path / "skip.gpkg") == _tables(
        write_geopackage(read_table(bad, format="acled", errors="skip").events, tmp_path / "ref.gpkg",
                         texts="table", progress=False))
