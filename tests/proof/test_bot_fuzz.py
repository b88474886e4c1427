"""Fuzz the real bot: thousands of random updates through the webhook into the Application.

The bot runs as in `shafaf run` (webhook served by the HTTP app, the local FakeBotApi as Telegram)
over a fresh SQLite copy of the sample data. The updates: questions and junk text (Persian, Latin,
emoji, bidi marks, lone surrogates, up to 20,000 characters), commands with junk arguments, forged
and stale callback data, edited messages, stickers, photos without caption, other people's
contacts, group and channel messages, and re-deliveries of updates already sent.

"Every private text message gets exactly one reply" is checked precisely on *probe* chats: each
probe chat receives exactly one private text message (question, junk or command), possibly
delivered twice (Telegram's webhook retry), and must see exactly one `sendMessage` (a project
card may add its `sendLocation`). Busy chats take the rest of the traffic — at most 15 updates
each, under the per-user flood limit of 20 a minute — and there the checks are "no handler
error". Channels must get nothing. Afterwards the database must pass SQLite's integrity and
foreign-key checks, and a plain question must still be answered with the right figure.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import sqlite3
from typing import Any

import pytest

from backend.formatting import rial_exact
from tests.bot.conftest import bot_harness
from tests.bot.helpers import vat_share_rial
from tests.conftest import SAMPLE_DIR
from tests.fakes.updates import (
    callback_update,
    channel_post_update,
    command_update,
    contact_update,
    edited_message_update,
    group_message_update,
    location_update,
    message_update,
    photo_update,
    sticker_update,
)

Json = dict[str, Any]
UPDATES = int(os.environ.get("SHAFAF_FUZZ_UPDATES", "5000"))
SEED = int(os.environ.get("SHAFAF_FUZZ_SEED", "20251207"))
PROBE_BASE = 5_000_000
BUSY_BASE = 6_000_000
BUSY_CHATS = 420
MAX_PER_BUSY_CHAT = 15
POST_CONCURRENCY = 16

QUESTIONS = [
    "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟",
    "پارسال چقدر مالیات به شهرداری رسید",
    "پروژه‌های منطقه ۹",
    "از خرید ۵۰۰ هزار تومانی چقدر به شهر می‌رسه؟",
    "مالیات بر ارزش افزوده چیه",
    "گزارش‌های مالی",
    "سلام",
    "ممنون",
    "میخوام شکایت کنم",
    "وضعیت پیگیری SH-40213",
    "عضو خبرنامه بشم",
    "salam maliat mashhad chande",
    "هوا فردا چطوره؟",
    "پروژه پارک",
    "۱۴۰۲ و ۱۴۰۳ رو مقایسه کن",
]
JUNK_PIECES = [
    "\u200f",
    "\u200e",
    "\u202e",
    "\u2066",
    "\u200d",
    "\u200c",
    "\ufeff",
    "\u0300\u0301",
    "👨‍👩‍👧‍👦",
    "🇮🇷",
    "😀",
    "\ud83d",
    "\udfff",
    "\x00",
    "<b>",
    "&",
    "</i>",
    "*_`[",
    "\n",
    "مالیات",
    "پروژه",
    "۱۴۰۳",
    "99999999999999999999",
    "'; DROP TABLE feedback; --",
    "a",
]
COMMANDS = [
    "start",
    "help",
    "subscribe",
    "unsubscribe",
    "mysubscription",
    "feedback",
    "status",
    "cancel",
    "reply",
    "inbox",
    "show",
    "setstatus",
    "nonsense",
    "START",
    "start@other_bot",
]
CALLBACKS = [
    "p:P-1001",
    "p:NOPE",
    "r:1:1",
    "r:999999:0",
    "r:x:y",
    "w:feedback:kind:complaint",
    "w:feedback:zzz",
    "w:nope:1",
    "h:0123456789ab",
    "i:vat_share|p=1403-01:1403-12",
    "i:vat_share|p=9999-99:0000-00",
    "l:n=99999",
    "l:n=0",
    "q:nope",
    "m:main",
    "m:where",
    "u:weekly",
    "u:monthly",
    "x:",
    "s:SH-00000",
    "f:",
    "f:P-1001",
    "a:سلام",
    "",
    ":",
    "zz",
    "\ud800:x",
    "a:" + "ب" * 40,
]


def _junk(rng: random.Random) -> str:
    size = rng.choice([1, 3, 10, 40])
    text = "".join(rng.choice(JUNK_PIECES) for _ in range(size))
    roll = rng.random()
    if roll < 0.02:
        text = (text or "x") * (20_000 // max(1, len(text)) + 1)
        text = text[:20_000]
    elif roll < 0.06:
        text = (text or "x") * (4096 // max(1, len(text)) + 1)
        text = text[:4096]
    return text if text.strip("\x00 \n") else text + "؟"


def _probe_update(rng: random.Random, chat_id: int) -> Json:
    roll = rng.random()
    if roll < 0.45:
        return message_update(chat_id, rng.choice(QUESTIONS))
    if roll < 0.75:
        return message_update(chat_id, _junk(rng))
    args = rng.choice(["", "x", "p_P-1001", "p_", "p_" + "9" * 50, _junk(rng)[:100], "SH-1"])
    return command_update(chat_id, rng.choice(COMMANDS), args)


def _busy_update(rng: random.Random, chat_id: int, message_ids: list[int]) -> Json:
    roll = rng.random()
    mid = rng.choice(message_ids) if message_ids else 1
    if roll < 0.25:
        return message_update(chat_id, rng.choice([*QUESTIONS, _junk(rng)]))
    if roll < 0.45:
        data = rng.choice([*CALLBACKS, _junk(rng)[:64]])
        return callback_update(chat_id, data, message_id=mid)
    if roll < 0.55:
        return edited_message_update(chat_id, _junk(rng) or "x", message_id=mid)
    if roll < 0.62:
        return sticker_update(chat_id)
    if roll < 0.70:
        return photo_update(chat_id, f"photo-{chat_id}", caption=None)
    if roll < 0.78:
        return contact_update(
            chat_id, "+98912" + str(rng.randrange(10**6, 10**7)), own=rng.random() < 0.3
        )
    if roll < 0.83:
        return location_update(chat_id, rng.uniform(-90, 90), rng.uniform(-180, 180))
    args = rng.choice(["", "junk", _junk(rng)[:60]])
    return command_update(chat_id, rng.choice(COMMANDS), args)


def _other_update(rng: random.Random) -> Json:
    if rng.random() < 0.6:
        text = rng.choice(["/start", "/help@shafaf_test_bot", "/feedback x", "سلام", *QUESTIONS])
        return group_message_update(-100 - rng.randrange(50), text)
    return channel_post_update(-1_000_000 - rng.randrange(20), rng.choice(QUESTIONS))


def _plan(rng: random.Random, total: int) -> tuple[list[Json], dict[int, Json]]:
    """Return the updates in delivery order and the probe chats with their one message."""
    updates: list[Json] = []
    probes: dict[int, Json] = {}
    busy_counts: dict[int, int] = {}
    busy_mids: dict[int, list[int]] = {}
    delivered: list[Json] = []
    while len(updates) < total:
        roll = rng.random()
        if roll < 0.40:
            chat_id = PROBE_BASE + len(probes)
            update = _probe_update(rng, chat_id)
            probes[chat_id] = update
        elif roll < 0.85:
            chat_id = BUSY_BASE + rng.randrange(BUSY_CHATS)
            if busy_counts.get(chat_id, 0) >= MAX_PER_BUSY_CHAT:
                continue
            busy_counts[chat_id] = busy_counts.get(chat_id, 0) + 1
            update = _busy_update(rng, chat_id, busy_mids.setdefault(chat_id, []))
            message = update.get("message")
            if isinstance(message, dict):
                busy_mids[chat_id].append(int(message["message_id"]))
        elif roll < 0.95:
            update = _other_update(rng)
        else:
            if not delivered:
                continue
            # Telegram's retry of a webhook it thinks failed: the very same update again.
            updates.append(rng.choice(delivered))
            continue
        updates.append(update)
        delivered.append(update)
    return updates, probes


class _ErrorLog(logging.Handler):
    """Collect ERROR records from every logger (handler errors, PTB's own, the API's)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _integrity(path: str) -> tuple[str, list[Any]]:
    with sqlite3.connect(path) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    return ok, fk


