"""Basemap outlines from the embedded polygons."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    import shapely

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
