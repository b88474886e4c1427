"""Staff commands (/inbox /show /reply /setstatus); the engine refuses everyone else alike."""

from __future__ import annotations

from telegram import Update

from bot.context import ShafafContext, chat_ref
from bot.handlers.commands import command_of
from bot.handlers.common import bounded_text, send_reply, with_cut_note


async def on_staff_command(update: Update, context: ShafafContext) -> None:
    """Parse a staff command's arguments and run it (non-staff get "unknown command")."""
    deps, message = context.deps, update.effective_message
    chat = chat_ref(update, deps.platform.name)
    if chat is None or message is None:
        return
    text, cut = bounded_text(message.text)
    name, _, args = command_of(text or "")
    reply = await deps.engine.command(chat, name, args)
    await send_reply(context.bot, deps, chat.chat_id, with_cut_note(reply) if cut else reply)
