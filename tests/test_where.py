"""Where things happened: mixed geography, far answers, dropped names kept visible (issues 15, 19).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.resolution_common import NOT_A_PLACE, OUTLIER
from geoconflict.extraction.resolution_outliers import drop_outliers
from geoconflict.extraction.spans import Span
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind
from geoconflict.model.eventset import EventSet

PUBLISHED = "2024-08-14"
#: An answer this far (km) from where the report is, is a far answer.
FAR_KM = 1000.0


def _extract(text: str) -> EventSet:
    return extract(read_report(text, published=PUBLISHED))


def _by_text(events: EventSet) -> dict[str, list]:
    out: dict[str, list] = {}
    for m in events.mentions:
        out.setdefault(m.text, []).append(m)
    return out


def test_two_countries_one_name_each_keep_both_places() -> None:
    """A report of two countries, one town each, has no main area: neither town is an outlier."""
    events = _extract("Troops moved from Sake to Sudzha. Fighting continued in Sake.")
    mentions = _by_text(events)
    assert {m.place.country_code for m in mentions["Sake"]} == {"CD"}
    assert mentions["Sudzha"][0].place.country_code == "RU"
    assert len(events.mentions) == 3
    assert len(events.movements) + len(events.combats) + len(events.events) >= 1


def test_a_far_lone_town_stays_an_unresolved_mention_with_its_candidate() -> None:
    """A small town alone in its country, far from the report's area, is left unresolved, not dropped."""
    events = _extract("Shelling hit Sumy, Okhtyrka and Kyiv overnight. Clashes were reported near Sake.")
    (sake,) = _by_text(events)["Sake"]
    assert sake.place is None
    assert OUTLIER in sake.reason
    assert [p.country_code for p in sake.candidates][:1] == ["CD"]
    assert sake in events.unresolved
    assert {p.country_code for p in events.places} == {"UA"}


def _span(surface: str, start: int, place: Place | None, reason: str = "gazetteer name") -> Span:
    x = Span(start, start + len(surface), surface, reason)
    x.place = place
    return x


def _town(name: str, cc: str, lat: float, lon: float, population: int) -> Place:
    return Place(name, lat=lat, lon=lon, kind=PlaceKind.POPULATED_PLACE, country_code=cc, population=population)


def test_drop_outliers_unplaces_only_relative_to_a_main_area() -> None:
    far = _town("Farville", "BR", -10.0, -50.0, 900)
    main = [_town("Alpha", "UA", 50.0, 36.0, 50_000), _town("Beta", "UA", 49.0, 37.0, 40_000)]
    spans = [_span("Alpha", 0, main[0]), _span("Beta", 10, main[1]), _span("Farville", 20, far)]
    kept = drop_outliers(spans)
    assert [x.surface for x in kept] == ["Alpha", "Beta", "Farville"]
    assert kept[2].place is None and kept[2].candidates[0] == far and OUTLIER in kept[2].reason
    # without a main area (one name per country) nothing is an outlier
    pair = [_span("Alpha", 0, main[0]), _span("Farville", 20, far)]
    assert [x.place for x in drop_outliers(pair)] == [main[0], far]


def test_drop_outliers_keeps_a_town_across_the_border() -> None:
    near = _town("Bordertown", "RU", 51.2, 35.3, 5_000)
    main = [_town("Alpha", "UA", 50.9, 34.8, 250_000), _town("Beta", "UA", 50.3, 34.9, 47_000)]
    spans = [_span("Alpha", 0, main[0]), _span("Beta", 10, main[1]), _span("Bordertown", 20, near)]
    assert [x.place for x in drop_outliers(spans)] == [*main, near]


def test_drop_outliers_drops_spans_found_to_name_no_place() -> None:
    spans = [_span("Hope", 0, None, f"gazetteer name; {NOT_A_PLACE}: a common word")]
    assert drop_outliers(spans) == []


