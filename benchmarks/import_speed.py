"""Time the CSV importer on a generated ~10 MB vat_shares.csv, on SQLite and PostgreSQL.

Usage: .venv/bin/python benchmarks/import_speed.py [--mb 10]

PostgreSQL runs when `SHAFAF_TEST_PG_URL` (default postgresql+asyncpg://postgres@127.0.0.1:5432/test)
is reachable; it works in a throwaway schema and drops it afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo before benchmarks/ (nlp.py)

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from backend.db import create_engine, create_sessionmaker
from backend.importer import apply, read_paths, validate
from backend.migrate import upgrade_to_head

PG_URL = os.environ.get("SHAFAF_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
YEARS = range(1390, 1405)
SOURCE = "گزارش ماهانه سازمان امور مالیاتی (نمونه)"
T = TypeVar("T")


def generate(folder: Path, megabytes: float) -> tuple[int, float]:
    """Write municipalities.csv and a vat_shares.csv of about `megabytes`; return (rows, MB)."""
    rng = random.Random(1404)
    sample_row = f"m-00000,1400,12,{10**12},1400-12-29,{SOURCE}\n".encode()
    per_municipality = len(YEARS) * 12
    municipalities = max(1, round(megabytes * 1e6 / len(sample_row) / per_municipality))
    slugs = [f"m-{i:05d}" for i in range(municipalities)]
    with (folder / "municipalities.csv").open("w", encoding="utf-8") as out:
        out.write("slug,name_fa,province_fa,population\n")
        for slug in slugs:
            out.write(f"{slug},شهر {slug},استان نمونه,{rng.randint(10_000, 4_000_000)}\n")
    rows = 0
    with (folder / "vat_shares.csv").open("w", encoding="utf-8") as out:
        out.write("municipality,year,month,amount_rial,published_on,source\n")
        for slug in slugs:
            for year in YEARS:
                for month in range(1, 13):
                    published = f"{year + (month == 12):04d}-{month % 12 + 1:02d}-10"
                    amount = rng.randint(10**9, 2 * 10**12)
                    out.write(f"{slug},{year},{month},{amount},{published},{SOURCE}\n")
                    rows += 1
    return rows, (folder / "vat_shares.csv").stat().st_size / 1e6


def bump_one_percent(folder: Path) -> int:
    """Change the amount of every hundredth vat_shares row in place; return how many."""
    path = folder / "vat_shares.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = 0
    for index in range(1, len(lines), 100):
        cells = lines[index].split(",")
        cells[3] = str(int(cells[3]) + 1)
        lines[index] = ",".join(cells)
        changed += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


@asynccontextmanager
async def database(kind: str, tmp: Path) -> AsyncIterator[AsyncEngine]:
    """Yield a migrated, empty database of the given kind."""
    if kind == "sqlite":
        engine = create_engine(f"sqlite+aiosqlite:///{tmp / 'bench.db'}")
        await upgrade_to_head(engine)
        try:
            yield engine
        finally:
            await engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    try:
        await upgrade_to_head(engine)
        yield engine
    finally:
        await engine.dispose()
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


async def timed(call: Callable[[], Awaitable[T]]) -> tuple[T, float]:
    """Await a call and return its result with the seconds it took."""
    start = time.perf_counter()
    result = await call()
    return result, time.perf_counter() - start


async def run_one(kind: str, folder: Path, rows: int, megabytes: float) -> list[tuple[str, ...]]:
    """Import, re-import (no-op) and import with 1% changed; return table rows."""
    results: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        async with database(kind, Path(tmp)) as engine:
            sessions = create_sessionmaker(engine)

            async def run(label: str, n: int) -> None:
                files = read_paths([folder])
                async with sessions() as session, session.begin():
                    plan, t_validate = await timed(lambda: validate(session, files))
                    summary, t_apply = await timed(lambda: apply(session, plan, origin="benchmark"))
                counts = summary.counts["vat_shares"]
                total = t_validate + t_apply
                results.append(
                    (
                        kind,
                        label,
                        f"{n:,}",
                        f"{megabytes:.1f}",
                        f"{t_validate:.2f}",
                        f"{t_apply:.2f}",
                        f"{total:.2f}",
                        f"{n / total:,.0f}",
                        f"+{counts['inserted']} ~{counts['updated']} ={counts['unchanged']}",
                    )
                )

            await run("first import", rows)
            await run("re-import (no-op)", rows)
            bump_one_percent(folder)
            await run("re-import (1% changed)", rows)
    return results


async def pg_reachable() -> bool:
    """Tell whether the benchmark PostgreSQL answers."""
    engine = create_engine(PG_URL)
    try:
        async with asyncio.timeout(5), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        await engine.dispose()


async def main() -> None:
    """Generate the data, run every reachable backend, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of vat_shares.csv in MB")
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if await pg_reachable() else [])
    table: list[tuple[str, ...]] = []
    for kind in kinds:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            rows, megabytes = generate(folder, args.mb)  # fresh data: the run edits it
            table.extend(await run_one(kind, folder, rows, megabytes))
    if "postgresql" not in kinds:
        print(f"(PostgreSQL skipped: {PG_URL} not reachable)")
    header = ("db", "run", "rows", "MB", "validate s", "apply s", "total s", "rows/s", "vat_shares")
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(header)]
    for line in (header, tuple("-" * w for w in widths), *table):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    asyncio.run(main())
