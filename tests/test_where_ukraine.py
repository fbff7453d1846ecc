"""Where events in Ukraine and Russia are placed: villages that share a name, and their approximate points.

Each test gives a report written for these tests (ACLED-style notes, ISW-style assessments, wire and
monitoring-mission phrasing; invented events) and checks the first row of its ACLED export — the report's
main event — field by field: place, admin-1, precision.
"""

from __future__ import annotations

from datetime import date

import pytest

from geoconflict.extraction.resolution_front import (
    DONBAS_2015,
    FRONT_2022,
    FRONT_2024,
    KHARKIV_2024,
    LINE_SLACK_KM,
    ContactLine,
    line_distance_km,
    lines_at,
    raion_fronts,
)
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import Place, PlaceKind
from tests.acled_cases import NEAR, TOWN, main_row, near

#: A village placed by the line of contact lies this near it (km).
BY_THE_LINE_KM = 25.0
#: ACLED's geo_precision: the named town itself; near a town or a small part of a region.


def _line_km(row: dict, lines: tuple[ContactLine, ...] | None = None) -> float:
    """Kilometres from the row's point to the nearest line of contact of its event's day (or of *lines*)."""
    lines = lines or lines_at(date.fromisoformat(str(row["event_date"])[:10]))
    point = Place(row["location"], kind="populated_place", lat=row["latitude"], lon=row["longitude"])
    return min(line_distance_km(line, point) for line in lines)


def _namesakes(name: str, oblast: str) -> list[Place]:
    return [c.place for c in Gazetteer.default().search(name, country="UA", kind="populated_place", limit=200)
            if c.place.name == name and c.place.admin1 == oblast]


# ---- a village with namesakes in a front-line oblast is the one by the line of contact


def test_a_shelled_village_of_a_front_line_oblast_is_its_namesake_by_the_line() -> None:
    namesakes = _namesakes("Hryhorivka", "Donetsk Oblast")
    assert len(namesakes) >= 3  # the rule has a choice to make
    row = main_row("On 7 March 2023, Russian troops struck Hryhorivka, Donetsk, with tube artillery. "
                   "No casualties were reported.", published="2023-03-08")
    assert row["location"] == "Hryhorivka"
    assert row["admin1"] == "Donetsk"
    assert row["geo_precision"] == TOWN
    assert row["event_type"] == "Explosions/Remote violence"
    nearest = min(line_distance_km(line, p) for p in namesakes for line in lines_at(date(2023, 3, 8)))
    assert _line_km(row) == pytest.approx(nearest, abs=1.0)
    assert _line_km(row) < BY_THE_LINE_KM


def test_monitors_near_a_village_with_no_oblast_named_take_the_one_by_the_line() -> None:
    """The OSCE's monitors reported from the Donbas line; "Orikhove" has namesakes in both its oblasts."""
    row = main_row("The OSCE SMM recorded twelve undetermined explosions near Orikhove on 3 May 2019.",
                   published="2019-05-04")
    assert row["location"] == "Orikhove"
    assert row["admin1"] == "Luhansk"
    assert row["geo_precision"] == NEAR
    assert _line_km(row) < LINE_SLACK_KM


def test_an_isw_style_assault_near_a_village_is_by_the_line() -> None:
    row = main_row("Ukrainian forces repelled a Russian assault near Troitske, Luhansk Oblast, on 12 May, "
                   "the General Staff reported.", published="2022-05-13")
    assert row["location"] == "Troitske"
    assert row["admin1"] == "Luhansk"
    assert row["event_type"] == "Battles"
    assert near(row, 48.63, 38.37)  # by Popasna, not the larger namesake by Svatove


def test_an_acled_style_clash_near_a_village_is_by_the_line() -> None:
    row = main_row("On 12 May 2022, Russian and Ukrainian troops fought near Lozove, Donetsk. Casualties unknown.",
                   published="2022-05-12")
    assert row["location"] == "Lozove"
    assert row["admin1"] == "Donetsk"
    assert row["event_type"] == "Battles"
    assert _line_km(row) < LINE_SLACK_KM


def test_a_wire_report_of_shelling_a_village_of_a_named_region_is_by_the_line() -> None:
    row = main_row("(Wire) 15 July 2022 - Russian artillery hit Mykhailivka, Donetsk region, on Thursday; "
                   "two civilians were wounded, the regional governor said.", published="2022-07-15")
    assert row["location"] == "Mykhailivka"
    assert row["admin1"] == "Donetsk"
    assert row["fatalities"] in (None, 0)
    assert _line_km(row) < LINE_SLACK_KM


