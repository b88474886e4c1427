"""Settings refuse nonsense at start: exit 2 and one line naming variable, value, expectation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from backend.config import (
    PAID_SEND_RATE,
    describe_invalid,
    load_settings,
    unknown_variables,
)
from tests.conftest import REPO

CONSOLE_SCRIPT = Path(sys.executable).with_name("shafaf")


def _shafaf(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `shafaf` in an empty folder with only `env` as its SHAFAF_* settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SHAFAF_")}
    command = (
        [str(CONSOLE_SCRIPT)] if CONSOLE_SCRIPT.exists() else [sys.executable, "-m", "shafaf.cli"]
    )
    return subprocess.run(
        [*command, *args],
        cwd=tmp_path,
        env={**clean, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value", "shown", "expected"),
    [
        ("SHAFAF_HTTP_PORT", "eighty", "'eighty'", "a whole number 0-65535"),
        ("SHAFAF_HTTP_PORT", "70000", "'70000'", "a whole number 0-65535"),
        ("SHAFAF_HTTP_HOST", "bad host!", "'bad host!'", "a host name or IP address"),
        ("SHAFAF_PLATFORM", "whatsapp", "'whatsapp'", "telegram or bale"),
        ("SHAFAF_DATABASE_URL", "shafaf.db", "'shafaf.db'", "sqlite+aiosqlite:///"),
        (
            "SHAFAF_DATABASE_URL",
            "postgresql+psycopg2://shafaf:s3cret@db/shafaf",
            "'postgresql+psycopg2://shafaf:***@db/shafaf'",
            "expected postgresql+asyncpg://",
        ),
        ("SHAFAF_DATABASE_URL", "oracle+nothing://x", "'oracle+nothing://x'", "unknown database"),
        (
            "SHAFAF_WEBHOOK_URL",
            "http://bot.example.org/hook",
            "'http://bot.example.org/hook'",
            "an https:// URL",
        ),
        (
            "SHAFAF_WEBHOOK_URL",
            "https://bot.example.org:9000/hook",
            "'https://bot.example.org:9000/hook'",
            "port 443, 80, 88 or 8443",
        ),
        ("SHAFAF_WEBHOOK_URL", "bot.example.org", "'bot.example.org'", "https:// URL"),
        ("SHAFAF_BOT_API_URL", "ftp://x/bot", "'ftp://x/bot'", "http:// or https:// URL"),
        ("SHAFAF_SEND_RATE", "0", "'0'", "more than 0 and at most 1000"),
        ("SHAFAF_SEND_RATE", "-5", "'-5'", "more than 0"),
        ("SHAFAF_SEND_RATE", "nan", "'nan'", "messages per second"),
        ("SHAFAF_SEND_RATE", "fast", "'fast'", "messages per second"),
        ("SHAFAF_PAID_BROADCAST", "maybe", "'maybe'", "1 or 0"),
        ("SHAFAF_TODAY", "1405-13-01", "'1405-13-01'", "a Jalali date YYYY-MM-DD"),
        ("SHAFAF_TODAY", "08/09/1405", "'08/09/1405'", "a Jalali date YYYY-MM-DD"),
        ("SHAFAF_TODAY", "2026-02-30", "'2026-02-30'", "a Jalali date YYYY-MM-DD"),
        ("SHAFAF_TIMEZONE", "Mars/Olympus", "'Mars/Olympus'", "an IANA time zone"),
        ("SHAFAF_STAFF_CHAT_IDS", "12, boss", "'12, boss'", "whole numbers"),
        ("SHAFAF_DIGEST_HOUR", "25", "'25'", "an hour 0-23"),
        ("SHAFAF_CONTACT_RETENTION_DAYS", "0", "'0'", "days, 1-36500"),
        ("SHAFAF_BOT_TOKEN", "not-a-token", "<hidden, 11 characters>", "digits, a colon"),
        ("SHAFAF_WEBHOOK_SECRET", "has spaces in it", "<hidden, 16 characters>", "letters"),
    ],
)
def test_a_bad_value_stops_shafaf_with_exit_2_and_one_line(
    tmp_path: Path, variable: str, value: str, shown: str, expected: str
) -> None:
    done = _shafaf(tmp_path, {variable: value}, "init")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"shafaf: invalid setting {variable}={shown}: "), lines[0]
    assert expected in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not (tmp_path / "shafaf.db").exists()  # stopped before touching anything


def test_secrets_never_reach_the_message(tmp_path: Path) -> None:
    done = _shafaf(tmp_path, {"SHAFAF_BOT_TOKEN": "12345:has a space"}, "init")
    assert done.returncode == 2
    assert "has a space" not in done.stderr and "12345" not in done.stderr


def test_two_bad_values_give_two_lines(tmp_path: Path) -> None:
    done = _shafaf(tmp_path, {"SHAFAF_HTTP_PORT": "x", "SHAFAF_PLATFORM": "icq"}, "init")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert [line.split("=")[0] for line in lines] == [
        "shafaf: invalid setting SHAFAF_PLATFORM",
        "shafaf: invalid setting SHAFAF_HTTP_PORT",
    ]


def test_a_gregorian_today_is_converted_and_said_so(tmp_path: Path) -> None:
    done = _shafaf(
        tmp_path,
        {"SHAFAF_TODAY": "2026-11-29", "SHAFAF_DATABASE_URL": f"sqlite:///{tmp_path}/x.db"},
        "staff",
        "list",
    )
    assert done.returncode == 0, done.stderr
    assert (
        "SHAFAF_TODAY=2026-11-29 is a Gregorian date; using its Jalali equivalent 1405-09-08"
        in done.stderr
    )


def test_a_misspelt_variable_is_pointed_out(tmp_path: Path) -> None:
    done = _shafaf(
        tmp_path,
        {"SHAFAF_DATABSE_URL": "x", "SHAFAF_DATABASE_URL": f"sqlite:///{tmp_path}/x.db"},
        "staff",
        "list",
    )
    assert done.returncode == 0, done.stderr
    assert "SHAFAF_DATABSE_URL is not a setting (ignored); did you mean SHAFAF_DATABASE_URL?" in (
        done.stderr
    )


def test_gregorian_today_becomes_jalali_in_the_settings() -> None:
    settings = load_settings(today="2026-11-29")
    assert settings.today == "1405-09-08"
    assert str(settings.today_jalali()) == "1405-09-08"
    assert load_settings(today="۱۴۰۵-۹-۸").today == "1405-09-08"


def test_driverless_urls_get_the_shipped_async_drivers() -> None:
    assert load_settings(database_url="sqlite:///x.db").database_url == "sqlite+aiosqlite:///x.db"
    assert (
        load_settings(database_url="postgres://u:p@h:5433/d").database_url
        == "postgresql+asyncpg://u:p@h:5433/d"
    )
    url = "postgresql+asyncpg://u@h/d"
    assert load_settings(database_url=url).database_url == url


def test_a_local_bot_api_server_may_call_plain_http_on_any_port() -> None:
    settings = load_settings(
        bot_api_url="http://127.0.0.1:8081/bot", webhook_url="http://127.0.0.1:9000/hook"
    )
    assert settings.webhook_url == "http://127.0.0.1:9000/hook"
    with pytest.raises(ValidationError) as refused:
        load_settings(platform="bale", webhook_url="https://bot.example.org:8443/hook")
    [line] = describe_invalid(refused.value)
    assert "port 443 or 88, the only ones Bale delivers webhooks to" in line


def test_unknown_variables_only_near_misses() -> None:
    notes = unknown_variables(["SHAFAF_SEND_RAT", "SHAFAF_TEST_NOW", "SHAFAF_FUZZ_SEED", "PATH"])
    assert notes == ["SHAFAF_SEND_RAT is not a setting (ignored); did you mean SHAFAF_SEND_RATE?"]


def test_paid_broadcast_raises_the_rate_on_telegram_only() -> None:
    assert load_settings().broadcast_rate == 25
    assert load_settings(paid_broadcast=True).broadcast_rate == PAID_SEND_RATE
    assert load_settings(paid_broadcast=True, send_rate=200).broadcast_rate == 200
    bale = load_settings(paid_broadcast=True, platform="bale")
    assert bale.broadcast_rate == 25 and not bale.paid_broadcast_active
    assert any("ignored on bale" in note for note in bale.startup_warnings())
    assert any("free limit" in note for note in load_settings(send_rate=100).startup_warnings())
