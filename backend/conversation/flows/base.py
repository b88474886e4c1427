"""The contract between a transport (bot, `shafaf chat`) and a multi-step flow.

A flow is a small state machine: it reads its state from `ConversationStore`, takes one
`FlowInput`, writes the next state (or clears it when done or cancelled) and returns a `Reply`.
Buttons it offers are `Action(kind="flow", payload="<flow>:<choice>")`; the transport routes a
pressed flow button back as `FlowInput(kind="action", payload="<choice>")` to the flow named
before the colon. Payloads stay under ~40 bytes (Telegram allows 64 for callback data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

import jdatetime

from backend.reply import Reply

InputKind = Literal["text", "action", "photo", "location", "contact"]


@dataclass(frozen=True, slots=True)
class ChatRef:
    """Who is talking: platform, chat and user (all from the transport, never from text)."""

    platform: str
    chat_id: int
    user_id: int | None = None
    first_name: str | None = None


@dataclass(frozen=True, slots=True)
class FlowInput:
    """One thing the citizen did inside a flow."""

    kind: InputKind
    text: str = ""
    payload: str = ""  # the choice of a pressed flow button (after "<flow>:")
    file_id: str | None = None  # photo
    lat: float | None = None
    lon: float | None = None
    phone: str | None = None  # contact: only when the citizen shared their OWN contact
    contact_name: str | None = None


class Flow(Protocol):
    """A multi-step conversation."""

    name: str  # "feedback", "subscribe"; also the prefix of its button payloads

    async def start(
        self,
        chat: ChatRef,
        today: jdatetime.date,
        *,
        argument: str = "",
        text: str = "",
        kind: str | None = None,
    ) -> Reply:
        """Open the flow (from a command, a button or an intent) and ask the first question."""
        ...

    async def handle(self, chat: ChatRef, event: FlowInput, today: jdatetime.date) -> Reply:
        """Advance the flow with one input; the flow itself loads and saves its state."""
        ...
