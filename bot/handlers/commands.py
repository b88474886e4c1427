"""Citizens' commands: /start /help /subscribe /unsubscribe /mysubscription /feedback /status
/cancel, plus unknown commands and commands sent in groups."""

from __future__ import annotations

from telegram import Update

from backend.conversation.router import CITIZEN_COMMANDS
from backend.untrusted import clean_text
from bot import texts as T
from bot.context import ShafafContext, chat_ref
from bot.handlers.common import bounded_text, send_reply, with_cut_note


def command_of(text: str) -> tuple[str, str | None, str]:
    """Split `/name@bot args` into (name, bot or None, args)."""
    head, _, args = clean_text(text).partition(" ")  # arguments reach services and the DB
    name, _, bot = head[1:].partition("@")
    return name.lower(), bot or None, args.strip()


async def on_command(update: Update, context: ShafafContext) -> None:
    """Run one of the contract's commands in a private chat."""
    deps = context.deps
    chat = chat_ref(update, deps.platform.name)
    if chat is None or update.effective_message is None:
        return
    text, cut = bounded_text(update.effective_message.text)
    name, _, args = command_of(text or "")
    if name in CITIZEN_COMMANDS:
        reply = await deps.engine.command(chat, name, args)
    else:
        reply = deps.engine.unknown_command()
    await send_reply(context.bot, deps, chat.chat_id, with_cut_note(reply) if cut else reply)


async def on_group_command(update: Update, context: ShafafContext) -> None:
    """In groups, answer only our commands (or ones addressed to us) with "talk to me privately"."""
    message = update.effective_message
    text, _ = bounded_text(message.text if message is not None else None)
    if message is None or text is None:
        return
    name, addressed_to, _ = command_of(text)
    if addressed_to is not None and addressed_to.lower() != (context.bot.username or "").lower():
        return  # another bot's command
    if addressed_to is None and name not in CITIZEN_COMMANDS:
        return
    await context.bot.send_message(message.chat_id, T.GROUP_NOTICE)
