"""Writes that need not hold up a reply: the question log and each chat's frame.

Every answered question used to cost a reply two database writes before it could be sent. They
are queued here instead and written together, in one transaction, a few milliseconds later (or
as soon as a batch fills up). Nothing a citizen sees depends on them in between: frames are read
from the process's own cache, and a 👍/👎 on a question not yet written first flushes the queue.
`close()` (when the runtime closes) writes what is left.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backend.models import ChatFrame, QuestionLog
from backend.services.base import SessionFactory

log = logging.getLogger("shafaf.writes")

FLUSH_AFTER_SECONDS = 0.05
BATCH_SIZE = 500


class WriteBehind:
    """Queue question-log rows and frame upserts; write them in batches."""

    def __init__(self, sessions: SessionFactory, delay: float = FLUSH_AFTER_SECONDS) -> None:
        self._sessions = sessions
        self._delay = delay
        self._questions: list[dict[str, Any]] = []
        self._frames: dict[tuple[str, int], tuple[dict[str, Any], datetime]] = {}
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def add_question(self, values: dict[str, Any]) -> None:
        """Queue one question-log row (its `token` lets a 👍/👎 find it later)."""
        self._questions.append(values)
        self._wake()

    def put_frame(self, platform: str, chat_id: int, frame: dict[str, Any], at: datetime) -> None:
        """Queue a chat's frame (only the latest of a chat is written)."""
        self._frames[(platform, chat_id)] = (frame, at)
        self._wake()

    def forget_frame(self, platform: str, chat_id: int) -> None:
        """Drop a queued frame (the chat's context was cleared)."""
        self._frames.pop((platform, chat_id), None)

    @property
    def pending(self) -> int:
        """Return how many writes wait."""
        return len(self._questions) + len(self._frames)

    def _wake(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - services are used inside a loop
            return
        self._task = loop.create_task(self._later())

    async def _later(self) -> None:
        if self.pending < BATCH_SIZE:
            await asyncio.sleep(self._delay)
        try:
            await self.flush()
        except Exception:  # the database may be down: keep the rows, try on the next write
            log.warning("could not write %d queued rows; will retry", self.pending, exc_info=True)

    async def flush(self) -> None:
        """Write everything queued now, in one transaction."""
        async with self._lock:
            questions, self._questions = self._questions, []
            frames, self._frames = self._frames, {}
            if not questions and not frames:
                return
            try:
                async with self._sessions() as session, session.begin():
                    if questions:
                        await session.execute(insert(QuestionLog), questions)
                    if frames:
                        dialect = session.get_bind().dialect.name
                        upsert = pg_insert if dialect == "postgresql" else sqlite_insert
                        stmt = upsert(ChatFrame)
                        await session.execute(
                            stmt.on_conflict_do_update(
                                index_elements=["platform", "chat_id"],
                                set_={
                                    "frame": stmt.excluded.frame,
                                    "updated_at": stmt.excluded.updated_at,
                                },
                            ),
                            [
                                {"platform": p, "chat_id": c, "frame": f, "updated_at": at}
                                for (p, c), (f, at) in frames.items()
                            ],
                        )
            except BaseException:
                # put them back (newer frames written meanwhile win) and let the caller know
                self._questions[:0] = questions
                for key, value in frames.items():
                    self._frames.setdefault(key, value)
                raise

    async def close(self) -> None:
        """Write what is left and stop the background writer."""
        try:
            await self.flush()
        except Exception:
            log.warning("could not write %d queued rows at close", self.pending, exc_info=True)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
