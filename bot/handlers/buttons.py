"""Inline buttons: decode and validate the callback data, then let the engine answer."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.context import ShafafContext, chat_ref
from bot.handlers.common import send_reply


async def on_button(update: Update, context: ShafafContext) -> None:
    """Answer a pressed button; forged, stale or unknown data gets "expired, start again"."""
    deps, query = context.deps, update.callback_query
    if query is None:
        return
    # Every callback query is answered, first and whatever follows (Bale expects it; Telegram
    # shows a spinner until then): forged, expired, from a group or with no message alike.
    try:
        await query.answer()
    except TelegramError:
        pass  # an old query id cannot be answered; still reply below
    chat = chat_ref(update, deps.platform.name)
    if chat is None or update.effective_chat is None:
        return  # an inline message's button: there is no chat to answer in
    if update.effective_chat.type != ChatType.PRIVATE:
        return  # the bot talks to citizens in private only
    decoded = deps.renderer.codec.decode(query.data)
    if decoded is None:
        reply = deps.engine.expired()
    else:
        reply = await deps.engine.action(chat, *decoded)
    await send_reply(context.bot, deps, chat.chat_id, reply)
