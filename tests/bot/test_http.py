"""The Bot API client (bot/http.py): proxies from the environment, as PTB's own client does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot

from bot.http import AiohttpRequest
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.loopback import serve_on_loopback

CHAT = 5_300_001


@asynccontextmanager
async def forwarding_proxy(seen: list[str]) -> AsyncIterator[str]:
    """A plain HTTP proxy on loopback: note each absolute URL asked for, then fetch it."""

    async def forward(request: web.Request) -> web.Response:
        seen.append(str(request.url))
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method,
                request.url,
                data=await request.read(),
                headers={"Content-Type": request.headers.get("Content-Type", "")},
            ) as response,
        ):
            return web.Response(
                status=response.status,
                body=await response.read(),
                content_type=response.content_type,
            )

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", forward)
    async with serve_on_loopback(app) as url:
        yield url


async def _send(fake: FakeBotApi) -> None:
    bot = Bot(fake.token, base_url=fake.base_url, request=AiohttpRequest())
    async with bot:
        await bot.send_message(CHAT, "سلام")


@pytest.mark.parametrize("bypass", [False, True], ids=["through-proxy", "no-proxy"])
async def test_the_bot_api_is_reached_through_the_environments_proxy(
    monkeypatch: pytest.MonkeyPatch, bypass: bool
) -> None:
    seen: list[str] = []
    async with FakeBotApi() as fake, forwarding_proxy(seen) as proxy:
        for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy)
        if bypass:
            monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        await _send(fake)
        assert [m["text"] for m in fake.sent(CHAT)] == ["سلام"]
    if bypass:
        assert seen == []
    else:
        assert any(url.endswith("/sendMessage") for url in seen), seen
