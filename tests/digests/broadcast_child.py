"""A sender process for the crash test: drain the digest deliveries of one database, then exit.

Run as `python -m tests.digests.broadcast_child DB_URL BOT_API_BASE TOKEN RATE`; prints the run's
stats as JSON. The crash test kills it with SIGKILL half-way and starts it again.
"""

from __future__ import annotations

import asyncio
import json
import sys

from telegram import Bot

from backend.config import load_settings
from backend.db import create_engine, create_sessionmaker
from bot.broadcast import digest_engine
from bot.http import AiohttpRequest


async def main(url: str, base_url: str, token: str, rate: float) -> None:
    settings = load_settings(
        database_url=url, bot_token=token, bot_api_url=base_url, send_rate=rate
    )
    engine = create_engine(url)
    bot = Bot(token, base_url=base_url, request=AiohttpRequest())
    try:
        stats = await digest_engine(bot, create_sessionmaker(engine), settings).drain()
        print(json.dumps({"sent": stats.sent, "failed": stats.failed, "calls": stats.api_calls}))
    finally:
        await bot.request.shutdown()
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])))
