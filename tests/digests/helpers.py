"""Shared helpers of the digest tests: bulk subscribers, an engine aimed at the fake Bot API."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, insert, select
from telegram import Bot

from backend.clock import utcnow
from backend.models import Delivery, Subscription
from backend.services.base import SessionFactory
from backend.services.broadcasts import BroadcastService
from bot.broadcast import BroadcastEngine, DigestSource
from bot.callbacks import CallbackCodec
from bot.http import AiohttpRequest
from bot.platforms import Platform
from bot.render import Renderer
from tests.fakes.bot_api import FakeBotApi

FIRST_CHAT = 500_000


async def add_subscribers(
    sessions: SessionFactory,
    count: int,
    *,
    first_chat: int = FIRST_CHAT,
    frequency: str = "weekly",
    platform: str = "telegram",
    topics: dict[str, list[str]] | None = None,
    municipality: str | None = None,
) -> list[int]:
    """Insert `count` active subscriptions in one statement; return their chat ids."""
    now = utcnow()
    chats = list(range(first_chat, first_chat + count))
    rows: list[dict[str, Any]] = [
        {
            "platform": platform,
            "chat_id": chat,
            "frequency": frequency,
            "municipality": municipality,
            "topics": topics or {},
            "active": True,
            "created_at": now,
            "updated_at": now,
        }
        for chat in chats
    ]
    async with sessions() as session, session.begin():
        for start in range(0, len(rows), 5000):
            await session.execute(insert(Subscription), rows[start : start + 5000])
    return chats


def fake_bot(fake: FakeBotApi, *, read_timeout: float = 5.0, pool_size: int = 16) -> Bot:
    """A Bot on the engine's aiohttp request, aimed at the fake server."""
    return Bot(
        fake.token,
        base_url=fake.base_url,
        base_file_url=fake.file_url,
        request=AiohttpRequest(pool_size=pool_size, read_timeout=read_timeout),
    )


def telegram_platform(fake: FakeBotApi) -> Platform:
    """The Telegram platform pointed at the fake."""
    return Platform("telegram", fake.base_url, fake.file_url, html=True, secret_in_header=True)


def make_engine(
    bot: Bot,
    sessions: SessionFactory,
    fake: FakeBotApi,
    *,
    rate: float | None = None,
    workers: int = 8,
    **options: Any,
) -> BroadcastEngine:
    """A digest engine for tests (fast backoff unless told otherwise)."""
    source = DigestSource(
        BroadcastService(sessions), "telegram", Renderer(telegram_platform(fake), CallbackCodec())
    )
    options.setdefault("backoff_base", 0.05)
    return BroadcastEngine(bot, source, rate=rate, workers=workers, **options)


def messages_per_chat(fake: FakeBotApi) -> Counter[int]:
    """Count the digests each chat received (a photo, or a text when there is no photo)."""
    counts: Counter[int] = Counter()
    for message in fake.sent():
        if message["method"] in ("sendPhoto", "sendMessage"):
            counts[int(message["chat"]["id"])] += 1
    return counts


async def status_counts(sessions: SessionFactory) -> dict[str, int]:
    """Count deliveries by status."""
    async with sessions() as session:
        rows = await session.execute(
            select(Delivery.status, func.count()).group_by(Delivery.status)
        )
        return {status: int(n) for status, n in rows}
