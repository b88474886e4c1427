"""Run the bot inside `shafaf run`: polling or webhook, in the HTTP server's event loop.

Follows python-telegram-bot's `examples/customwebhookbot` shape: initialize and start the
Application ourselves, feed it from our own aiohttp route in webhook mode (or PTB's updater in
polling mode), and stop it before the database engine is disposed.
"""

from __future__ import annotations

import logging

from aiohttp import web
from telegram import Update

from backend.ask import AskService
from backend.config import Settings
from backend.services import Services
from bot.app import build_application
from bot.context import ShafafApp
from bot.platforms import platform_for
from bot.webhook import add_webhook_routes

log = logging.getLogger("shafaf.bot")


class BotRunner:
    """Own one Application's lifecycle."""

    def __init__(self, settings: Settings, services: Services, asker: AskService) -> None:
        self.settings = settings
        self.platform = platform_for(settings)
        self.webhook = settings.webhook_url is not None
        self.application: ShafafApp = build_application(
            settings, services, asker, webhook=self.webhook
        )
        self._started = False

    def attach(self, app: web.Application) -> None:
        """Serve the webhook path from the HTTP app (call before the app starts)."""
        add_webhook_routes(
            app, self.application, self.platform, self.settings.webhook_secret.get_secret_value()
        )

    async def start(self) -> None:
        """Connect to the Bot API and start receiving updates."""
        application = self.application
        await application.initialize()
        self._started = True  # from here on, stop() must shut the Application down
        if application.post_init is not None:
            # Only run_polling/run_webhook call post_init; we drive the lifecycle ourselves.
            await application.post_init(application)
        await application.start()
        if self.webhook:
            assert self.settings.webhook_url is not None
            secret = self.settings.webhook_secret.get_secret_value()
            await application.bot.set_webhook(
                **self.platform.set_webhook_arguments(self.settings.webhook_url, secret)
            )
            log.info(
                "bot on %s: webhook mode (%s%s)",
                self.platform.name,
                self.settings.webhook_url,
                "" if self.platform.secret_in_header else "/<secret>",
            )
        else:
            assert application.updater is not None
            await application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            log.info("bot on %s: long polling", self.platform.name)

    async def stop(self) -> None:
        """Stop receiving, finish running handlers and close the HTTP client."""
        if not self._started:
            return
        application = self.application
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        self._started = False
