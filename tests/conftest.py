"""Fixtures shared by the test modules.

The ``slow`` marker (registered in ``setup.cfg``) tags the tests that take
several seconds each; CI runs them, and ``python -m pytest -m "not slow"``
leaves them out while developing.
"""

from __future__ import annotations

import pytest

from geoconflict.gazetteer.index import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The default offline gazetteer (shipped data, no network), loaded once per session."""
    return Gazetteer.default()


@pytest.fixture(scope="session")
def gaz(gazetteer: Gazetteer) -> Gazetteer:
    """The same gazetteer, under the short name the gazetteer tests use."""
    return gazetteer
