"""Your own places: a CSV or GeoJSON added to the gazetteer, found by search, scan, extract, the readers and the CLI."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from geoconflict.errors import FormatError
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import PlaceKind

# invented places: names no gazetteer holds, in a real oblast
PLACES_CSV = (
    "name,aliases,lat,lon,kind,country,admin1,admin2,population,prefer\n"
    "Zorivka Qv,Zorevka Qv;Зорівка Кв,48.41,37.73,village,UA,Donetsk,Pokrovskyi raion,230,\n"
    "Pokrovsk,,45.10,10.20,populated_place,IT,,,12,yes\n"
    "Kramatorsk,,45.30,10.40,,IT,,,12,no\n"
    "Stepove Pole Qv,,,,admin2,,,,,\n"
)
POLYGON_WKT = "POLYGON ((37.60 48.30, 37.80 48.30, 37.80 48.50, 37.60 48.50, 37.60 48.30))"


@pytest.fixture
def places_file(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    rows = PLACES_CSV.replace("Stepove Pole Qv,,,,admin2,,,,,", f'Stepove Pole Qv,,,,admin2,,,,,,"{POLYGON_WKT}"')
    header, *rest = rows.splitlines()
    path.write_text(header + ",wkt\n" + "\n".join(r if r.count('"') else r + "," for r in rest) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def gaz(places_file: Path) -> Gazetteer:
    return Gazetteer.default().with_places(places_file)


def test_with_places_finds_a_village_by_name_and_alias(gaz: Gazetteer) -> None:
    place = gaz.geocode("Zorivka Qv")
    assert place.name == "Zorivka Qv"
    assert place.kind == PlaceKind.POPULATED_PLACE
    assert (place.lat, place.lon) == (48.41, 37.73)
    assert place.country_code == "UA"
    assert place.admin1 == "Donetsk Oblast"  # the embedded spelling of the admin-1 unit named
    assert place.admin2 == "Pokrovskyi raion"
    assert place.population == 230
    assert place.source == "user places: mine.csv"
    assert gaz.geocode("Zorevka Qv") == place
    assert gaz.geocode("Зорівка Кв") == place


def test_the_default_gazetteer_is_unchanged(gaz: Gazetteer) -> None:
    assert Gazetteer.default().search("Zorivka Qv") == []
    assert Gazetteer.default().geocode("Pokrovsk").country_code == "UA"
    assert len(gaz) == len(Gazetteer.default()) + 4


def test_a_preferred_place_wins_its_name_and_prefer_no_ranks_as_embedded(gaz: Gazetteer) -> None:
    assert gaz.geocode("Pokrovsk").country_code == "IT"  # the file says so (prefer: yes)
    assert gaz.geocode("Kramatorsk").country_code == "UA"  # prefer: no -> a hamlet of 12 loses to the city
    assert gaz.geocode("Kramatorsk", country="IT").source == "user places: mine.csv"


def test_a_polygon_place_takes_its_point_inside_and_country_from_the_outlines(gaz: Gazetteer) -> None:
    place = gaz.geocode("Stepove Pole Qv")
    assert place.kind == PlaceKind.ADMIN2
    assert place.geometry is not None and place.geometry.area == pytest.approx(0.04)
    assert 48.3 < place.lat < 48.5 and 37.6 < place.lon < 37.8
    assert place.country_code == "UA"  # inferred: the country whose outline holds the point


def test_scan_and_extract_find_the_places(gaz: Gazetteer) -> None:
    from geoconflict.extraction import extract

    text = "Russian troops shelled Zorivka Qv overnight, the regional governor said on 4 May 2024."
    assert (23, 33, "Zorivka Qv") in gaz.scan(text)
    assert (23, 33, "Zorivka Qv") not in Gazetteer.default().scan(text)
    events = extract(text, gazetteer=gaz, published="2024-05-05")
    assert [m.place.name for m in events.mentions if m.place] == ["Zorivka Qv"]
    assert events.events and events.events[0].place.name == "Zorivka Qv"


def test_context_can_still_take_the_embedded_homonym(gaz: Gazetteer) -> None:
    text = "Fighting near Pokrovsk, in Donetsk Oblast, went on."
    places = gaz.resolve(text, [(14, 22), (27, 41)])
    assert [p.country_code if p else None for p in places] == ["UA", "UA"]


def test_geojson_places(tmp_path: Path) -> None:
    path = tmp_path / "mine.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.1, 50.2]},
         "properties": {"name": "Lisova Qv", "aliases": ["Lesnaya Qv"], "kind": "populated_place"}},
    ]}), encoding="utf-8")
    place = Gazetteer.default().with_places(path).geocode("Lesnaya Qv")
    assert place.name == "Lisova Qv"
    assert (place.lat, place.lon) == (50.2, 36.1)
    assert place.country_code == "UA"


def test_bad_rows_are_all_named_and_nothing_is_added(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,lat,lon,kind,country\n"
                    "Good Qv,48.0,37.0,,UA\n"
                    ",48.0,37.0,,UA\n"
                    "Far Qv,148.0,37.0,,UA\n"
                    "Odd Qv,48.0,37.0,castle,UA\n"
                    "Where Qv,48.0,37.0,,Atlantis\n"
                    "Half Qv,48.0,,,UA\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        Gazetteer.default().with_places(path)
    message = str(info.value)
    assert "5 bad rows" in message
    assert "row 3, column 'name'" in message
    assert "row 4, column 'lat'" in message
    assert "row 5, column 'kind'" in message
    assert "row 6, column 'country'" in message
    assert "row 7, column 'lon'" in message
    assert (info.value.row, info.value.column) == (3, "name")


def test_missing_name_column_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "noname.csv"
    path.write_text("place,lat,lon\nX,1,2\n", encoding="utf-8")
    with pytest.raises(FormatError, match="no 'name' column"):
        Gazetteer.default().with_places(path)
    with pytest.raises(FormatError, match="no such file"):
        Gazetteer.default().with_places(tmp_path / "absent.csv")


def test_read_events_and_load_inputs_geocode_with_the_gazetteer_given(gaz: Gazetteer, tmp_path: Path) -> None:
    from geoconflict.inputs import load_inputs
    from geoconflict.readers import read_events

    table = tmp_path / "events.csv"
    table.write_text("place,date,type\nZorivka Qv,2024-05-04,shelling\n", encoding="utf-8")
    events = read_events(table, gazetteer=gaz)
    assert events.events[0].place.name == "Zorivka Qv"
    assert events.events[0].type == "shelling"
    assert load_inputs([table], gazetteer=gaz).events[0].place.country_code == "UA"
    with pytest.raises(FormatError, match="Zorivka Qv"):
        read_events(table)  # the default gazetteer does not know it


def test_the_gazetteer_pickles_by_reference_and_reaches_worker_processes(gaz: Gazetteer, tmp_path: Path) -> None:
    from geoconflict.batch import extract_many

    assert len(pickle.dumps(gaz)) < 1_000
    assert pickle.loads(pickle.dumps(gaz)).geocode("Zorivka Qv").lat == 48.41
    reports = []
    for i in range(3):
        report = tmp_path / f"r{i}.txt"
        report.write_text(f"Published: 2024-05-0{i + 4}\n\nRussian forces attacked Zorivka Qv on 3 May 2024.\n",
                          encoding="utf-8")
        reports.append(report)
    result = extract_many(reports, workers=2, progress=False, gazetteer=gaz)
    assert [e.place.name for e in result.events.events] == ["Zorivka Qv"] * 3


def test_with_places_is_fast_on_many_places(tmp_path: Path) -> None:
    import time

    path = tmp_path / "many.csv"
    path.write_text("name,lat,lon\n" + "".join(f"Khutir {i} Qv,{47 + i % 500 / 100},{35 + i // 500 / 10}\n"
                                              for i in range(3000)), encoding="utf-8")
    start = time.perf_counter()
    gaz = Gazetteer.default().with_places(path)
    assert time.perf_counter() - start < 10
    assert gaz.geocode("Khutir 0 Qv").country_code == "UA"  # (47.0, 35.0)
    assert gaz.geocode("Khutir 2999 Qv").country_code == "RU"  # (51.99, 35.5)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geoconflict", *args], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)


def test_cli_geocode_and_extract_take_places(places_file: Path, tmp_path: Path) -> None:
    out = _cli("geocode", "Zorevka Qv", "--json", "--places", str(places_file))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["name"] == "Zorivka Qv"
    assert record["country_code"] == "UA"
    assert _cli("geocode", "Zorevka Qv").returncode == 1
    report = tmp_path / "report.txt"
    report.write_text("Published: 2024-05-05\n\nUkrainian forces struck Zorivka Qv on 4 May 2024.\n",
                      encoding="utf-8")
    out = _cli("extract", str(report), "--places", str(places_file))
    assert out.returncode == 0, out.stderr
    names = [f["properties"].get("name") or f["properties"].get("place") for f in json.loads(out.stdout)["features"]]
    assert "Zorivka Qv" in names


def test_cli_reports_a_bad_places_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nNowhere Qv,95,10\n", encoding="utf-8")
    out = _cli("geocode", "Kursk", "--places", str(bad))
    assert out.returncode == 1
    assert "row 2, column 'lat'" in out.stderr


def test_copy_is_a_new_gazetteer_and_the_map_command_takes_places(places_file: Path, tmp_path: Path) -> None:
    import copy

    twin = copy.copy(Gazetteer.default())
    assert twin is not Gazetteer.default()
    assert twin.geocode("Kursk") == Gazetteer.default().geocode("Kursk")
    table = tmp_path / "events.csv"
    table.write_text("place,date,type\nZorivka Qv,2024-05-04,shelling\n", encoding="utf-8")
    out = _cli("map", str(table), "-o", str(tmp_path / "m.html"), "--places", str(places_file))
    assert out.returncode == 0, out.stderr
    assert "1 event (" in out.stderr
    assert "Zorivka Qv" in (tmp_path / "m.html").read_text(encoding="utf-8")
