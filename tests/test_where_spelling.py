"""Places spelt otherwise than the gazetteer spells them (issue 15, session 12).

A coder's romanisation of an Arabic, Burmese, Tamasheq, Persian or Russian name is often not the
gazetteer's. Such a name is looked for among the places of the area the report gives (the first-level units
of its resolved places, the unit or town it was placed at for want of its own name), by a key a linguist
would compare romanisations with (:mod:`geoconflict.lang.translit`), never anywhere else.

The reports are written for these tests (invented events, in the style of ACLED notes and wire copy); the
place names are real places. Each test reads the report's main event (the first row of its ACLED export)
and checks its place, admin-1 unit and precision one by one.
"""

from __future__ import annotations

import functools

import pytest

from geoconflict import extract, read_report
from geoconflict.gazetteer import Gazetteer, variants
from geoconflict.gazetteer.variants import spelled_variants, spelling
from tests.acled_cases import NEAR, REGION, TOWN, main_row, near

PUBLISHED = "2024-04-20"
#: ACLED's geo_precision: the named town (1), near a town or part of a region (2), a region (3).
_main_row = functools.partial(main_row, published=PUBLISHED)


def _rows(text: str) -> list[dict]:
    """Every row of the report's ACLED export."""
    return extract(read_report(text, published=PUBLISHED)).to_acled().to_dict("records")


# ---- a name spelt otherwise, inside the area the report names


def test_a_city_spelt_otherwise_inside_the_governorate_its_tail_names() -> None:
    """ "Quamishli" is the gazetteer's "Al Qamishli": the article left out, "qu" for "q"."""
    row = _main_row("On 4 March 2024, unknown gunmen shot dead a shopkeeper in Quamishli city, Hasakah governorate.")
    assert row["location"] == "Al Qamishli"
    assert row["admin1"] == "Al Hasakah"
    assert near(row, 37.05, 41.23, km=5.0)
    assert row["geo_precision"] == TOWN
    assert row["event_type"] == "Violence against civilians"


def test_a_town_of_two_words_the_scan_knew_only_apart() -> None:
    """ "Tal Tamer" is "Tall Tamr": "Tal" and "Tamer" alone are far namesakes; the run is one name (told "near"
    it, the event is near the town: precision 2, as ACLED codes it)."""
    row = _main_row("Artillery shells fell on homes near Tal Tamer, in Hasakah province, on Monday, residents said.")
    assert row["location"] == "Tall Tamr"
    assert row["admin1"] == "Al Hasakah"
    assert near(row, 36.66, 40.37, km=5.0)
    assert row["geo_precision"] == NEAR


def test_a_tamasheq_name_before_the_parenthesis_that_says_where_it_is() -> None:
    """ "Ntillit (Gao, Gao)" is "I-n-Tillit": the vowel before the first consonant written or not."""
    row = _main_row("On 2 April 2024, militants set fire to a health post in Ntillit (Gao, Gao), injuring a nurse.")
    assert row["location"] == "I-n-Tillit"
    assert row["admin1"] == "Gao"
    assert near(row, 15.55, -0.46, km=5.0)
    assert row["geo_precision"] == TOWN


def test_a_burmese_township_named_with_its_district_and_region() -> None:
    """ "Twantay" is "Twante": a final vowel romanised two ways."""
    row = _main_row("On 5 April 2024, soldiers raided a monastery in Twantay township (Yangon-South district, Yangon "
                    "region) and detained three monks.")
    assert row["location"] == "Twante"
    assert row["admin1"] == "Yangon"
    assert near(row, 16.71, 95.93, km=5.0)
    assert row["geo_precision"] == TOWN


def test_a_russian_spelling_of_a_ukrainian_village() -> None:
    """ "Logvinovo" is "Lohvynove": the Russian g for the Ukrainian h (both the one letter), other vowels."""
    row = _main_row("On 13 April 2024, Russian forces shelled Logvinovo, Donetsk oblast, damaging a school.")
    assert row["location"] == "Lohvynove"
    assert row["admin1"] == "Donetsk"
    assert near(row, 48.33, 38.37, km=5.0)
    assert row["geo_precision"] == TOWN
    assert row["actor1"] == "Russian forces"


