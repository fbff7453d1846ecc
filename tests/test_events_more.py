"""More of ACLED's coding rules (issue 15, second stream): Strategic developments and Riots told with the words
real notes use, fatalities on every event and on fighting, actors by their side's one name, who overtook or
regained territory, and movements with several origins, destinations and attack axes.

Every sentence is written for this test (no ACLED note is copied or paraphrased); places and groups are real,
events invented. Each case reads the first row of the ACLED export (the report's main event) and asserts its
type, sub-event type, place, country, actors and fatalities one by one.
"""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.actors import state_side
from geoconflict.extraction.located import fatalities_in
from tests.acled_cases import field_tests, main_rows_fixture

#: (text, publication date, event_type, sub_event_type, location, country, actor1, actor2, fatalities)
CASES = [
    ("On 4 June 2023, monitors recorded 35 shots of small arms fire near Horlivka.", "2023-06-04",
     "Battles", "Armed clash", "Horlivka", "Ukraine", None, None, None),
    ("On 9 June 2023, monitors recorded 12 projectiles of unknown weapons near Svitlodarsk.", "2023-06-09",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "Svetlodarsk", "Ukraine", None, None, None),
    ("On 12 March 2023, all residents fled the village of Djibo after militants threatened to attack them.",
     "2023-03-12", "Strategic developments", "Other", "Djibo", "Burkina Faso", "residents", "militants", None),
    ("On 20 April 2023, JNIM militants forcibly evicted herders from several hamlets near Mopti.", "2023-04-20",
     "Strategic developments", "Other", "Mopti", "Mali", "JNIM", "herders", None),
    ("On 2 May 2023, several shops were destroyed by RSF fighters in Nyala.", "2023-05-02",
     "Strategic developments", "Looting/property destruction", "Nyala", "Sudan", "RSF", None, None),
    ("On 8 May 2023, soldiers set five houses and two granaries on fire in Monywa.", "2023-05-08",
     "Strategic developments", "Looting/property destruction", "Monywa", "Myanmar", "soldiers", None, None),
    ("On 14 May 2023, the army established new fortifications near Kidal.", "2023-05-14",
     "Strategic developments", "Headquarters or base established", "Kidal", "Mali", "army", None, None),
    ("On 1 June 2023, police began enforcing a curfew in Kano after clashes.", "2023-06-01",
     "Strategic developments", "Change to group/activity", "Kano", "Nigeria", "police", None, None),
    ("On 3 June 2023, HTS security forces detained two journalists in Idlib.", "2023-06-03",
     "Violence against civilians", "Abduction/forced disappearance", "Idlib", "Syria", "HTS", "journalists", None),
    ("On 5 June 2023, police arrested six traders in Lagos.", "2023-06-05",
     "Strategic developments", "Arrests", "Lagos", "Nigeria", "police", "traders", None),
    ("On 7 June 2023, residents burned tires on the main road of Port Sudan, demanding water and electricity.",
     "2023-06-07", "Riots", "Violent demonstration", "Port Sudan", "Sudan", "residents", None, None),
    ("On 9 June 2023, members of two clans clashed with machetes and sticks in Bunia. Three people were injured.",
     "2023-06-09", "Riots", "Mob violence", "Bunia", "Democratic Republic of Congo", None, None, 0),
    ("On 11 June 2023, a clash broke out between demonstrators and police in Kathmandu.", "2023-06-11",
     "Riots", "Violent demonstration", "Kathmandu", "Nepal", "demonstrators", "police", None),
    ("On 13 June 2023, a group of young men beat a soldier in Bangui after a quarrel.", "2023-06-13",
     "Riots", "Mob violence", "Bangui", "Central African Republic", "young men", None, None),
    ("On 15 June 2023, gunmen killed a shopkeeper in Maiduguri.", "2023-06-15",
     "Violence against civilians", "Attack", "Maiduguri", "Nigeria", "gunmen", None, 1),
    ("On 17 June 2023, heavy fighting between the army and RSF in El Obeid killed 14 people.", "2023-06-17",
     "Battles", "Armed clash", "El Obeid", "Sudan", "army", "RSF", 14),
    ("On 19 June 2023, M23 rebels clashed with FARDC soldiers near Goma. Casualties unknown.", "2023-06-19",
     "Battles", "Armed clash", "Goma", "Democratic Republic of Congo", "M23", "FARDC", None),
    ("On 21 June 2023, Al-Shabaab militants fought Somali soldiers in Jowhar. There were no casualties.",
     "2023-06-21", "Battles", "Armed clash", "Jawhar", "Somalia", "Al-Shabaab", "Somali forces", 0),
    ("On 23 June 2023, the FARDC recaptured Rutshuru from M23 rebels after heavy fighting.", "2023-06-23",
     "Battles", "Government regains territory", "Rutshuru", "Democratic Republic of Congo", "FARDC", "M23", None),
    ("On 25 June 2023, Russian forces captured Bilohorivka after heavy fighting.", "2023-06-25",
     "Battles", "Non-state actor overtakes territory", "Bilohorivka", "Ukraine", "Russian forces", None, None),
    ("On 29 June 2023, monitors recorded 8 bursts of fire from heavy machine guns near Avdiivka.", "2023-06-29",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "Avdiyivka", "Ukraine", None, None, None),
    ("On 30 June 2023, traders demonstrated in Kisumu over market fees and attacked council officers.", "2023-06-30",
     "Riots", "Violent demonstration", "Kisumu", "Kenya", "traders", None, None),
    ("On 27 June 2023, Russian forces recaptured Tetkino in Kursk region after fighting.", "2023-06-27",
     "Battles", "Government regains territory", "Tetkino", "Russia", "Russian forces", None, None),
]


