"""The online geocoder against a Nominatim on 127.0.0.1 that misbehaves.

The server speaks Nominatim's ``/search`` API (JSON list of results, ``lat``/``lon``
as text, ``address``, ``geojson``) and answers each query word with one
misbehaviour: a result without ``lat``, malformed values, bytes trickled one at a
time, an answer larger than the cap, a gzip bomb, a polygon of a million points,
a server error before a good answer, broken JSON. Every one must end in a
:class:`~geoconflict.errors.ProviderError` that says what was wrong (or, for the
server error, in the good answer after one retry), quickly, and nothing bad may
reach the cache.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geoconflict.errors import ProviderError
from geoconflict.gazetteer.online import OnlineGeocoder, _DiskCache
from geoconflict.model import PlaceKind

GOOD = {
    "place_id": 7, "lat": "50.45", "lon": "30.52", "name": "Kyiv", "display_name": "Kyiv, Ukraine",
    "class": "place", "type": "city", "addresstype": "city",
    "address": {"city": "Kyiv", "country": "Ukraine", "country_code": "ua"},
}
#: The cap the tests give the geocoder, in bytes.
CAP = 1 << 20
#: Seconds the tests allow one request.
TIMEOUT = 1.0
_MILLION = 1_000_000


def _answer(query: str) -> list[dict] | None:
    """The JSON results for the well-formed-but-wrong misbehaviours (None: not one of them)."""
    bad = {
        "nolat": {k: v for k, v in GOOD.items() if k != "lat"},
        "textlat": {**GOOD, "lat": "fifty"},
        "farlat": {**GOOD, "lat": "95.0"},
        "nanlon": {**GOOD, "lon": "NaN"},
        "listlat": {**GOOD, "lat": [50.45]},
        "numbername": {**GOOD, "name": 12},
        "surrogate": {**GOOD, "name": "Ky\ud800iv"},
        "stringaddress": {**GOOD, "address": "Kyiv"},
        "badpolygon": {**GOOD, "geojson": {"type": "Polygon", "coordinates": [[[30.0, "x"], [31.0]]]}},
        "flatpolygon": {**GOOD, "geojson": {"type": "Polygon", "coordinates": [30.0, 50.0]}},
        "unwritable": {**GOOD, "licence": "Data \udcff OpenStreetMap"},
    }
    if query in bad:
        return [bad[query]]
    return [GOOD] if query == "kyiv" else None


class _Hostile(BaseHTTPRequestHandler):
    calls: dict[str, int] = {}

    def do_GET(self):
        query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        q = query.get("q", "")
        type(self).calls[q] = type(self).calls.get(q, 0) + 1
        try:
            self._answer(q, type(self).calls[q])
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            pass

    def _send(self, body: bytes, *, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _answer(self, q: str, nth: int) -> None:  # noqa: C901 (one branch per misbehaviour)
        results = _answer(q)
        if results is not None:
            self._send(json.dumps(results).encode())
        elif q == "trickle":
            body = json.dumps([GOOD]).encode() * 100
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(0.05)
        elif q == "huge":
            self._send(json.dumps([{**GOOD, "pad": "x" * (3 * CAP)}]).encode())
        elif q == "bomb":
            self._send(_BOMB, headers={"Content-Encoding": "gzip"})
        elif q == "gzipped":
            self._send(gzip.compress(json.dumps([GOOD]).encode()), headers={"Content-Encoding": "gzip"})
        elif q == "million":
            self._send(_MILLION_POINTS)
        elif q == "flaky":
            if nth == 1:
                self._send(b"busy", status=500)
            else:
                self._send(json.dumps([GOOD]).encode())
        elif q == "down":
            self._send(b"down", status=503)
        elif q == "notjson":
            self._send(b"[{\"lat\": ")
        elif q == "deep":
            self._send(b"[" * 100_000 + b"]" * 100_000)
        elif q == "notalist":
            self._send(b"[1]")
        else:
            self._send(b"[]")

    def log_message(self, *args):
        pass


#: 40 MB of white space inside a JSON string, gzipped to about 40 KB.
_BOMB = gzip.compress(b'[{"lat": "1", "lon": "2", "pad": "' + b" " * (40 * CAP) + b'"}]', compresslevel=9)
#: One result whose polygon has a million points (about 12 MB of JSON).
_MILLION_POINTS = (
    b'[{"lat": "50.45", "lon": "30.52", "name": "Kyiv", "display_name": "Kyiv", "addresstype": "city", '
    b'"geojson": {"type": "Polygon", "coordinates": [[' + b"[30.5,50.4]," * (_MILLION - 1) + b"[30.5,50.4]]]}}]")


@pytest.fixture(scope="module")
def server():
    _Hostile.calls = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _geocoder(server: str, cache: Path | bool, **options) -> OnlineGeocoder:
    return OnlineGeocoder(domain=server, scheme="http", cache_dir=cache, timeout=TIMEOUT, min_delay_seconds=0.01,
                          max_bytes=CAP, **options)


@pytest.mark.parametrize(("query", "field"), [
    ("nolat", "has no 'lat'"), ("textlat", "'lat' that is no number"), ("farlat", "'lat' out of range"),
    ("nanlon", "'lon' out of range"), ("listlat", "'lat' that is no number"), ("numbername", "'name' that is not text"),
    ("surrogate", "'name' that is not valid Unicode"), ("stringaddress", "'address' that is not an object"),
    ("badpolygon", "malformed 'geojson' Polygon"), ("flatpolygon", "coordinates are not lists of rings"),
])
def test_a_malformed_answer_names_its_field_and_is_not_cached(server, tmp_path, query, field):
    online = _geocoder(server, tmp_path)
    before = _Hostile.calls.get(query, 0)
    for _ in range(2):  # the second call asks again: nothing was cached
        with pytest.raises(ProviderError, match=field):
            online.geocode(query)
    assert _Hostile.calls[query] == before + 2
    assert list(tmp_path.iterdir()) == []


def test_a_good_answer_is_cached_and_read_back(server, tmp_path):
    online = _geocoder(server, tmp_path)
    first = online.geocode("kyiv")
    asked = _Hostile.calls["kyiv"]
    again = _geocoder(server, tmp_path).geocode("kyiv")
    assert (first.name, first.lat, first.lon, first.kind) == ("Kyiv", 50.45, 30.52, PlaceKind.POPULATED_PLACE)
    assert again == first and _Hostile.calls["kyiv"] == asked


def test_a_gzipped_answer_is_read(server):
    assert _geocoder(server, False).geocode("gzipped").name == "Kyiv"


def test_a_trickling_server_is_cut_off_at_the_timeout(server):
    started = time.monotonic()
    with pytest.raises(ProviderError, match="within"):
        _geocoder(server, False).geocode("trickle")
    # the body alone would take 40 s; a deadline of TIMEOUT holds the call to a small multiple of it
    assert time.monotonic() - started < TIMEOUT * 10


def test_an_answer_over_the_cap_is_refused(server, tmp_path):
    with pytest.raises(ProviderError, match="over 1,048,576 bytes"):
        _geocoder(server, tmp_path).geocode("huge")
    assert list(tmp_path.iterdir()) == []


def test_a_gzip_bomb_is_refused_without_inflating_it(server):
    tracemalloc.start()
    try:
        with pytest.raises(ProviderError, match=r"over 1,048,576 bytes \(inflated\)"):
            _geocoder(server, False).geocode("bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * CAP  # the bomb is 40 MB inflated


def test_a_polygon_of_a_million_points_is_refused(server, tmp_path):
    online = _geocoder(server, tmp_path, max_polygon_points=100_000)
    online.geocoder.adapter.max_bytes = 16 * CAP  # let the 12 MB answer through, to reach the points cap
    # the points are counted on the parsed lists, before shapely builds anything
    # (which took 5 s and 350 MB for this answer): the message gives the count
    with pytest.raises(ProviderError, match="polygon of 1,000,000 points, over max_polygon_points=100,000"):
        online.geocode("million")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("query", "why"), [
    ("notjson", "no valid JSON"), ("deep", "no valid JSON"), ("notalist", "not a JSON object but int"),
])
def test_an_answer_that_is_no_result_list_is_a_provider_error(server, query, why):
    with pytest.raises(ProviderError, match=why):
        _geocoder(server, False).geocode(query)


def test_a_server_error_is_retried_once_in_one_line(server, caplog):
    with caplog.at_level(logging.WARNING):
        place = _geocoder(server, False).geocode("flaky")
    assert place.name == "Kyiv" and _Hostile.calls["flaky"] == 2
    warned = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1 and warned[0].exc_info is None and "trying once more" in warned[0].getMessage()


def test_a_server_that_stays_down_fails_after_one_retry(server, caplog):
    with caplog.at_level(logging.WARNING), pytest.raises(ProviderError, match="failed twice"):
        _geocoder(server, False).geocode("down")
    assert _Hostile.calls["down"] == 2
    assert all(r.exc_info is None for r in caplog.records)


@pytest.mark.parametrize("content", [
    "[1, 2]", '{"key": "other", "value": {}}', "{not json", '{"value": "text"}', "",
])
def test_a_cache_file_of_the_wrong_shape_is_ignored_with_a_warning(server, tmp_path, content):
    online = _geocoder(server, tmp_path)
    online.geocode("kyiv")
    (path,) = tmp_path.glob("*.json")
    if content == '{"key": "other", "value": {}}':
        content = json.dumps({"key": json.loads(path.read_text())["key"], "value": "text"})
    path.write_text(content, encoding="utf-8")
    asked = _Hostile.calls["kyiv"]
    with pytest.warns(UserWarning, match="ignoring the online geocoder's cache file"):
        assert online.geocode("kyiv").name == "Kyiv"
    assert _Hostile.calls["kyiv"] == asked + 1
    assert json.loads(path.read_text(encoding="utf-8"))["value"]["name"] == "Kyiv"  # rewritten whole


def test_a_cached_answer_that_fails_the_checks_is_asked_again(server, tmp_path):
    online = _geocoder(server, tmp_path)
    online.geocode("kyiv")
    (path,) = tmp_path.glob("*.json")
    entry = json.loads(path.read_text(encoding="utf-8"))
    del entry["value"]["lat"]  # as an older version cached it
    path.write_text(json.dumps(entry), encoding="utf-8")
    with pytest.warns(UserWarning, match="has no 'lat'"):
        assert online.geocode("kyiv").lat == 50.45


def test_a_failed_cache_write_leaves_no_temporary_file(server, tmp_path):
    with pytest.warns(UserWarning, match="could not cache"):
        place = _geocoder(server, tmp_path).geocode("unwritable")
    assert place.name == "Kyiv"
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_of_killed_writes_are_swept(tmp_path):
    old, fresh = tmp_path / ".geoconflict-old.tmp", tmp_path / ".geoconflict-new.tmp"
    mine = tmp_path / "notes.tmp"
    for f in (old, fresh, mine):
        f.write_text("{", encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    os.utime(mine, (hours_ago, hours_ago))
    _DiskCache(tmp_path, max_bytes=CAP)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".geoconflict-new.tmp", "notes.tmp"]


def test_the_cache_sweeps_what_replacing_left_and_writes_through_it(tmp_path):
    """Cache writes go through _files.replacing; its temporaries left by a killed process are swept when old."""
    from geoconflict._files import temporary_for

    cache = _DiskCache(tmp_path, max_bytes=CAP)
    cache.set("kyiv", {"lat": "50.45"})
    (written,) = tmp_path.iterdir()
    old, fresh = temporary_for(written), temporary_for(written)
    for f in (old, fresh):
        f.write_text("{", encoding="utf-8")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    _DiskCache(tmp_path, max_bytes=CAP)
    assert sorted(tmp_path.iterdir()) == sorted([written, fresh])
    assert cache.get("kyiv") == {"lat": "50.45"}
