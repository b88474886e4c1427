"""Sending a rendered `Reply`: text messages, keyboards, the map pin, the contact keyboard."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import ExtBot

from backend.conversation import texts as C
from backend.conversation.texts import FB_SHARE_CONTACT_BUTTON
from backend.reply import Block, Reply
from bot import texts as T
from bot.context import BotDeps

CONTACT_STEP = "feedback:contact"
SEND_ATTEMPTS = 4
MAX_RETRY_AFTER_SECONDS = 30.0
# The Bot API's own limits for a message's text and a caption. Bale (or a forged webhook body)
# may deliver more; the rest is cut here, before any normalizing or classifying, so the work
# per update stays bounded however long the text.
MAX_TEXT_CHARS = 4096
MAX_CAPTION_CHARS = 1024

log = logging.getLogger("shafaf.bot")


def bounded_text(text: object, limit: int = MAX_TEXT_CHARS) -> tuple[str | None, bool]:
    """Return a text cut to `limit` characters (None if it is no text) and whether it was cut."""
    if not isinstance(text, str):
        return None, False  # only a forged body holds anything else
    if len(text) <= limit:
        return text, False
    return text[:limit], True


def with_cut_note(reply: Reply) -> Reply:
    """Tell the citizen that only the start of their text was read (once per reply)."""
    if not any(block.kind == "note" and block.text == C.TEXT_TRUNCATED for block in reply.blocks):
        reply.blocks.insert(0, Block("note", C.TEXT_TRUNCATED))
    return reply


async def deliver(call: Callable[[], Awaitable[object]], chat_id: int) -> None:
    """Make one Bot API call, retrying a 429 (after `retry_after`), 5xx, timeouts and drops.

    A timeout may hide a message that did arrive, so a retry can duplicate it: for an answer the
    citizen is waiting for, twice is better than never. What still fails is raised to the
    central error handler, which logs it (so nothing is dropped silently).
    """
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            await call()
            return
        except RetryAfter as exc:
            retry = exc.retry_after
            wait = retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
            if attempt == SEND_ATTEMPTS or wait > MAX_RETRY_AFTER_SECONDS:
                raise
        except BadRequest:
            raise  # our message is wrong (or the chat is gone): retrying cannot help
        except NetworkError:  # timeouts, dropped connections, 5xx
            if attempt == SEND_ATTEMPTS:
                raise
            wait = 0.5 * 2 ** (attempt - 1)
        log.info("send to chat %s failed (attempt %d); retrying in %.1fs", chat_id, attempt, wait)
        await asyncio.sleep(wait)


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
        send = partial(
            bot.send_message,
            chat_id,
            message.text,
            parse_mode=message.parse_mode,
            reply_markup=markup,
        )
        await deliver(send, chat_id)
    if leaving_contact:
        deps.contact_keyboard.discard(chat_id)
    if rendered.location is not None:
        lat, lon = rendered.location
        await deliver(lambda: bot.send_location(chat_id, latitude=lat, longitude=lon), chat_id)
    if reply.intent == CONTACT_STEP:
        # The citizen's own number, only by their own button (Telegram fills contact.user_id).
        keyboard = ReplyKeyboardMarkup(
            [[KeyboardButton(FB_SHARE_CONTACT_BUTTON, request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
        await deliver(
            lambda: bot.send_message(chat_id, T.SHARE_CONTACT_HINT, reply_markup=keyboard), chat_id
        )
        deps.contact_keyboard.add(chat_id)
