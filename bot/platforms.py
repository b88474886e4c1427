"""Telegram and Bale from one codebase: base URLs, formatting and webhook secret handling.

Bale speaks (most of) Telegram's Bot API at `https://tapi.bale.ai/bot<token>/METHOD` but differs
in ways that matter here:

* no HTML parse mode: Bale renders its own light Markdown in plain messages, and has no escaping
  rule we can rely on, so Shafaf sends Bale plain text (no `parse_mode`) and never wraps user or
  database text in markup;
* no `X-Telegram-Bot-Api-Secret-Token` header on webhook calls: the secret goes into the webhook
  PATH instead (`/bot/webhook/<secret>`), compared in constant time.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Literal

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
    html: bool  # True: Telegram HTML parse mode; False: plain text
    secret_in_header: bool  # True: Telegram's header; False: the secret is a path segment

    def webhook_route(self) -> str:
        """Return the aiohttp route the webhook is served on."""
        return WEBHOOK_PATH if self.secret_in_header else WEBHOOK_PATH + "/{secret}"

    def webhook_registration_url(self, public_url: str, secret: str) -> str:
        """Return the URL given to setWebhook (Bale: the secret appended as a path segment)."""
        if self.secret_in_header:
            return public_url
        return f"{public_url.rstrip('/')}/{secret}"

    def secret_ok(self, header: str | None, path_secret: str | None, secret: str) -> bool:
        """Tell, in constant time, whether a webhook request carries the right secret."""
        given = header if self.secret_in_header else path_secret
        if not given:
            return False
        return hmac.compare_digest(given.encode(), secret.encode())


_DEFAULTS: dict[str, tuple[str, str, bool, bool]] = {
    "telegram": ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot", True, True),
    "bale": ("https://tapi.bale.ai/bot", "https://tapi.bale.ai/file/bot", False, False),
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
