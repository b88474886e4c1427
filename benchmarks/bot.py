"""Update→reply latency and throughput of the bot through the WEBHOOK path, next to a bare PTB
echo bot measured in the same run against the same local Bot API server (tests/fakes).

Usage: .venv/bin/python benchmarks/bot.py [--updates 2000] [--concurrency 64] [--latency 200]
                                          [--slices 8]

Shafaf runs exactly as `shafaf run` does in webhook mode: the aiohttp app (public API) serves
POST /bot/webhook, checks the secret, queues the update; the Application answers through the
assistant over SQLite with the bundled sample data, and sends via HTTP to the fake server. A
reply counts when the fake server has recorded the sendMessage. Each update comes from its own
user (the flood limit is per user and not what is measured here).

Two phases per bot: latency (one update in flight at a time: p50/p99 of update→reply) and
throughput (`--concurrency` in flight: updates/s, and p50/p99 under that load). Both bots are up
at once and the phases alternate between them in `--slices` slices (A B A B …), so a slow
moment of the machine (another process, CPU steal) falls on both sides alike; the figures pool
all slices of a bot.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from backend.config import load_settings
from backend.conversation import ChatRef
from bot.app import REPLY_CONNECTIONS, REPLY_TIMEOUTS, deps_of
from bot.http import AiohttpRequest
from bot.render import OutMessage
from bot.runner import BotRunner
from shafaf.runtime import Runtime, create_web_app, load_sample_if_empty, open_runtime
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.updates import message_update

QUESTIONS = (
    "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟",
    "از خرید ۵۰۰ هزار تومانی چقدر به شهر می‌رسه؟",
    "پروژه‌های فضای سبز منطقه ۹",
    "سلام",
    "خط ۴ قطار شهری چقدر پیشرفت داشته؟",
    "پول مالیات کجا خرج شد؟",
)
SECRET = "bench-secret"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
Json = dict[str, Any]


class ReplyClock:
    """Note when the fake server records the first message sent to each chat."""

    def __init__(self, fake: FakeBotApi) -> None:
        self.waiters: dict[int, asyncio.Future[float]] = {}
        original = fake._record_sent  # wrap the fake's recorder: O(1) per reply

        def record(method: str, params: Json, message: Json, markup: Json | None) -> None:
            original(method, params, message, markup)
            future = self.waiters.get(int(message["chat"]["id"]))
            if future is not None and not future.done():
                future.set_result(time.perf_counter())

        fake._record_sent = record  # type: ignore[method-assign]

    def expect(self, chat_id: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters[chat_id] = future
        return future


async def drive(
    url: str, clock: ReplyClock, total: int, concurrency: int, chat_ids: itertools.count[int]
) -> tuple[list[float], float]:
    """Post `total` updates with `concurrency` in flight; return latencies (s) and wall time."""
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                chat = next(chat_ids)
                update = message_update(chat, QUESTIONS[i % len(QUESTIONS)])
                done = clock.expect(chat)
                start = time.perf_counter()
                async with session.post(url, json=update, headers={HEADER: SECRET}) as resp:
                    if resp.status != 200:
                        raise RuntimeError(f"webhook answered {resp.status}")
                replied = await asyncio.wait_for(done, 30)
                latencies.append(replied - start)
                del clock.waiters[chat]

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - began
    return latencies, wall


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/bot/webhook"


Driver = Callable[[int, int], Awaitable[tuple[list[float], float]]]


def driver(url: str, clock: ReplyClock, chat_ids: itertools.count[int]) -> Driver:
    """Return a function that posts `total` updates to one bot with `concurrency` in flight."""

    async def run(total: int, concurrency: int) -> tuple[list[float], float]:
        return await drive(url, clock, total, concurrency, chat_ids)

    return run


async def measure(bots: dict[str, Driver], args: argparse.Namespace) -> dict[str, dict[str, float]]:
    """Measure every bot, the phases interleaved slice by slice."""
    for run in bots.values():
        await run(30, 4)  # warm-up: gazetteer, connections, caches
    lat: dict[str, list[float]] = {name: [] for name in bots}
    load: dict[str, list[float]] = {name: [] for name in bots}
    wall: dict[str, float] = dict.fromkeys(bots, 0.0)
    cpu: dict[str, float] = dict.fromkeys(bots, 0.0)
    for _ in range(args.slices):
        for name, run in bots.items():
            lat[name] += (await run(args.latency // args.slices, 1))[0]
        for name, run in bots.items():
            began = time.process_time()
            latencies, seconds = await run(args.updates // args.slices, args.concurrency)
            cpu[name] += time.process_time() - began
            load[name] += latencies
            wall[name] += seconds
    return {
        name: {
            "p50": statistics.median(lat[name]) * 1000,
            "p99": quantile(lat[name], 0.99) * 1000,
            "rate": len(load[name]) / wall[name],
            "load_p50": statistics.median(load[name]) * 1000,
            "load_p99": quantile(load[name], 0.99) * 1000,
            # the whole process (bot, fake Bot API, driver) per update: steadier than rates on
            # a machine whose speed varies, and the fake and driver cost the same for both bots
            "cpu": cpu[name] * 1000 / len(load[name]),
        }
        for name in bots
    }


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


Canned = list[list[OutMessage]]  # per question in QUESTIONS, the messages Shafaf sends


@asynccontextmanager
async def webhook_bot(fake: FakeBotApi, db: Path) -> AsyncIterator[tuple[str, Runtime, BotRunner]]:
    """Serve Shafaf's webhook as `shafaf run` does, over SQLite with the sample data; yield its
    URL, runtime and bot."""
    settings = load_settings(
        database_url=f"sqlite+aiosqlite:///{db}",
        today="1405-09-08",
        bot_token=fake.token,
        bot_api_url=fake.base_url,
        bot_file_url=fake.file_url,
        http_port=0,
        webhook_url="http://127.0.0.1:1/bot/webhook",
        webhook_secret=SECRET,
    )
    async with open_runtime(settings) as runtime:
        await load_sample_if_empty(runtime)
        bot = BotRunner(settings, runtime.services, runtime.asker)
        app = create_web_app(runtime)
        bot.attach(app)
        runner, url = await serve(app)
        bot.settings = settings.model_copy(update={"webhook_url": url})
        try:
            await bot.start()
            yield url, runtime, bot
        finally:
            await bot.stop()
            await runner.cleanup()


@asynccontextmanager
async def shafaf(fake: FakeBotApi, db: Path) -> AsyncIterator[tuple[str, Canned]]:
    """Serve Shafaf's webhook as `shafaf run` does; yield its URL and its rendered answers."""
    async with webhook_bot(fake, db) as (url, runtime, bot):
        renderer = deps_of(bot.application).renderer
        canned = [
            renderer.render(
                await runtime.conversation.text(ChatRef("telegram", 1 + i), question)
            ).messages
            for i, question in enumerate(QUESTIONS)
        ]
        yield url, canned


