"""The rules of branch actors4 one by one: victims told in the next sentence, crowds by their size, both sides of
"X and Y clashed", and a count that is no death count across "and" (sentences written for these tests)."""

from __future__ import annotations

import pytest

from geoconflict.extraction.acled_types import actor_pair, crowd_fight, sized_crowd
from geoconflict.extraction.located import fatalities_in
from geoconflict.extraction.victims import next_victims
from geoconflict.model import taxonomy as acled


@pytest.mark.parametrize(("text", "first", "expected"), [
    ("Two civilians were killed, the regional governor said.", "Russian forces", "civilians"),
    ("Local officials said that at least 9 villagers were killed.", "military", "villagers"),
    ("Three soldiers died of their wounds.", "militants", "soldiers"),
    ("Four passengers were injured.", "gunmen", "passengers"),
    ("Two policemen were killed.", "police", None),  # the perpetrator's own side named again
    ("Casualties were not reported.", "RSF", None),
    ("The attack was condemned by the governor.", "RSF", None),
])
def test_next_victims(text, first, expected):
    assert next_victims(text, text.lower(), first=first) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("hundreds of people protested in the capital", "protested", True),
    ("thousands marched through the city", "marched", True),
    ("tens of thousands of citizens rallied", "rallied", True),
    ("around 200 people demonstrated", "demonstrated", True),
    ("hundreds of students protested", "protested", False),  # the crowd has its own name
    ("rebels clashed with the army", "clashed", False),
])
def test_sized_crowd(text, word, expected):
    assert sized_crowd(text, text.index(word)) is expected


def test_a_sized_crowd_fights_as_a_crowd():
    text = "hundreds of people clashed with police in the market"
    assert crowd_fight(text, text.index("clashed")) == acled.MOB_VIOLENCE


@pytest.mark.parametrize(("text", "expected"), [
    ("troops and insurgents clashed near the town", ("troops", "insurgents")),
    ("soldiers and bandits fought in the forest", ("soldiers", "bandits")),
    ("troops and police clashed with gunmen near the town", ("troops", "gunmen")),  # allies, then their foe
])
def test_both_sides_joined_before_fighting(text, expected):
    word = next(w for w in ("clashed", "fought") if w in text)
    start = text.index(word)
    assert actor_pair(text, start, start + len(word)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("gunmen broke into a house on march 8 and killed six people", 6),
    ("4 police officers and 2 attackers were killed.", 6),
    ("5 dead and 10 wounded", 5),
])
def test_no_count_across_and(text, expected):
    assert fatalities_in(text, text) == expected
