"""Online geocoding against a real Nominatim-style HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geoconflict.errors import PlaceNotFoundError, ProviderError
from geoconflict.gazetteer.online import OnlineGeocoder
from geoconflict.model import PlaceKind

SUDZHA_DISTRICT = {
    "place_id": 1, "osm_type": "relation", "osm_id": 1, "lat": "51.19", "lon": "35.27",
    "name": "Суджанский район", "display_name": "Суджанский район, Курская область, Россия",
    "class": "boundary", "type": "administrative", "addresstype": "county",
    "address": {"county": "Суджанский район", "state": "Курская область", "country": "Россия", "country_code": "ru"},
    "geojson": {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.5, 51.0], [35.5, 51.4], [35.0, 51.4], [35.0, 51.0]]]},
}


class _Nominatim(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).requests.append({"path": url.path, **query})
        if url.path != "/search":
            self.send_response(404)
            self.end_headers()
            return
        if query.get("q") == "boom":
            self.send_response(500)
            self.end_headers()
            return
        body = [SUDZHA_DISTRICT] if query.get("q", "").lower().startswith("sudzh") else []
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def online(server, tmp_path):
    _Nominatim.requests.clear()
    return OnlineGeocoder(domain=server, scheme="http", cache_dir=tmp_path, min_delay_seconds=0.0, timeout=5)


def test_polygon_from_nominatim(online):
    place = online.geocode("Sudzhansky district", country="RU")
    assert place.kind is PlaceKind.ADMIN2
    assert place.country_code == "RU" and place.admin1 == "Курская область"
    assert place.geometry is not None and place.geometry.geom_type == "Polygon"
    assert place.geometry.contains(place.point)
    assert place.source.startswith("nominatim@127.0.0.1")
    (req,) = _Nominatim.requests
    assert req["path"] == "/search" and req["q"] == "Sudzhansky district"
    assert req["polygon_geojson"] == "1" and req["countrycodes"] == "ru" and req["format"] == "json"


def test_answers_are_cached_on_disk(online, server, tmp_path):
    first = online.geocode("Sudzha district")
    again = OnlineGeocoder(domain=server, scheme="http", cache_dir=tmp_path, min_delay_seconds=0.0)
    second = again.geocode("Sudzha district")
    assert first == second
    assert len(_Nominatim.requests) == 1
    assert list(tmp_path.glob("*.json"))


def test_not_found_and_errors(online):
    with pytest.raises(PlaceNotFoundError):
        online.geocode("Atlantis")
    with pytest.raises(ProviderError):
        online.geocode("boom")
    with pytest.raises(ValueError):
        online.geocode("  ")


def test_unreachable_service_is_a_provider_error(tmp_path):
    dead = OnlineGeocoder(domain="127.0.0.1:9", scheme="http", cache_dir=tmp_path, min_delay_seconds=0.0, timeout=1)
    with pytest.raises(ProviderError):
        dead.geocode("Sudzha")
