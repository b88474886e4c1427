"""Faults: a flaky Bot API, concurrent SQLite writers, and SIGKILL during import and feedback."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from backend.services.feedback import FeedbackDraft
from benchmarks.import_speed import generate
from shafaf.runtime import open_runtime
from tests.bot.conftest import BotHarness
from tests.conftest import REPO, make_settings
from tests.fakes.updates import message_update

QUESTION = "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟"


# --- Bot API faults during Q&A --------------------------------------------------------------
@pytest.mark.parametrize(
    "fault",
    ["429", "500", "502", "drop", "slow"],
)
async def test_reply_is_delivered_despite_bot_api_fault(bot: BotHarness, fault: str) -> None:
    chat = 8100 + len(fault)
    if fault == "429":
        bot.fake.fail_next(
            "sendMessage",
            status=429,
            description="Too Many Requests: retry after 1",
            retry_after=1,
            chat_id=chat,
        )
    elif fault in ("500", "502"):
        bot.fake.fail_next(
            "sendMessage",
            status=int(fault),
            description="Internal Server Error",
            times=2,
            chat_id=chat,
        )
    elif fault == "drop":
        bot.fake.drop_connection_next("sendMessage")
    else:
        bot.fake.delay_next("sendMessage", 2.0)
    sent = await bot.roundtrip(message_update(chat, QUESTION), timeout=20)
    assert len(sent) == 1, sent  # delivered once, after the retries
    assert "۱۴۰۳" in sent[0]["text"] or "1403" in sent[0]["text"]


async def test_permanent_failure_is_logged_not_silent(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    chat = 8200
    bot.fake.fail_next(
        "sendMessage", status=500, description="Internal Server Error", times=10, chat_id=chat
    )
    await bot.feed(message_update(chat, QUESTION))
    for _ in range(200):
        if "error while handling update" in caplog.text:
            break
        await asyncio.sleep(0.05)
    assert "error while handling update" in caplog.text
    # And the bot is still answering others.
    sent = await bot.roundtrip(message_update(8201, "سلام"))
    assert sent


async def test_polling_survives_get_updates_faults(bot: BotHarness) -> None:
    bot.fake.fail_next("getUpdates", status=502, description="Bad Gateway", times=2)
    bot.fake.drop_connection_next("getUpdates")
    sent = await bot.roundtrip(message_update(8300, QUESTION), timeout=30)
    assert len(sent) == 1


# --- SQLite: concurrent writers ---------------------------------------------------------------
_WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from backend.services.feedback import FeedbackDraft
    from shafaf.runtime import open_runtime
    from tests.conftest import make_settings

    async def main(url, worker, count):
        async with open_runtime(make_settings(url), migrate=False) as runtime:
            async def one(i):
                info = await runtime.services.feedback.submit(FeedbackDraft(
                    "telegram", 10_000 + worker, 10_000 + worker, "suggestion",
                    f"w{worker} n{i}"))
                print(info.tracking_code, flush=True)
            await asyncio.gather(*(one(i) for i in range(count)))

    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
    """
)


def test_sqlite_concurrent_writers_never_see_database_locked(
    tmp_path: Path, templates: Any
) -> None:
    url = templates.copy("sqlite", with_sample=True)
    script = tmp_path / "writer.py"
    script.write_text(_WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), url, str(w), "40"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    codes: list[str] = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err[-2000:]
        assert "database is locked" not in err
        codes += out.split()
    assert len(codes) == len(set(codes)) == 160
    with sqlite3.connect(url.split("///", 1)[1]) as conn:
        assert conn.execute("SELECT count(*) FROM feedback").fetchone()[0] >= 160
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- SIGKILL during import: all or nothing ----------------------------------------------------
def _counts(path: str) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT count(*) FROM vat_shares").fetchone()[0],
            conn.execute("SELECT count(*) FROM municipalities").fetchone()[0],
        )


