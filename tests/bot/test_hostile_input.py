"""The hostile-input stall of issue 12, reproduced against the fake Bot API, then guarded.

One citizen sends a 10,000-character message, emoji only, SQL-like text, HTML with a script tag,
a sticker and a callback query with unknown 64-byte data; then another citizen asks an ordinary
question, which must get its right answer within 2 s — in polling and webhook mode, on Telegram
and on Bale. On Bale the sticker and the callback query arrive in Bale's shape (no
`is_animated`/`is_video`, no `chat_instance`), which python-telegram-bot cannot parse: before
`bot.inbound`, one such update made every later `getUpdates` return the same failing batch, so the
bot never answered anyone again.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from backend.conversation import texts as C
from backend.formatting import rial_exact
from tests.bot.conftest import BotHarness, bot_harness
from tests.bot.helpers import vat_share_rial
from tests.conftest import SAMPLE_DIR
from tests.fakes.updates import (
    callback_update,
    message_update,
    next_update_id,
    sticker_update,
)

Json = dict[str, Any]
QUESTION = "سهم مشهد از مالیات ارزش افزوده سال ۱۴۰۳ چقدر بود؟"
DEADLINE_SECONDS = 2.0  # the bar for an ordinary question
HOSTILE = 4_100_001
CITIZEN = 4_100_002
WARM_UP = 4_100_003
# 32 Persian letters: exactly 64 bytes of callback data, and no button of ours.
UNKNOWN_DATA = "ض" * 32


def hostile_burst(chat_id: int) -> list[Json]:
    """Return the six updates of the issue's report, in its order."""
    return [
        message_update(chat_id, ("مالیات پروژه ۱۴۰۳ " * 600)[:10_000]),
        message_update(chat_id, "😀👨‍👩‍👧‍👦🇮🇷🔥"),
        message_update(chat_id, "'; DROP TABLE feedback; -- SELECT * FROM vat_shares"),
        message_update(chat_id, '<script>alert("x")</script><b>سلام</b>'),
        sticker_update(chat_id),
        callback_update(chat_id, UNKNOWN_DATA, message_id=1),
    ]


async def answered_within(bot: BotHarness, update: Json, chat_id: int, seconds: float) -> str:
    """Feed `update` and return the text of the chat's first reply, if it came in `seconds`."""
    before = len(bot.fake.sent(chat_id))
    start = time.monotonic()
    await bot.feed(update)
    sent = await bot.fake.wait_sent(chat_id, before + 1, timeout=seconds + 5)
    elapsed = time.monotonic() - start
    assert elapsed <= seconds, f"answered after {elapsed:.2f}s, over the {seconds}s deadline"
    return str(sent[before].get("text", ""))


async def warm_up(bot: BotHarness) -> None:
    """Ask once, untimed: the deadline is about a running bot, not its first-question set-up."""
    await bot.roundtrip(message_update(WARM_UP, QUESTION))


def vat_1403_figure() -> str:
    """Return the exact figure the ordinary question must carry."""
    return rial_exact(vat_share_rial(SAMPLE_DIR, "mashhad", "1403-01", "1403-12"))


@pytest.mark.parametrize("platform", ["telegram", "bale"])
@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_hostile_burst_does_not_stall_the_next_citizen(
    sample_db_url: str, mode: str, platform: str
) -> None:
    async with bot_harness(sample_db_url, mode=mode, platform=platform) as bot:
        await warm_up(bot)
        for update in hostile_burst(HOSTILE):
            status = await bot.feed(update)
            assert status in (None, 200)  # a webhook never answers a delivered update with 4xx
        answer = await answered_within(
            bot, message_update(CITIZEN, QUESTION), CITIZEN, DEADLINE_SECONDS
        )
        assert vat_1403_figure() in answer

        # The hostile citizen is answered too, politely, once per message.
        sent = await bot.fake.wait_sent(HOSTILE, 6, timeout=10)
        texts = [m.get("text", "") for m in sent]
        assert C.TEXT_TRUNCATED in texts[0]
        assert any(C.UNSUPPORTED in t for t in texts)
        assert any(C.EXPIRED in t for t in texts)
        assert not bot.fake.unanswered_callbacks


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_an_update_nothing_can_parse_is_confirmed_and_skipped(
    sample_db_url: str, mode: str
) -> None:
    async with bot_harness(sample_db_url, mode=mode) as bot:
        await warm_up(bot)
        poison: list[Json] = [
            {"update_id": next_update_id(), "message": {"message_id": 1, "text": "no chat"}},
            {"update_id": next_update_id(), "inline_query": {"id": "q"}},
            {"update_id": next_update_id(), "callback_query": {"id": "cb-bare", "data": 7}},
            {"update_id": next_update_id(), "future_update_kind": {"anything": [1, 2]}},
        ]
        for update in poison:
            assert await bot.feed(update) in (None, 200)
        answer = await answered_within(
            bot, message_update(CITIZEN, QUESTION), CITIZEN, DEADLINE_SECONDS
        )
        assert vat_1403_figure() in answer
        # Every callback query is answered, even one with no sender, message or text data.
        await bot.fake.wait_for(lambda c: c.method == "answerCallbackQuery", timeout=5)
        assert not bot.fake.unanswered_callbacks
        if mode == "polling":
            await bot.settle(0.3)
            assert bot.fake.pending_updates == []  # confirmed, not fetched again and again


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_one_chats_backlog_does_not_hold_up_the_others(sample_db_url: str, mode: str) -> None:
    async with bot_harness(sample_db_url, mode=mode) as bot:
        await warm_up(bot)
        # The hostile chat's first answer hangs on a slow send while 300 more updates queue up
        # behind it: more than the 256 updates the bot processes at once.
        bot.fake.delay_next("sendMessage", 6.0, chat_id=HOSTILE)
        backlog = [message_update(HOSTILE, f"سلام {i}") for i in range(300)]
        if mode == "webhook":
            await asyncio.gather(*(bot.feed(u) for u in backlog))
        else:
            for update in backlog:
                await bot.feed(update)
        await bot.fake.wait_for(
            lambda c: c.method == "sendMessage" and c.params.get("chat_id") == HOSTILE,
            timeout=5,
            answered=False,
        )
        answer = await answered_within(
            bot, message_update(CITIZEN, QUESTION), CITIZEN, DEADLINE_SECONDS
        )
        assert vat_1403_figure() in answer