@pytest.mark.parametrize(("text", "area"), [
    ("Two shells landed in Abu Rasin in Al-Hasakeh province.", "SY"),
    ("Police dispersed traders in Eastleigh, Nairobi, on Monday.", "KE"),
    ("Grad rockets struck Sumy overnight.", "UA"),
    ("Residents of Colonia Buenavista in Ciudad Apodaca, Nuevo Leon, blocked a road.", "MX"),
])
def test_no_place_far_from_the_reports_area(text: str, area: str) -> None:
    """Words of a longer name, a weapon, a suburb: never a namesake a continent away from the report's area."""
    events = _extract(text)
    anchors = [p for p in events.places if p.country_code == area]
    assert anchors, text
    for p in events.places:
        assert min(haversine_km(p.lat, p.lon, a.lat, a.lon) for a in anchors) < FAR_KM, (text, p)


def test_words_of_a_longer_name_stay_visible() -> None:
    events = _extract("Two shells landed in Abu Rasin in Al-Hasakeh province.")
    mentions = _by_text(events)
    for word in ("Abu", "Rasin"):
        (m,) = mentions[word]
        assert m.place is None and "longer name" in m.reason and m.candidates
    assert mentions["Al-Hasakeh"][0].place.country_code == "SY"


def _only(events: EventSet, text: str):
    (m,) = _by_text(events)[text]
    return m


def test_a_village_then_its_region_is_in_that_region() -> None:
    """"Village, Region": a village of that name far outside the region is no answer; the region is."""
    events = _extract("Shelling damaged houses in Shevchenkove, Kyiv.")
    village, region = _only(events, "Shevchenkove"), _only(events, "Kyiv")
    assert village.place is not None and region.place is not None
    assert haversine_km(village.place.lat, village.place.lon, region.place.lat, region.place.lon) < 150


def test_a_tail_unit_is_looked_for_in_the_places_country() -> None:
    """A unit's name held by a dozen countries ("Western") is first the one of the place's country."""
    events = _extract("Soldiers clashed with a militia in Kisoro, Western, on Monday.")
    assert _only(events, "Kisoro").place.country_code == "UG"
    assert _only(events, "Western").place.country_code == "UG"


@pytest.mark.parametrize("text", [
    "Drones struck a farm in Kupiansk Raion.",
    "Shelling damaged houses in Zaliznychne, Kupiansk Raion.",
])
def test_a_district_named_with_its_word_stays_the_district(text: str) -> None:
    """"X Raion" is the raion, not the town X; an unknown village in it falls back to the raion."""
    events = _extract(text)
    district = _only(events, "Kupiansk Raion").place
    assert district is not None and district.kind is PlaceKind.ADMIN2
    if "Zaliznychne" in text:
        village = _only(events, "Zaliznychne").place
        assert village is not None
        assert haversine_km(village.lat, village.lon, district.lat, district.lon) < 100


def test_a_town_then_its_unit_in_one_run_is_no_longer_name() -> None:
    """"Maiduguri Borno State": a town then its state, not two words of one unknown name."""
    events = _extract("Soldiers repelled an attack near the barracks in Maiduguri Borno State on Tuesday.")
    assert _only(events, "Maiduguri").place.country_code == "NG"


def test_an_acronym_does_not_make_a_reports_area() -> None:
    """An all-caps acronym matching a district ("SWAT") gives no country the weight of a named unit."""
    events = _extract("A SWAT team raided a house in Albany on Wednesday. Police in Albany arrested two men.")
    assert {m.place.country_code for m in _by_text(events)["Albany"]} == {"US"}


def test_a_town_just_across_the_border_is_no_outlier() -> None:
    """A small Russian town next to the Ukrainian towns a report names stays placed."""
    events = _extract("Shelling hit Sumy and Okhtyrka overnight. Drones struck a depot in Sudzha.")
    assert _only(events, "Sudzha").place.country_code == "RU"
