"""Private messages: text, photos, locations, contacts, and everything else."""

from __future__ import annotations

from telegram import Update

from backend.conversation.flows.base import FlowInput
from bot.context import ShafafContext, chat_ref
from bot.handlers.common import (
    MAX_CAPTION_CHARS,
    bounded_text,
    send_reply,
    with_cut_note,
)


async def on_text(update: Update, context: ShafafContext) -> None:
    """Answer a text message (open flow, pending 👎 reason, or the assistant)."""
    deps, message = context.deps, update.effective_message
    chat = chat_ref(update, deps.platform.name)
    text, cut = bounded_text(message.text if message is not None else None)
    if chat is None or text is None:
        return
    reply = await deps.engine.text(chat, text)
    await send_reply(context.bot, deps, chat.chat_id, with_cut_note(reply) if cut else reply)


async def on_media(update: Update, context: ShafafContext) -> None:
    """Pass a photo, location or contact to the open flow (or explain where they belong)."""
    deps, message = context.deps, update.effective_message
    chat = chat_ref(update, deps.platform.name)
    if chat is None or message is None:
        return
    cut = False
    if message.photo:
        caption, cut = bounded_text(message.caption, MAX_CAPTION_CHARS)
        event = FlowInput("photo", text=caption or "", file_id=message.photo[-1].file_id)
    elif message.location is not None:
        event = FlowInput("location", lat=message.location.latitude, lon=message.location.longitude)
    elif message.contact is not None:
        contact, sender = message.contact, message.from_user
        # Only the citizen's own contact, shared with the button, counts: Telegram sets
        # contact.user_id to the sender's id then; a forwarded card of someone else differs.
        own = sender is not None and contact.user_id == sender.id
        event = FlowInput(
            "contact",
            phone=contact.phone_number if own else None,
            contact_name=" ".join(filter(None, [contact.first_name, contact.last_name])) or None,
        )
    else:
        return
    reply = await deps.engine.media(chat, event)
    await send_reply(context.bot, deps, chat.chat_id, with_cut_note(reply) if cut else reply)


async def on_other(update: Update, context: ShafafContext) -> None:
    """Stickers, voice, documents, videos…: a polite hint and the menu."""
    deps = context.deps
    chat = chat_ref(update, deps.platform.name)
    if chat is None:
        return
    await send_reply(context.bot, deps, chat.chat_id, deps.engine.unsupported())
