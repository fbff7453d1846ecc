"""Ukraine's settlements from the official codifier: spellings, the shipped places, and ranking among namesakes.

The build (``tools/build_gazetteer.py`` with ``tools/ukraine_codifier.py``) adds
every settlement of Ukraine's codifier; these tests check the spelling rules on
their own, what the shipped files hold, and how reports written in the usual
styles (wire copy, ISW-style assessments, incident notes) resolve the villages.
The sentences are written for these tests.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from geoconflict.extraction import extract
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind

CODIFIER_MODULE = Path(__file__).resolve().parents[1] / "tools" / "ukraine_codifier.py"


def km(place: Place, lat: float, lon: float) -> float:
    return float(haversine_km(place.lat, place.lon, lat, lon))


@pytest.fixture(scope="module")
def codifier():
    """The build's codifier module (a tool, not part of the package)."""
    spec = importlib.util.spec_from_file_location("ukraine_codifier", CODIFIER_MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def places_of(report: str) -> dict[str, Place]:
    """Each place mention's surface -> its place."""
    return {m.surface: m.place for m in extract(report).mentions if m.place is not None}


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
