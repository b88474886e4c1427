"""The outbox drainer: deliver queued notices (staff replies, status changes) to citizens.

Runs as a PTB job every couple of seconds. Each due message is sent as plain text and settled:
sent → `mark_sent`; 403 (blocked, kicked) or 400 (chat gone, bad text) → permanent failure;
429 → retry after the server's `retry_after`; timeouts, network errors and 5xx → exponential
backoff by the outbox service. A crash between sending and marking may send a notice twice,
never lose it (at-least-once is the right side to err on for "your feedback was answered").
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from backend.services.outbox import OutboxService, PendingMessage

log = logging.getLogger("shafaf.bot.sender")

DRAIN_INTERVAL_SECONDS = 2.0
BATCH = 50


class OutboxSender:
    """Send due outbox messages for one platform, paced to the configured rate."""

    def __init__(self, bot: Bot, outbox: OutboxService, platform: str, rate: float) -> None:
        self._bot = bot
        self._outbox = outbox
        self._platform = platform
        self._pause = 1.0 / rate if rate > 0 else 0.0
        self._lock = asyncio.Lock()

    async def drain(self) -> int:
        """Send what is due now; return how many were delivered."""
        if self._lock.locked():
            return 0  # the previous run is still going; jobs must not overlap
        async with self._lock:
            delivered = 0
            for message in await self._outbox.due(self._platform, limit=BATCH):
                if await self._send(message):
                    delivered += 1
                if self._pause:
                    await asyncio.sleep(self._pause)
            return delivered

    async def _send(self, message: PendingMessage) -> bool:
        try:
            await self._bot.send_message(message.chat_id, message.text[:4096])
        except RetryAfter as exc:
            retry = exc.retry_after  # a timedelta: bot/__init__ opts into PTB_TIMEDELTA
            seconds = retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
            await self._outbox.mark_failed(message.id, str(exc), retry_after=seconds)
            return False
        except (Forbidden, BadRequest) as exc:
            log.info(
                "outbox message %s to chat %s failed for good: %s", message.id, message.chat_id, exc
            )
            await self._outbox.mark_failed(message.id, str(exc), permanent=True)
            return False
        except (NetworkError, TelegramError) as exc:  # timeouts and 5xx: back off and retry
            await self._outbox.mark_failed(message.id, str(exc))
            return False
        await self._outbox.mark_sent(message.id)
        return True
