"""ACLED's coding rules on sentences in wire, ISW and ACLED-note styles (issue 15): the verb, the actors and the
target choose the event type, not one word.

Every sentence is written for this test (no ACLED note is copied or paraphrased). Each case is read as a user
reads it: the first row of the ACLED export (``EventSet.to_acled()``, the report's main event), asserting its
type, sub-event type, place, country, actors and fatalities one by one. Then the issue's check on the test
reports: no more than one located record in five lacks a sentence that tells it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.acled_types import classify
from geoconflict.lang import en
from geoconflict.model import CombatArea, Event, Movement, TerritorialClaim, taxonomy
from geoconflict.model.acled import acled_rows
from tests.acled_cases import field_tests, main_rows_fixture

ROOT = Path(__file__).resolve().parents[1]

#: (text, publication date, event_type, sub_event_type, location, country, actor1, actor2, fatalities)
CASES = [
    ('On 3 March 2023, Wagner fighters and Ukrainian troops exchanged fire with small arms near Soledar. Casualties unknown.', '2023-03-03', 'Battles', 'Armed clash', 'Soledar', 'Ukraine', 'Wagner', 'Ukrainian forces', None),
    ('Al-Shabaab militants clashed with Somali soldiers in Jowhar on Friday. Casualties were not known.', '2023-04-14', 'Battles', 'Armed clash', 'Jawhar', 'Somalia', 'Al-Shabaab', 'Somali forces', None),
    ('On 8 August 2022, JNIM militants ambushed a gendarmerie patrol near Gao, killing 11 gendarmes.', '2022-08-08', 'Battles', 'Armed clash', 'Gao', 'Mali', 'JNIM', 'gendarmerie', 11),
    ('RSF fighters attacked army positions in El Obeid on Sunday and were repelled, the army said.', '2023-06-04', 'Battles', 'Armed clash', 'El Obeid', 'Sudan', 'RSF', 'army', None),
    ('On 19 May 2022, ADF rebels fired mortars and small arms at FARDC positions near Beni. Two soldiers were killed.', '2022-05-19', 'Battles', 'Armed clash', 'Beni', 'Democratic Republic of Congo', 'ADF', 'FARDC', 2),
    ('Taliban fighters killed four police officers in an attack on a checkpoint in Kunduz on Tuesday.', '2021-06-08', 'Battles', 'Armed clash', 'Kunduz', 'Afghanistan', 'Taliban', 'police officers', 4),
    ('On 2 May 2023, unidentified gunmen shot and killed two shopkeepers in Maiduguri.', '2023-05-02', 'Violence against civilians', 'Attack', 'Maiduguri', 'Nigeria', 'unidentified gunmen', None, 2),
    ('Suspected Fulani militiamen killed 12 villagers in Bokkos on Saturday night, local officials said.', '2023-12-23', 'Violence against civilians', 'Attack', 'Bokkos', 'Nigeria', 'militiamen', 'villagers', 12),
    ('On 14 July 2022, soldiers beat two farmers in Monywa. No one was killed.', '2022-07-14', 'Violence against civilians', 'Attack', 'Monywa', 'Myanmar', 'soldiers', 'farmers', 0),
    ('On 9 October 2022, armed men abducted a pastor near Kaduna.', '2022-10-09', 'Violence against civilians', 'Abduction/forced disappearance', 'Kaduna', 'Nigeria', 'armed men', None, None),
    ('The bodies of three men were found in Culiacan on Monday.', '2023-01-16', 'Violence against civilians', 'Attack', 'Culiacan', 'Mexico', None, None, None),
    ('On 30 June 2022, police opened fire on a minibus in Port-au-Prince, killing two passengers.', '2022-06-30', 'Violence against civilians', 'Attack', 'Port-au-Prince', 'Haiti', 'police', 'passengers', 2),
    ('On 11 January 2024, Russian forces struck Kharkiv with missiles, killing two civilians.', '2024-01-11', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Kharkiv', 'Ukraine', 'Russian forces', 'civilians', 2),
    ('A roadside bomb hit a military vehicle near Mogadishu on Thursday, killing four soldiers.', '2023-03-09', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Mogadishu', 'Somalia', 'military', None, 4),
    ('On 5 April 2024, an Israeli drone strike hit a car in Tyre, killing two people.', '2024-04-05', 'Explosions/Remote violence', 'Air/drone strike', 'Tyre', 'Lebanon', 'Israeli forces', None, 2),
    ('Myanmar military jets bombed Kyaukme on 20 June 2023, killing five civilians.', '2023-06-20', 'Explosions/Remote violence', 'Air/drone strike', 'Kyaukme', 'Myanmar', 'Myanmar forces', 'civilians', 5),
    ('On 2 February 2022, a grenade exploded in a market in Bunia, wounding seven people.', '2022-02-02', 'Explosions/Remote violence', 'Grenade', 'Bunia', 'Democratic Republic of Congo', None, None, 0),
    ('On 12 May 2023, hundreds of workers demonstrated in Dhaka to demand higher wages.', '2023-05-12', 'Protests', 'Peaceful protest', 'Dhaka', 'Bangladesh', None, None, None),
    ('Students staged a sit-in in front of the parliament in Nairobi on Tuesday. Police intervened and dispersed them with tear gas.', '2023-07-11', 'Protests', 'Protest with intervention', 'Nairobi', 'Kenya', 'students', None, None),
    ('On 22 September 2022, women protested in Tehran against the hijab law.', '2022-09-22', 'Protests', 'Peaceful protest', 'Tehran', 'Iran', 'women', None, None),
    ('On 4 March 2023, security forces opened fire on demonstrators in Khartoum, killing one protester.', '2023-03-04', 'Protests', 'Excessive force against protesters', 'Khartoum', 'Sudan', 'demonstrators', 'security forces', 1),
    ('Residents rallied in Bogota on Sunday to demand better security.', '2023-08-20', 'Protests', 'Peaceful protest', 'Bogota', 'Colombia', 'residents', None, None),
    ('On 7 June 2022, an angry mob lynched a suspected thief in Kano.', '2022-06-07', 'Riots', 'Mob violence', 'Kano', 'Nigeria', 'mob', None, None),
    ('Protesters threw stones at police and burned tyres in Lima on Friday.', '2023-01-20', 'Riots', 'Violent demonstration', 'Lima', 'Peru', 'protesters', 'police', None),
    ('On 28 April 2023, a group of residents beat a man to death in Goma after accusing him of theft.', '2023-04-28', 'Riots', 'Mob violence', 'Goma', 'Democratic Republic of Congo', 'residents', None, None),
    ('On 15 August 2022, settlers attacked Palestinian farmers near Nablus.', '2022-08-15', 'Riots', 'Mob violence', 'Nablus', 'Palestine', 'settlers', 'farmers', None),
    ("Party supporters attacked a rival candidate's convoy in Dhaka on Monday.", '2023-10-30', 'Riots', 'Mob violence', 'Dhaka', 'Bangladesh', 'supporters', None, None),
    ('On 10 March 2023, police arrested 14 opposition activists in Harare.', '2023-03-10', 'Strategic developments', 'Arrests', 'Harare', 'Zimbabwe', 'police', 'activists', None),
    ('On 25 May 2022, security forces recovered a cache of weapons in Imphal.', '2022-05-25', 'Strategic developments', 'Disrupted weapons use', 'Imphal', 'India', 'security forces', None, None),
    ('Ukrainian air defences shot down a Russian drone over Kyiv overnight.', '2023-05-30', 'Strategic developments', 'Disrupted weapons use', 'Kyiv', 'Ukraine', None, None, None),
    ('On 3 June 2022, RSF soldiers looted shops in Nyala.', '2022-06-03', 'Strategic developments', 'Looting/property destruction', 'Nyala', 'Sudan', 'RSF', None, None),
    ('On 16 May 2022, Wagner forces established a base in Menaka.', '2022-05-16', 'Strategic developments', 'Headquarters or base established', 'Menaka', 'Mali', 'Wagner', None, None),
    ('On 1 April 2023, Al-Shabaab militants burned 20 houses in Baidoa.', '2023-04-01', 'Strategic developments', 'Looting/property destruction', 'Baidoa', 'Somalia', 'Al-Shabaab', None, None),
    ('On 6 March 2023, 40 ADF fighters surrendered to the army in Butembo.', '2023-03-06', 'Strategic developments', 'Agreement', 'Butembo', 'Democratic Republic of Congo', 'ADF', 'army', None),
    ('The army imposed a curfew in Jos on Tuesday after the attacks.', '2023-09-12', 'Strategic developments', 'Change to group/activity', 'Jos', 'Nigeria', 'army', None, None),
]

#: The share of located records whose own sentence may fail to tell them (issue 15: one in five).
UNTOLD_SHARE = 0.2
#: The event words that tell each kind of record.
TELLING_CUES = {Event: (en.STRIKE_CUE, en.MEETING_CUE), Movement: (en.MOVE_CUE,),
                TerritorialClaim: (en.CLAIM_CUE,), CombatArea: (en.COMBAT_CUE,)}


main_rows = main_rows_fixture(CASES)
test_event_type, test_sub_event_type, test_place, test_actors, test_fatalities = field_tests(CASES)


def test_cases_cover_six_types_ten_countries_and_every_sub_event_type_they_name():
    assert {c[2] for c in CASES} == set(taxonomy.EVENT_TYPES)
    assert len({c[5] for c in CASES}) >= 10
    assert all(taxonomy.SUB_EVENT_TYPES[c[3]] == c[2] for c in CASES)


@pytest.mark.parametrize(("key", "sentence", "verb", "expected"), [
    # a killing is violence against civilians unless its target is armed
    ("kill", "gunmen killed a trader at the market", "killed", "Attack"),
    ("kill", "gunmen killed three soldiers at the market", "killed", "Armed clash"),
    # an attack is a clash unless civilians alone are its target
    ("attack", "militants attacked a police post", "attacked", "Armed clash"),
    ("attack", "militants attacked a wedding party and killed guests and residents", "attacked", "Attack"),
    # fighting or direct fire makes an armed clash, whatever else was fired
    ("shelling", "rebels fired mortars and small arms at army positions", "mortars", "Armed clash"),
    ("shelling", "rebels fired mortars and heavy machine guns at army positions", "mortars",
     "Shelling/artillery/missile attack"),
    ("strike", "the army struck the town as fighting went on", "struck", "Armed clash"),
    # an unorganised crowd as perpetrator is mob violence; rioters without a protest too
    ("kill", "a group of youths beat a man to death", "beat", "Mob violence"),
    ("kill", "a group of armed men beat a man to death", "beat", "Attack"),
    ("kill", "a trader was beaten by a mob of residents", "beaten", "Mob violence"),
    ("riot", "rioters clashed with soldiers", "rioters", "Mob violence"),
    ("riot", "rioters clashed with soldiers during a protest over fuel prices", "rioters", "Violent demonstration"),
])
def test_rule_chooses_type_from_verb_actors_and_target(key, sentence, verb, expected):
    assert classify(key, sentence, sentence.index(verb) + len(verb))[1] == expected


def _places(record):
    if isinstance(record, Event):
        return [record.place]
    if isinstance(record, Movement):
        return [p for p in (record.origin, record.destination) if p is not None]
    return list(record.areas)


def test_located_records_of_the_test_reports_are_told_by_their_own_sentence(gazetteer):
    """Each located record's quote names one of its places and holds an event word of its kind; at most one
    record in five may lack that (issue 15's check against invented events)."""
    paths = sorted((ROOT / "tests" / "reports").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    told = untold = 0
    for path in paths:
        events = extract(read_report(path), gazetteer=gazetteer)
        for record in [*events.events, *events.movements, *events.claims, *events.combats]:
            quote, span = record.provenance.quote or "", record.provenance.span
            named = span is not None and any(m.place in _places(record) and span[0] <= m.start < span[1]
                                             for m in events.mentions)
            worded = any(cue.search(quote) for cue in TELLING_CUES[type(record)])
            told += named and worded
            untold += not (named and worded)
    assert told >= 40  # the reports tell dozens of located records: the check is not vacuous
    assert untold <= UNTOLD_SHARE * (told + untold)


@pytest.mark.parametrize(("text", "claimant", "denier"), [
    ("Houthi forces said on Monday they had captured Marib. The government denied the claim.", "Houthis",
     "government"),
    ("M23 rebels said they had taken control of Rutshuru on 3 May 2023. The Congolese army denied the report.",
     "M23", "Congolese forces"),
])
def test_a_denial_is_its_own_claim_linked_to_the_claim_it_disputes(gazetteer, text, claimant, denier):
    claims = list(extract(read_report(text, published="2023-05-04"), gazetteer=gazetteer).claims)
    assert [c.claimant for c in claims] == [claimant, denier]
    claim, counter = claims
    assert claim.id is not None
    assert counter.disputes == claim.id
    assert claim.disputes is None
    assert counter.areas == claim.areas
    assert counter.provenance.quote.endswith(("denied the claim.", "denied the report."))


def test_a_claim_no_one_denies_has_no_counter_claim(gazetteer):
    text = "Houthi forces said on Monday they had captured Marib. Fighting continued elsewhere."
    claims = list(extract(read_report(text, published="2023-05-04"), gazetteer=gazetteer).claims)
    assert [c.disputes for c in claims] == [None]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), [
    ("On 4 May 2023, supporters of two rival parties clashed in Kisumu ahead of the elections.", "Riots",
     "Mob violence"),
    ("Members of two clans fought each other in Beledweyne on Sunday over grazing land.", "Riots",
     "Mob violence"),
    ("On 4 May 2023, rebels clashed with the army in Kisumu.", "Battles", "Armed clash"),
])
def test_fighting_between_crowds_is_a_riot(gazetteer, text, event_type, sub_event_type):
    events = extract(read_report(text, published="2023-05-04"), gazetteer=gazetteer)
    row = next(iter(acled_rows(events)))
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub_event_type)


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), [
    ("On 9 May 2023, Al-Shabaab militants took control of Beledweyne without confrontation.",
     "Strategic developments", "Non-violent transfer of territory"),
    ("M23 rebels took over Rutshuru on 3 May 2023 after the army withdrew.", "Strategic developments",
     "Non-violent transfer of territory"),
    ("On 9 May 2023, Al-Shabaab militants captured Beledweyne after heavy fighting with the army.", "Battles",
     "Non-state actor overtakes territory"),
    ("On 9 May 2023, Al-Shabaab militants captured Beledweyne.", "Battles",
     "Non-state actor overtakes territory"),
])
def test_control_taken_without_fighting_is_a_non_violent_transfer(gazetteer, text, event_type, sub_event_type):
    claim = extract(read_report(text, published="2023-05-09"), gazetteer=gazetteer).claims[0]
    assert taxonomy.acled_type(claim) == (event_type, sub_event_type)


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("militants carried out a hit and run attack against an army checkpoint", "attack", "Armed clash"),
    ("rebels fired unspecified weapons at army positions", "fired unspecified weapons at",
     "Armed clash"),
    ("monitors recorded 40 explosions in both directions of the front line", "explosions", "Armed clash"),
    ("monitors recorded 40 explosions near the front line", "explosions", "Shelling/artillery/missile attack"),
])
def test_fire_exchanged_is_a_clash(sentence, verb, expected):
    m = next(m for m in en.STRIKE_CUE.finditer(sentence) if m.group(0) == verb)
    assert classify(m.lastgroup, sentence, m.end())[1] == expected
