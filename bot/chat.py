"""`shafaf chat`: the bot's conversation in a terminal, through the same ConversationEngine.

Buttons are printed as numbered choices (render_plain); typing a number presses one. Commands
work as in the bot (/start, /help, /subscribe, /feedback, /status CODE, /cancel, …). The chat
is a private chat with id 0 on the "cli" platform, so its feedback and subscriptions are kept
apart from Telegram's and Bale's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from backend.ask import AskService
from backend.config import Settings
from backend.flows.base import ChatRef
from backend.render_plain import numbered_actions, render_plain
from backend.reply import Action, Reply
from backend.services import Services
from bot.engine import ConversationEngine, EngineConfig
from nlp.digits import to_ascii_digits

CLI_CHAT = ChatRef(platform="cli", chat_id=0, user_id=0, first_name=None)
PROMPT = "شما> "


async def _command(engine: ConversationEngine, text: str) -> Reply:
    name, _, args = text[1:].partition(" ")
    commands = {
        "start": lambda: engine.start(CLI_CHAT, args.strip()),
        "help": lambda: engine.help(CLI_CHAT),
        "subscribe": lambda: engine.subscription_menu(CLI_CHAT),
        "unsubscribe": lambda: engine.unsubscribe(CLI_CHAT),
        "mysubscription": lambda: engine.my_subscription(CLI_CHAT),
        "feedback": lambda: engine.feedback(CLI_CHAT, args.strip()),
        "status": lambda: engine.status(CLI_CHAT, args.strip()),
        "cancel": lambda: engine.cancel(CLI_CHAT),
    }
    run = commands.get(name.split("@")[0].lower())
    return await run() if run else engine.unknown_command()


async def run_chat(
    settings: Settings,
    services: Services,
    asker: AskService,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
) -> int:
    """Talk until end of input (Ctrl-D) or /quit."""
    from bot.app import default_flows

    engine = ConversationEngine(
        services, asker, default_flows(services), EngineConfig(frozenset(), settings.zone)
    )
    actions: list[Action] = []
    reply = await engine.start(CLI_CHAT)
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
            reply = await engine.action(CLI_CHAT, action.kind, action.payload)
        elif line.startswith("/"):
            reply = await _command(engine, line)
        else:
            reply = await engine.text(CLI_CHAT, line)
