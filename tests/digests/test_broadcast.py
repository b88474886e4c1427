"""The broadcast engine against the local Bot API with faults: 429s, 5xx, timeouts, dropped
connections, blocked and deleted chats; pacing; a SIGKILL mid-run; one sender among two."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import jdatetime
from sqlalchemy import func, select

from backend.digests import plan_digest, queue_report_digest
from backend.models import Delivery, Subscription
from backend.services.base import SessionFactory
from backend.services.broadcasts import BroadcastService
from bot.broadcast import DigestRunner, DigestSource, TokenBucket
from bot.callbacks import CallbackCodec
from bot.platforms import Platform
from bot.render import Renderer
from shafaf.runtime import Runtime, open_runtime
from tests.conftest import make_settings
from tests.digests.helpers import (
    add_subscribers,
    fake_bot,
    make_engine,
    messages_per_chat,
    status_counts,
)
from tests.fakes.bot_api import FakeBotApi

REPO = Path(__file__).resolve().parents[2]
TODAY = jdatetime.date(1405, 9, 8)
DIGEST_METHODS = ("sendPhoto", "sendMessage")


async def active_chats(sessions: SessionFactory) -> set[int]:
    async with sessions() as session:
        return set(
            await session.scalars(select(Subscription.chat_id).where(Subscription.active.is_(True)))
        )


async def test_2000_subscribers_through_every_fault_get_one_digest_each(
    sample_runtime: Runtime,
) -> None:
    sessions = sample_runtime.services.sessions
    chats = await add_subscribers(sessions, 2000)
    blocked = set(chats[7::40][:50])
    plan = await plan_digest(sessions, "weekly", "weekly:load", TODAY)
    assert plan.pending == 2000
    timeouts = 3
    async with FakeBotApi() as fake:
        for chat in blocked:
            fake.block_chat(chat)
        fake.fail_next(
            "sendPhoto", status=429, description="Too Many Requests: retry after 1", retry_after=1
        )
        fake.fail_next("sendPhoto", status=500, description="Internal Server Error", times=5)
        fake.fail_next("sendPhoto", status=502, description="Bad Gateway", times=5)
        fake.drop_connection_next("sendPhoto", times=5)

        async def more_faults() -> None:  # and more in the middle of the run
            # Counted, not timed: the run must still be going when each fault is injected.
            await fake.wait_sent(count=300, timeout=60)
            fake.fail_next("sendPhoto", status=429, description="Too Many Requests", retry_after=1)
            fake.fail_next("sendPhoto", status=503, description="Service Unavailable", times=5)
            fake.drop_connection_next("sendPhoto", times=5)
            # Only once those are taken: a held request takes the next error fault when it
            # wakes, after our side gave up on it, which would hide that fault from the sender.
            await fake.wait_faults_taken(timeout=60)
            # held past our 0.4 s read timeout, then delivered anyway by the server
            fake.delay_next("sendPhoto", seconds=1.0, times=timeouts)

        injector = asyncio.create_task(more_faults())
        bot = fake_bot(fake, read_timeout=0.4)
        try:
            stats = await make_engine(bot, sessions, fake, rate=2000, workers=16).drain()
        finally:
            await bot.request.shutdown()
            injector.cancel()
        counts = messages_per_chat(fake)
        statuses = [c.status for c in fake.calls("sendPhoto")]
    assert stats.rate_limited == 2
    assert stats.retries >= 5 + 5 + 5 + timeouts + 5 + 5
    assert statuses.count(429) == 2 and statuses.count(403) == len(blocked)
    assert statuses.count(500) == 5 and statuses.count(503) == 5
    active = set(chats) - blocked
    assert set(counts) == active  # every active subscriber got the digest; no blocked one did
    # Exactly once, except a request that timed out on our side after the server had already
    # delivered it: that one is re-sent (at-least-once), so at most `timeouts` extra messages.
    extra = sum(n - 1 for n in counts.values())
    assert extra <= timeouts
    assert sum(n == 1 for n in counts.values()) >= len(active) - timeouts
    assert await active_chats(sessions) == active  # 403 → the subscription is stopped
    assert await status_counts(sessions) == {"sent": len(active), "failed": len(blocked)}
    progress = await BroadcastService(sessions).progress(plan.digest_id)
    assert (progress.sent, progress.failed, progress.pending, progress.done) == (
        len(active),
        len(blocked),
        0,
        True,
    )


async def test_deleted_chat_is_skipped_and_bad_content_fails(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    gone, ok = await add_subscribers(sessions, 2)
    await plan_digest(sessions, "weekly", "weekly:gone", TODAY)
    async with FakeBotApi() as fake:
        fake.fail_next(
            "sendPhoto", status=400, description="Bad Request: chat not found", chat_id=gone
        )
        bot = fake_bot(fake)
        try:
            stats = await make_engine(bot, sessions, fake).drain()
        finally:
            await bot.request.shutdown()
        assert set(messages_per_chat(fake)) == {ok}
    assert (stats.sent, stats.skipped, stats.failed) == (1, 1, 0)
    assert await active_chats(sessions) == {gone, ok}  # skipped, not unsubscribed


async def test_a_429_pauses_the_whole_pipeline(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    await add_subscribers(sessions, 60)
    await plan_digest(sessions, "weekly", "weekly:pause", TODAY)
    async with FakeBotApi() as fake:
        fake.delay_next("sendPhoto", seconds=0.3)  # first upload: let other workers queue up
        bot = fake_bot(fake)
        engine = make_engine(bot, sessions, fake, workers=8)

        async def throttle() -> None:
            await fake.wait_sent(count=20, timeout=30)
            fake.fail_next("sendPhoto", status=429, description="Too Many Requests", retry_after=1)

        injector = asyncio.create_task(throttle())
        try:
            await engine.drain()
        finally:
            await bot.request.shutdown()
            await injector
        calls = fake.calls("sendPhoto")
        refused = next(c for c in calls if c.status == 429)
        during = [c for c in calls if refused.time + 0.15 < c.time < refused.time + 0.95]
        assert during == []  # nobody sent while the platform asked us to wait
        assert len(messages_per_chat(fake)) == 60


async def test_pacing_keeps_to_the_send_rate(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    await add_subscribers(sessions, 60)
    await plan_digest(sessions, "weekly", "weekly:pace", TODAY)
    async with FakeBotApi() as fake:
        bot = fake_bot(fake)
        started = time.monotonic()
        try:
            await make_engine(bot, sessions, fake, rate=40, workers=8).drain()
        finally:
            await bot.request.shutdown()
        elapsed = time.monotonic() - started
        times = sorted(c.time for c in fake.calls("sendPhoto"))
    assert len(times) == 60
    assert elapsed >= 59 / 40 * 0.9
    # no one-second window holds more than the rate (plus the bucket's small burst)
    assert max(sum(t <= s < t + 1.0 for s in times) for t in times) <= 40 + 8


async def test_token_bucket_rate_and_pause() -> None:
    now = [0.0]
    bucket = TokenBucket(10, clock=lambda: now[0])
    await bucket.acquire()  # one token to start with
    assert not bucket.paused
    bucket.pause(2.0)
    assert bucket.paused
    now[0] = 2.5
    await bucket.acquire()
    assert TokenBucket(None).capacity >= 1


def test_long_digest_is_a_photo_then_the_text(sample_runtime: Runtime) -> None:
    platform = Platform(
        "telegram", "http://x/bot", "http://x/file/bot", html=True, secret_in_header=True
    )
    source = DigestSource(
        BroadcastService(sample_runtime.services.sessions),
        "telegram",
        Renderer(platform, CallbackCodec()),
    )
    reply = {
        "intent": "digest",
        "sample": False,
        "chart": None,
        "blocks": [
            {"kind": "title", "text": "خلاصه", "items": [], "label": ""},
            {"kind": "list", "text": "", "items": ["بند " * 60] * 8, "label": ""},
        ],
        "actions": [[{"label": "لغو", "kind": "unsubscribe", "payload": ""}]],
    }
    parts = source.render(reply, chart_id=7)
    assert [p.kind for p in parts] == ["photo", "text"]
    assert parts[0].message is None and parts[0].chart_id == 7
    assert parts[1].message is not None and parts[1].message.reply_markup is not None
    short = dict(reply, blocks=reply["blocks"][:1])
    [photo] = source.render(short, chart_id=7)
    assert photo.message is not None and photo.message.text.startswith("<b>")


async def test_sigkill_mid_run_loses_nothing_and_duplicates_stay_in_the_window(
    sample_db_url: str,
) -> None:
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        sessions = runtime.services.sessions
        chats = await add_subscribers(sessions, 1200)
        await plan_digest(sessions, "weekly", "weekly:kill", TODAY)
        async with FakeBotApi() as fake:
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            args = [
                sys.executable,
                "-m",
                "tests.digests.broadcast_child",
                sample_db_url,
                fake.base_url,
                fake.token,
                "400",
            ]
            child = await asyncio.create_subprocess_exec(
                *args,
                cwd=REPO,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            await fake.wait_sent(count=300, timeout=60)
            child.send_signal(signal.SIGKILL)
            await child.communicate()
            assert child.returncode == -signal.SIGKILL
            before = await status_counts(sessions)
            window = before.get("sending", 0)
            delivered_before = len(fake.sent())
            assert 0 < delivered_before < len(chats)
            assert window > 0  # it really died with sends in flight
            rerun = await asyncio.create_subprocess_exec(
                *args,
                cwd=REPO,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            _out, err = await rerun.communicate()
            assert rerun.returncode == 0, err.decode()[-2000:]
            counts = messages_per_chat(fake)
        assert set(counts) == set(chats)  # zero lost
        duplicates = sum(n - 1 for n in counts.values())
        assert duplicates <= window, (duplicates, window, before)
        assert await status_counts(sessions) == {"sent": len(chats)}


async def test_two_processes_on_one_database_only_one_sends(sample_db_url: str) -> None:
    settings = make_settings(sample_db_url)
    async with (
        open_runtime(settings, migrate=False) as first,
        open_runtime(settings, migrate=False) as second,
        FakeBotApi() as fake,
    ):
        chats = await add_subscribers(first.services.sessions, 30)
        runners = []
        for runtime in (first, second):
            bot = fake_bot(fake)
            engine = make_engine(bot, runtime.services.sessions, fake)
            runners.append(
                DigestRunner(
                    runtime, bot, engine=engine, lock_poll=0.1, poll_interval=0.1, owns_bot=True
                )
            )
        await asyncio.gather(*(r.start() for r in runners))
        try:
            for _ in range(100):
                if any(r.leader for r in runners):
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)  # both have tried the lock several times by now
            assert sorted(r.leader for r in runners) == [False, True]
            leader = next(r for r in runners if r.leader)
            other = next(r for r in runners if not r.leader)
            # staff publish a report in whichever process: the leader sends it
            await queue_report_digest(first.services.sessions, "MSH-1405-Q2", TODAY)
            await fake.wait_sent(count=30, timeout=30)
            await asyncio.sleep(0.3)
            assert messages_per_chat(fake) == {chat: 1 for chat in chats}
            assert leader.engine.lifetime.api_calls >= 30 and other.engine.lifetime.api_calls == 0
            # the sender stops: the other process takes over and sends the next digest
            await leader.stop()
            for _ in range(100):
                if other.leader:
                    break
                await asyncio.sleep(0.05)
            assert other.leader
            await queue_report_digest(first.services.sessions, "MSH-1405-Q1", TODAY)
            await fake.wait_sent(count=60, timeout=30)
            await asyncio.sleep(0.3)
            assert messages_per_chat(fake) == {chat: 2 for chat in chats}
        finally:
            for runner in runners:
                await runner.stop()
    async with open_runtime(settings, migrate=False) as runtime, runtime.services.sessions() as s:
        assert (
            await s.scalar(
                select(func.count()).select_from(Delivery).where(Delivery.status != "sent")
            )
            == 0
        )


async def test_interactive_replies_are_not_starved_by_a_broadcast(sample_runtime: Runtime) -> None:
    from telegram import Update
    from telegram.ext import ContextTypes, MessageHandler, filters

    from tests.fakes import updates

    sessions = sample_runtime.services.sessions
    await add_subscribers(sessions, 150)
    await plan_digest(sessions, "weekly", "weekly:busy", TODAY)

    async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("پاسخ")

    async with FakeBotApi() as fake:
        app = fake.application_builder().build()
        app.add_handler(MessageHandler(filters.TEXT, echo))
        bot = fake_bot(fake)
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            broadcast = asyncio.create_task(
                make_engine(bot, sessions, fake, rate=30, workers=8).drain()
            )
            try:
                await fake.wait_sent(count=40, timeout=30)  # the broadcast is in full swing
                latencies = []
                for chat in (11, 12, 13):
                    started = time.monotonic()
                    fake.push_update(updates.message_update(chat, "سلام"))
                    await fake.wait_sent(chat, count=1, timeout=10)
                    latencies.append(time.monotonic() - started)
                assert not broadcast.done()  # answered while the broadcast was still running
            finally:
                await broadcast
                await bot.request.shutdown()
                await app.updater.stop()
                await app.stop()
    assert max(latencies) < 1.0, latencies  # starved, it would wait for the whole broadcast
