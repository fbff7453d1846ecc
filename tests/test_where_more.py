"""Where events are placed, session 11: more of the rules an analyst reads places with (issue 15).

Each test gives a report written for these tests (wire, ISW-style and ACLED-style phrasing, invented
events) and checks the first row of its ACLED export, the report's main event: its place, its admin-1
unit and its precision, one field at a time.
"""

from __future__ import annotations

from typing import Any

from geoconflict import extract, read_report
from geoconflict.gazetteer.distance import haversine_km

PUBLISHED = "2023-06-04"
#: Within this many km of a named place, an event is placed at it.
NEAR_KM = 25.0
#: ACLED's geo_precision: the named town itself; near a town or a small part of a region.
AT_TOWN, NEAR_TOWN = 1, 2


def _main_row(text: str) -> dict[str, Any]:
    """The first row of the report's ACLED export (its main event)."""
    frame = extract(read_report(text, published=PUBLISHED)).to_acled()
    assert len(frame), "the report gave no located event"
    return frame.iloc[0].to_dict()


def _near(row: dict[str, Any], lat: float, lon: float, km: float = NEAR_KM) -> bool:
    return float(haversine_km(row["latitude"], row["longitude"], lat, lon)) <= km


# ---- "X imeni Y": Y is the person the place is named after, no place of its own


def test_the_person_a_mine_is_named_after_is_no_place() -> None:
    """ "imeni Lenina" is Lenin's: the tail's Donetsk is the Ukrainian city, not a Russian district holding
    a village called Lenina."""
    row = _main_row("On 3 June 2023, Ukrainian forces fired mortars at DPR positions in Shakhta imeni Lenina, "
                    "Donetsk. Casualties unknown.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk Oblast"
    assert _near(row, 48.02, 37.80)


def test_a_place_named_after_a_person_in_a_wire_report() -> None:
    row = _main_row("KYIV, June 2 (wire) - Shells hit a colliery known as the mine imeni Kirova near Donetsk "
                    "overnight, local officials said.")
    assert row["country"] == "Ukraine"
    assert row["admin1"] == "Donetsk Oblast"
    assert _near(row, 48.02, 37.80)
