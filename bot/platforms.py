"""Telegram and Bale from one codebase: base URLs, formatting and webhook set-up.

Bale speaks (most of) Telegram's Bot API at `https://tapi.bale.ai/bot<token>/METHOD` but differs
in ways that matter here (README, "Bale's differences"):

* no `parse_mode`: Bale renders its own light Markdown (`*bold*`, `_italic_`, `[text](url)`) in
  every plain message, so Shafaf sends Bale plain text, formats titles with those markers itself
  and defuses them in text from users or the database (`bot.render`);
* `setWebhook` takes only `url`: no `secret_token`, and Bale sends no
  `X-Telegram-Bot-Api-Secret-Token` header, so the secret goes into the webhook PATH instead
  (`/bot/webhook/<secret>`), compared in constant time;
* webhooks are delivered only to ports 443 and 88: the settings refuse any other port in
  `SHAFAF_WEBHOOK_URL` at start (`backend.config.WEBHOOK_PORTS`, the one table of ports);
* every callback query expects `answerCallbackQuery`, including forged, expired and flooded ones;
* editing a message that carries an inline keyboard is unreliable, so Shafaf never edits: every
  answer is a fresh message, on both platforms;
* updates lack fields python-telegram-bot requires (a callback query's `chat_instance`, a
  sticker's `is_animated`/`is_video`): `bot.inbound` fills them in.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any, Literal

from telegram import Update

from backend.config import Settings

PlatformName = Literal["telegram", "bale"]
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/bot/webhook"


@dataclass(frozen=True, slots=True)
class Platform:
    """What differs between the messengers Shafaf serves."""

    name: PlatformName
    base_url: str
    base_file_url: str
    html: bool  # True: Telegram HTML parse mode; False: plain text with Bale's own markers
    secret_in_header: bool  # True: Telegram's header; False: the secret is a path segment

    def webhook_route(self) -> str:
        """Return the aiohttp route the webhook is served on."""
        return WEBHOOK_PATH if self.secret_in_header else WEBHOOK_PATH + "/{secret}"

    def webhook_registration_url(self, public_url: str, secret: str) -> str:
        """Return the URL given to setWebhook (Bale: the secret appended as a path segment)."""
        if self.secret_in_header:
            return public_url
        return f"{public_url.rstrip('/')}/{secret}"

    def set_webhook_arguments(self, public_url: str, secret: str) -> dict[str, Any]:
        """Return the keyword arguments of `Bot.set_webhook` (Bale takes only `url`)."""
        url = self.webhook_registration_url(public_url, secret)
        if not self.secret_in_header:
            return {"url": url}
        return {"url": url, "secret_token": secret, "allowed_updates": Update.ALL_TYPES}

    def secret_ok(self, header: str | None, path_secret: str | None, secret: str) -> bool:
        """Tell, in constant time, whether a webhook request carries the right secret."""
        given = header if self.secret_in_header else path_secret
        if not given:
            return False
        return hmac.compare_digest(given.encode(), secret.encode())


_DEFAULTS: dict[str, tuple[str, str, bool, bool]] = {
    "telegram": (
        "https://api.telegram.org/bot",
        "https://api.telegram.org/file/bot",
        True,
        True,
    ),
    "bale": (
        "https://tapi.bale.ai/bot",
        "https://tapi.bale.ai/file/bot",
        False,
        False,
    ),
}


def platform_for(settings: Settings) -> Platform:
    """Return the platform chosen by `SHAFAF_PLATFORM`, with any base URL overrides."""
    base, files, html, header = _DEFAULTS[settings.platform]
    return Platform(
        name=settings.platform,
        base_url=settings.bot_api_url or base,
        base_file_url=settings.bot_file_url or files,
        html=html,
        secret_in_header=header,
    )
