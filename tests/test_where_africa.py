"""Where events are placed in African and Myanmar reporting (issue 15, session 11).

The reports are written for these tests (ACLED-style notes and wire copy, invented events); each test
checks the first row of the ACLED export — the report's main event — one field at a time: its place,
its admin-1 unit and its precision.
"""

from __future__ import annotations

import functools

from tests.acled_cases import NEAR, REGION, TOWN, main_row
from tests.acled_cases import near as _near

PUBLISHED = "2023-06-05"
#: ACLED's geo_precision: the named town (1), near a town or part of a region (2), a region (3).
#: The report's main event (first ACLED row), read as published on :data:`PUBLISHED`.
_main_row = functools.partial(main_row, published=PUBLISHED)


# ---- a parenthesis says where its place is: never a namesake outside the unit it names


def test_a_village_outside_the_province_its_parenthesis_names_gives_way_to_the_territory() -> None:
    """The gazetteer's only Kavumu is in South Kivu; the note says North Kivu, so the territory it names."""
    row = _main_row("On 3 June 2023, Mai-Mai fighters ambushed a FARDC patrol near Kavumu (Masisi, Nord-Kivu), "
                    "killing two soldiers.")
    assert row["country"] == "Democratic Republic of Congo"
    assert row["admin1"] == "Nord-Kivu"
    assert _near(row, -1.40, 28.81, km=40.0)  # Masisi territory, not Kavumu of South Kivu (-2.30, 28.82)
    assert row["geo_precision"] == NEAR
    assert row["event_type"] == "Battles"
    assert row["fatalities"] == 2


def test_a_village_word_before_the_parenthesis_keeps_the_parenthesis_its_own() -> None:
    """ "Rubare village (Rutshuru, North Kivu province)": a Ugandan Rubaare is across the border, not it."""
    row = _main_row("GOMA, June 3 (Reuters) - Rebels attacked an army post in Rubare village (Rutshuru, North Kivu "
                    "province) overnight, a local official said.")
    assert row["country"] == "Democratic Republic of Congo"
    assert row["admin1"] == "Nord-Kivu"
    assert _near(row, -1.19, 29.45)  # Rutshuru
    assert row["event_type"] == "Battles"


def test_a_district_named_in_another_state_is_not_the_states_own() -> None:
    """Irepodun is an LGA of Kwara and of Osun; in a parenthesis that closes with Ekiti it is neither:
    the event is Ekiti's, at its capital."""
    row = _main_row("On 1 June 2023, traders protested against multiple taxes in Ilupeju (Irepodun, Ekiti).")
    assert row["country"] == "Nigeria"
    assert row["admin1"] == "Ekiti"
    assert _near(row, 7.62, 5.22)  # Ado-Ekiti
    assert row["geo_precision"] == REGION
    assert row["event_type"] == "Protests"


def test_a_district_named_in_another_state_by_a_wire_report() -> None:
    row = _main_row("On 5 June 2023, Fulani militiamen attacked farmers in Ilupeju (Irepodun, Ekiti state), "
                    "killing three.")
    assert row["admin1"] == "Ekiti"
    assert row["event_type"] == "Violence against civilians"
    assert row["fatalities"] == 3


def test_a_border_town_the_coder_placed_across_the_line_stays() -> None:
    """A town within a few km of the county its parenthesis names is that town, not the county."""
    row = _main_row("On 4 June 2023, residents blocked a road in Ngong town (Kajiado North, Kajiado county) "
                    "over a land dispute.")
    assert row["location"] == "Ngong"
    assert row["admin1"] == "Kajiado"
    assert row["geo_precision"] == TOWN
    assert row["event_type"] == "Protests"


def test_the_only_district_of_its_name_stands_against_a_slip_in_its_region() -> None:
    """Mambasa is Ituri's; a note that says North Kivu slips, and the district is still Mambasa."""
    row = _main_row("On 2 June 2023, ADF militants looted a health centre in Bandiboli village (Mambasa, Nord-Kivu).")
    assert row["country"] == "Democratic Republic of Congo"
    assert row["location"] == "Mambasa"
    assert row["admin1"] == "Ituri"
    assert row["geo_precision"] == NEAR


# ---- a region a sentence names holds its villages


def test_a_village_of_a_named_region_is_not_its_namesake_elsewhere_in_the_country() -> None:
    """Myanmar has a Let Pan near Yangon; a note in Sagaing region means another, which the gazetteer lacks."""
    row = _main_row("On 2 June 2023, the military raided Let Pan village of Kani township (Yinmarbin district, "
                    "Sagaing region) and burned ten houses.")
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Sagaing"
    assert row["geo_precision"] == REGION
    assert not _near(row, 17.06, 96.25, km=300.0)  # not the Let Pan of Yangon region


# ---- a unit's word says its level loosely: a Kenyan county is a first-level unit


def test_a_county_of_the_reports_country_beats_a_foreign_district_of_its_folded_name() -> None:
    """ "Kisii county" folds like Liberia's Kisi district; in a report on Kenya it is Kenya's county."""
    row = _main_row("NAIROBI, Kenya, June 2 - Boda-boda riders protested in Nyamache township (Bobasi, Kisii "
                    "county) on Friday over police harassment.")
    assert row["country"] == "Kenya"
    assert row["admin1"] == "Kisii"
    assert _near(row, -0.68, 34.77, km=40.0)
    assert row["event_type"] == "Protests"


