"""Paid broadcasts (SHAFAF_PAID_BROADCAST=1): the flag reaches the Bot API, the pace follows it.

The pace is checked in virtual time: the engine's token bucket gets a clock that moves only
when the bucket sleeps, so "N calls took (N-1)/rate seconds" is exact, whatever the machine.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import jdatetime
import pytest

from backend.config import PAID_SEND_RATE
from backend.digests import plan_digest
from bot.broadcast import MAX_WORKERS, TokenBucket, digest_engine, send_digest_now
from shafaf.runtime import open_runtime
from tests.conftest import make_settings
from tests.digests.helpers import add_subscribers, fake_bot, messages_per_chat
from tests.fakes.bot_api import FakeBotApi

TODAY = jdatetime.date(1405, 9, 8)
SUBSCRIBERS = 120
SEND_METHODS = ("sendPhoto", "sendMessage")


class VirtualTime:
    """A clock that advances only when the bucket sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        # At least a nanosecond: a remainder of 1e-17 s added to 4.8 s would be lost to
        # rounding, and the bucket would wait for it forever.
        self.now += max(seconds, 1e-9)
        await asyncio.sleep(0)  # still let the other workers run


def _settings(url: str, fake: FakeBotApi, **overrides: Any) -> Any:
    return make_settings(
        url,
        bot_token=fake.token,
        platform=fake.platform,
        bot_api_url=fake.base_url,
        bot_file_url=fake.file_url,
        **overrides,
    )


def _sends(fake: FakeBotApi) -> list[Any]:
    return [c for c in fake.requests if c.method in SEND_METHODS]


def _flag(call: Any) -> object:
    """Read `allow_paid_broadcast` as the Bot API does (PTB may send it JSON-encoded: "true")."""
    value = call.params.get("allow_paid_broadcast")
    return json.loads(value) if isinstance(value, str) else value


async def test_digest_send_passes_allow_paid_broadcast(sample_db_url: str) -> None:
    async with FakeBotApi() as fake:
        settings = _settings(sample_db_url, fake, paid_broadcast=True)
        async with open_runtime(settings, migrate=False) as runtime:
            chats = await add_subscribers(runtime.services.sessions, SUBSCRIBERS)
            bot = fake_bot(fake)
            try:
                _plan, stats = await send_digest_now(runtime, "weekly", bot)  # `digest send`
            finally:
                await bot.request.shutdown()
        assert stats is not None and stats.sent == SUBSCRIBERS
        assert set(messages_per_chat(fake)) == set(chats)
        calls = _sends(fake)
        assert calls and all(_flag(c) is True for c in calls)


@pytest.mark.parametrize(
    ("paid", "rate"), [(True, PAID_SEND_RATE), (False, 25.0)], ids=["paid", "free"]
)
async def test_pace_follows_the_paid_limit(sample_db_url: str, paid: bool, rate: float) -> None:
    async with FakeBotApi() as fake:
        settings = _settings(sample_db_url, fake, paid_broadcast=paid)
        async with open_runtime(settings, migrate=False) as runtime:
            sessions = runtime.services.sessions
            await add_subscribers(sessions, SUBSCRIBERS)
            await plan_digest(sessions, "weekly", "weekly:paid", TODAY)
            bot = fake_bot(fake)
            engine = digest_engine(bot, sessions, settings)
            assert engine.bucket.rate == rate
            assert engine.workers == (min(MAX_WORKERS, 100) if paid else 8)
            time = VirtualTime()
            engine.bucket = TokenBucket(rate, clock=time.clock, sleep=time.sleep)
            try:
                stats = await engine.drain()
            finally:
                await bot.request.shutdown()
    assert stats.sent == SUBSCRIBERS
    calls = stats.api_calls
    assert calls >= SUBSCRIBERS
    # Every call waited its turn in the bucket: N calls span (N-1)/rate seconds of pace.
    assert time.now == pytest.approx((calls - 1) / rate, rel=1e-6)
    if paid:
        assert calls / time.now > 30 * 10  # far beyond Telegram's free ~30/s
    flags = {_flag(c) for c in _sends(fake)}
    assert flags == ({True} if paid else {None})


async def test_an_explicit_send_rate_still_rules_a_paid_broadcast(sample_db_url: str) -> None:
    async with FakeBotApi() as fake:
        settings = _settings(sample_db_url, fake, paid_broadcast=True, send_rate=300)
        bot = fake_bot(fake)
        async with open_runtime(settings, migrate=False) as runtime:
            engine = digest_engine(bot, runtime.services.sessions, settings)
        await bot.request.shutdown()
    assert engine.bucket.rate == 300 and engine.paid_broadcast
    assert engine.workers == 30


async def test_bale_ignores_paid_broadcast(sample_db_url: str) -> None:
    async with FakeBotApi(platform="bale") as fake:
        settings = _settings(sample_db_url, fake, paid_broadcast=True)
        async with open_runtime(settings, migrate=False) as runtime:
            await add_subscribers(runtime.services.sessions, 10, platform="bale")
            bot = fake_bot(fake)
            try:
                _plan, stats = await send_digest_now(runtime, "weekly", bot)
            finally:
                await bot.request.shutdown()
    assert stats is not None and stats.sent == 10
    assert all("allow_paid_broadcast" not in c.params for c in _sends(fake))
    assert any("ignored on bale" in note for note in settings.startup_warnings())
