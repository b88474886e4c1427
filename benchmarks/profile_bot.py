"""Where an update's time goes on the webhook path: a profile grouped by area, and the database
round trips per update.

Usage: .venv/bin/python benchmarks/profile_bot.py [--updates 600] [--concurrency 16]

The bot runs as `shafaf run` does in webhook mode (see benchmarks/bot.py), over SQLite with the
sample data, each update from a new citizen (the costliest case: nothing of the chat is cached).
cProfile's own time is grouped by the package the code lives in; statements are counted at the
database driver.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import itertools
import pstats
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from benchmarks.bot import ReplyClock, drive, webhook_bot
from tests.fakes.bot_api import FakeBotApi

# (area, what a function's file path contains), first match wins
AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("understanding (nlp/)", ("/nlp/",)),
    ("conversation (backend/conversation/)", ("/backend/conversation/",)),
    ("services and queries (backend/services/)", ("/backend/services/",)),
    ("rendering and transport (bot/)", ("/bot/",)),
    ("other backend code", ("/backend/",)),
    ("SQLAlchemy", ("/sqlalchemy/",)),
    ("aiosqlite + sqlite3", ("/aiosqlite/", "sqlite3")),
    ("python-telegram-bot", ("/telegram/",)),
    ("httpx / httpcore (Bot API calls)", ("/httpx/", "/httpcore/", "/h11/")),
    ("aiohttp (webhook server, test client)", ("/aiohttp/", "/multidict/", "/yarl/")),
    ("json", ("/json/",)),
    ("asyncio event loop", ("/asyncio/", "selectors")),
    ("the fake Bot API and the driver (tests/)", ("/tests/", "/benchmarks/")),
)


def area_of(path: str) -> str:
    for name, needles in AREAS:
        if any(n in path for n in needles):
            return name
    return "other (builtins, stdlib)"


async def main(args: argparse.Namespace) -> None:
    chat_ids = itertools.count(500_000)
    statements: Counter[str] = Counter()
    async with FakeBotApi() as fake:
        clock = ReplyClock(fake)
        with tempfile.TemporaryDirectory() as tmp:
            async with webhook_bot(fake, Path(tmp) / "profile.db") as (url, runtime, _):

                @event.listens_for(runtime.engine.sync_engine, "before_cursor_execute")
                def count(*parts: object) -> None:
                    statement = str(parts[2]).split(None, 1)[0].upper()
                    statements[statement] += 1

                await drive(url, clock, 30, 4, chat_ids)  # warm-up
                await asyncio.sleep(0.2)
                statements.clear()
                profile = cProfile.Profile()
                profile.enable()
                _, wall = await drive(url, clock, args.updates, args.concurrency, chat_ids)
                profile.disable()
                await runtime.services.writes.flush()
    stats = pstats.Stats(profile)
    by_area: Counter[str] = Counter()
    total = 0.0
    for (path, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_area[area_of(path)] += tottime
        total += tottime
    n = args.updates
    print(f"webhook path, {n} updates from new citizens, {args.concurrency} in flight")
    print(f"wall {wall:.2f} s ({n / wall:.0f} updates/s under the profiler)")
    print()
    print("| area | CPU ms per update | share |")
    print("| --- | ---: | ---: |")
    for name, seconds in by_area.most_common():
        print(f"| {name} | {seconds * 1000 / n:.2f} | {seconds * 100 / total:.0f}% |")
    print()
    print("| database statements per update | count |")
    print("| --- | ---: |")
    for statement, times in statements.most_common():
        print(f"| {statement} | {times / n:.2f} |")
    print(f"| all (batched writes included) | {sum(statements.values()) / n:.2f} |")
    if args.top:
        print()
        stats.sort_stats("tottime").print_stats(args.top)
    if args.dump:
        stats.dump_stats(args.dump)


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--top", type=int, default=0, help="also list the N costliest functions")
    parser.add_argument("--dump", help="also write the raw profile here (pstats format)")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_args()))
