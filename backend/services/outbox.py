"""Messages owed to citizens: claimed, sent by the bot, and marked, so none is lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from backend.clock import utcnow
from backend.models import OutboxMessage
from backend.services.base import SessionFactory

MAX_ATTEMPTS = 8


@dataclass(frozen=True, slots=True)
class PendingMessage:
    id: int
    platform: str
    chat_id: int
    kind: str
    text: str
    ref: str | None
    attempts: int


class OutboxService:
    """Read and settle the outbox."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def due(
        self, platform: str, limit: int = 50, now: datetime | None = None
    ) -> list[PendingMessage]:
        """Return messages that are due to be (re)sent, oldest first."""
        now = now or utcnow()
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(OutboxMessage)
                    .where(
                        OutboxMessage.platform == platform,
                        OutboxMessage.sent_at.is_(None),
                        OutboxMessage.failed_at.is_(None),
                        OutboxMessage.next_attempt_at <= now,
                    )
                    .order_by(OutboxMessage.id)
                    .limit(limit)
                )
            ).all()
        return [
            PendingMessage(r.id, r.platform, r.chat_id, r.kind, r.text, r.ref, r.attempts)
            for r in rows
        ]

    async def mark_sent(self, message_id: int) -> None:
        """Record a successful delivery."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(OutboxMessage).where(OutboxMessage.id == message_id).values(sent_at=utcnow())
            )

    async def mark_failed(
        self,
        message_id: int,
        error: str,
        *,
        retry_after: float | None = None,
        permanent: bool = False,
    ) -> None:
        """Record a failed attempt; retry later with backoff unless it is permanent."""
        now = utcnow()
        async with self._sessions() as session, session.begin():
            row = await session.get(OutboxMessage, message_id)
            if row is None:
                return
            row.attempts += 1
            row.last_error = error[:500]
            if permanent or row.attempts >= MAX_ATTEMPTS:
                row.failed_at = now
            else:
                delay = retry_after if retry_after is not None else min(2**row.attempts, 300)
                row.next_attempt_at = now + timedelta(seconds=delay)
