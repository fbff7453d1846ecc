"""Something "came under fire" with no weapon named: shooting when what came under it can be shot at (a unit, a
post, a vehicle, a settlement, a place), the idiom of criticism otherwise (sentences written for this test;
``geoconflict.lang.en.CAME_UNDER_FIRE`` and ``SHOT_AT``)."""

from __future__ import annotations

import pytest

from geoconflict.extraction import extract
from geoconflict.text.report import read_report


@pytest.mark.parametrize(("text", "subtype", "location", "actors"), [
    ("A Malian army patrol came under fire from JNIM militants near Douentza on Tuesday, the army said.",
     "Armed clash", "Douentza", ("JNIM", "Malian forces")),
    ("An army post in Kidal came under heavy fire from rebels overnight, a military source said.",
     "Armed clash", "Kidal", ("rebels", "army")),
    ("On 4 June 2024, a police checkpoint at Tillaberi came under sustained fire from unidentified gunmen.",
     "Armed clash", "Tillaberi", ("unidentified gunmen", "police")),
    ("Kidal came under fire from rebels on Sunday, residents said.",
     "Armed clash", "Kidal", ("rebels", None)),
])
def test_shot_at(gazetteer, text, subtype, location, actors):
    rows = extract(read_report(text, published="2024-06-05"), gazetteer=gazetteer).to_acled()
    assert len(rows) == 1
    main = rows.iloc[0]
    assert (main["sub_event_type"], main["location"], main["actor1"], main["actor2"]) == (subtype, location, *actors)


@pytest.mark.parametrize("text", [
    "The interior minister came under fire from critics in Kampala on Monday over the police response.",
    "The governor's trips to Dubai came under fire during the campaign in Lagos.",
    "The plan to rebuild the port of Mariupol came under fire from the opposition in Kyiv.",
])
def test_the_idiom_is_no_event(gazetteer, text):
    assert extract(read_report(text, published="2024-06-05"), gazetteer=gazetteer).to_acled().empty
