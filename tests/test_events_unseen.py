"""Reports the lead wrote at the start of session 15, before any of the session's rules were merged (issue 15).

A third held-out check beside the held-out parts of ``test_events_east``, ``test_events_south`` and
``test_events_beyond``: 24 reports of 2024–2025 in eleven countries and six source styles (ACLED notes, wire
copy, ISW-style assessments, an OCHA update, a monitor's post, a government statement), written for this test in
their own words with invented details, about real towns. They were scored on main before the session's rules
(``013eddf``) and after them; no rule was made or tuned on them. The expected answer is the analyst's (the
fields of ``tests/test_events_wide.py``'s :class:`Case`; admin-1 by polygon); what geoconflict still gets wrong is a
strict xfail with its reason, so a fix shows.

Share right (type / subtype / ≤25 km / admin-1 / actors / fatalities / all six), ``python benchmarks/wide_cases.py
--module tests.test_events_unseen``: before the session's rules 79 / 79 / 67 / 83 / 46 / 79 / 25 %, after them
83 / 83 / 71 / 88 / 54 / 83 / 33 %.
"""

from __future__ import annotations

from tests.acled_cases import assert_well_formed, report_field_tests, report_rows_fixture
from tests.test_events_wide import Case

#: Every case here is held out: no rule was made on them (``benchmarks/wide_cases.py`` says so).
ALL_HELD_OUT = True

