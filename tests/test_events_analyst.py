"""The rules an analyst codes real reporting by (issue 15): words and structures, not single sentences.

Every sentence here is written for this test, in wire, ISW and ACLED-note styles (no ACLED note is copied or
paraphrased). The table asserts the main event's ACLED type, sub-event type, place, country, actors and
fatalities one by one; the rule tables hold each typing rule of
:func:`geoconflict.extraction.acled_types.classify` on sentences that need it and on ones that must not
trigger it.
"""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.acled_types import battle_word, classify, crowd_fight, protest_outcome
from geoconflict.lang import en
from geoconflict.model import taxonomy
from geoconflict.model.acled import acled_rows
from tests.acled_cases import field_tests, main_rows_fixture

#: (text, publication date, event_type, sub_event_type, location, country, actor1, actor2, fatalities)
CASES = [
    # remote violence: bombs dropped, explosives used, a manned aircraft shot down, a planted bomb
    ("On 4 May 2023, Russian forces dropped two guided bombs on Vovchansk, killing a civilian.", "2023-05-04",
     "Explosions/Remote violence", "Air/drone strike", "Vovchansk", "Ukraine", "Russian forces", None, 1),
    ("On 29 May 2023, jets dropped barrel bombs on Idlib, killing four people.", "2023-05-29",
     "Explosions/Remote violence", "Air/drone strike", "Idlib", "Syria", None, None, 4),
    ("On 7 May 2023, unidentified men blew up an electricity pylon near Maiduguri. There were no casualties.",
     "2023-05-07", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Maiduguri", "Nigeria", None,
     None, 0),
    ("Ukrainian air defence units shot down a Russian Su-34 bomber near Kramatorsk on Monday.", "2023-05-09",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "Kramatorsk", "Ukraine", "Ukrainian forces",
     None, None),
    ("On 31 May 2023, a roadside bomb planted by insurgents wounded three soldiers near Kirkuk.", "2023-05-31",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "Kirkuk", "Iraq", "insurgents", None, 0),
    ("On 5 June 2023, ELN rebels attacked a police station in Arauca with explosives, wounding two officers.",
     "2023-06-05", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Arauca", "Colombia", "ELN",
     "police", 0),
    ("On 14 June 2023, Houthi forces shelled Taiz with mortars, killing a child.", "2023-06-14",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", "Taiz", "Yemen", "Houthis", None, 1),
    # violence against civilians: assassinations, fire at civilians, detainees killed
    ("On 9 May 2023, gunmen assassinated a local chief in Bamenda.", "2023-05-09",
     "Violence against civilians", "Attack", "Bamenda", "Cameroon", "gunmen", None, 1),
    ("On 30 May 2023, militants fired at a passenger bus at a checkpoint near Quetta, killing two passengers.",
     "2023-05-30", "Violence against civilians", "Attack", "Quetta", "Pakistan", "militants", "passengers", 2),
    ("On 16 May 2023, soldiers detained a farmer in Sagaing and tortured him to death.", "2023-05-16",
     "Violence against civilians", "Attack", "Sagaing", "Myanmar", "soldiers", None, None),
    ("Troops shot dead two herders near Monguno on Tuesday, officials said.", "2023-06-06",
     "Violence against civilians", "Attack", "Monguno", "Nigeria", "troops", "herders", 2),
    ("Israeli forces fired live ammunition at Palestinian farmers near Khan Younis, wounding one.", "2023-06-07",
     "Violence against civilians", "Attack", "Khan Yunis", "Palestine", "Israeli forces", "farmers",
     0),
    # battles: armed men abducted, looting or arrests during fighting, a lead place for fighting
    ("On 18 May 2023, Al-Shabaab militants abducted three soldiers near Beledweyne.", "2023-05-18",
     "Battles", "Armed clash", "Beledweyne", "Somalia", "Al-Shabaab", "soldiers", None),
    ("On 22 May 2023, RSF fighters looted a market in El Fasher during heavy fighting with the army.", "2023-05-22",
     "Battles", "Armed clash", "El Fasher", "Sudan", "RSF", "army", None),
    ("On 6 June 2023, gunmen exchanged fire with police in Culiacan; two gunmen were arrested.", "2023-06-06",
     "Battles", "Armed clash", "Culiacan", "Mexico", "gunmen", "police", None),
    ("On 3 June 2023, near a village of Budalin township (Monywa district, Sagaing region), fighting broke out "
     "between the military and a local PDF. Casualties unknown.", "2023-06-03",
     "Battles", "Armed clash", "Monywa", "Myanmar", "military", "PDF", None),
    ("On 13 June 2023, JNIM militants ambushed a gendarmerie patrol near Djibo, killing 7 gendarmes.", "2023-06-13",
     "Battles", "Armed clash", "Djibo", "Burkina Faso", "JNIM", "gendarmerie", 7),
    # protests: vigils and marches joined, fire at demonstrators, a strike committee's protest
    ("Hundreds of residents took part in a candlelight vigil in Kampala on Sunday to remember the victims of the "
     "bombing.", "2023-05-08", "Protests", "Peaceful protest", "Kampala", "Uganda", "residents", None, None),
    ("On 8 June 2023, several thousand people joined a march in Tbilisi against the foreign agents law.",
     "2023-06-08", "Protests", "Peaceful protest", "Tbilisi", "Georgia", None, None, None),
    ("On 11 May 2023, police fired tear gas at students demonstrating in Dakar against the arrest of an opposition "
     "leader.", "2023-05-11", "Protests", "Protest with intervention", "Dakar", "Senegal", "students", "police",
     None),
    ("On 11 June 2023, the strike committee held a protest in Mandalay against the junta.", "2023-06-11",
     "Protests", "Peaceful protest", "Mandalay", "Myanmar", None, None, None),
    # riots: crowds fighting each other or the police, property destroyed during a demonstration
    ("On 19 May 2023, residents of Kisii fought with market vendors over stalls; two people were injured.",
     "2023-05-19", "Riots", "Mob violence", "Kisii", "Kenya", "residents", None, 0),
    ("On 20 May 2023, police clashed with traders in Kano who were resisting the demolition of their shops.",
     "2023-05-20", "Riots", "Mob violence", "Kano", "Nigeria", "traders", "police", None),
    ("At least 12 members of two rival parties were injured in a clash in Chittagong on Friday.", "2023-05-19",
     "Riots", "Mob violence", "Chattogram", "Bangladesh", None, None, 0),
    ("On 9 June 2023, during a demonstration over fuel prices in Conakry, youths vandalized shops and a bank.",
     "2023-06-09", "Riots", "Violent demonstration", "Conakry", "Guinea", "youths", None, None),
    ("On 1 June 2023, rioters threw petrol bombs at a police station in Port-au-Prince.", "2023-06-01",
     "Riots", "Mob violence", "Port-au-Prince", "Haiti", "rioters", "police", None),
    ("On 12 June 2023, an angry mob beat two suspected cattle thieves to death in Gulu.", "2023-06-12",
     "Riots", "Mob violence", "Gulu", "Uganda", "mob", None, 2),
    # strategic developments: raids that arrest, weapons found or cleared, checkpoints, curfews, property burned
    ("Security forces raided a neighbourhood of Karachi overnight and arrested 14 suspects.", "2023-05-15",
     "Strategic developments", "Arrests", "Karachi", "Pakistan", "security forces", None, None),
    ("On 13 May 2023, militants attacked and burned a health centre in Diffa; no one was hurt.", "2023-05-13",
     "Strategic developments", "Looting/property destruction", "Diffa", "Niger", "militants", None, 0),
    ("On 23 May 2023, police intercepted a truck carrying weapons and ammunition near Gao.", "2023-05-23",
     "Strategic developments", "Disrupted weapons use", "Gao", "Mali", "police", None, None),
    ("On 24 May 2023, a cache of rifles and grenades was found by soldiers in Kidal.", "2023-05-24",
     "Strategic developments", "Disrupted weapons use", "Kidal", "Mali", "soldiers", None, None),
    ("On 25 May 2023, sappers cleared landmines from farmland near Izium.", "2023-05-25",
     "Strategic developments", "Disrupted weapons use", "Izyum", "Ukraine", None, None, None),
    ("On 26 May 2023, the army set up a new checkpoint on the road into Bunia.", "2023-05-26",
     "Strategic developments", "Headquarters or base established", "Bunia", "Democratic Republic of Congo",
     "army", None, None),
    ("On 28 May 2023, the authorities announced a 48-hour curfew in Nyala.", "2023-05-28",
     "Strategic developments", "Change to group/activity", "Nyala", "Sudan", None, None, None),
    ("On 10 June 2023, M23 rebels took over Rutshuru without a fight after the army withdrew.", "2023-06-10",
     "Strategic developments", "Non-violent transfer of territory", "Rutshuru", "Democratic Republic of Congo",
     "M23", None, None),
]

main_rows = main_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_actors, test_fatalities = field_tests(CASES)


def test_cases_cover_six_types_and_ten_countries():
    assert {c[2] for c in CASES} == set(taxonomy.EVENT_TYPES)
    assert len({c[5] for c in CASES}) >= 10
    assert all(taxonomy.SUB_EVENT_TYPES[c[3]] == c[2] for c in CASES)


def _classify(sentence: str, verb: str, key: str) -> str:
    """The sub-event type :func:`classify` gives cue *key* at the first *verb* of *sentence*."""
    start = sentence.index(verb)
    return classify(key, sentence, start + len(verb), start)[1]


@pytest.mark.parametrize(("key", "sentence", "verb", "expected"), [
    # fire at people with no means named: at civilians an attack on them, at demonstrators their protest
    ("fired", "soldiers fired at a minibus carrying traders", "fired at", "Attack"),
    ("fired", "soldiers fired at a minibus at a checkpoint", "fired at", "Shelling/artillery/missile attack"),
    ("fired", "soldiers fired at the village from the hills", "fired at", "Shelling/artillery/missile attack"),
    ("fired", "soldiers fired mortars at farmers in their fields", "fired mortars at",
     "Shelling/artillery/missile attack"),
    ("fired", "police fired tear gas at demonstrators", "fired tear gas at", "Protest with intervention"),
    ("fired", "police fired tear gas at rioting inmates", "fired tear gas at", "Violent demonstration"),
    ("fired", "rebels fired six shots at an army patrol", "fired six shots at", "Armed clash"),
    # a manned aircraft shot down is remote violence (by its shooter's means); a drone is a disrupted weapon
    ("aircraft", "ukrainian forces shot down a russian helicopter", "shot down a russian helicopter",
     "Shelling/artillery/missile attack"),
    ("aircraft", "the ukrainian air force shot down a russian jet", "shot down a russian jet", "Air/drone strike"),
    ("disrupted", "air defences shot down a drone", "shot down", "Disrupted weapons use"),
    # looting, arrests and abductions during fighting between armed sides are the battle; not after it
    ("looting", "militiamen looted shops during clashes with the army", "looted", "Armed clash"),
    ("arrest", "police arrested two gunmen after a gunfight", "arrested", "Arrests"),
    ("abduction", "following a clash with rebels, soldiers abducted three farmers", "abducted",
     "Abduction/forced disappearance"),
    ("abduction", "rebels abducted two policemen near the station", "abducted", "Armed clash"),
    ("abduction", "rebels abducted villagers and made them carry military equipment", "abducted",
     "Abduction/forced disappearance"),
    # detainees hurt are violence against civilians; a raid that only arrests is arrests
    ("arrest", "soldiers arrested a teacher and tortured him", "arrested", "Attack"),
    ("raid", "police raided a market and arrested 30 traders", "raided", "Arrests"),
    ("raid", "soldiers raided a camp, killing 4 militants and arresting 2", "raided", "Armed clash"),
    # a means right after an attack's verb is its target, after "with" its instrument
    ("attack", "militants attacked army helicopters near the border", "attacked", "Armed clash"),
    ("attack", "militants attacked the base with drones", "attacked", "Air/drone strike"),
    # crowds: casualties of a fight between them, property destroyed at a demonstration, relatives as a mob
    ("kill", "ten party members were injured in a clash between two factions", "injured", "Mob violence"),
    ("looting", "youths vandalized shops during a demonstration over prices", "vandalized",
     "Violent demonstration"),
    ("looting", "soldiers vandalized shops during a demonstration over prices", "vandalized",
     "Looting/property destruction"),
    ("kill", "relatives of the dead man beat a nurse", "beat", "Mob violence"),
    ("looting", "residents freed a suspect from police custody and burnt down a house", "burnt down",
     "Mob violence"),
    # an attack that only burns property is property destruction; livestock killed too
    ("attack", "gunmen attacked and burned a school", "attacked", "Looting/property destruction"),
    ("attack", "gunmen attacked and burned a school, wounding a guard", "attacked", "Armed clash"),
    ("kill", "raiders killed 40 heads of cattle", "killed", "Looting/property destruction"),
    # a protest's grievance is no intervention; barricades and burning tyres make a riot a demonstration
    ("protest", "lawyers protested against the unjust arrest of a colleague", "protested", "Peaceful protest"),
    ("protest", "activists protested, demanding the release of students who were detained", "protested",
     "Peaceful protest"),
    ("protest", "activists protested and police detained four of them", "protested", "Protest with intervention"),
    ("riot", "rioters barricaded roads with burning tyres", "rioters", "Violent demonstration"),
    ("riot", "rioters beat a suspected thief", "rioters", "Mob violence"),
    ("attack", "raiders attacked a cattle camp", "attacked", "Attack"),  # a camp of people, no livestock killed
    # property burned in a raid that kills: the killing is the event, by whom it killed; not a past killing
    ("looting", "armed men burned houses in the village, killing 9 villagers", "burned houses", "Attack"),
    ("looting", "insurgents set fire to a checkpoint, killing three soldiers", "set fire", "Armed clash"),
    ("looting", "soldiers demolished the home of a man who was convicted of killing a guard", "demolished",
     "Looting/property destruction"),
    ("looting", "rebels looted the market; no one was killed", "looted", "Looting/property destruction"),
    # arrests during a march or at a rally belong to the protest; not arrests for a protest before
    ("arrest", "police arrested 20 people during an opposition march", "arrested", "Protest with intervention"),
    ("arrest", "police used batons and detained students marching to parliament", "detained",
     "Protest with intervention"),
    ("arrest", "police arrested 12 youths accused of taking part in a protest last week", "arrested", "Arrests"),
    # an armed word that only qualifies a civilian: "a police informer", "a soldier's wife"
    ("kill", "militants killed a suspected army informant", "killed", "Attack"),
    ("kill", "gunmen shot dead a soldier's wife", "shot dead", "Attack"),
    ("kill", "gunmen shot dead two soldiers at the market", "shot dead", "Armed clash"),
])
def test_typing_rule(key, sentence, verb, expected):
    assert _classify(sentence, verb, key) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("market vendors fought with police officers over the eviction", "Mob violence"),
    ("police clashed with gunmen near the market", None),
    ("journalists and forest guards clashed at the gate", "Mob violence"),
    ("the army clashed with residents who blocked the road", None),
])
def test_police_fighting_a_crowd_is_a_riot(sentence, expected):
    word = en.COMBAT_CUE.search(sentence)
    assert crowd_fight(sentence, word.start()) == expected


