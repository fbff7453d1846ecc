"""``geoconflict geocode`` on the shipped data."""

from __future__ import annotations

import json

from click.testing import CliRunner

from geoconflict.cli import main

KEYS = {"query", "name", "kind", "lat", "lon", "country_code", "admin1", "admin2", "precision",
        "approximate", "geonames_id", "score", "candidates"}


def run(*args):
    return CliRunner().invoke(main, ["geocode", *args])


def test_json_lines():
    result = run("--json", "Sudzhansky district", "Kiev")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.strip().splitlines())
    assert set(first) == KEYS
    assert first["name"] == "Sudzhanskiy Rayon" and first["kind"] == "admin2" and first["precision"] == 3
    assert first["admin1"] == "Kursk Oblast" and first["approximate"] is True
    assert second["name"] == "Kyiv" and second["lat"] == 50.45466
    for cand in second["candidates"]:
        assert set(cand) == {"name", "country_code", "lat", "lon", "score"}


def test_hints():
    result = run("--json", "--country", "RU", "--kind", "populated_place", "--limit", "2", "Pokrovsk")
    record = json.loads(result.output)
    assert record["country_code"] == "RU" and record["kind"] == "populated_place"
    assert len(record["candidates"]) <= 1


def test_unresolvable_exits_1_with_suggestions():
    result = run("--json", "Novohrodivkq", "Kursk")
    assert result.exit_code == 1
    bad, good = (json.loads(line) for line in result.output.strip().splitlines())
    assert "error" in bad and any(s["name"] == "Novohrodivka" for s in bad["suggestions"])
    assert good["name"] == "Kursk"
    result = run("--json", "   ")
    assert result.exit_code == 1 and "error" in json.loads(result.output)


def test_plain_output():
    result = run("Kursk region")
    assert result.exit_code == 0
    assert "Kursk Oblast" in result.output and "admin1" in result.output
