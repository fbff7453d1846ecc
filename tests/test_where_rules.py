"""Where events are placed: the rules a careful analyst reads a report's places with (issue 15).

Each test gives a report written for these tests (wire, ISW-style and ACLED-style phrasing, invented
events) and checks the first row of its ACLED export — the report's main event — one field at a time.
"""

from __future__ import annotations

import functools

from geoconflict import extract, read_report
from tests.acled_cases import main_row
from tests.acled_cases import near as _near

PUBLISHED = "2023-06-04"
#: The report's main event (first ACLED row), read as published on :data:`PUBLISHED`.
_main_row = functools.partial(main_row, published=PUBLISHED)


# ---- a name written with hyphens or an article is one name


def test_a_hyphenated_name_the_scan_misses_is_found_whole() -> None:
    row = _main_row("On 3 June 2023, regime forces shelled the eastern countryside of Deir-ez-Zor, "
                    "killing two civilians.")
    assert row["country"] == "Syria"
    assert _near(row, 35.34, 40.14)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] == 2


def test_an_arabic_article_before_a_name_is_part_of_it() -> None:
    row = _main_row("On 2 June 2023, unidentified gunmen shot dead a shepherd near a farm in Al Hasakeh countryside.")
    assert row["country"] == "Syria"
    assert _near(row, 36.50, 40.75)
    assert row["event_type"] == "Violence against civilians"
    assert row["fatalities"] == 1


def test_a_hyphenated_article_leaves_the_name_it_is_joined_to() -> None:
    row = _main_row("Wire, 1 June 2023: Protesters blocked the main road in As-Sweida city on Thursday over "
                    "fuel shortages.")
    assert row["country"] == "Syria"
    assert _near(row, 32.71, 36.57)
    assert row["event_type"] == "Protests"


def test_a_name_with_an_inner_article_is_found_whole_and_is_the_districts_town() -> None:
    """ "Maarat al-Numan": the whole name is a district and its seat; a bare name is the town."""
    row = _main_row("Government aircraft bombed a market in Maarat al-Numan on 1 June 2023, killing five people, "
                    "a monitoring group said.")
    assert row["country"] == "Syria"
    assert row["location"] == "Maarrat an Numan"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] == 5


# ---- the report's actors say where its lone names are


def test_actor_area_is_what_all_the_parties_share() -> None:
    from geoconflict.extraction.resolution_actors import actor_area

    assert actor_area("Russian forces and Ukrainian forces exchanged fire.") == {"RU", "UA", "BY"}
    assert actor_area("Houthi fighters clashed with Saudi-led troops; Saudi jets struck back.") == {"SA", "YE"}
    assert actor_area("DPR fighters shelled the village; Ukrainian forces returned fire.") == {"UA", "RU", "BY"}
    assert actor_area("Protesters gathered outside parliament.") == frozenset()


def test_a_lone_name_is_placed_where_the_reports_actors_fight() -> None:
    """ "Gaza" alone is a province of Mozambique by its name; with Israeli forces it is the Gaza Strip's city."""
    row = _main_row("On 3 May 2023, Israeli forces fired at Palestinian fishermen off the coast of Gaza. "
                    "No injuries were reported.")
    assert row["country"] == "Palestine"
    assert _near(row, 31.50, 34.47)
    assert row["actor1"] == "Israeli forces"


def test_a_far_homonym_outside_the_actors_area_is_left_unresolved() -> None:
    """ "Ara" is a city of India by another of its names; in a Syrian report it is no place of India."""
    events = extract(read_report(
        "Wire, 2 June 2023: Gunmen shot dead a farmer in Ara village on Thursday, and SDF fighters later "
        "raided the area, a Syrian monitor said.", published=PUBLISHED))
    assert all(p.country_code != "IN" for p in events.places)
    ara = [m for m in events.mentions if m.text == "Ara"]
    assert ara and ara[0].place is None
    assert "IN" in {p.country_code for p in ara[0].candidates}


# ---- a city's part is inside the city the report names


