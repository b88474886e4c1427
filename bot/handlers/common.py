"""Sending a rendered `Reply`: text messages, keyboards, the map pin, the contact keyboard."""

from __future__ import annotations

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.ext import ExtBot

from backend.flows.texts import FB_SHARE_CONTACT_BUTTON
from backend.reply import Reply
from bot import texts as T
from bot.context import BotDeps

CONTACT_STEP = "feedback:contact"


async def send_reply(bot: ExtBot[None], deps: BotDeps, chat_id: int, reply: Reply) -> None:
    """Render a reply for the platform and send it to a chat."""
    rendered = deps.renderer.render(reply)
    leaving_contact = chat_id in deps.contact_keyboard and reply.intent != CONTACT_STEP
    for index, message in enumerate(rendered.messages):
        markup = message.reply_markup
        last = index == len(rendered.messages) - 1
        if last and leaving_contact and markup is None:
            # Only a message without inline buttons can take the reply keyboard away; otherwise
            # the one-time keyboard already folded itself when it was used.
            markup = ReplyKeyboardRemove()  # type: ignore[assignment]
        await bot.send_message(
            chat_id, message.text, parse_mode=message.parse_mode, reply_markup=markup
        )
    if leaving_contact:
        deps.contact_keyboard.discard(chat_id)
    if rendered.location is not None:
        lat, lon = rendered.location
        await bot.send_location(chat_id, latitude=lat, longitude=lon)
    if reply.intent == CONTACT_STEP:
        # The citizen's own number, only by their own button (Telegram fills contact.user_id).
        keyboard = ReplyKeyboardMarkup(
            [[KeyboardButton(FB_SHARE_CONTACT_BUTTON, request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
        await bot.send_message(chat_id, T.SHARE_CONTACT_HINT, reply_markup=keyboard)
        deps.contact_keyboard.add(chat_id)