@pytest.mark.slow
def test_sigkill_during_import_leaves_all_or_nothing(tmp_path: Path, templates: Any) -> None:
    url = templates.copy("sqlite", with_sample=True)
    path = url.split("///", 1)[1]
    folder = tmp_path / "csv"
    folder.mkdir()
    rows, _ = generate(folder, 6)
    before = _counts(path)
    env = {**os.environ, "SHAFAF_DATABASE_URL": url}
    shafaf = Path(sys.executable).with_name("shafaf")
    wal = Path(path + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen(
        [str(shafaf), "import", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    killed_mid_write = False
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        # The write phase has begun once the WAL grows: kill the process right there.
        if wal.exists() and wal.stat().st_size > start_size + 1_000_000:
            proc.send_signal(signal.SIGKILL)
            killed_mid_write = True
            break
        time.sleep(0.002)
    proc.wait(timeout=30)
    after = _counts(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    complete = (before[0] + rows, after[1])
    assert after == before or after == complete, (before, after, rows)
    assert killed_mid_write, "the import finished before the write phase could be interrupted"
    # The database still takes the same import afterwards.
    done = subprocess.run(
        [str(shafaf), "import", str(folder)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert _counts(path)[0] == before[0] + rows


# --- SIGKILL during feedback submission: nothing acknowledged is lost -------------------------
_SUBMITTER = textwrap.dedent(
    """
    import asyncio, sys
    from backend.services.feedback import FeedbackDraft
    from shafaf.runtime import open_runtime
    from tests.conftest import make_settings

    async def main(url):
        async with open_runtime(make_settings(url), migrate=False) as runtime:
            i = 0
            while True:
                info = await runtime.services.feedback.submit(FeedbackDraft(
                    "telegram", 20_000, 20_000, "complaint", f"n{i}"))
                # Acknowledged: this is what the citizen sees as their tracking code.
                print(info.tracking_code, flush=True)
                i += 1

    asyncio.run(main(sys.argv[1]))
    """
)


async def test_sigkill_during_feedback_loses_nothing_acknowledged(
    tmp_path: Path, sample_db_url: str
) -> None:
    script = tmp_path / "submitter.py"
    script.write_text(_SUBMITTER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(script),
        sample_db_url,
        cwd=REPO,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    acknowledged: list[str] = []
    while len(acknowledged) < 40:
        line = await asyncio.wait_for(proc.stdout.readline(), timeout=60)
        assert line, "the submitter died early"
        acknowledged.append(line.decode().strip())
    proc.send_signal(signal.SIGKILL)
    rest = await proc.stdout.read()
    acknowledged += [c for c in rest.decode().split() if c]
    await proc.wait()
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        for code in acknowledged:
            info = await runtime.services.feedback.get(code)
            assert info.tracking_code == code
        # and the database takes new feedback at once
        new = await runtime.services.feedback.submit(
            FeedbackDraft("telegram", 20_001, 20_001, "thanks", "بعد از خاموشی")
        )
        assert new.tracking_code not in acknowledged


# --- Telegram re-posts an update it thinks we missed ------------------------------------------
async def test_webhook_redelivery_is_answered_once(sample_db_url: str) -> None:
    from tests.bot.conftest import bot_harness

    async with bot_harness(sample_db_url, mode="webhook") as bot:
        update = message_update(8400, QUESTION)
        assert await bot.fake.post_webhook(update) == 200
        assert await bot.fake.post_webhook(update) == 200  # same update_id again
        await bot.fake.wait_sent(8400, 1, timeout=10)
        await bot.settle(0.5)
        assert len(bot.fake.sent(8400)) == 1


def test_recent_ids_forget_the_oldest() -> None:
    from bot.webhook import RecentIds

    recent = RecentIds(size=3)
    assert all(recent.first_time(i) for i in (1, 2, 3))
    assert not recent.first_time(2)
    assert recent.first_time(4)  # 1 is forgotten now
    assert recent.first_time(1)
