"""Run the real bot Application over HTTP against the local FakeBotApi.

`bot_harness(...)` opens a runtime over a test database, starts the fake Bot API and the bot in
polling or webhook mode (the webhook served by the same aiohttp app as the public API, as in
`shafaf run`), and offers `roundtrip(update)`: feed one update and return what the bot sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web

from backend.config import Settings
from bot.app import deps_of
from bot.runner import BotRunner
from shafaf.runtime import Runtime, create_web_app, open_runtime
from tests.conftest import make_settings
from tests.fakes.bot_api import FakeBotApi

Json = dict[str, Any]
STAFF_CHAT = 900_001
SETTLE_SECONDS = 0.15
# Bale delivers webhooks only to ports 443 and 88: the bot registers this public address, and the
# fake Bot API forwards it to the local test server, as a reverse proxy would.
BALE_PUBLIC_BASE = "https://shafaf-bot.example:88"


@dataclass
class BotHarness:
    """A started bot, its fake Bot API and the runtime under it."""

    fake: FakeBotApi
    runner: BotRunner
    runtime: Runtime
    settings: Settings
    mode: str
    site_url: str | None = None

    @property
    def deps(self):  # type: ignore[no-untyped-def]
        return deps_of(self.runner.application)

    async def feed(self, update: Json) -> int | None:
        """Deliver one update the way the mode does; return the webhook's HTTP status."""
        if self.mode == "webhook":
            return await self.fake.post_webhook(update)
        self.fake.push_update(update)
        return None

    async def roundtrip(
        self,
        update: Json,
        chat_id: int | None = None,
        expect: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109
        settle: float = SETTLE_SECONDS,
    ) -> list[Json]:
        """Feed an update and return the `expect` (or more) messages it caused in the chat."""
        chat = chat_id if chat_id is not None else _chat_of(update)
        before = len(self.fake.sent(chat))
        await self.feed(update)
        found = await self.fake.wait_sent(chat, before + expect, timeout=timeout)
        await self.settle(settle)
        return self.fake.sent(chat)[before:] if found else []

    async def settle(self, seconds: float = SETTLE_SECONDS) -> None:
        """Give the bot a moment to send anything more (to check "exactly one reply")."""
        await asyncio.sleep(seconds)


def _chat_of(update: Json) -> int:
    for key in ("message", "edited_message", "channel_post"):
        if key in update:
            return int(update[key]["chat"]["id"])
    return int(update["callback_query"]["message"]["chat"]["id"])


@asynccontextmanager
async def bot_harness(
    db_url: str,
    *,
    platform: str = "telegram",
    mode: str = "polling",
    staff: str = str(STAFF_CHAT),
    **overrides: Any,
) -> AsyncIterator[BotHarness]:
    """Start the fake Bot API, a runtime over `db_url` and the bot; stop all afterwards."""
    async with FakeBotApi(platform=platform) as fake:
        settings = make_settings(
            db_url,
            bot_token=fake.token,
            platform=platform,
            bot_api_url=fake.base_url,
            bot_file_url=fake.file_url,
            staff_chat_ids=staff,
            webhook_url=_first_webhook_url(platform) if mode == "webhook" else None,
            **overrides,
        )
        async with open_runtime(settings, migrate=False) as runtime:
            runner = BotRunner(settings, runtime.services, runtime.asker)
            site_runner: web.AppRunner | None = None
            site_url = None
            if mode == "webhook":
                app = create_web_app(runtime)
                runner.attach(app)
                site_runner = web.AppRunner(app, access_log=None)
                await site_runner.setup()
                site = web.TCPSite(site_runner, "127.0.0.1", 0)
                await site.start()
                port = site_runner.addresses[0][1]
                site_url = f"http://127.0.0.1:{port}"
                if platform == "bale":
                    fake.forward_webhooks(BALE_PUBLIC_BASE, site_url)
                else:
                    # The public URL is only known now; the runner reads it when it starts.
                    runner.settings = settings.model_copy(
                        update={"webhook_url": f"{site_url}/bot/webhook"}
                    )
            try:
                await runner.start()
                yield BotHarness(fake, runner, runtime, runner.settings, mode, site_url)
            finally:
                await runner.stop()
                if site_runner is not None:
                    await site_runner.cleanup()


def _first_webhook_url(platform: str) -> str:
    if platform == "bale":
        return f"{BALE_PUBLIC_BASE}/bot/webhook"
    return "http://127.0.0.1:1/bot/webhook"  # replaced once the local server has its port


@pytest.fixture
async def bot(sample_db_url: str) -> AsyncIterator[BotHarness]:
    """The Telegram bot in polling mode over a fresh sample database."""
    async with bot_harness(sample_db_url) as harness:
        yield harness
