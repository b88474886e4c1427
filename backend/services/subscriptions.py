"""Digest subscriptions: frequency and followed topics per chat."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from backend.clock import utcnow
from backend.errors import InvalidInput
from backend.models import Subscription
from backend.services.base import SessionFactory

FREQUENCIES = ("weekly", "monthly")
TOPIC_KEYS = ("districts", "categories", "projects")
MAX_TOPICS = 50


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    platform: str
    chat_id: int
    frequency: str
    municipality: str | None
    topics: dict[str, list[str]] = field(default_factory=dict)
    active: bool = True


def _clean_topics(topics: dict[str, list[str]] | None) -> dict[str, list[str]]:
    cleaned: dict[str, list[str]] = {}
    for key, values in (topics or {}).items():
        if key not in TOPIC_KEYS:
            raise InvalidInput(f"unknown topic kind {key!r}")
        unique = list(dict.fromkeys(str(v) for v in values))
        if len(unique) > MAX_TOPICS:
            raise InvalidInput(f"at most {MAX_TOPICS} {key}")
        if unique:
            cleaned[key] = unique
    return cleaned


class SubscriptionService:
    """Start, change, read and stop subscriptions."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def get(self, platform: str, chat_id: int) -> SubscriptionInfo | None:
        """Return the chat's active subscription, if any."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(Subscription).where(
                    Subscription.platform == platform,
                    Subscription.chat_id == chat_id,
                    Subscription.active.is_(True),
                )
            )
        return _info(row) if row else None

    async def subscribe(
        self,
        platform: str,
        chat_id: int,
        frequency: str,
        *,
        municipality: str | None = None,
        topics: dict[str, list[str]] | None = None,
    ) -> SubscriptionInfo:
        """Start or change a subscription (idempotent)."""
        if frequency not in FREQUENCIES:
            raise InvalidInput(f"frequency must be one of {', '.join(FREQUENCIES)}")
        cleaned = _clean_topics(topics)
        now = utcnow()
        async with self._sessions() as session, session.begin():
            row = await session.scalar(
                select(Subscription).where(
                    Subscription.platform == platform, Subscription.chat_id == chat_id
                )
            )
            if row is None:
                row = Subscription(
                    platform=platform,
                    chat_id=chat_id,
                    frequency=frequency,
                    municipality=municipality,
                    topics=cleaned,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
                session.add(row)
            else:
                row.frequency = frequency
                row.municipality = municipality
                row.topics = cleaned
                row.active = True
                row.updated_at = now
        return _info(row)

    async def unsubscribe(self, platform: str, chat_id: int) -> bool:
        """Stop the digests; return whether there was an active subscription."""
        async with self._sessions() as session, session.begin():
            row = await session.scalar(
                select(Subscription).where(
                    Subscription.platform == platform,
                    Subscription.chat_id == chat_id,
                    Subscription.active.is_(True),
                )
            )
            if row is None:
                return False
            row.active = False
            row.updated_at = utcnow()
        return True


def _info(row: Subscription) -> SubscriptionInfo:
    return SubscriptionInfo(
        row.platform,
        row.chat_id,
        row.frequency,
        row.municipality,
        dict(row.topics or {}),
        row.active,
    )
