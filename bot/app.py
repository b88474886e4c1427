"""Build the PTB `Application` for Telegram or Bale (no network until it is started).

Updates are processed concurrently across chats but in order within a chat
(`PerChatUpdateProcessor`): a citizen's flow steps must not race each other, while one slow
database query must not hold up everyone else. Polled updates are read by `bot.inbound`, so one
update python-telegram-bot cannot parse never stalls the polling loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from typing import Any

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from backend.ask import AskService
from backend.config import Settings
from backend.conversation import Conversation, ConversationConfig, Flow, default_flows
from backend.conversation.router import CITIZEN_COMMANDS, STAFF_COMMANDS
from backend.services import Services
from bot import texts as T
from bot.callbacks import CallbackCodec
from bot.context import DEPS_KEY, BotDeps, ShafafApp, ShafafContext
from bot.flood import FloodGuard
from bot.handlers.buttons import on_button
from bot.handlers.commands import on_command, on_group_command
from bot.handlers.guards import flood_guard, on_error
from bot.handlers.messages import on_media, on_other, on_text
from bot.handlers.staff import on_staff_command
from bot.http import AiohttpRequest
from bot.inbound import TolerantUpdatesRequest
from bot.platforms import Platform, platform_for
from bot.render import Renderer
from bot.sender import DRAIN_INTERVAL_SECONDS, OutboxSender

log = logging.getLogger("shafaf.bot")

# Replies in flight to the Bot API at once (the platform answers ~30 messages/s per bot, so
# more would only wait there), and how long one may take: a chart upload is the slowest.
REPLY_CONNECTIONS = 64
REPLY_TIMEOUTS = {"connect_timeout": 5.0, "read_timeout": 10.0, "write_timeout": 20.0}
_NEVER_REACHED = 1 << 30  # PTB's own slot count (see PerChatUpdateProcessor)
SENDER_KEY = "shafaf_sender"


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Run updates of different chats concurrently and those of one chat one after another.

    An update waits for its chat's turn BEFORE it takes one of the shared processing slots.
    PTB's base class takes its slot first (in `process_update`, which is final): there, a chat
    with a backlog (one citizen sending hundreds of updates while their first answer waits on a
    slow send) fills every slot with updates that only wait, and nobody else is answered until
    the backlog drains. So the base class gets a bound it never reaches, and the real one is
    taken here, after the chat's lock.
    """

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(_NEVER_REACHED)
        self._slots = asyncio.BoundedSemaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates, then for a free slot, then process this one."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._slots:
                await coroutine
            return
        key = chat.id
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock, self._slots:  # asyncio.Lock is FIFO: arrival order is kept
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def build_application(
    settings: Settings,
    services: Services,
    asker: AskService,
    flows: Mapping[str, Flow] | None = None,
    *,
    webhook: bool | None = None,
    flood: FloodGuard | None = None,
) -> ShafafApp:
    """Wire handlers and dependencies into an Application (needs `settings.bot_token`)."""
    if settings.bot_token is None:
        raise ValueError("the bot needs SHAFAF_BOT_TOKEN")
    platform = platform_for(settings)
    use_webhook = settings.webhook_url is not None if webhook is None else webhook
    builder = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(platform.base_url)
        .base_file_url(platform.base_file_url)
        .context_types(ContextTypes(context=ShafafContext))
        .concurrent_updates(PerChatUpdateProcessor())
        # Replies go through aiohttp's pool (bot.http): httpx's costs a reply more CPU than
        # understanding the question does, once tens of replies are in flight.
        .request(AiohttpRequest(pool_size=REPLY_CONNECTIONS, **REPLY_TIMEOUTS))
        # PTB's default for getUpdates (one connection), plus mending of unparseable updates.
        .get_updates_request(TolerantUpdatesRequest(connection_pool_size=1))
        .post_init(_post_init)
    )
    if use_webhook:
        builder = builder.updater(None)  # updates arrive through our aiohttp route
    application: ShafafApp = builder.build()

    renderer = Renderer(platform, CallbackCodec())

    async def alert(chat_id: int, text: str) -> None:
        # Staff alerts quote citizens: escaped (Telegram) or defused (Bale) like any reply.
        notice = renderer.render_text(text)
        await application.bot.send_message(chat_id, notice.text, parse_mode=notice.parse_mode)

    engine = Conversation(
        services,
        asker,
        default_flows(services) if flows is None else flows,
        ConversationConfig(
            settings.zone,
            settings.staff_chat_id_set,
            settings.public_url,
            settings.stale_after_days,
        ),
        alert=alert,
    )
    deps = BotDeps(
        engine=engine,
        renderer=renderer,
        flood=flood or FloodGuard(),
        platform=platform,
    )
    application.bot_data[DEPS_KEY] = deps
    application.bot_data[SENDER_KEY] = OutboxSender(
        application.bot, services.outbox, platform.name, settings.send_rate
    )
    _add_handlers(application, settings)
    return application


def _add_handlers(application: ShafafApp, settings: Settings) -> None:
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    staff_chats = filters.Chat(chat_id=sorted(settings.staff_chat_id_set))
    groups = filters.ChatType.GROUPS & filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, flood_guard), group=-1)
    application.add_handlers(
        [
            CommandHandler(
                STAFF_COMMANDS,
                on_staff_command,
                filters=filters.UpdateType.MESSAGE & (filters.ChatType.PRIVATE | staff_chats),
            ),
            CommandHandler(list(CITIZEN_COMMANDS), on_command, filters=private),
            MessageHandler(private & filters.COMMAND, on_command),  # unknown commands
            MessageHandler(groups & filters.COMMAND, on_group_command),
            MessageHandler(private & filters.TEXT, on_text),
            MessageHandler(
                private & (filters.PHOTO | filters.LOCATION | filters.CONTACT), on_media
            ),
            MessageHandler(private, on_other),
            CallbackQueryHandler(on_button),
        ]
    )
    # Edited messages and channel posts match no handler on purpose: re-answering an edit would
    # double the conversation, and channels are not citizens.
    application.add_error_handler(on_error)


async def _post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Register the Persian command menu and the outbox job once the bot is known."""
    try:
        await application.bot.set_my_commands([BotCommand(c, d) for c, d in T.COMMANDS])
    except TelegramError:
        log.warning("setMyCommands failed; the command menu may be missing", exc_info=True)
    sender: OutboxSender = application.bot_data[SENDER_KEY]

    async def drain(_: object) -> None:
        await sender.drain()

    if application.job_queue is not None:
        application.job_queue.run_repeating(
            drain, interval=DRAIN_INTERVAL_SECONDS, first=0.5, name="outbox"
        )


def deps_of(application: ShafafApp) -> BotDeps:
    """Return the dependencies of a built application (tests, the runner)."""
    deps: BotDeps = application.bot_data[DEPS_KEY]
    return deps


def sender_of(application: ShafafApp) -> OutboxSender:
    """Return the outbox sender of a built application."""
    sender: OutboxSender = application.bot_data[SENDER_KEY]
    return sender


__all__ = ["Platform", "build_application", "deps_of", "sender_of"]
