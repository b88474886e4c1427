"""Public API throughput and latency on the sample data vs a bare aiohttp handler, same run.

Usage: .venv/bin/python benchmarks/api.py [--seconds 4] [--concurrency 16] [--rounds 4]
Both servers run as separate processes on loopback; the load generator is a third. Each
endpoint is measured in `rounds` slices alternating with the bare handler, and its ratio is
taken against those paired baseline slices: on a shared machine a neighbour's load then moves
both sides of a ratio alike instead of whichever endpoint happened to run during it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt

from benchmarks._load import LoadResult, hammer, machine, shafaf_and_bare

ENDPOINTS = [
    ("GET /vat-shares (year)", "/api/v1/vat-shares?municipality=mashhad&group=year"),
    (
        "GET /vat-shares (month, 1404)",
        "/api/v1/vat-shares?municipality=mashhad&from=1404-01&to=1404-12",
    ),
    ("GET /projects (filtered page)", "/api/v1/projects?status=in_progress&per_page=10"),
    ("GET /projects/{code}", "/api/v1/projects/P-1001"),
    ("GET /health (liveness, from memory)", "/api/v1/health"),
    ("GET /ready (database, cached 1 s)", "/api/v1/ready"),
]


def pooled(name: str, runs: list[LoadResult]) -> LoadResult:
    """Merge slices of one measurement (requests and time summed, worst percentiles kept)."""
    return LoadResult(
        name,
        sum(r.requests for r in runs),
        sum(r.errors for r in runs),
        sum(r.seconds for r in runs),
        max(r.p50_ms for r in runs),
        max(r.p99_ms for r in runs),
    )


async def paired(
    name: str, url: str, bare_url: str, *, seconds: float, concurrency: int, rounds: int
) -> tuple[LoadResult, LoadResult]:
    """Measure `url` and the bare handler in alternating slices; return (endpoint, bare)."""
    mine: list[LoadResult] = []
    bare: list[LoadResult] = []
    for _ in range(rounds):
        slice_s = seconds / rounds
        bare.append(await hammer("bare", bare_url, seconds=slice_s, concurrency=concurrency))
        mine.append(await hammer(name, url, seconds=slice_s, concurrency=concurrency))
    return pooled(name, mine), pooled("bare", bare)


def paired_table(rows: list[tuple[LoadResult, LoadResult]]) -> str:
    """Format endpoint results with their paired baseline as a Markdown table."""
    lines = [
        "| endpoint | req/s | p50 ms | p99 ms | errors | bare req/s (paired) | vs bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for mine, bare in rows:
        ratio = mine.rps / bare.rps if bare.rps else float("nan")
        cells = [
            mine.name,
            f"{mine.rps:,.0f}",
            f"{mine.p50_ms:.2f}",
            f"{mine.p99_ms:.2f}",
            str(mine.errors),
            f"{bare.rps:,.0f}",
            f"{ratio:.2f}×",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


async def run(seconds: float, concurrency: int, rounds: int) -> str:
    async with shafaf_and_bare() as servers:
        # Warm-up: first queries compile statements and fill caches (the bare server too).
        await hammer("warm", servers.bare, seconds=0.5, concurrency=4)
        for _, path in ENDPOINTS:
            await hammer("warm", servers.base + path, seconds=0.5, concurrency=4)
        rows = [
            await paired(
                name,
                servers.base + path,
                servers.bare,
                seconds=seconds,
                concurrency=concurrency,
                rounds=rounds,
            )
            for name, path in ENDPOINTS
        ]
    header = (
        f"API benchmark — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {machine()}; "
        f"SQLite, sample data, {concurrency} concurrent clients, {seconds:g} s per endpoint "
        f"in {rounds} slices alternating with the bare handler\n"
    )
    return header + "\n" + paired_table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    print(asyncio.run(run(args.seconds, args.concurrency, args.rounds)))


if __name__ == "__main__":
    main()