# ---- an armed group's name is no place; a country gives way to the place where the fighting is


def test_an_acronym_before_a_region_name_makes_it_a_groups_name() -> None:
    """ "IS Sahel" is a group (the word "is" would not join a name; the acronym "IS" does)."""
    row = _main_row("On 7 June 2023, IS Sahel militants ambushed a Malian army convoy near Tessit (Ansongo, Gao), "
                    "killing five soldiers.")
    assert row["country"] == "Mali"
    assert row["location"] == "Tessit"
    assert row["admin1"] == "Gao"
    assert row["geo_precision"] == NEAR  # "near Tessit": near the town, as ACLED codes it (was TOWN)
    assert row["fatalities"] == 5


def test_a_group_named_after_a_region_in_a_note_about_another_country() -> None:
    row = _main_row("Around 1 June 2023, IS Sahel fighters attacked a Nigerien army post in Tillaberi. "
                    "Four soldiers were killed.")
    assert row["country"] == "Niger"
    assert row["event_type"] == "Battles"
    assert row["fatalities"] == 4


def test_fighting_on_a_road_between_two_countries_is_at_the_town_the_sentence_names() -> None:
    row = _main_row("On 3 June 2023, federal troops clashed with OLA rebels on a highway linking Ethiopia to Kenya, "
                    "near Moyale town in Moyale woreda (Borena, Oromia). Casualties unknown.")
    assert _near(row, 3.53, 39.05)  # Moyale, on the border
    assert row["geo_precision"] == TOWN
    assert row["event_type"] == "Battles"


def test_fighting_told_at_a_country_and_a_town_is_at_the_town() -> None:
    row = _main_row("SOMALIA, June 2 - Al Shabaab fighters clashed with Somali troops in Somalia's Bay region "
                    "near Baidoa on Friday, residents said.")
    assert row["country"] == "Somalia"
    assert row["location"] != "Somalia"
    assert row["event_type"] == "Battles"


# ---- a country named as a border is not where the event is; a common word named as a unit keeps its unit


def test_a_road_to_a_countrys_border_is_blocked_where_the_sentence_says() -> None:
    row = _main_row("On 4 June 2023, protesters blocked the highway leading to the Egypt border in Wadi Halfa "
                    "(Wadi Halfa locality, Northern state), rejecting new fuel prices.")
    assert row["country"] == "Sudan"
    assert row["admin1"] == "Northern"
    assert _near(row, 21.80, 31.35)  # Wadi Halfa
    assert row["event_type"] == "Protests"


def test_a_clash_on_the_border_with_a_country_is_at_the_place_near_it() -> None:
    row = _main_row("On 1 June 2023, Sudanese troops clashed with smugglers on the border with Libya, near "
                    "Al Uwaynat in Northern state.")
    assert row["country"] == "Sudan"
    assert row["admin1"] == "Northern"
    assert row["event_type"] == "Battles"


def test_a_compass_word_named_as_a_state_stays_the_reports_state() -> None:
    """ "Northern state" of Sudan is not Fiji's Northern division because a small town of the report is
    far from Fiji."""
    row = _main_row("On 2 June 2023, demonstrators blocked the main road in Merowe (Merowe locality, Northern "
                    "state), denouncing power cuts.")
    assert row["country"] == "Sudan"
    assert row["location"] == "Merowe"
    assert row["admin1"] == "Northern"
    assert row["geo_precision"] == TOWN


# ---- a town the gazetteer spells another way, in the region the sentence names


def test_a_town_romanised_another_way_is_the_regions_town_spelled_alike() -> None:
    """ "Muse" is the gazetteer's "Mu-se"; "Shan-North state" is a part of Shan named as a unit."""
    row = _main_row("On 3 June 2023, a hand grenade thrown into the central market wounded four people in "
                    "Muse (Muse district, Shan-North state).")
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Shan"
    assert _near(row, 24.00, 97.90)
    assert row["geo_precision"] == TOWN


def test_a_final_consonant_romanised_another_way() -> None:
    row = _main_row("On 2 June 2023, the TNLA detained two men accused of theft in Namhkan town (Namhkan "
                    "township, Shan-North state).")
    assert row["admin1"] == "Shan"
    assert _near(row, 23.83, 97.68)


def test_no_town_spelled_alike_leaves_the_region() -> None:
    """No town of Sagaing region is spelled like "Kani": the event stays at the region, not at a near name."""
    row = _main_row("On 1 June 2023, in Kani township (Yinmarbin district, Sagaing region), the military "
                    "burned 30 houses.")
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Sagaing"
    assert row["geo_precision"] == REGION


def test_spellings_alike_and_unlike() -> None:
    from geoconflict.extraction.resolution_spelling import spelled_alike

    assert spelled_alike("Muse", "Mu Se District")
    assert spelled_alike("Kebkabiya", "Kabkabiya")
    assert not spelled_alike("Cadaado", "Adado")  # the first letter differs: not a spelling
    assert spelled_alike("Hpakant", "Hpakan")
    assert not spelled_alike("Pale", "Pala")  # too short to tell
    assert not spelled_alike("Monywa", "Mandalay")
