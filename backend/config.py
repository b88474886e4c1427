"""Typed, validated settings read once from the environment and `.env` (contract section 2).

Every value is checked when the settings are built, so a bad one stops `shafaf` at start with
a line naming the variable, the value and what is expected (`describe_invalid`), instead of a
surprise later: a Gregorian `SHAFAF_TODAY` read as a Jalali year, a webhook Telegram will never
call, a database URL whose driver blocks the event loop.
"""

from __future__ import annotations

import datetime as dt
import difflib
import ipaddress
import logging
import re
import secrets
from collections.abc import Iterable
from typing import Literal
from urllib.parse import SplitResult, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime
from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from backend.clock import Clock
from nlp.digits import to_ascii_digits

log = logging.getLogger("shafaf.config")

ENV_PREFIX = "SHAFAF_"
_JALALI_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ANY_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_TOKEN = re.compile(r"^[0-9]+:[A-Za-z0-9_-]+$")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # Telegram's rule for secret_token
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*\.?$")
MIN_JALALI_YEAR, MAX_JALALI_YEAR = 1300, 1499
# Telegram delivers webhooks to these ports only; Bale (per its notes) to 443 and 88.
WEBHOOK_PORTS: dict[str, tuple[int, ...]] = {"telegram": (443, 80, 88, 8443), "bale": (443, 88)}
FREE_SEND_RATE = 30.0  # Telegram's broadcast limit without paid broadcasts
PAID_SEND_RATE = 1000.0  # with `allow_paid_broadcast` (a fee in Stars per message)
# Written without a driver, these mean the driver the project ships; any other sync driver
# would block the event loop and is refused.
_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}

# What each setting expects, for messages about values pydantic itself refuses (wrong type,
# out of range); the validators below say it in their own words.
EXPECTED: dict[str, str] = {
    "database_url": "an async SQLAlchemy URL, e.g. sqlite+aiosqlite:///shafaf.db or "
    "postgresql+asyncpg://user:password@host/db",
    "bot_token": "the bot token from BotFather: digits, a colon, then letters, digits, _ or -",
    "platform": "telegram or bale",
    "bot_api_url": "an http:// or https:// URL, e.g. http://127.0.0.1:8081/bot",
    "bot_file_url": "an http:// or https:// URL, e.g. http://127.0.0.1:8081/file/bot",
    "webhook_url": "an https:// URL Telegram or Bale can reach",
    "webhook_secret": "1 to 256 characters: letters, digits, _ or -",
    "http_host": "a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0",
    "http_port": "a whole number 0-65535 (0 = any free port)",
    "staff_chat_ids": "chat ids (whole numbers) separated by commas or spaces",
    "timezone": "an IANA time zone, e.g. Asia/Tehran",
    "today": "a Jalali date YYYY-MM-DD, e.g. 1405-09-08",
    "send_rate": f"messages per second, more than 0 and at most {PAID_SEND_RATE:g}",
    "paid_broadcast": "1 or 0 (or true/false, yes/no, on/off)",
    "digest_weekday": "a weekday 0-6 as Python counts them (Monday 0 … Saturday 5, Sunday 6)",
    "digest_hour": "an hour 0-23",
    "contact_retention_days": "a whole number of days, 1-36500",
    "public_url": "the public site's http(s) URL, e.g. https://shafaf.example",
    "stale_after_days": "a whole number of days, 1-36500",
}
_SECRET = frozenset({"bot_token", "webhook_secret"})


