"""Typed, validated settings read once from the environment and `.env` (contract section 2)."""

from __future__ import annotations

import re
import secrets
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from backend.clock import Clock

_JALALI_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class Settings(BaseSettings):
    """Everything an operator can set; the defaults run on a fresh machine."""

    model_config = SettingsConfigDict(
        env_prefix="SHAFAF_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = "sqlite+aiosqlite:///shafaf.db"
    bot_token: SecretStr | None = None
    platform: Literal["telegram", "bale"] = "telegram"
    bot_api_url: str | None = None
    bot_file_url: str | None = None
    webhook_url: str | None = None
    # A random secret per start unless the operator pins one (Telegram needs it stable only
    # for the lifetime of the webhook, which we re-register on every start).
    webhook_secret: SecretStr = Field(default_factory=lambda: SecretStr(secrets.token_urlsafe(32)))
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8080, ge=0, le=65535)
    staff_chat_ids: str = ""
    timezone: str = "Asia/Tehran"
    today: str | None = None
    send_rate: float = Field(default=25.0, gt=0, le=1000)
    # Weekly digest time in SHAFAF_TIMEZONE; weekday as Python counts it (Monday 0 … Saturday 5).
    digest_weekday: int = Field(default=5, ge=0, le=6)
    digest_hour: int = Field(default=9, ge=0, le=23)
    # Feedback contact details (phone, name) are erased this many days after submission.
    contact_retention_days: int = Field(default=180, ge=1, le=36500)
    # Where citizens reach the public site: absolute links in answers and data packages.
    public_url: str = "http://127.0.0.1:8080"
    # Data imported longer ago than this is flagged on pages, exports and answers.
    stale_after_days: int = Field(default=45, ge=1, le=36500)

    @field_validator(
        "bot_token", "bot_api_url", "bot_file_url", "webhook_url", "today", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^/\s]+(/\S*)?$", value):
            raise ValueError(f"public_url must be an http(s) URL, got {value!r}")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @field_validator("today")
    @classmethod
    def _jalali_today(cls, value: str | None) -> str | None:
        if value is not None:
            parse_jalali_date(value)
        return value

    @field_validator("staff_chat_ids")
    @classmethod
    def _chat_ids(cls, value: str) -> str:
        for part in _split_ids(value):
            int(part)  # raises ValueError with a clear message for junk
        return value

    @property
    def staff_chat_id_set(self) -> frozenset[int]:
        """Chat ids allowed to use the staff commands in the bot."""
        return frozenset(int(part) for part in _split_ids(self.staff_chat_ids))

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)

    def clock(self) -> Clock:
        """The clock these settings describe: the zone, and `SHAFAF_TODAY` pinned if set."""
        return Clock(self.zone, parse_jalali_date(self.today) if self.today is not None else None)

    def today_jalali(self) -> jdatetime.date:
        """Return "today" as a Jalali date: the pinned `SHAFAF_TODAY` or the zone's date."""
        return self.clock().today()


def _split_ids(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\s]+", value) if part.strip()]


def parse_jalali_date(value: str) -> jdatetime.date:
    """Parse a Jalali `YYYY-MM-DD` or raise ValueError."""
    match = _JALALI_DATE.match(value.strip())
    if not match:
        raise ValueError(f"not a Jalali YYYY-MM-DD date: {value!r}")
    year, month, day = (int(g) for g in match.groups())
    return jdatetime.date(year, month, day)


def load_settings(**overrides: object) -> Settings:
    """Build the settings once (environment, `.env`, then explicit overrides)."""
    return Settings(**overrides)  # type: ignore[arg-type]
