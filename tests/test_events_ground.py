"""Ground fighting told as movement of the front: advances, sieges, entries, sides driven out, recaptures, a side's own
claim in the first person (session 17, branch ``ground``).

A held-out check beside ``test_events_sides`` and the others: 35 reports of 2023–2025 in 13 countries (Ukraine,
Russia, Sudan, Myanmar, DR Congo, Mali, Burkina Faso, Nigeria, Syria, Somalia, Ethiopia, Haiti, Yemen), written for
this test in their own words with invented details about real towns, in the styles of wire copy, ISW-style
assessments, ACLED-style notes and government statements. They lean on the forms the brief named: "advanced
near/into/to the outskirts of <town>", "besieged <town>", "the siege of <town>", "entered <town> after …", "stormed
and took <town>", "<side> were pushed out of <town>", "withdrew from <town> after heavy fighting with <side>",
"withdrew from <town> under pressure from <side>", "drove <side> out of <town>", "recaptured <town> from <side>", and
a ministry's or a spokesman's "We liberated <town>" / "Our forces have taken full control of <town>" (the speaker's
side is the claimant).

The expected answer is ACLED's as its codebook reads: fighting with no change of control (an advance, a siege, a
raid into a town) is Battles / Armed clash; control taken by fighting is Battles / Government regains territory (a
state's forces at home) or Non-state actor overtakes territory (an armed group, or a state's forces abroad), actor1
the side that takes the ground and actor2 the side it is taken from; control taken with no fighting told is
Strategic developments / Non-violent transfer of territory (one side's act). Actors by their side's one name
(``geoconflict.extraction.actors.side_name``), admin-1 by polygon. They were written and committed before any of the
session's rules and scored on that commit (``python benchmarks/wide_cases.py --module tests.test_events_ground``);
no rule was made or tuned on them one by one (the rules read the forms listed above, which the brief named). Share
right, type / subtype / ≤25 km / admin-1 / actors / fatalities / all six: at main a004a6f 74 / 43 / 69 / 77 / 51 /
80 / 37 %, after the session's rules 97 / 97 / 97 / 100 / 94 / 100 / 91 %. What geoconflict still gets wrong is a
strict xfail with its reason.
"""

from __future__ import annotations

from tests.acled_cases import assert_well_formed, report_field_tests, report_rows_fixture
from tests.test_events_wide import Case

#: Every case here is held out: no rule was made on them (``benchmarks/wide_cases.py`` says so).
ALL_HELD_OUT = True

#: The styles the reports are written in.
STYLES = ("acled", "wire", "isw", "gov")

BAT, SD = 'Battles', 'Strategic developments'
AC, GR = 'Armed clash', 'Government regains territory'
NS, NV = 'Non-state actor overtakes territory', 'Non-violent transfer of territory'

