"""ACLED's names in the export (:mod:`geoconflict.model.acled_names`): the rules, the data file they read, and
what the reader makes of them.

The places are real units and towns of the embedded gazetteer; the names expected are ACLED's conventions
(a province by its bare name, a city-region by its English name, transliteration marks dropped).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from geoconflict._data import polygons
from geoconflict.model.acled_names import (
    COUNTRY_NAMES,
    bare_name,
    country_name,
    plain_letters,
    unit_name,
)
from geoconflict.readers.columns import country_codes

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("name", "cc", "expected"), [
    ("Donetsk Oblast", "UA", "Donetsk"),
    ("Sagaing Region", "MM", "Sagaing"),
    ("Istanbul Province", "TR", "Istanbul"),
    ("Banadir Region", "SO", "Banadir"),
    ("Est Region", "BF", "Est"),  # what is left may be a common word: ACLED writes "Est", "Central"
    ("Al Anbar Governorate", "IQ", "Al Anbar"),
    ("Perm Krai", "RU", "Perm"),
])
def test_a_first_level_unit_is_written_without_its_descriptor(name, cc, expected):
    assert unit_name(name, country_code=cc) == expected


@pytest.mark.parametrize(("name", "cc"), [
    ("Free State", "ZA"), ("Northern Territory", "AU"), ("Chechen Republic", "RU"), ("Nairobi City", "KE"),
    ("National Capital Region", "PH"), ("Leningradskaya oblast'", "RU"),
])
def test_a_word_that_is_part_of_the_name_stays(name, cc):
    """A state, territory, republic or city is named so; "Capital Region" and a bare Russian adjective are no names."""
    assert unit_name(name, country_code=cc) == name


def test_a_region_named_like_the_city_region_beside_it_keeps_its_word():
    """ACLED keeps Moscow Oblast apart from Moscow: stripping the word would give the two units one name."""
    assert unit_name("Moscow Oblast", country_code="RU") == "Moscow Oblast"
    assert unit_name("Moskva", country_code="RU") == "Moscow"
    assert unit_name("Kharkiv Oblast", country_code="UA") == "Kharkiv"  # no unit of that bare name


@pytest.mark.parametrize(("name", "cc", "expected"), [
    ("Ḩalab", "SY", "Aleppo"), ("Ţarābulus", "LY", "Tripoli"), ("Bayrūt", "LB", "Beirut"),
    ("Sankt-Peterburg", "RU", "Saint Petersburg"), ("Kaluzhskaya oblast'", "RU", "Kaluga"), ("‘Adan", "YE", "Aden"),
])
def test_a_unit_named_after_its_seat_takes_the_seats_english_name(name, cc, expected):
    assert unit_name(name, country_code=cc) == expected


def test_the_english_name_is_looked_up_by_country():
    """Rule 2 holds for the unit of that country only: another country's unit of that name is left as it is."""
    assert unit_name("Ḩalab", country_code="SY") == "Aleppo"
    assert unit_name("Ḩalab", country_code="IQ") == "Halab"


def test_a_district_drops_its_territory_and_a_region_keeps_it():
    assert unit_name("Rutshuru Territory", country_code="CD", district=True) == "Rutshuru"
    assert unit_name("Lainya County", country_code="SS", district=True) == "Lainya"
    assert unit_name("Chatham Islands Territory", country_code="NZ") == "Chatham Islands Territory"


@pytest.mark.parametrize(("raion", "expected"), [
    ("Pokrovsk Raion", "Pokrovskyi"), ("Bakhmut Raion", "Bakhmutskyi"), ("Volnovakha Raion", "Volnovaskyi"),
    ("Izyum Raion", "Izyumskyi"), ("Kramatorskyi Raion", "Kramatorskyi"), ("Khmelnytskyy Raion", "Khmelnytskyi"),
    ("Mykolayiv urban raion", "Mykolayivskyi"), ("Rivne Raion", "Rivne"), ("Kryvyy Rih Raion", "Kryvyy Rih"),
])
def test_a_ukrainian_raion_is_named_by_its_centres_adjective(raion, expected):
    assert unit_name(raion, country_code="UA", district=True) == expected


def test_a_russian_district_is_its_adjective_and_a_region_keeps_its_word():
    assert unit_name("Korenevskiy Rayon", country_code="RU", district=True) == "Korenevskiy"
    assert unit_name("Leningradskaya oblast'", country_code="RU") == "Leningradskaya oblast'"


def test_the_raion_rule_is_ukraines_and_its_districts_only():
    assert unit_name("Pokrovsk Raion", country_code="RU", district=True) == "Pokrovsk"
    assert unit_name("Lozova City Council", country_code="UA", district=True) == "Lozova City Council"
    assert unit_name("Sumy Oblast", country_code="UA") == "Sumy"


@pytest.mark.parametrize(("name", "expected"), [
    ("Dayr az Zawr", "Dayr az Zawr"), ("Ténenkou", "Tenenkou"), ("Shamāl Sīnā'", "Shamal Sina'"),
    ("Şāʻdah", "Sadah"), ("Muğla", "Mugla"), ("Tərtər", "Tartar"), ("Łódź", "Lodz"), ("Abū Z̧aby", "Abu Zaby"),
    ("Київ", "Київ"), ("Тёткино", "Тёткино"),  # another script is left as it is
])
def test_plain_letters(name, expected):
    assert plain_letters(name) == expected


def test_bare_name_leaves_a_name_that_is_only_a_descriptor():
    assert bare_name("Region") == "Region"
    assert bare_name("Central Province") == "Central"


def test_units_of_one_country_keep_distinct_names():
    """No two first-level units of a country (distinct in the gazetteer) share a name in the export."""
    level = polygons("admin1")
    units = {(str(cc), str(name)) for cc, name in zip(level.cc, level.name, strict=True)}
    by_export: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cc, name in units:
        by_export[(cc, unit_name(name, country_code=cc))].append(name)
    assert len(units) > 3000
    assert [names for names in by_export.values() if len(names) > 1] == []


def test_countries_are_named_as_acled_names_them():
    assert [country_name(c) for c in ("CD", "CG", "PS", "UA", "ML")] == [
        "Democratic Republic of Congo", "Republic of Congo", "Palestine", "Ukraine", "Mali"]
    assert country_name(None) is None


@pytest.mark.parametrize("with_gazetteer", [False, True])
def test_the_reader_takes_acleds_country_names_back_to_their_codes(gazetteer, with_gazetteer):
    names = list(COUNTRY_NAMES.values())
    codes = country_codes(names, gazetteer=gazetteer if with_gazetteer else None)
    assert [codes[n] for n in names] == list(COUNTRY_NAMES)


def test_the_english_names_file_is_what_the_tool_writes_from_the_gazetteer():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_acled_names.py"), "--check"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
