"""Multi-step conversation state per chat, in the database so a restart loses nothing."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, literal, select, union, union_all

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
# How long a frame stays the context of the next question (see backend/services/frames.py).
FRAME_TTL = timedelta(minutes=30)


_STATE = (
    select(
        ConversationState.flow,
        ConversationState.step,
        ConversationState.data,
        ConversationState.updated_at,
    )
    .where(
        ConversationState.platform == bindparam("platform"),
        ConversationState.chat_id == bindparam("chat_id"),
    )
    .order_by(ConversationState.updated_at.desc())
    .limit(1)
)
_STATE_AND_FRAME = union_all(
    _STATE.subquery().select(),
    select(
        literal(FRAME_ROW).label("flow"),
        literal("").label("step"),
        ChatFrame.frame,
        ChatFrame.updated_at,
    ).where(ChatFrame.platform == bindparam("platform"), ChatFrame.chat_id == bindparam("chat_id")),
)


class ConversationStore:
    """Read, write and clear a chat's flow state.

    The database holds the truth; this process remembers which chats have *no* open flow, and
    forgets a chat before writing its state. On its first read it also learns which chats have
    any stored state at all (open flows, recent frames): a chat outside that set, whose first
    message this is, costs no database round trip. That is exact as long as one process writes
    a chat's state, which holds for the bot runner (the only writer).
    """

    def __init__(self, sessions: SessionFactory, frames: FrameStore | None = None) -> None:
        self._sessions = sessions
        # The chat's frame is read in the same round trip when this process does not know it.
        self._frames = frames
        self._no_flow: set[tuple[str, int]] = set()
        # bumped by every write: a read that raced a write must not remember "no flow"
        self._writes = 0
        self._ephemeral: dict[int, FlowState] = {}
        # Chats with a stored flow or a recent frame when this process started (then kept up).
        self._present: set[tuple[str, int]] | None = None
        self._present_lock = asyncio.Lock()
        self._written: set[tuple[str, int]] = set()  # chats this process wrote a flow for

    async def _chats_present(self) -> set[tuple[str, int]]:
        """Return the chats with any stored state (read once, kept up by this process)."""
        if self._present is not None:
            return self._present
        async with self._present_lock:
            if self._present is None:
                cutoff = utcnow() - FRAME_TTL
                async with self._sessions() as session:
                    rows = await session.execute(
                        union(
                            select(ConversationState.platform, ConversationState.chat_id),
                            select(ChatFrame.platform, ChatFrame.chat_id).where(
                                ChatFrame.updated_at >= cutoff
                            ),
                        )
                    )
                    self._present = {(str(p), int(c)) for p, c in rows}
            return self._present

    async def get(self, platform: str, chat_id: int) -> FlowState | None:
        """Return the chat's current flow, if one is open."""
        if platform == EPHEMERAL_PLATFORM:
            return self._ephemeral.get(chat_id)
        key = (platform, chat_id)
        if key in self._no_flow:
            return None
        writes = self._writes
        frames = self._frames
        present = await self._chats_present()
        if key not in present and key not in self._written:
            # A chat that has never had a flow or a recent frame: nothing to read.
            if frames is not None and not frames.known(platform, chat_id):
                frames.prime(platform, chat_id, None, utcnow())
            if writes == self._writes:
                self._remember_no_flow(key)
            return None
        with_frame = frames is not None and not frames.known(platform, chat_id)
        params = {"platform": platform, "chat_id": chat_id}
        async with self._sessions() as session:
            # One round trip for both when the frame is unknown: a chat's first message reads
            # its flow and its frame. Statements are built once (cached compilation).
            statement = _STATE_AND_FRAME if with_frame else _STATE
            rows = (await session.execute(statement, params)).all()
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
                self._remember_no_flow(key)
            return None
        return FlowState(row[0], row[1], dict(row[2] or {}))

    def _remember_no_flow(self, key: tuple[str, int]) -> None:
        if len(self._no_flow) >= NO_FLOW_CACHE_SIZE:
            self._no_flow.clear()
        self._no_flow.add(key)

    async def set(self, platform: str, chat_id: int, state: FlowState) -> None:
        """Save the chat's flow state (one open flow per chat)."""
        if platform == EPHEMERAL_PLATFORM:
            if len(self._ephemeral) >= EPHEMERAL_CHATS:
                self._ephemeral.pop(next(iter(self._ephemeral)))
            self._ephemeral[chat_id] = state
            return
        self._writes += 1
        self._no_flow.discard((platform, chat_id))
        self._written.add((platform, chat_id))
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