def test_a_neighbourhood_is_inside_the_city_not_a_namesake_town() -> None:
    """ "Terra Nova" is a town of Bahia; "the Terra Nova neighborhood" of a Manaus report is a part of Manaus."""
    row = _main_row("On 16 January 2023, in Manaus (Amazonas), gunmen exchanged fire with military police in the "
                    "Terra Nova neighborhood. Three suspects were killed.")
    assert row["location"] == "Manaus"
    assert row["admin1"] == "Amazonas"
    assert row["event_type"] == "Battles"
    assert row["fatalities"] == 3


def test_a_colonia_before_a_name_is_a_part_of_the_city() -> None:
    row = _main_row("As reported on 2 May 2023, in Tijuana, Baja California, armed men shot and killed a taxi driver "
                    "in Colonia Obrera. 1 fatality.")
    assert row["location"] == "Tijuana"
    assert row["country"] == "Mexico"
    assert row["event_type"] == "Violence against civilians"
    assert row["fatalities"] == 1


def test_a_big_city_by_its_own_name_is_not_pulled_to_a_village_spelled_so() -> None:
    """A country named as a party ("the war in Ukraine") does not make "Kaluga" a Ukrainian village."""
    row = _main_row("On 4 June 2023, about 30 activists of a pro-government youth movement staged a rally in Kaluga "
                    "in support of the war in Ukraine.")
    assert row["country"] == "Russia"
    assert row["location"] == "Kaluga"
    assert row["event_type"] == "Protests"


# ---- a district the gazetteer lacks is around its seat, in the region the report names


def test_a_district_the_gazetteer_lacks_is_placed_at_its_seat_in_the_named_region() -> None:
    row = _main_row("On 5 June 2023, Russian troops shelled Pokrovske district, Dnipropetrovsk region, damaging a "
                    "school. No casualties.")
    assert row["location"] == "Pokrovske"
    assert row["admin1"] == "Dnipropetrovsk"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"


# ---- ACLED-style notes say where an event is coded


def test_a_coders_note_places_the_event_at_the_coded_town() -> None:
    row = _main_row("On 2 June 2023, Russian forces shelled the outskirts of Kharkiv and Chuhuiv districts, Kharkiv "
                    "region (coded to Chuhuiv). Two civilians were wounded.")
    assert row["location"] == "Chuhuyiv"
    assert row["admin1"] == "Kharkiv"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"


def test_a_place_named_after_someone_is_one_name_not_its_first_word() -> None:
    """ "Shakhta imeni Kirova" (a mine settlement named after Kirov) is no "Shakhta" of the Urals."""
    events = extract(read_report("On 2 June 2023, DPR fighters fired mortars at Ukrainian positions near Shakhta imeni "
                                 "Kirova, Donetsk. Casualties unknown.", published=PUBLISHED))
    row = events.to_acled().iloc[0].to_dict()
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert "Shakhta" not in {m.text for m in events.mentions}
    assert row["actor1"] == "DPR"


def test_capitalised_words_before_a_neighbourhood_word_are_part_of_it() -> None:
    row = _main_row("On 27 March 2023, in Araucaria (Parana), a gunman exchanged fire with military police in the "
                    "Capela Velha neighborhood. The gunman was killed. 1 fatality.")
    assert row["location"] == "Araucaria"
    assert row["admin1"] == "Parana"
    assert row["event_type"] == "Battles"


# ---- groups and observers that report from a few regions


