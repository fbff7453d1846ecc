"""Fixtures shared by the test modules.

Supplements installed on this machine (``geoconflict gazetteer add``) are
not loaded: ``GEOCONFLICT_NO_SUPPLEMENTS`` is set for the whole session.

The ``slow`` marker (registered in ``setup.cfg``) tags the tests that take
several seconds each; CI runs them, and ``python -m pytest -m "not slow"``
leaves them out while developing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from geoconflict.gazetteer.index import Gazetteer
from geoconflict.gazetteer.supplements import IGNORE_ENV

# the tests measure the embedded gazetteer: places a developer added on this machine stay out
# (tests/test_supplements.py loads supplements from its own data directories)
os.environ.setdefault(IGNORE_ENV, "1")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The default offline gazetteer (shipped data, no network), loaded once per session."""
    return Gazetteer.default()


@pytest.fixture(scope="session")
def gaz(gazetteer: Gazetteer) -> Gazetteer:
    """The same gazetteer, under the short name the gazetteer tests use."""
    return gazetteer


@pytest.fixture(scope="module")
def chromium():
    """Debian's headless Chromium through Playwright, with the offline asset cache filled (see tests/browser.py)."""
    from playwright.sync_api import sync_playwright

    from geoconflict.maps.offline import fetch_assets
    from tests.browser import launch_chromium

    fetch_assets()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def build():
    """The gazetteer's build script, ``tools/build_gazetteer.py``, as a module (a tool, not part of the package)."""
    script = Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module
