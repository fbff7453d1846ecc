"""Claim extents are remembered per gazetteer: one gazetteer's extent is never given for another's claim.

An extent's populated places (and, for a stated area, the claimant's border) are the gazetteer's,
so the same claim read with two gazetteers can differ. Here the second gazetteer is the default one
with no populated places: its claims must say so, before and after the default one's.
"""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest

from geoconflict.extraction import extract
from geoconflict.gazetteer.index import Gazetteer
from geoconflict.model import PlaceKind
from geoconflict.text.report import read_report

SEED = "seeds/000_84a8b2256f18f56d.txt"
_INSIDE = re.compile(r"([\d,]+) populated places in the gazetteer inside")


def _inside_counts(gaz: Gazetteer) -> list[int]:
    claims = extract(read_report(SEED), gazetteer=gaz).claims
    return [int(m.group(1).replace(",", "")) for c in claims if (m := _INSIDE.search(c.note or ""))]


@pytest.fixture(scope="module")
def empty_gazetteer() -> Gazetteer:
    """The default gazetteer, but with no populated places to count inside an extent."""
    gaz = copy.copy(Gazetteer.default())
    real = gaz.coordinates

    def coordinates(kind):
        if PlaceKind(kind) is PlaceKind.POPULATED_PLACE:
            return np.empty(0), np.empty(0)
        return real(kind)

    gaz.coordinates = coordinates
    return gaz


def test_extents_are_per_gazetteer(empty_gazetteer):
    default = _inside_counts(Gazetteer.default())
    assert default and all(n > 0 for n in default)
    assert _inside_counts(empty_gazetteer) == [0] * len(default)
    assert _inside_counts(Gazetteer.default()) == default


def test_note_with_the_extent_measured_once():
    """A claim's note, given its extent's area measured when the extent was made, is the note that measures it."""
    from shapely.geometry import box

    from geoconflict.extraction.extents import geodesic_area, plausibility_note

    for geometry in (box(35.0, 51.0, 35.6, 51.4), box(30.0, 48.0, 30.01, 48.01), box(0, 0, 0, 0)):
        for settlements, stated in ((None, None), (12, None), (None, 950.0), (3, 0.0)):
            for inside in (None, 0, 40):
                kwargs = dict(settlements=settlements, area_stated=stated, geometry=geometry, derivation="union",
                              places_inside=inside)
                assert (plausibility_note(**kwargs, measured=geodesic_area(geometry))
                        == plausibility_note(**kwargs))
