"""What the resolution rules read once or skip up front (branch `view`): each shortcut gives the long way's answer.

* ``Span.folded`` is ``fold(surface)``, made once;
* ``resolution_areas._ReportRegions.may_hold(own)`` False means ``holds(p, own)`` is False for every place,
  so ``in_named_region`` searches no namesake then;
* the rules that return early still act where they must (a report of two countries, a sentence naming a region).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.extraction import resolution_areas
from geoconflict.extraction.spans import Span
from geoconflict.extraction.structure import apply_sentence_region
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import PlaceKind
from geoconflict.text.normalize import fold


@given(st.text(max_size=30))
def test_a_spans_folded_surface_is_fold(surface):
    x = Span(0, len(surface), surface, "")
    assert x.folded == fold(surface)
    assert x.folded is x.folded  # (made once)


def test_folded_is_no_field_of_the_span():
    a, b = Span(0, 4, "Kyiv", ""), Span(0, 4, "Kyiv", "")
    assert a.folded == "kyiv"
    assert a == b and "folded" not in repr(a)


_NAMES = ["Pavlivka", "Kramatorsk", "Donetsk Oblast", "Goma", "Bukavu", "Nord-Kivu", "Kidal", "Gao", "Aleppo",
          "Idlib", "Sittwe", "Mariupol"]


def _places(gaz: Gazetteer):
    return [c.place for n in _NAMES for c in gaz.search(n, limit=3)]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_may_hold_false_means_no_place_is_held(data):
    gaz = Gazetteer.default()
    pool = _places(gaz)
    chosen = data.draw(st.lists(st.sampled_from(pool), max_size=4))
    names = data.draw(st.lists(st.sampled_from(["pavlivka", "goma", "kidal", "x"]), min_size=len(chosen),
                               max_size=len(chosen)))
    spans = [Span(0, 1, n, "", place=p) for n, p in zip(names, chosen)]
    hinted = data.draw(st.sets(st.sampled_from([("UA", "Donetsk Oblast"), ("CD", "Nord-Kivu")]), max_size=1))
    regions = resolution_areas._ReportRegions(spans, hinted)
    for own in ("pavlivka", "goma", "kidal", "x"):
        if not regions.may_hold(own):
            assert not any(regions.holds(p, own) for p in pool)


def test_in_named_region_still_moves_a_village_to_the_region_named():
    gaz = Gazetteer.default()
    region = gaz.search("Donetsk Oblast", kind="admin1", limit=1)[0].place
    elsewhere = [c.place for c in gaz.search("Pavlivka", kind="populated_place", limit=40)
                 if c.place.country_code == "UA" and c.place.admin1 != region.name and not c.place.approximate]
    village = Span(0, 8, "Pavlivka", "", place=elsewhere[0])
    resolution_areas.in_named_region(gaz, [village, Span(20, 34, "Donetsk Oblast", "", place=region)])
    assert village.place is not None and village.place.admin1 == region.name


def test_a_sentence_without_a_region_is_left_as_it_is():
    gaz = Gazetteer.default()
    town = gaz.search("Goma", kind="populated_place", limit=1)[0].place
    far = gaz.search("Kidal", kind="populated_place", limit=1)[0].place
    text = "Fighting in Goma and Kidal."
    spans = [Span(12, 16, "Goma", "", place=town), Span(21, 26, "Kidal", "", place=far)]
    apply_sentence_region(gaz, text, spans)
    assert [x.place for x in spans] == [town, far]
    assert all(x.place is None or x.place.kind is not PlaceKind.ADMIN1 for x in spans)
