"""The place side's shortcuts give the long way's answers (branch `places`).

* ``resolution_outliers._far_from_a_big_place`` decides most towns by bounds on the distance made without the
  haversine and measures with numpy only the towns the bounds leave in doubt; ``_far_from_a_big_place_plain``
  measures every town. Generated reports of places around the world, at distances near ``FAR_KM`` too, hold
  the two to the same places and reasons.
* ``structure.unit_sentences`` (the sentences the region rules read: ``apply_sentence_region``,
  ``respell_in_units``) holds every sentence in which a span names a region; the others the rules pass over.
"""

from __future__ import annotations

import copy
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.extraction import resolution_outliers as outliers
from geoconflict.extraction import structure
from geoconflict.extraction.document import read_document
from geoconflict.extraction.resolution_common import FAR_KM
from geoconflict.extraction.spans import Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import EARTH_RADIUS_KM, haversine_km
from geoconflict.model import Place, PlaceKind
from geoconflict.text.report import read_report

_KINDS = [PlaceKind.POPULATED_PLACE, PlaceKind.POPULATED_PLACE, PlaceKind.ADMIN1, PlaceKind.ADMIN2,
          PlaceKind.COUNTRY]
_NAMES = ["Pavlivka", "pavlivka", "Goma", "Kidal", "Tank", "Mount Hope"]
#: Degrees of latitude FAR_KM spans: points this far apart along a meridian are FAR_KM apart.
_FAR_DEGREES = math.degrees(FAR_KM / EARTH_RADIUS_KM)


@st.composite
def _reports(draw: st.DrawFn) -> list[Span]:
    anchor = (draw(st.floats(-80, 80)), draw(st.floats(-179, 179)))
    places: list[Place] = []
    for i in range(draw(st.integers(1, 6))):
        if i == 0:
            lat, lon = anchor
        elif draw(st.booleans()):  # about FAR_KM from the anchor, along a meridian: the bounds' doubt
            lat = anchor[0] + draw(st.sampled_from([-1, 1])) * _FAR_DEGREES * draw(
                st.sampled_from([1.0, 1 - 1e-12, 1 + 1e-12, 0.999, 1.001]))
            lat, lon = max(-89.0, min(89.0, lat)), anchor[1]
        else:
            lat, lon = draw(st.floats(-89, 89)), draw(st.floats(-180, 180))
        places.append(Place(f"P{i}", kind=draw(st.sampled_from(_KINDS)), lat=lat, lon=lon, country_code="UA",
                            population=draw(st.sampled_from([None, 500, 150_000]))))
    spans = []
    for _ in range(draw(st.integers(2, 10))):
        p = draw(st.sampled_from(places))
        if draw(st.booleans()):
            p = p.replace(source=p.source)  # an equal place, another object
        spans.append(Span(0, 1, draw(st.sampled_from(_NAMES)), "found", place=p,
                          fixed=draw(st.booleans()) and draw(st.booleans())))
    return spans


def _outcome(spans: list[Span]) -> list[tuple[Place | None, str]]:
    return [(x.place, x.reason) for x in spans]


@settings(max_examples=600, deadline=None)
@given(_reports())
def test_the_bounded_rule_is_the_plain_rule(spans):
    fast, plain = copy.deepcopy(spans), copy.deepcopy(spans)
    outliers._far_from_a_big_place(fast)
    outliers._far_from_a_big_place_plain(plain)
    assert _outcome(fast) == _outcome(plain)


@settings(max_examples=300, deadline=None)
@given(st.floats(-89.9, 89.9), st.floats(-180, 180), st.floats(-89.9, 89.9), st.floats(-180, 180))
def test_the_bounds_hold_the_haversine(lat1, lon1, lat2, lon2):
    low, high = outliers._km_bounds(math.radians(lat1), lon1, lat2, lon2)
    km = float(haversine_km(lat1, lon1, lat2, lon2))
    assert low * (1 - 1e-12) - 1e-9 <= km <= high * (1 + 1e-12) + 1e-9


def test_a_far_village_is_still_left_unresolved():
    kyiv = Place("Kyiv", kind=PlaceKind.POPULATED_PLACE, lat=50.45, lon=30.52, country_code="UA", population=2_900_000)
    lviv = Place("Lviv", kind=PlaceKind.POPULATED_PLACE, lat=49.84, lon=24.03, country_code="UA", population=700_000)
    far = Place("Tank", kind=PlaceKind.POPULATED_PLACE, lat=32.2, lon=70.4, country_code="PK", population=4_000)
    near = Place("Pavlivka", kind=PlaceKind.POPULATED_PLACE, lat=47.9, lon=37.3, country_code="UA", population=900)
    spans = [Span(0, 4, "Kyiv", "found", place=kyiv), Span(5, 9, "Tank", "found", place=far),
             Span(10, 14, "Lviv", "found", place=lviv), Span(15, 23, "Pavlivka", "found", place=near)]
    outliers._far_from_a_big_place(spans)
    assert spans[1].place is None and "km from all the report's other places" in spans[1].reason
    assert [x.place for x in spans if x is not spans[1]] == [kyiv, lviv, near]


_REGION_TEXTS = [
    "Shelling hit Pavlivka, Donetsk Oblast. Later, drones struck Kharkiv. Fighting in the Zaporizhzhia region.",
    "On 3 May, gunmen attacked Kiwanja (Rutshuru, Nord-Kivu). Police in Goma arrested two. Calm in Kinshasa.",
    "Troops moved from Sittwe to Kyauktaw; clashes in Sagaing region; Mandalay region; quiet in Yangon.",
    "Protesters gathered in Niteroi, Rio de Janeiro. In Sao Paulo state, police dispersed a march. Recife.",
]


def test_unit_sentences_hold_every_sentence_that_names_a_region():
    gaz = Gazetteer.default()
    for text in _REGION_TEXTS:
        doc = read_document(read_report(text, published="2024-05-03"), gaz)
        chosen = structure.unit_sentences(doc.text, doc.spans)
        assert chosen, text  # (each of these texts names a region)
        for begin, end in structure.sentence_bounds(doc.text):
            if any(begin <= y.start < end and structure.names_region(doc.text, y) for y in doc.spans):
                assert (begin, end) in chosen, (text, begin)

