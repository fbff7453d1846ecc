"""Located events typed, placed and counted the way ACLED codes them (issue 15).

Every sentence here is written for this test, in the styles of wire reports and
ACLED-style notes (no ACLED note is copied); each case asserts the event's ACLED
type, sub-event type, place, country, actors and fatalities one by one.
"""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.acled_types import CUE_KEYS, classify
from geoconflict.model import CombatArea, Event, Movement, Place, TerritorialClaim, acled_type, taxonomy

#: (sentence, publication date, event_type, sub_event_type, place, country, actors, fatalities)
CASES = [
    ('On 4 June 2023, Russian forces shelled Kupiansk with artillery, killing two civilians.', '2023-06-04', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Kupyansk', 'UA', ('Russian forces', 'civilians'), 2),
    ('Overnight, Ukrainian drones hit an oil depot in Novoshakhtinsk; no casualties were reported.', '2023-05-10', 'Explosions/Remote violence', 'Air/drone strike', 'Novoshakhtinsk', 'RU', ('Ukrainian forces',), 0),
    ('On 12 March 2024, an Israeli airstrike hit a house in Rafah, killing 7 people.', '2024-03-12', 'Explosions/Remote violence', 'Air/drone strike', 'Rafaḩ', 'PS', ('Israeli forces',), 7),
    ('A roadside bomb exploded near Kismayo on Tuesday, killing three soldiers.', '2023-02-07', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Kismayo', 'SO', (), 3),
    ('On 2 April 2022, a landmine exploded in Kidal, killing one herder.', '2022-04-02', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Kidal', 'ML', (), 1),
    ('Syrian government forces fired mortars at opposition positions near Idlib. Casualties unknown.', '2022-01-05', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Idlib', 'SY', ('Syrian forces',), None),
    ('On 9 May 2021, a suicide bomber blew himself up at a checkpoint in Mogadishu, killing 5 soldiers.', '2021-05-09', 'Explosions/Remote violence', 'Suicide bomb', 'Mogadishu', 'SO', (), 5),
    ('The army said a drone strike on Timbuktu killed 4 militants on Friday.', '2023-09-08', 'Explosions/Remote violence', 'Air/drone strike', 'Timbuktu', 'ML', ('army', 'militants'), 4),
    ('On 3 July 2022, rockets fired by militants struck Kabul, killing one person.', '2022-07-03', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Kabul', 'AF', ('militants',), 1),
    ('Armed men threw a grenade into a bar in Goma on Saturday, wounding six people.', '2022-10-01', 'Explosions/Remote violence', 'Grenade', 'Goma', 'CD', ('armed men',), 0),
    ('On 7 May 2022, Al-Shabaab militants attacked an army base in Baidoa, killing 4 soldiers.', '2022-05-07', 'Battles', 'Armed clash', 'Baidoa', 'SO', ('Al-Shabaab', 'army'), 4),
    ('ISWAP fighters ambushed a military convoy near Maiduguri on Monday, killing 12 soldiers.', '2021-03-01', 'Battles', 'Armed clash', 'Maiduguri', 'NG', ('ISWAP', 'military'), 12),
    ('On 5 August 2023, JNIM militants attacked a police checkpoint in Dori, killing three officers.', '2023-08-05', 'Battles', 'Armed clash', 'Dori', 'BF', ('JNIM', 'police'), 3),
    ('On 14 February 2023, gunmen attacked villagers in Bunia, killing 9 civilians.', '2023-02-14', 'Violence against civilians', 'Attack', 'Bunia', 'CD', ('gunmen', 'villagers'), 9),
    ('Unidentified gunmen shot dead a teacher in Kandahar on Wednesday.', '2022-11-02', 'Violence against civilians', 'Attack', 'Kandahār', 'AF', ('unidentified gunmen',), 1),
    ('On 20 June 2022, militants abducted 15 farmers near Zamfara.', '2022-06-20', 'Violence against civilians', 'Abduction/forced disappearance', 'Zamfara', 'NG', ('militants', 'farmers'), None),
    ('On 1 December 2022, the junta executed two detainees in Sagaing.', '2022-12-01', 'Violence against civilians', 'Attack', 'Sagaing', 'MM', ('junta',), None),
    ('Two women were shot by unknown gunmen in Bamenda on Thursday.', '2022-09-15', 'Violence against civilians', 'Attack', 'Bamenda', 'CM', ('unknown gunmen', 'women'), None),
    ('On 3 February 2023, hundreds of students protested in Nairobi against fee increases.', '2023-02-03', 'Protests', 'Peaceful protest', 'Nairobi', 'KE', ('students',), None),
    ('On 10 October 2022, teachers held a protest in Lahore demanding higher pay.', '2022-10-10', 'Protests', 'Peaceful protest', 'Lahore', 'PK', ('teachers',), None),
    ('Police fired tear gas to disperse protesters in Khartoum on Sunday.', '2022-06-12', 'Protests', 'Protest with intervention', 'Khartoum', 'SD', ('protesters', 'police'), None),
    ('Security forces opened fire on protesters in Omdurman, killing two people.', '2022-01-13', 'Protests', 'Excessive force against protesters', 'Omdurman', 'SD', ('protesters', 'security forces'), 2),
    ("On 8 March 2022, women rallied in Istanbul to mark International Women's Day.", '2022-03-08', 'Protests', 'Peaceful protest', 'Istanbul', 'TR', ('women',), None),
    ('Farmers demonstrated in Patna against the new law on Tuesday.', '2021-01-05', 'Protests', 'Peaceful protest', 'Patna', 'IN', ('farmers',), None),
    ('On 6 May 2023, residents marched through Caracas to demand water and electricity.', '2023-05-06', 'Protests', 'Peaceful protest', 'Caracas', 'VE', ('residents',), None),
    ('On 11 May 2022, rioters threw stones at police in Nablus.', '2022-05-11', 'Riots', 'Mob violence', 'Nablus', 'PS', ('rioters', 'police'), None),
    ('A mob lynched a suspected thief in Kampala on Friday.', '2022-08-12', 'Riots', 'Mob violence', 'Kampala', 'UG', ('mob',), None),
    ('On 2 March 2023, protesters set tyres on fire and threw rocks at police in Lima.', '2023-03-02', 'Riots', 'Violent demonstration', 'Lima', 'PE', ('protesters', 'police'), None),
    ('Demonstrators torched a police station in Kisumu after a boy died in custody.', '2023-07-19', 'Riots', 'Violent demonstration', 'Kisumu', 'KE', ('demonstrators', 'police'), None),
    ('On 15 January 2023, police arrested 12 people in Karachi.', '2023-01-15', 'Strategic developments', 'Arrests', 'Karachi', 'PK', ('police',), None),
    ('Ukrainian air defence shot down a drone over Odesa on Sunday.', '2023-07-23', 'Strategic developments', 'Disrupted weapons use', 'Odesa', 'UA', (), None),
    ('On 9 September 2022, soldiers looted shops in Bangassou.', '2022-09-09', 'Strategic developments', 'Looting/property destruction', 'Bangassou', 'CF', ('soldiers',), None),
    ('Militants burned down a school in Maroua on Monday.', '2022-02-14', 'Strategic developments', 'Looting/property destruction', 'Maroua', 'CM', ('militants',), None),
    ('Sappers defused an explosive device in Kherson on Tuesday.', '2022-11-22', 'Strategic developments', 'Disrupted weapons use', 'Kherson', 'UA', (), None),
    ('On 4 April 2022, security forces detained three journalists in Harare.', '2022-04-04', 'Strategic developments', 'Arrests', 'Harare', 'ZW', ('security forces', 'journalists'), None),
    ('On 6 June 2022, Russian forces shelled Sumy, and there were no casualties.', '2022-06-06',
     'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Sumy', 'UA', ('Russian forces',), 0),
    ('Militants attacked a village near Djibo; at least 5 soldiers died.', '2022-07-01', 'Battles', 'Armed clash', 'Djibo', 'BF', ('militants',), 5),
    ('On 1 May 2022, the military bombed Kyauktaw, killing 3 people.', '2022-05-01', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Kyauktaw', 'MM', ('military',), 3),
    ('On 17 June 2022, DPR forces shelled Avdiivka. Casualties unknown.', '2022-06-17', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Avdiyivka', 'UA', ('DPR',), None),
    ('On 23 April 2022, unidentified armed men kidnapped a priest in Kaduna.', '2022-04-23', 'Violence against civilians', 'Abduction/forced disappearance', 'Kaduna', 'NG', ('unidentified armed men',), None),
]


@pytest.fixture(scope="module")
def first_events(gazetteer):
    """The first located event of each case's sentence."""
    out = {}
    for text, published, *_ in CASES:
        events = list(extract(read_report(text, published=published), gazetteer=gazetteer).events)
        out[text] = events[0] if events else None
    return out


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_event_type(first_events, case):
    assert first_events[case[0]] is not None
    assert first_events[case[0]].event_type == case[2]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_sub_event_type(first_events, case):
    assert first_events[case[0]].subtype == case[3]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_place(first_events, case):
    event = first_events[case[0]]
    assert event.place.name == case[4]
    assert event.place.country_code == case[5]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_actors(first_events, case):
    assert first_events[case[0]].actors == case[6]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_fatalities(first_events, case):
    assert first_events[case[0]].fatalities == case[7]


def test_cases_cover_six_types_and_ten_countries():
    assert {c[2] for c in CASES} == set(taxonomy.EVENT_TYPES)
    assert len({c[5] for c in CASES}) >= 10


def test_taxonomy_has_acleds_25_sub_event_types():
    assert len(taxonomy.SUB_EVENT_TYPES) == 25
    assert set(taxonomy.SUB_EVENT_TYPES.values()) == set(taxonomy.EVENT_TYPES)
    assert all(sub in taxonomy.SUB_EVENT_TYPES for _, sub in CUE_KEYS.values())


def test_other_records_map_to_acled_types():
    kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52)
    lviv = Place("Lviv", kind="populated_place", lat=49.84, lon=24.03)
    assert acled_type(Movement("troops", kyiv, lviv)) == ("Strategic developments", "Change to group/activity")
    assert acled_type(CombatArea([kyiv]))[0] == "Battles"
    assert acled_type(CombatArea([kyiv]))[1] == "Armed clash"
    assert acled_type(TerritorialClaim("Russia", areas=[kyiv]))[0] == "Battles"


def test_target_decides_violence_against_civilians():
    assert classify("attack", "gunmen attacked a convoy of soldiers", 14) == ("attack", "Armed clash")
    assert classify("attack", "three farmers were shot", 23) == ("attack", "Attack")
    assert classify("attack", "rebels attacked the town with mortars", 14)[1] == "Shelling/artillery/missile attack"


def test_a_threat_is_no_event(gazetteer):
    text = "The militants threatened to attack Gao next week."
    assert list(extract(read_report(text, published="2023-01-01"), gazetteer=gazetteer).events) == []


# ---- actor1/actor2 and fatalities stated in the next sentence (my own sentences)

#: (text, actor1/actor2 as ACLED names them, fatalities)
PAIRS = [
    # a protest broken up: ACLED names the protesters actor1 and the police actor2, as for tear gas or live fire
    ("On 2 May 2023, police arrested 12 protesters in Karachi.", ("protesters", "police"), None),
    ("On 9 June 2023, militants attacked an army base near Gao.", ("militants", "army"), None),
    ("Russian forces shelled Kherson on 9 June 2023.", ("Russian forces",), None),
    ("On 9 June 2023, unidentified armed men attacked villagers near Mopti, killing 6.",
     ("unidentified armed men", "villagers"), 6),
    ("Three herders were shot by suspected bandits near Katsina on 9 June 2023.", ("suspected bandits", "herders"), None),
    ("On 9 June 2023, rioters clashed with police in Dakar.", ("rioters", "police"), None),
    ("On 9 June 2023, gunmen kidnapped two students in Kaduna.", ("gunmen", "students"), None),
    ("On 9 June 2023, Russian forces shelled Nikopol. There were no casualties.", ("Russian forces",), 0),
    ("On 9 June 2023, Russian forces shelled Nikopol. Casualties unknown.", ("Russian forces",), None),
    ("On 9 June 2023, an IED exploded near Kismayo. Two people were killed.", (), 2),
    ("On 9 June 2023, protesters blocked a road in Lima. Police dispersed them with tear gas.",
     ("protesters",), None),
]


@pytest.fixture(scope="module")
def pair_events(gazetteer):
    return {t: list(extract(read_report(t, published="2023-06-09"), gazetteer=gazetteer).events) for t, *_ in PAIRS}


@pytest.mark.parametrize("case", PAIRS, ids=[c[0][:40] for c in PAIRS])
def test_actor_pair(pair_events, case):
    assert pair_events[case[0]][0].actors == case[1]


@pytest.mark.parametrize("case", PAIRS, ids=[c[0][:40] for c in PAIRS])
def test_fatalities_of_the_sentence_or_the_next(pair_events, case):
    assert pair_events[case[0]][0].fatalities == case[2]


def test_next_sentence_telling_its_own_event_keeps_its_fatalities(gazetteer):
    text = "On 9 June 2023, Russian forces shelled Nikopol. Two people were killed in an air strike on Marhanets."
    first, second = extract(read_report(text, published="2023-06-09"), gazetteer=gazetteer).events
    assert first.fatalities is None
    assert second.fatalities == 2


def test_next_paragraph_does_not_give_fatalities(gazetteer):
    text = "On 9 June 2023, Russian forces shelled Nikopol.\n\nThere were no casualties."
    ev = extract(read_report(text, published="2023-06-09"), gazetteer=gazetteer).events[0]
    assert ev.fatalities is None


def test_actor_pair_reads_a_passive_agent():
    from geoconflict.extraction.acled_types import actor_pair

    text = "two farmers were shot by unknown gunmen"
    assert actor_pair(text, text.index("shot"), text.index("shot") + 4) == ("unknown gunmen", "farmers")


# ---- the event's place is where it happened (issue 15, stream 4; my own sentences)

#: (text, the event's place, its country): a place naming who acted is not where; a country gives way to a
#: place the sentence names inside it (or before it); a "Town, Region" tail gives the town, or the
#: innermost unit when the town is not known; the event's own clause before another clause's place.
WHERE = [
    ("On 3 March 2023, the armed forces of Russia launched a missile attack on Zaporizhzhia, killing two people.",
     "Zaporizhzhya", "UA"),
    ("On 6 June 2023, the government of Ukraine reported a missile strike on Odesa.", "Odesa", "UA"),
    ("On 6 June 2023, the forces of Azerbaijan fired mortars towards Stepanakert.", "Khankendi", "AZ"),
    ("On 3 March 2023, Pakistan's army shelled Kotli with mortars.", "Kotli", "PK"),
    ("On 6 June 2023, Iran's Revolutionary Guards launched a drone attack on Erbil, Iraq.", "Erbil", "IQ"),
    ("On 5 May 2023, activists marched through Voronezh to oppose the mobilisation in Russia.", "Voronezh", "RU"),
    ("On 6 June 2023, hundreds rallied in Lagos against police brutality in Nigeria.", "Lagos", "NG"),
    ("Protests against fuel prices spread across Kenya on Monday, with hundreds marching in Kisumu.", "Kisumu", "KE"),
    ("On 6 June 2023, protesters rallied across Chile against the pension reform.", "Chile", "CL"),
    ("On 4 April 2023, Russian forces fired artillery in the direction of Kupiansk, Kharkiv. Casualties unknown.",
     "Kupyansk", "UA"),
    ("On 2 June 2023, Russian forces shelled Vovchansk, Kharkiv oblast.", "Vovchansk", "UA"),
    ("On 6 June 2023, gunmen abducted five traders in Kwarbeyo (Djibo, Soum).", "Djibo", "BF"),
    ("On 7 June 2023, relatives staged a sit-in outside the courthouse of Mosul, demanding the release of men "
     "detained in Baghdad.", "Mosul", "IQ"),
    ("On 6 June 2023, a protest was staged near the city hall of Cali, demanding the release of students "
     "arrested in Bogota.", "Cali", "CO"),
    ("Speaking in Kyiv, the governor said Russian forces shelled Kherson overnight.", "Kherson", "UA"),
]


@pytest.fixture(scope="module")
def where_events(gazetteer):
    out = {}
    for text, *_ in WHERE:
        events = [e for e in extract(read_report(text, published="2023-06-09"), gazetteer=gazetteer).events
                  if isinstance(e, Event)]
        out[text] = events[0] if events else None
    return out


@pytest.mark.parametrize("case", WHERE, ids=[c[0][:40] for c in WHERE])
def test_event_place_is_where_it_happened(where_events, case):
    assert where_events[case[0]] is not None
    assert where_events[case[0]].place.name == case[1]


@pytest.mark.parametrize("case", WHERE, ids=[c[0][:40] for c in WHERE])
def test_event_place_country(where_events, case):
    assert where_events[case[0]].place.country_code == case[2]


def test_actor_country_is_no_place_without_another(gazetteer):
    text = "On 6 June 2023, the forces of Russia launched a rocket attack on the airfield."
    events = [e for e in extract(read_report(text, published="2023-06-09"), gazetteer=gazetteer).events
              if isinstance(e, Event)]
    assert events == []
