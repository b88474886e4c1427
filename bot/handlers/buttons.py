"""Inline buttons: decode and validate the callback data, then let the engine answer."""

from __future__ import annotations

from telegram import Update
from telegram.error import TelegramError

from bot.context import ShafafContext, chat_ref
from bot.handlers.common import send_reply


async def on_button(update: Update, context: ShafafContext) -> None:
    """Answer a pressed button; forged, stale or unknown data gets "expired, start again"."""
    deps, query = context.deps, update.callback_query
    chat = chat_ref(update, deps.platform.name)
    if query is None or chat is None:
        return
    try:
        await query.answer()  # stop the button's spinner first; the answer follows as a message
    except TelegramError:
        pass  # an old query id cannot be answered; still reply below
    decoded = deps.renderer.codec.decode(query.data)
    if decoded is None:
        reply = deps.engine.expired()
    else:
        reply = await deps.engine.action(chat, *decoded)
    await send_reply(context.bot, deps, chat.chat_id, reply)
