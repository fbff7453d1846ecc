"""The sides as reporters name them: a country's forces by its name, both sides of "fighting between", foreign air
forces and their targets, aerial bombs, counts in uncommon orders, the Taliban in power (issue 15, session 17).

A fifth held-out check of actors beside ``test_events_unseen``, ``_beyond``, ``_east``, ``_south`` and ``_sides``:
actors were the weakest field of the newest held-out set (about 42 % right, against 85 % for type and place).
34 reports of 2023–2025 in 22 countries, written for this test in their own words with invented details about real
towns, in the styles of wire copy, ISW-style assessments, ACLED-style notes and government statements. Each of the
brief's families comes at least four times, in different words and countries:

- a country's forces named by its possessive or its adjective and a generic force word ("South Sudan's army",
  "Nigeria's air force", "the Burkinabe army", "Ethiopia's federal forces"): the state's forces of that country,
  named as :func:`geoconflict.extraction.actors.side_name` names them ("South Sudanese forces");
- both sides of "fighting between X and Y" and "clashes between X and Y";
- foreign air forces and what they hit ("US warplanes bombed Houthi targets", "Turkish drones hit PKK positions"):
  an air strike of the striking state's forces on the group whose targets they were;
- aerial bombs (glide bombs, guided aerial bombs, KABs, barrel bombs): ACLED's air/drone strike, not an IED;
- counts after a verb of killing and its manner ("hacked to death 18 villagers", "beat to death two men");
- the Taliban's arrests after August 2021, when ACLED codes the Taliban as Afghanistan's state forces (ACLED's
  Afghanistan methodology page: "Marked changes took place in August 2021"): arrests, not abductions.

They were written and committed before any of the session's rules and scored on that commit (the "before" of
``python benchmarks/wide_cases.py --module tests.test_events_named``); no rule was made or tuned on them one by one
(the rules read the forms the brief named; one, a battle told before the people it made flee, was written after
the Haiti report below showed the form, and is held to other sentences in ``tests/test_named_sides.py``). Share
right, type / subtype / ≤25 km / admin-1 / actors / fatalities / all six: at main a004a6f
82 / 79 / 85 / 97 / 68 / 82 / 32 %, after the session's rules 97 / 97 / 85 / 97 / 97 / 97 / 85 %; the misses left are
places the gazetteer lacks or misplaces, and one spelling it lacks. The expected answer is the analyst's in the
project's convention
(``tests/test_events_wide.py``'s :class:`Case`; actors by their side's one name, victims as named; admin-1 by
polygon); what geoconflict still gets wrong is a strict xfail with its reason.
"""

from __future__ import annotations

from tests.acled_cases import assert_well_formed, report_field_tests, report_rows_fixture
from tests.test_events_wide import Case

#: Every case here is held out: no rule was made on them (``benchmarks/wide_cases.py`` says so).
ALL_HELD_OUT = True

#: The styles the reports are written in.
STYLES = ("acled", "wire", "isw", "gov")

VAC, ER, BAT = 'Violence against civilians', 'Explosions/Remote violence', 'Battles'
SD, RIOT = 'Strategic developments', 'Riots'

