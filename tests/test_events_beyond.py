"""Reports from the places and sources the dev set and the earlier report tests cover thinly (issue 15, session 15,
branch ``styles``): the Caucasus, Kosovo, Libya, Yemen and the Red Sea, Lebanon 2024, Syria after December 2024,
Iraq, the Iran–Israel war of June 2025, Afghanistan and Pakistan, India–Pakistan in May 2025, the Philippines,
southern Thailand, Indonesia's Papua, the Central African Republic, Chad, South Sudan, Brazil, Venezuela and Peru.

The notes kept aside come from other periods (2023–2025) and other sources, so the reports here are written in
the styles those sources use, besides ACLED's own: UCDP-GED-like one-line descriptions, Liveuamap-style
one-liners, CrisisWatch monthly entries, OCHA flash updates, translated Telegram channels and official posts,
local press, wire copy and ISW/CTP assessments. Every report is written for this test in its own words, with
invented details, about real towns. The expected answer is the analyst's, as in ``tests/test_events_wide.py``
(whose :class:`Case` this module reuses): the event type and sub-event type; the place's true point (from
knowledge of the geography, to about 0.05°, never read from geoconflict's output), which the event must lie within
25 km of; the first-level unit by polygon (``Case.admin1`` is only a label); the actors as geoconflict names them
when it names them right; the fatalities (None when the report gives no count). What geoconflict still gets
wrong is marked ``xfail(strict=True)`` with the reason, so a fix shows.

:data:`HELD_OUT` was written and committed before any rule was changed for this module, and no rule was tuned on
it: its score is the estimate of how the rules do on reports they were not made on.
"""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.acled_types import actor_pair
from geoconflict.extraction.actors import parties, side_name, state_side
from geoconflict.extraction.located import fatalities_in, fatalities_in_reference
from geoconflict.gazetteer.variants import spelled_variants
from geoconflict.model import taxonomy
from geoconflict.model.acled import acled_rows
from geoconflict.text.normalize import case_fold
from tests.acled_cases import (
    EVERY_FIELD,
    assert_well_formed,
    report_field_tests,
    report_rows_fixture,
)
from tests.test_events_wide import Case

#: The styles the reports are written in.
STYLES = ("acled", "ucdp", "liveuamap", "crisiswatch", "ocha", "telegram", "press", "wire", "isw", "monitor")
#: At least this many reports besides the held-out ones, in this many countries (the brief: 45 and 14).
MIN_CASES, MIN_COUNTRIES = 45, 14
#: Everything of a case fails (the report gives no located event).
ALL = EVERY_FIELD

