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


def test_public_functions_stay_functions_after_their_modules_are_imported():
    """A submodule named like a public function would replace it on import (gc.extract -> module)."""
    code = (
        "import importlib, pkgutil, geoconflict as gc\n"
        "for m in pkgutil.iter_modules(gc.__path__):\n    if m.name != '__main__': importlib.import_module('geoconflict.' + m.name)\n"
        "bad = [n for n in gc.__all__ if n != '__version__' and type(getattr(gc, n)).__name__ == 'module']\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
