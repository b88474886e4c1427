"""Typed dependencies for handlers: `context.deps` instead of untyped `bot_data` lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from backend.conversation import ChatRef, Conversation
from backend.untrusted import clean_text
from bot.flood import FloodGuard
from bot.platforms import Platform
from bot.render import Renderer

DEPS_KEY = "shafaf"


@dataclass(slots=True)
class BotDeps:
    """What every handler may use; built once per Application."""

    engine: Conversation
    renderer: Renderer
    flood: FloodGuard
    platform: Platform
    # Chats currently showing the "share my contact" reply keyboard (feedback contact step).
    contact_keyboard: set[int] = field(default_factory=set)


class ShafafContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB's context with typed access to Shafaf's dependencies."""

    @property
    def deps(self) -> BotDeps:
        """Return the dependencies stored at build time."""
        deps: BotDeps = self.application.bot_data[DEPS_KEY]
        return deps


ShafafApp = Application[
    ExtBot[None], ShafafContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]


def chat_ref(update: Update, platform: str) -> ChatRef | None:
    """Describe who is talking, from the transport only (never from message text)."""
    chat = update.effective_chat
    if chat is None:
        return None
    user = update.effective_user
    return ChatRef(
        platform=platform,
        chat_id=chat.id,
        user_id=user.id if user else None,
        # Names are free text too (and shown back in the welcome, stored with feedback).
        first_name=(
            clean_text(user.first_name) if user and isinstance(user.first_name, str) else None
        ),
    )
