"""Each chat's last question (its frame), kept for a while so a follow-up can fill its gaps.

The database holds the truth (a restart keeps the context); this process remembers the frames it
read or wrote, so a returning citizen's message costs no read. That is exact while one process
writes a chat's frame, which holds for the bot runner and for each text door's own chats.
Frames older than `FRAME_TTL` are ignored (and purged with the daily retention run).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from backend.clock import aware, utcnow
from backend.models import ChatFrame
from backend.services.base import SessionFactory
from backend.services.conversations import EPHEMERAL_PLATFORM, FRAME_TTL
from backend.services.writebehind import WriteBehind

CACHE_SIZE = 50_000

Frame = dict[str, Any]


class FrameStore:
    """Read and write the last frame of a chat."""

    def __init__(self, sessions: SessionFactory, writes: WriteBehind) -> None:
        self._sessions = sessions
        self._writes = writes
        # (platform, chat id) → (frame or None, when it was written)
        self._cache: OrderedDict[tuple[str, int], tuple[Frame | None, datetime]] = OrderedDict()

    def _remember(self, key: tuple[str, int], frame: Frame | None, at: datetime) -> None:
        self._cache[key] = (frame, at)
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def prime(self, platform: str, chat_id: int, frame: Frame | None, at: datetime) -> None:
        """Remember a frame read together with the chat's flow state (one round trip)."""
        self._remember((platform, chat_id), frame, at)

    def known(self, platform: str, chat_id: int) -> bool:
        """Tell whether this process already knows the chat's frame (or that it has none)."""
        return (platform, chat_id) in self._cache

    async def get(self, platform: str, chat_id: int) -> Frame | None:
        """Return the chat's last frame unless it is missing or stale."""
        key = (platform, chat_id)
        hit = self._cache.get(key)
        if hit is None and platform != EPHEMERAL_PLATFORM:
            async with self._sessions() as session:
                row = await session.scalar(
                    select(ChatFrame).where(
                        ChatFrame.platform == platform, ChatFrame.chat_id == chat_id
                    )
                )
            hit = (dict(row.frame), aware(row.updated_at)) if row is not None else (None, utcnow())
            self._remember(key, *hit)
        if hit is None or hit[0] is None or utcnow() - hit[1] > FRAME_TTL:
            return None
        return dict(hit[0])

    async def set(self, platform: str, chat_id: int, frame: Frame) -> None:
        """Make `frame` the chat's context (one row per chat, replaced)."""
        now = utcnow()
        self._remember((platform, chat_id), dict(frame), now)
        if platform != EPHEMERAL_PLATFORM:
            # written a moment later with other writes; this process reads its own cache
            self._writes.put_frame(platform, chat_id, dict(frame), now)

    async def clear(self, platform: str, chat_id: int) -> None:
        """Forget the chat's context (a new conversation starts)."""
        self._remember((platform, chat_id), None, utcnow())
        self._writes.forget_frame(platform, chat_id)
        if platform == EPHEMERAL_PLATFORM:
            return
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(ChatFrame).where(
                    ChatFrame.platform == platform, ChatFrame.chat_id == chat_id
                )
            )


async def purge_stale_frames(sessions: SessionFactory, now: datetime | None = None) -> int:
    """Delete frames no follow-up can use any more; return how many."""
    cutoff = (now or utcnow()) - FRAME_TTL
    async with sessions() as session, session.begin():
        result = await session.execute(delete(ChatFrame).where(ChatFrame.updated_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