def test_an_observer_on_the_contact_line_places_a_village_there() -> None:
    """A village with namesakes in several oblasts, in a monitoring mission's report, is the Donbas one."""
    row = _main_row("On 3 June 2023, the OSCE SMM recorded 12 explosions of undetermined weapons near Vodiane.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk"
    assert row["event_type"] == "Explosions/Remote violence"


def test_a_rebel_group_from_one_province_places_a_village_there() -> None:
    from geoconflict.extraction.resolution_actors import hinted_regions
    from geoconflict.gazetteer import Gazetteer

    assert hinted_regions(Gazetteer.default(), "M23 rebels and ADF fighters") == {
        ("CD", "Nord-Kivu"), ("CD", "Ituri")}
    assert hinted_regions(Gazetteer.default(), "Police dispersed a crowd.") == set()


# ---- "Village, Region": the region holds the village, whatever its namesakes


def test_a_village_with_a_hundred_namesakes_is_the_one_in_the_region_its_tail_names() -> None:
    """ "Oleksandrivka" is also an old name of Donetsk; with ", Kharkiv" it is a village of Kharkiv Oblast."""
    row = _main_row("On 4 June 2023, Russian forces shelled Oleksandrivka, Kharkiv. No casualties.")
    assert row["location"] == "Oleksandrivka"
    assert row["admin1"] == "Kharkiv"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"


# ---- the rules one at a time, on spans


def test_whole_name_widens_a_hyphenated_word_and_keeps_an_articles_name() -> None:
    from geoconflict.extraction.spans import Span
    from geoconflict.extraction.toponyms import whole_name
    from geoconflict.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    text = "Shelling in Deir-ez-Zor, Ar Raqqa and the Lake Kursk Trading Company."

    def at(word: str) -> Span:
        s = text.index(word)
        return Span(s, s + len(word), word, "gazetteer name")

    assert whole_name(gaz, text, at("Zor")).surface == "Deir-ez-Zor"
    assert whole_name(gaz, text, at("Raqqa")).surface == "Raqqa"
    assert whole_name(gaz, text, at("Kursk")) is None


def test_a_neighbourhood_word_rejects_the_name_before_it_but_not_a_city_of() -> None:
    from geoconflict.extraction.spans import Span
    from geoconflict.extraction.toponyms import CapitalRuns, reject_reason

    text = "Protesters gathered in the Primavera neighborhood of Recife."
    spans = [Span(text.index(w), text.index(w) + len(w), w, "") for w in ("Primavera", "Recife")]
    runs = CapitalRuns(text, {x.start for x in spans})
    assert "part of a city" in reject_reason(text, spans[0], runs, set())
    assert reject_reason(text, spans[1], runs, set()) is None


def test_a_coders_note_leaves_a_report_without_one_alone() -> None:
    row = _main_row("On 3 June 2023, Russian forces shelled Kupiansk, Kharkiv region, wounding two civilians.")
    assert row["location"] == "Kupyansk"
    assert row["admin1"] == "Kharkiv"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"


# ---- a region named as such is a hard constraint on every place of its sentence (the far misses)


def test_a_countys_word_in_another_country_yields_to_the_state_in_the_tail() -> None:
    """ "Duk East county (Jonglei state)": 'East' is no Emirati district; the event stays in Jonglei."""
    row = _main_row("On 1 June 2023, armed youths raided a cattle camp near a village in Duk East county "
                    "(Jonglei state), killing three herders.")
    assert row["country"] == "South Sudan"
    assert row["location"] == "Jonglei"  # (the state: the county is not in the gazetteer)
    assert row["geo_precision"] == 3
    assert row["event_type"] == "Violence against civilians"
    assert row["fatalities"] == 3


def test_a_township_unknown_to_the_gazetteer_falls_back_inside_its_region() -> None:
    """A township whose name is a Japanese city's word: the named district and region (Myanmar) win."""
    row = _main_row("On 1 June 2023, the PDF ambushed a military column near a village in Kani township "
                    "(Monywa district, Sagaing region), killing four soldiers.")
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Sagaing"
    assert row["event_type"] == "Battles"
    assert row["fatalities"] == 4


def test_a_governorate_named_with_its_word_keeps_a_districts_word_in_its_country() -> None:
    row = _main_row("On 3 June 2023, Turkish drones struck a vehicle near Ain Issa district in Ar Raqqa governorate, "
                    "killing two SDF fighters.")
    assert row["country"] == "Syria"
    # the district's town itself since the short-name rule (session 15, `styles`), near it; before, the governorate
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Ayn Isa", "Ar Raqqah", 2)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] == 2


def test_a_countrys_other_name_in_a_village_name_is_no_country_of_the_event() -> None:
    """ "Nga village": a name the gazetteer gives Russia, in a sentence whose region is in Myanmar."""
    text = ("On 4 June 2023, unidentified gunmen attacked a checkpoint near Nga village (Tamu township, "
            "Sagaing region), killing a soldier.")
    row = _main_row(text)
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Sagaing"
    assert row["fatalities"] == 1
    mentions = {m.text: m for m in extract(read_report(text, published=PUBLISHED)).mentions}
    assert mentions["Nga"].place is None or mentions["Nga"].place.country_code == "MM"
    assert any(p.country_code == "RU" for p in mentions["Nga"].candidates), "the far reading is kept as a candidate"


def test_a_region_named_with_its_word_is_not_pulled_to_a_word_namesakes_country() -> None:
    """ "Yangon region" stays Myanmar's though other words of the sentence have Indian namesakes."""
    row = _main_row("On 4 June 2023, in Hlegu township (Yangon-East district, Yangon region), the From Zero "
                    "to Hero group hurled two bombs at a military truck. Casualties unknown.")
    assert row["country"] == "Myanmar"
    assert row["admin1"] == "Yangon"
    assert row["event_type"] == "Explosions/Remote violence"


def test_a_capital_abroad_stays_where_it_is_when_the_sentence_names_a_region() -> None:
    """A big town by its own name, far from the region and without a namesake in it, is not moved."""
    row = _main_row("Hundreds of people rallied in Berlin on 3 June 2023 against the shelling of Kharkiv oblast.")
    assert row["country"] == "Germany"
    assert _near(row, 52.52, 13.40)
    assert row["event_type"] == "Protests"


def test_a_small_namesake_of_a_word_far_from_the_reports_city_is_left_unresolved() -> None:
    """A market's name that is also a village 7,000 km away: kept as a mention with its candidates, no place."""
    text = "On 3 June 2023, dozens of residents rallied in Vladivostok against the demolition of the Stroitel market."
    events = extract(read_report(text, published=PUBLISHED))
    row = events.to_acled().iloc[0].to_dict()
    assert row["location"] == "Vladivostok"
    assert row["event_type"] == "Protests"
    (market,) = [m for m in events.mentions if m.text == "Stroitel"]
    assert market.place is None
    assert market.candidates and market.candidates[0].admin1 == "Belgorod Oblast"
    assert "km from all the report's other places" in market.reason


def test_a_district_abroad_far_from_the_actors_area_is_left_unresolved() -> None:
    """Afghan forces in "Bala district": no Romanian commune; the far reading stays a candidate."""
    text = "On 2 June 2023, Afghan forces raided a house in Bala district, arresting two men."
    events = extract(read_report(text, published=PUBLISHED))
    assert all(e.place is None or e.place.country_code != "RO" for e in events.events)
    (district,) = [m for m in events.mentions if m.text == "Bala"]
    assert district.place is None
    assert any(p.country_code == "RO" for p in district.candidates)
    assert "where the report's actors are" in district.reason


def test_a_bare_region_of_another_country_is_kept_when_the_actors_tell_no_area() -> None:
    """Without actors of a known theatre the unit rule does not apply: "Dara" stays a place."""
    events = extract(read_report("On 2 June 2023, protesters blocked the main road in Dara over water cuts.",
                                 published=PUBLISHED))
    (dara,) = [m for m in events.mentions if m.text == "Dara"]
    assert dara.place is not None


# ---- the new rules stay linear on hostile text (the work counted as in tests/test_linear.py)


def test_coders_notes_and_actor_areas_grow_linearly_with_the_text() -> None:
    import cProfile
    import pstats

    from geoconflict.gazetteer import Gazetteer

    gaz = Gazetteer.default()

    def calls(n: int) -> int:
        text = ("On 3 June 2023, Israeli forces shelled " + "Sudzha and Vodiane (coded to Kursk), Gaza, " * n
                + "the OSCE SMM said.")
        report = read_report(text, published=PUBLISHED)
        profile = cProfile.Profile()
        profile.runcall(extract, report, gazetteer=gaz)
        return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]

    calls(60)  # warm the memoised searches
    once, twice = calls(60), calls(120)
    assert twice <= 2.6 * once, f"{once:,} calls, then {twice:,} for twice the text"


