"""Invented records with every shape of mention, shared by tests/test_io_mentions.py and its frozen files.

``tests/data/session11_inline.geojson`` and ``session11_table.geojson`` were written
from :func:`wire_reports` by session 11's ``write_geojson`` (main at d6433a4, each
mention a feature; ``texts="inline"`` and ``texts="table"``), so the reader is
checked on files the old code wrote, not only on the layout kept as an option.
"""

from __future__ import annotations

from datetime import date

from shapely.geometry import box

from geoconflict import CombatArea, Event, EventSet, Mention, Movement, Place, Provenance, TerritorialClaim

RIVERTON = Place("Riverton", kind="populated_place", lat=48.51234, lon=35.06789, country_code="UA",
                 admin1="Examplia Oblast", population=41_000)
LAKESIDE = Place("Lakeside", kind="populated_place", lat=48.9, lon=35.6, country_code="UA")
LAKESIDE_SOUTH = Place("Lakeside", kind="populated_place", lat=46.2, lon=33.1, country_code="UA")
EXAMPLIA = Place("Examplia Oblast", kind="admin1", lat=48.5, lon=35.5, country_code="UA",
                 geometry=box(34.5, 47.9, 36.4, 49.1))
RULE = "gazetteer name: a town of the report's region"


def wire_reports() -> EventSet:
    """Two invented wire reports: mentions of a town, a region with a polygon and an unresolved name, sharing
    sentences, and an event, a movement, a claim and a combat area."""
    first = Provenance(source="wire_0001.txt", quote="Artillery hit Riverton in Examplia Oblast overnight.",
                       span=(0, 52), report_date=date(2024, 5, 7), event_date=date(2024, 5, 6), date_precision="day")
    second = Provenance(source="wire_0001.txt", quote="Residents of Lakeside reported drones.", span=(53, 91),
                        report_date=date(2024, 5, 7))
    other = Provenance(source="wire_0002.txt", reported_by="the regional governor",
                       quote="Riverton was shelled again, the governor said.", span=(0, 46),
                       report_date=date(2024, 5, 8), event_date=date(2024, 5, 7), event_date_end=date(2024, 5, 8),
                       date_precision="day")
    mentions = [
        Mention("Riverton", 14, 22, place=RIVERTON, score=0.91, reason=RULE, provenance=first),
        Mention("Examplia Oblast", 26, 41, place=EXAMPLIA, score=1.0, reason="region named in full", provenance=first),
        Mention("Lakeside", 66, 74, candidates=(LAKESIDE, LAKESIDE_SOUTH), reason="two towns of the name",
                provenance=second),
        Mention("Riverton", 0, 8, place=RIVERTON, score=0.88, reason=RULE, provenance=other),
        Mention("Riverton", 30, 38, place=RIVERTON, provenance=Provenance()),  # no provenance at all
    ]
    return EventSet([*mentions,
                     Event("shelling", RIVERTON, actors=("artillery units",), fatalities=2, provenance=first),
                     Movement("armoured columns", LAKESIDE, RIVERTON, provenance=second),
                     TerritorialClaim("Northern Army", areas=(EXAMPLIA,), settlements=3, as_of=date(2024, 5, 8),
                                      provenance=other),
                     CombatArea((EXAMPLIA,), actors=("Northern Army",), provenance=other)])
