"""The question log: fallbacks and 👎 answers for staff to review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, or_, select

from backend.clock import aware, utcnow
from backend.models import QuestionLog
from backend.services.base import SessionFactory

MAX_LOGGED_TEXT = 2000


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    id: int
    at: datetime
    text: str
    intent: str
    confidence: float
    answered: bool
    helpful: bool | None
    reason: str | None


class QuestionLogService:
    """Record questions and what citizens thought of the answers."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def record(
        self, platform: str, chat_id: int, text: str, intent: str, confidence: float, answered: bool
    ) -> int:
        """Log one question and return its id (for the 👍/👎 buttons)."""
        values = {
            "at": utcnow(),
            "platform": platform,
            "chat_id": chat_id,
            "text": text[:MAX_LOGGED_TEXT],
            "intent": intent,
            "confidence": confidence,
            "answered": answered,
            "handled": False,
        }
        # A Core INSERT … RETURNING: one round trip, no unit-of-work bookkeeping per question.
        async with self._sessions() as session, session.begin():
            new_id = await session.scalar(
                insert(QuestionLog).values(**values).returning(QuestionLog.id)
            )
        return int(new_id or 0)

    async def rate(
        self,
        question_id: int,
        platform: str,
        chat_id: int,
        helpful: bool,
        reason: str | None = None,
    ) -> bool:
        """Store 👍/👎 (and a reason) from the chat that asked; False if not theirs."""
        async with self._sessions() as session, session.begin():
            row = await session.get(QuestionLog, question_id)
            if row is None or row.platform != platform or row.chat_id != chat_id:
                return False
            row.helpful = helpful
            if reason is not None:
                row.reason = reason[:MAX_LOGGED_TEXT]
        return True

    async def to_review(self, limit: int = 50) -> list[LoggedQuestion]:
        """List unhandled questions the bot could not answer or that got 👎."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(QuestionLog)
                    .where(
                        QuestionLog.handled.is_(False),
                        or_(QuestionLog.answered.is_(False), QuestionLog.helpful.is_(False)),
                    )
                    .order_by(QuestionLog.at.desc())
                    .limit(limit)
                )
            ).all()
        return [
            LoggedQuestion(
                r.id, aware(r.at), r.text, r.intent, r.confidence, r.answered, r.helpful, r.reason
            )
            for r in rows
        ]