def test_a_district_placed_at_its_province_for_want_of_its_name_is_its_district() -> None:
    """ "Kishindih district, Balkh" was the province for want of the name; the gazetteer has "Kishindeh"."""
    row = _main_row("On 14 April 2024, an airstrike hit a madrasa in Kishindih district, Balkh, killing two students.")
    assert row["location"] == "Kishindeh"
    assert row["admin1"] == "Balkh"
    assert near(row, 36.03, 66.84, km=5.0)
    assert row["geo_precision"] == NEAR  # a district: part of a region
    assert row["fatalities"] == 2


def test_a_village_named_by_its_bearing_from_a_town() -> None:
    """ "Karama, east of Raqqa city" was Raqqa for want of the name; "Al Karamah" is 26 km east of it."""
    row = _main_row("On 15 April 2024, SDF forces detained five men in Karama, east of Raqqa city.")
    assert row["location"] == "Al Karamah"
    assert row["admin1"] == "Ar Raqqah"
    assert near(row, 35.87, 39.28, km=5.0)
    assert row["geo_precision"] == TOWN


# ---- never without the area's evidence


def test_no_area_no_variant() -> None:
    """The report names no other place: "Quamishli" is not looked for anywhere."""
    rows = _rows("On 12 April 2024, unknown gunmen killed a money changer in Quamishli.")
    assert not any(near(row, 37.05, 41.23, km=50.0) for row in rows)


def test_the_named_area_holds_no_such_place() -> None:
    """The governorate named is Aden's: the Syrian Qamishli is no reading of the name there."""
    row = _main_row("On 12 April 2024, Houthi fighters shelled houses in Quamishli, Aden governorate.")
    assert row["admin1"] == "Aden"
    assert not near(row, 37.05, 41.23, km=500.0)
    assert row["geo_precision"] == REGION


def test_a_variant_is_looked_for_only_in_the_units_given(gazetteer: Gazetteer) -> None:
    assert [p.name for _, p in spelled_variants(gazetteer, "Thiban", country="SY",
                                                units=frozenset({"Dayr az Zawr"}))] == ["Dhībān"]
    assert spelled_variants(gazetteer, "Thiban", country="SY", units=frozenset({"Ar Raqqah"})) == []
    assert spelled_variants(gazetteer, "Thiban", country="ZZ", units=frozenset({"Dayr az Zawr"})) == []


def test_names_of_one_spelling_countries_match_only_letter_for_letter(gazetteer: Gazetteer) -> None:
    """In a Latin-script country a name spelt otherwise is another name ("Melton" is no "Milton")."""
    assert spelled_variants(gazetteer, "Melton", country="US", units=frozenset({"Georgia"})) == []
    assert [p.name for _, p in spelled_variants(gazetteer, "Bakirkoy", country="TR",
                                                units=frozenset({"Istanbul Province"}))] == ["Bakırköy"]


# ---- the key, as a linguist compares romanisations