def test_fighting_told_as_background_is_not_the_event():
    assert battle_word("following an armed clash with rebels, soldiers abducted three farmers") is None
    assert battle_word("rebels looted shops during fighting with the army").group(0) == "fighting"


@pytest.mark.parametrize(("text", "word"), [
    ("Thousands joined a march in the capital.", "joined a march"),
    ("Women held a vigil outside the court.", "held a vigil"),
    ("Militants blew up a bridge.", "blew up"),
    ("Insurgents used explosives to breach the wall.", "used explosives"),
    ("The junta's jets dropped four bombs on the village.", "dropped four bombs"),
    ("Gunmen assassinated the mayor.", "assassinated"),
    ("Engineers cleared mines from the road.", "cleared mines"),
    ("A cache of rifles was discovered by police.", "rifles was discovered"),
    ("Fifty fighters joined the Taliban.", "joined the taliban"),
    ("Youths disrupted a campaign rally.", "disrupted a campaign rally"),
])
def test_event_words(text, word):
    found = en.STRIKE_CUE.search(text.lower())
    assert found is not None and word in found.group(0)


@pytest.mark.parametrize("text", [
    "On 3 March 2023, teachers went on a hunger strike.",  # a strike of workers, no air strike
    "The strike committee met on Monday.",
    "Police intercepted and questioned a driver.",  # no weapon intercepted
])
def test_words_that_tell_no_strike(text):
    found = en.STRIKE_CUE.search(text.lower())
    assert found is None or found.lastgroup not in ("strike", "disrupted")


