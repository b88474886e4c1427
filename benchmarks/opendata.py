"""Public pages, figure links and open-data exports vs a bare aiohttp handler, same run.

Usage: .venv/bin/python benchmarks/opendata.py [--seconds 4] [--concurrency 16]

Three processes on loopback: `shafaf run` over the sample data, the bare handler, and this load
generator. Every page and export is cached by data version, so the usual request is a cache hit;
"uncached" rows add a throw-away parameter to every request (a new cache key each time), which
is what the first visitor after an import pays. The export table times single cold requests
(the first after start-up, nothing cached) of each CSV and of the whole package as a zip.
Targets: a cached page at 30% of bare or better; the full sample exported in under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo before benchmarks/ (nlp.py)

from backend.opendata.freshness import PUBLIC_TABLES
from benchmarks._load import (
    hammer,
    machine,
    shafaf_and_bare,
    table,
)

PAGES = [
    ("page / (home)", "/"),
    ("page /share (a year)", "/share?municipality=mashhad&from=1403-01&to=1403-12"),
    ("page /spending (a year)", "/spending?municipality=mashhad&from=1403-01&to=1403-12"),
    ("page /projects/P-1001", "/projects/P-1001"),
    ("page /calculator (a result)", "/calculator?amount=10000000&unit=toman"),
    ("figure /d/spending/….json", "/d/spending/mashhad/1403.json"),
    ("figure /d/share/….csv", "/d/share/mashhad/1403.csv"),
    ("export vat_shares.csv", "/api/v1/export/vat_shares.csv"),
]
UNCACHED = [
    ("page /share, uncached", "/share?municipality=mashhad&from=1403-01&to=1403-12"),
    ("page /spending, uncached", "/spending?municipality=mashhad&from=1403-01&to=1403-12"),
    ("figure /d/spending/….json, uncached", "/d/spending/mashhad/1403.json"),
]
TARGET_PAGE_RATIO = 0.30
TARGET_EXPORT_SECONDS = 1.0


async def cold_exports(base: str) -> list[tuple[str, int, float]]:
    """Time one cold request of each export and of the zip (name, bytes, seconds)."""
    timings = []
    async with aiohttp.ClientSession() as session:
        for name in [*PUBLIC_TABLES, "datapackage.json", "datapackage.zip"]:
            path = f"/api/v1/export/{name}" if "." in name else f"/api/v1/export/{name}.csv"
            started = time.perf_counter()
            async with session.get(base + path) as response:
                body = await response.read()
                assert response.status == 200, (path, response.status)
            timings.append((path.rsplit("/", 1)[1], len(body), time.perf_counter() - started))
    return timings


def export_table(timings: list[tuple[str, int, float]]) -> str:
    lines = [
        "| cold export (first request, nothing cached) | bytes | seconds | under 1 s |",
        "| --- | ---: | ---: | :---: |",
    ]
    for name, size, seconds in timings:
        ok = "yes" if seconds < TARGET_EXPORT_SECONDS else "**no**"
        lines.append(f"| {name} | {size:,} | {seconds:.3f} | {ok} |")
    csv_total = sum(s for n, _, s in timings if n.endswith(".csv"))
    lines.append(
        f"| all nine CSVs, one after another | | {csv_total:.3f} | "
        f"{'yes' if csv_total < TARGET_EXPORT_SECONDS else '**no**'} |"
    )
    return "\n".join(lines)


async def run(seconds: float, concurrency: int) -> str:
    async with shafaf_and_bare() as servers:
        base = servers.base
        cold = await cold_exports(base)  # first: nothing is cached yet
        for _, path in PAGES:  # warm-up: compile statements, fill the caches
            await hammer("warm", base + path, seconds=0.5, concurrency=4)
        baseline = await hammer(
            "bare aiohttp handler (baseline)",
            servers.bare,
            seconds=seconds,
            concurrency=concurrency,
        )
        results = [
            await hammer(name, base + path, seconds=seconds, concurrency=concurrency)
            for name, path in PAGES
        ]
        results += [
            await hammer(name, base + path, seconds=seconds, concurrency=concurrency, distinct=True)
            for name, path in UNCACHED
        ]
    pages = [r for r in results if r.name.startswith("page") and "uncached" not in r.name]
    worst = min(r.rps for r in pages) / baseline.rps if baseline.rps else 0.0
    header = (
        f"Open data benchmark — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {machine()}; "
        f"SQLite, sample data, {concurrency} concurrent clients, {seconds:g} s per row\n"
    )
    verdict = (
        f"\nSlowest cached page: {worst:.2f}× bare (target ≥ {TARGET_PAGE_RATIO:.2f}×: "
        f"{'met' if worst >= TARGET_PAGE_RATIO else 'NOT met'})."
    )
    return header + "\n" + table(results, baseline) + verdict + "\n\n" + export_table(cold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    print(asyncio.run(run(args.seconds, args.concurrency)))


if __name__ == "__main__":
    main()
