"""Where events are placed when the note's village is unknown (issue 15, session 12, branch `rest`).

The reports are written for these tests (ACLED-style notes and wire copy, invented events and phrasing); each
test checks the first row of the ACLED export — the report's main event — one field at a time: its place, its
admin-1 unit and its precision (ACLED's geo_precision: 1 the named town, 2 near a town or part of a region, 3 a
region at its capital).
"""

from __future__ import annotations

import functools

from tests.acled_cases import NEAR, REGION, main_row
from tests.acled_cases import near as _near

PUBLISHED = "2023-06-05"
#: The report's main event (first ACLED row), read as published on :data:`PUBLISHED`.
_main_row = functools.partial(main_row, published=PUBLISHED)


# ---- a region named in the event's own words gives way to a town of that region the sentence names


def test_a_region_named_as_the_victims_people_gives_way_to_the_township_town() -> None:
    """ "Kachin farmers" names who was abducted; the sentence's place is the township, whose town is Hpakant."""
    row = _main_row("On 12 May 2023, in a village of Hpakant township (Mohnyin district, Kachin state), unidentified "
                    "gunmen abducted four Kachin farmers.")
    assert row["location"] == "Hpakan"
    assert row["admin1"] == "Kachin"
    assert row["geo_precision"] == NEAR
    assert row["sub_event_type"] == "Abduction/forced disappearance"


def test_a_region_after_the_victims_gives_way_to_the_town_its_sentence_names() -> None:
    row = _main_row("On 2 June 2023, unknown gunmen shot dead two Shan traders on the road outside Lashio, Shan state.")
    assert row["location"] == "Lashio"
    assert row["admin1"] == "Shan"
    assert _near(row, 22.94, 97.75)
    assert row["geo_precision"] == NEAR
    assert row["fatalities"] == 2



def test_a_region_listed_with_another_keeps_the_event_when_the_other_is_also_a_village_in_it() -> None:
    """ "England and Wales" names two peers: Wales is no part of England here, though a village of England bears
    its name."""
    row = _main_row("On 5 June 2023, police arrested 30 people at protests across England and Wales against fuel "
                    "prices.")
    assert row["location"] == "England"
    assert row["geo_precision"] == REGION
    assert row["sub_event_type"] == "Protest with intervention"  # arrests at protests (ACLED)


# ---- a road named by its two ends: each end is a place of the report, the far end is not where the event is


def test_a_roads_far_end_tells_the_country_of_a_district_named_alone() -> None:
    """ "Bara district" alone is a Brazilian Barra by spelling; the road's far end, Birgunj, says Nepal."""
    row = _main_row("On 9 June 2023, villagers blocked the Sirsiyatol-Birgunj road for six hours while protesting in "
                    "Sirsiyatol village (Bara district) over the death of a motorcyclist.")
    assert row["country"] == "Nepal"
    assert row["admin1"] == "Madhesh"
    assert row["location"] == "Bara"
    assert row["geo_precision"] == NEAR
    assert row["event_type"] == "Protests"


def test_a_roads_far_end_is_not_the_place_of_an_event_its_sentence_places_elsewhere() -> None:
    """The blast is in a village of Pyapon district, on the road to Pathein: not in Pathein."""
    row = _main_row("On 4 June 2023, in Kyonlay village (Pyapon district, Ayeyarwady region), a bomb exploded near a "
                    "police post on the Kyonlay-Pathein road.")
    assert row["location"] == "Pyapon"
    assert row["admin1"] == "Ayeyarwady"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"


def test_a_road_named_only_by_its_ends_is_at_the_end_the_gazetteer_knows() -> None:
    row = _main_row("On 4 June 2023, a roadside bomb exploded on the Kyonlay-Pathein road, wounding a soldier.")
    assert row["location"] == "Pathein"
    assert row["country"] == "Myanmar"


# ---- among a name's towns inside the units named, the one the name is the own name of


def test_a_district_named_with_its_word_is_at_the_town_of_its_own_name() -> None:
    """Two towns of Kaduna answer to "Birnin Gwari": one by its own name, the LGA's seat; a bigger one by another of
    its names. The LGA is its seat's, not the other's."""
    row = _main_row("On 3 June 2023, bandits killed two farmers on a road in Birnin Gwari LGA, Kaduna.")
    assert row["location"] == "Birnin Gwari"
    assert row["admin1"] == "Kaduna"
    assert _near(row, 10.66, 6.54, km=10.0)
    assert row["fatalities"] == 2