# ---- a unit's name of several words before its word ("Musa Khel district", "Orlu LGA")


def test_a_district_of_two_words_is_found_whole() -> None:
    """ "Musa Khel district": the name is both words, not "Khel" alone (no place by that name)."""
    row = _main_row("On 14 March 2023, a roadside bomb planted by Taliban militants killed one soldier in "
                    "Musa Khel district, Khost province.")
    assert row["country"] == "Afghanistan"
    assert row["location"] == "Musa Khel"
    assert row["admin1"] == "Khost"
    assert _near(row, 33.54, 69.73)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Remote explosive/landmine/IED"
    assert row["actor1"] == "Taliban"
    assert row["fatalities"] == 1


def test_an_arabic_article_opens_a_districts_name() -> None:
    """ "As Silw district": "As" is the name's article, not the English word."""
    row = _main_row("Wire, 5 April 2023: Houthi fighters shelled government positions in As Silw district of "
                    "Taizz governorate, killing two soldiers.")
    assert row["country"] == "Yemen"
    assert row["location"] == "As Silw"
    assert _near(row, 13.33, 44.22)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Houthis"
    assert row["fatalities"] == 2


def test_a_local_government_area_is_a_district() -> None:
    """ "Orlu LGA (Imo)": Nigeria's second-level unit, not the state it is in."""
    row = _main_row("On 2 March 2023, gunmen abducted a schoolteacher in Orlu LGA (Imo). Police said a search "
                    "was under way.")
    assert row["country"] == "Nigeria"
    assert row["admin1"] == "Imo"
    assert row["location"] == "Orlu"
    assert _near(row, 5.80, 7.04)
    assert row["event_type"] == "Violence against civilians"
    assert row["sub_event_type"] == "Abduction/forced disappearance"
    assert row["actor1"] == "gunmen"
    assert row["fatalities"] is None


