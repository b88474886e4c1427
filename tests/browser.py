"""Debian's Chromium for the browser tests (Playwright's own download cannot work here)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import Browser, async_playwright

from tests.conftest import need

CHROMIUM = "/usr/bin/chromium"
# Screenshots for docs/ are refreshed only on request, so a test run leaves the tree clean:
# SHAFAF_SCREENSHOTS=docs .venv/bin/pytest tests/…/test_browser.py
SHOTS = os.environ.get("SHAFAF_SCREENSHOTS")
DOCS = Path(SHOTS).resolve() if SHOTS else None


def need_chromium() -> None:
    """Skip (or fail under CI) when Debian's chromium is not installed."""
    need(
        os.path.exists(CHROMIUM),
        "browser tests need Debian's chromium",
        "install it: apt-get install chromium",
    )


@asynccontextmanager
async def launch_chromium() -> AsyncIterator[Browser]:
    """Run one headless Chromium for a test."""
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield chromium
        finally:
            await chromium.close()