CASES = [
    # advances
    Case('isw', 'Russian forces advanced near Kurakhove on November 12, according to geolocated footage published the same day.', '2024-11-13', BAT, AC, (47.98, 37.28), 'Ukraine', 'Donetsk', 'Russian forces', None, None, {}),
    Case('isw', 'Russian forces advanced to the outskirts of Pokrovsk on December 2 and attacked Ukrainian positions southeast of the town.', '2024-12-03', BAT, AC, (48.28, 37.18), 'Ukraine', 'Donetsk', 'Russian forces', 'Ukrainian forces', None, {}),
    Case('wire', "Ukrainian troops advanced into Russia's Kursk region on Wednesday and fought Russian units on the edge of Sudzha, the regional governor said.", '2024-08-08', BAT, AC, (51.19, 35.27), 'Russia', 'Kursk', 'Ukrainian forces', 'Russian forces', None, {}),
    Case('isw', 'Ukrainian forces recently advanced south of Robotyne in western Zaporizhia Oblast amid continued fighting on September 4.', '2023-09-05', BAT, AC, (47.45, 35.84), 'Ukraine', 'Zaporizhzhia', 'Ukrainian forces', None, None, {}),
    Case('acled', 'On 14 March 2024, Arakan Army fighters advanced into Kyauktaw town (Kyauktaw, Rakhine) and clashed with the military. 8 fatalities.', '2024-03-14', BAT, AC, (20.84, 92.98), 'Myanmar', 'Rakhine', 'Arakan Army', 'military', 8, {}),
    Case('wire', "Turkish-backed SNA factions advanced on Manbij on Sunday and clashed with SDF fighters on the city's southern edge, a war monitor said.", '2024-12-09', BAT, AC, (36.53, 37.95), 'Syria', 'Aleppo', 'SNA', 'SDF', None, {}),
    # sieges
    Case('wire', 'RSF fighters besieged El Fasher on Sunday and clashed with army units defending the city, residents said.', '2024-05-13', BAT, AC, (13.63, 25.35), 'Sudan', 'North Darfur', 'RSF', 'army', None, {}),
    Case('isw', "The SPLM-N siege of Dilling continued on July 2 as fighting flared on the town's northern outskirts.", '2025-07-03', BAT, AC, (12.05, 29.65), 'Sudan', 'South Kordofan', 'SPLM-N', None, None, {'actors': "the besieger named before 'siege of <town>' (the SPLM-N, a group the actors do not know) is read as no side"}),
    Case('wire', 'JNIM fighters laid siege to Tenenkou on Monday, exchanging fire with soldiers at the entrance to the town, a local official said.', '2023-10-03', BAT, AC, (14.46, -4.92), 'Mali', 'Mopti', 'JNIM', 'soldiers', None, {}),
    Case('acled', 'On 26 May 2024, JNIM militants besieged Djibo (Djibo, Sahel) and fired on soldiers escorting a supply convoy. 5 fatalities.', '2024-05-26', BAT, AC, (14.10, -1.63), 'Burkina Faso', 'Sahel', 'JNIM', 'soldiers', 5, {'event_type': "'fired on soldiers' during a siege is read as shelling, not a clash", 'sub_event_type': 'the same', 'actors': 'the same: the soldiers fired on are read as actor1'}),
    Case('wire', 'Gang members besieged the town of Mirebalais on Monday and exchanged fire with police for hours, the national police said.', '2025-03-31', BAT, AC, (18.83, -72.10), 'Haiti', 'Centre', 'gang members', 'police', None, {}),
    Case('wire', "Houthi fighters tightened their siege of Taiz on Thursday, clashing with army units on the city's eastern front, a military official said.", '2024-02-15', BAT, AC, (13.58, 44.02), 'Yemen', 'Taizz', 'Houthis', 'army', None, {}),
    # entries
    Case('wire', 'JNIM fighters entered the town of Niono on Friday and clashed with soldiers before pulling out, residents said.', '2025-05-17', BAT, AC, (14.25, -5.99), 'Mali', 'Segou', 'JNIM', 'soldiers', None, {}),
    Case('isw', 'HTS-led opposition forces stormed and took Maarat al-Numan on November 30 after brief clashes with regime forces.', '2024-12-01', BAT, NS, (35.64, 36.67), 'Syria', 'Idlib', 'HTS', 'Syrian forces', None, {}),
    Case('wire', 'M23 rebels entered Sake on Thursday after heavy fighting with FARDC troops, local officials said.', '2025-01-24', BAT, NS, (-1.57, 29.04), 'Democratic Republic of Congo', 'Nord-Kivu', 'M23', 'FARDC', None, {}),
    Case('acled', 'On 11 May 2024, JNIM militants stormed Boulsa (Boulsa, Centre-Nord) and took control of the town after clashes with soldiers. 20 fatalities.', '2024-05-11', BAT, NS, (12.67, -0.57), 'Burkina Faso', 'Centre-Nord', 'JNIM', 'soldiers', 20, {}),
    Case('wire', 'Al-Shabaab fighters entered El Bur on Tuesday after Somali troops withdrew from their bases in the town, residents said.', '2024-03-06', BAT, NS, (4.68, 46.62), 'Somalia', 'Galguduud', 'Al-Shabaab', 'Somali forces', None, {}),
    # sides driven out, withdrawals
    Case('wire', 'FARDC troops withdrew from Kavumu on Friday under pressure from M23 rebels, who moved into the town hours later, local sources said.', '2025-02-15', BAT, NS, (-2.30, 28.82), 'Democratic Republic of Congo', 'Sud-Kivu', 'M23', 'FARDC', None, {}),
    Case('isw', 'Ukrainian forces withdrew from Vuhledar on October 1 after weeks of Russian assaults that threatened to encircle the town.', '2024-10-02', BAT, NS, (47.78, 37.25), 'Ukraine', 'Donetsk', 'Russian forces', 'Ukrainian forces', None, {}),
    Case('wire', "Myanmar's military withdrew from Kyaukme on Thursday without a fight, and TNLA fighters took over the town, residents said.", '2024-08-09', SD, NV, (22.53, 97.03), 'Myanmar', 'Shan', 'TNLA', None, None, {}),
    Case('wire', 'The army withdrew from Wad Madani on Monday after heavy fighting with the RSF, a military source said.', '2023-12-19', BAT, NS, (14.40, 33.52), 'Sudan', 'Al Jazirah', 'RSF', 'army', None, {}),
    Case('acled', 'On 9 June 2024, soldiers drove ISWAP fighters out of Marte (Marte, Borno) after a gun battle. 7 fatalities.', '2024-06-09', BAT, GR, (12.37, 13.83), 'Nigeria', 'Borno', 'soldiers', 'ISWAP', 7, {}),
    Case('gov', 'Somali troops drove al-Shabaab militants out of Bulo Burte on Wednesday after hours of fighting, the defence ministry said.', '2024-02-08', BAT, GR, (3.85, 45.57), 'Somalia', 'Hiiraan', 'Somali forces', 'Al-Shabaab', None, {}),
    Case('acled', 'On 3 August 2023, Fano militiamen drove ENDF soldiers out of Lalibela (Lasta, North Wello) after clashes. Fatalities unknown.', '2023-08-03', BAT, NS, (12.03, 39.04), 'Ethiopia', 'Amhara', 'Fano', 'ENDF', None, {}),
    Case('isw', 'Ukrainian forces were pushed out of Krynky by Russian assaults in July, according to Russian milbloggers.', '2024-07-18', BAT, NS, (46.73, 33.09), 'Ukraine', 'Kherson', 'Russian forces', 'Ukrainian forces', None, {}),
    Case('wire', 'Russian troops pushed Ukrainian forces out of Sudzha on Wednesday after days of fighting in the town, the Russian Defence Ministry said.', '2025-03-13', BAT, GR, (51.19, 35.27), 'Russia', 'Kursk', 'Russian forces', 'Ukrainian forces', None, {}),
    # recaptures
    Case('gov', 'Nigerian troops recaptured Malam Fatori from ISWAP after a fierce battle on Saturday, the Defence Headquarters said.', '2024-04-07', BAT, GR, (13.68, 13.34), 'Nigeria', 'Borno', 'Nigerian forces', 'ISWAP', None, {}),
    Case('wire', 'The Myanmar military recaptured Kawkareik from KNLA fighters on Tuesday after a week of fighting, state media said.', '2023-11-22', BAT, GR, (16.55, 98.24), 'Myanmar', 'Kayin', 'Myanmar forces', 'KNLA', None, {}),
    Case('acled', 'On 20 February 2025, FARDC and Wazalendo fighters retook Kalehe (Kalehe, Sud-Kivu) from M23. Fatalities unknown.', '2025-02-20', BAT, GR, (-2.10, 28.91), 'Democratic Republic of Congo', 'Sud-Kivu', 'FARDC', 'M23', None, {'place': "the gazetteer's only Kalehe is the territory, its point 130 km off the town"}),
    Case('wire', 'Syrian army units retook Suran north of Hama from HTS-led fighters on Wednesday after a counterattack, state media said.', '2024-12-05', BAT, GR, (35.29, 36.74), 'Syria', 'Hama', 'Syrian forces', 'HTS', None, {}),
    # a side's own claim in the first person
    Case('gov', '"Units of the Centre group of forces have liberated the settlement of Novohrodivka," the Russian Defence Ministry said on Sunday.', '2024-09-08', BAT, NS, (48.20, 37.34), 'Ukraine', 'Donetsk', 'Russian forces', None, None, {}),
    Case('gov', '"We have liberated Robotyne," Ukraine\'s deputy defence minister said on Monday.', '2023-08-28', BAT, GR, (47.45, 35.84), 'Ukraine', 'Zaporizhzhia', 'Ukrainian forces', None, None, {}),
    Case('gov', '"Our forces have taken full control of Wad Madani," the Sudanese army spokesman said on Saturday.', '2025-01-11', BAT, GR, (14.40, 33.52), 'Sudan', 'Al Jazirah', 'Sudanese forces', None, None, {}),
    Case('wire', '"We have captured Mogok and our fighters now control the town," a TNLA spokesman told reporters on Thursday.', '2024-07-25', BAT, NS, (22.92, 96.51), 'Myanmar', 'Mandalay', 'TNLA', None, None, {}),
    Case('gov', '"Our units liberated Harardhere from al-Shabaab this morning," the Somali defence ministry said on Monday.', '2023-01-16', BAT, GR, (4.65, 47.86), 'Somalia', 'Mudug', 'Somali forces', 'Al-Shabaab', None, {}),
]

report_rows = report_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_admin1, test_actors, test_fatalities = report_field_tests(
    CASES, admin1_by_polygon=True)


def test_the_reports_are_well_formed():
    assert_well_formed(CASES, styles=STYLES, years=("2023", "2024", "2025"))
    assert len(CASES) >= 30 and len({c.country for c in CASES}) >= 10
    assert {c.sub_event_type for c in CASES} == {AC, GR, NS, NV}
