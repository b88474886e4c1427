"""Privacy: contact details expire, logs hold no phones, tokens or citizens' words, and the bot
token is never printed (also not by `shafaf run` at start-up, even with -v)."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from backend.clock import utcnow
from backend.config import load_settings
from backend.conversation import texts as F
from backend.models import ConversationState, Feedback
from backend.retention import purge_contact_details, run_retention_forever
from backend.services.conversations import FlowState
from backend.services.feedback import FeedbackDraft
from shafaf.cli import quiet_third_party_loggers
from shafaf.runtime import Runtime
from tests.bot.conftest import bot_harness
from tests.bot.helpers import press, text_of
from tests.conftest import REPO
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.updates import command_update, contact_update, message_update

PHONE = "+989121234567"
CITIZEN = 3101


def test_retention_setting_default_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().contact_retention_days == 180
    monkeypatch.setenv("SHAFAF_CONTACT_RETENTION_DAYS", "30")
    assert load_settings().contact_retention_days == 30
    monkeypatch.setenv("SHAFAF_CONTACT_RETENTION_DAYS", "0")
    with pytest.raises(ValueError):
        load_settings()


async def _submit(runtime: Runtime, text: str, phone: str | None) -> str:
    info = await runtime.services.feedback.submit(
        FeedbackDraft(
            "telegram",
            4242,
            4242,
            "complaint",
            text,
            contact_phone=phone,
            contact_name="مریم" if phone else None,
        )
    )
    return info.tracking_code


async def test_purge_erases_only_old_contact_details(sample_runtime: Runtime) -> None:
    old = await _submit(sample_runtime, "چراغ خیابان خاموش است", PHONE)
    recent = await _submit(sample_runtime, "پیاده‌رو خراب است", "+989350000000")
    sessions = sample_runtime.services.sessions
    async with sessions() as session, session.begin():
        await session.execute(
            update(Feedback)
            .where(Feedback.tracking_code == old)
            .values(created_at=utcnow() - timedelta(days=181))
        )
    await sample_runtime.services.conversations.set(
        "telegram", 5151, FlowState("feedback", "contact", {"phone": PHONE})
    )
    async with sessions() as session, session.begin():
        await session.execute(
            update(ConversationState).values(updated_at=utcnow() - timedelta(days=200))
        )

    result = await purge_contact_details(sessions, 180)
    assert (result.feedback_contacts, result.stale_drafts) == (1, 1)
    async with sessions() as session:
        rows = {r.tracking_code: r for r in await session.scalars(select(Feedback))}
    assert rows[old].contact_phone is None and rows[old].contact_name is None
    assert rows[old].text == "چراغ خیابان خاموش است"  # the feedback itself stays
    assert rows[recent].contact_phone == "+989350000000"
    assert await sample_runtime.services.conversations.get("telegram", 5151) is None
    again = await purge_contact_details(sessions, 180)
    assert (again.feedback_contacts, again.stale_drafts) == (0, 0)


async def test_retention_loop_purges_at_start_and_survives_errors(
    sample_runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    code = await _submit(sample_runtime, "متن", PHONE)
    sessions = sample_runtime.services.sessions
    async with sessions() as session, session.begin():
        await session.execute(update(Feedback).values(created_at=utcnow() - timedelta(days=3)))
    task = asyncio.create_task(run_retention_forever(sessions, 2, interval=0.05))
    try:
        phone: str | None = PHONE
        for _ in range(100):
            async with sessions() as session:
                phone = await session.scalar(
                    select(Feedback.contact_phone).where(Feedback.tracking_code == code)
                )
            if phone is None:
                break
            await asyncio.sleep(0.05)
        assert phone is None
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    def broken() -> object:
        raise OSError("database down")

    with caplog.at_level(logging.WARNING, logger="shafaf.retention"):
        task = asyncio.create_task(run_retention_forever(broken, 2, interval=0.01))  # type: ignore[arg-type]
        await asyncio.sleep(0.1)
        assert not task.done()  # a failing round waits for the next one
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert "purge failed" in caplog.text


async def test_bot_session_logs_hold_no_phone_token_or_citizen_text(
    sample_db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    quiet_third_party_loggers()  # what `shafaf run` does; httpx at INFO would print the token
    words = "لامپ‌های کوچه باغ ملی سه هفته است که خاموش مانده و شب‌ها خطرناک است"
    question = "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟ منطقه دوازده"
    caplog.set_level(logging.INFO)
    async with bot_harness(sample_db_url) as bot:
        token = bot.settings.bot_token.get_secret_value() if bot.settings.bot_token else ""
        await bot.roundtrip(command_update(CITIZEN, "start"))
        await bot.roundtrip(message_update(CITIZEN, question))
        kinds = await bot.roundtrip(command_update(CITIZEN, "feedback"))
        step = await bot.roundtrip(press(kinds, F.FB_KIND_BUTTONS["complaint"], CITIZEN))
        await bot.roundtrip(press(step, F.FB_BTN_GENERAL, CITIZEN))
        attach = await bot.roundtrip(message_update(CITIZEN, words))
        contact = await bot.roundtrip(press(attach, F.FB_BTN_SKIP, CITIZEN), expect=2)
        await bot.roundtrip(contact_update(CITIZEN, "+989120000000", own=False))
        summary = await bot.roundtrip(contact_update(CITIZEN, PHONE, own=True))
        done = await bot.roundtrip(press(summary, F.FB_BTN_SUBMIT, CITIZEN))
        assert re.search(r"SH-\d{6}", text_of(done)), text_of(done)
        assert contact
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert records, "expected some INFO records from a bot session"
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in records)
    digits = re.sub(r"\D", "", logged)
    for secret in (token, token.partition(":")[2]):
        assert secret not in logged
    assert "9121234567" not in digits and "9120000000" not in digits
    assert words not in logged and words[:25] not in logged
    assert question not in logged and "منطقه دوازده" not in logged


async def test_shafaf_run_never_prints_the_token(tmp_path: Path) -> None:
    async with FakeBotApi(token="7212345678:AAHq9-secret-token-value_for_tests") as fake:
        env = {
            **os.environ,
            "SHAFAF_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'run.db'}",
            "SHAFAF_BOT_TOKEN": fake.token,
            "SHAFAF_BOT_API_URL": fake.base_url,
            "SHAFAF_BOT_FILE_URL": fake.file_url,
            "SHAFAF_HTTP_PORT": "0",
            "SHAFAF_TODAY": "1405-09-08",
        }
        shafaf = Path(sys.executable).with_name("shafaf")
        proc = await asyncio.create_subprocess_exec(
            str(shafaf),
            "-v",
            "run",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            limit=16 * 1024 * 1024,  # -v logs some very long DEBUG lines
        )
        assert proc.stdout is not None
        lines: list[str] = []
        try:
            async with asyncio.timeout(90):
                while True:
                    line = (await proc.stdout.readline()).decode(errors="replace")
                    assert line, "shafaf run exited early:\n" + "".join(lines)
                    lines.append(line)
                    if "long polling" in line:
                        break
            fake.push_update(message_update(CITIZEN, "سلام"))
            await fake.wait_sent(CITIZEN, 1, timeout=20)
        finally:
            proc.send_signal(signal.SIGTERM)
            rest, _ = await asyncio.wait_for(proc.communicate(), timeout=30)
        output = "".join(lines) + rest.decode(errors="replace")
    assert "long polling" in output
    secret = fake.token.partition(":")[2]
    assert fake.token not in output and secret not in output
    assert REPO.exists()
