"""`shafaf chat`: the bot's conversation in a terminal, through the same `Conversation`.

Buttons are printed as numbered choices (render_plain); typing a number presses one. Commands
work as in the bot (/start, /help, /subscribe, /feedback, /status CODE, /cancel, …). The chat
is a private chat with id 0 on the "cli" platform, so its feedback and subscriptions are kept
apart from Telegram's and Bale's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from backend.conversation import ChatRef, Conversation
from backend.render_plain import numbered_actions, render_plain
from backend.reply import Action, Reply
from nlp.digits import to_ascii_digits

CLI_CHAT = ChatRef(platform="cli", chat_id=0, user_id=0, first_name=None)
PROMPT = "شما> "


async def run_chat(
    conversation: Conversation,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
) -> int:
    """Talk until end of input (Ctrl-D) or /quit."""
    actions: list[Action] = []
    reply = await conversation.start(CLI_CHAT)
    while True:
        write(render_plain(reply))
        actions = numbered_actions(reply)
        try:
            line = (await asyncio.to_thread(read, PROMPT)).strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return 0
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return 0
        number = to_ascii_digits(line)
        if number.isdigit() and 1 <= int(number) <= len(actions):
            action = actions[int(number) - 1]
            if action.kind == "url":
                reply = Reply("notice")
                continue
            reply = await conversation.action(CLI_CHAT, action.kind, action.payload)
        elif line.startswith("/"):
            name, _, args = line[1:].partition(" ")
            reply = await conversation.command(CLI_CHAT, name.split("@")[0], args)
        else:
            reply = await conversation.text(CLI_CHAT, line)