main_rows = main_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_actors, test_fatalities = field_tests(CASES)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen shot dead a teacher.", 1),
    ("A soldier was reportedly killed in the ambush.", 1),
    ("The strike killed three.", 3),
    ("Two dead and five wounded.", 2),
    ("On 3 May 2023, militants killed 1,200 cattle herders.", 1200),
    ("On 3 May 2023, unknown gunmen killed a farmer.", 1),  # the year is no count
    ("No casualties were reported.", 0),
    ("Casualties unknown.", None),
    ("The army killed a number of militants.", None),
])
def test_fatalities_stated(text, expected):
    assert fatalities_in(text, text.lower()) == expected


def test_fighting_carries_its_fatalities(gazetteer):
    events = extract(read_report("Heavy fighting between M23 and FARDC in Goma killed 9 people.",
                                 published="2023-05-05"), gazetteer=gazetteer)
    assert [c.fatalities for c in events.combats] == [9]
    frame = events.to_acled()
    clashes = frame[frame["sub_event_type"] == "Armed clash"]["fatalities"]
    assert clashes.iloc[0] == 9 and clashes.sum() == 9  # the sentence's dead, stated on its first row only


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Ukrainian forces", True), ("the FARDC", True), ("police", True), ("RSF", False), ("Kurdish fighters", False),
    ("gunmen", False), ("villagers", None),
])
def test_state_side(phrase, expected):
    assert state_side(phrase) is expected


@pytest.mark.parametrize(("text", "routes"), [
    ("Russian forces attacked toward Kupiansk from Svatove on Tuesday.", [("Svatove", "Kupyansk")]),
    ("Russian troops advanced on Kreminna and Bakhmut from Svatove.",
     [("Svatove", "Kreminna"), ("Svatove", "Bakhmut")]),
    ("Ukrainian forces redeployed from Kherson and Mykolaiv to Zaporizhzhia.",
     [("Kherson", "Zaporizhzhya"), ("Mykolayiv", "Zaporizhzhya")]),
    ("RSF fighters withdrew from Omdurman to El Obeid and Kosti.", [("Omdurman", "El Obeid"), ("Omdurman", "Kosti")]),
    ("The 3rd Assault Brigade moved from Kharkiv to Kupiansk, Kharkiv Oblast.", [("Kharkiv", "Kupyansk")]),
])
def test_one_movement_per_route(gazetteer, text, routes):
    events = extract(read_report(text, published="2023-05-05"), gazetteer=gazetteer)
    assert [(m.origin.name, m.destination.name) for m in events.movements] == routes