@pytest.fixture
def sqlite_sample_url(templates: Any) -> str:
    """A fresh SQLite copy of the sample database (the integrity check is SQLite's)."""
    url: str = templates.copy("sqlite", with_sample=True)
    return url


@pytest.mark.slow
async def test_bot_survives_random_updates(sqlite_sample_url: str) -> None:
    db_url = sqlite_sample_url
    rng = random.Random(SEED)
    updates, probes = _plan(rng, UPDATES)
    errors = _ErrorLog()
    logging.getLogger().addHandler(errors)
    try:
        async with bot_harness(db_url, mode="webhook") as bot:
            sem = asyncio.Semaphore(POST_CONCURRENCY)
            statuses: list[int] = []

            async def post(update: Json) -> None:
                async with sem:
                    statuses.append(await bot.fake.post_webhook(update))

            # A re-delivery is the same dict, so it carries the same update_id as the first one.
            await asyncio.gather(*(post(u) for u in updates))
            assert set(statuses) == {200}, sorted(set(statuses))

            # Every probe chat: wait for its answer, then allow time for any (wrong) extra one.
            missing = [c for c in probes if not _sends(bot.fake.sent(c))]
            for chat_id in missing:
                await bot.fake.wait_sent(chat_id, 1, timeout=60)
            await _drain(bot)
            await asyncio.sleep(1.0)

            counts = {c: len(_sends(bot.fake.sent(c))) for c in probes}
            wrong = {c: n for c, n in counts.items() if n != 1}
            assert not wrong, (
                f"{len(wrong)} probe chats did not get exactly one reply, e.g. "
                + ", ".join(
                    f"{c}: {n} for {probes[c].get('message', {}).get('text', '')[:60]!r}"
                    for c, n in list(wrong.items())[:5]
                )
            )
            channel_sends = [m for m in bot.fake.sent() if m["chat"]["type"] == "channel"]
            assert not channel_sends

            question = "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟"
            sent = await bot.roundtrip(message_update(7_777_777, question))
            total = vat_share_rial(SAMPLE_DIR, "mashhad", "1403-01", "1403-12")
            assert len(sent) == 1 and rial_exact(total) in sent[0]["text"]
    finally:
        logging.getLogger().removeHandler(errors)
    assert not errors.records, "\n".join(f"{r.name}: {r.getMessage()}" for r in errors.records[:10])
    ok, fk = _integrity(db_url.split("///", 1)[1])
    assert ok == "ok"
    assert fk == []


def _sends(messages: list[Json]) -> list[Json]:
    return [m for m in messages if m["method"] == "sendMessage"]


async def _drain(bot: Any) -> None:
    """Wait until the Application has taken every queued update."""
    queue = bot.runner.application.update_queue
    for _ in range(600):
        if queue.empty():
            return
        await asyncio.sleep(0.1)
