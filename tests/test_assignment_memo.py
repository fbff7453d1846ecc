"""The units of a "Town, District, Region" tail are memoised per gazetteer: the memo changes no answer.

:func:`~geoconflict.extraction.structure._best_assignment` keeps what
:func:`~geoconflict.extraction.structure._find_assignment` gives, keyed by all that function reads (the
town's name and country, the tail's names and countries). Here the memo's answers are held equal to fresh
ones on generated tails of real names, and each gazetteer keeps its own memos.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import structure
from geoconflict.extraction.spans import Span
from geoconflict.gazetteer import Gazetteer

_TOWNS = ["Novoselivka", "Andriivka", "Mariupol", "Inata", "Kalynivka", "Kidal", "Pokrovsk", "Tripoli", "Goma"]
_UNITS = ["Donetsk", "Kharkiv", "Soum", "Tongomayel", "North Kivu", "Mopti", "Lebanon", "Kursk", "Pokrovsk",
          "Western", "Zaporizhzhia"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def _span(gaz, name: str, start: int, placed: bool) -> Span:
    found = gaz.search(name, limit=1) if placed else []
    return Span(start, start + len(name), name, "found", place=found[0].place if found else None)


def _fields(answer):
    if answer is None:
        return None
    assignment, pick = answer
    return ([None if c is None else (c.place, c.score, c.reason) for c in assignment],
            None if pick is None else (pick.place, pick.score, pick.reason))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.sampled_from(_TOWNS), st.booleans(),
       st.lists(st.tuples(st.sampled_from(_UNITS), st.booleans()), min_size=1, max_size=structure.MAX_TAIL))
def test_the_memo_answers_as_a_fresh_search(gaz, town, placed, units):
    x = _span(gaz, town, 0, placed)
    tail = [_span(gaz, name, 20 * (k + 1), on) for k, (name, on) in enumerate(units)]
    first = structure._best_assignment(gaz, x, tail)
    again = structure._best_assignment(gaz, x, tail)
    assert again is first  # from the memo
    assert _fields(first) == _fields(structure._find_assignment(gaz, x, tail))


def test_a_gazetteer_with_places_of_its_own_has_memos_of_its_own(gaz, tmp_path):
    x, tail = _span(gaz, "Kalynivka", 0, False), [_span(gaz, "Donetsk", 20, True)]
    structure._best_assignment(gaz, x, tail)
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country,admin1\nKalynivka,48.01,37.52,UA,Donetsk\n", encoding="utf-8")
    own = gaz.with_places(mine)
    assert own.memo("structure.assignment") == {}
    assignment, pick = structure._best_assignment(own, x, tail)
    assert pick is not None and pick.place.source == "user places: mine.csv"
    assert gaz.memo("structure.assignment") is not own.memo("structure.assignment")


def test_remembered_keeps_none_as_an_answer_and_empties_at_its_size():
    """``GazetteerTable.remembered``, which these memos use: an answer of None is kept (not made again), and a full
    dictionary is emptied before the next answer goes in."""
    table = Gazetteer()
    calls: list[str] = []

    def make(key: str) -> str | None:
        calls.append(key)
        return None if key == "none" else key.upper()

    assert table.remembered("test.owner", "none", lambda: make("none"), size=2) is None
    assert table.remembered("test.owner", "none", lambda: make("none"), size=2) is None
    assert calls == ["none"]
    assert table.remembered("test.owner", "a", lambda: make("a"), size=2) == "A"
    assert table.remembered("test.owner", "b", lambda: make("b"), size=2) == "B"  # full: emptied first
    assert table.memo("test.owner") == {"b": "B"}
    assert table.remembered("test.owner", "none", lambda: make("none"), size=2) is None
    assert calls == ["none", "a", "b", "none"]
