"""The console script as a user runs it: a real subprocess."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geoconflict", *args], capture_output=True, text=True, timeout=120
    )


def test_version_and_help():
    from importlib.metadata import version

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"geoconflict, version {version('geoconflict')}"
    help_text = run("--help").stdout
    assert "Accurate, sourced, layered maps" in help_text


def test_public_functions_stay_functions_after_their_modules_are_imported():
    """A submodule named like a public function would replace it on import (gc.extract -> module)."""
    code = (
        "import importlib, pkgutil, geoconflict as gc\n"
        "for m in pkgutil.iter_modules(gc.__path__):\n    if m.name != '__main__': importlib.import_module('geoconflict.' + m.name)\n"
        "bad = [n for n in gc.__all__ if n != '__version__' and type(getattr(gc, n)).__name__ == 'module']\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "000_84a8b2256f18f56d.txt")


def test_extract_seed_to_geojson_on_stdout():
    import json

    result = run("extract", SEED)
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert kinds.count("movement") == 2 and kinds.count("claim") == 2
    assert kinds.count("combat") == 1 and kinds.count("event") == 1
    for feature in collection["features"]:
        if feature["properties"]["kind"] == "place_table":  # a place's polygon, written once: not a record
            continue
        assert feature["properties"]["report_date"] == "2024-08-14"
        for key in ("source", "quote"):  # every record's provenance: its document and words
            assert key in feature["properties"]
    # who says so and when, where stated (a missing value is left out since session 11; it was written as null)
    records = [f["properties"] for f in collection["features"] if f["properties"]["kind"] != "place_table"]
    assert all(None not in p.values() for p in records)
    assert any("reported_by" in p for p in records) and any("date" in p for p in records)
    moves = [f for f in collection["features"] if f["properties"]["kind"] == "movement"]
    assert {f["properties"]["origin"] for f in moves} >= {"Murmansk"}


def test_extract_mixes_reports_and_tables_into_a_geopackage(tmp_path):
    import pyogrio

    out = tmp_path / "mixed.gpkg"
    result = run("extract", SEED, str(ROOT / "data" / "kursk_acled_layout.csv"), "--format", "gpkg", "-o", str(out))
    assert result.returncode == 0, result.stderr
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert {"places", "movements", "claims", "combats", "events"} <= layers
    events = pyogrio.read_dataframe(out, layer="events")
    assert (events["source"].notna()).all() and len(events) > 5  # the meeting plus the ACLED rows


def test_extract_failures_are_named_or_summarised(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    failed = run("extract", SEED, str(empty))
    assert failed.returncode == 1 and "empty.txt" in failed.stderr and failed.stdout == ""
    skipped = run("extract", SEED, str(empty), "--errors", "skip", "--format", "csv", "-o", str(tmp_path / "e.csv"))
    assert skipped.returncode == 0, skipped.stderr
    assert "2 inputs, 1 failed" in skipped.stderr and "empty.txt" in skipped.stderr
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").count("\nmovement,") == 2


def test_map_reads_a_single_report_once(tmp_path, monkeypatch):
    """The report gives the map its title and its events from one read."""
    from click.testing import CliRunner

    import geoconflict.text.report as report_module
    from geoconflict.cli import main

    reads = []
    read_report = report_module.read_report

    def counting(*args, **kwargs):
        reads.append(args[0])
        return read_report(*args, **kwargs)

    monkeypatch.setattr(report_module, "read_report", counting)
    out = tmp_path / "kursk.html"
    result = CliRunner().invoke(main, ["map", SEED, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert reads == [SEED]
    assert " — 2024-08-14</title>" in out.read_text(encoding="utf-8")  # the title: headline — date