def test_a_local_government_area_in_a_battle_report() -> None:
    row = _main_row("On 9 February 2023, soldiers clashed with bandits in Damboa LGA (Borno), killing four bandits.")
    assert row["country"] == "Nigeria"
    assert row["admin1"] == "Borno"
    assert _near(row, 11.16, 12.76)
    assert row["event_type"] == "Battles"
    assert row["sub_event_type"] == "Armed clash"
    assert row["fatalities"] == 4


def test_an_unknown_word_before_a_districts_name_is_left_out() -> None:
    """The run is widened only to a name the gazetteer knows: "Russian" is no word of the district's name."""
    from geoconflict.extraction.toponyms import find_spans
    from geoconflict.gazetteer import Gazetteer

    text = "Shelling hit Russian Bakhmut district and In Musa Khel district."
    spans = [x.surface for x in find_spans(Gazetteer.default(), text, [(0, len(text))]) if x.descriptor]
    assert spans == ["Bakhmut", "Musa Khel"]


# ---- "Village (District, Region)" with a district the gazetteer has only as its seat


def test_an_unknown_village_falls_back_to_the_seat_its_district_is_named_after() -> None:
    """ "Bella (Bandiagara, Mopti)": no Bella in Mopti; the cercle is named after its seat, Bandiagara, which
    is nearer the village than the region's own point."""
    row = _main_row("On 5 May 2023, militants attacked a gendarmerie post in Bella (Bandiagara, Mopti), killing "
                    "two gendarmes.")
    assert row["country"] == "Mali"
    assert row["admin1"] == "Mopti"
    assert row["location"] == "Bandiagara"
    assert _near(row, 14.35, -3.61)
    assert row["geo_precision"] == 2  # near the seat, not at it
    assert row["event_type"] == "Battles"
    assert row["actor1"] == "militants"
    assert row["fatalities"] == 2


# ---- a place in an armed group's name is where it comes from, not where it acted


