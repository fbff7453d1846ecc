"""The basemap cache is data from disk: only validated outlines of integers reach a page."""

from __future__ import annotations

import json

import pytest

from geoconflict.maps.backdrop import _cache_path, _on_grid, basemap_json

BOUNDS = (50.0, 30.0, 52.0, 36.0)
PAYLOAD = "</script><script>window.__pwned = 1</script>"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = basemap_json(BOUNDS, fill=True)
    path = _cache_path(_on_grid(BOUNDS), True)
    assert path is not None and path.is_file() and str(path).startswith(str(tmp_path))
    return path, fresh


def test_markup_in_a_cached_name_stays_escaped_text(cache):
    path, _ = cache
    data = json.loads(path.read_text(encoding="utf-8"))
    data["countries"][0]["name"] = PAYLOAD
    path.write_text(json.dumps(data), encoding="utf-8")
    out = basemap_json(BOUNDS, fill=True)
    assert "<" not in out and ">" not in out
    assert json.loads(out)["countries"][0]["name"] == PAYLOAD


@pytest.mark.parametrize("tamper", [
    lambda d: d["countries"][0]["rings"][0][0].__setitem__(0, PAYLOAD),
    lambda d: d["countries"][0]["rings"][0][0].__setitem__(0, 1.5),
    lambda d: d["countries"][0].__setitem__("onload", "x"),
    lambda d: d.__setitem__("fill", "true"),
    lambda d: d["regions"].append([1, 2, 3]),
])
def test_a_cache_of_the_wrong_shape_is_computed_again(cache, tamper):
    path, fresh = cache
    data = json.loads(path.read_text(encoding="utf-8"))
    tamper(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert basemap_json(BOUNDS, fill=True) == fresh


def test_a_raw_script_replacing_the_cache_never_reaches_the_page(cache):
    path, fresh = cache
    path.write_text(PAYLOAD, encoding="utf-8")
    assert basemap_json(BOUNDS, fill=True) == fresh
