"""Understanding a question against the database's names (the gazetteer), cached per data version.

The conversation (`backend/conversation/`) asks this service what a text means; the doors
(`backend/conversation/doors.py`) never call it directly."""

from __future__ import annotations

import asyncio

import jdatetime

from backend.services import Services
from nlp.gazetteer import Gazetteer
from nlp.pipeline import understand
from nlp.types import Understanding


class GazetteerCache:
    """Keep one Gazetteer per process, rebuilt when an import changed the data version."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._gazetteer: Gazetteer | None = None
        self._version: int | None = None
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        """Force a rebuild on next use (called after an import in this process)."""
        self._services.version.invalidate()
        self._version = None

    async def get(self) -> Gazetteer:
        """Return the gazetteer of the current data version."""
        version = await self._services.version.current()
        if self._gazetteer is not None and version == self._version:
            return self._gazetteer
        async with self._lock:
            if self._gazetteer is None or version != self._version:
                data = await self._services.catalog.gazetteer_data()
                # Building indexes is CPU work; keep it off the event loop.
                self._gazetteer = await asyncio.to_thread(Gazetteer.build, data)
                self._version = version
            return self._gazetteer


class AskService:
    """Understand a question against the database's names."""

    def __init__(self, services: Services, gazetteers: GazetteerCache | None = None) -> None:
        self._services = services
        self.gazetteers = gazetteers or GazetteerCache(services)

    async def understand(self, text: str, today: jdatetime.date) -> Understanding:
        """Return what the question means (no answer)."""
        gazetteer = await self.gazetteers.get()
        return understand(text, gazetteer, today)
