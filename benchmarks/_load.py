"""A small, bounded HTTP load generator on loopback shared by the benchmark scripts."""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class LoadResult:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def free_port() -> int:
    """Return a free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_http(url: str, within: float = 30.0) -> None:
    """Wait until `url` answers (any status)."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url) as response:
                    await response.read()
                    return
            except aiohttp.ClientError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)


async def hammer(
    name: str,
    url: str,
    *,
    concurrency: int = 16,
    seconds: float = 4.0,
    max_requests: int = 200_000,
    method: str = "GET",
    json: object | None = None,
    distinct: bool = False,
) -> LoadResult:
    """Send requests from `concurrency` workers for `seconds` (bounded) and time each one.

    With `distinct`, every request carries a new `_n` query parameter: never a cache hit.
    """
    latencies: list[float] = []
    errors = 0
    counter = itertools.count()
    joiner = "&" if "?" in url else "?"
    stop_at = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)

    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < stop_at and len(latencies) + errors < max_requests:
                target = f"{url}{joiner}_n={next(counter)}" if distinct else url
                started = time.perf_counter()
                try:
                    async with session.request(method, target, json=json) as response:
                        await response.read()
                        if response.status >= 400:
                            errors += 1
                            continue
                except aiohttp.ClientError:
                    errors += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)

        began = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.monotonic() - began
    latencies.sort()
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = (
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        if latencies
        else float("nan")
    )
    return LoadResult(name, len(latencies), errors, elapsed, p50, p99)


def start_process(
    args: Sequence[str], env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start a helper process (server) with the repo's interpreter."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def machine() -> str:
    """Describe the machine a benchmark ran on."""
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}"


def table(results: Sequence[LoadResult], baseline: LoadResult) -> str:
    """Format results as a Markdown table with ratios to the baseline."""
    lines = [
        "| endpoint | req/s | p50 ms | p99 ms | errors | req/s vs bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in [baseline, *results]:
        ratio = r.rps / baseline.rps if baseline.rps else float("nan")
        cells = [r.name, f"{r.rps:,.0f}", f"{r.p50_ms:.2f}", f"{r.p99_ms:.2f}", str(r.errors)]
        lines.append("| " + " | ".join([*cells, f"{ratio:.2f}×"]) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Servers:
    """`shafaf run` and the bare aiohttp handler, up side by side."""

    base: str  # shafaf run's base URL (http://127.0.0.1:<port>)
    bare: str  # the bare handler's URL
    pid: int  # shafaf run's process


@asynccontextmanager
async def shafaf_and_bare(within: float = 60.0) -> AsyncIterator[Servers]:
    """Start `shafaf run` (SQLite, sample data, 1405-09-08, no bot) and the bare handler.

    Each gets a free port; both are up when this yields and stopped (their stderr pipes drained
    and closed) when it exits.
    """
    with tempfile.TemporaryDirectory() as tmp:
        port, bare_port = free_port(), free_port()
        env = {
            "SHAFAF_DATABASE_URL": f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}",
            "SHAFAF_HTTP_PORT": str(port),
            "SHAFAF_BOT_TOKEN": "",
            "SHAFAF_TODAY": "1405-09-08",
        }
        app = start_process(["-m", "shafaf.cli", "run"], env)
        bare = start_process(["benchmarks/bare_aiohttp.py", str(bare_port)])
        servers = Servers(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{bare_port}/", app.pid)
        try:
            await wait_http(f"{servers.base}/api/v1/health", within=within)
            await wait_http(servers.bare)
            yield servers
        finally:
            for process in (app, bare):
                process.terminate()
                try:
                    process.communicate(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.communicate()
