"""Reports the lead wrote at the start of session 16, before any of the session's helpers' rules were merged (issue 15).

A fourth held-out check beside ``test_events_unseen`` and the held-out parts of ``test_events_east``,
``test_events_south`` and ``test_events_beyond``: 26 reports of 2024–2026 in twenty countries and six source styles
(ACLED notes, wire copy, ISW-style assessments, an OCHA update, a monitor's post, a ministry statement), written
for this test in their own words with invented details, about real towns. They were committed and scored on main
before the helpers' rules were merged, and again at the end of the session; no rule was made or tuned on them.
The expected answer is the analyst's (the fields of ``tests/test_events_wide.py``'s :class:`Case`; admin-1 by
polygon; one answer corrected after the merge of session 16's ``actors2``: "dozens of fatalities" is 12, as
ACLED's fatalities FAQ codes it, where the lead first wrote none); what geoconflict still gets wrong is a strict xfail with its reason, so a fix shows.

Share right (type / subtype / ≤25 km / admin-1 / actors / fatalities / all six), ``python benchmarks/wide_cases.py
--module tests.test_events_fresh``: see benchmarks/README.md (sessions 16 and 17). In session 17 the helpers'
briefs named some forms of this module's misses as families to read (a country's possessive of its army, "the
<country> military", both sides after "between", foreign warplanes and a group's targets, glide bombs, "hacked to
death <n>"), without its sentences: from then on those forms are no longer held out here.
"""

from __future__ import annotations

from tests.acled_cases import assert_well_formed, report_field_tests, report_rows_fixture
from tests.test_events_wide import ALL, Case

#: Every case here is held out: no rule was made on them (``benchmarks/wide_cases.py`` says so).
ALL_HELD_OUT = True

