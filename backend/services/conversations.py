"""Multi-step conversation state per chat, in the database so a restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, literal, select, union_all

from backend.clock import aware, utcnow
from backend.models import ChatFrame, ConversationState
from backend.services.base import SessionFactory

if TYPE_CHECKING:
    from backend.services.frames import FrameStore


@dataclass(frozen=True, slots=True)
class FlowState:
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)


# Chats remembered as having no open flow. Every message asks the store first, and nearly every
# chat has none: remembering that saves a database round trip per message. Bounded, and cleared
# wholesale when full (a miss only costs one query).
NO_FLOW_CACHE_SIZE = 100_000
# Chats of this platform are one-off questions from a text door without a conversation id: their
# state lives only in memory (a bounded table) and is never written to the database.
EPHEMERAL_PLATFORM = "ask"
EPHEMERAL_CHATS = 1_000
# Marks the frame's row in the combined read (no flow has this name).
FRAME_ROW = "__frame__"


class ConversationStore:
    """Read, write and clear a chat's flow state.

    The database holds the truth; this process remembers only which chats have *no* open flow,
    and forgets a chat before writing its state. That is exact as long as one process writes a
    chat's state, which holds for the bot runner (the only writer).
    """

    def __init__(self, sessions: SessionFactory, frames: FrameStore | None = None) -> None:
        self._sessions = sessions
        # The chat's frame is read in the same round trip when this process does not know it.
        self._frames = frames
        self._no_flow: set[tuple[str, int]] = set()
        # bumped by every write: a read that raced a write must not remember "no flow"
        self._writes = 0
        self._ephemeral: dict[int, FlowState] = {}

    async def get(self, platform: str, chat_id: int) -> FlowState | None:
        """Return the chat's current flow, if one is open."""
        if platform == EPHEMERAL_PLATFORM:
            return self._ephemeral.get(chat_id)
        key = (platform, chat_id)
        if key in self._no_flow:
            return None
        writes = self._writes
        frames = self._frames
        with_frame = frames is not None and not frames.known(platform, chat_id)
        state = (
            select(
                ConversationState.flow,
                ConversationState.step,
                ConversationState.data,
                ConversationState.updated_at,
            )
            .where(ConversationState.platform == platform, ConversationState.chat_id == chat_id)
            .order_by(ConversationState.updated_at.desc())
            .limit(1)
        )
        async with self._sessions() as session:
            if with_frame:
                # One round trip for both: a chat's first message reads its flow and its frame.
                frame = select(
                    literal(FRAME_ROW).label("flow"),
                    literal("").label("step"),
                    ChatFrame.frame,
                    ChatFrame.updated_at,
                ).where(ChatFrame.platform == platform, ChatFrame.chat_id == chat_id)
                rows = (await session.execute(union_all(state.subquery().select(), frame))).all()
            else:
                rows = (await session.execute(state)).all()
        flows = [r for r in rows if r[0] != FRAME_ROW]
        if frames is not None and with_frame:
            found = next((r for r in rows if r[0] == FRAME_ROW), None)
            if found is None:
                frames.prime(platform, chat_id, None, utcnow())
            else:
                frames.prime(platform, chat_id, dict(found[2] or {}), aware(found[3]))
        row = flows[0] if flows else None
        if row is None:
            if writes == self._writes:
                if len(self._no_flow) >= NO_FLOW_CACHE_SIZE:
                    self._no_flow.clear()
                self._no_flow.add(key)
            return None
        return FlowState(row[0], row[1], dict(row[2] or {}))

    async def set(self, platform: str, chat_id: int, state: FlowState) -> None:
        """Save the chat's flow state (one open flow per chat)."""
        if platform == EPHEMERAL_PLATFORM:
            if len(self._ephemeral) >= EPHEMERAL_CHATS:
                self._ephemeral.pop(next(iter(self._ephemeral)))
            self._ephemeral[chat_id] = state
            return
        self._writes += 1
        self._no_flow.discard((platform, chat_id))
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
        if platform == EPHEMERAL_PLATFORM:
            return self._ephemeral.pop(chat_id, None) is not None
        self._writes += 1
        self._no_flow.discard((platform, chat_id))
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(ConversationState).where(
                    ConversationState.platform == platform, ConversationState.chat_id == chat_id
                )
            )
        return bool(result.rowcount)  # type: ignore[attr-defined]
