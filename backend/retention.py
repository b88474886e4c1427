"""Data retention: forget citizens' contact details once they are older than the set period.

A phone number is shared only so staff can call back about one feedback; after
`SHAFAF_CONTACT_RETENTION_DAYS` the feedback itself stays (text, status, history) and the phone
and name are erased. Abandoned flow drafts that may hold a phone go after the same period.
`run_retention_forever` repeats the purge daily inside `shafaf run`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update

from backend.clock import utcnow
from backend.models import ConversationState, Feedback
from backend.services.base import SessionFactory
from backend.services.frames import purge_stale_frames

log = logging.getLogger("shafaf.retention")

PURGE_INTERVAL_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """How many rows one purge touched."""

    feedback_contacts: int
    stale_drafts: int


async def purge_contact_details(
    sessions: SessionFactory, days: int, now: datetime | None = None
) -> PurgeResult:
    """Erase contact phone and name of feedback older than `days`, and older flow drafts."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    async with sessions() as session, session.begin():
        erased = await session.execute(
            update(Feedback)
            .where(
                Feedback.created_at < cutoff,
                or_(Feedback.contact_phone.is_not(None), Feedback.contact_name.is_not(None)),
            )
            .values(contact_phone=None, contact_name=None)
        )
        drafts = await session.execute(
            delete(ConversationState).where(ConversationState.updated_at < cutoff)
        )
    # Result rowcounts exist on CursorResult; counts only, never whose contact it was.
    return PurgeResult(
        int(getattr(erased, "rowcount", 0) or 0), int(getattr(drafts, "rowcount", 0) or 0)
    )


async def run_retention_forever(
    sessions: SessionFactory, days: int, interval: float = PURGE_INTERVAL_SECONDS
) -> None:
    """Purge now and then every `interval` seconds until cancelled; errors wait for next time."""
    while True:
        try:
            result = await purge_contact_details(sessions, days)
            await purge_stale_frames(sessions)
            if result.feedback_contacts or result.stale_drafts:
                log.info(
                    "retention: erased contact details of %d feedback item(s) and %d stale "
                    "draft(s) older than %d days",
                    result.feedback_contacts,
                    result.stale_drafts,
                    days,
                )
        except Exception:  # the database may be down now; the next round retries
            log.warning("retention: purge failed; will retry", exc_info=True)
        await asyncio.sleep(interval)
