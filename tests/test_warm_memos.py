"""Answers remembered by what they read (the warm pass over many reports), held equal to a fresh computation.

Each memo keeps the answer of a pure function of its key: a point's distance to a line of contact, a text's
sentence bounds or its actors' area, the town of first-level units spelt most like a name, a descriptor's
pattern. Asked again, with the memo or without it (the function under it, ``__wrapped__``), the answer is
the same; a caller changing what it was given does not change what the memo gives the next caller.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.extraction import resolution_actors, resolution_front, resolution_spelling, structure
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind

_SETTINGS = settings(max_examples=200, deadline=None)


@_SETTINGS
@given(st.floats(44.0, 52.5), st.floats(22.0, 41.0))
def test_the_distance_to_the_line_is_remembered_exactly(lat, lon):
    line = resolution_front.DONBAS_2015
    lats, lons = line.steps()
    fresh = float(haversine_km(lat, lon, lats, lons).min())
    place = Place("Testivka", kind=PlaceKind.POPULATED_PLACE, lat=lat, lon=lon, country_code="UA")
    assert resolution_front.line_distance_km(line, place) == fresh
    assert resolution_front.line_distance_km(line, place) == fresh  # the second time, from the memo
    assert resolution_front._line_km.__wrapped__(line.name, lat, lon) == fresh


_SENTENCES = st.lists(st.sampled_from(["Shelling hit the town", ". ", "! ", "? ", "\n", "Gunmen fired", "3.5 km",
                                       "coded to X", " ", "(North)", "..."]), max_size=20).map("".join)


@_SETTINGS
@given(_SENTENCES)
def test_sentence_bounds_are_a_fresh_list_each_time(text):
    first = structure.sentence_bounds(text)
    assert first == list(structure._bounds.__wrapped__(text))
    first.append((-1, -1))  # a caller's change stays its own
    assert structure.sentence_bounds(text) == list(structure._bounds.__wrapped__(text))
    assert structure.sentence_bounds(text)[-1][1] == len(text) + 1


@_SETTINGS
@given(st.lists(st.sampled_from(["Houthi fighters", "Saudi forces", "Israeli forces", "Hamas militants",
                                 "Police", "Russian troops", "Ukrainian forces", "clashed with", "near the town",
                                 ". ", ", ", " and "]), max_size=12).map(" ".join))
def test_the_actors_area_is_the_fresh_one(text):
    assert resolution_actors.actor_area(text) == resolution_actors.actor_area.__wrapped__(text)
    assert resolution_actors.actor_area(text) == resolution_actors.actor_area.__wrapped__(text)


def test_the_actors_area_of_two_parties_is_what_they_share():
    assert resolution_actors.actor_area("Houthi fighters clashed with Saudi forces.") == frozenset({"SA", "YE"})
    assert resolution_actors.actor_area("Police dispersed the crowd.") == frozenset()


def _units(gaz: Gazetteer, *names: str) -> tuple[Place, ...]:
    return tuple(gaz.search(n, kind=PlaceKind.ADMIN1, limit=1)[0].place for n in names)


def test_the_best_spelling_is_the_plain_search():
    gaz = Gazetteer.default()
    units = _units(gaz, "Shan State", "Sagaing Region")
    towns = [t for u in units for t in resolution_spelling._towns(gaz, u)]
    assert towns, "the units have towns"
    # names spelt like towns of the units, exactly, nearly, and not at all
    names = [towns[0][1].name, towns[1][1].name[:-1] + "x", towns[2][1].name + "a", "Zzyzx", "Qwertyville"]
    for name in names:
        own = resolution_spelling._letters(name)
        plain = max(((resolution_spelling._likeness(own, letters), town) for letters, town in towns),
                    key=lambda t: t[0], default=(0.0, None))
        assert resolution_spelling._best_spelled(gaz, own, units) == plain
        assert resolution_spelling._best_spelled.__wrapped__(gaz, own, units) == plain
    assert resolution_spelling._best_spelled(gaz, "muse", ()) == (0.0, None)


def test_a_descriptor_pattern_is_the_one_compiled_afresh():
    for word in ("district", "Region", "oblast", "raion", "state", "a.b"):
        kept = structure._descriptor_after(word)
        fresh = re.compile(rf"\s+{re.escape(word)}\b", re.IGNORECASE)
        assert kept.pattern == fresh.pattern and kept.flags == fresh.flags
        for text in (f"Bagh {word} of", f"Bagh  {word.upper()}", f"Bagh {word}s", "Bagh"):
            assert bool(kept.match(text, 4)) == bool(fresh.match(text, 4))
    assert structure._descriptor_after("district") is structure._descriptor_after("district")


def test_the_line_memo_is_bounded():
    info = resolution_front._line_km.cache_info()
    assert info.maxsize == resolution_front.LINE_KM_KEPT
    lats, lons = resolution_front.DONBAS_2015.steps()
    assert np.isclose(resolution_front._line_km(resolution_front.DONBAS_2015.name, float(lats[3]), float(lons[3])), 0.0)
