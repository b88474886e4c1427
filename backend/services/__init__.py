"""Domain services: each opens its own session per unit of work and returns plain data."""

from __future__ import annotations

from dataclasses import dataclass

from backend.services.base import SessionFactory, Today
from backend.services.calculator import CalculatorService
from backend.services.catalog import CatalogService
from backend.services.conversations import ConversationStore
from backend.services.feedback import FeedbackService
from backend.services.frames import FrameStore
from backend.services.outbox import OutboxService
from backend.services.projects import ProjectService
from backend.services.questions import QuestionLogService
from backend.services.rankings import RankingService
from backend.services.spending import SpendingService
from backend.services.subscriptions import SubscriptionService
from backend.services.vat import VatService
from backend.services.version import DataVersion
from backend.services.writebehind import WriteBehind


@dataclass(frozen=True, slots=True)
class Services:
    """Every service of the domain, wired once by the composition root."""

    sessions: SessionFactory
    today: Today
    vat: VatService
    spending: SpendingService
    projects: ProjectService
    rankings: RankingService
    catalog: CatalogService
    calculator: CalculatorService
    feedback: FeedbackService
    subscriptions: SubscriptionService
    conversations: ConversationStore
    frames: FrameStore
    questions: QuestionLogService
    outbox: OutboxService
    version: DataVersion
    writes: WriteBehind

    @classmethod
    def build(cls, sessions: SessionFactory, today: Today) -> Services:
        """Wire the services over one sessionmaker and one notion of "today"."""
        version = DataVersion(sessions)
        writes = WriteBehind(sessions)
        frames = FrameStore(sessions, writes)
        vat = VatService(sessions, version)
        spending = SpendingService(sessions, version)
        catalog = CatalogService(sessions, today, version)
        return cls(
            sessions=sessions,
            today=today,
            vat=vat,
            spending=spending,
            projects=ProjectService(sessions, version),
            rankings=RankingService(sessions, version),
            catalog=catalog,
            calculator=CalculatorService(vat, spending, catalog),
            feedback=FeedbackService(sessions),
            subscriptions=SubscriptionService(sessions),
            conversations=ConversationStore(sessions, frames),
            frames=frames,
            questions=QuestionLogService(sessions, writes),
            outbox=OutboxService(sessions),
            version=version,
            writes=writes,
        )
