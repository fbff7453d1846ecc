"""The most populous settlements in a box, from the settlements sorted by latitude (issue 15, session 13):
equal to the reference scan of every row (``GazetteerTable._largest_places_plain``) on boxes anywhere, of any
size, empty, reversed or not a number, and after places are added."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.table import GazetteerTable

_TABLE = GazetteerTable()
latitudes = st.floats(min_value=-95, max_value=95, allow_nan=False) | st.just(math.nan)
longitudes = st.floats(min_value=-185, max_value=185, allow_nan=False) | st.just(math.nan)
spans = st.floats(min_value=-1, max_value=15, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(latitudes, longitudes, spans, spans, st.integers(min_value=0, max_value=80))
def test_largest_places_are_the_plain_scans(south: float, west: float, tall: float, wide: float, n: int) -> None:
    box = (south, west, south + tall, west + wide)
    assert _TABLE.largest_places(box, n=n) == _TABLE._largest_places_plain(box, n=n)


def test_a_region_of_many_towns_and_the_whole_world() -> None:
    donbas = (47.5, 36.5, 49.5, 39.0)
    found = _TABLE.largest_places(donbas, n=30)
    assert found == _TABLE._largest_places_plain(donbas, n=30)
    assert len(found) == 30 and found[0].name == "Donetsk"
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)
    world = (-90.0, -180.0, 90.0, 180.0)
    assert _TABLE.largest_places(world, n=500) == _TABLE._largest_places_plain(world, n=500)


def test_places_added_are_found_too(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("name,lat,lon,country,admin1,population\nNovaya Testovka,48.5,37.5,UA,Donetsk,5000000\n",
                    encoding="utf-8")
    base = Gazetteer()
    box = (48.0, 37.0, 49.0, 38.0)
    before = base.largest_places(box, n=3)  # (the settlements by latitude made before the addition)
    gaz = base.with_places(path)
    found = gaz.largest_places(box, n=3)
    assert found[0].name == "Novaya Testovka"
    assert found == gaz._largest_places_plain(box, n=3)
    assert found[1:] == before[:2]
    assert base.largest_places(box, n=3) == before
