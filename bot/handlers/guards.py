"""Guards that run before any handler: the flood limit, and the central error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from backend.db import is_database_outage
from bot import texts as T
from bot.context import ShafafContext
from bot.flood import Verdict

log = logging.getLogger("shafaf.bot")


async def flood_guard(update: Update, context: ShafafContext) -> None:
    """Stop a user's updates beyond the limit: one polite notice, then silence for the window."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE:
        return  # groups and channels get no answers anyway
    verdict = context.deps.flood.check(user.id)
    if verdict is Verdict.ALLOW:
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer()
        except TelegramError:
            pass
    if verdict is Verdict.NOTICE:
        await context.bot.send_message(chat.id, T.FLOOD)
    raise ApplicationHandlerStop


async def on_error(update: object, context: ShafafContext) -> None:
    """Log any handler error with its traceback and answer the citizen politely."""
    # Never log message texts at INFO: the traceback is enough to debug; ids say who.
    chat = update.effective_chat if isinstance(update, Update) else None
    update_id = update.update_id if isinstance(update, Update) else "?"
    outage = is_database_outage(context.error)
    if outage:
        # The database is down or restarting: an operational state, not a bug; the citizen is
        # told it is temporary, and the next message works again once it is back.
        log.warning(
            "database unavailable while handling update %s (chat %s): %s",
            update_id,
            chat.id if chat else "?",
            type(context.error).__name__,
        )
    else:
        log.error(
            "error while handling update %s (chat %s)",
            update_id,
            chat.id if chat else "?",
            exc_info=context.error,
        )
    if chat is None or chat.type != ChatType.PRIVATE:
        return
    try:
        await context.bot.send_message(chat.id, T.UNAVAILABLE if outage else T.ERROR)
    except TelegramError:
        log.warning("could not send the error notice to chat %s", chat.id)
