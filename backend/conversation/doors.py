"""The text doors, `shafaf ask` and `POST /api/v1/ask`: one text in, the bot's reply as text.

They take the same path as a chat message (`Conversation.text`), so feedback, subscriptions and
tracking codes behave as in the bot. Without a conversation id each question is a chat of its
own that leaves nothing behind; with one, the chat's context (and any open flow) carries over
between questions, exactly as in a Telegram chat.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import jdatetime

from backend.conversation.flows.base import ChatRef
from backend.conversation.router import Conversation
from backend.render_plain import render_plain
from backend.reply import Reply
from backend.services.conversations import EPHEMERAL_PLATFORM
from nlp.types import INTENTS

# A conversation id is any short string the caller keeps (a session id, a phone's install id…).
MAX_CONVERSATION_ID = 128


@dataclass(frozen=True, slots=True)
class AskResult:
    """The reply to one text, as the bot would give it, and what the text was understood as."""

    reply: Reply
    answer: str

    def as_json(self) -> dict[str, Any]:
        """Return what `shafaf ask --json` prints and POST /api/v1/ask answers."""
        u = self.reply.understanding
        if u is not None:
            intent, confidence, entities = u.intent, round(u.confidence, 4), u.entities
        else:  # a flow's step or a notice: name the flow, which is what the text went to
            head = self.reply.intent.split(":", 1)[0]
            intent, confidence, entities = (head if head in INTENTS else "out_of_scope"), 1.0, {}
        return {
            "intent": intent,
            "confidence": confidence,
            "entities": entities,
            "answer": self.answer,
            "figure": self._figure(),
        }

    def _figure(self) -> dict[str, Any] | None:
        """The headline figure in rials and its public link (the "📊" button), if one is stated."""
        links = [a.payload for row in self.reply.actions for a in row if a.kind == "url"]
        if self.reply.figure_rial is None or not links:
            return None
        return {"amount_rial": self.reply.figure_rial, "link": links[0]}


def conversation_chat(door: str, conversation_id: str | None) -> ChatRef:
    """Return the chat a text door talks in: its own lasting chat per id, or a passing one."""
    if conversation_id is None:
        # A chat of its own that the store keeps only in memory, briefly: nothing is left behind.
        return ChatRef(EPHEMERAL_PLATFORM, secrets.randbits(62))
    digest = hashlib.blake2b(conversation_id.encode("utf-8"), digest_size=8).digest()
    return ChatRef(door, int.from_bytes(digest, "big") >> 2)


class TextDoor:
    """Answer texts through the conversation and render the reply as plain text."""

    def __init__(self, conversation: Conversation, door: str) -> None:
        self.conversation = conversation
        self.door = door

    async def ask(
        self,
        text: str,
        today: jdatetime.date | None = None,
        *,
        conversation_id: str | None = None,
    ) -> AskResult:
        """Answer one text as the bot would, in the conversation `conversation_id` if given."""
        chat = conversation_chat(self.door, conversation_id)
        reply = await self.conversation.text(chat, text, today=today)
        return AskResult(reply, render_plain(reply))
