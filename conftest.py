"""Pytest set-up for the whole repository: doctests run in the repository root, whatever the working directory.

Docstring examples name files as a user in a checkout would
(``read_report("seeds/000_84a8b2256f18f56d.txt")``), relative to the
repository root. So that ``cd /tmp && python -m pytest /path/to/geoconflict``
passes as well as a run from the root, every doctest item runs with the root
as its working directory (restored afterwards). Test modules name their files
from ``__file__`` and need nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctests_run_in_the_repository_root(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(ROOT)
