"""Fixtures shared across test folders: Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)  # fmt: skip

Launch = Callable[..., AbstractContextManager[Any]]


@pytest.fixture(scope="session")
def chromium() -> Launch:
    """`with chromium(extra_args) as browser:` a headless Chromium; the browser tests fail,
    never skip, when it is missing (`make test` installs it)."""
    playwright_api = pytest.importorskip("playwright.sync_api")

    @contextmanager
    def launch(extra_args: tuple[str, ...] = ()) -> Iterator[Any]:
        if not CHROMIUM.exists():
            pytest.fail(f"{CHROMIUM} is missing: install it with 'apt-get install chromium'")
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args], headless=True
            )
            yield browser
            browser.close()

    return launch
