"""The delivery log of digests: claim work, settle outcomes, and report progress to staff.

One `Delivery` row per digest × chat is the whole truth. The sender marks rows `sending` before
it calls the Bot API and `sent` (or `failed`/`skipped`) after, in batches. After a crash the rows
still `sending` are the only ones whose fate is unknown: `recover` puts them back to `pending`,
so nothing is lost and at most those few are sent twice. Only one process sends at a time (see
`backend.schedule.SenderLock`); on PostgreSQL claims also skip rows another transaction holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import func, select, update

from backend.clock import aware, utcnow
from backend.models import Delivery, Digest, DigestChart, DigestMessage, Subscription
from backend.services.base import SessionFactory

Outcome = Literal["sent", "failed", "skipped"]
RATE_WINDOW_SECONDS = 60


@dataclass(frozen=True, slots=True)
class DeliveryItem:
    """One claimed delivery, as the sender needs it."""

    id: int
    digest_id: int
    subscription_id: int | None
    chat_id: int
    message_id: int | None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A digest message as stored: the reply JSON and its chart, if any."""

    id: int
    reply: dict[str, Any]
    chart_id: int | None


@dataclass(frozen=True, slots=True)
class Settlement:
    """The final outcome of one delivery."""

    delivery_id: int
    status: Outcome
    attempts: int
    subscription_id: int | None = None
    error: str | None = None
    deactivate: bool = False  # the chat blocked the bot: stop its subscription
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a broadcast stands (one digest, or everything not yet finished)."""

    total: int
    sent: int
    failed: int
    skipped: int
    pending: int  # pending + sending
    rate_per_second: float  # sent in the last minute, per second
    eta_seconds: float | None  # None when nothing is moving

    @property
    def done(self) -> bool:
        """Tell whether nothing is left to send."""
        return self.pending == 0


@dataclass(frozen=True, slots=True)
class DigestSummary:
    """A digest run for the staff list."""

    id: int
    kind: str
    key: str
    created_at: datetime
    finished_at: datetime | None
    progress: Progress


class BroadcastService:
    """Read and settle the delivery log."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def recover(self, platform: str) -> int:
        """Put deliveries left `sending` by a crashed sender back to `pending`; return how many."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(Delivery)
                .where(Delivery.platform == platform, Delivery.status == "sending")
                .values(status="pending", updated_at=utcnow())
            )
        return int(getattr(result, "rowcount", 0) or 0)

    async def claim(self, platform: str, limit: int) -> list[DeliveryItem]:
        """Mark up to `limit` pending deliveries `sending` (oldest first) and return them."""
        async with self._sessions() as session, session.begin():
            rows = (
                await session.execute(
                    select(
                        Delivery.id,
                        Delivery.digest_id,
                        Delivery.subscription_id,
                        Delivery.chat_id,
                        Delivery.message_id,
                    )
                    .where(Delivery.platform == platform, Delivery.status == "pending")
                    .order_by(Delivery.id)
                    .limit(limit)
                    # Belt and braces on PostgreSQL (SQLite ignores it): should two senders
                    # ever overlap (a lock handover), they still never claim the same row.
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if rows:
                await session.execute(
                    update(Delivery)
                    .where(Delivery.id.in_([r[0] for r in rows]))
                    .values(status="sending", updated_at=utcnow())
                )
        return [DeliveryItem(int(i), int(d), s, int(c), m) for i, d, s, c, m in rows]

    async def pending_count(self, platform: str) -> int:
        """Count deliveries still to send on a platform."""
        async with self._sessions() as session:
            return int(
                await session.scalar(
                    select(func.count())
                    .select_from(Delivery)
                    .where(
                        Delivery.platform == platform, Delivery.status.in_(("pending", "sending"))
                    )
                )
                or 0
            )

    async def message(self, message_id: int) -> StoredMessage | None:
        """Load one stored digest message."""
        async with self._sessions() as session:
            row = await session.get(DigestMessage, message_id)
            if row is None:
                return None
            return StoredMessage(row.id, dict(row.reply), row.chart_id)

    async def chart_png(self, chart_id: int) -> bytes | None:
        """Load a chart's PNG bytes."""
        async with self._sessions() as session:
            png = await session.scalar(select(DigestChart.png).where(DigestChart.id == chart_id))
        return bytes(png) if png is not None else None

    async def settle(self, settlements: Sequence[Settlement]) -> None:
        """Record outcomes in one transaction; stop subscriptions of chats that blocked the bot."""
        if not settlements:
            return
        now = utcnow()
        rows = [
            {
                "id": s.delivery_id,
                "status": s.status,
                "attempts": s.attempts,
                "error": s.error[:500] if s.error else None,
                "updated_at": now,
                "sent_at": (s.at or now) if s.status == "sent" else None,
            }
            for s in settlements
        ]
        blocked = sorted(
            {
                s.subscription_id
                for s in settlements
                if s.deactivate and s.subscription_id is not None
            }
        )
        delivered = sorted(
            {
                s.subscription_id
                for s in settlements
                if s.status == "sent" and s.subscription_id is not None
            }
        )
        async with self._sessions() as session, session.begin():
            await session.execute(update(Delivery), rows)  # bulk UPDATE by primary key
            if blocked:
                await session.execute(
                    update(Subscription)
                    .where(Subscription.id.in_(blocked))
                    .values(active=False, updated_at=now)
                )
            if delivered:
                await session.execute(
                    update(Subscription)
                    .where(Subscription.id.in_(delivered))
                    .values(last_digest_at=now)
                )

    async def finish_digests(self) -> int:
        """Stamp digests with nothing left to send as finished; return how many."""
        now = utcnow()
        busy = (
            select(Delivery.digest_id).where(Delivery.status.in_(("pending", "sending"))).distinct()
        )
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(Digest)
                .where(Digest.finished_at.is_(None), Digest.id.not_in(busy))
                .values(finished_at=now)
            )
        return int(getattr(result, "rowcount", 0) or 0)

    async def progress(self, digest: int | str | None = None) -> Progress:
        """Return the progress of one digest (id or key), or of every unfinished digest."""
        async with self._sessions() as session:
            stmt = select(Delivery.status, func.count()).group_by(Delivery.status)
            recent = (
                select(func.count())
                .select_from(Delivery)
                .where(
                    Delivery.status == "sent",
                    Delivery.sent_at >= utcnow() - timedelta(seconds=RATE_WINDOW_SECONDS),
                )
            )
            if digest is not None:
                digest_id = (
                    digest
                    if isinstance(digest, int)
                    else await session.scalar(select(Digest.id).where(Digest.key == digest))
                )
                stmt = stmt.where(Delivery.digest_id == digest_id)
                recent = recent.where(Delivery.digest_id == digest_id)
            else:
                unfinished = select(Digest.id).where(Digest.finished_at.is_(None))
                stmt = stmt.where(Delivery.digest_id.in_(unfinished))
                recent = recent.where(Delivery.digest_id.in_(unfinished))
            counts = {status: int(n) for status, n in await session.execute(stmt)}
            sent_recently = int(await session.scalar(recent) or 0)
        return _progress(counts, sent_recently / RATE_WINDOW_SECONDS)

    async def digests(self, limit: int = 20) -> list[DigestSummary]:
        """List the latest digest runs with their progress, newest first."""
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(
                        Digest.id, Digest.kind, Digest.key, Digest.created_at, Digest.finished_at
                    )
                    .order_by(Digest.id.desc())
                    .limit(limit)
                )
            ).all()
        return [
            DigestSummary(i, k, key, aware(c), aware(f) if f else None, await self.progress(i))
            for i, k, key, c, f in rows
        ]


def _progress(counts: dict[str, int], rate: float) -> Progress:
    pending = counts.get("pending", 0) + counts.get("sending", 0)
    return Progress(
        total=sum(counts.values()),
        sent=counts.get("sent", 0),
        failed=counts.get("failed", 0),
        skipped=counts.get("skipped", 0),
        pending=pending,
        rate_per_second=rate,
        eta_seconds=pending / rate if rate > 0 and pending else (0.0 if not pending else None),
    )
