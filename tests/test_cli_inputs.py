"""The command line as a user meets it with folders, undated reports, bad inputs and earlier outputs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geoconflict.cli import main

UNDATED = "Russian troops were moved from Belgorod to Kursk, officials said.\n"
DATED = "Date: 2024-08-10\nTitle: Strikes\n\nRussian forces struck Kharkiv overnight, officials said.\n"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _features(path: Path) -> list[dict]:
    return [f for f in json.loads(path.read_text(encoding="utf-8"))["features"]
            if f["properties"]["kind"] != "place_table"]


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a_undated.txt").write_text(UNDATED, encoding="utf-8")
    (reports / "b_dated.txt").write_text(DATED, encoding="utf-8")
    return reports


def test_published_reaches_reports_found_in_a_folder(folder, tmp_path):
    out = tmp_path / "out.geojson"
    result = invoke("extract", str(folder), "--published", "2024-08-14", "-o", str(out))
    assert result.exit_code == 0, result.output
    dates = {f["properties"]["report_date"] for f in _features(out)}
    assert dates == {"2024-08-14"}  # --published wins over the header, as read_report's published= does


def test_published_applies_after_the_skip_policy(folder, tmp_path):
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.geojson"
    result = invoke("extract", str(folder / "a_undated.txt"), str(folder / "c_empty.txt"), "--errors", "skip",
                    "--published", "2024-08-14", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "c_empty.txt: InvalidInputError: the report is empty" in result.output
    assert any(f["properties"]["kind"] == "movement" for f in _features(out))


def test_a_bad_published_date_is_one_usage_error(folder):
    result = invoke("extract", str(folder), "--published", "14/08/2024")
    assert result.exit_code == 2 and "expected a date as YYYY-MM-DD, got '14/08/2024'" in result.output


def test_an_output_in_a_missing_folder_is_refused_before_any_work(folder, tmp_path):
    for command in (["map", str(folder)], ["extract", str(folder), "--format", "csv"]):
        result = invoke(*command, "--published", "2024-08-14", "-o", str(tmp_path / "no" / "dir" / "x.out"))
        assert result.exit_code == 2 and "does not exist" in result.output
        assert "Traceback" not in result.output


def test_extract_of_a_folder_passes_over_its_own_earlier_output(folder):
    out = folder / "events.geojson"
    first = invoke("extract", str(folder), "--published", "2024-08-14", "-o", str(out))
    assert first.exit_code == 0, first.output
    count = len(_features(out))
    second = invoke("extract", str(folder), "--published", "2024-08-14", "-o", str(out))
    assert second.exit_code == 0, second.output
    assert "passed over 1 file that geoconflict wrote" in second.output and "events.geojson" in second.output
    assert len(_features(out)) == count  # not read back as a table: nothing counted twice


def test_map_of_a_folder_passes_over_its_earlier_map_and_can_skip_errors(folder):
    (folder / "c_empty.txt").write_text("", encoding="utf-8")
    page = folder / "map.html"
    first = invoke("map", str(folder), "--published", "2024-08-14", "--errors", "skip", "-o", str(page))
    assert first.exit_code == 0, first.output
    assert "1 failed" in first.output and "c_empty.txt" in first.output
    second = invoke("map", str(folder), "--published", "2024-08-14", "--errors", "skip", "-o", str(page))
    assert second.exit_code == 0, second.output
    assert "passed over 1 file that geoconflict wrote" in second.output and "map.html" in second.output


def test_failures_out_lists_every_failure_and_every_report_without_a_record(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(8):
        (folder / f"empty_{i}.txt").write_text("", encoding="utf-8")
    (folder / "quiet.txt").write_text("Date: 2024-08-14\n\nThe weather was mild and nothing happened.\n",
                                      encoding="utf-8")
    listing = tmp_path / "failures.csv"
    result = invoke("extract", str(folder), "--errors", "skip", "--failures-out", str(listing),
                    "-o", str(tmp_path / "out.geojson"))
    assert result.exit_code == 0, result.output
    assert "… 3 more" in result.output  # the summary shows five
    assert "1 gave no record: " in result.output and "quiet.txt: no record: no place name found" in result.output
    with listing.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9
    assert {Path(r["input"]).name for r in rows} == {f"empty_{i}.txt" for i in range(8)} | {"quiet.txt"}


def test_an_error_names_its_file_once(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = invoke("extract", str(empty))
    assert result.exit_code == 1
    assert result.output.count("empty.txt") == 1 and result.output.count("\n") == 1


def test_a_dated_first_line_is_a_header(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("August 1, 2024 — Troops withdraw\n\nRussian troops were moved from Belgorod to Kursk.\n",
                      encoding="utf-8")
    out = tmp_path / "out.geojson"
    result = invoke("extract", str(report), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {f["properties"]["report_date"] for f in _features(out)} == {"2024-08-01"}


def test_geocode_says_did_you_mean_once():
    result = invoke("geocode", "Novohrodivkq")
    assert result.exit_code == 1
    assert result.output.count("did you mean") == 1 and result.output.count("Novohrodivkq") == 1


def test_extract_detail_point_writes_no_polygon(folder, tmp_path):
    out = tmp_path / "out.geojson"
    result = invoke("extract", str(folder), "--published", "2024-08-14", "--detail", "point", "-o", str(out))
    assert result.exit_code == 0, result.output
    kinds = {f["geometry"]["type"] for f in json.loads(out.read_text(encoding="utf-8"))["features"] if f["geometry"]}
    assert not kinds & {"Polygon", "MultiPolygon"}


def test_map_without_npm_and_an_empty_asset_cache_still_writes_a_map(tmp_path):
    """The Quickstart on a machine with no npm: the map loads its scripts from the network, and says so once."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    bare = tmp_path / "bin"  # a PATH holding python only: no npm
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    env = {**os.environ, "PATH": str(bare), "GEOCONFLICT_ASSET_DIR": str(tmp_path / "empty-cache"),
           "PYTHONPATH": str(root)}
    out = tmp_path / "kursk.html"
    done = subprocess.run([sys.executable, "-m", "geoconflict", "map", str(root / "seeds" / "000_84a8b2256f18f56d.txt"),
                           "-o", str(out)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net/npm/leaflet" in page  # the scripts come from the network...
    assert "Sudzha" in page  # ...and the events are drawn all the same
    warnings = [line for line in done.stderr.splitlines() if "loads its scripts from the network" in line]
    assert len(warnings) == 1 and "npm is not installed here" in warnings[0]
    assert "Traceback" not in done.stderr
    assert done.stderr.rstrip().endswith("online)")
