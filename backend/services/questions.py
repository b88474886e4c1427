"""The question log: fallbacks and 👎 answers for staff to review."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from backend.clock import aware, utcnow
from backend.models import QuestionLog
from backend.services.base import SessionFactory
from backend.services.writebehind import WriteBehind

MAX_LOGGED_TEXT = 2000
TOKEN_BYTES = 9  # 12 URL-safe characters: unguessable, and short enough for a button


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

    def __init__(self, sessions: SessionFactory, writes: WriteBehind) -> None:
        self._sessions = sessions
        self._writes = writes

    async def record(
        self, platform: str, chat_id: int, text: str, intent: str, confidence: float, answered: bool
    ) -> str:
        """Log one question and return its token (for the 👍/👎 buttons).

        The row is queued, not written before the reply goes out (see `WriteBehind`).
        """
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self._writes.add_question(
            {
                "token": token,
                "at": utcnow(),
                "platform": platform,
                "chat_id": chat_id,
                "text": text[:MAX_LOGGED_TEXT],
                "intent": intent,
                "confidence": confidence,
                "answered": answered,
                "helpful": None,
                "reason": None,
                "handled": False,
            }
        )
        return token

    async def rate(
        self,
        question: str,
        platform: str,
        chat_id: int,
        helpful: bool,
        reason: str | None = None,
    ) -> bool | None:
        """Store 👍/👎 (and a reason) from the chat that asked; False if not theirs, None if
        there is no such question.

        `question` is the token a button carries (or, for buttons sent before tokens, the id).
        """
        await self._writes.flush()  # the row may still wait in the queue
        if question.isdigit() and len(question) < 12:
            where = QuestionLog.id == int(question)
        else:
            where = QuestionLog.token == question
        async with self._sessions() as session, session.begin():
            row = await session.scalar(select(QuestionLog).where(where))
            if row is None:
                return None
            if row.platform != platform or row.chat_id != chat_id:
                return False
            row.helpful = helpful
            if reason is not None:
                row.reason = reason[:MAX_LOGGED_TEXT]
        return True

    async def to_review(self, limit: int = 50) -> list[LoggedQuestion]:
        """List unhandled questions the bot could not answer or that got 👎."""
        await self._writes.flush()
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