def test_a_town_the_dateline_names_leaves_the_choice_to_the_context() -> None:
    """A report that names another settlement (here the dateline's) is placed by its context, not the line."""
    with_town = main_row("Kramatorsk, 15 July 2022 (wire) - Russian artillery hit Mykhailivka, Donetsk region, on "
                         "Thursday.", published="2022-07-15")
    alone = main_row("(Wire) 15 July 2022 - Russian artillery hit Mykhailivka, Donetsk region, on Thursday.",
                     published="2022-07-15")
    assert with_town["location"] == alone["location"] == "Mykhailivka"
    assert _line_km(with_town) > _line_km(alone) + LINE_SLACK_KM


# ---- what the line leaves alone


def test_a_town_of_its_own_keeps_its_name_against_a_village_by_the_line() -> None:
    row = main_row("On 9 August 2022, Russian forces shelled Lyman, Donetsk, damaging a school.",
                   published="2022-08-10")
    assert row["location"] == "Lyman"
    assert row["admin2"] == "Kramatorskyi"
    assert near(row, 48.99, 37.81)


def test_a_named_district_decides_and_the_line_does_not() -> None:
    row = main_row("On 9 August 2022, Russian forces shelled Hryhorivka in Bakhmut raion, Donetsk oblast.",
                   published="2022-08-10")
    assert row["location"] == "Hryhorivka"
    assert row["admin2"] == "Bakhmutskyi"


def test_a_report_from_before_the_line_was_drawn_is_not_moved_to_it() -> None:
    before = main_row("On 9 August 2013, a fire destroyed a barn in Hryhorivka, Donetsk.", published="2013-08-10")
    after = main_row("On 9 August 2021, a fire destroyed a barn in Hryhorivka, Donetsk.", published="2021-08-10")
    assert before["location"] == after["location"] == "Hryhorivka"
    assert _line_km(after) < BY_THE_LINE_KM
    assert _line_km(before, (DONBAS_2015,)) > _line_km(after)


def test_the_line_runs_through_its_oblasts_and_measures_distance() -> None:
    gaz = Gazetteer.default()
    for unit in DONBAS_2015.units:
        assert gaz.geocode(unit, kind=PlaceKind.ADMIN1).country_code == DONBAS_2015.country
    kyiv = gaz.geocode("Kyiv")
    assert line_distance_km(DONBAS_2015, kyiv) > 500
    first = Place("start", kind="populated_place", lat=DONBAS_2015.points[0][0], lon=DONBAS_2015.points[0][1])
    assert line_distance_km(DONBAS_2015, first) < 1


# ---- a village the gazetteer holds only at its raion's centre, where the raion meets the line

POKROVSK_RAION_CENTRE = (48.2801, 37.1771)


def test_a_village_at_its_raions_centre_is_placed_where_the_raion_meets_the_line() -> None:
    (village,) = _namesakes("Tonenke", "Donetsk Oblast")
    assert village.approximate and near({"latitude": village.lat, "longitude": village.lon}, *POKROVSK_RAION_CENTRE, 1)
    row = main_row("On 2 June 2022, Russian troops fired rockets at Tonenke, Donetsk. No casualties were reported.",
                   published="2022-06-02")
    assert row["location"] == "Tonenke"
    assert row["admin1"] == "Donetsk"
    assert row["admin2"] == "Pokrovskyi"
    assert row["event_type"] == "Explosions/Remote violence"
    assert not near(row, *POKROVSK_RAION_CENTRE)
    assert _line_km(row) <= LINE_SLACK_KM


def test_a_village_at_the_centre_of_a_raion_away_from_the_line_stays_there() -> None:
    (village,) = _namesakes("Rohanske", "Donetsk Oblast")
    row = main_row("On 2 June 2022, a missile hit a farm in Rohanske, Donetsk, the regional governor said.",
                   published="2022-06-02")
    assert row["location"] == "Rohanske"
    assert (row["latitude"], row["longitude"]) == pytest.approx((village.lat, village.lon))
    assert _line_km(row) > BY_THE_LINE_KM


def test_the_raions_on_the_line_are_those_its_own_towns_show() -> None:
    fronts = raion_fronts(Gazetteer.default(), DONBAS_2015)
    assert ("Donetsk Oblast", "Pokrovsk Raion") in fronts  # Avdiivka, Marinka
    assert ("Luhansk Oblast", "Siverskodonetskyi Raion") in fronts  # Popasna, Zolote
    assert ("Donetsk Oblast", "Kramatorskyi Raion") not in fronts
    assert all(unit in DONBAS_2015.units for unit, _ in fronts)


# ---- an event told near a place is near it (ACLED's geo_precision 2), one told at it is at it (1)


