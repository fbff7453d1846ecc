"""The npm asset cache: tarballs checked against pinned hashes, and a bounded wait without a network."""

from __future__ import annotations

import shutil
import socket
import time

import pytest

from geoconflict.errors import ProviderError
from geoconflict.maps.assets import (
    PINNED_INTEGRITY,
    AssetError,
    NpmFile,
    fetch_assets,
    integrity,
    read_file,
    tarball_path,
)

LEAFLET = NpmFile("leaflet", "1.9.3", "dist/leaflet.js")

#: Seconds ``npm pack`` may take to give up when the registry cannot be reached.
NO_NETWORK_BOUND_S = 45


@pytest.fixture(scope="module")
def cached():
    return fetch_assets()


def test_cached_tarballs_are_the_registrys(cached):
    for spec, expected in PINNED_INTEGRITY.items():
        name, _, version = spec.rpartition("@")
        path = cached / NpmFile(name, version, "package.json").tarball
        if path.is_file():
            assert integrity(path) == expected, spec
    assert read_file(LEAFLET, fetch=False, directory=cached).startswith(b"/*")


def test_a_tampered_tarball_is_refused(cached, tmp_path):
    shutil.copy(cached / LEAFLET.tarball, tmp_path / LEAFLET.tarball)
    with (tmp_path / LEAFLET.tarball).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(AssetError, match=r"is not npm package leaflet@1\.9\.3 as the registry publishes it"):
        read_file(LEAFLET, fetch=False, directory=tmp_path)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_without_a_network_npm_gives_up_in_bounded_time(tmp_path, monkeypatch):
    if shutil.which("npm") is None:
        pytest.fail("npm is needed for this test (the asset cache fetches with `npm pack`)", pytrace=False)
    monkeypatch.setenv("npm_config_registry", f"http://127.0.0.1:{_closed_port()}/")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))
    monkeypatch.setenv("npm_config_offline", "false")
    start = time.monotonic()
    with pytest.raises(ProviderError, match=r"leaflet-1\.9\.3\.tgz .* could not be fetched"):
        tarball_path(LEAFLET, fetch=True, directory=tmp_path / "empty")
    assert time.monotonic() - start < NO_NETWORK_BOUND_S
    assert not list((tmp_path / "empty").glob("*.tgz"))
