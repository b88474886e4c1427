"""Serve the bot's webhook from the same aiohttp app (and event loop) as the public API.

A request whose secret does not match (Telegram: the `X-Telegram-Bot-Api-Secret-Token` header;
Bale: the last path segment) is answered 403 before its body is even read, so nothing of it is
processed. Valid updates are queued for the Application, which answers them as it would in
polling mode; the HTTP answer does not wait for that (Telegram only needs a fast 200). An update
python-telegram-bot cannot parse as delivered (Bale's shapes, forged bodies) is mended by
`bot.inbound` rather than refused, so it is never re-delivered in a loop.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict

from aiohttp import web

from bot.context import ShafafApp
from bot.inbound import read_update
from bot.platforms import TELEGRAM_SECRET_HEADER, WEBHOOK_PATH, Platform

log = logging.getLogger("shafaf.bot.webhook")
MAX_UPDATE_BYTES = 1024 * 1024
# Telegram re-posts an update when our 200 came too late; remember recent ids to answer once.
RECENT_UPDATE_IDS = 10_000


class RecentIds:
    """A bounded memory of update ids already queued (oldest forgotten first)."""

    def __init__(self, size: int = RECENT_UPDATE_IDS) -> None:
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._size = size

    def first_time(self, update_id: int) -> bool:
        """Record `update_id`; return False when it was already seen."""
        if update_id in self._seen:
            return False
        self._seen[update_id] = None
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True


def add_webhook_routes(
    app: web.Application, application: ShafafApp, platform: Platform, secret: str
) -> None:
    """Add POST /bot/webhook and /bot/webhook/{secret} to an aiohttp app (before it starts)."""
    recent = RecentIds()

    async def handle(request: web.Request) -> web.Response:
        header = request.headers.get(TELEGRAM_SECRET_HEADER)
        if not platform.secret_ok(header, request.match_info.get("secret"), secret):
            return web.Response(status=403, text="forbidden")
        if request.content_length is not None and request.content_length > MAX_UPDATE_BYTES:
            return web.Response(status=413, text="too large")
        try:
            data = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="bad json")
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return web.Response(status=400, text="not an update")
        # Never a 400 for an update PTB cannot parse: the platform would deliver it again and
        # again; a mended (or bare) update is confirmed and answered as far as it can be.
        update = read_update(data, application.bot)
        if not recent.first_time(update.update_id):
            log.info("webhook: update %s delivered again; answered once", update.update_id)
            return web.Response(text="ok")
        await application.update_queue.put(update)
        return web.Response(text="ok")

    # Both shapes on both platforms, so a missing secret is a clear 403 rather than a 404.
    app.router.add_post(WEBHOOK_PATH, handle)
    app.router.add_post(WEBHOOK_PATH + "/{secret}", handle)