@pytest.mark.parametrize(("text", "precision"), [
    ("On 4 July 2023, Russian forces shelled near Kupiansk, Kharkiv. Casualties unknown.", NEAR),
    ("On 4 July 2023, Russian forces shelled Kupiansk, Kharkiv. Casualties unknown.", TOWN),
    ("Russian drones struck a warehouse on the outskirts of Kupiansk on Tuesday, the regional governor said.",
     NEAR),
    ("A mine exploded in the vicinity of the town of Kupiansk on 4 July 2023, wounding a farmer.", NEAR),
])
def test_an_event_told_near_a_town_is_near_it(text: str, precision: int) -> None:
    row = main_row(text, published="2023-07-05")
    assert row["location"] == "Kupyansk"  # the gazetteer's spelling
    assert row["admin1"] == "Kharkiv"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["geo_precision"] == precision
    assert near(row, 49.71, 37.61)


def test_a_protest_near_a_russian_city_is_near_it_and_one_in_it_is_at_it() -> None:
    near_city = main_row("Residents rallied near Belgorod on 20 May 2023 to demand shelters, local media said.",
                         published="2023-05-21")
    in_city = main_row("Residents rallied in Belgorod on 20 May 2023 to demand shelters, local media said.",
                       published="2023-05-21")
    for row in (near_city, in_city):
        assert row["location"] == "Belgorod"
        assert row["country"] == "Russia"
        assert row["admin1"] == "Belgorod"
        assert row["event_type"] == "Protests"
    assert (near_city["geo_precision"], in_city["geo_precision"]) == (NEAR, TOWN)


def test_a_city_named_beside_the_village_is_context_the_line_does_not_override() -> None:
    """ "near Donetsk city" names a settlement: the village is chosen by it, as without the line; "Mykhailivka,
    Donetsk" (the oblast) names none, and the village is the namesake by the line."""
    by_city = main_row("On 3 May 2023, Russian forces shelled Mykhailivka near Donetsk city.", published="2023-05-03")
    by_oblast = main_row("On 3 May 2023, Russian forces shelled Mykhailivka, Donetsk.", published="2023-05-03")
    assert by_city["location"] == by_oblast["location"] == "Mykhailivka"
    assert by_city["admin2"] != by_oblast["admin2"]
    assert _line_km(by_oblast) < LINE_SLACK_KM
    assert _line_km(by_city) > _line_km(by_oblast) + LINE_SLACK_KM


# ---- the front of the report's day


def test_the_lines_of_a_day_are_those_that_held_then() -> None:
    assert lines_at(date(2021, 6, 1)) == (DONBAS_2015,)
    assert lines_at(date(2023, 6, 1)) == (FRONT_2022,)
    assert lines_at(date(2024, 5, 20)) == (FRONT_2022, KHARKIV_2024)
    assert lines_at(date(2025, 2, 1)) == (FRONT_2024, KHARKIV_2024)
    assert lines_at(date(2014, 6, 1)) == ()


@pytest.mark.parametrize("line, town, km", [
    (FRONT_2022, "Bakhmut", 1.0), (FRONT_2022, "Avdiivka", 1.0), (FRONT_2022, "Vuhledar", 1.0),
    (FRONT_2024, "Pokrovsk", 5.0), (FRONT_2024, "Chasiv Yar", 1.0), (FRONT_2024, "Toretsk", 1.0),
    (KHARKIV_2024, "Vovchansk", 1.0),
])
def test_each_front_runs_by_the_towns_fought_over_on_it(line: ContactLine, town: str, km: float) -> None:
    gaz = Gazetteer.default()
    assert line_distance_km(line, gaz.geocode(town, country="UA")) < km
    for unit in line.units:
        assert gaz.geocode(unit, kind=PlaceKind.ADMIN1).country_code == line.country


def test_a_village_of_a_later_report_is_its_namesake_by_that_days_front() -> None:
    """Donetsk Oblast has a Myrne by the line of 2015 (Volnovakha Raion) and one by Velyka Novosilka, on the front
    of 2023–2025 (Pokrovsk Raion): a report is placed by the front of its own day."""
    text = "On 4 March {}, Russian forces shelled Myrne, Donetsk Oblast, with artillery. No casualties were reported."
    earlier = main_row(text.format(2021), published="2021-03-05")
    later = main_row(text.format(2024), published="2024-03-05")
    assert earlier["location"] == later["location"] == "Myrne"
    assert (earlier["admin2"], later["admin2"]) == ("Volnovaskyi", "Pokrovskyi")
    assert near(later, 47.99, 36.71)
    assert _line_km(later) < BY_THE_LINE_KM and _line_km(earlier) < BY_THE_LINE_KM
    assert _line_km(later, (DONBAS_2015,)) > BY_THE_LINE_KM
