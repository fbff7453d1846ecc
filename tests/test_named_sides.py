"""The rules that read the sides as reporters name them (session 17), one by one on sentences of their forms: a
country's forces by its name, both sides after "between", a demonym's munition, aerial bombs, counts around
"<verb> to death", groups in power. The held-out check of the same families is ``tests/test_events_named.py``."""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.acled_types import actor_pair, classify
from geoconflict.extraction.actors import in_power
from geoconflict.extraction.country_forces import respelled, state_demonym
from geoconflict.extraction.located import fatalities_in
from geoconflict.model.acled import acled_rows


def _main(gazetteer, text: str, published: str = "2024-05-20") -> dict:
    row = next(iter(acled_rows(extract(read_report(text, published=published), gazetteer=gazetteer))), None)
    assert row is not None, "the report gave no located event"
    return row


@pytest.mark.parametrize(("masked", "expected"), [
    ("⟦0⟧'s army clashed with ⟦1⟧", "Kenyan army clashed with ⟦1⟧"),
    ("⟦0⟧’s national armed forces struck ⟦1⟧", "Kenyan national armed forces struck ⟦1⟧"),
    ("⟦0⟧ troops entered ⟦1⟧", "Kenyan troops entered ⟦1⟧"),
    ("⟦0⟧'s president visited ⟦1⟧", None),  # no force noun
    ("fighters from ⟦0⟧ troops crossed into ⟦1⟧", None),  # a preposition governs the bare name
])
def test_a_countrys_forces_by_its_name_are_its_demonyms(masked, expected):
    found = respelled(masked, [0, 1], {0: "KE"}.get)
    assert (found.text if found else None) == expected


def test_a_respelled_sentence_maps_offsets_past_the_demonym():
    masked = "⟦0⟧'s army shelled ⟦1⟧ and ⟦2⟧'s troops fled"
    found = respelled(masked, [0, 1, 2], {0: "UG", 2: "CD"}.get)
    assert found is not None and found.ids == (1,)
    for word in ("shelled", "fled"):
        assert found.text[found.position(masked.index(word)):].startswith(word)


def test_state_demonyms_are_the_conventions_names():
    assert [state_demonym(c) for c in ("MM", "US", "BF", "IQ", "PH", "NE", None)] == [
        "Myanmar", "US", "Burkinabe", "Iraqi", "Philippine", "Nigerien", None]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Clashes between Ansaru fighters and the army erupted near the town", "Clashes", ("Ansaru", "army")),
    ("Fighting between AQAP militants and STC forces near the port killed nine", "killed", ("AQAP", "STC")),
    ("Gunfire between bandits and vigilantes, and later soldiers, was heard", "Gunfire", ("bandits",)),
])
def test_both_sides_after_between(text, word, expected):
    start = text.index(word)
    assert actor_pair(text, start, start + len(word)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A mob stoned to death a man accused of theft.", 1),
    ("Attackers burned to death six members of one family.", 6),
    ("Militiamen clubbed three herders to death near the river.", 3),
    ("Four villagers were hacked to death overnight.", 4),
    ("The court sentenced two men to death.", None),
])
def test_counts_around_to_death(sentence, expected):
    assert fatalities_in(sentence, sentence.lower()) == expected


@pytest.mark.parametrize("means", ["glide bombs", "a guided aerial bomb", "KAB bombs", "barrel bombs"])
def test_aerial_bombs_are_air_strikes(means):
    folded = f"troops struck the town with {means}".lower()
    assert classify("strike", folded, folded.index("struck") + len("struck")) == ("strike", "Air/drone strike")


def test_groups_in_power():
    assert in_power("Taliban", "2021-08-15") and not in_power("Taliban", "2021-08-14")
    assert not in_power("ISKP", "2024-01-01")


def test_the_taliban_arrest_after_august_2021_and_abduct_before(gazetteer):
    after = _main(gazetteer, "Taliban fighters detained three teachers in Jalalabad on Monday.", "2023-02-07")
    before = _main(gazetteer, "Taliban fighters abducted three teachers in Jalalabad on Monday.", "2019-02-05")
    assert (after["sub_event_type"], before["sub_event_type"]) == ("Arrests", "Abduction/forced disappearance")


def test_a_countrys_possessive_names_its_forces_in_an_event(gazetteer):
    row = _main(gazetteer, "Chad's army killed 17 Boko Haram fighters near Bol on Sunday.")
    assert (row["actor1"], row["actor2"]) == ("Chadian forces", "Boko Haram")


def test_a_demonyms_munition_names_its_forces(gazetteer):
    row = _main(gazetteer, "A Russian guided missile hit a hotel in Odesa on Friday, killing two civilians.")
    assert (row["actor1"], row["actor2"]) == ("Russian forces", "civilians")


def test_fighting_that_made_people_flee_is_the_event_and_displacement_by_it_is_not(gazetteer):
    fled = _main(gazetteer, "Fighting between Al-Shabaab militants and Somali troops near Jowhar forced 300 families to flee.")
    displaced = _main(gazetteer, "Some 300 families were displaced by fighting between Al-Shabaab and troops near Jowhar.")
    assert (fled["event_type"], displaced["event_type"]) == ("Battles", "Strategic developments")


@pytest.mark.parametrize("text", ["Somalia's army retook the town of Bulo Burte on Tuesday.",
                                  "Bulo Burte was retaken by Somalia's army on Tuesday."])
def test_a_countrys_possessive_names_its_forces_in_a_claim(gazetteer, text):
    row = _main(gazetteer, text)
    assert (row["sub_event_type"], row["actor1"]) == ("Government regains territory", "Somali forces")
