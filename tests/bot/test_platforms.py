"""Webhook mode (secret checks) and the Bale rendering, against the fake Bot API."""

from __future__ import annotations

import aiohttp
import pytest

from backend.conversation import texts as C
from tests.bot.conftest import bot_harness
from tests.bot.helpers import buttons
from tests.fakes.updates import command_update, message_update


@pytest.mark.parametrize("platform", ["telegram", "bale"])
async def test_webhook_rejects_wrong_or_missing_secret(sample_db_url: str, platform: str) -> None:
    async with bot_harness(sample_db_url, platform=platform, mode="webhook") as bot:
        registered = bot.fake.webhook["url"]
        public = bot.settings.webhook_url
        assert public is not None and registered.startswith(public)
        if platform == "bale":
            assert registered != public  # the secret rides in the path
        else:
            assert bot.fake.webhook["secret_token"]
        base = f"{bot.site_url}/bot/webhook"
        bad = [
            (base, {}),
            (base, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}),
            (f"{base}/wrong", {}),
        ]
        async with aiohttp.ClientSession() as session:
            for url, headers in bad:
                update = message_update(3001, "سلام")
                async with session.post(url, json=update, headers=headers) as response:
                    assert response.status == 403, url
        await bot.settle(0.4)
        assert bot.fake.sent(3001) == []
        sent = await bot.roundtrip(message_update(3001, "سلام"))
        assert len(sent) == 1


async def test_bale_sends_plain_text_with_keyboards(sample_db_url: str) -> None:
    async with bot_harness(sample_db_url, platform="bale") as bot:
        sent = await bot.roundtrip(command_update(3002, "start", "p_P-1001"), expect=2)
        assert all(m["parse_mode"] is None for m in sent)
        assert "<b>" not in sent[0]["text"] and "خط ۴ قطار شهری" in sent[0]["text"]
        assert buttons(sent[0])
        assert all(len(b["callback_data"].encode()) <= 64 for b in buttons(sent[0]))


async def test_long_reply_is_split_under_the_limit(sample_db_url: str) -> None:
    async with bot_harness(sample_db_url) as bot:
        bot.deps.renderer.limit = 300  # force splitting on a normal answer
        sent = await bot.roundtrip(message_update(3003, "سهم مشهد از مالیات سال ۱۴۰۳"), expect=2)
        assert len(sent) >= 2
        assert all(len(m["text"]) <= 300 for m in sent)
        assert "reply_markup" not in sent[0] and buttons(sent[-1])
        assert C.RATE_UP in [b["text"] for b in buttons(sent[-1])]
