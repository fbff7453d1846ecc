"""actor2 read from the ground hit or the people harmed (:mod:`geoconflict.extraction.victims`), and a report of
wounded only read as 0 fatalities (:mod:`geoconflict.extraction.casualties`): the rules on their own, then through
the extractor. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict import extract, read_report
from geoconflict.extraction.casualties import death_told, wounded_told, wounded_told_reference
from geoconflict.extraction.victims import second_side
from geoconflict.lang import en
from geoconflict.model.acled import acled_rows
from geoconflict.text.normalize import case_fold


def _side(text: str, word: str, first: str) -> str | None:
    start = text.index(word)
    return second_side(text, case_fold(text), start=start, end=start + len(word), first=first)


@pytest.mark.parametrize(("text", "word", "first", "expected"), [
    # the people harmed, in a later clause or as the event verb's own object
    ("Gunmen attacked a bus near ⟦0⟧, killing 4 passengers", "attacked", "gunmen", "passengers"),
    ("JNIM fighters raided ⟦0⟧ on Monday, wounding two soldiers and a nurse", "raided", "JNIM", "soldiers"),
    ("Israeli forces detained 15 Palestinians in ⟦0⟧", "detained", "Israeli forces", "Palestinians"),
    ("Bandits raided ⟦0⟧, abducting at least 30 aid workers", "raided", "bandits", "aid workers"),
    ("An Israeli strike hit a car in ⟦0⟧, killing three Hezbollah commanders", "strike", "Israeli forces", "Hezbollah"),
    ("Police raided a party office in ⟦0⟧, arresting 40 opposition supporters", "raided", "police", "supporters"),
    ("Russian forces shelled ⟦0⟧, injuring 3 Ukrainian soldiers", "shelled", "Russian forces", "Ukrainian forces"),
    # the ground of a state's forces right after the word
    ("Ukrainian forces attacked Russian positions near ⟦0⟧", "attacked", "Ukrainian forces", "Russian forces"),
    ("Russian troops shelled Ukrainian defensive positions in ⟦0⟧", "shelled", "Russian forces", "Ukrainian forces"),
    ("Ukrainian drones struck a Russian command post in ⟦0⟧", "struck", "Ukrainian forces", "Russian forces"),
])
def test_the_second_side_is_read(text, word, first, expected):
    assert _side(text, word, first) == expected


@pytest.mark.parametrize(("text", "word", "first"), [
    # one side named twice: the forces hit are the perpetrator's own kind
    ("A roadside bomb hit a police patrol in ⟦0⟧, wounding three policemen", "hit", "police"),
    ("Russian forces shelled ⟦0⟧, killing two Russian soldiers", "shelled", "Russian forces"),
    # the clause names its own second side after the word: that reading stands
    ("Gunmen attacked villagers in ⟦0⟧, killing 4 traders", "attacked", "gunmen"),
    # no people named after the count, or a count of no one named
    ("Gunmen attacked a bus near ⟦0⟧, killing 4 in the attack", "attacked", "gunmen"),
    ("A drone hit a market in ⟦0⟧, wounding 12 people", "hit", "Russian forces"),
    # harm that is no object of a verb of harm ("the attack that killed soldiers" is read, "soldiers killed" is not)
    ("Gunmen attacked a checkpoint in ⟦0⟧; two soldiers were killed", "attacked", "gunmen"),
    # a demonym's plural followed by a force noun is no nation's people
    ("Militants detained two Russians soldiers near ⟦0⟧", "detained", "militants"),
])
def test_no_second_side_is_made_up(text, word, first):
    assert _side(text, word, first) is None


@pytest.mark.parametrize(("report", "expected"), [
    ("A drone hit a bus in Kherson on Friday, wounding five passengers.", 0),
    ("On 3 May 2025, Russian forces shelled Kupiansk. 2 civilians were wounded.", 0),
    ("Police shot and wounded three protesters in Mombasa on Tuesday.", 0),
    # a death told as the crowd's grievance is no death of the event: its wounded only are told
    ("Residents rioted in Sheikhupura over a death in custody, injuring four policemen.", 0),
    ("Students marched in Dhaka demanding justice for a murdered classmate; 15 were injured.", 0),
    ("A bomb exploded at a market in Jolo on Sunday. Three people were injured in the blast.", 0),
    # deaths told, or left open, in the event's sentence or the next: not wounded only
    ("A strike on Kharkiv killed two people and wounded five.", 2),
    ("Russian shelling of Kherson killed and wounded several residents.", None),
    ("Russian forces shelled Nikopol, causing casualties and injuries.", None),
    ("Gunmen shot a trader in Goma on Monday, wounding him. He later died in hospital.", None),
    # the next sentence's wounded belong to its own event
    ("Russian forces shelled Nikopol on Monday. A Russian drone hit a car in Marhanets, wounding two people.", None),
    # no wounded named: nothing said of the count
    ("Police fired tear gas at protesters in Nairobi on Tuesday.", None),
])
def test_wounded_only_is_zero_dead(report, expected):
    assert _row(report, "2025-05-04")["fatalities"] == expected


_WORDS = sorted({"wounded", "Wounding", "injured", "INJURIES", "hurt", "wound", "injur", "hur", "killed", "death",
                 "casualties", "died", "two", "people", "were", "soldiers", "woundedly", "unhurt", "x", "⟦0⟧"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", ", ", ". ", "-", ""])), max_size=12)
       .map(lambda parts: "".join(w + s for w, s in parts)))
def test_wounded_told_is_its_plain_form(text):
    folded = case_fold(text)
    assert wounded_told(folded) == wounded_told_reference(folded)


def test_every_wounded_match_holds_a_stem():
    for word in ("wounded", "wounding", "wounds", "injured", "injuring", "injuries", "injury", "hurt"):
        assert en.WOUNDED.fullmatch(word)
        assert any(stem in word for stem in en.WOUNDED_STEMS)
    assert not death_told("two soldiers were wounded") and death_told("a soldier died of his wounds")


def _row(text: str, published: str) -> dict:
    return next(iter(acled_rows(extract(read_report(text, published=published)))))


@pytest.mark.parametrize(("text", "actors", "fatalities"), [
    ("Al-Shabaab militants stormed a hotel in Kismayo on Friday, killing nine civilians and wounding dozens.",
     ("Al-Shabaab", "civilians"), 9),
    ("Gunmen attacked a bus near Maiduguri on Sunday, killing 7 passengers, police said.", ("gunmen", "passengers"), 7),
    ("Israeli forces detained 9 Palestinians in Tulkarm on Tuesday.", ("Israeli forces", "Palestinians"), None),
    ("Russian forces shelled Ukrainian positions near Kupiansk on Monday, wounding two soldiers.",
     ("Russian forces", "Ukrainian forces"), 0),
    ("A roadside bomb hit a police patrol in Baqubah on Monday, wounding three policemen.", ("police",), 0),
])
def test_through_the_extractor(text, actors, fatalities):
    row = _row(text, "2025-03-04")
    assert tuple(a for a in (row["actor1"], row["actor2"]) if a is not None) == actors
    assert row["fatalities"] == fatalities
