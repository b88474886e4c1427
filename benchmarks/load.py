"""Load, bounded and on loopback: 200 simulated citizens on the webhook path, then the public API.

Usage: .venv/bin/python benchmarks/load.py [--seconds 60] [--citizens 200] [--think 3.2]
                                           [--api-seconds 20] [--api-concurrency 64]

Webhook: the bot runs as `shafaf run` does in webhook mode (aiohttp app + Application over SQLite
with the sample data) against the local fake Bot API. Each simulated citizen is its own chat and
loops for `--seconds`: post a question, wait for the reply, think `--think` seconds (a person
reads; 3.2 s also keeps each citizen under the flood limit of 20 messages a minute), repeat.
An error is a non-200 webhook answer or a reply that did not come within 30 s.

API: `shafaf run` in its own process, hammered on a mix of public endpoints by a Python load
generator (benchmarks/_load.py) for `--api-seconds`, next to a bare aiohttp handler measured the
same way in the same run. Memory is the server's resident set (VmRSS) before and after, and its
peak (VmHWM), read from /proc.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._load import (
    LoadResult,
    hammer,
    machine,
    shafaf_and_bare,
)
from benchmarks.bot import HEADER, QUESTIONS, SECRET, ReplyClock, quantile, webhook_bot
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.updates import message_update

API_PATHS = [
    "/api/v1/vat-shares?municipality=mashhad&group=year",
    "/api/v1/vat-shares?municipality=mashhad&from=1404-01&to=1404-12&group=quarter",
    "/api/v1/projects?status=in_progress&per_page=10",
    "/api/v1/projects?q=پارک",
    "/api/v1/projects/P-1001",
    "/api/v1/municipalities",
    "/api/v1/reports",
    "/api/v1/health",
]
REPLY_TIMEOUT = 30.0


@dataclass(frozen=True)
class WebhookLoad:
    """What the citizens saw."""

    citizens: int
    seconds: float
    replies: int
    errors: int
    p50_ms: float
    p99_ms: float
    max_rss_mb: float

    @property
    def rate(self) -> float:
        """Replies per second."""
        return self.replies / self.seconds if self.seconds else 0.0


async def webhook_load(seconds: float, citizens: int, think: float) -> WebhookLoad:
    """Run `citizens` closed-loop citizens against the webhook for `seconds`."""
    async with FakeBotApi() as fake:
        clock = ReplyClock(fake)
        with tempfile.TemporaryDirectory() as tmp:
            async with webhook_bot(fake, Path(tmp) / "load.db") as (url, _, _):
                return await _citizens(url, clock, seconds, citizens, think)


async def _citizens(
    url: str, clock: ReplyClock, seconds: float, citizens: int, think: float
) -> WebhookLoad:
    latencies: list[float] = []
    errors = 0
    turns = itertools.count()
    stop_at = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=citizens)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def citizen(chat: int) -> None:
            nonlocal errors
            # Spread the first messages over one think time, as people do not all type at once.
            await asyncio.sleep(think * (chat % citizens) / citizens)
            while time.monotonic() < stop_at:
                question = QUESTIONS[next(turns) % len(QUESTIONS)]
                done = clock.expect(chat)
                started = time.perf_counter()
                try:
                    async with session.post(
                        url, json=message_update(chat, question), headers={HEADER: SECRET}
                    ) as response:
                        ok = response.status == 200
                    if ok:
                        replied = await asyncio.wait_for(done, REPLY_TIMEOUT)
                        latencies.append(replied - started)
                    else:
                        errors += 1
                except (aiohttp.ClientError, TimeoutError):
                    errors += 1
                clock.waiters.pop(chat, None)
                if time.monotonic() + think >= stop_at:
                    break
                await asyncio.sleep(think)

        began = time.monotonic()
        await asyncio.gather(*(citizen(50_000 + i) for i in range(citizens)))
        elapsed = time.monotonic() - began
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return WebhookLoad(
        citizens,
        elapsed,
        len(latencies),
        errors,
        statistics.median(latencies) * 1000 if latencies else float("nan"),
        quantile(latencies, 0.99) * 1000 if latencies else float("nan"),
        rss_kb / 1024,
    )


def _proc_mb(pid: int, field: str) -> float:
    """Read VmRSS or VmHWM of a process in MB (0 when /proc is not there)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass(frozen=True)
