"""Multi-step conversation state per chat, in the database so a restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from backend.models import ConversationState
from backend.services.base import SessionFactory
from backend.services.clock import utcnow


@dataclass(frozen=True, slots=True)
class FlowState:
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)


class ConversationStore:
    """Read, write and clear a chat's flow state."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def get(self, platform: str, chat_id: int) -> FlowState | None:
        """Return the chat's current flow, if one is open."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(ConversationState)
                .where(ConversationState.platform == platform, ConversationState.chat_id == chat_id)
                .order_by(ConversationState.updated_at.desc())
                .limit(1)
            )
        return FlowState(row.flow, row.step, dict(row.data or {})) if row else None

    async def set(self, platform: str, chat_id: int, state: FlowState) -> None:
        """Save the chat's flow state (one open flow per chat)."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(ConversationState).where(
                    ConversationState.platform == platform,
                    ConversationState.chat_id == chat_id,
                    ConversationState.flow != state.flow,
                )
            )
            row = await session.scalar(
                select(ConversationState).where(
                    ConversationState.platform == platform,
                    ConversationState.chat_id == chat_id,
                    ConversationState.flow == state.flow,
                )
            )
            if row is None:
                session.add(
                    ConversationState(
                        platform=platform,
                        chat_id=chat_id,
                        flow=state.flow,
                        step=state.step,
                        data=state.data,
                        updated_at=utcnow(),
                    )
                )
            else:
                row.step = state.step
                row.data = dict(state.data)
                row.updated_at = utcnow()

    async def clear(self, platform: str, chat_id: int) -> bool:
        """Close any open flow of the chat; return whether one was open."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(ConversationState).where(
                    ConversationState.platform == platform, ConversationState.chat_id == chat_id
                )
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]