#: (a spelling, another, the country's code or None): one name, as the key reads them.
ONE_NAME = [
    ("Mykhaylivka", "Mykhailivka", "UA"),  # y/i
    ("Velykomykhailivka", "Velykomikhailivka", "UA"),
    ("Logvinovo", "Lohvynove", "UA"),  # the Russian g for the Ukrainian h, -ovo/-ove
    ("Novoaleksandrovka", "Novooleksandrivka", "UA"),  # Russian and Ukrainian vowels
    ("Yasunivka", "Yasynivka", "UA"),
    ("Tal Tamer", "Tall Tamr", "SY"),  # a doubled letter, a vowel written or not
    ("Thiban", "Dhiban", "SY"),  # th/dh
    ("Quamishli", "Al Qamishli", "SY"),  # the article, q/k
    ("Mansura", "Al Mansurah", "SY"),  # the article, the final -ah
    ("Khani Chahar Bagh", "Khan-e Chahar Bagh", "AF"),  # the Persian ezafe
    ("Khas Urozgan", "Khas Uruzgan", "AF"),
    ("Kishindih", "Kishindeh", "AF"),  # the final -ih/-eh
    ("Twantay", "Twante", "MM"),
    ("Ntillit", "I-n-Tillit", "ML"),
    ("Dawlat Abad", "Dowlatabad", "AF"),  # w/v, a/o
]
#: Names the key keeps apart.
TWO_NAMES = [
    ("Koundougou", "Kenedougou", "BF"),  # two places of their vowels differ
    ("Vasylivka", "Yasynivka", "UA"),
    ("Zhelanne", "Bazhane", "UA"),
    ("Tavrycheske", "Tavriiske", "UA"),  # a consonant more
    ("Muse", "Mese", "MM"),  # two consonants: too short to tell
    ("Logvinovo", "Lohvynove", "SY"),  # g and h are one letter only in Ukrainian and Russian names
]


def _alike(a: str, b: str, cc: str | None) -> bool:
    """Whether the key reads *a* and *b* as one name, as :func:`spelled_variants` does for an exact key."""
    x, y = spelling(a, cc), spelling(b, cc)
    slips = x.vowel_slips(y)
    allowed = 0 if len(x.key) == variants.MIN_KEY else variants.VOWEL_SLIPS + (len(x.key) >= variants.LONG_KEY)
    return len(x.key) >= variants.MIN_KEY and slips is not None and slips <= allowed


@pytest.mark.parametrize(("a", "b", "cc"), ONE_NAME, ids=[f"{a}={b}" for a, b, _ in ONE_NAME])
def test_spellings_of_one_name(a: str, b: str, cc: str) -> None:
    assert _alike(a, b, cc)


@pytest.mark.parametrize(("a", "b", "cc"), TWO_NAMES, ids=[f"{a}!={b}" for a, b, _ in TWO_NAMES])
def test_names_the_key_keeps_apart(a: str, b: str, cc: str) -> None:
    assert not _alike(a, b, cc)


def test_a_slip_is_a_swap_of_neighbours_or_an_h() -> None:
    assert variants._slip(spelling("Verhknia").key, "vrkhn")  # h and k swapped
    assert variants._slip("nmhkn", "nmkn")  # an h written or not
    assert not variants._slip("tvrCsk", "tvrsk")  # another consonant


# ---- the index: built once per unit, bounded, and the same answers from an empty memo


def test_answers_do_not_depend_on_what_was_remembered(gazetteer: Gazetteer) -> None:
    first = spelled_variants(gazetteer, "Tal Tamer", country="SY", units=frozenset({"Al Ḩasakah"}))
    gazetteer.memo("variants.found").clear()
    gazetteer.memo("variants.index").clear()
    assert spelled_variants(gazetteer, "Tal Tamer", country="SY", units=frozenset({"Al Ḩasakah"})) == first
    assert [p.name for _, p in first] == ["Tall Tamr"]


def test_the_index_keeps_a_bounded_number_of_places(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = Gazetteer()  # a gazetteer of its own: the shared one's memo is left as it is
    units = ("Al Ḩasakah", "Ar Raqqah", "Al Qunayţirah")
    for unit in units:
        spelled_variants(gaz, "Tal Tamer", country="SY", units=frozenset({unit}))
    kept = gaz.memo("variants.index")
    sizes = {unit: len(index.rows) for (_, unit), index in kept.items()}
    assert list(sizes) == list(units)  # least recently used first
    kept.clear()
    gaz.memo("variants.found").clear()  # (else the answers are remembered, no index read)
    monkeypatch.setattr(variants, "PLACES_KEPT", sizes["Ar Raqqah"] + sizes["Al Qunayţirah"])  # not all three
    for unit in units:
        spelled_variants(gaz, "Tal Tamer", country="SY", units=frozenset({unit}))
    assert list(kept) == [("SY", "Ar Raqqah"), ("SY", "Al Qunayţirah")]  # the least recently used went