class ApiLoad:
    """The API under sustained load, and the bare handler as baseline."""

    ours: LoadResult
    bare: LoadResult
    rss_before_mb: float
    rss_after_mb: float
    peak_mb: float


async def api_load(seconds: float, concurrency: int) -> ApiLoad:
    """Hammer `shafaf run` on a mix of endpoints, then a bare aiohttp handler, same settings."""
    async with shafaf_and_bare() as servers:
        base = servers.base
        for path in API_PATHS:  # warm-up: statements, caches
            await hammer("warm", base + path, seconds=0.3, concurrency=4)
        before = _proc_mb(servers.pid, "VmRSS")
        per_path = seconds / len(API_PATHS)
        parts = [
            await hammer(path, base + path, seconds=per_path, concurrency=concurrency)
            for path in API_PATHS
        ]
        after = _proc_mb(servers.pid, "VmRSS")
        peak = _proc_mb(servers.pid, "VmHWM")
        bare_result = await hammer(
            "bare aiohttp handler",
            servers.bare,
            seconds=min(seconds, 5.0),
            concurrency=concurrency,
        )
    latencies_weighted = [p for p in parts if p.requests]
    total = sum(p.requests for p in parts)
    ours = LoadResult(
        f"public API mix ({len(API_PATHS)} endpoints)",
        total,
        sum(p.errors for p in parts),
        sum(p.seconds for p in parts),
        statistics.median(p.p50_ms for p in latencies_weighted),
        max(p.p99_ms for p in latencies_weighted),
    )
    return ApiLoad(ours, bare_result, before, after, peak)


def format_tables(hook: WebhookLoad, api: ApiLoad) -> str:
    """Return both tables as Markdown."""
    lines = [
        f"Webhook path: {hook.citizens} simulated citizens for {hook.seconds:.0f} s "
        "(closed loop, think time between messages), SQLite sample data, local fake Bot API",
        "",
        "| metric | value | target |",
        "| --- | ---: | --- |",
        f"| replies | {hook.replies:,} | — |",
        f"| replies/s | {hook.rate:,.1f} | — |",
        f"| reply latency p50 | {hook.p50_ms:.1f} ms | — |",
        f"| reply latency p99 | {hook.p99_ms:.1f} ms | < 2,000 ms |",
        f"| errors (non-200, no reply in 30 s) | {hook.errors} | 0 |",
        f"| peak RSS (bot + fake API + load generator, one process) | {hook.max_rss_mb:.0f} MB "
        "| < 500 MB |",
        "",
        f"Public API: `shafaf run` under {api.ours.name}, vs a bare aiohttp handler, same run",
        "",
        "| server | req/s | p50 ms | p99 ms | errors | req/s vs bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in (api.bare, api.ours):
        ratio = result.rps / api.bare.rps if api.bare.rps else float("nan")
        lines.append(
            f"| {result.name} | {result.rps:,.0f} | {result.p50_ms:.2f} | {result.p99_ms:.2f} "
            f"| {result.errors} | {ratio:.2f}× |"
        )
    lines += [
        "",
        f"API server memory: RSS {api.rss_before_mb:.0f} MB before, {api.rss_after_mb:.0f} MB "
        f"after, peak {api.peak_mb:.0f} MB (target: no growth beyond ~50 MB under load)",
    ]
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> None:
    """Run both loads and print the tables."""
    hook = await webhook_load(args.seconds, args.citizens, args.think)
    api = await api_load(args.api_seconds, args.api_concurrency)
    print(f"machine: {machine()}")
    print(format_tables(hook, api))


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="webhook load duration")
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--think", type=float, default=3.2, help="seconds between messages")
    parser.add_argument("--api-seconds", type=float, default=20.0)
    parser.add_argument("--api-concurrency", type=int, default=64)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_args()))
