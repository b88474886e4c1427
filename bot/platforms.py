"""Telegram and Bale from one codebase: base URLs, formatting and webhook set-up.

Bale speaks (most of) Telegram's Bot API at `https://tapi.bale.ai/bot<token>/METHOD` but differs
in ways that matter here (README, "Bale's differences"):

* no `parse_mode`: Bale renders its own light Markdown (`*bold*`, `_italic_`, `[text](url)`) in
  every plain message, so Shafaf sends Bale plain text, formats titles with those markers itself
  and defuses them in text from users or the database (`bot.render`);
* `setWebhook` takes only `url`: no `secret_token`, and Bale sends no
  `X-Telegram-Bot-Api-Secret-Token` header, so the secret goes into the webhook PATH instead
  (`/bot/webhook/<secret>`), compared in constant time;
* webhooks are delivered only to ports 443 and 88: any other port in `SHAFAF_WEBHOOK_URL` stops
  the start with a clear error rather than a bot that silently never hears anything;
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
from urllib.parse import urlsplit

from telegram import Update

from backend.config import Settings

PlatformName = Literal["telegram", "bale"]
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/bot/webhook"
BALE_WEBHOOK_PORTS = (443, 88)


class BotSetupError(ValueError):
    """A bot setting the platform cannot work with; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Platform:
    """What differs between the messengers Shafaf serves."""

    name: PlatformName
    base_url: str
    base_file_url: str
    html: bool  # True: Telegram HTML parse mode; False: plain text with Bale's own markers
    secret_in_header: bool  # True: Telegram's header; False: the secret is a path segment
    webhook_ports: tuple[int, ...] | None = None  # None: any port the platform takes

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

    def check_webhook_url(self, public_url: str) -> None:
        """Raise `BotSetupError` when the platform cannot deliver webhooks to `public_url`."""
        try:
            parts = urlsplit(public_url)
            port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
        except ValueError as exc:
            raise BotSetupError(
                f"SHAFAF_WEBHOOK_URL={public_url!r} is not a valid URL: {exc}"
            ) from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BotSetupError(
                f"SHAFAF_WEBHOOK_URL={public_url!r} must be an http(s) URL with a host name"
            )
        if self.webhook_ports is not None and port not in self.webhook_ports:
            ports = " and ".join(str(p) for p in self.webhook_ports)
            raise BotSetupError(
                f"SHAFAF_WEBHOOK_URL={public_url!r}: {self.name.capitalize()} delivers webhooks "
                f"only to ports {ports}, not {port}; put the bot behind a proxy on one of them"
            )

    def secret_ok(self, header: str | None, path_secret: str | None, secret: str) -> bool:
        """Tell, in constant time, whether a webhook request carries the right secret."""
        given = header if self.secret_in_header else path_secret
        if not given:
            return False
        return hmac.compare_digest(given.encode(), secret.encode())


_DEFAULTS: dict[str, tuple[str, str, bool, bool, tuple[int, ...] | None]] = {
    "telegram": (
        "https://api.telegram.org/bot",
        "https://api.telegram.org/file/bot",
        True,
        True,
        None,
    ),
    "bale": (
        "https://tapi.bale.ai/bot",
        "https://tapi.bale.ai/file/bot",
        False,
        False,
        BALE_WEBHOOK_PORTS,
    ),
}


def platform_for(settings: Settings) -> Platform:
    """Return the platform chosen by `SHAFAF_PLATFORM`, with any base URL overrides."""
    base, files, html, header, ports = _DEFAULTS[settings.platform]
    return Platform(
        name=settings.platform,
        base_url=settings.bot_api_url or base,
        base_file_url=settings.bot_file_url or files,
        html=html,
        secret_in_header=header,
        webhook_ports=ports,
    )