CASES = [
    Case('wire', 'Two Russian glide bombs struck a residential block in Zaporizhzhia on Sunday afternoon, killing four people and wounding 19, the regional governor said.', '2025-04-06', 'Explosions/Remote violence', 'Air/drone strike', (47.84, 35.14), 'Ukraine', 'Zaporizhzhia', 'Russian forces', None, 4, {}),
    Case('isw', 'Ukrainian forces counterattacked southwest of Pokrovsk on April 8, and Russian milbloggers claimed that Russian forces repelled the assault near Kotlyne.', '2025-04-09', 'Battles', 'Armed clash', (48.22, 37.06), 'Ukraine', 'Donetsk', 'Ukrainian forces', 'Russian forces', None, {}),
    Case('wire', 'A Ukrainian drone attack set fire to a fuel tank at an oil depot in Belgorod overnight; no casualties were reported, Governor Vyacheslav Gladkov said.', '2024-12-14', 'Explosions/Remote violence', 'Air/drone strike', (50.6, 36.59), 'Russia', 'Belgorod', 'Ukrainian forces', None, 0, {}),
    Case('acled', 'On 3 May 2025, Russian forces shelled Bilopillia (Sumskyi, Sumy). 1 civilian was killed and 2 others were injured.', '2025-05-03', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (51.15, 34.31), 'Ukraine', 'Sumy', 'Russian forces', 'civilians', 1, {'actors': "the victim in the next sentence ('1 civilian was killed') is not read as actor2"}),
    Case('monitor', 'El Fasher: RSF drones struck the Saudi hospital this morning, killing 9 patients and a nurse, the resistance committee reported.', '2025-01-25', 'Explosions/Remote violence', 'Air/drone strike', (13.63, 25.35), 'Sudan', 'North Darfur', 'RSF', 'patients', 10, {'actors': "the victims in a later clause ('killing 9 patients') are not read as actor2", 'fatalities': "'9 patients and a nurse' is read as 9, not 10"}),
    Case('acled', 'On 11 January 2025, SAF and allied forces recaptured Wad Madani (Madani Al Kubra, Al Jazirah) from the RSF.', '2025-01-11', 'Battles', 'Government regains territory', (14.4, 33.52), 'Sudan', 'Al Jazirah', 'SAF', 'RSF', None, {}),
    Case('wire', "South Sudan's army and opposition fighters clashed near Nasir in Upper Nile state on Wednesday, leaving at least 15 soldiers dead, a military spokesman said.", '2025-03-05', 'Battles', 'Armed clash', (8.6, 33.07), 'South Sudan', 'Upper Nile', 'SSPDF', None, 15, {'place': 'Nasir: the gazetteer lacks it (Upper Nile instead)', 'actors': "the army of South Sudan is read as 'army', not SSPDF"}),
    Case('acled', 'On 26 January 2025, M23 rebels entered Goma (Goma, Nord-Kivu) after FARDC troops withdrew from the city.', '2025-01-26', 'Battles', 'Non-state actor overtakes territory', (-1.68, 29.22), 'Democratic Republic of Congo', 'Nord-Kivu', 'M23', 'FARDC', None, {'admin1': "Goma's point lies across the generalised border, in Rwanda's polygon"}),
    Case('wire', 'Suspected ADF fighters hacked to death 18 villagers in a night raid on a village near Beni in North Kivu, local civil society leaders said on Monday.', '2024-06-10', 'Violence against civilians', 'Attack', (0.49, 29.47), 'Democratic Republic of Congo', 'Nord-Kivu', 'ADF', 'villagers', 18, {}),
    Case('wire', 'Al-Shabaab fighters stormed a hotel in Beledweyne in central Somalia late on Friday, killing six people before security forces ended the siege.', '2024-03-15', 'Violence against civilians', 'Attack', (4.74, 45.2), 'Somalia', 'Hiiraan', 'Al-Shabaab', None, 6, {'event_type': 'a hotel stormed and people killed is typed as an armed clash, not an attack on civilians', 'sub_event_type': 'the same'}),
    Case('acled', 'On 17 August 2024, ISWAP militants ambushed a military convoy near Maiduguri (Maiduguri, Borno). 5 soldiers were killed.', '2024-08-17', 'Battles', 'Armed clash', (11.85, 13.16), 'Nigeria', 'Borno', 'ISWAP', 'military', 5, {}),
    Case('wire', "Bandits abducted 32 passengers from a bus on the Gusau–Funtua road in Nigeria's Zamfara state on Thursday, police said.", '2024-09-19', 'Violence against civilians', 'Abduction/forced disappearance', (12.17, 6.66), 'Nigeria', 'Zamfara', 'bandits', 'passengers', None, {}),
    Case('acled', 'On 1 July 2024, JNIM militants attacked a FAMa and Wagner convoy near Tinzaouatene (Abeibara, Kidal). Dozens of fatalities reported.', '2024-07-01', 'Battles', 'Armed clash', (19.96, 2.97), 'Mali', 'Kidal', 'JNIM', 'FAMa', 12, {'place': 'Tinzaouatene: the gazetteer lacks it (the Abeibara district instead)', 'admin1': 'the same', 'actors': "'a FAMa and Wagner convoy': actor2 read as Wagner, not FAMa"}),
    Case('wire', 'Burkina Faso\'s army said it had killed "dozens of terrorists" in air strikes on a JNIM camp near Djibo in the north of the country on Saturday.', '2024-10-06', 'Explosions/Remote violence', 'Air/drone strike', (14.1, -1.63), 'Burkina Faso', 'Sahel', 'Burkinabe forces', 'JNIM', None, {'actors': "the army of Burkina Faso is read as 'army', and 'dozens of terrorists' as actor2 'terrorists', not JNIM"}),
    Case('acled', 'On 9 February 2025, the Myanmar military conducted an air strike on Kyauktaw town (Kyauktaw, Rakhine), killing 7 civilians.', '2025-02-09', 'Explosions/Remote violence', 'Air/drone strike', (20.84, 92.98), 'Myanmar', 'Rakhine', 'military', 'civilians', 7, {'actors': "'the Myanmar military' is read as 'Myanmar forces' (not 'military'), and the victims in a later clause are not read"}),
    Case('wire', 'The Myanmar National Democratic Alliance Army handed control of Lashio back to the junta in April under a Chinese-brokered deal, a spokesman for the group said.', '2025-04-23', 'Strategic developments', 'Non-violent transfer of territory', (22.94, 97.75), 'Myanmar', 'Shan', 'MNDAA', None, None, {'actors': 'the group is named in full, not by its acronym MNDAA'}),
    Case('wire', 'An Israeli strike on a car in the southern Lebanese city of Nabatieh killed two Hezbollah members on Tuesday, Lebanon\'s health ministry said.', '2025-05-06', 'Explosions/Remote violence', 'Air/drone strike', (33.38, 35.48), 'Lebanon', 'Nabatieh', 'Israeli forces', 'Hezbollah', 2, {}),
    Case('acled', 'On 20 January 2025, Israeli forces conducted an air strike on a house in Khan Younis (Gaza Strip). 5 Palestinians were killed.', '2025-01-20', 'Explosions/Remote violence', 'Air/drone strike', (31.35, 34.31), 'Palestine', 'Gaza Strip', 'Israeli forces', 'Palestinians', 5, {}),
    Case('wire', 'US warplanes bombed Houthi targets around the port city of Hodeidah overnight, the group\'s al-Masirah TV said, reporting one dead.', '2025-03-30', 'Explosions/Remote violence', 'Air/drone strike', (14.8, 42.95), 'Yemen', 'Hodeidah', 'US forces', 'Houthis', 1, {ALL: "'warplanes bombed <group> targets around the port city of <town>' is read as no event"}),
    Case('monitor', 'Syrian Observatory: clashes broke out between Turkish-backed factions and the SDF near Manbij in eastern Aleppo countryside, leaving 11 fighters dead.', '2025-01-04', 'Battles', 'Armed clash', (36.53, 37.95), 'Syria', 'Aleppo', 'SNA', 'SDF', 11, {'actors': "'between Turkish-backed factions and the SDF': the factions are not read; the SDF is actor1"}),
    Case('wire', 'Hundreds of people protested in Port-au-Prince on Wednesday against gang violence, burning tyres and blocking roads in the capital.', '2025-04-02', 'Riots', 'Violent demonstration', (18.54, -72.34), 'Haiti', 'Ouest', 'protesters', None, None, {'actors': "'Hundreds of people protested': no actor1 (protesters)"}),
    Case('wire', 'Gunmen killed eight passengers after pulling them off a bus in the Kalat district of Pakistan\'s Balochistan province on Thursday, police said.', '2025-03-20', 'Violence against civilians', 'Attack', (29.03, 66.59), 'Pakistan', 'Balochistan', 'gunmen', 'passengers', 8, {}),
    Case('ministry', 'Ministry of Defence of Colombia: troops clashed with FARC dissidents in rural Argelia, Cauca, on Monday. Two soldiers were wounded.', '2024-10-07', 'Battles', 'Armed clash', (2.26, -77.25), 'Colombia', 'Cauca', 'military', 'FARC dissidents', 0, {'actors': "'troops' is not read as the military"}),
    Case('ocha', 'OCHA: On 12 November, fighting between armed militias in Jiribam district, Manipur, displaced some 2,000 residents; three houses were burned.', '2024-11-14', 'Battles', 'Armed clash', (24.8, 93.11), 'India', 'Manipur', 'militias', None, None, {'admin1': "Jiribam's point lies across the polygon line from the true point"}),
    Case('acled', 'On 4 March 2025, Fano militia clashed with the ENDF in Debre Tabor town (South Gondar, Amhara). Fatalities unknown.', '2025-03-04', 'Battles', 'Armed clash', (11.85, 38.02), 'Ethiopia', 'Amhara', 'Fano', 'ENDF', None, {}),
    Case('wire', 'Police in Dhaka fired rubber bullets and tear gas at students blocking a highway to demand job quota reform on Thursday, and detained at least 40 of them.', '2024-07-18', 'Protests', 'Protest with intervention', (23.81, 90.41), 'Bangladesh', 'Dhaka', 'students', 'police', None, {'event_type': 'rubber bullets and tear gas at students blocking a highway are typed as an attack on them, not a protest with intervention', 'sub_event_type': 'the same', 'actors': 'the same: police first'}),
]

report_rows = report_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_admin1, test_actors, test_fatalities = report_field_tests(
    CASES, admin1_by_polygon=True)


def test_the_reports_are_well_formed():
    assert_well_formed(CASES, years=("2024", "2025"))
    assert len(CASES) >= 24 and len({c.country for c in CASES}) >= 20
