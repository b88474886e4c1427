"""One path for a question, whatever door it comes in by: text → understanding → reply."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import jdatetime

from backend.services import Services
from nlp.gazetteer import Gazetteer
from nlp.pipeline import understand
from nlp.types import Understanding


@dataclass(frozen=True, slots=True)
class AskResult:
    """A question's understanding and the text the bot would answer with."""

    understanding: Understanding
    answer: str

    def as_json(self) -> dict[str, Any]:
        """Return what `shafaf ask --json` prints and POST /api/v1/ask answers."""
        u = self.understanding
        return {
            "intent": u.intent,
            "confidence": round(u.confidence, 4),
            "entities": u.entities,
            "answer": self.answer,
        }


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
    """Understand a question against the database's names and build the bot's reply."""

    def __init__(self, services: Services, gazetteers: GazetteerCache | None = None) -> None:
        self._services = services
        self.gazetteers = gazetteers or GazetteerCache(services)

    async def understand(self, text: str, today: jdatetime.date) -> Understanding:
        """Return what the question means (no answer)."""
        gazetteer = await self.gazetteers.get()
        return understand(text, gazetteer, today)

    async def ask(self, text: str, today: jdatetime.date) -> AskResult:
        """Return the understanding and the plain-text answer."""
        from backend.assistant import Assistant
        from backend.render_plain import render_plain

        understanding = await self.understand(text, today)
        reply = await Assistant(self._services).reply(understanding, today)
        return AskResult(understanding, render_plain(reply))
