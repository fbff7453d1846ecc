"""Supplements from GeoNames country dumps: served by a local HTTP server, added, listed, loaded, removed.

The dumps are written here in GeoNames' format (19 tab-separated columns)
with invented villages in real oblasts; the server is ``http.server`` on
127.0.0.1, so no test reaches the network.
"""

from __future__ import annotations

import http.server
import json
import pickle
import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import geoconflict as gc
from geoconflict.cli import main
from geoconflict.errors import DataNotFoundError, FormatError, InvalidInputError, ProviderError
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.geonames_dump import GEONAMES_URL_ENV, add_dump, dump_line
from geoconflict.gazetteer.supplements import (
    DATA_DIR_ENV,
    IGNORE_ENV,
    MINOR_UNIT_PENALTY,
    installed,
    remove,
    supplement_dir,
)
from geoconflict.model import PlaceKind

DONETSK_OBLAST_ID = 709716  # GeoNames' id of Donetsk Oblast, embedded
POKROVSK_ID = 704422  # GeoNames' id of Pokrovsk (Donetsk Oblast), embedded


def dump_lines() -> list[str]:
    """A small UA dump: the oblast, an embedded town with a new spelling, invented villages, other features."""
    return [
        dump_line(gid=DONETSK_OBLAST_ID, name="Donetsk Oblast", lat=48.0, lon=37.5, feature="A.ADM1", cc="UA",
                  admin1="14", alternates=("Donetska oblast", "Донецька область")),
        dump_line(gid=90000001, name="Pokrovskyi Raion Qz", lat=48.3, lon=37.2, feature="A.ADM2", cc="UA",
                  admin1="14", admin2="7701"),
        # an embedded town: a new spelling, no second row
        dump_line(gid=POKROVSK_ID, name="Pokrovsk", lat=48.28, lon=37.18, feature="P.PPLA2", cc="UA", admin1="14",
                  alternates=("Krasnoarmiisk Qz", "Красноармейск"), population="60127"),
        # commas separate alternate names; Cyrillic; empty population
        dump_line(gid=90000002, name="Zoriane Pole", lat=48.41, lon=37.62, feature="P.PPL", cc="UA", admin1="14",
                  admin2="7701", alternates=("Zoryanoye Pole", "Зоряне Поле", "Зорянское Поле")),
        dump_line(gid=90000003, name="Kvitneve Qz", lat=48.44, lon=37.71, feature="P.PPL", cc="UA", admin1="14",
                  population="112", ascii_name="Kvitneve Qz", alternates=("Kvitnevoye Qz",)),
        # a hromada named after its centre: the village wins the plain name
        dump_line(gid=90000004, name="Kvitneve Qz", lat=48.45, lon=37.70, feature="A.ADM3", cc="UA", admin1="14",
                  admin2="7701"),
        # not kept: a stream, a hotel, a historical division
        dump_line(gid=90000005, name="Richka Qz", lat=48.5, lon=37.5, feature="H.STM", cc="UA", admin1="14"),
        dump_line(gid=90000006, name="Hotel Qz", lat=48.5, lon=37.5, feature="S.HTL", cc="UA", admin1="14"),
        dump_line(gid=90000007, name="Old Raion Qz", lat=48.5, lon=37.5, feature="A.ADM2H", cc="UA", admin1="14"),
    ]


def write_dump(path: Path, lines: list[str], *, member: str = "UA.txt") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, "\n".join(lines) + "\n")
        z.writestr("readme.txt", "GeoNames-format test dump\n")
    return path