@asynccontextmanager
async def echo(fake: FakeBotApi, canned: Canned | None = None) -> AsyncIterator[str]:
    """Serve a bare python-telegram-bot echo bot's webhook; yield its URL.

    With `canned`, it answers each question with Shafaf's own messages for it (same text, HTML
    and buttons), sent through Shafaf's own Bot API client (bot.http), instead of echoing: what
    a bot pays for sending Shafaf's answers, without understanding or looking anything up.
    Without, it is PTB as it comes (httpx).
    """
    builder = (
        Application.builder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.file_url)
        .updater(None)
        .concurrent_updates(True)
    )
    if canned is not None:
        builder = builder.request(AiohttpRequest(pool_size=REPLY_CONNECTIONS, **REPLY_TIMEOUTS))
    application = builder.build()

    answers = {q: messages for q, messages in zip(QUESTIONS, canned or [], strict=False)}

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        if canned is None:
            await context.bot.send_message(message.chat_id, message.text or "")
            return
        for out in answers[message.text or ""]:
            await context.bot.send_message(
                message.chat_id, out.text, parse_mode=out.parse_mode, reply_markup=out.reply_markup
            )

    application.add_handler(MessageHandler(filters.TEXT, answer))

    async def webhook(request: web.Request) -> web.Response:
        if request.headers.get(HEADER) != SECRET:
            return web.Response(status=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return web.Response()

    app = web.Application()
    app.router.add_post("/bot/webhook", webhook)
    runner, url = await serve(app)
    async with application:
        await application.start()
        try:
            yield url
        finally:
            await application.stop()
            await runner.cleanup()


async def main(args: argparse.Namespace) -> None:
    chat_ids = itertools.count(10_000)
    async with FakeBotApi() as fake:
        clock = ReplyClock(fake)
        with tempfile.TemporaryDirectory() as tmp:
            async with (
                shafaf(fake, Path(tmp) / "bench.db") as (ours, canned),
                echo(fake) as bare,
                echo(fake, canned) as sender,
            ):
                results = await measure(
                    {
                        "shafaf": driver(ours, clock, chat_ids),
                        "echo": driver(bare, clock, chat_ids),
                        "canned": driver(sender, clock, chat_ids),
                    },
                    args,
                )
    rows: list[tuple[str, Callable[[dict[str, float]], float], str]] = [
        ("latency p50 (1 in flight)", lambda r: r["p50"], "ms"),
        ("latency p99 (1 in flight)", lambda r: r["p99"], "ms"),
        (f"updates/s ({args.concurrency} in flight)", lambda r: r["rate"], "/s"),
        (f"latency p50 ({args.concurrency} in flight)", lambda r: r["load_p50"], "ms"),
        (f"latency p99 ({args.concurrency} in flight)", lambda r: r["load_p99"], "ms"),
        (f"CPU per update ({args.concurrency} in flight)", lambda r: r["cpu"], "ms"),
    ]
    print(
        f"webhook path, {args.updates} updates per bot in {args.slices} alternating slices, "
        "SQLite sample data, local fake Bot API"
    )
    print(
        f"{'metric':34} {'shafaf':>10} {'bare echo':>10} {'ratio':>7}"
        f" {'same msgs':>10} {'ratio':>7}"
    )
    for label, pick, unit in rows:
        a, b, c = pick(results["shafaf"]), pick(results["echo"]), pick(results["canned"])
        print(
            f"{label:34} {a:>8.1f}{unit:>2} {b:>8.1f}{unit:>2} {_ratio(a, b, unit):>6.2f}×"
            f" {c:>8.1f}{unit:>2} {_ratio(a, c, unit):>6.2f}×"
        )
    print("ratio = how many times slower Shafaf is than the bare echo bot (1.00× = as fast)")
    print(
        "same msgs = a bare PTB bot that answers each question with Shafaf's own messages for "
        "it (HTML, buttons) through Shafaf's Bot API client, without understanding or looking "
        "anything up; bare echo = PTB as it comes (httpx)"
    )


def _ratio(ours: float, baseline: float, unit: str) -> float:
    if not ours or not baseline:
        return float("nan")
    return baseline / ours if unit == "/s" else ours / baseline


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--latency", type=int, default=200)
    parser.add_argument("--slices", type=int, default=8)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_args()))
