"""The console script as a user runs it: a real subprocess."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geoconflict", *args], capture_output=True, text=True, timeout=120
    )


def test_version_and_help():
    from importlib.metadata import version

    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"geoconflict, version {version('geoconflict')}"
    help_text = run("--help").stdout
    assert "Accurate, sourced, layered maps" in help_text