class _Server(http.server.ThreadingHTTPServer):
    files: dict[str, bytes]
    cut_short: bool


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        body = self.server.files.get(self.path.rsplit("/", 1)[-1])
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if self.server.cut_short else body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[_Server]:
    """An HTTP server on 127.0.0.1 serving ``UA.zip`` (a dump) and ``SY.zip`` (an HTML page, not a zip)."""
    srv = _Server(("127.0.0.1", 0), _Handler)
    srv.files = {"UA.zip": write_dump(tmp_path / "served.zip", dump_lines()).read_bytes(),
                 "SY.zip": b"<html><body>Service unavailable</body></html>"}
    srv.cut_short = False
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def base_url(srv: _Server) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}/export/dump/"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of the test's own, and Gazetteer.default() loading supplements from it."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(IGNORE_ENV, raising=False)
    monkeypatch.setattr(Gazetteer, "_default", None)
    return folder


@pytest.fixture
def added(server: _Server, data_dir: Path) -> Gazetteer:
    add_dump("UA", base_url=base_url(server), progress=False)
    return Gazetteer.default()


def test_download_adds_villages_found_by_search_with_admin_units(added: Gazetteer) -> None:
    place = added.geocode("Zoriane Pole")
    assert (place.country_code, place.admin1, place.admin2) == ("UA", "Donetsk Oblast", "Pokrovskyi Raion Qz")
    assert place.geonames_id == 90000002 and place.population is None and place.source.startswith("supplement UA")
    assert (round(place.lat, 2), round(place.lon, 2)) == (48.41, 37.62)
    for spelling in ("Zoryanoye Pole", "Зоряне Поле", "Зорянское Поле"):  # each alternate of the comma list
        assert added.geocode(spelling) == place
    assert Gazetteer().search("Zoriane Pole") == []  # the embedded gazetteer is unchanged


def test_an_embedded_geonames_id_gains_names_not_a_second_row(added: Gazetteer) -> None:
    embedded = Gazetteer().geocode("Pokrovsk", country="UA")
    assert added.geocode("Krasnoarmiisk Qz") == embedded
    assert [c.place for c in added.search("Pokrovsk", country="UA")].count(embedded) == 1
    ids = [c.place.geonames_id for c in added.search("Pokrovsk", limit=50)]
    assert ids.count(POKROVSK_ID) == 1
    # the oblast's row is the embedded one too: its new spelling leads there
    assert added.geocode("Donetska oblast").kind == PlaceKind.ADMIN1


def test_only_populated_places_and_admin_units_are_kept(added: Gazetteer) -> None:
    for name in ("Richka Qz", "Hotel Qz", "Old Raion Qz"):
        assert added.search(name) == []
    info, = installed()
    assert (info.name, info.rows, info.licence) == ("UA", 6, "CC-BY 4.0")


def test_a_village_outranks_the_hromada_named_after_it(added: Gazetteer) -> None:
    first, second = added.search("Kvitneve Qz", limit=2)
    assert first.place.kind == PlaceKind.POPULATED_PLACE and second.place.kind == PlaceKind.ADMIN2
    assert first.score - second.score >= MINOR_UNIT_PENALTY - 1.0  # the village has only 112 people
    assert added.search("Kvitneve Qz municipality", limit=1)[0].place.kind == PlaceKind.ADMIN2


def test_extract_finds_a_village_of_the_dump_in_a_report(added: Gazetteer) -> None:
    report = gc.read_report("On 4 March 2025, Russian forces shelled Zoryanoye Pole, Donetsk oblast, "
                            "damaging two houses, local authorities said.", published="2025-03-04")
    events = gc.extract(report, gazetteer=added)
    located = [e for e in events.events if e.place is not None]
    assert located and located[0].place.name == "Zoriane Pole"
    assert located[0].place.admin1 == "Donetsk Oblast"
    plain = gc.extract(report, gazetteer=Gazetteer()).events  # the embedded gazetteer alone does not know it
    assert all(e.place is None or e.place.name != "Zoriane Pole" for e in plain)


def test_a_dump_file_carried_to_an_air_gapped_machine(tmp_path: Path, data_dir: Path) -> None:
    path = write_dump(tmp_path / "UA.zip", dump_lines())
    info = add_dump(path)
    assert info.name == "UA" and str(path.resolve()) in info.source
    txt = tmp_path / "UA.txt"
    txt.write_text("\n".join(dump_lines()) + "\n", encoding="utf-8")
    assert add_dump(txt).rows == 6  # the unzipped text too; it replaces the supplement of that name
    assert [i.name for i in installed()] == ["UA"]
    assert Gazetteer.default().geocode("Kvitnevoye Qz").name == "Kvitneve Qz"


def closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_offline_is_a_clear_error(data_dir: Path) -> None:
    port = closed_port()
    with pytest.raises(ProviderError, match=rf"could not download http://127\.0\.0\.1:{port}/UA\.zip.*"
                                            r"gazetteer add UA\.zip"):
        add_dump("UA", base_url=f"http://127.0.0.1:{port}/", progress=False)
    assert installed() == []


def test_a_download_cut_short_is_an_error(server: _Server, data_dir: Path) -> None:
    server.cut_short = True
    with pytest.raises(ProviderError, match="broke off"):
        add_dump("UA", base_url=base_url(server), progress=False)
    assert installed() == []


def test_a_wrong_answer_and_a_missing_dump_are_errors(server: _Server, data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(GEONAMES_URL_ENV, base_url(server))  # the base URL from the environment
    with pytest.raises(ProviderError, match="not a zip file"):
        add_dump("SY", progress=False)
    with pytest.raises(ProviderError, match="HTTP 404"):
        add_dump("SD", progress=False)
    with pytest.raises(InvalidInputError, match="not the ISO code"):
        add_dump("QQ")
    with pytest.raises(InvalidInputError, match="neither"):
        add_dump("no-such-file.zip")


def test_truncated_and_wrong_files_are_errors_naming_the_file(tmp_path: Path, data_dir: Path) -> None:
    whole = write_dump(tmp_path / "whole.zip", dump_lines() * 50).read_bytes()
    cut = tmp_path / "UA.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(FormatError, match=r"UA\.zip.*(not a zip|damaged)"):
        add_dump(cut)
    stray = write_dump(tmp_path / "other.zip", dump_lines(), member="places.txt")
    with pytest.raises(FormatError, match="expected one GeoNames dump"):
        add_dump(stray)
    csv = tmp_path / "UA.txt"
    csv.write_text("name,lat,lon\nZoriane,48.4,37.6\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"2 bad lines.*line 1, column 'columns': 1 tab-separated columns") as err:
        add_dump(csv)
    assert err.value.path == str(csv) and err.value.row == 1
    bad = dump_lines()
    bad[3] = bad[3].replace("48.41000", "north")
    with pytest.raises(FormatError, match=r"line 4, column 'latitude': 'north' is not a number"):
        add_dump(write_dump(tmp_path / "bad.zip", bad))
    assert installed() == []


def test_cli_add_list_remove(server: _Server, data_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["gazetteer", "list"])
    assert result.exit_code == 0 and "no supplement installed" in result.output
    result = runner.invoke(main, ["gazetteer", "add", "UA", "--url", base_url(server)])
    assert result.exit_code == 0, result.output
    assert "added UA: 6 places" in result.output and "CC-BY 4.0" in result.output
    listing = runner.invoke(main, ["gazetteer", "list"]).output
    assert listing.startswith("UA\t6 places\tCC-BY 4.0\t") and "/export/dump/UA.zip" in listing
    result = runner.invoke(main, ["geocode", "Zoriane Pole"])
    assert result.exit_code == 0 and "Donetsk Oblast" in result.output
    result = runner.invoke(main, ["gazetteer", "remove", "UA"])
    assert result.exit_code == 0 and not (supplement_dir() / "UA.npz").exists()
    result = runner.invoke(main, ["gazetteer", "remove", "UA"])
    assert result.exit_code == 1 and "no supplement 'UA' is installed" in result.output
    result = runner.invoke(main, ["gazetteer", "add", "UA", "--url", f"http://127.0.0.1:{closed_port()}/"])
    assert result.exit_code == 1 and "Offline?" in result.output


def test_supplements_can_be_ignored(added: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    assert added.supplement_files
    monkeypatch.setenv(IGNORE_ENV, "1")
    monkeypatch.setattr(Gazetteer, "_default", None)
    assert Gazetteer.default().search("Zoriane Pole") == []
    assert Gazetteer().search("Zoriane Pole") == []


def test_pickled_gazetteer_keeps_its_supplements_and_places(added: Gazetteer, tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country\nHill Qz 17,48.4,37.6,UA\n", encoding="utf-8")
    gaz = added.with_places(mine)
    twin = pickle.loads(pickle.dumps(gaz))
    assert twin.supplement_files == gaz.supplement_files and twin.places_files == gaz.places_files
    assert twin.geocode("Zoriane Pole") == gaz.geocode("Zoriane Pole")
    assert twin.geocode("Hill Qz 17").source == "user places: mine.csv"
    assert twin.scan("Strikes on Zoriane Pole.") == [(11, 23, "Zoriane Pole")]


def test_a_rebuilt_embedded_gazetteer_is_joined_again_by_geonames_id(added: Gazetteer) -> None:
    path = supplement_dir() / "UA.npz"
    with np.load(path) as z:
        columns = {k: z[k] for k in z.files}
    columns["fingerprint"] = np.array(1, dtype=np.int64)  # as if built against another build
    columns["embedded_row"] = np.full_like(columns["embedded_row"], -1)
    columns["admin1_row"] = np.full_like(columns["admin1_row"], -1)
    np.savez(path, **columns)
    rejoined = Gazetteer().with_supplements()
    assert rejoined.geocode("Krasnoarmiisk Qz") == Gazetteer().geocode("Pokrovsk", country="UA")
    assert rejoined.geocode("Zoriane Pole") == added.geocode("Zoriane Pole")


def test_a_supplement_of_another_format_says_to_add_it_again(added: Gazetteer) -> None:
    path = supplement_dir() / "UA.npz"
    with np.load(path) as z:
        columns = {k: z[k] for k in z.files}
    meta = json.loads(str(columns["meta"]))
    columns["meta"] = np.array(json.dumps({**meta, "format": 0}))
    np.savez(path, **columns)
    with pytest.raises(FormatError, match="add its source again"):
        installed()
    with pytest.raises(DataNotFoundError, match="installed: none"):
        remove("SY", directory=path.parents[1].parent / "elsewhere")
    with pytest.raises(InvalidInputError, match="letters, digits"):
        remove("../UA")


def test_two_supplements_sharing_a_place_hold_it_once(tmp_path: Path, data_dir: Path) -> None:
    add_dump(write_dump(tmp_path / "UA.zip", dump_lines()))
    add_dump(write_dump(tmp_path / "allCountries.zip", dump_lines()[:4], member="allCountries.txt"))
    gaz = Gazetteer.default()
    assert len(gaz.supplement_files) == 2
    assert len([c for c in gaz.search("Zoriane Pole", limit=10) if c.place.name == "Zoriane Pole"]) == 1


def test_an_admin1_unit_new_to_the_gazetteer_names_its_places(tmp_path: Path, data_dir: Path) -> None:
    lines = [
        dump_line(gid=90000101, name="Qzland Oblast", lat=47.0, lon=35.0, feature="A.ADM1", cc="UA", admin1="98"),
        dump_line(gid=90000102, name="Qzville", lat=47.1, lon=35.1, feature="P.PPLA", cc="UA", admin1="98",
                  population="5400"),
    ]
    add_dump(write_dump(tmp_path / "UA.zip", lines))
    gaz = Gazetteer.default()
    unit = gaz.geocode("Qzland Oblast")
    assert unit.kind == PlaceKind.ADMIN1 and unit.source.startswith("supplement UA")
    assert gaz.geocode("Qzville").admin1 == "Qzland Oblast"
    assert gaz.search("Qzville", kind="populated_place", near=(47.0, 35.0))[0].place.admin1 == "Qzland Oblast"