@pytest.mark.parametrize(("following", "expected"), [
    ("police intervened and detained one participant.", "Protest with intervention"),
    ("the police dispersed the group with tear gas.", "Protest with intervention"),
    ("he was arrested last year on fraud charges.", "Peaceful protest"),  # the grievance, not the protest
])
def test_the_next_sentence_tells_a_protests_outcome_only_when_it_refers_to_it(following, expected):
    assert protest_outcome(following)[1] == expected


@pytest.mark.parametrize("text", [
    "Three residents were charged with arson on Monday in Kano.",  # a charge, not an arson attack
    "Police broke up a fight between a man and his wife in Kano.",  # two people, no crowds
    "He was convicted of selling controlled substances in Kano.",  # no control of territory
    "Police seized drugs in Kano on Monday.",  # drugs seized: no claim of territory by unnamed police
    "The coach said the team confronted its fears in Kano.",
])
def test_crime_and_court_news_tells_no_battle_and_no_claim(gazetteer, text):
    events = extract(read_report(text, published="2023-05-01"), gazetteer=gazetteer)
    assert list(events.combats) == [] and list(events.claims) == []
    assert all(e.event_type != taxonomy.BATTLES for e in events.events)


def test_the_lead_place_is_taken_only_from_a_lead_that_says_where(gazetteer):
    lead = "On 3 June 2023, near a village of Budalin township (Monywa district), fighting broke out."
    told = "On 3 June 2023, Monywa officials said, citing residents, that fighting broke out."
    assert [c.areas[0].name for c in extract(read_report(lead, published="2023-06-03"), gazetteer=gazetteer).combats]
    assert list(extract(read_report(told, published="2023-06-03"), gazetteer=gazetteer).combats) == []


def test_the_month_of_march_is_no_march():
    assert en.PROTEST_WORDS.search("on 17 march 2022, militiamen looted cows") is None
    assert en.PROTEST_WORDS.search("residents marched to the town hall")


def test_a_protests_target_is_no_party_to_it(gazetteer):
    text = "On 2 May 2023, students protested in Lahore against the police."
    row = next(iter(acled_rows(extract(read_report(text, published="2023-05-02"), gazetteer=gazetteer))))
    assert (row["sub_event_type"], row["actor1"], row["actor2"]) == ("Peaceful protest", "students", None)


def test_an_armed_word_that_qualifies_a_civilian_names_no_armed_side(gazetteer):
    """ "A police informer" is a civilian: the police are no party to his abduction."""
    text = "On 2 May 2023, militants abducted a man they accused of being a police informer in Baidoa."
    row = next(iter(acled_rows(extract(read_report(text, published="2023-05-02"), gazetteer=gazetteer))))
    assert row["sub_event_type"] == "Abduction/forced disappearance"
    assert "police" not in (row["actor1"], row["actor2"])
