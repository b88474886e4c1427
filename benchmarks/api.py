"""Public API throughput and latency on the sample data vs a bare aiohttp handler, same run.

Usage: .venv/bin/python benchmarks/api.py [--seconds 4] [--concurrency 16]
Both servers run as separate processes on loopback; the load generator is a third.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from benchmarks._load import free_port, hammer, machine, start_process, table, wait_http

ENDPOINTS = [
    ("GET /vat-shares (year)", "/api/v1/vat-shares?municipality=mashhad&group=year"),
    (
        "GET /vat-shares (month, 1404)",
        "/api/v1/vat-shares?municipality=mashhad&from=1404-01&to=1404-12",
    ),
    ("GET /projects (filtered page)", "/api/v1/projects?status=in_progress&per_page=10"),
    ("GET /projects/{code}", "/api/v1/projects/P-1001"),
    ("GET /health", "/api/v1/health"),
]


async def run(seconds: float, concurrency: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        api_port, bare_port = free_port(), free_port()
        db = Path(tmp) / "bench.db"
        env = {
            "SHAFAF_DATABASE_URL": f"sqlite+aiosqlite:///{db}",
            "SHAFAF_HTTP_PORT": str(api_port),
            "SHAFAF_BOT_TOKEN": "",
            "SHAFAF_TODAY": "1405-09-08",
        }
        api = start_process(["-m", "shafaf.cli", "run"], env)
        bare = start_process(["benchmarks/bare_aiohttp.py", str(bare_port)])
        try:
            await wait_http(f"http://127.0.0.1:{api_port}/api/v1/health")
            await wait_http(f"http://127.0.0.1:{bare_port}/")
            # Warm-up: first queries compile statements and fill caches.
            for _, path in ENDPOINTS:
                await hammer(
                    "warm", f"http://127.0.0.1:{api_port}{path}", seconds=0.5, concurrency=4
                )
            baseline = await hammer(
                "bare aiohttp handler (baseline)",
                f"http://127.0.0.1:{bare_port}/",
                seconds=seconds,
                concurrency=concurrency,
            )
            results = [
                await hammer(
                    name,
                    f"http://127.0.0.1:{api_port}{path}",
                    seconds=seconds,
                    concurrency=concurrency,
                )
                for name, path in ENDPOINTS
            ]
        finally:
            for process in (api, bare):
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
    header = (
        f"API benchmark — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {machine()}; "
        f"SQLite, sample data, {concurrency} concurrent clients, {seconds:g} s per endpoint\n"
    )
    return header + "\n" + table(results, baseline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    print(asyncio.run(run(args.seconds, args.concurrency)))


if __name__ == "__main__":
    main()