CASES = [
    # ---- the Caucasus, Kosovo
    Case('acled', 'On 11 April 2023, Armenian and Azerbaijani forces exchanged fire near Tegh (Goris, Syunik). 7 fatalities.', '2023-04-11', 'Battles', 'Armed clash', (39.56, 46.48), 'Armenia', 'Syunik', 'Armenian forces', 'Azerbaijani forces', 7, {}),
    Case('wire', 'Thousands of protesters blocked streets in central Yerevan on Wednesday to demand the resignation of the prime minister over the fall of Nagorno-Karabakh; police detained dozens.', '2023-09-20', 'Protests', 'Protest with intervention', (40.18, 44.51), 'Armenia', 'Yerevan', 'protesters', 'police', None, {}),
    Case('telegram', 'Azerbaijani Defence Ministry (translated): units of the Armenian armed forces fired on Azerbaijani army positions in the Kalbajar district with small arms on 28 May. There are no losses.', '2023-05-29', 'Battles', 'Armed clash', (40.10, 46.04), 'Azerbaijan', 'Kalbajar', 'Armenian forces', 'Azerbaijani forces', 0, {}),
    Case('wire', 'Serb protesters clashed with NATO peacekeepers outside the municipal building in Zvecan on Monday, injuring about 30 soldiers, as tensions flared over newly installed ethnic Albanian mayors.', '2023-05-29', 'Riots', 'Violent demonstration', (42.91, 20.84), 'Kosovo', 'Mitrovica', 'protesters', 'peacekeepers', 0, {'actors': "'NATO peacekeepers' after 'clashed with' is not read as actor2 of a protest"}),
    Case('press', 'Kosovo police said they had seized rifles, mortar rounds and explosives at a monastery compound in Banjska after the weekend gunfight.', '2023-09-26', 'Strategic developments', 'Disrupted weapons use', (42.95, 20.77), 'Kosovo', 'Mitrovica', 'police', None, None, {'place': 'Banjska: the gazetteer lacks it, and its spelling is matched to Bansko in Bulgaria', 'admin1': 'the same'}),
    # ---- Libya
    Case('acled', 'On 14 August 2023, the 444 Brigade clashed with the Special Deterrence Force in Souq al-Juma (Tripoli, Tripoli). 55 fatalities.', '2023-08-14', 'Battles', 'Armed clash', (32.88, 13.24), 'Libya', 'Tripoli', '444 Brigade', 'Special Deterrence Force', 55, {'actors': "'the 444 Brigade' and 'the Special Deterrence Force': Libyan armed groups the actor words lack"}),
    Case('wire', 'Armed men abducted a former central bank official outside his home in Tripoli on Sunday, his family said.', '2024-08-18', 'Violence against civilians', 'Abduction/forced disappearance', (32.89, 13.19), 'Libya', 'Tripoli', 'armed men', None, None, {}),
    Case('liveuamap', 'Clashes between armed groups in Zawiya, heavy gunfire reported near the refinery', '2024-05-12', 'Battles', 'Armed clash', (32.76, 12.73), 'Libya', 'Az Zawiyah', 'armed groups', None, None, {}),
    Case('isw', 'Russian forces established a new base at the Maaten al-Sarra airbase in southeastern Libya in May, moving air defence systems there from Syria.', '2025-06-02', 'Strategic developments', 'Headquarters or base established', (21.69, 21.83), 'Libya', 'Al Kufrah', 'Russian forces', None, None, {'place': "Maaten al-Sarra: the gazetteer lacks it (the country's point, 500 km off)", 'admin1': 'the same'}),
    # ---- Yemen and the Red Sea
    Case('wire', 'Houthi forces shelled a residential neighbourhood of Taiz on Sunday, killing two children, local officials said.', '2024-03-10', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (13.58, 44.02), 'Yemen', 'Taizz', 'Houthis', 'children', 2, {}),
    Case('isw', 'The Houthis fired a ballistic missile at Ben Gurion Airport on May 4; Israeli air defences failed to intercept it and it struck near a terminal.', '2025-05-05', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (32.00, 34.88), 'Israel', 'Central', 'Houthis', None, None, {ALL: "Ben Gurion Airport: the gazetteer lacks it, and the report names no other place"}),
    Case('acled', 'On 20 July 2024, Israeli aircraft struck fuel tanks at the port of Al Hudaydah (Al Hawak, Al Hudaydah). 6 fatalities.', '2024-07-20', 'Explosions/Remote violence', 'Air/drone strike', (14.80, 42.95), 'Yemen', 'Al Hudaydah', 'Israeli forces', None, 6, {}),
    Case('crisiswatch', 'Yemen: STC forces clashed with AQAP militants near Ataq, Shabwa governorate, in early Feb, leaving at least five dead.', '2024-03-01', 'Battles', 'Armed clash', (14.54, 46.83), 'Yemen', 'Shabwah', 'STC', 'AQAP', 5, {}),
    Case('wire', 'Government forces retook the town of Hays in Hodeidah province from the Houthis on Thursday, military officials said.', '2025-04-10', 'Battles', 'Government regains territory', (13.93, 43.48), 'Yemen', 'Al Hudaydah', 'government forces', 'Houthis', None, {ALL: "'retook the town of Hays in Hodeidah province from the Houthis' gives no located event"}),
    # ---- Lebanon 2024
    Case('wire', "An Israeli strike on a house in Baalbek on Thursday killed at least seven people, Lebanon's health ministry said.", '2024-10-24', 'Explosions/Remote violence', 'Air/drone strike', (34.00, 36.21), 'Lebanon', 'Baalbek-Hermel', 'Israeli forces', None, 7, {}),
    Case('telegram', 'Islamic Resistance statement (translated): Hezbollah fighters targeted a gathering of Israeli soldiers in the settlement of Metula with rockets at 14:30.', '2024-09-10', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (33.28, 35.58), 'Israel', 'Northern', 'Hezbollah', 'Israeli forces', None, {}),
    Case('isw', "Israeli ground forces advanced into Khiam on October 30 and engaged Hezbollah fighters in the town's eastern neighbourhoods.", '2024-10-31', 'Battles', 'Armed clash', (33.33, 35.61), 'Lebanon', 'Nabatiyeh', 'Israeli forces', 'Hezbollah', None, {ALL: "'advanced into Khiam … and engaged Hezbollah fighters' gives no located event"}),
    Case('press', "Hundreds of residents rallied in Beirut's Martyrs' Square on Sunday in solidarity with families displaced from the south.", '2024-10-06', 'Protests', 'Peaceful protest', (33.89, 35.50), 'Lebanon', 'Beirut', 'residents', None, None, {}),
    # ---- Syria after December 2024
    Case('liveuamap', 'HTS-led forces entered Hama city after government troops withdrew', '2024-12-05', 'Battles', 'Non-state actor overtakes territory', (35.13, 36.75), 'Syria', 'Hama', 'HTS', None, None, {'actors': "actor2 is read as 'Syrian forces', the government troops that withdrew (the analyst named none)"}),
    Case('isw', 'Syrian army units withdrew from Deir ez-Zor city on December 6 and SDF fighters took control of it without fighting.', '2024-12-07', 'Strategic developments', 'Non-violent transfer of territory', (35.33, 40.14), 'Syria', 'Deir ez-Zor', 'SDF', None, None, {}),
    Case('wire', 'Gunmen loyal to the former government ambushed security forces in Jableh on Thursday, killing at least 16 of them, the interior ministry said.', '2025-03-06', 'Battles', 'Armed clash', (35.36, 35.93), 'Syria', 'Lattakia', 'gunmen', 'security forces', 16, {}),
    Case('ocha', 'OCHA Syria Flash Update No. 1: Since 13 July, clashes between Bedouin fighters and Druze militias in and around Suwayda city have killed hundreds of people and displaced more than 80,000.', '2025-07-16', 'Battles', 'Armed clash', (32.71, 36.57), 'Syria', 'As-Sweida', 'Bedouin fighters', 'Druze militias', None, {'actors': "'Bedouin fighters' and 'Druze militias': community names before a force noun are not read as actors"}),
    Case('isw', 'Israeli aircraft struck the Syrian military headquarters in Damascus on July 16, according to Israeli officials.', '2025-07-17', 'Explosions/Remote violence', 'Air/drone strike', (33.51, 36.29), 'Syria', 'Damascus', 'Israeli forces', 'Syrian forces', None, {}),
    Case('acled', 'On 9 March 2025, unidentified gunmen abducted 3 men at a checkpoint near Homs (Homs, Homs).', '2025-03-09', 'Violence against civilians', 'Abduction/forced disappearance', (34.73, 36.71), 'Syria', 'Homs', 'unidentified gunmen', None, None, {}),
    Case('wire', 'Gunmen looted and burned shops in Jaramana on the southeastern edge of Damascus on Tuesday, residents said.', '2025-04-29', 'Strategic developments', 'Looting/property destruction', (33.49, 36.35), 'Syria', 'Rif Dimashq', 'gunmen', None, None, {}),
    Case('crisiswatch', 'Syria: the SDF and the Damascus government on 10 March signed an agreement to integrate the SDF into state institutions.', '2025-04-01', 'Strategic developments', 'Agreement', (33.51, 36.29), 'Syria', 'Damascus', 'SDF', None, None, {}),
    # ---- Iraq
    Case('wire', 'A drone hit the Khor Mor gas field in Sulaimaniyah province late on Wednesday, halting production, Kurdish officials said.', '2024-04-25', 'Explosions/Remote violence', 'Air/drone strike', (35.10, 44.80), 'Iraq', 'As Sulaymaniyah', None, None, None, {ALL: "'the Khor Mor gas field in Sulaimaniyah province': the gazetteer lacks the field and the province is not placed"}),
    Case('acled', 'On 2 February 2024, US forces conducted air strikes on Kataib Hezbollah positions in Al Qaim (Al Qaim, Al Anbar). 16 fatalities.', '2024-02-02', 'Explosions/Remote violence', 'Air/drone strike', (34.37, 41.09), 'Iraq', 'Al Anbar', 'US forces', 'Kataib Hezbollah', 16, {}),
    Case('press', 'Hundreds of teachers protested in front of the governorate building in Sulaimani on Sunday over months of unpaid salaries.', '2025-03-09', 'Protests', 'Peaceful protest', (35.56, 45.43), 'Iraq', 'As Sulaymaniyah', 'teachers', None, None, {ALL: 'Sulaimani (the Kurdish spelling of Sulaymaniyah) is not found'}),
    Case('ucdp', 'Turkey - PKK: Turkish drones struck a PKK vehicle near Amadiya, Duhok governorate; 3 PKK fighters killed.', '2023-08-21', 'Explosions/Remote violence', 'Air/drone strike', (37.09, 43.49), 'Iraq', 'Dahuk', 'Turkish forces', 'PKK', 3, {}),
    # ---- Iran and Israel, June 2025
    Case('wire', 'An Iranian missile struck a residential building in Bat Yam, south of Tel Aviv, overnight, killing six people, Israeli emergency services said.', '2025-06-15', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (32.02, 34.75), 'Israel', 'Tel Aviv', 'Iranian forces', None, 6, {}),
    Case('telegram', 'IRGC statement (translated): in the new wave of Operation True Promise 3, IRGC missiles hit military and industrial targets in Haifa.', '2025-06-16', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (32.79, 34.99), 'Israel', 'Haifa', 'IRGC', None, None, {'actors': "'IRGC missiles': the IRGC is no actor word"}),
    Case('liveuamap', "Israeli drone strike hits apartment block in Tehran's Saadat Abad district, nuclear scientist among the dead", '2025-06-13', 'Explosions/Remote violence', 'Air/drone strike', (35.78, 51.37), 'Iran', 'Tehran', 'Israeli forces', None, None, {}),
    Case('crisiswatch', 'Iran: security forces on 20 June arrested dozens of people in Tabriz accused of collaborating with Israel.', '2025-07-01', 'Strategic developments', 'Arrests', (38.08, 46.29), 'Iran', 'East Azarbaijan', 'security forces', None, None, {}),
    # ---- Afghanistan and Pakistan
    Case('acled', 'On 28 January 2025, ISKP militants detonated an IED targeting a Taliban vehicle in Kunduz (Kunduz, Kunduz). 2 fatalities.', '2025-01-28', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', (36.73, 68.86), 'Afghanistan', 'Kunduz', 'ISKP', 'Taliban', 2, {}),
    Case('wire', 'A suicide bomber killed a Taliban minister and four other people inside the refugee ministry in Kabul on Wednesday, officials said.', '2024-12-11', 'Explosions/Remote violence', 'Suicide bomb', (34.53, 69.17), 'Afghanistan', 'Kabul', None, None, 5, {'actors': 'the victim (a Taliban minister) is read as actor1 of a suicide bombing'}),
    Case('telegram', 'ISPR (translated from the statement): security forces killed eight terrorists in an intelligence-based operation in the Mir Ali area of North Waziristan.', '2025-03-18', 'Battles', 'Armed clash', (32.99, 70.28), 'Pakistan', 'Khyber Pakhtunkhwa', 'security forces', 'terrorists', 8, {}),
    Case('wire', 'Gunmen ambushed a convoy of passenger vehicles near Parachinar in Kurram district on Thursday, killing at least 40 people, officials said.', '2024-11-21', 'Violence against civilians', 'Attack', (33.90, 70.10), 'Pakistan', 'Khyber Pakhtunkhwa', 'gunmen', None, 40, {}),
    Case('monitor', 'Quetta: BLA claims a grenade attack on a police post on Sariab Road, two policemen injured.', '2024-09-02', 'Explosions/Remote violence', 'Grenade', (30.18, 66.99), 'Pakistan', 'Balochistan', 'BLA', 'police', 0, {}),
    Case('press', 'Traders shut their shops and rallied at Tower in Karachi on Saturday against rising extortion demands.', '2024-08-31', 'Protests', 'Peaceful protest', (24.86, 67.01), 'Pakistan', 'Sindh', 'traders', None, None, {}),
    Case('wire', 'A mob lynched a man accused of blasphemy in the town of Madyan in Swat district on Thursday night and set his body on fire, police said.', '2024-06-21', 'Riots', 'Mob violence', (35.14, 72.54), 'Pakistan', 'Khyber Pakhtunkhwa', 'mob', None, 1, {'place': "Madyan: the gazetteer lacks it (Swat district's point, 42 km off)", 'fatalities': "'A mob lynched a man' gives no count"}),
    Case('crisiswatch', 'Pakistan: the federal government on 6 Oct banned the Pashtun Tahaffuz Movement, days before its planned jirga in Khyber district.', '2024-11-01', 'Strategic developments', 'Change to group/activity', (33.69, 73.06), 'Pakistan', 'Islamabad', 'government', None, None, {ALL: "a ban on a movement ('banned the Pashtun Tahaffuz Movement') is read as no event"}),
    # ---- India and Pakistan, May 2025
    Case('wire', "Indian missiles struck sites in Muridke and Bahawalpur early on Wednesday, Pakistan's military said, adding that civilians were among the dead.", '2025-05-07', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (31.80, 74.26), 'Pakistan', 'Punjab', 'Indian forces', None, None, {}),
    Case('isw', 'Pakistani drones targeted Jammu airport on May 8; Indian air defences intercepted all of them, Indian officials said.', '2025-05-09', 'Strategic developments', 'Disrupted weapons use', (32.73, 74.86), 'India', 'Jammu and Kashmir', 'Pakistani forces', None, None, {'event_type': "drones 'intercepted' by air defences are a disrupted attack, read as a strike", 'sub_event_type': 'the same'}),
    Case('acled', 'On 22 April 2025, militants opened fire on tourists in a meadow near Pahalgam (Anantnag, Jammu and Kashmir). 26 fatalities.', '2025-04-22', 'Violence against civilians', 'Attack', (34.01, 75.32), 'India', 'Jammu and Kashmir', 'militants', 'tourists', 26, {}),
    # ---- the Philippines, southern Thailand, Papua
    Case('wire', 'Soldiers killed five suspected Dawlah Islamiyah militants in a gunfight on the outskirts of Marawi on Monday, the army said.', '2024-02-19', 'Battles', 'Armed clash', (8.00, 124.29), 'Philippines', 'Lanao del Sur', 'soldiers', 'Dawlah Islamiyah', 5, {}),
    Case('monitor', 'Cotabato City: unidentified men lobbed a grenade at the house of a village official overnight, no one was hurt.', '2024-05-14', 'Explosions/Remote violence', 'Grenade', (7.22, 124.25), 'Philippines', 'Maguindanao', None, None, 0, {}),
    Case('acled', 'On 6 June 2024, residents held a prayer rally in Davao City (Davao City, Davao del Sur) against the arrest warrant issued for a church leader.', '2024-06-06', 'Protests', 'Peaceful protest', (7.07, 125.61), 'Philippines', 'Davao del Sur', 'residents', None, None, {}),
    Case('wire', 'Insurgents shot dead a village defence volunteer and his wife in Yarang district of Pattani province on Sunday, police said.', '2024-01-14', 'Violence against civilians', 'Attack', (6.75, 101.30), 'Thailand', 'Pattani', 'insurgents', None, 2, {}),
    Case('press', 'Thousands rallied at Democracy Monument in Bangkok on Sunday in support of the party whose leader parliament had blocked from becoming prime minister.', '2023-07-23', 'Protests', 'Peaceful protest', (13.76, 100.50), 'Thailand', 'Bangkok Metropolis', 'protesters', None, None, {}),
    Case('wire', 'Rebels of the West Papua National Liberation Army shot dead two soldiers near Sugapa in Intan Jaya regency on Saturday, the military said.', '2024-04-13', 'Battles', 'Armed clash', (-3.74, 137.03), 'Indonesia', 'Papua', 'TPNPB', 'soldiers', 2, {'actors': "'Rebels of the West Papua National Liberation Army' are no actor words; the army that reports is read as actor1"}),
    Case('telegram', 'TPNPB statement (translated): our troops burned a school building and a health post in Oksibil on 3 October.', '2023-10-04', 'Strategic developments', 'Looting/property destruction', (-4.90, 140.63), 'Indonesia', 'Papua', 'TPNPB', None, None, {'actors': "'TPNPB statement: our troops': the speaker's own troops are read as 'troops'"}),
    # ---- the Central African Republic, Chad, South Sudan
    Case('acled', 'On 15 May 2024, Wagner mercenaries and FACA soldiers abducted 6 herders near Bambari (Bambari, Ouaka).', '2024-05-15', 'Violence against civilians', 'Abduction/forced disappearance', (5.76, 20.67), 'Central African Republic', 'Ouaka', 'Wagner', 'herders', None, {'actors': "'Wagner mercenaries and FACA soldiers': the first of two joined actors is lost to 'soldiers'"}),
    Case('wire', 'Boko Haram fighters attacked an army base near Bol in the Lac province on Sunday night, killing about 40 soldiers, the presidency said.', '2024-10-28', 'Battles', 'Armed clash', (13.46, 14.71), 'Chad', 'Lac', 'Boko Haram', 'army', 40, {}),
    Case('crisiswatch', 'Chad: clashes between herders and farmers near Koumra in Mandoul province on 16 May left 12 dead.', '2024-06-01', 'Battles', 'Armed clash', (8.91, 17.55), 'Chad', 'Mandoul', 'herders', 'farmers', 12, {}),
    Case('wire', 'SSPDF troops clashed with White Army militiamen in Nasir in Upper Nile state on Tuesday, leaving several soldiers dead, a military spokesman said.', '2025-03-04', 'Battles', 'Armed clash', (8.60, 33.07), 'South Sudan', 'Upper Nile', 'SSPDF', 'White Army', None, {'place': "Nasir: the gazetteer lacks it (Upper Nile's point, 170 km off)"}),
    Case('ocha', 'OCHA South Sudan Flash Update: On 16 March, an air strike hit a market in Ulang, Upper Nile, killing at least 20 civilians, local authorities reported.', '2025-03-18', 'Explosions/Remote violence', 'Air/drone strike', (8.62, 32.71), 'South Sudan', 'Upper Nile', None, None, 20, {'place': "Ulang: the gazetteer lacks it (Upper Nile's point, 130 km off)"}),
    Case('acled', 'On 12 July 2024, unidentified gunmen raped 3 women collecting firewood near Yei (Yei, Central Equatoria).', '2024-07-12', 'Violence against civilians', 'Sexual violence', (4.09, 30.68), 'South Sudan', 'Central Equatoria', 'unidentified gunmen', 'women', None, {}),
    # ---- Brazil, Venezuela, Peru
    Case('wire', 'Police killed at least 60 people in a raid against the Comando Vermelho gang in the Alemao and Penha favela complexes of Rio de Janeiro on Tuesday.', '2025-10-28', 'Battles', 'Armed clash', (-22.86, -43.27), 'Brazil', 'Rio de Janeiro', 'police', 'Comando Vermelho', 60, {'event_type': "a police raid 'against the Comando Vermelho gang' that killed 60 is a battle, read as an attack on civilians", 'sub_event_type': 'the same'}),
    Case('press', 'Residents blocked the Via Anchieta and set tyres on fire in Sao Bernardo do Campo on Monday after a teenager was killed during a police operation.', '2024-02-26', 'Riots', 'Violent demonstration', (-23.69, -46.56), 'Brazil', 'Sao Paulo', 'residents', None, None, {'sub_event_type': 'residents blocking a road and burning tyres are read as mob violence', 'actors': 'the police of the earlier killing are read as actor2', 'fatalities': 'the teenager killed before the demonstration is counted'}),
    Case('acled', 'On 10 August 2023, illegal miners attacked Yanomami villagers near Alto Alegre (Alto Alegre, Roraima). 2 fatalities.', '2023-08-10', 'Violence against civilians', 'Attack', (2.99, -61.31), 'Brazil', 'Roraima', 'miners', 'villagers', 2, {}),
    Case('wire', 'Police fired tear gas at protesters who gathered in the Petare district of Caracas on Monday to reject the official election results.', '2024-07-29', 'Protests', 'Protest with intervention', (10.48, -66.81), 'Venezuela', 'Miranda', 'protesters', 'police', None, {}),
    Case('monitor', 'Tumeremo, Bolivar: armed men killed three miners at a gold pit outside the town overnight.', '2024-10-07', 'Violence against civilians', 'Attack', (7.30, -61.50), 'Venezuela', 'Bolivar', 'armed men', 'miners', 3, {}),
    Case('wire', 'Police fired on protesters trying to take over the airport in Juliaca on Monday, killing 17 people, health officials said.', '2023-01-10', 'Protests', 'Excessive force against protesters', (-15.50, -70.13), 'Peru', 'Puno', 'protesters', 'police', 17, {}),
    Case('acled', 'On 3 June 2024, Shining Path remnants ambushed a military patrol near Pichari (La Convencion, Cusco). 3 fatalities.', '2024-06-03', 'Battles', 'Armed clash', (-12.52, -73.83), 'Peru', 'Cusco', 'Shining Path', 'military', 3, {'admin1': "the basemap's generalised Cusco-Ayacucho border runs along the river at Pichari: its true point falls in Ayacucho's polygon"}),
    Case('press', 'Transport workers went on strike and marched through central Lima on Thursday against extortion by criminal gangs.', '2024-10-10', 'Protests', 'Peaceful protest', (-12.05, -77.04), 'Peru', 'Lima', 'transport workers', None, None, {'actors': "'Transport workers went on strike' names no actor"}),
]

#: Reports written before any rule was changed for this module, and run once as they are.
HELD_OUT = [
    Case('crisiswatch', 'Azerbaijan: Azerbaijani forces on 19 Sept launched an offensive in Nagorno-Karabakh, shelling Stepanakert and Armenian positions along the line of contact; de facto authorities agreed to disband their forces next day.', '2023-10-01', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (39.82, 46.75), 'Azerbaijan', 'Xankandi', 'Azerbaijani forces', None, None, {'event_type': "'launched an offensive …, shelling Stepanakert' is read as a battle", 'sub_event_type': 'the same'}),
    Case('liveuamap', 'Kosovo police officer killed as armed men attack patrol near Banjska village in Zvecan municipality, north Kosovo', '2023-09-24', 'Battles', 'Armed clash', (42.95, 20.77), 'Kosovo', 'Mitrovica', 'armed men', 'police', 1, {'actors': "the killed officer's police are read as actor1 and the attacking 'armed men' as actor2", 'fatalities': "'Kosovo police officer killed' (a headline with no count word) is not counted"}),
    Case('wire', "Protesters set fire to the mayor's house in Derna on Monday after hundreds rallied outside the city's main mosque to demand accountability for the collapse of the dams.", '2023-09-19', 'Riots', 'Violent demonstration', (32.76, 22.64), 'Libya', 'Darnah', 'protesters', None, None, {}),
    Case('wire', 'U.S. and British warplanes struck Houthi military sites around the port city of Hodeidah early on Friday, the Houthi-run Saba news agency said.', '2024-01-12', 'Explosions/Remote violence', 'Air/drone strike', (14.80, 42.95), 'Yemen', 'Al Hudaydah', 'US forces', 'Houthis', None, {ALL: "'U.S. and British warplanes struck Houthi military sites around the port city of Hodeidah' gives no located event"}),
    Case('telegram', "From the IDF spokesperson's channel (translated): IDF fighter jets struck Hezbollah weapons depots and rocket launchers in the area of Nabatieh in southern Lebanon overnight.", '2024-10-13', 'Explosions/Remote violence', 'Air/drone strike', (33.38, 35.48), 'Lebanon', 'Nabatiyeh', 'IDF', 'Hezbollah', None, {}),
    Case('wire', 'Gunmen killed at least 20 Alawite civilians in house-to-house raids in the coastal city of Baniyas on Saturday, a war monitor said.', '2025-03-08', 'Violence against civilians', 'Attack', (35.18, 35.95), 'Syria', 'Tartus', 'gunmen', 'civilians', 20, {}),
    Case('ucdp', 'IS - Government of Iraq: IS militants attacked an Iraqi army outpost near Hawija in Kirkuk province; 2 soldiers killed (best estimate 2).', '2023-06-06', 'Battles', 'Armed clash', (35.33, 43.77), 'Iraq', 'Kirkuk', 'Islamic State', 'Iraqi forces', 2, {}),
    Case('isw', 'Israeli aircraft struck the Natanz enrichment facility in Esfahan Province on June 13, according to Israeli officials.', '2025-06-14', 'Explosions/Remote violence', 'Air/drone strike', (33.51, 51.92), 'Iran', 'Esfahan', 'Israeli forces', None, None, {}),
    Case('press', 'Militants attacked a police checkpost in Bannu district late on Tuesday night; two policemen were martyred and three attackers were killed in retaliatory fire, police said.', '2025-02-12', 'Battles', 'Armed clash', (32.99, 70.60), 'Pakistan', 'Khyber Pakhtunkhwa', 'militants', 'police', 5, {'fatalities': "'two policemen were martyred and three attackers were killed': only the 3 are counted"}),
    Case('liveuamap', 'Pakistani shelling hits residential areas of Poonch town, 12 civilians killed - Indian Army', '2025-05-08', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', (33.77, 74.09), 'India', 'Jammu and Kashmir', 'Pakistani forces', None, 12, {}),
    Case('acled', 'On 18 March 2024, NPA rebels clashed with Philippine Army troops in Lianga (Lianga, Surigao del Sur). 2 fatalities.', '2024-03-18', 'Battles', 'Armed clash', (8.63, 126.09), 'Philippines', 'Surigao del Sur', 'NPA', 'Philippine forces', 2, {}),
    Case('monitor', 'Rueso, Narathiwat: a roadside bomb hit a ranger patrol truck this morning, injuring four rangers.', '2024-06-04', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', (6.40, 101.52), 'Thailand', 'Narathiwat', None, 'rangers', 0, {'actors': "'injuring four rangers': the rangers are not read as actor2"}),
    Case('wire', 'Fighters of the 3R armed group killed nine civilians in an attack near Bouar in Nana-Mambere prefecture on Sunday, local officials said.', '2023-05-29', 'Violence against civilians', 'Attack', (5.93, 15.60), 'Central African Republic', 'Nana-Mambéré', '3R', 'civilians', 9, {'actors': "'Fighters of the 3R armed group' is read as 'armed group'"}),
    Case('ocha', 'OCHA South Sudan Flash Update: On 2 March, armed youth attacked cattle camps near Pibor town, killing 15 people and raiding thousands of cattle.', '2024-03-04', 'Violence against civilians', 'Attack', (6.80, 33.13), 'South Sudan', 'Jonglei', 'armed youth', None, 15, {ALL: "'armed youth attacked cattle camps near Pibor town' gives no located event"}),
    Case('press', 'Police detained two regional opposition campaign coordinators in Barinas on Tuesday, their party said.', '2024-04-09', 'Strategic developments', 'Arrests', (8.62, -70.21), 'Venezuela', 'Barinas', 'police', None, None, {}),
]
ALL_CASES = CASES + HELD_OUT


report_rows = report_rows_fixture(ALL_CASES)
(test_event_type, test_sub_event_type, test_place_within_25_km, test_admin1_by_polygon, test_actors,
 test_fatalities) = report_field_tests(ALL_CASES, admin1_by_polygon=True)


def test_the_reports_cover_places_styles_and_types():
    assert len(HELD_OUT) >= 15
    assert len(CASES) >= MIN_CASES
    assert len({c.country for c in ALL_CASES}) >= MIN_COUNTRIES
    assert {c.style for c in CASES} == set(STYLES)
    assert {c.event_type for c in CASES} == set(taxonomy.EVENT_TYPES)
    assert len({c.sub_event_type for c in ALL_CASES}) >= 20


def test_the_reports_are_well_formed():
    assert_well_formed(ALL_CASES, styles=STYLES, years=("2023", "2024", "2025"))


# ---- the rules the reports led to, one by one


@pytest.mark.parametrize(("phrase", "name", "state"), [
    ("ISKP militants", "ISKP", False),
    ("Islamic State Khorasan Province fighters", "ISKP", False),
    ("Kataib Hezbollah fighters", "Kataib Hezbollah", False),  # not Lebanon's Hezbollah
    ("IRGC units", "IRGC", True),
    ("Islamic Revolutionary Guard Corps forces", "IRGC", True),
    ("White Army militiamen", "White Army", False),  # a militia, not a state's army
    ("Dawlah Islamiyah militants", "Dawlah Islamiyah", False),
    ("West Papua National Liberation Army rebels", "TPNPB", False),
    ("Shining Path fighters", "Shining Path", False),
    ("Comando Vermelho gunmen", "Comando Vermelho", False),
])
def test_groups_of_the_period_and_their_sides(phrase, name, state):
    (actor,) = parties(phrase, 0, len(phrase))
    assert side_name(actor) == name
    assert state_side(phrase) is state


@pytest.mark.parametrize(("name", "unit", "place"), [
    # a name of two consonants is another spelling of a place of the report's area with the same letters only
    ("Al Qaim", "Anbar Province", "Al Qā’im"),
    ("Amadiya", "Duhok Province", "Al ‘Amādīyah"),
    ("Al Qaem", "Anbar Province", None),  # a vowel otherwise: too little to go on
])
def test_a_short_name_is_respelt_only_letter_for_letter(gazetteer, name, unit, place):
    found = spelled_variants(gazetteer, name, country="IQ", units=frozenset({unit}))
    assert [p.name for _, p in found][:1] == ([place] if place else [])


@pytest.mark.parametrize(("text", "located"), [
    # a site named after a person ("Ben" of "Ben Gurion") is not placed at a country the particle spells
    ("A missile struck near Ben Gurion Airport on Sunday.", []),
    ("A missile struck near Donetsk Airport on Sunday.", ["Donetsk"]),
])
def test_a_site_named_after_a_person_is_no_place(text, located):
    events = extract(read_report(text, published="2025-05-05"))
    assert [m.text for m in events.mentions] == located


def _main(text: str, published: str = "2024-10-06") -> dict:
    row = next(iter(acled_rows(extract(read_report(text, published=published)))), None)
    assert row is not None, "the report gave no located event"
    return row


@pytest.mark.parametrize(("text", "location"), [
    # a possessive of a part of the place is where it happened, not who acted
    ("Hundreds of residents rallied in Beirut's Martyrs' Square on Sunday.", "Beirut"),
    ("Students marched through Dhaka's streets on Monday.", "Dhaka"),
])
def test_the_possessive_of_a_part_of_the_place_is_where(text, location):
    assert _main(text)["location"] == location


def test_the_possessive_of_an_actor_is_no_place():
    events = extract(read_report("Lebanon's army deployed along the border on Monday.", published="2024-10-06"))
    assert not events.events


@pytest.mark.parametrize(("sentence", "count"), [
    ("There are no losses.", 0),  # a defence ministry's closing line
    ("Our units withdrew without losses.", 0),
    ("Heavy losses were reported.", None),
    # one person killed, and those killed with them
    ("A suicide bomber killed a minister and four other people.", 5),
    ("Insurgents shot dead a volunteer and his wife.", 2),
    ("Gunmen killed a trader and wounded two others.", 1),
])
def test_fatalities_stated_otherwise(sentence, count):
    assert fatalities_in(sentence, case_fold(sentence)) == count
    assert fatalities_in_reference(sentence, case_fold(sentence)) == count


@pytest.mark.parametrize(("text", "event_type", "subtype"), [
    # a crowd that clashes with forces of any kind has turned violent
    ("Protesters clashed with NATO peacekeepers in Zvecan on Monday.", taxonomy.RIOTS, taxonomy.VIOLENT_DEMONSTRATION),
    ("Protesters clashed with riot police in Zvecan on Monday.", taxonomy.RIOTS, taxonomy.VIOLENT_DEMONSTRATION),
    ("Protesters rallied peacefully in Zvecan on Monday.", taxonomy.PROTESTS, taxonomy.PEACEFUL_PROTEST),
    # a convoy of civilians' vehicles is no armed target; an army convoy is
    ("Gunmen ambushed a convoy of passenger vehicles near Parachinar on Thursday, killing 40 people.",
     taxonomy.VIOLENCE_AGAINST_CIVILIANS, taxonomy.ATTACK),
    ("Gunmen ambushed a convoy of army trucks near Parachinar on Thursday, killing 4.", taxonomy.BATTLES,
     taxonomy.ARMED_CLASH),
    ("Gunmen ambushed a military convoy near Parachinar on Thursday.", taxonomy.BATTLES, taxonomy.ARMED_CLASH),
])
def test_what_a_crowd_or_a_convoy_makes_of_the_event(text, event_type, subtype):
    row = _main(text)
    assert (row["event_type"], row["sub_event_type"]) == (event_type, subtype)


@pytest.mark.parametrize(("text", "pair"), [
    ("Militants opened fire on tourists near Pahalgam on Tuesday.", ("militants", "tourists")),
    ("Armed men killed three miners near Tumeremo on Sunday.", ("armed men", "miners")),
    ("Security forces killed eight terrorists near Mir Ali on Sunday.", ("security forces", "terrorists")),
])
def test_victims_named_the_way_acled_names_them(text, pair):
    row = _main(text)
    assert (row["actor1"], row["actor2"]) == pair


@pytest.mark.parametrize(("sentence", "verb", "pair"), [
    # two states' forces in one phrase fighting one another are the two sides; allies stay one side
    ("Armenian and Azerbaijani forces exchanged fire near Tegh", "exchanged", ("Armenian forces", "Azerbaijani forces")),
    ("Indian and Pakistani troops clashed along the Line of Control", "clashed", ("Indian forces", "Pakistani forces")),
    ("Rwandan and Mozambican troops recaptured Mocimboa da Praia", "recaptured", ("Rwandan and Mozambican troops",)),
])
def test_two_states_forces_fighting_each_other(sentence, verb, pair):
    start = sentence.index(verb)
    assert actor_pair(sentence, start, start + len(verb)) == pair
