"""``Place.replace``: a copy of a place with some fields changed, every other field carried over."""

from __future__ import annotations

import dataclasses

import pytest
from shapely.geometry import box

from geoconflict.errors import InvalidInputError
from geoconflict.gazetteer import Gazetteer
from geoconflict.model import Place, PlaceKind

#: a value for each field of a place, none of them the field's default
FULL = {
    "kind": "admin1", "lat": 24.5, "lon": 95.4, "country_code": "MM", "admin1": "Upper Testregion",
    "admin2": "Test District", "geonames_id": 1298480, "population": 5_300_000,
    "geometry": box(94.0, 21.0, 97.0, 27.0), "approximate": True, "source": "a coder's sheet",
}


def test_a_moved_copy_keeps_every_other_field() -> None:
    region = Place("Testregion", **FULL)
    moved = region.replace(lat=22.11, lon=95.14)
    assert (moved.lat, moved.lon) == (22.11, 95.14)
    for f in dataclasses.fields(Place):  # every field the class has, including any added later
        if f.name not in ("lat", "lon"):
            assert getattr(moved, f.name) == getattr(region, f.name), f.name
    assert moved == Place("Testregion", **{**FULL, "lat": 22.11, "lon": 95.14})


def test_the_field_list_is_complete() -> None:
    # FULL names every field but the name, so the test above checks each of them
    assert {f.name for f in dataclasses.fields(Place)} == {"name", *FULL}


def test_a_copy_without_changes_is_equal_and_a_new_record() -> None:
    town = Place("Monywa", kind="populated_place", lat=22.11, lon=95.14, country_code="MM")
    same = town.replace()
    assert same == town and same is not town and hash(same) == hash(town)


def test_changes_are_checked_as_a_new_place_is() -> None:
    town = Place("Monywa", kind="populated_place", lat=22.11, lon=95.14)
    with pytest.raises(InvalidInputError, match="lat"):
        town.replace(lat=123.0)
    with pytest.raises(InvalidInputError, match="country_code"):
        town.replace(country_code="Myanmar")
    with pytest.raises(InvalidInputError, match="colour"):
        town.replace(colour="red")
    assert town.replace(kind="admin2").kind is PlaceKind.ADMIN2
    assert town.replace(geometry=box(95.0, 22.0, 95.3, 22.3)).geometry.bounds == (95.0, 22.0, 95.3, 22.3)


def test_a_gazetteer_units_copy_decodes_its_polygon_only_when_read() -> None:
    gaz = Gazetteer()  # a table of its own: no other test has read this unit's polygon yet
    unit = gaz.search("Sagaing Region", kind="admin1", limit=1)[0].place
    assert "geometry" not in unit.__dict__
    moved = unit.replace(lat=22.11, lon=95.14)
    assert "geometry" not in moved.__dict__  # still the loader, as the unit holds it
    assert moved.geometry is not None and moved.geometry.equals(unit.geometry)
