"""Helpers for the browser tests: Debian's Chromium driven by Playwright.

The browser is ``/usr/bin/chromium`` from Debian (``tests/install_chromium.sh``
installs it); Playwright never downloads one. Tests that need it fail, never
skip, when it is missing.

Every page is opened with every request that is not a local file aborted, and
each attempt recorded, so a test can assert that a page fetched nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    f"{CHROMIUM} is missing: run `bash tests/install_chromium.sh` "
    "(installs Debian's chromium with apt-get) and run the tests again"
)
ARTIFACTS = Path(__file__).parent / "artifacts"


def launch_chromium(playwright):
    """Start headless Debian Chromium, or fail the test with how to install it."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(INSTALL_HINT, pytrace=False)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@dataclass
class PageLog:
    """What a page tried to do: blocked requests, console errors, uncaught errors."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"the page tried to reach the network: {self.blocked[:5]}"
        assert self.page_errors == [], f"uncaught errors: {self.page_errors[:5]}"
        assert self.console_errors == [], f"console errors: {self.console_errors[:5]}"
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs[:5]}"


def open_offline(browser, path: Path, *, width: int = 1280, height: int = 800, timeout_ms: int = 30_000):
    """Open a local HTML file with every non-file request aborted.

    Returns ``(page, log)``; the page has loaded (``load`` event) when returned.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    log = PageLog()

    def route(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and log.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))

    def dialog(d):
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
    return page, log
