"""The queue of questions the bot could not answer (or that got 👎), and what staff make of them.

A question can be marked handled, turned into a labelled training example (stored in
`staff_training_examples`, exported as the contract's JSON Lines for `tools/train_intents.py`
and `shafaf eval`), or turned into an FAQ entry (written to the `faq` table with a DataImport
record, so caches see the change and "last updated" moves).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from backend.clock import aware, utcnow
from backend.errors import InvalidInput, NotFound
from backend.models import DataImport, Faq, QuestionLog
from backend.services.base import SessionFactory, Today
from backend.services.version import DataVersion
from backend.staff_models import TrainingExample
from nlp.types import INTENTS

_SLUG = re.compile(r"[a-z0-9-]{1,64}")


@dataclass(frozen=True, slots=True)
class QueuedQuestion:
    id: int
    at: datetime
    text: str
    intent: str
    confidence: float
    answered: bool
    helpful: bool | None
    reason: str | None


class QuestionQueue:
    """Review fallbacks and 👎 answers."""

    def __init__(self, sessions: SessionFactory, today: Today, version: DataVersion) -> None:
        self._sessions = sessions
        self._today = today
        self._version = version

    async def pending(self, limit: int = 100) -> list[QueuedQuestion]:
        """List unhandled questions the bot could not answer or that got 👎, newest first."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(QuestionLog)
                    .where(
                        QuestionLog.handled.is_(False),
                        or_(QuestionLog.answered.is_(False), QuestionLog.helpful.is_(False)),
                    )
                    .order_by(QuestionLog.at.desc(), QuestionLog.id.desc())
                    .limit(limit)
                )
            ).all()
        return [
            QueuedQuestion(
                r.id, aware(r.at), r.text, r.intent, r.confidence, r.answered, r.helpful, r.reason
            )
            for r in rows
        ]

    async def _take(self, question_id: int) -> str:
        async with self._sessions() as session, session.begin():
            row = await session.get(QuestionLog, question_id)
            if row is None:
                raise NotFound("no such question", message_fa="چنین پرسشی نیست.")
            row.handled = True
            return row.text

    async def mark_handled(self, question_id: int) -> None:
        """Take a question off the queue."""
        await self._take(question_id)

    async def to_training_example(self, question_id: int, intent: str, *, actor: str) -> None:
        """Label a question with the intent it should have had, and take it off the queue."""
        if intent not in INTENTS:
            raise InvalidInput("unknown intent", message_fa="نیت ناشناخته است.")
        text = await self._take(question_id)
        async with self._sessions() as session, session.begin():
            session.add(
                TrainingExample(
                    question_id=question_id,
                    text=text,
                    intent=intent,
                    created_by=actor,
                    created_at=utcnow(),
                )
            )

    async def training_jsonl(self) -> str:
        """Export the labelled examples in the contract's format (section 4), one per line."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(select(TrainingExample).order_by(TrainingExample.id))
            ).all()
        today = str(self._today())
        lines = [
            json.dumps(
                {"text": r.text, "today": today, "intent": r.intent, "entities": {}},
                ensure_ascii=False,
            )
            for r in rows
        ]
        return "".join(line + "\n" for line in lines)

    async def to_faq(
        self, question_id: int, slug: str, question: str, answer: str, *, actor: str
    ) -> None:
        """Publish a new FAQ entry from a question, and take it off the queue."""
        slug = slug.strip().lower()
        question, answer = question.strip(), answer.strip()
        if not _SLUG.fullmatch(slug):
            raise InvalidInput("bad slug", message_fa="شناسه فقط حروف کوچک لاتین، رقم و - است.")
        if not question or not answer:
            raise InvalidInput(
                "question and answer are required", message_fa="پرسش و پاسخ لازم است."
            )
        async with self._sessions() as session, session.begin():
            if await session.scalar(select(Faq.id).where(Faq.slug == slug)):
                raise InvalidInput("slug taken", message_fa="این شناسه پیش‌تر به کار رفته است.")
            session.add(
                Faq(slug=slug, question_fa=question, answer_fa=answer, source=f"staff:{actor}")
            )
            # A DataImport row bumps the data version, so cached answers see the new entry.
            session.add(
                DataImport(
                    imported_at=utcnow(),
                    origin="panel",
                    files=["faq.csv"],
                    counts={"faq": {"inserted": 1, "updated": 0, "unchanged": 0}},
                    is_sample=False,
                )
            )
        await self._take(question_id)
        self._version.invalidate()