def test_a_region_in_a_militias_name_is_not_the_events_place() -> None:
    """ "Darfur communal militia" names who acted; the event is where the note codes it."""
    row = _main_row("Looting: On 10 May 2023, militia (coded as Darfur communal militia) robbed bus passengers in "
                    "Abu Zerega [coded to Kutum, North Darfur state].")
    assert row["country"] == "Sudan"
    assert row["location"] == "Kutum"
    assert row["admin1"] == "North Darfur"
    assert row["geo_precision"] == 1
    assert row["event_type"] == "Strategic developments"
    assert row["sub_event_type"] == "Looting/property destruction"
    assert row["fatalities"] is None


# ---- an event told only by its region is placed at the region's capital, as ACLED codes it


def test_an_event_in_a_region_is_at_its_namesake_capital() -> None:
    row = _main_row("On 2 May 2023, Russian forces shelled villages in Chernihiv region. No casualties were reported.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Chernihiv"
    assert row["location"] == "Chernihiv"  # the region the text names, at its capital's point
    assert _near(row, 51.51, 31.29)
    assert row["geo_precision"] == 3  # still told only by its region
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"
    assert row["fatalities"] == 0


def test_an_event_in_a_province_without_a_namesake_town_is_at_its_largest_town() -> None:
    row = _main_row("On 8 May 2023, Iraqi forces killed six IS militants during an operation in Anbar province.")
    assert row["country"] == "Iraq"
    assert row["admin1"] == "Anbar"
    assert row["location"] == "Anbar"
    assert _near(row, 33.42, 43.31)  # Ramadi
    assert row["geo_precision"] == 3
    assert row["event_type"] == "Battles"
    assert row["actor1"] == "Iraqi forces"
    assert row["actor2"] == "Islamic State"
    assert row["fatalities"] == 6


def test_a_governorate_wide_measure_is_at_the_governorates_capital() -> None:
    row = _main_row("Wire, 2 May 2023: the governor of Hadramawt governorate imposed a curfew across the governorate.")
    assert row["country"] == "Yemen"
    assert row["admin1"] == "Hadramawt"
    assert _near(row, 14.54, 49.12)  # Mukalla
    assert row["geo_precision"] == 3
    assert row["event_type"] == "Strategic developments"


def test_a_region_seat_is_none_for_a_town() -> None:
    from geoconflict.extraction.resolution_common import region_at_seat, region_seat
    from geoconflict.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    kharkiv = gaz.search("Kharkiv", kind="populated_place", limit=1)[0].place
    assert region_seat(gaz, kharkiv) is None
    assert region_at_seat(gaz, kharkiv) is kharkiv
    borno = gaz.search("Borno", kind="admin1", limit=1)[0].place
    seat = region_seat(gaz, borno)
    assert seat is not None and seat.name == "Maiduguri"
    moved = region_at_seat(gaz, borno)
    assert (moved.name, moved.kind, moved.admin1, moved.geometry) == (borno.name, borno.kind, borno.admin1,
                                                                       borno.geometry)
    assert (moved.lat, moved.lon) == (seat.lat, seat.lon) != (borno.lat, borno.lon)


# ---- "X in Y" of a town Y: X is in Y's region or near it


def test_a_village_in_a_town_is_not_a_namesake_abroad() -> None:
    """ "Karama in Ar-Raqqa": the text says where Karama is; Calama in Chile is no reading of it."""
    row = _main_row("On 6 May 2023, unidentified gunmen shot dead a shopkeeper in Karama in Ar-Raqqa.")
    assert row["country"] == "Syria"
    assert row["admin1"] == "Ar Raqqah"
    assert _near(row, 35.95, 39.01, km=100.0)
    assert row["event_type"] == "Violence against civilians"
    assert row["actor1"] == "unidentified gunmen"
    assert row["fatalities"] == 1


def test_a_village_in_a_town_is_not_a_namesake_of_another_province() -> None:
    """ "Hamra in Ar-Raqqa": not the Hamra of Hama province, 180 km away."""
    row = _main_row("On 6 May 2023, unidentified gunmen shot dead a shopkeeper in Hamra in Ar-Raqqa.")
    assert row["country"] == "Syria"
    assert row["admin1"] == "Ar Raqqah"
    assert row["fatalities"] == 1


def test_a_first_word_of_an_unknown_name_is_no_far_namesake() -> None:
    """ "Tal Tamer": 'Tal' alone is a town near Damascus, 500 km from the report's Al-Hasakeh."""
    row = _main_row("Wire, 4 May 2023: Government troops raided homes in Tal Tamer in the countryside of "
                    "Al-Hasakeh and detained five men.")
    assert row["country"] == "Syria"
    assert row["admin1"] == "Al Hasakah"
    assert _near(row, 36.50, 40.75, km=100.0)
    assert row["sub_event_type"] == "Arrests"
    assert row["actor1"] == "troops"


# ---- observers who report from a few regions: a town outside them is its namesake inside


def test_a_town_an_observer_mission_reports_is_its_namesake_on_the_line() -> None:
    """ "Molodizhne" is a town of 44,000 in Poltava Oblast, but the OSCE monitors report from Donetsk and
    Luhansk oblasts (until March 2022): the namesake village there is meant."""
    row = main_row("On 3 March 2021, OSCE SMM monitors recorded 12 explosions near Molodizhne.", published="2021-03-04")
    assert row["country"] == "Ukraine"
    assert row["admin1"] in ("Donetsk", "Luhansk")
    assert row["location"] == "Molodizhne"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] is None


