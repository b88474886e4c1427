"""Dashboard figures: feedback per status and kind, reply speed, satisfaction, data age."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

import jdatetime
from sqlalchemy import func, select

from backend.clock import aware
from backend.models import (
    FEEDBACK_KINDS,
    FEEDBACK_STATUSES,
    DataImport,
    Feedback,
    FeedbackEvent,
    Municipality,
    QuestionLog,
)
from backend.months import Month
from backend.services.base import SessionFactory, Today
from backend.services.vat import VatService


@dataclass(frozen=True, slots=True)
class DataFreshness:
    municipality: str
    name_fa: str
    latest_month: Month | None
    published_on: jdatetime.date | None
    age_days: int | None  # days since that publication

    @property
    def stale(self) -> bool:
        """Tell whether the newest figure is more than two months old (or missing)."""
        return self.age_days is None or self.age_days > 62


@dataclass(frozen=True, slots=True)
class Dashboard:
    by_status: dict[str, int]
    by_kind: dict[str, int]
    replied: int
    median_first_reply: timedelta | None
    ratings: int
    helpful_share: float | None  # 0..1
    questions: int
    fallback_rate: float | None  # 0..1
    freshness: list[DataFreshness]
    last_import_at: datetime | None


class DashboardService:
    """Compute the figures of the dashboard."""

    def __init__(self, sessions: SessionFactory, today: Today, vat: VatService) -> None:
        self._sessions = sessions
        self._today = today
        self._vat = vat

    async def build(self) -> Dashboard:
        """Collect every figure in one pass over the database."""
        async with self._sessions() as session:
            status_rows = (
                await session.execute(
                    select(Feedback.status, func.count()).group_by(Feedback.status)
                )
            ).all()
            kind_rows = (
                await session.execute(select(Feedback.kind, func.count()).group_by(Feedback.kind))
            ).all()
            firsts = (
                await session.execute(
                    select(Feedback.created_at, func.min(FeedbackEvent.at))
                    .join(FeedbackEvent, FeedbackEvent.feedback_id == Feedback.id)
                    .where(FeedbackEvent.kind == "reply")
                    .group_by(Feedback.id, Feedback.created_at)
                )
            ).all()
            questions = int(await session.scalar(select(func.count(QuestionLog.id))) or 0)
            fallbacks = int(
                await session.scalar(
                    select(func.count(QuestionLog.id)).where(QuestionLog.answered.is_(False))
                )
                or 0
            )
            ratings = int(
                await session.scalar(
                    select(func.count(QuestionLog.id)).where(QuestionLog.helpful.is_not(None))
                )
                or 0
            )
            helpful = int(
                await session.scalar(
                    select(func.count(QuestionLog.id)).where(QuestionLog.helpful.is_(True))
                )
                or 0
            )
            munis = (await session.execute(select(Municipality.slug, Municipality.name_fa))).all()
            last_import = await session.scalar(select(func.max(DataImport.imported_at)))
        by_status = {s: 0 for s in FEEDBACK_STATUSES} | {s: int(n) for s, n in status_rows}
        by_kind = {k: 0 for k in FEEDBACK_KINDS} | {k: int(n) for k, n in kind_rows}
        delays = [
            (aware(first) - aware(created)).total_seconds()
            for created, first in firsts
            if first is not None
        ]
        latest = await self._vat.latest_published()
        today = self._today()
        freshness = []
        for slug, name in munis:
            found = latest.get(slug)
            freshness.append(
                DataFreshness(
                    slug,
                    name,
                    found[0] if found else None,
                    found[1] if found else None,
                    (today - found[1]).days if found else None,
                )
            )
        freshness.sort(key=lambda f: (f.age_days is None, -(f.age_days or 0)))
        return Dashboard(
            by_status=by_status,
            by_kind=by_kind,
            replied=len(delays),
            median_first_reply=timedelta(seconds=statistics.median(delays)) if delays else None,
            ratings=ratings,
            helpful_share=helpful / ratings if ratings else None,
            questions=questions,
            fallback_rate=fallbacks / questions if questions else None,
            freshness=freshness,
            last_import_at=aware(last_import) if last_import else None,
        )