class Settings(BaseSettings):
    """Everything an operator can set; the defaults run on a fresh machine."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", env_file_encoding="utf-8", extra="ignore"
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
    send_rate: float = Field(default=25.0, gt=0, le=PAID_SEND_RATE, allow_inf_nan=False)
    # Telegram only: digests go out with `allow_paid_broadcast` at up to 1000 messages/s.
    paid_broadcast: bool = False
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

    @field_validator("platform", mode="before")
    @classmethod
    def _platform_any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _async_database_url(cls, value: str) -> str:
        return async_database_url(value)

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN.match(value.get_secret_value().strip()):
            raise ValueError(f"expected {EXPECTED['bot_token']}")
        return None if value is None else SecretStr(value.get_secret_value().strip())

    @field_validator("bot_api_url", "bot_file_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if value is not None:
            _http_url(value)
        return value

    @field_validator("webhook_url")
    @classmethod
    def _webhook(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        parts = _http_url(value)
        # A local Bot API server (SHAFAF_BOT_API_URL) calls any URL and port, plain HTTP too;
        # the public servers call HTTPS on a few ports only.
        if info.data.get("bot_api_url") is not None:
            return value
        if parts.scheme != "https":
            raise ValueError(
                "expected an https:// URL: Telegram and Bale deliver webhooks over HTTPS only "
                "(plain HTTP works only with a local Bot API server, SHAFAF_BOT_API_URL)"
            )
        platform = str(info.data.get("platform", "telegram"))
        ports = WEBHOOK_PORTS.get(platform, WEBHOOK_PORTS["telegram"])
        if (parts.port or 443) not in ports:
            listed = ", ".join(str(p) for p in ports[:-1]) + f" or {ports[-1]}"
            raise ValueError(
                f"expected port {listed}, the only ones {platform.capitalize()} delivers "
                "webhooks to; run behind a proxy on one of them"
            )
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr) -> SecretStr:
        if not _WEBHOOK_SECRET.match(value.get_secret_value()):
            raise ValueError(f"expected {EXPECTED['webhook_secret']}")
        return value

    @field_validator("http_host")
    @classmethod
    def _listen_host(cls, value: str) -> str:
        host = value.strip()
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            if not _HOST_NAME.match(host):
                raise ValueError(f"expected {EXPECTED['http_host']}") from None
        return host

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone; expected {EXPECTED['timezone']}") from None
        return value

    @field_validator("today")
    @classmethod
    def _jalali_today(cls, value: str | None) -> str | None:
        return None if value is None else jalali_today(value)

    @field_validator("staff_chat_ids")
    @classmethod
    def _chat_ids(cls, value: str) -> str:
        for part in _split_ids(value):
            if not re.fullmatch(r"-?[0-9]+", part):
                raise ValueError(
                    f"{part!r} is not a chat id; expected {EXPECTED['staff_chat_ids']}"
                )
        return value

    @property
    def staff_chat_id_set(self) -> frozenset[int]:
        """Chat ids allowed to use the staff commands in the bot."""
        return frozenset(int(part) for part in _split_ids(self.staff_chat_ids))

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)

    @property
    def paid_broadcast_active(self) -> bool:
        """Tell whether digests go out as paid broadcasts (Telegram only; Bale has none)."""
        return self.paid_broadcast and self.platform == "telegram"

    @property
    def broadcast_rate(self) -> float:
        """Broadcast messages per second: `SHAFAF_SEND_RATE`, or the paid limit when unset."""
        if self.paid_broadcast_active and "send_rate" not in self.model_fields_set:
            return PAID_SEND_RATE
        return self.send_rate

    def startup_warnings(self) -> list[str]:
        """Return what an operator should hear about settings that are valid but doubtful."""
        notes: list[str] = []
        if self.paid_broadcast and self.platform != "telegram":
            notes.append(
                f"SHAFAF_PAID_BROADCAST=1 is ignored on {self.platform}: paid broadcasts are a "
                "Telegram feature; digests are sent at SHAFAF_SEND_RATE"
            )
        if (
            self.platform == "telegram"
            and not self.paid_broadcast
            and self.bot_api_url is None
            and self.send_rate > FREE_SEND_RATE
        ):
            notes.append(
                f"SHAFAF_SEND_RATE={self.send_rate:g} is above Telegram's free limit of about "
                f"{FREE_SEND_RATE:g} messages/s: expect 429s that slow digests down "
                "(SHAFAF_PAID_BROADCAST=1 raises the limit, for a fee)"
            )
        return notes

    def clock(self) -> Clock:
        """The clock these settings describe: the zone, and `SHAFAF_TODAY` pinned if set."""
        return Clock(self.zone, parse_jalali_date(self.today) if self.today is not None else None)

    def today_jalali(self) -> jdatetime.date:
        """Return "today" as a Jalali date: the pinned `SHAFAF_TODAY` or the zone's date."""
        return self.clock().today()


def _split_ids(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\s]+", value) if part.strip()]


def _http_url(value: str) -> SplitResult:
    parts = urlsplit(value.strip())
    try:
        parts.port  # noqa: B018 - parsing it is the check: a port that is not a number raises
    except ValueError:
        raise ValueError("the port is not a number 0-65535") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            "expected an http:// or https:// URL with a host, e.g. https://example.org/x"
        )
    return parts