def test_a_big_city_an_observer_mission_visits_stays_itself() -> None:
    row = _main_row("On 3 March 2023, OSCE SMM monitors met local officials in Kyiv.")
    assert row["country"] == "Ukraine"
    assert row["location"] == "Kyiv"
    assert _near(row, 50.45, 30.52)
    assert row["event_type"] == "Strategic developments"
    assert row["actor1"] == "OSCE SMM monitors"
    assert row["actor2"] == "local officials"


# ---- a region named with its word is the region (at its capital's point), for every kind of record


def test_a_region_named_with_its_word_in_the_name_stays_the_region() -> None:
    """ "Sagaing Region", scanned whole: the region the report names, not a town of precision 1."""
    row = _main_row("On 3 May 2023, the military shelled a village in Sagaing Region, killing two people.")
    assert row["country"] == "Myanmar"
    assert row["location"] == "Sagaing"
    assert row["admin1"] == "Sagaing"
    assert row["geo_precision"] == 3
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "military"
    assert row["fatalities"] == 2


def test_a_clash_told_only_by_its_state_is_at_the_states_capital() -> None:
    row = _main_row("On 8 May 2023, two armed groups clashed at an unspecified location in Kassala state. "
                    "No casualties were reported.")
    assert row["country"] == "Sudan"
    assert row["admin1"] == "Kassala"
    assert row["geo_precision"] == 3
    assert _near(row, 15.45, 36.40)  # the town of Kassala
    assert row["event_type"] == "Battles"
    assert row["fatalities"] == 0


# ---- "X district, Province": the tail after a unit's word holds the unit


def test_a_districts_tail_holds_the_district() -> None:
    """ "Kalat district, Zabul": Qalat of Zabul, not Kalat in Pakistan."""
    row = _main_row("On 2 May 2023, gunmen attacked a police post in Kalat district, Zabul, killing two policemen.")
    assert row["country"] == "Afghanistan"
    assert row["admin1"] == "Zabul"
    assert _near(row, 32.11, 66.91)
    assert row["event_type"] == "Battles"
    assert row["actor1"] == "gunmen"
    assert row["actor2"] == "police"
    assert row["fatalities"] == 2


def test_an_unknown_district_falls_back_to_the_province_of_its_tail() -> None:
    """ "Upper Bagh district, Faryab": no such district in the gazetteer; not Bagh in Kashmir, 800 km away."""
    row = _main_row("On 2 May 2023, Taliban fighters attacked a police checkpoint in Upper Bagh district, Faryab, "
                    "killing two policemen.")
    assert row["country"] == "Afghanistan"
    assert row["admin1"] == "Faryab"
    assert row["geo_precision"] == 3
    assert row["actor1"] == "Taliban"
    assert row["fatalities"] == 2


