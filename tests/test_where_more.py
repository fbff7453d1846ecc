"""Where events are placed, session 11: more of the rules an analyst reads places with (issue 15).

Each test gives a report written for these tests (wire, ISW-style and ACLED-style phrasing, invented
events) and checks the first row of its ACLED export, the report's main event: its place, its admin-1
unit and its precision, one field at a time.
"""

from __future__ import annotations

import functools

from tests.acled_cases import NEAR, TOWN, main_row
from tests.acled_cases import near as _near

PUBLISHED = "2023-06-04"
#: ACLED's geo_precision: the named town itself; near a town or a small part of a region.
#: The report's main event (first ACLED row), read as published on :data:`PUBLISHED`.
_main_row = functools.partial(main_row, published=PUBLISHED)


# ---- "X imeni Y": Y is the person the place is named after, no place of its own


def test_the_person_a_mine_is_named_after_is_no_place() -> None:
    """ "imeni Lenina" is Lenin's: the tail's Donetsk is the Ukrainian city, not a Russian district holding
    a village called Lenina."""
    row = _main_row("On 3 June 2023, Ukrainian forces fired mortars at DPR positions in Shakhta imeni Lenina, "
                    "Donetsk. Casualties unknown.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert _near(row, 48.02, 37.80)


def test_a_place_named_after_a_person_in_a_wire_report() -> None:
    row = _main_row("KYIV, June 2 (wire) - Shells hit a colliery known as the mine imeni Kirova near Donetsk "
                    "overnight, local officials said.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert _near(row, 48.02, 37.80)


# ---- a coder's "(coded to X)" says where the event is placed


def test_an_acled_note_coded_to_a_town_is_near_that_town() -> None:
    """The event's own place is a hill the gazetteer lacks; the coder's town, not the border town named
    later in quotes, is where it is, near (precision 2)."""
    row = _main_row("On 3 June 2023, pro-government forces fired artillery at Houthi positions in Jabal Zahrat "
                    "(coded to Al Malahit) and in Wadi Bani Saad (Al Dhaher, Sadah) 'in Jizan'. Casualties unknown.")
    assert row["country"] == "Yemen"
    assert row["admin1"] == "Sadah"
    assert _near(row, 16.77, 43.28)
    assert row["geo_precision"] == NEAR


def test_a_note_whose_fatalities_are_coded_to_another_event_keeps_its_place() -> None:
    row = _main_row("On 3 June 2023, DPR forces shelled Avdiivka, Donetsk, killing two soldiers (fatalities "
                    "coded to Marinka event).")
    assert row["admin1"] == "Donetsk"
    assert _near(row, 48.14, 37.74)
    assert row["geo_precision"] == TOWN


def test_a_region_named_as_a_militias_origin_is_not_the_coded_place() -> None:
    row = _main_row("On 2 June 2023, herders (coded as Kaduna communal militia) attacked farmers in Birnin Gwari, "
                    "Kaduna, killing three.")
    assert row["country"] == "Nigeria"
    assert row["admin1"] == "Kaduna"
    assert "Birnin" in row["location"]
    assert row["geo_precision"] == TOWN


# ---- a country gives way to a town the sentence names after it


def test_migrants_heading_abroad_are_stopped_at_the_town_the_sentence_names() -> None:
    row = _main_row("On 3 June 2023, 25 migrants trying to cross into Greece by boat were stopped off the coast "
                    "of Bodrum, Mugla and detained by the coast guard.")
    assert row["country"] == "Turkey"
    assert row["admin1"] == "Mugla"
    assert _near(row, 37.04, 27.43)


def test_a_wire_report_of_fighters_crossing_a_border_is_placed_at_the_town() -> None:
    row = _main_row("BEIRUT, June 3 (wire) - Gunmen who slipped into Lebanon were arrested on Saturday in Hermel, "
                    "the army said.")
    assert row["country"] == "Lebanon"
    assert _near(row, 34.39, 36.38)
    assert row["geo_precision"] == TOWN


# ---- a site named after a town ("<Town> Filtration Station") is near that town


def test_an_observer_reports_fire_near_a_site_named_after_a_city() -> None:
    row = _main_row("On 3 June 2023, the OSCE SMM observed 12 explosions in both directions of the frontline "
                    "near Donetsk Filtration Station.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert _near(row, 48.02, 37.80)
    assert row["geo_precision"] == NEAR


def test_an_isw_style_strike_on_a_plant_named_after_its_city() -> None:
    row = _main_row("Russian forces struck the Kharkiv Tractor Plant with cruise missiles on June 2, Ukrainian "
                    "officials reported.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Kharkiv"
    assert _near(row, 49.99, 36.23)
    assert row["geo_precision"] == NEAR


# ---- a region's seat lies in the region


def test_an_event_told_only_by_its_region_is_at_a_town_inside_that_region() -> None:
    """The gazetteer gives a district of Saint Petersburg (a federal city of its own) the oblast around it:
    the oblast's seat is a town inside the oblast's polygon, not that district."""
    row = _main_row("On 3 June 2023, residents protested against plans to open a landfill in Leningrad Oblast. "
                    "[size=no report]")
    assert row["country"] == "Russia"
    assert row["admin1"] == "Leningradskaya oblast'"
    assert _near(row, 59.58, 30.13)
    assert row["geo_precision"] == 3


def test_a_region_named_in_an_isw_assessment_is_at_its_capital() -> None:
    row = _main_row("Ukrainian officials reported that Russian forces struck civilian infrastructure in Odesa "
                    "Oblast on June 2.")
    assert row["admin1"] == "Odesa"
    assert _near(row, 46.49, 30.74)


# ---- a village far from the only region its sentence names is its namesake near that region, or none


def test_a_village_named_with_a_region_is_not_its_namesake_across_the_country() -> None:
    """The context's Chervonyi Yar is a village of Odesa Oblast, 800 km from the oblast the sentence names;
    its namesake within 300 km of that oblast is the better reading."""
    row = _main_row("On 2 June 2023, Russian artillery shelled Chervonyi Yar and nearby villages of Luhansk oblast, "
                    "local officials said.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] != "Odesa"
    assert _near(row, 48.57, 39.31, km=350.0)


def test_a_far_village_with_no_namesake_near_the_region_gives_way_to_the_district() -> None:
    """Manpur of Madhya Pradesh is 1,000 km from Bihar: the protest is in Gaya district, at its town."""
    row = _main_row("On 2 June 2023, police fired tear gas at villagers protesting in Manpur village of Gaya "
                    "district, Bihar.")
    assert row["country"] == "India"
    assert row["admin1"] == "Bihar"
    assert _near(row, 24.80, 85.00)
    assert row["event_type"] == "Protests"


# ---- where forces came from is not where the event is


def test_fighters_who_came_from_elsewhere_are_placed_where_they_arrived() -> None:
    row = _main_row("On 3 June 2023, about 400 fighters coming from Ad Dali, Abyan and Lahij reportedly arrived "
                    "at the port (Hidaybu, Suqutra) aboard a ship and joined former forces of the 2nd Brigade that "
                    "defected to the STC.")
    assert row["country"] == "Yemen"
    assert row["admin1"] == "Arkhabil Suqutra"
    assert _near(row, 12.65, 54.02)
    assert row["geo_precision"] == NEAR
    assert row["event_type"] == "Strategic developments"


def test_an_origin_that_is_the_only_place_named_stays_the_events_place() -> None:
    row = _main_row("On 2 June 2023, dozens of tribal fighters coming from Marib joined former forces of the 3rd "
                    "Brigade that defected to the government.")
    assert row["country"] == "Yemen"
    assert row["admin1"] == "Marib"


# ---- the country a war is told of is no context for the report's own places


def test_a_rally_in_support_of_a_war_abroad_is_at_the_home_town() -> None:
    """Vidnoye is a town near Moscow; a hamlet of that name in Crimea must not win because the rally is about
    the war in Ukraine."""
    row = _main_row("On 2 June 2023, local party members organized a motor rally in Vidnoye region in support of "
                    "the military invasion of Ukraine. [size=no report]")
    assert row["country"] == "Russia"
    assert row["admin1"] == "Moscow Oblast"
    assert _near(row, 55.55, 37.71)
    assert row["event_type"] == "Protests"


def test_shelling_told_with_the_war_keeps_its_village_in_the_war() -> None:
    row = _main_row("On 2 June 2023, Russian forces shelled Kurakhove, Donetsk, amid the ongoing war in Ukraine. "
                    "Casualties unknown.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert _near(row, 47.98, 37.28)


# ---- "in <Town>, <Region>, ..." names the sentence's region even with a comma after it


def test_a_community_named_like_a_far_capital_is_in_the_leads_city() -> None:
    """ACLED's Latin American notes open "in <town>, <state>, ...": the state holds the sentence's places,
    so "the Nova Brasilia community" is no district of the capital 900 km away."""
    row = _main_row("On 2 June 2023, in Niteroi, Rio de Janeiro, residents reported shoot-outs between police and "
                    "gang members in the Nova Brasilia community.")
    assert row["country"] == "Brazil"
    assert row["admin1"] == "Rio de Janeiro"
    assert _near(row, -22.88, -43.10)
    assert row["event_type"] == "Battles"


def test_a_mexican_lead_keeps_its_town_when_a_community_is_named() -> None:
    row = _main_row("On 2 June 2023, in Uruapan, Michoacan, police clashed with gunmen in the Guadalupe "
                    "community, leaving two dead.")
    assert row["country"] == "Mexico"
    assert row["admin1"] == "Michoacan de Ocampo"
    assert _near(row, 19.42, -102.06)
    assert row["fatalities"] == 2


# ---- a Colombian vereda is a rural part of a municipality, never a namesake city abroad


def test_a_vereda_is_held_to_the_department_the_note_names() -> None:
    row = _main_row("On 2 June 2023, in the rural area of La Plata municipality (Huila), FARC dissidents attacked "
                    "a police patrol near the San Miguel vereda, killing one officer.")
    assert row["country"] == "Colombia"
    assert row["admin1"] == "Huila"
    assert row["fatalities"] == 1


def test_a_vereda_of_a_named_municipality_is_at_that_municipality() -> None:
    row = _main_row("On 2 June 2023, FARC dissidents attacked a police patrol near the San Miguel vereda of "
                    "Iquira (Huila), killing one officer.")
    assert row["country"] == "Colombia"
    assert row["admin1"] == "Huila"
    assert _near(row, 2.65, -75.63)


def test_a_coders_note_in_its_own_sentence_places_the_event_before_it() -> None:
    row = _main_row("On 2 June 2023, an old landmine exploded and injured a shepherd near a mountain village, "
                    "Erbil province. Coded as Soran district.")
    assert row["country"] == "Iraq"
    assert row["admin1"] == "Erbil"
    assert _near(row, 36.66, 44.54)
    assert row["geo_precision"] == NEAR
