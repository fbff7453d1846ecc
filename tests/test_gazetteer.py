"""The offline gazetteer on the shipped data (no network, no mocks)."""

from __future__ import annotations

import pytest

from geoconflict.errors import InvalidInputError, PlaceNotFoundError
from geoconflict.gazetteer.index import Candidate, Gazetteer, geocode, resolve
from geoconflict.model import PlaceKind, Precision
from geoconflict.model.geometry import area_km2


def test_default_is_shared_and_covers_all_kinds(gaz):
    assert Gazetteer.default() is gaz
    text = repr(gaz)
    assert "249 country" in text
    assert len(gaz) > 280_000


@pytest.mark.parametrize(
    ("query", "name", "kind", "cc"),
    [
        ("Kyiv", "Kyiv", "populated_place", "UA"),
        ("Kiev", "Kyiv", "populated_place", "UA"),
        ("Київ", "Kyiv", "populated_place", "UA"),
        ("Киев", "Kyiv", "populated_place", "UA"),
        ("Kharkov", "Kharkiv", "populated_place", "UA"),
        ("Харків", "Kharkiv", "populated_place", "UA"),
        ("Харьков", "Kharkiv", "populated_place", "UA"),
        ("Artemovsk", "Bakhmut", "populated_place", "UA"),
        ("Königsberg", "Kaliningrad", "populated_place", "RU"),
        ("Sudža", "Sudzha", "populated_place", "RU"),
        ("Суджа", "Sudzha", "populated_place", "RU"),
        ("Lithuania", "Lithuania", "country", "LT"),
        ("Russia", "Russia", "country", "RU"),
        ("Murmansk", "Murmansk", "populated_place", "RU"),
        ("Novohrodivka", "Novohrodivka", "populated_place", "UA"),
        ("Kursk region", "Kursk Oblast", "admin1", "RU"),
        ("Kaliningrad region", "Kaliningrad Oblast", "admin1", "RU"),
        ("Kharkiv Oblast", "Kharkiv Oblast", "admin1", "UA"),
        ("Курская область", "Kursk Oblast", "admin1", "RU"),
        ("the city of Kyiv", "Kyiv", "populated_place", "UA"),
    ],
)
def test_geocode_spellings(query, name, kind, cc):
    place = geocode(query)
    assert (place.name, place.kind.value, place.country_code) == (name, kind, cc)


@pytest.mark.parametrize(
    "query", ["Sudzhansky district", "Sudzhanskiy Rayon", "Sudzhanskij raion", "Суджанский район",
              "the Sudzhansky district", "Sudzhanskii rayon"],
)
def test_district_adjectives_resolve_to_the_district(query):
    place = geocode(query)
    assert place.name == "Sudzhanskiy Rayon"
    assert place.kind is PlaceKind.ADMIN2 and place.precision is Precision.DISTRICT
    assert place.country_code == "RU" and place.admin1 == "Kursk Oblast"
    # placed at its administrative centre, Sudzha, with an approximate area around it
    sudzha = geocode("Sudzha")
    assert (place.lat, place.lon) == pytest.approx((sudzha.lat, sudzha.lon), abs=1e-4)
    assert place.approximate and place.geometry is not None
    assert place.geometry.contains(sudzha.point)


@pytest.mark.parametrize("district, centre", [("Korenevsky district", "Korenevo"),
                                              ("Glushkovsky district", "Glushkovo")])
def test_kursk_districts(district, centre):
    place = geocode(district)
    assert place.admin1 == "Kursk Oblast"
    town = geocode(centre, country="RU")
    assert (place.lat, place.lon) == pytest.approx((town.lat, town.lon), abs=1e-4)


def test_kursk_oblast_polygon_is_about_30000_km2():
    oblast = geocode("Kursk region")
    assert not oblast.approximate
    assert area_km2(oblast.geometry) == pytest.approx(30_000, rel=0.02)
    assert oblast.geometry.contains(geocode("Sudzha").point)


def test_countries_have_polygons():
    ukraine = geocode("Ukraine")
    assert ukraine.geometry is not None
    assert ukraine.geometry.contains(geocode("Kyiv").point)
    assert 550_000 < area_km2(ukraine.geometry) < 650_000


def test_search_ranks_and_explains(gaz):
    hits = gaz.search("Goma", limit=3)
    assert all(isinstance(c, Candidate) for c in hits)
    assert [c.place.country_code for c in hits[:2]] == ["CD", "PH"]
    assert hits[0].score > hits[1].score
    assert "goma" in hits[0].reason
    with pytest.raises(AttributeError):
        hits[0].score = 1.0  # frozen


def test_search_filters_and_hints(gaz):
    assert gaz.search("Pokrovsk", country="RU")[0].place.admin1 != "Donetsk Oblast"
    assert all(c.place.country_code == "RU" for c in gaz.search("Pokrovsk", country="Russia"))
    assert gaz.search("Kursk", kind="admin1")[0].place.name == "Kursk Oblast"
    near_yakutsk = gaz.search("Pokrovsk", near=(62.03, 129.73))[0].place
    assert near_yakutsk.country_code == "RU" and near_yakutsk.lon > 120
    assert gaz.search("Kursk region")[0].place.kind is PlaceKind.ADMIN1
    assert gaz.search("Kursk")[0].place.kind is PlaceKind.POPULATED_PLACE