CASES = [
    # a country's forces by its possessive or adjective and a generic force word
    Case('wire', "South Sudan's army clashed with SPLA-IO fighters in Nasir in Upper Nile state on Tuesday, a local official said.", '2025-03-05', BAT, 'Armed clash', (8.60, 33.07), 'South Sudan', 'Upper Nile', 'South Sudanese forces', 'SPLM-IO', None, {'place': 'Nasir: the gazetteer lacks it (Upper Nile state named instead)'}),
    Case('gov', "Nigeria's air force struck a bandit camp near Tsafe in Zamfara State on Friday, killing 25 bandits, the Defence Headquarters said in a statement.", '2024-06-08', ER, 'Air/drone strike', (12.17, 6.92), 'Nigeria', 'Zamfara', 'Nigerian forces', 'bandits', 25, {}),
    Case('wire', "Mali's armed forces clashed with JNIM militants near Niono in the Segou region on Sunday, leaving 14 dead, the army said.", '2024-09-16', BAT, 'Armed clash', (14.25, -5.99), 'Mali', 'Segou', 'Malian forces', 'JNIM', 14, {}),
    Case('acled', 'On 24 August 2024, the Burkinabe army clashed with JNIM militants near Barsalogho (Barsalogho, Centre-Nord). 20 fatalities.', '2024-08-24', BAT, 'Armed clash', (13.42, -1.06), 'Burkina Faso', 'Centre-Nord', 'Burkinabe forces', 'JNIM', 20, {'place': 'Barsalogho: the gazetteer lacks it (Kaya, 40 km off)'}),
    Case('wire', "Ethiopia's federal forces launched drone strikes on Fano positions near Debre Markos in the Amhara region on Wednesday, killing at least 11 people, residents said.", '2024-05-16', ER, 'Air/drone strike', (10.33, 37.72), 'Ethiopia', 'Amhara', 'Ethiopian forces', 'Fano', 11, {}),
    Case('isw', 'The Myanmar military conducted airstrikes on Arakan Army positions near Kyaukphyu, Rakhine State, on January 8.', '2025-01-09', ER, 'Air/drone strike', (19.43, 93.55), 'Myanmar', 'Rakhine', 'Myanmar forces', 'Arakan Army', None, {'place': "Kyaukphyu: the gazetteer lacks it (Sittwe, the state's point)"}),
    Case('gov', "The Ministry of Defence said Somalia's national army killed 15 al-Shabaab fighters during an operation near Bulo Burte in Hiiraan region on Saturday.", '2023-11-13', BAT, 'Armed clash', (3.85, 45.57), 'Somalia', 'Hiran', 'Somali forces', 'Al-Shabaab', 15, {}),
    Case('wire', "Niger's army clashed with IS Sahel fighters near Tillaberi on Thursday, killing 10 of the attackers, the defence ministry said.", '2025-03-22', BAT, 'Armed clash', (14.21, 1.45), 'Niger', 'Tillaberi', 'Nigerien forces', 'IS Sahel', 10, {}),
    # both sides of "fighting between" and "clashes between"
    Case('acled', 'On 20 December 2024, fighting between SNA factions and the SDF took place near Deir Hafer (Deir Hafer, Aleppo). 8 fatalities.', '2024-12-20', BAT, 'Armed clash', (36.16, 37.71), 'Syria', 'Aleppo', 'SNA', 'SDF', 8, {}),
    Case('wire', 'Heavy clashes between Arakan Army fighters and junta troops erupted in Sittwe on Monday, residents said.', '2024-11-19', BAT, 'Armed clash', (20.15, 92.90), 'Myanmar', 'Rakhine', 'Arakan Army', 'junta', None, {}),
    Case('wire', 'Fighting between M23 rebels and Wazalendo militiamen in Masisi on Saturday killed at least seven people, local sources said.', '2025-02-16', BAT, 'Armed clash', (-1.40, 28.82), 'Democratic Republic of Congo', 'Nord-Kivu', 'M23', 'Wazalendo', 7, {'place': "the gazetteer's Masisi lies 30 km south-east of the town, at Sake"}),
    Case('isw', 'Clashes between Fano militias and the ENDF continued near Gondar, Amhara Region, on July 14.', '2024-07-15', BAT, 'Armed clash', (12.60, 37.47), 'Ethiopia', 'Amhara', 'Fano', 'ENDF', None, {}),
    Case('acled', 'On 16 January 2025, clashes between the ELN and FARC dissidents took place in Tibu (Tibu, Norte de Santander). 30 fatalities.', '2025-01-16', BAT, 'Armed clash', (8.64, -72.73), 'Colombia', 'Norte de Santander', 'ELN', 'FARC dissidents', 30, {}),
    Case('wire', 'Fighting between Viv Ansanm gang members and police in Mirebalais on Monday forced hundreds of residents to flee, the mayor said.', '2025-04-01', BAT, 'Armed clash', (18.83, -72.10), 'Haiti', 'Centre', 'Viv Ansanm', 'police', None, {}),
    Case('isw', 'Fighting between Israeli forces and Hamas fighters continued in Jabalia in the northern Gaza Strip on October 12.', '2024-10-13', BAT, 'Armed clash', (31.53, 34.48), 'Palestine', 'Gaza Strip', 'Israeli forces', 'Hamas', None, {}),
    # foreign air forces and their targets
    Case('wire', "US warplanes bombed Houthi targets around Hodeidah overnight, the rebels' Al-Masirah TV said on Sunday.", '2025-03-16', ER, 'Air/drone strike', (14.80, 42.95), 'Yemen', 'Al Hudaydah', 'US forces', 'Houthis', None, {'all': "'Hodeidah': the gazetteer holds 'Hodeida' and 'Hudaydah' but not this spelling, so the sentence names no place and gives no event"}),
    Case('isw', 'Israeli jets struck Hezbollah sites in Baalbek on October 21, according to Lebanese media.', '2024-10-22', ER, 'Air/drone strike', (34.00, 36.21), 'Lebanon', 'Baalbek-Hermel', 'Israeli forces', 'Hezbollah', None, {}),
    Case('acled', 'On 12 June 2024, Turkish drones hit PKK positions near Amadiya (Amadiya, Duhok). Casualties unknown.', '2024-06-12', ER, 'Air/drone strike', (37.09, 43.49), 'Iraq', 'Duhok', 'Turkish forces', 'PKK', None, {}),
    Case('wire', 'Pakistani jets bombed suspected TTP hideouts near the city of Khost in eastern Afghanistan on Monday, killing eight people, a Taliban spokesman said.', '2024-03-19', ER, 'Air/drone strike', (33.34, 69.92), 'Afghanistan', 'Khost', 'Pakistani forces', 'TTP', 8, {}),
    Case('wire', 'Russian warplanes struck HTS positions in Idlib on Saturday, a war monitor said.', '2024-11-30', ER, 'Air/drone strike', (35.93, 36.63), 'Syria', 'Idlib', 'Russian forces', 'HTS', None, {}),
    Case('gov', 'US Africa Command said US aircraft struck Islamic State positions near Bosaso in Puntland on Saturday.', '2025-02-03', ER, 'Air/drone strike', (11.28, 49.18), 'Somalia', 'Bari', 'US forces', 'Islamic State', None, {}),
    # aerial bombs
    Case('isw', 'Russian forces struck Kostyantynivka with guided glide bombs on February 4, according to Ukrainian officials.', '2025-02-05', ER, 'Air/drone strike', (48.53, 37.71), 'Ukraine', 'Donetsk', 'Russian forces', None, None, {}),
    Case('wire', 'A Russian guided aerial bomb hit a residential building in Kharkiv on Sunday, killing three civilians, the regional governor said.', '2024-06-23', ER, 'Air/drone strike', (49.99, 36.23), 'Ukraine', 'Kharkiv', 'Russian forces', 'civilians', 3, {}),
    Case('gov', 'The Sumy regional military administration said Russian aircraft dropped KAB bombs on the town of Bilopillia on Friday, wounding two residents.', '2025-04-05', ER, 'Air/drone strike', (51.15, 34.31), 'Ukraine', 'Sumy', 'Russian forces', 'residents', 0, {}),
    Case('acled', 'On 1 February 2025, SAF warplanes dropped barrel bombs on a market in Kabkabiya (Kabkabiya, North Darfur). 12 fatalities.', '2025-02-01', ER, 'Air/drone strike', (13.65, 24.09), 'Sudan', 'North Darfur', 'SAF', None, 12, {}),
    # counts after a verb of killing and its manner
    Case('wire', 'CODECO militiamen hacked to death 18 villagers at a displacement camp near Bunia in Ituri province on Monday night, a local official said.', '2025-02-11', VAC, 'Attack', (1.56, 30.25), 'Democratic Republic of Congo', 'Ituri', 'CODECO', 'villagers', 18, {}),
    Case('wire', 'A mob beat to death two men accused of stealing a motorcycle in Kisii on Wednesday, police said.', '2024-08-01', RIOT, 'Mob violence', (-0.68, 34.77), 'Kenya', 'Kisii', 'mob', None, 2, {}),
    Case('acled', 'On 14 April 2025, gunmen hacked to death 51 villagers in Mangu (Mangu, Plateau).', '2025-04-14', VAC, 'Attack', (9.52, 9.10), 'Nigeria', 'Plateau', 'gunmen', 'villagers', 51, {}),
    Case('wire', 'Assailants stabbed to death three farmers in Jiribam district of Manipur on Sunday, police said.', '2024-11-11', VAC, 'Attack', (24.80, 93.12), 'India', 'Manipur', 'assailants', 'farmers', 3, {}),
    Case('gov', 'The Cameroonian army said separatist fighters beat to death two teachers in Bamenda on Tuesday.', '2023-10-12', VAC, 'Attack', (5.96, 10.15), 'Cameroon', 'North-West', 'separatist fighters', 'teachers', 2, {}),
    # the Taliban in power: their arrests are arrests
    Case('wire', "Taliban forces detained two women's rights activists in Mazar-i-Sharif on Saturday, a rights group said.", '2024-03-04', SD, 'Arrests', (36.71, 67.11), 'Afghanistan', 'Balkh', 'Taliban', 'activists', None, {}),
    Case('acled', 'On 10 October 2024, Taliban police arrested 4 journalists in Herat (Herat, Herat).', '2024-10-10', SD, 'Arrests', (34.35, 62.20), 'Afghanistan', 'Herat', 'Taliban', 'journalists', None, {}),
    Case('isw', 'Taliban security forces detained an ISKP cell in Kandahar City on March 2, according to Taliban-affiliated media.', '2025-03-03', SD, 'Arrests', (31.61, 65.71), 'Afghanistan', 'Kandahar', 'Taliban', 'ISKP', None, {}),
    Case('gov', "The Taliban's interior ministry said its forces arrested 12 traders in the main bazaar of Kunduz on Tuesday.", '2023-09-27', SD, 'Arrests', (36.73, 68.86), 'Afghanistan', 'Kunduz', 'Taliban', 'traders', None, {}),
]

report_rows = report_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_admin1, test_actors, test_fatalities = report_field_tests(
    CASES, admin1_by_polygon=True)


def test_the_reports_are_well_formed():
    assert_well_formed(CASES, styles=STYLES, years=("2023", "2024", "2025"))
    assert len(CASES) >= 30 and len({c.country for c in CASES}) >= 12
    assert {c.style for c in CASES} == set(STYLES)