CASES = [
    Case('acled', 'On 12 March 2025, Russian forces dropped guided aerial bombs on Kostiantynivka (Kramatorskyi, Donetsk), killing 2 civilians.', '2025-03-12', 'Explosions/Remote violence', 'Air/drone strike', (48.53, 37.71), 'Ukraine', 'Donetsk', 'Russian forces', 'civilians', 2, {}),
    Case('wire', 'A Russian drone hit a minibus in Marhanets in Dnipropetrovsk region on Saturday, killing nine passengers, the regional governor said.', '2025-05-17', 'Explosions/Remote violence', 'Air/drone strike', (47.65, 34.63), 'Ukraine', 'Dnipropetrovsk', 'Russian forces', 'passengers', 9, {}),
    Case('wire', "Ukrainian drones set an oil depot ablaze in Tikhoretsk in Russia's Krasnodar region overnight, the regional operational headquarters said.", '2025-08-03', 'Explosions/Remote violence', 'Air/drone strike', (45.85, 40.13), 'Russia', 'Krasnodar', 'Ukrainian forces', None, None, {}),
    Case('isw', 'Russian forces recently advanced in eastern Toretsk, and geolocated footage published on February 3 shows Russian infantry attacking Ukrainian positions along a street in the town.', '2025-02-04', 'Battles', 'Armed clash', (48.4, 37.85), 'Ukraine', 'Donetsk', 'Russian forces', 'Ukrainian forces', None, {'actors': "the Ukrainian positions attacked in the footage's clause are not read as actor2"}),
    Case('acled', 'On 2 February 2025, RSF fighters shelled the Sabreen market in Omdurman (Karari, Khartoum), killing 54 civilians.', '2025-02-02', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (15.65, 32.48), 'Sudan', 'Khartoum', 'RSF', 'civilians', 54, {}),
    Case('wire', "Sudan's army said on Sunday it had broken the RSF's siege of El Obeid, the capital of North Kordofan, after days of fighting on the city's eastern edge.", '2025-02-23', 'Battles', 'Armed clash', (13.18, 30.22), 'Sudan', 'North Kordofan', 'SAF', 'RSF', None, {'actors': "the besieger (the RSF) is read as actor1, not the side that broke the siege"}),
    Case('acled', 'On 6 March 2025, Wazalendo fighters attacked M23 positions in Masisi (Masisi, Nord-Kivu). 7 fatalities.', '2025-03-06', 'Battles', 'Armed clash', (-1.4, 28.82), 'Democratic Republic of Congo', 'Nord-Kivu', 'Wazalendo', 'M23', 7, {'place': "Masisi is placed at the territory's point, 31 km from the town"}),
    Case('wire', 'ADF rebels killed at least 43 worshippers in an overnight attack on a Catholic church in Komanda in Ituri province, the army said.', '2025-07-27', 'Violence against civilians', 'Attack', (1.37, 29.77), 'Democratic Republic of Congo', 'Ituri', 'ADF', 'worshippers', 43, {'place': "Komanda: the gazetteer lacks it (Ituri's point instead, 58 km off)"}),
    Case('acled', 'On 14 January 2025, the military conducted an air strike on a market in Monywa (Monywa, Sagaing), killing 8 civilians.', '2025-01-14', 'Explosions/Remote violence', 'Air/drone strike', (22.11, 95.14), 'Myanmar', 'Sagaing', 'military', 'civilians', 8, {}),
    Case('wire', 'The Arakan Army said it had captured the town of Taungup in southern Rakhine State after weeks of fighting with junta troops.', '2025-06-20', 'Battles', 'Non-state actor overtakes territory', (18.85, 94.23), 'Myanmar', 'Rakhine', 'Arakan Army', 'junta', None, {}),
    Case('acled', 'On 29 March 2025, JNIM militants attacked a VDP post in Diapaga (Tapoa, Est). 30 fatalities.', '2025-03-29', 'Battles', 'Armed clash', (12.07, 1.79), 'Burkina Faso', 'Est', 'JNIM', 'VDP', 30, {}),
    Case('wire', "Gunmen on motorbikes killed 22 villagers in an attack on a market in Banibangou in Niger's Tillaberi region on Friday, the interior ministry said.", '2025-03-21', 'Violence against civilians', 'Attack', (15.04, 2.7), 'Niger', 'Tillaberi', 'gunmen', 'villagers', 22, {'place': 'Banibangou is placed 103 km off'}),
    Case('wire', 'Al Shabaab militants fired mortar rounds at the airport in Baidoa in Bay region on Tuesday, wounding two soldiers, a regional official said.', '2025-04-08', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (3.11, 43.65), 'Somalia', 'Bay', 'Al-Shabaab', 'soldiers', 0, {}),
    Case('wire', "An Israeli air strike hit a school sheltering displaced families in Gaza City's Daraj neighbourhood on Thursday, killing at least 20 people, the civil defence agency said.", '2025-05-15', 'Explosions/Remote violence', 'Air/drone strike', (31.51, 34.46), 'Palestine', 'Gaza Strip', 'Israeli forces', None, 20, {}),
    Case('acled', 'On 8 March 2025, Syrian government forces clashed with gunmen loyal to the former regime in Jableh (Jableh, Lattakia). 25 fatalities.', '2025-03-08', 'Battles', 'Armed clash', (35.36, 35.92), 'Syria', 'Lattakia', 'Syrian forces', 'gunmen', 25, {}),
    Case('wire', 'Thousands of students rallied in Belgrade on Saturday to demand accountability for the deadly collapse of a railway station canopy in Novi Sad.', '2025-03-15', 'Protests', 'Peaceful protest', (44.82, 20.46), 'Serbia', 'Belgrade', 'students', None, None, {}),
    Case('monitor', 'Kherson: Russian artillery struck the Dniprovskyi district of the city this morning, injuring 3 residents, the city military administration reports.', '2025-06-02', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (46.64, 32.61), 'Ukraine', 'Kherson', 'Russian forces', 'residents', 0, {}),
    Case('gov', 'The Pakistan Army said security forces killed 16 militants in an intelligence-based operation near Mir Ali in North Waziristan.', '2025-04-27', 'Battles', 'Armed clash', (33.02, 70.27), 'Pakistan', 'Khyber Pakhtunkhwa', 'security forces', 'militants', 16, {}),
    Case('wire', 'Police fired tear gas and water cannon at opposition supporters marching on the electoral commission in Maputo on Thursday, arresting dozens.', '2024-11-21', 'Protests', 'Protest with intervention', (-25.97, 32.58), 'Mozambique', 'Maputo', 'supporters', 'police', None, {}),
    Case('acled', 'On 19 April 2025, unidentified gunmen abducted 5 aid workers near Yei (Yei, Central Equatoria).', '2025-04-19', 'Violence against civilians', 'Abduction/forced disappearance', (4.09, 30.68), 'South Sudan', 'Central Equatoria', 'unidentified gunmen', 'aid workers', None, {}),
    Case('wire', 'Armed gang members set fire to houses and killed at least 12 residents in an attack on the town of Mirebalais in central Haiti on Monday, local officials said.', '2025-03-31', 'Violence against civilians', 'Attack', (18.83, -72.1), 'Haiti', 'Centre', 'gang members', 'residents', 12, {}),
    Case('ocha', 'OCHA: On 10 April, heavy clashes between the SSPDF and the SPLA-IO in Nasir town, Upper Nile, displaced an estimated 50,000 people.', '2025-04-12', 'Battles', 'Armed clash', (8.6, 33.07), 'South Sudan', 'Upper Nile', 'SSPDF', 'SPLM-IO', None, {'place': "Nasir: the gazetteer lacks it (Upper Nile's point instead, 186 km off)"}),
    Case('wire', "Kenyan police shot dead two protesters in Nairobi on Tuesday during demonstrations marking the anniversary of last year's storming of parliament.", '2025-06-25', 'Protests', 'Excessive force against protesters', (-1.28, 36.82), 'Kenya', 'Nairobi', 'protesters', 'Kenyan forces', 2, {}),
    Case('isw', 'Israeli forces conducted a raid into Tammun in the northern West Bank on January 22, detaining 15 Palestinians.', '2025-01-23', 'Strategic developments', 'Arrests', (32.28, 35.38), 'Palestine', 'West Bank', 'Israeli forces', 'Palestinians', None, {}),
]

report_rows = report_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_admin1, test_actors, test_fatalities = report_field_tests(
    CASES, admin1_by_polygon=True)


def test_the_reports_are_well_formed():
    assert_well_formed(CASES, years=("2024", "2025"))
    assert len(CASES) >= 24 and len({c.country for c in CASES}) >= 11
