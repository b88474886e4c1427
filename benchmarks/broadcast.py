"""Broadcast engine throughput, memory and pacing against the local Bot API server.

Usage: .venv/bin/python benchmarks/broadcast.py [--quick] [--database-url URL]

1. 100,000 subscribers, limiter off: messages per second of the whole pipeline (claim → render →
   sendPhoto → settle), its CPU cost per message, and the sender's peak RSS. The fake Bot API
   runs in its own process (it is not what we measure, and on a small machine it competes for
   the same cores: the CPU-based "capacity" column is what the engine alone could sustain).
2. 3,000 subscribers at 30 messages/s: the achieved rate (target ≥ 95 % of the limit, ~100 s).

`--quick` scales both down (20,000 and 600). Targets: ≥ 1,000 msg/s, ≤ 300 MB RSS, ≥ 95 %.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import jdatetime  # noqa: E402
from telegram import Bot  # noqa: E402

from backend.config import load_settings  # noqa: E402
from backend.db import create_engine, create_sessionmaker  # noqa: E402
from backend.digests import plan_digest  # noqa: E402
from backend.importer import import_files, read_paths  # noqa: E402
from backend.migrate import upgrade_to_head  # noqa: E402
from bot.broadcast import digest_engine  # noqa: E402
from bot.http import AiohttpRequest  # noqa: E402
from tests.digests.helpers import add_subscribers  # noqa: E402

SAMPLE = REPO / "data" / "sample"
TODAY = jdatetime.date(1405, 9, 8)
TOKEN = "123456:BENCH"


def serve() -> None:
    """Run a lean fake Bot API (no per-message history) until stdin closes; print its port."""
    from tests.fakes.bot_api import FakeBotApi, Json

    class LeanFake(FakeBotApi):
        """Answers like the fake but keeps no history, so 100,000 sends stay cheap."""

        delivered = 0

        def _remember_message(self, message: Json) -> None:
            chat_id = int(message["chat"]["id"])
            self._last_message_id[chat_id] = max(
                self._last_message_id.get(chat_id, 0), int(message["message_id"])
            )

        def _record_sent(
            self, method: str, params: Json, message: Json, markup: Json | None
        ) -> None:
            self.delivered += 1

    async def main() -> None:
        async with LeanFake(TOKEN) as fake:

            async def trim() -> None:
                while True:
                    await asyncio.sleep(0.5)
                    fake.requests.clear()

            task = asyncio.create_task(trim())
            print(fake.port, flush=True)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
            task.cancel()

    asyncio.run(main())


@dataclass
class Row:
    scenario: str
    subscribers: int
    sent: int
    plan_s: float
    send_s: float
    rate: float
    cpu_per_msg_ms: float
    rss_mb: float
    target: str
    ok: bool


def rss_mb() -> float:
    """Peak RSS of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def scenario(
    url: str,
    base_url: str,
    name: str,
    subscribers: int,
    rate: float | None,
    first_chat: int,
    workers: int,
) -> Row:
    settings = load_settings(database_url=url, bot_token=TOKEN, bot_api_url=base_url)
    engine = create_engine(url)
    sessions = create_sessionmaker(engine)
    bot = Bot(TOKEN, base_url=base_url, request=AiohttpRequest(pool_size=workers + 2))
    try:
        await add_subscribers(sessions, subscribers, first_chat=first_chat)
        started = time.perf_counter()
        plan = await plan_digest(sessions, "weekly", f"weekly:bench-{name}", TODAY)
        plan_s = time.perf_counter() - started
        sender = digest_engine(bot, sessions, settings, rate=rate, workers=workers)
        cpu0, started = cpu_seconds(), time.perf_counter()
        stats = await sender.drain()
        send_s = time.perf_counter() - started
        cpu = cpu_seconds() - cpu0
    finally:
        await bot.request.shutdown()
        await engine.dispose()
    achieved = stats.sent / send_s if send_s else 0.0
    if rate is None:
        target, ok = "≥ 1,000 msg/s, ≤ 300 MB", achieved >= 1000 and rss_mb() <= 300
    else:
        target, ok = f"≥ 95 % of {rate:g}/s", achieved >= 0.95 * rate
    return Row(
        name,
        plan.pending,
        stats.sent,
        plan_s,
        send_s,
        achieved,
        cpu / max(1, stats.sent) * 1000,
        rss_mb(),
        target,
        ok,
    )


async def run(quick: bool, database_url: str | None, tmp: Path, base_url: str) -> list[Row]:
    url = database_url or f"sqlite+aiosqlite:///{tmp / 'bench.db'}"
    engine = create_engine(url)
    await upgrade_to_head(engine)
    await import_files(
        create_sessionmaker(engine), read_paths([SAMPLE]), origin="sample", is_sample=True
    )
    await engine.dispose()
    big, paced = (20_000, 600) if quick else (100_000, 3_000)
    rows = [await scenario(url, base_url, "limiter off", big, None, 1_000_000, 32)]
    rows.append(await scenario(url, base_url, "paced 30/s", paced, 30.0, 5_000_000, 8))
    return rows


def table(rows: list[Row]) -> str:
    """Format the results as a Markdown table."""
    lines = [
        "| scenario | subscribers | sent | plan s | send s | msg/s | CPU ms/msg | capacity "
        "msg/s (1 core) | peak RSS MB | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in rows:
        capacity = 1000 / r.cpu_per_msg_ms if r.cpu_per_msg_ms else 0.0
        lines.append(
            f"| {r.scenario} | {r.subscribers:,} | {r.sent:,} | {r.plan_s:.1f} | {r.send_s:.1f} "
            f"| {r.rate:,.0f} | {r.cpu_per_msg_ms:.2f} | {capacity:,.0f} | {r.rss_mb:.0f} "
            f"| {r.target} | {'yes' if r.ok else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="20,000 and 600 subscribers")
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    # The fake Bot API in its own process: it is not what we measure.
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert server.stdout is not None
        base_url = f"http://127.0.0.1:{int(server.stdout.readline())}/bot"
        with tempfile.TemporaryDirectory() as tmp:
            rows = asyncio.run(run(args.quick, args.database_url, Path(tmp), base_url))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(table(rows))


if __name__ == "__main__":
    main()
