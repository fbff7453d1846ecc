"""What a protest is for is no side of it: an army, a government or a cause named after "support for", "in favour
of", "backing" or "supporting" is what the crowd rallies behind, not ACLED's actor2 (sentences written for this
test; ``geoconflict.lang.en.PROTEST_AGAINST``)."""

from __future__ import annotations

import pytest

from geoconflict.extraction import extract
from geoconflict.text.report import read_report


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("On 12 May 2024, residents gathered in Kayes to show their support for the Malian army. [size=no report]",
     "residents", None),
    ("Hundreds of people marched in Niamey on Friday in favour of the military government.", "protesters", None),
    ("Students rallied outside the parliament in Bishkek on Tuesday, backing the president's constitutional "
     "reform.", "students", None),
    ("Demonstrators supporting the opposition candidate gathered in Maputo on Thursday.", "demonstrators", None),
    # the form the rule must leave alone: the force that broke up the protest is its actor2
    ("Police dispersed demonstrators in Maputo on Thursday who were marching in support of the opposition "
     "candidate.", "demonstrators", "police"),
])
def test_what_a_protest_is_for_is_no_side(gazetteer, text, actor1, actor2):
    rows = extract(read_report(text, published="2024-05-20"), gazetteer=gazetteer).to_acled()
    assert len(rows) >= 1
    main = rows.iloc[0]
    assert main["event_type"] == "Protests"
    assert (main["actor1"], main["actor2"]) == (actor1, actor2)
