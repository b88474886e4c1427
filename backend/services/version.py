"""The data version: changes with every committed import, so caches know when to rebuild."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import func, select

from backend.models import DataImport
from backend.services.base import SessionFactory

# How long a process trusts its last reading; imports are rare, questions are many.
RECHECK_SECONDS = 2.0


class DataVersion:
    """Read `max(data_imports.id)` at most every RECHECK_SECONDS."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions
        self._value: int | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        """Forget the last reading (call after an import in this process)."""
        self._checked_at = 0.0

    async def current(self) -> int:
        """Return the current data version."""
        if self._value is not None and time.monotonic() - self._checked_at < RECHECK_SECONDS:
            return self._value
        async with self._lock:
            if self._value is None or time.monotonic() - self._checked_at >= RECHECK_SECONDS:
                async with self._sessions() as session:
                    self._value = int(await session.scalar(select(func.max(DataImport.id))) or 0)
                self._checked_at = time.monotonic()
            return self._value
