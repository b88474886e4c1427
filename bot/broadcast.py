"""The broadcast engine: paced, resumable sending of digests from the persistent delivery log.

Pipeline (one process at a time, see `backend.schedule.SenderLock`)::

    claim (mark `sending`) ─► queue ─► N workers ─► token bucket ─► Bot API ─► results ─► settle
                                                                      (batched: `sent`/`failed`/…)

* Pace: a token bucket at `SHAFAF_SEND_RATE` (default 25/s, under Telegram's ~30/s) shared by
  every worker. With `SHAFAF_PAID_BROADCAST=1` (Telegram only) every call carries
  `allow_paid_broadcast` and the bucket runs at up to 1000/s (the default when the rate is not
  set), with workers enough to keep that many requests in flight. A 429 pauses the whole
  bucket for `retry_after`: the platform counts per bot, so one 429 means every worker must
  wait, and the refused message is retried after the pause.
* Errors: 5xx, timeouts and dropped connections are retried with exponential backoff (up to
  `max_attempts`); 403 (blocked, kicked, deactivated) fails the delivery and stops the
  subscription; 400 "chat not found" skips it; any other 400 fails it (our content is wrong; a
  retry would not help). Invalid token / endpoint errors stop the run (nothing is settled, so the
  rows are resent by the next run).
* Crash safety: rows are marked `sending` before they are sent and settled in small batches after.
  On start, `sending` rows of a dead run go back to `pending`. Nothing is lost; what can be sent
  twice is bounded by the rows `sending` at the moment of the crash (queue + workers + one
  unsettled batch), which is what the tests measure.
* Interactive replies are not starved: the engine uses its OWN `telegram.Bot` (its own HTTP
  connection pool, `build_broadcast_bot`) and its own limiter, never the application's bot or
  PTB's global rate limiter, and its rate stays below the platform's limit, so handlers always
  have headroom and never queue behind a broadcast.
* Photos: a digest with a chart is a `sendPhoto` with the text as caption when it fits in 1024
  characters, else the photo then the text. The chart is uploaded once; later sends reuse the
  `file_id` Telegram returned.

The engine reads work from a `DeliverySource`; `DigestSource` serves digests. An outbox source
(staff replies, status notices) can implement the same four methods and share the pipeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, Literal, Protocol

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, InputFile
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from backend.clock import utcnow
from backend.config import Settings
from backend.digests import (
    DigestKind,
    PlanResult,
    manual_key,
    plan_digest,
    reply_from_json,
)
from backend.schedule import DigestScheduler, ScheduleConfig, SenderLock, sender_lock_for
from backend.services import Services
from backend.services.base import SessionFactory
from backend.services.broadcasts import BroadcastService, DeliveryItem, Settlement
from bot.callbacks import CallbackCodec
from bot.http import AiohttpRequest
from bot.platforms import platform_for
from bot.render import OutMessage, Renderer

log = logging.getLogger("shafaf.broadcast")

CAPTION_LIMIT = 1024
DEFAULT_WORKERS = 8
MAX_WORKERS = 128
# Workers needed = rate × time a request is in flight; 0.1 s is a well-connected server's round
# trip to the Bot API (8 workers then cover the free 25-30/s with room for slow answers).
IN_FLIGHT_SECONDS = 0.1
MAX_RATE_LIMITED = 20  # 429s for one message before we give up on it for this run


# --- pacing ----------------------------------------------------------------------------------


class TokenBucket:
    """An asyncio token bucket; `rate=None` turns pacing off (429 pauses still apply)."""

    def __init__(
        self,
        rate: float | None,
        *,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.rate = rate
        self._sleep = sleep  # injectable with `clock`, so tests can run the pace in virtual time
        # A fifth of a second of burst: enough to absorb scheduling jitter, too little to
        # push a 30/s platform over its limit.
        self.capacity = burst if burst is not None else max(1.0, (rate or 1.0) * 0.2)
        self._clock = clock
        self._tokens = 1.0
        self._stamp = clock()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    def pause(self, seconds: float) -> None:
        """Stop handing out tokens for `seconds` (a 429's retry_after), with no burst after."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)
        self._tokens = 0.0

    @property
    def paused(self) -> bool:
        """Tell whether a 429 pause is in force."""
        return self._clock() < self._paused_until

    async def acquire(self) -> None:
        """Wait for one token (FIFO among waiters)."""
        if self.rate is None and not self.paused:
            return
        async with self._lock:
            while True:
                now = self._clock()
                if now < self._paused_until:
                    await self._sleep(self._paused_until - now)
                    continue
                if self.rate is None:
                    return
                self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= 1.0:
                    self._tokens -= 1.0
                    return
                await self._sleep((1.0 - self._tokens) / self.rate)


# --- what gets sent --------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One Bot API call of a delivery: a text message, or a photo with an optional caption."""

    kind: Literal["text", "photo"]
    message: OutMessage | None = None  # the text, or the caption of a photo
    chart_id: int | None = None

    @cached_property
    def markup_json(self) -> str | None:
        """The keyboard serialized once for every delivery of this part (not per send)."""
        markup = self.message.reply_markup if self.message else None
        return None if markup is None else json.dumps(markup.to_dict(), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Envelope:
    """A claimed delivery and the calls it takes."""

    id: int
    chat_id: int
    parts: tuple[Part, ...]
    subscription_id: int | None = None


@dataclass(slots=True)
class Result:
    """How one delivery ended in this run."""

    envelope: Envelope
    status: Literal["sent", "failed", "skipped"]
    attempts: int
    error: str | None = None
    deactivate: bool = False
    at: datetime | None = None


class DeliverySource(Protocol):
    """Where the engine's work comes from and where outcomes go."""

    async def recover(self) -> int:
        """Requeue work a dead run left in flight."""

    async def claim(self, limit: int) -> list[Envelope]:
        """Mark up to `limit` items in flight and return them."""

    async def settle(self, results: Sequence[Result]) -> None:
        """Record outcomes."""

    async def photo(self, chart_id: int) -> bytes:
        """Return a chart's PNG bytes."""

    async def finish(self) -> None:
        """Called when a drain ends (e.g. stamp finished digests)."""

    async def pending_count(self) -> int:
        """Count the work left (for progress and ETA)."""


class DigestSource:
    """Digest deliveries from the database, rendered for one platform."""

    def __init__(self, broadcasts: BroadcastService, platform: str, renderer: Renderer) -> None:
        self._broadcasts = broadcasts
        self._platform = platform
        self._renderer = renderer
        self._parts: dict[int, tuple[Part, ...]] = {}
        self._photos: dict[int, bytes] = {}

    async def recover(self) -> int:
        """Requeue deliveries left `sending`."""
        return await self._broadcasts.recover(self._platform)

    async def claim(self, limit: int) -> list[Envelope]:
        """Claim pending deliveries and attach their rendered parts."""
        items = await self._broadcasts.claim(self._platform, limit)
        return [
            Envelope(i.id, i.chat_id, await self._parts_of(i), i.subscription_id) for i in items
        ]

    async def _parts_of(self, item: DeliveryItem) -> tuple[Part, ...]:
        if item.message_id is None:
            return ()
        cached = self._parts.get(item.message_id)
        if cached is None:
            stored = await self._broadcasts.message(item.message_id)
            cached = () if stored is None else self.render(stored.reply, stored.chart_id)
            self._parts[item.message_id] = cached
        return cached

    def render(self, reply_json: dict[str, object], chart_id: int | None) -> tuple[Part, ...]:
        """Turn a stored reply into Bot API calls (photo first when there is a chart)."""
        messages = self._renderer.render(reply_from_json(dict(reply_json))).messages
        if chart_id is None:
            return tuple(Part("text", m) for m in messages)
        if len(messages) == 1 and len(messages[0].text) <= CAPTION_LIMIT:
            return (Part("photo", messages[0], chart_id),)
        return (Part("photo", None, chart_id), *(Part("text", m) for m in messages))

    async def photo(self, chart_id: int) -> bytes:
        """Load (once) a chart's PNG."""
        if chart_id not in self._photos:
            png = await self._broadcasts.chart_png(chart_id)
            if png is None:
                raise LookupError(f"chart {chart_id} is missing")
            self._photos[chart_id] = png
        return self._photos[chart_id]

    async def settle(self, results: Sequence[Result]) -> None:
        """Write outcomes to the delivery log."""
        await self._broadcasts.settle(
            [
                Settlement(
                    r.envelope.id,
                    r.status,
                    r.attempts,
                    r.envelope.subscription_id,
                    r.error,
                    r.deactivate,
                    r.at,
                )
                for r in results
            ]
        )

    async def pending_count(self) -> int:
        """Count deliveries still to send."""
        return await self._broadcasts.pending_count(self._platform)

    async def finish(self) -> None:
        """Stamp digests that have nothing left to send; drop caches."""
        await self._broadcasts.finish_digests()
        self._parts.clear()
        self._photos.clear()


# --- the engine ------------------------------------------------------------------------------


@dataclass(slots=True)
class RunStats:
    """What one drain did."""

    sent: int = 0
    failed: int = 0
    skipped: int = 0
    retries: int = 0
    rate_limited: int = 0
    api_calls: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    pending_at_start: int = 0

    @property
    def done(self) -> int:
        """Deliveries settled in this run."""
        return self.sent + self.failed + self.skipped

    @property
    def elapsed(self) -> float:
        """Seconds since the run started (until it finished)."""
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Deliveries per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        """A one-line progress report for the logs."""
        pending = max(0, self.pending_at_start - self.done)
        eta = f"{pending / self.rate:.0f}s" if self.rate > 0 else "?"
        return (
            f"broadcast: sent={self.sent} failed={self.failed} skipped={self.skipped} "
            f"pending={pending} rate={self.rate:.1f}/s eta={eta} retries={self.retries} "
            f"429s={self.rate_limited}"
        )


class FatalSendError(RuntimeError):
    """The Bot API refuses the bot itself (bad token, wrong URL): stop, settle nothing."""


class BroadcastEngine:
    """Drain a delivery source through a paced pool of workers."""

    def __init__(
        self,
        bot: Bot,
        source: DeliverySource,
        *,
        rate: float | None,
        paid_broadcast: bool = False,
        workers: int = DEFAULT_WORKERS,
        max_attempts: int = 6,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
        flush_interval: float = 0.25,
        flush_batch: int = 200,
        log_interval: float = 10.0,
    ) -> None:
        self.bot = bot
        self.source = source
        self.bucket = TokenBucket(rate)
        self.paid_broadcast = paid_broadcast
        self.workers = workers
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.flush_interval = flush_interval
        self.flush_batch = flush_batch
        self.log_interval = log_interval
        self.stats = RunStats()  # the current (or last) drain
        self.lifetime = RunStats()  # every drain of this engine, for staff and tests
        self._file_ids: dict[int, str] = {}
        self._upload_locks: dict[int, asyncio.Lock] = {}
        self._drain_lock = asyncio.Lock()
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()

    # -- control --------------------------------------------------------------------------------

    def wake(self) -> None:
        """Tell a waiting `run_forever` that new work was planned."""
        self._wake.set()

    def stop(self) -> None:
        """Stop claiming; in-flight sends finish and are settled."""
        self._stopping.set()
        self._wake.set()

    async def run_forever(self, poll_interval: float = 5.0) -> None:
        """Drain, then wait for a wake-up or the next poll, until `stop`."""
        self._stopping.clear()  # a process that lost and regained the lock runs again
        while not self._stopping.is_set():
            try:
                await self.drain()
            except FatalSendError:
                log.exception("broadcast stopped: the Bot API refuses this bot")
                return
            except Exception:
                log.exception("broadcast drain failed; retrying after %ss", poll_interval)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(poll_interval):
                    await self._wake.wait()
            self._wake.clear()

    # -- one drain ------------------------------------------------------------------------------

    async def drain(self) -> RunStats:
        """Send everything pending now (resuming a crashed run first); return the stats."""
        async with self._drain_lock:
            recovered = await self.source.recover()
            if recovered:
                log.info(
                    "broadcast: resuming %d deliveries left in flight by a stopped run", recovered
                )
            self.stats = stats = RunStats()
            stats.pending_at_start = await self.source.pending_count()
            queue: asyncio.Queue[Envelope | None] = asyncio.Queue(maxsize=self.workers * 2)
            results: list[Result] = []
            flushed, done, room = asyncio.Event(), asyncio.Event(), asyncio.Event()
            producer = asyncio.create_task(self._produce(queue, room))
            workers = [
                asyncio.create_task(self._work(queue, results, flushed, room))
                for _ in range(self.workers)
            ]
            recorder = asyncio.create_task(self._record(results, flushed, done))
            try:
                await producer
                await asyncio.gather(*workers)
                done.set()
                flushed.set()
                await recorder  # never cancelled mid-settle on the normal path
            finally:
                for task in (producer, *workers, recorder):
                    task.cancel()
                # A settle cut short here only leaves rows `sending`: resent, never lost.
                await asyncio.gather(producer, *workers, recorder, return_exceptions=True)
                # Settle what finished, on the way out of a failed run too: fewer resends.
                try:
                    await self._flush(results)
                except Exception:
                    log.exception("could not record %d outcomes; they will be resent", len(results))
                    raise
            await self.source.finish()
            stats.finished = time.monotonic()
            if stats.done:
                log.info(stats.line())
            return stats

    async def _produce(self, queue: asyncio.Queue[Envelope | None], room: asyncio.Event) -> None:
        try:
            while not self._stopping.is_set():
                # Claim only what the queue can take now (rows stay `sending` for as short a
                # time as possible: that bounds duplicates after a crash), and only once it is
                # half empty, so a paced run claims in batches, not one row per transaction.
                while queue.qsize() > queue.maxsize // 2:
                    room.clear()
                    await room.wait()
                batch = await self.source.claim(queue.maxsize - queue.qsize())
                if not batch:
                    break
                for envelope in batch:
                    await queue.put(envelope)
        finally:
            for _ in range(self.workers):
                await queue.put(None)

    async def _work(
        self,
        queue: asyncio.Queue[Envelope | None],
        results: list[Result],
        flushed: asyncio.Event,
        room: asyncio.Event,
    ) -> None:
        while (envelope := await queue.get()) is not None:
            room.set()
            try:
                result = await self._deliver(envelope)
            except FatalSendError:
                raise
            except Exception as exc:  # a bug must not stop the other deliveries
                log.exception("delivery %s failed unexpectedly", envelope.id)
                result = Result(envelope, "failed", 1, f"internal: {exc!r}")
            results.append(result)
            self._count(result)
            if len(results) >= self.flush_batch:
                flushed.set()

    def _bump(self, counter: str) -> None:
        for stats in (self.stats, self.lifetime):
            setattr(stats, counter, getattr(stats, counter) + 1)

    def _count(self, result: Result) -> None:
        self._bump("skipped" if result.status not in ("sent", "failed") else result.status)

    async def _record(
        self, results: list[Result], flushed: asyncio.Event, done: asyncio.Event
    ) -> None:
        last_log = time.monotonic()
        while not done.is_set():
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.flush_interval):
                    await flushed.wait()
            flushed.clear()
            await self._flush(results)
            if time.monotonic() - last_log >= self.log_interval:
                last_log = time.monotonic()
                log.info(self.stats.line())

    async def _flush(self, results: list[Result]) -> None:
        if results:
            batch = results[:]
            del results[: len(batch)]
            await self.source.settle(batch)

    # -- one delivery ---------------------------------------------------------------------------

    async def _deliver(self, envelope: Envelope) -> Result:
        if not envelope.parts:
            return Result(envelope, "failed", 0, "nothing to send")
        attempts = 0
        rate_limited = 0
        next_part = 0  # parts already delivered are never sent again on a retry
        while True:
            attempts += 1
            try:
                while next_part < len(envelope.parts):
                    await self.bucket.acquire()
                    self._bump("api_calls")
                    await self._send_part(envelope.chat_id, envelope.parts[next_part])
                    next_part += 1
                return Result(envelope, "sent", attempts, at=utcnow())
            except RetryAfter as exc:
                self._bump("rate_limited")
                rate_limited += 1
                attempts -= 1  # the platform's pacing, not a failure of this message
                self.bucket.pause(_seconds(exc.retry_after))
                if rate_limited >= MAX_RATE_LIMITED:
                    return Result(envelope, "failed", attempts, f"rate limited: {exc}")
            except Forbidden as exc:
                return Result(
                    envelope, "failed", attempts, f"blocked: {exc.message}", deactivate=True
                )
            except ChatMigrated as exc:
                return Result(envelope, "skipped", attempts, f"chat migrated to {exc.new_chat_id}")
            except BadRequest as exc:
                if "chat not found" in exc.message.lower():
                    return Result(envelope, "skipped", attempts, "chat not found")
                return Result(envelope, "failed", attempts, f"bad request: {exc.message}")
            except (InvalidToken, EndPointNotFound, Conflict) as exc:
                raise FatalSendError(str(exc)) from exc
            except (NetworkError, TelegramError) as exc:  # 5xx, timeouts, dropped connections
                if attempts >= self.max_attempts:
                    return Result(envelope, "failed", attempts, f"gave up: {exc}")
                self._bump("retries")
                delay = min(self.backoff_cap, self.backoff_base * 2 ** (attempts - 1))
                await asyncio.sleep(delay)

    async def _api(self, endpoint: str, data: dict[str, object]) -> Any:
        """Call the Bot API through the Bot, without parsing the answer into a `Message`.

        `Bot._post` is what every `Bot.send_*` method calls: request building, defaults and
        the mapping of errors to `telegram.error` stay PTB's. Parsing the returned Message was a
        quarter of the engine's CPU per delivery, and the engine needs one field of it.
        """
        return await self.bot._post(endpoint, data)

    async def _send_part(self, chat_id: int, part: Part) -> None:
        message = part.message
        data: dict[str, object] = {"chat_id": chat_id}
        if self.paid_broadcast:
            # Telegram charges Stars for these and lifts the ~30/s limit to 1000/s.
            data["allow_paid_broadcast"] = True
        if message is not None:
            data["parse_mode"] = message.parse_mode
            data["reply_markup"] = part.markup_json
        if part.kind == "text":
            assert message is not None
            await self._api("sendMessage", {**data, "text": message.text})
            return
        assert part.chart_id is not None
        chart_id = part.chart_id
        if message is not None:
            data["caption"] = message.text
        if chart_id not in self._file_ids:
            # The first send uploads the PNG; the others wait and reuse Telegram's file_id.
            lock = self._upload_locks.setdefault(chart_id, asyncio.Lock())
            async with lock:
                if chart_id not in self._file_ids:
                    png = await self.source.photo(chart_id)
                    sent = await self._api(
                        "sendPhoto", {**data, "photo": InputFile(png, filename="digest.png")}
                    )
                    self._remember_file(chart_id, sent)
                    return
        try:
            await self._api("sendPhoto", {**data, "photo": self._file_ids[chart_id]})
        except BadRequest as exc:
            if "file" not in exc.message.lower():
                raise
            self._file_ids.pop(chart_id, None)  # a stale file id: upload again on the retry
            raise NetworkError(f"stale file id: {exc.message}") from exc

    def _remember_file(self, chart_id: int, sent: Any) -> None:
        sizes = sent.get("photo") if isinstance(sent, dict) else None
        if sizes:
            self._file_ids[chart_id] = str(sizes[-1]["file_id"])


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# --- wiring ----------------------------------------------------------------------------------


def workers_for(settings: Settings) -> int:
    """Return how many requests to keep in flight: more for a paid broadcast's higher rate."""
    if not settings.paid_broadcast_active:
        return DEFAULT_WORKERS
    wanted = math.ceil(settings.broadcast_rate * IN_FLIGHT_SECONDS)
    return max(DEFAULT_WORKERS, min(MAX_WORKERS, wanted))


def build_broadcast_bot(settings: Settings, *, pool_size: int | None = None) -> Bot:
    """Create the engine's own Bot (own connection pool), separate from the handlers' bot."""
    if settings.bot_token is None:
        raise ValueError("no bot token: the broadcast engine needs SHAFAF_BOT_TOKEN")
    platform = platform_for(settings)
    return Bot(
        settings.bot_token.get_secret_value(),
        base_url=platform.base_url,
        base_file_url=platform.base_file_url,
        request=AiohttpRequest(pool_size=pool_size or workers_for(settings) + 2),
    )


def digest_engine(
    bot: Bot,
    sessions: SessionFactory,
    settings: Settings,
    *,
    rate: float | Literal["settings"] | None = "settings",
    workers: int | None = None,
) -> BroadcastEngine:
    """Build an engine sending digests for the configured platform (rate: the settings')."""
    platform = platform_for(settings)
    source = DigestSource(
        BroadcastService(sessions), platform.name, Renderer(platform, CallbackCodec())
    )
    pace = settings.broadcast_rate if rate == "settings" else rate
    return BroadcastEngine(
        bot,
        source,
        rate=pace,
        paid_broadcast=settings.paid_broadcast_active,
        workers=workers or workers_for(settings),
    )


class RuntimeLike(Protocol):
    """What the composition root's `Runtime` offers (settings, engine, services)."""

    @property
    def settings(self) -> Settings: ...

    @property
    def engine(self) -> AsyncEngine: ...

    @property
    def services(self) -> Services: ...


class DigestRunner:
    """Scheduler + engine + single-sender lock for one process; `stop()` ends them."""

    def __init__(
        self,
        runtime: RuntimeLike,
        bot: Bot,
        *,
        lock: SenderLock | None = None,
        config: ScheduleConfig | None = None,
        lock_poll: float = 15.0,
        engine: BroadcastEngine | None = None,
        poll_interval: float = 5.0,
        owns_bot: bool = False,
    ) -> None:
        self.lock = lock or sender_lock_for(runtime.engine)
        self.engine = engine or digest_engine(bot, runtime.services.sessions, runtime.settings)
        self.scheduler = DigestScheduler(
            runtime.services.sessions,
            runtime.settings.zone,
            lock=self.lock,
            config=config,
            on_planned=lambda _plan: self.engine.wake(),
        )
        self.lock_poll = lock_poll
        self.poll_interval = poll_interval
        self.bot = bot
        self.owns_bot = owns_bot
        self.leader = False
        self._task: asyncio.Task[None] | None = None
        self._engine_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start the APScheduler jobs and the leadership loop."""
        self.scheduler.start()
        self._task = asyncio.create_task(self._lead(), name="digest-leader")

    async def _lead(self) -> None:
        while True:
            try:
                held = await self.lock.acquire()
            except Exception:
                log.exception("could not check the digest sender lock")
                held = False
            if held and not self.leader:
                self.leader = True
                log.info("this process sends the digests")
                try:
                    await self.scheduler.tick()  # missed runs, once
                except Exception:
                    log.exception("catching up missed digests failed; retried next round")
                self._engine_task = asyncio.create_task(
                    self.engine.run_forever(self.poll_interval), name="digest-engine"
                )
            elif not held and self.leader:
                self.leader = False
                log.warning("this process no longer sends the digests")
                await self._stop_engine()
            await asyncio.sleep(self.lock_poll)

    async def _stop_engine(self) -> None:
        task, self._engine_task = self._engine_task, None
        if task is not None:
            self.engine.stop()
            await task

    async def stop(self) -> None:
        """Stop scheduling and sending (in-flight sends are settled), and free the lock."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self.scheduler.shutdown()
        await self._stop_engine()
        await self.lock.release()
        self.leader = False
        if self.owns_bot:  # (a Bot that was never initialized would skip its own shutdown)
            await self.bot.request.shutdown()


async def start_digest_scheduler(
    runtime: RuntimeLike, bot: Bot | None = None, *, config: ScheduleConfig | None = None
) -> DigestRunner:
    """Start digests for `shafaf run`: returns a handle whose `stop()` ends them cleanly.

    Pass no `bot` (recommended): the engine then gets its own Bot and connection pool, so a
    broadcast never delays the handlers' replies. The caller still calls `stop()` on shutdown.
    """
    runner = DigestRunner(
        runtime, bot or build_broadcast_bot(runtime.settings), config=config, owns_bot=bot is None
    )
    await runner.start()
    return runner


async def send_digest_now(
    runtime: RuntimeLike, frequency: DigestKind, bot: Bot | None = None
) -> tuple[PlanResult, RunStats | None]:
    """Plan a digest now (`shafaf digest send`) and send it if no other process is the sender."""
    plan = await plan_digest(
        runtime.services.sessions,
        frequency,
        manual_key(frequency),
        runtime.services.today(),
        stale_after_days=runtime.settings.stale_after_days,
    )
    lock = sender_lock_for(runtime.engine)
    if not await lock.acquire():
        return plan, None  # the running `shafaf run` sends it within its poll interval
    own_bot = bot or build_broadcast_bot(runtime.settings)
    try:
        stats = await digest_engine(own_bot, runtime.services.sessions, runtime.settings).drain()
    finally:
        await lock.release()
        if bot is None:
            await own_bot.request.shutdown()
    return plan, stats