def async_database_url(value: str) -> str:
    """Return the URL with an async driver, or raise ValueError saying what is expected."""
    text = value.strip()
    if text.startswith("postgres://"):  # the alias Heroku and others print
        text = "postgresql://" + text.removeprefix("postgres://")
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise ValueError(f"not a database URL; expected {EXPECTED['database_url']}") from None
    if url.drivername in _ASYNC_DRIVERS:
        upgraded = url.set(drivername=_ASYNC_DRIVERS[url.drivername])
        log.info(
            "SHAFAF_DATABASE_URL: %s:// read as %s:// (the async driver Shafaf ships)",
            url.drivername,
            upgraded.drivername,
        )
        return _render(upgraded)
    try:
        dialect = url.get_dialect()
    except NoSuchModuleError:
        raise ValueError(
            f"unknown database {url.drivername!r}; expected {EXPECTED['database_url']}"
        ) from None
    if not dialect.is_async:
        backend = url.get_backend_name()
        better = _ASYNC_DRIVERS.get(backend, "an async driver")
        raise ValueError(
            f"{url.drivername} is a synchronous driver, which would block the event loop; "
            f"expected {better}://…"
        )
    try:
        dialect.import_dbapi()
    except ImportError:
        raise ValueError(
            f"the driver of {url.drivername} is not installed; expected {EXPECTED['database_url']}"
        ) from None
    return text


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def jalali_today(value: str) -> str:
    """Return `SHAFAF_TODAY` as a Jalali YYYY-MM-DD; a Gregorian date is converted, and logged."""
    text = to_ascii_digits(value.strip())
    match = _ANY_DATE.match(text)
    if not match:
        raise ValueError(f"expected {EXPECTED['today']}")
    year, month, day = (int(g) for g in match.groups())
    if 1900 <= year <= 2199:  # no Jalali year of this era: the operator meant a Gregorian date
        try:
            gregorian = dt.date(year, month, day)
        except ValueError:
            raise ValueError(f"not a date in any calendar; expected {EXPECTED['today']}") from None
        day_j = jdatetime.date.fromgregorian(date=gregorian)
        converted = f"{day_j.year:04d}-{day_j.month:02d}-{day_j.day:02d}"
        log.warning(
            "SHAFAF_TODAY=%s is a Gregorian date; using its Jalali equivalent %s "
            "(SHAFAF_TODAY expects a Jalali YYYY-MM-DD)",
            value.strip(),
            converted,
        )
        return converted
    if not MIN_JALALI_YEAR <= year <= MAX_JALALI_YEAR:
        raise ValueError(
            f"expected a Jalali date YYYY-MM-DD with a year {MIN_JALALI_YEAR}-{MAX_JALALI_YEAR}, "
            "e.g. 1405-09-08"
        )
    try:
        jdatetime.date(year, month, day)
    except ValueError:
        raise ValueError(
            "no such Jalali day (months 1-6 have 31 days, 7-11 have 30, Esfand 29 or 30); "
            f"expected {EXPECTED['today']}"
        ) from None
    return f"{year:04d}-{month:02d}-{day:02d}"


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


def env_name(field: str) -> str:
    """Return the environment variable of a settings field."""
    return ENV_PREFIX + field.upper()


def _shown(field: str, value: object) -> str:
    """Show a refused value in a message, without secrets and without flooding the terminal."""
    if field in _SECRET:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        return f"<hidden, {len(raw)} characters>"
    text = str(value)
    if field == "database_url":
        # A password must not reach a terminal or a log, even in a URL that does not parse.
        text = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)
    if len(text) > 80:
        text = text[:77] + "..."
    return repr(text)


def describe_invalid(error: ValidationError) -> list[str]:
    """Return one line per refused setting: the variable, the value and what is expected."""
    lines: list[str] = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        if problem["type"] == "value_error":
            reason = str(problem["ctx"]["error"]) if "ctx" in problem else problem["msg"]
        else:
            reason = "expected " + EXPECTED.get(field, problem["msg"])
        value = _shown(field, problem.get("input"))
        lines.append(f"{env_name(field)}={value}: {reason}")
    return lines


def unknown_variables(names: Iterable[str]) -> list[str]:
    """Return a warning for each SHAFAF_* name that looks like a misspelt setting."""
    known = {env_name(field) for field in Settings.model_fields}
    notes = []
    for name in sorted(set(names)):
        if not name.startswith(ENV_PREFIX) or name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
        if close:
            notes.append(f"{name} is not a setting (ignored); did you mean {close[0]}?")
    return notes


def dotenv_names(path: str = ".env") -> list[str]:
    """Return the variable names a `.env` file sets (none when there is no file)."""
    from dotenv import dotenv_values

    try:
        return list(dotenv_values(path))
    except (OSError, UnicodeDecodeError):
        return []
