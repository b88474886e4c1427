"""Feedback from /feedback to tracking code, across a restart, to the staff reply delivered."""

from __future__ import annotations

import re

from backend.conversation import texts as C
from backend.conversation import texts as F
from bot import texts as T
from tests.bot.conftest import STAFF_CHAT, bot_harness
from tests.bot.helpers import press, text_of
from tests.fakes.updates import command_update, contact_update, message_update, photo_update

CITIZEN = 2001


async def test_feedback_survives_restart_and_gets_staff_reply(sample_db_url: str) -> None:
    async with bot_harness(sample_db_url) as bot:
        kinds = await bot.roundtrip(command_update(CITIZEN, "feedback"))
        project_step = await bot.roundtrip(press(kinds, F.FB_KIND_BUTTONS["complaint"], CITIZEN))
        assert F.FB_BTN_GENERAL in str(project_step[-1]["reply_markup"])

    # A new process over the same database continues where the citizen was.
    async with bot_harness(sample_db_url) as bot:
        text_step = await bot.roundtrip(press(project_step, F.FB_BTN_GENERAL, CITIZEN))
        assert text_step
        words = "چراغ‌های <b>پارک</b> & خیابان خاموش است"
        attach = await bot.roundtrip(message_update(CITIZEN, words))
        with_photo = await bot.roundtrip(photo_update(CITIZEN, "photo-42"))
        contact = await bot.roundtrip(
            press(with_photo or attach, F.FB_BTN_CONTINUE, CITIZEN), expect=2
        )
        assert contact[-1]["text"] == T.SHARE_CONTACT_HINT
        assert contact[-1]["reply_markup"]["keyboard"][0][0]["request_contact"] is True
        other = await bot.roundtrip(contact_update(CITIZEN, "+989120000000", own=False))
        assert other[0]["text"] == C.CONTACT_NOT_OWN
        summary = await bot.roundtrip(press(contact, F.FB_BTN_NO_CONTACT, CITIZEN))
        assert "پارک" in text_of(summary)
        done = await bot.roundtrip(press(summary, F.FB_BTN_SUBMIT, CITIZEN))
        match = re.search(r"SH-\d{6}", text_of(done))
        assert match, text_of(done)
        code = match.group(0)
        alert = await bot.fake.wait_sent(STAFF_CHAT, 1)
        assert code in alert[-1]["text"] and "<b>پارک</b> & خیابان" in alert[-1]["text"]
        info = await bot.runtime.services.feedback.get(code)
        assert info.has_photo and info.kind == "complaint" and info.chat_id == CITIZEN

        before = len(bot.fake.sent(CITIZEN))
        await bot.roundtrip(command_update(STAFF_CHAT, "reply", f"{code} فردا درست می‌شود"))
        notice = await bot.fake.wait_sent(CITIZEN, before + 1, timeout=8)
        assert "فردا درست می‌شود" in notice[-1]["text"] and code in notice[-1]["text"]


async def test_cancel_leaves_the_flow(sample_db_url: str) -> None:
    async with bot_harness(sample_db_url) as bot:
        await bot.roundtrip(message_update(CITIZEN, "می‌خواهم شکایت ثبت کنم"))
        assert await bot.runtime.services.conversations.get("telegram", CITIZEN) is not None
        bye = await bot.roundtrip(command_update(CITIZEN, "cancel"))
        assert bye[0]["text"] == C.CANCELLED
        assert await bot.runtime.services.conversations.get("telegram", CITIZEN) is None