def test_bad_hints_are_errors(gaz):
    with pytest.raises(InvalidInputError):
        gaz.search("Kursk", kind="regoin")
    with pytest.raises(InvalidInputError):
        gaz.search("Kursk", near=(95, 10))
    with pytest.raises(InvalidInputError):
        gaz.search("Kursk", country="Atlantis")


@pytest.mark.parametrize("bad", ["", "   ", "x" * 10_000, "Kursk\x00", "Ku\x07rsk", "12345", "  42 ", None, 3.5])
def test_bad_input_is_a_clear_error_never_null_island(bad):
    with pytest.raises(InvalidInputError):
        geocode(bad)


def test_unknown_name_raises_with_suggestions():
    with pytest.raises(PlaceNotFoundError) as info:
        geocode("Novohrodivkq")
    assert info.value.query == "Novohrodivkq"
    assert any(s.place.name == "Novohrodivka" for s in info.value.suggestions)
    with pytest.raises(LookupError):
        geocode("Qwxzvbnmplk")


def test_resolve_uses_document_context():
    text = "Heavy fighting near Pokrovsk. Shelling hit Donetsk region again."
    pok, don = resolve(text, [(20, 28), (43, 50)])
    assert pok.country_code == "UA" and pok.admin1 == "Donetsk Oblast"
    assert don.kind is PlaceKind.ADMIN1
    text = "Refugees crossed from Goma into Rwanda."
    goma, rwanda = resolve(text, [(22, 26), (32, 38)])
    assert goma.country_code == "CD" and rwanda.country_code == "RW"
    text = "Ukrainian troops entered Korenevo, deep inside the Kursk region."
    kor, kursk = resolve(text, [(25, 33), (51, 56)])
    assert kor.admin1 == "Kursk Oblast" and kursk.name == "Kursk Oblast"


def test_a_descriptor_in_the_name_itself_says_the_kind(gaz):
    # "City" in "Kansas City" is part of the city's name, not a descriptor added to "Kansas"
    assert gaz.search("Kansas City")[0].place.kind is PlaceKind.POPULATED_PLACE
    assert gaz.search("Iowa City")[0].place.name == "Iowa City"
    top = [c.place for c in gaz.search("Suffolk County", limit=3)]
    assert any(p.name == "Suffolk County" and p.country_code == "US" for p in top[:2])


def test_co_abbreviates_county(gaz):
    top = gaz.search("Loudon Co.")[0].place
    assert top.name == "Loudon County" and top.kind is PlaceKind.ADMIN2


def test_resolve_falls_back_to_a_part_of_an_unknown_mention():
    def one(text, mention):
        s = text.index(mention)
        return resolve(text, [(s, s + len(mention))])[0]

    assert one("Shelling closed the Dubai World Cup.", "Dubai World Cup").country_code == "AE"
    uni = one("Students at Colorado State University protested.", "Colorado State University")
    assert uni.kind is PlaceKind.ADMIN1 and uni.name == "Colorado"
    # English demonyms of countries and first-level divisions
    assert one("Many Ohioans voted.", "Ohioans").name == "Ohio"
    assert one("A Texan said so.", "Texan").name == "Texas"
    assert one("Dagestani police said.", "Dagestani").country_code == "RU"
    assert one("Two Czechs were hurt.", "Czechs").country_code == "CZ"
    # a mention naming a physical feature or a street takes no part of its name
    assert one("Boats on the Mississippi River.", "Mississippi River") is None
    assert one("Fishing on Lake Vermont.", "Lake Vermont") is None


def test_resolve_handles_unknown_and_bad_spans():
    text = "Nothing happened in Qwxzvbnmplk."
    assert resolve(text, [(20, 31)]) == [None]
    with pytest.raises(InvalidInputError):
        resolve(text, [(20, 500)])


def test_scan_finds_names_with_original_offsets(gaz):
    text = ("Troops moved from Kaliningrad to the Kursk region. Fighting in the Sudzhansky district "
            "near Sudža; Зеленский посетил Харьков.")
    found = gaz.scan(text)
    surfaces = [s for _, _, s in found]
    for name in ("Kaliningrad", "Kursk", "Sudzhansky district", "Sudža", "Харьков"):
        assert name in surfaces
    for start, end, surface in found:
        assert text[start:end] == surface
    assert "Troops" not in surfaces and "The" not in surfaces


def test_country_by_code(gaz):
    assert gaz.country("ua").name == "Ukraine"
    assert gaz.country("UA").kind is PlaceKind.COUNTRY
    assert gaz.country("ZZ") is None
    assert gaz.country(None) is None


def test_coordinates_of_a_kind(gaz):
    lat, lon = gaz.coordinates("country")
    assert len(lat) == len(lon) > 200
    assert (abs(lat) <= 90).all() and (abs(lon) <= 180).all()
    ukraine = gaz.country("UA")
    assert any(abs(a - ukraine.lat) < 1e-4 and abs(o - ukraine.lon) < 1e-4 for a, o in zip(lat, lon))
    with pytest.raises(ValueError):
        lat[0] = 0.0  # read-only: the gazetteer's own columns are not to be changed
    with pytest.raises(InvalidInputError, match="kind must be one of"):
        gaz.coordinates("planet")