# ---- a part of a city: "Colonia <name>", with the words of its name between


def test_a_colonia_with_a_name_of_several_words_is_inside_the_city_named() -> None:
    """ "Colonia Lomas de los Pinos": neither 'Colonia' (a Uruguayan department) nor 'Pinos' (a Zacatecas town)."""
    row = _main_row("On 3 May 2023, in Ciudad Apodaca, Nuevo Leon, gunmen shot dead a taxi driver in "
                    "Colonia Lomas de los Pinos.")
    assert row["country"] == "Mexico"
    assert row["admin1"] == "Nuevo Leon"
    assert row["location"] == "Ciudad Apodaca"
    assert row["event_type"] == "Violence against civilians"
    assert row["actor1"] == "gunmen"
    assert row["fatalities"] == 1


def test_a_department_named_colonia_is_still_a_place() -> None:
    row = _main_row("On 3 May 2023, protesters blocked the main road in Colonia, Uruguay.")
    assert row["country"] == "Uruguay"
    assert row["admin1"] == "Colonia"
    assert row["event_type"] == "Protests"
    assert row["actor1"] == "protesters"


def test_a_ukrainian_community_is_its_hromada_not_a_part_of_a_city() -> None:
    """ "the Krasnopillia community, Sumy": a hromada, named after its seat."""
    row = _main_row("On 3 May 2023, Russian forces shelled the Krasnopillia community, Sumy, wounding one civilian.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Sumy"
    assert _near(row, 50.77, 35.26)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["actor1"] == "Russian forces"
    assert row["fatalities"] == 0  # wounded only: ACLED records no injuries


# ---- a part of a town is in that town


def test_a_district_of_the_city_a_dateline_names_is_in_that_city() -> None:
    """ "Dniprovskyi" is a district of Kherson, of Kyiv and the stem of a raion 270 km away: "of the city" decides."""
    row = _main_row("Kherson, 2 June 2023: Russian artillery shelled the Dniprovskyi district of the city on "
                    "Friday morning, wounding three residents, the regional administration said.")
    assert row["admin1"] == "Kherson"
    assert _near(row, 46.64, 32.61)
    assert row["event_type"] == "Explosions/Remote violence"


def test_a_district_of_a_named_town_that_is_also_its_region_is_in_the_town() -> None:
    row = _main_row("On 2 June 2023, a drone struck a bus stop in the Dniprovskyi district of Kherson, killing one man.")
    assert row["admin1"] == "Kherson"
    assert _near(row, 46.64, 32.61)
    assert row["fatalities"] == 1


def test_a_district_of_the_region_a_town_names_stays_the_regions_district() -> None:
    """ "The Bucha district of Kyiv": a raion of Kyiv's region, not a part of the city."""
    row = _main_row("On 2 June 2023, a missile hit a warehouse in the Bucha district of Kyiv, officials said.")
    assert row["admin1"] == "Kyiv Oblast"
    assert _near(row, 50.55, 30.21)


# ---- "Village, northern Country": the part of a unit between a village and its unit


def test_a_village_then_a_part_of_its_country_is_never_a_namesake_abroad() -> None:
    """ "Banjska, northern Kosovo": no Bansko in Bulgaria; the gazetteer lacks the village: Kosovo."""
    row = _main_row("On 2 June 2023, police exchanged fire with armed men barricaded in a monastery in Banjska, "
                    "northern Kosovo.")
    assert row["country"] == "Kosovo"
    assert row["geo_precision"] == 3


def test_a_town_then_a_part_of_its_region_is_the_town_in_that_region() -> None:
    row = _main_row("On 2 June 2023, gunmen attacked a police post in Kaya, north-eastern Burkina Faso, killing "
                    "four officers.")
    assert row["country"] == "Burkina Faso"
    assert _near(row, 13.09, -1.08)
    assert row["fatalities"] == 4
